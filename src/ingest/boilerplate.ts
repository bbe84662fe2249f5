// Lines that are page furniture whatever the markup around them: datelines, credits, calls
// to action, cookie notices. Shared by the HTML path (page.ts, on Readability's output) and the
// raw-text path (rawtext.ts). Hand-written: these are news-page conventions no package lists.

/** Lines that are page furniture whatever the markup: datelines, credits, calls to action. */
const BOILERPLATE_LINES: RegExp[] = [
  /^\|?\s*(?:updated|published|posted|first published|last updated|modified)\b.{0,60}$/i,
  /^by [^.!?]{2,60}$/i,
  /^\[?(?:read more|related(?: post| news| articles?| stories)?|see more|see also|also(?: on [\w.]+)?|more|don'?t miss|recommended|watch|listen|filed under|tags|topics|categories|posted in)\s*:/i,
  /^(?:you may also like|you might also like|more stories|recent articles|popular this week|latest news|breaking news|trending|related(?: posts?| news| articles| stories)?|more great [\w ]{1,20} stories|about the author|loading(?: content)?|advert(?:isement)?|comments?|share|tweet|email|print|subscribe|sign (?:in|up)|skip to (?:main )?content|close|caption|home)\W*$/i,
  /^(?:image|photo|picture|video) (?:copyright|caption|credit)\b/i,
  /^\(?(?:image|photo|picture|credit|source|foto|фото)s?(?: credit)?\s*:[^.]{0,80}\)?$/i,
  /^credit\.\.\./i,
  /^(?:image )?\d+ of \/? ?\d+$/i,
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b/i,
  // A credit line alone ("Jane Doe contributed to this report."), not a paragraph that ends with one.
  /^[^.!?]{0,150}\bcontributed (?:to )?(?:this )?report(?:ing)?\.?$/i,
  /^(?:copyright|©)/i,
];
// Calls to action count only where they address the reader: "the ABC affiliate" or "sign up
// for updates from his campaign" in a report are article text.
const CALL_TO_ACTION = /\b(?:subscribe|sign up|newsletters?|click here|share (?:it|this))\b/i;
const ADDRESSES_READER = /^(?:subscribe|sign up|click|share|get|join|download)\b|\b(?:you|your|our|us)\b/i;
/** Notices that are furniture whoever they address. */
const SITE_NOTICE = /\bfollow (?:us|him|her|them) on\b|\bfollow\b.{0,40}\bon (?:twitter|facebook|instagram)|\buses cookies\b|\baffiliate (?:links?|commissions?)\b/i;
// A short line that ends with a photo credit in brackets is a caption.
const CAPTION_CREDIT = /\((?:[^()]*\b(?:photo|image|getty|reuters|afp|ap|epa|shutterstock)\b[^()]*)\)\s*$/i;
const PHOTO_AGENCY = /\b(?:getty images|shutterstock|ap photo|afp|reuters|epa)\b/i;
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|pst|pdt|cet|bst|ist)\b|\d+(?:[:./-]\d+)*|[,|/:–-]/gi;

// Both alternatives need the word "cookie": a plain substring test rules most lines out cheaply.
const MAY_BE_COOKIE_NOTICE = /cookie/i;
const COOKIE_NOTICE = /\bcookies?\b.*\b(?:website|browser|consent|experience|privacy)\b|\b(?:website|browser|consent|experience|privacy)\b.*\bcookies?\b/i;

/** A line that is page furniture, never article text, wherever it stands. */
export function isBoilerplateLine(line: string): boolean {
  if (BOILERPLATE_LINES.some((pattern) => pattern.test(line))) return true;
  if (MAY_BE_COOKIE_NOTICE.test(line) && COOKIE_NOTICE.test(line)) return true;
  if (line.length < 200 && (SITE_NOTICE.test(line) || (CALL_TO_ACTION.test(line) && ADDRESSES_READER.test(line)))) return true;
  if (line.length < 300 && CAPTION_CREDIT.test(line)) return true;
  if (line.length < 60 && PHOTO_AGENCY.test(line) && !/[.!?]$/.test(line)) return true;
  return line.length < 60 && /\d/.test(line) && isDateLine(line);
}

/**
 * A line that is a date, a time or a counter ("12 Comments", "2019") and at most one other
 * word ("Tempo de leitura" and the like keep it). A number and a name with a full stop is a
 * list item ("10 Mike."), unless a second date part makes it a date ("Sep. 5, 2016 2:12 p.m.").
 */
function isDateLine(line: string): boolean {
  let dateParts = 0;
  const rest = line.replace(DATE_WORDS, (part) => {
    if (/\w/.test(part)) dateParts++;
    return ' ';
  });
  return (dateParts >= 2 || !line.endsWith('.')) && rest.trim().split(/\s+/).filter(Boolean).length <= 1;
}
