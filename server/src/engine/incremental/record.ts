import type { HeadingMarker } from '../structure/headings';
import type { LineFacts } from '../structure/nonContent';
import type { RememberedParagraph } from '../targets/memo';
import type { Paragraph } from '../text/segment';
import type { UnchangedParagraphs } from './unchanged';

/**
 * What the analysis learnt of one paragraph text, relative to the paragraph's start, kept by an
 * editor between analyses (incremental/memo.ts). Every stage fills its part the first time it reads
 * the text and reads it back afterwards; the paragraph carries its record, so the text is looked
 * up once per analysis.
 */
export interface ParagraphRecord {
  /** The memo's generation that last read the record (incremental/generationMap.ts). */
  used: number;
  /** The paragraph stops mid-sentence, so the next one carries it on (structure/outline.ts). */
  breaksOff?: boolean;
  /** Where the content starts, after a leading page marker. */
  contentStart?: number;
  facts?: LineFacts;
  /**
   * The headings the paragraph opens, as read when it does not [0] or does [1] continue the
   * sentence of the paragraph before (the only thing outside the text that headings depend on).
   */
  markers?: [HeadingMarker[] | undefined, HeadingMarker[] | undefined];
  /**
   * The targets by the key of the context they were read in (targets/memo.ts). A text written in
   * several places ("各位代表：") has several; the least recently used go past MAX_CONTEXTS.
   */
  targets?: Map<string, RememberedParagraph>;
  /** The context key read last, and its targets: most paragraphs are read in the same context again. */
  lastContext?: string;
  lastTargets?: RememberedParagraph;
}

/** Where paragraphs find their records. */
export interface RecordSource {
  /** `known`: the record the previous analysis had for this same text, which saves the lookup. */
  recordFor(text: string, known?: ParagraphRecord): ParagraphRecord;
  /** What of the previous analysis's paragraphs `text` still holds (incremental/unchanged.ts). */
  unchangedIn?(text: string): UnchangedParagraphs | undefined;
  /** The paragraphs of `text`, for the next analysis to take unchanged strings from. */
  segmented?(text: string, paragraphs: readonly Paragraph[]): void;
}
