// What the model must return, as zod schemas: sent as the JSON-schema response format and
// used to validate the reply. Only JSON-schema features that OpenAI's strict structured
// outputs accept appear in the generated schema (no minLength; emptiness is checked by
// refinements, which stay on our side).
import { z } from 'zod';

const nonEmpty = z.string().refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const LlmQuoteSchema = z.object({
  /** Copied verbatim from the article, without its quotation marks. */
  text: nonEmpty,
  /** As the article names the person; null when it names nobody. */
  speaker: z.string().nullable(),
  /** The id of the article the quote is copied from. */
  articleId: z.number().int(),
});
export type LlmQuote = z.infer<typeof LlmQuoteSchema>;

export const StorySummaryOutputSchema = z.object({
  summary: z.array(nonEmpty).min(1).max(3),
  quotes: z.array(LlmQuoteSchema).max(3),
});
export type StorySummaryOutput = z.infer<typeof StorySummaryOutputSchema>;

export const HeadlineOutputSchema = z.object({
  headline: nonEmpty.refine((s) => !/[\r\n]/.test(s.trim()), { message: 'must be one line' }),
});
export type HeadlineOutput = z.infer<typeof HeadlineOutputSchema>;

export const AnswerOutputSchema = z.object({
  found: z.boolean(),
  answer: z.string(),
  articleIds: z.array(z.number().int()),
  quotes: z.array(LlmQuoteSchema).max(2),
});
export type AnswerOutput = z.infer<typeof AnswerOutputSchema>;

export interface OutputFormat<T> {
  /** The response_format name (a-z, A-Z, 0-9, _ and -, at most 64). */
  name: string;
  schema: z.ZodType<T>;
}

export const STORY_SUMMARY_FORMAT: OutputFormat<StorySummaryOutput> = { name: 'story_summary', schema: StorySummaryOutputSchema };
export const HEADLINE_FORMAT: OutputFormat<HeadlineOutput> = { name: 'digest_headline', schema: HeadlineOutputSchema };
export const ANSWER_FORMAT: OutputFormat<AnswerOutput> = { name: 'follow_up_answer', schema: AnswerOutputSchema };

const SAFE_INT = Number.MAX_SAFE_INTEGER;

/** Drops what zod adds but structured-output servers do not need ($schema, safe-integer bounds). */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if ((key === 'minimum' && value === -SAFE_INT) || (key === 'maximum' && value === SAFE_INT)) continue;
    out[key] = tidy(value);
  }
  return out;
}

/** The JSON Schema sent as response_format.json_schema.schema. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return tidy(z.toJSONSchema(schema, { target: 'draft-7', io: 'output' })) as Record<string, unknown>;
}

/** A short, readable account of why a reply failed validation, to send back to the model. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
