import type { Model } from '../model/types';
import { GenerationMap } from './generationMap';
import type { Paragraph } from '../text/segment';
import type { ParagraphRecord, RecordSource } from './record';
import { UnchangedParagraphs } from './unchanged';
import { ContextKeys } from '../targets/memo';

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
  /** The last analysis's text and paragraphs (the server keeps that analysis anyway). */
  private last: { text: string; paragraphs: readonly Paragraph[] } | null = null;

  /** Called once per analysis; a different model makes everything remembered stale. */
  begin(model: Model): void {
    if (this.model !== model) {
      this.records = new GenerationMap();
      this.last = null;
    }
    this.model = model;
    this.records.nextGeneration();
    this.contextKeys.nextGeneration();
  }

  unchangedIn(text: string): UnchangedParagraphs | undefined {
    return this.last ? new UnchangedParagraphs(this.last.text, text, this.last.paragraphs) : undefined;
  }

  segmented(text: string, paragraphs: readonly Paragraph[]): void {
    this.last = { text, paragraphs };
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
