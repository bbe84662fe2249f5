// The product's lexical pair score for the story pair analyses (eval/story-semantic.ts,
// eval/story-evidence.ts): RULES' term and name weights over the TF-IDF vectors of
// articleFeatures (IDF over all of a split's articles, no burst weights), decayed with the days
// past one event's spread as src/stories/assign.ts decays it.
import { RULES } from '../src/stories/assign.ts';
import type { ArticleFeatures } from '../src/stories/features.ts';
import { cosine, type ArticleVectors, type TermStatistics } from '../src/stories/vectors.ts';

const DAY = 86_400_000;

/** Document frequencies of a split's articles, as the store would count them. */
export function statisticsOf(features: ArticleFeatures[]): TermStatistics {
  const terms = new Map<string, number>();
  const names = new Map<string, number>();
  for (const f of features) {
    for (const [term] of f.terms) terms.set(term, (terms.get(term) ?? 0) + 1);
    for (const [name] of f.entities) names.set(name, (names.get(name) ?? 0) + 1);
  }
  return { documents: features.length, termFrequency: (t) => terms.get(t) ?? 0, nameFrequency: (n) => names.get(n) ?? 0 };
}

/** Every two articles at most RULES.maxGapDays apart, with their lexical score. */
export function pairsWithin<T extends { time: number; vectors: ArticleVectors }>(articles: T[]): { a: T; b: T; lexical: number }[] {
  const pairs: { a: T; b: T; lexical: number }[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const days = Math.abs(a.time - b.time) / DAY;
      if (days > RULES.maxGapDays) continue;
      const similarity = RULES.termWeight * cosine(a.vectors.terms, b.vectors.terms) + RULES.entityWeight * cosine(a.vectors.entities, b.vectors.entities);
      pairs.push({ a, b, lexical: similarity * 0.5 ** (Math.max(0, days - RULES.eventSpreadDays) / RULES.halfLifeDays) });
    }
  }
  return pairs;
}
