import { build } from 'vite';
import { WIDGET_BUNDLES, widgetConfig } from '../vite.config';

/** Builds each of the widget's bundles on its own (see vite.config.ts for why), into dist/widget. */
let first = true;
for (const fileName of Object.keys(WIDGET_BUNDLES) as (keyof typeof WIDGET_BUNDLES)[]) {
  await build({ ...widgetConfig(fileName, first), logLevel: 'warn' });
  first = false;
}
