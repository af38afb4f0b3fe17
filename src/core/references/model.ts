import type { IndexedSession } from '../index/sessionIndex';
import type { Range, TalkEntry } from '../recap/parseRecap';

/** A talk named in the body: by its title, a link to its recording, slides or schedule page (only a recording counts as one), or its full id. */
export interface BodyMention extends Range {
  kind: 'title' | 'link' | 'id';
  /** False when the exact text could not be placed (an unusual syntax): start/end then span the block, and no fix edits it. */
  located: boolean;
  /** The mention is inside a link: the offset just after that link (its `)`), else -1. */
  linkEnd: number;
}

/** Text standing where a recording link should be ("video not yet available"). */
export interface Placeholder extends Range {
  text: string;
  /** False when the exact text could not be placed: start/end then span its block. */
  located: boolean;
  /** The talks it is about (indexes into `RecapReferences.talks`): those mentioned in its block, or in the heading its section is under. */
  talks: number[];
  /** In the frontmatter: the `video:` value of this entry. */
  entry?: TalkEntry;
}

/** How a talk's frontmatter `video:` reads. */
export type FrontmatterVideo = 'none' | 'valid' | 'invalid' | 'placeholder';

/** One talk the recap mentions, with everything the rules look at. */
export interface RecapTalk {
  /** The index's session, when the recap's id, title or link resolves to one. */
  session?: IndexedSession;
  title: string;
  /** Its frontmatter `talks:` entries (two or more when it is listed twice). */
  entries: TalkEntry[];
  mentions: BodyMention[];
  /** The entry's id is written but the index has no such talk. */
  unknownId: boolean;
  frontmatterVideo: FrontmatterVideo;
  /** Recording links that cover a body mention (same list item, paragraph or heading section). */
  videoLinks: string[];
  placeholders: Placeholder[];
}

export interface RecapReferences {
  talks: RecapTalk[];
  /** Every placeholder, including those about no particular talk. */
  placeholders: Placeholder[];
  /** The events titles were matched in: the `event:` ids, else the inferred ones (see inferEvents); empty means the whole index. */
  events: string[];
  /** No `event:`: `events` were inferred from the recap's links and text. */
  eventsInferred: boolean;
  /** Sessions whose own recording the body links or embeds (mentioned or not). */
  recordings: ReadonlySet<IndexedSession>;
  /** The talks as the preview and the editor show them. */
  resolved: ResolvedTalk[];
}

/** A talk the recap mentions (frontmatter entry and/or body mentions), resolved against the index where possible. */
export interface ResolvedTalk {
  /** Full id when the index knows the talk. */
  id?: string;
  title: string;
  speakers: { name: string; affiliation?: string }[];
  eventName?: string;
  /** The video link the recap gives (frontmatter or a recording link beside a mention), else undefined. */
  video?: string;
  /** The recording the index knows, when the recap gives none. */
  knownVideo?: string;
  slides?: string;
  schedule?: string;
  /** Where the recap mentions it: its frontmatter entry and body mentions. */
  mentions: { start: number; end: number; kind: 'frontmatter' | 'title' | 'link' | 'id' }[];
}
