// Markup passes that must stay linear whatever the input: HTML fragment -> plain text (feed
// bodies and titles), and a nesting-depth cap applied before a page's DOM is built.
// Both ride on htmlparser2's Tokenizer, which is linear; its Parser (and linkedom, built on
// it) keeps the open-element stack in an array it shifts and unshifts, so a page nested
// 20,000 deep costs seconds there and 200,000 deep minutes. Regular expressions with a
// lazy "up to the next >" are no better: '<a x' repeated 40,000 times took 7.6 s.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

const NO_OP = (): void => undefined;

/** Tokenizer callbacks that ignore everything; a pass overrides what it needs. */
function callbacks(overrides: Partial<TokenizerCallbacks>): TokenizerCallbacks {
  return {
    onattribdata: NO_OP, onattribentity: NO_OP, onattribend: NO_OP, onattribname: NO_OP, oncdata: NO_OP, onclosetag: NO_OP,
    oncomment: NO_OP, ondeclaration: NO_OP, onend: NO_OP, onopentagend: NO_OP, onopentagname: NO_OP, onprocessinginstruction: NO_OP,
    onselfclosingtag: NO_OP, ontext: NO_OP, ontextentity: NO_OP,
    ...overrides,
  };
}

function tokenize(html: string, handlers: Partial<TokenizerCallbacks>, decodeEntities: boolean): void {
  const tokenizer = new Tokenizer({ decodeEntities }, callbacks(handlers));
  tokenizer.write(html);
  tokenizer.end();
}

// ---------------------------------------------------------------------------------------
// HTML -> text without a DOM: nothing is executed or fetched, script/style bodies dropped.

/** Never text: dropped with their content. script and style also when unclosed (as a browser would not show them). */
const DROP_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'select', 'button', 'form']);
const ALWAYS_RAW = new Set(['script', 'style']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'section', 'article', 'aside', 'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'caption', 'main', 'nav', 'address',
]);

/**
 * Plain text from an HTML fragment: tags removed, entities decoded, one paragraph per block
 * element separated by blank lines. With `inline`, everything is on one line (titles).
 * Linear in the input's length.
 */
export function htmlToText(html: string, options: { inline?: boolean } = {}): string {
  let s = rawText(html);
  s = s.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/\u200B|\u200C|\u200D|\uFEFF/g, '');
  if (options.inline) return s.replace(/\s+/g, ' ').trim();
  return s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Text and block breaks, before whitespace is normalised. */
function rawText(html: string): string {
  const lower = html.toLowerCase();
  // A dropped element that is never closed would hide the rest: only script and style do that.
  const closable = new Set([...DROP_ELEMENTS].filter((name) => ALWAYS_RAW.has(name) || lower.includes(`</${name}`)));
  const parts: string[] = [];
  const open = new Map<string, number>();
  let dropping = 0;
  let tag = '';
  const endOfOpenTag = (): void => {
    if (closable.has(tag)) {
      open.set(tag, (open.get(tag) ?? 0) + 1);
      dropping++;
    } else if (!dropping && BLOCK_TAGS.has(tag)) parts.push('\n\n');
  };
  tokenize(
    html,
    {
      ontext: (start, end) => void (dropping || parts.push(html.slice(start, end))),
      ontextentity: (codePoint) => void (dropping || parts.push(String.fromCodePoint(codePoint))),
      onopentagname: (start, end) => void (tag = lower.slice(start, end)),
      onopentagend: endOfOpenTag,
      onselfclosingtag: endOfOpenTag,
      onclosetag: (start, end) => {
        const name = lower.slice(start, end);
        const count = open.get(name) ?? 0;
        if (count > 0) {
          open.set(name, count - 1);
          dropping--;
        } else if (!dropping && BLOCK_TAGS.has(name)) parts.push('\n\n');
      },
      oncomment: () => void parts.push(' '),
      // CDATA inside HTML: its content is markup too (one level: CDATA cannot nest).
      oncdata: (start, end, offset) => void (dropping || parts.push(rawText(html.slice(start, end - offset)))),
    },
    true,
  );
  return parts.join('');
}

// ---------------------------------------------------------------------------------------
// Nesting cap. linkedom builds the tree with htmlparser2's Parser, whose rules for implied
// end tags are mirrored here (copied from htmlparser2 10's Parser.js), so that this pass
// knows the depth the DOM will have. Tags opened beyond the cap are dropped, with their
// close tags; their text stays, so nothing readable is lost. Mirroring errs the safe way:
// where it cannot follow (SVG's self-closing tags) it counts deeper than the DOM will be.

const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['body', ['head', 'link', 'script']], ['li', ['li']],
      ['p', P], ['h1', P], ['h2', P], ['h3', P], ['h4', P], ['h5', P], ['h6', P],
      ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
      ['option', ['option']], ['optgroup', ['optgroup', 'option']], ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']],
      ['address', P], ['article', P], ['aside', P], ['blockquote', P], ['details', P], ['div', P], ['dl', P], ['fieldset', P],
      ['figcaption', P], ['figure', P], ['footer', P], ['form', P], ['header', P], ['hr', P], ['main', P], ['nav', P], ['ol', P],
      ['pre', P], ['section', P], ['table', P], ['ul', P], ['rt', ['rt', 'rp']], ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']],
    ] as const
  ).map(([name, closes]) => [name, new Set<string>(closes)]),
);
const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Deepest element nesting a page keeps: real pages stay under 100; Readability slows down steeply with depth. */
export const MAX_NESTING_DEPTH = 256;

/**
 * The markup with every tag that would sit deeper than `maxDepth` in the DOM removed (text
 * kept); the input itself when nothing is that deep. Linear in the input's length.
 */
export function capNestingDepth(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  const lower = html.toLowerCase();
  // Each open element: its name, and whether its tags are kept. Pushed and popped at the end only.
  const names: string[] = [];
  const kept: boolean[] = [];
  const openCount = new Map<string, number>();
  let keptDepth = 0;
  const cuts: [number, number][] = [];
  let tag = '';
  let tagStart = 0;

  const pop = (): void => {
    const name = names.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    if (kept.pop()) keptDepth--;
  };
  const endOfOpenTag = (end: number): void => {
    const implied = OPEN_IMPLIES_CLOSE.get(tag);
    if (implied) while (names.length && implied.has(names[names.length - 1]!)) pop();
    if (VOID_ELEMENTS.has(tag)) return;
    const keep = keptDepth < maxDepth;
    if (keep) keptDepth++;
    else cuts.push([tagStart, end + 1]);
    names.push(tag);
    kept.push(keep);
    openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
  };

  tokenize(
    html,
    {
      onopentagname: (start, end) => {
        tag = lower.slice(start, end);
        tagStart = start - 1;
      },
      onopentagend: endOfOpenTag,
      onselfclosingtag: endOfOpenTag,
      onclosetag: (start, end) => {
        const name = lower.slice(start, end);
        if (!openCount.get(name)) return;
        // Popping down to the element closes the ones above it, as the parser does.
        while (names[names.length - 1] !== name) pop();
        const wasKept = kept[kept.length - 1];
        pop();
        if (!wasKept) {
          const close = lower.indexOf('>', end);
          cuts.push([lower.lastIndexOf('<', start), close === -1 ? html.length : close + 1]);
        }
      },
    },
    false,
  );
  if (!cuts.length) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
