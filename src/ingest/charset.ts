// Response bytes -> text, with the charset a browser would pick: BOM, then the
// Content-Type header, then <meta> / XML declaration near the top, else UTF-8.
import iconv from 'iconv-lite';

/** How far into the body a charset declaration is looked for (the HTML spec says 1024; some pages need more). */
const SNIFF_BYTES = 2048;

export function decodeBody(body: Uint8Array, contentType?: string | null): string {
  return decodeBodyChecked(body, contentType).text;
}

/** The warning every path gives (fetch, sources add, ingest): the document is kept, the bad bytes replaced. */
export const INVALID_UTF8_WARNING = 'invalid UTF-8: byte sequences that are not UTF-8 were replaced with U+FFFD';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text, and a warning when UTF-8 bytes (declared or assumed) were invalid and replaced. */
export function decodeBodyChecked(body: Uint8Array, contentType?: string | null): { text: string; warnings: string[] } {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const charset = charsetFromBom(buffer) ?? usableCharset(charsetFromContentType(contentType)) ?? usableCharset(declaredInMarkup(buffer)) ?? 'utf-8';
  if (/^utf-?8$/i.test(charset)) {
    try {
      return { text: strictUtf8.decode(buffer), warnings: [] };
    } catch {
      return { text: iconv.decode(buffer, 'utf-8'), warnings: [INVALID_UTF8_WARNING] };
    }
  }
  // iconv-lite replaces invalid sequences with U+FFFD and strips a BOM.
  return { text: iconv.decode(buffer, charset), warnings: [] };
}

function charsetFromBom(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function charsetFromContentType(contentType?: string | null): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i);
  return match?.[1];
}

/** `<meta charset>`, `<meta http-equiv="Content-Type" content="...; charset=...">` or `<?xml encoding="...">`. */
function declaredInMarkup(bytes: Buffer): string | undefined {
  // latin1 maps bytes one to one, so ASCII declarations read the same whatever the real charset.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const meta = head.match(/<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
  if (meta?.[1]) {
    // A UTF-16 page could not declare itself in ASCII; browsers read such a declaration as UTF-8.
    return /^utf-?16/i.test(meta[1]) ? 'utf-8' : meta[1];
  }
  return head.match(/^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i)?.[1];
}

/** The name iconv-lite should decode with, or undefined for names it does not know. */
function usableCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const lower = name.trim().toLowerCase();
  // As in browsers (WHATWG Encoding): these labels mean windows-1252, whose extra
  // characters (curly quotes, dashes) pages labelled latin-1 really use.
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819'].includes(lower)) return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : undefined;
}
