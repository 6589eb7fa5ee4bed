// `npm run bench` is a script, not a test: speed is never asserted. This only checks that the
// script runs end to end on a tiny corpus of our own and writes the JSON it promises (the peers are
// left out: they are installed from the registry on first use).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

const BENCH = path.join(ROOT, 'scripts', 'bench.mjs');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'bench');

describe('npm run bench (smoke)', function () {
  this.timeout(180_000);

  it('measures the CLI, the server and training on a small corpus, prints the table and writes JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-bench-'));
    const out = path.join(dir, 'bench.json');
    const r = spawnSync(process.execPath, [BENCH, '--only', 'cli,server,train', '--runs', '1', '--edits', '2', '--pause', '0', '--corpus', CORPUS, '--json', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\| measurement \| figure \| ratio \| budget \| result \|/);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(result.sections, ['cli', 'server', 'train']);
    assert.equal(result.corpus.files, 2);
    assert.ok(result.throughput['workreport CLI'].mbPerS > 0);
    assert.ok(result.endToEnd.ms > 0);
    for (const size of ['10 KB', '100 KB', '1 MB']) {
      const d = result.server.documents[size];
      assert.equal(d.oneChar.count, 2, size);
      assert.ok(d.oneChar.median > 0 && d.paste.median > 0, size);
    }
    assert.ok(result.server.memory.rssMb > 0);
    assert.ok(result.training.seedsMs > 0 && result.training.corpusMs > 0);
    // Every budget row has a verdict, and every row is in the printed table.
    for (const row of result.rows) {
      if (row.budget) assert.equal(typeof row.pass, 'boolean', row.name);
      assert.ok(r.stdout.includes(row.name), row.name);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown section with a clear message', () => {
    const r = spawnSync(process.execPath, [BENCH, '--only', 'gpu', '--corpus', CORPUS], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown section gpu/);
  });
});
