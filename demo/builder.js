// The snippet builder: the options a webmaster chooses, a live <lapor-form> with them, and the snippet for
// where it goes (a plain page, a page with the tracker too, WordPress, or a page without scripts). It only
// writes what works: a site key the hub knows, an institution chosen from the directory, colours as a
// stylesheet rule (a style attribute is ignored on pages with a strict Content-Security-Policy).
import { InstitutionCombobox } from './institution-combobox.js';

const hub = window.location.origin;
const $ = (id) => document.getElementById(id);
const api = (path, signal) =>
  fetch(`${hub}/api/v1/${path}`, { signal }).then((res) => (res.ok ? res.json() : Promise.reject(res)));

const state = { site: undefined, institution: undefined };

const combobox = new InstitutionCombobox({
  input: $('institution'),
  list: $('institution-options'),
  status: $('institution-status'),
  search: async (q, signal) => (await api(`institutions?q=${encodeURIComponent(q)}&limit=8`, signal)).items,
  onChange(chosen) {
    state.institution = chosen;
    update();
  },
});

let siteTimer;
let siteCheck;
$('site').addEventListener('input', () => {
  clearTimeout(siteTimer);
  siteCheck?.abort();
  state.site = undefined;
  const key = $('site').value.trim();
  $('site-status').textContent = '';
  update();
  if (key) siteTimer = setTimeout(() => void checkSite(key), 250);
});

/** Only a key the hub knows goes into the snippet; its institution shows as the preset. */
async function checkSite(key) {
  siteCheck = new AbortController();
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(key)) {
    $('site-status').textContent = 'Kunci situs hanya berisi huruf, angka, - dan _, seperti yang dicetak hub.';
    return;
  }
  try {
    const config = await api(`sites/${encodeURIComponent(key)}/config`, siteCheck.signal);
    state.site = config;
    $('site-status').textContent = `Dikenal hub: ${config.name}, instansi ${config.institution.name}.`;
    if (!state.institution) combobox.choose(config.institution);
    if (config.category && !$('category').value) $('category').value = config.category.id;
    if (config.lockInstitution) $('lock').checked = true;
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('site-status').textContent =
      error.status === 404
        ? 'Hub ini tidak mengenal kunci situs tersebut; periksa penulisannya atau minta operator hub mendaftarkan situs Anda.'
        : 'Kunci situs tidak dapat diperiksa sekarang.';
  }
  update();
}

function options() {
  const site = state.site;
  const institution = state.institution;
  // The site's own institution needs no attribute: the key brings it.
  const ownInstitution = site && institution && site.institution.id === institution.id;
  return {
    site: site?.key,
    institution: ownInstitution ? undefined : institution?.id,
    lock: Boolean(institution) && $('lock').checked && !(ownInstitution && site.lockInstitution),
    // The site's own category needs no attribute either.
    category: $('category').value && $('category').value !== site?.category?.id ? $('category').value : undefined,
    kind: $('kind').value,
    lang: $('lang').value,
    primary: $('primary').value,
    radius: Math.min(24, Math.max(0, Number($('radius').value) || 0)),
  };
}

/** The element's attributes, in the order a reader expects them; lock-institution is the one without a value. */
function attributes(o) {
  return [
    ['site', o.site],
    ['institution', o.institution],
    ['lock-institution', o.lock ? '' : undefined],
    ['category', o.category],
    ['kind', o.kind === 'pengaduan' ? undefined : o.kind],
    ['lang', o.lang || undefined],
  ].filter(([, value]) => value !== undefined);
}

// An English page gets the English bundle, its texts compiled in: no lang to say, no translations to fetch.
const attributeText = (o) =>
  attributes(o)
    .filter(([name]) => !(name === 'lang' && o.lang === 'en'))
    .map(([name, value]) => (value ? ` ${name}="${value}"` : ` ${name}`))
    .join('');

const bundle = (o, name) => `${hub}/widget/${name}${o.lang === 'en' ? '.en' : ''}.js`;

function formPageLink(o) {
  const link = new URL('/lapor/', hub);
  for (const name of ['site', 'institution', 'category']) if (o[name]) link.searchParams.set(name, o[name]);
  if (o.lang === 'en') link.searchParams.set('lang', 'en');
  return link.href;
}

const noscript = (o) =>
  `  <noscript><a href="${formPageLink(o)}">${o.lang === 'en' ? 'File a report' : 'Buat laporan'}</a></noscript>`;

/** The script (`lapor-form` or `lapor` for both elements) and the form with its fallback link. */
const formLines = (o, script) => [
  `<script type="module" src="${bundle(o, script)}"></script>`,
  `<lapor-form${attributeText(o)}>`,
  noscript(o),
  '</lapor-form>',
];

