// The stored stories as `news-digest stories --json` prints them. The zod schema is the
// contract (DESIGN.md §3): {stories: [{id, title, first, last, outlets[], articles: [...]}]}.
import { z } from 'zod';
import { outletName } from '../ingest/outlet.ts';
import type { StoredArticle } from '../model.ts';

export const StoryListingSchema = z.object({
  stories: z.array(
    z.object({
      /** The stored story's id (stable; an id merged away resolves to its survivor). */
      id: z.number().int(),
      title: z.string(),
      /** Earliest and latest article time (published, else ingested), ISO UTC. */
      first: z.string(),
      last: z.string(),
      /** Outlets that covered it, in the order they first did. */
      outlets: z.array(z.string()),
      articles: z.array(
        z.object({
          id: z.number().int(),
          url: z.string().nullable(),
          title: z.string(),
          outlet: z.string().nullable(),
          published: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type StoryListing = z.infer<typeof StoryListingSchema>;

/** An article's outlet: its name, else one from its URL's host; null when unknown. */
export function articleOutlet(article: Pick<StoredArticle, 'outlet' | 'url'>): string | null {
  return outletName(article.outlet, article.url) ?? null;
}

/** One story of the listing from its record and its member articles (oldest first). */
export function listedStory(story: { id: number; title: string; first: string; last: string }, articles: StoredArticle[]): StoryListing['stories'][number] {
  const outlets = [...new Set(articles.map(articleOutlet).filter((o): o is string => o !== null))];
  return {
    id: story.id,
    title: story.title,
    first: story.first,
    last: story.last,
    outlets,
    articles: articles.map((a) => ({ id: a.id, url: a.url ?? null, title: a.title, outlet: articleOutlet(a), published: a.published ?? null })),
  };
}
