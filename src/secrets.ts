// The one scrubber for everything that leaves the process: log lines (log.ts), the one-line
// errors on stderr (main.ts), telegraf's debug output (log.ts) and error texts stored in the
// database (outbox.error, digests.error, sources.last_error). The configuration registers its
// secrets once at start; a bot token is masked even when it was never registered, because
// telegraf puts it in every request URL and so in every network error message.

export const REDACTED = '[REDACTED]';

/** Shorter values would mask ordinary words. */
const MIN_SECRET_LENGTH = 4;

const registered = new Set<string>();

// `/bot<id>:<secret>/` in a Bot API URL, and the bare shape of a @BotFather token.
const BOT_URL_TOKEN = /\/bot\d+(?::|%3A)[^/\s"'?#]+/gi;
const BARE_BOT_TOKEN = /\b\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Adds values that must never leave the process (empty and very short values are ignored). */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) if (value && value.length >= MIN_SECRET_LENGTH) registered.add(value);
}

/** The text with every registered secret (also as it appears JSON-escaped or URL-encoded) and every bot token masked. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of registered) {
    out = out.split(secret).join(REDACTED);
    const jsonEscaped = JSON.stringify(secret).slice(1, -1);
    if (jsonEscaped !== secret) out = out.split(jsonEscaped).join(REDACTED);
    const urlEncoded = encodeURIComponent(secret);
    if (urlEncoded !== secret) out = out.split(urlEncoded).join(REDACTED);
  }
  return out.replace(BOT_URL_TOKEN, `/bot${REDACTED}`).replace(BARE_BOT_TOKEN, REDACTED);
}

/** An error (or anything thrown) as one scrubbed line. */
export function describeError(error: unknown): string {
  // node-fetch (telegraf's client) names the URL, bot token included, and the parser's complaint.
  if ((error as { type?: string } | null)?.type === 'invalid-json') {
    return 'the Bot API answered with something other than JSON (an error page from a proxy, or a wrong TELEGRAM_API_ROOT?)';
  }
  const text = error instanceof Error ? error.message : String(error);
  return scrubSecrets(text.replace(/\s+/g, ' ').trim());
}

// Query parameters whose value is a credential in practice (?apikey=, ?access_token=, ?sig=...).
// The name, or its last part after - or _ (api_key, X-Amz-Signature), decides.
const SECRET_PARAMETER = /^(?:.*[_-])?(?:api_?key|apikey|key|token|secret|pass|passwd|password|pwd|auth|authorization|sig|signature|session|sessionid|sid|credentials?)$/i;

/** The URL without user:password@ and with the values of secret-looking parameters masked. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return scrubSecrets(url);
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return scrubSecrets(parsed.href);
}

/** Only the host and path of a URL: what people who do not run the bot may see of a source. */
export function publicUrl(url: string): string {
  if (!URL.canParse(url)) return '';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
