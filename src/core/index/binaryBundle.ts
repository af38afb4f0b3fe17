import { decodeBundle, urlPrefixes, type Bundle } from './bundle';
import { fullId, type ConferenceEvent, type EventFile, type Session, type Speaker } from './model';
import type { PrebuiltSearch, SearchData } from './prebuiltSearch';
import { distinctSpeakers, type IndexedSession, type IndexInput, type Origin, type SessionTable } from './sessionIndex';
import { bundledSources } from './sources';

/**
 * The bundled index as it ships: one binary file holding the sessions column
 * by column and the search prebuilt over them. Loading it parses a small
 * header and lays typed arrays over the file's bytes; a session is made the
 * first time it is asked for (its strings decoded alone), and every session
 * when all are (each text column then decoded whole). So the search is ready
 * without a JSON parse of 35,000 rows, a copy of each session or a split and
 * count of their words.
 *
 *   "RECAPBIN" · u32 header length · header (JSON, padded) · sections
 *
 * The header has the sources, the events (with their number of sessions, in
 * order), the URL prefixes, the few aliases and where each section is. A
 * section is text (UTF-8, its values one after another, with a u32 section
 * `<name>Starts` of where each begins in bytes, and one `<name>Lengths` of
 * their lengths in UTF-16 code units where some are not ASCII) or
 * little-endian unsigned integers (1, 2 or 4 bytes each, starting at a
 * multiple of 4). The vocabulary's words, always decoded whole, are packed
 * text: `termsStarts` counts UTF-16 code units. Sessions are numbered across
 * all events, in order.
 */
export const BINARY_BUNDLE_FORMAT = 'recap-bundle/2';

const MAGIC = 'RECAPBIN';

/** Text (UTF-8) or little-endian unsigned integers of 1, 2 or 4 bytes, read in place. */
type SectionKind = 'text' | 'u8' | 'u16' | 'u32';

interface BinaryHeader {
  format: typeof BINARY_BUNDLE_FORMAT;
  sources: string[];
  prefixes: string[];
  events: { event: ConferenceEvent; sessions: number }[];
  /** Session number → its aliases (old ids), for the few that have some. */
  aliases: Record<string, string[]>;
  /** name → [offset after the header (a multiple of 4), byte length, number of values, kind] */
  sections: Record<string, [number, number, number, SectionKind]>;
}

/** Is this file's content a binary bundle (rather than the JSON one)? */
export function isBinaryBundle(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length + 4) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * Encodes the events and the search data built over exactly their sessions
 * (new SessionSearch(new SessionIndex(bundledSources(files, …))).data()).
 * Event and full ids must be unique: the search numbers sessions as the index lists them.
 */
