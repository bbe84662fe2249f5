// Telegram HTML, built one way: the `html` tagged template escapes every value it interpolates
// unless the value is itself Html, so a forgotten escape cannot happen. Html is a class with a
// private field, hence nominal: no string or look-alike object passes for it, in types or at run time.
// Hand-written on purpose: escape-html-template-tag, the npm package closest to it, types its
// result as any { toString(): string }, so a plain string passes where escaped HTML is required,
// and it turns / = ` ' into numeric entities, which the 4096-character count below would have to
// decode; the rest (escape-html, html-escaper, he) escape one string and brand nothing.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Half a surrogate pair (a JSON feed can carry one) becomes U+FFFD: Telegram refuses text that is not UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Text as Telegram HTML: &, <, > and " become entities (the double quote so that a value is safe
 * inside an attribute too; attributes are always written with double quotes).
 */
export function escapeHtml(text: string): string {
  return wellFormed(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Only this module makes Html: the token keeps `new Html(...)` from working anywhere else. */
const MINT = Symbol('Html');

export class Html {
  readonly #markup: string;

  constructor(token: typeof MINT, markup: string) {
    if (token !== MINT) throw new TypeError('Html is made with the html template');
    this.#markup = markup;
  }

  /** The markup, for the Bot API call that sends it. */
  toString(): string {
    return this.#markup;
  }
}

/** What a template may interpolate: text (escaped), numbers, Html (kept), and lists of them (joined). */
export type HtmlValue = string | number | Html | readonly HtmlValue[];

function markupOf(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(markupOf).join('');
  // Anything else, a forged "Html" included, is text.
  return escapeHtml(String(value));
}

/** html`<b>${title}</b>`: the literal parts are markup, every value is escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += markupOf(value) + strings[i + 1]!;
  });
  return new Html(MINT, markup);
}

/** Parts joined by a separator (text or Html), e.g. lines by '\n'. */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(MINT, parts.map(markupOf).join(markupOf(separator)));
}

/** The text Telegram shows (and counts) for our HTML: tags removed, entities decoded. */
export function visibleText(markup: Html | string): string {
  return String(markup)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export function visibleLength(markup: Html | string): number {
  return visibleText(markup).length;
}

/**
 * A translation's markup with its `{{name}}` placeholders filled: the template is trusted (it
 * comes from the locale files in src/i18n/locales, never from a user), every value is escaped
 * unless it is Html. An unknown placeholder stays visible, so a missing value shows in tests.
 */
export function fillHtml(template: string, values: Readonly<Record<string, HtmlValue>>): Html {
  const markup = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? markupOf(values[name]!) : whole));
  return new Html(MINT, markup);
}
