import type { IndexSource } from '../../core/index/sessionIndex';
import type { Severity } from '../../core/problem';
import type { FixSource, RuleSetting } from '../../core/lint/lintRecap';
import type { RecapFileOptions } from '../../core/recap/recapFiles';
import { fixActions, type FixAction, type FixRequest } from '../../core/lint/fixActions';
import { renderRequested, type PreviewRequest } from '../../core/preview/renderPreview';

/** A finding as the worker sends it: what a diagnostic needs (fixes are made on request). */
export interface PlainFinding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /**
   * Its start and end as line and character (the worker has the text's line
   * table; the host, asked to convert hundreds of offsets after a keystroke,
   * would rebuild its own for the whole document).
   */
  range?: readonly [number, number, number, number];
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

/** Besides the findings, what a check may be asked for: the code actions at a range, or the preview's HTML. */
export type Want = { kind: 'fixes'; request: FixRequest } | { kind: 'preview'; request: PreviewRequest };

/** What was asked for, made from the same analysis as the findings. */
export type Answer = { kind: 'fixes'; actions: FixAction[] } | { kind: 'preview'; html: string };

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
      want?: Want;
      /** Date.now() when posted, for WorkerTimings.waited. */
      postedAt: number;
    }
  /** A slice of a document's whole text, sent one per turn so no one message is large. */
  | { type: 'part'; key: string; text: string; first: boolean }
  | { type: 'forget'; key: string };

/** Where a check's time went in the worker, in ms (for the measurements of large recaps). */
export interface WorkerTimings {
  /** From the host posting the request to the worker starting on it (the worker busy with earlier messages). */
  waited: number;
  /** Reading the bundle and building the index, when this check was the first after an index change. */
  index: number;
  /** Joining the slices, or applying the changes. */
  text: number;
  parse: number;
  lint: number;
  /** From the worker posting its answer to the host reading it (the host busy), set by the host. */
  delivered?: number;
}

export type FromLintWorker =
  /** `answeredAt`: Date.now() when posted, for WorkerTimings.delivered. */
  | { type: 'result'; id: number; isRecap: boolean; findings: PlainFinding[]; timings: WorkerTimings; answer?: Answer; answeredAt: number }
  /** The worker does not hold the version the changes start from (or they did not add up): send the whole text. */
  | { type: 'resync'; id: number }
  | { type: 'error'; id: number; message: string };

/** What `want` asks for besides the findings, from an analysis (the worker's answer, made the same way). */
export function answerFor(want: Want | undefined, isRecap: boolean, analysis: FixSource): Answer | undefined {
  if (want?.kind === 'preview') return { kind: 'preview', html: renderRequested(analysis.parsed, analysis.result, want.request) };
  // A post that is no recap has no fixes (as the host's code actions say).
  if (want?.kind === 'fixes') return { kind: 'fixes', actions: isRecap ? fixActions(analysis, want.request) : [] };
  return undefined;
}
