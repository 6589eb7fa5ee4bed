// Packages the VS Code extension as a .vsix with @vscode/vsce from the esbuild bundles in dist/
// (`npm run package` builds them first), then checks what went in: the size budget (PRODUCT.md:
// ≤ 2 MB), no node_modules (the bundles are self-contained), and every file the manifest names.
// Usage: node scripts/package.mjs [--out FILE]. Exits non-zero when packaging or a check fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_BYTES = 2_000_000;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? process.argv[outIndex + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

for (const bundle of ['dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/default-model.json']) {
  if (!existsSync(join(root, bundle))) fail(`${bundle} is missing: run \`npm run build\` first (\`npm run package\` does).`);
}

try {
  // --no-dependencies: nothing from node_modules, the bundles carry what they use. --skip-license:
  // the manifest's "license" field names the licence; there is no LICENSE file to ship.
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '--out', out], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} catch {
  fail('vsce package failed (see above).');
}

const entries = zipEntries(readFileSync(out));
const size = statSync(out).size;
const problems = [];
if (size > BUDGET_BYTES) problems.push(`${out} is ${size} bytes, over the budget of ${BUDGET_BYTES}`);
for (const name of entries) if (name.split('/').includes('node_modules')) problems.push(`${name}: node_modules must not be packaged`);
for (const file of manifestFiles(pkg)) {
  const inVsix = entries.includes(`extension/${file}`);
  if (!existsSync(join(root, file))) console.warn(`package: warning: the manifest names ${file}, which does not exist yet`);
  else if (!inVsix) problems.push(`${file} is named by the manifest but not packaged (add it to .vscodeignore's allowlist)`);
}
if (problems.length) fail(problems.join('\n         '));
console.log(`package: ${out} — ${size} bytes (budget ${BUDGET_BYTES}), ${entries.length} files, no node_modules`);

/** Files the manifest points at, relative to the extension root. */
function manifestFiles(manifest) {
  const c = manifest.contributes ?? {};
  const local = (p) => (p && !/^[a-z]+:/i.test(p) ? posix.normalize(p.replace(/^\.\//, '')) : undefined);
  const files = [
    manifest.main, manifest.icon, 'dist/languageClient.js', 'dist/server.js', 'dist/default-model.json', 'package.nls.json',
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    ...(c.jsonValidation ?? []).map((j) => j.url),
  ];
  const l10n = manifest.l10n && join(root, manifest.l10n);
  if (l10n && existsSync(l10n)) for (const lang of ['zh-cn']) files.push(posix.join(local(manifest.l10n), `bundle.l10n.${lang}.json`));
  for (const lang of ['zh-cn']) files.push(`package.nls.${lang}.json`);
  return [...new Set(files.map(local).filter(Boolean))];
}

/** The names in a zip's central directory (APPNOTE.TXT §4.3.12, §4.3.16). */
function zipEntries(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) fail(`${out} is not a zip file`);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) fail(`${out}: broken central directory`);
    const nameLength = buf.readUInt16LE(at + 28), extraLength = buf.readUInt16LE(at + 30), commentLength = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
