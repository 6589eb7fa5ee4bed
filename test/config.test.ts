// .workreportrc.json as a team writes it: discovery (nearest file wins), extends, every mistake
// reported with its file and key in both languages while the rest still applies, and a JSON Schema
// that says the same as the loader.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { ConfigResolver, formatConfigProblem, isIgnored, resolveConfig, type ConfigResult } from '../server/src/node/config';
import { configSchema } from '../server/src/node/configSchema';
import { SCHEMA_FILE } from '../scripts/config-schema';
import { tempDir, writeFiles } from './helpers';
import { TEST_REGISTRY } from './cli-ci-helpers';

const FIXTURES = path.join(__dirname, 'fixtures', 'config');
const registry = TEST_REGISTRY;

/** The `// en:` / `// zh:` / `// schema: no` header of an invalid fixture. */
function expectations(file: string): { en: string[]; zh: string[]; schema: boolean } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const pick = (tag: string) => lines.filter((l) => l.startsWith(`// ${tag}: `)).map((l) => l.slice(tag.length + 5));
  return { en: pick('en'), zh: pick('zh'), schema: !lines.includes('// schema: no') };
}

function printed(result: ConfigResult, lang: 'zh' | 'en', cwd: string): string[] {
  return result.problems.map((p) => formatConfigProblem(p, lang, path.relative(cwd, p.file)));
}

function schemaValidator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strictTuples: false }); // [severity] and [severity, options] are both fine
  ajv.addKeyword('markdownDescription');
  return ajv.compile(schema);
}

