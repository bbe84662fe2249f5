// Follow-up questions: any text that is not a command, in a private chat or as a reply to the bot.
import { Composer } from 'telegraf';
import type { BotContext } from '../context.ts';
import { answerQuestion } from '../replies.ts';

export const questions = new Composer<BotContext>();

questions.on('text', async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith('/')) return next();
  // In a group, only a reply to the bot is a question for it.
  if (ctx.chat.type !== 'private' && ctx.message.reply_to_message?.from?.id !== ctx.botInfo.id) return;
  await answerQuestion(ctx, text, ctx.message.reply_to_message?.message_id);
});
