// Where the time goes in a V8 CPU profile (`node --cpu-prof …`): self time summed by function, by
// source file and by folder, with positions in the bundles (dist/*.js) mapped back to server/src/… through
// their source maps (Node's own module.SourceMap, no dependency).
//   node scripts/profile-summary.mjs PROFILE.cpuprofile|DIR [--top N] [--json]
// A DIR means the newest .cpuprofile in it (the names --cpu-prof picks carry a timestamp).
// Example: node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli.js lint ../shared/corpus/national
//          node scripts/profile-summary.mjs /tmp/prof
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/profile-summary.mjs PROFILE.cpuprofile|DIR [--top N] [--json]');
  process.exit(2);
}

function profilePath(p) {
  if (!existsSync(p)) throw new Error(`profile-summary: ${p} does not exist`);
  if (!statSync(p).isDirectory()) return p;
  const found = readdirSync(p)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(p, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error(`profile-summary: no .cpuprofile in ${p}`);
  return found[0];
}

/** Source maps of the scripts in the profile, loaded once each (null when a script has none). */
const maps = new Map();
function sourceMapFor(url) {
  if (!maps.has(url)) {
    let map = null;
    if (url.startsWith('file://')) {
      const mapFile = fileURLToPath(url) + '.map';
      if (existsSync(mapFile)) map = { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: dirname(mapFile) };
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** Where a profiled function was written: original file and line when a source map knows it. */
function origin(frame) {
  const { url, lineNumber, columnNumber, functionName } = frame;
  // Compiled regular expressions run as code of their own, named after their pattern.
  if (functionName.startsWith('RegExp: ')) return { file: '(regexp)', line: 0 };
  if (!url) return { file: functionName.startsWith('(') ? functionName : '(native)', line: 0 };
  const sm = sourceMapFor(url);
  if (sm) {
    const entry = sm.map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) return { file: relative(process.cwd(), resolve(sm.dir, entry.originalSource.replace(/^file:\/\//, ''))), line: entry.originalLine + 1 };
  }
  const file = url.startsWith('file://') ? relative(process.cwd(), fileURLToPath(url)) : url;
  return { file, line: lineNumber + 1 };
}

function summarise(profile) {
  // Each sample lasts until the next one; the last one until the profile's end.
  const selfUs = new Map();
  let t = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (t += d));
  profile.samples.forEach((id, i) => {
    const until = i + 1 < stamps.length ? stamps[i + 1] : profile.endTime;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, until - stamps[i]));
  });
  const byFunction = new Map();
  const byFile = new Map();
  const byFolder = new Map();
  const add = (table, key, us, extra) => table.set(key, { ...extra, ms: (table.get(key)?.ms ?? 0) + us / 1000 });
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { file, line } = origin(node.callFrame);
    const fullName = node.callFrame.functionName || '(anonymous)';
    const name = fullName.length > 60 ? `${fullName.slice(0, 57)}…` : fullName;
    const where = line ? `${file}:${line}` : file;
    add(byFunction, `${fullName}\t${where}`, us, { name, where });
    add(byFile, file, us, { file });
    add(byFolder, file.includes('/') ? dirname(file) : file, us, { folder: file.includes('/') ? dirname(file) : file });
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const ranked = (table) => [...table.values()].sort((a, b) => b.ms - a.ms).map((r) => ({ ...r, share: r.ms / total }));
  return { totalMs: total, samples: profile.samples.length, functions: ranked(byFunction), files: ranked(byFile), folders: ranked(byFolder) };
}

try {
  const file = profilePath(positionals[0]);
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const top = Number(args.top);
  if (args.json) {
    console.log(JSON.stringify({ profile: file, ...summary, functions: summary.functions.slice(0, top), files: summary.files.slice(0, top), folders: summary.folders.slice(0, top) }, null, 2));
  } else {
    const pct = (x) => `${(x * 100).toFixed(1)}%`;
    console.log(`${file}: ${summary.totalMs.toFixed(0)} ms, ${summary.samples} samples\n`);
    console.log(`| self ms | share | function | where |\n|---:|---:|---|---|`);
    for (const f of summary.functions.slice(0, top)) console.log(`| ${f.ms.toFixed(0)} | ${pct(f.share)} | ${f.name} | ${f.where} |`);
    console.log(`\n| self ms | share | source file |\n|---:|---:|---|`);
    for (const f of summary.files.slice(0, top)) console.log(`| ${f.ms.toFixed(0)} | ${pct(f.share)} | ${f.file} |`);
    console.log(`\n| self ms | share | folder |\n|---:|---:|---|`);
    for (const f of summary.folders.slice(0, top)) console.log(`| ${f.ms.toFixed(0)} | ${pct(f.share)} | ${f.folder} |`);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
