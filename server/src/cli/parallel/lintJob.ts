import { analyzeReport, lintReport, type DeadlineSource, type Diagnostic, type Lang, type RuleSetting } from '../../engine';
import { loadModel } from '../../node/model';

// One file's lint as plain data, so that it can be handed to a worker thread: the text, the path
// of the model (each thread loads a model once and keeps it), and the settings. The same function
// runs it on the main thread and in the workers, so both give the same diagnostics.

export interface LintJob {
  /** The file's place among the inputs: results are reported in input order. */
  index: number;
  /** The file as shown to the user, to name it if the job fails. */
  name: string;
  text: string;
  /** The model file; undefined for the built-in model. */
  modelFile: string | undefined;
  period: string | null;
  deadlineScope: DeadlineSource;
  rules: Record<string, RuleSetting>;
  lang: Lang;
}

/** A job's diagnostics, and the line starts of its text, which the output needs and the analysis found. */
export interface LintOutcome {
  diagnostics: Diagnostic[];
  lineStarts: number[];
}

export function runLintJob(job: LintJob): LintOutcome {
  const analysis = analyzeReport(job.text, { model: loadModel(job.modelFile), period: job.period, deadlineScope: job.deadlineScope });
  return { diagnostics: lintReport(analysis, { lang: job.lang, rules: job.rules }), lineStarts: analysis.lines.lineStarts };
}
