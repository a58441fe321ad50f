import { measureSizes, WIDGET_BUDGET_BYTES, WIDGET_GOAL_BYTES } from './size';
import { printTable } from './table';

/** `npm run bench`: every figure measured in this run on this machine. Sizes are bytes after minifying and gzip -9. */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const sizes = await measureSizes();
const against = (bytes: number, budget: number) =>
  `${bytes > budget ? 'OVER' : 'within'} ${kb(budget)}${budget === WIDGET_BUDGET_BYTES ? ' budget' : ' goal'}`;

console.log(`lapor-embed benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
printTable(
  ['measure', 'figure', 'against'],
  [
    [
      '<lapor-form> alone, Lit included (lapor-form.js, min+gzip)',
      kb(sizes.form),
      against(sizes.form, WIDGET_GOAL_BYTES),
    ],
    [
      '<lapor-tracker> alone, Lit included (lapor-tracker.js, min+gzip)',
      kb(sizes.tracker),
      against(sizes.tracker, WIDGET_GOAL_BYTES),
    ],
    ['both elements (lapor.js, min+gzip)', kb(sizes.widget), against(sizes.widget, WIDGET_BUDGET_BYTES)],
    ['English translations, loaded only by English pages (min+gzip)', kb(sizes.english), ''],
    [
      'Lit alone, for reference (min+gzip)',
      kb(sizes.lit),
      `${((sizes.lit / sizes.widget) * 100).toFixed(0)} % of lapor.js`,
    ],
  ],
);
if (sizes.widget > WIDGET_BUDGET_BYTES) process.exitCode = 1;
