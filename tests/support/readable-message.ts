// A Telegram message as plain text for a terminal or a pipe: the formatting the Bot API parsed
// out of the bot's HTML (entities) shown with plain-text marks, so a transcript still shows
// what was bold and where each link goes. Telegram has already decoded &amp; and the like.
import type { MessageEntity } from './telegram-html.ts';

/** The marks around an entity's text; none for formatting a transcript need not show (underline, spoiler). */
function marks(entity: MessageEntity): [string, string] {
  switch (entity.type) {
    case 'bold':
      return ['*', '*'];
    case 'italic':
      return ['_', '_'];
    case 'code':
    case 'pre':
      return ['`', '`'];
    case 'text_link':
      return ['', ` <${entity.url ?? ''}>`];
    default:
      return ['', ''];
  }
}

/** `text` with bold as *…*, italic as _…_, code as `…` and links as `text <url>`. */
export function readableText(text: string, entities: readonly MessageEntity[] = []): string {
  // Offsets are UTF-16 code units, as JavaScript indexes strings. At one position, marks that
  // close come before marks that open, and the inner entity closes first.
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  for (const entity of sorted) {
    const [open, close] = marks(entity);
    if (open) opens.set(entity.offset, [...(opens.get(entity.offset) ?? []), open]);
    if (close) closes.set(entity.offset + entity.length, [close, ...(closes.get(entity.offset + entity.length) ?? [])]);
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    out += (closes.get(i) ?? []).join('') + (opens.get(i) ?? []).join('');
    if (i < text.length) out += text[i];
  }
  return out;
}
