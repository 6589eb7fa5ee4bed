import type { Span } from '../types';

// 发文字号 (the number of an official document): agency, year in 六角括号 〔〕, serial and 号 —
// 国发〔2026〕1号, 京政发[2026]3号. Its year is neither a target nor a quantity of any kind.

const OPENERS = new Set(['〔', '[', '［', '【']);
const CLOSERS = new Set(['〕', ']', '］', '】']);

/** Whether the number at `span` is the bracketed year of a document number. */
export function isDocumentNumberYear(text: string, span: Span): boolean {
  return /^\d{4}$/.test(text.slice(span.start, span.end)) && OPENERS.has(text[span.start - 1]) && CLOSERS.has(text[span.end]);
}
