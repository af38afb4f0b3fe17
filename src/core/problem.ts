export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * A located finding in some text: a YAML error in a recap, a bad field in an
 * index file. Offsets index the text the problem was found in.
 */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}
