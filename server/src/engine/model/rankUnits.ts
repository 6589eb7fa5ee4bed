import type { Lexicon } from './lexicon';

// Which unit a target most likely lacks. Rates and shares take % (or 个百分点 when the rate itself
// moves); otherwise the model's counts decide: units seen with the indicator's last characters
// (企业 → 家), then with the verb, then overall.

const RATE = /(?:率|比重|占比|比例|份额|强度)$/;
const PERCENT_LIKE = /(?:率|比重|占比|比例|增长|增速|增幅|涨幅|降幅|份额)$/;
const RATE_CHANGE_VERBS = new Set(['提高', '提升', '下降', '降低', '增加', '减少']);

export function indicatorHeads(indicator: string): string[] {
  const heads: string[] = [];
  for (let n = Math.min(4, indicator.length); n >= 1; n--) heads.push(indicator.slice(-n));
  return heads;
}

/** Units for a target that has none, best first; `magnitude` is one already written (3.8万). */
export function rankUnits(lex: Lexicon, indicator: string, verb: string | null, magnitude: string | null, limit = 3): string[] {
  const scores = new Map<string, number>();
  const add = (unit: string, score: number) => scores.set(unit, (scores.get(unit) ?? 0) + score);
  const { model } = lex;
  if (RATE.test(indicator) && verb && RATE_CHANGE_VERBS.has(verb)) add('个百分点', 1e6);
  if (PERCENT_LIKE.test(indicator) || verb === '增长' || verb === '下降') add('%', 5e5);
  for (const head of indicatorHeads(indicator)) {
    const counts = model.indicatorUnits[head];
    if (counts) for (const [unit, n] of Object.entries(counts)) add(unit, n * head.length * head.length * 10);
  }
  const byVerb = verb ? model.verbUnits[verb] : undefined;
  if (byVerb) for (const [unit, n] of Object.entries(byVerb)) add(unit, n);
  for (const u of model.units) add(u.text, u.count / 1000);

  const ranked: string[] = [];
  for (const [unit] of [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    let u = unit;
    if (magnitude) {
      // After "3.8万" only the unit is missing: 万人 → 人; units without that magnitude do not fit.
      if (!u.startsWith(magnitude) || u === magnitude) continue;
      u = u.slice(magnitude.length);
    } else if (lex.magnitudes.has(u)) {
      continue;
    }
    if (u === '％' || u === '百分点' || ranked.includes(u)) continue;
    ranked.push(u);
    if (ranked.length >= limit) break;
  }
  return ranked;
}
