import type { ReportAnalysis, RuleRun } from '../analyze';
import type { Paragraph } from '../text/segment';
import type { Diagnostic, Fix, RelatedInfo, Span } from '../types';
import { restrictContent } from '../text/content';
import type { OccurrenceLog } from '../text/occurrences';

// Re-linting after an edit. The paragraphs before and after the edit are the same text as before
// (the latter moved by the edit's length), so their findings are reused, moved; the rules run only
// over a window around the paragraphs that changed, or whose targets were read again because
// their context changed (a heading above them). A finding depends on its paragraph and at most
// PARAGRAPH_REACH neighbours (a quotation may run over two paragraphs; a broken paragraph looks at
// the next one), so the window is widened by twice that and keeps the findings within one reach.
// Rules of scope 'document' (heading numbering) run over the whole outline every time.

export const PARAGRAPH_REACH = 3;

/** Per rule id, the words the rule asked the whole text about, and where (text/occurrences.ts). */
export type AskedWords = Map<string, OccurrenceLog>;

const askedOf = new WeakMap<ReportAnalysis, AskedWords>();

/** Keeps what the lint of `analysis` asked, for the re-lint after the next edit. */
export function rememberAsked(analysis: ReportAnalysis, asked: AskedWords): void {
  askedOf.set(analysis, asked);
}

export interface PreviousLint {
  analysis: ReportAnalysis;
  diagnostics: readonly Diagnostic[];
}

/** How the old paragraphs map onto the new: equal prefix and suffix, and the shift of the suffix. */
interface ParagraphMatch {
  prefix: number;
  suffix: number;
  /** Offsets at or after this (old text) moved by `delta`. */
  movedFrom: number;
  delta: number;
}

function matchParagraphs(before: readonly Paragraph[], after: readonly Paragraph[], delta: number, oldLength: number): ParagraphMatch {
  let prefix = 0;
  const most = Math.min(before.length, after.length);
  while (prefix < most && before[prefix].start === after[prefix].start && before[prefix].text === after[prefix].text) prefix++;
  let suffix = 0;
  while (suffix < most - prefix) {
    const o = before[before.length - 1 - suffix];
    const n = after[after.length - 1 - suffix];
    if (n.start - o.start !== delta || n.text !== o.text) break;
    suffix++;
  }
  const movedFrom = suffix > 0 ? before[before.length - suffix].start : oldLength;
  return { prefix, suffix, movedFrom, delta };
}

/** Index of the paragraph holding `offset` (the last one starting at or before it). */
function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `flags` widened by `by` paragraphs on each side. */
function widen(flags: readonly boolean[], by: number): boolean[] {
  const out = new Array<boolean>(flags.length).fill(false);
  // Two sweeps: distance to the nearest flagged paragraph before, then after.
  let near = -Infinity;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i]) near = i;
    if (i - near <= by) out[i] = true;
  }
  near = Infinity;
  for (let i = flags.length - 1; i >= 0; i--) {
    if (flags[i]) near = i;
    if (near - i <= by) out[i] = true;
  }
  return out;
}

/**
 * The diagnostics of `analysis`, computed from the previous analysis of the same document where
 * the edit left them valid; null when too much changed for this to pay (the caller lints in full).
 */
