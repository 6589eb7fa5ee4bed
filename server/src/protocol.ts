// The custom LSP messages of workreport, declared once: the server and the VS Code client both
// import this file, so the two sides cannot drift (vscode-eslint's customMessages.ts pattern).
// Types only and plain strings: nothing here imports vscode or vscode-languageserver.
import type { TargetJSON } from './engine/serialize';
import type { DeadlineSource, RuleSetting } from './engine';

/** The settings section the server pulls with workspace/configuration (`workreport.*`). */
export const SETTINGS_SECTION = 'workreport';

/**
 * The `workreport.*` settings the server reads. null, undefined or "" mean "not set here": the
 * .workreportrc.json found from the file, then the built-in default, decide. Contribute them with
 * null defaults so that an untouched setting does not hide the configuration file.
 */
export interface WorkreportSettings {
  /** The document's period: a year ("2026") or a plan ("十五五"). */
  period?: string | null;
  /** The widest scope a target's deadline may come from. */
  deadlineScope?: DeadlineSource | null;
  /** A trained model (JSON); relative paths are resolved against the workspace folder. */
  model?: string | null;
  /** Rule id → severity, or [severity, options]; merged over the configuration file's rules. */
  rules?: Record<string, RuleSetting> | null;
  /** Bytes beyond which a document is only outlined (no rules); beyond twice this, not analysed. 0: no limit. */
  maxFileSize?: number | null;
}

/** What a client may pass in InitializeParams.initializationOptions. */
export interface InitializationOptions {
  /**
   * false in an untrusted workspace: a model path outside the workspace folders is then ignored.
   * Default true.
   */
  trusted?: boolean;
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: WorkreportSettings;
}

/** The code action kind of "fix everything that is safe to fix" (editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.workreport';

/** The targets of one outline section, in document order. */
export interface TargetSection {
  /** The section's heading as written, or null for targets outside any heading. */
  section: string | null;
  kind: string | null;
  /** Range of the section's heading (LSP, 0-based UTF-16). */
  range: TargetJSON['range'] | null;
  targets: TargetJSON[];
}

export namespace TargetsRequest {
  export const method = 'workreport/targets';
  export interface Params {
    textDocument: { uri: string };
  }
  export interface Result {
    uri: string;
    version: number;
    period: string | null;
    sections: TargetSection[];
  }
}

/** Sent after a document's targets changed (a new analysis was published). */
export namespace TargetsChangedNotification {
  export const method = 'workreport/targetsChanged';
  export interface Params {
    uri: string;
    version: number;
  }
}

export type ServerState = 'ready' | 'analysing' | 'error';

/** The server's health, for the client's status item. */
export namespace StatusNotification {
  export const method = 'workreport/status';
  export interface Params {
    state: ServerState;
    /** A short human-readable detail in the server's language (what failed, what is analysed). */
    message?: string;
    uri?: string;
  }
}
