import type { OutlineKind, Span } from '../types';
import type { Paragraph, Sentence } from '../text/segment';
import { chineseNumeralValue } from '../text/numerals';

// 序次语 (ordinals) of GB/T 9704-2012 §7.3.3 and GB/T 15834-2011 §4.4: 一、 （一） 1. （1）, plus the
// runs (一是 一要 第一，), bullets (——) and lead sentences that reports use below them. Wrong
// punctuation after an ordinal (一. （一）、 1、 (六)) is still recognised, so that the structure
// holds and the heading-ordinal-punctuation rule can point at it.

export interface HeadingMarker {
  kind: OutlineKind;
  /** Offset where the heading starts (the ordinal, or the ** of a bold lead). */
  start: number;
  /** The heading's text: from `start` to the end of its first sentence. */
  nameSpan: Span;
  name: string;
  /** The ordinal with the punctuation written after it ("一、", "(六)", "1、"). */
  markerSpan?: Span;
  ordinal?: string;
  ordinalValue?: number;
  /** The heading opens somewhere inside a paragraph, not at its start. */
  midParagraph: boolean;
  /** A lead that is a line of its own ("凝心聚力,推进文旅融合…"): it heads the leads below it. */
  standalone?: boolean;
  paragraph: number;
}

const CN = '[一二三四五六七八九十百零〇两]';
const PART = new RegExp(`^(${CN}{1,3})([、，,.．]|\\s+)(?=\\S)`);
const SECTION = new RegExp(`^([（(])(${CN}{1,3})([）)])([、，,.．]?)`);
const ITEM = /^([0-9０-９]{1,2})([.．、](?![0-9０-９])|\s+(?=[\u4e00-\u9fff]))/;
const SUBITEM = /^([（(])([0-9０-９]{1,2})([）)])([、，,.．]?)/;
const RUN = new RegExp(`(?:(${CN}{1,2})(是|要)|(第)(${CN}{1,2})([，,、]))`, 'y');
/** The same, anywhere: a paragraph that holds none opens no run, and its clauses need not be found. */
const ANY_RUN = new RegExp(RUN.source);
const BULLET = /^(?:——|－－|--)(?!\s*\d{4}年)/;
const BOLD = /\*\*([^*\n]{2,80}?)\*\*/g;

/** Time words that open a sentence about a period, not a theme ("今年，…", "2025年是…"). */
const NOT_A_LEAD = /^(?:[0-9０-９]|今年|去年|明年|过去|当前|目前|现在|一年来|五年来|同时|此外|其中|总之|为此|对此|我们|各位)/;

function firstSentenceEnd(p: Paragraph, from: number): number {
  return sentenceAt(p, from)?.end ?? p.end;
}

