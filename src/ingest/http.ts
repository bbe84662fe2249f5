// HTTP GET for feeds and article pages: one deadline for the whole exchange, a size cap
// enforced while the body streams in, redirects followed by hand (bounded, loop-checked,
// http/https only), conditional GET, and errors that say what went wrong in one line.
// Where private addresses are refused, every hop is checked before it is requested, and the
// address each connection really goes to is checked again (DNS may answer differently the
// second time: rebinding).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Dispatcher } from 'undici';
import { parseRetryAfter } from '../util/retry-after.ts';
import { hasHttpScheme } from '../util/url.ts';

// undici (the package, for its connect hook) loads with the first request that refuses
// private addresses, not with every command that imports this module; where private
// addresses are allowed there is nothing to check and Node's own fetch is used.
type Undici = typeof import('undici');
let undiciModule: Promise<Undici> | undefined;
const loadUndici = (): Promise<Undici> => (undiciModule ??= import('undici'));

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5_000_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'news-digest-bot/0.1 (+https://github.com/news-digest-bot)';

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

export interface FetchOptions {
  /** Deadline for the whole exchange: every redirect hop, headers and body. */
  timeoutMs?: number;
  /** Largest body accepted, counted as it streams in (after content decoding). */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  accept?: string;
  /** Stored validators for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /**
   * When false, every hop's host must resolve to public addresses only (assertPublicUrl).
   * Defaults to true (no check); pass config.ALLOW_PRIVATE_SOURCES where URLs come from users.
   */
  allowPrivate?: boolean;
  /** Aborts the request from outside (reported as "aborted"). */
  signal?: AbortSignal;
  /**
   * Name resolution and the address policy, for tests on a machine without public addresses
   * (a resolver that answers differently the second time, a loopback address taken as public).
   */
  network?: { lookup?: LookupFunction; isPublicAddress?: (address: string) => boolean };
}

/** dns.lookup's shape, as net.connect calls it. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface FetchResult {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Response headers, names lower-cased (repeated headers joined with ", "). */
  headers: Record<string, string>;
  /** Empty when notModified. */
  body: Uint8Array;
  /** True on 304: the stored validators still match, nothing new. */
  notModified: boolean;
}

export type FetchErrorKind =
  | 'invalid-url'
  | 'blocked'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'redirect'
  | 'http'
  | 'network';

/** Why a fetch failed; `message` is the one-line reason shown to people. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status?: number;
  /** From Retry-After on 429/503: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(kind: FetchErrorKind, message: string, details: { url: string; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * True for an address on the public internet: ipaddr.js's range "unicast" (after unwrapping
 * IPv4-mapped IPv6). Everything else is refused where private addresses are: loopback in any
 * spelling ([::127.0.0.1], [::ffff:7f00:1]), private, link-local, CGNAT, documentation
 * (TEST-NET 192.0.2.0/24 and the like), translation and tunnel prefixes that can lead back
 * inside (NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo, [::ffff:0:7f00:1]), multicast, reserved.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && EXTRA_NON_PUBLIC_V6.some((range) => parsed.match(range))) return false;
  return parsed.range() === 'unicast';
}

// Not in ipaddr.js's table: IPv4-compatible IPv6 (deprecated, RFC 4291), how a URL parser
// writes [::127.0.0.1] ([::7f00:1]), which some stacks still route to the IPv4 address.
const EXTRA_NON_PUBLIC_V6 = [ipaddr.parseCIDR('::/96')];

/**
 * True for an IP literal that is not a public address (see isPublicAddress), and for
 * "localhost". Host names are not resolved here: assertPublicUrl does that.
 */
export function isPrivateAddress(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  return isIP(h) !== 0 && !isPublicAddress(h);
}

/** A connection refused by the address policy; fetchUrl reports it as 'blocked'. */
class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
}

/** Resolves a name, all its addresses. */
function resolveAll(lookup: LookupFunction, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    lookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses as LookupAddress[]))),
  );
}

/**
 * Throws FetchError('invalid-url' | 'blocked') unless the URL is http(s) and, when private
 * addresses are not allowed, its host resolves only to public addresses. (DNS could answer
 * otherwise when connecting: fetchUrl checks the address of the connection itself too.)
 */
export async function assertPublicUrl(url: string | URL, allowPrivate: boolean, network: FetchOptions['network'] = {}): Promise<URL> {
  const parsed = toHttpUrl(url);
  if (allowPrivate) return parsed;
  const isPublic = network.isPublicAddress ?? isPublicAddress;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw new FetchError('blocked', `refusing to fetch ${host}: not a public address`, { url: parsed.href });
  if (isIP(host)) {
    if (!isPublic(host)) throw new FetchError('blocked', `refusing to fetch ${host}: not a public address`, { url: parsed.href });
    return parsed;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(network.lookup ?? (dnsLookup as LookupFunction), host);
  } catch (err) {
    throw new FetchError('network', `DNS lookup failed for ${host}`, { url: parsed.href, cause: err });
  }
  const bad = addresses.find((a) => !isPublic(a.address));
  if (bad) throw new FetchError('blocked', `refusing to fetch ${host}: it resolves to non-public address ${bad.address}`, { url: parsed.href });
  return parsed;
}

/**
 * The HTTP agent that only connects to public addresses: its resolver drops a name with
 * any non-public address, and the address the socket actually connected to is checked
 * before a byte is sent (an IP literal, or a resolver answering differently, cannot slip by).
 */
