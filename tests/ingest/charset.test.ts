import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/charset.ts';

const russianPage = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>Путин и Обама встретились в Китае.</p></body></html>';

describe('decodeBody', () => {
  it('reads a windows-1251 page by its <meta charset>', () => {
    const text = decodeBody(iconv.encode(russianPage, 'windows-1251'));
    expect(text).toContain('Путин и Обама встретились в Китае.');
  });

  it('prefers the Content-Type header charset over a wrong meta tag', () => {
    const bytes = iconv.encode('<meta charset="utf-8"><p>Привет, мир</p>', 'koi8-r');
    expect(decodeBody(bytes, 'text/html; charset=KOI8-R')).toContain('Привет, мир');
  });

  it('reads the http-equiv Content-Type form and the XML declaration', () => {
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>日本語のニュース</p>';
    expect(decodeBody(iconv.encode(httpEquiv, 'shift_jis'))).toContain('日本語のニュース');
    const feed = '<?xml version="1.0" encoding="windows-1251"?><rss><title>Лента</title></rss>';
    expect(decodeBody(iconv.encode(feed, 'windows-1251'))).toContain('<title>Лента</title>');
  });

  it('decodes pages labelled iso-8859-1 as browsers do, curly quotes included', () => {
    const bytes = iconv.encode('<p>Café “crème” – déjà vu</p>', 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset=ISO-8859-1')).toBe('<p>Café “crème” – déjà vu</p>');
  });

  it('lets a byte order mark win over a declared charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Zoë</p>', 'utf8')]);
    expect(decodeBody(bytes, 'text/html; charset=windows-1251')).toBe('<p>Zoë</p>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Zoë</p>', 'utf16le')]);
    expect(decodeBody(utf16)).toBe('<p>Zoë</p>');
  });

  it('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0x61, 0xff, 0xc3, 0x28, 0x62, 0x3c, 0x2f, 0x70, 0x3e]);
    expect(decodeBody(bytes)).toBe('<p>a\uFFFD\uFFFD(b</p>');
  });

  it('falls back to UTF-8 for an unknown charset name', () => {
    const bytes = Buffer.from('<p>naïve – ok</p>', 'utf8');
    expect(decodeBody(bytes, 'text/html; charset=x-made-up-charset')).toBe('<p>naïve – ok</p>');
    expect(decodeBody(Buffer.from('<meta charset="nonsense"><p>é</p>', 'utf8'))).toBe('<meta charset="nonsense"><p>é</p>');
  });

  it('reads UTF-8 by default and accepts a subarray view', () => {
    const whole = Buffer.from('xx<p>Ünïcödé</p>', 'utf8');
    expect(decodeBody(new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.byteLength - 2))).toBe('<p>Ünïcödé</p>');
  });
});
