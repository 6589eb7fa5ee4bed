import type { Rule } from './rule';
import { localize } from '../i18n';
import { rankUnits } from '../model/rankUnits';
import type { Lexicon } from '../model/lexicon';
import { isDocumentNumberYear } from '../text/documentNumber';
import { isNumberFragment } from '../text/numberShape';

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
      // The year of a document number (国发〔2026〕1号) and the pieces of a figure written with separators
      // (２８，０４９，７８０元, 1 9 9 8) are read as numbers by the extractor; they are no targets.
      if (!t.unitMissing || isDocumentNumberYear(analysis.text, t.valueSpan) || isNumberFragment(analysis.text, t.valueSpan)) continue;
      const magnitude = t.unit;
      if (followedByName(analysis.text, t.valueSpan.start, t.valueSpan.end + (magnitude?.length ?? 0), lex)) continue;
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

/**
 * A number followed by Chinese that is no unit and no qualifier names a thing (20国集团) or carries a
 * measure word the model has not learned (778标准台, 1毛钱): its unit is not missing. A missing unit
 * shows where the number ends the clause or only a qualifier follows (达到70。, 3.8万以上), and where a
 * verb commits to a count of the noun after it with no measure word between (建设25精品示范村).
 */
function followedByName(text: string, valueStart: number, at: number, lex: Lexicon): boolean {
  // 30多年, 130万“老工伤”人员: past a qualifier or into a quoted name, the number still counts something named.
  const qualifier = lex.postQualifiers.longestAt(text, at);
  const next = at + (qualifier?.length ?? 0);
  if (text[next] === '“' || text[next] === '《') return true;
  if (!/[\u4e00-\u9fff]/.test(text[next] ?? '')) return false;
  if (/^(?:的目标|目标|的水平|水平)/.test(text.slice(next, next + 4))) return false;
  // A name is glued to the noun before it (大唐700万吨露天矿); a count follows a verb, a list mark or a
  // preposition (新建5条主干道路、2热水锅炉; 在3000小区; 洛阳等10国家物流枢纽).
  const before = text.slice(Math.max(0, valueStart - 6), valueStart).replace(/(?:不低于|不少于|超过|约|近)$/, '');
  const previous = before[before.length - 1] ?? '';
  if (!/[\u4e00-\u9fff]/.test(previous) || /[等在为和及与对向给把将至到]/.test(previous)) return false;
  return !lex.verbs.longestEndingAt(before, before.length);
}

const MESSAGES = {
  plain: { zh: '目标“{indicator}”的数值{value}缺少单位', en: 'Target “{indicator}”: the number {value} has no unit' },
  withSuggestion: {
    zh: '目标“{indicator}”的数值{value}缺少单位（可能是：{units}）',
    en: 'Target “{indicator}”: the number {value} has no unit (likely: {units})',
  },
  fix: { zh: '补上单位“{unit}”', en: 'Insert the unit “{unit}”' },
};
