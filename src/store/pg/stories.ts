// Stories on PostgreSQL: the storage side of story assignment (candidate lookup by shared keys in
// the time window, story rows, merges that leave a redirect, splits, term statistics) and the
// story reads. The decisions are the shared pure code of src/stories/; the profile format and
// the statistics rules are shared with SQLite (../story-profiles.ts).
import { createHash } from 'node:crypto';
import type { Logger } from '../../log.ts';
import { RULES, chooseStory, merged, profileFromMembers, profileOf, shouldMerge, splitCheckDue, splitOff, withMember, type IsSpecific, type Placed, type StoryProfile } from '../../stories/assign.ts';
import { articleFeatures, type ArticleFeatures } from '../../stories/features.ts';
import { articleVectors, cosine, entityKey, termKey, topKeys, type TermBursts, type TermStatistics } from '../../stories/vectors.ts';
import type { StoryAssignment, StoryChange, StoryRecord, StoryStore } from '../api.ts';
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
import type { PgDb } from './db.ts';

interface StoryRow extends StoryColumns {
  profile: SerializedProfile;
  merged_into: number | null;
  version: number;
}

/** An article's place before it is stored (PgStoryStore.prepare). */
export interface AssignmentPlan {
  features: ArticleFeatures;
  placed: Placed;
  keys: string[];
}

/** [story id, version]: a story as a lookup finds it, before its profile is read. */
type StoryVersion = [number, number];

/** The columns PgStoryStore.foundColumns adds to a statement (JSON, parsed). */
export interface FoundStoryColumns {
  /** Candidate stories of the article's keys, best first. */
  story_candidates: StoryVersion[];
  /** The story of the article it copies (a near-duplicate), if that story is current. */
  original_story: StoryVersion | null;
}

/** A digest's contents as stored (story id and member ids per story) and the key its copies share. */
function digestContents(stories: { storyId: number; articleIds: number[] }[]): { contents: string; key: string } {
  const contents = JSON.stringify(stories.map((s) => [s.storyId, s.articleIds]));
  return { contents, key: createHash('sha1').update(contents).digest('base64url') };
}

/** Adds a value to a statement's parameters and returns its placeholder. */
function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** An article joining a story: its member row and index keys are written with the story's row. */
interface Placement {
  input: AssignInput;
  keys: string[];
}

/**
 * The member row and index keys of a placed article, as data-modifying CTEs added to the
 * statement that writes its story (`storyId`: that statement's expression for the story id),
 * so that placing an article costs one round trip. Empty without a placement.
 */
function placementSql(params: unknown[], placement: Placement | undefined, storyId: string): string {
  if (!placement) return '';
  const { input, keys } = placement;
  const $ = (value: unknown) => param(params, value);
  const article = $(input.articleId);
  const at = $(Date.parse(input.time));
  return `,
       m AS (
         INSERT INTO story_articles (article_id, story_id, at, ingested, outlet, joined_at)
         SELECT ${article}::bigint, ${storyId}, ${at}::bigint, ${$(Date.parse(input.ingestedAt))}::bigint, ${$(input.outlet)}::text, ${$(input.now.toISOString())}::text
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, at = excluded.at, ingested = excluded.ingested, outlet = excluded.outlet,
           joined_at = excluded.joined_at),
       k AS (INSERT INTO article_keys (key, at, article_id) SELECT DISTINCT unnest(${$(keys)}::text[]), ${at}::bigint, ${article}::bigint ON CONFLICT DO NOTHING)`;
}

/** Any constant: the advisory lock under which an instance merges its counts into story_statistics. */
const STATISTICS_LOCK = 1_702_171_718;

/**
 * What a process keeps in memory about stories, shared by the store's connection and every
 * transaction's: document frequencies (with the counts not written yet), day counts, and parsed
 * profiles by version (another instance's change bumps the version, and the profile is read again).
 */
export class PgStoryMemory {
  counts: Counts | undefined;
  pending: { features: ArticleFeatures; day: number }[] = [];
  readonly days = new Map<number, DayCounts>();
  forgottenBefore = -Infinity;
  readonly profiles = new Map<number, { version: number; story: LoadedStory }>();
}

export class PgStoryStore implements StoryStore {
  constructor(
    private readonly db: PgDb,
    private readonly memory: PgStoryMemory,
    private readonly log?: Logger,
  ) {}

