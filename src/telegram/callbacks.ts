// The callback data of every inline button, in one registry that the renderers making the
// buttons and the bot handlers reading them share: a renamed prefix cannot leave a button dead.
import { cutText } from '../util/text.ts';

export const CALLBACKS = {
  /** A suggested topic: the /summary of it. The value is the topic. */
  topic: 'topic',
  /** "More on N" under a digest story: its summary in full and every quote. The value is the story id. */
  more: 'more',
  /** "Sources N" under a story made on the fly: its articles. The value is the story id. */
  sources: 'src',
  /** "Coverage N" under a stored story: all its articles now. The value is the story id ("s12"). */
  coverage: 'cov',
} as const;

export type CallbackKind = keyof typeof CALLBACKS;

/** The callback_data of a button: within Telegram's 64 bytes, cut between graphemes. */
export function callbackData(kind: CallbackKind, value: string): string {
  return cutText(`${CALLBACKS[kind]}:${value}`, { maxBytes: 64 });
}

/** Matches the data of one kind of button; group 1 is the value. */
export function callbackPattern(kind: CallbackKind): RegExp {
  return new RegExp(`^${CALLBACKS[kind]}:(.+)$`, 's');
}
