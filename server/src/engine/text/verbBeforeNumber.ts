import type { Token } from './tokens';

// The words right before a number: "城镇化率比上年提高约1.2%" → verb 提高, indicator 城镇化率. Used by the
// rules that judge a change (提高1.2%, 增长3.8万亿元) by its verb and what it measures.

/** Qualifiers between a verb and its number: 提高约1.2%, 增长了300亿元. */
const QUALIFIER = /(?:了|约|近|逾|超过|不到|将近)+$/;
/** Words between an indicator and its verb that belong to neither: 比上年, 年均, 分别. */
const MODIFIERS = /(?:比上年|比去年|较上年|较去年|同比|年均|平均|每年|逐年|分别|均|都|累计|共|再|又|将|要|力争|预计)+$/;

export interface VerbBeforeNumber {
  verb: string;
  /** Document offsets of the verb. */
  start: number;
  end: number;
  /** The Chinese text before the verb (and its modifiers) in the same run: its indicator ends it. */
  indicator: string;
}

/** The verb from `verbs` that the Chinese run before token `i` ends with, qualifiers aside. */
export function verbBeforeNumber(tokens: readonly Token[], i: number, text: string, verbs: RegExp): VerbBeforeNumber | null {
  const prev = tokens[i - 1];
  if (prev?.kind !== 'han') return null;
  const run = text.slice(prev.start, prev.end);
  const head = run.replace(QUALIFIER, '');
  const m = verbs.exec(head);
  if (!m) return null;
  const start = prev.start + m.index;
  return { verb: m[0], start, end: start + m[0].length, indicator: head.slice(0, m.index).replace(MODIFIERS, '') };
}
