// Stories: each stored article belongs to one, assigned when it is stored (assign(), called from
// SqliteArticleStore.insert in the same transaction). Candidates come from an index of the articles'
// names and heaviest terms with their times (article_keys), within the time window, never from
// a scan; the decision itself is pure (src/stories/assign.ts). Merged stories keep their row and point to
// the survivor, so old ids (in buttons and replies of old messages) still resolve. Also: what
// each daily digest carried, for "what is new since your last digest". Tables: migration 11.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Logger } from '../../log.ts';
import { RULES, chooseStory, merged, profileFromMembers, profileOf, shouldMerge, splitCheckDue, splitOff, withMember, type IsSpecific, type Placed, type StoryProfile } from '../../stories/assign.ts';
import { articleFeatures, type ArticleFeatures } from '../../stories/features.ts';
import { outletName } from '../../util/outlet.ts';
import { articleVectors, cosine, entityKey, termKey, topKeys, type TermBursts, type TermStatistics } from '../../stories/vectors.ts';
import { placeholders, statementCache, type Db } from './db.ts';
import type { StoryAssignment, StoryChange, StoryRecord } from '../api.ts';
import {
  BURST_WINDOW_DAYS,
  COMMON_KEY_SHARE,
  DAY,
  DAY_MEMO_LIMIT,
  KEY_ENTITIES,
  KEY_TERMS,
  MAX_CANDIDATES,
  PROFILE_MEMO_LIMIT,
  STATISTICS_FLUSH_EVERY,
  addCounts,
  addDayCounts,
  countsFrom,
  dayOf,
  headlineOf,
  loadedStory,
  outletKey,
  outletsOf,
  savedFrequencies,
  serializedProfile,
  spanOf,
  storyRecord,
  type AssignInput,
  type Counts,
  type DayCounts,
  type Headline,
  type LoadedStory,
  type SavedFrequencies,
  type SerializedProfile,
  type StoryColumns,
  windowOf,
} from '../story-profiles.ts';

interface StoryRow {
  id: number;
  title: string;
  title_article_id: number | null;
  first_at: string;
  last_at: string;
  article_count: number;
  outlet_count: number;
  dated: number;
  profile: string;
  merged_into: number | null;
  version: number;
}

/** A story row with SQLite's encodings decoded (the 0/1 flag; the profile is parsed apart). */
const columns = (row: StoryRow): StoryColumns => ({ ...row, dated: row.dated === 1 });
const loaded = (row: StoryRow): LoadedStory => loadedStory(columns(row), JSON.parse(row.profile) as SerializedProfile);
const serialized = (story: Omit<StoryProfile, 'id'>, title: Headline, outlets: Set<string>): string => JSON.stringify(serializedProfile(story, title, outlets));
const toRecord = (row: StoryRow): StoryRecord => storyRecord(columns(row));

export class SqliteStoryStore {
  private readonly sql: (text: string) => Statement;
  /** Document frequencies as last read, plus this process's counts since. */
  private counts: Counts | undefined;
  /** The features of the articles this process counted and has not written yet, with their day. */
  private pending: { features: ArticleFeatures; day: number }[] = [];
  /** Term counts per day as last read, plus this process's counts since. */
  private readonly days = new Map<number, DayCounts>();
  /** Days before this one were pruned: their counts are not written again. */
  private forgottenBefore = -Infinity;
  /**
   * Parsed profiles by story id, with the version they were read at: the stories in the news
   * are candidates for article after article, and parsing their profiles was most of the
   * assignment's time. Another process's change bumps the version, and the profile is read again.
   */
  private readonly profiles = new Map<number, { version: number; story: LoadedStory }>();

  constructor(
    private readonly db: Db,
    private readonly log?: Logger,
  ) {
    this.sql = statementCache(db);
  }

  // ---- assignment (inside the article insert's transaction) ----

