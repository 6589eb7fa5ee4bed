// The TextMate grammar (syntaxes/workreport.tmLanguage.json): the fixtures in this folder pin the
// scope of each construct (vscode-tmgrammar-test, the engine VS Code uses), and the grammar's word
// lists are checked against the engine's base lexicon, so that every unit, verb and qualifier the
// engine knows is coloured.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_UNITS, BASE_VERBS, MAGNITUDES, POST_QUALIFIERS, PRE_QUALIFIERS } from '../../server/src/engine/model/baseLexicon';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'workreport.tmLanguage.json');
const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
const FIXTURES = fs.readdirSync(__dirname).filter((f) => f.endsWith('.wr'));

/** A rule's Oniguruma pattern as a JS RegExp (the constructs used here mean the same in both). */
const rule = (name: string) => new RegExp(grammar.repository[name].match as string);

describe('grammar: scopes of each construct (test/grammar/*.wr)', () => {
  it('has fixtures for headings, quantities, deadlines and quotes', () => {
    assert.deepEqual(FIXTURES.sort(), ['deadlines.wr', 'headings.wr', 'quantities.wr', 'quotes.wr']);
  });

  for (const fixture of FIXTURES) {
    it(`gives ${fixture} the scopes its assertions name`, () => {
      const r = spawnSync(
        process.execPath,
        [require.resolve('vscode-tmgrammar-test/dist/unit.js'), '--grammar', GRAMMAR, path.join('test', 'grammar', fixture)],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /run successfuly/);
    });
  }
});

describe('grammar: the base lexicon is coloured', () => {
  it('reads every unit after a number as magnitude + unit', () => {
    const quantity = rule('quantity');
    for (const unit of BASE_UNITS) {
      const m = quantity.exec(`增长3${unit}`);
      assert.ok(m, `3${unit} is a quantity`);
      assert.equal(m[2], '3');
      assert.equal((m[4] ?? '') + (m[5] ?? ''), unit, `${unit} is scoped as magnitude and unit`);
    }
  });

  it('reads every magnitude before a unit', () => {
    const quantity = rule('quantity');
    for (const magnitude of MAGNITUDES) assert.equal(quantity.exec(`3${magnitude}元`)?.[4], magnitude);
  });

  it('reads the qualifiers before and after a number', () => {
    const quantity = rule('quantity');
    for (const q of PRE_QUALIFIERS) assert.equal(quantity.exec(`${q}3个`)?.[1], q, `${q}3个`);
    for (const q of POST_QUALIFIERS.filter((x) => x !== '多' && x !== '余')) assert.equal(quantity.exec(`3个${q}`)?.[6], q, `3个${q}`);
    for (const q of ['多', '余']) assert.equal(quantity.exec(`30${q}个`)?.[3], q, `30${q}个`);
  });

  it('colours every target verb before a number', () => {
    const verb = rule('target-verb');
    for (const v of BASE_VERBS) assert.equal(verb.exec(`，${v}5个`)?.[0], v, `${v}5个`);
  });
});
