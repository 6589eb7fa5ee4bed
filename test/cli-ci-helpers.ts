// Plumbing for the CI tests (config, formats, --fix): main() in-process with a fake io that can add
// test-only rules through CliIO.rules, and those rules. The product registry has no safe-fix rule
// of its own to rely on here, so --fix is exercised with rules these tests construct.
import { RULES, type Rule } from '../server/src/engine';
import { main } from '../server/src/cli/main';
import type { CliIO } from '../server/src/cli/context';

/** Finds every match of `pattern` and reports it with one fix replacing it by `replacement`. */
function replacingRule(id: string, pattern: RegExp, replacement: string, safeFix: boolean, message = `found “{text}”`): Rule {
  return {
    meta: {
      id,
      category: 'punctuation',
      description: { zh: `测试规则 ${id}`, en: `test rule ${id}` },
      defaultSeverity: 'warning',
      fixable: true,
      safeFix,
    },
    check({ analysis, report }) {
      for (const m of analysis.text.matchAll(new RegExp(pattern.source, 'g'))) {
        const span = { start: m.index!, end: m.index! + m[0].length };
        report({ span, message: message.replace('{text}', m[0]), fixes: [{ title: `replace with ${replacement}`, edits: [{ span, newText: replacement }] }] });
      }
    },
  };
}

/** ASCII ; → full-width ；. Two of them in a row make a problem for the next rule: fixes that need a second pass. */
export const SEMICOLON = replacingRule('test-semicolon', /;/, '；', true);
/** ；； → ；. */
export const DOUBLE_SEMICOLON = replacingRule('test-double-semicolon', /；；/, '；', true);
/** 【分段】 → a line break: a fix that inserts one, which must follow the file's own line ending. */
export const PARAGRAPH_MARK = replacingRule('test-paragraph-mark', /【分段】/, '\n', true);
/** 甲 → 乙 and 乙 → 甲 for ever: --fix must stop after a few passes. */
export const FLIP_A = replacingRule('test-flip-a', /甲/, '乙', true);
export const FLIP_B = replacingRule('test-flip-b', /乙/, '甲', true);
/** Has a fix, but it is not safe: --fix leaves it alone. */
export const UNSAFE = replacingRule('test-unsafe', /某某/, '某', false);
/** A message full of what GitHub workflow commands must escape. */
export const AWKWARD_MESSAGE = replacingRule('test-awkward', /【怪】/, '', false, '100% sure:\r\nline two, a:b <&> "q"\u0001');

/** A finding that spans a line break (跨⏎行), for formats that treat multi-line ranges apart. */
export const MULTILINE = replacingRule('test-multiline', /跨\n行/, '跨行', false, 'spans two lines');

/** A rule with one option of every type, for config validation. */
export const WITH_OPTIONS: Rule = {
  meta: {
    id: 'test-options',
    category: 'wording',
    description: { zh: '带选项的测试规则', en: 'test rule with options' },
    defaultSeverity: 'info',
    fixable: false,
    safeFix: false,
    options: {
      style: { type: 'string', default: 'full', enum: ['full', 'half'], description: { zh: '样式', en: 'style' } },
      max: { type: 'number', default: 3, description: { zh: '上限', en: 'limit' } },
      strict: { type: 'boolean', default: false, description: { zh: '严格', en: 'strict' } },
      allow: { type: 'string[]', default: [], description: { zh: '允许', en: 'allowed words' } },
    },
  },
  check({ options, report, analysis }) {
    // Reports its own options, so that tests can see what the configuration passed.
    if (analysis.text.includes('【选项】')) {
      const at = analysis.text.indexOf('【选项】');
      report({ span: { start: at, end: at + 4 }, message: JSON.stringify(options) });
    }
  },
};

export const TEST_RULES: readonly Rule[] = [SEMICOLON, DOUBLE_SEMICOLON, PARAGRAPH_MARK, FLIP_A, FLIP_B, UNSAFE, AWKWARD_MESSAGE, MULTILINE, WITH_OPTIONS];
/**
 * The product's two target rules plus the test rules. Only rules whose findings on these tests'
 * snippets are known: rules added to the catalogue later cannot change what the tests see.
 */
export const TEST_REGISTRY: readonly Rule[] = [...RULES.filter((r) => r.meta.id.startsWith('target-missing-')), ...TEST_RULES];

export interface MainResult {
  code: number;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export interface MainOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  stdin?: string | Buffer;
  rules?: readonly Rule[];
  /** Pretend stderr is a terminal this wide. */
  stderrTTY?: { columns: number };
}

/** Runs main() in-process; stdout is kept as bytes too (--fix on stdin writes the file's own encoding). */
export async function runWith(argv: string[], options: MainOptions): Promise<MainResult> {
  const out: Buffer[] = [];
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string | Uint8Array) => out.push(typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s)) },
    stderr: { write: (s: string) => (stderr += s), isTTY: Boolean(options.stderrTTY), columns: options.stderrTTY?.columns },
    cwd: options.cwd,
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    rules: options.rules,
  };
  const code = await main(argv, io);
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}
