import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { OutlineKind, OutlineNode } from '../../engine';
import { symbolCounter } from '../../engine/features';
import type { ServerContext } from '../context';
import { documentHandler } from '../guard';
import { countNoun, message } from '../messages';

// The report's outline as document symbols: title, parts (一、), sections (（一）), items (1.),
// sub-items (（1）), runs (一是), bullets (——) and leads, nested as written. Each symbol's detail
// counts the targets and problems it holds, so the Outline view shows where the work is.

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  part: SymbolKind.Module,
  section: SymbolKind.Namespace,
  item: SymbolKind.Class,
  subitem: SymbolKind.Method,
  run: SymbolKind.Field,
  bullet: SymbolKind.EnumMember,
  lead: SymbolKind.String,
};

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    documentHandler(ctx, 'documentSymbol', [] as DocumentSymbol[] | SymbolInformation[], (entry) => {
      const { analysis } = entry;
      const counts = symbolCounter(analysis.targets, entry.diagnostics);
      const detail = (n: OutlineNode) => {
        const c = counts(n);
        return message(ctx.lang, 'symbolDetail', {
          targets: countNoun(ctx.lang, c.targets, 'target', 'targets'),
          problems: countNoun(ctx.lang, c.problems, 'problem', 'problems'),
        });
      };
      const toSymbol = (n: OutlineNode): DocumentSymbol => ({
        name: n.name || n.kind,
        kind: SYMBOL_KIND[n.kind],
        detail: detail(n),
        range: analysis.lines.rangeOf(n.span),
        selectionRange: analysis.lines.rangeOf(n.nameSpan),
        children: n.children.map(toSymbol),
      });
      if (ctx.client.hierarchicalSymbols) return analysis.outline.map(toSymbol);
      // Older clients get a flat list, each symbol naming its parent.
      const flat: SymbolInformation[] = [];
      const visit = (n: OutlineNode, parent?: string) => {
        flat.push({ name: n.name || n.kind, kind: SYMBOL_KIND[n.kind], location: { uri: entry.uri, range: analysis.lines.rangeOf(n.span) }, ...(parent ? { containerName: parent } : {}) });
        for (const c of n.children) visit(c, n.name);
      };
      analysis.outline.forEach((n) => visit(n));
      return flat;
    }),
  );
}