export function encodeBinaryBundle(files: readonly EventFile[], sources: string[], search: SearchData): Uint8Array {
  const writer = new SectionWriter();
  const { prefixes, split } = urlPrefixes(files);
  const strings: string[] = [];
  const stringRefs = new Map<string, number>();
  // 1 + the string's position, 0 for none.
  const ref = (s: string | undefined): number => {
    if (!s) return 0;
    let r = stringRefs.get(s);
    if (r === undefined) {
      r = strings.push(s);
      stringRefs.set(s, r);
    }
    return r;
  };
  const speakerNames: number[] = [];
  const speakerAffiliations: number[] = [];
  const speakerRefs = new Map<string, number>();
  const speakerRef = (sp: Speaker): number => {
    const key = `${sp.name}\u0000${sp.affiliation ?? ''}`;
    let r = speakerRefs.get(key);
    if (r === undefined) {
      r = speakerNames.push(ref(sp.name)) - 1;
      speakerAffiliations.push(ref(sp.affiliation));
      speakerRefs.set(key, r);
    }
    return r;
  };
  const ids: string[] = [];
  const titles: string[] = [];
  const starts: string[] = [];
  const speakerStarts: number[] = [0];
  const speakerList: number[] = [];
  const types: number[] = [];
  const tracks: number[] = [];
  const rooms: number[] = [];
  const durations: number[] = [];
  const urlCodes: number[] = [];
  const rests: [string[], string[], string[]] = [[], [], []];
  const aliases: Record<string, string[]> = {};
  const seen = new Set<string>();
  const seenEvents = new Set<string>();
  for (const f of files) {
    if (seenEvents.has(f.event.id)) throw new Error(`bundle: event ${f.event.id} is there twice`);
    seenEvents.add(f.event.id);
    for (const s of f.sessions) {
      const id = fullId(f.event.id, s.id);
      if (seen.has(id)) throw new Error(`bundle: ${id} is there twice`);
      if (s.aliases?.length) aliases[ids.length] = s.aliases;
      seen.add(id);
      ids.push(s.id);
      titles.push(s.title);
      starts.push(s.start ?? '');
      for (const sp of s.speakers) speakerList.push(speakerRef(sp));
      speakerStarts.push(speakerList.length);
      types.push(ref(s.type));
      tracks.push(ref(s.track));
      rooms.push(ref(s.room));
      durations.push(s.duration ?? 0);
      [s.video, s.slides, s.schedule].forEach((url, k) => {
        if (!url) {
          urlCodes.push(0);
          rests[k]!.push('');
          return;
        }
        const c = split(url, s.id);
        urlCodes.push(1 + c.prefix * 2 + (c.withId ? 1 : 0));
        rests[k]!.push(c.rest);
      });
    }
  }
  const n = ids.length;
  if (search.titleLength.length !== n) throw new Error(`bundle: the search covers ${search.titleLength.length} sessions, the events have ${n}`);
  writer.text('ids', ids);
  writer.text('titles', titles);
  writer.text('starts', starts);
  writer.text('videoRests', rests[0]);
  writer.text('slidesRests', rests[1]);
  writer.text('scheduleRests', rests[2]);
  writer.ints('urlCodes', urlCodes);
  writer.ints('speakerStarts', speakerStarts, 'u32');
  writer.ints('speakerList', speakerList);
  writer.ints('types', types);
  writer.ints('tracks', tracks);
  writer.ints('rooms', rooms);
  writer.ints('durations', durations);
  writer.text('strings', strings);
  writer.ints('speakerNames', speakerNames);
  writer.ints('speakerAffiliations', speakerAffiliations);
  // The search's arrays as they are: loading wraps them.
  const v = search.vocabulary;
  writer.packedText('terms', v.text, v.starts);
  writer.ints(
    'termHashes',
    Uint32Array.from(v.hashes, (h) => h >>> 0),
    'u32',
  );
  writer.ints(
    'termSlots',
    Uint32Array.from(v.slots, (h) => h >>> 0),
    'u32',
  );
  writer.ints('offsets', search.offsets, 'u32');
  writer.ints('postings', search.postings, 'u16 or u32');
  writer.ints('fields', search.fields, 'u8');
  writer.ints('sorted', search.sorted, 'u16 or u32');
  writer.ints('gramOffsets', search.gramOffsets, 'u32');
  writer.ints('gramTerms', search.gramTerms, 'u16 or u32');
  writer.ints('titleLength', search.titleLength, 'u8');
  const header: BinaryHeader = {
    format: BINARY_BUNDLE_FORMAT,
    sources,
    prefixes,
    events: files.map((f) => ({ event: f.event, sessions: f.sessions.length })),
    aliases,
    sections: writer.sections,
  };
  return writer.finish(header);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const WIDTH = { u8: 1, u16: 2, u32: 4 } as const;

class SectionWriter {
  readonly sections: Record<string, [number, number, number, SectionKind]> = {};
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  /**
   * Strings one after another, where each begins in bytes (`<name>Starts`,
   * one more than there are values), so one value can be decoded alone, and,
   * where some are not ASCII, each one's length in UTF-16 code units
   * (`<name>Lengths`), to slice them from the whole text decoded at once.
   */
  text(name: string, values: readonly string[]): void {
    const bytes = values.map((v) => new TextEncoder().encode(v));
    const starts = new Uint32Array(values.length + 1);
    for (let i = 0; i < bytes.length; i++) starts[i + 1] = starts[i]! + bytes[i]!.length;
    const joined = new Uint8Array(starts[values.length]!);
    bytes.forEach((b, i) => joined.set(b, starts[i]!));
    const length = values.reduce((sum, v) => sum + v.length, 0);
    this.add(name, joined, length, 'text');
    this.ints(`${name}Starts`, starts, 'u32');
    if (joined.length !== length)
      this.ints(
        `${name}Lengths`,
        values.map((v) => v.length),
      );
  }

  /** Strings one after another, and where each begins (`<name>Starts`, one more than there are values). */
  packedText(name: string, text: string, starts: Uint32Array): void {
    if (starts[starts.length - 1] !== text.length) throw new Error(`bundle: ${name} does not end where its last value does`);
    this.add(name, new TextEncoder().encode(text), text.length, 'text');
    this.ints(`${name}Starts`, starts, 'u32');
  }

  /** Unsigned integers, as `kind` or else in the fewest bytes that hold the largest (at least 2 for 'u16 or u32'). */
  ints(name: string, values: ArrayLike<number>, kind?: 'u8' | 'u16' | 'u32' | 'u16 or u32'): void {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`bundle: ${name} holds ${v}, not an unsigned 32-bit integer`);
      if (v > max) max = v;
    }
    const k = kind === 'u16 or u32' ? (max <= 0xffff ? 'u16' : 'u32') : (kind ?? (max <= 0xff ? 'u8' : max <= 0xffff ? 'u16' : 'u32'));
    if (max >= 2 ** (8 * WIDTH[k])) throw new Error(`bundle: ${name} holds ${max}, too large for ${k}`);
    const out = new Uint8Array(values.length * WIDTH[k]);
    const view = new DataView(out.buffer);
    for (let i = 0; i < values.length; i++) {
      if (k === 'u8') out[i] = values[i]!;
      else if (k === 'u16') view.setUint16(i * 2, values[i]!, true);
      else view.setUint32(i * 4, values[i]!, true);
    }
    this.add(name, out, values.length, k);
  }

  private add(name: string, bytes: Uint8Array, count: number, kind: SectionKind): void {
    if (this.sections[name]) throw new Error(`bundle: two ${name} sections`);
    this.sections[name] = [this.size, bytes.length, count, kind];
    this.chunks.push(bytes);
    this.size += bytes.length;
    // Every section starts at a multiple of 4 after the header (which is padded to one), so it can be read in place.
    const pad = (4 - (this.size % 4)) % 4;
    if (pad) {
      this.chunks.push(new Uint8Array(pad));
      this.size += pad;
    }
  }

  finish(header: BinaryHeader): Uint8Array {
    let head = new TextEncoder().encode(JSON.stringify(header));
    // The header is padded with spaces so the sections after it stay aligned.
    const padded = Math.ceil((MAGIC.length + 4 + head.length) / 4) * 4 - MAGIC.length - 4;
    if (padded > head.length) {
      const spaced = new Uint8Array(padded).fill(0x20);
      spaced.set(head);
      head = spaced;
    }
    const out = new Uint8Array(MAGIC.length + 4 + head.length + this.size);
    for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
    new DataView(out.buffer).setUint32(MAGIC.length, head.length, true);
    out.set(head, MAGIC.length + 4);
    let at = MAGIC.length + 4 + head.length;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

type Ints = Uint8Array | Uint16Array | Uint32Array;

class SectionReader {
  readonly header: BinaryHeader;
  private readonly base: number;

  constructor(private readonly bytes: Uint8Array) {
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
    this.base = MAGIC.length + 4 + length;
    if (this.base > bytes.length) throw new Error('bundle: cut off inside its header');
    this.header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, this.base))) as BinaryHeader;
    if (this.header.format !== BINARY_BUNDLE_FORMAT) throw new Error(`unknown bundle format '${String(this.header.format)}'`);
  }

  private section(name: string, kinds: readonly SectionKind[]): [start: number, end: number, count: number, kind: SectionKind] {
    const s = this.header.sections[name];
    if (!s) throw new Error(`bundle: no ${name} section`);
    if (!kinds.includes(s[3])) throw new Error(`bundle: ${name} is ${s[3]}, not ${kinds.join(' or ')}`);
    const start = this.base + s[0];
    if (start + s[1] > this.bytes.length) throw new Error(`bundle: cut off inside its ${name} section`);
    if (s[3] !== 'text' && s[1] !== s[2] * WIDTH[s[3]]) throw new Error(`bundle: ${name} has ${s[1]} bytes for ${s[2]} ${s[3]} values`);
    return [start, start + s[1], s[2], s[3]];
  }

  /** A text section, not yet decoded: its bytes and its length in UTF-16 code units. */
  private textSection(name: string): { bytes: Uint8Array; length: number } {
    const [start, end, length] = this.section(name, ['text']);
    return { bytes: this.bytes.subarray(start, end), length };
  }

  /** A column of strings (see text() in SectionWriter). */
  column(name: string): TextColumn {
    const { bytes, length } = this.textSection(name);
    const byteStarts = this.ints(`${name}Starts`, 'u32');
    if (byteStarts[byteStarts.length - 1] !== bytes.length) throw new Error(`bundle: ${name}Starts does not end at ${name}'s end`);
    // An ASCII column has no lengths: its values start at the same places in characters as in bytes.
    const lengths = bytes.length === length ? undefined : this.ints(`${name}Lengths`);
    if (lengths && lengths.length !== byteStarts.length - 1) throw new Error(`bundle: ${name}Lengths and ${name}Starts differ in length`);
    return new TextColumn(name, bytes, length, byteStarts, lengths);
  }

  /** A packed text (see packedText() in SectionWriter) and where its values start. */
  packed(name: string): { text: string; starts: Uint32Array } {
    const { bytes, length } = this.textSection(name);
    const starts = this.ints(`${name}Starts`, 'u32');
    if (starts[starts.length - 1] !== length) throw new Error(`bundle: ${name}Starts does not end at ${name}'s end`);
    return { text: decodeText(name, bytes, length), starts };
  }

  /** A section of integers, in place (a view of the file's bytes) where it can be. */
  ints(name: string): Ints;
  ints(name: string, kind: 'u32'): Uint32Array;
  ints(name: string, kind: 'u16 or u32'): Uint16Array | Uint32Array;
  ints(name: string, kind: 'u8'): Uint8Array;
  ints(name: string, kind?: 'u8' | 'u32' | 'u16 or u32'): Ints {
    const kinds: SectionKind[] = kind === 'u16 or u32' ? ['u16', 'u32'] : kind ? [kind] : ['u8', 'u16', 'u32'];
    const [start, end, count, k] = this.section(name, kinds);
    if (k === 'u8') return this.bytes.subarray(start, end);
    const Type = k === 'u16' ? Uint16Array : Uint32Array;
    const at = this.bytes.byteOffset + start;
    if (LITTLE_ENDIAN && at % Type.BYTES_PER_ELEMENT === 0) return new Type(this.bytes.buffer as ArrayBuffer, at, count);
    const out = new Type(count);
    const view = new DataView(this.bytes.buffer, at, end - start);
    for (let i = 0; i < count; i++) out[i] = k === 'u16' ? view.getUint16(i * 2, true) : view.getUint32(i * 4, true);
    return out;
  }

  int32s(name: string): Int32Array {
    const u = this.ints(name, 'u32');
    return new Int32Array(u.buffer, u.byteOffset, u.length);
  }
}

