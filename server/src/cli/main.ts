import { Command, CommanderError, Option } from 'commander';
import { DEADLINE_SCOPES, langFromLocale, type Lang } from '../engine';
import { PERIOD_PATTERN } from '../node/configValidate';
import { msg } from './messages';
import { LINT_FORMATS, runLint } from './commands/lint';
import { runTargets } from './commands/targets';
import { runOutline } from './commands/outline';
import { runTrain } from './commands/train';
import { UsageError, type CliIO, type CommonOptions } from './context';
import { VERSION } from './version';

/** The interface language: --lang, else LC_ALL / LC_MESSAGES / LANG; Chinese when it starts with zh. */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1]) return argv[i + 1].startsWith('zh') ? 'zh' : 'en';
    if (argv[i].startsWith('--lang=')) return argv[i].slice(7).startsWith('zh') ? 'zh' : 'en';
  }
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG, 'en');
}

/** Runs the CLI; resolves to the exit code (0 clean, 1 problems, 2 usage or input errors). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const lang = cliLang(argv, io.env);
  const m = (id: Parameters<typeof msg>[1]) => msg(lang, id);
  let exitCode = 0;
  const program = new Command('workreport')
    .description(m('description'))
    .version(VERSION, '-v, --version', m('optVersion'))
    .helpOption('-h, --help', m('optHelp'))
    .helpCommand('help [command]', m('optHelp'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(localizeCommanderError(s, lang)),
    })
    .configureHelp({ styleTitle: (title) => (lang === 'zh' ? (HELP_TITLES_ZH[title] ?? title) : title) })
    .showHelpAfterError(m('seeHelp'));

  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--lang <lang>', m('optLang')).choices(['zh', 'en']))
      .option('--model <file>', m('optModel'))
      .option('--period <period>', m('optPeriod'))
      .addOption(new Option('--deadline-scope <scope>', m('optDeadlineScope')).choices([...DEADLINE_SCOPES]))
      .option('-c, --config <file>', m('optConfig'));

  common(program.command('lint').description(m('lintDescription')).argument('[paths...]'))
    .addOption(new Option('-f, --format <format>', m('optFormat')).choices([...LINT_FORMATS]))
    .option('--rule <id=severity>', m('optRule'), (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--max-warnings <n>', m('optMaxWarnings'))
    .option('--quiet', m('optQuiet'))
    .option('--no-color', m('optNoColor'))
    .option('-o, --output <file>', m('optOutput'))
    .option('--fix', m('optFix'))
    .option('-j, --jobs <n>', m('optJobs'))
    .action(async (paths: string[], opts) => {
      exitCode = await runLint(paths, { ...commonOptions(opts, lang), ...opts }, io);
    });

  common(program.command('targets').description(m('targetsDescription')).argument('[paths...]'))
    .addOption(new Option('-f, --format <format>', m('optFormat')).choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--problems-only', m('optProblemsOnly'))
    .option('-o, --output <file>', m('optOutput'))
    .action(async (paths: string[], opts) => {
      exitCode = await runTargets(paths, { ...commonOptions(opts, lang), ...opts }, io);
    });

  common(program.command('outline').description(m('outlineDescription')).argument('[paths...]'))
    .addOption(new Option('-f, --format <format>', m('optFormat')).choices(['tree', 'json']).default('tree'))
    .option('-o, --output <file>', m('optOutput'))
    .action(async (paths: string[], opts) => {
      exitCode = await runOutline(paths, { ...commonOptions(opts, lang), ...opts }, io);
    });

  program
    .command('train')
    .description(m('trainDescription'))
    .argument('<paths...>')
    .addOption(new Option('--lang <lang>', m('optLang')).choices(['zh', 'en']))
    .option('--out <file>', m('optOut'))
    .action(async (paths: string[], opts: { out?: string }) => {
      exitCode = await runTrain(paths, { lang, out: opts.out }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.stderr.write(`workreport: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const HELP_TITLES_ZH: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：' };

/** Commander's own errors are English; in Chinese they are translated, the rest kept as written. */
function localizeCommanderError(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  const rules: Array<[RegExp, string]> = [
    [/^error: unknown option '(.+)'/, '错误：未知选项 $1'],
    [/^error: unknown command '(.+)'/, '错误：未知命令 $1'],
    [/^error: missing required argument '(.+)'/, '错误：缺少参数 $1'],
    [/^error: option '(.+)' argument missing/, '错误：选项 $1 缺少值'],
    [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./, '错误：选项 $1 的值 $2 无效，可选值：$3'],
    [/^error: too many arguments.*/, '错误：参数过多'],
    [/^error: /, '错误：'],
  ];
  for (const [pattern, zh] of rules) if (pattern.test(text)) return text.replace(pattern, zh);
  return text;
}

function commonOptions(opts: { model?: string; period?: string; deadlineScope?: string; config?: string }, lang: Lang): CommonOptions {
  if (opts.period !== undefined && !PERIOD_PATTERN.test(opts.period)) {
    throw new UsageError(msg(lang, 'badPeriod', { value: opts.period }));
  }
  return { lang, model: opts.model, period: opts.period, deadlineScope: opts.deadlineScope as CommonOptions['deadlineScope'], config: opts.config };
}
