import { describe, expect, it } from 'vitest';
import { RULES, chooseStory, profileFromMembers, profileOf, shouldMerge, splitCheckDue, splitOff, storyScore, withMember, type Placed, type StoryProfile } from '../../src/stories/assign.ts';
import { articleFeatures, type ArticleFeatures } from '../../src/stories/features.ts';
import { articleVectors, type TermStatistics } from '../../src/stories/vectors.ts';
import { damBreach, damFollowUp, otherDam, rateDecision, valleyElection } from '../fixtures/stories.ts';

// Document frequencies of a regional news store: the words every report uses are common, the
// valley's places fairly common, the event's own words and names rare.
const common = new Set(['said', 'offici', 'wednesdai', 'peopl', 'report', 'wednesday']);
const regional = new Set(['ostrava', 'dolna', 'brezno', 'kamen', 'lake', 'varna', 'vallei', 'villag', 'water', 'flood', 'region', 'author', 'evacu', 'resid', 'ostrava valley', 'lake varna']);
const frequency = (key: string) => (common.has(key) ? 2_500 : regional.has(key) ? 400 : 20);
const stats: TermStatistics = { documents: 5_000, termFrequency: frequency, nameFrequency: frequency };
const anyRare = () => true;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const placed = (draft: { title: string; text: string; published?: string }, dated = true): Placed => ({
  vectors: articleVectors(articleFeatures(draft), stats),
  time: Date.parse(draft.published ?? '2025-03-12T09:00:00Z'),
  dated,
});
const storyOf = (id: number, ...members: Placed[]): StoryProfile => profileFromMembers(id, members);

