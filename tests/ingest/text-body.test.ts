import { describe, expect, it } from 'vitest';
import { describeLines, findBody } from '../../src/ingest/text-body.ts';

/** The lines findBody keeps as the article, for a page given line by line. */
function bodyOf(page: string[]): string[] {
  const lines = describeLines(page);
  const body = findBody(lines);
  if (!body) return [];
  return lines.slice(body.start, body.end + 1).filter((_, i) => body.isBody[body.start + i]).map((line) => line.text);
}

const article = [
  'The ferry company will add a late crossing on Fridays from June, after a summer in which the last boat left dozens of passengers behind every week.',
  'The new crossing leaves the harbour at 11pm and returns at midnight, and it will run until the end of September at least.',
  'Passenger groups welcomed the change but said the Saturday timetable had the same problem and should be next.',
];

describe('describeLines', () => {
  it('tells prose, short sentences, labels and furniture apart', () => {
    const kinds = describeLines([article[0]!, 'He declined to comment.', 'What happens next', 'Share this article', '2. Ted Cruz']).map((line) => line.kind);
    expect(kinds).toEqual(['prose', 'sentence', 'short', 'furniture', 'sentence']);
  });

  it('counts CJK text, written without spaces, in words', () => {
    const [line] = describeLines(['市議会は12日、市立図書館を来月から日曜日にも開館する予算案を賛成多数で可決した。']);
    expect(line!.kind).toBe('prose');
  });

  it('takes a teaser cut off mid-sentence for a label, not a sentence', () => {
    expect(describeLines(['Harbour bridge to close again as engineers find new cracks in the...'])[0]!.kind).toBe('short');
  });

  it('weighs a paragraph that the page repeats, whole or as part of a longer copy, like a short sentence', () => {
    expect(describeLines([article[0]!, article[1]!, article[0]!]).map((line) => line.kind)).toEqual(['prose', 'prose', 'sentence']);
    const copy = `${article[0]} ${article[1]} ${article[2]}`;
    expect(describeLines([...article, copy]).map((line) => line.kind)).toEqual(['prose', 'prose', 'prose', 'sentence']);
  });
});

describe('findBody', () => {
  it('goes on past one furniture line inside the article, dropping it', () => {
    const page = ['Home', 'News', article[0]!, article[1]!, 'Advertisement', article[2]!, 'About us', 'Contact'];
    expect(bodyOf(page)).toEqual(article);
  });

  it('keeps a sub-heading and a list between paragraphs, and the last short sentence', () => {
    const page = ['Menu', article[0]!, article[1]!, 'What changes', 'Late boat on Fridays', 'No change on Saturdays', article[2]!, 'Tickets are on sale now.', 'Privacy policy'];
    expect(bodyOf(page)).toEqual([article[0], article[1], 'What changes', 'Late boat on Fridays', 'No change on Saturdays', article[2], 'Tickets are on sale now.']);
  });

  it('stops at a comment section, where each comment comes with a name and a time', () => {
    const page = [...article, 'Comments', 'Jo', '14 May 2024 at 10:02', 'Finally, I have missed that last boat more times than I can count this year, and so has half the town.', 'Reply', 'Ken', '14 May 2024 at 11:45', 'Now do the same for the Sunday boats, which are even worse than the Friday ones and always late.', 'Reply'];
    expect(bodyOf(page)).toEqual(article);
  });

  it('prefers the block right after the headline to a longer one further down', () => {
    const comments = Array.from({ length: 4 }, (_, i) => `Reader ${i + 1} wrote a long comment about the ferry, the harbour and the council, longer than most of the article itself, with many words in it.`);
    const page = ['Late ferry on Fridays from June | The Harbour Times', 'Home', 'Late ferry on Fridays from June', 'By Sam Reed', ...article, 'Leave a reply', 'Your name', ...comments.flatMap((comment) => ['Posted 12 May 2024', comment])];
    expect(bodyOf(page)).toEqual(article);
  });

  it('finds nothing in a page without prose', () => {
    expect(findBody(describeLines(['Home', 'News', 'Sport', 'Contact us']))).toBeUndefined();
  });
});
