import { ruleDocUrl } from '../../engine';
import { displayPath } from '../context';
import { msg } from '../messages';
import { oneBasedRegion, type LintResults } from './results';

// JUnit XML, as GitLab (artifacts:reports:junit), Jenkins and Azure read it: one testsuite per file,
// one failing testcase per diagnostic, one passing testcase for a clean file. Files that could not
// be read and bad configs come last, as a "workreport" suite of testcases in error.

export function formatJunit({ reports, problems, lang, cwd }: LintResults): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const report of reports) {
    const file = report.input.path === null ? report.input.name : displayPath(report.input.path, cwd);
    const cases = report.diagnostics.map((d) => {
      const r = oneBasedRegion(report, d);
      const where = `${r.startLine}:${r.startColumn}`;
      const detail = `${file}:${where} ${d.severity} ${d.rule}\n${d.message}\n${ruleDocUrl(d.rule)}`;
      return (
        `    <testcase classname="${attr(file)}" name="${attr(`${where} ${d.rule}`)}" file="${attr(file)}" line="${r.startLine}">\n` +
        `      <failure type="${attr(d.rule)}" message="${attr(d.message)}">${text(detail)}</failure>\n` +
        `    </testcase>`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${attr(file)}" name="${attr(msg(lang, 'junitClean'))}" file="${attr(file)}"/>`);
    tests += cases.length;
    failures += report.diagnostics.length;
    suites.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${report.diagnostics.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  if (problems.length) {
    const cases = problems.map(
      (p) =>
        `    <testcase classname="workreport" name="${attr(p.file ?? p.kind)}">\n` +
        `      <error type="${p.kind}" message="${attr(p.message)}">${text(p.message)}</error>\n` +
        `    </testcase>`,
    );
    tests += cases.length;
    suites.push(`  <testsuite name="workreport" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="workreport" tests="${tests}" failures="${failures}" errors="${problems.length}">\n` +
    suites.map((s) => s + '\n').join('') +
    '</testsuites>\n'
  );
}

/** Characters XML 1.0 cannot hold at all (C0 controls, lone surrogates, U+FFFE/FFFF) become U+FFFD. */
function legal(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(s: string): string {
  return legal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values also keep their quotes and line breaks (a parser would fold raw ones to spaces). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
