import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../node/config';
import { SETTINGS_SECTION } from '../protocol';
import type { ServerContext } from './context';
import { refreshDiagnostics } from './features/diagnostics';
import { logFailure } from './guard';
import { uriToPath } from './workspaceFolders';

// Re-lint when what the analysis depends on changes: the editor's settings
// (didChangeConfiguration), a .workreportrc.json or a model file (didChangeWatchedFiles). The server
// asks the editor to watch those files when it can register watchers dynamically.

export function registerConfigurationChanges(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration((params) => {
    try {
      if (!ctx.client.configuration) ctx.settings.setPushed((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
      relintAll(ctx);
    } catch (e) {
      logFailure(ctx, 'didChangeConfiguration', '-', e);
    }
  });
  ctx.connection.onDidChangeWatchedFiles((params) => {
    try {
      let relevant = false;
      const models = new Set(ctx.models.files);
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        if (path.basename(file) === CONFIG_FILE) relevant = true;
        if (models.has(path.resolve(file))) {
          ctx.models.forget(file);
          relevant = true;
        }
      }
      if (relevant) relintAll(ctx);
    } catch (e) {
      logFailure(ctx, 'didChangeWatchedFiles', '-', e);
    }
  });
}

/** Settings of every document are resolved again and every open document re-analysed. */
export function relintAll(ctx: ServerContext): void {
  ctx.settings.invalidate();
  for (const doc of ctx.documents.all()) ctx.scheduler.now(doc.uri);
  refreshDiagnostics(ctx);
}

/** Asks the editor to watch configuration files and the model files in use. */
export class FileWatchers {
  private registration: Promise<Disposable> | undefined;
  private modelFiles = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  start(): void {
    if (!this.ctx.client.watchedFilesDynamic) return;
    this.ctx.models.onNewFile = (file) => {
      if (this.modelFiles.has(file)) return;
      this.modelFiles.add(file);
      this.register();
    };
    this.register();
  }

  private register(): void {
    const watchers: FileSystemWatcher[] = [{ globPattern: `**/${CONFIG_FILE}` }];
    for (const file of this.modelFiles) {
      watchers.push({
        globPattern: this.ctx.client.relativePatterns
          ? { baseUri: pathToFileURL(path.dirname(file)).href, pattern: path.basename(file) }
          : `**/${path.basename(file)}`,
      });
    }
    const previous = this.registration;
    this.registration = this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then((d) => d.dispose()).catch(() => {});
    this.registration.catch((e) => logFailure(this.ctx, 'registerWatchers', '-', e));
  }
}
