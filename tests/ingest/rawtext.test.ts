import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDateline, parseRawText } from '../../src/ingest/rawtext.ts';

const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const seedText = readFileSync(fixturePath('rt-2016-09-05-putin-obama-syria.txt'), 'utf8');
const expected = JSON.parse(readFileSync(fixturePath('rt-2016-09-05-putin-obama-syria.expected.json'), 'utf8')) as {
  title: string;
  published_local: string;
  subheadings: string[];
  boilerplate_first_line_starts_with: string;
};

describe('parseRawText on the RT seed article', () => {
  const article = parseRawText(seedText, { url: 'https://www.rt.com/news/358180-putin-obama-syria-agreement/' });

  it('finds the headline', () => {
    expect(article.title).toBe(expected.title);
  });

  it('reads the dateline as UTC', () => {
    expect(article.published).toBe(`${expected.published_local}:00.000Z`);
  });

  it('keeps the sub-heading apart from the paragraphs', () => {
    expect(article.subheadings).toEqual(expected.subheadings);
    expect(article.text).not.toContain(expected.subheadings[0]);
  });

  it('drops the icon line and keeps the body paragraphs in order', () => {
    expect(article.text).not.toContain(expected.boilerplate_first_line_starts_with);
    expect(article.text).not.toContain('5 Sep, 2016');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Moscow and Washington may reach an agreement/);
    expect(paragraphs.at(-1)).toMatch(/including international security\.$/);
    expect(paragraphs).toHaveLength(18);
    expect(article.text).toContain('"I think he absolutely sincerely aims to reach results in fighting terrorism and resolving the Syrian conflict," Putin said.');
    expect(article.url).toBe('https://www.rt.com/news/358180-putin-obama-syria-agreement/');
  });
});

describe('parseRawText on other layouts', () => {
  it('takes a headline before a "Published:" dateline and keeps the body', () => {
    const text = [
      'Home | World | Business | Sport | Culture | Travel',
      'Harbour bridge reopens after two-year repair',
      'Published: March 14, 2024 9:30 AM EST',
      'The harbour bridge reopened to traffic on Thursday morning, two years after engineers closed it.',
      'Council leader Tom Reed said the bridge would now be inspected every six months.',
    ].join('\n\n');
    const article = parseRawText(text);
    expect(article.title).toBe('Harbour bridge reopens after two-year repair');
    expect(article.published).toBe('2024-03-14T14:30:00.000Z');
    expect(article.text.split('\n\n')).toHaveLength(2);
    expect(article.subheadings).toBeUndefined();
  });
});

describe('parseRawText: a one-sentence lede above the first long paragraph', () => {
  it('is the article\'s first paragraph, not header, while the headline stays the title', () => {
    const text = [
      'Judge apologizes for remarks on candidate',
      'Mara Quinn regrets her comments on the race.',
      'The judge, who has been in a public dispute with the candidate over the past few days, said she regretted her remarks and would stay out of politics in the future.',
      '"On reflection, my remarks were ill-advised," Quinn said in a statement.',
    ].join('\n\n');
    const article = parseRawText(text);
    expect(article.title).toBe('Judge apologizes for remarks on candidate');
    expect(article.text.split('\n\n')[0]).toBe('Mara Quinn regrets her comments on the race.');
    expect(article.text.split('\n\n')).toHaveLength(3);
  });
});

describe('parseDateline', () => {
  it.each([
    ['5 Sep, 2016 14:12', '2016-09-05T14:12:00.000Z'],
    ['September 5, 2016', '2016-09-05T00:00:00.000Z'],
    ['2016-09-05 14:12', '2016-09-05T14:12:00.000Z'],
    ['Updated: Monday, 5 September 2016 2:12 PM', '2016-09-05T14:12:00.000Z'],
    ['Sep. 5, 2016 2:12 p.m. EDT', '2016-09-05T18:12:00.000Z'],
    ['2016-09-05T14:12:00+03:00', '2016-09-05T11:12:00.000Z'],
  ])('%s -> %s', (line, iso) => {
    expect(parseDateline(line)).toBe(iso);
  });

  it('rejects sentences that merely mention a date, and impossible dates', () => {
    expect(parseDateline('Putin said on 5 Sep, 2016 that the two leaders had finally come to an understanding')).toBeUndefined();
    expect(parseDateline('31 Feb 2016')).toBeUndefined();
    expect(parseDateline('Moscow and Washington may reach an agreement')).toBeUndefined();
  });
});

interface PageExpectation {
  title: string;
  published?: string;
  paragraphs: string[];
  subheadings?: string[];
  absent: string[];
}

// Hand-written page dumps (tests/fixtures/page-text): a page's visible text as a scraper
// delivers it, furniture and all, with the article each must come out as.
describe('parseRawText on whole-page text', () => {
  it.each(['news-with-comments', 'blog-with-teasers', 'plain-article', 'japanese-page'])('%s: the article body, and nothing around it', (name) => {
    const page = readFileSync(fixturePath(`page-text/${name}.txt`), 'utf8');
    const want = JSON.parse(readFileSync(fixturePath(`page-text/${name}.expected.json`), 'utf8')) as PageExpectation;
    const article = parseRawText(page);
    expect(article.title).toBe(want.title);
    expect(article.published).toBe(want.published);
    expect(article.text.split('\n\n')).toEqual(want.paragraphs);
    expect(article.subheadings).toEqual(want.subheadings);
    for (const furniture of want.absent) expect(article.text, furniture).not.toContain(furniture);
  });

  it('keeps the only line of a one-line wire item that ends with a reporting credit', () => {
    const line =
      'WELLINGTON, New Zealand (Wire) -- A ferry carrying 40 passengers ran aground in thick fog off the coast on Tuesday, ' +
      'and coast guard crews brought everyone ashore within two hours, officials said. ' +
      '"We were lucky the sea was calm," one passenger told reporters. Sam Reyes contributed to this report.';
    const article = parseRawText(line);
    expect(article.text).toContain('A ferry carrying 40 passengers ran aground');
    expect(article.text).toContain('"We were lucky the sea was calm," one passenger told reporters.');
  });

  it('keeps a one-line note that is short enough to be its own title', () => {
    const article = parseRawText('Road closed after storm damage, council says.');
    expect(article.text).toBe('Road closed after storm damage, council says.');
  });

  it('still drops a reporting credit that stands on its own line', () => {
    const article = parseRawText(
      'Ferry runs aground in fog\n' +
        'A ferry carrying 40 passengers ran aground in thick fog off the coast on Tuesday, and coast guard crews brought everyone ashore.\n' +
        'Officials said the hull was not breached and the ferry would be towed to port once the tide turned later in the day.\n' +
        'Sam Reyes and Lee Park contributed to this report.',
    );
    expect(article.text).toContain('A ferry carrying 40 passengers');
    expect(article.text).not.toContain('contributed to this report');
  });

  it('keeps every line of a text without prose, a short note or a list', () => {
    const article = parseRawText('Council meeting moved\nNew time: Thursday 7pm\nRoom 4, Town Hall');
    expect(article.title).toBe('Council meeting moved');
    expect(article.text).toBe('New time: Thursday 7pm\n\nRoom 4, Town Hall');
  });
});
