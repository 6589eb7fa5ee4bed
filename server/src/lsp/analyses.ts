import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisMemo, lintReport, type Diagnostic, type Lang, type ReportAnalysis } from '../engine';
import { analyseWithinLimit, type SizeMode } from './fileSize';
import type { DocumentSettings, SettingsStore } from './settings';

// One analysis per open document, tagged with the document version and the settings generation it
// was computed for. Every feature reads it through `current`, which recomputes when either moved
// on, so no request ever answers from an older text. Analysis and lint are separate steps so that
// the background job can yield between them and drop work a newer edit has made useless.

export interface Analysed {
  uri: string;
  version: number;
  settings: DocumentSettings;
  analysis: ReportAnalysis;
  /** How much of the work workreport.maxFileSize allows for this text. */
  size: SizeMode;
  /** Filled by the lint step. */
  diagnostics?: Diagnostic[];
}

export type Linted = Analysed & { diagnostics: Diagnostic[] };

export class AnalysisStore {
  private entries = new Map<string, Analysed>();
  /** Per document: what earlier analyses learnt of its paragraphs, for the settings they ran with. */
  private memos = new Map<string, { settings: DocumentSettings; memo: AnalysisMemo }>();
  /** Per document: the last linted analysis, from which the next lint reuses what an edit left alone. */
  private linted = new Map<string, Linted & { lang: Lang }>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly lang: () => Lang,
  ) {}

  /** The document's analysis and diagnostics at its current version; a cancelled request stops here. */
  async current(doc: TextDocument, token?: CancellationToken): Promise<Linted> {
    const settings = await this.settings.forDocument(doc.uri);
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return this.lint(this.analyse(doc, settings));
  }

  /** Step 1: the analysis of the document's text as it is now (cached per version and settings). */
  analyse(doc: TextDocument, settings: DocumentSettings): Analysed {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit;
    let memo = this.memos.get(doc.uri);
    if (memo?.settings !== settings) this.memos.set(doc.uri, (memo = { settings, memo: new AnalysisMemo() }));
    const options = { model: settings.model, period: settings.period, deadlineScope: settings.deadlineScope, memo: memo.memo };
    const { analysis, size } = analyseWithinLimit(doc.getText(), settings.maxFileSize, options);
    const entry: Analysed = { uri: doc.uri, version: doc.version, settings, analysis, size };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /** Step 2: the rules over an analysis (once per analysis). */
  lint(entry: Analysed): Linted {
    if (entry.diagnostics === undefined && entry.size !== 'full') entry.diagnostics = [];
    if (entry.diagnostics === undefined) {
      const lang = this.lang();
      // The last full lint of the document with the same settings: a re-lint reuses what the edit left alone.
      const last = this.linted.get(entry.uri);
      const previous = last && last.settings === entry.settings && last.lang === lang ? last : undefined;
      entry.diagnostics = lintReport(entry.analysis, { lang, rules: entry.settings.rules, previous });
      this.linted.set(entry.uri, { ...(entry as Linted), lang });
    }
    return entry as Linted;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.memos.delete(uri);
    this.linted.delete(uri);
  }

  /** The entry is still the latest word on its document: same version, same settings generation. */
  isCurrent(entry: Analysed, doc: TextDocument | undefined): boolean {
    return doc !== undefined && doc.version === entry.version && entry.settings.generation === this.settings.generation && this.entries.get(entry.uri) === entry;
  }
}
