import type { Speaker } from '../index/model';

/**
 * The speakers of a Sched title ("Title - Name, Company & Name, Company").
 * Sched's editors write the tail by hand, so its grammar is loose:
 *
 * - groups separated by "; " ("A, X; B, Y; C, Z");
 * - in a group, people joined by ", " and " & ", each optionally followed by
 *   a job title, and a company after the last of the people it applies to:
 *   "A & B, X" (both at X), "A, B & C, X" (all three at X), "A, X & B, Y"
 *   (one each), "A, CTO & B, Engineer, X" (titles dropped, both at X);
 * - a company may itself hold a comma ("CyberAgent, Inc."), an ampersand
 *   ("1&1 Mail & Media GmbH", "DHL Data & Analytics") or " - " ("IBM
 *   Research Europe - Ireland"); a person may come without one ("A, X &
 *   B"); "Moderated by A, CTO, X".
 *
 * "A, B & C, X" and "A, X & B, Y" read the same way; which one a title means
 * is decided by what the other titles of the same schedule say (`evidence`:
 * names seen where only a company or only a person can stand, and the
 * companies people are seen with), then by the words (legal forms,
 * "University", "Labs", a single word: a company; the given name of a
 * speaker seen elsewhere: a person), and last by the schedule's habit: a
 * group among several (";") is one company's people, a lone group is pairs.
 * On KubeCon EU 2024 that leaves one reading wrong: "Ashley Davis, Maël
 * Valais & Tim Ramlot, Venafi", where nothing else names any of the three.
 */
export interface SpeakerEvidence {
  /** Names seen where only a company stands (a group's last part after a comma). */
  companies: ReadonlySet<string>;
  /** Names seen where only a person stands (a group's first part, a part after " & "). */
  people: ReadonlySet<string>;
  /** Person → the companies they are given where the reading was not in doubt. */
  affiliations: ReadonlyMap<string, ReadonlySet<string>>;
  /** First words of people's names (this schedule's, and any the caller knows). */
  givenNames: ReadonlySet<string>;
}

const EMPTY: SpeakerEvidence = { companies: new Set(), people: new Set(), affiliations: new Map(), givenNames: new Set() };

/** "CyberAgent, Inc.": a legal form after a comma belongs to the company before it. */
const LEGAL_FORM = /^(?:inc|llc|ltd|limited|gmbh|corp|corporation|co|plc|ag|sa|s\.a|bv|b\.v|sas|srl|oy|ab|as|kk)\.?$/i;
/** Words only a company's name holds: a legal form, a university, a domain. */
const COMPANY_MARK =
  /\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|plc|university|universit[äa]t|universiteit|universidad|universit[àé]|college|institute|institut|foundation)\b|\.(?:io|ai|com|dev|net|org)\b/i;
/** Words that make a name a company's more likely than a person's. */
const COMPANY_WORD =
  /\b(?:co|ag|school|labs?|technolog(?:y|ies)|systems|solutions|software|services|security|group|cloud|networks?|consulting|computing|research|partners|hub|registry|startup|airlines|bank|office|federal|national|telephone|telegraph|data|analytics|observability|platform|europe|international)\b|[/()|]|\d/i;
/** A job title between a person and their company ("Bob Wise, CEO, Heroku"). */
const JOB_TITLE =
  /\b(?:ceo|cto|cfo|coo|cio|ciso|cpo|vp|svp|evp|founder|co-?founder|president|director|chair(?:man|woman|person)?|engineer|manager|lead|architect|head|fellow|principal|chief|consultant|advocate|evangelist|developer|scientist|researcher|officer|maintainer|analyst|specialist|strategist)\b/i;
/** Words no person's name holds ("Build Your First Plugin, Contribute with Code, Design, or Words"). */
const NOT_A_NAME =
  /^(?:a|an|the|and|or|of|for|to|with|in|on|at|by|from|your|our|my|how|what|why|is|are|be|we|us|you|it|this|that|not|no|all|do|don't|can't|won't|let's|it's|we'll|day|event|talk|track|session|workshop)$/i;
/** Lower-case words a name may hold ("Ursula von der Leyen", "Angel M De Miguel"). */
const PARTICLE = /^(?:de|da|di|do|dos|das|du|del|della|der|den|van|von|la|le|y|e|bin|binti|al|el|zu|ter|ten)$/;

