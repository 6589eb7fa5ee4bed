import { workspace, type TextDocument } from 'vscode';

// The client reads only what decides where the server runs; every analysis setting (period,
// deadlineScope, model, rules, maxFileSize) is pulled by the server itself per document.

export const LANGUAGE_ID = 'workreport';
const SECTION = 'workreport';

/** Whether a team has asked for plain-text and Markdown files to be linted as reports too. */
export function lintPlainText(): boolean {
  return workspace.getConfiguration(SECTION).get<boolean>('lintPlainText', false);
}

/** The documents the server analyses: reports, and plain text / Markdown when the setting asks. */
export function reportSelector(): Array<{ language: string; scheme: string }> {
  const languages = lintPlainText() ? [LANGUAGE_ID, 'plaintext', 'markdown'] : [LANGUAGE_ID];
  // file and untitled only: a git: or output: view of a report is not the report being edited.
  return languages.flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]);
}

export function isReportDocument(doc: TextDocument): boolean {
  return reportSelector().some((f) => f.language === doc.languageId && f.scheme === doc.uri.scheme);
}

/** Settings whose change needs a new server session (the document selector is fixed at start). */
export const RESTART_SETTINGS = [`${SECTION}.lintPlainText`];

/** The interface language of exports: Chinese when VS Code's display language is Chinese. */
export function displayLang(language: string): 'zh' | 'en' {
  return language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
