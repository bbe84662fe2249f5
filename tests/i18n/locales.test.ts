import { describe, expect, it } from 'vitest';
import { english, formatDate, languageOf, LANGUAGES, RESOURCES, translator } from '../../src/i18n/index.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every key of a locale, plural forms folded into their base key, with the placeholders of all its forms. */
function keysOf(resource: Record<string, unknown>, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const [key, value] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') keysOf(value as Record<string, unknown>, path, out);
    else {
      const base = path.replace(PLURAL_SUFFIX, '');
      const placeholders = out.get(base) ?? new Set<string>();
      for (const match of String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)) placeholders.add(match[1]!);
      out.set(base, placeholders);
    }
  }
  return out;
}

describe('locale files', () => {
  const reference = keysOf(RESOURCES.en);

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every key of en, and no other`, () => {
      const keys = keysOf(RESOURCES[language]);
      expect([...reference.keys()].filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys.keys()].filter((k) => !reference.has(k))).toEqual([]);
    });

    it(`${language} uses the same placeholders as en in every message`, () => {
      const keys = keysOf(RESOURCES[language]);
      const differing = [...reference].filter(([key, placeholders]) => {
        const other = keys.get(key);
        return other && [...placeholders].sort().join() !== [...other].sort().join();
      });
      expect(differing.map(([key]) => key)).toEqual([]);
    });
  }

  it('keeps HTML values escaped and picks plural forms in each language', () => {
    expect(String(english.html('topics.exists', { topic: '<script>' }))).toBe('You already follow <b>&lt;script&gt;</b>.');
    expect(String(translator('ru').html('digest.headline', { topic: 'сирия', count: 5 }))).toBe('сирия: 5 сюжетов');
    expect(String(translator('ru').html('digest.headline', { topic: 'сирия', count: 2 }))).toBe('сирия: 2 сюжета');
    expect(english.t('digest.headline', { topic: 'syria', count: 1 })).toBe('syria: 1 story');
  });

  it('takes the language from Telegram language_code', () => {
    expect(languageOf('ru')).toBe('ru');
    expect(languageOf('ru-RU')).toBe('ru');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('formats dates for the reader', () => {
    const now = new Date('2016-12-01T00:00:00Z');
    expect(formatDate('2016-09-05T14:12:00Z', 'en', now)).toBe('5 Sep, 14:12 UTC');
    expect(formatDate('2015-09-05T14:12:00Z', 'en', now)).toBe('5 Sep 2015, 14:12 UTC');
    expect(formatDate('2016-09-05T14:12:00Z', 'ru', now)).toBe('5 сент., 14:12 UTC');
  });

  it('shows a publication given as a day only as that day, without a made-up midnight', () => {
    const now = new Date('2016-12-01T00:00:00Z');
    expect(formatDate('2016-09-26T00:00:00.000Z', 'en', now)).toBe('26 Sep');
    expect(formatDate('2015-09-26T00:00:00.000Z', 'en', now)).toBe('26 Sep 2015');
    expect(formatDate('2016-09-26T00:00:00.000Z', 'ru', now)).toBe('26 сент.');
    // In the reader's time zone the day would be the 25th; the day is the outlet's, so it stays.
    expect(formatDate('2016-09-26T00:00:00.000Z', 'en', now, 'America/New_York')).toBe('26 Sep');
    expect(formatDate('2016-09-26T00:00:30.000Z', 'en', now)).toBe('26 Sep, 00:00 UTC');
  });
});
