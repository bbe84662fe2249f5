/**
 * Telegram's text formatting as the Bot API applies it to outgoing messages, for the Bot API emulator.
 *
 * `parseTelegramHtml` ports TDLib's `parse_html` (td/telegram/MessageEntity.cpp): the same tag whitelist,
 * attribute rules, entity decoding and error messages ("Unsupported start tag \"div\" at byte offset 0", ...).
 * `finalizeFormattedText` models the part of `fix_formatted_text` a sender can observe: trailing whitespace is
 * trimmed, leading spaces/newlines before the first entity are trimmed, whitespace-only text is empty.
 * `detectEntities` adds the entities Telegram finds by itself in bot messages (url, email, mention, hashtag,
 * cashtag, bot_command), simplified.
 *
 * Offsets and lengths are in UTF-16 code units, as in the Bot API. Message length limits are counted in Unicode
 * code points (TDLib: `utf8_length(text) > message_text_length_max`).
 */

export type EntityType =
  | 'mention'
  | 'hashtag'
  | 'cashtag'
  | 'bot_command'
  | 'url'
  | 'email'
  | 'phone_number'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'blockquote'
  | 'expandable_blockquote'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'text_mention'
  | 'custom_emoji';

export interface MessageEntity {
  type: EntityType;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: { id: number; is_bot: boolean; first_name: string };
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** A parse error; `message` is TDLib's text, which the Bot API prefixes with "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {
  override name = 'EntityParseError';
}

export interface HtmlParseOptions {
  /**
   * Reject a bare "&" that does not start an entity. Real Telegram keeps such an "&" as text, but its docs require
   * escaping every "&", so the emulator is stricter by default to catch escaping bugs. Default true.
   */
  strictAmpersand?: boolean;
}

const ALLOWED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

// TDLib's entity priorities (lower sorts first among entities with the same offset and length).
const PRIORITY: Record<EntityType, number> = {
  mention: 50, hashtag: 50, bot_command: 50, url: 50, email: 50, bold: 90, italic: 91, code: 20, pre: 11,
  text_link: 49, text_mention: 49, cashtag: 50, phone_number: 50, underline: 92, strikethrough: 93,
  blockquote: 0, expandable_blockquote: 0, spoiler: 94, custom_emoji: 99,
};

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length || PRIORITY[a.type] - PRIORITY[b.type]);
}

function isSpaceChar(c: string): boolean {
  // TDLib's is_space; '\0' stands for "end of input" here.
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\0' || c === '\v' || c === '\f';
}
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHexDigit = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isAlnum = (c: string): boolean => isAlpha(c) || isDigit(c);

/** Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&#123;` `&#x1F600;` (the ";" is optional, as in TDLib). */
function decodeHtmlEntity(s: string, pos: number): { code: number; next: number } | null {
  const at = (k: number): string => (k < s.length ? s.charAt(k) : '\0');
  let end = pos + 1;
  let res = 0;
  if (at(pos + 1) === '#') {
    end++;
    if (at(pos + 2) === 'x') {
      end++;
      while (isHexDigit(at(end))) res = res * 16 + parseInt(at(end++), 16);
    } else {
      while (isDigit(at(end))) res = res * 10 + (at(end++).charCodeAt(0) - 48);
    }
    if (res === 0 || res >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(at(end))) end++;
    const name = s.slice(pos + 1, end);
    if (name === 'lt') res = 0x3c;
    else if (name === 'gt') res = 0x3e;
    else if (name === 'amp') res = 0x26;
    else if (name === 'quot') res = 0x22;
    else return null;
  }
  if (at(end) === ';') end++;
  return { code: res, next: end };
}

