// What one analysis pipeline (an ingest worker, an ingest run, a CLI command) keeps between the
// articles it analyses, so that a known word costs one lookup. Each pipeline owns its context and
// passes it in explicitly; nothing of it is module-level, so two pipelines in one process never
// mix their tables, and one context used by two interleaved analyses fails loudly (TermTable).
// Memos that are pure functions of their key (a word's stem) and constant tables stay
// module-level: every pipeline gets the same answer from them.
import { TermTable } from './term-ids.ts';

export class AnalysisContext {
  /** The summarizer's vocabulary: token -> stem index, and each article's term numbering. */
  readonly terms = new TermTable();
}
