import type { OutlineKind, OutlineNode, Span } from '../types';
import type { Paragraph } from '../text/segment';
import { findFrontMatter, pageMarkersOf, type FrontMatter } from './nonContent';
import { boldLeads, openingHeading, plainLead, runMarkers, type HeadingMarker } from './headings';

/** Nesting order: a heading closes every open heading of the same or a deeper rank. */
const RANK: Record<OutlineKind, number> = { title: 0, part: 1, section: 2, item: 3, subitem: 4, run: 5, lead: 6, bullet: 7 };

export interface Structure {
  frontMatter: FrontMatter;
  /** Per paragraph: where its content starts (after a leading page marker). */
  contentStart: number[];
  /** Top-level outline nodes in document order (the title first, as a sibling). */
  outline: OutlineNode[];
  /** Every heading found, in document order, with the node built for it. */
  headings: Array<{ marker: HeadingMarker; node: OutlineNode }>;
}

/** Where a paragraph's content starts: after a leading page marker such as (上接第一版). */
function contentStartOf(p: Paragraph): number {
  const first = pageMarkersOf(p)[0];
  return first && first.start === p.start ? first.end : p.start;
}

/** A paragraph that carries on a sentence the previous one broke off ("做大⏎⏎绿色低碳产业。…"). */
function continuesPrevious(previous: Paragraph | null): boolean {
  if (previous === null) return false;
  if (previous.record?.breaksOff !== undefined) return previous.record.breaksOff;
  // A heading line has no closing mark either, but it holds no sentence and is short.
  const breaksOff = !/[。！？!?：:；;”’）)…*]$/.test(previous.text) && (previous.text.length > 30 || /[。！？!?]/.test(previous.text));
  if (previous.record) previous.record.breaksOff = breaksOff;
  return breaksOff;
}

/** The headings a paragraph opens, from memo when the same text was seen before at the same place in it. */
function memoMarkersOf(p: Paragraph, start: number, continuation: boolean): HeadingMarker[] {
  if (!p.record) return markersOf(p, start, continuation);
  // The content start is read from the same text, so the record's markers hold for it.
  const variant = continuation ? 1 : 0;
  const known = p.record.markers?.[variant];
  if (known) return known.length === 0 ? known : known.map((m) => rebaseMarker(m, p.start, p.index));
  const found = markersOf(p, start, continuation);
  (p.record.markers ??= [undefined, undefined])[variant] = found.map((m) => rebaseMarker(m, -p.start, -1));
  return found;
}

function rebaseMarker(m: HeadingMarker, by: number, paragraph: number): HeadingMarker {
  // Written out rather than spread: every heading of the document is placed again after each edit.
  const moved: HeadingMarker = {
    kind: m.kind,
    start: m.start + by,
    nameSpan: { start: m.nameSpan.start + by, end: m.nameSpan.end + by },
    name: m.name,
    markerSpan: m.markerSpan && { start: m.markerSpan.start + by, end: m.markerSpan.end + by },
    ordinal: m.ordinal,
    ordinalValue: m.ordinalValue,
    midParagraph: m.midParagraph,
    paragraph,
  };
  if (m.standalone) moved.standalone = true;
  return moved;
}

function markersOf(p: Paragraph, start: number, continuation: boolean): HeadingMarker[] {
  const opening = openingHeading(p, start);
  const found: HeadingMarker[] = opening ? [opening] : [];
  const bold = boldLeads(p);
  // A paragraph opened by 一是 is a run, whatever its length.
  for (const r of runMarkers(p, start)) if (!found.some((f) => f.start === r.start)) found.push(r);
  if (!found.some((f) => f.start === start) && bold.length === 0 && !continuation) {
    const lead = plainLead(p, start);
    // A run that opens inside the lead's own line (":二要新增") would overlap it: the run wins.
    if (lead && !found.some((f) => f.start < lead.nameSpan.end)) found.push(lead);
  }
  found.push(...bold);
  return found.sort((a, b) => a.start - b.start);
}

