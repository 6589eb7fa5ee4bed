import { env, l10n, Uri, window, workspace, type QuickPickItem, type TextDocument } from 'vscode';
import { formatTargetsCsv, formatTargetsMarkdown, type TargetRow } from '../../../server/src/cli/formats/targetTables';
import { displayLang } from '../config';
import type { TargetsView } from './view';

// Export of the target table the view shows, in the CLI's own formats (`workreport targets
// --format markdown|csv|json`), so that a table exported in the editor and one made in CI agree.

export type ExportFormat = 'markdown' | 'csv' | 'json';

export interface ExportOptions {
  format?: ExportFormat;
  /** 'editor' opens a new untitled editor; 'file' asks where to save; a Uri saves there. */
  destination?: 'editor' | 'file' | Uri | string;
}

export interface ExportResult {
  format: ExportFormat;
  text: string;
  document?: TextDocument;
  file?: Uri;
}

const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };
const LANGUAGES: Record<ExportFormat, string> = { markdown: 'markdown', csv: 'plaintext', json: 'json' };

export function exportText(view: TargetsView, format: ExportFormat, language: string): string | undefined {
  const { document, result } = view.current;
  if (!document || !result) return undefined;
  const file = document.isUntitled ? document.uri.path : workspace.asRelativePath(document.uri, false);
  const targets = view.visibleSections().flatMap((s) => s.targets);
  const lang = displayLang(language);
  if (format === 'json') return JSON.stringify([{ file, period: result.period, targets }], null, 2) + '\n';
  const rows: TargetRow[] = targets.map((t) => ({ file, ...t }));
  return format === 'csv' ? formatTargetsCsv(rows, lang) : formatTargetsMarkdown(rows, lang, false);
}

export async function exportTargets(view: TargetsView, options: ExportOptions = {}): Promise<ExportResult | undefined> {
  if (!view.current.result) {
    void window.showWarningMessage(l10n.t('Open a work report first: there are no targets to export.'));
    return undefined;
  }
  const format = options.format ?? (await pickFormat());
  if (!format) return undefined;
  const destination = options.destination ?? (await pickDestination());
  if (!destination) return undefined;
  const source = view.current.document!;
  const text = exportText(view, format, env.language)!;
  if (destination === 'editor') {
    const document = await workspace.openTextDocument({ language: LANGUAGES[format], content: text });
    await window.showTextDocument(document, { preview: false });
    return { format, text, document };
  }
  const file = destination === 'file' ? await pickFile(source, format) : typeof destination === 'string' ? toUri(destination) : destination;
  if (!file) return undefined;
  try {
    await workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
  } catch (e) {
    void window.showErrorMessage(l10n.t('Could not write {0}: {1}', file.fsPath, e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  void window.showInformationMessage(l10n.t('Targets exported to {0}.', workspace.asRelativePath(file, false)), l10n.t('Open')).then(async (choice) => {
    if (choice) await window.showTextDocument(file);
  });
  return { format, text, file };
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items: Array<QuickPickItem & { format: ExportFormat }> = [
    { label: 'Markdown', description: l10n.t('a table for documents and reviews'), format: 'markdown' },
    { label: 'CSV', description: l10n.t('for spreadsheets'), format: 'csv' },
    { label: 'JSON', description: l10n.t('the same objects as `workreport targets --format json`'), format: 'json' },
  ];
  return (await window.showQuickPick(items, { title: l10n.t('Export Targets'), placeHolder: l10n.t('Format') }))?.format;
}

async function pickDestination(): Promise<'editor' | 'file' | undefined> {
  const items: Array<QuickPickItem & { destination: 'editor' | 'file' }> = [
    { label: l10n.t('New Editor'), destination: 'editor' },
    { label: l10n.t('File…'), destination: 'file' },
  ];
  return (await window.showQuickPick(items, { title: l10n.t('Export Targets'), placeHolder: l10n.t('Destination') }))?.destination;
}

async function pickFile(source: TextDocument, format: ExportFormat): Promise<Uri | undefined> {
  const base = source.uri.path.replace(/\.(report\.(txt|md)|wr|txt|md)$/i, '');
  const defaultUri = source.isUntitled ? undefined : source.uri.with({ path: `${base}.targets.${EXTENSIONS[format]}` });
  return window.showSaveDialog({ defaultUri, filters: { [format.toUpperCase()]: [EXTENSIONS[format]] }, title: l10n.t('Export Targets') });
}

/** A URI string (file:///…, vscode-remote://…) or a plain path. */
function toUri(destination: string): Uri {
  return /^[a-z][\w+.-]+:\/\//i.test(destination) ? Uri.parse(destination) : Uri.file(destination);
}
