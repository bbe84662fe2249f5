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
  /** "Follow <topic>" under a story. The value is the topic. */
  follow: 'fol',
  /** "Unfollow <topic>" under a story. The value is the topic. */
  unfollow: 'unf',
  /** "Last 24 h / 7 days / 30 days" under a not-found reply: the search again. The value is "<hours>:<topic>". */
  window: 'win',
  /** A button of the /settings screen. The value is the action ("time", "hour:7", "tz:Europe/Berlin", ...). */
  settings: 'set',
  /** A /language button. The value is a language code, or "auto" for Telegram's. */
  language: 'lang',
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
