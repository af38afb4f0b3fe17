/**
 * Which URLs are recordings and which are slides: importers use it to sort a
 * schedule's links, lint uses it to decide whether a talk has a video.
 */

const VIDEO_HOSTS = [
  'youtube.com', 'youtu.be', 'youtube-nocookie.com', 'vimeo.com', 'video.fosdem.org', 'media.ccc.de',
  'cdn.media.ccc.de', 'streaming.media.ccc.de', 'dailymotion.com', 'twitch.tv', 'infoq.com', 'tube.tchncs.de',
  'framatube.org', 'peertube.debian.social', 'watch.ocaml.org',
];
const SLIDES_HOSTS = ['speakerdeck.com', 'slideshare.net', 'slides.com', 'docs.google.com/presentation', 'pitch.com'];
const VIDEO_FILE = /\.(?:mp4|webm|mkv|mov|m4v|ogv|ogg|avi|flv)(?:[?#]|$)/i;
const SLIDES_FILE = /\.(?:pdf|pptx?|odp|key)(?:[?#]|$)/i;
// PeerTube instances are many and self-hosted; their watch paths give them away.
const PEERTUBE_PATH = /^\/(?:videos\/watch|w)\/[A-Za-z0-9-]{6,}\/?$/;

function hostMatches(host: string, path: string, candidates: readonly string[]): boolean {
  return candidates.some((c) => {
    const [h, p] = c.includes('/') ? [c.slice(0, c.indexOf('/')), c.slice(c.indexOf('/'))] : [c, ''];
    return (host === h || host.endsWith(`.${h}`)) && path.startsWith(p);
  });
}

export function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function isRecordingUrl(text: string): boolean {
  const url = parseHttpUrl(text);
  if (!url) return false;
  const host = url.hostname.toLowerCase();
  return hostMatches(host, url.pathname, VIDEO_HOSTS) || VIDEO_FILE.test(url.pathname) || PEERTUBE_PATH.test(url.pathname);
}

export function isSlidesUrl(text: string, title = ''): boolean {
  const url = parseHttpUrl(text);
  if (!url) return false;
  return hostMatches(url.hostname.toLowerCase(), url.pathname, SLIDES_HOSTS) || SLIDES_FILE.test(url.pathname) || /\bslides?\b/i.test(title);
}

/**
 * Sorts a schedule link into the session's video, slides, or other links.
 * What the URL says (a video host, a PDF) wins over the link's title, which
 * schedules get wrong ("Slides with video demos" on SlideShare).
 */
export function classifyLink(url: string, title = ''): 'video' | 'slides' | 'other' {
  if (!parseHttpUrl(url)) return 'other';
  if (isRecordingUrl(url)) return 'video';
  if (isSlidesUrl(url)) return 'slides';
  if (/\bslides?\b/i.test(title)) return 'slides';
  if (/\b(?:video|recording)\b/i.test(title)) return 'video';
  return 'other';
}

/** A URL as a Markdown link destination can hold it: spaces and brackets encoded. */
export function normalizeUrl(text: string): string {
  const url = parseHttpUrl(text);
  // Parentheses may be written either way (inserted references encode them so any Markdown renderer keeps the link whole).
  return (url ? url.href : text.trim()).replace(/%28/gi, '(').replace(/%29/gi, ')');
}
