// Fails when a message in the widget has no English translation in locales/en.xlf
// (run after `lit-localize extract`, which adds new messages without a target).
import { readFileSync } from 'node:fs';

const xliff = readFileSync(new URL('../locales/en.xlf', import.meta.url), 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body));
if (missing.length) {
  console.error(`${missing.length} message(s) lack an English translation in locales/en.xlf:`);
  for (const [, id, body] of missing) console.error(`  ${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body)?.[1]}`);
  process.exit(1);
}
console.log(`All ${units.length} messages are translated.`);
