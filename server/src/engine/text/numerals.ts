// Chinese numerals as used in ordinals (一、 十一、 （二十）) and simple counts (三年).

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

/** Value of a Chinese numeral below 10000 (十一 → 11, 二十 → 20, 一百零五 → 105); NaN if malformed. */
export function chineseNumeralValue(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let pending = 0;
  let sawDigit = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      pending = DIGITS[ch];
      sawDigit = true;
    } else if (ch in UNITS) {
      // 十 alone means 一十.
      total += (sawDigit ? pending : 1) * UNITS[ch];
      pending = 0;
      sawDigit = false;
    } else {
      return NaN;
    }
  }
  return total + pending;
}

/** The Chinese numeral for n (1 ≤ n < 100), as ordinals are written: 11 → 十一, 20 → 二十. */
export function toChineseNumeral(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : d[tens]) + '十' + (ones ? d[ones] : '');
}

const FULLWIDTH_DIGIT_OFFSET = 0xff10 - 0x30;

/** Full-width digits and point (１９９１．５) to ASCII, length-preserving so offsets still hold. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_DIGIT_OFFSET)));
}
