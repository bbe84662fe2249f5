import { describe, expect, it } from 'vitest';
import { composeStory, storyQuotes } from '../../src/digest/compose.ts';
import { fullestSpeakerNames } from '../../src/digest/speaker-names.ts';
import { analyseArticle } from '../../src/nlp/analyse.ts';
import { article } from './helpers.ts';

describe('fullestSpeakerNames', () => {
  it('gives a short form the fullest name it is part of', () => {
    const names = fullestSpeakerNames(['Owen Dempsey', 'Owen John Dempsey', 'a spokesman', null]);
    expect(Object.fromEntries(names)).toEqual({ 'Owen Dempsey': 'Owen John Dempsey' });
  });

  it('gives the same words in another order, or without their accents, one form: the accented one', () => {
    const names = fullestSpeakerNames(['Marcel Lehel Lazar', 'Marcel Lazăr Lehel', 'Jose Lopez', 'José López']);
    expect(Object.fromEntries(names)).toEqual({ 'Marcel Lehel Lazar': 'Marcel Lazăr Lehel', 'Jose Lopez': 'José López' });
  });

  it('leaves a surname alone (another of that name may be in the story), a name two fuller ones share, and names of other people', () => {
    const names = fullestSpeakerNames(['Bush', 'Jeb Bush', 'John Smith', 'John A. Smith', 'John B. Smith', 'Owen Dempsey', 'Ian Dempsey']);
    expect(names.size).toBe(0);
  });
});

describe('one name per speaker in a story', () => {
  it('shows the doctor the reports name "Owen Dempsey" and "Owen John Dempsey" by one name', () => {
    const first = {
      title: 'Man falls ill after switching to feather bedding',
      text: 'A man developed a lung disease after buying a new feather duvet, doctors in Aberdeen reported on Monday. "His immune system reacted to proteins in the feathers," said Owen Dempsey, who treated him. The patient recovered after the bedding was removed.',
    };
    const second = {
      title: 'Doctors warn of feather duvet lung',
      text: 'Doctors in Aberdeen described a rare case of feather duvet lung on Monday. "It was clear the patient had very disabling breathlessness," said Dr Owen John Dempsey, a consultant at the hospital. Feather bedding is a known but rare cause.',
    };
    const a = article({ ...first, outlet: 'Daily Ledger', analysis: analyseArticle(first) });
    const b = article({ ...second, outlet: 'Northern Courier', analysis: analyseArticle(second) });
    // Every quote of the story, as the key quotes and the "More" button draw on them.
    expect(storyQuotes([a, b]).map(({ quote }) => quote.speaker)).toEqual(['Owen John Dempsey', 'Owen John Dempsey']);
    expect(composeStory({ articles: [a, b] }).quotes.map((q) => q.speaker)).toContain('Owen John Dempsey');
  });
});
