// The CLI's two speed devices must never change what a user sees: linting on several threads
// (--jobs) and starting from V8's code cache (dist/cli.js, server/src/cli/launcher.ts). Speed
// itself is measured by npm run bench, never here.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARALLEL_MIN_CHARS } from '../server/src/cli/parallel/pool';
import { LONG_RUN_CHARS, planLint } from '../server/src/cli/parallel/tiering';
import { runCli, SEEDS, tempDir } from './helpers';

const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

describe('cli: lint on several threads (--jobs)', function () {
  this.timeout(120000);
  let folder: ReturnType<typeof tempDir>;

  before(() => {
    // Copies of the seed reports, enough text that two threads are used (the pool's threshold).
    folder = tempDir();
    let chars = 0;
    for (let copy = 0; chars < PARALLEL_MIN_CHARS * 1.2; copy++) {
      for (const f of seeds) {
        const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
        fs.writeFileSync(path.join(folder.dir, `${copy}-${f}`), text);
        chars += text.length;
      }
    }
  });
  after(() => folder.cleanup());

  it('reports exactly what one thread reports, file by file, in the same order', () => {
    const one = runCli(['lint', folder.dir, '--format', 'json', '--jobs', '1']);
    const two = runCli(['lint', folder.dir, '--format', 'json', '--jobs', '2']);
    assert.equal(two.code, one.code);
    assert.equal(two.stderr, one.stderr);
    const files = JSON.parse(two.stdout) as Array<{ file: string; diagnostics: unknown[] }>;
    assert.ok(files.length > seeds.length, 'several copies were linted');
    assert.ok(files.some((f) => f.diagnostics.length > 0), 'the seeds have findings to compare');
    assert.equal(two.stdout, one.stdout);
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = runCli(['lint', path.join(SEEDS, seeds[0]), '--jobs', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, new RegExp(`--jobs.*${bad.replace('.', '\\.')}`));
    }
  });
});

describe('cli: threads and compiler for a lint run (planLint)', () => {
  const reports = (n: number, size: number) => Array.from({ length: n }, () => size);

  it('lints a short run on every core, without TurboFan', () => {
    assert.deepEqual(planLint(reports(52, 21_000), undefined, 4), { threads: 4, turbofan: false });
    assert.deepEqual(planLint(reports(1, 10_000), undefined, 2), { threads: 2, turbofan: false });
  });

  it('keeps TurboFan, and a core for it, when one thread would lint a long run', () => {
    assert.deepEqual(planLint(reports(1, LONG_RUN_CHARS), undefined, 4), { threads: 3, turbofan: true }, 'one huge report cannot be shared');
    assert.deepEqual(planLint(reports(100, LONG_RUN_CHARS / 40), undefined, 2), { threads: 1, turbofan: true }, 'two threads would each lint 1.25× the limit');
    assert.deepEqual(planLint(reports(100, LONG_RUN_CHARS / 60), undefined, 2), { threads: 2, turbofan: false }, 'shared by two threads, each share is short');
  });

  it('takes --jobs as given, and judges the run by it', () => {
    assert.deepEqual(planLint(reports(100, LONG_RUN_CHARS / 60), 1, 2), { threads: 1, turbofan: true });
    assert.deepEqual(planLint(reports(100, LONG_RUN_CHARS / 60), 8, 2), { threads: 8, turbofan: false });
    assert.deepEqual(planLint(reports(1, 1000), 1, 1), { threads: 1, turbofan: false });
  });
});

describe('cli: start from the code cache', function () {
  this.timeout(60000);

  it('writes its cache on the first run and gives the same report from it, or from a damaged one', () => {
    const tmp = tempDir();
    try {
      const env = { TMPDIR: tmp.dir };
      const report = path.join(SEEDS, seeds[0]);
      const first = runCli(['lint', report, '--format', 'json'], { env });
      const cacheDir = fs.readdirSync(tmp.dir).find((d) => d.startsWith('workreport-code-cache-'));
      assert.ok(cacheDir, 'a cache folder in the temp folder');
      const caches = fs.readdirSync(path.join(tmp.dir, cacheDir));
      assert.equal(caches.filter((f) => f.endsWith('.analysis')).length, 1, caches.join(', '));
      const written = fs.statSync(path.join(tmp.dir, cacheDir, caches[0])).mtimeMs;
      const second = runCli(['lint', report, '--format', 'json'], { env });
      assert.deepEqual(second, first);
      // The lint ran with TurboFan off (a short run); V8 ties a cache to the flags, so had they not
      // been restored before exit, this run would have refused the cache and written it again.
      assert.equal(fs.statSync(path.join(tmp.dir, cacheDir, caches[0])).mtimeMs, written, 'the second run used the cache');
      // A damaged cache is refused by V8: the run compiles afresh and says the same.
      fs.writeFileSync(path.join(tmp.dir, cacheDir, caches[0]), Buffer.from('not a code cache'));
      const third = runCli(['lint', report, '--format', 'json'], { env });
      assert.deepEqual(third, first);
    } finally {
      tmp.cleanup();
    }
  });
});