const utf8 = new TextDecoder();

function decodeText(name: string, bytes: Uint8Array, length: number): string {
  const text = utf8.decode(bytes);
  if (text.length !== length) throw new Error(`bundle: ${name} decodes to ${text.length} characters, not ${length}`);
  return text;
}

/**
 * A column of strings. Until decodeAll(), each value asked for is decoded
 * alone from its bytes (a search shows a few dozen sessions); after it, the
 * whole column is one string and each value a slice of it.
 */
class TextColumn {
  private text: string | undefined;
  private starts: Uint32Array | undefined;

  constructor(
    private readonly name: string,
    private readonly bytes: Uint8Array,
    private readonly textLength: number,
    private readonly byteStarts: Uint32Array,
    private readonly lengths: Ints | undefined,
  ) {}

  get length(): number {
    return this.byteStarts.length - 1;
  }

  at(r: number): string {
    if (this.text !== undefined) return this.text.slice(this.starts![r]!, this.starts![r + 1]!);
    const from = this.byteStarts[r]!;
    const to = this.byteStarts[r + 1]!;
    return from === to ? '' : utf8.decode(this.bytes.subarray(from, to));
  }

  decodeAll(): void {
    if (this.text !== undefined) return;
    let starts = this.byteStarts;
    if (this.lengths) {
      starts = new Uint32Array(this.lengths.length + 1);
      for (let i = 0; i < this.lengths.length; i++) starts[i + 1] = starts[i]! + this.lengths[i]!;
    }
    if (starts[starts.length - 1] !== this.textLength) throw new Error(`bundle: the lengths of ${this.name} do not add up to its length`);
    this.starts = starts;
    this.text = decodeText(this.name, this.bytes, this.textLength);
  }
}

