/**
 * Which URLs are recordings and which are slides: importers use it to sort a
 * schedule's links, lint uses it to decide whether a talk has a video.
 */

const VIDEO_HOSTS = [
  'youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'vimeo.com',
  'video.fosdem.org',
  'media.ccc.de',
  'cdn.media.ccc.de',
  'streaming.media.ccc.de',
  'dailymotion.com',
  'twitch.tv',
  'infoq.com',
  'tube.tchncs.de',
  'framatube.org',
  'peertube.debian.social',
  'watch.ocaml.org',
  // FOSDEM's video mirrors: the same files as video.fosdem.org.
  'mirrors.dotsrc.org/fosdem',
  'ftp.fau.de/fosdem',
  'ftp.osuosl.org/pub/fosdem',
  'ftp.belnet.be/mirror/FOSDEM',
  'ftp.belnet.be/mirror/fosdem',
  'mirror.as35701.net/video.fosdem.org',
  'ftp.heanet.ie/mirrors/fosdem-video',
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

/**
 * The recordings a piece of HTML or a template's text embeds: `<video src>`,
 * `<source src>` and `<iframe src>` (an iframe only from a recording host),
 * Hugo shortcodes (`{{< youtube ID >}}`, `{{< vimeo ID >}}`, `{{% … %}}`),
 * Jekyll/Liquid (`{% include youtube.html id="ID" %}`, `{% youtube ID %}`) and
 * MDX components (`<YouTube id="ID" />`, `<LiteYouTubeEmbed id="ID" />`), as
 * URLs of the recording. Each tag is read on its own, a bounded number of
 * characters, so the scan stays linear. A tweet or an image is no recording.
 */
export function embeddedRecordings(text: string): string[] {
  const out: string[] = [];
  if (text.includes('<')) {
    EMBED_TAG.lastIndex = 0;
    for (let m = EMBED_TAG.exec(text); m; m = EMBED_TAG.exec(text)) {
      const name = m[1]!;
      const attrs = m[2]!;
      const lower = name.toLowerCase();
      if (lower === 'video' || lower === 'source') {
        const src = attribute(attrs, 'src');
        if (src && !/^(?:data|blob):/i.test(src)) out.push(src);
      } else if (lower === 'iframe') {
        const src = attribute(attrs, 'src');
        const url = src?.startsWith('//') ? `https:${src}` : src;
        if (url && isRecordingUrl(url)) out.push(url);
      } else {
        // MDX components: the id names the video on the component's host.
        const id = attribute(attrs, 'id') ?? attribute(attrs, 'videoId') ?? attribute(attrs, 'videoid');
        const vimeo = /vimeo/i.test(name);
        if (id && VIDEO_ID.test(id)) out.push(vimeo ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`);
        else {
          const src = attribute(attrs, 'src') ?? attribute(attrs, 'url');
          if (src && isRecordingUrl(src)) out.push(src);
        }
      }
    }
  }
  if (text.includes('{{') || text.includes('{%')) {
    TEMPLATE.lastIndex = 0;
    for (let m = TEMPLATE.exec(text); m; m = TEMPLATE.exec(text)) {
      const url = templateRecording(m[1] ?? m[2] ?? '');
      if (url) out.push(url);
    }
  }
  return out;
}

const EMBED_TAG = /<(video|source|iframe|YouTube|Youtube|YoutubeEmbed|YouTubeEmbed|LiteYouTubeEmbed|LiteYouTube|Vimeo|VimeoEmbed)\b([^<>]{0,2000})>/gi;
const TEMPLATE = /\{\{[<%]([^{}]{1,500})[>%]\}\}|\{%([^{}%]{1,500})%\}/g;
const VIDEO_ID = /^[\w-]{4,40}$/;
const ATTRIBUTE = /([\w:-]{1,40})\s{0,20}=\s{0,20}(?:"([^"]{0,2000})"|'([^']{0,2000})'|\{\s{0,20}["'`]([^"'`]{0,2000})["'`]\s{0,20}\}|([^\s"'>/]{1,2000}))/g;

/** One attribute's value in a tag's text (name compared case-sensitively, as JSX does; HTML's are lowercase). */
function attribute(attrs: string, name: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    if (m[1] === name) return (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
  }
  return undefined;
}

/** A Hugo shortcode's or a Liquid tag's inside: the recording it embeds, if any. */
function templateRecording(inner: string): string | undefined {
  const words = inner.trim().split(/\s+/);
  let name = words[0]?.toLowerCase() ?? '';
  let args = words.slice(1);
  // {% include youtube.html id="ID" %}, {% include video/vimeo.html id=ID %}
  if (name === 'include' || name === 'include_relative') {
    name = (args[0] ?? '')
      .toLowerCase()
      .replace(/\.html?$/, '')
      .replace(/^.*\//, '');
    args = args.slice(1);
  }
  const host = /^(?:youtube|youtube[-_]?(?:player|embed|video|lite)|lite[-_]?youtube|yt)$/.test(name)
    ? 'youtube'
    : /^(?:vimeo|vimeo[-_]?(?:player|embed|video))$/.test(name)
      ? 'vimeo'
      : /^(?:video|peertube|media|mediaccc)$/.test(name)
        ? 'any'
        : undefined;
  if (!host) return undefined;
  const joined = args.join(' ');
  const named = attribute(joined, 'id') ?? attribute(joined, 'src') ?? attribute(joined, 'url');
  const value = (named ?? args.find((a) => !a.includes('=')) ?? '').replace(/^["']|["']$/g, '');
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) return host === 'any' && !isRecordingUrl(value) && !VIDEO_FILE.test(value) ? undefined : value;
  if (!VIDEO_ID.test(value)) return host === 'any' && VIDEO_FILE.test(value) ? value : undefined;
  if (host === 'youtube') return `https://www.youtube.com/watch?v=${value}`;
  if (host === 'vimeo') return `https://vimeo.com/${value}`;
  return undefined;
}
