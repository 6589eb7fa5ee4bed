#!/usr/bin/env node
// Evaluates target extraction, outline and the target-missing-unit rule of the built CLI against the
// hand labels in scripts/eval/labels/*.json. Reads the corpus from ../shared/corpus (never copies it).
//
//   node scripts/eval-targets.mjs [--verbose] [--out report.json] [--corpus DIR]
//
// See docs/evaluation.md for what is measured and how.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Arguments

const USAGE = `usage: node scripts/eval-targets.mjs [options]

  --verbose            list misses, false positives, unit disagreements, deletion failures
  --out FILE           write the full report as JSON to FILE
  --corpus DIR         the corpus (default: <repo>/../shared/corpus)
  --labels DIR         the hand labels (default: <repo>/scripts/eval/labels)
  --cli FILE           the built CLI (default: <repo>/dist/cli.js)
  --deletion-single    deletion test: one lint run per deleted unit instead of one per batch
                       (slower; use it to check that batching does not change the result)
  --concurrency N      CLI processes at once (default: 2)
  --no-timing          skip the timing of the national folder
  -h, --help           this text`;

function parseArgs(argv) {
  const o = {
    verbose: false,
    out: null,
    corpus: resolve(REPO, '..', 'shared', 'corpus'),
    labels: join(REPO, 'scripts', 'eval', 'labels'),
    cli: join(REPO, 'dist', 'cli.js'),
    deletionSingle: false,
    concurrency: 2,
    timing: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value\n\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--out') o.out = resolve(value());
    else if (a === '--corpus') o.corpus = resolve(value());
    else if (a === '--labels') o.labels = resolve(value());
    else if (a === '--cli') o.cli = resolve(value());
    else if (a === '--deletion-single') o.deletionSingle = true;
    else if (a === '--concurrency') o.concurrency = Math.max(1, parseInt(value(), 10) || 1);
    else if (a === '--no-timing') o.timing = false;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument: ${a}\n\n${USAGE}`);
  }
  return o;
}

function fail(message) {
  console.error(`eval-targets: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Decodes a report the way the CLI does: UTF-8 if valid, else GB18030. */
function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Lines and their breaks, as LSP counts them (\r\n, \n and \r each end a line). */
function splitLines(text) {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = [];
  const breaks = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i]);
    breaks.push(parts[i + 1] ?? '');
  }
  return { lines, breaks };
}

const joinLines = (lines, breaks) => lines.map((l, i) => l + breaks[i]).join('');

