/**
 * Downloads a schedule export over http(s) for `recap import URL` and the
 * editor's "Import Schedule… From a URL…" (the extension host is Node too).
 * Node's own fetch, with a time-out over the whole download, a size cap that
 * aborts the stream once exceeded, at most five redirects followed by hand
 * (so they can be counted, loops seen, and a redirect to another scheme
 * refused), and errors that name the host, the HTTP status and what to try.
 * Nothing is written here: the caller writes only once the whole text is in.
 */

export interface DownloadOptions {
  /** Milliseconds for the whole download, connecting included (default 30 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** Cancels the download (the editor's Cancel button). */
  signal?: AbortSignal;
}

export interface Downloaded {
  text: string;
  /** The URL the text came from, after redirects. */
  url: string;
  /** A file name for the importers (the last segment of the URL's path, else its host). */
  fileName: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** A download that failed; the message is whole and meant for the user. */
export class DownloadError extends Error {}

const TRY = 'Check the URL in a browser, or download the file and import it from disk.';

/** True when `arg` is written as a URL (`scheme://…`), http(s) or not; a Windows path (`C:\…`) is not. */
export function looksLikeUrl(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg.trim());
}

/** The URL parsed, or a DownloadError when it is not one or not http(s). */
export function parseHttpUrl(arg: string): URL {
  let url: URL;
  try {
    url = new URL(arg.trim());
  } catch {
    throw new DownloadError(`${arg} is not a valid URL. ${TRY}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError(
      `${arg}: only http and https URLs are downloaded, not ${url.protocol.slice(0, -1)}. Download the file yourself and import it from disk.`,
    );
  }
  return url;
}

function fileNameOf(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).pop();
  if (!segment) return url.hostname;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/** The code of a network error fetch wraps in its `cause` (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…). */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}

/**
 * Downloads `address` (http or https) and decodes it as UTF-8. Throws a
 * DownloadError on a time-out, a body over the cap, a bad status, a redirect
 * loop or one too many, a redirect to another scheme, a connection that closes
 * early, or a network error.
 */
export async function downloadText(address: string, options: DownloadOptions = {}): Promise<Downloaded> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseHttpUrl(address);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', cancel);

  const failure = (err: unknown, doing: string): DownloadError => {
    if (err instanceof DownloadError) return err;
    if (timedOut)
      return new DownloadError(`${url.host} did not send ${url.href} within ${formatSeconds(timeoutMs)} (${doing}); the server is slow or unreachable. ${TRY}`);
    if (options.signal?.aborted) return new DownloadError(`the download from ${url.host} was cancelled.`);
    return new DownloadError(`cannot download ${url.href} from ${url.host}: ${doing} failed (${causeOf(err)}). ${TRY}`);
  };

  try {
    const seen = new Set<string>([url.href]);
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5' },
        });
      } catch (err) {
        throw failure(err, 'connecting');
      }
      if (response.status < 300 || response.status >= 400 || response.status === 304) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new DownloadError(`${url.host} answered HTTP ${response.status} (a redirect) for ${url.href} without saying where to. ${TRY}`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new DownloadError(`${url.host} redirected ${url.href} to ${location}, which is not a valid URL. ${TRY}`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new DownloadError(
          `${url.host} redirected ${url.href} to ${next.protocol.slice(0, -1)}: (${next.href}); only http and https are followed. ${TRY}`,
        );
      }
      if (seen.has(next.href)) throw new DownloadError(`${url.host} redirects in a loop (${url.href} → ${next.href}, seen before). ${TRY}`);
      if (redirects + 1 > maxRedirects)
        throw new DownloadError(`${url.host} redirected more than ${maxRedirects} times (last to ${next.href}); giving up. ${TRY}`);
      seen.add(next.href);
      url = next;
    }

    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      const hint =
        response.status === 404 || response.status === 410
          ? 'The schedule is not at this address; check the URL in a browser.'
          : response.status === 401 || response.status === 403
            ? 'The server wants a login or refuses us; download the file in a browser and import it from disk.'
            : response.status >= 500
              ? 'The server failed; try again later, or download the file and import it from disk.'
              : TRY;
      throw new DownloadError(`${url.host} answered ${status} for ${url.href}. ${hint}`);
    }

    // A compressed body's Content-Length counts the compressed bytes; only a plain one is checked against what arrived.
    const encoding = response.headers.get('content-encoding');
    const declared = encoding && encoding !== 'identity' ? NaN : Number(response.headers.get('content-length') ?? NaN);
    const tooBig = () => `${url.href} from ${url.host} is larger than ${formatBytes(maxBytes)}, more than a schedule should be; nothing was imported. ${TRY}`;
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new DownloadError(tooBig());
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let part: Awaited<ReturnType<typeof reader.read>>;
        try {
          part = await reader.read();
        } catch (err) {
          if (timedOut || options.signal?.aborted) throw failure(err, 'reading');
          const got = Number.isFinite(declared) ? ` (${formatBytes(size)} of ${formatBytes(declared)})` : ` (after ${formatBytes(size)})`;
          throw new DownloadError(
            `the connection to ${url.host} closed before all of ${url.href} arrived${got}; nothing was imported. Try again, or download the file and import it from disk.`,
          );
        }
        if (part.done) break;
        size += part.value.length;
        if (size > maxBytes) {
          controller.abort();
          await reader.cancel().catch(() => undefined);
          throw new DownloadError(tooBig());
        }
        chunks.push(part.value);
      }
    }
    if (Number.isFinite(declared) && size < declared) {
      throw new DownloadError(
        `the connection to ${url.host} closed before all of ${url.href} arrived (${formatBytes(size)} of ${formatBytes(declared)}); nothing was imported. Try again, or download the file and import it from disk.`,
      );
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { text: new TextDecoder('utf-8').decode(bytes), url: url.href, fileName: fileNameOf(url) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
