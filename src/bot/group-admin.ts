// In a group the digest settings (subscription, time, time zone, topics) are the group's:
// only its administrators may change them, as Telegram reports them (getChatMember).
import type { Context, MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.ts';

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

export async function mayChangeChatSettings(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private') return true;
  // An anonymous administrator writes as the group itself.
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  if (senderChat?.id === chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.telegram.getChatMember(chat.id, ctx.from.id);
  return ADMIN_STATUSES.has(member.status);
}

/** Middleware for a settings command or button: refuses it politely to group members who are not admins. */
export const groupAdminsOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (await mayChangeChatSettings(ctx)) return next();
  if (ctx.callbackQuery) await ctx.answerCbQuery(ctx.tr.t('callbacks.groupAdminsOnly'));
  else await ctx.reply(ctx.tr.t('errors.groupAdminsOnly'));
};
