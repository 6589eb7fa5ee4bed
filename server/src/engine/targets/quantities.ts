import type { Lexicon } from '../model/lexicon';

// Finds every Arabic number in a clause and reads what follows it: range, magnitude, unit and
// qualifier. Numbers that are names or dates (5G, PM2.5, 2号线, 12345热线, 1+N, 2026年, 第14届)
// are classified here so that nothing downstream mistakes them for quantities.

export type QuantityKind =
  | 'quantity' // a number with a unit: 3.8万人, 5.5%
  | 'bare' // a number with no unit after it: 达到70 (a candidate for target-missing-unit)
  | 'magnitude-only' // 3.8万: a magnitude but no unit
  | 'identifier'
  | 'date'
  | 'duration';

export interface Quantity {
  kind: QuantityKind;
  /** Offsets relative to the clause text. */
  start: number;
  /** End of the number (or of the range's second number). */
  valueEnd: number;
  /** End of number, unit and qualifier. */
  end: number;
  value: string;
  unit: string | null;
  qualifier: string | null;
  /** Where a qualifier written before the number starts (约, 不低于). */
  preQualifierStart?: number;
}

const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[/／][0-9０-９]+)?/y;
const DIGIT = /[0-9０-９]/;
const LATIN = /[A-Za-z]/;
const RANGE_JOINERS = new Set(['—', '–', '-', '－', '~', '～', '至', '〜', '到']);
const YEAR_AFTER = /^(?:年|年度)/;
const DATE_AFTER = /^(?:月|日|号(?!线)|时|点(?![0-9])|分(?!钟))/;

function readNumber(text: string, at: number): string | null {
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(text);
  return m ? m[0] : null;
}

function isYear(value: string): boolean {
  const n = Number(value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return /^[0-9０-９]{4}$/.test(value) && n >= 1900 && n <= 2100;
}

/** Quantities of one clause, in order; `quoted` tells whether an offset is inside “…” or 《…》. */
export function scanQuantities(text: string, lex: Lexicon, quoted: (offset: number) => boolean): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    if (!DIGIT.test(text[i])) {
      i++;
      continue;
    }
    const q = readQuantity(text, i, lex, quoted);
    found.push(q);
    i = Math.max(q.end, q.valueEnd, i + 1);
  }
  return found;
}

