import type { Fix } from '../types';
import type { Rule } from './rule';
import { localize } from '../i18n';
import { isDocumentNumberYear } from '../text/documentNumber';
import { isNumberFragment } from '../text/numberShape';

/** Where the rule looked, by the widest scope allowed. */
const SCOPE_NAMES = {
  clause: { zh: '本分句', en: 'its clause' },
  sentence: { zh: '本句', en: 'its sentence' },
  paragraph: { zh: '本句和段首', en: 'its sentence or the opening of its paragraph' },
  heading: { zh: '本句、段首和所在标题', en: 'its sentence, paragraph opening or headings' },
  document: { zh: '本句、段首、所在标题和文件期限', en: "its sentence, paragraph opening, headings or the document's period" },
};

/** A target with no time expression in the scope that the deadlineScope option allows. */
export const targetMissingDeadline: Rule = {
  meta: {
    id: 'target-missing-deadline',
    category: 'targets',
    description: { zh: '目标在允许的范围内没有完成期限', en: 'A target has no deadline within the allowed scope' },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    examples: [
      { wrong: '扩大参保覆盖面，参保率保持在95%以上。', right: '扩大参保覆盖面，年内参保率保持在95%以上。', source: 'catalogue' },
    ],
  },
  check({ analysis, lang, report }) {
    const scope = SCOPE_NAMES[analysis.deadlineScope];
    const year = analysis.period?.year ?? null;
    const fiveYearPlan = /十五五/.test(analysis.period?.text ?? '') ? '“十五五”期间，' : null;
    for (const t of analysis.targets) {
      // The year of a document number (国发〔2026〕1号) and the pieces of a figure written with separators
      // (２８，０４９，７８０元, 1 9 9 8) are read as numbers by the extractor; they are no targets.
      if (t.deadline || isDocumentNumberYear(analysis.text, t.valueSpan) || isNumberFragment(analysis.text, t.valueSpan)) continue;
      // A deadline is asked of a commitment, not of a result the extractor took for one (比上年增长14.6%),
      // nor of the starting value of a change (由46%上升到47.2%) or a share of a whole (占国家预算的22.94%).
      const insert = (text: string, preferred: boolean): Fix => ({
        title: localize(MESSAGES.fix, lang, { text: text.replace(/，$/, '') }),
        edits: [{ span: { start: t.insertAt, end: t.insertAt }, newText: text }],
        preferred,
      });
      const fixes = [insert('年内', true)];
      if (year !== null) fixes.push(insert(`到${year}年，`, false));
      if (fiveYearPlan) fixes.push(insert(fiveYearPlan, false));
      report({
        span: t.span,
        message: localize(MESSAGES.missing, lang, { indicator: t.indicator || t.value, scope: scope[lang] }),
        fixes,
      });
      t.problems.push('target-missing-deadline');
    }
  },
};

const MESSAGES = {
  missing: { zh: '目标“{indicator}”没有完成期限：{scope}中都没有时间表述', en: 'Target “{indicator}” has no deadline: no time expression in {scope}' },
  fix: { zh: '在分句前加上“{text}”', en: 'Insert “{text}” at the clause start' },
};
