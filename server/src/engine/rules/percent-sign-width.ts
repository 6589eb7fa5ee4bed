import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import type { Span } from '../types';
import { paragraphFact } from '../text/paragraphFacts';

// One document, one percent sign: the half-width % and the full-width ％ both occur in published
// reports, but mixing them (前1％ among 5.5%) shows text pasted from different sources. The form the
// document uses more often is taken as its own; on a tie, the half-width %.

export const percentSignWidth: Rule = {
  meta: {
    id: 'percent-sign-width',
    category: 'numbers',
    description: {
      zh: '同一文件中混用全角“％”和半角“%”',
      en: 'Full-width ％ and half-width % mixed in one document',
    },
    defaultSeverity: 'info',
    fixable: true,
    safeFix: true,
    scope: 'document',
    watches: /[%％]/,
    examples: [
      { wrong: '经济增长5.5%，居民收入增长5％。', right: '经济增长5.5%，居民收入增长5%。', source: 'corpus' },
      { wrong: '增长5.5％，研发投入增长8％，就业增长2%。', right: '增长5.5％，研发投入增长8％，就业增长2％。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text, paragraphs, structure } = analysis;
    // Every sign in the content counts, so the rule reads the whole document (scope 'document').
    // Most documents write one sign only: two native searches settle it without collecting either.
    if (text.indexOf('%') < 0 || text.indexOf('％') < 0) return;
    // Then each paragraph's signs, which an editor keeps with the paragraph's text: after an edit of
    // a long report only the edited paragraphs are searched again.
    const half: Span[] = [];
    const full: Span[] = [];
    for (const p of paragraphs) {
      if (structure.frontMatter.nonContent.has(p.index) || p.index === structure.frontMatter.title) continue;
      const signs = paragraphFact(SIGNS, p, () => signsOf(p.text));
      if (signs === NONE) continue;
      // Only the content counts: not a page marker that opens the paragraph.
      const from = structure.contentStart[p.index] - p.start;
      for (const at of signs) if (at >= from) (p.text[at] === '%' ? half : full).push({ start: p.start + at, end: p.start + at + 1 });
    }
    if (half.length === 0 || full.length === 0) return;
    const [minority, majority] = full.length > half.length ? [half, '％'] : [full, '%'];
    const counts = { half: half.length, full: full.length };
    for (const span of minority) {
      report({
        span,
        message: localize(MESSAGES.message, lang, { mark: text[span.start], majority, ...counts }),
        fixes: [replaceFix(localize(MESSAGES.fix, lang, { majority }), span, majority)],
      });
    }
  },
};

const MESSAGES = {
  message: {
    zh: '本文件多用“{majority}”（半角 % {half} 处，全角 ％ {full} 处），此处的“{mark}”应统一',
    en: 'This document mostly uses “{majority}” (% {half} times, ％ {full} times); make this “{mark}” the same',
  },
  fix: { zh: '改为“{majority}”', en: 'Replace with “{majority}”' },
};

const SIGN = /[%％]/g;
const NONE: readonly number[] = [];
/** Each paragraph's signs, as offsets in its text. */
const SIGNS = new WeakMap<object, readonly number[]>();

function signsOf(text: string): readonly number[] {
  const found: number[] = [];
  SIGN.lastIndex = 0;
  for (let m = SIGN.exec(text); m !== null; m = SIGN.exec(text)) found.push(m.index);
  return found.length ? found : NONE;
}
