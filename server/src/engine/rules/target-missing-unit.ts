import type { Rule } from './rule';
import { localize } from '../i18n';
import { rankUnits } from '../model/rankUnits';
import { isDocumentNumberYear } from '../text/documentNumber';

/** A target's number with no unit after it: "力争入驻企业达到70" → "70家". */
export const targetMissingUnit: Rule = {
  meta: {
    id: 'target-missing-unit',
    category: 'targets',
    description: { zh: '目标的数值缺少计量单位', en: "A target's number has no unit" },
    defaultSeverity: 'error',
    fixable: true,
    safeFix: false,
    examples: [
      { wrong: '力争入驻企业达到70。', right: '力争入驻企业达到70家。', source: 'catalogue' },
      { wrong: '年内新增城镇就业3.8万。', right: '年内新增城镇就业3.8万人。' },
    ],
  },
  check({ analysis, lang, report }) {
    const lex = analysis.lexicon;
    for (const t of analysis.targets) {
      // The year of a document number (国发〔2026〕1号) is read as a number by the extractor; it is no target.
      if (!t.unitMissing || isDocumentNumberYear(analysis.text, t.valueSpan)) continue;
      const magnitude = t.unit;
      const units = rankUnits(lex, t.indicator, t.verb, magnitude);
      const insertAt = t.valueSpan.end + (magnitude?.length ?? 0);
      const params = { indicator: t.indicator || t.sentence.slice(0, 12), value: t.value + (magnitude ?? ''), units: units.join(lang === 'zh' ? '、' : ', ') };
      const message = units.length
        ? localize(MESSAGES.withSuggestion, lang, params)
        : localize(MESSAGES.plain, lang, params);
      report({
        span: { start: t.valueSpan.start, end: insertAt },
        message,
        fixes: units.map((unit, i) => ({
          title: localize(MESSAGES.fix, lang, { unit }),
          edits: [{ span: { start: insertAt, end: insertAt }, newText: unit }],
          preferred: i === 0,
        })),
      });
      t.problems.push('target-missing-unit');
    }
  },
};

const MESSAGES = {
  plain: { zh: '目标“{indicator}”的数值{value}缺少单位', en: 'Target “{indicator}”: the number “{value}” has no unit' },
  withSuggestion: {
    zh: '目标“{indicator}”的数值{value}缺少单位（可能是：{units}）',
    en: 'Target “{indicator}”: the number “{value}” has no unit (likely: {units})',
  },
  fix: { zh: '补上单位“{unit}”', en: 'Insert the unit “{unit}”' },
};
