import { describe, expect, it } from 'vitest';
import { agentEvidence, PARAPHRASED, type RoleQuery } from '../../src/qa/roles.ts';
import { termKey } from '../../src/qa/terms.ts';

const query = (verbs: string[], objects: string[]): RoleQuery => ({ verbKeys: new Set(verbs.map(termKey)), objectKeys: new Set(objects.map(termKey)) });
const attacked = query(['attacked', 'attack', 'attacks'], ['mayor', 'holloway']);

describe('agentEvidence', () => {
  it('finds the doer of the verb: a name as its subject, "by NAME", "NAME, who ...", "NAME for VERBing"', () => {
    expect(agentEvidence('Peter Marsh attacked Mayor Holloway outside the town hall.', attacked)).toBe(1);
    expect(agentEvidence('Mayor Holloway was attacked by builder Peter Marsh.', attacked)).toBe(1);
    expect(agentEvidence('Peter Marsh, who attacked the mayor last week, appeared in court.', attacked)).toBe(1);
    expect(agentEvidence('Prosecutors charged Peter Marsh with attacking the mayor.', query(['attacking', 'attacked'], ['mayor']))).toBe(1);
  });

  it('sees the passive without "by": its subject is the one the verb was done to', () => {
    expect(agentEvidence('Mayor Holloway was attacked outside the town hall on Monday.', attacked)).toBe(0);
  });

  it('takes the object before a passive with "by NAME" as the verb said in other words, with less certainty', () => {
    const put = query(['put', 'puts'], ['holloway', 'court']);
    expect(agentEvidence('Holloway was appointed to the court by Governor Tom Reyes in 2019.', put)).toBe(PARAPHRASED);
  });

  it('does not take a capitalised sentence opener for a name, and says nothing when the verb is absent', () => {
    expect(agentEvidence('The attacked mayor left the hospital on Tuesday.', attacked)).toBeNull();
    expect(agentEvidence('The council met on Monday to discuss the budget.', attacked)).toBeNull();
  });
});