/** Validates a link the way Telegram does for text_link / url buttons; returns the normalised link or null. */
export function checkLink(raw: string): string | null {
  const link = raw.trim();
  if (link === '' || /[\s<>"]/.test(link)) return null;
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(link);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  if (scheme === 'tg' || scheme === 'ton' || scheme === 'tonsite') return link.length > scheme.length + 3 ? link : null;
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return null;
  const withScheme = scheme === undefined ? `http://${link}` : link;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  const host = url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!isIp && !/^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/i.test(host) && !/^xn--/.test(host)) return null;
  return withScheme;
}

function byteOffset(s: string, index: number): number {
  return Buffer.byteLength(s.slice(0, index), 'utf8');
}

interface RawEntity {
  type: EntityType;
  offset: number;
  length: number;
  arg: string;
}

/** Parses Telegram HTML (parse_mode "HTML"). Throws EntityParseError with TDLib's message on invalid input. */
export function parseTelegramHtml(html: string, options: HtmlParseOptions = {}): FormattedText {
  const strictAmpersand = options.strictAmpersand ?? true;
  const s = html;
  const n = s.length;
  const at = (k: number): string => (k < n ? s.charAt(k) : '\0');
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };
  let out = '';
  const stack: Array<{ tag: string; arg: string; offset: number }> = [];
  const entities: RawEntity[] = [];

  for (let i = 0; i < n; i++) {
    const c = s.charAt(i);
    if (c === '&') {
      const decoded = decodeHtmlEntity(s, i);
      if (decoded !== null) {
        if (decoded.code >= 0xd800 && decoded.code <= 0xdfff) {
          fail(
            'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
          );
        }
        out += String.fromCodePoint(decoded.code);
        i = decoded.next - 1;
        continue;
      }
      if (strictAmpersand) {
        fail(
          `Character "&" at byte offset ${byteOffset(s, i)} does not start an HTML entity; it must be escaped as "&amp;" ` +
            '(emulator strict mode: Telegram would keep it, but its docs require escaping)',
        );
      }
    }
    if (c !== '<') {
      out += c;
      continue;
    }

    const begin = i++;
    if (at(i) !== '/') {
      // start tag
      while (!isSpaceChar(at(i)) && at(i) !== '>') i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(s, begin)}`);
      const tag = s.slice(begin + 1, i).toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(s, begin)}`);

      let arg = '';
      while (at(i) !== '>') {
        while (i < n && isSpaceChar(at(i))) i++;
        if (at(i) === '>') break;
        const nameBegin = i;
        while (!isSpaceChar(at(i)) && !'=>/"\''.includes(at(i))) i++;
        const attrName = s.slice(nameBegin, i);
        if (attrName === '') fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(s, begin)}`);
        while (i < n && isSpaceChar(at(i))) i++;
        if (at(i) !== '=') {
          if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(s, begin)}`);
          if (tag === 'blockquote' && attrName === 'expandable') arg = '1';
          continue;
        }
        i++;
        while (i < n && isSpaceChar(at(i))) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(s, begin)}`);

        let value = '';
        if (at(i) !== "'" && at(i) !== '"') {
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === '.' || at(i) === '-') i++;
          value = s.slice(tokenBegin, i).toLowerCase();
          if (!isSpaceChar(at(i)) && at(i) !== '>') {
            fail(`Unexpected end of name token at byte offset ${byteOffset(s, tokenBegin)}`);
          }
        } else {
          const quote = s.charAt(i++);
          while (i < n && s.charAt(i) !== quote) {
            if (s.charAt(i) === '&') {
              const decoded = decodeHtmlEntity(s, i);
              if (decoded !== null) {
                value += String.fromCodePoint(decoded.code);
                i = decoded.next;
                continue;
              }
            }
            value += s.charAt(i++);
          }
          if (i < n && s.charAt(i) === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(s, begin)}`);

        if (tag === 'a' && attrName === 'href') arg = value;
        else if (tag === 'code' && attrName === 'class' && value.startsWith('language-')) arg = value.slice(9);
        else if (tag === 'span' && attrName === 'class' && value.startsWith('tg-')) arg = value.slice(3);
        else if (tag === 'tg-emoji' && attrName === 'emoji-id') arg = value;
        else if (tag === 'blockquote' && attrName === 'expandable') arg = '1';
      }
      if (tag === 'span' && arg !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(s, begin)}`);
      }
      stack.push({ tag, arg, offset: out.length });
    } else {
      // end tag
      const top = stack[stack.length - 1];
      if (top === undefined) fail(`Unexpected end tag at byte offset ${byteOffset(s, begin)}`);
      while (!isSpaceChar(at(i)) && at(i) !== '>') i++;
      const endTag = s.slice(begin + 2, i).toLowerCase();
      while (i < n && isSpaceChar(at(i))) i++;
      if (at(i) !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(s, begin)}`);
      const open = top as { tag: string; arg: string; offset: number };
      if (endTag !== '' && endTag !== open.tag) {
        fail(
          `Unmatched end tag at byte offset ${byteOffset(s, begin)}, expected "</${open.tag}>", found "</${endTag}>"`,
        );
      }
      if (out.length > open.offset) {
        const offset = open.offset;
        const length = out.length - offset;
        const last = entities[entities.length - 1];
        const tag = open.tag;
        if (tag === 'i' || tag === 'em') entities.push({ type: 'italic', offset, length, arg: '' });
        else if (tag === 'b' || tag === 'strong') entities.push({ type: 'bold', offset, length, arg: '' });
        else if (tag === 's' || tag === 'strike' || tag === 'del') {
          entities.push({ type: 'strikethrough', offset, length, arg: '' });
        } else if (tag === 'u' || tag === 'ins') entities.push({ type: 'underline', offset, length, arg: '' });
        else if (tag === 'tg-spoiler' || tag === 'span') entities.push({ type: 'spoiler', offset, length, arg: '' });
        else if (tag === 'tg-emoji') {
          if (!/^-?\d{1,19}$/.test(open.arg) || BigInt(open.arg) === 0n) fail('Invalid custom emoji identifier specified');
          entities.push({ type: 'custom_emoji', offset, length, arg: open.arg });
        } else if (tag === 'a') {
          const url = open.arg !== '' ? open.arg : out.slice(offset);
          const userMatch = /^tg:\/\/user\?id=(\d+)$/i.exec(url.trim());
          if (userMatch?.[1] !== undefined) entities.push({ type: 'text_mention', offset, length, arg: userMatch[1] });
          else {
            const checked = checkLink(url);
            if (checked !== null) entities.push({ type: 'text_link', offset, length, arg: checked });
          }
        } else if (tag === 'pre') {
          if (last !== undefined && last.type === 'code' && last.offset === offset && last.length === length && last.arg !== '') {
            last.type = 'pre'; // pre + code class="language-x" -> pre with language
          } else {
            entities.push({ type: 'pre', offset, length, arg: '' });
          }
        } else if (tag === 'code') {
          if (last !== undefined && last.type === 'pre' && last.offset === offset && last.length === length && open.arg !== '') {
            last.arg = open.arg;
          } else {
            entities.push({ type: 'code', offset, length, arg: open.arg });
          }
        } else if (tag === 'blockquote') {
          entities.push({ type: open.arg !== '' ? 'expandable_blockquote' : 'blockquote', offset, length, arg: '' });
        }
      }
      stack.pop();
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);

  const result: MessageEntity[] = entities.map((e) => {
    const entity: MessageEntity = { type: e.type, offset: e.offset, length: e.length };
    if (e.type === 'text_link') entity.url = e.arg;
    else if (e.type === 'pre' && e.arg !== '') entity.language = e.arg;
    else if (e.type === 'custom_emoji') entity.custom_emoji_id = e.arg;
    else if (e.type === 'text_mention') entity.user = { id: Number(e.arg), is_bot: false, first_name: '' };
    return entity;
  });
  return { text: out, entities: sortEntities(result) };
}

