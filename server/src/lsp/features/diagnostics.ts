import { DocumentDiagnosticReportKind, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Linted } from '../analyses';
import type { ServerContext } from '../context';
import { diagnosticConverter } from '../convert';
import { documentHandler } from '../guard';

// Diagnostics reach the editor in one of two ways. Clients that can pull (textDocument/diagnostic,
// VS Code) ask for them; the others get them pushed with publishDiagnostics after each analysis.
// Never both: a client that pulls and also receives pushes shows every problem twice.

export function registerDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(
    documentHandler(ctx, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (entry, params: DocumentDiagnosticParams) => {
      const resultId = `${entry.version}.${entry.settings.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: entry.diagnostics.map(diagnosticConverter(entry, ctx.lang)) };
    }),
  );
}

/** After a background analysis: push to clients that do not pull. */
export function publishDiagnostics(ctx: ServerContext, entry: Linted): void {
  if (ctx.client.pullDiagnostics) return;
  const convert = diagnosticConverter(entry, ctx.lang);
  void ctx.connection.sendDiagnostics({ uri: entry.uri, version: entry.version, diagnostics: entry.diagnostics.map(convert) });
}

export function clearDiagnostics(ctx: ServerContext, uri: string): void {
  if (!ctx.client.pullDiagnostics) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** Settings changed: pulling clients are asked to pull again. */
export function refreshDiagnostics(ctx: ServerContext): void {
  if (ctx.client.pullDiagnostics && ctx.client.diagnosticRefresh) ctx.connection.languages.diagnostics.refresh();
}
