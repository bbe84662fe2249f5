// Story assignment: which stored story a new article belongs to, when two stories are one, and
// when a story has drifted into two events. Hand-written incremental (streaming) clustering in
// the manner of Miranda et al., "Multilingual Clustering of Streaming News" (EMNLP 2018): each
// arriving article is compared with the centroids of the candidate stories (TF-IDF of headline
// and lead terms, and of names), the similarity decays with the time between the article and
// the story, and the best story takes the article when the score passes a threshold; otherwise
// the article starts a story. No package clusters news events; the weights and thresholds
// below were tuned on our own labelled PolNeAR train events (eval/stories/) and validated on
// the dev events (npm run eval:stories).
import { CENTROID_ENTITIES, CENTROID_TERMS, addTo, cosine, type ArticleVectors, type Vector } from './vectors.ts';

export interface StoryProfile {
  id: number;
  /** Centroids: sums of the members' unit vectors. */
  terms: Vector;
  entities: Vector;
  /** Earliest and latest member time (published, else ingested), ms since the epoch. */
  first: number;
  last: number;
  /**
   * The event's time: the mean of the members' times. Unlike `last`, one new member moves it
   * only by 1/size of the way, so a story on a busy topic cannot walk forward report by report.
   */
  time: number;
  size: number;
  /** True while every member has a published time. */
  dated: boolean;
}

/** An article being placed, or a member being re-examined. */
export interface Placed {
  vectors: ArticleVectors;
  /** Published time, else ingested time, ms since the epoch. */
  time: number;
  dated: boolean;
}

export const RULES = {
  termWeight: 0.7,
  entityWeight: 0.3,
  /** Score an article needs to join a story when both have dates. */
  threshold: 0.15,
  /**
   * Without dates the time cannot tell two similar events apart (two polls, months apart,
   * read alike), so only near-identical coverage joins.
   */
  undatedThreshold: 0.5,
  /** The similarity halves every this many days between the article and the story's span. */
  halfLifeDays: 2,
  /** Never compared beyond this gap: a follow-up days later needs a strong score (decay), weeks later none. */
  maxGapDays: 7,
  /**
   * How far one event's reports spread around its time before the distance counts: outlets
   * report an event over a day or two. Beyond it an article is a follow-up, however close to
   * the story's newest member, and the similarity decays with the days past it.
   */
  eventSpreadDays: 1,
  /**
   * A follow-up (an article further than the event spread from the story's event time) is the
   * same event only on strong evidence: its similarity, before any decay, must reach this.
   * Reports of one topic (the same people and places, other events) score below it.
   */
  followUpSimilarity: 0.25,
  /** Two stories that a new article both joins are one when their centroids score this much. */
  mergeThreshold: 0.22,
  /** A story splits when its two halves score below this with each other: they would not join each other now. */
  splitThreshold: 0.11,
  /**
   * The gate: an article joins a story only when they share a specific name (one found in few
   * documents) or their terms agree this much. Reports of one genre (election races, market
   * wraps) share most of their words and no name; reports of one event share its names.
   */
  gateTermSimilarity: 0.6,
  /**
   * Added to the similarity of a dated article and a dated story when the story holds one of the
   * specific names that burst around the article (vectors.ts, burstingNames): reports of one
   * event told in different words still name it ("the convention", the judge, the club). Chosen
   * on our train events: recall 0.33 to 0.41 at precision 0.86 to 0.87 (docs/quality.md).
   */
  burstingNameBonus: 0.2,
  /** A name is specific when at most this share of the documents mention it (and at least in small stores, 3 documents). */
  specificShare: 0.2,
  specificMinDocuments: 3,
};

/** Whether a name is rare enough to tie two reports to one event; the store knows the counts. */
export type IsSpecific = (name: string) => boolean;

const DAY = 86_400_000;

type Span = Pick<StoryProfile, 'first' | 'last' | 'time'>;

/** Milliseconds between two times beyond the spread of one event's reports (negative within it). */
const pastEventSpread = (a: number, b: number) => Math.abs(a - b) - RULES.eventSpreadDays * DAY;

