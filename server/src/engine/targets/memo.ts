import type { OutlineNode, Span } from '../types';
import type { Paragraph } from '../text/segment';
import type { DocumentPeriod } from './deadline';
import type { ExtractedTarget } from './extract';
import type { Tense } from './tense';
import type { ParagraphRecord } from '../incremental/record';
import type { ContextKeys, InternedKey } from './contextKeys';

// An editor re-extracts only the paragraphs an edit touched. A paragraph's targets depend on its
// own text and on its context: the headings above it (their tense and deadlines), the document's
// period and the settings. The paragraph's record keeps its targets with the key of that context,
// so a paragraph whose text and context are unchanged gets its targets back, moved to where the
// paragraph now starts. Spans written outside the paragraph (a deadline in a heading above it, the
// period in the title) are kept relative to what holds them and placed again on recall.

/** A remembered target, relative to its paragraph. */
export interface RememberedTarget {
  target: ExtractedTarget;
  /** Where its section is looked up: the start of its sentence. */
  sectionAt: number;
  /** A deadline written in a heading above: which one (depth among `above`) and where in its name. */
  headingDeadline?: { depth: number; offset: number };
  /** The deadline is written inside the paragraph (in a clause, or in a heading the paragraph opens). */
  deadlineInside: boolean;
}

export interface ContextOptions {
  period: DocumentPeriod | null;
  deadlineScope: string;
  includeReview?: boolean;
}

/** What a paragraph's targets depend on beyond its headings: the document's and the paragraph before. */
export interface Surroundings {
  /** The tense of the content before the first part heading. */
  beforeFirstPart: string;
  /** The report's year, which tells past years from plan years. */
  year: number | null;
  /** The tense the paragraph before hands on (where no heading tells the tense). */
  carriedIn: string | null;
}

/** What the record keeps for one context: the targets, and the tense handed on to the next paragraph. */
export interface RememberedParagraph {
  targets: RememberedTarget[];
  carriedOut: Tense | null;
}

export interface TargetContext {
  key: string;
  /** The headings that open before the paragraph, outermost first. */
  above: OutlineNode[];
}

/**
 * The contexts of one analysis, by the innermost heading above a paragraph: the paragraphs of a
 * section share one key string (hashed once), built from the headings' kinds and names.
 */
export class ContextCache {
  readonly byInnermost = new Map<OutlineNode | null, SharedContext>();
  private rootKey: string | undefined;

  /** The part of every key that the whole document sets (the same for all its paragraphs). */
  root(around: Surroundings, options: ContextOptions): string {
    if (this.rootKey === undefined) {
      const period = options.period ? `${options.period.text}@${options.period.span ? 1 : 0}` : '';
      this.rootKey = [around.beforeFirstPart, around.year ?? '', period, options.deadlineScope, options.includeReview ? 1 : 0].join('\u0000');
    }
    return this.rootKey;
  }
}

/** The context of a section's paragraphs, and its variants by content offset and carried tense. */
interface SharedContext extends TargetContext {
  /** The interned key, in an editor. */
  interned: InternedKey | undefined;
  variants: Map<number, Map<string, TargetContext>>;
}

/** A paragraph's context: everything outside its text that extraction reads. `path`: the outline path at `contentStart`. */
export function targetContext(p: Paragraph, contentStart: number, path: readonly OutlineNode[], around: Surroundings, options: ContextOptions, cache: ContextCache, keys?: ContextKeys): TargetContext {
  let depth = path.length;
  while (depth > 0 && path[depth - 1].span.start >= p.start) depth--;
  const innermost = depth > 0 ? path[depth - 1] : null;
  let shared = cache.byInnermost.get(innermost);
  if (!shared) {
    const above = path.slice(0, depth);
    // Kinds and names, not places: an edit between a heading and the paragraph changes neither.
    const root = () => cache.root(around, options);
    const interned = keys?.headings(root, above);
    const key = interned ? interned.key : [root(), ...above.map((n) => `${n.kind}:${n.name}`)].join('\u0001');
    shared = { key, interned, above, variants: new Map() };
    cache.byInnermost.set(innermost, shared);
  }
  const offset = contentStart - p.start;
  if (offset === 0 && around.carriedIn === null) return shared;
  // Looked up by number and tense word, so a paragraph builds no string of its own.
  let byTense = shared.variants.get(offset);
  if (!byTense) shared.variants.set(offset, (byTense = new Map()));
  const carried = around.carriedIn ?? '';
  let context = byTense.get(carried);
  if (!context) {
    const variant = `${offset}\u0000${carried}`;
    byTense.set(carried, (context = { key: keys && shared.interned ? keys.variant(shared.interned, variant) : `${shared.key}\u0000${variant}`, above: shared.above }));
  }
  return context;
}

