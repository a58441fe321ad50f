// The snippet builder: reads the hub's directory, shows a live <lapor-form> with the chosen
// options, and writes the snippet a webmaster pastes into their site.
const hub = window.location.origin;
const $ = (id) => document.getElementById(id);
const fields = ['institution', 'lock', 'category', 'kind', 'lang', 'primary', 'radius'];

async function loadDirectory() {
  const [institutions, categories] = await Promise.all([
    fetch(`${hub}/api/v1/institutions?limit=500`).then((r) => r.json()),
    fetch(`${hub}/api/v1/categories`).then((r) => r.json()),
  ]);
  for (const institution of institutions.items) {
    $('institutions').append(new Option(institution.name, institution.id));
  }
  for (const category of categories.items) {
    $('category').append(new Option(category.name, category.id));
  }
}

function options() {
  return {
    institution: $('institution').value.trim(),
    lock: $('lock').checked,
    category: $('category').value,
    kind: $('kind').value,
    lang: $('lang').value,
    primary: $('primary').value,
    radius: Number($('radius').value),
  };
}

function attributes(o) {
  const attrs = [];
  if (o.institution) attrs.push(['institution', o.institution]);
  if (o.institution && o.lock) attrs.push(['lock-institution', '']);
  if (o.category) attrs.push(['category', o.category]);
  if (o.kind !== 'pengaduan') attrs.push(['kind', o.kind]);
  if (o.lang) attrs.push(['lang', o.lang]);
  return attrs;
}

function style(o) {
  return `--lapor-color-primary: ${o.primary}; --lapor-radius: ${o.radius}px`;
}

function snippet(o) {
  const attrs = attributes(o)
    .map(([name, value]) => (value ? ` ${name}="${value}"` : ` ${name}`))
    .join('');
  return [
    `<script type="module" src="${hub}/widget/lapor-form.js"></script>`,
    `<lapor-form${attrs} style="${style(o)}"></lapor-form>`,
  ].join('\n');
}

function update() {
  const o = options();
  $('snippet').textContent = snippet(o);
  const form = document.createElement('lapor-form');
  for (const [name, value] of attributes(o)) form.setAttribute(name, value);
  form.setAttribute('style', style(o));
  $('preview').replaceChildren(form);
}

for (const id of fields) $(id).addEventListener('change', update);
$('institution').addEventListener('input', update);
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = 'Snippet disalin.';
  } catch {
    $('copied').textContent = 'Tidak dapat menyalin otomatis; pilih teks snippet lalu salin.';
  }
});

update();
loadDirectory().catch(() => {
  $('copied').textContent = 'Direktori instansi tidak dapat dimuat dari hub.';
});
