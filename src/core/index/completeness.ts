import type { Severity } from '../problem';
import { COMPLETE_MARK, END_OF_INDEX } from './writeIndexFile';

/**
 * A file that says at its top that it was written whole (every index file
 * Recap Writer writes) must end with `# end of index: …`; otherwise it was cut
 * short, and what is left may still parse (a session or a title lost).
 */
export function checkComplete(text: string, locate: (range: readonly [number, number], field: string, message: string, severity: Severity) => void): void {
  const head = text.slice(0, 4096);
  const markAt = head.indexOf(COMPLETE_MARK);
  if (markAt < 0 || (markAt > 0 && head[markAt - 1] !== '\n')) return;
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const lastStart = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
  if (text.startsWith(`${END_OF_INDEX}:`, lastStart)) return;
  locate(
    [lastStart, Math.max(end, lastStart + 1)],
    '',
    `the file ends early: its first lines say its last line is "${END_OF_INDEX}: …", and that line is missing, so it was cut short while being written or copied. Write or import it again.`,
    'error',
  );
}