/** A binary bundle's sessions (see SessionTable): the columns as read, each session made when first asked for. */
class BundleTable implements SessionTable {
  readonly kind = 'table';
  readonly events: { event: ConferenceEvent; first: number; count: number }[] = [];
  readonly count: number;
  readonly search: PrebuiltSearch;
  private readonly rows: (IndexedSession | undefined)[];
  private made = 0;
  private readonly eventOfRow: Uint16Array | Uint32Array;
  private readonly eventIndex = new Map<string, number>();
  private readonly ids: TextColumn;
  private readonly titles: TextColumn;
  private readonly starts: TextColumn;
  private readonly rests: [TextColumn, TextColumn, TextColumn];
  private readonly urlCodes: Ints;
  private readonly speakerStarts: Uint32Array;
  private readonly speakerList: Ints;
  private readonly types: Ints;
  private readonly tracks: Ints;
  private readonly rooms: Ints;
  private readonly durations: Ints;
  private readonly strings: TextColumn;
  private readonly stringCache: (string | undefined)[];
  private readonly speakerNames: Ints;
  private readonly speakerAffiliations: Ints;
  private readonly speakers: (Speaker | undefined)[];
  /** One list per speaker for the many talks given by one person: nothing changes an indexed session. */
  private readonly alone: (Speaker[] | undefined)[];
  private readonly prefixes: string[];
  private readonly aliasesOf: Record<string, string[]>;
  /** Per event asked about by rowOf(): its sessions' rows by id. */
  private readonly rowMaps = new Map<number, Map<string, number>>();

