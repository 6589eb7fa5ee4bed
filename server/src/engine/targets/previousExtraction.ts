import type { HeadingMarker } from '../structure/headings';
import type { Structure } from '../structure/outline';
import type { Paragraph } from '../text/segment';
import type { Tense } from './tense';

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