function sentenceAt(p: Paragraph, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = p.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = p.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function marker(
  p: Paragraph,
  kind: OutlineKind,
  start: number,
  markerLen: number | undefined,
  ordinal: string | undefined,
  ordinalValue: number | undefined,
  midParagraph: boolean,
): HeadingMarker {
  const nameEnd = firstSentenceEnd(p, start);
  return {
    kind,
    start,
    nameSpan: { start, end: nameEnd },
    name: p.text.slice(start - p.start, nameEnd - p.start),
    markerSpan: markerLen === undefined ? undefined : { start, end: start + markerLen },
    ordinal,
    ordinalValue,
    midParagraph,
    paragraph: p.index,
  };
}

function arabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The heading that opens the paragraph at `contentStart` (after any page marker), if any. */
export function openingHeading(p: Paragraph, contentStart: number): HeadingMarker | null {
  const text = p.text.slice(contentStart - p.start);
  let m: RegExpExecArray | null;
  if ((m = SECTION.exec(text))) {
    const v = chineseNumeralValue(m[2]);
    if (!Number.isNaN(v)) return marker(p, 'section', contentStart, m[0].length, m[2], v, false);
  }
  if ((m = SUBITEM.exec(text))) return marker(p, 'subitem', contentStart, m[0].length, m[2], arabic(m[2]), false);
  if ((m = PART.exec(text))) {
    const v = chineseNumeralValue(m[1]);
    // "一、" must not be read into "一是" or a count such as "十件民生实事".
    if (!Number.isNaN(v)) return marker(p, 'part', contentStart, m[0].trimEnd().length, m[1], v, false);
  }
  if ((m = ITEM.exec(text))) return marker(p, 'item', contentStart, m[0].trimEnd().length, m[1], arabic(m[1]), false);
  if (BULLET.test(text)) return marker(p, 'bullet', contentStart, 2, undefined, undefined, false);
  return null;
}

/** Runs (一是/一要/第一，) that open a sentence or follow a colon or semicolon. */
export function runMarkers(p: Paragraph, contentStart: number): HeadingMarker[] {
  if (!ANY_RUN.test(p.text)) return [];
  const found: HeadingMarker[] = [];
  const starts = new Set<number>();
  for (const s of p.sentences) {
    if (s.end <= contentStart) continue;
    for (const c of s.clauses) {
      const prev = p.text[c.start - p.start - 1];
      if (c.start === s.start || prev === '：' || prev === '；' || prev === ':' || prev === ';') starts.add(Math.max(c.start, contentStart));
    }
  }
  for (const at of [...starts].sort((a, b) => a - b)) {
    RUN.lastIndex = at - p.start;
    const m = RUN.exec(p.text);
    if (!m) continue;
    const ordinal = m[1] ?? m[4];
    const v = chineseNumeralValue(ordinal);
    if (Number.isNaN(v) || v > 30) continue;
    const sentence = sentenceAt(p, at);
    const mk = marker(p, 'run', at, m[0].length, ordinal, v, at > contentStart);
    // A run's name is its own sentence (一要深化数字政务改革。), not the paragraph's first one.
    if (sentence) {
      mk.nameSpan = { start: at, end: sentence.end };
      mk.name = p.text.slice(at - p.start, sentence.end - p.start);
    }
    found.push(mk);
  }
  // "一是…；二是…。": a run's name ends where the next run of the same sentence begins.
  for (let i = 0; i + 1 < found.length; i++) {
    const next = found[i + 1].start;
    if (next < found[i].nameSpan.end) {
      let end = next;
      while (end > found[i].start && /[；;，,、\s]/.test(p.text[end - 1 - p.start])) end--;
      found[i].nameSpan = { start: found[i].start, end };
      found[i].name = p.text.slice(found[i].start - p.start, end - p.start);
    }
  }
  return found;
}

/** **Bold** spans that name a theme, anywhere in the paragraph. */
export function boldLeads(p: Paragraph): HeadingMarker[] {
  const found: HeadingMarker[] = [];
  for (const m of p.text.matchAll(BOLD)) {
    const at = p.start + m.index!;
    found.push({
      kind: 'lead',
      start: at,
      nameSpan: { start: at + 2, end: at + 2 + m[1].length },
      name: m[1],
      midParagraph: m.index! > 0,
      paragraph: p.index,
    });
  }
  return found;
}

/**
 * A plain lead: a short first sentence with no comma that opens a paragraph and is followed by the
 * paragraph's body ("用产业思维发展城市经济。…"), or a short standalone line with no closing mark
 * that heads the paragraphs after it.
 */
export function plainLead(p: Paragraph, contentStart: number): HeadingMarker | null {
  const first = p.sentences.find((s) => s.end > contentStart);
  if (!first) return null;
  const text = p.text.slice(contentStart - p.start, first.end - p.start);
  // Theme sentences carry no figures: "地区生产总值增长3.9%。" is a result, not a lead.
  if (NOT_A_LEAD.test(text) || /[0-9０-９]/.test(text)) return null;
  const standalone = first.end >= p.end;
  if (standalone) {
    if (text.length > 30 || /[。！？：；，,;:!?…]$/.test(text) || !/[\u4e00-\u9fff]{4}/.test(text)) return null;
  } else {
    if (text.length > 26 || /[，,；;：:]/.test(text) || !/[。！？!?]$/.test(text)) return null;
  }
  const lead = marker(p, 'lead', contentStart, undefined, undefined, undefined, false);
  if (standalone) lead.standalone = true;
  return lead;
}
