import type { ReportAnalysis, RuleRun } from '../analyze';
import type { Paragraph } from '../text/segment';
import type { Diagnostic } from '../types';
import { restrictContent } from '../text/content';
import type { OccurrenceLog } from '../text/occurrences';
import { moveFinding, moveOffset, withSpans, type EditedRange } from './editedRange';
import { headingsUnchanged, watchedUnchanged } from './unchangedInputs';

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
  if (!askedBefore || !before.contexts || !analysis.contexts) return null;
  const { paragraphs } = analysis;
  const match = matchParagraphs(before.paragraphs, paragraphs, analysis.text.length - before.text.length, before.text.length);
  const changed = changedParagraphs(before, analysis, match);
  const edit = editedRange(before.text, analysis.text, match, match.prefix > 0 ? before.paragraphs[match.prefix - 1].end : 0);
  const judgeAgain = (offset: number) => {
    if (paragraphs.length > 0) changed[paragraphAt(paragraphs, offset)] = true;
  };
  const wholeIds = new Set(askAgain(before.text, analysis.text, askedBefore, edit, judgeAgain));
  // Rules of the headings or the whole document: their findings are kept, moved, when the edit
  // left alone what they read; else they run over the whole document.
  const keptIds = new Set<string>();
  let headingsKept: boolean | undefined;
  for (const { rule } of runs) {
    const { id, scope, watches } = rule.meta;
    if (scope === undefined || scope === 'paragraph' || wholeIds.has(id)) continue;
    const kept = scope === 'headings' ? (headingsKept ??= headingsUnchanged(before, analysis, edit)) : watches !== undefined && watchedUnchanged(before, analysis, edit, watches);
    (kept ? keptIds : wholeIds).add(id);
  }
  const window = widen(changed, 2 * PARAGRAPH_REACH);
  const fresh = widen(changed, PARAGRAPH_REACH);
  if (window.filter(Boolean).length > paragraphs.length / 2) return null;

  const inWindow = (offset: number, flags: readonly boolean[]) => paragraphs.length > 0 && flags[paragraphAt(paragraphs, offset)];
  const local = runs.filter((r) => !wholeIds.has(r.rule.meta.id) && !keptIds.has(r.rule.meta.id));
  const whole = runs.filter((r) => wholeIds.has(r.rule.meta.id));
  for (const id of keptIds) asked.set(id, carryQuestions(askedBefore.get(id), edit, () => false));
  // The questions the reused findings rest on stay asked, moved; the window asks its own again.
  for (const r of local) asked.set(r.rule.meta.id, carryQuestions(askedBefore.get(r.rule.meta.id), edit, (o) => inWindow(o, window)));

  // Targets outside the window keep the problems the rules found on them before (the same list:
  // rules add to the problems of the window's targets only, and a lint gives every other target a
  // list of its own). Old and new targets are both in document order, so one walk pairs them.
  const windowTargets = [];
  let old = 0;
  for (const t of analysis.targets) {
    if (inWindow(t.span.start, window)) {
      t.problems = [];
      windowTargets.push(t);
      continue;
    }
    const at = moveBack(t.span.start, match);
    while (old < before.targets.length && before.targets[old].span.start < at) old++;
    const same = before.targets[old];
    t.problems = same !== undefined && same.span.start === at ? same.problems : [];
  }
  // The rules read paragraphs through contentOf/tokensOf, and targets from the list.
  const view: ReportAnalysis = { ...analysis, targets: windowTargets };
  restrictContent(view, paragraphs.filter((p) => window[p.index]));
  const diagnostics = lintWith(view, local).filter((d) => inWindow(d.span.start, fresh));
  const localIds = new Set(local.map((r) => r.rule.meta.id));
  const editedFrom = before.paragraphs[match.prefix]?.start ?? before.text.length;
  // The previous findings are in document order, and moving keeps it: one walk along the paragraphs.
  let at = 0;
  const freshAt = (offset: number) => {
    while (at + 1 < paragraphs.length && paragraphs[at + 1].start <= offset) at++;
    return paragraphs.length > 0 && fresh[at];
  };
  for (const d of previous.diagnostics) {
    if (keptIds.has(d.rule)) {
      diagnostics.push(moveFinding(d, edit));
      continue;
    }
    // Findings in the stretch the edit replaced are gone; the window found what is there now.
    if (!localIds.has(d.rule) || (d.span.start >= editedFrom && d.span.start < match.movedFrom)) continue;
    const moved = moveDiagnostic(d, match);
    if (!freshAt(moved.span.start)) diagnostics.push(moved);
  }
  diagnostics.push(...lintWith(analysis, whole));
  return diagnostics;
}

