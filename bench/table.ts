/** Prints rows as a Markdown table, ready to paste into BENCHMARKS.md. */
export function printTable(header: string[], rows: string[][]): void {
  const width = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${width.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}
