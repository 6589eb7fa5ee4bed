// The server over a long session and at its end: 1,000 documents opened, edited and closed
// without the memory growing with them (the resident size of the server process, read from
// /proc, and its heap); no timer left pending once every document is closed; and the process ends
// by itself when its editor's process dies or its input closes.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { endOf, LspTestClient, REPORT } from './lspHarness';
import { askProbe } from './probes/ask';

const PROBE = path.join(__dirname, 'probes', 'activeResources.cjs');
const CYCLES = 1000;
const BATCH = 20;
/** Documents ten times the size of REPORT, each a little different: a leak of any per-document state shows. */
const documentText = (n: number) => Array.from({ length: 10 }, (_, i) => REPORT.replace('某市', `第${n}-${i}市`)).join('\n');

interface Probe {
  timers: number;
  resources: string[];
  heapUsed: number;
}

/** The pending timers and heap of the server, from the probe preloaded into it. */
const probe = (client: LspTestClient) => askProbe<Probe>(client, 'probe');

function residentMegabytes(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return kb / 1024;
}

const exited = (proc: { exitCode: number | null; signalCode: string | null; once(e: 'exit', f: () => void): void }) =>
  new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));

describe('lsp: endurance and the end of the process', function () {
  this.timeout(300000);
  let client: LspTestClient | undefined;
  afterEach(() => {
    client?.kill();
    client = undefined;
  });

  it(`${CYCLES} open/edit/close cycles: memory levels off, and no timer is left pending`, async function () {
    if (!fs.existsSync('/proc/self/status')) this.skip(); // resident size is read from Linux's /proc
    // A small heap, so that a leak ends in an out-of-memory crash rather than in slow growth.
    // No editor process id: vscode-languageserver would otherwise keep a timer to watch it.
    client = await LspTestClient.start({ processId: null, nodeArgs: ['--max-old-space-size=128', '-r', PROBE] });
    const c = client;
    const unit = { start: endOf(REPORT, '达到70'), end: endOf(REPORT, '达到70家') };
    const samples: Array<{ cycle: number; rss: number; heap: number }> = [];
    for (let done = 0; done < CYCLES; done += BATCH) {
      const uris = Array.from({ length: BATCH }, (_, i) => `untitled:endurance-${done + i}`);
      uris.forEach((uri, i) => c.open(uri, documentText(done + i)));
      uris.forEach((uri) => c.change(uri, 2, [{ range: unit, text: '' }]));
      for (const uri of uris) assert.ok((await c.diagnosticsFor(uri, 2)).length > 0);
      uris.forEach((uri) => c.notify('textDocument/didClose', { textDocument: { uri } }));
      // The harness keeps what the server sent; only the server's memory is measured.
      c.published.length = 0;
      c.notifications.length = 0;
      if ((done + BATCH) % 100 === 0) samples.push({ cycle: done + BATCH, rss: residentMegabytes(c.proc.pid!), heap: (await probe(c)).heapUsed / 2 ** 20 });
    }
    assert.equal(c.proc.exitCode, null, 'the server is still running');
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    const report = `after every 100 cycles: RSS ${fmt(samples.map((s) => s.rss))} MB; heap ${fmt(samples.map((s) => s.heap))} MB`;
    if (process.env.ENDURANCE_REPORT) console.log(`      ${report}`);
    // After a warm-up of 200 cycles, the last 800 may not add more than a bounded amount: a leak of
    // one analysis per document (each ~100 kB of text and structure) would add far more.
    const warm = samples.find((s) => s.cycle === 200)!;
    const peak = Math.max(...samples.filter((s) => s.cycle > 200).map((s) => s.rss));
    assert.ok(peak - warm.rss < 40, `RSS grew by ${(peak - warm.rss).toFixed(1)} MB after warm-up (${report})`);
    const lastHeap = samples[samples.length - 1].heap;
    assert.ok(lastHeap - warm.heap < 20, `heap grew by ${(lastHeap - warm.heap).toFixed(1)} MB after warm-up (${report})`);

    // Every document is closed and its diagnostics cleared: no debounce or settings timer remains.
    await c.waitFor('all cleared', () => true);
    await new Promise((r) => setTimeout(r, 300));
    const { timers, resources } = await probe(c);
    assert.equal(timers, 0, `pending timers: ${resources.join(', ')}`);
    assert.equal(await c.shutdown(), 0);
    client = undefined;
  });

  it('exits when the editor process named in initialize dies', async () => {
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      client = await LspTestClient.start({ processId: editor.pid });
      client.open('untitled:a', REPORT);
      await client.diagnosticsFor('untitled:a', 1);
      editor.kill('SIGKILL');
      await exited(client.proc); // vscode-languageserver looks every 3 s; the suite's timeout bounds the wait
      assert.equal(client.proc.signalCode, null, 'it exits by itself, not by a signal');
    } finally {
      if (editor.exitCode === null) editor.kill('SIGKILL');
    }
  });

  it('exits when its input closes (the editor went away without shutdown)', async () => {
    client = await LspTestClient.start();
    client.open('untitled:a', REPORT);
    await client.diagnosticsFor('untitled:a', 1);
    client.proc.stdin!.end();
    await exited(client.proc);
    assert.equal(client.proc.signalCode, null);
  });
});
