// The bot's own words in the reader's language (English and Russian): i18next over the locale
// files in ./locales, one per language. Digest content (headlines, summaries, quotes) stays in
// the articles' language; only what the bot says around it is translated here.
// Plain text (button labels, callback notices) comes from `t`; Telegram HTML from `html`, which
// fills the locale's markup with escaped values (src/telegram/html.ts), so a translation can
// hold <b> or <code> and a value still cannot inject markup.
import i18next from 'i18next';
import { fillHtml, type Html, type HtmlValue } from '../telegram/html.ts';
import en from './locales/en.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the /language buttons. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

export const RESOURCES: Record<Language, Record<string, unknown>> = { en, ru };

const engine = i18next.createInstance();
// Synchronous: the resources are bundled, so the instance is ready when this module is.
void engine.init({
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: RESOURCES[lng] }])),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  returnNull: false,
  // Values are escaped by `html` (HTML) or shown as plain text (`t`): i18next's own escaping would do it twice.
  interpolation: { escapeValue: false },
});

export type TextValues = Record<string, string | number>;

export interface Translator {
  readonly language: Language;
  /** Plain text: button labels, callback notices, command descriptions. */
  t(key: string, values?: TextValues): string;
  /** Telegram HTML: the locale's markup with every value escaped unless it is Html. */
  html(key: string, values?: Record<string, HtmlValue>): Html;
  /** "5 Sep, 14:12 UTC" / "5 сент., 14:12 UTC" ("5 Sep" for a day given without a time): the year only when it is not `now`'s. */
  date(iso: string | undefined, now?: Date): string;
}

/** The language of a Telegram `language_code` ("ru", "ru-RU" -> ru; anything else -> en). */
export function languageOf(code: string | null | undefined): Language {
  return code && /^ru\b/i.test(code) ? 'ru' : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A publication given as a day only ("2016-09-26" in JSON Lines, a feed's date without a time) is
 * stored as that day's 00:00:00.000 UTC: renderers show the day, not a midnight nobody published at.
 */
export function isDayOnly(date: Date): boolean {
  return date.getTime() % 86_400_000 === 0;
}

/**
 * A date as the reader's locale writes it. English keeps the bot's "5 Sep, 14:12 UTC" order
 * (day first, as the digests always had), with the month name from Intl; other languages are
 * Intl's own format; a day given without a time is written without one (isDayOnly).
 */
export function formatDate(iso: string | undefined, language: Language, now?: Date, timeZone = 'UTC'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const dayOnly = isDayOnly(d);
  const zone = dayOnly ? 'UTC' : timeZone;
  const sameYear = now !== undefined && yearIn(d, zone) === yearIn(now, zone);
  const time: Intl.DateTimeFormatOptions = dayOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: zone, ...time, ...(sameYear ? {} : { year: 'numeric' }) };
  if (language !== 'en') return new Intl.DateTimeFormat(LOCALES[language], options).format(d);
  const part = partsOf(new Intl.DateTimeFormat('en-US', options).formatToParts(d));
  const day = `${part.day} ${part.month}${sameYear ? '' : ` ${part.year}`}`;
  return dayOnly ? day : `${day}, ${part.hour}:${part.minute} ${part.timeZoneName}`;
}

const LOCALES: Record<Language, string> = { en: 'en-US', ru: 'ru-RU' };

function yearIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(date);
}

function partsOf(parts: Intl.DateTimeFormatPart[]): Record<string, string> {
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

const translators = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  const cached = translators.get(language);
  if (cached) return cached;
  const t = engine.getFixedT(language);
  const made: Translator = {
    language,
    t: (key, values = {}) => t(key, values),
    html: (key, values = {}) => {
      // i18next picks the plural form from `count`; the values are filled in by fillHtml, escaped.
      const count = typeof values.count === 'number' ? { count: values.count } : {};
      return fillHtml(t(key, { ...count, skipInterpolation: true }), values);
    },
    date: (iso, now) => formatDate(iso, language, now),
  };
  translators.set(language, made);
  return made;
}

/** English: the CLI's language and the default of every renderer. */
export const english: Translator = translator('en');
