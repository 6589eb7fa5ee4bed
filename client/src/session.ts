import { l10n, window, workspace, type Disposable, type ExtensionContext, type FileSystemWatcher, type OutputChannel } from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, TargetsChangedNotification, TargetsRequest } from '../../server/src/protocol';
import { reportSelector } from './config';
import type { ServerStatus } from './status';

// One run of the language server (dist/server.js over IPC). The client does no analysis: it starts,
// restarts and stops the server and forwards the custom messages of server/src/protocol.ts.

export class ServerSession implements Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly targetsListeners = new Set<(p: TargetsChangedNotification.Params) => void>();
  /** Changes of configuration files, forwarded to the server (didChangeWatchedFiles); made on the first start. */
  private configWatcher: FileSystemWatcher | undefined;

  constructor(
    private readonly context: ExtensionContext,
    readonly output: OutputChannel,
    private readonly status: ServerStatus,
  ) {}

  /** Starts the server once; later calls share the same start. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.launch();
    return this.starting;
  }

  get started(): boolean {
    return this.starting !== undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.dispose().catch((e: unknown) => this.output.appendLine(`stop: ${String(e)}`));
    this.status.show('stopped');
  }

  /** The targets of a document, as the server grouped them; null when the server does not know it. */
  async requestTargets(uri: string): Promise<TargetsRequest.Result | null> {
    const client = await this.start();
    return client.sendRequest<TargetsRequest.Result | null>(TargetsRequest.method, { textDocument: { uri } } satisfies TargetsRequest.Params);
  }

  onTargetsChanged(listener: (p: TargetsChangedNotification.Params) => void): Disposable {
    this.targetsListeners.add(listener);
    return { dispose: () => this.targetsListeners.delete(listener) };
  }

  private async launch(): Promise<LanguageClient> {
    // A bundle of its own (dist/languageClient.js), required on the first start and not at
    // activation: vscode-languageclient is most of the client's code.
    const { LanguageClient, RevealOutputChannelOn, State, TransportKind } = require('./languageClient') as typeof import('./languageClient');
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: reportSelector(),
      outputChannel: this.output,
      // The start failure gets its own message with a button (below); no output pop-ups otherwise.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server ignores models and corpora outside the workspace until the workspace is trusted.
      initializationOptions: { trusted: workspace.isTrusted },
      synchronize: {
        configurationSection: 'workreport',
        fileEvents: (this.configWatcher ??= workspace.createFileSystemWatcher('**/.workreportrc.json')),
      },
    };
    const client = new LanguageClient('workreport', l10n.t('Work Report'), serverOptions, clientOptions);
    this.client = client;
    this.status.show('starting');
    // Also follows the client's own restarts after a crash, and its giving up after too many.
    client.onDidChangeState((e) => {
      if (this.client !== client) return; // stopped on purpose
      if (e.newState === State.Running) this.status.show('ready');
      else if (e.newState === State.Stopped) this.status.show('failed');
      else this.status.show('starting');
    });
    client.onNotification(StatusNotification.method, (p: StatusNotification.Params) => this.status.show(p.state, p.message));
    client.onNotification(TargetsChangedNotification.method, (p: TargetsChangedNotification.Params) => {
      for (const listener of this.targetsListeners) listener(p);
    });
    try {
      await client.start();
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`start: ${reason}`);
      this.status.show('failed', reason);
      this.starting = undefined;
      this.client = undefined;
      void client.dispose().catch(() => undefined);
      void window
        .showErrorMessage(l10n.t('The Work Report language server could not start: {0}', reason), l10n.t('Show Output'))
        .then((choice) => choice && this.output.show(true));
      throw e;
    }
    return client;
  }

  dispose(): void {
    void this.stop();
    this.configWatcher?.dispose();
  }
}
