// Lint throughput over one folder of reports. In the same rounds, alternating: a bare regex pass
// over the texts in this process (the floor: what any scanner must at least pay), the engine in
// this process, our CLI over the folder (process start to exit), and — with the peers section —
// autocorrect-node and textlint over the same folder. Then one ~30 KB report end to end and the
// cost of starting a process at all.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alternate, median, timeProcess, timeSync } from './measure.mjs';
import { closestTo } from './corpus.mjs';
import { peerContenders } from './peers.mjs';

// Numbers with their unit, and the sentence-final marks: the tokens a target scanner looks at first.
const FLOOR_PATTERN = /[0-9]+(?:\.[0-9]+)?(?:%|万|亿|个|人)?|[。！？]/g;

export function measureThroughput({ root, corpus, runs, withEngine, withPeers }) {
  const cli = join(root, 'dist', 'cli.js');
  const texts = corpus.docs.map((d) => d.text);
  const contenders = [
    // A few milliseconds are at the mercy of one descheduling: the best of five passes per round.
    { name: 'floor', warmUp: true, run: () => ({ ms: Math.min(...Array.from({ length: 5 }, () => timeSync(() => texts.forEach((t) => t.match(FLOOR_PATTERN))))) }) },
    { name: 'workreport CLI', run: () => ({ ms: timeProcess('workreport CLI', process.execPath, [cli, 'lint', '--format', 'json', corpus.dir]).ms }) },
  ];
  if (withEngine) {
    const engine = createRequire(import.meta.url)(join(root, 'dist', 'engine.cjs'));
    const model = engine.parseModel(readFileSync(join(root, 'dist', 'default-model.json'), 'utf8'), 'default-model.json');
    contenders.push({ name: 'workreport engine', warmUp: true, run: () => ({ ms: timeSync(() => texts.forEach((t) => engine.lintReport(engine.analyzeReport(t, { model })))) }) });
  }
  if (withPeers) contenders.push(...peerContenders(root, corpus.dir));

  const times = alternate(contenders, runs);
  const result = {};
  for (const [name, samples] of Object.entries(times)) {
    const ms = median(samples.map((s) => s.ms));
    result[name] = { ms, runs: samples.length, mbPerS: corpus.bytes / 1e6 / (ms / 1000), msPerFile: ms / corpus.docs.length, samples: samples.map((s) => s.ms) };
    const inner = samples.filter((s) => s.inner).map((s) => s.inner);
    if (inner.length) Object.assign(result[name], { lintMs: median(inner.map((i) => i.lintMs)), findings: inner[0].findings });
  }
  return result;
}

/** One report of about 30 KB, process start to exit, against `node -e 0` and `cli --version`. */
export function measureEndToEnd({ root, corpus, runs }) {
  const cli = join(root, 'dist', 'cli.js');
  const report = closestTo(corpus, 30_000);
  const times = alternate(
    [
      { name: 'report', run: () => timeProcess('workreport CLI', process.execPath, [cli, 'lint', report.path]).ms },
      { name: 'version', run: () => timeProcess('workreport --version', process.execPath, [cli, '--version'], { ok: [0] }).ms },
      { name: 'node', run: () => timeProcess('node -e 0', process.execPath, ['-e', '0'], { ok: [0] }).ms },
    ],
    runs,
  );
  return { report: report.path, bytes: report.size, ms: median(times.report), versionMs: median(times.version), nodeMs: median(times.node) };
}
