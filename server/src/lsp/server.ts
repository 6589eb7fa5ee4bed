import { TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { langFromLocale } from '../engine';
import type { InitializationOptions } from '../protocol';
import { AnalysisStore } from './analyses';
import { clientSupport } from './clientSupport';
import type { ServerContext } from './context';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { clearDiagnostics, registerDiagnostics } from './features/diagnostics';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerSymbols } from './features/symbols';
import { registerTargets } from './features/targets';
import { ModelStore } from './models';
import { analysisJob } from './pipeline';
import { Reporter } from './reporter';
import { Scheduler } from './scheduler';
import { SettingsStore } from './settings';
import { StatusReporter } from './status';
import { FileWatchers, registerConfigurationChanges } from './watch';
import { WorkspaceFolders } from './workspaceFolders';

// The language server: connection setup and the wiring of its features. Each feature lives in its
// own file under features/; the analysis itself is the engine's.

declare const WORKREPORT_VERSION: string | undefined;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const reporter = new Reporter(connection);
  const folders = new WorkspaceFolders();
  const models = new ModelStore();
  // The stores below need the context itself (for the language, the client's abilities), so it is
  // completed right after; `lang`, `trusted` and `client` are set again by initialize.
  const ctx = {
    connection,
    documents,
    reporter,
    status: new StatusReporter(connection),
    folders,
    models,
    lang: 'en',
    trusted: true,
    client: clientSupport({}),
  } as ServerContext;
  ctx.settings = new SettingsStore({ connection, reporter, folders, models, lang: () => ctx.lang, client: () => ctx.client, trusted: () => ctx.trusted });
  ctx.analyses = new AnalysisStore(ctx.settings, () => ctx.lang);
  ctx.scheduler = new Scheduler(analysisJob(ctx));
  const watchers = new FileWatchers(ctx);

  connection.onInitialize((params): InitializeResult => {
    const env = process.env;
    ctx.lang = langFromLocale(params.locale || env.LC_ALL || env.LC_MESSAGES || env.LANG, 'en');
    ctx.client = clientSupport(params.capabilities);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    ctx.trusted = options.trusted !== false;
    if (options.settings) ctx.settings.setPushed(options.settings);
    folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        ...(ctx.client.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'workreport', version: typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : '0.0.0-dev' },
    };
  });

  connection.onInitialized(() => {
    watchers.start();
    if (ctx.client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => folders.add(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    }
  });

  // TextDocuments fires a content change right after each open; the open is scheduled already.
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    ctx.scheduler.now(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (!opening.delete(e.document.uri)) ctx.scheduler.edited(e.document.uri);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    ctx.scheduler.forget(uri);
    ctx.analyses.forget(uri);
    ctx.settings.forget(uri);
    clearDiagnostics(ctx, uri);
  });

  registerDiagnostics(ctx);
  registerSymbols(ctx);
  registerFolding(ctx);
  registerHover(ctx);
  registerCompletion(ctx);
  registerCodeActions(ctx);
  registerTargets(ctx);
  registerConfigurationChanges(ctx);

  documents.listen(connection);
  connection.listen();
}
