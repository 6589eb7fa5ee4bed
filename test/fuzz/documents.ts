// Generated documents for the fuzz tests: report text (headings, targets, units, deadlines) mixed
// with everything a real file can throw at the tools — every punctuation mark of GB/T 15834-2011
// in full and half width, digits, lone surrogates, NUL, BOM, zero-width characters, characters
// outside the BMP — with CR, LF and CRLF line endings mixed, or all one kind (CR-only included).
import fc from 'fast-check';

/** GB/T 15834-2011 §4 (标点符号用法): 点号 (句号 问号 叹号 逗号 顿号 分号 冒号) and 标号 (引号
 * 括号 破折号 省略号 着重号 连接号 间隔号 书名号 专名号 分隔号), with the half-width forms reports
 * get wrong and the vertical-text quotes 「」『』. */
export const GBT15834_MARKS = [
  '。', '？', '！', '，', '、', '；', '：', '“', '”', '‘', '’', '「', '」', '『', '』',
  '（', '）', '〔', '〕', '【', '】', '［', '］', '｛', '｝', '——', '—', '……', '…', '-', '–', '～', '~',
  '·', '・', '《', '》', '〈', '〉', '/', '／', '.', ',', ';', ':', '?', '!', '"', "'", '(', ')', '[', ']', '{', '}', '<', '>',
];

/** Characters with no width or no visible form, which editors and pasted web text leave behind. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u3000', '\u00a0', ' ', '\t', '\u0000', '\u000b', '\u000c', '\u001a'];

const REPORT_WORDS = [
  '一、', '二、', '十一、', '（一）', '(六)', '1.', '2．', '（1）', '一是', '二要', '第一，', '**', '%', '％', '+',
  '2026年', '年内', '到2027年', '“十五五”', '力争', '确保', '达到', '增长', '新增', '建设', '控制在', '以上', '左右', '以内', '不低于',
  '万人', '亿元', '个', '家', '平方米', '个百分点', '万', '亿', '公里', 'km', '〇', '零', '5G', 'PM2.5', '12345热线', '2号线', '第十四届', '1+N',
  '地区生产总值', '城镇新增就业', '高标准农田', '参保率', '政府工作报告', '工作回顾', '工作安排', '过去一年', '同比', '提高', '下降',
  '(上接第一版)', '下载', '打印', '【字号：】', '【分段】', '某某', '𠀀', '𪚥', '😀', '\ud800', '\udc00', '\udbff',
];

const BREAKS = ['\r', '\n', '\r\n', '\n\n', '\r\r', '\n\r'];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REPORT_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...GBT15834_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 3, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100000 }).map(String) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => n.toFixed(2)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

export type LineEndings = 'mixed' | '\n' | '\r\n' | '\r';

/** Every line break of `text` written as `eol` ('mixed' leaves them as generated). */
export function withLineEndings(text: string, eol: LineEndings): string {
  return eol === 'mixed' ? text : text.replace(/\r\n|\r|\n/g, eol);
}

/** A document of up to `maxParts` fragments, its line endings mixed or all of one kind. */
export function documentArb(maxParts = 120): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fragment, { maxLength: maxParts }), fc.constantFrom<LineEndings>('mixed', 'mixed', '\n', '\r\n', '\r'))
    .map(([parts, eol]) => withLineEndings(parts.join(''), eol));
}

/** A fragment to type into a document (the server fuzz). */
export const insertionArb = fc.array(fragment, { maxLength: 6 }).map((p) => p.join(''));