/** JSON with comments, as the fixtures are written, for ajv (which reads plain JSON). */
function readJsonc(file: string): unknown {
  return parseJsonc(fs.readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
}

describe('config: discovery and precedence', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('workreport-config-')));
  afterEach(() => cleanup());

  it('uses the nearest .workreportrc.json, whole: a file further up is not merged in', async () => {
    writeFiles(dir, {
      '.workreportrc.json': '{ "period": 2025, "rules": { "target-missing-unit": "off" } }',
      'county/.workreportrc.json': '{ "deadlineScope": "clause" }',
      'county/town/report.txt': '',
      'city/report.txt': '',
    });
    const county = await resolveConfig(path.join(dir, 'county/town/report.txt'));
    assert.deepEqual(county.sources, [path.join(dir, 'county/.workreportrc.json')]);
    assert.deepEqual([county.config.deadlineScope, county.config.period, county.config.rules], ['clause', undefined, {}]);
    const city = await resolveConfig(path.join(dir, 'city/report.txt'));
    assert.deepEqual([city.config.period, city.config.rules], ['2025', { 'target-missing-unit': 'off' }]);
    assert.deepEqual([county.problems, city.problems], [[], []]);
  });

  it('finds nothing above stopAt, and then applies the defaults', async () => {
    writeFiles(dir, { '.workreportrc.json': '{ "period": 2025 }', 'workspace/report.txt': '' });
    const stopped = await resolveConfig(path.join(dir, 'workspace/report.txt'), { stopAt: path.join(dir, 'workspace') });
    assert.deepEqual(stopped, { config: { rules: {}, ignorePatterns: [] }, sources: [], problems: [] });
    assert.equal((await resolveConfig(path.join(dir, 'workspace/report.txt'))).config.period, '2025');
  });

  it('reads JSON with comments and trailing commas, and a byte-order mark', async () => {
    writeFiles(dir, {
      '.workreportrc.json': '\ufeff// team settings\n{\n  /* the plan */ "period": "十五五",\n  "rules": { "target-missing-deadline": "error", },\n}\n',
    });
    const r = await resolveConfig(path.join(dir, 'report.txt'));
    assert.deepEqual(r.problems, []);
    assert.deepEqual([r.config.period, r.config.rules], ['十五五', { 'target-missing-deadline': 'error' }]);
  });

  it('merges extends in order, relative to the extending file, the extending file last', async () => {
    writeFiles(dir, {
      'shared/base.json': '{ "period": 2025, "deadlineScope": "sentence", "rules": { "target-missing-unit": "warning", "target-missing-deadline": "off" } }',
      'shared/strict.json': '{ "extends": "./base.json", "rules": { "target-missing-unit": "error" }, "deadlineScope": "clause" }',
      'county/.workreportrc.json': '{ "extends": ["../shared/base.json", "../shared/strict.json"], "period": 2026 }',
    });
    const r = await resolveConfig(path.join(dir, 'county/report.txt'), { registry });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.sources, ['shared/base.json', 'shared/strict.json', 'county/.workreportrc.json'].map((f) => path.join(dir, f)));
    assert.deepEqual(
      [r.config.period, r.config.deadlineScope, r.config.rules],
      ['2026', 'clause', { 'target-missing-unit': 'error', 'target-missing-deadline': 'off' }],
    );
  });

  it('keeps inherited options when a nearer file changes only the severity, and merges options given again', async () => {
    writeFiles(dir, {
      'base.json': '{ "rules": { "test-options": ["warning", { "style": "half", "max": 5 }] } }',
      'a/.workreportrc.json': '{ "extends": "../base.json", "rules": { "test-options": "error" } }',
      'b/.workreportrc.json': '{ "extends": "../base.json", "rules": { "test-options": ["info", { "max": 9 }] } }',
    });
    const a = await resolveConfig(path.join(dir, 'a/x.txt'), { registry });
    assert.deepEqual(a.config.rules['test-options'], ['error', { style: 'half', max: 5 }]);
    const b = await resolveConfig(path.join(dir, 'b/x.txt'), { registry });
    assert.deepEqual(b.config.rules['test-options'], ['info', { style: 'half', max: 9 }]);
  });

  it('resolves model against the file that names it', async () => {
    writeFiles(dir, {
      'team/base.json': '{ "model": "models/house.json" }',
      'reports/.workreportrc.json': '{ "extends": "../team/base.json" }',
      'other/.workreportrc.json': '{ "extends": "../team/base.json", "model": "./own.json" }',
    });
    const inherited = await resolveConfig(path.join(dir, 'reports/r.txt'));
    assert.deepEqual([inherited.config.model, inherited.config.modelFrom], [path.join(dir, 'team/models/house.json'), path.join(dir, 'team/base.json')]);
    assert.equal((await resolveConfig(path.join(dir, 'other/r.txt'))).config.model, path.join(dir, 'other/own.json'));
  });

  it('uses the explicit file instead of searching', async () => {
    writeFiles(dir, { '.workreportrc.json': '{ "period": 2025 }', 'ci/strict.json': '{ "period": 2030 }' });
    const r = await resolveConfig(path.join(dir, 'report.txt'), { explicit: path.join(dir, 'ci/strict.json') });
    assert.deepEqual([r.config.period, r.sources], ['2030', [path.join(dir, 'ci/strict.json')]]);
  });

  it('reports a cycle in extends, names the files, and still applies every file once', async () => {
    writeFiles(dir, {
      '.workreportrc.json': '{ "extends": "team.json", "period": 2026 }',
      'team.json': '{ "extends": ["./base.json"], "deadlineScope": "clause" }',
      'base.json': '{ "extends": "./.workreportrc.json", "rules": { "target-missing-unit": "off" } }',
    });
    const r = await resolveConfig(path.join(dir, 'report.txt'));
    assert.deepEqual(printed(r, 'en', dir), ['base.json: extends: extends makes a cycle: .workreportrc.json → team.json → base.json → .workreportrc.json']);
    assert.deepEqual([r.config.period, r.config.deadlineScope, r.config.rules], ['2026', 'clause', { 'target-missing-unit': 'off' }]);
  });

  it('reports a mistake in a file extended twice only once', async () => {
    writeFiles(dir, {
      'base.json': '{ "perod": 2026 }',
      'a.json': '{ "extends": "base.json" }',
      'b.json': '{ "extends": "base.json" }',
      '.workreportrc.json': '{ "extends": ["a.json", "b.json"] }',
    });
    const r = await resolveConfig(path.join(dir, 'report.txt'));
    assert.deepEqual(printed(r, 'en', dir), ['base.json: perod: unknown setting; expected one of extends, rules, period, deadlineScope, model, ignorePatterns']);
  });

  it('reports a file that extends itself', async () => {
    writeFiles(dir, { '.workreportrc.json': '{ "extends": ".workreportrc.json", "period": 2026 }' });
    const r = await resolveConfig(path.join(dir, 'report.txt'));
    assert.deepEqual(printed(r, 'en', dir), ['.workreportrc.json: extends: extends makes a cycle: .workreportrc.json → .workreportrc.json']);
    assert.equal(r.config.period, '2026');
  });

  it('reads each folder and file once for many reports', async () => {
    writeFiles(dir, { '.workreportrc.json': '{ "period": 2026 }' });
    const resolver = new ConfigResolver();
    const first = await resolver.resolve(path.join(dir, 'a/b/one.txt'));
    fs.writeFileSync(path.join(dir, '.workreportrc.json'), '{ "period": 2030 }');
    const second = await resolver.resolve(path.join(dir, 'a/two.txt'));
    assert.equal(second.config, first.config, 'the same resolved object: nothing was read again');
    assert.equal((await new ConfigResolver().resolve(path.join(dir, 'a/two.txt'))).config.period, '2030', 'a new resolver sees the change');
  });

  describe('ignorePatterns', () => {
    it('are globs relative to the config file found for the report, inherited ones too', async () => {
      writeFiles(dir, {
        'team/base.json': '{ "ignorePatterns": ["drafts"] }',
        'reports/.workreportrc.json': '{ "extends": "../team/base.json", "ignorePatterns": ["**/*.bak.txt", "old/**", "!old/keep.txt"] }',
      });
      const { config } = await resolveConfig(path.join(dir, 'reports/x.txt'));
      const ignored = (rel: string) => isIgnored(config, path.join(dir, 'reports', rel));
      assert.deepEqual(config.ignorePatterns, ['drafts', '**/*.bak.txt', 'old/**', '!old/keep.txt']);
      assert.ok(ignored('drafts/a.txt') && ignored('drafts/deep/b.md'), 'a folder pattern ignores what it holds');
      assert.ok(ignored('x.bak.txt') && ignored('sub/y.bak.txt'));
      assert.ok(ignored('old/a.txt') && !ignored('old/keep.txt'), 'a later !pattern brings a file back');
      assert.ok(!ignored('report.txt') && !ignored('sub/drafts.txt'));
      assert.ok(!isIgnored(config, path.join(dir, 'team/drafts/a.txt')), 'patterns are not relative to the extended file');
    });
  });
});