export function buildStructure(paragraphs: readonly Paragraph[]): Structure {
  const contentStart = paragraphs.map((p) => {
    if (!p.record) return contentStartOf(p);
    p.record.contentStart ??= contentStartOf(p) - p.start;
    return p.start + p.record.contentStart;
  });
  const frontMatter = findFrontMatter(paragraphs, (p) => openingHeading(p, contentStart[p.index]) !== null);
  const outline: OutlineNode[] = [];
  const headings: Structure['headings'] = [];
  const stack: Array<{ node: OutlineNode; rank: number; closeAtParagraphEnd: number | null }> = [];
  let lastContentEnd = 0;
  let previous: Paragraph | null = null;

  // Two ways of closing open headings, written out: they run once per paragraph and per heading.
  const closeTop = (end: number) => {
    const e = stack.pop()!;
    e.node.span.end = Math.max(e.node.nameSpan.end, end);
  };
  /** Closes runs that opened inside a paragraph before `index`: they end with it. */
  const closeRunsBefore = (index: number, end: number) => {
    while (stack.length && stack[stack.length - 1].closeAtParagraphEnd !== null && stack[stack.length - 1].closeAtParagraphEnd! < index) closeTop(end);
  };
  /** Closes every open heading of the same or a deeper rank. */
  const closeFrom = (rank: number, end: number) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) closeTop(end);
  };

  for (const p of paragraphs) {
    if (frontMatter.nonContent.has(p.index)) continue;
    if (p.index === frontMatter.title) {
      outline.push(node('title', p.text, { start: p.start, end: p.end }, { start: p.start, end: p.end }));
      continue;
    }
    // Runs that opened inside the previous paragraph end with it.
    closeRunsBefore(p.index, lastContentEnd);
    let prevEnd = lastContentEnd;
    const markers = memoMarkersOf(p, contentStart[p.index], continuesPrevious(previous));
    for (const m of markers) {
      // A lead on a line of its own heads the sentence leads and **bold** leads below it.
      const rank = m.standalone ? RANK.lead - 0.5 : RANK[m.kind];
      closeFrom(rank, m.start > p.start ? trimEndBefore(p, m.start) : prevEnd);
      const n = node(m.kind, m.name, { start: m.start, end: p.end }, m.nameSpan);
      if (m.ordinal !== undefined) n.ordinal = m.ordinal;
      if (m.ordinalValue !== undefined) n.ordinalValue = m.ordinalValue;
      if (m.markerSpan) n.markerSpan = m.markerSpan;
      (stack.length ? stack[stack.length - 1].node.children : outline).push(n);
      stack.push({ node: n, rank, closeAtParagraphEnd: m.kind === 'run' && m.midParagraph ? p.index : null });
      headings.push({ marker: m, node: n });
      prevEnd = m.start;
    }
    lastContentEnd = p.end;
    // A heading line ("(四)统筹…新局面") ends without a mark but breaks no sentence.
    previous = p;
    for (const m of markers) if (m.start === contentStart[p.index] && m.nameSpan.end >= p.end) previous = null;
  }
  closeFrom(-Infinity, lastContentEnd);
  return { frontMatter, contentStart, outline, headings };
}

/** The end of the text before `offset` in the paragraph, without trailing spaces. */
function trimEndBefore(p: Paragraph, offset: number): number {
  let e = offset;
  while (e > p.start && /\s/.test(p.text[e - 1 - p.start])) e--;
  return e;
}

function node(kind: OutlineKind, name: string, span: Span, nameSpan: Span): OutlineNode {
  return { kind, name, span, nameSpan, children: [] };
}

/** The innermost outline node whose span holds `offset`. */
export function innermostNodeAt(outline: readonly OutlineNode[], offset: number): OutlineNode | null {
  let found: OutlineNode | null = null;
  let level: readonly OutlineNode[] = outline;
  for (;;) {
    const hit = findContaining(level, offset);
    if (!hit) return found;
    found = hit;
    level = hit.children;
  }
}

function findContaining(nodes: readonly OutlineNode[], offset: number): OutlineNode | undefined {
  // Nodes are sorted and disjoint: binary search keeps lookups cheap on long reports.
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid];
    if (offset < n.span.start) hi = mid - 1;
    else if (offset >= n.span.end) lo = mid + 1;
    else return n;
  }
  return undefined;
}

/**
 * The paths of offsets, each the one nodePathAt gives: a walk down the outline resumes from the
 * last path instead of the root, which costs least for offsets taken in document order. Consecutive
 * offsets mostly fall in the same node, and then the same (read-only) array is returned.
 */
export class OutlineWalk {
  private path: OutlineNode[] = [];

  constructor(private readonly outline: readonly OutlineNode[]) {}

  /** The path at `offset`. */
  pathAt(offset: number): readonly OutlineNode[] {
    // Siblings are disjoint: a node of the last path that still holds the offset is the one a
    // search of its level would find.
    let kept = 0;
    while (kept < this.path.length && this.path[kept].span.start <= offset && offset < this.path[kept].span.end) kept++;
    let path: OutlineNode[] | null = kept === this.path.length ? null : this.path.slice(0, kept);
    let level = kept === 0 ? this.outline : this.path[kept - 1].children;
    for (let hit = findContaining(level, offset); hit; hit = findContaining(level, offset)) {
      (path ??= this.path.slice()).push(hit);
      level = hit.children;
    }
    if (path) this.path = path;
    return this.path;
  }
}

/** Ancestors of the innermost node at `offset`, outermost first, the node itself last. */
export function nodePathAt(outline: readonly OutlineNode[], offset: number): OutlineNode[] {
  const path: OutlineNode[] = [];
  let level: readonly OutlineNode[] = outline;
  for (;;) {
    const hit = findContaining(level, offset);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}
