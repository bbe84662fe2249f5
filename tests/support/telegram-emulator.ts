/**
 * A Telegram Bot API emulator for tests: an HTTP server on 127.0.0.1 that answers `/bot<token>/<method>` the way
 * api.telegram.org does, so the real Telegraf runs against it with
 * `new Telegraf(token, { telegram: { apiRoot: emulator.apiRoot } })`.
 *
 * It keeps chats, messages and updates in memory, validates what Telegram validates (HTML entities, lengths,
 * keyboards, chats, replies, edits, callback queries), paces sends like Telegram (429 with retry_after) and can
 * inject faults. Tests act as users through the user-side API (`sendMessage`, `sendCommand`, `pressButton`) and read
 * what the bot sent (`botMessages`, `waitForBotMessages`, `requests`, `rejected`).
 *
 *   const emulator = await startTelegramEmulator({ rateLimits: { global: { perSecond: 1000, burst: 1000 } } });
 *   const bot = new Telegraf(emulator.token, { telegram: { apiRoot: emulator.apiRoot } });
 *   void bot.launch();                                   // resolves only when polling stops
 *   emulator.sendCommand(4242, '/summary syria');        // private chat 4242 = user 4242
 *   const [reply] = await emulator.waitForBotMessages(4242, 1);
 *   expect(emulator.rejected).toEqual([]);
 *   emulator.injectFault({ type: 'rate-limit', method: 'sendMessage', retryAfter: 2 });
 *   bot.stop(); await emulator.close();
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  checkLink,
  codePointLength,
  detectEntities,
  EntityParseError,
  finalizeFormattedText,
  parseTelegramHtml,
  sortEntities,
  type FormattedText,
  type MessageEntity,
} from './telegram-html.ts';

export type { MessageEntity } from './telegram-html.ts';

// ---------------------------------------------------------------------------------------------------------------
// Bot API object shapes (the subset the emulator produces)

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [key: string]: unknown;
}

export interface ReplyMarkup {
  inline_keyboard?: InlineKeyboardButton[][];
  [key: string]: unknown;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  reply_markup?: ReplyMarkup;
  reply_to_message?: TgMessage;
  [key: string]: unknown;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  callback_query?: TgCallbackQuery;
  [key: string]: unknown;
}

export interface BotCommand {
  command: string;
  description: string;
}

export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

// ---------------------------------------------------------------------------------------------------------------
// Options, faults, logs

export interface BucketLimit {
  /** Sustained rate, tokens per second. */
  perSecond: number;
  /** Bucket size: how many requests may pass at once after an idle period. */
  burst: number;
}

export interface RateLimits {
  /** false turns pacing off entirely. Default true. */
  enabled: boolean;
  /** All paced requests of the bot together. Telegram: about 30 messages per second. Default 30/s, burst 30. */
  global: BucketLimit;
  /** Per private chat. Telegram: about 1 message per second, short bursts tolerated. Default 1/s, burst 3. */
  perChat: BucketLimit;
  /** Per group or supergroup. Telegram: 20 messages per minute. Default 20/60 per second, burst 20. */
  perGroup: BucketLimit;
  /** Methods that count as sending. Default: send*, copyMessage, forwardMessage, editMessage*. */
  methods: string[];
}

export type FaultType =
  /** 429 Too Many Requests with parameters.retry_after (default 1 s). */
  | 'rate-limit'
  /** HTTP 500 with a JSON error body. */
  | 'server-error'
  /** HTTP 502 with nginx's HTML page, as Telegram's front end answers when the backend is down. */
  | 'bad-gateway'
  /** An HTML page with status `status` (default 200), as a proxy or a wrong API root answers: not JSON at all. */
  | 'not-json'
  /** Answer normally, but after delayMs. */
  | 'slow'
  /** Destroy the connection without an answer. */
  | 'drop'
  /** 403 Forbidden: bot was blocked by the user (once; use blockChat for a lasting block). */
  | 'blocked'
  /** Any Telegram error: errorCode + description (+ parameters). */
  | 'error';

export interface Fault {
  type: FaultType;
  /** Method name(s) it applies to (case-insensitive). Default: any method except getUpdates. */
  method?: string | string[];
  /** Only requests whose chat_id is this chat. */
  chatId?: number | string;
  /** How many matching requests it hits. Default 1; Infinity for "until cleared". */
  times?: number;
  /** rate-limit: retry_after in seconds. Default 1. */
  retryAfter?: number;
  /** slow: delay in ms. Default 1000. */
  delayMs?: number;
  /**
   * slow / drop: whether Telegram carried out the request before the answer was delayed or lost (a message is
   * then sent although the bot saw a timeout or a dropped connection). Default false.
   */
  processed?: boolean;
  /** not-json: the HTTP status (default 200). */
  status?: number;
  /** error: the error_code (default 400) and description. */
  errorCode?: number;
  description?: string;
  parameters?: Record<string, unknown>;
}

export interface TelegramEmulatorOptions {
  /** Accepted bot token. Default '123456789:TEST-emulator-token'. The bot id is the part before ':'. */
  token?: string;
  /** The bot's getMe identity. */
  botUsername?: string;
  botFirstName?: string;
  /** Pacing; partial values are merged into the defaults. */
  rateLimits?: Partial<RateLimits> | false;
  /** Faults queued from the start. */
  faults?: Fault[];
  /** Chats that have blocked the bot (403 for every request to them). */
  blockedChats?: Array<number | string>;
  /** Chats known from the start (as if their user had written to the bot). */
  chats?: Array<number | Partial<TgChat>>;
  /** Upper bound for how long a getUpdates long poll is held, whatever its timeout. Default: no cap. */
  maxLongPollMs?: number;
  /** Reject a bare "&" in HTML (see telegram-html.ts). Default true. */
  strictHtmlAmpersand?: boolean;
  /** Add the url/mention/hashtag/bot_command... entities Telegram detects itself. Default true. */
  detectEntities?: boolean;
  /** Message length limit in Unicode code points. Default 4096. */
  maxMessageLength?: number;
  /** How long a callback query can be answered, ms. Default 15000 (Telegram: about 15 s). */
  callbackQueryTtlMs?: number;
  /** When a webhook is set, push new updates to it by itself (one at a time, in order). Default false. */
  autoDeliverWebhook?: boolean;
  /**
   * The emulator's clock, in ms since the epoch: pacing, request and callback times. Default
   * Date.now; a test whose bot runs on a fake clock (tests/support/test-clock.ts) passes the same one.
   */
  now?: () => number;
}

export interface RequestLogEntry {
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  /** HTTP status sent (0 when the connection was dropped). */
  status: number;
  errorCode?: number;
  description?: string;
  parameters?: Record<string, unknown>;
  result?: unknown;
  /** The response was produced by an injected fault. */
  injected?: boolean;
  /** The call came as a reply to a webhook delivery. */
  viaWebhookReply?: boolean;
  chatId?: number;
  /** The emulator's clock (Date.now() unless set) when the request arrived and when it was answered. */
  time: number;
  answeredAt: number;
}

export interface AnsweredCallback {
  id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  chatId?: number;
  messageId?: number;
  data?: string;
  time: number;
}

