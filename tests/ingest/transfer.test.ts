// A prepared article crosses from a worker to the writer packed: what arrives must be exactly
// what the worker prepared, whatever names its story features hold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { packFeatures, packResult, unpackFeatures, unpackResult } from '../../src/ingest/transfer.ts';

const SEED = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'rt-2016-09-05-putin-obama-syria.txt'));

/** What the writer gets: packed in the worker, copied by postMessage (structured clone), unpacked. */
const across = <T>(kind: 'document' | 'prepare', result: T): T => unpackResult(kind, structuredClone(packResult(kind, result))) as T;

describe('prepared articles across threads', () => {
  it('arrive with the same draft, analysis, keys and story features, in the same order', () => {
    const prepared = prepareDocument(SEED, { name: 'seed.txt' });
    expect(prepared[0]!.storyFeatures.terms.length).toBeGreaterThan(20);
    expect(across('document', prepared)).toEqual(prepared);
    expect(across('prepare', prepared[0]!)).toEqual(prepared[0]);
  });

  it('send the story features as two objects, not one pair per name', () => {
    const { storyFeatures } = prepareDocument(SEED, { name: 'seed.txt' })[0]!;
    const packed = packFeatures(storyFeatures);
    expect(Object.keys(packed).sort()).toEqual(['counts', 'names', 'terms']);
  });

  it('keep features with no names, empty names, or names holding the separator', () => {
    for (const features of [
      { terms: [], entities: [] },
      { terms: [['', 1]], entities: [] },
      { terms: [['vote', 3]], entities: [['', 1], ['new york', 2]] },
      { terms: [['a\u0000b', 1]], entities: [['c', 2.5]] },
    ] as const) {
      const copy = structuredClone(features) as unknown as Parameters<typeof packFeatures>[0];
      expect(unpackFeatures(structuredClone(packFeatures(copy)))).toEqual(features);
    }
  });

  it('leave the results of other jobs as they are', () => {
    const feed = { value: { title: 'Feed', items: [] }, warnings: [] };
    expect(packResult('feed', feed)).toBe(feed);
    expect(unpackResult('feed', feed)).toBe(feed);
  });
});
