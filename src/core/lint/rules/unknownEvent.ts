import { editDistance } from '../../search/words';
import { replacementScalar } from '../../edits/yamlEdits';
import type { LintRule, RuleFinding } from '../rule';

const MAX_DISTANCE = 2;

/**
 * An info, not a warning: recaps of events nobody has indexed are normal,
 * but a typo in the id silently turns off title matching, so say so.
 */
export const unknownEvent: LintRule = {
  id: 'unknown-event',
  defaultSeverity: 'info',
  description: 'The `event:` id is not in the session index, so the talks of the recap cannot be found by title (fixes suggest close ids).',
  check({ parsed, index }) {
    const out: RuleFinding[] = [];
    const events = [...index.events.values()];
    for (const event of parsed.events) {
      if (index.events.has(event.value)) continue;
      // Closest first; among equals the most recent (a mistyped year more likely means a recent edition).
      const close = events
        .map((e) => ({ id: e.id, start: e.start ?? '', d: editDistance(event.value, e.id, MAX_DISTANCE) }))
        .filter((c) => c.d <= MAX_DISTANCE)
        .sort((a, b) => a.d - b.d || b.start.localeCompare(a.start) || a.id.localeCompare(b.id))
        .slice(0, 3);
      const written = parsed.text.slice(event.range.start, event.range.end);
      out.push({
        ...event.range,
        message: `No event “${event.value}” in the session index${close[0] ? `; did you mean ${close[0].id}?` : ': import its schedule so its talks can be checked.'}`,
        fixes: close.map((c) => ({ title: `Did you mean ${c.id}?`, edits: [{ ...event.range, newText: replacementScalar(written, c.id) }] })),
      });
    }
    return out;
  },
};
