import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError, htmlToText, isTeaserText, parseFeed, toIsoUtc, xmlWellFormednessProblem } from '../../src/ingest/feed.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');

function parseError(body: string, url?: string): string {
  try {
    parseFeed(body, url);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return (err as Error).message;
  }
  throw new Error('expected parseFeed to throw');
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('rss2.xml'), 'https://news.example.org/world/rss.xml');

  it('reads the title and every item', () => {
    expect(feed.title).toBe('Example World News & Analysis');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Foreign ministers agree on a ceasefire framework',
      'Election commission confirms turnout figures',
      'Summit ends without a joint statement',
    ]);
  });

  it('prefers content:encoded, strips HTML and drops script/style without running them', () => {
    const [first] = feed.items;
    expect(first?.text.split('\n\n')).toHaveLength(3);
    expect(first?.text).toMatch(/^Foreign ministers from twelve countries agreed/);
    expect(first?.text).toContain('"We have a text that everyone can live with," the Swiss foreign minister');
    expect(first?.text).toContain('October & November.');
    expect(first?.text).not.toMatch(/document\.write|color: red|<\w/);
    expect(first?.isTeaser).toBe(false);
    expect(first?.author).toBe('Maria Lopez');
  });

  it('resolves relative links, scopes local GUIDs to the feed host, converts dates to UTC', () => {
    const [first, second, third] = feed.items;
    expect(first?.url).toBe('https://news.example.org/world/2024/09/02/ceasefire-framework');
    expect(first?.guid).toBe('news.example.org:ceasefire-framework-20240902');
    expect(first?.published).toBe('2024-09-02T08:15:00.000Z');
    expect(second?.url).toBe('https://news.example.org/articles/teaser-1.html');
    expect(third?.guid).toBeUndefined();
    expect(third?.published).toBe('2024-09-01T23:30:00.000Z'); // EST = UTC-5
  });

  it('marks teasers: short text, "Read more", trailing ellipsis', () => {
    const [, second, third] = feed.items;
    expect(second?.isTeaser).toBe(true);
    expect(second?.text).toBe('The commission published the final turnout on Monday.');
    expect(third?.isTeaser).toBe(true);
  });
});

describe('parseFeed: HTML entities', () => {
  it('decodes every named HTML entity in titles and bodies, the legacy ones without ";" too (the entities package, through htmlparser2)', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Caf&amp;eacute; news</title><item><title>Prices &amp;rarr; up &amp;hearts;</title><link>https://news.example/1</link>
      <description>&lt;p&gt;The caf&amp;eacute opened &amp;ndash; prices &amp;rarr; up, &amp;frac12; off &amp;hellip; &amp;#8364;5 &amp;#x263A; &amp;zzz;&lt;/p&gt;</description></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.title).toBe('Café news');
    expect(feed.items[0]!.title).toBe('Prices → up ♥');
    expect(feed.items[0]!.text).toBe('The café opened – prices → up, ½ off … €5 ☺ &zzz;');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(fixture('atom.xml'), 'https://atom.example.org/feed.atom');

  it('reads entries with xhtml content, html titles, alternate links and authors', () => {
    expect(feed.title).toBe('Example Atom Desk');
    const [budget, talks] = feed.items;
    expect(budget?.title).toBe('Parliament approves the budget after all-night debate');
    expect(budget?.url).toBe('https://atom.example.org/politics/budget-approved');
    expect(budget?.guid).toBe('tag:atom.example.org,2024:budget');
    expect(budget?.published).toBe('2024-09-02T07:30:00.000Z');
    expect(budget?.author).toBe('Jonas Weber');
    expect(budget?.text).toMatch(/^Parliament approved the budget early on Tuesday/);
    expect(budget?.text.split('\n\n')).toHaveLength(3);
    expect(budget?.isTeaser).toBe(false);
    // Plain-text summary: "&amp;" decoded once, falls back to <updated> for the date.
    expect(talks?.text).toBe('Negotiators will meet again on Tuesday & Wednesday.');
    expect(talks?.published).toBe('2024-09-01T16:00:00.000Z');
    expect(talks?.isTeaser).toBe(true);
  });
});

describe('parseFeed: JSON Feed and RDF', () => {
  it('reads a JSON Feed', () => {
    const feed = parseFeed(fixture('feed.json'), 'https://json.example.org/feed.json');
    expect(feed.title).toBe('Example JSON Wire');
    const [a, b] = feed.items;
    expect(a?.url).toBe('https://json.example.org/wire/1001-sanctions');
    expect(a?.guid).toBe('json.example.org:wire-1001');
    expect(a?.published).toBe('2024-09-02T11:45:00.000Z');
    expect(a?.author).toBe('Wire Desk');
    expect(a?.text.split('\n\n')).toHaveLength(3);
    expect(a?.isTeaser).toBe(false);
    expect(b?.text).toBe('The special envoy arrived in the capital on Monday for two days of consultations.');
    expect(b?.isTeaser).toBe(true);
  });

  it('reads RDF / RSS 1.0', () => {
    const feed = parseFeed(fixture('rdf.xml'), 'https://rdf.example.org/rss');
    expect(feed.title).toBe('Example RDF Service');
    expect(feed.items).toEqual([
      {
        title: 'Ministers discuss energy prices',
        text: 'Energy ministers discussed prices in Brussels.',
        isTeaser: true,
        url: 'https://rdf.example.org/a/77',
        guid: 'https://rdf.example.org/a/77',
        published: '2024-09-02T05:00:00.000Z',
        author: 'RDF Reporter',
      },
    ]);
  });
});

describe('parseFeed: failures say why', () => {
  it('empty body', () => {
    expect(parseError('')).toBe('empty body: not a feed');
    expect(parseError('  \n ')).toBe('empty body: not a feed');
  });

  it('malformed XML, with the line', () => {
    expect(parseError(fixture('malformed.xml'))).toBe('malformed XML: expected </item> (opened at line 5) but found </itemm> at line 8');
    expect(parseError('<rss version="2.0"><channel><title>T</title><item><title>cut off')).toMatch(/^malformed XML: <title> opened at line 1 is never closed/);
  });

  it('an HTML page, pointing at the feed it advertises', () => {
    expect(parseError(fixture('not-a-feed.html'), 'https://news.example.org/')).toBe(
      'not a feed: got an HTML page (it links to a feed at https://news.example.org/world/rss.xml)',
    );
    expect(parseError('<html><body>hi</body></html>')).toBe('not a feed: got an HTML page');
  });

  it('other XML, other JSON, plain text', () => {
    expect(parseError('<?xml version="1.0"?><svg><g/></svg>')).toBe('not a feed: XML root element <svg> is not RSS, Atom or RDF');
    expect(parseError('{"hello": 1}')).toMatch(/^not a feed: JSON without/);
    expect(parseError('{"items": [')).toMatch(/^malformed JSON/);
    expect(parseError('Just some words')).toMatch(/^not a feed: the body starts with "Just some words"/);
  });
});

describe('helpers', () => {
  it('htmlToText keeps paragraphs, decodes entities, drops inert and active content', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three&nbsp;&#8217;four&#x2019; <b>five</b><br>six</p><!-- x --><script>alert(1)</script><iframe src="x">y</iframe>')).toBe(
      'One & two\n\nThree ’four’ five\n\nsix',
    );
    expect(htmlToText('a <img src=x onerror="alert(1)"> b')).toBe('a b');
    expect(htmlToText('<h2>Title</h2>\n  text', { inline: true })).toBe('Title text');
    expect(htmlToText('x &unknown; &amp y')).toBe('x &unknown; & y');
  });

  it('isTeaserText', () => {
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(isTeaserText(long)).toBe(false);
    expect(isTeaserText(`${long}...`)).toBe(true);
    expect(isTeaserText(`${long} Continue reading...`)).toBe(true);
    expect(isTeaserText(`${long} […]`)).toBe(true);
    expect(isTeaserText('Short summary.')).toBe(true);
    expect(isTeaserText('')).toBe(true);
  });

  it('toIsoUtc', () => {
    expect(toIsoUtc('Tue, 03 Sep 2024 10:00:00 GMT')).toBe('2024-09-03T10:00:00.000Z');
    expect(toIsoUtc('Tue, 03 Sep 2024 10:00:00 UT')).toBe('2024-09-03T10:00:00.000Z');
    expect(toIsoUtc('2024-09-03T12:00:00+02:00')).toBe('2024-09-03T10:00:00.000Z');
    expect(toIsoUtc('yesterday')).toBeUndefined();
  });

  it('xmlWellFormednessProblem accepts comments, CDATA, doctype and self-closing tags', () => {
    expect(xmlWellFormednessProblem('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><!-- c --><rss a="1 > 0"><x/><![CDATA[<b>]]></rss>')).toBeUndefined();
    expect(xmlWellFormednessProblem('<a></a><b></b>')).toBe('content after the root element at line 1');
  });
});