  constructor(
    r: SectionReader,
    readonly origin: Origin,
    private readonly distinct: boolean,
  ) {
    const { header } = r;
    let first = 0;
    for (const { event, sessions } of header.events) {
      this.eventIndex.set(event.id, this.events.length);
      this.events.push({ event, first, count: sessions });
      first += sessions;
    }
    this.count = first;
    this.ids = r.column('ids');
    this.titles = r.column('titles');
    this.starts = r.column('starts');
    this.rests = [r.column('videoRests'), r.column('slidesRests'), r.column('scheduleRests')];
    this.urlCodes = r.ints('urlCodes');
    this.speakerStarts = r.ints('speakerStarts', 'u32');
    this.speakerList = r.ints('speakerList');
    this.types = r.ints('types');
    this.tracks = r.ints('tracks');
    this.rooms = r.ints('rooms');
    this.durations = r.ints('durations');
    this.strings = r.column('strings');
    this.speakerNames = r.ints('speakerNames');
    this.speakerAffiliations = r.ints('speakerAffiliations');
    const n = this.count;
    for (const [name, length] of [
      ['ids', this.ids.length],
      ['titles', this.titles.length],
      ['starts', this.starts.length],
      ['videoRests', this.rests[0].length],
      ['slidesRests', this.rests[1].length],
      ['scheduleRests', this.rests[2].length],
      ['urlCodes', this.urlCodes.length / 3],
      ['speakerStarts', this.speakerStarts.length - 1],
      ['types', this.types.length],
      ['tracks', this.tracks.length],
      ['rooms', this.rooms.length],
      ['durations', this.durations.length],
    ] as const) {
      if (length !== n) throw new Error(`bundle: ${name} has ${length} values for ${n} sessions`);
    }
    if (this.speakerStarts[n] !== this.speakerList.length || this.speakerNames.length !== this.speakerAffiliations.length) {
      throw new Error('bundle: the speaker columns do not fit each other');
    }
    this.stringCache = new Array<string | undefined>(this.strings.length + 1);
    this.speakers = new Array<Speaker | undefined>(this.speakerNames.length);
    this.alone = new Array<Speaker[] | undefined>(this.speakerNames.length);
    this.prefixes = header.prefixes;
    this.aliasesOf = header.aliases;
    this.rows = new Array<IndexedSession | undefined>(n);
    this.eventOfRow = this.events.length <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
    this.events.forEach((e, k) => this.eventOfRow.fill(k, e.first, e.first + e.count));
    this.search = readSearch(r, n);
  }

