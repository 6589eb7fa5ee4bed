import type { Token } from './tokens';

// Reading Arabic numbers off the token stream (12, 4.5, ３．８): the number rules start where a digit
// run starts and look at the marks and words around it.

export interface NumberAt {
  start: number;
  end: number;
  /** Index of the first token after the number. */
  next: number;
  text: string;
}

const DECIMAL_POINTS = new Set(['.', '．']);

/** The number that starts at token `i` (a digit run), with its decimal part. */
export function numberAt(tokens: readonly Token[], i: number, text: string): NumberAt {
  const first = tokens[i];
  let end = first.end;
  let next = i + 1;
  const point = tokens[next];
  if (point?.kind === 'mark' && DECIMAL_POINTS.has(text[point.start]) && tokens[next + 1]?.kind === 'digit') {
    end = tokens[next + 1].end;
    next += 2;
  }
  return { start: first.start, end, next, text: text.slice(first.start, end) };
}

/** The token index at or after `from` whose start is `offset`, or -1. */
export function tokenIndexAt(tokens: readonly Token[], offset: number, from = 0): number {
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i].start === offset) return i;
    if (tokens[i].start > offset) return -1;
  }
  return -1;
}

/** Whether the digit run at token `i` is the decimal part of a number that starts earlier (3.[5]). */
export function isDecimalPart(tokens: readonly Token[], i: number, text: string): boolean {
  const point = tokens[i - 1];
  return point?.kind === 'mark' && DECIMAL_POINTS.has(text[point.start]) && tokens[i - 2]?.kind === 'digit';
}
