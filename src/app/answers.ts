// Follow-up answers (a question in the chat, a reply to a digest, `news-digest ask`): one place
// for the window a question searches first and for the question's length.
import type { Summarizer } from '../llm/summarizer.ts';
import type { Answer } from '../model/answer.ts';
import { cutText } from '../util/text.ts';
import { ask } from '../qa/index.ts';
import type { Store } from '../store/index.ts';

/** Questions look a week back first (then further, saying how old the answer is). */
export const QUESTION_WINDOW_DAYS = 7;
/** Longer questions are cut: nobody types more into a chat, and the search stays cheap. */
const MAX_QUESTION_LENGTH = 1_000;

export interface QuestionRequest {
  question: string;
  /** The articles of the digest replied to: searched and ranked first. */
  articleIds?: number[];
  /** A topic whose stories rank first (the reader's last /summary). */
  topic?: string | null;
  /** Start of the first window searched; a week back by default. */
  since?: Date;
}

export class AnswerService {
  constructor(private readonly deps: { store: Store; summarizer: Summarizer; now: () => Date }) {}

  async answer(request: QuestionRequest): Promise<Answer> {
    const now = this.deps.now();
    const since = request.since ?? new Date(now.getTime() - QUESTION_WINDOW_DAYS * 86_400_000);
    return ask({ store: this.deps.store, summarizer: this.deps.summarizer }, cutText(request.question, { max: MAX_QUESTION_LENGTH }), {
      ...(request.articleIds?.length ? { articleIds: request.articleIds } : {}),
      topic: request.topic ?? null,
      since,
      now,
    });
  }
}