  session(row: number): IndexedSession {
    return this.rows[row] ?? this.make(row);
  }

  all(): readonly IndexedSession[] {
    if (this.made < this.count) {
      for (const column of [this.ids, this.titles, this.starts, ...this.rests, this.strings]) column.decodeAll();
      for (let row = 0; row < this.count; row++) if (!this.rows[row]) this.make(row);
    }
    return this.rows as IndexedSession[];
  }

  aliases(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    for (const [row, aliases] of Object.entries(this.aliasesOf)) {
      const eventId = this.events[this.eventOfRow[Number(row)]!]!.event.id;
      const current = `${eventId}/${this.ids.at(Number(row))}`;
      for (const alias of aliases) out.set(`${eventId}/${alias}`, current);
    }
    return out;
  }

  counts(except: ReadonlySet<number> = new Set()): { sessionsWithVideo: number; sessionsWithSlides: number; speakerNames: Set<string> } {
    let sessionsWithVideo = 0;
    let sessionsWithSlides = 0;
    for (let row = 0; row < this.count; row++) {
      if (except.has(row)) continue;
      if (this.urlCodes[row * 3]) sessionsWithVideo++;
      if (this.urlCodes[row * 3 + 1]) sessionsWithSlides++;
    }
    this.strings.decodeAll();
    const speakerNames = new Set<string>();
    if (except.size === 0) {
      // Every speaker of the table gives at least one of its talks.
      for (const ref of this.speakerNames) speakerNames.add(this.string(ref)!.toLowerCase());
    } else {
      const used = new Uint8Array(this.speakerNames.length);
      for (let row = 0; row < this.count; row++) {
        if (except.has(row)) continue;
        for (let k = this.speakerStarts[row]!; k < this.speakerStarts[row + 1]!; k++) used[this.speakerList[k]!] = 1;
      }
      used.forEach((u, ref) => u && speakerNames.add(this.string(this.speakerNames[ref]!)!.toLowerCase()));
    }
    return { sessionsWithVideo, sessionsWithSlides, speakerNames };
  }

  /** The row of the event's session with this id (each event's ids are read the first time it is asked about). */
  rowOf(eventId: string, sessionId: string): number | undefined {
    const k = this.eventIndex.get(eventId);
    if (k === undefined) return undefined;
    let rows = this.rowMaps.get(k);
    if (!rows) {
      const { first, count } = this.events[k]!;
      rows = new Map<string, number>();
      for (let row = first; row < first + count; row++) rows.set(this.ids.at(row), row);
      this.rowMaps.set(k, rows);
    }
    return rows.get(sessionId);
  }

  private string(ref: number): string | undefined {
    if (ref === 0) return undefined;
    return (this.stringCache[ref] ??= this.strings.at(ref - 1));
  }

  private speaker(ref: number): Speaker {
    let speaker = this.speakers[ref];
    if (!speaker) {
      const name = this.string(this.speakerNames[ref]!)!;
      const affiliation = this.string(this.speakerAffiliations[ref]!);
      speaker = this.speakers[ref] = affiliation ? { name, affiliation } : { name };
    }
    return speaker;
  }

  private url(row: number, k: 0 | 1 | 2, id: string): string | undefined {
    const code = this.urlCodes[row * 3 + k]!;
    if (code === 0) return undefined;
    const prefix = this.prefixes[(code - 1) >> 1]!;
    const rest = this.rests[k].at(row);
    return (code - 1) & 1 ? prefix + id + rest : prefix + rest;
  }

