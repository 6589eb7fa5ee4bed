import { l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from 'vscode';
import type { TargetJSON } from '../../../server/src/engine/serialize';
import type { TargetSection } from '../../../server/src/protocol';

// How one section or target looks in the target-summary view. Everything shown comes from the
// server's workreport/targets answer; nothing here reads the document.

export type TargetState = 'complete' | 'missingUnit' | 'missingDeadline' | 'otherProblem';

export function targetState(t: TargetJSON): TargetState {
  if (t.problems.includes('target-missing-unit')) return 'missingUnit';
  if (t.problems.includes('target-missing-deadline')) return 'missingDeadline';
  return t.problems.length > 0 ? 'otherProblem' : 'complete';
}

const ICONS: Record<TargetState, ThemeIcon> = {
  complete: new ThemeIcon('pass', new ThemeColor('testing.iconPassed')),
  missingUnit: new ThemeIcon('error', new ThemeColor('problemsErrorIcon.foreground')),
  missingDeadline: new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground')),
  otherProblem: new ThemeIcon('info', new ThemeColor('problemsInfoIcon.foreground')),
};

/** "5.5%左右 · 年内": value, unit and qualifier as written, then the deadline. */
export function targetDescription(t: TargetJSON): string {
  const before = t.qualifier && /^(不|超过|高于|低于|约|近|逾)/.test(t.qualifier) ? t.qualifier : '';
  const after = t.qualifier && !before ? t.qualifier : '';
  const amount = `${before}${t.value}${t.unit ?? ''}${after}` + (t.unit ? '' : ` ${l10n.t('(no unit)')}`);
  const deadline = t.deadline ? t.deadline.text : l10n.t('no deadline');
  return `${amount} · ${deadline}`;
}

function deadlineSource(source: string): string {
  switch (source) {
    case 'clause': return l10n.t('in the same clause');
    case 'sentence': return l10n.t('earlier in the sentence');
    case 'paragraph': return l10n.t('at the start of the paragraph');
    case 'heading': return l10n.t('from the heading');
    case 'document': return l10n.t("the document's period");
    default: return source;
  }
}

function targetTooltip(t: TargetJSON): MarkdownString {
  const md = new MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(t.indicator)}** ${escape(t.verb ?? '')} \`${t.value}${t.unit ?? ''}\`${t.qualifier ? ' ' + escape(t.qualifier) : ''}\n\n`);
  md.appendMarkdown(`${l10n.t('Unit')}: ${t.unit ? escape(t.unit) : '$(error) ' + l10n.t('missing')}  \n`);
  md.appendMarkdown(
    `${l10n.t('Deadline')}: ${t.deadline ? `${escape(t.deadline.text)} (${deadlineSource(t.deadline.source)})` : '$(warning) ' + l10n.t('missing')}\n\n`,
  );
  if (t.problems.length) md.appendMarkdown(`${l10n.t('Problems')}: ${t.problems.map((p) => `\`${p}\``).join(', ')}\n\n`);
  md.appendMarkdown(`> ${escape(t.sentence)}`);
  return md;
}

const escape = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => '\\' + c);

export function targetItem(t: TargetJSON, uri: string): TreeItem {
  const item = new TreeItem(t.indicator || t.sentence.slice(0, 12), TreeItemCollapsibleState.None);
  const state = targetState(t);
  item.id = `${uri}#${t.range.start.line}:${t.range.start.character}`;
  item.description = targetDescription(t);
  item.iconPath = ICONS[state];
  item.tooltip = targetTooltip(t);
  item.contextValue = `target.${state}`;
  item.accessibilityInformation = { label: `${item.label as string} ${item.description} ${stateLabel(state)}` };
  item.command = { command: 'workreport.targets.reveal', title: l10n.t('Reveal Target'), arguments: [uri, t.range] };
  return item;
}

function stateLabel(state: TargetState): string {
  return {
    complete: l10n.t('complete'),
    missingUnit: l10n.t('missing unit'),
    missingDeadline: l10n.t('missing deadline'),
    otherProblem: l10n.t('has problems'),
  }[state];
}

export function sectionItem(s: TargetSection, uri: string, index: number): TreeItem {
  const label = s.section ?? l10n.t('Outside any heading');
  const item = new TreeItem(label, TreeItemCollapsibleState.Expanded);
  const problems = s.targets.filter((t) => t.problems.length > 0).length;
  item.id = `${uri}#section${index}:${label}`;
  item.description = countLabel(s.targets.length, problems);
  item.iconPath = new ThemeIcon('symbol-namespace');
  item.tooltip = label;
  item.contextValue = 'section';
  if (s.range) item.command = { command: 'workreport.targets.reveal', title: l10n.t('Reveal Target'), arguments: [uri, s.range] };
  return item;
}

/** "3 targets, 1 with problems" — the counts of a section, and of the whole report in the view's message. */
export function countLabel(targets: number, problems: number): string {
  const all = targets === 1 ? l10n.t('1 target') : l10n.t('{0} targets', targets);
  return problems ? l10n.t('{0}, {1} with problems', all, problems) : all;
}
