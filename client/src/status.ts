import { l10n, languages, LanguageStatusSeverity, type Disposable, type LanguageStatusItem } from 'vscode';
import type { StatusNotification } from '../../server/src/protocol';
import { reportSelector } from './config';

export type SessionState = 'starting' | 'stopped' | 'failed' | StatusNotification.Params['state'];

// The server's health in the language status area ({} next to the language mode), as vscode-eslint
// does: a glance tells whether the server runs, is busy or failed, and a click opens its output.

export class ServerStatus implements Disposable {
  private item: LanguageStatusItem | undefined;
  private disposed = false;

  /** Made on the first state, when the server starts: activation reads no settings. */
  private ensureItem(): LanguageStatusItem {
    if (!this.item) {
      this.item = languages.createLanguageStatusItem('workreport.status', reportSelector());
      this.item.name = l10n.t('Work Report language server');
      this.item.command = { command: 'workreport.showOutput', title: l10n.t('Show Output') };
    }
    return this.item;
  }

  /** Follows a change of the lintPlainText setting. */
  updateSelector(): void {
    if (this.item) this.item.selector = reportSelector();
  }

  show(state: SessionState, message?: string): void {
    if (this.disposed) return; // the session stops after the status item went with the extension
    const item = this.ensureItem();
    const { icon, detail } = {
      starting: { icon: '$(loading~spin)', detail: l10n.t('Starting…') },
      ready: { icon: '$(check)', detail: l10n.t('Ready') },
      analysing: { icon: '$(sync~spin)', detail: l10n.t('Analysing…') },
      error: { icon: '$(error)', detail: l10n.t('Analysis failed') },
      failed: { icon: '$(error)', detail: l10n.t('Not running') },
      stopped: { icon: '$(circle-slash)', detail: l10n.t('Stopped') },
    }[state];
    item.text = `${icon} ${l10n.t('Work Report')}`;
    item.detail = message ? `${detail} — ${message}` : detail;
    item.busy = state === 'starting' || state === 'analysing';
    item.severity = state === 'error' || state === 'failed' ? LanguageStatusSeverity.Error : LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.disposed = true;
    this.item?.dispose();
  }
}
