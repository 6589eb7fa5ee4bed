// Packaging: `npm run package` (scripts/package.mjs over the bundles that `npm test` has just built)
// makes a .vsix within the 2 MB budget, with the bundles and without node_modules.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('packaging (.vsix)', function () {
  this.timeout(120_000);

  it('packs the bundles, manifest, grammar and translations into a .vsix of at most 2 MB, without node_modules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-vsix-'));
    const vsix = path.join(dir, 'workreport.vsix');
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      // The script fails on node_modules, a missing manifest file or an oversize package; its
      // summary says what it checked.
      assert.match(r.stdout, /no node_modules/);
      assert.ok(fs.statSync(vsix).size <= 2_000_000, `${fs.statSync(vsix).size} bytes`);
      for (const file of ['dist/client.js', 'dist/languageClient.js', 'dist/server.js', 'dist/default-model.json', 'syntaxes/workreport.tmLanguage.json', 'l10n/bundle.l10n.zh-cn.json']) {
        assert.ok(r.stdout.includes(path.basename(file)), `${file} is listed as packaged`);
      }
      assert.doesNotMatch(r.stdout, /\.map\b|\.ts\b|node_modules\//);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
