import type { Rule } from './rule';
import { replaceFix } from './rule';
import { localize } from '../i18n';
import type { Model, PhraseEntry } from '../model/types';
import { insideAny } from '../text/content';
import { occurrences } from '../text/occurrences';
import { tokensOf, type Token } from '../text/tokens';
import { wordPattern } from '../text/wordPattern';

// 规范表述 (standard phrasing): the model keeps the clause-level phrases that recur across its
// training reports ("不发生系统性风险的底线"). Text that is one of them with a character dropped
// inside ("不发生系统性风险底线") is taken for a slip, and the standard form is offered. Changed or
// added characters are mostly deliberate variants (提高/提升, 各种/各类, 满意的教育), so they are
// compared only with the option `allowChanged`. Either way only long phrases are compared, the
// difference must lie inside the phrase (two characters match at each end), and differences that
// change the meaning on purpose are left alone: numbers (“十四五” vs “十五五”) and the administrative
// level (全省 vs 全市 vs 全区). A variant that is itself a phrase of the model, or that the document
// writes more than once, is a form of its own.

const GRAM = 4;
/** Differences that are deliberate: numerals and the levels of government. */
const DELIBERATE = /[0-9０-９一二三四五六七八九十百千万亿两〇零省市区县乡镇村州盟旗国]/;

interface PhraseIndex {
  phrases: PhraseEntry[];
  /** 4-gram → [phrase index, offset of the gram in the phrase]. */
  grams: Map<string, Array<[number, number]>>;
  /** Where one of the 4-grams starts: a native search, where a loop would test every character. */
  gramAt: RegExp;
  /**
   * Where the first two characters of a phrase are written. A variant starts as its phrase does, so
   * a run of Chinese without any of these holds no variant, and its grams need not be looked up.
   */
  openingAt: RegExp;
  /** Every phrase text, and every 4-gram of the model's phrases, to recognise standard variants. */
  known: Set<string>;
}

const indexes = new WeakMap<Model, Map<number, PhraseIndex>>();

function indexOf(model: Model, minLength: number): PhraseIndex {
  let byLength = indexes.get(model);
  if (!byLength) indexes.set(model, (byLength = new Map()));
  let index = byLength.get(minLength);
  if (!index) {
    const phrases = model.phrases.filter((p) => p.text.length >= minLength && p.sources.length >= 2 && /^[\u4e00-\u9fff]+$/.test(p.text));
    const grams = new Map<string, Array<[number, number]>>();
    phrases.forEach((p, i) => {
      for (let k = 0; k + GRAM <= p.text.length; k++) {
        const g = p.text.substr(k, GRAM);
        const list = grams.get(g) ?? [];
        list.push([i, k]);
        grams.set(g, list);
      }
    });
    index = {
      phrases,
      grams,
      gramAt: wordPattern(grams.keys()),
      openingAt: wordPattern(phrases.map((p) => p.text.slice(0, 2))),
      known: new Set(model.phrases.map((p) => p.text)),
    };
    byLength.set(minLength, index);
  }
  return index;
}

interface Alignment {
  start: number;
  end: number;
  distance: number;
}

let rows = new Int32Array(256);

/**
 * The substring of `window` closest to `phrase` in edit distance (the phrase matched whole, the
 * window at any start and end): Sellers' semi-global alignment, O(phrase × window).
 */
function align(phrase: string, window: string): Alignment {
  const n = phrase.length;
  const m = window.length;
  // Two rows of distances and of where each alignment starts, on typed arrays kept between calls;
  // characters compared by code (indexing a string makes a string of each Chinese character).
  if (rows.length < 4 * (m + 1)) rows = new Int32Array(8 * (m + 1));
  let prev = rows.subarray(0, m + 1);
  let prevStart = rows.subarray(m + 1, 2 * (m + 1));
  let cur = rows.subarray(2 * (m + 1), 3 * (m + 1));
  let curStart = rows.subarray(3 * (m + 1), 4 * (m + 1));
  for (let j = 0; j <= m; j++) {
    prev[j] = 0;
    prevStart[j] = j;
  }
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const c = phrase.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (c === window.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1];
      }
    }
    const rowDone = prev;
    prev = cur;
    cur = rowDone;
    const startsDone = prevStart;
    prevStart = curStart;
    curStart = startsDone;
  }
  let best = 0;
  for (let j = 1; j <= m; j++) if (prev[j] < prev[best]) best = j;
  return { start: prevStart[best], end: best, distance: prev[best] };
}

/** The characters that differ between two strings of similar length, by their common ends. */
function difference(a: string, b: string): string {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return a.slice(head, a.length - tail) + b.slice(head, b.length - tail);
}

