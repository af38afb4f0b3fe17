import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IndexedSession, SessionIndex } from '../../core/index/sessionIndex';
import { SessionSearch } from '../../core/search/sessionSearch';
import { parseCliArgs, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';

const HELP = `Usage: recap search QUERY [--index FILE]... [--event ID] [--limit N] [--json]
       recap search --queries FILE|- [--index FILE]... [--event ID] [--limit N]
Searches the bundled session index plus the given index files (titles,
speakers, companies, events; typos allowed). --event ranks that event (and
its co-located events) first. --queries reads one query per line and prints
one JSON line of results per query, sharing one load of the index.`;

function resultJson(s: IndexedSession, score: number) {
  return {
    id: s.fullId,
    title: s.title,
    speakers: s.speakers,
    event: s.eventId,
    video: s.video,
    slides: s.slides,
    schedule: s.schedule,
    score: Number(score.toFixed(4)),
  };
}

function describe(index: SessionIndex, s: IndexedSession): string {
  const who = s.speakers.map((sp) => (sp.affiliation ? `${sp.name} (${sp.affiliation})` : sp.name)).join(', ');
  const event = index.events.get(s.eventId)?.name ?? s.eventId;
  return `${s.fullId}\n  ${s.title}${who ? ` — ${who}` : ''}\n  ${event}${s.video ? `\n  video: ${s.video}` : ''}`;
}

export const searchCommand: CliCommand = {
  summary: 'search the session index (typos allowed)',
  help: HELP,
  async run(args, io) {
    const parsed = parseCliArgs(args, {
      index: { type: 'string', multiple: true, default: [] },
      event: { type: 'string' },
      limit: { type: 'string', default: '10' },
      json: { type: 'boolean' },
      queries: { type: 'string' },
    });
    const { values, positionals } = parsed;
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit takes a whole number from 1 to 1000, got '${values.limit}'`);
    if (!values.queries && positionals.length === 0) throw new UsageError('give a query, or --queries FILE');
    const { index } = loadCliIndex(values.index ?? [], io);
    const search = new SessionSearch(index);
    const preferEvents = values.event ? index.family(values.event) : undefined;
    if (values.event && !index.events.has(values.event)) io.err(`recap search: no event '${values.event}' in the index; searching all events`);
    const run = (q: string) => search.search(q, { limit, preferEvents });
    if (values.queries) {
      const text = values.queries === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(io.cwd, values.queries), 'utf8');
      for (const q of text.split(/\r?\n/).filter((l) => l.trim())) {
        io.out(JSON.stringify({ query: q, results: run(q).map((r) => resultJson(r.session, r.score)) }));
      }
      return 0;
    }
    const results = run(positionals.join(' '));
    if (values.json)
      io.out(
        JSON.stringify(
          results.map((r) => resultJson(r.session, r.score)),
          null,
          2,
        ),
      );
    else if (results.length === 0) io.out('no matching sessions');
    else io.out(results.map((r) => describe(index, r.session)).join('\n'));
    return 0;
  },
};