function publicOnlyAgent({ Agent, buildConnector }: Undici, network: FetchOptions['network'] = {}): Dispatcher {
  const isPublic = network.isPublicAddress ?? isPublicAddress;
  const lookup = network.lookup ?? (dnsLookup as LookupFunction);
  const checkedLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, []);
      const addresses = found as LookupAddress[];
      const bad = addresses.find((a) => !isPublic(a.address));
      if (bad || !addresses.length) return callback(new BlockedAddressError(`refusing to connect to ${hostname}: it resolves to non-public address ${bad?.address ?? '(none)'}`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const connect = buildConnector({ lookup: checkedLookup } as Parameters<Undici['buildConnector']>[0]);
  return new Agent({
    connect: (options, callback) =>
      connect(options, (error, socket) => {
        if (error) return callback(error, null);
        const address = (socket as Socket).remoteAddress ?? '';
        if (isPublic(address)) return callback(null, socket);
        socket.destroy();
        callback(new BlockedAddressError(`refusing the connection to ${options.hostname}: it reached non-public address ${address || '(unknown)'}`), null);
      }),
  });
}

let sharedPublicAgent: Dispatcher | undefined;

/** The fetch for a request: undici's with the public-only agent unless private addresses are allowed, Node's own otherwise. */
async function fetcherFor(options: FetchOptions): Promise<(url: URL, init: { method: string; headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal }) => Promise<Response>> {
  if (options.allowPrivate ?? true) return (url, init) => fetch(url, init);
  const undici = await loadUndici();
  const dispatcher = options.network ? publicOnlyAgent(undici, options.network) : (sharedPublicAgent ??= publicOnlyAgent(undici));
  return (url, init) => undici.fetch(url, { ...init, dispatcher }) as unknown as Promise<Response>;
}

function toHttpUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('invalid-url', `invalid URL: ${String(url).slice(0, 200)}`, { url: String(url) });
  }
  if (!hasHttpScheme(parsed)) {
    throw new FetchError('invalid-url', `unsupported URL scheme ${parsed.protocol} (only http and https)`, { url: parsed.href });
  }
  return parsed;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** GET a URL. Resolves on 2xx and 304; everything else is a FetchError with a clear reason. */
export async function fetchUrl(url: string | URL, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowPrivate = options.allowPrivate ?? true;

  // Loaded before the deadline starts: module loading is no server's slowness.
  const fetchOnce = await fetcherFor(options);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? DEFAULT_ACCEPT,
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  let current = toHttpUrl(url);
  const seen = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current.href);
      await assertPublicUrl(current, allowPrivate, options.network);
      if (controller.signal.aborted) throw abortError();
      const res = await fetchOnce(current, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });

      if (REDIRECT_STATUSES.has(res.status)) {
        await discard(res);
        const location = res.headers.get('location');
        if (!location) throw new FetchError('redirect', `HTTP ${res.status} redirect without a Location header`, { url: current.href, status: res.status });
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchError('redirect', `redirect to an invalid URL: ${location.slice(0, 200)}`, { url: current.href, status: res.status });
        }
        if (!hasHttpScheme(next)) {
          throw new FetchError('redirect', `redirect to unsupported scheme ${next.protocol}`, { url: current.href, status: res.status });
        }
        next.hash = '';
        if (seen.has(next.href)) throw new FetchError('redirect', `redirect loop (${current.href} -> ${next.href})`, { url: current.href, status: res.status });
        if (hop + 1 > maxRedirects) throw new FetchError('redirect', `too many redirects (more than ${maxRedirects})`, { url: current.href, status: res.status });
        current = next;
        continue;
      }

      if (res.status === 304) {
        await discard(res);
        return { status: 304, url: current.href, headers: headersOf(res), body: new Uint8Array(0), notModified: true };
      }
      if (res.status < 200 || res.status > 299) {
        await discard(res);
        const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
        const details: { url: string; status: number; retryAfterMs?: number } = { url: current.href, status: res.status };
        if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
        throw new FetchError('http', `HTTP ${res.status}`, details);
      }

      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discard(res);
        throw tooLarge(maxBytes, current.href);
      }
      const body = await readCapped(res, maxBytes, current.href);
      return { status: res.status, url: current.href, headers: headersOf(res), body, notModified: false };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    const blocked = blockedCause(err);
    if (blocked) throw new FetchError('blocked', blocked.message, { url: current.href, cause: err });
    if (timedOut) throw new FetchError('timeout', `timeout after ${timeoutMs} ms`, { url: current.href, cause: err });
    if (controller.signal.aborted) throw new FetchError('aborted', 'aborted', { url: current.href, cause: err });
    throw new FetchError('network', networkReason(err, current), { url: current.href, cause: err });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

function blockedCause(err: unknown): BlockedAddressError | undefined {
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return undefined;
}


function headersOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.entries());
}

function abortError(): Error {
  return new DOMException('aborted', 'AbortError');
}

function tooLarge(maxBytes: number, url: string): FetchError {
  return new FetchError('too-large', `response larger than ${maxBytes} bytes`, { url });
}

/** Frees the connection of a response whose body we do not want. */
async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // Already closed or errored: nothing to free.
  }
}

async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop downloading at once rather than after the whole body arrived.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, url);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** undici hides the useful part in err.cause (code, "other side closed"). */
function networkReason(err: unknown, url: URL): string {
  const cause = (err as { cause?: unknown })?.cause as { code?: string; message?: string } | undefined;
  const code = cause?.code ?? (err as { code?: string })?.code;
  const message = (err as Error)?.message ?? String(err);
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${url.host}`;
    case 'ECONNRESET':
      return `connection reset by ${url.host}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS lookup failed for ${url.hostname}`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connection to ${url.host} timed out`;
    case 'UND_ERR_SOCKET':
      return `connection closed by ${url.host} before the response was complete`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate problem with ${url.host} (${code})`;
    default:
      if (message === 'terminated') return `connection closed by ${url.host} before the response was complete`;
      return code ? `network error (${code}): ${cause?.message ?? message}` : `network error: ${cause?.message ?? message}`;
  }
}