/** "… | Project Lightning Talk": a session label ends the title, no speaker list does. */
const SESSION_LABEL = /\|\s*[^|,]*\b(?:talk|session|workshop|tutorial|keynote)\s*$/i;

const key = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Could this be a person's name as Sched's editors write it? ("Jean-Charles "JC" Lopez", "Jung-Yu (Gina) Yeh", "Flynn"). */
function looksLikeName(s: string): boolean {
  const w = words(s);
  if (w.length === 0 || w.length > 6 || /[:|!?;@]|\d| - /.test(s)) return false;
  if (!/^["'“(]?\p{Lu}/u.test(w[0]!)) return false;
  // A lone capital after the first word is an initial ("Aditya Sirish A Yelgundhalli").
  return w.every((x, i) => (!NOT_A_NAME.test(x) || (i > 0 && /^\p{Lu}$/u.test(x))) && (/^["'“(]?\p{Lu}/u.test(x) || PARTICLE.test(x)));
}

type Role = 'person' | 'title' | 'company';
interface Part {
  text: string;
  /** The separator before it: the first part's is ';'. */
  sep: ',' | '&' | ';';
  role?: Role;
  /** The role was chosen between two readings on the evidence, not by the words themselves. */
  doubtful?: boolean;
}

/** One group's parts with legal forms and company ampersands joined to their company. */
function splitGroup(group: string): Part[] {
  const pieces = group.split(/(\s*,\s*&\s+|\s*,\s*|\s+&\s+)/);
  const parts: Part[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const text = pieces[i]!.trim();
    const sep = i === 0 ? ';' : pieces[i - 1]!.includes('&') ? '&' : ',';
    const prev = parts[parts.length - 1];
    if (!text) continue;
    if (prev && sep === ',' && LEGAL_FORM.test(text)) {
      prev.text += `, ${text}`;
      continue;
    }
    // "1&1 Mail & Media GmbH", "DHL Data & Analytics": an ampersand inside the group's last company.
    const last = i === pieces.length - 1;
    if (prev && prev.sep === ',' && sep === '&' && (/\b(?:gmbh|inc|llc|ltd)\b/i.test(text) || (last && words(text).length === 1))) {
      prev.text += ` & ${text}`;
      continue;
    }
    parts.push({ text, sep });
  }
  if (parts[0]) parts[0].text = parts[0].text.replace(/^(?:moderated|hosted|presented|facilitated) by\s+/i, '');
  return parts;
}

/** The person before part i. */
function previousPerson(parts: Part[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (parts[j]!.role === 'person') return parts[j]!.text;
  return undefined;
}

/** A part after a comma that could be a person or a company; `sure` when its words settle it. */
function decide(parts: Part[], i: number, groups: number, ev: SpeakerEvidence): { role: Role; sure: boolean } {
  const text = parts[i]!.text;
  const k = key(text);
  if (!looksLikeName(text) || words(text).length < 2 || COMPANY_MARK.test(text)) return { role: 'company', sure: true };
  if (ev.companies.has(k) && !ev.people.has(k)) return { role: 'company', sure: false };
  if (ev.people.has(k) && !ev.companies.has(k)) return { role: 'person', sure: false };
  if (COMPANY_WORD.test(text)) return { role: 'company', sure: false };
  const before = previousPerson(parts, i);
  const seen = before ? ev.affiliations.get(key(before)) : undefined;
  const final = parts[parts.length - 1]!;
  if (seen?.has(k)) return { role: 'company', sure: false };
  if (seen && final.sep === ',' && seen.has(key(final.text))) return { role: 'person', sure: false };
  if (ev.givenNames.has(words(text)[0]!.replace(/^["'“(]/, ''))) return { role: 'person', sure: false };
  return { role: groups > 1 ? 'person' : 'company', sure: false };
}

/** The speakers a tail names, or undefined when it is not a speaker list. */
function parseTail(raw: string, ev: SpeakerEvidence, collect?: (parts: Part[]) => void): Speaker[] | undefined {
  const tail = raw.replace(/\u00a0/g, ' ').trim();
  if (SESSION_LABEL.test(tail)) return undefined;
  if (!tail.includes(',')) return ev.people.has(key(tail)) && looksLikeName(tail) ? [{ name: tail }] : undefined;
  const groups = tail.split(/\s*;\s*/).filter(Boolean);
  const speakers: Speaker[] = [];
  const read: Part[][] = [];
  for (const group of groups) {
    const parts = splitGroup(group);
    read.push(parts);
    parts.forEach((p, i) => {
      if (i === 0 || p.sep === '&') p.role = 'person';
      else if (i === parts.length - 1) p.role = 'company';
      else if (JOB_TITLE.test(p.text) && !COMPANY_MARK.test(p.text)) p.role = 'title';
      else {
        const { role, sure } = decide(parts, i, groups.length, ev);
        p.role = role;
        p.doubtful = !sure;
      }
    });
    let pending: Speaker[] = [];
    for (const p of parts) {
      if (p.role === 'person') {
        // A one-word name ("Flynn") only after " & " or where the schedule has it so.
        if (!looksLikeName(p.text) || (p.sep !== '&' && words(p.text).length < 2 && !ev.people.has(key(p.text)))) return undefined;
        const s: Speaker = { name: p.text.replace(/\s+/g, ' ') };
        pending.push(s);
        speakers.push(s);
      } else if (p.role === 'company') {
        if (pending.length === 0 || !/\p{L}/u.test(p.text)) return undefined;
        for (const s of pending) s.affiliation = p.text.replace(/\s+/g, ' ');
        pending = [];
      }
    }
  }
  if (speakers.length === 0) return undefined;
  if (collect) read.forEach(collect);
  return speakers;
}

/** The places " - " could start the speakers, last first. */
function cuts(name: string): number[] {
  const out: number[] = [];
  for (let i = name.lastIndexOf(' - '); i > 0; i = name.lastIndexOf(' - ', i - 1)) out.push(i);
  return out;
}

/**
 * Splits "Title - Name, Company & Name, Company" into the title and its
 * speakers; a title whose tail is no speaker list ("… | Project Lightning
 * Talk", "Contribfest: Headlamp K8s UI - Build Your First Plugin, …") stays
 * whole. See SpeakerEvidence for how the doubtful readings are settled.
 */
export function splitSpeakerTail(name: string, evidence: SpeakerEvidence = EMPTY): { title: string; speakers: Speaker[] } {
  const all = cuts(name);
  // "… Hosted by CNCF - Half Day Event | ALL ACCESS PASS REQUIRED": a ticket note, not part of the title.
  if (all[0] && /^(?:(?:half|full) day event\b|sold out\b)/i.test(name.slice(all[0] + 3).trim())) return { title: name.slice(0, all[0]).trim(), speakers: [] };
  for (const cut of all) {
    const speakers = parseTail(name.slice(cut + 3), evidence);
    if (speakers) return { title: name.slice(0, cut).trim(), speakers };
  }
  return { title: name.trim(), speakers: [] };
}

/**
 * What a schedule's titles say about its names, read where a name's role is
 * not in doubt, for splitSpeakerTail to settle the doubtful readings.
 * `givenNames`: first words of speakers' names from elsewhere.
 */
export function speakerEvidence(titles: Iterable<string>, givenNames: Iterable<string> = []): SpeakerEvidence {
  const companies = new Set<string>();
  const people = new Set<string>();
  const affiliations = new Map<string, Set<string>>();
  const given = new Set(givenNames);
  const list = [...titles];
  for (const name of list) {
    for (const cut of cuts(name)) {
      const found = parseTail(name.slice(cut + 3), EMPTY, (parts) => {
        const sure = !parts.some((p) => p.doubtful);
        let pending: string[] = [];
        parts.forEach((p, i) => {
          if (p.role === 'person' && !p.doubtful) {
            people.add(key(p.text));
            given.add(words(p.text)[0]!.replace(/^["'“(]/, ''));
          }
          if (p.role === 'person') {
            pending.push(key(p.text));
          } else if (p.role === 'company' && !p.doubtful && i === parts.length - 1) companies.add(key(p.text));
          if (p.role === 'company') {
            if (sure) for (const who of pending) (affiliations.get(who) ?? affiliations.set(who, new Set()).get(who)!).add(key(p.text));
            pending = [];
          }
        });
      });
      if (found) break;
    }
  }
  return { companies, people, affiliations, givenNames: given };
}
