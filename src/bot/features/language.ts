// /language: the bot's language, with buttons (English, Russian, or as the Telegram app).
// The news itself stays in the language it was written in.
import { Composer } from 'telegraf';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, translator } from '../../i18n/index.ts';
import { callbackData, callbackPattern } from '../../telegram/callbacks.ts';
import { chatIdentity, readerLanguage, type BotContext } from '../context.ts';
import { groupAdminsOnly } from '../group-admin.ts';
import { ignoringUnchanged } from '../replies.ts';

export const language = new Composer<BotContext>();

language.command('language', groupAdminsOnly, async (ctx) => {
  const buttons = LANGUAGES.map((lang) => ({ text: LANGUAGE_NAMES[lang], callback_data: callbackData('language', lang) }));
  await ctx.reply(ctx.tr.t('language.choose'), {
    reply_markup: { inline_keyboard: [buttons, [{ text: ctx.tr.t('language.auto'), callback_data: callbackData('language', 'auto') }]] },
  });
});

language.action(callbackPattern('language'), groupAdminsOnly, async (ctx) => {
  const choice = ctx.match[1]!;
  if (choice !== 'auto' && !isLanguage(choice)) return void (await ctx.answerCbQuery(ctx.tr.t('errors.staleButton')));
  await ctx.deps.app.subscriptions.setLanguage(chatIdentity(ctx), choice === 'auto' ? null : choice);
  ctx.tr = translator(await readerLanguage(ctx));
  await ctx.answerCbQuery();
  // The question becomes the answer, in the language chosen.
  await ignoringUnchanged(ctx.editMessageText(ctx.tr.t('language.set')));
});
