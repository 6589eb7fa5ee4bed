// The language server through the real protocol: didChange → publishDiagnostics for a one-character
// edit and for pasting a paragraph, on documents of 10 KB, 100 KB and 1 MB built from the corpus; a
// burst of fast typing (where the server debounces); RSS with the largest reports open; and the time
// from spawning the server to its answer to `initialize`.
//
// Each measured edit comes at least `pause` ms after the previous one, like a person who types a
// character and looks: the server analyses such an edit at once. Nothing is subtracted — what is
// reported is what an editor would see, debounce included.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { documentOfSize, largest, pastableParagraphs } from './corpus.mjs';
import { median, percentile, sleep } from './measure.mjs';
import { startSession } from './lsp-session.mjs';

export const DOCUMENT_SIZES = [
  { label: '10 KB', bytes: 10_000 },
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: 1_000_000 },
];
const WARMUP = 5;
const BURST = { keystrokes: 10, apartMs: 40, repeats: 5 };
const RSS_REPORTS = 10;

const uriFor = (name) => pathToFileURL(join(tmpdir(), 'workreport-bench', `${name}.wr`)).href;

/** Lines long enough to edit in the middle of, spread over the document by a fixed stride. */
function editSites(text) {
  const sites = text
    .split('\n')
    .map((line, i) => ({ line: i, length: line.length }))
    .filter((s) => s.length > 20);
  return (i) => sites[(i * 7919) % sites.length];
}

/** An open document in the session; every edit gets the next version. */
function openDocument(session, uri) {
  let version = 1;
  return { edit: (change, wait = true) => session.change(uri, ++version, [change], wait) };
}

/**
 * Runs `count` measured edits (after a warm-up) built by `stepsFor(i)`: each step is a change that
 * is waited for; only steps marked `measured` count. The document is back to its text after each i.
 */
async function timeEdits(doc, stepsFor, { count, pause }) {
  const warmUp = Math.min(WARMUP, count);
  const times = [];
  let lastSent = -Infinity;
  for (let i = 0; times.length < count; i++) {
    for (const step of stepsFor(i)) {
      const wait = lastSent + pause - performance.now();
      if (wait > 0) await sleep(wait);
      const { sent, ms } = await doc.edit(step.change);
      lastSent = sent;
      if (step.measured && i >= warmUp && times.length < count) times.push(ms);
    }
  }
  return times;
}

const summary = (times) => ({ median: median(times), p95: percentile(times, 95), min: Math.min(...times), max: Math.max(...times), count: times.length });

async function measureDocument(root, corpus, size, { edits, pause, withBurst }) {
  const text = documentOfSize(corpus, size.bytes);
  const uri = uriFor(`doc-${size.bytes}`);
  const site = editSites(text);
  const paragraphs = pastableParagraphs(corpus);
  const session = await startSession(root);
  try {
    const openMs = await session.open(uri, text);
    const doc = openDocument(session, uri);
    // One character (的) typed in the middle of a paragraph, then deleted: both are measured.
    const oneChar = await timeEdits(
      doc,
      (i) => {
        const { line, length } = site(i);
        const at = { line, character: Math.floor(length / 2) };
        return [
          { measured: true, change: { range: { start: at, end: at }, text: '的' } },
          { measured: true, change: { range: { start: at, end: { line, character: at.character + 1 } }, text: '' } },
        ];
      },
      { count: edits, pause },
    );
    // A paragraph from the corpus pasted as a new line before a paragraph (measured), then cut again.
    const paste = await timeEdits(
      doc,
      (i) => {
        const { line } = site(i + 1);
        const at = { line, character: 0 };
        return [
          { measured: true, change: { range: { start: at, end: at }, text: paragraphs[i % paragraphs.length] + '\n' } },
          { measured: false, change: { range: { start: at, end: { line: line + 1, character: 0 } }, text: '' } },
        ];
      },
      { count: edits, pause },
    );
    const result = { bytes: Buffer.byteLength(text, 'utf8'), chars: text.length, lines: text.split('\n').length, openMs, oneChar: summary(oneChar), paste: summary(paste) };
    if (withBurst) result.burst = await measureBurst(doc, site, pause, Math.min(BURST.repeats, edits));
    return result;
  } finally {
    await session.stop();
  }
}

/** Fast typing: keystrokes `apartMs` apart, measured from the last keystroke to its diagnostics. */
async function measureBurst(doc, site, pause, repeats) {
  const times = [];
  for (let r = 0; r < repeats; r++) {
    await sleep(pause);
    const { line, length } = site(1000 + r);
    const start = Math.floor(length / 2);
    let last;
    for (let k = 0; k < BURST.keystrokes; k++) {
      const at = { line, character: start + k };
      const final = k === BURST.keystrokes - 1;
      last = await doc.edit({ range: { start: at, end: at }, text: '的' }, final);
      if (!final) await sleep(BURST.apartMs);
    }
    times.push(last.ms);
    await sleep(pause);
    await doc.edit({ range: { start: { line, character: start }, end: { line, character: start + BURST.keystrokes } }, text: '' });
  }
  return { ...BURST, repeats, median: median(times), max: Math.max(...times) };
}

/** RSS with the largest reports open and diagnosed, on a fresh server. */
async function measureMemory(root, corpus) {
  const session = await startSession(root);
  try {
    const idle = session.memory();
    const reports = largest(corpus, RSS_REPORTS);
    await Promise.all(reports.map((d, i) => session.open(uriFor(`open-${i}`), d.text)));
    await sleep(500);
    return { reports: reports.length, bytes: reports.reduce((n, d) => n + d.size, 0), idleRssMb: idle.rssMb, ...session.memory() };
  } finally {
    await session.stop();
  }
}

export async function measureServer({ root, corpus, runs, edits, pause }) {
  const starts = [];
  for (let r = 0; r < runs; r++) {
    const session = await startSession(root);
    starts.push(session.initializeMs);
    await session.stop();
  }
  const documents = {};
  for (const size of DOCUMENT_SIZES) documents[size.label] = await measureDocument(root, corpus, size, { edits, pause, withBurst: size.bytes === 100_000 });
  return { pauseMs: pause, warmup: Math.min(WARMUP, edits), startMs: median(starts), documents, memory: await measureMemory(root, corpus) };
}
