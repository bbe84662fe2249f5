// The Digest model: what every output (terminal, JSON, Telegram) renders.
import { z } from 'zod';
import { QuoteSchema } from '../model.ts';

/** One article as a source: its outlet and dates say where and when it was reported. */
export const SourceArticleSchema = z.object({
  articleId: z.number().int(),
  title: z.string(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  published: z.string().optional(),
  /** When it was ingested, ISO UTC: the only date shown (marked as such) when `published` is unknown. */
  ingested: z.string().optional(),
});
export type SourceArticle = z.infer<typeof SourceArticleSchema>;

export const SourceRefSchema = SourceArticleSchema.extend({
  /** Near-duplicate copies of this article in the same story (wire republications): one source, "also: AP, Reuters". */
  also: z.array(SourceArticleSchema).optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A quote shown in a digest keeps the article it comes from. */
export const StoryQuoteSchema = QuoteSchema.extend({ articleId: z.number().int() });
export type StoryQuote = z.infer<typeof StoryQuoteSchema>;

export const StorySchema = z.object({
  /** Stable for the same lead article, short enough for Telegram callback data. */
  id: z.string(),
  title: z.string(),
  summary: z.array(z.string()),
  quotes: z.array(StoryQuoteSchema),
  sources: z.array(SourceRefSchema),
  /** Newest time among its sources (published, else ingested), ISO UTC. */
  updated: z.string(),
  /** True when the story is older than the requested window (shown because nothing newer matched). */
  outsideWindow: z.boolean().optional(),
  /** How many articles and outlets covered the stored story (its sources may be only the newest of them). */
  coverage: z.object({ articles: z.number().int(), outlets: z.number().int() }).optional(),
  /**
   * Set in a daily digest when the subscriber already got this story: the title, summary,
   * quotes and sources are then only what is new since (title: the newest report's headline).
   */
  update: z
    .object({
      /** The story's own title, as the subscriber knows it. */
      storyTitle: z.string(),
      /** Articles of the story the subscriber got before. */
      earlierArticles: z.number().int(),
    })
    .optional(),
});
export type Story = z.infer<typeof StorySchema>;

export const DigestSchema = z.object({
  /** The topic asked for; null for "top stories". */
  topic: z.string().nullable(),
  /** A one-line headline over several stories (written by the LLM when one is configured). */
  headline: z.string().optional(),
  /** Start of the time window, ISO UTC. */
  since: z.string(),
  generatedAt: z.string(),
  stories: z.array(StorySchema),
  /** When nothing matched: related topics found in recent articles. */
  suggestions: z.array(z.string()).optional(),
  /** A note for the reader (e.g. "nothing in the last 24 hours; showing the most recent"). */
  note: z.string().optional(),
});
export type Digest = z.infer<typeof DigestSchema>;
