import { describe, expect, it } from 'vitest';
import { storySources } from '../../src/digest/compose.ts';
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
