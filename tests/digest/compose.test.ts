import { describe, expect, it } from 'vitest';
import { composeDigest, composeStory, repeatEachOther, storySources } from '../../src/digest/compose.ts';
import type { FoundQuote, StoredArticle } from '../../src/model.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { article } from './helpers.ts';

const text = 'Dock workers walked out over a new rota.';

describe('storySources', () => {
  it('folds near-duplicate copies into the article they copy, newest source first', () => {
    const original = article({ title: 'Dock strike halts cargo', text, outlet: 'Valmora Post', url: 'https://valmorapost.example/1', published: '2026-03-03T11:20:00Z' });
    const ap = article({ title: 'Dockers strike', text, outlet: 'AP', published: '2026-03-03T12:05:00Z', nearDuplicateOf: original.id });
    const reuters = article({ title: 'Ships at anchor', text, outlet: 'Reuters', published: '2026-03-03T12:40:00Z', nearDuplicateOf: original.id });
    const other = article({ title: 'Union answers', text: 'Another report.', outlet: 'Harbour Times', published: '2026-03-03T15:00:00Z' });
    const sources = storySources([reuters, original, other, ap]);
    expect(sources.map((s) => s.outlet)).toEqual(['Harbour Times', 'Valmora Post']);
    expect(sources[1]!.also?.map((s) => s.outlet)).toEqual(['AP', 'Reuters']);
    expect(sources[0]!.also).toBeUndefined();
  });

  it('keeps copies together under the earliest one when the article they copy is not in the story', () => {
    const first = article({ title: 'Copy one', text, outlet: 'AP', published: '2026-03-03T12:05:00Z', nearDuplicateOf: 999 });
    const second = article({ title: 'Copy two', text, outlet: 'Reuters', published: '2026-03-03T12:40:00Z', nearDuplicateOf: 999 });
    const sources = storySources([second, first]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ outlet: 'AP', also: [{ outlet: 'Reuters' }] });
  });

  it('gives every source an outlet from its URL when none was stored, and its ingest time', () => {
    const [source] = storySources([article({ title: 'T', text, url: 'https://www.rt.com/news/1' })]);
    expect(source).toMatchObject({ outlet: 'RT', ingested: '2026-11-27T08:00:00.000Z' });
    expect(source!.published).toBeUndefined();
  });
});

function quote(text: string, speaker: string | null = 'Marta Ilves', fragment = false): FoundQuote {
  return { text, speaker, verified: true, start: 0, end: text.length, fragment };
}

const strikeText = [
  'Dock workers in Valmora walked off the job on Tuesday, halting cargo traffic at the port.',
  '"We were never asked about any of this," said Marta Ilves, who leads the union.',
  'The port authority said the new rota was temporary and fair.',
  '"Talks will resume on Thursday and perishable goods will be unloaded first," the director, Pavel Roon, said.',
  'Ilves said the rota forced workers onto night shifts. "Our families are paying for a plan nobody explained to us," she added.',
].join('\n\n');

function strike(fields: Partial<StoredArticle> = {}): StoredArticle {
  return article({ title: 'Port strike halts cargo', text: strikeText, outlet: 'Valmora Post', published: '2026-03-03T11:20:00Z', ...fields });
}

