// A feed whose two teasers link to pages that are slow to parse: one nested 2,000 tables deep
// (12 s of Readability on the main thread before issue 18), one wide enough to run past a
// 15 s parse time limit on any machine (about 4.8 MB: under the 5 MB page limit; 42 s for a
// tenth of it on a loaded 2-core machine). For tests and benchmarks of a bot that stays responsive
// while fetch parses hostile documents.
import type { FixtureServer } from './fixture-server.ts';

const PARAGRAPH = '<p>The council met on Tuesday and agreed the budget for next year after a long and heated debate.</p>';

/** Serves /feed.xml, /deep.html and /wide.html; `wideServed()` turns true once the wide page has gone out. */
export function serveHostileFeed(fx: FixtureServer): { feedUrl: string; wideServed(): boolean } {
  const teaser = (n: number, path: string) => `<item><title>Teaser ${n}</title><link>${fx.url(path)}</link><description>Short teaser ${n}.</description></item>`;
  fx.static('/feed.xml', `<rss version="2.0"><channel><title>Hostile</title>${teaser(1, '/deep.html')}${teaser(2, '/wide.html')}</channel></rss>`, { contentType: 'application/rss+xml' });
  fx.static('/deep.html', `<html><body>${'<table><tr><td>'.repeat(2_000)}${PARAGRAPH.repeat(3)}${'</td></tr></table>'.repeat(2_000)}</body></html>`, { contentType: 'text/html' });
  let served = false;
  const wide = `<html><body>${PARAGRAPH}${'<p>"'.repeat(1_200_000)}</body></html>`;
  fx.handle('/wide.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(wide, () => (served = true));
  });
  return { feedUrl: fx.url('/feed.xml'), wideServed: () => served };
}
