// The commands the bot offers: registered with setMyCommands and listed by /help.

export interface BotCommand {
  command: string;
  description: string;
  example: string;
  adminOnly?: boolean;
}

export const BOT_COMMANDS: BotCommand[] = [
  { command: 'summary', description: 'Digest of a topic now', example: '/summary syria' },
  { command: 'digest', description: "Today's personal digest now", example: '/digest' },
  { command: 'follow', description: 'Add a topic to your daily digest', example: '/follow climate' },
  { command: 'unfollow', description: 'Remove a topic', example: '/unfollow climate' },
  { command: 'topics', description: 'Your topics', example: '/topics' },
  { command: 'time', description: 'Daily digest time (24h)', example: '/time 07:30' },
  { command: 'timezone', description: 'Your time zone', example: '/timezone Europe/Berlin' },
  { command: 'sources', description: 'News sources in use', example: '/sources' },
  { command: 'start', description: 'Subscribe to the daily digest', example: '/start' },
  { command: 'stop', description: 'Unsubscribe', example: '/stop' },
  { command: 'help', description: 'What I can do', example: '/help' },
  { command: 'addsource', description: 'Add a feed (admins)', example: '/addsource https://example.org/rss.xml', adminOnly: true },
  { command: 'removesource', description: 'Remove a source (admins)', example: '/removesource 3', adminOnly: true },
  { command: 'stats', description: 'Service statistics (admins)', example: '/stats', adminOnly: true },
];
