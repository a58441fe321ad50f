// Fails when a message in the widget has no English translation in locales/en.xlf
// (run after `lit-localize extract`, which adds new messages without a target),
// or when a text the hub's data shows to visitors (the categories) has no
// message in the widget to be translated by.
import { readFileSync } from 'node:fs';

const xliff = readFileSync(new URL('../locales/en.xlf', import.meta.url), 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body));
if (missing.length) {
  console.error(`${missing.length} message(s) lack an English translation in locales/en.xlf:`);
  for (const [, id, body] of missing) console.error(`  ${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body)?.[1]}`);
  process.exit(1);
}

// Every category in the hub's list is named in categoryNames() by the same Indonesian text.
const categories = JSON.parse(readFileSync(new URL('../hub/data/categories.json', import.meta.url), 'utf8'));
const messages = readFileSync(new URL('../widget/src/internal/messages.ts', import.meta.url), 'utf8');
const named = new Map(
  [...messages.matchAll(/^\s*'?([a-z-]+)'?: msg\('([^']+)'\),$/gm)].map(([, id, name]) => [id, name]),
);
const unnamed = categories.filter((c) => named.get(c.id) !== c.name);
if (unnamed.length) {
  console.error(`${unnamed.length} categor(ies) in hub/data/categories.json lack a message in categoryNames():`);
  for (const c of unnamed) console.error(`  ${c.id}: ${c.name}`);
  process.exit(1);
}
console.log(`All ${units.length} messages and ${categories.length} categories are translated.`);
