import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import type { ReportAnalysis } from '../analyze';
import type { Span } from '../types';

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
    examples: [
      { wrong: '经济增长5.5%，居民收入增长5％。', right: '经济增长5.5%，居民收入增长5%。', source: 'corpus' },
      { wrong: '增长5.5％，研发投入增长8％，就业增长2%。', right: '增长5.5％，研发投入增长8％，就业增长2％。' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text } = analysis;
    // Every sign in the content counts, so the rule reads the whole document (scope 'document'):
    // a native search for the two signs, not a tokenisation of every paragraph.
    const signs = (sign: string): Span[] => {
      const found: Span[] = [];
      const content = new ContentWalk(analysis);
      for (let at = text.indexOf(sign); at >= 0; at = text.indexOf(sign, at + 1)) if (content.holds(at)) found.push({ start: at, end: at + 1 });
      return found;
    };
    // Most documents write one sign only: two native searches settle it without collecting either.
    if (text.indexOf('%') < 0 || text.indexOf('％') < 0) return;
    const half = signs('%');
    const full = signs('％');
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

/**
 * Whether offsets, asked in increasing order, lie in the content of a paragraph: not the title or
 * other front matter, and after a leading page marker. The paragraphs are walked along with the
 * offsets, which after every edit of a long report costs less than a search for each sign.
 */
class ContentWalk {
  private next = 0;

  constructor(private readonly analysis: ReportAnalysis) {}

  holds(offset: number): boolean {
    const { paragraphs, structure } = this.analysis;
    while (this.next < paragraphs.length && paragraphs[this.next].end <= offset) this.next++;
    const p = paragraphs[this.next];
    if (p === undefined || offset < p.start) return false;
    return !structure.frontMatter.nonContent.has(p.index) && p.index !== structure.frontMatter.title && offset >= structure.contentStart[p.index];
  }
}