/** Full-width digits, ％ ． ／ → ASCII, one character for one (offsets are kept). */
function widthFold(s) {
  return s.replace(/[０-９％．／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The value as compared: no spaces, ASCII digits, one joiner for ranges, no %. */
function normValue(v) {
  return widthFold(String(v))
    .replace(/[\s\u3000\u200b\ufeff]/g, '')
    .replace(/(?<=[0-9%])(?:[—–\-～~－〜]+|至)(?=[0-9])/g, '-')
    .replace(/%/g, '');
}

function normUnit(u) {
  if (u === null || u === undefined) return null;
  const s = widthFold(String(u)).replace(/[\s\u3000\u200b\ufeff]/g, '');
  return s === '' ? null : s;
}

const normQualifier = (q) => (q === null || q === undefined || q === '' ? null : String(q).trim());

/** `width` characters of the line around [start, end), the value between ⟦ ⟧. */
function snippet(line, start, end, width = 60) {
  const len = Math.max(0, end - start);
  let from = Math.max(0, start - Math.floor((width - len) / 2));
  const to = Math.min(line.length, from + width);
  from = Math.max(0, to - width);
  const clean = (s) => s.replace(/^[\s\u3000]+/, '');
  return (
    (from > 0 ? '…' : '') +
    (from === 0 ? clean(line.slice(from, start)) : line.slice(from, start)) +
    '⟦' + line.slice(start, end) + '⟧' +
    line.slice(end, to) +
    (to < line.length ? '…' : '')
  );
}

/** Character bigram Dice similarity, for pairing gold and predicted targets of the same value. */
function similarity(a, b) {
  if (!a || !b) return 0;
  const grams = (s) => {
    const m = new Map();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    if (s.length === 1) m.set(s, 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let both = 0;
  let total = 0;
  for (const [k, n] of ga) {
    both += Math.min(n, gb.get(k) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * both) / total : 0;
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const ratio = (n, d) => (d ? Math.round((10000 * n) / d) / 10000 : null);

// ---------------------------------------------------------------------------------------------
// Running the CLI

let CLI_ENV = process.env;

function runCli(cli, args, input = null) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: REPO, env: CLI_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      // lint exits 1 when it finds errors; that is not a failure of the run.
      if (code !== 0 && code !== 1) {
        reject(new Error(`node ${relative(REPO, cli)} ${args.join(' ')} exited ${code}\n${stderr}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(stdout));
      } catch (e) {
        reject(new Error(`node ${relative(REPO, cli)} ${args.join(' ')}: output is not JSON (${e.message})\n${stderr}\n${stdout.slice(0, 500)}`));
      }
    });
    child.stdin.on('error', () => {});
    if (input !== null) child.stdin.end(Buffer.from(input, 'utf8'));
    else child.stdin.end();
  });
}

/** Runs `jobs` (functions returning promises) with at most `n` at once; results in job order. */
async function pool(jobs, n) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return results;
}

/** Copies the built CLI and its model to a temporary directory so that a rebuild mid-run cannot mix builds. */
function snapshotCli(cli) {
  const dir = mkdtempSync(join(tmpdir(), 'workreport-eval-'));
  // The launcher, the bundle it runs, its lint worker and the model beside them.
  const files = [basename(cli), 'cliMain.js', 'lintWorker.js', 'default-model.json'];
  for (const f of files) if (existsSync(join(dirname(cli), f))) copyFileSync(join(dirname(cli), f), join(dir, f));
  const bundle = existsSync(join(dir, 'cliMain.js')) ? 'cliMain.js' : basename(cli);
  const sha = createHash('sha256').update(readFileSync(join(dir, bundle))).digest('hex');
  const modelPath = join(dir, 'default-model.json');
  const modelSha = existsSync(modelPath) ? createHash('sha256').update(readFileSync(modelPath)).digest('hex') : null;
  // The bundle may require a package at run time (picomatch for globs): resolve it from the repo.
  const nodePath = [join(REPO, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(process.platform === 'win32' ? ';' : ':');
  CLI_ENV = { ...process.env, NODE_PATH: nodePath };
  return { dir, cli: join(dir, basename(cli)), sha, modelSha };
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Pairs gold and predicted targets one to one: same line, same normalised value; within such a
 *  group the pairing maximises agreement of unit, qualifier, indicator and verb (then order). */
function matchTargets(gold, pred) {
  const key = (t) => `${t.line}\u0000${t.norm}`;
  const groups = new Map();
  for (const g of gold) {
    if (!groups.has(key(g))) groups.set(key(g), { gold: [], pred: [] });
    groups.get(key(g)).gold.push(g);
  }
  for (const p of pred) {
    if (!groups.has(key(p))) groups.set(key(p), { gold: [], pred: [] });
    groups.get(key(p)).pred.push(p);
  }
  const pairs = [];
  for (const { gold: gs, pred: ps } of groups.values()) {
    if (!gs.length || !ps.length) continue;
    const score = (g, p, gi, pi) =>
      1000 +
      (normUnit(g.unit) === normUnit(p.unit) ? 8 : 0) +
      (normQualifier(g.qualifier) === normQualifier(p.qualifier) ? 4 : 0) +
      2 * similarity(g.indicator ?? '', p.indicator ?? '') +
      ((g.verb ?? null) === (p.verb ?? null) ? 1 : 0) -
      0.01 * Math.abs(gi - pi);
    // Exact maximum-weight assignment by DP over the used gold (groups are small).
    if (gs.length > 16) throw new Error(`too many gold targets with one value on one line (${gs.length})`);
    const memo = new Map();
    const best = (pi, mask) => {
      if (pi === ps.length) return { w: 0, pick: [] };
      const k = pi * 65536 + mask;
      if (memo.has(k)) return memo.get(k);
      let r = best(pi + 1, mask);
      r = { w: r.w, pick: [-1, ...r.pick] };
      for (let gi = 0; gi < gs.length; gi++) {
        if (mask & (1 << gi)) continue;
        const rest = best(pi + 1, mask | (1 << gi));
        const w = rest.w + score(gs[gi], ps[pi], gi, pi);
        if (w > r.w + 1e-9) r = { w, pick: [gi, ...rest.pick] };
      }
      memo.set(k, r);
      return r;
    };
    const { pick } = best(0, 0);
    pick.forEach((gi, pi) => {
      if (gi >= 0) pairs.push({ gold: gs[gi], pred: ps[pi] });
    });
  }
  const matchedGold = new Set(pairs.map((p) => p.gold));
  const matchedPred = new Set(pairs.map((p) => p.pred));
  const byPosition = (a, b) => a.line - b.line || (a.character ?? 0) - (b.character ?? 0) || a.index - b.index;
  return {
    pairs: pairs.sort((a, b) => byPosition(a.gold, b.gold)),
    misses: gold.filter((g) => !matchedGold.has(g)).sort(byPosition),
    falsePositives: pred.filter((p) => !matchedPred.has(p)).sort(byPosition),
  };
}

/** Where on its line a gold value is written (the labels carry lines only). Avoids the positions of
 *  matched predictions; prefers the first occurrence after the indicator. */
function locateGold(g, lineText, taken) {
  const folded = widthFold(lineText);
  const first = /^[0-9]+(?:\.[0-9]+)?/.exec(normValue(g.value));
  if (!first) return null;
  const re = new RegExp(`(?<![0-9.])${first[0].replace('.', '\\.')}(?![0-9]|\\.[0-9])`, 'g');
  const all = [...folded.matchAll(re)].map((m) => m.index);
  if (!all.length) return null;
  const free = all.filter((i) => !taken.has(i));
  const candidates = free.length ? free : all;
  const at = g.indicator ? lineText.indexOf(g.indicator) : -1;
  const afterIndicator = at >= 0 ? candidates.find((i) => i >= at + g.indicator.length) : undefined;
  const pos = afterIndicator ?? candidates[0];
  // Length of the written value: the folded text from pos that normalises to the gold value.
  const want = normValue(g.value);
  let end = pos + first[0].length;
  for (let e = pos + 1; e <= Math.min(lineText.length, pos + String(g.value).length + 4); e++) {
    if (normValue(lineText.slice(pos, e)) === want) end = e;
  }
  return { start: pos, end };
}

// ---------------------------------------------------------------------------------------------
// Deletion test

/** The edit that deletes a matched target's unit: the unit written right after the value, and for a
 *  range also the copies inside it ("4.5%-5%" → "4.5-5"), so that the number is left with no unit.
 *  The gold unit is deleted when it is written right after the value (the engine may have read only
 *  part of it: 0.6人 of 0.6人/百亿元); else the predicted unit. */
function deletionEdit(p, lineText, goldUnit) {
  const folded = widthFold(lineText);
  const rStart = p.range.start.character;
  const rEnd = p.range.start.line === p.range.end.line ? p.range.end.character : lineText.length;
  const value = widthFold(String(p.value));
  let vs = -1;
  if (folded.startsWith(value, rStart)) vs = rStart;
  else {
    const at = folded.slice(rStart, rEnd).indexOf(value);
    if (at >= 0) vs = rStart + at;
  }
  if (vs < 0) return { skip: 'value not found in the predicted range' };
  const ve = vs + value.length;
  const g = normUnit(goldUnit);
  const unitSource = g !== null && folded.startsWith(g, ve) ? 'gold' : 'predicted';
  const unit = unitSource === 'gold' ? g : normUnit(p.unit);
  if (!folded.startsWith(unit, ve)) return { skip: `unit “${p.unit}” not right after the value` };
  const inner = lineText.slice(vs, ve);
  const foldedInner = folded.slice(vs, ve);
  let kept = '';
  for (let i = 0; i < inner.length; ) {
    if (foldedInner.startsWith(unit, i) && /[0-9]/.test(foldedInner[i - 1] ?? '')) i += unit.length;
    else kept += inner[i++];
  }
  return {
    start: vs,
    end: ve + unit.length,
    newText: kept,
    valueStart: vs,
    valueEnd: vs + kept.length,
    removed: lineText.slice(vs, ve + unit.length),
    unitSource,
  };
}

function overlapsValue(d, line, start, end) {
  const r = d.range;
  if (r.start.line !== line) return false;
  const dEnd = r.end.line > line ? Infinity : r.end.character;
  if (dEnd === r.start.character) return r.start.character >= start && r.start.character <= end;
  return r.start.character < end && dEnd > start;
}

// ---------------------------------------------------------------------------------------------
// Outline

const PART_RE = /^\s*[一二三四五六七八九十]+、/;
const SECTION_RE = /^\s*[（(][一二三四五六七八九十]+[）)]/;

function goldOutline(lines) {
  const out = [];
  lines.forEach((l, i) => {
    const t = l.replace(/^[\u3000]+/, '');
    if (PART_RE.test(t)) out.push({ line: i + 1, kind: 'part', text: t.trim().slice(0, 40) });
    else if (SECTION_RE.test(t)) out.push({ line: i + 1, kind: 'section', text: t.trim().slice(0, 40) });
  });
  return out;
}

function flattenSymbols(symbols, out = []) {
  for (const s of symbols ?? []) {
    if (s.kind === 'part' || s.kind === 'section') {
      const r = s.selectionRange ?? s.range;
      out.push({ line: r.start.line + 1, kind: s.kind, text: String(s.name).slice(0, 40) });
    }
    flattenSymbols(s.children, out);
  }
  return out.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.corpus) || !statSync(opts.corpus).isDirectory()) {
    fail(`corpus directory not found: ${opts.corpus}\n  pass --corpus DIR (the folder with provincial-2026/, district-gbk/, national/)`);
  }
  if (!existsSync(opts.cli)) fail(`built CLI not found: ${opts.cli}\n  run \`npm run build\` first (or pass --cli FILE)`);
  if (!existsSync(opts.labels)) fail(`labels directory not found: ${opts.labels}`);
  const labelFiles = readdirSync(opts.labels).filter((f) => f.endsWith('.json')).sort();
  if (!labelFiles.length) fail(`no *.json labels in ${opts.labels}`);

  const snap = snapshotCli(opts.cli);
  try {
    const report = await evaluate(opts, labelFiles, snap);
    if (opts.out) {
      writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
      console.log(`\nFull report: ${opts.out}`);
      if (!relative(REPO, opts.out).startsWith('..')) console.log('  note: the report quotes corpus text; do not commit it (write it outside the repo, e.g. /tmp)');
    }
  } finally {
    rmSync(snap.dir, { recursive: true, force: true });
  }
}

async function evaluate(opts, labelFiles, snap) {
  const cli = snap.cli;
  const log = (...a) => console.log(...a);
  const vlog = opts.verbose ? log : () => {};
  const warnings = [];

  // Load labels and the labelled files.
  const docs = labelFiles.map((lf) => {
    const label = JSON.parse(readFileSync(join(opts.labels, lf), 'utf8'));
    const path = join(opts.corpus, label.file);
    if (!existsSync(path)) fail(`${lf}: labelled file not found in the corpus: ${path}`);
    const bytes = readFileSync(path);
    const { text, encoding } = decode(bytes);
    const { lines, breaks } = splitLines(text);
    const [first, last] = label.labelledLines;
    const inRange = (line) => line >= first && line <= last;
    const gold = label.targets
      .map((t, index) => ({ ...t, index, norm: normValue(t.value) }))
      .filter((t) => {
        if (inRange(t.line)) return true;
        warnings.push(`${lf}: gold target on line ${t.line} is outside labelledLines ${first}-${last}; ignored`);
        return false;
      });
    return { labelFile: lf, file: label.file, path, bytes, text, encoding, lines, breaks, first, last, inRange, gold, crlf: breaks.includes('\r\n') };
  });

  // Targets, lint and outline of the untouched labelled files.
  const jobs = [];
  for (const d of docs) {
    jobs.push(async () => { d.targetsOut = await runCli(cli, ['targets', '--format', 'json', d.path]); });
    jobs.push(async () => { d.lintOut = await runCli(cli, ['lint', '--format', 'json', d.path]); });
    jobs.push(async () => { d.outlineOut = await runCli(cli, ['outline', '--format', 'json', d.path]); });
  }
  await pool(jobs, opts.concurrency);

  const perFile = [];
  for (const d of docs) {
    const allPred = (d.targetsOut[0]?.targets ?? []).map((t, index) => ({
      ...t,
      index,
      line: t.range.start.line + 1,
      character: t.range.start.character,
      norm: normValue(t.value),
    }));
    const pred = allPred.filter((p) => d.inRange(p.line));
    // Sanity: the value is where the predicted range says (catches line-numbering/decoding mismatches).
    for (const p of pred) {
      const lt = widthFold(d.lines[p.line - 1] ?? '');
      const seg = lt.slice(p.range.start.character, p.range.end.line === p.range.start.line ? p.range.end.character : undefined);
      if (!seg.includes(widthFold(String(p.value)))) warnings.push(`${d.file}:${p.line}: predicted value ${p.value} not found in its range “${seg}”`);
    }
    const m = matchTargets(d.gold, pred);
    // Gold positions (for snippets and the deletion test's bookkeeping).
    const takenByLine = new Map();
    for (const { gold: g, pred: p } of m.pairs) {
      g.character = p.character;
      if (!takenByLine.has(g.line)) takenByLine.set(g.line, new Set());
      takenByLine.get(g.line).add(p.character);
    }
    for (const g of d.gold) {
      if (g.character !== undefined) continue;
      const loc = locateGold(g, d.lines[g.line - 1] ?? '', takenByLine.get(g.line) ?? new Set());
      if (loc) {
        g.character = loc.start;
        g.end = loc.end;
      } else warnings.push(`${d.labelFile}: gold value ${g.value} not found on line ${g.line}`);
    }
    const goldSnippet = (g) => {
      const lt = d.lines[g.line - 1] ?? '';
      return g.character === undefined ? lt.slice(0, 60) : snippet(lt, g.character, g.end ?? g.character + String(g.value).length);
    };
    const predSnippet = (p) => {
      const lt = d.lines[p.line - 1] ?? '';
      const end = p.range.end.line === p.range.start.line ? p.range.end.character : lt.length;
      return snippet(lt, p.range.start.character, end);
    };
    const unitAgree = m.pairs.filter(({ gold: g, pred: p }) => normUnit(g.unit) === normUnit(p.unit));
    const unitDisagree = m.pairs.filter(({ gold: g, pred: p }) => normUnit(g.unit) !== normUnit(p.unit));
    const qualAgree = m.pairs.filter(({ gold: g, pred: p }) => normQualifier(g.qualifier) === normQualifier(p.qualifier));
    const withDeadline = m.pairs.filter(({ pred: p }) => p.deadline !== null && p.deadline !== undefined);

    // Outline.
    const goldOl = goldOutline(d.lines);
    const predOl = flattenSymbols(d.outlineOut[0]?.symbols ?? []);
    const k = (s) => `${s.line}:${s.kind}`;
    const predKeys = new Set(predOl.map(k));
    const goldKeys = new Set(goldOl.map(k));
    const outline = {
      gold: goldOl.length,
      predicted: predOl.length,
      exact: goldOl.filter((s) => predKeys.has(k(s))).length,
      missing: goldOl.filter((s) => !predKeys.has(k(s))).map((s) => ({ ...s, predictedKindOnLine: predOl.find((p) => p.line === s.line)?.kind ?? null })),
      extra: predOl.filter((s) => !goldKeys.has(k(s))).map((s) => ({ ...s, goldKindOnLine: goldOl.find((g) => g.line === s.line)?.kind ?? null })),
    };

    perFile.push({
      d,
      m,
      pred,
      goldSnippet,
      predSnippet,
      unitAgree,
      unitDisagree,
      qualAgree,
      withDeadline,
      outline,
      result: {
        labels: d.labelFile,
        file: d.file,
        encoding: d.encoding,
        lineBreaks: d.crlf ? 'CRLF' : 'LF',
        labelledLines: [d.first, d.last],
        gold: d.gold.length,
        predicted: pred.length,
        truePositives: m.pairs.length,
        precision: ratio(m.pairs.length, pred.length),
        recall: ratio(m.pairs.length, d.gold.length),
        unitAgreement: { agree: unitAgree.length, total: m.pairs.length, rate: ratio(unitAgree.length, m.pairs.length) },
        qualifierAgreement: { agree: qualAgree.length, total: m.pairs.length, rate: ratio(qualAgree.length, m.pairs.length) },
        deadlinePresent: { present: withDeadline.length, total: m.pairs.length, rate: ratio(withDeadline.length, m.pairs.length) },
        misses: m.misses.map((g) => ({ line: g.line, value: g.value, unit: g.unit, qualifier: g.qualifier, indicator: g.indicator, verb: g.verb, note: g.note ?? null, snippet: goldSnippet(g) })),
        falsePositives: m.falsePositives.map((p) => ({ line: p.line, character: p.character, value: p.value, unit: p.unit, qualifier: p.qualifier, indicator: p.indicator, verb: p.verb, snippet: predSnippet(p) })),
        qualifierDisagreements: m.pairs
          .filter(({ gold: g, pred: p }) => normQualifier(g.qualifier) !== normQualifier(p.qualifier))
          .map(({ gold: g, pred: p }) => ({ line: g.line, value: g.value, goldQualifier: g.qualifier, predictedQualifier: p.qualifier, snippet: predSnippet(p) })),
        unitDisagreements: unitDisagree.map(({ gold: g, pred: p }) => ({ line: g.line, value: g.value, goldUnit: g.unit, predictedUnit: p.unit, snippet: predSnippet(p) })),
        outline,
      },
    });
  }

  // Deletion test.
  const deletion = await deletionTest(perFile, cli, opts, warnings);

  // False missing-unit on untouched reports.
  const untouchedDirs = ['provincial-2026', 'district-gbk'];
  const untouchedFiles = [];
  for (const dir of untouchedDirs) {
    const full = join(opts.corpus, dir);
    if (!existsSync(full)) {
      warnings.push(`corpus folder missing: ${full}`);
      continue;
    }
    for (const f of readdirSync(full).filter((f) => f.endsWith('.txt')).sort()) untouchedFiles.push(join(full, f));
  }
  const labelledByPath = new Map(perFile.map((pf) => [pf.d.path, pf]));
  const untouchedLint = await pool(
    untouchedFiles.map((f) => async () => (labelledByPath.get(f)?.d.lintOut ?? (await runCli(cli, ['lint', '--format', 'json', f])))),
    opts.concurrency,
  );
  const falseMissingUnit = [];
  untouchedFiles.forEach((f, i) => {
    const { lines } = splitLines(decode(readFileSync(f)).text);
    const pf = labelledByPath.get(f);
    for (const diag of untouchedLint[i][0]?.diagnostics ?? []) {
      if (diag.rule !== 'target-missing-unit') continue;
      const line = diag.range.start.line + 1;
      const lt = lines[line - 1] ?? '';
      const end = diag.range.end.line === diag.range.start.line ? diag.range.end.character : lt.length;
      let gold = null;
      if (pf && pf.d.inRange(line)) {
        const dv = normValue(lt.slice(diag.range.start.character, end));
        const g = pf.d.gold.find((g) => g.line === line && (g.character === diag.range.start.character || g.norm === dv));
        gold = g ? { value: g.value, unit: g.unit } : 'no gold target here';
      }
      falseMissingUnit.push({
        file: relative(opts.corpus, f),
        line,
        character: diag.range.start.character,
        message: diag.message,
        snippet: snippet(lt, diag.range.start.character, end),
        labelled: gold,
      });
    }
  });

  // Timing.
  let timing = null;
  if (opts.timing) {
    const dir = join(opts.corpus, 'national');
    if (existsSync(dir)) {
      const t0 = process.hrtime.bigint();
      const out = await runCli(cli, ['lint', '--format', 'json', dir]);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const bytes = out.reduce((s, r) => s + statSync(r.file).size, 0);
      const diagnostics = out.reduce((s, r) => s + r.diagnostics.length, 0);
      timing = { folder: 'national', files: out.length, bytes, ms: Math.round(ms), mbPerSecond: Math.round((bytes / 1e6 / (ms / 1000)) * 100) / 100, diagnostics, note: 'one wall-clock run of the CLI, Node start-up included' };
    } else warnings.push(`timing skipped: ${dir} not found`);
  }

  // ------------------------------------------------------------------ verbose listings
  for (const pf of perFile) {
    const r = pf.result;
    vlog(`\n=== ${r.file}  (lines ${r.labelledLines[0]}-${r.labelledLines[1]}, ${r.encoding}, ${r.lineBreaks})`);
    vlog(`  misses (${r.misses.length}) — gold targets the engine did not find:`);
    for (const g of r.misses) vlog(`    L${g.line}  ${g.value}${g.unit && !String(g.value).includes(g.unit) ? ` [${g.unit}]` : ''}  ${g.indicator ?? ''}${g.note ? `  (${g.note})` : ''}\n          ${g.snippet}`);
    vlog(`  false positives (${r.falsePositives.length}) — predictions with no gold target:`);
    for (const p of r.falsePositives) vlog(`    L${p.line}  ${p.value} [${p.unit ?? '∅'}]  indicator=${p.indicator || '∅'} verb=${p.verb ?? '∅'}\n          ${p.snippet}`);
    vlog(`  unit disagreements (${r.unitDisagreements.length}):`);
    for (const u of r.unitDisagreements) vlog(`    L${u.line}  ${u.value}  gold=${u.goldUnit ?? '∅'} predicted=${u.predictedUnit ?? '∅'}\n          ${u.snippet}`);
    if (r.qualifierDisagreements.length) vlog(`  qualifier disagreements (${r.qualifierDisagreements.length}):`);
    for (const q of r.qualifierDisagreements) vlog(`    L${q.line}  ${q.value}  gold=${q.goldQualifier ?? '∅'} predicted=${q.predictedQualifier ?? '∅'}\n          ${q.snippet}`);
    const del = deletion.perFile[r.file];
    vlog(`  deletion test: ${del.flagged}/${del.total} flagged`);
    for (const c of del.cases.filter((c) => !c.flagged)) vlog(`    L${c.line}  ${c.removed} → ${c.newText}  NOT FLAGGED — ${c.after}\n          ${c.modifiedSnippet}`);
    for (const c of del.skipped) vlog(`    L${c.line}  ${c.value} [${c.unit}]  skipped: ${c.reason}`);
    if (r.outline.missing.length || r.outline.extra.length) {
      vlog(`  outline: missing ${r.outline.missing.length}, extra ${r.outline.extra.length}`);
      for (const s of r.outline.missing) vlog(`    missing L${s.line} ${s.kind}${s.predictedKindOnLine ? ` (engine: ${s.predictedKindOnLine})` : ''}  ${s.text}`);
      for (const s of r.outline.extra) vlog(`    extra   L${s.line} ${s.kind}${s.goldKindOnLine ? ` (gold: ${s.goldKindOnLine})` : ''}  ${s.text}`);
    }
  }

  // ------------------------------------------------------------------ summary
  const tot = { gold: 0, predicted: 0, tp: 0, unitAgree: 0, qualAgree: 0, deadline: 0, delFlagged: 0, delTotal: 0, delSkipped: 0 };
  const rows = [['file', 'gold', 'pred', 'TP', 'precision', 'recall', 'F1', 'unit agr.', 'deletion']];
  for (const pf of perFile) {
    const r = pf.result;
    const del = deletion.perFile[r.file];
    tot.gold += r.gold;
    tot.predicted += r.predicted;
    tot.tp += r.truePositives;
    tot.unitAgree += r.unitAgreement.agree;
    tot.qualAgree += r.qualifierAgreement.agree;
    tot.deadline += r.deadlinePresent.present;
    tot.delFlagged += del.flagged;
    tot.delTotal += del.total;
    tot.delSkipped += del.skipped.length;
    r.deletion = { flagged: del.flagged, total: del.total, rate: ratio(del.flagged, del.total), skipped: del.skipped.length };
    const f1 = r.gold + r.predicted ? pct(2 * r.truePositives, r.gold + r.predicted) : '—';
    rows.push([r.file, r.gold, r.predicted, r.truePositives, pct(r.truePositives, r.predicted), pct(r.truePositives, r.gold), f1, `${r.unitAgreement.agree}/${r.truePositives}`, `${del.flagged}/${del.total} ${pct(del.flagged, del.total)}`]);
  }
  rows.push(['TOTAL', tot.gold, tot.predicted, tot.tp, pct(tot.tp, tot.predicted), pct(tot.tp, tot.gold), pct(2 * tot.tp, tot.gold + tot.predicted), `${tot.unitAgree}/${tot.tp} ${pct(tot.unitAgree, tot.tp)}`, `${tot.delFlagged}/${tot.delTotal} ${pct(tot.delFlagged, tot.delTotal)}`]);

  log('\nTargets (labelled lines only; match = same line + same normalised value, one to one)');
  log(table(rows));
  log(`  qualifier agreement on matches: ${tot.qualAgree}/${tot.tp} ${pct(tot.qualAgree, tot.tp)}   deadline present on matches: ${tot.deadline}/${tot.tp} ${pct(tot.deadline, tot.tp)} (informational)`);
  const delRate = tot.delTotal ? tot.delFlagged / tot.delTotal : 0;
  log(`  deletion test: ${tot.delFlagged}/${tot.delTotal} = ${pct(tot.delFlagged, tot.delTotal)} flagged (requirement ≥ 95%: ${delRate >= 0.95 ? 'PASS' : 'FAIL'})${tot.delSkipped ? `, ${tot.delSkipped} skipped` : ''}; ${deletion.runs} modified texts, each run through lint and targets (${deletion.mode})`);
  if (deletion.preFlagged) log(`  note: ${deletion.preFlagged} deletion cases were already flagged in the untouched file`);

  const orows = [['file', 'gold', 'engine', 'exact', 'missing', 'extra']];
  const otot = { gold: 0, predicted: 0, exact: 0, missing: 0, extra: 0 };
  for (const pf of perFile) {
    const o = pf.result.outline;
    orows.push([pf.result.file, o.gold, o.predicted, o.exact, o.missing.length, o.extra.length]);
    otot.gold += o.gold;
    otot.predicted += o.predicted;
    otot.exact += o.exact;
    otot.missing += o.missing.length;
    otot.extra += o.extra.length;
  }
  orows.push(['TOTAL', otot.gold, otot.predicted, otot.exact, otot.missing, otot.extra]);
  log('\nOutline (parts 一、 and sections （一）, whole file; exact = same line and kind)');
  log(table(orows));

  log(`\ntarget-missing-unit on untouched reports (${untouchedDirs.join(', ')}): ${falseMissingUnit.length} — candidate false positives`);
  for (const f of falseMissingUnit) {
    const lab = f.labelled === null ? '' : typeof f.labelled === 'string' ? `  [labelled: ${f.labelled}]` : `  [labelled: ${f.labelled.value} ${f.labelled.unit ?? '∅'}]`;
    log(`  ${f.file}:${f.line}  ${f.snippet}${lab}`);
  }

  if (timing) log(`\nTiming: lint national/ (${timing.files} files, ${(timing.bytes / 1e6).toFixed(2)} MB): ${timing.ms} ms, ${timing.mbPerSecond} MB/s`);
  if (warnings.length) {
    log(`\nWarnings (${warnings.length}):`);
    for (const w of warnings) log(`  ${w}`);
  }
  log(`\nCLI: ${relative(REPO, opts.cli)} sha256 ${snap.sha.slice(0, 12)}${opts.verbose ? '' : '   (--verbose lists misses, false positives and failures)'}`);

  return {
    cli: { path: relative(REPO, opts.cli), sha256: snap.sha, modelSha256: snap.modelSha },
    corpus: opts.corpus,
    matching: 'same 1-based line, value equal after normalisation (spaces removed, full-width → ASCII, range joiners unified, % removed); one-to-one, pairing within a line maximises unit/qualifier/indicator agreement',
    totals: {
      gold: tot.gold,
      predicted: tot.predicted,
      truePositives: tot.tp,
      precision: ratio(tot.tp, tot.predicted),
      recall: ratio(tot.tp, tot.gold),
      f1: ratio(2 * tot.tp, tot.gold + tot.predicted),
      unitAgreement: { agree: tot.unitAgree, total: tot.tp, rate: ratio(tot.unitAgree, tot.tp) },
      qualifierAgreement: { agree: tot.qualAgree, total: tot.tp, rate: ratio(tot.qualAgree, tot.tp) },
      deadlinePresent: { present: tot.deadline, total: tot.tp, rate: ratio(tot.deadline, tot.tp) },
      deletion: { flagged: tot.delFlagged, total: tot.delTotal, rate: ratio(tot.delFlagged, tot.delTotal), skipped: tot.delSkipped, requirement: 0.95, pass: delRate >= 0.95 },
      outline: otot,
    },
    files: perFile.map((pf) => ({ ...pf.result, deletionCases: deletion.perFile[pf.result.file] })),
    deletionMethod: { mode: deletion.mode, modifiedTexts: deletion.runs, preFlagged: deletion.preFlagged },
    falseMissingUnit: { files: untouchedFiles.map((f) => relative(opts.corpus, f)), count: falseMissingUnit.length, diagnostics: falseMissingUnit },
    timing,
    warnings,
  };
}

/** Deletes the unit of every matched target that has a predicted unit and lints the result.
 *  Batched: one modified text holds at most one deletion per line (paragraphs are analysed apart). */
async function deletionTest(perFile, cli, opts, warnings) {
  const perFileOut = {};
  const jobs = [];
  let preFlagged = 0;
  for (const pf of perFile) {
    const { d } = pf;
    const baseline = (d.lintOut[0]?.diagnostics ?? []).filter((x) => x.rule === 'target-missing-unit');
    const cases = [];
    const skipped = [];
    for (const { gold: g, pred: p } of pf.m.pairs) {
      if (normUnit(p.unit) === null) continue;
      const lineText = d.lines[p.line - 1];
      const e = deletionEdit(p, lineText, g.unit);
      if (e.skip) {
        skipped.push({ line: p.line, value: p.value, unit: p.unit, reason: e.skip });
        continue;
      }
      const line0 = p.line - 1;
      const pre = baseline.some((x) => overlapsValue(x, line0, e.valueStart, e.valueEnd + (e.end - e.start - e.newText.length)));
      if (pre) preFlagged++;
      cases.push({ line: p.line, line0, value: p.value, unit: p.unit, goldUnit: g.unit, deletedUnit: e.unitSource, removed: e.removed, newText: e.newText, edit: e, preFlagged: pre });
    }
    // Batches: the k-th case of each line goes into batch k.
    const batches = [];
    if (opts.deletionSingle) for (const c of cases) batches.push([c]);
    else {
      const seen = new Map();
      for (const c of cases) {
        const k = seen.get(c.line) ?? 0;
        seen.set(c.line, k + 1);
        (batches[k] ??= []).push(c);
      }
    }
    for (const batch of batches) {
      const lines = d.lines.slice();
      for (const c of batch) {
        const lt = lines[c.line0];
        lines[c.line0] = lt.slice(0, c.edit.start) + c.edit.newText + lt.slice(c.edit.end);
        c.modifiedSnippet = snippet(lines[c.line0], c.edit.valueStart, c.edit.valueEnd);
      }
      const text = joinLines(lines, d.breaks);
      jobs.push(async () => {
        const [lint, targets] = await Promise.all([
          runCli(cli, ['lint', '--format', 'json', '-'], text),
          runCli(cli, ['targets', '--format', 'json', '-'], text),
        ]);
        const diags = (lint[0]?.diagnostics ?? []).filter((x) => x.rule === 'target-missing-unit');
        const tgs = targets[0]?.targets ?? [];
        for (const c of batch) {
          const { valueStart: s, valueEnd: e } = c.edit;
          c.flagged = diags.some((x) => overlapsValue(x, c.line0, s, e));
          if (!c.flagged) {
            // Why not: what the engine now reads at that position.
            const t = tgs.find((t) => t.range.start.line === c.line0 && t.range.start.character < e && (t.range.end.line > c.line0 || t.range.end.character > s));
            const near = diags.find((x) => x.range.start.line === c.line0);
            c.after = t
              ? `still a target: value ${t.value}, unit ${t.unit ?? '∅'}${t.problems?.length ? `, problems ${t.problems.join(',')}` : ''}`
              : near
                ? `no target at the value; a missing-unit diagnostic elsewhere on the line (char ${near.range.start.character})`
                : 'no target extracted at the value';
          }
        }
      });
    }
    perFileOut[d.file] = { cases, skipped, batches: batches.length };
  }
  const runs = jobs.length;
  // Lint and targets of a batch run together, so at most `concurrency` batches at once means 2× processes; halve.
  await pool(jobs, Math.max(1, Math.floor(opts.concurrency / 2)));
  const out = {};
  for (const [file, { cases, skipped }] of Object.entries(perFileOut)) {
    out[file] = {
      flagged: cases.filter((c) => c.flagged).length,
      total: cases.length,
      cases: cases.map(({ edit, line0, ...c }) => ({ ...c, character: edit.valueStart })),
      skipped,
    };
  }
  return { perFile: out, runs, mode: opts.deletionSingle ? 'one deletion per run' : 'batched: at most one deletion per line per run', preFlagged };
}

function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => '  ' + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  const sep = '  ' + w.map((n) => '-'.repeat(n)).join('  ');
  return [fmt(rows[0]), sep, ...rows.slice(1, -1).map(fmt), sep, fmt(rows[rows.length - 1])].join('\n');
}

main().catch((e) => {
  console.error(`eval-targets: ${e.stack ?? e}`);
  process.exit(1);
});
