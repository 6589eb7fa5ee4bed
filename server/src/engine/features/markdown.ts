// Small Markdown builders for hover content. Report text can hold any character, so everything
// from the document is escaped before it goes into Markdown.

/** Escapes Markdown syntax and keeps the text on one line (table cells cannot hold line breaks). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, ' ');
}

/** A two-column table; cells are escaped here. */
export function markdownTable(header: [string, string], rows: ReadonlyArray<[string, string]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), '|---|---|', ...rows.map(line)].join('\n');
}

/** The same rows as aligned plain text, for clients that do not render Markdown. */
export function plainTable(rows: ReadonlyArray<[string, string]>): string {
  return rows.map(([k, v]) => `${k}: ${v}`).join('\n');
}
