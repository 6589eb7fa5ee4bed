import type { OutlineNode, Span } from '../types';
import type { HeadingMarker } from '../structure/headings';
import type { Structure } from '../structure/outline';
import type { Paragraph } from '../text/segment';
import type { DocumentPeriod } from './deadline';
import type { ExtractedTarget } from './extract';
import type { Tense } from './tense';
import type { ParagraphRecord } from '../incremental/record';

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

/**
 * One string object per context key across the analyses of a document. A paragraph's key is then
 * the very string its record and the previous analysis hold, and comparing them costs a pointer
 * comparison instead of reading the whole key, for every paragraph after every edit.
 *
 * Keys of headings form a tree: a heading's key is found under its parent's by its kind and name.
 * A heading's name is the string its paragraph's record keeps, the same object from one analysis to
 * the next, so the lookup hashes nothing new after an edit.
 */
export class ContextKeys {
  private readonly roots = new Map<string, InternedKey>();
  private generation = 0;
  private count = 0;
  private usedLast = 0;
  private usedNow = 0;
  /** The key of each heading of the analysis being read (headings are new objects each analysis). */
  private byHeading = new WeakMap<OutlineNode, InternedKey>();

  /** Called once per analysis: once the keys have grown to twice what was used, those neither of the last two analyses used are forgotten. */
  nextGeneration(): void {
    if (this.count > 2 * Math.max(this.usedNow, this.usedLast, 16)) {
      this.count = 0;
      const prune = (children: Map<string, InternedKey>) => {
        for (const [name, child] of children) {
          if (child.used < this.generation - 1) children.delete(name);
          else {
            this.count++;
            for (const byName of child.children.values()) prune(byName);
          }
        }
      };
      prune(this.roots);
    }
    this.usedLast = this.usedNow;
    this.usedNow = 0;
    this.generation++;
    this.byHeading = new WeakMap();
  }

  /** The key of a variant (content offset and carried tense) of the context `key` gave. */
  variant(of: InternedKey, variant: string): string {
    let full = of.variants.get(variant);
    if (full === undefined) of.variants.set(variant, (full = `${of.key}\u0000${variant}`));
    return full;
  }

  /** The key of the context under the headings `above` (outermost first) within the document-level context `root`. */
  headings(root: () => string, above: readonly OutlineNode[]): InternedKey {
    let depth = above.length;
    let known: InternedKey | undefined;
    while (depth > 0 && (known = this.byHeading.get(above[depth - 1])) === undefined) depth--;
    if (known === undefined) {
      const rootKey = root();
      known = this.child(this.roots, rootKey, () => rootKey);
    }
    for (; depth < above.length; depth++) {
      const n = above[depth];
      const parent = known;
      let byName = parent.children.get(n.kind);
      if (!byName) parent.children.set(n.kind, (byName = new Map()));
      known = this.child(byName, n.name, () => `${parent.key}\u0001${n.kind}:${n.name}`);
      this.byHeading.set(n, known);
    }
    return known;
  }

  private child(children: Map<string, InternedKey>, name: string, key: () => string): InternedKey {
    let known = children.get(name);
    if (!known) {
      children.set(name, (known = { key: key(), used: -1, variants: new Map(), children: new Map() }));
      this.count++;
    }
    if (known.used !== this.generation) {
      known.used = this.generation;
      this.usedNow++;
    }
    return known;
  }
}

/** A context key, with the keys of its variants and of the headings below it. */
export interface InternedKey {
  key: string;
  /** The generation of the analysis that last used it. */
  used: number;
  variants: Map<string, string>;
  children: Map<string, Map<string, InternedKey>>;
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

/** The tense a paragraph hands on, with the paragraph's number and start. */
export interface Carried {
  tense: Tense;
  /** Where the paragraph that hands it on starts (to tell whether the next one is under the same part). */
  at: number;
  from: number;
}

/**
 * What an editor's last extraction of a document left for the next one, per paragraph: the key of
 * its context, the tense handed to it and the tense it handed on, and whether it had targets. A
 * paragraph's key depends on its text, the headings above it and the tense handed to it. After an
 * edit, a paragraph without targets whose text, headings above and tense handed in are those of
 * last time takes its key and handed-on tense from here, and is not read at all.
 */
export class PreviousExtraction {
  paragraphs: readonly Paragraph[] = [];
  contexts: readonly string[] = [];
  carriedIn: ReadonlyArray<Carried | null> = [];
  handedOn: ReadonlyArray<Tense | null> = [];
  hadTargets: readonly boolean[] = [];
  /** The document-level part of the keys (ContextCache.root). */
  root = '';
  headings: readonly HeadingMarker[] = [];
  title: number | null = null;
  nonContent: ReadonlySet<number> = new Set();

  /**
   * Which paragraphs may take what the last extraction found at their place: `before`, how many
   * from the start are the last extraction's own objects (the edit came after them); `anywhere`,
   * whether every paragraph of the same text may, since no heading, nothing of the front matter
   * and no paragraph break changed.
   */
  reusable(paragraphs: readonly Paragraph[], structure: Structure, root: string): { before: number; anywhere: boolean } {
    if (root !== this.root) return { before: 0, anywhere: false };
    const most = Math.min(paragraphs.length, this.paragraphs.length);
    let before = 0;
    while (before < most && paragraphs[before] === this.paragraphs[before]) before++;
    return { before, anywhere: paragraphs.length === this.paragraphs.length && this.sameHeadings(structure) };
  }

  /** Whether this extraction may take paragraph `i`'s key and handed-on tense from the last one. */
  reuses(i: number, p: Paragraph, carried: Carried | null, reusable: { before: number; anywhere: boolean }): boolean {
    if (this.hadTargets[i] || !(i < reusable.before || (reusable.anywhere && p.record !== undefined && p.record === this.paragraphs[i].record))) return false;
    const last = this.carriedIn[i];
    return carried === null ? last === null : last !== null && carried.tense === last.tense && carried.from === last.from;
  }

  remember(paragraphs: readonly Paragraph[], structure: Structure, root: string, per: { contexts: string[]; carriedIn: Array<Carried | null>; handedOn: Array<Tense | null>; hadTargets: boolean[] }): void {
    this.paragraphs = paragraphs;
    this.contexts = per.contexts;
    this.carriedIn = per.carriedIn;
    this.handedOn = per.handedOn;
    this.hadTargets = per.hadTargets;
    this.root = root;
    this.headings = structure.headings.map((h) => h.marker);
    this.title = structure.frontMatter.title;
    this.nonContent = structure.frontMatter.nonContent;
  }

  private sameHeadings(structure: Structure): boolean {
    const { headings, frontMatter } = structure;
    if (headings.length !== this.headings.length || frontMatter.title !== this.title || frontMatter.nonContent.size !== this.nonContent.size) return false;
    for (const i of frontMatter.nonContent) if (!this.nonContent.has(i)) return false;
    for (let i = 0; i < headings.length; i++) {
      const a = headings[i].marker;
      const b = this.headings[i];
      if (a.kind !== b.kind || a.name !== b.name || a.paragraph !== b.paragraph || a.midParagraph !== b.midParagraph || Boolean(a.standalone) !== Boolean(b.standalone)) return false;
    }
    return true;
  }
}
