import { measureSizes, WIDGET_BUDGET_BYTES, WIDGET_GOAL_BYTES } from './size';
import { printTable } from './table';

/** `npm run bench`: every figure measured in this run on this machine. Sizes are bytes after minifying and gzip -9. */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const sizes = await measureSizes();
const verdict =
  sizes.widget > WIDGET_BUDGET_BYTES ? 'OVER BUDGET' : sizes.widget <= WIDGET_GOAL_BYTES ? 'goal met' : 'within budget';

console.log(`lapor-embed benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
printTable(
  ['measure', 'figure', 'against'],
  [
    [
      '<lapor-form> + <lapor-tracker>, Lit included (lapor.js, min+gzip)',
      kb(sizes.widget),
      `budget ${kb(WIDGET_BUDGET_BYTES)}, goal ${kb(WIDGET_GOAL_BYTES)}: ${verdict}`,
    ],
    ['English translations, loaded only by English pages (min+gzip)', kb(sizes.english), ''],
    [
      'Lit alone, for reference (min+gzip)',
      kb(sizes.lit),
      `${((sizes.lit / sizes.widget) * 100).toFixed(0)} % of the widget`,
    ],
  ],
);
if (sizes.widget > WIDGET_BUDGET_BYTES) process.exitCode = 1;
