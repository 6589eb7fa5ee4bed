import type { Connection } from 'vscode-languageserver/node';
import { StatusNotification, type ServerState } from '../protocol';

// The workreport/status notification for the client's status item, sent only when it changes.

export class StatusReporter {
  private last = '';

  constructor(private readonly connection: Connection) {}

  send(state: ServerState, detail: { message?: string; uri?: string } = {}): void {
    const params: StatusNotification.Params = { state, ...detail };
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(StatusNotification.method, params);
  }
}