/** Unicode code points, which is how Telegram counts the 4096-character message limit. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** UTF-16 code units (entity offsets and lengths). */
export function utf16Length(text: string): number {
  return text.length;
}

/**
 * Trims like TDLib's fix_formatted_text: trailing whitespace is removed (entities are cut), leading spaces and
 * newlines before the first entity are removed. Returns null if nothing but whitespace is left.
 */
export function finalizeFormattedText(input: FormattedText): FormattedText | null {
  const { text } = input;
  let end = text.length;
  while (end > 0 && /\s/u.test(text.charAt(end - 1))) end--;
  if (end === 0) return null;
  let entities = input.entities
    .filter((e) => e.length > 0 && e.offset < end)
    .map((e) => ({ ...e, length: Math.min(e.length, end - e.offset) }));
  // code and pre can't contain other entities (a <code> without language inside <pre> is just the pre).
  const blocks = entities.filter((e) => e.type === 'code' || e.type === 'pre');
  entities = entities.filter(
    (e) =>
      !blocks.some((b) => {
        if (b === e || b.offset > e.offset || e.offset + e.length > b.offset + b.length) return false;
        const sameSpan = b.offset === e.offset && b.length === e.length;
        return !(sameSpan && e.type === 'pre' && b.type === 'code');
      }),
  );
  const firstEntity = entities.reduce((min, e) => Math.min(min, e.offset), end);
  let start = 0;
  while (start < firstEntity && (text.charAt(start) === ' ' || text.charAt(start) === '\n')) start++;
  entities = entities.map((e) => ({ ...e, offset: e.offset - start }));
  return { text: text.slice(start, end), entities: sortEntities(entities) };
}

