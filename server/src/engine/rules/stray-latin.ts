import type { Rule } from './rule';
import { localize } from '../i18n';
import { insideAny } from '../text/content';
import { isChinese, tokensOf, type Token } from '../text/tokens';

// A Latin word inside Chinese prose that no report would write: an English word left by a
// translation tool or a slip of the input method ("穿戴设备 etc 电子产品", "二十大精神 and 二十届",
// "25l亿元" for 251). Abbreviations and names that reports do use (5G, PM2.5, GDP, AI, CCER) are
// learned: the model accepts every Latin token it saw in at least two training documents. Words in
// small letters only are what a report never writes, so they are flagged unless the model accepts
// them; abbreviations and names with capitals are flagged only with the option
// `flagUnknownAbbreviations`, for a team whose model is trained on its own reports. Quoted names
// (“i深圳”), units after a number (those are nonstandard-unit's) and English phrases of several
// words are left alone.

const CONNECTORS = new Set(['.', '+', '&', '-', '_', "'", '’', '/']);
/** The pieces the model counts (model/train.ts reads Latin tokens with this pattern). */
const MODEL_TOKEN = /[A-Za-z0-9][A-Za-z0-9.+\-]*[A-Za-z0-9]|[A-Za-z]/g;

interface Word {
  first: number;
  last: number;
  start: number;
  end: number;
}

export const strayLatin: Rule = {
  meta: {
    id: 'stray-latin',
    category: 'wording',
    description: {
      zh: '中文行文中夹杂外文单词（不在已学习的缩略语之列）',
      en: 'A Latin word inside Chinese prose that is not an accepted token',
    },
    defaultSeverity: 'warning',
    fixable: false,
    safeFix: false,
    options: {
      flagUnknownAbbreviations: {
        type: 'boolean',
        default: false,
        description: {
          zh: '同时标出模型未学到（少于两份文件使用）的大写缩略语，如 GDP、CCER',
          en: 'Also flag capitalised abbreviations (GDP, CCER) that the model has not seen in two or more documents',
        },
      },
    },
    examples: [
      { wrong: '推进手机、平板、穿戴设备 etc 电子产品以旧换新。', right: '推进手机、平板、穿戴设备等电子产品以旧换新。', source: 'seeds' },
      { wrong: '全面贯彻落实党的二十大精神 and 二十届二中全会精神。', right: '全面贯彻落实党的二十大精神和二十届二中全会精神。', source: 'seeds' },
    ],
  },
  check({ analysis, lang, options, report }) {
    const { text, lexicon } = analysis;
    const strict = options.flagUnknownAbbreviations === true;
    const accepted = (word: string) => lexicon.latinTokens.has(word) || (word.match(MODEL_TOKEN) ?? []).every((piece) => lexicon.latinTokens.has(piece));
    for (const paragraph of tokensOf(analysis)) {
      if (paragraph.latins.length === 0) continue;
      const { tokens, latins, quoted } = paragraph;
      const words = wordsOf(tokens, latins, text);
      words.forEach((w, k) => {
        const letters = text.slice(tokens[w.first].start, tokens[w.last].end);
        const word = text.slice(w.start, w.end);
        const before = neighbour(tokens, w.first, -1);
        const after = neighbour(tokens, w.last, 1);
        if (!isChinese(text, before) && !isChinese(text, after)) return;
        // Part of an English phrase (two or more words in a row), a URL or an e-mail address.
        const prevWord = words[k - 1];
        const nextWord = words[k + 1];
        if ((prevWord && gapIsSpace(tokens, prevWord.last, w.first)) || (nextWord && gapIsSpace(tokens, w.last, nextWord.first))) return;
        if (/@|:\/\/|^www\./i.test(text.slice(Math.max(0, w.start - 3), w.end + 1))) return;
        if (insideAny(quoted, w.start)) return;
        // A unit after a number (100km, 5GB) is a unit; nonstandard-unit judges it.
        if (tokens[w.first - 1]?.kind === 'digit' && lexicon.units.has(letters)) return;
        if (accepted(word) || accepted(letters)) return;
        // e镇, i深圳: a single letter before Chinese names a service; after a digit (25l亿元) it is a slip.
        if (/^[a-z]$/.test(word) && tokens[w.first + 1]?.kind === 'han' && tokens[w.first - 1]?.kind !== 'digit') return;
        if (/[A-Z]/.test(word) && !strict) return;
        // The whole word (5G, PM2.5), but only the letters of a digit typed as one (25l).
        const slip = /^[0-9]/.test(word) && /^[a-z]+$/.test(letters);
        const span = slip ? { start: tokens[w.first].start, end: tokens[w.last].end } : { start: w.start, end: w.end };
        report({
          span,
          message: localize(/[A-Z]/.test(word) ? MESSAGES.abbreviation : MESSAGES.word, lang, { word: text.slice(span.start, span.end) }),
        });
      });
    }
  },
};

function alphanumeric(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'latin' || t.kind === 'digit');
}

/** A connector between two runs of letters or digits (PM2.5, R&D, COVID-19). */
function connects(tokens: readonly Token[], at: number, text: string): boolean {
  const t = tokens[at];
  return t?.kind === 'mark' && CONNECTORS.has(text[t.start]);
}

/**
 * Runs of Latin letters, digits and the connectors inside them, that hold at least one letter. Each
 * is found from its letters (`latins`, the indices of the Latin tokens): a report has few.
 */
function wordsOf(tokens: readonly Token[], latins: readonly number[], text: string): Word[] {
  const words: Word[] = [];
  let done = -1;
  for (const letters of latins) {
    if (letters <= done) continue;
    // Back to where the run starts, then forward to where it ends.
    let i = letters;
    for (;;) {
      if (alphanumeric(tokens[i - 1])) i--;
      else if (connects(tokens, i - 1, text) && alphanumeric(tokens[i - 2])) i -= 2;
      else break;
    }
    const t = tokens[i];
    let j = letters;
    while (j + 1 < tokens.length && (alphanumeric(tokens[j + 1]) || (connects(tokens, j + 1, text) && alphanumeric(tokens[j + 2])))) j++;
    done = j;
    let first = -1;
    let last = -1;
    for (let k = i; k <= j; k++) {
      if (tokens[k].kind !== 'latin') continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) words.push({ first, last, start: t.start, end: tokens[j].end });
  }
  return words;
}

/** The token next to `i` in direction `dir`, across one space. */
function neighbour(tokens: readonly Token[], i: number, dir: 1 | -1): Token | undefined {
  const t = tokens[i + dir];
  return t?.kind === 'space' ? tokens[i + 2 * dir] : t;
}

/** Whether only a space separates tokens a < b. */
function gapIsSpace(tokens: readonly Token[], a: number, b: number): boolean {
  return b === a + 2 && tokens[a + 1].kind === 'space';
}

const MESSAGES = {
  word: { zh: '中文行文中夹杂外文“{word}”', en: 'The Latin word “{word}” inside Chinese prose' },
  abbreviation: {
    zh: '外文缩略语“{word}”未见于训练语料（少于两份文件），请确认或改用中文',
    en: 'The abbreviation “{word}” is not among the tokens learned from two or more documents; check it or write it in Chinese',
  },
};
