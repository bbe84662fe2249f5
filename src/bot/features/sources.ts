// /sources for everyone; /addsource and /removesource for the bot's administrators, through the
// sources service (src/app/sources.ts), as `news-digest sources` does.
import { Composer } from 'telegraf';
import { capName } from '../../digest/render.ts';
import { redactUrl } from '../../secrets.ts';
import { html } from '../../telegram/html.ts';
import { truncateText } from '../../util/text.ts';
import { isHttpUrl } from '../../util/url.ts';
import { adminsOnly, commandArgument, isAdmin, replyHtml, type BotContext } from '../context.ts';
import { sourcesListHtml } from '../views.ts';
import type { Source } from '../../store/index.ts';

export const sources = new Composer<BotContext>();

sources.command('sources', (ctx) => replyHtml(ctx, sourcesListHtml(ctx.deps.app.sources.list(), isAdmin(ctx))));

sources.command('addsource', adminsOnly('Sorry, only the administrators of this bot can add sources.'), async (ctx) => {
  const { app, log } = ctx.deps;
  const url = commandArgument(ctx);
  if (!isHttpUrl(url)) return void (await replyHtml(ctx, html`Please give a feed URL, e.g. <code>/addsource https://example.org/rss.xml</code>.`));
  await ctx.sendChatAction('typing');
  let source: Source;
  try {
    ({ source } = await app.sources.add(url));
  } catch (error) {
    log.info({ url: redactUrl(url), reason: (error as Error).message }, 'addsource refused');
    await replyHtml(ctx, html`I could not add that source: ${truncateText((error as Error).message, 500)}`);
    return;
  }
  // Outside the try: a failed reply must not claim that adding failed.
  await replyHtml(ctx, html`Added source ${source.id}: <b>${capName(source.name)}</b> (${source.kind}).`);
});

sources.command('removesource', adminsOnly('Sorry, only the administrators of this bot can remove sources.'), async (ctx) => {
  const arg = commandArgument(ctx);
  if (!arg) return void (await replyHtml(ctx, html`Which one? Give its number or URL from /sources, e.g. <code>/removesource 3</code>.`));
  const removed = ctx.deps.app.sources.remove(arg);
  await replyHtml(ctx, removed ? html`Removed source ${arg}.` : html`No source ${truncateText(arg, 100)}; see /sources.`);
});
