import type { Lang, Localized } from './types';

/** Picks the language's text and fills {name} placeholders. */
export function localize(text: Localized, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The interface language from a locale or LANG-style value: Chinese when it starts with zh. */
export function langFromLocale(locale: string | undefined | null, fallback: Lang = 'en'): Lang {
  if (!locale) return fallback;
  const l = locale.toLowerCase();
  if (l.startsWith('zh')) return 'zh';
  if (l === 'c' || l === 'posix') return fallback;
  return 'en';
}
