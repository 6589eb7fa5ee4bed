import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { occurrences } from '../text/occurrences';
import { offsetsOf, tokensOf, type Token } from '../text/tokens';

// A character, word or mark typed twice by mistake: 率率, 考核考核, “，，”, and the 在…中 frame written
// around a repeated word (在算力中心项目中项目建设). Chinese doubles characters on purpose too: 重叠词
// (reduplications: 常常, 件件, 点点滴滴, 家家户户) and words that meet at a shared character (工作|作风,
// 人民|民主, 归侨|侨眷). Without a dictionary the text cannot tell 两院|院士 from 安置率率, so which
// doubled characters are judged at all depends on how much the model knows (option `characters`):
//   · "slips" (default): only characters that never form a reduplication — particles, conjunctions,
//     prepositions and suffixes such as 的 了 是 在 和 率 性 — the doubles a slip of the keyboard makes;
//   · "all": any doubled character, unless the model accepts it (a reduplication seen in two or more
//     training documents). It needs a model trained on a large corpus: even one trained on the 52
//     national reports has not seen 两院|院士, 艾滋病|病毒 or 主轴|轴承 and flags them.
// In every mode a double is left alone when something explains it: a form of reduplication (AABB,
// 一个个, a numeral as in 一一列举, a date as in 2006年年均), a base list of the adverbs every report uses
// (紧紧, 牢牢, 层层), a document that writes it more than once (a slip is not repeated), or words the
// document writes elsewhere on either side (xA or Ay). Doubled words (考核考核) are flagged when their
// junction (核考) is not a word of the document, and doubled marks (，，) always.

/** Characters whose doubling is a slip: particles, conjunctions, prepositions and suffixes. */
const SLIP_PRONE = new Set([...'的了着过是在和与及对把被将并而或从向于为以之其也都就还又再很最更所由让使给率性们']);
/** Reduplicated adverbs and quantifiers of official writing (simplified and traditional), for the seed model. */
const BASE_REDUPLICATIONS = new Set(
  ('紧紧 牢牢 层层 大大 往往 仅仅 刚刚 恰恰 种种 纷纷 远远 深深 渐渐 默默 稳稳 实实 扎扎 人人 处处 事事 时时 年年 ' +
    '天天 个个 条条 块块 等等 统统 通通 整整 短短 重重 累累 欣欣 蒸蒸 勃勃 洋洋 腾腾 滚滚 忡忡 生生 代代 世世 ' +
    '久久 步步 节节 村村 县县 乡乡 市市 南南 强强 格格 心心 兢兢 业业 勤勤 恳恳 轰轰 烈烈 方方 面面 千千 万万 ' +
    '明明 清清 楚楚 平平 安安 高高 好好 多多 早早 谈谈 看看 想想 试试 座座 项项 样样 桩桩 本本 框框 狠狠 低低 ' +
    '緊緊 層層 僅僅 剛剛 種種 紛紛 遠遠 漸漸 穩穩 實實 紮紮 處處 時時 個個 條條 塊塊 統統 騰騰 滾滾 萬萬 談談 ' +
    '試試 項項 樣樣 樁樁 縣縣 鄉鄉 強強 業業 懇懇 轟轟').split(' '),
);
const NUMERALS = /[一二三四五六七八九十百千万亿两〇零]/;
/** A mark that is never doubled, doubled (…… and —— are single marks of two characters). */
const DOUBLED_MARK = /([，、。；：,;])\1/g;
const HAN = /[\u4e00-\u9fff]/;
/** A character of a run of Chinese (UTF-16 units: surrogates for the ideographs outside the BMP). */
const H = '[\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ud840-\\ud8bf\\udc00-\\udfff]';
/**
 * Where a double may start, as the tests below judge one: a character twice (AA), a word of two to
 * four characters twice (ABAB … ABCDABCD), or AB中AB. A lookahead, so that every place is tried; the
 * tests compare UTF-16 units, as this does.
 */
