// Child process for the bench: lints every report in a folder with autocorrect-node's JS API
// (lintFor), the way a Node tool would embed it, and prints how long the lint loop took and what
// it found. Run with cwd bench/peers so that the peer resolves from there.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createRequire } = require('node:module');

const folder = process.argv[2];
const autocorrect = createRequire(join(process.cwd(), 'package.json'))('autocorrect-node');
const t0 = performance.now();
let findings = 0;
let files = 0;
for (const name of readdirSync(folder).sort()) {
  if (!/\.(txt|wr|md)$/.test(name)) continue;
  const result = autocorrect.lintFor(readFileSync(join(folder, name), 'utf8'), name);
  if (result.error) throw new Error(`${name}: ${result.error}`);
  findings += result.lines.length;
  files++;
}
process.stdout.write(JSON.stringify({ lintMs: performance.now() - t0, files, findings }));