function overlapsAny(offset: number, length: number, taken: MessageEntity[]): boolean {
  return taken.some((e) => offset < e.offset + e.length && e.offset < offset + length);
}

/**
 * Entities Telegram detects by itself in a bot's message (a simplified find_entities): url, email, mention,
 * hashtag, cashtag and bot_command, never inside code, pre or text_link entities.
 */
export function detectEntities(formatted: FormattedText): FormattedText {
  const { text } = formatted;
  const blocking = formatted.entities.filter((e) => e.type === 'code' || e.type === 'pre' || e.type === 'text_link');
  const found: MessageEntity[] = [];
  const add = (type: EntityType, offset: number, length: number): void => {
    if (length <= 0 || overlapsAny(offset, length, blocking) || overlapsAny(offset, length, found)) return;
    found.push({ type, offset, length });
  };
  const wordBefore = (index: number): boolean => index > 0 && /[\p{L}\p{N}_]/u.test(text.charAt(index - 1));
  let m: RegExpExecArray | null;
  const urlRe = /\b(?:https?:\/\/)[^\s<>"']+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|ru|uk|de|info|news|me|dev|app|gov|edu)(?:\/[^\s<>"']*)?/giu;
  while ((m = urlRe.exec(text)) !== null) {
    let value = m[0];
    while (/[.,;:!?)\]'"]$/.test(value)) value = value.slice(0, -1);
    const before = text.charAt(m.index - 1);
    if (before === '@') continue; // part of an email, handled below
    add('url', m.index, value.length);
  }
  const emailRe = /[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}/giu;
  while ((m = emailRe.exec(text)) !== null) add('email', m.index, m[0].length);
  const mentionRe = /@([a-zA-Z0-9_]{2,32})(?![\p{L}\p{N}_])/gu;
  while ((m = mentionRe.exec(text)) !== null) if (!wordBefore(m.index)) add('mention', m.index, m[0].length);
  const hashtagRe = /#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
  while ((m = hashtagRe.exec(text)) !== null) if (!wordBefore(m.index)) add('hashtag', m.index, Math.min(m[0].length, 257));
  const cashtagRe = /\$[A-Z]{1,8}(?![\p{L}\p{N}_$])/gu;
  while ((m = cashtagRe.exec(text)) !== null) if (!wordBefore(m.index) && text.charAt(m.index - 1) !== '$') add('cashtag', m.index, m[0].length);
  const commandRe = /\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\p{L}\p{N}_/<>])/gu;
  while ((m = commandRe.exec(text)) !== null) {
    const before = text.charAt(m.index - 1);
    if (wordBefore(m.index) || before === '/' || before === '<' || before === '>') continue;
    add('bot_command', m.index, m[0].length);
  }
  return { text, entities: sortEntities([...formatted.entities, ...found]) };
}