/**
 * Days between a time and a story: past its span (0 inside it), or past the spread of its event
 * around the event's time, whichever is more. The second stops a chain: a story that takes in
 * a report every day or two keeps its newest member close to the next report, but its event
 * time falls behind, and after a few days only a strong score joins. Null: too far to compare.
 */
export function gapDays(time: number, story: Span): number | null {
  const gap = Math.max(0, story.first - time, time - story.last, pastEventSpread(time, story.time)) / DAY;
  return gap > RULES.maxGapDays ? null : gap;
}

interface Profiles {
  terms: Vector;
  entities: Vector;
}

interface Match {
  similarity: number;
  /** True when the gate lets the pair through. */
  gated: boolean;
}

function match(a: Profiles, b: Profiles, isSpecific: IsSpecific): Match {
  const [small, large] = a.entities.size <= b.entities.size ? [a.entities, b.entities] : [b.entities, a.entities];
  let sharedName = false;
  for (const name of small.keys()) {
    if (large.has(name) && isSpecific(name)) {
      sharedName = true;
      break;
    }
  }
  const terms = cosine(a.terms, b.terms);
  // Without a shared specific name only near-identical wording passes: no need for the names' cosine.
  if (!sharedName && terms < RULES.gateTermSimilarity) return { similarity: RULES.termWeight * terms, gated: false };
  return { similarity: RULES.termWeight * terms + RULES.entityWeight * cosine(a.entities, b.entities), gated: true };
}

function decayed(similarityValue: number, gap: number): number {
  return similarityValue * 0.5 ** (gap / RULES.halfLifeDays);
}

/** Whether the story holds a specific name that bursts around the article; never without dates on both sides (the time then says nothing). */
function sharesBurstingName(article: Placed, story: StoryProfile, isSpecific: IsSpecific): boolean {
  if (!article.dated || !story.dated || !article.vectors.burstingNames) return false;
  for (const name of article.vectors.burstingNames) if (story.entities.has(name) && isSpecific(name)) return true;
  return false;
}

/** The score of an article for a story: similarity with its centroid, decayed by the time between them; -1 when not comparable (too far apart, or no shared specific name). */
export function storyScore(article: Placed, story: StoryProfile, isSpecific: IsSpecific): number {
  const gap = gapDays(article.time, story);
  if (gap === null) return -1;
  const matched = match(article.vectors, story, isSpecific);
  const gated = matched.gated;
  const similarity = gated && sharesBurstingName(article, story, isSpecific) ? matched.similarity + RULES.burstingNameBonus : matched.similarity;
  if (!gated || (pastEventSpread(article.time, story.time) > 0 && similarity < RULES.followUpSimilarity)) return -1;
  return decayed(similarity, gap);
}

/** The score a pair must reach: higher when either side lacks a date. */
export function thresholdFor(a: { dated: boolean }, b: { dated: boolean }): number {
  return a.dated && b.dated ? RULES.threshold : RULES.undatedThreshold;
}

export interface Decision {
  /** The story the article joins, or null for a new story. */
  storyId: number | null;
  score: number;
  /** Other stories the article also qualifies for (merge candidates), best first. */
  alsoMatching: number[];
}

/** The best qualifying story among the candidates (ties: the older story), or none. */
export function chooseStory(article: Placed, candidates: StoryProfile[], isSpecific: IsSpecific): Decision {
  const qualifying = candidates
    .map((story) => ({ story, score: storyScore(article, story, isSpecific) }))
    .filter(({ story, score }) => score >= thresholdFor(article, story))
    .sort((a, b) => b.score - a.score || a.story.id - b.story.id);
  if (!qualifying.length) return { storyId: null, score: 0, alsoMatching: [] };
  return { storyId: qualifying[0]!.story.id, score: qualifying[0]!.score, alsoMatching: qualifying.slice(1).map((q) => q.story.id) };
}

/** How well two stories (centroids and spans) go together; -1 when too far apart in time or not gated. */
export function storiesScore(a: StoryProfile, b: StoryProfile, isSpecific: IsSpecific): number {
  const gap = Math.max(0, a.first - b.last, b.first - a.last, pastEventSpread(a.time, b.time)) / DAY;
  if (gap > RULES.maxGapDays) return -1;
  const { similarity, gated } = match(a, b, isSpecific);
  return gated ? decayed(similarity, gap) : -1;
}

