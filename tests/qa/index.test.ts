// The follow-up answer service (what `ask` and the bot call) on a real SQLite store.
import { afterEach, describe, expect, it } from 'vitest';
import { ask, askOffline } from '../../src/qa/index.ts';
import { SENTENCE_MEMO } from '../../src/qa/rank.ts';
import { BRIDGE, CHESS, NOW, STORM, WEEK_AGO, testStore, type TestStore } from './helpers.ts';

let t: TestStore | undefined;
let other: TestStore | undefined;
afterEach(async () => {
  await t?.close();
  await other?.close();
  t = other = undefined;
});

const scope = { since: WEEK_AGO, now: NOW };

describe('ask', () => {
  it('answers with the sentence that holds the kind of thing asked, each sentence with its outlet, date and link', async () => {
    t = await testStore();
    const cost = await ask({ store: t.store }, 'How much will the new bridge cost?', scope);
    expect(cost.found).toBe(true);
    expect(cost.answer).toMatch(/48 million euros/);
    expect(cost.sentences[0]!.source).toMatchObject({ outlet: 'Example Gazette', url: BRIDGE.url, published: BRIDGE.published });
    expect((await ask({ store: t.store }, 'When will the bridge open?', scope)).answer).toMatch(/2028/);
    expect((await ask({ store: t.store }, 'why did the fishermen oppose the bridge', scope)).answer).toMatch(/because the old ferry landing/);
    expect((await ask({ store: t.store }, 'how many schools did the storm close', scope)).answer).toMatch(/twelve schools/);
  });

  it('answers "what did X say" with what X said, the quote carrying its speaker', async () => {
    t = await testStore();
    const answer = await ask({ store: t.store }, 'What did Reyes say about the roads?', scope);
    expect(answer.answer).toMatch(/We will rebuild every road/);
    expect(answer.quotes.map((q) => q.speaker)).toEqual(['Tom Reyes']);
    // The weather service "said" something too, but is not Reyes.
    expect(answer.answer).not.toMatch(/weather service/);
  });

  it('answers "Who is X?" with what describes X, not X\'s own words, and no sentence twice', async () => {
    t = await testStore();
    const answer = await ask({ store: t.store }, 'Who is Tom Reyes?', scope);
    expect(answer.answer).toMatch(/Governor Tom Reyes, who leads the regional cabinet/);
    expect(answer.answer).not.toMatch(/We will rebuild/);
    expect(new Set(answer.sentences.map((s) => s.text)).size).toBe(answer.sentences.length);
  });

  it('finds a paraphrased question through WordNet: "turned down" is what the article calls "rejected"', async () => {
    const casino = {
      title: 'Council rejects casino',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/2026/03/casino',
      published: BRIDGE.published!,
      text:
        'Council rejects casino\n\nThe harbour council will meet the casino developer again on April 10, the council said.\n\n' +
        'The harbour council rejected the casino plan on March 3, after a long debate.\n\nThe developer said he would appeal.',
    };
    t = await testStore([BRIDGE, STORM, casino]);
    const answer = await ask({ store: t.store }, 'when did the council turn down the casino', scope);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/rejected the casino plan on March 3/);
  });

  it('does not answer "what did X say about Y" with X\'s words on something else, nor with anyone else\'s', async () => {
    t = await testStore();
    // Holloway speaks about the bridge only; the storm story quotes Reyes.
    const storm = await ask({ store: t.store }, 'What did Holloway say about the storm?', scope);
    expect(storm.found).toBe(false);
    const nobody = await ask({ store: t.store }, 'What did the fishermen say about the storm?', scope);
    expect(nobody.found).toBe(false);
    expect((await ask({ store: t.store }, 'What did Holloway say about the bridge?', scope)).answer).toMatch(/connect both halves of our city/);
  });

  it('does not answer a question about something no article mentions, even when its other words are common', async () => {
    t = await testStore();
    expect((await ask({ store: t.store }, 'How many golds did Phelps win at the swimming championship?', scope)).found).toBe(false);
    expect((await ask({ store: t.store }, 'why did the mayor cancel the opera festival', scope)).found).toBe(false);
  });

  it('searches older articles when the window holds no answer, and says how old the answer is', async () => {
    t = await testStore();
    const answer = await ask({ store: t.store }, 'Who won the chess championship?', scope);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/Lena Varga won the national chess championship/);
    expect(answer.sources.map((s) => s.url)).toEqual([CHESS.url]);
    expect(answer.age).toBe('This is from 8 Feb, 12:00 UTC, before the last 7 days.');
  });

  it('says plainly what it searched when no article answers, and names the stories that come closest', async () => {
    t = await testStore();
    const unrelated = await ask({ store: t.store }, 'What did Elon Musk say about rockets?', scope);
    expect(unrelated).toMatchObject({ found: false, sources: [], quotes: [], sentences: [] });
    expect(unrelated.answer).toBe("I don't find that in the articles: I searched the last 7 days of news, then older articles.");
    const close = await ask({ store: t.store }, 'What did the ferry captain say about the bridge?', scope);
    expect(close.found).toBe(false);
    expect(close.related.map((s) => s.url)).toContain(BRIDGE.url);
    // The window is named as it is: a day's window is not called a week.
    const day = await ask({ store: t.store }, 'What did Elon Musk say about rockets?', { since: new Date(NOW.getTime() - 24 * 3_600_000), now: NOW });
    expect(day.answer).toMatch(/I searched the last 24 hours of news, then older articles/);
  });

  it('within a reply, answers from the digest\'s own stories first, and says so when nothing there or elsewhere answers', async () => {
    const hills = {
      title: 'Storm closes hill schools',
      outlet: 'Hill Herald',
      url: 'https://hills.example/storm',
      published: STORM.published!,
      text: 'Storm closes hill schools\n\nThe storm closed eleven schools in the hills.\n\nVolunteers brought food to farms that lost power.',
    };
    t = await testStore([BRIDGE, STORM, hills]);
    const question = 'How many schools did the storm close?';
    // Free, the question finds the closest wording; as a reply to a digest holding the valley story, that story answers.
    expect((await ask({ store: t.store }, question, scope)).sources[0]!.url).toBe(hills.url);
    const reply = await ask({ store: t.store }, question, { ...scope, articleIds: [t.ids.get(STORM)!] });
    expect(reply.sources[0]!.url).toBe(STORM.url);
    expect(reply.answer).toMatch(/twelve schools/);
    const none = await ask({ store: t.store }, 'What did Elon Musk say about rockets?', { ...scope, articleIds: [t.ids.get(STORM)!] });
    expect(none.answer).toBe("I don't find that in the articles: I searched this digest's stories, the last 7 days of news, then older articles.");
  });

  it('answers a question in other words than the article\'s through word vectors, and still says "not found" to an unrelated one', async () => {
    const bakery = {
      title: 'Crumb & Co to close its Riverside plant',
      outlet: 'Example Gazette',
      url: 'https://gazette.example/2026/03/bakery',
      published: BRIDGE.published!,
      text:
        'Crumb & Co to close its Riverside plant\n\nThe Crumb & Co bakery will close its Riverside plant in June, the company said on Monday.\n\n' +
        'Crumb & Co will cut 277 employees at the plant and move production to Monterrey.\n\nThe plant opened in 1952 and once made 40 tonnes of bread a day.',
    };
    // Another story uses the question's words, so the archive knows them (a word no article holds means "not found").
    const clinic = {
      title: 'Clinic hires nurses',
      outlet: 'Valley Post',
      url: 'https://valleypost.example/clinic',
      published: STORM.published!,
      text: 'Clinic hires nurses\n\nThe valley clinic hired twelve nurses this winter, and its staff now numbers ninety.\n\nIts director wants to slash waiting times.',
    };
    t = await testStore([BRIDGE, STORM, bakery, clinic]);
    // "staff" is what the article calls "employees", "slash" what it calls "cut".
    const staff = await ask({ store: t.store }, 'how many staff will crumb slash', scope);
    expect(staff.found).toBe(true);
    expect(staff.answer).toMatch(/277 employees/);
    // Close words are no licence to answer what no article says.
    expect((await ask({ store: t.store }, 'how many goals did the striker score in the cup final', scope)).found).toBe(false);
    expect((await ask({ store: t.store }, 'how many pastry chefs did crumb hire in paris', scope)).found).toBe(false);
    expect((await ask({ store: t.store }, 'how many nurses will crumb slash', scope)).found).toBe(false);
  });

  it('gives the LLM the same passages, and does not ask it when the offline ranking abstains', async () => {
    t = await testStore();
    const calls: { question: string; passages: string[] }[] = [];
    const summarizer = {
      name: 'recording',
      improveDigest: async (d: never) => d,
      improveAnswer: async (question: string, passages: { text: string }[], _articles: unknown[], offline: Awaited<ReturnType<typeof ask>>) => {
        calls.push({ question, passages: passages.map((p) => p.text) });
        return offline;
      },
      close: () => undefined,
    };
    const question = 'How much will the new bridge cost?';
    await ask({ store: t.store, summarizer }, question, scope);
    const offline = await askOffline(t.store, question, scope);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.passages[0]).toContain(offline.passages[0]!.text);
    await ask({ store: t.store, summarizer }, 'What did Elon Musk say about rockets?', scope);
    expect(calls).toHaveLength(1);
  });
});

describe('ask over two stores in one process', () => {
  it('answers each from its own articles, though both number them from 1: each store keeps its own sentence memo', async () => {
    t = await testStore([BRIDGE]);
    other = await testStore([STORM]);
    expect(t.ids.get(BRIDGE)).toBe(other.ids.get(STORM));
    const bridge = await askOffline(t.store, 'When will the bridge open?', scope);
    expect(bridge.answer.answer).toMatch(/2028/);
    // Only the store asked has split its article; the other's memo has not seen that id.
    expect(t.store.memos.of(SENTENCE_MEMO).size).toBe(1);
    expect(other.store.memos.of(SENTENCE_MEMO).size).toBe(0);
    expect((await askOffline(other.store, 'How many schools did the storm close?', scope)).answer.answer).toMatch(/twelve schools/);
    // Asking in turns changes nothing: the first store still answers from its own article.
    expect((await askOffline(t.store, 'When will the bridge open?', scope)).answer).toEqual(bridge.answer);
    expect(other.store.memos.of(SENTENCE_MEMO)).not.toBe(t.store.memos.of(SENTENCE_MEMO));
  });
});
