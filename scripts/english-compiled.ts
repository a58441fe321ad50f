import { readFileSync } from 'node:fs';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import MagicString from 'magic-string';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';
import { msgTemplate, type Node, walk } from './msg-calls';

const ENGLISH = new URL('../widget/src/generated/locales/en.ts', import.meta.url);

/** Each English template by its message id, as lit-localize generated it: its raw text pieces and the order of its values. */
function englishTemplates(): Map<string, { quasis: string[]; order: number[] }> {
  const code = readFileSync(ENGLISH, 'utf8');
  const templates = new Map<string, { quasis: string[]; order: number[] }>();
  walk(parseAst(code, { lang: 'ts' }), (node) => {
    if (node.type !== 'Property') return;
    const key = ((node.key as Node).value ?? (node.key as Node).name) as string;
    const value = node.value as Node;
    const literal = value.type === 'TaggedTemplateExpression' ? (value.quasi as Node) : value;
    if (!/^s[0-9a-f]{16}$/.test(key) || literal.type !== 'TemplateLiteral') return;
    templates.set(key, {
      quasis: (literal.quasis as { value: { raw: string } }[]).map((q) => q.value.raw),
      order: (literal.expressions as Node[]).map((e) => Number(e.value)),
    });
  });
  return templates;
}

/**
 * The English bundles (`lapor-form.en.js`, …) for pages that say they are
 * English: every msg() template is replaced by its translation while
 * bundling, so the bundle carries English texts only, neither the Indonesian
 * ones (dead weight on such a page, about 4 KB) nor a chunk of translations.
 * The values of a template keep their expressions, in the translation's
 * order. A message without a translation fails the build.
 */
export function compiledEnglish(): Plugin {
  let templates: ReturnType<typeof englishTemplates>;
  return {
    name: 'lapor-compiled-english',
    enforce: 'post',
    buildStart() {
      templates = englishTemplates();
    },
    transform(code, id) {
      if (!/\/widget\/src\/.+\.ts$/.test(id) || id.includes('/generated/')) return null;
      const s = new MagicString(code);
      walk(parseAst(code, { lang: 'js' }), (node) => {
        const template = msgTemplate(node, id);
        if (!template) return;
        const messageId = generateMsgId(template.strings, false);
        const english = templates.get(messageId);
        if (!english) throw new Error(`${id}: no English for "${template.strings.join('…')}" (run npm run i18n)`);
        const values = english.order.map((i) => {
          const expression = template.expressions[i];
          if (!expression) throw new Error(`${id}: the English of ${messageId} names a value its source lacks`);
          return `\${${code.slice(expression.start, expression.end)}}`;
        });
        const text = english.quasis.map((q, i) => q + (values[i] ?? '')).join('');
        s.overwrite(template.node.start, template.node.end, values.length ? `str\`${text}\`` : `\`${text}\``);
      });
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
