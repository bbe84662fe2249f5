import { describe, expect, it } from 'vitest';
import { speechVerbs } from '../../src/nlp/attribution.ts';

describe('speechVerbs', () => {
  // The same matches as /\b(?:said|says|...)\b/gi over the verb list: whole ASCII words in any
  // case, two-word forms with one space, the first listed form winning ("added" before "added later").
  it('finds whole speech verbs in any case, including two-word forms', () => {
    const text = 'He SAID, then fired back: "No." She added later that resaid said_x 2said told-him Fired  back, went on; points out. Saying';
    expect(speechVerbs(text, 100)).toEqual([
      { verb: 'SAID', start: 103, end: 107 },
      { verb: 'fired back', start: 114, end: 124 },
      { verb: 'added', start: 136, end: 141 },
      { verb: 'told', start: 173, end: 177 },
      { verb: 'went on', start: 195, end: 202 },
      { verb: 'points out', start: 204, end: 214 },
      { verb: 'Saying', start: 216, end: 222 },
    ]);
  });
  it('treats letters outside ASCII as word boundaries, as \\b does', () => {
    expect(speechVerbs('éditeur saidé ĺtold', 0).map((v) => v.verb)).toEqual(['said', 'told']);
  });
});