export interface ChatActionEntry {
  chatId: number;
  action: string;
  time: number;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections?: number;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface UserMessageInput {
  chatId: number;
  /** Sender; default: chatId for private chats, else 1000001. */
  userId?: number;
  text: string;
  replyToMessageId?: number;
  /** Entities of the user's text; bot_command entities for a leading "/cmd" are added automatically. */
  entities?: MessageEntity[];
  from?: Partial<TgUser>;
}

export interface UserLocationInput {
  chatId: number;
  /** Sender; default: chatId for private chats, else 1000001. */
  userId?: number;
  latitude: number;
  longitude: number;
  from?: Partial<TgUser>;
}

export interface PressButtonInput {
  chatId: number;
  messageId: number;
  data: string;
  userId?: number;
  /** Press even if the message has no button with this callback_data (Telegram clients cannot). Default false. */
  force?: boolean;
}

export interface TelegramEmulator {
  /** e.g. http://127.0.0.1:40123 - pass as Telegraf's `telegram.apiRoot`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botUser: TgUser;
  readonly port: number;

  // user side
  sendMessage(input: UserMessageInput): TgUpdate;
  sendCommand(chatId: number, commandLine: string, options?: Omit<UserMessageInput, 'chatId' | 'text'>): TgUpdate;
  pressButton(input: PressButtonInput): TgUpdate;
  /** The user shares a location (a message with `location` and no text), as the request_location button sends it. */
  sendLocation(input: UserLocationInput): TgUpdate;
  /** Registers (or updates) a chat so the bot may write to it. Private chats: id = the user's id. */
  registerChat(chat: number | (Partial<TgChat> & { id: number })): TgChat;
  /** Adds a raw update to the queue (update_id is assigned). */
  pushUpdate(update: Omit<TgUpdate, 'update_id'>): TgUpdate;
  /** Sets a user's status in a chat, as getChatMember reports it (a user who wrote in a group is a 'member'). */
  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void;

  // reading what happened
  /** Messages the bot sent to the chat, in order, as they are now (after edits; deleted ones left out). */
  botMessages(chatId: number): TgMessage[];
  /** Every message in the chat (user and bot), in order. */
  chatMessages(chatId: number): TgMessage[];
  waitForBotMessages(chatId: number, count: number, timeoutMs?: number): Promise<TgMessage[]>;
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  readonly requests: readonly RequestLogEntry[];
  /** Every 4xx answer the bot got (including injected ones and 429 pacing). */
  readonly rejected: readonly RequestLogEntry[];
  readonly answeredCallbacks: readonly AnsweredCallback[];
  readonly chatActions: readonly ChatActionEntry[];
  /** Commands of the default scope (setMyCommands without scope/language). */
  readonly commands: readonly BotCommand[];
  commandsFor(scope?: Record<string, unknown>, languageCode?: string): BotCommand[];
  /** setMyDescription / setMyShortDescription for a language ('' or none: the default). */
  descriptionFor(languageCode?: string): string;
  shortDescriptionFor(languageCode?: string): string;
  /** The reply keyboard the chat shows now (sent with a message; one_time keyboards stay until a reply), or null. */
  replyKeyboard(chatId: number): ReplyMarkup | null;
  /** Messages the bot successfully sent to the chat (sends, not edits). */
  deliveredCount(chatId: number): number;
  /** Number of getUpdates calls so far. */
  readonly getUpdatesCalls: number;
  /** How many times each update was handed to the bot (getUpdates results + webhook deliveries). */
  deliveryCount(updateId: number): number;
  /** update_ids that were handed out more than once. */
  duplicateDeliveries(): number[];
  /** Updates not yet acknowledged by the bot. */
  pendingUpdates(): TgUpdate[];
  readonly webhook: WebhookState | null;
  countRequests(method: string): number;

  // faults and limits
  injectFault(fault: Fault): void;
  clearFaults(): void;
  blockChat(chatId: number | string): void;
  unblockChat(chatId: number | string): void;
  setRateLimits(limits: Partial<RateLimits> | false): void;
  readonly rateLimits: RateLimits;
  setMaxLongPollMs(ms: number | undefined): void;

  // webhook
  /** POSTs the update (default: the oldest pending one) to the webhook URL; returns the HTTP status. */
  deliverUpdateToWebhook(update?: TgUpdate, options?: { secretToken?: string | null }): Promise<number>;
  /** Delivers all pending updates to the webhook, in order; returns their statuses. */
  deliverPendingToWebhook(): Promise<number[]>;

  /** Forget requests/rejected/actions/callbacks logs (state such as chats and messages stays). */
  clearLogs(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------

const DEFAULT_TOKEN = '123456789:TEST-emulator-token';

const DEFAULT_PACED_METHODS = [
  'sendMessage', 'sendPhoto', 'sendDocument', 'sendAudio', 'sendVideo', 'sendAnimation', 'sendVoice',
  'sendVideoNote', 'sendMediaGroup', 'sendLocation', 'sendVenue', 'sendContact', 'sendPoll', 'sendDice',
  'sendSticker', 'copyMessage', 'forwardMessage', 'editMessageText', 'editMessageReplyMarkup', 'editMessageCaption',
  'editMessageMedia',
];

function defaultRateLimits(): RateLimits {
  return {
    enabled: true,
    global: { perSecond: 30, burst: 30 },
    perChat: { perSecond: 1, burst: 3 },
    perGroup: { perSecond: 20 / 60, burst: 20 },
    methods: [...DEFAULT_PACED_METHODS],
  };
}

function mergeRateLimits(base: RateLimits, partial: Partial<RateLimits> | false | undefined): RateLimits {
  if (partial === false) return { ...base, enabled: false };
  if (partial === undefined) return base;
  return {
    enabled: partial.enabled ?? base.enabled,
    global: { ...base.global, ...partial.global },
    perChat: { ...base.perChat, ...partial.perChat },
    perGroup: { ...base.perGroup, ...partial.perGroup },
    methods: partial.methods ?? base.methods,
  };
}

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly limit: BucketLimit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.last = now;
  }
  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.last = now;
  }
  /** Seconds until one token is available (0 if available now). */
  waitSeconds(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return (1 - this.tokens) / this.limit.perSecond;
  }
  take(): void {
    this.tokens -= 1;
  }
}

interface ApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: Record<string, unknown>;
}
interface ApiOk {
  ok: true;
  result: unknown;
}
type ApiResponse = ApiOk | ApiError;

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(`${code}: ${description}`);
  }
}

const badRequest = (description: string): ApiFailure => new ApiFailure(400, `Bad Request: ${description}`);

interface StoredMessage {
  message: TgMessage;
  fromBot: boolean;
  deleted: boolean;
}

interface ChatState {
  chat: TgChat;
  nextMessageId: number;
  messages: StoredMessage[];
  byId: Map<number, StoredMessage>;
  delivered: number;
}

interface PendingPoll {
  finish: (response: ApiResponse) => void;
  offsetLimit: number;
  timer: NodeJS.Timeout | undefined;
  allowed: string[] | undefined;
}

interface CallbackState {
  query: TgCallbackQuery;
  created: number;
  answered: boolean;
}

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

const JSON_FIELDS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'commands', 'scope', 'allowed_updates', 'reply_parameters',
  'link_preview_options', 'results', 'media', 'rights',
]);

const BUTTON_FIELDS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function normaliseParams(raw: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && JSON_FIELDS.has(key)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        params[key] = value;
      }
    } else {
      params[key] = value;
    }
  }
  return params;
}

function toInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function toBool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string anywhere in the value holds half a surrogate pair. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || hasLoneSurrogate(v));
  return false;
}

function splitsSurrogatePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function updateType(update: TgUpdate): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseRequestParams(req: http.IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(params, parsed);
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  } else if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    for (const [k, v] of form.entries()) {
      params[k] = typeof v === 'string' ? v : { filename: v.name, size: v.size, type: v.type };
    }
  }
  return params;
}

/** POST without keep-alive, so a test's webhook server can close at once. */
function postJson(url: string, headers: Record<string, string>, payload: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(payload)), connection: 'close' },
        ...(target.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error('webhook timed out')));
    request.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------------------------

class Emulator implements TelegramEmulator {
  readonly token: string;
  readonly botUser: TgUser;
  apiRoot = '';
  port = 0;

  private server: http.Server;
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<import('node:net').Socket>();
  private closed = false;