  // ---- assignment (inside the article insert's transaction) ----

  /**
   * What assignment needs before the article row is written: its vectors at its time and its
   * index keys (from the statistics in memory). The insert's statement then reads the stories
   * those keys lead to (foundColumns), and assign() places the article.
   */
  async prepare(input: Pick<AssignInput, 'features' | 'time' | 'dated'>): Promise<AssignmentPlan> {
    const placed = await this.placed(input);
    return { features: input.features, placed, keys: await this.keysOf(placed) };
  }

  /**
   * Select-list columns (FoundStoryColumns) for the statement that inserts the article: the
   * candidate stories of its keys within the time window, best first (the stories having the
   * most distinct keys of it, the closest in time first, as the SQLite engine: an index range
   * per key, never a scan of the stories), and the story of the article it copies; each with its version, so that only
   * profiles not in memory are read.
   */
  foundColumns(params: unknown[], keys: string[], time: string, nearDuplicateOf: number | null): string {
    const at = Date.parse(time);
    const $ = (value: unknown) => param(params, value);
    return `(SELECT coalesce(json_agg(json_build_array(s.id, s.version) ORDER BY c.n DESC, c.near, c.story_id DESC), '[]'::json)
         FROM (SELECT m.story_id, count(DISTINCT k.key) AS n, min(abs(k.at - ${$(at)}::bigint)) AS near FROM article_keys k JOIN story_articles m ON m.article_id = k.article_id
               WHERE k.key = ANY(${$(keys)}::text[]) AND k.at BETWEEN ${$(at - RULES.maxGapDays * DAY)}::bigint AND ${$(at + RULES.maxGapDays * DAY)}::bigint
               GROUP BY m.story_id ORDER BY n DESC, near, m.story_id DESC LIMIT ${$(MAX_CANDIDATES)}::int) c
         JOIN stories s ON s.id = c.story_id AND s.merged_into IS NULL) AS story_candidates,
       (SELECT json_build_array(s.id, s.version) FROM story_articles m JOIN stories s ON s.id = m.story_id AND s.merged_into IS NULL
        WHERE m.article_id = ${$(nearDuplicateOf)}::bigint) AS original_story`;
  }

  /** Places a new article in a story (see src/stories/assign.ts), with what prepare() and foundColumns() gave. */
  async assign(input: AssignInput, plan: AssignmentPlan, found: FoundStoryColumns): Promise<StoryAssignment> {
    try {
      return await this.assignNow(input, plan, found);
    } catch (error) {
      // Profiles remembered in a transaction that rolls back would carry versions that never
      // were: forget them all, they are read again.
      this.memory.profiles.clear();
      throw error;
    }
  }

  private async assignNow(input: AssignInput, { placed, keys }: AssignmentPlan, found: FoundStoryColumns): Promise<StoryAssignment> {
    if (input.nearDuplicateOf !== null && found.original_story) {
      // A copy of a stored article tells the same event, whatever its score (and, as a copy,
      // does not count in the document frequencies).
      const [story] = await this.loadVersions([found.original_story]);
      if (story) return this.join(story, input, placed, keys, 'duplicate');
    }
    const candidates = await this.loadVersions(found.story_candidates);
    const isSpecific = await this.specificNames();
    const decision = chooseStory(
      placed,
      candidates.map((c) => c.profile),
      isSpecific,
    );
    await this.countTerms(input);
    const chosen = candidates.find((c) => c.profile.id === decision.storyId);
    if (!chosen) return this.create(input, placed, keys);
    const assignment = await this.join(chosen, input, placed, keys, 'joined');
    for (const otherId of decision.alsoMatching) {
      const into = await this.load(assignment.storyId);
      const other = await this.load(otherId);
      if (!into || !other || !shouldMerge(into.profile, other.profile, isSpecific)) continue;
      const { survivor, gone } = await this.merge(into, other, input.now);
      assignment.storyId = survivor;
      assignment.merged.push(gone);
    }
    // Just written by this transaction, which holds its row: the profile in memory is current.
    const size = (this.memory.profiles.get(assignment.storyId)?.story ?? (await this.load(assignment.storyId)))?.profile.size ?? 0;
    if (splitCheckDue(size)) {
      const splitInto = await this.splitIfDrifted(assignment.storyId, input.now);
      if (splitInto !== undefined) assignment.splitInto = splitInto;
    }
    return assignment;
  }