function readQuantity(text: string, start: number, lex: Lexicon, quoted: (offset: number) => boolean): Quantity {
  const first = readNumber(text, start)!;
  let valueEnd = start + first.length;
  const q: Quantity = { kind: 'quantity', start, valueEnd, end: valueEnd, value: first, unit: null, qualifier: null };
  const before = text[start - 1] ?? '';
  const identifier = () => ({ ...q, kind: 'identifier' as const });

  // Names: PM2.5, G20, 5G, 1+N, 第14届, “十五五”, 《…2035年…》.
  if (LATIN.test(before) || before === '+' || before === '＋' || before === '×' || before === '第' || before === '.' || quoted(start)) return identifier();
  if (/(?:附件|附表|图|表|序号)$/.test(text.slice(Math.max(0, start - 2), start))) return identifier();
  // A number counted by a Chinese numeral names a thing: 三个1亿人 (问题), 两个100年.
  if (/[一二三四五六七八九十两几]个$/.test(text.slice(Math.max(0, start - 2), start))) return identifier();
  let after = text[valueEnd] ?? '';
  if (after === '+' || after === '＋' || after === '×' || after === '*') return identifier();

  // Dates and years: 2026年, 2026—2030年, 6月, 15日.
  const rest = text.slice(valueEnd);
  // A list of years (1979、1980两年) is dates too.
  const listOfYears = /^[、，,和及与]\s*(?:19|20|１９|２０)[0-9０-９]{2}/.test(rest) || /(?:19|20|１９|２０)[0-9０-９]{2}[、，,和及与]\s*$/.test(text.slice(0, start));
  if (isYear(first) && listOfYears) return { ...q, kind: 'date' };
  if (isYear(first) && (YEAR_AFTER.test(rest) || /^[—–\-－~～至][0-9０-９]{4}年/.test(rest))) {
    const yearRange = /^[—–\-－~～至]([0-9０-９]{4})/.exec(rest);
    const end = valueEnd + (yearRange ? yearRange[0].length : 0) + 1;
    return { ...q, kind: 'date', valueEnd: end, end };
  }
  if (DATE_AFTER.test(rest)) return { ...q, kind: 'date', end: valueEnd + 1 };
  const duration = /^(?:[—–\-－~～至][0-9０-９]+)?(?:个)?(?:年|周年)(?:内|以内|时间|左右)?/.exec(rest);
  if (duration && !rest.startsWith('年均') && !rest.startsWith('年增')) return { ...q, kind: 'duration', end: valueEnd + duration[0].length };

  // A count of a number with a Latin unit (100P, 5Gbps) or a Latin name (5G, 3D).
  if (LATIN.test(after)) {
    const unit = lex.units.longestAt(text, valueEnd);
    if (!unit || LATIN.test(text[valueEnd + unit.length] ?? '')) return identifier();
  }

  // 多/余 between number and unit: 100多个, 2000余家.
  let pos = valueEnd;
  let qualifier: string | null = null;
  if (text[pos] === '多' || text[pos] === '余') {
    if (lex.magnitudes.longestAt(text, pos + 1) || lex.units.longestAt(text, pos + 1)) {
      qualifier = text[pos];
      pos++;
    }
  }

  // A range: 5%—5.5%, 2-3个, 1—2个, 4.5-5%.
  const firstUnit = readUnit(text, pos, lex);
  let rangeAt = pos + (firstUnit?.length ?? 0);
  if (RANGE_JOINERS.has(text[rangeAt] ?? '') && DIGIT.test(text[rangeAt + 1] ?? '')) {
    const second = readNumber(text, rangeAt + 1)!;
    valueEnd = rangeAt + 1 + second.length;
    pos = valueEnd;
  } else {
    rangeAt = -1;
  }

  const magnitude = lex.magnitudes.longestAt(text, pos);
  let unit = readUnit(text, pos, lex);
  // Prefer magnitude+unit (万人) over a unit that merely starts with a magnitude character.
  if (magnitude) {
    const afterMagnitude = readUnit(text, pos + magnitude.length, lex);
    if (afterMagnitude) unit = magnitude + afterMagnitude;
    else if (!unit || unit.length <= magnitude.length) unit = magnitude;
  }
  q.valueEnd = valueEnd;
  pos += unit?.length ?? 0;
  // A range written with its unit on both sides is kept whole: "5%—5.5%" (TARGETS.md).
  q.value = text.slice(start, rangeAt >= 0 && firstUnit && unit ? pos : valueEnd);
  if (!qualifier) {
    const post = lex.postQualifiers.longestAt(text, pos);
    // 内 and 多 alone qualify only after a unit (3个工作日内); 以内/以上 always do.
    if (post && (unit || post.length > 1)) {
      qualifier = post;
      pos += post.length;
    }
  }
  q.unit = unit;
  q.qualifier = qualifier;
  q.end = pos;
  after = text[valueEnd] ?? '';

  if (!unit) {
    // Names: 12345热线, 2号线, 世界500强, 3.0方案 (a version number).
    if (lex.identifierSuffixes.longestAt(text, valueEnd) || /^[0-9０-９]+[.．][0０]$/.test(first)) return identifier();
    if (/^[0-9０-９]{5,}$/.test(first) && /^[\u4e00-\u9fff]/.test(text.slice(valueEnd))) return identifier();
    q.kind = 'bare';
  } else if (magnitude && unit === magnitude && !/^[\u4e00-\u9fff]/.test(text.slice(pos).replace(/^(?:以上|以下|左右|多|余)/, ''))) {
    // "3.8万" at a clause end lacks its unit; "30万重点群体" uses 万 as a numeral before a noun.
    q.kind = 'magnitude-only';
  }
  return q;
}

function readUnit(text: string, at: number, lex: Lexicon): string | null {
  const unit = lex.units.longestAt(text, at);
  // 大 counts only small whole numbers (六大产业, 6大集群), not "13.5大树".
  if (unit === '大' && !/^[0-9]{1,2}$/.test(text.slice(0, at).match(/[0-9.]+$/)?.[0] ?? '')) return null;
  return unit;
}