  private readonly chats = new Map<number, ChatState>();
  private readonly usernames = new Map<string, number>();
  private readonly users = new Map<number, TgUser>();
  /** chat id -> user id -> status, for getChatMember. */
  private readonly members = new Map<number, Map<number, ChatMemberStatus>>();
  private readonly blocked = new Set<number>();
  private faults: Array<Fault & { remaining: number }> = [];
  private limits: RateLimits;
  private globalBucket: TokenBucket;
  private readonly chatBuckets = new Map<number, TokenBucket>();
  private maxLongPollMs: number | undefined;
  private readonly strictAmpersand: boolean;
  private readonly autoDetect: boolean;
  private readonly maxLength: number;
  private readonly callbackTtlMs: number;
  private readonly autoDeliverWebhook: boolean;

  private updates: TgUpdate[] = [];
  private nextUpdateId = 100_000_001;
  private readonly deliveries = new Map<number, number>();
  private poll: PendingPoll | undefined;
  private allowedUpdates: string[] | undefined;
  private getUpdatesCount = 0;
  private webhookState: WebhookState | null = null;
  private webhookPushing = false;

  private readonly callbacks = new Map<string, CallbackState>();
  private nextCallbackId = 1;
  private readonly commandSets = new Map<string, BotCommand[]>();
  private readonly descriptions = new Map<string, string>();
  private readonly shortDescriptions = new Map<string, string>();
  private readonly replyKeyboards = new Map<number, ReplyMarkup>();

  private readonly log: RequestLogEntry[] = [];
  private readonly now: () => number;
  private readonly answered: AnsweredCallback[] = [];
  private readonly actions: ChatActionEntry[] = [];

