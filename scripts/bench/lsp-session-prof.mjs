// A minimal LSP client for measuring: spawns the built dist/server.js over stdio, speaks the real
// protocol through vscode-jsonrpc, and resolves a promise when publishDiagnostics arrives for one
// document at one version — the server tags each publication with the version it analysed, so a
// late publication for an older text is never mistaken for the answer to the newest edit.
// The client does not announce pull diagnostics, so the server pushes (as to Neovim or Helix).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as rpc from 'vscode-jsonrpc/node.js';

const WAIT_LIMIT_MS = 60_000;

export async function startSession(root) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(" ") : []), join(root, "dist", "server.js"), "--stdio"], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.version}@${p.uri}`;
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w.resolve({ at: performance.now(), count: p.diagnostics.length });
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();

  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  const initializeMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});

  /** Resolves when diagnostics for `version` of `uri` arrive; register before sending the edit. */
  function published(uri, version) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: no diagnostics for version ${version} of ${uri} within ${WAIT_LIMIT_MS} ms${stderr ? `\n${stderr}` : ''}`)), WAIT_LIMIT_MS);
      waiting.set(`${version}@${uri}`, {
        resolve: (x) => {
          clearTimeout(timer);
          resolve(x);
        },
      });
    });
  }

  return {
    pid: child.pid,
    initializeMs,
    /** Opens a document and waits for its first diagnostics; returns ms from didOpen to them. */
    async open(uri, text) {
      const done = published(uri, 1);
      const t = performance.now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'workreport', version: 1, text } });
      return (await done).at - t;
    },
    /** Sends one didChange; `wait` false returns at once (the middle of a burst). */
    async change(uri, version, changes, wait = true) {
      const done = wait ? published(uri, version) : null;
      const t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      return wait ? { sent: t, ms: (await done).at - t } : { sent: t };
    },
    published,
    /** Resident and peak memory of the server process in MB (Linux /proc). */
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    async stop() {
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } finally {
        conn.dispose();
        if (child.exitCode === null) {
          // A server that ignores `exit` is stopped after a grace period rather than left running.
          const kill = setTimeout(() => child.kill(), 2000);
          await new Promise((resolve) => child.once('exit', resolve));
          clearTimeout(kill);
        }
      }
    },
  };
}
