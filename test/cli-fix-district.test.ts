// --fix on real GBK reports with CRLF line endings: the district reports of the shared corpus
// (read from ../shared, copied to a temporary folder, never into the repository). The file written
// back is the fixed text in GBK with CRLF, and outside the fixed ranges every byte is the original's.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { analyzeReport, applyFixes, lintReport, RULES, type Diagnostic, type TextEdit } from '../server/src/engine';
import { loadModel } from '../server/src/node/model';
import { checkOutsideUnchanged } from './fuzz/invariants';
import { CLI, ROOT, tempDir } from './helpers';

const DISTRICT = path.join(ROOT, '..', 'shared', 'corpus', 'district-gbk');
const SAFE = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));

/** The edits of one --fix pass: each safe diagnostic's preferred fix, whole, skipping any that touches one taken. */
function safeEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes = diagnostics.filter((d) => SAFE.has(d.rule)).flatMap((d) => (d.fixes.find((x) => x.preferred) ?? d.fixes[0]) ?? []);
  fixes.sort((a, b) => Math.min(...a.edits.map((e) => e.span.start)) - Math.min(...b.edits.map((e) => e.span.start)));
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => e.span.start === t.span.start || (e.span.start < t.span.end && t.span.start < e.span.end)));
    // A line break a fix inserts follows the file's CRLF.
    if (!clash) taken.push(...fix.edits.map((e) => ({ span: e.span, newText: e.newText.replace(/\r\n|\r|\n/g, '\r\n') })));
  }
  return taken;
}

describe('cli: --fix on the GBK/CRLF district reports of the shared corpus', function () {
  this.timeout(60000);

  it('writes back GBK with CRLF, byte-identical outside the fixed ranges', function () {
    if (!fs.existsSync(DISTRICT)) this.skip(); // ../shared/corpus is not beside this checkout
    const names = fs.readdirSync(DISTRICT).filter((f) => f.endsWith('.txt')).sort();
    assert.ok(names.length > 0);
    const { dir, cleanup } = tempDir('workreport-district-');
    try {
      for (const f of names) fs.copyFileSync(path.join(DISTRICT, f), path.join(dir, f));
      const r = spawnSync(process.execPath, [CLI, 'lint', '--fix', '-f', 'json', ...names], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
      assert.notEqual(r.status, 2, r.stderr);

      // The same passes in the test, over the text as GBK decodes it (iconv here, not the CLI's decoder).
      const model = loadModel(path.join(ROOT, 'dist', 'default-model.json'));
      let total = 0;
      for (const f of names) {
        const original = fs.readFileSync(path.join(DISTRICT, f));
        const written = fs.readFileSync(path.join(dir, f));
        const text = iconv.decode(original, 'gbk');
        assert.deepEqual(iconv.encode(text, 'gbk'), original, `${f} is plain GBK`);

        // Pass by pass, only the text inside that pass's fixes changes…
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const edits = safeEdits(lintReport(analyzeReport(current, { model })));
          if (edits.length === 0) break;
          const next = applyFixes(current, edits).text;
          checkOutsideUnchanged(current, next, edits);
          if (next === current) break;
          total += edits.length;
          current = next;
        }
        // …and the file holds exactly that text in GBK: every other byte, CRLF included, is the original's.
        assert.deepEqual(written, iconv.encode(current, 'gbk'), `${f}: the bytes written are the fixed text in GBK`);
        assert.equal(written.toString('latin1').match(/\r\n/g)?.length, original.toString('latin1').match(/\r\n/g)?.length, `${f}: every line still ends with CRLF`);
        assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(written.toString('latin1')), `${f}: no bare CR or LF`);
      }
      assert.ok(total > 0, 'the reports had something to fix');
      assert.match(r.stderr, /applied \d+ safe fixes in/);
    } finally {
      cleanup();
    }
  });
});
