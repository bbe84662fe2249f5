import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../src/util/url.ts';

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
