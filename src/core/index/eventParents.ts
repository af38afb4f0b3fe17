import type { Severity } from '../problem';
import { LineIndex } from '../text/lineIndex';
import type { IndexProblem } from './indexProblem';

/**
 * How far below an event its co-located events are looked for (KubeCon →
 * its day-0 events → their tracks is 2). Deeper chains are reported, and
 * `SessionIndex.family()` stops there.
 */
export const MAX_PARENT_DEPTH = 16;

/** What is wrong with one event's `parent:`. */
export interface ParentProblem {
  eventId: string;
  severity: Severity;
  message: string;
}

interface EventLike {
  id: string;
  parent?: string;
}

/**
 * Every event's parent chain, checked in one pass over the events (each
 * chain is walked once, iteratively, whatever its length): a parent that is no
 * event, a chain that loops back on itself, a chain deeper than
 * MAX_PARENT_DEPTH. One problem per event concerned, in our words.
 */
export function eventParentProblems(events: ReadonlyMap<string, EventLike>): ParentProblem[] {
  const problems: ParentProblem[] = [];
  /** Depth below the topmost ancestor; -1 inside (or below) a loop. */
  const depth = new Map<string, number>();
  for (const start of events.keys()) {
    if (depth.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id: string | undefined = start;
    let base = 0;
    while (id !== undefined) {
      const known = depth.get(id);
      if (known !== undefined) {
        base = known < 0 ? -1 : known + 1;
        break;
      }
      const at = onPath.get(id);
      if (at !== undefined) {
        const loop = path.slice(at);
        const chain = [...loop, id].map((e) => `'${e}'`).join(' → ');
        for (const member of loop) {
          depth.set(member, -1);
          problems.push({
            eventId: member,
            severity: 'error',
            message: `the parent chain of event '${member}' loops back on itself (${chain}), so no event in it has a topmost parent: remove \`parent:\` from one of these events.`,
          });
        }
        path.length = at;
        base = -1;
        break;
      }
      const event = events.get(id);
      if (!event) {
        // `id` is a parent that no event has: its child (the last on the path) is reported below.
        const child = path[path.length - 1]!;
        problems.push({
          eventId: child,
          severity: 'warning',
          message: `event '${child}' names '${id}' as its parent, and no event in the index has that id: correct the id, add an index file for '${id}', or remove \`parent:\`.`,
        });
        base = 0;
        break;
      }
      onPath.set(id, path.length);
      path.push(id);
      id = event.parent;
    }
    // Back down the path: each event one level below the one above it.
    for (let k = path.length - 1; k >= 0; k--) {
      const d = base < 0 ? -1 : base;
      depth.set(path[k]!, d);
      if (d === MAX_PARENT_DEPTH + 1) {
        problems.push({
          eventId: path[k]!,
          severity: 'warning',
          message: `event '${path[k]}' is ${d} levels below its topmost parent; co-located events are looked for only ${MAX_PARENT_DEPTH} levels down: give it a parent higher up the chain.`,
        });
      }
      if (base >= 0) base++;
    }
  }
  return problems;
}

/** Offset of the event's `parent` key in an index file's text (YAML or JSON), if it has one. */
export function parentKeyOffset(text: string): number | undefined {
  const m = /^[ \t]*(?:"parent"|'parent'|parent)[ \t]*:/m.exec(text);
  return m ? m.index + m[0].length - m[0].trimStart().length : undefined;
}

/** The problems of the event defined in one index file, located at its `parent:` (else at the top of the file). */
export function locateParentProblems(problems: readonly ParentProblem[], eventId: string, file: string, text: string): IndexProblem[] {
  const mine = problems.filter((p) => p.eventId === eventId);
  if (mine.length === 0) return [];
  const offset = parentKeyOffset(text) ?? 0;
  const lines = new LineIndex(text);
  const at = lines.positionAt(offset);
  const end = lines.lineEnd(at.line);
  return mine.map((p) => ({
    file,
    line: at.line + 1,
    column: at.character + 1,
    endLine: at.line + 1,
    endColumn: Math.max(end - lines.lineStart(at.line), at.character + 1) + 1,
    severity: p.severity,
    field: 'event.parent',
    message: p.message,
  }));
}
