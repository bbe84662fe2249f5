// `stories`: the stored stories with their articles, latest first; --topic keeps those with an
// article matching the topic, --json prints the listing (src/stories/listing.ts).
import { windowStart } from '../digest/window.ts';
import type { StoryRecord } from '../store/index.ts';
import { listedStory, type StoryListing } from '../stories/listing.ts';
import { UserError, type CliContext } from './context.ts';
import { formatTime, printJsonLine, printLine } from './format.ts';

const MAX_STORIES = 200;

export async function storiesCommand(ctx: CliContext, options: { since?: string; topic?: string; json?: boolean; limit?: string }): Promise<number> {
  const now = new Date();
  let since: Date;
  try {
    since = windowStart(options.since ?? '7d', now);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const limit = Number(options.limit ?? MAX_STORIES);
  if (!Number.isInteger(limit) || limit < 1) throw new UserError(`invalid --limit "${options.limit}": use a whole number like 20`);
  const store = await ctx.store();
  let stories: StoryRecord[];
  if (options.topic?.trim()) {
    // The stories of the matching articles, in the order of their best match.
    const hits = await store.articles.search(options.topic, { since: since.toISOString(), limit: MAX_STORIES, now });
    const storyOf = await store.stories.storiesOf(hits.map((h) => h.article.id));
    const ids = [...new Set(hits.map((h) => storyOf.get(h.article.id)).filter((id): id is number => id !== undefined))];
    stories = await store.stories.getMany(ids);
  } else {
    stories = await store.stories.recent({ since: since.toISOString(), limit });
  }
  stories = stories.slice(0, limit);
  const members = await store.stories.members(stories.map((s) => s.id));
  const articles = new Map((await store.articles.getMany([...members.values()].flat())).map((a) => [a.id, a]));
  const listing: StoryListing = {
    stories: stories.map((s) => listedStory(s, (members.get(s.id) ?? []).map((id) => articles.get(id)!).filter(Boolean))),
  };
  if (options.json) {
    printJsonLine(listing);
    return 0;
  }
  if (!listing.stories.length) {
    printLine(options.topic ? `No stories about "${options.topic}" since ${formatTime(since.toISOString())}.` : `No stories since ${formatTime(since.toISOString())}.`);
    return 0;
  }
  for (const story of listing.stories) {
    const outlets = story.outlets.length;
    printLine(`#${story.id} ${story.title}`);
    printLine(`   ${story.articles.length} ${story.articles.length === 1 ? 'article' : 'articles'}${outlets ? `, ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}` : ''}, ${formatTime(story.first)}${story.last !== story.first ? ` – ${formatTime(story.last)}` : ''}`);
    for (const a of story.articles) printLine(`   - ${a.outlet ?? 'unknown outlet'}, ${formatTime(a.published) || 'date unknown'}: ${a.title}${a.url ? ` ${a.url}` : ''}`);
  }
  return 0;
}
