import { l10n, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import type { TargetsRequest } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { isReportDocument, RESTART_SETTINGS } from './config';
import { ServerSession } from './session';
import { ServerStatus } from './status';
import { TargetsView } from './targets/view';

// The VS Code entry point. Activation only registers the view, the commands and the listeners:
// VS Code counts it against the editor's start (budget: 50 ms), so it reads no settings and loads
// no language client. The server starts just after, when a report is open, and never when none is
// — the extension also activates on plain text and Markdown in case lintPlainText asks for them.

/** What activate() returns: used by the editor tests, and open to extensions that build on this one. */
export interface WorkreportApi {
  /** Resolves when the language server runs; starts it when no report has started it yet. */
  serverReady(): Promise<void>;
  requestTargets(uri: string): Promise<TargetsRequest.Result | null>;
  targetsView: TargetsView;
}

let session: ServerSession | undefined;

export function activate(context: ExtensionContext): WorkreportApi {
  const output = window.createOutputChannel(l10n.t('Work Report'));
  const status = new ServerStatus();
  session = new ServerSession(context, output, status);
  const view = new TargetsView(session, context.workspaceState);
  const current = session;
  const startFor = (doc: TextDocument) => {
    if (!current.started && isReportDocument(doc)) current.start().catch(() => undefined); // shown by the session
  };
  context.subscriptions.push(
    output, status, session, view,
    ...registerCommands(session, view),
    workspace.onDidOpenTextDocument(startFor),
    workspace.onDidGrantWorkspaceTrust(() => current.started && void current.restart()),
    workspace.onDidChangeConfiguration((e) => {
      if (!RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) return;
      status.updateSelector();
      if (current.started) void current.restart();
      else workspace.textDocuments.forEach(startFor);
    }),
  );
  // After activate() returns: the view's first request, and the server's start, which loads
  // vscode-languageclient and spawns the server.
  setImmediate(() => {
    view.start();
    workspace.textDocuments.forEach(startFor);
  });
  return {
    serverReady: async () => void (await current.start()),
    requestTargets: (uri) => current.requestTargets(uri),
    targetsView: view,
  };
}

export async function deactivate(): Promise<void> {
  await session?.stop();
}