describe('composeStory: nothing shown twice', () => {
  it('does not show a quote again that the summary already shows, whatever its quote marks, case and spacing', () => {
    const story = composeStory({
      articles: [
        strike({
          analysis: {
            summary: ['Dock workers in Valmora walked off the job on Tuesday.', '“We were never asked about any of this,” said Marta Ilves, who leads the union.'],
            quotes: [quote('we were  never asked about ANY of this,'), quote('Our families are paying for a plan nobody explained to us,')],
          },
        }),
      ],
    });
    expect(story.quotes.map((q) => q.text)).toEqual(['Our families are paying for a plan nobody explained to us,']);
  });

  it('does not show a key quote beside a piece of itself: the piece goes, another quote takes its place', () => {
    const full = quote('Talks will resume on Thursday and perishable goods will be unloaded first,', 'Pavel Roon');
    const piece = quote('perishable goods will be unloaded first', 'Pavel Roon');
    const other = quote('Our families are paying for a plan nobody explained to us,');
    const story = composeStory({ articles: [strike({ analysis: { summary: ['Dock workers in Valmora walked off the job on Tuesday.'], quotes: [piece, full, other] } })] }, { maxQuotes: 2 });
    expect(story.quotes).toHaveLength(2);
    const texts = story.quotes.map((q) => q.text);
    for (const a of texts) for (const b of texts) if (a !== b) expect(repeatEachOther(a, b), `${a} / ${b}`).toBe(false);
    expect(texts).toContain(other.text);
  });

  it('shows a quote once in a digest even when two stories carry it', () => {
    const shared = quote('Our families are paying for a plan nobody explained to us,');
    const first = strike({ analysis: { summary: ['Dock workers in Valmora walked off the job on Tuesday.'], quotes: [shared] } });
    const second = article({
      title: 'Union plans march',
      text: 'The dockers union will march through Valmora on Saturday.',
      analysis: { summary: ['The dockers union will march through Valmora on Saturday.'], quotes: [shared, quote('We will march until they listen to us,')] },
    });
    const digest = composeDigest({ topic: 'valmora', since: new Date('2026-03-01'), now: new Date('2026-03-04'), candidates: [{ articles: [first] }, { articles: [second] }] });
    expect(digest.stories[0]!.quotes.map((q) => q.text)).toEqual([shared.text]);
    expect(digest.stories[1]!.quotes.map((q) => q.text)).toEqual(['We will march until they listen to us,']);
  });

  it('summarises again an article whose stored summary repeats its headline (stored before the rule)', () => {
    const old = strike({ title: 'Dock workers in Valmora walk off the job', analysis: { summary: ['Dock workers in Valmora walked off the job on Tuesday, halting cargo traffic at the port.'], quotes: [] } });
    const story = composeStory({ articles: [old] });
    expect(story.summary.length).toBeGreaterThan(0);
    expect(story.summary.join(' ')).not.toMatch(/walked off the job/);
  });
});

describe('repeatEachOther', () => {
  it('compares whole words after quote marks, case and spacing', () => {
    expect(repeatEachOther('“We will not back down”', 'he said: "we will NOT  back down," and left')).toBe(true);
    expect(repeatEachOther('back down', 'the backdown was quick')).toBe(false);
    expect(repeatEachOther('', 'anything')).toBe(false);
  });
});

describe('composeStory: the headline goes with the summary', () => {
  const walk = 'Dockers will walk through the old town on Saturday to press their case.';
  const march = () => article({ title: 'Union plans march', text: walk, analysis: { summary: [walk], quotes: [] } });
  const stored = (title: StoredArticle, articleCount: number) => ({ id: 7, title: title.title, titleArticleId: title.id, articleCount, outletCount: 2 });
  const strikeReport = () => strike({ analysis: { summary: ['Dock workers in Valmora walked off the job on Tuesday.'], quotes: [] } });

  it("shows the story's headline over its headline article's summary", () => {
    const report = strikeReport();
    const story = composeStory({ articles: [report, march()], story: stored(report, 2) });
    expect(story.title).toBe('Port strike halts cargo');
    expect(story.summary).toEqual(['Dock workers in Valmora walked off the job on Tuesday.']);
  });

  it('shows the headline of the member whose summary it shows when the request matches only that member', () => {
    const report = strikeReport();
    const marchReport = march();
    const story = composeStory({ articles: [report, marchReport], story: stored(report, 2), relevanceByArticle: new Map([[marchReport.id, 1]]) });
    expect(story.summary).toEqual([walk]);
    expect(story.title).toBe('Union plans march');
  });

  it('in a daily digest keeps the stored headline, with its own summary, whatever the topic matches', () => {
    const report = strikeReport();
    const marchReport = march();
    const story = composeStory({ articles: [report, marchReport], story: stored(report, 2), relevanceByArticle: new Map([[marchReport.id, 1]]) }, { storedTitles: true });
    expect(story.title).toBe('Port strike halts cargo');
    expect(story.summary).toEqual(['Dock workers in Valmora walked off the job on Tuesday.']);
  });
});

