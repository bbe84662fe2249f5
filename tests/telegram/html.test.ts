import { describe, expect, it } from 'vitest';
import { Html, escapeHtml, html, joinHtml, visibleText } from '../../src/telegram/html.ts';
import { parseTelegramHtml } from '../support/telegram-html.ts';

describe('the html template', () => {
  it('escapes <, >, & and double quotes in every value, and only there', () => {
    const name = `Tom & "Jerry" <script>`;
    const out = html`<b>${name}</b> <a href="${'https://x.example/?a=1&b="2"'}">link</a>`;
    expect(String(out)).toBe('<b>Tom &amp; &quot;Jerry&quot; &lt;script&gt;</b> <a href="https://x.example/?a=1&amp;b=&quot;2&quot;">link</a>');
    // What Telegram shows is the value as the user typed it.
    expect(parseTelegramHtml(String(out)).text).toBe(`${name} link`);
  });

  it('keeps Html it interpolates (nesting) and escapes numbers and text once', () => {
    const inner = html`<i>${'a<b'}</i>`;
    expect(String(html`<b>${inner} ${3}</b>`)).toBe('<b><i>a&lt;b</i> 3</b>');
  });

  it('joins arrays: text escaped, Html kept', () => {
    expect(String(html`${['<x>', html`<b>y</b>`]}`)).toBe('&lt;x&gt;<b>y</b>');
    expect(String(joinHtml(['1 < 2', html`<i>b</i>`], html`<br>`))).toBe('1 &lt; 2<br><i>b</i>');
    expect(String(joinHtml(['a', 'b'], ' & '))).toBe('a &amp; b');
  });

  it('cannot be forged by a string or a look-alike object', () => {
    const forged = { toString: () => '<b>bold</b>' };
    // @ts-expect-error: a plain object is not Html (the class has a private field).
    expect(String(html`${forged}`)).toBe('&lt;b&gt;bold&lt;/b&gt;');
    // @ts-expect-error: nor can a string be used where Html is required.
    const notHtml: Html = '<b>bold</b>';
    expect(String(html`${notHtml}`)).toBe('&lt;b&gt;bold&lt;/b&gt;');
    // @ts-expect-error: the constructor wants the module's own token.
    expect(() => new Html(Symbol('Html'), '<b>bold</b>')).toThrow(TypeError);
  });

  it('turns half a surrogate pair into U+FFFD (Telegram refuses text that is not UTF-8)', () => {
    expect(escapeHtml('ok \ud83d <b>')).toBe('ok \uFFFD &lt;b&gt;');
    expect(String(html`${'😀'}`)).toBe('😀');
  });

  it('counts the text Telegram shows', () => {
    expect(visibleText(html`<b>${'a & "b" <c>'}</b>`)).toBe('a & "b" <c>');
  });
});
