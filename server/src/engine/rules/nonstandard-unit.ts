import type { Rule } from './rule';
import type { Fix } from '../types';
import { localize } from '../i18n';
import type { Lexicon } from '../model/lexicon';
import { insideAny } from '../text/content';
import { isDecimalPart, numberAt } from '../text/numberTokens';
import { offsetsOf, tokensOf } from '../text/tokens';

// 法定计量单位 (GB 3100-1993 and the State Council's order on legal units of measurement): in running
// Chinese text a unit is written by its Chinese name. Flagged after a number (or 每): the CJK
// compatibility symbols (㎡ ㎞), Latin symbols (m² km kg), and colloquial or abolished names (平米,
// 公分, 公尺, 亿度, 马力). 亩 and 斤 are left alone: the State Council's own reports still use them for
// land and grain. The table below is fixed by statute, not learned; where a unit has two legal names
// (千米/公里, 千克/公斤) the model's counts decide which is offered first.

interface UnitEntry {
  wrong: string;
  /** Legal names, in the order offered when the model has no preference; empty when only a conversion helps. */
  right: string[];
  /** Latin symbols must stand alone: "km" but not "kmh". */
  latin?: boolean;
  /** Colloquial names that only read as units after a magnitude: 60亿度. */
  afterMagnitude?: boolean;
}

const UNITS: UnitEntry[] = [
  { wrong: '㎡', right: ['平方米'] },
  { wrong: 'm²', right: ['平方米'], latin: true },
  { wrong: 'm2', right: ['平方米'], latin: true },
  { wrong: '平米', right: ['平方米'] },
  { wrong: '㎞', right: ['千米', '公里'] },
  { wrong: 'km', right: ['千米', '公里'], latin: true },
  { wrong: 'KM', right: ['千米', '公里'], latin: true },
  { wrong: '㎢', right: ['平方千米', '平方公里'] },
  { wrong: 'km²', right: ['平方千米', '平方公里'], latin: true },
  { wrong: '㎏', right: ['千克', '公斤'] },
  { wrong: 'kg', right: ['千克', '公斤'], latin: true },
  { wrong: 'KG', right: ['千克', '公斤'], latin: true },
  { wrong: '㎥', right: ['立方米'] },
  { wrong: 'm³', right: ['立方米'], latin: true },
  { wrong: 'm3', right: ['立方米'], latin: true },
  { wrong: '立米', right: ['立方米'] },
  { wrong: '㎝', right: ['厘米'] },
  { wrong: 'cm', right: ['厘米'], latin: true },
  { wrong: '㎜', right: ['毫米'] },
  { wrong: 'mm', right: ['毫米'], latin: true },
  { wrong: '公分', right: ['厘米'] },
  { wrong: '公尺', right: ['米'] },
  { wrong: '公升', right: ['升'] },
  { wrong: '公吨', right: ['吨'] },
  { wrong: '度电', right: ['千瓦时'], afterMagnitude: true },
  { wrong: '度', right: ['千瓦时'], afterMagnitude: true },
  { wrong: '马力', right: [] },
];
/** Longest first, so that "km²" wins over "km" and "度电" over "度". */
const BY_LENGTH = [...UNITS].sort((a, b) => b.wrong.length - a.wrong.length);
const MAGNITUDE_BEFORE = /(?:万|亿)$/;
const EACH = /每/g;

const FIRST_CHARACTERS = new Set(UNITS.map((u) => u.wrong[0]));

function unitAt(text: string, at: number, afterMagnitude: boolean): UnitEntry | null {
  if (!FIRST_CHARACTERS.has(text[at])) return null;
  for (const u of BY_LENGTH) {
    if (!text.startsWith(u.wrong, at)) continue;
    if (u.afterMagnitude && !afterMagnitude) continue;
    if (u.latin && /[A-Za-z0-9²³]/.test(text[at + u.wrong.length] ?? '')) continue;
    // 60亿度 is electricity; 度假, 度过 are not units.
    if (u.wrong === '度' && /[假过量数]/.test(text[at + 1] ?? '')) continue;
    return u;
  }
  return null;
}

/** The legal names, the one the model has counted most first. */
function ranked(lex: Lexicon, names: readonly string[]): string[] {
  const count = (n: string) => lex.model.units.find((u) => u.text === n)?.count ?? 0;
  return [...names].sort((a, b) => count(b) - count(a));
}

export const nonstandardUnit: Rule = {
  meta: {
    id: 'nonstandard-unit',
    category: 'numbers',
    description: {
      zh: '使用了非法定的计量单位符号或俗称',
      en: 'A unit symbol or colloquial unit name that is not the legal Chinese name',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: true,
    standard: { code: 'GB 3100-1993', section: { zh: '国际单位制及其应用（法定计量单位）', en: 'SI units and their application (legal units of measurement)' } },
    examples: [
      { wrong: '改造老旧小区5个、36万平米。', right: '改造老旧小区5个、36万平方米。', source: 'seeds' },
      { wrong: '新建厂房12万㎡。', right: '新建厂房12万平方米。', source: 'catalogue' },
      { wrong: '人均身高增加2公分。', right: '人均身高增加2厘米。', source: 'catalogue' },
      { wrong: '年用电量突破60亿度。', right: '年用电量突破60亿千瓦时。', source: 'seeds' },
    ],
  },
  check({ analysis, lang, report }) {
    const { text, lexicon } = analysis;
    for (const paragraph of tokensOf(analysis)) {
      // Where a unit may follow: after a number, and after the first 每 of a run of Chinese.
      const places: number[] = [];
      if (paragraph.digits.length > 0) {
        const { tokens, digits } = paragraph;
        for (const i of digits) {
          if (!isDecimalPart(tokens, i, text)) places.push(tokens[numberAt(tokens, i, text).next]?.start ?? -1);
        }
      }
      let run = -1;
      for (const each of offsetsOf(paragraph, EACH)) {
        const { start } = paragraph.tokenAround(each);
        if (start === run) continue;
        run = start;
        places.push(each + 1);
      }
      for (let at of places) {
        if (at < 0 || insideAny(paragraph.quoted, at)) continue;
        // 3.5万平米, 100多公分, 2 km: skip the magnitude, 多/余 and one space.
        const magnitude = /^(?:[多余])?(?:万亿|亿|万)?(?:[多余])?/.exec(text.slice(at, at + 4))![0];
        at += magnitude.length;
        if (text[at] === ' ') at++;
        const unit = unitAt(text, at, MAGNITUDE_BEFORE.test(magnitude));
        if (!unit) continue;
        const span = { start: at, end: at + unit.wrong.length };
        const names = ranked(lexicon, unit.right);
        const fixes: Fix[] = names.map((name, k) => ({
          title: localize(MESSAGES.fix, lang, { name }),
          edits: [{ span, newText: name }],
          preferred: k === 0,
        }));
        report({
          span,
          message: names.length
            ? localize(MESSAGES.replace, lang, { wrong: unit.wrong, names: names.join(lang === 'zh' ? '或' : ' or ') })
            : localize(MESSAGES.convert, lang, { wrong: unit.wrong }),
          fixes,
        });
      }
    }
  },
};

const MESSAGES = {
  replace: { zh: '“{wrong}”不是法定计量单位的中文名称，应写作“{names}”', en: '“{wrong}” is not the legal Chinese unit name; write “{names}”' },
  convert: { zh: '“{wrong}”不是法定计量单位，应换算为法定单位', en: '“{wrong}” is not a legal unit of measurement; convert to a legal unit' },
  fix: { zh: '改为“{name}”', en: 'Replace with “{name}”' },
};
