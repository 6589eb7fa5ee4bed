import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';

// Where the server tells the user something: window/logMessage for the log, window/showMessage for
// what needs the user's attention — each distinct problem shown once, not on every keystroke.

export class Reporter {
  private shown = new Set<string>();

  constructor(private readonly connection: Connection) {}

  error(text: string): void {
    this.connection.console.error(text);
  }

  warn(text: string): void {
    this.connection.console.warn(text);
  }

  /** Shows a warning once per distinct text, and logs it. */
  warnOnce(text: string): void {
    this.warn(text);
    if (this.shown.has(text)) return;
    this.shown.add(text);
    // A notification, not window/showMessageRequest: nothing to answer, nothing to fail.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }
}
