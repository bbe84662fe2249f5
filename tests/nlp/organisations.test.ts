import { describe, expect, it } from 'vitest';
import { OrganisationIndex, fitsHead, indexOrganisations } from '../../src/nlp/organisations.ts';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const orgs = (text: string) => indexOrganisations(text, () => false).map((m) => [m.org.name, m.org.kind]);

describe('indexOrganisations', () => {
  it('knows a body by the head word of its name', () => {
    expect(orgs('The Trayvon Martin Foundation held a vigil.')).toContainEqual(['Trayvon Martin Foundation', 'group']);
    expect(orgs('She wrote for the New York Daily News for years.')).toContainEqual(['New York Daily News', 'media']);
  });

  it('knows a body by the type noun the text writes next to it', () => {
    expect(orgs('The advocacy group Progress Iowa organised marches.')).toContainEqual(['Progress Iowa', 'group']);
    expect(orgs('The agrochemical company Monsanto filed its response.')).toContainEqual(['Monsanto', 'company']);
  });

  it('ends a name before "on" and a day or month: "the Justice Department on Monday" is the department', () => {
    expect(orgs('The Justice Department on Monday opened an inquiry.')).toContainEqual(['Justice Department', 'government']);
    expect(orgs('Kent Constabulary on Friday arrested two men.')).toContainEqual(['Kent Constabulary', 'government']);
    // "on" inside a name stays: the Council on Foreign Relations.
    expect(orgs('The Council on Foreign Relations met.')).toContainEqual(['Council on Foreign Relations', 'group']);
  });

  it('does not take a sentence start or a person for a body', () => {
    const found = orgs('Harry Reid spoke on Tuesday. Later he left.').map(([name]) => name);
    expect(found).not.toContain('Harry Reid');
    expect(found).not.toContain('Later');
  });

  it('finds every campaign a text names, at its edges and several in one stretch of words', () => {
    const text = 'Trump campaign aides met. (the Clinton campaign) Sanders’ campaign and the Rubio presidential campaign said so.';
    const found = indexOrganisations(text, () => false).filter((m) => m.org.kind === 'campaign');
    expect(found.map((m) => m.org.name)).toEqual(['the Trump campaign', 'the Clinton campaign', 'the Sanders campaign', 'the Rubio campaign']);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Trump campaign', 'the Clinton campaign', 'Sanders’ campaign', 'the Rubio presidential campaign']);
  });

  it('reads no campaign into "campaigns" or a lower-case word', () => {
    expect(orgs('Trump campaigns in Iowa; the campaign said little.').filter(([, kind]) => kind === 'campaign')).toEqual([]);
  });

  it('matches a description only to a body of a compatible kind', () => {
    expect(fitsHead({ name: 'New York Daily News', kind: 'media' }, 'newspaper')).toBe(true);
    expect(fitsHead({ name: 'New York Daily News', kind: 'media' }, 'group')).toBe(false);
  });

  it('answers "is a body named here" lazily with the same answer as the whole index, at every position', () => {
    // A name typed once (The Advocate) and recurring untyped on another line, a campaign, acronyms, people,
    // a quotation, and short lines (a position whose next four characters reach the next line).
    const text =
      'The editors of The Advocate wrote on Monday. Harry Reid said "the Union Leader is wrong" again.\n' +
      'Advocate staff met Mr. Reid, and the Clinton campaign and the DNC said nothing. Later the Baton Rouge newspaper agreed.\n' +
      'Ed\nNBC\nThe Washington Post and Fox News said so; the Post and Reid.';
    const quoted = [text.indexOf('"'), text.indexOf('"', text.indexOf('"') + 1) + 1];
    const inQuote = (pos: number) => pos >= quoted[0]! && pos < quoted[1]!;
    const all = indexOrganisations(text, inQuote);
    const expected = (pos: number) => all.find((m) => m.end > pos && m.start <= pos + 4)?.org ?? null;
    for (let pos = 0; pos < text.length; pos++) {
      // A fresh index per position: the answer must not depend on what was asked before.
      expect(new OrganisationIndex(text, inQuote).at(pos), `at ${pos}`).toEqual(expected(pos));
    }
    expect(new OrganisationIndex(text, inQuote).at(text.indexOf('Advocate staff'))).toEqual({ name: 'Advocate', kind: 'media' });
    expect(new OrganisationIndex(text, inQuote).at(text.indexOf('Harry'))).toBeNull();
  });

  it('finds the same bodies whether or not the text has non-ASCII letters (two regex variants)', () => {
    const text = 'The Union Leader, New Hampshire’s largest newspaper, and the Center for American Progress met the FBI and the website GunBroker.com.';
    const ascii = indexOrganisations(text, () => false);
    expect(ascii.map((m) => m.org.name)).toEqual(['Union Leader', 'Center for American Progress', 'FBI', 'GunBroker.com']);
    expect(indexOrganisations(`${text} Société Générale said so.`, () => false).slice(0, ascii.length)).toEqual(ascii);
  });
});

