import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../engine';
import type { AnalysisStore } from './analyses';
import type { ClientSupport } from './clientSupport';
import type { ModelStore } from './models';
import type { Reporter } from './reporter';
import type { Scheduler } from './scheduler';
import type { SettingsStore } from './settings';
import type { StatusReporter } from './status';
import type { WorkspaceFolders } from './workspaceFolders';

/** What every feature of the server shares. `lang`, `trusted` and `client` are set by initialize. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  reporter: Reporter;
  status: StatusReporter;
  folders: WorkspaceFolders;
  models: ModelStore;
  settings: SettingsStore;
  analyses: AnalysisStore;
  scheduler: Scheduler;
  lang: Lang;
  trusted: boolean;
  client: ClientSupport;
}
