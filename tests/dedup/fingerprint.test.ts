import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandKeys, contentHashes, fingerprint, normaliseForHash, similarity, textHash } from '../../src/dedup/fingerprint.ts';

const seed = readFileSync(new URL('../fixtures/rt-2016-09-05-putin-obama-syria.txt', import.meta.url), 'utf8');
const digest = (signature: string): string => createHash('sha256').update(signature).digest('hex').slice(0, 16);

describe('fingerprint and textHash', () => {
  // Stored articles keep their signature, hash and band keys, so these values must never change:
  // they were computed by the first implementation (a regex word split, a Set of shingles).
  it.each([
    ['the seed article', seed, '567fe329d4689433', 793, '2d73fd4680db09062dafc51b91d2fae9', [3079246495, 1184422270]],
    ['two words', 'Hello world', '26a76b6bc415083f', 1, 'b94d27b9934d3e08a52e52d7da7dabfa', [2032532711, 1311168948]],
    ['an empty text', '', 'c5c275f094620fed', 1, 'e3b0c44298fc1c149afbf4c8996fb924', [2636817374, 2660528079]],
    [
      'NFKC, case, curly quotes, astral letters and emoji',
      'Ｔｈｅ ﬁnal “Straße” ΣΊΣΥΦΟΣ 𝐀𝐁𝐂 e\u0301t\u00e9 İstanbul  won’t\n\nstop 😀 now',
      '5e50cb51defdd73a',
      10,
      'bf47ba9735dfd210b439f9a10bcc9022',
      [3806182203, 681420222],
    ],
  ])('%s keeps its stored values', (_, text, signatureDigest, shingles, hash, firstBands) => {
    const print = fingerprint(text);
    expect(print.signature).toMatch(/^[0-9a-f]{512}$/);
    expect(digest(print.signature)).toBe(signatureDigest);
    expect(print.shingles).toBe(shingles);
    expect(textHash(text)).toBe(hash);
    expect(bandKeys(print.signature).slice(0, 2)).toEqual(firstBands);
  });

  it('normalises width, case, quote marks and whitespace before hashing', () => {
    expect(normaliseForHash('  Ｔｈｅ  “Quote”\u00a0‘x’\n\tEnd ')).toBe('the "quote" \'x\' end');
    expect(textHash('The “Quote”\n\nEnd')).toBe(textHash('the "quote" end'));
  });

  it.each([
    ['the seed article', 'Putin and Obama', seed],
    ['final sigma and a combining mark at the line break', 'ΟΔΟΣ', '\u0301ΣΑ İstanbul ﬁnal'],
    ['an empty title and text', '', ''],
  ])('contentHashes of %s equals textHash, fingerprint and bandKeys apart', (_, title, text) => {
    const { textHash: hash, print, bands } = contentHashes(title, text);
    expect(hash).toBe(textHash(`${title}\n${text}`));
    expect(print).toEqual(fingerprint(text));
    expect(bands).toEqual(bandKeys(fingerprint(text).signature));
  });

  it('gives a text the same fingerprint whatever was fingerprinted before it, longer or shorter', () => {
    const short = 'The council voted to close the harbour road for repairs next week, the mayor said.';
    const alone = [fingerprint(short), fingerprint(seed)];
    const long = `${seed}\n\n${seed.split('').reverse().join('')}`;
    fingerprint(long);
    expect([fingerprint(short), fingerprint(seed)]).toEqual(alone);
    fingerprint('one two');
    expect([fingerprint(seed), fingerprint(short)]).toEqual([alone[1], alone[0]]);
  });

  it('rates an edited copy as a near-duplicate and an unrelated text as not', () => {
    const edited = seed.replace('Putin', 'Mr Putin').replace(/\n\n[^\n]+$/, '');
    expect(similarity(fingerprint(seed).signature, fingerprint(seed).signature)).toBe(1);
    expect(similarity(fingerprint(seed).signature, fingerprint(edited).signature)).toBeGreaterThan(0.8);
    expect(similarity(fingerprint(seed).signature, fingerprint('An unrelated note about the weather in Oslo today.').signature)).toBeLessThan(0.2);
  });
});
