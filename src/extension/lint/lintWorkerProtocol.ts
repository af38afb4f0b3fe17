import type { IndexSource } from '../../core/index/sessionIndex';
import type { Severity } from '../../core/problem';
import type { RuleSetting } from '../../core/lint/lintRecap';
import type { RecapFileOptions } from '../../core/recap/recapFiles';

/** A finding as the worker sends it: what a diagnostic needs (fixes are made in the host, on request). */
export interface PlainFinding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

export type ToLintWorker =
  | { type: 'index'; bundlePath: string; workspaceSources: IndexSource[] }
  | { type: 'lint'; id: number; key: string; path: string; text: string; options: RecapFileOptions; rules: Record<string, RuleSetting> }
  | { type: 'forget'; key: string };

export type FromLintWorker = { type: 'result'; id: number; isRecap: boolean; findings: PlainFinding[] } | { type: 'error'; id: number; message: string };
