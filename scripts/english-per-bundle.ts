import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import MagicString from 'magic-string';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Visits every node of an ESTree program. */
function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

/** The strings of a msg() template, as lit-localize hashes them: a string literal, or `str`'s quasis. */
function templateStrings(argument: Node | undefined): string[] | undefined {
  if (argument?.type === 'Literal' && typeof argument.value === 'string') return [argument.value];
  const literal =
    argument?.type === 'TaggedTemplateExpression' && (argument.tag as Node).name === 'str'
      ? (argument.quasi as Node)
      : argument?.type === 'TemplateLiteral'
        ? argument
        : undefined;
  return (literal?.quasis as { value: { cooked: string } }[] | undefined)?.map((q) => q.value.cooked);
}

const MESSAGE_ID = /^s[0-9a-f]{16}$/;

/**
 * Each bundle's English chunk holds the translations of the messages that
 * bundle uses, not of every message of both elements: lit-localize writes
 * one module with them all, and a page with the tracker alone would pay for
 * the form's texts. The ids are lit-localize's own (the hash of each msg()
 * template), gathered from the modules this build compiles; the build fails
 * rather than ship an English chunk that lacks one. The bundle of both
 * elements must keep every translation (`everyMessage`): a msg() this
 * plugin failed to see would show there as a translation dropped.
 */
export function englishOfThisBundle({ everyMessage = false } = {}): Plugin {
  const used = new Set<string>();
  return {
    name: 'lapor-english-of-this-bundle',
    enforce: 'post',
    buildStart() {
      used.clear();
    },
    transform(code, id) {
      if (!/\/widget\/src\/.+\.ts$/.test(id) || id.includes('/generated/')) return null;
      walk(parseAst(code, { lang: 'js' }), (node) => {
        const callee = node.callee as Node | undefined;
        if (node.type !== 'CallExpression' || callee?.type !== 'Identifier' || callee.name !== 'msg') return;
        const strings = templateStrings((node.arguments as Node[])[0]);
        if (!strings) throw new Error(`${id}: a msg() whose text is not a literal cannot be translated`);
        used.add(generateMsgId(strings, false));
      });
      return null;
    },
    renderChunk(code, chunk) {
      if (!chunk.facadeModuleId?.endsWith('/generated/locales/en.ts')) return null;
      if (!used.size) throw new Error('no msg() found in this bundle: its English chunk would be empty');
      const s = new MagicString(code);
      const found = new Set<string>();
      walk(parseAst(code), (node) => {
        if (node.type !== 'ObjectExpression') return;
        const properties = node.properties as Node[];
        const keyOf = (p: Node) => ((p.key as Node).value ?? (p.key as Node).name) as string;
        if (!properties.length || !properties.every((p) => MESSAGE_ID.test(keyOf(p)))) return;
        const kept = properties.filter((p) => used.has(keyOf(p)));
        const dropped = properties.filter((p) => !used.has(keyOf(p))).map(keyOf);
        if (everyMessage && dropped.length) {
          throw new Error(`translations no msg() of the widget uses: ${dropped.join(', ')} (run npm run i18n)`);
        }
        for (const p of kept) found.add(keyOf(p));
        s.overwrite(node.start, node.end, `{${kept.map((p) => code.slice(p.start, p.end)).join(',')}}`);
      });
      const missing = [...used].filter((id) => !found.has(id));
      if (missing.length) throw new Error(`English translations missing for ${missing.join(', ')}: run npm run i18n`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
