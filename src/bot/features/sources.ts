// /sources for everyone; /addsource and /removesource for the bot's administrators, through the
// sources service (src/app/sources.ts), as `news-digest sources` does.
import { Composer } from 'telegraf';
import { capName } from '../../digest/render.ts';
import { redactUrl } from '../../secrets.ts';
import { truncateText } from '../../util/text.ts';
import { isHttpUrl } from '../../util/url.ts';
import { adminsOnly, commandArgument, isAdmin, replyHtml, type BotContext } from '../context.ts';
import { sourcesListHtml } from '../views.ts';
import type { Source } from '../../store/index.ts';

export const sources = new Composer<BotContext>();

sources.command('sources', async (ctx) => replyHtml(ctx, sourcesListHtml(await ctx.deps.app.sources.list(), isAdmin(ctx), ctx.tr)));

sources.command('addsource', adminsOnly('sources.addAdminsOnly'), async (ctx) => {
  const { app, log } = ctx.deps;
  const url = commandArgument(ctx);
  if (!isHttpUrl(url)) return void (await replyHtml(ctx, ctx.tr.html('sources.addPrompt')));
  await ctx.sendChatAction('typing');
  let source: Source;
  try {
    ({ source } = await app.sources.add(url));
  } catch (error) {
    log.info({ url: redactUrl(url), reason: (error as Error).message }, 'addsource refused');
    await replyHtml(ctx, ctx.tr.html('sources.couldNotAdd', { reason: truncateText((error as Error).message, 500) }));
    return;
  }
  // Outside the try: a failed reply must not claim that adding failed.
  await replyHtml(ctx, ctx.tr.html('sources.added', { id: source.id, name: capName(source.name), kind: source.kind }));
});

sources.command('removesource', adminsOnly('sources.removeAdminsOnly'), async (ctx) => {
  const arg = commandArgument(ctx);
  if (!arg) return void (await replyHtml(ctx, ctx.tr.html('sources.removePrompt')));
  const removed = await ctx.deps.app.sources.remove(arg);
  await replyHtml(ctx, removed ? ctx.tr.html('sources.removed', { id: arg }) : ctx.tr.html('sources.noSuch', { id: truncateText(arg, 100) }));
});