describe('story assignment (pure)', () => {
  const breach = storyOf(1, placed(damBreach[0]!), placed(damBreach[1]!));
  const bank = storyOf(2, placed(rateDecision));

  it('gives an article on the same event to its story, and an unrelated one to none', () => {
    expect(chooseStory(placed(damBreach[2]!), [bank, breach], anyRare)).toMatchObject({ storyId: 1, alsoMatching: [] });
    expect(chooseStory(placed(valleyElection), [bank, breach], anyRare).storyId).toBeNull();
  });

  it('lets the score fade with the days between the article and the story, and stops comparing after a week', () => {
    const followUpDay = Date.parse('2025-03-14T09:00:00Z');
    const sameDay = storyScore(placed(damFollowUp), { ...breach, first: followUpDay, last: followUpDay, time: followUpDay }, anyRare);
    const twoDays = storyScore(placed(damFollowUp), breach, anyRare);
    const days = (Date.parse(damFollowUp.published!) - breach.last) / (24 * HOUR);
    expect(twoDays).toBeCloseTo(sameDay * 0.5 ** (days / RULES.halfLifeDays), 5);
    expect(twoDays).toBeGreaterThan(RULES.threshold);
    expect(storyScore({ ...placed(damFollowUp), time: breach.last + 8 * 24 * HOUR }, breach, anyRare)).toBe(-1);
  });

  it('does not chain a topic reported every three days for four weeks into one story, yet takes in a follow-up of one of its events', () => {
    // One water authority in the news every three days: each report names Petra Halova and Lake
    // Varna and uses the topic's words, and has its own event's words. Each report is 3 days
    // past the story's newest member: measured from there alone, every one joined (and the story
    // grew for weeks); measured from the story's event time, the chain stops within days.
    const start = Date.parse('2025-03-01T09:00:00Z');
    const events = [['pipe', 'burst'], ['tariff', 'rise'], ['drought', 'warn'], ['reservoir', 'audit'], ['fish', 'kill'], ['boil', 'notic'], ['pump', 'strike'], ['sewer', 'leak'], ['alga', 'bloom'], ['meter', 'fraud']];
    const report = ([what, how]: string[], time: number, extra: [string, number][] = []): Placed => {
      const features: ArticleFeatures = { terms: [['halova', 2], ['water', 2], ['author', 2], ['varna', 1], [what!, 3], [how!, 3], ...extra], entities: [['petra halova', 2], ['lake varna', 1], [`${what} site`, 1]] };
      return { vectors: articleVectors(features, stats), time, dated: true };
    };
    const stories: StoryProfile[] = [];
    const place = (article: Placed): number => {
      const { storyId } = chooseStory(article, stories, anyRare);
      if (storyId === null) {
        stories.push(profileOf(stories.length + 1, article));
        return stories.length;
      }
      stories[storyId - 1] = withMember(stories[storyId - 1]!, article);
      return storyId;
    };
    const burst = place(report(events[0]!, start));
    // A day and a half later, the repairs: the burst's own words, and more.
    expect(place(report(events[0]!, start + 1.5 * DAY, [['repair', 3]]))).toBe(burst);
    for (const [k, event] of events.slice(1).entries()) place(report(event, start + (k + 1) * 3 * DAY));
    expect(stories.length).toBeGreaterThan(2);
    for (const story of stories) expect(story.last - story.first).toBeLessThanOrEqual(7 * DAY);
  });

  it('needs a shared specific name (or near-identical wording) to join: reports of one genre are not one event', () => {
    const otherBreach = placed(otherDam);
    // Same genre, same words ("dam breach floods"), no shared name: kept apart whatever the time.
    expect(chooseStory({ ...otherBreach, time: breach.last }, [breach], anyRare).storyId).toBeNull();
    // A name that many documents mention ("Wednesday") is no gate either.
    const onlyCommon = () => false;
    expect(storyScore(placed(damBreach[2]!), breach, onlyCommon)).toBe(-1);
  });

  it('asks more of an article without a date: only near-identical coverage joins', () => {
    // The follow-up, at the time of a one-report story: it joins with a date, not without
    // (then its time, the ingest time, says nothing about the event's).
    const story = storyOf(5, placed(damBreach[1]!));
    const followUp = { ...placed(damFollowUp), time: story.last };
    expect(chooseStory(followUp, [story], anyRare).storyId).toBe(5);
    expect(chooseStory({ ...followUp, dated: false }, [story], anyRare).storyId).toBeNull();
    // An undated copy of the report still joins.
    expect(chooseStory(placed(damBreach[1]!, false), [storyOf(3, placed(damBreach[1]!, false))], anyRare).storyId).toBe(3);
  });

  it('merges two stories of one event, never two events', () => {
    const first = storyOf(1, placed(damBreach[0]!));
    const second = storyOf(2, placed(damBreach[1]!));
    expect(shouldMerge(first, second, anyRare)).toBe(true);
    expect(shouldMerge(first, bank, anyRare)).toBe(false);
    expect(shouldMerge(first, storyOf(4, placed(otherDam)), anyRare)).toBe(false);
  });

  it('splits members that form two events, keeping the earliest member where it is', () => {
    const members = [damBreach[0]!, damBreach[1]!, rateDecision, { ...rateDecision, title: 'Central bank keeps rates on hold', published: '2025-03-12T15:00:00.000Z' }].map((d, id) => ({ ...placed(d), id }));
    expect(splitOff(members)).toEqual([2, 3]);
    const oneEvent = [...damBreach, damFollowUp].map((d, id) => ({ ...placed(d), id }));
    expect(splitOff(oneEvent)).toBeNull();
  });

  it('joins two dated reports of one event told in different words when the story holds a name bursting around the article, never without dates', () => {
    // Day one of a party conference: the opening speeches. Day two: a walkout over a motion.
    // Same conference, few shared words: below the threshold on similarity alone.
    const opening: ArticleFeatures = { terms: [['confer', 3], ['speech', 3], ['leader', 2], ['open', 2], ['unity', 2]], entities: [['green party conference', 2], ['lena marsh', 2], ['brightport', 1]] };
    const walkout: ArticleFeatures = { terms: [['walkout', 3], ['motion', 3], ['deleg', 2], ['vote', 2], ['confer', 1]], entities: [['green party conference', 1], ['tomas reed', 2]] };
    const dayOne = Date.parse('2025-09-20T12:00:00Z');
    const story = profileOf(7, { vectors: articleVectors(opening, stats), time: dayOne, dated: true });
    const plain = { vectors: articleVectors(walkout, stats), time: dayOne + DAY, dated: true };
    expect(storyScore(plain, story, anyRare)).toBeLessThan(RULES.threshold);
    expect(chooseStory(plain, [story], anyRare).storyId).toBeNull();
    // The conference is in a third of that week's reports (and few others): its name bursts.
    const bursting = { ...plain, vectors: { ...plain.vectors, burstingNames: new Set(['green party conference']) } };
    expect(chooseStory(bursting, [story], anyRare).storyId).toBe(7);
    // A bursting name the story does not hold, or a name not specific enough, is no evidence.
    expect(chooseStory({ ...bursting, vectors: { ...plain.vectors, burstingNames: new Set(['tomas reed']) } }, [story], anyRare).storyId).toBeNull();
    expect(chooseStory(bursting, [story], (name) => name !== 'green party conference').storyId).toBeNull();
    // Without dates, the time of ingest says nothing of a burst.
    expect(chooseStory({ ...bursting, dated: false }, [story], anyRare).storyId).toBeNull();
    expect(chooseStory(bursting, [{ ...story, dated: false }], anyRare).storyId).toBeNull();
  });

  it('re-examines a story at 4, 8, 16... members', () => {
    expect([1, 2, 3, 4, 5, 8, 12, 16, 32].filter(splitCheckDue)).toEqual([4, 8, 16, 32]);
  });
});