  /** Names in few documents: the ones that can tie two reports to one event. */
  private async specificNames(): Promise<IsSpecific> {
    const stats = await this.statistics();
    const most = Math.max(RULES.specificMinDocuments, stats.documents * RULES.specificShare);
    return (name) => stats.nameFrequency(name) <= most;
  }

  private async statistics(): Promise<TermStatistics> {
    return (this.memory.counts ??= await this.readCounts(this.db));
  }

  private async readCounts(db: PgDb): Promise<Counts> {
    const row = (await db.query<{ documents: number; frequencies: SavedFrequencies }>('SELECT documents, frequencies FROM story_statistics WHERE id = 1')).rows[0];
    return countsFrom(row?.documents ?? 0, row?.frequencies ?? { terms: {}, names: {} });
  }

  private async countTerms(input: AssignInput): Promise<void> {
    const counts = (this.memory.counts ??= await this.readCounts(this.db));
    addCounts(counts, input.features);
    const day = dayOf(Date.parse(input.time));
    addDayCounts(await this.dayCounts(day), input.features);
    this.memory.pending.push({ features: input.features, day });
    if (this.memory.pending.length >= STATISTICS_FLUSH_EVERY) await this.flushStatistics();
  }

  private async readDay(db: PgDb, day: number): Promise<DayCounts> {
    const row = (await db.query<{ documents: number; frequencies: Record<string, number> }>('SELECT documents, frequencies FROM story_term_days WHERE day = $1', [day])).rows[0];
    return { documents: row?.documents ?? 0, terms: new Map(row ? Object.entries(row.frequencies) : []) };
  }

  private async dayCounts(day: number): Promise<DayCounts> {
    return (await this.dayCountsOf([day]))[0]!;
  }

  /** Term counts of these days; those not in memory are read in one statement. */
  private async dayCountsOf(days: number[]): Promise<DayCounts[]> {
    const memory = this.memory;
    const missing = days.filter((day) => !memory.days.has(day));
    if (missing.length) {
      if (memory.days.size + missing.length > DAY_MEMO_LIMIT) {
        // Days with counts not yet written stay; the others are read again when needed.
        const keep = new Set([...memory.pending.map((p) => p.day), ...days]);
        for (const known of memory.days.keys()) if (!keep.has(known)) memory.days.delete(known);
      }
      const { rows } = await this.db.query<{ day: number; documents: number; frequencies: Record<string, number> }>(
        'SELECT day, documents, frequencies FROM story_term_days WHERE day = ANY($1::int[])',
        [missing],
      );
      const read = new Map(rows.map((row) => [row.day, row]));
      for (const day of missing) {
        const row = read.get(day);
        memory.days.set(day, { documents: row?.documents ?? 0, terms: new Map(row ? Object.entries(row.frequencies) : []) });
      }
    }
    return days.map((day) => memory.days.get(day)!);
  }

  /** The documents of the days around a time, for the burst weights of an article's terms. */
  private async window(time: number): Promise<TermBursts> {
    const center = dayOf(time);
    const around: number[] = [];
    for (let day = center - BURST_WINDOW_DAYS; day <= center + BURST_WINDOW_DAYS; day++) around.push(day);
    return windowOf(await this.dayCountsOf(around));
  }

  /**
   * An article's vectors at its time: IDF from the whole store, terms weighted by their burst
   * around it. Not an undated article's: its time is the ingest clock, around which nothing bursts.
   */
  private async vectorsAt(features: ArticleFeatures, time: number, dated: boolean) {
    return articleVectors(features, await this.statistics(), dated ? await this.window(time) : undefined);
  }

  /**
   * Writes this process's new document frequencies, added to what is stored now: other
   * instances count too, so the read and the write run under an advisory lock.
   */
  async flushStatistics(): Promise<void> {
    const memory = this.memory;
    if (!memory.pending.length) return;
    // Taken now: a concurrent flush (another connection of this process) must not count them again.
    const pending = memory.pending;
    memory.pending = [];
    try {
      await this.write(pending);
    } catch (error) {
      memory.pending = [...pending, ...memory.pending];
      throw error;
    }
  }

