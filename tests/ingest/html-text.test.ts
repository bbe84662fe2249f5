import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, capNestingDepth, htmlToText } from '../../src/ingest/html-text.ts';

/** Deepest element nesting of the DOM linkedom builds from the markup. */
function domDepth(html: string): number {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  let deepest = 0;
  for (const element of document.querySelectorAll('*') as Iterable<{ parentElement: unknown }>) {
    let depth = 0;
    for (let node = element.parentElement as { parentElement: unknown } | null; node; node = node.parentElement as typeof node) depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

// Each of these took seconds to minutes with the regular-expression version (quadratic):
// '<a x' x 40,000 took 7.6 s, '<scripx ' x 40,000 15 s. Here they take milliseconds; the
// test timeout is only the safety net on a busy machine.
describe('htmlToText on hostile fragments', () => {
  const shapes = ['<a x', '<scripx ', '<!--', '<script>', '<div>', '</span>', '<a href="'];
  for (const shape of shapes) {
    it(`returns for ${JSON.stringify(shape)} x 120,000 without quadratic work`, () => {
      expect(typeof htmlToText(`before ${shape.repeat(120_000)} after`)).toBe('string');
    });
  }

  it('handles a CDATA section full of tag-like text (a feed description seen in the wild)', () => {
    const text = htmlToText(`<p>Intro</p><![CDATA[${'<a x'.repeat(120_000)}]]><p>Outro</p>`);
    expect(text.startsWith('Intro')).toBe(true);
  });

  it('keeps paragraphs, decodes entities, and drops scripts, styles and unclosed scripts', () => {
    expect(htmlToText('<div>One &amp; two<br>three</div><style>p{}</style><p>four &hellip;</p><script>x')).toBe('One & two\n\nthree\n\nfour …');
    expect(htmlToText('a <b>bold</b> &lt;tag&gt; &#x1F600; &bogus; 5 < 6')).toBe('a bold <tag> 😀 &bogus; 5 < 6');
    expect(htmlToText('<p>a</p><![CDATA[<b>b</b>]]>')).toBe('a\n\nb');
  });

  it('keeps the text after an element that is dropped but never closed (only script and style swallow the rest)', () => {
    expect(htmlToText('<form>Name <p>Body text')).toBe('Name\n\nBody text');
  });
});

describe('capNestingDepth', () => {
  const para = '<p>The council approved the budget on Tuesday after a long debate.</p>';
  const shapes: Record<string, (depth: number) => string> = {
    div: (d) => `${'<div>'.repeat(d)}${para}${'</div>'.repeat(d)}`,
    table: (d) => `${'<table><tr><td>'.repeat(d)}${para}${'</td></tr></table>'.repeat(d)}`,
    'unclosed list': (d) => `${'<ul><li>'.repeat(d)}${para}`,
    // </p> with no open <p> must not fool the count: the parser keeps the <div>s open.
    'stray closes': (d) => `${'<p><div></p>'.repeat(d)}${para}`,
    'mixed inline': (d) => `${'<span><b><i>'.repeat(d)}${para}`,
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`keeps a ${name} page 5,000 deep within ${MAX_NESTING_DEPTH} levels, text intact`, () => {
      const capped = capNestingDepth(make(5_000));
      expect(domDepth(capped)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 2);
      expect(capped).toContain('The council approved the budget on Tuesday after a long debate.');
    });
  }

  it('leaves a normal page untouched', () => {
    const page = `<html><head><title>x</title></head><body><div class="a"><p>One<br>two</p><ul><li>a<li>b</ul><table><tr><td>c</td></tr></table></div></body></html>`;
    expect(capNestingDepth(page)).toBe(page);
  });

  it('drops only the tags beyond the cap', () => {
    expect(capNestingDepth('<div><div><div>x</div></div></div>', 2)).toBe('<div><div>x</div></div>');
  });
});
