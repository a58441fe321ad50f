import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import MagicString from 'magic-string';
import { parseAst } from 'rolldown/parseAst';
import type { Plugin } from 'vite';
import { msgTemplate, type Node, walk } from './msg-calls';

const MESSAGE_ID = /^s[0-9a-f]{16}$/;

/**
 * Each bundle's English chunk holds the translations of the messages that
 * bundle uses, not of every message of both elements: lit-localize writes
 * one module with them all, and a page with the tracker alone would pay for
 * the form's texts. The ids are lit-localize's own (the hash of each msg()
 * template), gathered from the modules this build compiles; the build fails
 * rather than ship an English chunk that lacks one. Every translation must
 * be used by some bundle (`unusedTranslations`, checked once all are built):
 * a msg() this plugin failed to see would show as a translation no bundle kept.
 */
const usedByAnyBundle = new Set<string>();
const translations = new Set<string>();

/** Translations that no bundle built in this process uses: none, or a msg() went unseen (or run npm run i18n). */
export const unusedTranslations = (): string[] => [...translations].filter((id) => !usedByAnyBundle.has(id));

export function englishOfThisBundle(): Plugin {
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
        const template = msgTemplate(node, id);
        if (!template) return;
        const msgId = generateMsgId(template.strings, false);
        used.add(msgId);
        usedByAnyBundle.add(msgId);
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
        for (const p of properties) translations.add(keyOf(p));
        for (const p of kept) found.add(keyOf(p));
        s.overwrite(node.start, node.end, `{${kept.map((p) => code.slice(p.start, p.end)).join(',')}}`);
      });
      const missing = [...used].filter((id) => !found.has(id));
      if (missing.length) throw new Error(`English translations missing for ${missing.join(', ')}: run npm run i18n`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