describe('parseFeed on hostile feeds (attack classes that must stay handled)', () => {
  const item = '<item><title>Budget agreed</title><link>https://news.example/a</link><description>The council agreed the budget.</description></item>';

  it('refuses external entities (XXE) with that reason, general or parameter', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title>${item}</channel></rss>`;
    expect(() => parseFeed(xxe)).toThrow('refusing a feed that declares an external entity (<!ENTITY xxe SYSTEM): such entities are never fetched (XXE)');
    const parameter = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1/evil.dtd"> %remote;]><rss version="2.0"><channel><title>x</title>${item}</channel></rss>`;
    expect(() => parseFeed(parameter)).toThrow(/declares an external entity \(<!ENTITY % remote\)/);
  });

  it('never expands an entity bomb (a billion laughs stays a few bytes) and keeps the items', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l9;</title>${item}</channel></rss>`;
    const feed = parseFeed(bomb);
    expect(feed.title!.length).toBeLessThan(100);
    expect(feed.items.map((i) => i.title)).toEqual(['Budget agreed']);
  });

  it('refuses XML nested deeper than 256 levels with that reason (the parser recursed into it)', () => {
    const deep = `<rss version="2.0"><channel><title>x</title>${item}${'<x>'.repeat(2_000)}${'</x>'.repeat(2_000)}</channel></rss>`;
    expect(() => parseFeed(deep)).toThrow('malformed XML: elements nested more than 256 levels deep at line 1');
  });

  it('strips terminal escapes and caps a 2,000,000-character title (issue 18)', () => {
    const title = `\u001b[2J\u001b]8;;https://evil.example\u0007Click\u001b]8;;\u0007 ${'x'.repeat(2_000_000)}`;
    const feed = parseFeed(`<rss version="2.0"><channel><title>Desk\u001b[31m</title><item><title>${title}</title><link>https://news.example/b</link><description>Body\u001b[2J text\twith a tab.</description></item></channel></rss>`);
    const [first] = feed.items;
    expect(feed.title).toBe('Desk');
    expect(first!.title.startsWith('Click x')).toBe(true);
    expect(first!.title.length).toBeLessThanOrEqual(300);
    expect(first!.title.endsWith('…')).toBe(true);
    expect(first!.text).toBe('Body text with a tab.');
  });
});
