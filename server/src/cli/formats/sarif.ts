import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocUrl, type Diagnostic, type Rule, type Severity } from '../../engine';
import type { LintedReport, RunProblem } from '../context';
import { HOMEPAGE, VERSION } from '../version';
import { oneBasedRegion, type LintResults } from './results';

// node:crypto is required where it is used, not at the top: loading it is a tenth of a short CLI run.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = (): typeof import('node:crypto') => require('node:crypto');

// SARIF 2.1.0 for code scanning (GitHub upload-sarif and others). Columns are UTF-16 code units,
// SARIF's default columnKind, stated on the run; regions are 1-based with an exclusive end column.
// Artifacts below the working folder are relative to %SRCROOT% (the checkout in CI).

const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
/** Bump when the fingerprint recipe changes, so that old and new values are never compared. */
const FINGERPRINT_KEY = 'workreport/v1';

export function formatSarif(results: LintResults): string {
  const { reports, problems, lang, cwd, registry } = results;
  const ruleIndex = new Map(registry.map((r, i) => [r.meta.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const report of reports) {
    const fingerprints = fingerprinter(report);
    const location = artifactLocation(report.input.path, report.input.name, cwd);
    for (const d of report.diagnostics) {
      sarifResults.push({
        ruleId: d.rule,
        ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: oneBasedRegion(report, d) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints(d) },
      });
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'workreport',
          version: VERSION,
          semanticVersion: VERSION,
          informationUri: HOMEPAGE,
          rules: registry.map((rule) => ruleDescriptor(rule, lang)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
      invocations: [{
        executionSuccessful: problems.length === 0,
        toolExecutionNotifications: problems.filter((p) => p.kind !== 'config').map((p) => notification(p, cwd)),
        toolConfigurationNotifications: problems.filter((p) => p.kind === 'config').map((p) => notification(p, cwd)),
      }],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule, lang: LintResults['lang']): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const description = meta.description[lang];
  const standard = meta.standard ? ` (${meta.standard.code} ${meta.standard.clause})` : '';
  return {
    id: meta.id,
    shortDescription: { text: description },
    fullDescription: { text: description + standard },
    helpUri: ruleDocUrl(meta.id),
    help: { text: `${description}${standard}\n${ruleDocUrl(meta.id)}`, markdown: `${description}${standard}\n\n[${meta.id}](${ruleDocUrl(meta.id)})` },
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { tags: [meta.category, ...(meta.standard ? [meta.standard.code] : [])] },
  };
}

/** Relative to %SRCROOT% below the working folder, a file: URI elsewhere; stdin has no URI. */
function artifactLocation(file: string | null, name: string, cwd: string): Sarif.ArtifactLocation {
  if (file === null) return { description: { text: name } };
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * Fingerprints that survive edits elsewhere in the file: a hash of the rule, the text of the line
 * the finding starts on (whitespace ignored) and how many findings of that rule came before on
 * identical lines. Line numbers are left out, so inserting a line above changes nothing.
 */
function fingerprinter(report: LintedReport): (d: Diagnostic) => string {
  const seen = new Map<string, number>();
  const { lines } = report;
  const { text } = lines;
  return (d) => {
    const line = lines.positionAt(d.span.start).line;
    const lineText = text.slice(lines.lineStarts[line], lines.lineEnd(line)).replace(/\s+/g, '');
    const key = `${d.rule}\u0000${lineText}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return crypto().createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  };
}

function notification(p: RunProblem, cwd: string): Sarif.Notification {
  const location = p.file === null || p.file === '<stdin>' ? [] : [{ physicalLocation: { artifactLocation: artifactLocation(path.resolve(cwd, p.file), p.file, cwd) } }];
  return { level: 'error', message: { text: p.message }, ...(location.length ? { locations: location } : {}) };
}
