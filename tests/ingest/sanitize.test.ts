import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, capLength, sanitizeDraft, stripControlCharacters } from '../../src/ingest/sanitize.ts';

describe('stripControlCharacters (issue 18: search, summary and extract printed ESC[2J and OSC 8 raw)', () => {
  it('removes whole escape sequences and lone control characters, keeps newlines and tabs', () => {
    expect(stripControlCharacters('\u001b[2JHello\u001b[31m red\u001b[0m')).toBe('Hello red');
    expect(stripControlCharacters('\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 here')).toBe('click here');
    expect(stripControlCharacters('a\u0000b\u0007c\u007fd\u0085f')).toBe('abcdf');
    // 0x9B is CSI on its own: it and its sequence go, as a terminal would read them.
    expect(stripControlCharacters('x\u009b2Jy')).toBe('xy');
    expect(stripControlCharacters('line one\r\nline\ttwo\rthree')).toBe('line one\nline\ttwo\nthree');
    expect(stripControlCharacters('plain “text” — café')).toBe('plain “text” — café');
  });

  it('stays linear on escape-shaped floods', () => {
    for (const shape of ['\u001b[', '\u001b]8;;', '\u001b[1;', '\u009b1;']) {
      const out = stripControlCharacters(`${shape.repeat(100_000)}\nend`);
      expect(out.endsWith('\nend')).toBe(true);
      expect(out).not.toMatch(/[\u001b\u009b]/);
    }
  });
});

describe('capLength', () => {
  it('cuts between graphemes, never inside a surrogate pair or an emoji sequence, and marks the cut', () => {
    const emoji = '👨‍👩‍👧'.repeat(20);
    const cut = capLength(emoji, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.slice(0, -1)).toBe('👨‍👩‍👧'.repeat(3));
    expect(capLength('short', 30)).toBe('short');
  });
});

describe('sanitizeDraft', () => {
  it('caps a 2,000,000-character title and drops an absurd URL, keeping the text', () => {
    const draft = sanitizeDraft({ title: `Big ${'y'.repeat(2_000_000)}`, text: 'Body\u001b[2J text.', url: `https://news.example/${'a'.repeat(5_000)}`, outlet: 'Desk\u0007' });
    expect(draft.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(draft.text).toBe('Body text.');
    expect(draft.url).toBeUndefined();
    expect(draft.outlet).toBe('Desk');
  });
});