/** Two stories that one article joins both are one when their own centroids agree as well. */
export function shouldMerge(a: StoryProfile, b: StoryProfile, isSpecific: IsSpecific): boolean {
  const needed = a.dated && b.dated ? RULES.mergeThreshold : RULES.undatedThreshold;
  return storiesScore(a, b, isSpecific) >= needed;
}

export function profileOf(id: number, article: Placed): StoryProfile {
  return { id, terms: new Map(article.vectors.terms), entities: new Map(article.vectors.entities), first: article.time, last: article.time, time: article.time, size: 1, dated: article.dated };
}

export function withMember(story: StoryProfile, article: Placed): StoryProfile {
  return {
    id: story.id,
    terms: addTo(story.terms, article.vectors.terms, CENTROID_TERMS),
    entities: addTo(story.entities, article.vectors.entities, CENTROID_ENTITIES),
    first: Math.min(story.first, article.time),
    last: Math.max(story.last, article.time),
    time: story.time + (article.time - story.time) / (story.size + 1),
    size: story.size + 1,
    dated: story.dated && article.dated,
  };
}

/** `into` absorbing `other` (a merge): the survivor keeps its id. */
export function merged(into: StoryProfile, other: StoryProfile): StoryProfile {
  return {
    id: into.id,
    terms: addTo(into.terms, other.terms, CENTROID_TERMS),
    entities: addTo(into.entities, other.entities, CENTROID_ENTITIES),
    first: Math.min(into.first, other.first),
    last: Math.max(into.last, other.last),
    time: (into.time * into.size + other.time * other.size) / (into.size + other.size),
    size: into.size + other.size,
    dated: into.dated && other.dated,
  };
}

/** A story rebuilt from members (after a split). */
export function profileFromMembers(id: number, members: Placed[]): StoryProfile {
  let story = profileOf(id, members[0]!);
  for (const member of members.slice(1)) story = withMember(story, member);
  return story;
}

/** When to look for a split: at 4, 8, 16, ... members, so that a growing story is re-examined a few times, cheaply. */
export function splitCheckDue(size: number): boolean {
  return size >= 4 && (size & (size - 1)) === 0;
}

/**
 * Whether a story's members form two events: two groups grown from the least similar pair
 * of members (each member to the closer group, twice), split when the groups' centroids
 * score below the split threshold. Returns the indexes of the group to move out (the one
 * without the earliest member), or null to keep the story whole.
 */
export function splitOff(members: (Placed & { id: number })[]): number[] | null {
  if (members.length < 4) return null;
  // Within one story the gate has been passed already: only the scores decide here.
  const anyName: IsSpecific = () => true;
  const pairScore = (a: Placed, b: Placed) => decayed(match(a.vectors, b.vectors, anyName).similarity, Math.abs(a.time - b.time) / DAY);
  let seeds: [number, number] = [0, 1];
  let lowest = Infinity;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const score = pairScore(members[i]!, members[j]!);
      if (score < lowest) [lowest, seeds] = [score, [i, j]];
    }
  }
  let groups = [profileFromMembers(0, [members[seeds[0]]!]), profileFromMembers(1, [members[seeds[1]]!])];
  let inSecond: boolean[] = [];
  for (let round = 0; round < 2; round++) {
    inSecond = members.map((m) => storyScore(m, groups[1]!, anyName) > storyScore(m, groups[0]!, anyName));
    const second = members.filter((_, i) => inSecond[i]);
    const first = members.filter((_, i) => !inSecond[i]);
    if (!first.length || !second.length) return null;
    groups = [profileFromMembers(0, first), profileFromMembers(1, second)];
  }
  if (storiesScore(groups[0]!, groups[1]!, anyName) >= RULES.splitThreshold) return null;
  const earliest = members.reduce((best, m, i) => (m.time < members[best]!.time || (m.time === members[best]!.time && m.id < members[best]!.id) ? i : best), 0);
  const moveSecond = !inSecond[earliest];
  return members.map((_, i) => i).filter((i) => inSecond[i] === moveSecond);
}
