import { describe, expect, it } from 'vitest';
import { MAX_OUTLET_LENGTH, outletName } from '../../src/util/outlet.ts';

describe('outletName', () => {
  it('keeps a declared site name as it is', () => {
    expect(outletName('The Guardian')).toBe('The Guardian');
    expect(outletName('  Valmora   Post ')).toBe('Valmora Post');
    expect(outletName('Al-Jazeera English')).toBe('Al-Jazeera English');
  });

  it('drops a slogan or section: the part that matches the host, else the first', () => {
    expect(outletName('RT - Daily news')).toBe('RT');
    expect(outletName('RT - Daily news', 'https://www.rt.com/news/')).toBe('RT');
    expect(outletName('Politics | The Guardian', 'https://www.theguardian.com/politics/x')).toBe('The Guardian');
    expect(outletName('World news — BBC News', 'https://www.bbc.co.uk/news/world')).toBe('BBC News');
    expect(outletName('Reuters: Top News')).toBe('Reuters');
    expect(outletName('The New York Times - Breaking News, US News, World News and Videos', 'https://www.nytimes.com/')).toBe('The New York Times');
  });

  it('derives a name from the host when nothing is declared: initials in capitals, else the domain', () => {
    expect(outletName(undefined, 'https://www.rt.com/news/358263-putin-obama-syria/')).toBe('RT');
    expect(outletName('', 'https://edition.cnn.com/2016/09/05/x')).toBe('CNN');
    expect(outletName(null, 'https://www.bbc.co.uk/news/world')).toBe('BBC');
    expect(outletName(undefined, 'https://www.nytimes.com/2016/09/05/world/x.html')).toBe('nytimes.com');
    expect(outletName(undefined, 'https://someblog.github.io/post')).toBe('someblog.github.io');
    expect(outletName(undefined, 'http://127.0.0.1:8080/feed.xml')).toBe('127.0.0.1');
    expect(outletName(undefined, 'http://localhost/page')).toBe('localhost');
  });

  it('reads a declared name that is a URL or a host as that host', () => {
    expect(outletName('https://www.rt.com')).toBe('RT');
    expect(outletName('rt.com')).toBe('RT');
    expect(outletName('www.Washingtonpost.com', 'https://x.example/')).toBe('washingtonpost.com');
  });

  it('is never an empty string: undefined when there is neither a name nor a URL', () => {
    expect(outletName(undefined)).toBeUndefined();
    expect(outletName('  \u200b ', undefined)).toBeUndefined();
    expect(outletName(' - | - ', 'https://www.rt.com/')).toBe('RT');
    expect(outletName('', 'not a url')).toBeUndefined();
  });

  it('prefers a name to a host among the parts, and the host to a handle or a subdomain label', () => {
    expect(outletName(' The Valmora Post | ValmoraPost.com ', 'https://www.valmorapost.com/news/1')).toBe('The Valmora Post');
    expect(outletName('@valmorapost', 'https://www.valmorapost.com/news/1')).toBe('valmorapost.com');
    // A wire service's pages hosted for its members, "Hosted" being the subdomain's label.
    expect(outletName('Hosted', 'https://hosted.ap.org/member/article/1')).toBe('AP');
    expect(outletName('Blog', 'https://blog.valmorapost.com/post')).toBe('valmorapost.com');
    // A name that only happens to be one word stays.
    expect(outletName('Healthline', 'https://www.healthline.com/nutrition/x')).toBe('Healthline');
  });

  it('caps the length at a word', () => {
    const long = outletName('The Extraordinarily Long Name of a Regional Weekly Newspaper Published Somewhere Far Away')!;
    expect(long.length).toBeLessThanOrEqual(MAX_OUTLET_LENGTH);
    expect(long).toMatch(/^The Extraordinarily Long Name of a Regional Weekly\S*…$/);
  });

  it('gives the same name when applied again', () => {
    for (const [name, url] of [['RT - Daily news', undefined], [undefined, 'https://www.nytimes.com/x'], ['Politics | The Guardian', 'https://www.theguardian.com/'], ['Hosted', 'https://hosted.ap.org/a'], ['@valmorapost', 'https://valmorapost.com/a']] as const) {
      const once = outletName(name, url);
      expect(outletName(once, url)).toBe(once);
    }
  });
});
