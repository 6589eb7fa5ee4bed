import type { Span } from '../types';
import type { Paragraph } from './segment';
import type { ReportAnalysis } from '../analyze';
import { pageMarkersOf } from '../structure/nonContent';

// What the text rules read: the content paragraphs of a report — not the title, subtitle, byline or
// web leftovers (下载 打印 【字号】) — with the spans inside them that are not prose either: page
// markers ((上接第一版)) and the ordinals of headings (一、 （三） 1.). Built once per analysis and shared
// by every rule; text/tokens.ts adds the character runs and the “quoted” and 《titled》 names.

export interface ContentParagraph {
  paragraph: Paragraph;
  /** Where the content starts: after a leading page marker. */
  start: number;
  end: number;
  /** Page markers inside the paragraph. */
  pageMarkers: Span[];
  /** The ordinal and its mark of each heading in the paragraph ("一、", "(六)", "1."). */
  ordinals: Span[];
}

const cache = new WeakMap<ReportAnalysis, ContentParagraph[]>();

export function contentOf(analysis: ReportAnalysis): ContentParagraph[] {
  let content = cache.get(analysis);
  if (!content) cache.set(analysis, (content = contentParagraphs(analysis, analysis.paragraphs)));
  return content;
}

/** Drops what contentOf built for an analysis (see lintReport). */
export function forgetContent(analysis: ReportAnalysis): void {
  cache.delete(analysis);
}

/**
 * Makes the rules read only `paragraphs` of an analysis: re-linting after an edit runs them over a
 * window of paragraphs around it (see incremental/relint.ts).
 */
export function restrictContent(analysis: ReportAnalysis, paragraphs: readonly Paragraph[]): void {
  cache.set(analysis, contentParagraphs(analysis, paragraphs));
}

function contentParagraphs(analysis: ReportAnalysis, paragraphs: readonly Paragraph[]): ContentParagraph[] {
  const { structure } = analysis;
  const ordinals = new Map<number, Span[]>();
  for (const h of structure.headings) {
    if (!h.marker.markerSpan) continue;
    const list = ordinals.get(h.marker.paragraph) ?? [];
    list.push(h.marker.markerSpan);
    ordinals.set(h.marker.paragraph, list);
  }
  const content: ContentParagraph[] = [];
  for (const p of paragraphs) {
    if (structure.frontMatter.nonContent.has(p.index) || p.index === structure.frontMatter.title) continue;
    const pageMarkers = pageMarkersOf(p);
    content.push({
      paragraph: p,
      start: structure.contentStart[p.index],
      end: p.end,
      pageMarkers,
      ordinals: ordinals.get(p.index) ?? [],
    });
  }
  return content;
}

/** Whether `offset` falls inside one of `spans` (few per paragraph, so a scan is cheapest). */
export function insideAny(spans: readonly Span[], offset: number): boolean {
  for (const s of spans) if (s.start <= offset && offset < s.end) return true;
  return false;
}

