// /time and /timezone: when the daily digest arrives (typed; /settings offers the same with buttons).
import { Composer } from 'telegraf';
import { html, joinHtml } from '../../telegram/html.ts';
import { normaliseTimeOfDay } from '../../util/time-of-day.ts';
import { truncateText } from '../../util/text.ts';
import { chatIdentity, commandArgument, pausedNote, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { normaliseTimezone, suggestTimezones } from '../settings.ts';
import type { Html } from '../../telegram/html.ts';
import type { Translator } from '../../i18n/index.ts';

export const settings = new Composer<BotContext>();

settings.command('time', groupAdminsOnly, async (ctx) => {
  const time = normaliseTimeOfDay(commandArgument(ctx));
  if (!time) return void (await replyHtml(ctx, ctx.tr.html('time.invalid')));
  const subscriber = await ctx.deps.app.subscriptions.setTime(chatIdentity(ctx), time);
  await replyHtml(ctx, html`${ctx.tr.html('time.set', { time, zone: subscriber.timezone })}${pausedNote(subscriber, ctx.tr)}`);
});

/** A typed time zone that is not one: what was wrong, how to write one, and the closest names. */
export function unknownTimezoneHtml(input: string, tr: Translator): Html {
  const suggestions = suggestTimezones(input);
  const codes = joinHtml(suggestions.map((s) => html`<code>${s}</code>`), ', ');
  const hint = suggestions.length ? html` ${tr.html('timezone.didYouMean', { zones: codes })}` : '';
  const what = input ? tr.t('timezone.unknown', { input: truncateText(input, 64) }) : tr.t('timezone.which');
  return html`${what} ${tr.html('timezone.hint')}${hint}`;
}

settings.command('timezone', groupAdminsOnly, async (ctx) => {
  const input = commandArgument(ctx);
  const zone = normaliseTimezone(input);
  if (!zone) return void (await replyHtml(ctx, unknownTimezoneHtml(input, ctx.tr)));
  const subscriber = await ctx.deps.app.subscriptions.setTimezone(chatIdentity(ctx), zone);
  await replyHtml(ctx, html`${ctx.tr.html('timezone.set', { zone, time: subscriber.digestTime })}${pausedNote(subscriber, ctx.tr)}`);
});
