// Training time: the CLI's `train` on seeds/ (the shipped model, up to three runs) and once on the
// benchmark folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeProcess } from './measure.mjs';

export function measureTraining({ root, corpus, runs, outDir }) {
  const cli = join(root, 'dist', 'cli.js');
  mkdirSync(outDir, { recursive: true });
  const train = (folder, out) => timeProcess('workreport train', process.execPath, [cli, 'train', folder, '--out', join(outDir, out)], { ok: [0] }).ms;
  const seeds = [];
  for (let r = 0; r < Math.min(runs, 3); r++) seeds.push(train(join(root, 'seeds'), 'seeds-model.json'));
  // Training on the whole corpus takes seconds; one run says enough.
  return { seedsMs: median(seeds), seedsRuns: seeds.length, corpusMs: train(corpus.dir, 'corpus-model.json') };
}
