import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { bundle, median } from './size';

export interface RenderFigures {
  /** Median milliseconds from navigation to `<lapor-form>`'s first render. */
  form: number;
  /** The same for the smallest Lit element, built the same way: the baseline. */
  lit: number;
  loads: number;
}

const ORIGIN = 'http://widget.bench';

const page = (script: string, tag: string, attributes = '') => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script type="module" src="/${script}"></script>
<script type="module">
  await customElements.whenDefined('${tag}');
  await document.querySelector('${tag}').updateComplete;
  window.renderedAt = performance.now();
</script></head>
<body><${tag} ${attributes}></${tag}></body></html>`;

/**
 * First render in Chromium with the CPU slowed four times (a low-end phone):
 * from navigation to the element's first completed update, in a fresh
 * browser context each load so nothing is cached. Files are served from
 * memory, so the figure is parsing, running and rendering, not the network;
 * the form's calls to the hub are answered at once with 404.
 */
export async function measureRender(loads = 20, distDir = 'dist/widget'): Promise<RenderFigures> {
  const files: Record<string, { body: string; type: string }> = {
    'lapor-form.js': { body: readFileSync(join(distDir, 'lapor-form.js'), 'utf8'), type: 'text/javascript' },
    'lit-reference.js': {
      body: await bundle(fileURLToPath(new URL('./lit-reference.js', import.meta.url))),
      type: 'text/javascript',
    },
    'form.html': { body: page('lapor-form.js', 'lapor-form', `hub="${ORIGIN}/"`), type: 'text/html' },
    'lit.html': { body: page('lit-reference.js', 'lit-reference'), type: 'text/html' },
  };
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const time = async (file: string) => {
      const context = await browser.newContext();
      await context.route(`${ORIGIN}/**`, (route) => {
        const name = new URL(route.request().url()).pathname.slice(1);
        const served = files[name];
        return served
          ? route.fulfill({ body: served.body, contentType: served.type })
          : route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'Not found' } } });
      });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await tab.goto(`${ORIGIN}/${file}`);
      const ms = (await tab.waitForFunction(() => (window as { renderedAt?: number }).renderedAt)).jsonValue();
      await context.close();
      return ms as Promise<number>;
    };
    await time('form.html'); // the browser's own first start is not the widget's
    const form: number[] = [];
    const lit: number[] = [];
    // Interleaved, so a slower moment of the machine weighs on both alike.
    for (let i = 0; i < loads; i++) {
      form.push(await time('form.html'));
      lit.push(await time('lit.html'));
    }
    return { form: median(form), lit: median(lit), loads };
  } finally {
    await browser.close();
  }
}
