// The commands the bot offers: registered with setMyCommands (per language) and listed by /help.
// Descriptions and examples are in the locale files (commands.<name>).
import type { Translator } from '../i18n/index.ts';

export interface BotCommand {
  command: string;
  adminOnly?: boolean;
}

export const BOT_COMMANDS: BotCommand[] = [
  { command: 'summary' },
  { command: 'digest' },
  { command: 'follow' },
  { command: 'unfollow' },
  { command: 'topics' },
  { command: 'settings' },
  { command: 'language' },
  { command: 'time' },
  { command: 'timezone' },
  { command: 'sources' },
  { command: 'start' },
  { command: 'stop' },
  { command: 'help' },
  { command: 'addsource', adminOnly: true },
  { command: 'removesource', adminOnly: true },
  { command: 'stats', adminOnly: true },
];

/** The menu everyone sees, in one language. */
export function commandMenu(tr: Translator): Array<{ command: string; description: string }> {
  return BOT_COMMANDS.filter((c) => !c.adminOnly).map(({ command }) => ({ command, description: tr.t(`commands.${command}.description`) }));
}
