// Time expressions that can govern a target: 年内, 今年, 全年, 到2026年, 2026年底前, 上半年, 一季度,
// 未来五年, “十五五”期间, 2—3年内, 计划用三年时间. A year that is a baseline (比2025年, 2025年以来)
// is not a deadline.

const N = '[0-9０-９一二三四五六七八九十两]+';
// Old reports write years in Chinese numerals: 一九八三年, 二〇〇二年.
const YEAR = '(?:19|20)[0-9]{2}|[１２][０-９]{3}|一九[〇零○一二三四五六七八九]{2}|二[〇零○][〇零○一二三四五六七八九]{2}';
// “十五五” (the 15th plan) with or without quotes; the plans before the 11th only quoted (“十五”, “九五”),
// since 十五 and 九五 alone are numbers.
const FIVE_YEAR_PLAN = `(?:[“"]?十[一二三四五六七八九]五[”"]?|[“"](?:十|[六七八九])五[”"](?=计划|规划|期间|时期|末|内))`;

const PATTERNS = [
  `(?:到|至|在|于|截至)?(?:${YEAR})年(?:底|末|年底|年末|上半年|下半年|前|以前|之前)?(?:前)?`,
  `${FIVE_YEAR_PLAN}(?:时期末|期末|期间|时期|末|内|规划期)?`,
  '年内|年底前|年末前|今年|全年|当年|本年度|年度内|明年|今明两年|上半年|下半年|(?:第)?[一二三四]季度',
  `(?:未来|今后)${N}年|本世纪(?:末|中叶)|${N}(?:[—–\\-－~～至到]${N})?年(?:内|以内)|(?:计划)?用${N}(?:[—–\\-－~～至到]${N})?年(?:左右)?时间`,
];

export const TIME_EXPRESSION = new RegExp(PATTERNS.join('|'), 'g');

export interface TimeMatch {
  text: string;
  /** Offset within the searched text. */
  index: number;
}

/** Time expressions in `text` that can be deadlines, in order. */
export function findTimeExpressions(text: string): TimeMatch[] {
  const found: TimeMatch[] = [];
  TIME_EXPRESSION.lastIndex = 0;
  for (let m = TIME_EXPRESSION.exec(text); m; m = TIME_EXPRESSION.exec(text)) {
    if (m[0].length === 0) {
      TIME_EXPRESSION.lastIndex++;
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    // Baselines and spans of the past are not deadlines: 比2025年, 较上年, 从2020年, 2020年以来, 2025年是.
    // ("“十二五”时期的主要目标" and "2025年的14万元" do govern what follows.)
    if (/[比较同与自从]$/.test(before) || /^(?:以来|来|是|相比|同期)/.test(after)) continue;
    found.push({ text: m[0], index: m.index });
  }
  return found;
}

const PERIOD_IS = new RegExp(`^(?:(?:${YEAR})年|今年|明年)(?=是)`);

/**
 * The year a sentence opens on to say what it is ("1982年是第六个五年计划的第二年", "今年是…开局之年"): not a
 * deadline inside the sentence (2025年是极不平凡的一年), but the period of the paragraph it opens.
 */
export function periodOpeningCopula(text: string): TimeMatch | null {
  const m = PERIOD_IS.exec(text);
  return m ? { text: m[0], index: 0 } : null;
}

/** A clause that is nothing but a time expression ("到2026年", "今年"): it governs what follows. */
export function isTimeOnly(text: string): boolean {
  const t = text.replace(/^[\s\u3000]*(?:力争|确保|争取|预计|计划|要|将)?/, '').replace(/(?:前后|左右|的)?$/, '');
  const found = findTimeExpressions(t);
  return found.length === 1 && found[0].index === 0 && found[0].text.length === t.length;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** The year of a time expression (2026年底前 → 2026, 一九八三年 → 1983), or null. */
export function yearOf(text: string): number | null {
  const digits = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[〇零○一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => Math.max(0, CHINESE_DIGITS.indexOf(c))).join(''));
  const m = /(?:19|20)[0-9]{2}/.exec(digits);
  return m ? Number(m[0]) : null;
}

/** The pattern a deadline follows, for the model's counts: 到2026年 → 到YYYY年, 三年内 → N年内. */
export function deadlinePattern(text: string): string {
  return text
    .replace(new RegExp(YEAR, 'g'), 'YYYY')
    .replace(/[0-9０-９一二三四五六七八九十两]+(?=[—–\-－~～至到]?[0-9０-９一二三四五六七八九十两]*年)/g, 'N')
    .replace(/[—–\-－~～至到]N/g, '—N');
}