/** Contexts remembered per paragraph text: enough for a line repeated in every part of many reports. */
const MAX_CONTEXTS = 64;

export function rememberInRecord(record: ParagraphRecord, key: string, targets: RememberedParagraph): void {
  const known = (record.targets ??= new Map());
  if (known.size >= MAX_CONTEXTS) known.delete(known.keys().next().value!);
  known.set(key, targets);
  record.lastContext = key;
  record.lastTargets = targets;
}

/** The targets remembered for a context, marked as recently used (the least recent go first). */
export function recallFromRecord(record: ParagraphRecord, key: string): RememberedParagraph | undefined {
  // Mostly the same key string as last time: no lookup at all.
  if (record.lastContext === key) return record.lastTargets;
  const known = record.targets?.get(key);
  if (known) {
    record.lastContext = key;
    record.lastTargets = known;
    record.targets!.delete(key);
    record.targets!.set(key, known);
  }
  return known;
}

/** Targets of paragraph `p` as its record keeps them. */
export function rememberTargets(p: Paragraph, targets: readonly ExtractedTarget[], above: readonly OutlineNode[]): RememberedTarget[] {
  return targets.map((t) => {
    const span = t.deadline?.span;
    const deadlineInside = span !== undefined && t.deadline!.source !== 'document' && p.start <= span.start && span.end <= p.end;
    const remembered: RememberedTarget = {
      target: rebaseTarget(t, -p.start, null, deadlineInside),
      sectionAt: (p.sentences.find((s) => s.start <= t.clauseSpan.start && t.clauseSpan.start < s.end)?.start ?? t.clauseSpan.start) - p.start,
      deadlineInside,
    };
    const depth = span && !deadlineInside && t.deadline!.source === 'heading' ? above.findIndex((n) => n.nameSpan.start <= span.start && span.end <= n.nameSpan.end) : -1;
    if (span && depth >= 0) remembered.headingDeadline = { depth, offset: span.start - above[depth].nameSpan.start };
    return remembered;
  });
}

/** Remembered targets placed in paragraph `p` of a new analysis. */
export function recallTargets(
  p: Paragraph,
  remembered: readonly RememberedTarget[],
  /** The innermost outline node at an offset. */
  sectionAt: (offset: number) => OutlineNode | null,
  period: DocumentPeriod | null,
  above: readonly OutlineNode[],
): ExtractedTarget[] {
  return remembered.map(({ target, sectionAt: at, headingDeadline, deadlineInside }) => {
    const t = rebaseTarget(target, p.start, sectionAt(p.start + at), deadlineInside);
    const d = t.deadline;
    if (d?.source === 'document' && period?.span) t.deadline = { ...d, span: period.span };
    if (d?.span && headingDeadline) {
      const start = above[headingDeadline.depth].nameSpan.start + headingDeadline.offset;
      t.deadline = { ...d, span: { start, end: start + d.span.end - d.span.start } };
    }
    return t;
  });
}

function rebaseTarget(t: ExtractedTarget, by: number, section: ExtractedTarget['section'], deadlineInside: boolean): ExtractedTarget {
  const move = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const deadline = t.deadline && t.deadline.span && deadlineInside ? { ...t.deadline, span: move(t.deadline.span) } : t.deadline;
  return { ...t, deadline, span: move(t.span), valueSpan: move(t.valueSpan), clauseSpan: move(t.clauseSpan), insertAt: t.insertAt + by, section, problems: [] };
}
