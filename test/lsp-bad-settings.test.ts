// The server on bad configuration files and bad models: each is named with its problem once
// (window/showMessage, in the editor's language), the document is linted with the defaults, and
// the server keeps serving. A pipe named as the model must not block it (it used to: the model was
// read with a blocking read in the server's only thread).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempDir, writeFiles } from './helpers';
import { LspTestClient, REPORT, uriOf } from './lspHarness';

const DEADLINE = 'target-missing-deadline';

describe('lsp: bad configuration files and models', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempDir>;
  let client: LspTestClient | undefined;
  beforeEach(() => (ws = tempDir('workreport-lsp-bad-')));
  afterEach(() => {
    client?.kill();
    client = undefined;
    ws.cleanup();
  });

  const CASES: Record<string, { files: Record<string, string | Buffer>; problem: { en: RegExp; zh: RegExp }; file: string }> = {
    'config: not JSON': { files: { '.workreportrc.json': '{ "rules": ' }, file: '.workreportrc.json', problem: { en: /line 1, column 12: value expected/, zh: /第 1 行/ } },
    'config: not an object': { files: { '.workreportrc.json': '[1, 2]' }, file: '.workreportrc.json', problem: { en: /expected an object/, zh: /对象/ } },
    'config: extends a file that is missing': { files: { '.workreportrc.json': '{ "extends": "./base.json" }' }, file: '.workreportrc.json', problem: { en: /cannot read \.\/base\.json \(ENOENT\)/, zh: /ENOENT/ } },
    'model: of another version': { files: { '.workreportrc.json': '{ "model": "m.json" }', 'm.json': JSON.stringify({ format: 'workreport-model', version: 99 }) }, file: 'm.json', problem: { en: /version 99 is not supported/, zh: /不支持模型版本 99/ } },
    'model: of another shape': { files: { '.workreportrc.json': '{ "model": "m.json" }', 'm.json': JSON.stringify({ format: 'workreport-model', version: 1, units: 'kg' }) }, file: 'm.json', problem: { en: /"magnitudes" must be an array/, zh: /“magnitudes” 应为数组/ } },
    'model: binary bytes': { files: { '.workreportrc.json': '{ "model": "m.json" }', 'm.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]) }, file: 'm.json', problem: { en: /not valid JSON/, zh: /不是有效的 JSON/ } },
    'model: a folder': { files: { '.workreportrc.json': '{ "model": "m.json" }', 'm.json/x': '' }, file: 'm.json', problem: { en: /EISDIR/, zh: /EISDIR/ } },
    'model: a pipe': { files: { '.workreportrc.json': '{ "model": "m.json" }' }, file: 'm.json', problem: { en: /ENOTREG/, zh: /ENOTREG/ } },
  };

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: names the file and the problem once for each, lints with the defaults, and keeps serving`, async () => {
      const names = Object.keys(CASES);
      names.forEach((name, i) => writeFiles(path.join(ws.dir, `c${i}`), { ...CASES[name].files, 'report.txt': REPORT }));
      const pipe = names.indexOf('model: a pipe');
      assert.equal(spawnSync('mkfifo', [path.join(ws.dir, `c${pipe}`, 'm.json')]).status, 0);

      client = await LspTestClient.start({ workspaceFolder: ws.dir, locale: lang === 'zh' ? 'zh-cn' : 'en' });
      const uris = names.map((_, i) => uriOf(path.join(ws.dir, `c${i}`, 'report.txt')));
      for (const uri of uris) client.open(uri, REPORT);
      for (const [i, uri] of uris.entries()) {
        assert.deepEqual((await client.diagnosticsFor(uri, 1)).map((d) => d.code), [DEADLINE], `${names[i]}: linted with the defaults`);
      }
      // Edit every document: no problem is shown a second time.
      for (const uri of uris) client.change(uri, 2, [{ text: REPORT + '\n' }]);
      for (const uri of uris) await client.diagnosticsFor(uri, 2);
      const shown = client.shown.map((m) => m.message);
      for (const [i, name] of names.entries()) {
        const file = path.join(ws.dir, `c${i}`, CASES[name].file);
        const about = shown.filter((m) => m.includes(file));
        assert.equal(about.length, 1, `${name}: shown once, naming ${file}, in ${JSON.stringify(shown, null, 1)}`);
        assert.match(about[0], CASES[name].problem[lang], name);
      }
      assert.equal(client.proc.exitCode, null);
      assert.equal((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uris[0] } })).length, 4, 'still serving');
    });
  }
});
