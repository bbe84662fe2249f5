import { describe, expect, it } from 'vitest';
import { readableText } from './readable-message.ts';
import { parseTelegramHtml } from './telegram-html.ts';

const readable = (html: string) => {
  const { text, entities } = parseTelegramHtml(html);
  return readableText(text, entities);
};

describe('readableText', () => {
  it('shows bold as *…*, a link as text <url>, and entities decoded', () => {
    expect(readable('<b>Putin &amp; Obama</b> met.\nSource: <a href="https://rt.com/a?x=1&amp;y=2">RT</a>')).toBe(
      '*Putin & Obama* met.\nSource: RT <https://rt.com/a?x=1&y=2>',
    );
  });

  it('keeps nested marks in order and counts offsets in UTF-16 like Telegram', () => {
    expect(readable('🇸🇾 <a href="https://x.example/"><b>Syria</b> talks</a> <i>end</i>')).toBe('🇸🇾 *Syria* talks <https://x.example/> _end_');
  });
});
