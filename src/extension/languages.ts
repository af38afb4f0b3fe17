import type * as vscode from 'vscode';

/** The language ids recaps are written in: Markdown, and MDX when an MDX extension claims `.mdx` files. */
export const RECAP_LANGUAGES: readonly string[] = ['markdown', 'mdx'];

export const RECAP_SELECTOR: vscode.DocumentSelector = RECAP_LANGUAGES.map((language) => ({ language }));

export function isRecapLanguage(languageId: string): boolean {
  return RECAP_LANGUAGES.includes(languageId);
}
