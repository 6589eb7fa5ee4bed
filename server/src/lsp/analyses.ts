import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintReport, type Diagnostic, type Lang, type ReportAnalysis } from '../engine';
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
    const options = { model: settings.model, period: settings.period, deadlineScope: settings.deadlineScope };
    const { analysis, size } = analyseWithinLimit(doc.getText(), settings.maxFileSize, options);
    const entry: Analysed = { uri: doc.uri, version: doc.version, settings, analysis, size };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /** Step 2: the rules over an analysis (once per analysis). */
  lint(entry: Analysed): Linted {
    entry.diagnostics ??= entry.size === 'full' ? lintReport(entry.analysis, { lang: this.lang(), rules: entry.settings.rules }) : [];
    return entry as Linted;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** The entry is still the latest word on its document: same version, same settings generation. */
  isCurrent(entry: Analysed, doc: TextDocument | undefined): boolean {
    return doc !== undefined && doc.version === entry.version && entry.settings.generation === this.settings.generation && this.entries.get(entry.uri) === entry;
  }
}
