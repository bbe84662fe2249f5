// /time and /timezone: when the daily digest arrives.
import { Composer } from 'telegraf';
import { html, joinHtml } from '../../telegram/html.ts';
import { normaliseTimeOfDay } from '../../util/time-of-day.ts';
import { truncateText } from '../../util/text.ts';
import { commandArgument, ensureSubscriber, pausedNote, replyHtml, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { normaliseTimezone, suggestTimezones } from '../settings.ts';

export const settings = new Composer<BotContext>();

settings.command('time', groupAdminsOnly, async (ctx) => {
  const time = normaliseTimeOfDay(commandArgument(ctx));
  if (!time) return void (await replyHtml(ctx, html`Please give a time as HH:MM in 24 hours, e.g. <code>/time 07:30</code>.`));
  const subscriber = ensureSubscriber(ctx);
  ctx.deps.store.subscribers.setDigestTime(ctx.chat.id, time, ctx.deps.now());
  await replyHtml(ctx, html`Your daily digest now arrives at <b>${time}</b> (${subscriber.timezone}).${pausedNote(subscriber)}`);
});

settings.command('timezone', groupAdminsOnly, async (ctx) => {
  const input = commandArgument(ctx);
  const zone = normaliseTimezone(input);
  if (!zone) {
    const suggestions = suggestTimezones(input);
    const codes = joinHtml(suggestions.map((s) => html`<code>${s}</code>`), ', ');
    const hint = suggestions.length ? html` Did you mean ${codes}?` : '';
    await replyHtml(
      ctx,
      html`${input ? `"${truncateText(input, 64)}" is not a time zone I know.` : 'Which time zone?'} Use an Area/City name such as <code>/timezone Europe/Berlin</code> or <code>/timezone America/New_York</code>.${hint}`,
    );
    return;
  }
  const subscriber = ensureSubscriber(ctx);
  ctx.deps.store.subscribers.setTimezone(ctx.chat.id, zone, ctx.deps.now());
  await replyHtml(ctx, html`Time zone set to <b>${zone}</b>; your digest arrives at ${subscriber.digestTime} local time.${pausedNote(subscriber)}`);
});
