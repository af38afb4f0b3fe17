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

/** One replacement, as VS Code reports it (offsets into the text as it is when the edit applies). */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * The document's text: whole (the `part` messages sent for it since its
 * `first`), or the changes since a version the
 * worker holds, applied in order; `length` is the result's, to check by.
 */
export type DocumentText = { kind: 'whole' } | { kind: 'changes'; base: number; changes: readonly TextChange[]; length: number };

export type ToLintWorker =
  | { type: 'index'; bundlePath: string; workspaceSources: IndexSource[] }
  | {
      type: 'lint';
      id: number;
      key: string;
      path: string;
      version: number;
      text: DocumentText;
      options: RecapFileOptions;
      rules: Record<string, RuleSetting>;
    }
  /** A slice of a document's whole text, sent one per turn so no one message is large. */
  | { type: 'part'; key: string; text: string; first: boolean }
  | { type: 'forget'; key: string };

/** Where a check's time went in the worker, in ms (for the measurements of large recaps). */
export interface WorkerTimings {
  /** Reading the bundle and building the index, when this check was the first after an index change. */
  index: number;
  /** Joining the slices, or applying the changes. */
  text: number;
  parse: number;
  lint: number;
}

export type FromLintWorker =
  | { type: 'result'; id: number; isRecap: boolean; findings: PlainFinding[]; timings: WorkerTimings }
  /** The worker does not hold the version the changes start from (or they did not add up): send the whole text. */
  | { type: 'resync'; id: number }
  | { type: 'error'; id: number; message: string };
