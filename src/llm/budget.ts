// Token budgets, counted with the o200k_base BPE (the tokenizer of gpt-4o and later) from
// js-tiktoken's bundled ranks: offline, no download. Other models' tokenizers differ a little;
// the budget is a cost bound, not an exact limit.
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

let encoder: Tiktoken | null = null;

function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(o200kBase);
  return encoder;
}

export function countTokens(text: string): number {
  return text ? tokenizer().encode(text).length : 0;
}

/** Per chat message framing (role, separators), as OpenAI's cookbook counts it, plus the reply priming. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;

export interface ChatMessageLike {
  role: string;
  content: string;
}

/** Input tokens of a chat request: the messages plus the JSON schema sent as the response format. */
export function countRequestTokens(messages: ChatMessageLike[], responseSchema?: unknown): number {
  let total = TOKENS_PER_REPLY;
  for (const m of messages) total += TOKENS_PER_MESSAGE + countTokens(m.role) + countTokens(m.content);
  if (responseSchema !== undefined) total += countTokens(JSON.stringify(responseSchema));
  return total;
}

export interface Trimmed {
  text: string;
  tokens: number;
  trimmed: boolean;
}

/**
 * The longest start of `text` within `maxTokens`, cut at the end of a sentence or paragraph
 * when one is near (so the model never sees half a quotation as if it were whole).
 */
export function trimToTokens(text: string, maxTokens: number): Trimmed {
  const tokens = tokenizer().encode(text);
  if (tokens.length <= maxTokens) return { text, tokens: tokens.length, trimmed: false };
  let head = tokenizer().decode(tokens.slice(0, Math.max(0, maxTokens)));
  // A token boundary can split a multi-byte character: drop the replacement character.
  head = head.replace(/\uFFFD+$/u, '');
  const boundary = Math.max(head.lastIndexOf('\n'), ...[...head.matchAll(/[.!?]["'\u201D\u2019)\]]*\s/gu)].map((m) => m.index + m[0].length - 1));
  if (boundary > head.length * 0.5) head = head.slice(0, boundary);
  head = head.trimEnd();
  return { text: head, tokens: countTokens(head), trimmed: true };
}