const DOUBLE_AT = new RegExp(`(?=(${H})(?:\\1|(${H})(?:\\1\\2|中\\1\\2|(${H})(?:\\1\\2\\3|(${H})\\1\\2\\3\\4))))`, 'g');

export const duplicatedText: Rule = {
  meta: {
    id: 'duplicated-text',
    category: 'wording',
    description: {
      zh: '字、词或标点误写了两次（已学习的叠词除外）',
      en: 'A character, word or mark written twice by mistake (learned reduplications excepted)',
    },
    defaultSeverity: 'warning',
    fixable: true,
    safeFix: false,
    options: {
      characters: {
        type: 'string',
        default: 'slips',
        enum: ['slips', 'all'],
        description: {
          zh: '判断哪些叠字：slips 仅为从不重叠的虚词和词缀（的、了、是、率……）；all 为全部叠字（模型在两份以上训练文件中见过的叠词除外，需用大量报告训练的模型）',
          en: 'Which doubled characters are judged: slips, only particles and suffixes that are never doubled (的, 了, 是, 率 …); all, every doubled character except reduplications the model saw in two or more training documents (needs a model trained on many reports)',
        },
      },
    },
    examples: [
      { wrong: '确保残疾儿童义务教育入学安置率率达到100%。', right: '确保残疾儿童义务教育入学安置率达到100%。', source: 'catalogue' },
      { wrong: '健全服务标准、考核考核及良性退出机制。', right: '健全服务标准、考核及良性退出机制。', source: 'catalogue' },
      { wrong: '加快中联3期等在算力中心项目中项目建设。', right: '加快中联3期等在算力中心项目建设。', source: 'seeds' },
      { wrong: '以更加饱满的精神状态，，更加扎实的工作作风推进落实。', right: '以更加饱满的精神状态，更加扎实的工作作风推进落实。', source: 'corpus' },
    ],
  },
  check({ analysis, lang, options, report }) {
    const { text, lexicon } = analysis;
    const mode = options.characters === 'all' ? 'all' : 'slips';
    /** Occurrences in the document, up to 3; `at` is the double whose judgement depends on it. */
    const count = (word: string, at: number) => occurrences(text, word, 3, at);
    const accepted = (aa: string) => lexicon.reduplications.has(aa) || BASE_REDUPLICATIONS.has(aa);
    const flag = (span: { start: number; end: number }, repeat: { start: number; end: number }, kind: keyof typeof MESSAGES) => {
      const edits: TextEdit[] = [{ span: repeat, newText: '' }];
      const written = text.slice(span.start, span.end);
      report({
        span,
        message: localize(MESSAGES[kind], lang, { written, repeat: text.slice(repeat.start, repeat.end) }),
        fixes: [{ title: localize(MESSAGES.fix, lang, { repeat: text.slice(repeat.start, repeat.end) }), edits, preferred: true }],
      });
    };

    for (const paragraph of tokensOf(analysis)) {
      // ，， (each mark a token of one character); a run of three is reported once, at its start.
      for (const at of offsetsOf(paragraph, DOUBLED_MARK)) {
        if (at > paragraph.content.start && text[at - 1] === text[at]) continue;
        flag({ start: at, end: at + 2 }, { start: at + 1, end: at + 2 }, 'mark');
      }
      // Most positions start no double at all: a native search over the paragraph finds the few
      // that do. Each double lies inside one run of Chinese of two or more characters, outside
      // quotation marks, and the tests below never look past the run's end, so a double found
      // across the run's end is passed over.
      const base = paragraph.content.start;
      let run: Token | undefined;
      DOUBLE_AT.lastIndex = 0;
      while (DOUBLE_AT.test(paragraph.text)) {
        // An empty match: lastIndex is where it is, and is moved on below.
        const at = base + DOUBLE_AT.lastIndex;
        if (run === undefined || at >= run.end) run = paragraph.tokenAround(at);
        if (run.kind !== 'han' || run.end - run.start < 2 || insideAny(paragraph.quoted, run.start)) {
          DOUBLE_AT.lastIndex = run.end - base;
          continue;
        }
        let next: number | null = null;
        if (at < run.end - 1) {
          next = text.charCodeAt(at) === text.charCodeAt(at + 1) ? charDouble(at, run.end) : (wordDouble(at, run.end) ?? frameDouble(at, run.end));
        }
        DOUBLE_AT.lastIndex = (next ?? at + 1) - base;
      }
    }

    /** 考核考核: a word of 2–4 characters written twice; returns where scanning goes on, if flagged. */
    function wordDouble(at: number, end: number): number | null {
      for (let len = 4; len >= 2; len--) {
        if (at + 2 * len > end || !sameAt(at, at + len, len)) continue;
        const word = text.substr(at, len);
        // 一步一步, 很多很多: counting and intensifying repetitions.
        if (NUMERALS.test(word[0]) || /^[很更太好多越]/.test(word)) continue;
        // 就业创业创新 holds 业创业创: the junction 创业 is a word of its own there.
        const junction = word[len - 1] + word[0];
        if (count(word + word, at) >= 2 || count(junction, at) >= 2) continue;
        flag({ start: at, end: at + 2 * len }, { start: at + len, end: at + 2 * len }, 'word');
        return at + 2 * len;
      }
      return null;
    }

    /** Whether the `len` characters at `a` and at `b` are the same (no substrings on the hot path). */
    function sameAt(a: number, b: number, len: number): boolean {
      for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
      return true;
    }

    /** 在算力中心项目中项目建设: the 在…中 frame around a word written twice. */
    function frameDouble(at: number, end: number): number | null {
      if (at + 5 > end || text.charCodeAt(at + 2) !== 0x4e2d || !sameAt(at, at + 3, 2)) return null;
      const word = text.substr(at, 2);
      if (count(word + '中' + word, at) >= 2) return null;
      flag({ start: at, end: at + 5 }, { start: at + 2, end: at + 5 }, 'word');
      return at + 5;
    }

    /** 率率: one character twice. */
    function charDouble(at: number, end: number): number | null {
      if (text.charCodeAt(at + 1) !== text.charCodeAt(at) || at + 1 >= end) return null;
      const a = text[at];
      if (NUMERALS.test(a) || (mode === 'slips' && !SLIP_PRONE.has(a))) return null;
      const aa = a + a;
      const before = text[at - 1] ?? '';
      const after = text[at + 2] ?? '';
      // 2006年年均, 一件件, and the halves of AABB (点点滴滴): forms of counting and reduplication.
      if (/[0-9０-９一]/.test(before) || accepted(aa)) return null;
      // AABB (子子孙孙, 点点滴滴): two doubles in a row are a reduplication, never a slip.
      if (text[at + 3] === after && HAN.test(after)) return at + 4;
      if (text[at - 2] === before && HAN.test(before)) return null;
      if (count(aa, at) >= 2) return null;
      // Two words meeting at a shared character: 工作|作风, 其中|中央.
      if ((HAN.test(before) && count(before + a, at) >= 2) || (HAN.test(after) && count(a + after, at) >= 2)) return null;
      flag({ start: at, end: at + 2 }, { start: at + 1, end: at + 2 }, 'char');
      return at + 2;
    }
  },
};

const MESSAGES = {
  char: { zh: '“{written}”疑为重复录入，应为“{repeat}”', en: '“{written}” looks typed twice; did you mean “{repeat}”?' },
  word: { zh: '“{written}”中的“{repeat}”疑为重复', en: '“{repeat}” in “{written}” looks repeated' },
  mark: { zh: '标点“{repeat}”重复', en: 'The mark “{repeat}” is doubled' },
  fix: { zh: '删去重复的“{repeat}”', en: 'Delete the repeated “{repeat}”' },
};
