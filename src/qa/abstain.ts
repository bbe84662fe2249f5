// Whether the best passage found answers the question, or the bot should say "I don't find that".
// One hand-set threshold on the passage's score was calibrated on questions that share many words
// with their answers, and abstained on most chat questions phrased in other words, though their
// right passage ranked first. This decision weighs what the ranking already knows about its best
// passage (its score, how much of the question it covers, whether it holds the kind of answer
// asked for, how far it stands above other stories' passages, how much of the question its article
// covers) with a small logistic model. Hand-written: a dot product and a sigmoid; the weights are
// fitted by `npm run eval:qa -- --fit-abstention` (eval/abstention-fit.ts) and pasted below.
import type { AnswerKind } from './question.ts';
import type { RankedPassage } from './rank.ts';

/** The feature names, in order (the fit prints its weights with them). */
export const ABSTENTION_FEATURES = [
  'score',
  'coverage',
  'context',
  'articleCover',
  'typeFit',
  'namesFactor',
  'margin',
  'said',
  'describe',
  'typed',
] as const;

/** The kinds whose answers are checked for a type (a name, a number, a date, a reason). */
const TYPED: ReadonlySet<AnswerKind> = new Set(['person', 'organisation', 'place', 'number', 'date', 'reason']);

/**
 * What the decision looks at, from the best passage and the ranking: its score and the parts of it
 * (see rank.ts), and its margin over the best passage of another story (a question no article
 * answers often finds several stories that match it equally little).
 */
export function abstentionFeatures(kind: AnswerKind, ranked: RankedPassage[]): number[] {
  const best = ranked[0];
  if (!best) return ABSTENTION_FEATURES.map(() => 0);
  const story = (p: RankedPassage) => p.article.nearDuplicateOf ?? p.article.id;
  const other = ranked.find((p) => story(p) !== story(best));
  const { parts } = best;
  return [
    best.score,
    parts.coverage ?? 0,
    parts.context ?? 0,
    parts.articleCover ?? 0,
    parts.type ?? 1,
    parts.names ?? 1,
    Math.min(1, best.score - (other?.score ?? 0)),
    kind === 'said' ? 1 : 0,
    kind === 'describe' ? 1 : 0,
    TYPED.has(kind) ? 1 : 0,
  ];
}

export interface AbstentionModel {
  /** One weight per feature (ABSTENTION_FEATURES), on the raw feature values. */
  weights: number[];
  bias: number;
  /** The probability of a right answer from which the bot answers. */
  cutoff: number;
}

/** The probability that the best passage answers the question right. */
export function answerProbability(features: number[], model: AbstentionModel): number {
  const z = features.reduce((sum, x, i) => sum + x * (model.weights[i] ?? 0), model.bias);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fitted by `npm run eval:qa -- --fit-abstention` on the 240 questions of the six seen sets of
 * eval/qa (deterministic: no random start); see docs/quality.md, "Follow-up answers".
 */
export const ABSTENTION_MODEL: AbstentionModel = {
  weights: [1.605, 0.1522, 1.449, 0.618, 1.581, 1.268, 1.157, 0.1066, 0.1824, 0.1768],
  bias: -4.399,
  cutoff: 0.4941,
};

/** Whether to answer from the ranking's best passage. */
export function answersQuestion(kind: AnswerKind, ranked: RankedPassage[], model: AbstentionModel = ABSTENTION_MODEL): boolean {
  if (!ranked.length) return false;
  return answerProbability(abstentionFeatures(kind, ranked), model) >= model.cutoff;
}
