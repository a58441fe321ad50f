import { build } from 'vite';
import { WIDGET_BUNDLES, widgetConfig } from '../vite.config';
import { unusedTranslations } from './english-per-bundle';

/** Builds each of the widget's bundles on its own (see vite.config.ts for why), into dist/widget. */
let first = true;
for (const fileName of Object.keys(WIDGET_BUNDLES) as (keyof typeof WIDGET_BUNDLES)[]) {
  await build({ ...widgetConfig(fileName, first), logLevel: 'warn' });
  first = false;
}
const unused = unusedTranslations();
if (unused.length) throw new Error(`translations no msg() of the widget uses: ${unused.join(', ')} (run npm run i18n)`);
