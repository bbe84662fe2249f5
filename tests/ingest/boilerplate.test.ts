import { describe, expect, it } from 'vitest';
import { isBoilerplateLine } from '../../src/ingest/boilerplate.ts';

describe('isBoilerplateLine', () => {
  it('recognises furniture and leaves prose alone', () => {
    for (const line of ['Read more: Alibaba poised to launch listing', 'Image copyright Getty Images', 'Updated 1:39 am EST, Wednesday, November 20, 2019', 'By Reuters', 'Nov. 20, 2019, 9:28 AM UTC']) {
      expect(isBoilerplateLine(line), line).toBe(true);
    }
    expect(isBoilerplateLine('The council said the bridge would be inspected every six months from now on.')).toBe(false);
  });

  it('takes a call to action only where it addresses the reader', () => {
    for (const line of ['Sign up for our daily newsletter', 'Subscribe to get the latest stories in your inbox.', 'Follow us on Twitter', 'This post contains affiliate links.', 'This website uses cookies to improve your experience.']) {
      expect(isBoilerplateLine(line), line).toBe(true);
    }
    for (const line of [
      'She asked supporters to sign up for text messages from the campaign, and thousands did within an hour.',
      'The mayor spoke to WKOW, the ABC affiliate in Madison, on Tuesday.',
      'He also runs a politics newsletter read by most of the state legislature.',
    ]) {
      expect(isBoilerplateLine(line), line).toBe(false);
    }
  });

  it('tells counters and datelines from numbered list items', () => {
    for (const line of ['12 Comments', '2019', '14 March 2024, 09:30 GMT', 'Sep. 5, 2016 2:12 p.m.']) expect(isBoilerplateLine(line), line).toBe(true);
    for (const line of ['10 Mike.', '7 John Kasich.']) expect(isBoilerplateLine(line), line).toBe(false);
  });
});