  private make(row: number): IndexedSession {
    const event = this.events[this.eventOfRow[row]!]!.event;
    const id = this.ids.at(row);
    let speakers: Speaker[];
    const from = this.speakerStarts[row]!;
    const k = this.speakerStarts[row + 1]! - from;
    if (k === 0) speakers = [];
    else if (k === 1 && this.distinct) {
      const ref = this.speakerList[from]!;
      speakers = this.alone[ref] ??= [this.speaker(ref)];
    } else {
      speakers = new Array<Speaker>(k);
      for (let j = 0; j < k; j++) speakers[j] = this.speaker(this.speakerList[from + j]!);
      if (this.distinct) speakers = distinctSpeakers(speakers);
    }
    // The fields in the order the JSON bundle's sessions have them once indexed.
    const s = { id, title: this.titles.at(row), speakers } as IndexedSession;
    const type = this.string(this.types[row]!);
    if (type) s.type = type;
    const track = this.string(this.tracks[row]!);
    if (track) s.track = track;
    const start = this.starts.at(row);
    if (start) s.start = start;
    if (this.durations[row]) s.duration = this.durations[row];
    const room = this.string(this.rooms[row]!);
    if (room) s.room = room;
    const video = this.url(row, 0, id);
    if (video) s.video = video;
    const slides = this.url(row, 1, id);
    if (slides) s.slides = slides;
    const schedule = this.url(row, 2, id);
    if (schedule) s.schedule = schedule;
    const aliases = this.aliasesOf[row];
    if (aliases) s.aliases = aliases;
    s.eventId = event.id;
    s.fullId = `${event.id}/${id}`;
    s.origin = this.origin;
    this.made++;
    return (this.rows[row] = s);
  }
}

function readSearch(r: SectionReader, count: number): PrebuiltSearch {
  const terms = r.packed('terms');
  const vocabulary = { ...terms, hashes: r.int32s('termHashes'), slots: r.int32s('termSlots') };
  const offsets = r.ints('offsets', 'u32');
  const postings = r.ints('postings', 'u16 or u32');
  const fields = r.ints('fields', 'u8');
  const sorted = r.ints('sorted', 'u16 or u32');
  const gramOffsets = r.ints('gramOffsets', 'u32');
  const gramTerms = r.ints('gramTerms', 'u16 or u32');
  const titleLength = r.ints('titleLength', 'u8');
  const termCount = terms.starts.length - 1;
  if (
    vocabulary.hashes.length !== termCount ||
    offsets.length !== termCount + 1 ||
    offsets[termCount] !== postings.length ||
    fields.length !== postings.length ||
    sorted.length !== termCount ||
    gramOffsets[gramOffsets.length - 1] !== gramTerms.length ||
    titleLength.length !== count
  ) {
    throw new Error('bundle: the search sections do not fit each other');
  }
  return {
    vocabulary,
    offsets,
    postings,
    fields,
    sorted,
    gramOffsets,
    gramTerms,
    titleLength,
  };
}

/**
 * The bundled index as index inputs, marked bundled so that workspace files
 * override them: a binary bundle's session table (with its prebuilt search),
 * or a JSON bundle's (recap-bundle/1) events, decoded as before.
 */
export function readBundle(bytes: Uint8Array, file: string): IndexInput[] {
  if (!isBinaryBundle(bytes)) return bundledSources(decodeBundle(JSON.parse(new TextDecoder().decode(bytes)) as Bundle), file);
  return [decodeBinaryBundle(bytes, file).table];
}

/** A binary bundle's session table, and the bundle's own list of where its data came from. */
export function decodeBinaryBundle(
  bytes: Uint8Array,
  file: string,
  options: { distinctSpeakers?: boolean } = {},
): { table: SessionTable; provenance: string[] } {
  const r = new SectionReader(bytes);
  return { table: new BundleTable(r, { file, bundled: true }, options.distinctSpeakers ?? true), provenance: r.header.sources };
}

/** The events of a binary bundle as plain event files, as they were encoded (what encodeBundle and the importers use). */
export function binaryBundleFiles(bytes: Uint8Array): EventFile[] {
  const { table } = decodeBinaryBundle(bytes, 'bundle', { distinctSpeakers: false });
  return table.events.map(({ event, first, count }) => ({
    event,
    sessions: Array.from({ length: count }, (_, i) => {
      const session: Partial<IndexedSession> = { ...table.session(first + i) };
      delete session.eventId;
      delete session.fullId;
      delete session.origin;
      return session as Session;
    }),
  }));
}
