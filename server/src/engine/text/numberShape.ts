import type { Span } from '../types';

// Numbers that a clause-by-clause reading cuts out of a larger figure or takes for a quantity when
// they are not one: the groups of a figure written with thousands separators (２８，０４９，７８０元,
// 8,500公里 in older reports), the digits of a figure set with spaces (1 9 9 8 年, 8 ％), a decimal
// written with a middle dot (19·5％), a fraction (1／4), the terms of a ratio (1.03比1), years listed
// (1980、1981年) or a span of months (１——５月份), an ordinal in brackets inside a sentence
// (（２）关于社会主义建设). Such a piece says nothing about a target's unit or deadline, so the target
// rules leave it alone.

const DIGIT = /[0-9０-９]/;
const SEPARATORS = new Set([',', '，', ' ', '\u3000', '·']);

/** Whether the number at `span` is a piece of a larger written number, or no quantity at all. */
export function isNumberFragment(text: string, span: Span): boolean {
  const value = text.slice(span.start, span.end);
  const before = text[span.start - 1] ?? '';
  const after = text[span.end] ?? '';
  const rest = text.slice(span.end, span.end + 8);
  if (SEPARATORS.has(before) && DIGIT.test(text[span.start - 2] ?? '')) return true;
  if (SEPARATORS.has(after) && (DIGIT.test(text[span.end + 1] ?? '') || after === ' ' || after === '\u3000')) return true;
  if (/[/／]/.test(value)) return true;
  if ((before === '（' || before === '(') && (after === '）' || after === ')')) return true;
  if (/^[0-9０-９]{4}$/.test(value) && /^[、和至到—－-][0-9０-９]{4}/.test(rest)) return true;
  if (/^(?:—{1,2}|－|-|至|~|～)[0-9０-９]{1,2}(?:月|日)/.test(rest)) return true;
  return (after === '比' && DIGIT.test(text[span.end + 1] ?? '')) || (before === '比' && DIGIT.test(text[span.start - 2] ?? ''));
}
