// The one place that talks to the LLM: Chat Completions with a JSON-schema response format,
// through the openai SDK, against OpenAI or any compatible server (gateways, Ollama, vLLM,
// llama.cpp). The SDK's own retries are off (maxRetries: 0): retrying here keeps the policy
// explicit and testable: 429, 5xx and connection errors are retried with exponential
// backoff, honouring Retry-After; a timeout is not retried (the offline result is better than
// a second wait). A reply that fails validation gets ONE retry with the validation error in
// the conversation. Concurrency is bounded; a circuit breaker stops calls during an outage.
import OpenAI from 'openai';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Logger } from '../log.ts';
import { countRequestTokens } from './budget.ts';
import type { CircuitBreaker } from './breaker.ts';
import type { RenderedPrompt } from './prompts.ts';
import { describeIssues, jsonSchemaOf, type OutputFormat } from './schemas.ts';
import { parseRetryAfter } from '../util/retry-after.ts';
import type { Metrics } from '../util/metrics.ts';
import { systemTime, type TimeSource } from '../util/time.ts';

export type LlmErrorKind =
  /** The circuit breaker is open: no request was made. */
  | 'breaker-open'
  /** The server could not be reached, timed out, or kept failing (after retries). */
  | 'unavailable'
  /** The server refused the request (400, 401, 403, 404, ...). */
  | 'rejected'
  /** The model's reply did not match the schema, twice. */
  | 'invalid-output'
  /** The summarizer was closed. */
  | 'closed';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface LlmCounters {
  /** HTTP requests sent to the LLM (each retry counts). */
  calls: number;
  /** Input tokens of those requests, counted with the o200k_base tokenizer. */
  tokensSent: number;
  /** Requests repeated after a 429, a 5xx or a connection error. */
  retries: number;
  /** Replies that failed schema validation. */
  invalidOutputs: number;
}

export interface LlmClientOptions {
  model: string;
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  timeoutMs: number;
  maxConcurrency: number;
  /** Attempts per request for 429/5xx/connection errors (default 3). */
  maxAttempts?: number;
  /** First backoff delay; doubled on each retry, with jitter (default 500 ms). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails over to offline (default 30 s). */
  maxRetryAfterMs?: number;
  breaker: CircuitBreaker;
  counters: LlmCounters;
  log: Logger;
  /** Backoff and Retry-After waits (tests: a fake clock). */
  time?: TimeSource;
  /** Told the tokens of each request and each request given up (serve's monitoring). */
  metrics?: Pick<Metrics, 'llmTokens' | 'llmFailure'> | undefined;
}

export interface JsonResult<T> {
  value: T;
  /** Input tokens sent for this result (all attempts). */
  tokens: number;
}

