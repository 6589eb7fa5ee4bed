import * as path from 'node:path';
import { serializeModel, trainModel, type Lang } from '../../engine';
import { readInputs } from '../io/inputs';
import { UsageError, writeOutput, type CliIO } from '../context';
import { msg } from '../messages';

/** workreport train <paths…> --out model.json */
export async function runTrain(paths: string[], options: { lang: Lang; out?: string }, io: CliIO): Promise<number> {
  const { lang } = options;
  if (!options.out) throw new UsageError(msg(lang, 'trainNeedsOut'));
  const { reports, errors } = await readInputs(paths, { cwd: io.cwd, readStdin: io.readStdin }, lang);
  for (const e of errors) io.stderr.write(`workreport: ${e.message}\n`);
  if (reports.length === 0) {
    io.stderr.write(`workreport: ${msg(lang, 'noInputs')}\n`);
    return 2;
  }
  // Documents are named by file name, so the model does not depend on where the corpus lies.
  const model = trainModel(reports.map((r) => ({ id: r.path ? path.basename(r.path) : r.name, text: r.decoded.text })));
  const written = await writeOutput(serializeModel(model), options.out, io, lang);
  if (written) io.stderr.write(msg(lang, 'trained', { docs: reports.length, chars: model.corpus.chars, file: options.out }) + '\n');
  return errors.length || !written ? 2 : 0;
}
