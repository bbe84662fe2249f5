import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/ingest/prepare.ts';
import { repairMojibake } from '../../src/ingest/mojibake.ts';

describe('repairMojibake: UTF-8 read again as Windows-1252 upstream', () => {
  it('gives names and punctuation back their characters', () => {
    expect(repairMojibake('Housing Secretary JuliÃ¡n Castro visited GuantÃ¡namo with FranÃ§ois Delattre.')).toBe(
      'Housing Secretary Julián Castro visited Guantánamo with François Delattre.',
    );
    expect(repairMojibake('itâ€™s a â€œtestâ€\u009d â€” priced at Â£5')).toBe('it’s a “test” — priced at £5');
  });

  it('reads leads and accents that an archive stored decomposed (NFD, NFKD)', () => {
    expect(repairMojibake('President Enrique PeA\u0303\u00b1a Nieto')).toBe('President Enrique Peña Nieto');
    expect(repairMojibake('SÃ©golÃ \u0308ne Royal thought him naÃ \u0304ve')).toBe('Ségolène Royal thought him naïve');
  });

  it('leaves text alone that only looks like it: Portuguese, French guillemets, German', () => {
    for (const text of ['MAÇÃ e PÊRA', 'À bientôt, CAFÉ»', 'un café\u00a0» plus tard', 'Straß…', '«Ça va»', 'plain English text']) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('repairs what ingest stores, so the speaker of a quote is shown with their name as written', () => {
    const text = 'Regalado backs the plan.\n\nMiami Mayor TomÃ¡s Regalado spoke on Monday. â€œThis is my city,â€\u009d Regalado said.';
    const [article] = prepareDocument(new TextEncoder().encode(text), { name: 'story.txt' });
    expect(article!.draft.text).toContain('Miami Mayor Tomás Regalado spoke on Monday. “This is my city,”');
    expect(article!.analysis.quotes.map((q) => [q.text, q.speaker])).toEqual([['This is my city,', 'Tomás Regalado']]);
  });
});