export const nearStandardPhrase: Rule = {
  meta: {
    id: 'near-standard-phrase',
    category: 'wording',
    description: {
      zh: '与模型中的规范表述只差一两个字',
      en: 'Text that nearly matches a standard phrase of the model',
    },
    defaultSeverity: 'info',
    fixable: true,
    safeFix: false,
    options: {
      minLength: {
        type: 'number',
        default: 8,
        description: { zh: '参与比较的规范表述的最少字数', en: 'The shortest standard phrase that is compared' },
      },
      maxEdits: {
        type: 'number',
        default: 1,
        description: { zh: '允许相差的最多字数', en: 'The most characters that may differ' },
      },
      allowChanged: {
        type: 'boolean',
        default: false,
        description: {
          zh: '除漏字外，也比较改字、多字的变体（更多提示，其中不少是有意的改写）',
          en: 'Besides dropped characters, also compare variants with a character changed or added (more findings, many of them deliberate rewordings)',
        },
      },
    },
    examples: [
      { wrong: '坚决守住不发生系统性风险底线。', right: '坚决守住不发生系统性风险的底线。', source: 'catalogue' },
    ],
  },
  check({ analysis, lang, options, report }) {
    const { text } = analysis;
    const minLength = Math.max(GRAM + 2, Number(options.minLength) || 8);
    const maxEdits = Math.max(1, Number(options.maxEdits) || 1);
    const allowChanged = options.allowChanged === true;
    const index = indexOf(analysis.lexicon.model, minLength);
    if (index.phrases.length === 0) return;
    // Judges the phrases that share a 4-gram with one run of Chinese, by where they would start in it.
    const judge = (t: Token, starts: Map<number, number[]>) => {
      const run = text.slice(t.start, t.end);
      // Starts within a few characters of each other are one place (an insertion shifts the grams).
      const candidates: Array<[number, number]> = [];
      for (const [p, list] of starts) {
        list.sort((a, b) => a - b);
        let last = -Infinity;
        for (const startAt of list) {
          if (startAt - last > 2 * maxEdits) candidates.push([p, startAt]);
          last = startAt;
        }
      }
      let coveredUntil = -1;
      for (const [p, startAt] of candidates.sort((a, b) => a[1] - b[1])) {
        const phrase = index.phrases[p].text;
        if (run.includes(phrase)) continue;
        const from = Math.max(0, startAt - maxEdits);
        const window = run.slice(from, Math.min(run.length, startAt + phrase.length + maxEdits));
        const a = align(phrase, window);
        if (a.distance < 1 || a.distance > maxEdits) continue;
        const variant = window.slice(a.start, a.end);
        // Only differences inside the phrase: a clause that merely ends or starts elsewhere is not a slip.
        if (!variant.startsWith(phrase.slice(0, 2)) || !variant.endsWith(phrase.slice(-2))) continue;
        // Dropped characters only, unless asked: then the variant is shorter by exactly the distance.
        if (!allowChanged && variant.length !== phrase.length - a.distance) continue;
        const start = t.start + from + a.start;
        if (DELIBERATE.test(difference(variant, phrase)) || index.known.has(variant) || occurrences(text, variant, 2, start) >= 2) continue;
        if (start < coveredUntil) continue;
        coveredUntil = start + variant.length;
        const span = { start, end: start + variant.length };
        const entry = index.phrases[p];
        report({
          span,
          message: localize(MESSAGES.message, lang, { variant, phrase, docs: entry.sources.length }),
          fixes: [replaceFix(localize(MESSAGES.fix, lang, { phrase }), span, phrase)],
        });
      }
    };
    const { gramAt, openingAt } = index;
    for (const paragraph of tokensOf(analysis)) {
      const { text: written } = paragraph;
      const base = paragraph.content.start;
      // The runs where a phrase's opening is written, each once, in order.
      openingAt.lastIndex = 0;
      for (let o = openingAt.exec(written); o !== null; o = openingAt.exec(written)) {
        const run = paragraph.tokenAround(base + o.index);
        openingAt.lastIndex = run.end - base;
        if (run.kind !== 'han' || run.end - run.start < minLength - maxEdits || insideAny(paragraph.quoted, run.start)) continue;
        // The run alone is searched: a search of the paragraph would go on past the run's end.
        const runText = written.slice(run.start - base, run.end - base);
        let starts: Map<number, number[]> | null = null;
        gramAt.lastIndex = 0;
        for (let m = gramAt.exec(runText); m !== null; m = gramAt.exec(runText)) {
          // Grams overlap: the next search starts one character further.
          gramAt.lastIndex = m.index + 1;
          starts ??= new Map();
          const k = m.index;
          for (const [p, offset] of index.grams.get(m[0])!) {
            const list = starts.get(p) ?? [];
            list.push(k - offset);
            starts.set(p, list);
          }
        }
        if (starts) judge(run, starts);
      }
    }
  },
};

const MESSAGES = {
  message: {
    zh: '“{variant}”与规范表述“{phrase}”相差个别字（该表述见于{docs}份训练文件）',
    en: '“{variant}” nearly matches the standard phrase “{phrase}” (seen in {docs} training documents)',
  },
  fix: { zh: '改为“{phrase}”', en: 'Replace with “{phrase}”' },
};