/** Milliseconds the server asks us to wait (retry-after-ms, or Retry-After in seconds or as a date), if it says. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  // OpenAI's own header, in milliseconds, before the standard one.
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  return parseRetryAfter(headers.get('retry-after'), now);
}

function isRetryableStatus(status: number | undefined): boolean {
  return status === 408 || status === 409 || status === 429 || (status !== undefined && status >= 500);
}

/** Reasoning models (o1, o3, gpt-5...) accept only the default temperature. */
function acceptsTemperature(model: string): boolean {
  return !/^(o\d|gpt-5)/i.test(model.replace(/^.*\//, ''));
}

export class LlmClient {
  private readonly openai: OpenAI;
  private readonly limit: LimitFunction;
  private readonly controller = new AbortController();
  private readonly time: TimeSource;
  private readonly schemas = new Map<string, Record<string, unknown>>();

  constructor(private readonly options: LlmClientOptions) {
    this.openai = new OpenAI({
      // Local servers (Ollama, vLLM, llama.cpp) need no key, but the SDK insists on one.
      apiKey: options.apiKey ?? 'no-key',
      baseURL: options.baseURL ?? 'https://api.openai.com/v1',
      maxRetries: 0,
      timeout: options.timeoutMs,
      logLevel: 'off',
    });
    this.limit = pLimit(options.maxConcurrency);
    this.time = options.time ?? systemTime;
  }

  get model(): string {
    return this.options.model;
  }

  close(): void {
    this.controller.abort();
  }

  get closed(): boolean {
    return this.controller.signal.aborted;
  }

  /** The JSON schema a format sends (computed once per format). */
  schemaFor(format: OutputFormat<unknown>): Record<string, unknown> {
    let schema = this.schemas.get(format.name);
    if (!schema) this.schemas.set(format.name, (schema = jsonSchemaOf(format.schema)));
    return schema;
  }

  /** Chat messages for a rendered prompt. */
  static messages(prompt: RenderedPrompt): ChatCompletionMessageParam[] {
    return [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ];
  }

  /** Counts a request given up (not a shutdown), and returns the error to throw. */
  private failure(error: LlmError): LlmError {
    this.options.metrics?.llmFailure(error.kind);
    return error;
  }

  /** Asks for JSON matching `format`; validates it, retrying once with the validation error. */
  async completeJson<T>(format: OutputFormat<T>, prompt: RenderedPrompt): Promise<JsonResult<T>> {
    if (this.closed) throw new LlmError('closed', 'the LLM summarizer is closed');
    const messages = LlmClient.messages(prompt);
    let tokens = 0;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const reply = await this.request(format, messages);
      tokens += reply.tokens;
      const problem = this.check(format, reply.content, reply.finishReason, reply.refusal);
      if (problem.ok) return { value: problem.value, tokens };
      this.options.counters.invalidOutputs++;
      this.options.log.warn({ format: format.name, attempt, problem: problem.error }, 'LLM reply failed validation');
      if (attempt === 2) throw this.failure(new LlmError('invalid-output', `reply failed validation twice: ${problem.error}`));
      messages.push(
        { role: 'assistant', content: reply.content ?? '' },
        {
          role: 'user',
          content: `That reply is not valid: ${problem.error}. Reply again with only the JSON object that matches the schema, following every rule above.`,
        },
      );
    }
    throw new LlmError('invalid-output', 'unreachable');
  }

  private check<T>(
    format: OutputFormat<T>,
    content: string | null,
    finishReason: string | null,
    refusal: string | null,
  ): { ok: true; value: T } | { ok: false; error: string } {
    if (refusal) return { ok: false, error: `the model refused: ${refusal.slice(0, 200)}` };
    if (finishReason === 'length') return { ok: false, error: 'the reply was cut off (too long); keep it short' };
    if (!content?.trim()) return { ok: false, error: 'the reply was empty' };
    let json: unknown;
    try {
      // Some compatible servers wrap JSON in a Markdown fence even with a response format.
      json = JSON.parse(content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1'));
    } catch (error) {
      return { ok: false, error: `the reply is not JSON (${(error as Error).message})` };
    }
    const parsed = format.schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `it does not match the schema: ${describeIssues(parsed.error)}` };
  }

  /** One logical request: bounded concurrency, breaker, retries with backoff. */
  private async request(
    format: OutputFormat<unknown>,
    messages: ChatCompletionMessageParam[],
  ): Promise<{ content: string | null; finishReason: string | null; refusal: string | null; tokens: number }> {
    const schema = this.schemaFor(format);
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.options.model,
      messages,
      response_format: { type: 'json_schema', json_schema: { name: format.name, schema, strict: true } },
    };
    if (acceptsTemperature(this.options.model)) body.temperature = 0;
    const tokens = countRequestTokens(
      messages.map((m) => ({ role: m.role, content: typeof m.content === 'string' ? m.content : '' })),
      schema,
    );
    return this.limit(async () => {
      const maxAttempts = this.options.maxAttempts ?? 3;
      const base = this.options.backoffBaseMs ?? 500;
      const cap = this.options.backoffMaxMs ?? 8_000;
      const maxRetryAfter = this.options.maxRetryAfterMs ?? 30_000;
      let sent = 0;
      if (this.closed) throw new LlmError('closed', 'the LLM summarizer is closed');
      // Asked once per request: its retries belong to the same attempt (a half-open probe included).
      if (!this.options.breaker.allow()) throw this.failure(new LlmError('breaker-open', 'the LLM is paused after repeated failures'));
      for (let attempt = 1; ; attempt++) {
        this.options.counters.calls++;
        this.options.counters.tokensSent += tokens;
        this.options.metrics?.llmTokens('input', tokens);
        sent += tokens;
        try {
          const completion = await this.openai.chat.completions.create(body, { signal: this.controller.signal, timeout: this.options.timeoutMs });
          this.options.breaker.success();
          this.options.metrics?.llmTokens('output', completion.usage?.completion_tokens ?? 0);
          const choice = completion.choices?.[0];
          return {
            content: choice?.message?.content ?? null,
            finishReason: choice?.finish_reason ?? null,
            refusal: choice?.message?.refusal ?? null,
            tokens: sent,
          };
        } catch (error) {
          if (this.closed || error instanceof OpenAI.APIUserAbortError) {
            this.options.breaker.release();
            throw new LlmError('closed', 'the LLM summarizer is closed');
          }
          const timedOut = error instanceof OpenAI.APIConnectionTimeoutError;
          const status = error instanceof OpenAI.APIError ? error.status : undefined;
          const connection = error instanceof OpenAI.APIConnectionError && !timedOut;
          const retryable = !timedOut && (connection || isRetryableStatus(status));
          const wait = error instanceof OpenAI.APIError ? retryAfterMs(error.headers) : undefined;
          const reason = timedOut ? `timed out after ${this.options.timeoutMs} ms` : status ? `HTTP ${status}` : (error as Error).message;
          if (retryable && attempt < maxAttempts && (wait === undefined || wait <= maxRetryAfter)) {
            const backoff = Math.min(cap, base * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5);
            const delay = wait ?? backoff;
            this.options.counters.retries++;
            this.options.log.debug({ reason, attempt, delayMs: Math.round(delay) }, 'LLM request failed; retrying');
            await this.time.sleep(delay, this.controller.signal);
            if (this.closed) {
              this.options.breaker.release();
              throw new LlmError('closed', 'the LLM summarizer is closed');
            }
            continue;
          }
          this.options.breaker.failure(reason);
          if (retryable || timedOut) throw this.failure(new LlmError('unavailable', `LLM request failed: ${reason}`));
          throw this.failure(new LlmError('rejected', `LLM request refused: ${reason}${error instanceof Error ? `: ${error.message.slice(0, 200)}` : ''}`));
        }
      }
    });
  }
}