  /** Places a new article in a story (see src/stories/assign.ts). */
  assign(input: AssignInput): StoryAssignment {
    const placed = this.placed(input);
    if (input.nearDuplicateOf !== null) {
      // A copy of a stored article tells the same event, whatever its score (and, as a copy,
      // does not count in the document frequencies).
      const original = this.storyOf(input.nearDuplicateOf);
      const story = original === undefined ? undefined : this.load(original);
      if (story) return this.join(story, input, placed, this.keysOf(placed), 'duplicate');
    }
    const keys = this.keysOf(placed);
    const candidates = this.candidates(keys, input.time);
    const isSpecific = this.specificNames();
    const decision = chooseStory(
      placed,
      candidates.map((c) => c.profile),
      isSpecific,
    );
    this.countTerms(input);
    const chosen = candidates.find((c) => c.profile.id === decision.storyId);
    if (!chosen) return this.create(input, placed, keys);
    const assignment = this.join(chosen, input, placed, keys, 'joined');
    for (const otherId of decision.alsoMatching) {
      const into = this.load(assignment.storyId);
      const other = this.load(otherId);
      if (!into || !other || !shouldMerge(into.profile, other.profile, isSpecific)) continue;
      const { survivor, gone } = this.merge(into, other, input.now);
      assignment.storyId = survivor;
      assignment.merged.push(gone);
    }
    const size = this.load(assignment.storyId)?.profile.size ?? 0;
    if (splitCheckDue(size)) {
      const splitInto = this.splitIfDrifted(assignment.storyId, input.now);
      if (splitInto !== undefined) assignment.splitInto = splitInto;
    }
    return assignment;
  }

  /** Names in few documents: the ones that can tie two reports to one event. */
  private specificNames(): IsSpecific {
    const stats = this.statistics();
    const most = Math.max(RULES.specificMinDocuments, stats.documents * RULES.specificShare);
    return (name) => stats.nameFrequency(name) <= most;
  }

  private statistics(): TermStatistics {
    return (this.counts ??= this.readCounts());
  }

  private readCounts(): Counts {
    const row = this.sql('SELECT documents, frequencies FROM story_statistics WHERE id = 1').get() as { documents: number; frequencies: string } | undefined;
    return countsFrom(row?.documents ?? 0, row ? (JSON.parse(row.frequencies) as SavedFrequencies) : { terms: {}, names: {} });
  }

  private countTerms(input: AssignInput): void {
    const counts = (this.counts ??= this.readCounts());
    addCounts(counts, input.features);
    const day = dayOf(Date.parse(input.time));
    addDayCounts(this.dayCounts(day), input.features);
    this.pending.push({ features: input.features, day });
    if (this.pending.length >= STATISTICS_FLUSH_EVERY) this.flushStatistics();
  }

  private readDay(day: number): DayCounts {
    const row = this.sql('SELECT documents, frequencies FROM story_term_days WHERE day = ?').get(day) as { documents: number; frequencies: string } | undefined;
    return { documents: row?.documents ?? 0, terms: new Map(row ? Object.entries(JSON.parse(row.frequencies) as Record<string, number>) : []) };
  }

  private dayCounts(day: number): DayCounts {
    let counts = this.days.get(day);
    if (!counts) {
      if (this.days.size >= DAY_MEMO_LIMIT) {
        // Days with counts not yet written stay; the others are read again when needed.
        const unwritten = new Set(this.pending.map((p) => p.day));
        for (const known of this.days.keys()) if (!unwritten.has(known)) this.days.delete(known);
      }
      counts = this.readDay(day);
      this.days.set(day, counts);
    }
    return counts;
  }

  /** The documents of the days around a time, for the burst weights of an article's terms. */
  private window(time: number): TermBursts {
    const center = dayOf(time);
    const days: DayCounts[] = [];
    for (let day = center - BURST_WINDOW_DAYS; day <= center + BURST_WINDOW_DAYS; day++) days.push(this.dayCounts(day));
    return windowOf(days);
  }

  /**
   * An article's vectors at its time: IDF from the whole store, terms weighted by their burst
   * around it. Not an undated article's: its time is the ingest clock, around which nothing bursts.
   */
  private vectorsAt(features: ArticleFeatures, time: number, dated: boolean) {
    return articleVectors(features, this.statistics(), dated ? this.window(time) : undefined);
  }

  /** Writes this process's new document frequencies, added to what is stored now (other processes count too). */
  flushStatistics(): void {
    if (!this.pending.length) return;
    this.db
      .transaction(() => {
        const stored = this.readCounts();
        for (const { features } of this.pending) addCounts(stored, features);
        const frequencies = JSON.stringify(savedFrequencies(stored));
        this.sql('INSERT OR REPLACE INTO story_statistics (id, documents, frequencies) VALUES (1, ?, ?)').run(stored.documents, frequencies);
        this.counts = stored;
        for (const day of new Set(this.pending.map((p) => p.day).filter((d) => d >= this.forgottenBefore))) {
          const counts = this.readDay(day);
          for (const p of this.pending) if (p.day === day) addDayCounts(counts, p.features);
          this.sql('INSERT OR REPLACE INTO story_term_days (day, documents, frequencies) VALUES (?, ?, ?)').run(day, counts.documents, JSON.stringify(Object.fromEntries(counts.terms)));
          this.days.set(day, counts);
        }
      })
      .immediate();
    this.pending = [];
  }

