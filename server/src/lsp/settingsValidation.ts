import { DEADLINE_SCOPES, ruleById, type DeadlineSource, type RuleSetting, type SeveritySetting } from '../engine';
import type { MessageId } from './messages';

// The workreport.* settings (and the values a .workreportrc.json gives) checked and normalised in
// one place. A bad value is dropped with a problem naming the key, so the default applies to it and
// everything else keeps working.

export interface NormalisedSettings {
  period?: string;
  deadlineScope?: DeadlineSource;
  /** As written: a path, relative to the workspace folder or absolute. */
  model?: string;
  rules: Record<string, RuleSetting>;
}

export interface SettingProblem {
  key: string;
  value: unknown;
  reason: MessageId;
  params?: Record<string, string>;
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
/** A year, a year with 年, or a five-year plan (十五五, “十五五”, 十五五时期). */
const PERIOD = /^(?:(?:19|20)\d{2}年?|[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间)?)$/;

/** Unset means "not given here": null, undefined and "" let the next source decide. */
function unset(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export function normaliseSettings(raw: unknown, prefix = 'workreport.'): { settings: NormalisedSettings; problems: SettingProblem[] } {
  const settings: NormalisedSettings = { rules: {} };
  const problems: SettingProblem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems };
  const r = raw as Record<string, unknown>;

  if (!unset(r.period)) {
    const v = typeof r.period === 'number' ? String(r.period) : r.period;
    if (typeof v !== 'string') problems.push({ key: `${prefix}period`, value: r.period, reason: 'reasonString' });
    else if (!PERIOD.test(v.trim())) problems.push({ key: `${prefix}period`, value: r.period, reason: 'reasonPeriod' });
    else settings.period = v.trim().replace(/年$/, '');
  }
  if (!unset(r.deadlineScope)) {
    if (typeof r.deadlineScope === 'string' && (DEADLINE_SCOPES as readonly string[]).includes(r.deadlineScope)) settings.deadlineScope = r.deadlineScope as DeadlineSource;
    else problems.push({ key: `${prefix}deadlineScope`, value: r.deadlineScope, reason: 'reasonScope', params: { values: DEADLINE_SCOPES.join(', ') } });
  }
  if (!unset(r.model)) {
    if (typeof r.model === 'string') settings.model = r.model;
    else problems.push({ key: `${prefix}model`, value: r.model, reason: 'reasonString' });
  }
  if (!unset(r.rules)) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) problems.push({ key: `${prefix}rules`, value: r.rules, reason: 'reasonObject' });
    else {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        const key = `${prefix}rules.${id}`;
        if (!ruleById(id)) problems.push({ key, value, reason: 'reasonUnknownRule' });
        else {
          const checked = ruleSetting(value);
          if ('reason' in checked) problems.push({ key, value, reason: checked.reason });
          else settings.rules[id] = checked.setting;
        }
      }
    }
  }
  return { settings, problems };
}

/** A rule's severity, or [severity, options]; else the reason it is not one. */
function ruleSetting(value: unknown): { setting: RuleSetting } | { reason: MessageId } {
  const isSeverity = (v: unknown): v is SeveritySetting => SEVERITIES.includes(v as SeveritySetting);
  if (isSeverity(value)) return { setting: value };
  if (Array.isArray(value) && value.length >= 1 && value.length <= 2 && isSeverity(value[0])) {
    const options: unknown = value[1] ?? {};
    if (typeof options !== 'object' || options === null || Array.isArray(options)) return { reason: 'reasonOptions' };
    return { setting: [value[0], options as Record<string, unknown>] };
  }
  return { reason: 'reasonSeverity' };
}
