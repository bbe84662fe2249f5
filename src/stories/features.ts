// What an article says about its event, as raw counts: the content terms of its headline and
// lead, and the names it mentions. Computed once per article at ingest (in an ingest worker
// when there is one); the IDF weighting happens at assignment, against the store's counts.
import type { AnalysisContext } from '../nlp/context.ts';
import { contentTerms, entityMentions } from '../nlp/tokens.ts';

export interface ArticleFeatures {
  /** Stemmed content terms of the headline (counted HEADLINE_WEIGHT times) and the lead, with counts. */
  terms: [term: string, count: number][];
  /** Lower-cased names (people, places, organisations, acronyms) in the headline and the lead, with counts. */
  entities: [name: string, count: number][];
}

/**
 * How much of the text is read. The headline and the first paragraphs say which event an
 * article reports; further down articles drift into background shared with many other events
 * (on our labelled train events a 2,000-character lead separated events as well as the whole
 * text, and costs a fraction of it).
 */
export const LEAD_CHARS = 2000;
/** Names are read a little further: a second mention of a specific name confirms the event. */
export const ENTITY_CHARS = 2400;
/** The headline is the densest statement of the event. */
const HEADLINE_WEIGHT = 3;

function counted(items: Iterable<string>, weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const item of items) into.set(item, (into.get(item) ?? 0) + weight);
  return into;
}

/** The text up to `limit` characters, cut at a space so that no word is halved. */
function lead(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  return text.slice(0, space > limit / 2 ? space : limit);
}

/**
 * `context`: the analysis pipeline's, when the article was just analysed in it: its term table
 * knows the article's words already, and gives the same terms as contentTerms for less work.
 */
export function articleFeatures(article: { title: string; text: string }, context?: AnalysisContext): ArticleFeatures {
  // Raw-text articles repeat the headline as their first line: count it once, as the headline.
  const body = article.text.startsWith(article.title) ? article.text.slice(article.title.length) : article.text;
  const leadText = lead(body, LEAD_CHARS);
  let terms: [string, number][];
  if (context) terms = context.terms.termCounts([[article.title, HEADLINE_WEIGHT], [leadText, 1]]);
  else {
    const counts = counted(contentTerms(article.title), HEADLINE_WEIGHT);
    terms = [...counted(contentTerms(leadText), 1, counts)];
  }
  const names = entityMentions(`${article.title}\n${lead(body, ENTITY_CHARS)}`).map((m) => m.name.toLowerCase());
  return { terms, entities: [...counted(names)] };
}