  private placed(input: Pick<AssignInput, 'features' | 'time' | 'dated'>): Placed {
    const time = Date.parse(input.time);
    return { vectors: this.vectorsAt(input.features, time, input.dated), time, dated: input.dated };
  }

  /** The article's names and heaviest terms, as index keys (leaving out the few that most documents have). */
  private keysOf(placed: Placed): string[] {
    const stats = this.statistics();
    const common = Math.max(50, stats.documents * COMMON_KEY_SHARE);
    return [
      ...topKeys(placed.vectors.terms, KEY_TERMS)
        .filter((term) => stats.termFrequency(term) <= common)
        .map(termKey),
      ...topKeys(placed.vectors.entities, KEY_ENTITIES)
        .filter((name) => stats.nameFrequency(name) <= common)
        .map(entityKey),
    ];
  }

  private candidates(keys: string[], time: string): LoadedStory[] {
    if (!keys.length) return [];
    const at = Date.parse(time);
    // The stories of the articles within the time window that have the most of this one's keys,
    // the closest in time first: an index range per key, never a scan of the stories. Distinct
    // keys, not key rows: a big story on a busy topic has many members with the same few keys,
    // and counting rows made it every topic article's first candidate.
    const ids = this.sql(
      `SELECT m.story_id FROM article_keys k JOIN story_articles m ON m.article_id = k.article_id
       WHERE k.key IN (${placeholders(keys.length, '?')}) AND k.at BETWEEN ? AND ?
       GROUP BY m.story_id ORDER BY count(DISTINCT k.key) DESC, min(abs(k.at - ?)), m.story_id DESC LIMIT ?`,
    )
      .pluck()
      .all(...keys, at - RULES.maxGapDays * DAY, at + RULES.maxGapDays * DAY, at, MAX_CANDIDATES) as number[];
    return this.loadMany(ids);
  }