  private async write(pending: PgStoryMemory['pending']): Promise<void> {
    const memory = this.memory;
    await this.db.atomic(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [STATISTICS_LOCK]);
      const stored = await this.readCounts(db);
      for (const { features } of pending) addCounts(stored, features);
      await db.query(
        `INSERT INTO story_statistics (id, documents, frequencies) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET documents = excluded.documents, frequencies = excluded.frequencies`,
        [stored.documents, JSON.stringify(savedFrequencies(stored))],
      );
      memory.counts = stored;
      for (const day of new Set(pending.map((p) => p.day).filter((d) => d >= memory.forgottenBefore))) {
        const counts = await this.readDay(db, day);
        for (const p of pending) if (p.day === day) addDayCounts(counts, p.features);
        await db.query(
          `INSERT INTO story_term_days (day, documents, frequencies) VALUES ($1, $2, $3)
           ON CONFLICT (day) DO UPDATE SET documents = excluded.documents, frequencies = excluded.frequencies`,
          [day, counts.documents, JSON.stringify(Object.fromEntries(counts.terms))],
        );
        memory.days.set(day, counts);
      }
    });
  }

  private async placed(input: Pick<AssignInput, 'features' | 'time' | 'dated'>): Promise<Placed> {
    const time = Date.parse(input.time);
    return { vectors: await this.vectorsAt(input.features, time, input.dated), time, dated: input.dated };
  }

  /** The article's names and heaviest terms, as index keys (leaving out the few that most documents have). */
  private async keysOf(placed: Placed): Promise<string[]> {
    const stats = await this.statistics();
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

  /** Stories by id (those not merged away), in the order given, parsed profiles reused while current. */
  private async loadMany(ids: number[]): Promise<LoadedStory[]> {
    if (!ids.length) return [];
    const { rows } = await this.db.query<{ id: number; version: number }>(
      'SELECT id, version FROM stories WHERE id = ANY($1::bigint[]) AND merged_into IS NULL',
      [ids],
    );
    const current = new Map(rows.map((v) => [v.id, v.version]));
    return this.loadVersions(ids.filter((id) => current.has(id)).map((id) => [id, current.get(id)!]));
  }

  /** Current stories at the versions a lookup found, in that order: only the profiles not in memory at that version are read. */
  private async loadVersions(found: StoryVersion[]): Promise<LoadedStory[]> {
    const profiles = this.memory.profiles;
    const stale = found.filter(([id, version]) => profiles.get(id)?.version !== version).map(([id]) => id);
    if (stale.length) {
      const { rows } = await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = ANY($1::bigint[])', [stale]);
      for (const row of rows) this.remember(row.id, row.version, loadedStory(row, row.profile));
    }
    return found.filter(([id]) => profiles.has(id)).map(([id]) => profiles.get(id)!.story);
  }

  private remember(id: number, version: number, story: LoadedStory): void {
    const profiles = this.memory.profiles;
    if (profiles.size >= PROFILE_MEMO_LIMIT && !profiles.has(id)) profiles.clear();
    profiles.set(id, { version, story });
  }

  private async load(id: number): Promise<LoadedStory | undefined> {
    return (await this.loadMany([id]))[0];
  }

  /** Writes a story's row; with a placement, also the new member's row and keys in the same statement. */
  private async save(story: StoryProfile, title: Headline, outlets: Set<string>, now: Date, placement?: Placement): Promise<void> {
    const params: unknown[] = [title.title, title.articleId, ...spanOf(story), story.size, outlets.size, story.dated, JSON.stringify(serializedProfile(story, title, outlets)), now.toISOString(), story.id];
    const { rows } = await this.db.query<{ version: number }>(
      `WITH s AS (
         UPDATE stories SET title = $1, title_article_id = $2, first_at = $3, last_at = $4, article_count = $5, outlet_count = $6, dated = $7, profile = $8,
           updated_at = $9, version = version + 1
         WHERE id = $10 RETURNING version)${placementSql(params, placement, '$10::bigint')}
       SELECT version FROM s`,
      params,
    );
    this.remember(story.id, rows[0]!.version, { profile: story, title, outlets });
  }

  /** Inserts a story row and returns its id; with a placement, also the new member's row and keys in the same statement. */
  private async insertStory(story: Omit<StoryProfile, 'id'>, title: Headline, outlets: Set<string>, now: Date, placement?: Placement): Promise<number> {
    const at = now.toISOString();
    const params: unknown[] = [title.title, title.articleId, ...spanOf(story), story.size, outlets.size, story.dated, JSON.stringify(serializedProfile(story, title, outlets)), at, at];
    const { rows } = await this.db.query<{ id: number }>(
      `WITH s AS (
         INSERT INTO stories (title, title_article_id, first_at, last_at, article_count, outlet_count, dated, profile, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id)${placementSql(params, placement, '(SELECT id FROM s)')}
       SELECT id FROM s`,
      params,
    );
    const id = rows[0]!.id;
    this.remember(id, 1, { profile: { ...story, id }, title, outlets });
    return id;
  }

  private async create(input: AssignInput, placed: Placed, keys: string[]): Promise<StoryAssignment> {
    const id = await this.insertStory(
      profileOf(0, placed),
      { title: input.title, articleId: input.articleId, terms: placed.vectors.terms },
      new Set([outletKey(input.outlet, input.articleId)]),
      input.now,
      { input, keys },
    );
    return { storyId: id, status: 'new', merged: [] };
  }

  private async join(story: LoadedStory, input: AssignInput, placed: Placed, keys: string[], status: 'joined' | 'duplicate'): Promise<StoryAssignment> {
    const grown = withMember(story.profile, placed);
    // The headline of the member closest to the centroid speaks for the story.
    const title =
      cosine(placed.vectors.terms, grown.terms) > cosine(story.title.terms, grown.terms)
        ? { title: input.title, articleId: input.articleId, terms: placed.vectors.terms }
        : story.title;
    await this.save(grown, title, new Set([...story.outlets, outletKey(input.outlet, input.articleId)]), input.now, { input, keys });
    return { storyId: story.profile.id, status, merged: [] };
  }

  /** One story absorbs the other (the larger survives; on a tie the older). */
  private async merge(a: LoadedStory, b: LoadedStory, now: Date): Promise<{ survivor: number; gone: number }> {
    const [into, other] = a.profile.size > b.profile.size || (a.profile.size === b.profile.size && a.profile.id < b.profile.id) ? [a, b] : [b, a];
    const at = now.toISOString();
    const survivor = into.profile.id;
    const gone = other.profile.id;
    await this.save(merged(into.profile, other.profile), into.title, new Set([...into.outlets, ...other.outlets]), now);
    await this.db.query('UPDATE story_articles SET story_id = $1 WHERE story_id = $2', [survivor, gone]);
    // Old ids keep working: whatever pointed to the merged story now points to the survivor.
    await this.db.query('UPDATE stories SET merged_into = $1, updated_at = $2, version = version + 1 WHERE id = $3 OR merged_into = $3', [survivor, at, gone]);
    this.memory.profiles.delete(gone);
    await this.recordChange({ kind: 'merge', storyId: survivor, otherId: gone, articles: other.profile.size, at });
    return { survivor, gone };
  }

  /** Re-examines a story's members; when they form two events, the later one becomes a story of its own. */
  private async splitIfDrifted(storyId: number, now: Date): Promise<number | undefined> {
    const members = await this.placedMembers(storyId);
    const moving = splitOff(members);
    if (!moving) return undefined;
    const movingSet = new Set(moving);
    const staying = members.filter((_, i) => !movingSet.has(i));
    const leaving = members.filter((_, i) => movingSet.has(i));
    const kept = profileFromMembers(storyId, staying);
    await this.save(kept, headlineOf(staying, kept), outletsOf(staying), now);
    const split = profileFromMembers(0, leaving);
    const newId = await this.insertStory(split, headlineOf(leaving, split), outletsOf(leaving), now);
    await this.db.query('UPDATE story_articles SET story_id = $1 WHERE article_id = ANY($2::bigint[])', [newId, leaving.map((m) => m.id)]);
    await this.recordChange({ kind: 'split', storyId, otherId: newId, articles: leaving.length, at: now.toISOString() });
    return newId;
  }

  /** A story's members as the assignment sees them, recomputed from their stored text. */
  private async placedMembers(storyId: number) {
    const { rows } = await this.db.query<{ id: number; title: string; text: string; published_at: string | null; outlet: string | null; at: number }>(
      `SELECT a.id, a.title, a.text, a.published_at, m.outlet, m.at FROM story_articles m JOIN articles a ON a.id = m.article_id
       WHERE m.story_id = $1 ORDER BY m.at, a.id`,
      [storyId],
    );
    const members = [];
    for (const r of rows) {
      const dated = r.published_at !== null;
      members.push({ id: r.id, title: r.title, outlet: r.outlet, time: r.at, dated, vectors: await this.vectorsAt(articleFeatures(r), r.at, dated) });
    }
    return members;
  }

  private async recordChange(change: StoryChange): Promise<void> {
    await this.db.query('INSERT INTO story_changes (kind, story_id, other_id, articles, at) VALUES ($1, $2, $3, $4, $5)', [
      change.kind,
      change.storyId,
      change.otherId,
      change.articles,
      change.at,
    ]);
    this.log?.info(
      change.kind === 'merge'
        ? { story: change.storyId, mergedStory: change.otherId, articles: change.articles }
        : { story: change.storyId, newStory: change.otherId, articles: change.articles },
      change.kind === 'merge' ? 'stories merged: the old id redirects to the survivor' : 'story split: its later event became a story of its own',
    );
  }

  // ---- retention (pg/retention.ts deletes old articles) ----

  /**
   * After articles were deleted: their index keys go, and each story that lost members is
   * rebuilt from the members it has left, or, with none left, removed with the ids that were
   * merged into it. `storyIds`: the stories of the deleted articles, read before the delete.
   */
  async afterArticlesDeleted(articleIds: number[], storyIds: number[], now: Date): Promise<void> {
    if (!articleIds.length) return;
    await this.db.query('DELETE FROM article_keys WHERE article_id = ANY($1::bigint[])', [articleIds]);
    for (const storyId of new Set(storyIds)) {
      const members = await this.placedMembers(storyId);
      this.memory.profiles.delete(storyId);
      if (!members.length) {
        await this.db.query('DELETE FROM stories WHERE merged_into = $1', [storyId]);
        await this.db.query('DELETE FROM stories WHERE id = $1', [storyId]);
        continue;
      }
      const profile = profileFromMembers(storyId, members);
      await this.save(profile, headlineOf(members, profile), outletsOf(members), now);
    }
  }

  /** Term counts of the days before a time (retention deleted their articles). */
  async forgetTermDaysBefore(time: Date): Promise<number> {
    const before = dayOf(time.getTime());
    this.memory.forgottenBefore = Math.max(this.memory.forgottenBefore, before);
    for (const day of this.memory.days.keys()) if (day < before) this.memory.days.delete(day);
    return (await this.db.query('DELETE FROM story_term_days WHERE day < $1', [before])).rowCount;
  }

  /** Digest contents no recorded digest refers to any more (retention deleted their digests). */
  async forgetUnusedDigestContents(): Promise<number> {
    return (await this.db.query('DELETE FROM digest_story_contents c WHERE NOT EXISTS (SELECT 1 FROM digest_story_sets s WHERE s.content_key = c.content_key)')).rowCount;
  }

  // ---- reading ----

  async resolve(id: number): Promise<number | undefined> {
    const row = (await this.db.query<{ id: number; merged_into: number | null }>('SELECT id, merged_into FROM stories WHERE id = $1', [id])).rows[0];
    return row ? (row.merged_into ?? row.id) : undefined;
  }

  async get(id: number): Promise<StoryRecord | undefined> {
    const row = (
      await this.db.query<StoryRow>('SELECT s.* FROM stories s JOIN stories o ON s.id = coalesce(o.merged_into, o.id) WHERE o.id = $1', [id])
    ).rows[0];
    return row ? storyRecord(row) : undefined;
  }

  async getMany(ids: number[]): Promise<StoryRecord[]> {
    if (!ids.length) return [];
    const { rows } = await this.db.query<StoryRow>('SELECT * FROM stories WHERE id = ANY($1::bigint[]) AND merged_into IS NULL', [ids]);
    const byId = new Map(rows.map((r) => [r.id, storyRecord(r)]));
    return ids.map((id) => byId.get(id)).filter((s): s is StoryRecord => s !== undefined);
  }

  async storyOf(articleId: number): Promise<number | undefined> {
    return (await this.db.query<{ story_id: number }>('SELECT story_id FROM story_articles WHERE article_id = $1', [articleId])).rows[0]?.story_id;
  }

  async storiesOf(articleIds: number[]): Promise<Map<number, number>> {
    if (!articleIds.length) return new Map();
    const { rows } = await this.db.query<{ article_id: number; story_id: number }>('SELECT article_id, story_id FROM story_articles WHERE article_id = ANY($1::bigint[])', [articleIds]);
    return new Map(rows.map((r) => [r.article_id, r.story_id]));
  }

  async members(storyIds: number[], newest = -1): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(storyIds.map((id) => [id, []]));
    if (!storyIds.length) return out;
    const { rows } = await this.db.query<{ story_id: number; article_id: number }>(
      `SELECT story_id, article_id FROM (
         SELECT story_id, article_id, at, row_number() OVER (PARTITION BY story_id ORDER BY at DESC, article_id DESC) AS n
         FROM story_articles WHERE story_id = ANY($1::bigint[])
       ) m WHERE $2::int < 0 OR n <= $2::int ORDER BY story_id, at, article_id`,
      [storyIds, newest],
    );
    for (const r of rows) out.get(r.story_id)!.push(r.article_id);
    return out;
  }

  async withArticlesIngestedAfter(storyIds: number[], iso: string): Promise<number[]> {
    if (!storyIds.length) return [];
    const { rows } = await this.db.query<{ story_id: number }>('SELECT DISTINCT story_id FROM story_articles WHERE story_id = ANY($1::bigint[]) AND ingested > $2', [
      storyIds,
      Date.parse(iso),
    ]);
    return rows.map((r) => r.story_id);
  }

  async recent(options: { since?: string; limit?: number } = {}): Promise<StoryRecord[]> {
    const { rows } = await this.db.query<StoryRow>('SELECT * FROM stories WHERE merged_into IS NULL AND last_at >= $1 AND article_count > 0 ORDER BY last_at DESC, id DESC LIMIT $2', [
      options.since ?? '',
      options.limit ?? 200,
    ]);
    return rows.map(storyRecord);
  }

  async changes(): Promise<StoryChange[]> {
    const { rows } = await this.db.query<{ kind: 'merge' | 'split'; story_id: number; other_id: number; articles: number; at: string }>(
      'SELECT kind, story_id, other_id, articles, at FROM story_changes ORDER BY id',
    );
    return rows.map((r) => ({ kind: r.kind, storyId: r.story_id, otherId: r.other_id, articles: r.articles, at: r.at }));
  }

  // ---- what daily digests carried ----

  async recordDigest(digestId: number, stories: { storyId: number; articleIds: number[] }[]): Promise<void> {
    await this.recordDigests([{ digestId, stories }]);
  }

  /** Contents and the digests' links to them, in one statement (subscribers who get the same digest share one copy of its contents). */
  async recordDigests(digests: { digestId: number; stories: { storyId: number; articleIds: number[] }[] }[]): Promise<void> {
    const carrying = digests.filter((d) => d.stories.length).map((d) => ({ digestId: d.digestId, ...digestContents(d.stories) }));
    if (!carrying.length) return;
    const contents = new Map(carrying.map((c) => [c.key, c.contents]));
    await this.db.query(
      `WITH c AS (
         INSERT INTO digest_story_contents (content_key, story_id, article_ids)
         SELECT c.key, (e.value->>0)::bigint, e.value->1 FROM unnest($1::text[], $2::text[]) AS c(key, contents), jsonb_array_elements(c.contents::jsonb) AS e
         ON CONFLICT DO NOTHING)
       INSERT INTO digest_story_sets (digest_id, content_key) SELECT * FROM unnest($3::bigint[], $4::text[])
       ON CONFLICT (digest_id) DO UPDATE SET content_key = excluded.content_key`,
      [[...contents.keys()], [...contents.values()], carrying.map((c) => c.digestId), carrying.map((c) => c.key)],
    );
  }

  async deliveredArticles(chatId: number, since = ''): Promise<Set<number>> {
    return (await this.deliveredArticlesOf([chatId], since)).get(chatId)!;
  }

  async deliveredArticlesOf(chatIds: number[], since: string): Promise<Map<number, Set<number>>> {
    const out = new Map(chatIds.map((id) => [id, new Set<number>()]));
    if (!chatIds.length) return out;
    const { rows } = await this.db.query<{ chat_id: number; article_ids: number[] }>(
      `SELECT d.chat_id, c.article_ids FROM digests d JOIN digest_story_sets s ON s.digest_id = d.id JOIN digest_story_contents c ON c.content_key = s.content_key
       WHERE d.chat_id = ANY($1::bigint[]) AND d.status <> 'failed' AND d.decided_at >= $2`,
      [chatIds, since],
    );
    for (const r of rows) for (const id of r.article_ids) out.get(r.chat_id)!.add(id);
    return out;
  }
}
