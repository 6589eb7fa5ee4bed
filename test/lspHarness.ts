// A small LSP client for the protocol tests: spawns the BUILT server (dist/server.js) over stdio
// and speaks to it with vscode-jsonrpc, as an editor would. It records every notification, answers
// the server's requests (workspace/configuration from a settings function, registrations), and lets
// a test wait for a condition with a deadline instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import type { Position, Range } from '../server/src/engine';
import { ROOT } from './helpers';

export type { Position, Range };
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface LspDiagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: Range }; message: string }>;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Capabilities of a modern editor (the shape VS Code sends, minus pull diagnostics). */
export const FULL_CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    foldingRange: {},
  },
  workspace: {
    configuration: true,
    didChangeConfiguration: {},
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    workspaceFolders: true,
  },
};

export interface StartOptions {
  locale?: string;
  capabilities?: object;
  initializationOptions?: object;
  workspaceFolder?: string;
  /** The workreport.* settings the client answers workspace/configuration with, per resource. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** The editor's process id sent in initialize (default: this test process). */
  processId?: number | null;
  /** Options for node before the server script (e.g. --max-old-space-size, -r a probe). */
  nodeArgs?: string[];
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export class LspTestClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly shown: Array<{ type: number; message: string }> = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly configurationRequests: unknown[] = [];
  settings: (scopeUri: string | undefined) => unknown;
  private waiters: Waiter[] = [];
  private stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: rpc.MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
    conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') this.published.push(params as PublishedDiagnostics);
      if (method === 'window/logMessage') this.logs.push(params as { type: number; message: string });
      if (method === 'window/showMessage') this.shown.push(params as { type: number; message: string });
      this.poke();
    });
    conn.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'workreport' ? this.settings(item.scopeUri) : null));
    });
    conn.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...params.registrations);
      this.poke();
      return null;
    });
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      this.poke();
      return null;
    });
    proc.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    conn.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout!), new rpc.StreamMessageWriter(proc.stdin!));
    const client = new LspTestClient(proc, conn, options);
    const folder = options.workspaceFolder;
    const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      locale: options.locale ?? 'en',
      rootUri: folder ? uriOf(folder) : null,
      workspaceFolders: folder ? [{ uri: uriOf(folder), name: path.basename(folder) }] : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    client.capabilities = init.capabilities;
    void conn.sendNotification('initialized', {});
    return client;
  }

  capabilities: Record<string, unknown> = {};

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'workreport'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Resolves when `check` holds, re-checked after every message from the server. */
  waitFor(what: string, check: () => boolean, timeoutMs = 15000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { check, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      timer.unref();
      this.waiters.push(waiter);
    });
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  async diagnosticsFor(uri: string, version: number): Promise<LspDiagnostic[]> {
    const find = () => this.published.find((p) => p.uri === uri && p.version === version);
    await this.waitFor(`diagnostics of ${uri} v${version}`, () => find() !== undefined);
    return find()!.diagnostics;
  }

  lastPublished(uri: string): PublishedDiagnostics | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri);
  }

  /** shutdown, exit, and the process's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.on('exit', (code) => resolve(code)));
    await this.request('shutdown');
    this.notify('exit', null);
    const code = await exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** Applies LSP edits to a text (positions in UTF-16 code units; \n, \r\n and \r end lines). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  // Back to front; edits at one position keep their order (LSP applies them in array order).
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => offset(b.e.range.start) - offset(a.e.range.start) || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/**
 * A short report of our own: a title without a year, a review part, a plan part whose heading
 * carries the year (its targets inherit 2026年 from it), and a last part with no period at all.
 * Written as a clean report is (full-width marks, every paragraph closed), so the only problem any
 * rule finds in it is the last target's missing deadline and the tests can assert exact lists.
 * (The review opens with 一年来, not 过去一年: broken-paragraph reads a paragraph that opens with 过
 * as a sentence carried over from the heading above — an engine false positive, reported.)
 */
export const REPORT = [
  '某市政府工作报告',
  '一、过去一年工作回顾',
  '一年来，全市推动高质量发展，地区生产总值增长5.2%，城镇新增就业3.1万人。',
  '二、2026年工作安排',
  '（一）着力扩大有效需求。',
  '力争入驻企业达到70家，新建改造高标准农田15万亩。',
  '（二）持续改善民生。',
  '一是稳定就业。城镇登记失业率控制在4%以内。二是办好教育。新建幼儿园12所。',
  '三、加强政府自身建设',
  '政务服务事项网上可办率保持在95%以上。',
  '',
].join('\n');

/** The position just after the `occurrence`-th `needle` (UTF-16, as LSP counts). */
export function endOf(text: string, needle: string, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at + needle.length).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}