  /** Stories by id (those not merged away), in the order given, parsed profiles reused while current. */
  private loadMany(ids: number[]): LoadedStory[] {
    if (!ids.length) return [];
    const versions = this.sql('SELECT id, version FROM stories WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NULL').all(JSON.stringify(ids)) as {
      id: number;
      version: number;
    }[];
    const stale = versions.filter((v) => this.profiles.get(v.id)?.version !== v.version).map((v) => v.id);
    if (stale.length) {
      const rows = this.sql('SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(stale)) as StoryRow[];
      for (const row of rows) this.remember(row.id, row.version, loaded(row));
    }
    const current = new Set(versions.map((v) => v.id));
    return ids.filter((id) => current.has(id)).map((id) => this.profiles.get(id)!.story);
  }

  private remember(id: number, version: number, story: LoadedStory): void {
    if (this.profiles.size >= PROFILE_MEMO_LIMIT && !this.profiles.has(id)) this.profiles.clear();
    this.profiles.set(id, { version, story });
  }

  private load(id: number): LoadedStory | undefined {
    return this.loadMany([id])[0];
  }

  private save(story: StoryProfile, title: Headline, outlets: Set<string>, now: Date): void {
    const version = this.sql(
      `UPDATE stories SET title = ?, title_article_id = ?, first_at = ?, last_at = ?, article_count = ?, outlet_count = ?, dated = ?, profile = ?, updated_at = ?,
         version = version + 1
       WHERE id = ? RETURNING version`,
    )
      .pluck()
      .get(title.title, title.articleId, ...spanOf(story), story.size, outlets.size, story.dated ? 1 : 0, serialized(story, title, outlets), now.toISOString(), story.id) as number;
    this.remember(story.id, version, { profile: story, title, outlets });
  }

  /** Inserts a story row and returns its id. */
  private insertStory(story: Omit<StoryProfile, 'id'>, title: Headline, outlets: Set<string>, now: Date): number {
    const at = now.toISOString();
    const id = Number(
      this.sql(
        `INSERT INTO stories (title, title_article_id, first_at, last_at, article_count, outlet_count, dated, profile, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(title.title, title.articleId, ...spanOf(story), story.size, outlets.size, story.dated ? 1 : 0, serialized(story, title, outlets), at, at).lastInsertRowid,
    );
    this.remember(id, 1, { profile: { ...story, id }, title, outlets });
    return id;
  }

  private addKeys(articleId: number, time: string, keys: string[]): void {
    if (!keys.length) return;
    const at = Date.parse(time);
    this.sql(`INSERT OR IGNORE INTO article_keys (key, at, article_id) VALUES ${placeholders(keys.length, '(?, ?, ?)')}`).run(keys.flatMap((key) => [key, at, articleId]));
  }

  private addMember(storyId: number, input: AssignInput): void {
    this.sql('INSERT OR REPLACE INTO story_articles (article_id, story_id, at, ingested, outlet, joined_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.articleId,
      storyId,
      Date.parse(input.time),
      Date.parse(input.ingestedAt),
      input.outlet,
      input.now.toISOString(),
    );
  }

  private create(input: AssignInput, placed: Placed, keys: string[]): StoryAssignment {
    const id = this.insertStory(
      profileOf(0, placed),
      { title: input.title, articleId: input.articleId, terms: placed.vectors.terms },
      new Set([outletKey(input.outlet, input.articleId)]),
      input.now,
    );
    this.addMember(id, input);
    this.addKeys(input.articleId, input.time, keys);
    return { storyId: id, status: 'new', merged: [] };
  }

  private join(story: LoadedStory, input: AssignInput, placed: Placed, keys: string[], status: 'joined' | 'duplicate'): StoryAssignment {
    const grown = withMember(story.profile, placed);
    // The headline of the member closest to the centroid speaks for the story.
    const title =
      cosine(placed.vectors.terms, grown.terms) > cosine(story.title.terms, grown.terms)
        ? { title: input.title, articleId: input.articleId, terms: placed.vectors.terms }
        : story.title;
    this.save(grown, title, new Set([...story.outlets, outletKey(input.outlet, input.articleId)]), input.now);
    this.addMember(story.profile.id, input);
    this.addKeys(input.articleId, input.time, keys);
    return { storyId: story.profile.id, status, merged: [] };
  }

  /** One story absorbs the other (the larger survives; on a tie the older). */
  private merge(a: LoadedStory, b: LoadedStory, now: Date): { survivor: number; gone: number } {
    const [into, other] = a.profile.size > b.profile.size || (a.profile.size === b.profile.size && a.profile.id < b.profile.id) ? [a, b] : [b, a];
    const at = now.toISOString();
    const survivor = into.profile.id;
    const gone = other.profile.id;
    this.save(merged(into.profile, other.profile), into.title, new Set([...into.outlets, ...other.outlets]), now);
    this.sql('UPDATE story_articles SET story_id = ? WHERE story_id = ?').run(survivor, gone);
    // Old ids keep working: whatever pointed to the merged story now points to the survivor.
    this.sql('UPDATE stories SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ? OR merged_into = ?').run(survivor, at, gone, gone);
    this.profiles.delete(gone);
    this.recordChange({ kind: 'merge', storyId: survivor, otherId: gone, articles: other.profile.size, at });
    return { survivor, gone };
  }

  /** Re-examines a story's members; when they form two events, the later one becomes a story of its own. */
  private splitIfDrifted(storyId: number, now: Date): number | undefined {
    const members = this.memberFeatures(storyId).map((m) => ({ ...m, vectors: this.vectorsAt(m.features, m.time, m.dated) }));
    const moving = splitOff(members);
    if (!moving) return undefined;
    const movingSet = new Set(moving);
    const staying = members.filter((_, i) => !movingSet.has(i));
    const leaving = members.filter((_, i) => movingSet.has(i));
    const kept = profileFromMembers(storyId, staying);
    this.save(kept, headlineOf(staying, kept), outletsOf(staying), now);
    const split = profileFromMembers(0, leaving);
    const newId = this.insertStory(split, headlineOf(leaving, split), outletsOf(leaving), now);
    this.sql('UPDATE story_articles SET story_id = ? WHERE article_id IN (SELECT value FROM json_each(?))').run(newId, JSON.stringify(leaving.map((m) => m.id)));
    this.recordChange({ kind: 'split', storyId, otherId: newId, articles: leaving.length, at: now.toISOString() });
    return newId;
  }

  /** A story's members as the assignment sees them, recomputed from their stored text. */
  private memberFeatures(storyId: number): { id: number; title: string; outlet: string | null; time: number; dated: boolean; features: ArticleFeatures }[] {
    const rows = this.sql(
      `SELECT a.id, a.title, a.text, a.published_at, m.outlet, m.at FROM story_articles m JOIN articles a ON a.id = m.article_id
       WHERE m.story_id = ? ORDER BY m.at, a.id`,
    ).all(storyId) as { id: number; title: string; text: string; published_at: string | null; outlet: string | null; at: number }[];
    return rows.map((r) => ({ id: r.id, title: r.title, outlet: r.outlet, time: r.at, dated: r.published_at !== null, features: articleFeatures(r) }));
  }

  private recordChange(change: StoryChange): void {
    this.sql('INSERT INTO story_changes (kind, story_id, other_id, articles, at) VALUES (?, ?, ?, ?, ?)').run(change.kind, change.storyId, change.otherId, change.articles, change.at);
    this.log?.info(
      change.kind === 'merge'
        ? { story: change.storyId, mergedStory: change.otherId, articles: change.articles }
        : { story: change.storyId, newStory: change.otherId, articles: change.articles },
      change.kind === 'merge' ? 'stories merged: the old id redirects to the survivor' : 'story split: its later event became a story of its own',
    );
  }

  // ---- retention (retention.ts deletes old articles) ----

  /**
   * After articles were deleted: their index keys go, and each story that lost members is
   * rebuilt from the members it has left (centroids, span, outlets, headline), or, with none
   * left, removed with the ids that were merged into it (their buttons then say the story is
   * no longer stored). `storyIds`: the stories of the deleted articles, read before the delete.
   */
  afterArticlesDeleted(articleIds: number[], storyIds: number[], now: Date): void {
    if (!articleIds.length) return;
    this.sql('DELETE FROM article_keys WHERE article_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(articleIds));
    for (const storyId of new Set(storyIds)) {
      const members = this.memberFeatures(storyId).map((m) => ({ ...m, vectors: this.vectorsAt(m.features, m.time, m.dated) }));
      this.profiles.delete(storyId);
      if (!members.length) {
        this.sql('DELETE FROM stories WHERE merged_into = ?').run(storyId);
        this.sql('DELETE FROM stories WHERE id = ?').run(storyId);
        continue;
      }
      const profile = profileFromMembers(storyId, members);
      this.save(profile, headlineOf(members, profile), outletsOf(members), now);
    }
  }

  /** Term counts of the days before a time (retention deleted their articles). */
  forgetTermDaysBefore(time: Date): number {
    const before = dayOf(time.getTime());
    this.forgottenBefore = Math.max(this.forgottenBefore, before);
    for (const day of this.days.keys()) if (day < before) this.days.delete(day);
    return this.sql('DELETE FROM story_term_days WHERE day < ?').run(before).changes;
  }

  /** Digest contents no recorded digest refers to any more (retention deleted their digests). */
  forgetUnusedDigestContents(): number {
    return this.sql('DELETE FROM digest_story_contents WHERE content_key NOT IN (SELECT content_key FROM digest_story_sets)').run().changes;
  }

  // ---- reading ----

  /** The current id of a story: itself, or the story it was merged into. */
  resolve(id: number): number | undefined {
    const row = this.sql('SELECT id, merged_into FROM stories WHERE id = ?').get(id) as { id: number; merged_into: number | null } | undefined;
    return row ? (row.merged_into ?? row.id) : undefined;
  }

  /** A story by id; an id merged away gives the story it went into. */
  get(id: number): StoryRecord | undefined {
    const current = this.resolve(id);
    const row = current === undefined ? undefined : (this.sql('SELECT * FROM stories WHERE id = ?').get(current) as StoryRow | undefined);
    return row ? toRecord(row) : undefined;
  }

  getMany(ids: number[]): StoryRecord[] {
    if (!ids.length) return [];
    const rows = this.sql('SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NULL').all(JSON.stringify(ids)) as StoryRow[];
    const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
    return ids.map((id) => byId.get(id)).filter((s): s is StoryRecord => s !== undefined);
  }

  storyOf(articleId: number): number | undefined {
    return this.sql('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(articleId) as number | undefined;
  }

  /** The story of each article that has one. */
  storiesOf(articleIds: number[]): Map<number, number> {
    if (!articleIds.length) return new Map();
    const rows = this.sql('SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(articleIds)) as {
      article_id: number;
      story_id: number;
    }[];
    return new Map(rows.map((r) => [r.article_id, r.story_id]));
  }

  /** Member article ids of each story, oldest first; with `newest`, only that many of the latest. */
  members(storyIds: number[], newest = -1): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const id of storyIds) {
      const ids = this.sql('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY at DESC, article_id DESC LIMIT ?').pluck().all(id, newest) as number[];
      out.set(id, ids.reverse());
    }
    return out;
  }

  /** Of these stories, those with an article ingested after `iso` (news since a daily digest). */
  withArticlesIngestedAfter(storyIds: number[], iso: string): number[] {
    if (!storyIds.length) return [];
    return this.sql('SELECT DISTINCT story_id FROM story_articles WHERE story_id IN (SELECT value FROM json_each(?)) AND ingested > ?')
      .pluck()
      .all(JSON.stringify(storyIds), Date.parse(iso)) as number[];
  }

  /** Stories with a member at or after `since` (article time), latest first. */
  recent(options: { since?: string; limit?: number } = {}): StoryRecord[] {
    const rows = this.sql('SELECT * FROM stories WHERE merged_into IS NULL AND last_at >= ? AND article_count > 0 ORDER BY last_at DESC, id DESC LIMIT ?').all(
      options.since ?? '',
      options.limit ?? 200,
    ) as StoryRow[];
    return rows.map(toRecord);
  }

  changes(): StoryChange[] {
    const rows = this.sql('SELECT kind, story_id, other_id, articles, at FROM story_changes ORDER BY id').all() as {
      kind: 'merge' | 'split';
      story_id: number;
      other_id: number;
      articles: number;
      at: string;
    }[];
    return rows.map((r) => ({ kind: r.kind, storyId: r.story_id, otherId: r.other_id, articles: r.articles, at: r.at }));
  }

  /**
   * Assigns the articles stored before stories existed (a database from an earlier version),
   * oldest first, in transactions of a few hundred. Returns how many.
   */
  assignStored(now = new Date()): number {
    // Articles get their story as they are stored: when the newest has one, all have.
    const newest = this.sql('SELECT max(id) FROM articles').pluck().get() as number | null;
    if (newest === null || this.storyOf(newest) !== undefined) return 0;
    let total = 0;
    for (;;) {
      const rows = this.sql(
        `SELECT a.id, a.title, a.text, a.url, a.outlet, a.published_at, a.ingested_at, a.near_duplicate_of FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.article_id = a.id)
         ORDER BY coalesce(a.published_at, a.ingested_at), a.id LIMIT 500`,
      ).all() as {
        id: number;
        title: string;
        text: string;
        url: string | null;
        outlet: string | null;
        published_at: string | null;
        ingested_at: string;
        near_duplicate_of: number | null;
      }[];
      if (!rows.length) break;
      this.db
        .transaction(() => {
          for (const r of rows) {
            this.assign({
              articleId: r.id,
              title: r.title,
              outlet: outletName(r.outlet, r.url) ?? null,
              ingestedAt: r.ingested_at,
              time: r.published_at ?? r.ingested_at,
              dated: r.published_at !== null,
              features: articleFeatures(r),
              nearDuplicateOf: r.near_duplicate_of,
              now,
            });
          }
        })
        .immediate();
      total += rows.length;
    }
    if (total) this.log?.info({ articles: total }, 'stored articles assigned to stories (first start of a version with stories)');
    return total;
  }

  // ---- what daily digests carried ----

  /** Records the stories (and their member articles) a daily digest carried. */
  recordDigest(digestId: number, stories: { storyId: number; articleIds: number[] }[]): void {
    if (!stories.length) return;
    const contents = JSON.stringify(stories.map((s) => [s.storyId, s.articleIds]));
    // Subscribers who get the same digest share one copy of its contents.
    const contentKey = createHash('sha1').update(contents).digest('base64url');
    this.sql(
      "INSERT OR IGNORE INTO digest_story_contents (content_key, story_id, article_ids) SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)",
    ).run(contentKey, contents);
    this.sql('INSERT OR REPLACE INTO digest_story_sets (digest_id, content_key) VALUES (?, ?)').run(digestId, contentKey);
  }

  /** Articles the chat's daily digests carried (those not failed), decided at or after `since`. */
  deliveredArticles(chatId: number, since = ''): Set<number> {
    const rows = this.sql(
      `SELECT c.article_ids FROM digests d JOIN digest_story_sets s ON s.digest_id = d.id JOIN digest_story_contents c ON c.content_key = s.content_key
       WHERE d.chat_id = ? AND d.status <> 'failed' AND d.decided_at >= ?`,
    )
      .pluck()
      .all(chatId, since) as string[];
    const out = new Set<number>();
    for (const json of rows) for (const id of JSON.parse(json) as number[]) out.add(id);
    return out;
  }
}
