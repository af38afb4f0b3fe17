import type { Severity } from '../problem';

/** A problem in an index file, located for the Problems panel and the CLI (1-based lines and columns). */
export interface IndexProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  /** The field path, e.g. `sessions[3].video`. */
  field: string;
  message: string;
}

export function formatIndexProblem(p: IndexProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity} ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