export function relint(
  analysis: ReportAnalysis,
  previous: PreviousLint,
  runs: readonly RuleRun[],
  lintWith: (view: ReportAnalysis, runs: readonly RuleRun[]) => Diagnostic[],
  asked: AskedWords,
): Diagnostic[] | null {
  const before = previous.analysis;
  const askedBefore = askedOf.get(before);
  if (!askedBefore) return null;
  const { paragraphs } = analysis;
  const delta = analysis.text.length - before.text.length;
  const match = matchParagraphs(before.paragraphs, paragraphs, delta, before.text.length);
  const changed = new Array<boolean>(paragraphs.length).fill(false);
  for (let i = match.prefix; i < paragraphs.length - match.suffix; i++) changed[i] = true;
  // Paragraphs removed or joined, or blank lines added between two, leave no new paragraph in their
  // place: the paragraphs on either side changed (a finding may span the line breaks between them).
  if (before.text !== analysis.text) {
    if (match.prefix > 0) changed[match.prefix - 1] = true;
    if (match.suffix > 0) changed[paragraphs.length - match.suffix] = true;
  }
  // A paragraph below a heading that changed is the same text, but its targets may not be.
  const oldKeys = before.contexts;
  const newKeys = analysis.contexts;
  if (!oldKeys || !newKeys) return null;
  for (let i = 0; i < match.prefix; i++) if (oldKeys[i] !== newKeys[i]) changed[i] = true;
  const shift = before.paragraphs.length - paragraphs.length;
  for (let i = paragraphs.length - match.suffix; i < paragraphs.length; i++) if (oldKeys[i + shift] !== newKeys[i]) changed[i] = true;

  // A rule asked whether the document writes a word elsewhere; if the edit wrote or removed that
  // word, the places that asked are judged again (or, where a question came from no particular
  // place, the whole document). Only an occurrence that overlaps the changed characters can come or go.
  let longest = 0;
  for (const log of askedBefore.values()) for (const w of log.keys()) longest = Math.max(longest, w.length);
  const { start, oldEnd, newEnd } = editedRange(before.text, analysis.text, match, match.prefix > 0 ? before.paragraphs[match.prefix - 1].end : 0);
  const oldStretch = before.text.slice(Math.max(0, start - longest), oldEnd + longest);
  const newStretch = analysis.text.slice(Math.max(0, start - longest), newEnd + longest);
  /** An offset of the old text in the new one; -1 inside the changed characters. */
  const moveOffset = (o: number) => (o < start ? o : o >= oldEnd ? o + newEnd - oldEnd : -1);
  const wholeIds = new Set(runs.filter((r) => r.rule.meta.scope === 'document').map((r) => r.rule.meta.id));
  for (const [id, log] of askedBefore) {
    for (const [word, places] of log) {
      if (!oldStretch.includes(word) && !newStretch.includes(word)) continue;
      if (places === null) {
        wholeIds.add(id);
        break;
      }
      for (const o of places) {
        const moved = moveOffset(o);
        if (moved >= 0 && paragraphs.length > 0) changed[paragraphAt(paragraphs, moved)] = true;
      }
    }
  }
  const window = widen(changed, 2 * PARAGRAPH_REACH);
  const fresh = widen(changed, PARAGRAPH_REACH);
  if (window.filter(Boolean).length > paragraphs.length / 2) return null;

  const local = runs.filter((r) => !wholeIds.has(r.rule.meta.id));
  const whole = runs.filter((r) => wholeIds.has(r.rule.meta.id));
  const localIds = new Set(local.map((r) => r.rule.meta.id));
  const inWindow = (offset: number, flags: readonly boolean[]) => paragraphs.length > 0 && flags[paragraphAt(paragraphs, offset)];
  // The questions the reused findings rest on stay asked, moved; the window asks its own again.
  for (const r of local) {
    const carried: OccurrenceLog = new Map();
    for (const [word, places] of askedBefore.get(r.rule.meta.id) ?? []) {
      if (places === null) carried.set(word, null);
      else {
        const kept = places.map(moveOffset).filter((o) => o >= 0 && !inWindow(o, window));
        if (kept.length) carried.set(word, kept);
      }
    }
    asked.set(r.rule.meta.id, carried);
  }

  // Targets outside the window keep the problems the rules found on them before.
  const oldTargets = new Map(before.targets.map((t) => [t.span.start, t]));
  for (const t of analysis.targets) {
    if (inWindow(t.span.start, window)) continue;
    const old = oldTargets.get(moveBack(t.span.start, match));
    if (old) t.problems = [...old.problems];
  }
  for (const t of analysis.targets) if (inWindow(t.span.start, window)) t.problems = [];
  // The rules read paragraphs through contentOf/tokensOf, and targets from the list.
  const view: ReportAnalysis = { ...analysis, targets: analysis.targets.filter((t) => inWindow(t.span.start, window)) };
  restrictContent(view, paragraphs.filter((p) => window[p.index]));
  const diagnostics = lintWith(view, local).filter((d) => inWindow(d.span.start, fresh));
  for (const d of previous.diagnostics) {
    if (!localIds.has(d.rule)) continue;
    const o = d.span.start;
    if (o >= before.paragraphs[match.prefix]?.start && o < match.movedFrom) continue; // in the edited stretch
    const moved = moveDiagnostic(d, match);
    if (!inWindow(moved.span.start, fresh)) diagnostics.push(moved);
  }
  diagnostics.push(...lintWith(analysis, whole));
  return diagnostics;
}

/** The characters an edit changed: where the texts first differ, and where their equal tails begin. */
function editedRange(before: string, after: string, m: ParagraphMatch, from: number): { start: number; oldEnd: number; newEnd: number } {
  // Outside the stretch between the equal paragraphs the texts are the same; search only inside it.
  let start = from;
  let oldEnd = m.movedFrom;
  let newEnd = m.movedFrom + m.delta;
  while (start < oldEnd && start < newEnd && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

function moveBack(offset: number, m: ParagraphMatch): number {
  return offset >= m.movedFrom + m.delta ? offset - m.delta : offset;
}

function moveDiagnostic(d: Diagnostic, m: ParagraphMatch): Diagnostic {
  if (m.delta === 0) return d;
  const span = (s: Span): Span => (s.start >= m.movedFrom ? { start: s.start + m.delta, end: s.end + m.delta } : s);
  const fixes = d.fixes.map((f): Fix => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: span(e.span) })) }));
  const moved: Diagnostic = { ...d, span: span(d.span), fixes };
  if (d.related) moved.related = d.related.map((r): RelatedInfo => ({ ...r, span: span(r.span) }));
  return moved;
}
