import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { OutlineNode } from '../../engine';
import type { ServerContext } from '../context';
import { documentHandler } from '../guard';

// A folding range for every outline node that spans more than one line: each part, section and
// item (and the runs and leads below them) folds to its heading.

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    documentHandler(ctx, 'foldingRange', [] as FoldingRange[], ({ analysis }) => {
      const ranges: FoldingRange[] = [];
      const visit = (n: OutlineNode) => {
        const start = analysis.lines.positionAt(n.span.start).line;
        const end = analysis.lines.positionAt(n.span.end).line;
        if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
        n.children.forEach(visit);
      };
      analysis.outline.forEach(visit);
      return ranges;
    }),
  );
}
