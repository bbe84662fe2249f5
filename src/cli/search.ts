// `search`: matching articles, best first.
import { outletName } from '../util/outlet.ts';
import type { CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';

export async function searchCommand(ctx: CliContext, words: string[], options: { json?: boolean; limit?: string }): Promise<number> {
  const query = words.join(' ');
  const limit = Math.min(Math.max(Number(options.limit ?? 20) || 20, 1), 200);
  const hits = await (await ctx.store()).articles.search(query, { limit });
  if (options.json) {
    printJsonLine({
      query,
      articles: hits.map(({ article, score, matchedAll }) => ({
        id: article.id,
        title: article.title,
        url: article.url,
        outlet: outletName(article.outlet, article.url),
        published: article.published,
        ingested: article.ingestedAt,
        score: Number(score.toFixed(3)),
        matchedAllTerms: matchedAll,
      })),
    });
    return 0;
  }
  if (!hits.length) {
    printLine(`No articles match "${query}".`);
    return 0;
  }
  for (const { article } of hits) {
    // The publication time; an ingest time is never passed off as one.
    const date = article.published ? formatTime(article.published) : `ingested ${formatTime(article.ingestedAt)}`;
    const outlet = outletName(article.outlet, article.url) ?? 'unknown outlet';
    printLine(`${article.id}\t${article.title} (${outlet}, ${date})${article.url ? `\n\t${article.url}` : ''}`);
  }
  return 0;
}
