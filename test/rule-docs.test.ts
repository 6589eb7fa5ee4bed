// The rule documentation is generated (npm run docs) from each rule's metadata and its hand-written
// explanation; this renders it again in memory and fails when the committed files drift from it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, ruleDocPath, ruleDocUrl } from '../server/src/engine';
import { renderAll, ROOT } from '../scripts/gen-rule-docs';

describe('rule documentation', () => {
  const files = renderAll();

  for (const [file, content] of files) {
    it(`${file} is up to date (run npm run docs)`, () => {
      const onDisk = path.join(ROOT, file);
      assert.ok(fs.existsSync(onDisk), `${file} is missing: run npm run docs`);
      assert.equal(fs.readFileSync(onDisk, 'utf8'), content, `${file} differs from the metadata: run npm run docs`);
    });
  }

  it('has no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.meta.id}.md`).sort());
  });

  it('links every diagnostic to its rule page in the repository', () => {
    for (const { meta } of RULES) {
      assert.ok(ruleDocUrl(meta.id).endsWith(`/${ruleDocPath(meta.id)}`), ruleDocUrl(meta.id));
      assert.ok(fs.existsSync(path.join(ROOT, ruleDocPath(meta.id))), ruleDocPath(meta.id));
    }
  });

  it('documents every rule in both languages, with its examples, options and how to turn it off', () => {
    for (const { meta } of RULES) {
      const page = files.get(ruleDocPath(meta.id))!;
      assert.ok(page.includes('## 中文') && page.includes('## English'), meta.id);
      assert.ok(page.includes(meta.description.zh) && page.includes(meta.description.en), meta.id);
      for (const ex of meta.examples) assert.ok(page.includes(ex.wrong), `${meta.id}: example ${ex.wrong}`);
      for (const [name, o] of Object.entries(meta.options ?? {})) {
        assert.ok(page.includes(`\`${name}\``) && page.includes(o.description.zh) && page.includes(o.description.en), `${meta.id}: option ${name}`);
      }
      assert.ok(page.includes(`{ "rules": { "${meta.id}": "off" } }`) && page.includes(`--rule ${meta.id}=off`), meta.id);
      if (meta.standard) assert.ok(page.includes(meta.standard.code), meta.id);
    }
  });

  it('lists every rule in the index docs/rules.md', () => {
    const index = files.get('docs/rules.md')!;
    for (const { meta } of RULES) assert.ok(index.includes(`](rules/${meta.id}.md)`), meta.id);
  });
});
