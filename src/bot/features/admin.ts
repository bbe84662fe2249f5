// /stats for the bot's administrators.
import { Composer } from 'telegraf';
import { deliveryStatsLines } from '../../delivery/index.ts';
import { html, joinHtml } from '../../telegram/html.ts';
import { adminsOnly, replyHtml, type BotContext } from '../context.ts';

export const admin = new Composer<BotContext>();

admin.command('stats', adminsOnly('Sorry, statistics are for the administrators of this bot.'), async (ctx) => {
  const { store, app, now } = ctx.deps;
  const at = now();
  const today = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())).toISOString();
  const sources = app.sources.list();
  const lastFetch = sources.map((s) => s.lastSuccessAt).filter((t): t is string => !!t).sort().pop();
  const lines = [
    html`<b>Statistics</b>`,
    `Subscribers: ${store.subscribers.countActive()}`,
    `Articles today (UTC): ${store.articles.countIngestedSince(today)} of ${store.articles.count()}`,
    `Sources: ${sources.length}, failing: ${sources.filter((s) => s.consecutiveFailures > 0).length}`,
    `Last fetch: ${lastFetch ? `${lastFetch.slice(0, 16).replace('T', ' ')} UTC` : 'never'}`,
    ...deliveryStatsLines(store, at),
  ];
  await replyHtml(ctx, joinHtml(lines, '\n'));
});
