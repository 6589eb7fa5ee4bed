import type { Model } from '../model/types';
import { GenerationMap } from './generationMap';
import type { Paragraph } from '../text/segment';
import type { ParagraphRecord, RecordSource } from './record';
import { textChange, UnchangedParagraphs, type TextChange } from './unchanged';
import { ContextKeys } from '../targets/contextKeys';
import { PreviousExtraction } from '../targets/previousExtraction';
import { LineIndex } from '../text/lineIndex';

/**
 * What an editor keeps between analyses of one document: a record per paragraph text (whether it
 * breaks off mid-sentence, its headings, front-matter facts, targets by context). After an edit only
 * the paragraphs whose text (or, for targets, whose context) changed are read again. One memo per open document;
 * `analyzeReport` starts a new generation each time, so texts the document no longer holds are
 * forgotten and memory stays at about two documents' worth.
 */
export class AnalysisMemo implements RecordSource {
  private records = new GenerationMap<string, ParagraphRecord>();
  private model: Model | null = null;
  /** The keys of the contexts targets were read in, one string object each (targets/memo.ts). */
  readonly contextKeys = new ContextKeys();
  /** What the last extraction of targets left for the next (targets/memo.ts). */
  extraction = new PreviousExtraction();
  /** The last analysis's text, paragraphs and lines (the server keeps that analysis anyway). */
  private last: { text: string; paragraphs: readonly Paragraph[]; lines: LineIndex } | null = null;
  /** The text being analysed: what it kept of the last one (found once), and its lines. */
  private current: { text: string; change: TextChange | undefined; lines?: LineIndex } | null = null;

  /** Called once per analysis; a different model makes everything remembered stale. */
  begin(model: Model): void {
    if (this.model !== model) {
      this.records = new GenerationMap();
      this.last = null;
      this.current = null;
      this.extraction = new PreviousExtraction();
    }
    this.model = model;
    this.records.nextGeneration();
    this.contextKeys.nextGeneration();
  }

  unchangedIn(text: string): UnchangedParagraphs | undefined {
    const { change } = this.changeIn(text);
    return change && new UnchangedParagraphs(change, this.last!.paragraphs);
  }

  /** The lines of `text`: those of the last text where the edit kept it, so a long report is not read again. */
  lineIndexFor(text: string): LineIndex {
    const current = this.changeIn(text);
    current.lines ??= current.change ? LineIndex.afterEdit(text, this.last!.lines, current.change) : new LineIndex(text);
    return current.lines;
  }

  segmented(text: string, paragraphs: readonly Paragraph[]): void {
    this.last = { text, paragraphs, lines: this.lineIndexFor(text) };
    // The next text is compared with this one, even when it is the same text again.
    this.current = null;
  }

  private changeIn(text: string): NonNullable<AnalysisMemo['current']> {
    if (this.current?.text !== text) this.current = { text, change: this.last ? textChange(this.last.text, text) : undefined };
    return this.current;
  }

  recordFor(text: string, known?: ParagraphRecord): ParagraphRecord {
    if (known) {
      this.records.touch(known);
      return known;
    }
    let record = this.records.get(text);
    if (!record) this.records.set(text, (record = { used: 0 }));
    return record;
  }
}