describe('composeStory: a story the subscriber got before, as an update', () => {
  const stored = (fields: { title: string; text: string; published: string; outlet: string }) => {
    const draft = { ...fields, url: `https://news.example/${fields.title.toLowerCase().replace(/\W+/g, '-')}` };
    return article({ ...draft, analysis: analyseArticle(draft) });
  };
  const breach = stored({
    title: 'Dam breach floods villages below Lake Varna',
    outlet: 'Northern Courier',
    published: '2025-03-12T07:00:00Z',
    text: 'A section of the Kessel dam on Lake Varna gave way before dawn on Wednesday, flooding three villages in the Ostrava valley. At least 400 people were evacuated from Dolna, Brezno and Kamen as the water rose. Engineers had warned last year that the Kessel dam needed repairs.',
  });
  const rescue = stored({
    title: 'Boats search flooded streets after Kessel dam gives way',
    outlet: 'Valley Post',
    published: '2025-03-12T15:00:00Z',
    text: 'Rescue teams in boats searched the flooded streets of Dolna and Kamen on Wednesday after the Kessel dam on Lake Varna gave way. Two residents of Kamen were reported missing. The regional water authority said the dam wall failed along forty metres.',
  });
  const inquiry = stored({
    title: 'Inquiry opened into Kessel dam repairs as Lake Varna waters recede',
    outlet: 'Daily Ledger',
    published: '2025-03-14T09:00:00Z',
    text: 'Prosecutors opened an inquiry on Friday into delayed repairs at the Kessel dam, two days after its wall gave way and flooded villages below Lake Varna. The two residents of Kamen reported missing were found alive, the regional water authority said. Water levels in Brezno fell by a metre overnight.',
  });
  // A longer report on something else that the story took in too.
  const drift = stored({
    title: 'Ostrava valley football club postpones its home season',
    outlet: 'Sport Daily',
    published: '2025-03-14T10:00:00Z',
    text: `${'The Ostrava valley football club said on Friday that it would play its first four home games at a ground in the capital. The club chairman said the season tickets sold this winter would be honoured at the new ground, and that buses would take supporters there. '.repeat(3)}Its own pitch in Dolna is under water.`,
  });
  const candidate = (titleArticle: StoredArticle) => ({
    story: { id: 7, title: titleArticle.title, titleArticleId: titleArticle.id, articleCount: 4, outletCount: 4 },
    articles: [breach, rescue, inquiry, drift],
    delivered: new Set([breach.id, rescue.id]),
  });

  /** The update of a story whose `earlier` reports the subscriber got, when `fresh` ones come. */
  const update = (id: number, earlier: StoredArticle[], fresh: StoredArticle[]) => {
    const all = [...earlier, ...fresh];
    const story = { id, title: earlier[0]!.title, titleArticleId: earlier[0]!.id, articleCount: all.length, outletCount: all.length };
    return composeStory({ story, articles: all, delivered: new Set(earlier.map((a) => a.id)) }, { storedTitles: true });
  };

  it('names the story by a headline the subscriber got, not by the new report whose headline the story has taken since', () => {
    const story = composeStory(candidate(inquiry), { storedTitles: true });
    expect(story.title).toBe(inquiry.title);
    expect([breach.title, rescue.title]).toContain(story.update?.storyTitle);
    expect(story.update?.earlierArticles).toBe(2);
  });

  it('keeps the story title the subscriber got when its article was among what they got', () => {
    expect(composeStory(candidate(rescue), { storedTitles: true }).update?.storyTitle).toBe(rescue.title);
  });

  it('leads the update with the new report about the story, not a longer one that drifted from it', () => {
    // The story's headline article is one the subscriber got: the lead comes from the new reports.
    const story = composeStory(candidate(breach), { storedTitles: true });
    expect(story.title).toBe(inquiry.title);
    expect(story.summary.join(' ')).toMatch(/inquiry|found alive/);
    expect(story.sources.map((s) => s.outlet)).toEqual(['Sport Daily', 'Daily Ledger']);
  });

  it('leaves out a new sentence that only retells what several earlier reports said between them', () => {
    const recap = stored({
      title: 'Prosecutors open inquiry into Kessel dam repairs',
      outlet: 'Daily Ledger',
      published: '2025-03-14T09:00:00Z',
      text: 'Prosecutors opened an inquiry on Friday into delayed repairs at the Kessel dam. Two residents of Kamen went missing on Wednesday after the Kessel dam wall failed along forty metres. Water levels in Brezno fell by a metre overnight.',
    });
    expect(recap.analysis?.summary.some((s) => s.startsWith('Two residents'))).toBe(true);
    const story = update(9, [breach, rescue], [recap]);
    expect(story.summary).toEqual(['Water levels in Brezno fell by a metre overnight.']);
  });

  it('shows "He also ..." after the sentence that names him, though the subscriber got that one', () => {
    const warned = stored({
      title: 'What the water authority knew before the flood',
      outlet: 'Valley Post',
      published: '2025-03-12T16:00:00Z',
      text: 'Engineer Marek Hola warned last year that the Kessel dam on Lake Varna needed urgent repairs to its wall. The warning was filed with the regional water authority in April.',
    });
    const council = stored({
      title: 'Council to be questioned over Kessel dam warnings',
      outlet: 'Daily Ledger',
      published: '2025-03-14T12:00:00Z',
      text: 'Prosecutors will question members of the Lake Varna district council on Monday about delayed repairs to the Kessel dam. Engineer Marek Hola warned last year that the Kessel dam needed urgent repairs to its wall. He also told the council in May that the dam wall could fail in a heavy flood and that the repairs could not wait. The council had postponed the dam repairs to save money for a new school. Council leader Ivan Roth has not commented. The district has 40,000 residents.',
    });
    const story = update(10, [warned], [council]);
    // Without the sentence before it, "He" would be no one the update names.
    expect(story.summary).toEqual([
      'Engineer Marek Hola warned last year that the Kessel dam needed urgent repairs to its wall.',
      'He also told the council in May that the dam wall could fail in a heavy flood and that the repairs could not wait.',
    ]);
  });

  it('shows no quote the subscriber got before, though the new report cuts or punctuates it otherwise', () => {
    const mayor = stored({
      title: 'Mayor of Dolna says families left before the water came',
      outlet: 'Northern Courier',
      published: '2025-03-12T18:00:00Z',
      text: 'The mayor of Dolna, Ana Lima, spoke to reporters on Wednesday evening. "By the time the water came, most families had already left their homes," Lima said.',
    });
    const rebuild = stored({
      title: 'Dolna plans to rebuild its school first after the flood',
      outlet: 'Daily Ledger',
      published: '2025-03-14T11:00:00Z',
      text: 'Dolna will rebuild its flooded school before anything else, its mayor said on Friday. "The sirens went off at four. By the time the water came most families had already left their homes," Ana Lima told the council. "We will rebuild the school first, and the bridge after that," she said.',
    });
    const story = update(8, [mayor], [rebuild]);
    expect(story.update).toBeDefined();
    expect(story.quotes.map((q) => q.text)).toEqual(['We will rebuild the school first, and the bridge after that,']);
  });
});
