import {
  commands, l10n, languages, Range, Selection, TextEditorRevealType, Uri, window, workspace,
  type CodeAction, type Disposable,
} from 'vscode';
import type { TargetJSON } from '../../server/src/engine/serialize';
import { LANGUAGE_ID } from './config';
import type { ServerSession } from './session';
import { exportTargets, type ExportOptions } from './targets/export';
import type { TargetsView } from './targets/view';

// The commands of the manifest. Each is a thin call: to the session, the view or a VS Code API.

const FIX_ALL_KIND = 'source.fixAll.workreport';

export function registerCommands(session: ServerSession, view: TargetsView): Disposable[] {
  return [
    commands.registerCommand('workreport.restartServer', () => session.restart()),
    commands.registerCommand('workreport.showOutput', () => session.output.show(true)),
    commands.registerCommand('workreport.exportTargets', (options?: ExportOptions) => exportTargets(view, options)),
    commands.registerCommand('workreport.treatAsReport', treatAsReport),
    commands.registerCommand('workreport.fixAll', fixAll),
    commands.registerCommand('workreport.targets.refresh', () => view.refresh()),
    commands.registerCommand('workreport.targets.showProblemsOnly', () => view.setProblemsOnly(true)),
    commands.registerCommand('workreport.targets.showAll', () => view.setProblemsOnly(false)),
    commands.registerCommand('workreport.targets.reveal', reveal),
  ];
}

async function treatAsReport(uri?: Uri): Promise<void> {
  const doc = uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
  if (!doc) {
    void window.showInformationMessage(l10n.t('Open a file first, then treat it as a report.'));
    return;
  }
  await languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** Applies the server's source.fixAll.workreport action to the active report. */
async function fixAll(): Promise<boolean> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return false;
  const doc = editor.document;
  const whole = new Range(0, 0, doc.lineCount, 0);
  const actions = (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 1)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND && (a.edit || a.command));
  if (!action) {
    void window.showInformationMessage(l10n.t('Nothing in this report can be fixed automatically.'));
    return false;
  }
  if (action.edit) await workspace.applyEdit(action.edit);
  if (action.command) await commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

/** Opens the report at a target (or a section heading) and selects it. */
async function reveal(uri: string, range: TargetJSON['range']): Promise<void> {
  const r = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await window.showTextDocument(Uri.parse(uri), { preserveFocus: false, preview: true });
  editor.selection = new Selection(r.start, r.end);
  editor.revealRange(r, TextEditorRevealType.InCenterIfOutsideViewport);
}
