// Who did what to whom, for "who VERBed Y" questions ("who shot ronald reagan", "who put ginsburg
// on the court"): the answer is the doer of the verb, not the one it was done to. A sentence that
// names the doer ("Hinckley shot Reagan", "shot by Hinckley", "Hinckley, who shot Reagan",
// "criticized Shelby for shooting Crutcher") answers; one that uses the verb only in the passive
// without "by" ("Brady was shot in the head") names the one it was done to. Hand-written patterns
// over the sentence: no package parses news sentences into roles offline at this speed.
import { tokenAt, tokenSpans } from '../nlp/tokens.ts';
import { termKey } from './terms.ts';

/** A passive auxiliary right before a participle: "was shot", "had been appointed", "got fired". */
const PASSIVE_BEFORE = /\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\s+(?:(?:also|not|never|reportedly|allegedly|fatally|badly|later|then|first|just|\w+ly)\s+)?$/i;
/** "by" and a name within a few words after the participle: "shot by John Hinckley", "appointed to the court by President Bill Clinton". */
const BY_NAME = /^(?:\s+[\p{L}\p{N}'’-]+,?){0,8}?\s+by\s+(?:(?:the|former|then|then-|late|his|her|their)\s+)?(?:[\p{Ll}-]+\s+)?\p{Lu}/u;
/** "John Hinckley Jr., who shot ...", "Betty Shelby, who has been charged with shooting ..." */
const RELATIVE_AGENT = /\p{Lu}[\p{L}'’.-]*,?\s+who\s+(?:(?:has|had|also|allegedly|reportedly|later|then|fatally|\w+ly)\s+){0,2}$/u;
/** A name as the subject right before the verb: "Hinckley shot", "Clinton has appointed", "a builder, Peter Marsh, attacked". */
const NAME_SUBJECT = /\p{Lu}[\p{L}'’-]*[\p{L}],?\s+(?:(?:has|had|have|also|then|later|allegedly|reportedly|personally|\w+ly)\s+){0,2}$/u;
/** "criticized officer Betty Shelby for shooting ...", "charged Hinckley with shooting ...": the name before "for" / "with" did it. */
const NAME_FOR_ING = /\p{Lu}[\p{L}'’-]*[\p{L}],?\s+(?:for|with|of)\s+$/u;
/** Words that open a sentence and are capitalised for that reason only. */
const SENTENCE_OPENERS = /^(?:The|A|An|This|That|These|Those|It|He|She|They|We|I|In|On|At|After|Before|When|While|But|And|Or|So|If|As|His|Her|Their|Its|Our|There|Then|Now|Yet|Still|Also)$/;

/** The evidence of a passive with "by NAME" around the question's object when the verb is said in other words. */
export const PARAPHRASED = 0.7;

export interface RoleQuery {
  /** Keys of the question's verb in every form searched (inflections, synonyms). */
  verbKeys: ReadonlySet<string>;
  /** Keys of the words the verb was done to, as the question names them ("ronald", "reagan"). */
  objectKeys: ReadonlySet<string>;
}

/** The capitalised word the pattern ended on is a name, not a sentence opener ("The shooting"). */
function endsOnName(before: string, pattern: RegExp): boolean {
  const m = pattern.exec(before);
  if (!m) return false;
  const word = /\p{Lu}[\p{L}'’.-]*/u.exec(m[0])?.[0] ?? '';
  return !SENTENCE_OPENERS.test(word);
}

/**
 * How a sentence tells who did the question's verb: 1 when it names the doer (a name as the
 * subject of the active verb, "VERBed by NAME", "NAME, who VERBed", "NAME for VERBing"); 0 when it
 * has the verb only in the passive without "by" (its subject is the one it was done to);
 * PARAPHRASED when the verb is said in other words but the question's object stands before a
 * passive with "by NAME" ("Ginsburg was appointed to the court by President Bill Clinton" for "who
 * put ginsburg on the court"); null when it does not say.
 */
export function agentEvidence(text: string, query: RoleQuery): number | null {
  const spans = tokenSpans(text);
  const count = spans.bounds.length >> 1;
  let patientOnly = false;
  let objectSeen = false;
  let paraphrased = false;
  for (let k = 0; k < count; k++) {
    const start = spans.bounds[2 * k]!;
    const end = spans.bounds[2 * k + 1]!;
    const key = termKey(tokenAt(spans, k));
    if (query.objectKeys.has(key)) objectSeen = true;
    const before = text.slice(Math.max(0, start - 80), start);
    const after = text.slice(end, end + 120);
    const passive = PASSIVE_BEFORE.test(before);
    if (query.verbKeys.has(key)) {
      if (passive) {
        if (BY_NAME.test(after)) return 1;
        patientOnly = true;
        continue;
      }
      if (endsOnName(before, RELATIVE_AGENT) || endsOnName(before, NAME_FOR_ING) || endsOnName(before, NAME_SUBJECT)) return 1;
      continue;
    }
    // The verb in other words: the question's object, then a passive participle with "by NAME"
    // (less sure: the participle may say something else was done to it).
    if (objectSeen && passive && /(?:ed|en|wn)$/.test(tokenAt(spans, k)) && BY_NAME.test(after)) paraphrased = true;
  }
  return patientOnly ? 0 : paraphrased ? PARAPHRASED : null;
}
