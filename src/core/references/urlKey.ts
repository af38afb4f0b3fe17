const HTTP = /^https?:\/\/([^/?#]+)([^#]*)/i;
const YOUTUBE_PATH = /^\/(?:embed|live|shorts|v)\/([\w-]{6,})/;
const YOUTUBE_QUERY = /[?&]v=([\w-]{6,})/;

/**
 * What two links to the same page have in common: http and https, `www.`
 * (and FOSDEM's archive.fosdem.org for fosdem.org),
 * host case and a trailing slash do not matter, and every form of a YouTube
 * link (youtu.be/ID, watch?v=ID, embed/ID) is the same video. Takes a link
 * as markdown-it hands it over (already percent-encoded the way it encodes
 * them): a URL as typed goes through markdown-it's `normalizeLink` first.
 * Undefined for anything that is not an http(s) URL.
 */
export function urlKey(href: string): string | undefined {
  const m = HTTP.exec(href);
  if (!m) return undefined;
  let host = m[1]!.toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  // FOSDEM moves past years' pages to archive.fosdem.org and keeps them on fosdem.org too: one page.
  else if (host === 'archive.fosdem.org') host = 'fosdem.org';
  const rest = m[2]!;
  if (host === 'youtu.be') {
    const id = /^\/([\w-]{6,})/.exec(rest)?.[1];
    if (id) return `youtube:${id}`;
  } else if (host === 'youtube.com' || host === 'm.youtube.com' || host === 'youtube-nocookie.com') {
    const id = YOUTUBE_PATH.exec(rest)?.[1] ?? (rest.startsWith('/watch') ? YOUTUBE_QUERY.exec(rest)?.[1] : undefined);
    if (id) return `youtube:${id}`;
  }
  // Parentheses are written encoded or not (FOSDEM's room names have them).
  let path = rest.includes('%') ? rest.replace(/%28/gi, '(').replace(/%29/gi, ')') : rest;
  if (path.endsWith('/')) path = path.slice(0, -1);
  return host + path;
}