describe('a type noun before a name with "of" (2026-12-07, stop 37)', () => {
  it('"fan group Spirit of Shankly" is one body, and the "it" that speaks after it', () => {
    const text = "But fan group Spirit of Shankly said the move did not go far enough. 'This is a small step,' it said in a statement.";
    expect(new OrganisationIndex(text, () => false).at(text.indexOf('Spirit'))?.name).toBe('Spirit of Shankly');
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Spirit of Shankly']);
  });
});

describe('"the Treasury" is a government body (2026-12-07, stop 37)', () => {
  it('"the department said" after "The Treasury said in a statement" is the Treasury', () => {
    const text = "The Bank of England raised rates.\n\nThe Treasury said in a statement that the decision was for the Bank. 'We respect its independence,' the department said.";
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Treasury']);
  });
});

describe('"Fire and Rescue" (2026-12-07, stop 47)', () => {
  it('a fire and rescue service is a body: its statement speaks by its whole name, not by "Rescue"', () => {
    const text = 'Dearneside Fire and Rescue said in a statement that the blaze was "not being treated as suspicious at this stage."';
    expect(extractQuotes(text, { title: 'House fire' }).map((q) => q.speaker)).toEqual(['Dearneside Fire and Rescue']);
  });
});

describe('where a company is based (2026-12-07, stop 47)', () => {
  it('"Gulfway Logistics of Mobile, Ala., said" speaks as Gulfway Logistics; "Bank of America" keeps its "of"', () => {
    const text = 'The contractor, Gulfway Logistics of Mobile, Ala., said in a statement that it had "performed every task FEMA asked of us."';
    expect(extractQuotes(text, { title: 'FEMA contract' }).map((q) => q.speaker)).toEqual(['Gulfway Logistics']);
    expect(orgs('Bank of America said it would cut fees.')).toContainEqual(['Bank of America', 'company']);
  });
});

describe('"St." in a name (2026-12-07, stop 47)', () => {
  it('"Global New Light of Myanmar" keeps its first words; a title with "of" before a person\'s name is not taken whole', () => {
    expect(extractQuotes('Global New Light of Myanmar said the strikes had "eliminated terrorist positions near the town."', { title: 'Strikes' }).map((q) => q.speaker)).toEqual(['Global New Light of Myanmar']);
    expect(extractQuotes('Arizona Secretary of State Celeste Ybarra said the count would take "as long as it takes to get right."', { title: 'Count' }).map((q) => q.speaker)).not.toContain('Arizona Secretary of State Celeste Ybarra');
  });

  it('"St. Brendan Regional Medical Center" keeps its "St."', () => {
    const text = 'In a statement, St. Brendan Regional Medical Center said it was "deeply saddened by the loss of this young woman."';
    expect(extractQuotes(text, { title: 'Crash' }).map((q) => q.speaker)).toEqual(['St. Brendan Regional Medical Center']);
  });
});

describe('"a firm X had ..." (2026-12-07, stop 47)', () => {
  it('after "a firm", a name with its verb opens a clause about the firm: the name is no firm', () => {
    expect(orgs('They won a bid from Castlerock, a firm Voss had represented as a lobbyist.').map(([name]) => name)).not.toContain('Voss');
    expect(orgs('The consulting firm Accenture has said it will hire 500 people.')).toContainEqual(['Accenture', 'company']);
  });
});

describe('every word for a kind of body types the name it stands by (2026-12-07, stop 48)', () => {
  it('"the low-cost carrier Aerowyn" is a company: "the airline said" is Aerowyn, not the airport named since', () => {
    const text = 'Dozens of travellers were stuck at Halden Airport after the low-cost carrier Aerowyn cancelled nine flights.\n\nThe airline said the delays were caused by "problems with the airport\'s baggage contractor".';
    expect(extractQuotes(text, { title: 'Flights cancelled' }).map((q) => q.speaker)).toEqual(['Aerowyn']);
  });

  it('"Norway\'s financial watchdog Finsyn" is the regulator that speaks as "the regulator"', () => {
    const text = 'OSLO (Reuters) - Norway\'s financial watchdog Finsyn fined Brekke Bank 20 million crowns on Tuesday.\n\nThe lender had "failed for years" to check its customers, the regulator said.';
    expect(extractQuotes(text, { title: 'Bank fined' }).map((q) => q.speaker)).toEqual(['Finsyn']);
  });

  it('"Kestrel Haulage, a Leeds-based refrigerated carrier" is the company that speaks as "the company"', () => {
    const text = 'Two drivers with Kestrel Haulage, a Leeds-based refrigerated carrier, have driven a million miles without a crash.\n\nThe company said the pair "set the standard for everyone else".';
    expect(extractQuotes(text, { title: 'A million miles' }).map((q) => q.speaker)).toEqual(['Kestrel Haulage']);
  });
});
