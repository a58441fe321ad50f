import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig, type InlineConfig } from 'vite';
import { compiledEnglish } from './scripts/english-compiled';
import { englishOfThisBundle } from './scripts/english-per-bundle';

/**
 * The widget's bundles, served by the hub under /widget/: `lapor.js` with
 * both elements, and `lapor-form.js` and `lapor-tracker.js` with one each;
 * `lapor-poll.js` holds the policy poll and `lapor-monitor.js` public
 * monitoring (neither in `lapor.js`: few pages show one);
 * `lapor-frame.js` sizes an iframe of the hub's form page, for pages that
 * embed that instead. The `.en.js` bundles are the same elements with their
 * English texts compiled in, for pages that say they are English.
 * Each is built on its own and shares no chunk with the others, so a page
 * loads its element in one request (a shared chunk would cost a second round
 * trip on a slow mobile network) and never pays for the element it lacks.
 * Only the English translations (few pages need them) and the proof of
 * work's SHA-256 (fetched when the visitor starts on the form, not with the
 * page) are split off.
 */
export const WIDGET_BUNDLES = {
  'lapor.js': 'widget/src/index.ts',
  'lapor-form.js': 'widget/src/entries/lapor-form.ts',
  'lapor-tracker.js': 'widget/src/entries/lapor-tracker.ts',
  'lapor-poll.js': 'widget/src/entries/lapor-poll.ts',
  'lapor-monitor.js': 'widget/src/entries/lapor-monitor.ts',
  'lapor-frame.js': 'widget/src/entries/lapor-frame.ts',
  'lapor.en.js': 'widget/src/index.ts',
  'lapor-form.en.js': 'widget/src/entries/lapor-form.ts',
  'lapor-tracker.en.js': 'widget/src/entries/lapor-tracker.ts',
  'lapor-poll.en.js': 'widget/src/entries/lapor-poll.ts',
  'lapor-monitor.en.js': 'widget/src/entries/lapor-monitor.ts',
} as const;

export function widgetConfig(fileName: keyof typeof WIDGET_BUNDLES, emptyOutDir = false): InlineConfig {
  const english = fileName.endsWith('.en.js');
  return {
    configFile: false,
    plugins: [minifyTemplateLiterals(), english ? compiledEnglish() : englishOfThisBundle()],
    ...(english && { define: { __LAPOR_COMPILED_LOCALE__: JSON.stringify('en') } }),
    build: {
      outDir: 'dist/widget',
      emptyOutDir,
      target: 'es2022',
      lib: { entry: WIDGET_BUNDLES[fileName], formats: ['es'], fileName: () => fileName },
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true },
      },
    },
  };
}

/** `vite build` alone builds `lapor.js`; `npm run build` builds them all (scripts/build-widget.ts). */
export default defineConfig(widgetConfig('lapor.js', true));