  constructor(options: TelegramEmulatorOptions) {
    this.token = options.token ?? DEFAULT_TOKEN;
    const botId = Number(this.token.split(':')[0]);
    this.botUser = {
      id: Number.isFinite(botId) ? botId : 123456789,
      is_bot: true,
      first_name: options.botFirstName ?? 'News Digest (emulated)',
      username: options.botUsername ?? 'news_digest_test_bot',
    };
    this.now = options.now ?? Date.now;
    this.limits = mergeRateLimits(defaultRateLimits(), options.rateLimits);
    this.globalBucket = new TokenBucket(this.limits.global, this.now());
    this.maxLongPollMs = options.maxLongPollMs;
    this.strictAmpersand = options.strictHtmlAmpersand ?? true;
    this.autoDetect = options.detectEntities ?? true;
    this.maxLength = options.maxMessageLength ?? 4096;
    this.callbackTtlMs = options.callbackQueryTtlMs ?? 15_000;
    this.autoDeliverWebhook = options.autoDeliverWebhook ?? false;
    for (const fault of options.faults ?? []) this.injectFault(fault);
    for (const id of options.blockedChats ?? []) this.blockChat(id);
    for (const chat of options.chats ?? []) this.registerChat(typeof chat === 'number' ? chat : { id: 0, ...chat });
    this.server = http.createServer((req, res) => {
      void this.handleHttp(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.events.setMaxListeners(0);
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.port = address.port;
    this.apiRoot = `http://127.0.0.1:${address.port}`;
  }

  // ----- HTTP layer ------------------------------------------------------------------------------------------

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const time = this.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (match === null) {
      req.resume();
      this.writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = decodeURIComponent(match[1] ?? '');
    const methodRaw = match[2] ?? '';
    let params: Record<string, unknown>;
    try {
      params = normaliseParams(await parseRequestParams(req, url));
    } catch {
      this.writeJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON object" });
      return;
    }
    const entry: RequestLogEntry = { method: methodRaw, params, ok: false, status: 0, time, answeredAt: 0 };
    const chatId = toInt(params.chat_id);
    if (chatId !== undefined) entry.chatId = chatId;
    if (hasLoneSurrogate(params)) {
      // Half a surrogate pair is not UTF-8: Telegram refuses the whole request.
      this.respond(res, entry, { ok: false, error_code: 400, description: 'Bad Request: strings must be encoded in UTF-8' });
      return;
    }
    if (token !== this.token) {
      this.respond(res, entry, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = this.canonicalMethod(methodRaw);
    if (method === undefined) {
      this.respond(res, entry, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    entry.method = method;

    const fault = this.takeFault(method, params);
    if (fault !== undefined) {
      const handled = await this.applyFault(fault, method, params, res, entry);
      if (handled) return;
    }

    let closedEarly = false;
    res.on('close', () => {
      if (!res.writableFinished) closedEarly = true;
    });
    const response = await this.dispatch(method, params, res);
    if (closedEarly || res.destroyed) {
      entry.ok = response.ok;
      entry.status = 0;
      entry.answeredAt = this.now();
      if (method !== 'getUpdates') this.log.push(entry);
      return;
    }
    this.respond(res, entry, response);
  }

  private canonicalMethod(name: string): string | undefined {
    const lower = name.toLowerCase();
    return METHOD_NAMES.find((m) => m.toLowerCase() === lower);
  }

  private writeJson(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private respond(res: http.ServerResponse, entry: RequestLogEntry, response: ApiResponse, injected = false): void {
    const status = response.ok ? 200 : response.error_code;
    this.writeJson(res, status, response);
    this.record(entry, response, status, injected);
  }

  private record(entry: RequestLogEntry, response: ApiResponse, status: number, injected: boolean): void {
    entry.ok = response.ok;
    entry.status = status;
    entry.answeredAt = this.now();
    if (response.ok) entry.result = response.result;
    else {
      entry.errorCode = response.error_code;
      entry.description = response.description;
      if (response.parameters !== undefined) entry.parameters = response.parameters;
    }
    if (injected) entry.injected = true;
    this.log.push(entry);
    this.emitChange();
  }

  // ----- faults ----------------------------------------------------------------------------------------------

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private takeFault(method: string, params: Record<string, unknown>): Fault | undefined {
    const index = this.faults.findIndex((f) => {
      if (f.remaining <= 0) return false;
      if (f.method === undefined) {
        if (method === 'getUpdates') return false;
      } else {
        const methods = (Array.isArray(f.method) ? f.method : [f.method]).map((m) => m.toLowerCase());
        if (!methods.includes(method.toLowerCase())) return false;
      }
      if (f.chatId !== undefined && String(f.chatId) !== String(params.chat_id)) return false;
      return true;
    });
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  /** Returns true when the fault produced the answer. */
  private async applyFault(
    fault: Fault,
    method: string,
    params: Record<string, unknown>,
    res: http.ServerResponse,
    entry: RequestLogEntry,
  ): Promise<boolean> {
    switch (fault.type) {
      case 'rate-limit': {
        const retryAfter = fault.retryAfter ?? 1;
        this.respond(
          res,
          entry,
          {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          },
          true,
        );
        return true;
      }
      case 'server-error':
        this.respond(res, entry, { ok: false, error_code: 500, description: 'Internal Server Error' }, true);
        return true;
      case 'not-json': {
        const status = fault.status ?? 200;
        const html = '<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>\n';
        if (!res.destroyed) {
          res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
          res.end(html);
        }
        this.record(entry, { ok: false, error_code: status, description: 'not JSON (injected)' }, status, true);
        return true;
      }
      case 'bad-gateway': {
        const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';
        if (!res.destroyed) {
          res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
          res.end(html);
        }
        this.record(entry, { ok: false, error_code: 502, description: 'Bad Gateway' }, 502, true);
        return true;
      }
      case 'blocked':
        this.respond(res, entry, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, true);
        return true;
      case 'error': {
        const code = fault.errorCode ?? 400;
        const response: ApiError = {
          ok: false,
          error_code: code,
          description: fault.description ?? 'Bad Request: injected error',
        };
        if (fault.parameters !== undefined) response.parameters = fault.parameters;
        this.respond(res, entry, response, true);
        return true;
      }
      case 'drop': {
        if (fault.processed === true) await this.dispatch(method, params, res);
        this.record(entry, { ok: false, error_code: 0, description: 'connection dropped (injected)' }, 0, true);
        res.socket?.destroy();
        return true;
      }
      case 'slow': {
        const delay = fault.delayMs ?? 1000;
        if (fault.processed === true) {
          const response = await this.dispatch(method, params, res);
          await this.sleep(delay);
          this.respond(res, entry, response);
        } else {
          await this.sleep(delay);
          if (res.destroyed) {
            this.record(entry, { ok: false, error_code: 0, description: 'client gave up (slow answer)' }, 0, true);
            return true;
          }
          this.respond(res, entry, await this.dispatch(method, params, res));
        }
        return true;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
    });
  }

  blockChat(chatId: number | string): void {
    const id = this.resolveChatId(chatId);
    if (id !== undefined) this.blocked.add(id);
  }

  unblockChat(chatId: number | string): void {
    const id = this.resolveChatId(chatId);
    if (id !== undefined) this.blocked.delete(id);
  }

  setRateLimits(limits: Partial<RateLimits> | false): void {
    this.limits = mergeRateLimits(limits === false ? this.limits : { ...this.limits, enabled: true }, limits);
    // New limits start with full buckets.
    this.globalBucket = new TokenBucket(this.limits.global, this.now());
    this.chatBuckets.clear();
  }

  get rateLimits(): RateLimits {
    return clone(this.limits);
  }

  setMaxLongPollMs(ms: number | undefined): void {
    this.maxLongPollMs = ms;
  }

  private chatLimit(chatId: number): BucketLimit {
    const type = this.chats.get(chatId)?.chat.type;
    return type === 'group' || type === 'supergroup' || type === 'channel' ? this.limits.perGroup : this.limits.perChat;
  }

  /** Telegram's pacing: throws 429 when the global or the chat bucket is empty; otherwise takes a token from both. */
  private pace(method: string, chatId: number): void {
    if (!this.limits.enabled || !this.limits.methods.includes(method)) return;
    const now = this.now();
    let bucket = this.chatBuckets.get(chatId);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.chatLimit(chatId), now);
      this.chatBuckets.set(chatId, bucket);
    }
    const wait = Math.max(this.globalBucket.waitSeconds(now), bucket.waitSeconds(now));
    if (wait > 0) {
      const retryAfter = Math.max(1, Math.ceil(wait));
      throw new ApiFailure(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.globalBucket.take();
    bucket.take();
  }

  // ----- dispatch --------------------------------------------------------------------------------------------

  private async dispatch(method: string, params: Record<string, unknown>, res?: http.ServerResponse): Promise<ApiResponse> {
    try {
      if (method === 'getUpdates') return await this.getUpdates(params, res);
      const result = this.callSync(method, params);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ApiFailure) {
        const response: ApiError = { ok: false, error_code: error.code, description: error.description };
        if (error.parameters !== undefined) response.parameters = error.parameters;
        return response;
      }
      return { ok: false, error_code: 500, description: `Internal Server Error: ${(error as Error).message}` };
    }
  }

  private callSync(method: string, p: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return {
          ...this.botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        };
      case 'logOut':
      case 'close':
        return true;
      case 'deleteWebhook':
        this.webhookState = null;
        if (toBool(p.drop_pending_updates)) this.dropPending();
        return true;
      case 'setWebhook':
        return this.setWebhook(p);
      case 'getWebhookInfo':
        return this.getWebhookInfo();
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands':
        return clone(this.commandSets.get(this.commandKey(p.scope, p.language_code)) ?? []);
      case 'deleteMyCommands':
        this.commandSets.delete(this.commandKey(p.scope, p.language_code));
        return true;
      case 'setMyDescription':
        return this.setDescription(this.descriptions, p.description, p.language_code, 512, 'description');
      case 'setMyShortDescription':
        return this.setDescription(this.shortDescriptions, p.short_description, p.language_code, 120, 'short description');
      case 'getMyDescription':
        return { description: this.descriptions.get(languageKey(p.language_code)) ?? '' };
      case 'getMyShortDescription':
        return { short_description: this.shortDescriptions.get(languageKey(p.language_code)) ?? '' };
      case 'sendChatAction':
        return this.sendChatAction(p);
      case 'sendMessage':
        return this.botSendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'editMessageReplyMarkup':
        return this.editMessageReplyMarkup(p);
      case 'deleteMessage':
        return this.deleteMessage(p);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'getChat':
        return clone(this.requireChat(p.chat_id).chat);
      case 'getChatMember':
        return this.getChatMember(p);
      default:
        throw new ApiFailure(404, 'Not Found');
    }
  }

  // ----- chats -----------------------------------------------------------------------------------------------

  private resolveChatId(value: unknown): number | undefined {
    if (typeof value === 'string' && value.startsWith('@')) return this.usernames.get(value.slice(1).toLowerCase());
    return toInt(value);
  }

  private requireChat(value: unknown): ChatState {
    if (value === undefined || value === null || value === '') throw badRequest('chat_id is empty');
    const id = this.resolveChatId(value);
    const state = id === undefined ? undefined : this.chats.get(id);
    if (state === undefined) throw badRequest('chat not found');
    if (this.blocked.has(state.chat.id)) {
      const description =
        state.chat.type === 'private' ? 'Forbidden: bot was blocked by the user' : 'Forbidden: bot was kicked from the group chat';
      throw new ApiFailure(403, description);
    }
    return state;
  }

  registerChat(input: number | (Partial<TgChat> & { id: number })): TgChat {
    const spec: Partial<TgChat> & { id: number } = typeof input === 'number' ? { id: input } : input;
    const existing = this.chats.get(spec.id);
    const type = spec.type ?? (spec.id > 0 ? 'private' : 'supergroup');
    const chat: TgChat = { id: spec.id, type };
    if (type === 'private') {
      const user = this.userFor(spec.id, { first_name: spec.first_name, last_name: spec.last_name, username: spec.username });
      chat.first_name = user.first_name;
      if (user.last_name !== undefined) chat.last_name = user.last_name;
      if (user.username !== undefined) chat.username = user.username;
    } else {
      chat.title = spec.title ?? `Test group ${Math.abs(spec.id)}`;
      if (spec.username !== undefined) chat.username = spec.username;
    }
    if (existing !== undefined) {
      existing.chat = { ...existing.chat, ...chat };
      if (existing.chat.username !== undefined) this.usernames.set(existing.chat.username.toLowerCase(), spec.id);
      return clone(existing.chat);
    }
    this.chats.set(spec.id, { chat, nextMessageId: 1, messages: [], byId: new Map(), delivered: 0 });
    if (chat.username !== undefined) this.usernames.set(chat.username.toLowerCase(), spec.id);
    this.emitChange();
    return clone(chat);
  }

  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.ensureChat(chatId);
    this.userFor(userId);
    const members = this.members.get(chatId) ?? new Map<number, ChatMemberStatus>();
    members.set(userId, status);
    this.members.set(chatId, members);
  }

  private memberStatus(chat: TgChat, userId: number): ChatMemberStatus {
    const status = this.members.get(chat.id)?.get(userId);
    if (status !== undefined) return status;
    return chat.type === 'private' && chat.id === userId ? 'member' : 'left';
  }

  private getChatMember(p: Record<string, unknown>): Record<string, unknown> {
    const state = this.requireChat(p.chat_id);
    const userId = toInt(p.user_id);
    if (userId === undefined) throw badRequest('invalid user_id specified');
    const user = this.users.get(userId);
    if (user === undefined) throw badRequest('user not found');
    const status = this.memberStatus(state.chat, userId);
    const member: Record<string, unknown> = { user: clone(user), status };
    if (status === 'creator') member.is_anonymous = false;
    if (status === 'administrator') {
      Object.assign(member, {
        can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true,
        can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true,
        can_post_stories: false, can_edit_stories: false, can_delete_stories: false, can_pin_messages: true,
      });
    }
    return member;
  }

  private userFor(id: number, overrides: Partial<TgUser> = {}): TgUser {
    let user = this.users.get(id);
    if (user === undefined) {
      user = { id, is_bot: false, first_name: `User${id}`, username: `user${id}`, language_code: 'en' };
      this.users.set(id, user);
    }
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (user as unknown as Record<string, unknown>)[k] = v;
    return user;
  }

  private ensureChat(chatId: number): ChatState {
    if (!this.chats.has(chatId)) this.registerChat(chatId);
    return this.chats.get(chatId) as ChatState;
  }

  private storeMessage(state: ChatState, message: Omit<TgMessage, 'message_id' | 'chat' | 'date'>, fromBot: boolean): StoredMessage {
    // Telegram's field order: message_id, from, chat, date, then the rest.
    const from = message.from as TgUser | undefined;
    const rest: Record<string, unknown> = { ...message };
    delete rest.from;
    const ordered: TgMessage = {
      message_id: state.nextMessageId++,
      ...(from !== undefined ? { from } : {}),
      chat: clone(state.chat),
      date: nowSeconds(),
      ...rest,
    };
    const stored: StoredMessage = { message: ordered, fromBot, deleted: false };
    state.messages.push(stored);
    state.byId.set(ordered.message_id, stored);
    return stored;
  }

  // ----- formatting & validation -----------------------------------------------------------------------------

  private formatText(p: Record<string, unknown>, textField = 'text'): FormattedText {
    const raw = p[textField];
    if (raw === undefined || raw === null) throw badRequest('message text is empty');
    const text = String(raw);
    const parseMode = p.parse_mode === undefined || p.parse_mode === null ? '' : String(p.parse_mode).toLowerCase();
    let formatted: FormattedText;
    if (parseMode === 'html') {
      try {
        formatted = parseTelegramHtml(text, { strictAmpersand: this.strictAmpersand });
      } catch (error) {
        if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
        throw error;
      }
    } else if (parseMode === 'markdownv2' || parseMode === 'markdown') {
      throw badRequest(
        `can't parse entities: parse_mode ${String(p.parse_mode)} is not implemented by the Telegram emulator; use HTML`,
      );
    } else if (parseMode === '') {
      const entities = Array.isArray(p.entities) ? (p.entities as MessageEntity[]) : [];
      for (const e of entities) {
        if (typeof e.offset !== 'number' || typeof e.length !== 'number' || e.offset < 0 || e.length < 0) {
          throw badRequest("can't parse entities: entity offset and length must be non-negative integers");
        }
        // Offsets and lengths count UTF-16 code units: an entity past the end, or one that
        // starts or ends inside a surrogate pair, is refused.
        if (e.offset + e.length > text.length) throw badRequest(`can't parse entities: entity ${e.type} ends beyond the end of the text`);
        if (splitsSurrogatePair(text, e.offset) || splitsSurrogatePair(text, e.offset + e.length)) {
          throw badRequest(`can't parse entities: entity ${e.type} begins or ends inside a character`);
        }
      }
      formatted = { text, entities: sortEntities(entities.filter((e) => e.length > 0 && e.offset < text.length).map((e) => ({ ...e }))) };
    } else {
      throw badRequest('unsupported parse_mode');
    }
    const finalized = finalizeFormattedText(formatted);
    if (finalized === null) throw badRequest('message text is empty');
    if (codePointLength(finalized.text) > this.maxLength) throw badRequest('message is too long');
    return this.autoDetect ? detectEntities(finalized) : finalized;
  }

  private validateReplyMarkup(value: unknown): ReplyMarkup | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw badRequest("can't parse reply keyboard markup JSON object");
    const markup = value as ReplyMarkup;
    if (markup.inline_keyboard !== undefined) {
      if (!Array.isArray(markup.inline_keyboard)) throw badRequest("can't parse inline keyboard button: Field \"inline_keyboard\" must be of type Array");
      const rows = markup.inline_keyboard;
      for (const row of rows) {
        if (!Array.isArray(row)) throw badRequest("can't parse inline keyboard button: Field \"inline_keyboard\" must be of type Array of Array");
        for (const button of row) {
          if (button === null || typeof button !== 'object') throw badRequest("can't parse inline keyboard button: expected an Object");
          if (typeof button.text !== 'string') throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
          if (button.text.trim() === '') throw badRequest('BUTTON_TEXT_EMPTY');
          const hasCallback = typeof button.callback_data === 'string' && button.callback_data !== '';
          const hasUrl = typeof button.url === 'string' && button.url !== '';
          const otherKinds = ['switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat',
            'callback_game', 'pay', 'web_app', 'login_url', 'copy_text'].some((k) => button[k] !== undefined);
          if (!hasCallback && !hasUrl && !otherKinds) {
            throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          }
          if (hasCallback && Buffer.byteLength(button.callback_data as string, 'utf8') > 64) throw badRequest('BUTTON_DATA_INVALID');
          if (hasUrl && checkLink(button.url as string) === null && !/^tg:\/\//i.test(button.url as string)) {
            throw badRequest(`inline keyboard button URL '${button.url as string}' is invalid: Wrong HTTP URL`);
          }
        }
      }
      // Telegram returns only the fields it knows (Telegraf's Markup adds e.g. "hide").
      const inline_keyboard = rows.map((row) =>
        row.map((button) => {
          const clean: InlineKeyboardButton = { text: button.text };
          for (const key of BUTTON_FIELDS) {
            const value = button[key];
            if (value !== undefined && value !== null && value !== '') clean[key] = clone(value);
          }
          return clean;
        }),
      );
      return { inline_keyboard };
    }
    if (markup.keyboard !== undefined) {
      if (!Array.isArray(markup.keyboard) || markup.keyboard.some((row) => !Array.isArray(row))) {
        throw badRequest('can\'t parse keyboard button: Field "keyboard" must be of type Array of Array');
      }
      for (const row of markup.keyboard as unknown[][]) {
        for (const button of row) {
          const text = typeof button === 'string' ? button : (button as Record<string, unknown> | null)?.text;
          if (typeof text !== 'string') throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
          if (text.trim() === '') throw badRequest('BUTTON_TEXT_EMPTY');
        }
      }
    } else if (markup.remove_keyboard !== undefined && markup.remove_keyboard !== true) {
      throw badRequest('can\'t parse ReplyKeyboardRemove: Field "remove_keyboard" must be true');
    }
    return clone(markup);
  }

  // ----- bot methods -----------------------------------------------------------------------------------------

  private botSendMessage(p: Record<string, unknown>): TgMessage {
    const state = this.requireChat(p.chat_id);
    const formatted = this.formatText(p);
    const markup = this.validateReplyMarkup(p.reply_markup);
    const replyParams = (p.reply_parameters ?? {}) as Record<string, unknown>;
    const replyTo = toInt(p.reply_to_message_id ?? replyParams.message_id);
    const allowWithout = toBool(p.allow_sending_without_reply ?? replyParams.allow_sending_without_reply);
    let replied: StoredMessage | undefined;
    if (replyTo !== undefined && replyTo !== 0) {
      replied = state.byId.get(replyTo);
      if ((replied === undefined || replied.deleted) && !allowWithout) throw badRequest('message to be replied not found');
      if (replied?.deleted === true) replied = undefined;
    }
    this.pace('sendMessage', state.chat.id);
    const message: Omit<TgMessage, 'message_id' | 'chat' | 'date'> = { from: clone(this.botUser), text: formatted.text };
    if (formatted.entities.length > 0) message.entities = formatted.entities;
    if (markup?.inline_keyboard !== undefined) message.reply_markup = markup;
    // A reply keyboard is not part of the message Telegram returns: the chat shows it until removed.
    if (markup?.keyboard !== undefined) this.replyKeyboards.set(state.chat.id, markup);
    if (markup?.remove_keyboard === true) this.replyKeyboards.delete(state.chat.id);
    if (replied !== undefined) message.reply_to_message = this.withoutReply(replied.message);
    const stored = this.storeMessage(state, message, true);
    state.delivered += 1;
    this.emitChange();
    return clone(stored.message);
  }

  private withoutReply(message: TgMessage): TgMessage {
    const copy = clone(message);
    delete copy.reply_to_message;
    return copy;
  }

  private findEditable(p: Record<string, unknown>, what: 'edit'): { state: ChatState; stored: StoredMessage } {
    if (p.inline_message_id !== undefined) throw badRequest('MESSAGE_ID_INVALID');
    const state = this.requireChat(p.chat_id);
    const messageId = toInt(p.message_id);
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const stored = state.byId.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest(`message to ${what} not found`);
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return { state, stored };
  }

  private editMessageText(p: Record<string, unknown>): TgMessage {
    const { state, stored } = this.findEditable(p, 'edit');
    const formatted = this.formatText(p);
    const markup = this.validateReplyMarkup(p.reply_markup);
    const current = stored.message;
    const newMarkup = markup?.inline_keyboard !== undefined ? markup : undefined;
    if (current.text === formatted.text && sameJson(current.entities ?? [], formatted.entities) && sameJson(current.reply_markup, newMarkup)) {
      throw badRequest(NOT_MODIFIED);
    }
    this.pace('editMessageText', state.chat.id);
    current.text = formatted.text;
    if (formatted.entities.length > 0) current.entities = formatted.entities;
    else delete current.entities;
    // Like Telegram: an edit without reply_markup removes the inline keyboard.
    if (newMarkup !== undefined) current.reply_markup = newMarkup;
    else delete current.reply_markup;
    current.edit_date = nowSeconds();
    this.emitChange();
    return clone(current);
  }

  private editMessageReplyMarkup(p: Record<string, unknown>): TgMessage {
    const { state, stored } = this.findEditable(p, 'edit');
    const markup = this.validateReplyMarkup(p.reply_markup);
    const newMarkup = markup?.inline_keyboard !== undefined && markup.inline_keyboard.length > 0 ? markup : undefined;
    const current = stored.message;
    if (sameJson(current.reply_markup, newMarkup)) throw badRequest(NOT_MODIFIED);
    this.pace('editMessageReplyMarkup', state.chat.id);
    if (newMarkup !== undefined) current.reply_markup = newMarkup;
    else delete current.reply_markup;
    current.edit_date = nowSeconds();
    this.emitChange();
    return clone(current);
  }

  private deleteMessage(p: Record<string, unknown>): boolean {
    const state = this.requireChat(p.chat_id);
    const messageId = toInt(p.message_id);
    const stored = messageId === undefined ? undefined : state.byId.get(messageId);
    if (stored === undefined || stored.deleted) throw badRequest('message to delete not found');
    if (!stored.fromBot && state.chat.type !== 'private') throw badRequest("message can't be deleted");
    stored.deleted = true;
    this.emitChange();
    return true;
  }

  private sendChatAction(p: Record<string, unknown>): boolean {
    const state = this.requireChat(p.chat_id);
    const action = String(p.action ?? '');
    if (action === '') throw badRequest('action is empty');
    if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
    this.actions.push({ chatId: state.chat.id, action, time: this.now() });
    this.emitChange();
    return true;
  }

  private answerCallbackQuery(p: Record<string, unknown>): boolean {
    const id = String(p.callback_query_id ?? '');
    const state = this.callbacks.get(id);
    const invalid = badRequest('query is too old and response timeout expired or query ID is invalid');
    if (state === undefined || state.answered || this.now() - state.created > this.callbackTtlMs) throw invalid;
    state.answered = true;
    const entry: AnsweredCallback = { id, time: this.now() };
    if (p.text !== undefined) entry.text = String(p.text);
    if (p.show_alert !== undefined) entry.show_alert = toBool(p.show_alert);
    if (p.url !== undefined) entry.url = String(p.url);
    const cacheTime = toInt(p.cache_time);
    if (cacheTime !== undefined) entry.cache_time = cacheTime;
    const message = state.query.message;
    if (message !== undefined) {
      entry.chatId = message.chat.id;
      entry.messageId = message.message_id;
    }
    if (state.query.data !== undefined) entry.data = state.query.data;
    this.answered.push(entry);
    this.emitChange();
    return true;
  }

  private commandKey(scope: unknown, language: unknown): string {
    const scopeObj = scope !== undefined && scope !== null && typeof scope === 'object' ? scope : { type: 'default' };
    return `${JSON.stringify(scopeObj)}|${typeof language === 'string' ? language : ''}`;
  }

  /** setMyDescription / setMyShortDescription: an empty text removes it; longer than Telegram's limit is refused. */
  private setDescription(texts: Map<string, string>, value: unknown, language: unknown, max: number, what: string): boolean {
    const text = value === undefined || value === null ? '' : String(value);
    if (codePointLength(text) > max) throw badRequest(`${what} is too long`);
    if (language !== undefined && language !== null && language !== '' && !/^[a-z]{2}$/.test(String(language))) throw badRequest('invalid language code specified');
    if (text === '') texts.delete(languageKey(language));
    else texts.set(languageKey(language), text);
    this.emitChange();
    return true;
  }

  private setMyCommands(p: Record<string, unknown>): boolean {
    const commands = p.commands;
    if (commands === undefined) throw badRequest('parameter "commands" is required');
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest('too many commands specified');
    const clean: BotCommand[] = [];
    for (const c of commands as Array<Record<string, unknown>>) {
      if (c === null || typeof c !== 'object') throw badRequest("can't parse BotCommand: expected an Object");
      if (typeof c.command !== 'string') throw badRequest('can\'t parse BotCommand: Field "command" must be of type String');
      if (typeof c.description !== 'string') throw badRequest('can\'t parse BotCommand: Can\'t find field "description"');
      const command = c.command;
      const description = c.description;
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if (description.trim() === '') throw badRequest('command description must be non-empty');
      if (codePointLength(description) > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      clean.push({ command, description });
    }
    this.commandSets.set(this.commandKey(p.scope, p.language_code), clean);
    this.emitChange();
    return true;
  }

  private setWebhook(p: Record<string, unknown>): boolean {
    const url = String(p.url ?? '');
    if (url === '') {
      this.webhookState = null;
      if (toBool(p.drop_pending_updates)) this.dropPending();
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
    if (parsed.protocol !== 'https:' && !local) throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secret = p.secret_token;
    if (secret !== undefined && secret !== null && !/^[A-Za-z0-9_-]{1,256}$/.test(String(secret))) {
      throw badRequest('secret token contains unallowed characters');
    }
    this.webhookState = { url };
    if (secret !== undefined && secret !== null) this.webhookState.secretToken = String(secret);
    const maxConnections = toInt(p.max_connections);
    if (maxConnections !== undefined) this.webhookState.maxConnections = maxConnections;
    if (Array.isArray(p.allowed_updates)) this.webhookState.allowedUpdates = p.allowed_updates as string[];
    if (toBool(p.drop_pending_updates)) this.dropPending();
    // A webhook ends long polling, as on Telegram.
    this.finishPoll({ ok: false, error_code: 409, description: 'Conflict: terminated by setWebhook request' });
    this.emitChange();
    if (this.autoDeliverWebhook) setImmediate(() => void this.pushWebhook());
    return true;
  }

  private getWebhookInfo(): Record<string, unknown> {
    const info: Record<string, unknown> = {
      url: this.webhookState?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
    };
    if (this.webhookState !== null) {
      info.max_connections = this.webhookState.maxConnections ?? 40;
      info.ip_address = '127.0.0.1';
      if (this.webhookState.allowedUpdates !== undefined) info.allowed_updates = this.webhookState.allowedUpdates;
      if (this.webhookState.lastErrorDate !== undefined) {
        info.last_error_date = this.webhookState.lastErrorDate;
        info.last_error_message = this.webhookState.lastErrorMessage;
      }
    }
    return info;
  }

  // ----- updates / long polling ------------------------------------------------------------------------------

  private dropPending(): void {
    this.updates = [];
  }

  private acknowledge(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.updates = this.updates.slice(offset);
  }

  private available(limit: number, allowed: string[] | undefined): TgUpdate[] {
    if (allowed !== undefined && allowed.length > 0) {
      // Telegram never delivers update types outside allowed_updates: they are dropped.
      this.updates = this.updates.filter((u) => allowed.includes(updateType(u)));
    }
    return this.updates.slice(0, limit);
  }

  private markDelivered(updates: TgUpdate[]): void {
    for (const u of updates) this.deliveries.set(u.update_id, (this.deliveries.get(u.update_id) ?? 0) + 1);
  }

  private async getUpdates(p: Record<string, unknown>, res?: http.ServerResponse): Promise<ApiResponse> {
    this.getUpdatesCount += 1;
    if (this.webhookState !== null) {
      throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = toInt(p.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, toInt(p.limit) ?? 100));
    const timeoutSec = Math.max(0, toInt(p.timeout) ?? 0);
    if (Array.isArray(p.allowed_updates) && p.allowed_updates.length > 0) {
      this.allowedUpdates = p.allowed_updates as string[];
    } else if (Array.isArray(p.allowed_updates)) {
      this.allowedUpdates = undefined;
    }
    this.acknowledge(offset);
    // Only one getUpdates at a time: a newer request terminates the older one, as on Telegram.
    this.finishPoll({
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    const now = this.available(limit, this.allowedUpdates);
    if (now.length > 0 || timeoutSec === 0 || res === undefined) {
      this.markDelivered(now);
      return { ok: true, result: clone(now) };
    }
    let waitMs = timeoutSec * 1000;
    if (this.maxLongPollMs !== undefined) waitMs = Math.min(waitMs, this.maxLongPollMs);
    return await new Promise<ApiResponse>((resolve) => {
      const poll: PendingPoll = {
        offsetLimit: limit,
        allowed: this.allowedUpdates,
        timer: undefined,
        finish: (response) => {
          if (poll.timer !== undefined) clearTimeout(poll.timer);
          if (this.poll === poll) this.poll = undefined;
          resolve(response);
        },
      };
      poll.timer = setTimeout(() => poll.finish({ ok: true, result: [] }), waitMs);
      this.poll = poll;
      res.on('close', () => {
        if (this.poll === poll && !res.writableFinished) poll.finish({ ok: true, result: [] });
      });
    });
  }

  private finishPoll(response: ApiResponse): void {
    const poll = this.poll;
    if (poll === undefined) return;
    this.poll = undefined;
    poll.finish(response);
  }

  private flushPoll(): void {
    const poll = this.poll;
    if (poll === undefined) return;
    const ready = this.available(poll.offsetLimit, poll.allowed);
    if (ready.length === 0) return;
    this.markDelivered(ready);
    this.poll = undefined;
    poll.finish({ ok: true, result: clone(ready) });
  }

  pushUpdate(update: Omit<TgUpdate, 'update_id'>): TgUpdate {
    const full = { update_id: this.nextUpdateId++, ...update } as TgUpdate;
    this.updates.push(full);
    // Let updates added in the same tick go out together.
    setImmediate(() => {
      this.flushPoll();
      if (this.autoDeliverWebhook && this.webhookState !== null) void this.pushWebhook();
    });
    this.emitChange();
    return clone(full);
  }

  // ----- user side -------------------------------------------------------------------------------------------

  sendMessage(input: UserMessageInput): TgUpdate {
    const state = this.ensureChat(input.chatId);
    const userId = input.userId ?? (state.chat.type === 'private' ? state.chat.id : 1_000_001);
    const from = clone(this.userFor(userId, input.from ?? {}));
    // Who writes in a group is a member of it, unless the test said otherwise.
    if (state.chat.type !== 'private' && this.members.get(state.chat.id)?.get(userId) === undefined) this.setChatMember(state.chat.id, userId, 'member');
    const message: Omit<TgMessage, 'message_id' | 'chat' | 'date'> = { from, text: input.text };
    const entities = [...(input.entities ?? [])];
    const command = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?/.exec(input.text);
    if (command !== null && !entities.some((e) => e.type === 'bot_command' && e.offset === 0)) {
      entities.unshift({ type: 'bot_command', offset: 0, length: command[0].length });
    }
    if (entities.length > 0) message.entities = sortEntities(entities);
    if (input.replyToMessageId !== undefined) {
      const replied = state.byId.get(input.replyToMessageId);
      if (replied === undefined || replied.deleted) {
        throw new Error(`emulator: chat ${input.chatId} has no message ${input.replyToMessageId} to reply to`);
      }
      message.reply_to_message = this.withoutReply(replied.message);
    }
    const stored = this.storeMessage(state, message, false);
    return this.pushUpdate({ message: clone(stored.message) });
  }

  sendLocation(input: UserLocationInput): TgUpdate {
    const state = this.ensureChat(input.chatId);
    const userId = input.userId ?? (state.chat.type === 'private' ? state.chat.id : 1_000_001);
    const from = clone(this.userFor(userId, input.from ?? {}));
    const keyboard = this.replyKeyboards.get(state.chat.id);
    // A one-time keyboard hides once used.
    if (keyboard?.one_time_keyboard === true) this.replyKeyboards.delete(state.chat.id);
    const stored = this.storeMessage(state, { from, location: { latitude: input.latitude, longitude: input.longitude } }, false);
    return this.pushUpdate({ message: clone(stored.message) });
  }

  sendCommand(chatId: number, commandLine: string, options: Omit<UserMessageInput, 'chatId' | 'text'> = {}): TgUpdate {
    const text = commandLine.startsWith('/') ? commandLine : `/${commandLine}`;
    return this.sendMessage({ ...options, chatId, text });
  }

  pressButton(input: PressButtonInput): TgUpdate {
    const state = this.chats.get(input.chatId);
    if (state === undefined) throw new Error(`emulator: unknown chat ${input.chatId}`);
    const stored = state.byId.get(input.messageId);
    if (stored === undefined || stored.deleted) throw new Error(`emulator: chat ${input.chatId} has no message ${input.messageId}`);
    if (input.force !== true) {
      const buttons = (stored.message.reply_markup?.inline_keyboard ?? []).flat();
      if (!buttons.some((b) => b.callback_data === input.data)) {
        throw new Error(
          `emulator: message ${input.messageId} has no button with callback_data ${JSON.stringify(input.data)} ` +
            `(buttons: ${JSON.stringify(buttons.map((b) => b.callback_data ?? b.url))})`,
        );
      }
    }
    const userId = input.userId ?? (state.chat.type === 'private' ? state.chat.id : 1_000_001);
    const id = `${this.botUser.id}${String(this.nextCallbackId++).padStart(8, '0')}`;
    const query: TgCallbackQuery = {
      id,
      from: clone(this.userFor(userId)),
      message: clone(stored.message),
      chat_instance: `-${Math.abs(input.chatId) * 7 + 13}`,
      data: input.data,
    };
    this.callbacks.set(id, { query, created: this.now(), answered: false });
    return this.pushUpdate({ callback_query: clone(query) });
  }

  // ----- reading state ---------------------------------------------------------------------------------------

  botMessages(chatId: number): TgMessage[] {
    const state = this.chats.get(chatId);
    if (state === undefined) return [];
    return state.messages.filter((m) => m.fromBot && !m.deleted).map((m) => clone(m.message));
  }

  chatMessages(chatId: number): TgMessage[] {
    const state = this.chats.get(chatId);
    if (state === undefined) return [];
    return state.messages.filter((m) => !m.deleted).map((m) => clone(m.message));
  }

  async waitForBotMessages(chatId: number, count: number, timeoutMs = 20_000): Promise<TgMessage[]> {
    try {
      return await this.waitFor(() => {
        const messages = this.botMessages(chatId);
        return messages.length >= count ? messages : undefined;
      }, timeoutMs);
    } catch {
      const got = this.botMessages(chatId);
      const recent = this.log.slice(-8).map((e) => `${e.method} -> ${e.ok ? 'ok' : `${e.errorCode} ${e.description}`}`);
      throw new Error(
        `emulator: waited ${timeoutMs} ms for ${count} bot message(s) in chat ${chatId}, got ${got.length}: ` +
          `${JSON.stringify(got.map((m) => m.text))}; last requests: ${JSON.stringify(recent)}`,
      );
    }
  }

  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined | null | false;
        try {
          value = predicate();
        } catch (error) {
          cleanup();
          reject(error as Error);
          return true;
        }
        if (value !== undefined && value !== null && value !== false) {
          cleanup();
          resolve(value);
          return true;
        }
        return false;
      };
      const onChange = (): void => {
        check();
      };
      const interval = setInterval(onChange, 25);
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`emulator: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearInterval(interval);
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      if (check()) return;
      this.events.on('change', onChange);
    });
  }

  private emitChange(): void {
    this.events.emit('change');
  }

  get requests(): readonly RequestLogEntry[] {
    return this.log;
  }

  get rejected(): readonly RequestLogEntry[] {
    return this.log.filter((e) => e.errorCode !== undefined && e.errorCode >= 400 && e.errorCode < 500);
  }

  get answeredCallbacks(): readonly AnsweredCallback[] {
    return this.answered;
  }

  get chatActions(): readonly ChatActionEntry[] {
    return this.actions;
  }

  get commands(): readonly BotCommand[] {
    return clone(this.commandSets.get(this.commandKey(undefined, undefined)) ?? []);
  }

  commandsFor(scope?: Record<string, unknown>, languageCode?: string): BotCommand[] {
    return clone(this.commandSets.get(this.commandKey(scope, languageCode)) ?? []);
  }

  descriptionFor(languageCode?: string): string {
    return this.descriptions.get(languageKey(languageCode)) ?? '';
  }

  shortDescriptionFor(languageCode?: string): string {
    return this.shortDescriptions.get(languageKey(languageCode)) ?? '';
  }

  replyKeyboard(chatId: number): ReplyMarkup | null {
    const keyboard = this.replyKeyboards.get(chatId);
    return keyboard ? clone(keyboard) : null;
  }

  deliveredCount(chatId: number): number {
    return this.chats.get(chatId)?.delivered ?? 0;
  }

  get getUpdatesCalls(): number {
    return this.getUpdatesCount;
  }

  deliveryCount(updateId: number): number {
    return this.deliveries.get(updateId) ?? 0;
  }

  duplicateDeliveries(): number[] {
    return [...this.deliveries.entries()].filter(([, n]) => n > 1).map(([id]) => id);
  }

  pendingUpdates(): TgUpdate[] {
    return clone(this.updates);
  }

  get webhook(): WebhookState | null {
    return this.webhookState === null ? null : clone(this.webhookState);
  }

  countRequests(method: string): number {
    const lower = method.toLowerCase();
    return this.log.filter((e) => e.method.toLowerCase() === lower).length;
  }

  clearLogs(): void {
    this.log.length = 0;
    this.answered.length = 0;
    this.actions.length = 0;
  }

  // ----- webhook ---------------------------------------------------------------------------------------------

  async deliverUpdateToWebhook(update?: TgUpdate, options: { secretToken?: string | null } = {}): Promise<number> {
    const hook = this.webhookState;
    if (hook === null) throw new Error('emulator: no webhook is set (the bot has not called setWebhook)');
    const target = update ?? this.updates[0];
    if (target === undefined) throw new Error('emulator: no pending update to deliver');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const secret = options.secretToken === undefined ? hook.secretToken : options.secretToken;
    if (secret !== undefined && secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
    this.markDelivered([target]);
    let status: number;
    let body: string;
    try {
      ({ status, body } = await postJson(hook.url, headers, JSON.stringify(target)));
    } catch (error) {
      hook.lastErrorDate = nowSeconds();
      hook.lastErrorMessage = `Connection refused: ${(error as Error).message}`;
      throw new Error(`emulator: webhook delivery to ${hook.url} failed: ${(error as Error).message}`);
    }
    if (status >= 200 && status < 300) {
      this.updates = this.updates.filter((u) => u.update_id !== target.update_id);
      await this.executeWebhookReply(body);
    } else {
      hook.lastErrorDate = nowSeconds();
      hook.lastErrorMessage = `Wrong response from the webhook: ${status} ${http.STATUS_CODES[status] ?? ''}`.trim();
    }
    this.emitChange();
    return status;
  }

  /** Telegram executes a method sent as the body of the webhook response (telegraf's webhookReply). */
  private async executeWebhookReply(body: string): Promise<void> {
    if (body.trim() === '') return;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return;
    }
    if (payload === null || typeof payload !== 'object') return;
    const { method: rawMethod, ...rest } = payload as Record<string, unknown>;
    if (typeof rawMethod !== 'string') return;
    const params = normaliseParams(rest);
    const time = this.now();
    const entry: RequestLogEntry = { method: rawMethod, params, ok: false, status: 0, time, answeredAt: 0, viaWebhookReply: true };
    const chatId = toInt(params.chat_id);
    if (chatId !== undefined) entry.chatId = chatId;
    const method = this.canonicalMethod(rawMethod);
    const response: ApiResponse = method === undefined ? { ok: false, error_code: 404, description: 'Not Found' } : await this.dispatch(method, params);
    if (method !== undefined) entry.method = method;
    this.record(entry, response, response.ok ? 200 : response.error_code, false);
  }

  async deliverPendingToWebhook(): Promise<number[]> {
    const statuses: number[] = [];
    for (const update of [...this.updates]) statuses.push(await this.deliverUpdateToWebhook(update));
    return statuses;
  }

  private async pushWebhook(): Promise<void> {
    if (this.webhookPushing || this.closed) return;
    this.webhookPushing = true;
    try {
      while (!this.closed && this.webhookState !== null && this.updates.length > 0) {
        const status = await this.deliverUpdateToWebhook().catch(() => 0);
        if (status < 200 || status >= 300) await this.sleep(200);
      }
    } finally {
      this.webhookPushing = false;
    }
  }

  // ----- shutdown --------------------------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.finishPoll({ ok: true, result: [] });
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    this.events.removeAllListeners();
  }
}

const METHOD_NAMES = [
  'getMe', 'logOut', 'close', 'getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo', 'setMyCommands',
  'getMyCommands', 'deleteMyCommands', 'sendChatAction', 'sendMessage', 'editMessageText', 'editMessageReplyMarkup',
  'deleteMessage', 'answerCallbackQuery', 'getChat', 'getChatMember', 'setMyDescription', 'setMyShortDescription',
  'getMyDescription', 'getMyShortDescription',
];

/** The key of a per-language setting: '' is the default for every language without its own. */
function languageKey(language: unknown): string {
  return typeof language === 'string' ? language : '';
}

/** Starts the emulator on 127.0.0.1 with a free port. */
export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const emulator = new Emulator(options);
  await emulator.listen();
  return emulator;
}

/** The token the emulator accepts by default. */
export const EMULATOR_DEFAULT_TOKEN = DEFAULT_TOKEN;
