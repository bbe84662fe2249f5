// The PolNeAR files the story evals read: metadata.tsv (publisher, date, title), the article
// texts of a split, and event labels (dev_events.jsonl, our eval/stories/train_events.jsonl).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const polnear = resolve(projectRoot, process.env.EVAL_DATA_DIR ?? '../shared/eval', 'polnear');

export interface Meta {
  split: string;
  outlet: string;
  date: string;
  title: string;
}

export function metadata(): Map<string, Meta> {
  const rows = readFileSync(join(polnear, 'metadata.tsv'), 'utf8').split('\n');
  const header = rows[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, Meta>();
  for (const row of rows.slice(1)) {
    const f = row.split('\t');
    if (f.length < header.length) continue;
    out.set(f[col('filename')]!, { split: f[col('compartment')]!, outlet: f[col('publisher')]!, date: f[col('publication_date')]!, title: f[col('title')]! });
  }
  return out;
}

/** Article file name (without .txt) -> event label. */
export function events(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    // PolNeAR labels name an article; the benchmark pages' labels (eval/stories/pages_events.jsonl) a page id.
    const row = JSON.parse(line) as { article?: string; page?: string; event: string };
    out.set((row.article ?? row.page)!.replace(/\.txt$/, ''), row.event);
  }
  return out;
}

/** Article file name (without .txt) -> text, for a split, in name order. */
export function texts(split: string): Map<string, string> {
  const folder = join(polnear, split, 'text');
  return new Map(
    readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => [f.replace(/\.txt$/, ''), readFileSync(join(folder, f), 'utf8')]),
  );
}

export const trainEventsPath = join(projectRoot, 'eval', 'stories', 'train_events.jsonl');
/** Our labels of the 181 extraction-benchmark pages (Zyte) into news events. */
export const pagesEventsPath = join(projectRoot, 'eval', 'stories', 'pages_events.jsonl');
