// Turns the measurements into rows — an absolute figure, ratios against the floor, the peers or
// node start, and the PRODUCT.md budget with pass/fail — printed as a Markdown table.
import { basename } from 'node:path';
import { round } from './measure.mjs';

// PRODUCT.md, "Performance budgets" (a floor, not the aim).
export const BUDGETS = {
  cliMbPerS: 10,
  endToEndMs: 150,
  oneCharMedianMs: 10,
  oneCharP95Ms: 20,
  largeOverSmall: 3,
  rssMb: 100,
};

const ms = (x) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const rate = (r) => `${ms(r.ms)} · ${r.mbPerS.toFixed(2)} MB/s · ${r.msPerFile.toFixed(1)} ms/file`;
const times = (x) => `${x >= 10 ? Math.round(x) : x.toFixed(1)}×`;
/** "ours 2.3× faster" when the peer takes longer than we do, "ours 1.8× slower" otherwise. */
const versus = (oursMs, peerMs) => (peerMs >= oursMs ? `ours ${times(peerMs / oursMs)} faster` : `ours ${times(oursMs / peerMs)} slower`);

export function buildRows(m) {
  const rows = [];
  const row = (section, name, figure, extra = {}) => rows.push({ section, name, figure, ratio: '', budget: '', pass: null, ...extra });
  const t = m.throughput;
  if (t) {
    const floor = t.floor;
    const ours = t['workreport CLI'];
    row('cli', `floor: one regex pass over the texts, in process (median of ${floor.runs})`, rate(floor));
    const engine = t['workreport engine'];
    if (engine) row('cli', 'workreport engine: analyse + lint, in process', rate(engine), { ratio: `${times(engine.ms / floor.ms)} floor` });
    row('cli', 'workreport CLI: lint the folder, process start to exit', rate(ours), {
      ratio: `${times(ours.ms / floor.ms)} floor`,
      budget: `≥ ${BUDGETS.cliMbPerS} MB/s`,
      pass: ours.mbPerS >= BUDGETS.cliMbPerS,
    });
    const api = t['autocorrect-node API'];
    if (api) {
      row('peers', `autocorrect-node: lintFor over the folder in one child process, start to exit`, rate(api), { ratio: versus(ours.ms, api.ms), budget: 'CLI faster than it', pass: ours.ms < api.ms });
      if (engine) row('peers', 'autocorrect-node: the lintFor loop alone, in process', ms(api.lintMs), { ratio: `engine: ${versus(engine.ms, api.lintMs)}` });
    }
    const acCli = t['autocorrect CLI'];
    if (acCli) row('peers', 'autocorrect CLI --lint (threads: all cores)', rate(acCli), { ratio: versus(ours.ms, acCli.ms) });
    const textlint = t['textlint CLI'];
    if (textlint) row('peers', `textlint CLI, Chinese/CJK rules (median of ${textlint.runs})`, rate(textlint), { ratio: versus(ours.ms, textlint.ms) });
  }
  const e = m.endToEnd;
  if (e) {
    row('cli', `lint one ${Math.round(e.bytes / 1000)} KB report, process start to exit`, ms(e.ms), {
      ratio: `${times(e.ms / e.nodeMs)} node start`,
      budget: `≤ ${BUDGETS.endToEndMs} ms`,
      pass: e.ms <= BUDGETS.endToEndMs,
    });
    row('cli', 'workreport --version (load the CLI bundle)', ms(e.versionMs), { ratio: `${times(e.versionMs / e.nodeMs)} node start` });
    row('cli', 'node -e 0 (process start)', ms(e.nodeMs));
  }
  const s = m.server;
  if (s) {
    row('server', 'start: spawn → initialize response', ms(s.startMs));
    for (const [label, d] of Object.entries(s.documents)) {
      const small = s.documents['10 KB'];
      const budgeted = label === '100 KB';
      const large = label === '1 MB' && small;
      row('server', `${label}: didOpen → first diagnostics`, ms(d.openMs));
      row('server', `${label}: one-character edit → diagnostics (median / p95 of ${d.oneChar.count})`, `${ms(d.oneChar.median)} / ${ms(d.oneChar.p95)}`, {
        ratio: large ? `${times(d.oneChar.median / small.oneChar.median)} the 10 KB median` : '',
        budget: budgeted ? `≤ ${BUDGETS.oneCharMedianMs} / ${BUDGETS.oneCharP95Ms} ms` : large ? `≤ ${BUDGETS.largeOverSmall}× 10 KB` : '',
        pass: budgeted
          ? d.oneChar.median <= BUDGETS.oneCharMedianMs && d.oneChar.p95 <= BUDGETS.oneCharP95Ms
          : large
            ? d.oneChar.median <= BUDGETS.largeOverSmall * small.oneChar.median
            : null,
      });
      row('server', `${label}: paste a paragraph → diagnostics (median / p95 of ${d.paste.count})`, `${ms(d.paste.median)} / ${ms(d.paste.p95)}`, {
        ratio: large ? `${times(d.paste.median / small.paste.median)} the 10 KB median` : '',
      });
      if (d.burst) row('server', `${label}: ${d.burst.keystrokes} keystrokes ${d.burst.apartMs} ms apart, last one → diagnostics (median of ${d.burst.repeats})`, ms(d.burst.median), { ratio: `${times(d.burst.median / d.oneChar.median)} a single edit` });
    }
    const mem = s.memory;
    row('server', `RSS with the ${mem.reports} largest reports open (${(mem.bytes / 1e6).toFixed(1)} MB) and diagnosed`, `${mem.rssMb.toFixed(0)} MB (peak ${mem.peakMb.toFixed(0)} MB)`, {
      ratio: `idle ${mem.idleRssMb.toFixed(0)} MB`,
      budget: `≤ ${BUDGETS.rssMb} MB`,
      pass: mem.rssMb <= BUDGETS.rssMb,
    });
  }
  const tr = m.training;
  if (tr) {
    row('train', `train on seeds/ (median of ${tr.seedsRuns})`, ms(tr.seedsMs));
    row('train', `train on ${basename(m.corpus.dir)}/ (one run)`, ms(tr.corpusMs));
  }
  return rows;
}

export function printTable(m, rows) {
  const lines = [
    `corpus: ${m.corpus.dir} — ${m.corpus.files} files, ${(m.corpus.bytes / 1e6).toFixed(2)} MB; ${m.runs} runs, medians; node ${m.machine.node}, ${m.machine.cpus} cores, load ${m.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}`,
    '',
    '| measurement | figure | ratio | budget | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.figure} | ${r.ratio} | ${r.budget} | ${r.pass === null ? '' : r.pass ? 'pass' : '**fail**'} |`),
  ];
  console.log(lines.join('\n'));
}

/** Rounds every number in the JSON to 0.01 so the file stays readable. */
export function roundedJSON(value) {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 2) : v), 2) + '\n';
}
