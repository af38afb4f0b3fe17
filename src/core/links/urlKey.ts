const HTTP = /^https?:\/\/([^/?#]+)([^#]*)/i;
const YOUTUBE_PATH = /^\/(?:embed|live|shorts|v)\/([\w-]{6,})/;
const YOUTUBE_QUERY = /[?&]v=([\w-]{6,})/;
// Talk pages of the schedule tools conferences use, by their ids (whatever host serves them, whatever slug follows).
const PRETALX_TALK = /^\/([\w-]{1,100})\/talk\/([A-Za-z0-9]{4,12})(?:[/?#]|$)/;
const SCHED_EVENT = /^\/event\/([A-Za-z0-9]{3,12})(?:[/?#]|$)/;
// Query parameters that say how a page is shown or who sent the reader, never which page it is.
const NOISE_PARAM = /^(?:iframe|utm_\w{1,40}|ref|source|fbclid|gclid|mc_\w{1,40}|lang|locale)$/i;

/**
 * What two links to the same page have in common: http and https, `www.`
 * (and FOSDEM's archive.fosdem.org for fosdem.org),
 * host case and a trailing slash do not matter, every form of a YouTube
 * link (youtu.be/ID, watch?v=ID, embed/ID) is the same video, fragments and
 * display or tracking parameters (`?iframe=no`, `utm_…`) are dropped, and
 * pretalx (`/EVENT/talk/CODE/`) and Sched (`/event/ID`, `sched.co/ID`) talk
 * pages are keyed by their ids. Takes a link
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
  const pretalx = PRETALX_TALK.exec(rest);
  if (pretalx) return `pretalx:${pretalx[1]!.toLowerCase()}/${pretalx[2]!.toUpperCase()}`;
  if (host === 'sched.co' || host.endsWith('.sched.com')) {
    const id = host === 'sched.co' ? /^\/([A-Za-z0-9]{3,12})(?:[/?#]|$)/.exec(rest)?.[1] : SCHED_EVENT.exec(rest)?.[1];
    if (id) return `sched:${id}`;
  }
  if (host === 'youtu.be') {
    const id = /^\/([\w-]{6,})/.exec(rest)?.[1];
    if (id) return `youtube:${id}`;
  } else if (host === 'youtube.com' || host === 'm.youtube.com' || host === 'youtube-nocookie.com') {
    const id = YOUTUBE_PATH.exec(rest)?.[1] ?? (rest.startsWith('/watch') ? YOUTUBE_QUERY.exec(rest)?.[1] : undefined);
    if (id) return `youtube:${id}`;
  }
  if (host === 'player.vimeo.com') {
    const id = /^\/video\/(\d{1,20})/.exec(rest)?.[1];
    if (id) return `vimeo.com/${id}`;
  }
  // Parentheses are written encoded or not (FOSDEM's room names have them).
  let path = rest.includes('%') ? rest.replace(/%28/gi, '(').replace(/%29/gi, ')') : rest;
  const q = path.indexOf('?');
  let query = '';
  if (q >= 0) {
    query = path
      .slice(q + 1)
      .split('&')
      .filter((p) => p !== '' && !NOISE_PARAM.test(p.split('=')[0]!))
      .join('&');
    path = path.slice(0, q);
  }
  if (path.endsWith('/')) path = path.slice(0, -1);
  return query ? `${host}${path}?${query}` : host + path;
}