/** The paragraphs whose findings may have changed: new text, new neighbours, or a new context. */
function changedParagraphs(before: ReportAnalysis, after: ReportAnalysis, match: ParagraphMatch): boolean[] {
  const { paragraphs } = after;
  const changed = new Array<boolean>(paragraphs.length).fill(false);
  for (let i = match.prefix; i < paragraphs.length - match.suffix; i++) changed[i] = true;
  // Paragraphs removed or joined, or blank lines added between two, leave no new paragraph in their
  // place: the paragraphs on either side changed (a finding may span the line breaks between them).
  if (before.text !== after.text) {
    if (match.prefix > 0) changed[match.prefix - 1] = true;
    if (match.suffix > 0) changed[paragraphs.length - match.suffix] = true;
  }
  // A paragraph below a heading that changed is the same text, but its targets may not be.
  const oldKeys = before.contexts!;
  const newKeys = after.contexts!;
  for (let i = 0; i < match.prefix; i++) if (oldKeys[i] !== newKeys[i]) changed[i] = true;
  const shift = before.paragraphs.length - paragraphs.length;
  for (let i = paragraphs.length - match.suffix; i < paragraphs.length; i++) if (oldKeys[i + shift] !== newKeys[i]) changed[i] = true;
  return changed;
}

/**
 * A rule asked whether the document writes a word elsewhere; if the edit wrote or removed that
 * word, the places that asked are judged again (`judgeAgain`, in new offsets). Only an occurrence
 * that overlaps the changed characters can come or go. Returns the rules that asked from no
 * particular place: they run over the whole document.
 */
function askAgain(before: string, after: string, asked: AskedWords, edit: EditedRange, judgeAgain: (offset: number) => void): string[] {
  let longest = 0;
  for (const log of asked.values()) for (const w of log.keys()) longest = Math.max(longest, w.length);
  const oldStretch = before.slice(Math.max(0, edit.start - longest), edit.oldEnd + longest);
  const newStretch = after.slice(Math.max(0, edit.start - longest), edit.newEnd + longest);
  const whole: string[] = [];
  for (const [id, log] of asked) {
    for (const [word, places] of log) {
      if (!oldStretch.includes(word) && !newStretch.includes(word)) continue;
      if (places === null) {
        whole.push(id);
        break;
      }
      for (const o of places) {
        const moved = moveOffset(o, edit);
        if (moved >= 0) judgeAgain(moved);
      }
    }
  }
  return whole;
}

/** A rule's questions kept for the findings that are reused: moved, without those the window asks again. */
function carryQuestions(log: OccurrenceLog | undefined, edit: EditedRange, inWindow: (offset: number) => boolean): OccurrenceLog {
  const carried: OccurrenceLog = new Map();
  for (const [word, places] of log ?? []) {
    if (places === null) carried.set(word, null);
    else {
      const kept = places.map((o) => moveOffset(o, edit)).filter((o) => o >= 0 && !inWindow(o));
      if (kept.length) carried.set(word, kept);
    }
  }
  return carried;
}

/** The characters an edit changed: where the texts first differ, and where their equal tails begin. */
function editedRange(before: string, after: string, m: ParagraphMatch, from: number): EditedRange {
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

/** Whether any span of a finding (its own, its fixes', its related places') lies where the edit moved the text. */
function reachesMoved(d: Diagnostic, movedFrom: number): boolean {
  if (d.span.start >= movedFrom) return true;
  for (const f of d.fixes) for (const e of f.edits) if (e.span.start >= movedFrom) return true;
  return d.related !== undefined && d.related.some((r) => r.span.start >= movedFrom);
}

function moveDiagnostic(d: Diagnostic, m: ParagraphMatch): Diagnostic {
  // Findings before the edit stay as they are (and as objects: nothing is copied).
  if (m.delta === 0 || !reachesMoved(d, m.movedFrom)) return d;
  return withSpans(d, (s) => (s.start >= m.movedFrom ? { start: s.start + m.delta, end: s.end + m.delta } : s));
}
