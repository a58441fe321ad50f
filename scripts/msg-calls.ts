/** Reading lit-localize's msg() calls out of the widget's code, for the build steps that handle its translations. */

export type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Visits every node of an ESTree program. */
export function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * The template of a msg() call, if `node` is one: its argument node, its
 * strings as lit-localize hashes them (a string literal, or the cooked
 * pieces of a template, `str`-tagged when it has values) and its values.
 */
export function msgTemplate(
  node: Node,
  file: string,
): { node: Node; strings: string[]; expressions: Node[] } | undefined {
  const callee = node.callee as Node | undefined;
  if (node.type !== 'CallExpression' || callee?.type !== 'Identifier' || callee.name !== 'msg') return undefined;
  const argument = (node.arguments as Node[])[0];
  if (argument?.type === 'Literal' && typeof argument.value === 'string') {
    return { node: argument, strings: [argument.value], expressions: [] };
  }
  const literal =
    argument?.type === 'TaggedTemplateExpression' && (argument.tag as Node).name === 'str'
      ? (argument.quasi as Node)
      : argument?.type === 'TemplateLiteral'
        ? argument
        : undefined;
  if (!argument || !literal) throw new Error(`${file}: a msg() whose text is not a literal cannot be translated`);
  return {
    node: argument,
    strings: (literal.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked),
    expressions: literal.expressions as Node[],
  };
}
