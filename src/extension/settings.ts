import * as vscode from 'vscode';
import { DEFAULT_RECAP_FILE_OPTIONS, type RecapFileOptions } from '../core/recap/recapFiles';
import { DEFAULT_REFERENCE_TEMPLATE } from '../core/talks/referenceText';

export type AddToTalks = 'ask' | 'always' | 'never';

/** The `recap.*` settings, read fresh each time (VS Code caches configuration itself). */
export const settings = {
  recapFiles(): RecapFileOptions {
    const c = vscode.workspace.getConfiguration('recap.recapFiles');
    return {
      frontmatterKeys: strings(c.get('frontmatterKeys'), DEFAULT_RECAP_FILE_OPTIONS.frontmatterKeys),
      folders: strings(c.get('folders'), DEFAULT_RECAP_FILE_OPTIONS.folders),
    };
  },
  referenceTemplate(): string {
    const value = vscode.workspace.getConfiguration('recap').get<string>('referenceTemplate');
    return typeof value === 'string' && value.trim() ? value : DEFAULT_REFERENCE_TEMPLATE;
  },
  trigger(): string {
    const value = vscode.workspace.getConfiguration('recap.completion').get<string>('trigger');
    return typeof value === 'string' && value.trim() ? value.trim() : '@@';
  },
  addToTalks(): AddToTalks {
    const value = vscode.workspace.getConfiguration('recap.completion').get<string>('addToTalks');
    return value === 'always' || value === 'never' ? value : 'ask';
  },
  autoTrigger(): boolean {
    return vscode.workspace.getConfiguration('recap.completion').get<boolean>('autoTrigger') !== false;
  },
};

function strings(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}
