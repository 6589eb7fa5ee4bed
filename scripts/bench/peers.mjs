// The linters a user would pick instead of workreport, run over the same folder: autocorrect-node
// (Rust via N-API: its JS API in one child process, and its own CLI) and textlint with the Chinese
// and CJK rules in bench/peers/.textlintrc.json. They live in bench/peers/ with their own lockfile,
// installed here on first use, so they never enter the extension's dependencies or its .vsix.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeProcess } from './measure.mjs';

export function peersDir(root) {
  return join(root, 'bench', 'peers');
}

/** `npm ci` in bench/peers when its node_modules is missing; the versions come from its lockfile. */
export function ensurePeers(root) {
  const dir = peersDir(root);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return;
  console.error('bench: installing the peers (npm ci --prefix bench/peers) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(npm, ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    throw new Error(`bench: could not install the peers in ${dir} (${e.message}); run \`npm ci --prefix bench/peers\` by hand or leave out the peers section.`);
  }
}

/** Installed versions, for the report. */
export function peerVersions(root) {
  const dir = join(peersDir(root), 'node_modules');
  const version = (name) => JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).version;
  const rc = JSON.parse(readFileSync(join(peersDir(root), '.textlintrc.json'), 'utf8'));
  const rules = Object.keys(rc.rules);
  const rulePackage = (id) => (id.startsWith('@') ? id.replace('/', '/textlint-rule-') : `textlint-rule-${id}`);
  return {
    'autocorrect-node': version('autocorrect-node'),
    textlint: version('textlint'),
    textlintRules: Object.fromEntries(rules.map((id) => [rulePackage(id), version(rulePackage(id))])),
  };
}

/**
 * Contenders for `alternate`, each timed from process start to exit over the whole folder.
 * textlint is 10–50× slower than the others, so it gets at most three rounds.
 */
export function peerContenders(root, folder) {
  const dir = peersDir(root);
  const bin = (name) => join(dir, 'node_modules', '.bin', name);
  return [
    {
      name: 'autocorrect-node API',
      run: () => {
        const { ms, stdout } = timeProcess('autocorrect-node API', process.execPath, [join(root, 'scripts', 'bench', 'autocorrect-api.cjs'), folder], { cwd: dir, ok: [0], stdout: 'pipe' });
        return { ms, inner: JSON.parse(stdout.toString()) };
      },
    },
    {
      name: 'autocorrect CLI',
      run: () => ({ ms: timeProcess('autocorrect CLI', bin('autocorrect'), ['--lint', '--format', 'json', '--quiet', folder], { cwd: dir }).ms }),
    },
    {
      name: 'textlint CLI',
      maxRuns: 3,
      run: () => ({ ms: timeProcess('textlint CLI', bin('textlint'), ['--config', join(dir, '.textlintrc.json'), '--format', 'json', folder], { cwd: dir }).ms }),
    },
  ];
}
