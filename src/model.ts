// The data shapes other parts (CLI JSON, bot, LLM path) rely on. zod schemas are the
// source of truth for the JSON contracts of DESIGN.md §3.
import { z } from 'zod';

export const QuoteSchema = z.object({
  /** The quotation without its quote marks, exactly as in the article. */
  text: z.string(),
  /** Full name where the article names the person anywhere, else the descriptor as written, else null. */
  speaker: z.string().nullable(),
  /** The attribution cue as written ("Putin said", "he told reporters"). */
  cue: z.string().optional(),
  /** True when the text was checked to appear verbatim in the article. */
  verified: z.boolean(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** Where a quotation's cue stands: right after it, before it, carried over from the piece of the same statement it continues, or elsewhere in the paragraph. */
export type CuePosition = 'after' | 'before' | 'carried' | 'elsewhere';
/** How the cue names the speaker: by a name, a pronoun or a description. */
export type CueSubject = 'name' | 'pronoun' | 'descriptor';

/**
 * How a quote's speaker was found, which says how far to trust it (speakers read through a
 * description or from a cue before the quotation are wrong more often than "...," Smith said), as
 * "position/subject", and for a pronoun or a description that stands for a named person
 * "position/subject/N": the article last names them N sentences back (1: the sentence before, or the
 * same one). A short string: it is stored with every quote ("after/pronoun/1").
 */
export type Attribution = `${CuePosition}/${CueSubject}` | `${CuePosition}/${CueSubject}/${number}`;

/** A quote as the analyser finds it: with its character offsets in the article text. */
export interface FoundQuote extends Quote {
  start: number;
  end: number;
  /** Short partial quotation woven into the reporter's sentence ("grounds to believe"). */
  fragment: boolean;
  /** Set when the quote has a speaker and a cue (rows stored before 2026-12-07 have none). */
  attribution?: Attribution;
}

/** What ingestion produces from a feed item, a page or a text file, before it is stored. */
export interface ArticleDraft {
  url?: string;
  guid?: string;
  outlet?: string;
  title: string;
  /** ISO 8601 UTC. */
  published?: string;
  language?: string;
  text: string;
  /** Sub-headings found in the body, kept apart from the paragraphs. */
  subheadings?: string[];
}

/** Per-article analysis, computed once at ingest and stored. */
export interface Analysis {
  /** Not stored (it would be a second copy of the text): split again where needed. */
  sentences?: string[];
  summary: string[];
  quotes: FoundQuote[];
}

export interface StoredArticle extends ArticleDraft {
  id: number;
  sourceId: number | null;
  canonicalUrl: string | null;
  ingestedAt: string;
  fingerprint: string;
  /** Set when this article is a near-duplicate (e.g. a republished wire story) of another. */
  nearDuplicateOf: number | null;
  analysis: Analysis | null;
}
