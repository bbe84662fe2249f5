// What no feature took: an unknown command gets a pointer to /help, and a forged, stale or
// unknown button is answered all the same, so the client's spinner stops.
import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';

export const unhandled = new Composer<BotContext>();

unhandled.on('text', async (ctx) => {
  if (ctx.message.text.startsWith('/')) await ctx.reply(ctx.tr.t('errors.unknownCommand'));
});

unhandled.on('callback_query', (ctx) => ctx.answerCbQuery(ctx.tr.t('errors.staleButton')));
