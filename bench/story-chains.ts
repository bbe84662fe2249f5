// Story assignment at scale: do stories chain across weeks? The synthetic corpus of the 100k
// store (bench/synthetic-corpus.ts) knows each article's event (its url ends in -e<event>-<n>):
// events of 1-12 articles from different outlets within 36 hours, spread over 30 days, on a
// few hundred topics that share their names. This writes the first N articles of that corpus
// (the same plan as the 100k store, cut at N: its events spread over the same 30 days), ingests
// them as a user does, `news-digest ingest --format jsonl` (the CLI as a child process, as
// bench/store100k.ts builds its store), into a temporary SQLite file, and scores the stories the
// store assigned against the events:
//   - pairwise precision, recall and F1 over same-event pairs, and BCubed (eval/cluster-score.ts);
//   - the number of stories, the largest ones (articles, days spanned, outlets, events), and the
//     stories whose articles span more than 7 days (no synthetic event spans more than 36 hours).
// Deterministic: the seed (BENCH_SEED, default that of the 100k store) is printed.
// Run: npx tsx bench/story-chains.ts [N=15000] [--json]   (needs ../shared/eval/polnear)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { scoreClusters, type ClusterScores } from '../eval/cluster-score.ts';
import { isMain } from './common.ts';
import { BENCH_NOW, DAYS, SEED, ingestCorpus, loadSourceTexts } from './store100k.ts';
import { prepareCorpus, syntheticArticles } from './synthetic-corpus.ts';

const DAY = 86_400_000;
/** A story spanning more than this joins reports of different events (each spans 36 hours at most). */
const LONG_SPAN_DAYS = 7;
const LARGEST_SHOWN = 5;

interface StoryStats {
  id: number;
  articles: number;
  days: number;
  outlets: number;
  events: number;
}

export interface ChainReport {
  seed: number;
  articles: number;
  events: number;
  ingestSeconds: number;
  /** CPU time of the ingest process (all its threads) per article: compare before and after a change on a busy machine. */
  ingestCpuMsPerArticle: number;
  scores: ClusterScores;
  stories: number;
  multiArticleStories: number;
  /** Stories whose members span more than LONG_SPAN_DAYS, and the articles they hold. */
  longStories: number;
  articlesInLongStories: number;
  largest: StoryStats[];
}

/** CPU seconds of the children this process has waited for (cutime + cstime of /proc/self/stat, Linux). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const eventOf = (url: string): string => /-e(\d+)-\d+$/.exec(url)![1]!;

/** Each stored article's story, time and outlet, and its event from its url. */
function storedStories(dbPath: string): { predicted: Map<string, number>; gold: Map<string, string>; stories: StoryStats[] } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare('SELECT a.url, m.story_id, m.at, m.outlet FROM story_articles m JOIN articles a ON a.id = m.article_id').all() as {
      url: string;
      story_id: number;
      at: number;
      outlet: string | null;
    }[];
    const predicted = new Map<string, number>();
    const gold = new Map<string, string>();
    const members = new Map<number, typeof rows>();
    for (const r of rows) {
      predicted.set(r.url, r.story_id);
      gold.set(r.url, eventOf(r.url));
      members.set(r.story_id, [...(members.get(r.story_id) ?? []), r]);
    }
    const stories = [...members].map(([id, list]) => {
      const times = list.map((m) => m.at);
      return {
        id,
        articles: list.length,
        days: (Math.max(...times) - Math.min(...times)) / DAY,
        outlets: new Set(list.map((m) => m.outlet)).size,
        events: new Set(list.map((m) => eventOf(m.url))).size,
      };
    });
    return { predicted, gold, stories };
  } finally {
    db.close();
  }
}

export function storyChains(count: number, say: (line: string) => void = (line) => console.error(line)): ChainReport {
  const work = mkdtempSync(join(tmpdir(), 'nd-story-chains-'));
  try {
    const corpusFile = join(work, 'corpus.jsonl');
    const corpus = prepareCorpus(loadSourceTexts());
    const lines: string[] = [];
    const events = new Set<string>();
    for (const article of syntheticArticles(corpus, { seed: SEED, count, now: BENCH_NOW, days: DAYS })) {
      events.add(eventOf(article.url));
      lines.push(JSON.stringify(article));
    }
    writeFileSync(corpusFile, `${lines.join('\n')}\n`);
    say(`story-chains: seed ${SEED}: ${count} synthetic articles of ${events.size} events over ${DAYS} days; ingesting with news-digest ingest --format jsonl`);
    const dbPath = join(work, 'news.db');
    const cpuBefore = childrenCpuSeconds();
    const { ingestSeconds } = ingestCorpus(dbPath, corpusFile);
    const ingestCpuMsPerArticle = ((childrenCpuSeconds() - cpuBefore) * 1000) / count;
    const { predicted, gold, stories } = storedStories(dbPath);
    const long = stories.filter((s) => s.days > LONG_SPAN_DAYS);
    return {
      seed: SEED,
      articles: predicted.size,
      events: events.size,
      ingestSeconds,
      ingestCpuMsPerArticle,
      scores: scoreClusters(predicted, gold),
      stories: stories.length,
      multiArticleStories: stories.filter((s) => s.articles > 1).length,
      longStories: long.length,
      articlesInLongStories: long.reduce((sum, s) => sum + s.articles, 0),
      largest: [...stories].sort((a, b) => b.articles - a.articles || a.id - b.id).slice(0, LARGEST_SHOWN),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printed(r: ChainReport): string {
  const f = (x: number) => x.toFixed(3);
  const { pairs, bcubed } = r.scores;
  return [
    `Stories at scale: the first ${r.articles} articles of the synthetic corpus (seed ${r.seed}, ${r.events} events over ${DAYS} days), ingested with \`news-digest ingest --format jsonl\` in ${r.ingestSeconds.toFixed(0)} s (${r.ingestCpuMsPerArticle.toFixed(1)} ms CPU per article, all threads)`,
    '',
    '| pair P | pair R | pair F1 | BCubed P | BCubed R | BCubed F1 | stories | multi-article | spanning > 7 days (articles) | largest: articles / days / outlets / events |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${f(pairs.precision)} | ${f(pairs.recall)} | ${f(pairs.f1)} | ${f(bcubed.precision)} | ${f(bcubed.recall)} | ${f(bcubed.f1)} | ${r.stories} | ${r.multiArticleStories} | ${r.longStories} (${r.articlesInLongStories}) | ${r.largest
      .map((s) => `${s.articles} / ${s.days.toFixed(1)} / ${s.outlets} / ${s.events}`)
      .join('; ')} |`,
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 15_000);
  const report = storyChains(count);
  console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : printed(report));
}
