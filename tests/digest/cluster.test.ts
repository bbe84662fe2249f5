import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../src/digest/cluster.ts';
import { article } from './helpers.ts';

const quake = (outlet: string, title: string, text: string, published = '2026-11-27T06:00:00Z') =>
  article({ outlet, title, text, published, url: `https://${outlet}.example/${encodeURIComponent(title)}` });

describe('clusterArticles', () => {
  it('puts two outlets reporting one event into one story', () => {
    const a = quake('bbc', 'Earthquake of magnitude 7.1 strikes southern Turkey', 'A powerful earthquake of magnitude 7.1 struck southern Turkey near Gaziantep early on Friday, killing at least 40 people, officials said. Rescue teams searched collapsed buildings.');
    const b = quake('dw', 'Turkey earthquake: dozens killed as 7.1 quake hits near Gaziantep', 'Dozens of people were killed when a 7.1 magnitude earthquake hit southern Turkey near the city of Gaziantep on Friday morning, according to the disaster agency. Rescuers are searching the rubble.', '2026-11-27T07:30:00Z');
    const other = quake('rt', 'Central bank raises interest rates to fight inflation', 'The European Central Bank raised its key interest rate by a quarter point on Thursday, saying inflation in the euro area remained too high. Markets had expected the move.');
    const groups = clusterArticles([a, other, b]);
    expect(groups).toHaveLength(2);
    expect(groups.find((g) => g.includes(a))).toContain(b);
    expect(groups.find((g) => g.includes(other))).toHaveLength(1);
  });

  it('keeps two different events apart even when they share a country', () => {
    const a = quake('bbc', 'Earthquake of magnitude 7.1 strikes southern Turkey', 'A powerful earthquake struck southern Turkey near Gaziantep early on Friday, killing at least 40 people, officials said.');
    const b = quake('dw', 'Turkey wins Eurovision song contest', 'Turkey won the Eurovision song contest in Liverpool on Saturday night with a ballad sung in Turkish, the first win for the country since 2003.');
    expect(clusterArticles([a, b])).toHaveLength(2);
  });

  it('keeps the same kind of event apart when it is far apart in time', () => {
    const a = quake('bbc', 'Earthquake of magnitude 6 strikes southern Turkey near Gaziantep', 'An earthquake struck southern Turkey near Gaziantep, killing several people, officials said.', '2026-01-10T06:00:00Z');
    const b = quake('dw', 'Earthquake of magnitude 6 strikes southern Turkey near Gaziantep', 'An earthquake struck southern Turkey near Gaziantep, killing several people, officials said again.', '2026-11-27T06:00:00Z');
    expect(clusterArticles([a, b])).toHaveLength(2);
  });

  it('always groups a near-duplicate with its original', () => {
    const original = quake('ap', 'Storm hits coast', 'A storm hit the coast on Friday.');
    const copy = article({ title: 'Completely different headline', text: 'Unrelated words here.', nearDuplicateOf: original.id, outlet: 'paper' });
    expect(clusterArticles([original, copy])).toEqual([[original, copy]]);
  });
});
