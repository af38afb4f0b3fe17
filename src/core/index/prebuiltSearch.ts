/** A vocabulary as arrays (see search/vocabulary.ts, Vocabulary.data()). */
export interface VocabularyData {
  /** The words, by id, one after another. */
  text: string;
  /** Word t is text[starts[t], starts[t + 1]) (in UTF-16 code units). */
  starts: Uint32Array;
  hashes: Int32Array;
  /** The open-addressing table: slot → word id, -1 when free. */
  slots: Int32Array;
}

/**
 * The word index of the session search (see search/wordIndex.ts) as built
 * over a set of sessions, in arrays: what the bundled index stores so that
 * loading it only wraps them instead of splitting and counting the words of
 * every session again.
 */
export interface WordIndexData {
  /** The distinct words, each id its position, with the hash table that finds them. */
  vocabulary: VocabularyData;
  /** Term t's documents are postings[offsets[t] .. offsets[t + 1]], ascending. */
  offsets: Uint32Array;
  postings: Uint16Array | Uint32Array;
  /** For each posting, the fields (a bit each) its term is in. */
  fields: Uint8Array;
  /** Term ids ordered by their text (UTF-16 code units), for prefix look-ups. */
  sorted: Uint16Array | Uint32Array;
  /** Trigram bucket b's terms are gramTerms[gramOffsets[b] .. gramOffsets[b + 1]], ascending. */
  gramOffsets: Uint32Array;
  gramTerms: Uint16Array | Uint32Array;
}

/** A whole search's prebuilt state: the word index plus each document's number of title words. */
export interface SearchData extends WordIndexData {
  titleLength: Uint8Array;
}

/**
 * A search prebuilt over a session table's rows (see SessionTable). It
 * serves any index whose first input is that table: the rows a later source
 * replaces, or whose event it renames (a session's words include its event's
 * name), are read again, and the sessions after the table's are read.
 */
export type PrebuiltSearch = SearchData;
