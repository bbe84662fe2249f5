import { describe, expect, it } from 'vitest';
import { answerHtml, storyDetailHtml, storySourcesHtml } from '../../src/bot/views.ts';
import type { SourceRef, Story } from '../../src/model/digest.ts';

const now = new Date('2026-03-04T12:00:00Z');
const post: SourceRef = { articleId: 1, title: 'Dock strike halts cargo', url: 'https://www.valmorapost.example/strike', outlet: 'Valmora Post', published: '2026-03-03T11:20:00Z' };
const untitledOutlet: SourceRef = { articleId: 2, title: 'Council cuts library hours', ingested: '2026-03-04T09:00:00Z' };

function story(sources: SourceRef[]): Story {
  return { id: 's1', title: 'Dock strike halts cargo', summary: ['Dock workers walked out.'], quotes: [], sources, updated: '2026-03-03T11:20:00Z' };
}

describe('bot views name the outlet and date of every source', () => {
  it('the Sources button: "Outlet, date: title" with the link, copies as "also", never the title twice', () => {
    const copy = { articleId: 3, title: 'Copy', url: 'https://apnews.example/1', outlet: 'AP', published: '2026-03-03T12:05:00Z' };
    const html = String(storySourcesHtml(story([{ ...post, also: [copy] }, untitledOutlet]), now));
    expect(html).toContain('• <a href="https://www.valmorapost.example/strike">Valmora Post</a>, 3 Mar, 11:20 UTC: Dock strike halts cargo (also: <a href="https://apnews.example/1">AP</a>)');
    expect(html).toContain('• unknown outlet, ingested 4 Mar, 09:00 UTC: Council cuts library hours');
    expect(html).not.toContain('Council cuts library hours: Council cuts library hours');
  });

  it('the More view and answers give each source its date', () => {
    expect(String(storyDetailHtml(story([post]), [], now))).toContain('Valmora Post</a>, 3 Mar, 11:20 UTC');
    const answer = { question: 'Who struck?', found: true, answer: 'Dock workers walked out.', sentences: [], quotes: [], sources: [untitledOutlet], related: [], searched: 'struck' };
    expect(String(answerHtml(answer, now))).toContain('📰 unknown outlet, ingested 4 Mar, 09:00 UTC');
    const cited = { ...answer, sentences: [{ text: 'Dock workers walked out.', source: post }] };
    expect(String(answerHtml(cited, now))).toContain('Dock workers walked out. (<a href="https://www.valmorapost.example/strike">Valmora Post</a>, 3 Mar, 11:20 UTC)');
    const notFound = { ...answer, found: false, answer: "I don't find that in the articles.", sources: [], related: [untitledOutlet] };
    expect(String(answerHtml(notFound, now))).toContain('• Council cuts library hours (unknown outlet, ingested 4 Mar, 09:00 UTC)');
  });
});

describe('an answer shows a quote once', () => {
  it('a quote its own sentence already holds is not listed again below it; another quote is', () => {
    const sentence = { text: '"We will reopen the port on Monday," she said.', speaker: 'Ana Ruiz', source: post };
    const answer = {
      question: 'What did Ruiz say?', found: true, answer: sentence.text, sentences: [sentence], sources: [post], related: [], searched: 'ruiz',
      quotes: [
        { text: 'We will reopen the port on Monday,', speaker: 'Ana Ruiz', verified: true, articleId: 1 },
        { text: 'Nobody will lose their job over this strike.', speaker: 'Ana Ruiz', verified: true, articleId: 1 },
      ],
    };
    const html = String(answerHtml(answer, now));
    expect(html.split('We will reopen the port on Monday')).toHaveLength(2);
    expect(html).toContain('Nobody will lose their job over this strike.');
  });
});
