// /stats for the bot's administrators.
import { Composer } from 'telegraf';
import { deliveryStatsLines } from '../../delivery/index.ts';
import { joinHtml } from '../../telegram/html.ts';
import { adminsOnly, replyHtml, type BotContext } from '../context.ts';

export const admin = new Composer<BotContext>();

admin.command('stats', adminsOnly('stats.adminsOnly'), async (ctx) => {
  const { store, app, now } = ctx.deps;
  const at = now();
  const today = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())).toISOString();
  const sources = await app.sources.list();
  const lastFetch = sources.map((s) => s.lastSuccessAt).filter((t): t is string => !!t).sort().pop();
  const { tr } = ctx;
  const lines = [
    tr.html('stats.title'),
    tr.t('stats.subscribers', { count: await store.subscribers.countActive() }),
    tr.t('stats.articlesToday', { today: await store.articles.countIngestedSince(today), total: await store.articles.count() }),
    tr.t('stats.sources', { count: sources.length, failing: sources.filter((s) => s.consecutiveFailures > 0).length }),
    tr.t('stats.lastFetch', { when: lastFetch ? `${lastFetch.slice(0, 16).replace('T', ' ')} UTC` : tr.t('stats.never') }),
    // Delivery's own figures, in English: an operator's view shared with `news-digest stats`.
    ...await deliveryStatsLines(store, at),
  ];
  await replyHtml(ctx, joinHtml(lines, '\n'));
});
