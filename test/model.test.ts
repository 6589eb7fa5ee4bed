// The trained model: same corpus → same bytes, the committed default model is what seeds/ train to,
// what the corpus contributes is visible (and changes with the corpus), and a bad model file is
// refused with a message that names it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeReport, lintReport, ModelError, parseModel, serializeModel, targetToJSON, trainModel, type Model, type TrainingDocument,
} from '../server/src/engine';
import { ROOT, seedDocuments, seedModel } from './helpers';

const COMMITTED = path.join(ROOT, 'server', 'model', 'default-model.json');
const BUILT = path.join(ROOT, 'dist', 'default-model.json');

/** Where two texts first differ, for a failure message a person can act on. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, n) => line !== y[n]);
  const at = i < 0 ? Math.min(x.length, y.length) : i;
  return `first difference at line ${at + 1}: trained ${JSON.stringify(x[at] ?? '<end>')} vs file ${JSON.stringify(y[at] ?? '<end>')}`;
}

function targetsWith(model: Model, text: string) {
  const analysis = analyzeReport(text, { model });
  const diagnostics = lintReport(analysis);
  return { targets: analysis.targets.map((t) => targetToJSON(t, analysis.lines)), diagnostics };
}

describe('model: determinism', () => {
  it('trains byte-identical models from the same seeds twice', () => {
    assert.equal(serializeModel(trainModel(seedDocuments())), serializeModel(trainModel(seedDocuments())));
  });

  it('does not depend on the order of the documents', () => {
    const docs = seedDocuments();
    const shuffled = [docs[3], docs[0], docs[4], docs[2], docs[1]].filter(Boolean);
    assert.equal(shuffled.length, docs.length);
    const expected = serializeModel(trainModel(docs));
    assert.equal(serializeModel(trainModel([...docs].reverse())), expected);
    assert.equal(serializeModel(trainModel(shuffled)), expected);
  });

  it('names the documents by file name, in a stable order, with their checksums', () => {
    const model = seedModel();
    assert.deepEqual(model.corpus.documents.map((d) => d.id), seedDocuments().map((d) => d.id));
    for (const d of model.corpus.documents) assert.match(d.sha1, /^[0-9a-f]{40}$/);
    assert.equal(model.corpus.chars, seedDocuments().reduce((n, d) => n + d.text.length, 0));
  });

  it('commits server/model/default-model.json exactly as seeds/ train it', () => {
    const trained = serializeModel(trainModel(seedDocuments()));
    const committed = fs.readFileSync(COMMITTED, 'utf8');
    assert.ok(trained === committed, `server/model/default-model.json is out of date with seeds/ and the engine: run \`npm run train\` (${firstDifference(trained, committed)})`);
  });

  it('builds dist/default-model.json exactly as seeds/ train it', function () {
    if (!fs.existsSync(BUILT)) this.skip(); // `npm test` builds first; a bare `npx mocha` may not have
    const trained = serializeModel(trainModel(seedDocuments()));
    const built = fs.readFileSync(BUILT, 'utf8');
    assert.ok(trained === built, `dist/default-model.json differs from what seeds/ train: run \`npm run build\` (${firstDifference(trained, built)})`);
  });
});

describe('model: what the corpus contributes', () => {
  const A: TrainingDocument = { id: 'a.txt', text: '年内新建口袋公园8处，建设公厕12座。持续优化营商环境。\n放流鱼苗300尾，增殖鱼苗200尾。' };
  const B: TrainingDocument = { id: 'b.txt', text: '年内新建口袋公园6处，改造公园绿地3处。持续优化营商环境。\n放流鱼苗500尾。' };
  const tiny = () => trainModel([A, B]);

  it('counts how often and in how many documents each unit follows a target number', () => {
    const units = Object.fromEntries(tiny().units.map((u) => [u.text, [u.count, u.docs]]));
    assert.deepEqual(units['处'], [3, 2]);
    assert.deepEqual(units['座'], [1, 1]);
    assert.deepEqual(units['公顷'], [0, 0]);
  });

  it('associates indicators and verbs with the units the corpus uses', () => {
    const m = tiny();
    assert.deepEqual(m.indicatorUnits['公园'], { 处: 2 });
    assert.deepEqual(m.indicatorUnits['公厕'], { 座: 1 });
    assert.deepEqual(m.verbUnits['新建'], { 处: 2 });
  });

  it('learns a measure word the base lexicon lacks (300尾 …) and marks it learned', () => {
    const learned = tiny().units.find((u) => u.text === '尾');
    assert.deepEqual(learned, { text: '尾', count: 3, docs: 2, learned: true });
    assert.ok(seedModel().units.filter((u) => !u.learned).every((u) => u.text !== '尾'));
  });

  it('reads a learned unit in reports analysed with that model, and suggests it', () => {
    const withTiny = targetsWith(tiny(), '年内放流鱼苗800尾。');
    assert.deepEqual(withTiny.targets.map((t) => [t.value, t.unit]), [['800', '尾']]);
    assert.deepEqual(withTiny.diagnostics, []);
    const bare = targetsWith(tiny(), '年内新增鱼苗800。');
    assert.equal(bare.diagnostics[0]?.rule, 'target-missing-unit');
    assert.equal(bare.diagnostics[0].fixes[0].edits[0].newText, '尾');
  });

  it('keeps standard phrases that recur across documents, with their source documents', () => {
    const phrase = tiny().phrases.find((p) => p.text === '持续优化营商环境');
    assert.deepEqual(phrase, { text: '持续优化营商环境', count: 2, sources: [0, 1] });
  });

  it('gives every seed phrase sources that really contain it, in at least two documents', () => {
    const docs = seedDocuments();
    const { phrases } = seedModel();
    assert.ok(phrases.length > 0);
    for (const p of phrases) {
      assert.ok(p.sources.length >= 2, `${p.text} has ${p.sources.length} source`);
      for (const s of p.sources) assert.ok(docs[s].text.includes(p.text), `${p.text} is not in ${docs[s].id}`);
    }
  });

  it('gives seed units counts that come from the seeds', () => {
    const units = new Map(seedModel().units.map((u) => [u.text, u]));
    assert.ok(units.get('%')!.count > 0 && units.get('%')!.docs >= 3, 'the seeds state targets in %');
    assert.ok(units.get('个')!.count > 0);
    assert.equal(units.get('微克/立方米')!.count, 0, 'a unit the seeds never use keeps count 0');
  });

  it('counts units written after a magnitude (4.4万人, 80亿元) too', () => {
    const m = trainModel([
      { id: 'c.txt', text: '年内新增就业4.4万人，完成投资80亿元。' },
      { id: 'd.txt', text: '年内新增就业3.8万人，完成投资60亿元。' },
    ]);
    const counted = (suffix: string) => m.units.filter((u) => u.text.endsWith(suffix)).reduce((n, u) => n + u.count, 0);
    assert.equal(counted('人'), 2, `万人 is not counted: ${JSON.stringify(m.units.filter((u) => u.text.endsWith('人')))}`);
    assert.equal(counted('元'), 2, `亿元 is not counted: ${JSON.stringify(m.units.filter((u) => u.text.endsWith('元')))}`);
  });

  it('changes when a document is added', () => {
    const seeds = seedDocuments();
    const extra: TrainingDocument = { id: 'zz-extra.txt', text: '年内新建微型消防站15个，放流鱼苗300尾。\n放流鱼苗200尾，增殖鱼苗100尾。' };
    const before = trainModel(seeds);
    const after = trainModel([...seeds, extra]);
    assert.notEqual(serializeModel(after), serializeModel(before));
    assert.deepEqual(after.corpus.documents.map((d) => d.id), [...seeds.map((d) => d.id), 'zz-extra.txt']);
    const count = (m: Model, unit: string) => m.units.find((u) => u.text === unit)?.count ?? 0;
    assert.equal(count(after, '个'), count(before, '个') + 1);
  });
});

describe('model: parseModel', () => {
  const valid = () => JSON.parse(serializeModel(seedModel())) as Record<string, unknown>;

  function refusal(json: string, file: string): ModelError {
    try {
      parseModel(json, file);
    } catch (e) {
      assert.ok(e instanceof ModelError, `expected a ModelError, got ${e}`);
      assert.ok(e.message.includes(file), `the message names the file: ${e.message}`);
      return e;
    }
    assert.fail('the model was accepted');
  }

  it('reads back what serializeModel writes', () => {
    assert.deepEqual(parseModel(serializeModel(seedModel()), 'seed.json'), seedModel());
  });

  it('refuses a model of another version, naming the file and the version', () => {
    const e = refusal(JSON.stringify({ ...valid(), version: 99 }), 'old/model-v99.json');
    assert.match(e.message, /version/);
    assert.match(e.message, /99/);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    assert.match(refusal('{"format": "workreport-model", ', 'broken.json').message, /JSON/);
  });

  it('refuses JSON of another format, naming the file', () => {
    refusal(JSON.stringify({ ...valid(), format: 'eslint-config' }), 'other-format.json');
    refusal('[1, 2, 3]', 'array.json');
    refusal('"workreport-model"', 'string.json');
  });

  it('refuses a model with a missing or mistyped part, naming the part', () => {
    const noUnits = valid();
    delete noUnits.units;
    assert.match(refusal(JSON.stringify(noUnits), 'no-units.json').message, /units/);
    assert.match(refusal(JSON.stringify({ ...valid(), indicatorUnits: [] }), 'bad-map.json').message, /indicatorUnits/);
  });
});
