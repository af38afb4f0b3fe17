import { foldDiacritics } from '../text/slug';

/** Lower-case, accent-free words of any script: "Roland Huß" → ["roland", "huss"]. */
export function words(text: string): string[] {
  // Most titles are ASCII: skip Unicode normalization and Unicode-aware splitting for them
  // (together they were most of the index build time).
  if (/^[\x00-\x7f]*$/.test(text)) return asciiWords(text.toLowerCase());
  return foldDiacritics(text.replace(/ß/g, 'ss'))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function asciiWords(lower: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar && start < 0) start = i;
    else if (!wordChar && start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** Optimal-string-alignment distance (an adjacent swap costs 1), or max+1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Words this long get this many typos: none for short words, whose near neighbours are mostly other real words. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const SPELLING: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  Ø: 'o',
  Æ: 'ae',
  Œ: 'oe',
  Ł: 'l',
  Đ: 'd',
  Ð: 'd',
  Þ: 'th',
};
const SPELLED_OUT = /[øæœłđðþıØÆŒŁĐÐÞ]/;
const SPELLED_OUT_ALL = /[øæœłđðþı]/g;
const JOINABLE = /[-‐‑–/.]|\d/;
/** Hyphenated words: "de-Google-ify", "Multi-Node", "git-issue". */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;
/** A word and the number after it: "HTTP/3", "Python 3", "ROS 2", "MySQL 8", "Helm 4". */
const WORD_NUMBER = /(?<![\p{L}\p{N}])(\p{L}{2,})[ /.-]?(\d+)(?![\p{L}])/gu;

/**
 * The words people write joined that a text writes apart: hyphenated words
 * as one ("de-Google-ify" → "degoogleify") and a word with its number
 * ("HTTP/3" → "http3", "Python 3" → "python3"). Indexed beside the text's
 * own words(), so both spellings find it.
 */
export function joinedWords(text: string): string[] {
  const out: string[] = [];
  // Letters that keep no accent to drop: "Grønbæk" is typed "gronbaek", "Łukasz" "lukasz".
  if (!/^[\x00-\x7f]*$/.test(text) && SPELLED_OUT.test(text)) {
    for (const w of words(text)) {
      const plain = w.replace(SPELLED_OUT_ALL, (c) => SPELLING[c]!);
      if (plain !== w) out.push(plain);
    }
  }
  if (!JOINABLE.test(text)) return out;
  for (const m of text.matchAll(HYPHENATED)) out.push(words(m[0]).join(''));
  for (const m of text.matchAll(WORD_NUMBER)) out.push(words(m[1]!).join('') + m[2]!);
  return out.filter((w) => w.length > 1);
}

const NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/** Shorthands people type for words titles spell out, both ways round. */
const SHORTHANDS: [string, string][] = [
  ['k8s', 'kubernetes'],
  ['wasm', 'webassembly'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['py', 'python'],
  ['a11y', 'accessibility'],
  ['i18n', 'internationalization'],
  ['l10n', 'localization'],
  ['o11y', 'observability'],
  ['db', 'database'],
  ['mgmt', 'management'],
  ['infra', 'infrastructure'],
  ['p2p', 'peertopeer'],
];
const SAME = new Map<string, string[]>();
for (const [a, b] of [...SHORTHANDS, ...NUMBERS.map((w, n): [string, string] => [w, String(n)])]) {
  SAME.set(a, [...(SAME.get(a) ?? []), b]);
  SAME.set(b, [...(SAME.get(b) ?? []), a]);
}

/** Other spellings of a word that mean the same: "ten" ↔ "10", "k8s" ↔ "kubernetes". */
export function sameAs(word: string): readonly string[] {
  return SAME.get(word) ?? [];
}
