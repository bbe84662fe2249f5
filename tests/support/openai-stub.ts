// A local OpenAI-compatible server for tests: POST /v1/chat/completions, answered
// deterministically from the request. It reads the articles (or passages) in the prompt and
// returns their first sentences and a real quote from them; modes switch it to the faults the
// LLM path must survive. Every request is logged so tests can assert what was sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type StubMode =
  /** Valid JSON built from the prompt: first sentences, real quotes with their speaker. */
  | 'normal'
  /** Normal, plus a quote that appears nowhere in the article. */
  | 'invented-quote'
  /** The real quotes, but cited to an article id that was not sent. */
  | 'wrong-article'
  /** A summary sentence that puts invented words in quotation marks. */
  | 'misquote-summary'
  /** Not JSON at all. */
  | 'invalid-json'
  /** JSON of the wrong shape. */
  | 'wrong-shape'
  /** 429 with a Retry-After header (`retryAfter`). */
  | 'rate-limit'
  /** 500 with an OpenAI-style error body. */
  | 'server-error'
  /** Never answers (until the stub closes). */
  | 'hang'
  /** Answers: found false. */
  | 'not-found';

export interface StubRequest {
  mode: StubMode;
  status: number;
  /** The response_format.json_schema.name sent. */
  format: string | undefined;
  body: ChatBody;
  /** The ids of the <article id="..."> blocks or passages in the prompt. */
  articleIds: number[];
  /** The last user message. */
  user: string;
}

interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } };
  temperature?: number;
}

export interface OpenAiStub {
  /** Base URL for OPENAI_BASE_URL, ending in /v1. */
  url: string;
  requests: StubRequest[];
  /** The mode for requests when the queue is empty. */
  mode: StubMode;
  /** Modes for the next requests, in order; then `mode` again. */
  enqueue(...modes: StubMode[]): void;
  /** Retry-After header value for 'rate-limit' (default '1'). */
  retryAfter: string;
  /** Delay before each answer, to observe concurrency. */
  delayMs: number;
  /** Most requests in flight at once so far. */
  maxConcurrent: number;
  /** Requests whose prompt held the article with this id. */
  requestsFor(articleId: number): StubRequest[];
  close(): Promise<void>;
}

interface ArticleBlock {
  id: number;
  title: string;
  text: string;
}

function articlesIn(user: string): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  for (const m of user.matchAll(/<article id="(\d+)" title="([^"]*)"[^>]*>\n([\s\S]*?)\n<\/article>/g)) {
    out.push({ id: Number(m[1]), title: m[2]!, text: m[3]!.replace(/\n\[the rest of the article is not shown\]$/, '') });
  }
  return out;
}

