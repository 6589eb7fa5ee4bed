// The custom LSP messages of workreport, declared once: the server and the VS Code client both
// import this file, so the two sides cannot drift (vscode-eslint's customMessages.ts pattern).
// Types only and plain strings: nothing here imports vscode or vscode-languageserver.
import type { TargetJSON } from './engine/serialize';

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
