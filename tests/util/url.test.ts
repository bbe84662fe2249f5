import { describe, expect, it } from 'vitest';
import { hasHttpScheme, isHttpUrl, resolveHttpUrl } from '../../src/util/url.ts';

describe('isHttpUrl', () => {
  it('accepts absolute http and https URLs with a host', () => {
    for (const url of ['https://example.org/rss.xml', 'HTTP://Example.org', 'http://127.0.0.1:8080/feed?x=1', 'https://example.org/a b']) expect(isHttpUrl(url), url).toBe(true);
  });

  it('refuses other schemes, relative and host-less URLs, and what is no URL at all', () => {
    for (const text of ['ftp://example.org/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'example.org/rss.xml', '/news/1', 'https://', 'http:// example.org', 'localhost:8080', '', ' https://example.org']) {
      expect(isHttpUrl(text), text).toBe(false);
    }
  });
});

describe('resolveHttpUrl', () => {
  it('resolves a page or feed link against its base URL, trimmed', () => {
    expect(resolveHttpUrl(' /news/1?a=b ', 'https://example.org/feed.xml')).toBe('https://example.org/news/1?a=b');
    expect(resolveHttpUrl('https://other.example/x', 'https://example.org/')).toBe('https://other.example/x');
  });

  it('gives nothing for links that are not http(s) or cannot be read', () => {
    for (const href of ['javascript:alert(1)', 'mailto:a@example.org', 'data:text/html,x', '', '   ', undefined]) {
      expect(resolveHttpUrl(href, 'https://example.org/'), String(href)).toBeUndefined();
    }
    expect(resolveHttpUrl('/news/1', undefined)).toBeUndefined();
  });
});

describe('hasHttpScheme', () => {
  it('is true for http and https only', () => {
    expect(hasHttpScheme(new URL('HTTPS://example.org'))).toBe(true);
    expect(hasHttpScheme(new URL('http://example.org'))).toBe(true);
    expect(hasHttpScheme(new URL('ftp://example.org'))).toBe(false);
    expect(hasHttpScheme(new URL('file:///etc/passwd'))).toBe(false);
  });
});