function passagesIn(user: string): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  for (const m of user.matchAll(/^\[\d+\] article (\d+) \("([^"]*)"\):\n(.*)$/gm)) out.push({ id: Number(m[1]), title: m[2]!, text: m[3]! });
  return out;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((para) => para.split(/(?<=[.!?]["\u201D]?)\s+(?=["\u201C]?[A-Z])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && /[.!?]["\u201D]?$/.test(s));
}

/** Full quotations ("...," Putin said) with the name after them, as a reporter writes them. */
function quotesOf(text: string, max: number): { text: string; speaker: string | null }[] {
  const out: { text: string; speaker: string | null }[] = [];
  for (const m of text.matchAll(/["\u201C]([^"\u201C\u201D]{40,}?)[,.]?["\u201D]([^\n]{0,60})/g)) {
    const after = /^\s*,?\s*(?:the\s+)?([A-Z][\p{L}-]+(?:\s[A-Z][\p{L}-]+)*)\s+(?:said|added|told|says)/u.exec(m[2]!);
    out.push({ text: m[1]!, speaker: after?.[1] ?? null });
    if (out.length >= max) break;
  }
  return out;
}

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []).filter((w) => !['what', 'does', 'about', 'said', 'that', 'with', 'they', 'their', 'there', 'have'].includes(w)));
}

function answerFor(format: string | undefined, user: string, mode: StubMode): unknown {
  if (format === 'follow_up_answer') {
    const question = /^Question: (.*)$/m.exec(user)?.[1] ?? '';
    const passages = passagesIn(user);
    const q = words(question);
    const scored = passages.map((p) => ({ p, overlap: [...words(p.text)].filter((w) => q.has(w)).length })).sort((a, b) => b.overlap - a.overlap);
    const best = scored[0];
    if (mode === 'not-found' || !best || best.overlap < 2) return { found: false, answer: "I don't find that in today's articles.", articleIds: [], quotes: [] };
    const quote = quotesOf(best.p.text, 1)[0];
    const articleId = mode === 'wrong-article' ? best.p.id + 1000 : best.p.id;
    const quotes = quote ? [{ text: quote.text, speaker: quote.speaker, articleId }] : [];
    if (mode === 'invented-quote') quotes.push({ text: 'We will settle everything by force before the winter', speaker: quote?.speaker ?? null, articleId: best.p.id });
    return { found: true, answer: sentencesOf(best.p.text)[0] ?? best.p.text, articleIds: [articleId], quotes };
  }
  if (format === 'digest_headline') {
    const titles = [...user.matchAll(/^\d+\. (.*)$/gm)].map((m) => m[1]!);
    return { headline: titles.slice(0, 2).join('; ') };
  }
  const articles = articlesIn(user);
  const first = articles[0] ?? { id: 0, title: '', text: '' };
  const summary = sentencesOf(first.text).slice(0, 2);
  if (!summary.length) summary.push(first.title || 'Nothing to summarise.');
  if (mode === 'misquote-summary') summary.push('The president also said "we will crush them all by Friday".');
  const articleId = mode === 'wrong-article' ? first.id + 1000 : first.id;
  const quotes = quotesOf(first.text, 2).map((q) => ({ text: q.text, speaker: q.speaker, articleId }));
  if (mode === 'invented-quote') quotes.push({ text: 'We will never negotiate with anyone about the future of Syria', speaker: quotes[0]?.speaker ?? null, articleId: first.id });
  return { summary: summary.slice(0, 3), quotes: quotes.slice(0, 3) };
}

function completion(model: string, content: string): unknown {
  return {
    id: `chatcmpl-stub-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startOpenAiStub(): Promise<OpenAiStub> {
  const sockets = new Set<Socket>();
  const queue: StubMode[] = [];
  let inFlight = 0;

  const stub: OpenAiStub = {
    url: '',
    requests: [],
    mode: 'normal',
    enqueue: (...modes) => void queue.push(...modes),
    retryAfter: '1',
    delayMs: 0,
    maxConcurrent: 0,
    requestsFor: (id) => stub.requests.filter((r) => r.articleIds.includes(id)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      send(res, 404, { error: { message: `Unknown request URL: ${req.method} ${req.url}`, type: 'invalid_request_error', code: 'unknown_url' } });
      return;
    }
    let body: ChatBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
    } catch {
      send(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
      return;
    }
    const mode = queue.shift() ?? stub.mode;
    const user = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const firstUser = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const format = body.response_format?.json_schema?.name;
    const ids = [...new Set([...articlesIn(firstUser), ...passagesIn(firstUser)].map((a) => a.id))];
    const record: StubRequest = { mode, status: 200, format, body, articleIds: ids, user };
    stub.requests.push(record);

    if (mode === 'hang') return; // the socket stays open until the client gives up or the stub closes
    inFlight++;
    stub.maxConcurrent = Math.max(stub.maxConcurrent, inFlight);
    try {
      if (stub.delayMs) await new Promise((r) => setTimeout(r, stub.delayMs));
      if (mode === 'rate-limit') {
        record.status = 429;
        send(res, 429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': stub.retryAfter });
        return;
      }
      if (mode === 'server-error') {
        record.status = 500;
        send(res, 500, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
        return;
      }
      if (body.response_format?.type !== 'json_schema' || !body.response_format.json_schema?.schema) {
        record.status = 400;
        send(res, 400, { error: { message: 'this stub only answers json_schema requests', type: 'invalid_request_error' } });
        return;
      }
      let content: string;
      if (mode === 'invalid-json') content = '{"summary": ["Putin and Obama met", ';
      else if (mode === 'wrong-shape') content = JSON.stringify({ summary: 'Putin and Obama met.', quotes: 'none' });
      else content = JSON.stringify(answerFor(format, firstUser, mode));
      send(res, 200, completion(body.model, content));
    } finally {
      inFlight--;
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { message: String(error), type: 'server_error' } }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return stub;
}
