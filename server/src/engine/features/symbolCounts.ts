import type { OutlineNode, Span } from '../types';

// How many targets and problems each outline symbol holds (its children's included), for the
// symbol's detail. Items are counted by where they start; sorted starts and binary search keep this
// cheap for reports with hundreds of headings.

export interface SymbolCounts {
  targets: number;
  problems: number;
}

function sortedStarts(spans: ReadonlyArray<{ span: Span }>): number[] {
  return spans.map((s) => s.span.start).sort((a, b) => a - b);
}

/** Number of values in the sorted array within [start, end). */
function countIn(sorted: readonly number[], start: number, end: number): number {
  return lowerBound(sorted, end) - lowerBound(sorted, start);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function symbolCounter(targets: ReadonlyArray<{ span: Span }>, problems: ReadonlyArray<{ span: Span }>): (n: OutlineNode) => SymbolCounts {
  const t = sortedStarts(targets);
  const p = sortedStarts(problems);
  return (n) => ({ targets: countIn(t, n.span.start, n.span.end), problems: countIn(p, n.span.start, n.span.end) });
}
