import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import { charWidthAt, charWidthBefore } from '../text/codePoints';
import { contentOf, type ContentParagraph } from '../text/content';
import { occurrences } from '../text/occurrences';

// A sentence broken across two paragraphs ("做好已建成养老中心、助老服务站的⏎⏎运营管理…"): the first
// paragraph ends without a closing mark and the next goes on in mid-sentence. Heading lines end
// without a mark too, so a paragraph counts as broken only when it is prose (it holds a sentence or
// is long), is not a heading line, and the next paragraph opens with no ordinal or heading. And the
// text must show that the sentence goes on, not merely that a full stop is missing ("…新的发展时期⏎
// 周总理在讲到…"): the paragraph ends on a word that cannot end a sentence (的, 和, 《), the next one
// starts with one that cannot start it (的, 》, ，), or the two characters on either side of the break
// form a word that the document writes elsewhere (方⏎針 → 方針).

/** Marks that may end a paragraph. */
const CLOSING = /[。！？!?：:；;”’）)》】…*]$/;
/** A paragraph that reads as prose, not as a title line. */
const PROSE_LENGTH = 30;
/** Characters a sentence does not end on: particles, conjunctions, prepositions, opening marks. */
const OPEN_END = /[的地得和与及或并而且对把被向从为在以于将之、，,《“（(‘【〔—]$/;
/** Characters a sentence does not start with. */
// 过 only as the aspect particle: 过去一年 opens a paragraph after a heading in every review.
const CONTINUED_START = /^(?:[的地得了着和与及或等》”）)’】〕，、。；：]|过(?![去年程渡度]))/;

export const brokenParagraph: Rule = {
  meta: {
    id: 'broken-paragraph',
    category: 'wording',
    description: {
      zh: '段落未以标点结束，并在下一段继续（断段）',
      en: 'A paragraph that ends without closing punctuation and continues in the next one',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    examples: [
      {
        wrong: '持续提升社会保障水平。\n继续扩大医保覆盖面，确保基本医疗保险参保率98%以上。做好已建成养老中心、助老服务站的\n\n运营管理，提升服务水平。',
        right: '持续提升社会保障水平。\n继续扩大医保覆盖面，确保基本医疗保险参保率98%以上。做好已建成养老中心、助老服务站的运营管理，提升服务水平。',
        source: 'seeds',
      },
    ],
  },
  check({ analysis, lang, report }) {
    const { text, structure } = analysis;
    const content = contentOf(analysis);
    /** Paragraphs whose text is a heading from start to end ("（四）统筹…新局面", a standalone lead). */
    const headingLines = new Set<number>();
    /** Paragraphs that open with a heading. */
    const opensWithHeading = new Set<number>();
    for (const { marker } of structure.headings) {
      const p = analysis.paragraphs[marker.paragraph];
      if (marker.start === structure.contentStart[p.index]) opensWithHeading.add(p.index);
      if (marker.nameSpan.end >= p.end || marker.standalone) headingLines.add(p.index);
    }
    const broken = (cp: ContentParagraph, next: ContentParagraph | undefined): boolean => {
      const p = cp.paragraph;
      if (!next || next.paragraph.index !== p.index + 1 || opensWithHeading.has(next.paragraph.index)) return false;
      if (CLOSING.test(p.text) || cp.pageMarkers.some((m) => m.end === p.end)) return false;
      if (/^(?:——|－－|--)/.test(next.paragraph.text)) return false;
      const head = text.slice(next.start, next.start + 2);
      // No heading ends on 的 or 《: a short line that does is a sentence cut short, whatever it looks like.
      if (OPEN_END.test(p.text) || CONTINUED_START.test(head)) return true;
      if (headingLines.has(p.index)) return false;
      if (p.text.length <= PROSE_LENGTH && !/[。！？!?]/.test(p.text)) return false;
      const across = p.text.slice(-1) + head[0];
      return /^[\u4e00-\u9fff]{2}$/.test(across) && occurrences(text, across, 2, p.end - 1) >= 2;
    };
    for (let i = 0; i + 1 < content.length; i++) {
      const cp = content[i];
      const next = content[i + 1];
      if (!broken(cp, next)) continue;
      const p = cp.paragraph;
      report({
        // The last character before the break and the first after it, 𠀀 whole.
        span: { start: p.end - charWidthBefore(text, p.end), end: next.start + charWidthAt(text, next.start) },
        message: localize(MESSAGES.message, lang, { end: p.text.slice(-6), start: text.slice(next.start, next.start + 6) }),
        fixes: [replaceFix(localize(MESSAGES.fix, lang), { start: p.end, end: next.paragraph.start }, '')],
      });
    }
  },
};

const MESSAGES = {
  message: {
    zh: '段落在“{end}”处断开，下一段“{start}”似应接续：是否误加了换行？',
    en: 'The paragraph breaks off at “{end}” and “{start}” seems to continue it: a stray line break?',
  },
  fix: { zh: '合并为一段', en: 'Join the two paragraphs' },
};
