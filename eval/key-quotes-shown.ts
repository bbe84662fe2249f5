// The key quotes a digest shows for one article as a story of its own, shared by eval/quotes.ts and
// eval/blind-speakers.ts: composeStory (src/digest/compose.ts, the code behind every story of
// /summary and the daily digest) on the article as ingest stored it.
import { composeStory } from '../src/digest/compose.ts';
import type { Analysis, ArticleDraft, FoundQuote, StoredArticle } from '../src/model.ts';
import type { StoryQuote } from '../src/model/digest.ts';

/** Each key quote shown, with the found quote (original offsets) it came from, matched by its text among `found`. */
export function keyQuotesShown(draft: ArticleDraft, analysis: Analysis, found: FoundQuote[]): Array<{ shown: StoryQuote; found: FoundQuote }> {
  const article: StoredArticle = {
    ...draft, id: 1, sourceId: null, canonicalUrl: null, ingestedAt: '2026-01-01T00:00:00.000Z', fingerprint: '', nearDuplicateOf: null, analysis,
  };
  const used = new Set<FoundQuote>();
  const out: Array<{ shown: StoryQuote; found: FoundQuote }> = [];
  for (const shown of composeStory({ articles: [article] }).quotes) {
    const q = found.find((f) => !used.has(f) && f.text === shown.text);
    if (!q) continue;
    used.add(q);
    out.push({ shown, found: q });
  }
  return out;
}
