import type { OutlineKind, OutlineNode } from '../types';
import { nodePathAt } from '../structure/outline';
import { toChineseNumeral } from '../text/numerals';
import { markBefore } from './cjkWord';

// The next 序次语 (ordinal) to type: after "（三）" comes "（四）", after "二是" comes "三是". The forms
// are the standard ones of GB/T 9704-2012 §7.3.3 (一、 （一） 1. （1）), whatever punctuation the
// previous heading had; runs keep their own style (是, 要, 第N，).

export interface OrdinalSuggestion {
  kind: OutlineKind;
  /** The ordinal to insert, punctuation included. */
  text: string;
  /** The heading it continues. */
  previous: OutlineNode;
}

const SENTENCE_STOPS = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':']);

/** The ordinals that may start here: at the start of a line, or a run's ordinal after 。 or ；. */
export function nextOrdinals(text: string, outline: readonly OutlineNode[], offset: number): OrdinalSuggestion[] {
  const before = markBefore(text, offset);
  const lineStart = before === null;
  if (!lineStart && !SENTENCE_STOPS.has(before)) return [];
  let anchor = Math.min(offset, text.length) - 1;
  while (anchor >= 0 && /\s/.test(text[anchor])) anchor--;
  if (anchor < 0) return [];
  const found: OrdinalSuggestion[] = [];
  for (const node of nodePathAt(outline, anchor).reverse()) {
    if (node.ordinalValue === undefined || (!lineStart && node.kind !== 'run')) continue;
    const next = formatOrdinal(node, text, node.ordinalValue + 1);
    if (next && !found.some((f) => f.text === next)) found.push({ kind: node.kind, text: next, previous: node });
  }
  return found;
}

/** The ordinal of `value` in the form of `node`'s series. */
export function formatOrdinal(node: OutlineNode, text: string, value: number): string | null {
  if (value < 1 || value > 99) return null;
  switch (node.kind) {
    case 'part':
      return `${toChineseNumeral(value)}、`;
    case 'section':
      return `（${toChineseNumeral(value)}）`;
    case 'item':
      return `${value}.`;
    case 'subitem':
      return `（${value}）`;
    case 'run': {
      const written = node.markerSpan ? text.slice(node.markerSpan.start, node.markerSpan.end) : '';
      if (written.startsWith('第')) return `第${toChineseNumeral(value)}，`;
      return `${toChineseNumeral(value)}${written.endsWith('要') ? '要' : '是'}`;
    }
    default:
      return null;
  }
}