const VARIANTS = {
  form: {
    help: 'Tempel di halaman tempat formulir harus muncul.',
    snippet: (o) => formLines(o, 'lapor-form').join('\n'),
    css: true,
  },
  both: {
    help: 'Satu skrip untuk kedua elemen: formulir dan pelacak laporan di halaman yang sama.',
    snippet: (o) =>
      [...formLines(o, 'lapor'), `<lapor-tracker${o.lang === 'id' ? ' lang="id"' : ''}></lapor-tracker>`].join('\n'),
    css: true,
  },
  wordpress: {
    help: 'Pasang plugin LAPOR! Embed (dist/lapor-embed-wordpress.zip dari hub ini), isi alamat hub dan kunci situs di Pengaturan → LAPOR!, lalu tempel kode pendek ini di halaman.',
    snippet: (o) => {
      const parts = attributes(o).map(([name, value]) =>
        name === 'lock-institution' ? 'lock_institution="1"' : `${name}="${value}"`,
      );
      return `[lapor_form${parts.length ? ` ${parts.join(' ')}` : ''}]`;
    },
    css: true,
  },
  iframe: {
    help: 'Untuk situs yang membuang skrip: halaman formulir milik hub dalam iframe. Skrip kecil di bawahnya, bila diizinkan, menyesuaikan tinggi iframe dengan formulir.',
    snippet: (o) =>
      o.site
        ? [
            `<iframe src="${formPageLink(o)}" title="Formulir pengaduan"`,
            '  width="100%" height="1800" loading="lazy"></iframe>',
            `<script type="module" src="${hub}/widget/lapor-frame.js"></script>`,
          ].join('\n')
        : `<a href="${formPageLink(o)}">${o.lang === 'en' ? 'File a report' : 'Buat laporan'}</a>`,
    css: false,
  },
};

function update() {
  const o = options();
  const variant = document.querySelector('input[name=variant]:checked').value;
  const { help, snippet, css } = VARIANTS[variant];
  $('lock').disabled = !state.institution;
  $('variant-help').textContent =
    variant === 'iframe' && !o.site
      ? 'Hanya situs terdaftar yang boleh membingkai halaman formulir hub: isi kunci situs untuk iframe. Tanpanya, tautkan ke halaman itu:'
      : help;
  $('snippet').textContent = snippet(o);
  $('css-part').hidden = !css;
  $('css-help').textContent =
    variant === 'wordpress'
      ? 'Warna, di Tampilan → Sesuaikan → CSS Tambahan:'
      : 'Warna, di stylesheet situs Anda (atribut style diabaikan di halaman dengan Content-Security-Policy ketat):';
  $('css').textContent = `lapor-form {\n  --lapor-color-primary: ${o.primary};\n  --lapor-radius: ${o.radius}px;\n}`;
  renderPreview(o);
}

let previewKey = '';
/** The live form, made anew only when what it shows changes (each new form asks the hub for its lists). */
function renderPreview(o) {
  const preview = $('preview');
  const key = JSON.stringify(attributes(o));
  if (key !== previewKey || !preview.firstElementChild) {
    previewKey = key;
    const form = document.createElement('lapor-form');
    for (const [name, value] of attributes(o)) form.setAttribute(name, value);
    preview.replaceChildren(form);
  }
  // Through the CSS object model, which a strict policy allows (a style attribute it would ignore).
  preview.firstElementChild.style.setProperty('--lapor-color-primary', o.primary);
  preview.firstElementChild.style.setProperty('--lapor-radius', `${o.radius}px`);
}

for (const id of ['lock', 'category', 'kind', 'lang', 'primary']) $(id).addEventListener('change', update);
$('radius').addEventListener('input', update);
for (const radio of document.querySelectorAll('input[name=variant]')) radio.addEventListener('change', update);

async function copy(id, done) {
  try {
    await navigator.clipboard.writeText($(id).textContent);
    $('copied').textContent = done;
  } catch {
    $('copied').textContent = 'Tidak dapat menyalin otomatis; pilih teksnya lalu salin.';
  }
}
$('copy').addEventListener('click', () => copy('snippet', 'Snippet disalin.'));
$('copy-css').addEventListener('click', () => copy('css', 'CSS disalin.'));

update();
api('categories')
  .then(({ items }) => {
    for (const category of items) $('category').append(new Option(category.name, category.id));
  })
  .catch(() => {
    $('copied').textContent = 'Daftar kategori tidak dapat dimuat dari hub.';
  });