describe('config: mistakes are reported with file and key, the rest applies', () => {
  const invalid = path.join(FIXTURES, 'invalid');
  const files = fs.readdirSync(invalid).filter((f) => f.endsWith('.json')).sort();

  for (const name of files) {
    it(`${name}: ${expectations(path.join(invalid, name)).en[0]}`, async () => {
      const file = path.join(invalid, name);
      const expected = expectations(file);
      assert.ok(expected.en.length > 0 && expected.zh.length === expected.en.length, 'the fixture states its messages');
      const en = await resolveConfig(path.join(invalid, 'report.txt'), { explicit: file, registry });
      assert.deepEqual(printed(en, 'en', invalid), expected.en);
      assert.deepEqual(printed(en, 'zh', invalid), expected.zh);
      const zh = await resolveConfig(path.join(invalid, 'report.txt'), { explicit: file, registry, lang: 'zh' });
      assert.deepEqual(zh.problems.map((p) => p.message), en.problems.map((p) => p.localized.zh), 'message follows lang');
    });
  }

  it('drops only the bad key: the other settings of the same file apply', async () => {
    const load = (name: string) => resolveConfig(path.join(invalid, 'report.txt'), { explicit: path.join(invalid, name), registry });
    assert.deepEqual((await load('bad-severity.json')).config.rules, { 'target-missing-deadline': 'error' });
    assert.deepEqual((await load('unknown-rule.json')).config.rules, { 'target-missing-deadline': 'off' });
    assert.equal((await load('unknown-key.json')).config.period, '2026');
    assert.deepEqual((await load('unknown-option.json')).config.rules['test-options'], ['error', { max: 4 }], 'a bad option drops that option only');
    assert.deepEqual((await load('option-number.json')).config.rules['test-options'], ['error', {}]);
    assert.deepEqual((await load('missing-extends.json')).config.rules, { 'target-missing-unit': 'warning' }, 'the extends that exist still apply');
    assert.deepEqual((await load('syntax.json')).config, { rules: {}, ignorePatterns: [], ignoreBase: invalid }, 'a file that does not parse is ignored whole');
  });

  it('reports a config file that cannot be read', async () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'folder.json'));
      const r = await resolveConfig(path.join(dir, 'report.txt'), { explicit: path.join(dir, 'folder.json') });
      assert.deepEqual(printed(r, 'en', dir), ['folder.json: cannot read (EISDIR)']);
      assert.deepEqual(printed(r, 'zh', dir), ['folder.json：无法读取（EISDIR）']);
    } finally {
      cleanup();
    }
  });
});

describe('config: JSON Schema', () => {
  it('server/schemas/workreportrc.schema.json is generated from the rule registry (run `npm run schema` when this fails)', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')), configSchema());
  });

  it('lists every rule of the registry with its severities and its options', () => {
    const schema = configSchema(registry) as any;
    const rules = schema.properties.rules;
    assert.deepEqual(Object.keys(rules.properties), registry.map((r) => r.meta.id));
    assert.equal(rules.additionalProperties, false);
    const options = rules.properties['test-options'].anyOf[1].items[1];
    assert.deepEqual(Object.keys(options.properties), ['style', 'max', 'strict', 'allow']);
    assert.deepEqual(options.properties.style.enum, ['full', 'half']);
    assert.match(rules.properties['target-missing-unit'].markdownDescription, /docs\/rules\/target-missing-unit\.md/);
  });

  const validate = schemaValidator(configSchema(registry));

  for (const name of fs.readdirSync(path.join(FIXTURES, 'valid')).sort()) {
    it(`accepts valid/${name}, as the loader does`, async () => {
      const file = path.join(FIXTURES, 'valid', name);
      assert.ok(validate(readJsonc(file)), JSON.stringify(validate.errors));
      assert.deepEqual((await resolveConfig(file, { explicit: file, registry })).problems, []);
    });
  }

  for (const name of fs.readdirSync(path.join(FIXTURES, 'invalid')).sort()) {
    const file = path.join(FIXTURES, 'invalid', name);
    if (!expectations(file).schema) continue;
    it(`rejects invalid/${name}, as the loader does`, async () => {
      assert.equal(validate(readJsonc(file)), false);
      assert.ok((await resolveConfig(file, { explicit: file, registry })).problems.length > 0);
    });
  }
});
