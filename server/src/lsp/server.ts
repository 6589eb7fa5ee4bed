import {
  CodeActionKind, DiagnosticSeverity, SymbolKind, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic as LspDiagnostic, type DocumentSymbol, type FoldingRange,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeReport, groupTargetsBySection, langFromLocale, lintReport, type Diagnostic, type Lang, type OutlineKind, type OutlineNode, type ReportAnalysis,
} from '../engine';
import { StatusNotification, TargetsChangedNotification, TargetsRequest } from '../protocol';
import { loadModel } from '../node/model';

// The language server: a thin adapter from LSP to the engine. Each document's analysis is kept by
// version, so a request never reads results of an older text.

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };
const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File, part: SymbolKind.Module, section: SymbolKind.Namespace, item: SymbolKind.Class,
  subitem: SymbolKind.Method, run: SymbolKind.Field, bullet: SymbolKind.EnumMember, lead: SymbolKind.String,
};

interface Analysed {
  version: number;
  analysis: ReportAnalysis;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Analysed>();
  let lang: Lang = 'en';

  const analysed = (doc: TextDocument): Analysed => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const analysis = analyzeReport(doc.getText(), { model: loadModel(undefined) });
    const entry = { version: doc.version, analysis, diagnostics: lintReport(analysis, { lang }) };
    cache.set(doc.uri, entry);
    return entry;
  };

  const publish = (doc: TextDocument) => {
    try {
      const { analysis, diagnostics } = analysed(doc);
      // The document may have changed while we worked: never publish for an old version.
      if (documents.get(doc.uri)?.version !== doc.version) return;
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics.map((d) => toLsp(d, analysis)) });
      void connection.sendNotification(TargetsChangedNotification.method, { uri: doc.uri, version: doc.version } satisfies TargetsChangedNotification.Params);
      void connection.sendNotification(StatusNotification.method, { state: 'ready' } satisfies StatusNotification.Params);
    } catch (e) {
      connection.console.error(`workreport: analysing ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      void connection.sendNotification(StatusNotification.method, { state: 'error', message: (e as Error).message, uri: doc.uri } satisfies StatusNotification.Params);
    }
  };

  connection.onInitialize((params) => {
    lang = langFromLocale(params.locale, 'en');
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'workreport' },
    };
  });

  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis } = analysed(doc);
    const toSymbol = (n: OutlineNode): DocumentSymbol => ({
      name: n.name,
      kind: SYMBOL_KIND[n.kind],
      detail: n.kind,
      range: analysis.lines.rangeOf(n.span),
      selectionRange: analysis.lines.rangeOf(n.nameSpan),
      children: n.children.map(toSymbol),
    });
    return analysis.outline.map(toSymbol);
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis } = analysed(doc);
    const ranges: FoldingRange[] = [];
    const visit = (n: OutlineNode) => {
      const r = analysis.lines.rangeOf(n.span);
      if (r.end.line > r.start.line) ranges.push({ startLine: r.start.line, endLine: r.end.line });
      n.children.forEach(visit);
    };
    analysis.outline.forEach(visit);
    return ranges;
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis, diagnostics } = analysed(doc);
    const span = analysis.lines.spanOf(params.range);
    const actions: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.span.end < span.start || d.span.start > span.end) continue;
      for (const f of d.fixes) {
        actions.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: f.preferred,
          diagnostics: [toLsp(d, analysis)],
          edit: { changes: { [doc.uri]: f.edits.map((e) => ({ range: analysis.lines.rangeOf(e.span), newText: e.newText })) } },
        });
      }
    }
    return actions;
  });

  connection.onRequest(TargetsRequest.method, (params: TargetsRequest.Params): TargetsRequest.Result | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { analysis } = analysed(doc);
    return {
      uri: doc.uri,
      version: doc.version,
      period: analysis.period?.text ?? null,
      sections: groupTargetsBySection(analysis.targets, analysis.lines).map((g) => ({
        section: g.section?.name ?? null,
        kind: g.section?.kind ?? null,
        range: g.section ? analysis.lines.rangeOf(g.section.nameSpan) : null,
        targets: g.targets,
      })),
    };
  });

  documents.listen(connection);
  connection.listen();
}

function toLsp(d: Diagnostic, analysis: ReportAnalysis): LspDiagnostic {
  return { range: analysis.lines.rangeOf(d.span), severity: SEVERITY[d.severity], code: d.rule, source: 'workreport', message: d.message };
}
