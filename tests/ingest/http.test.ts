import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError, assertPublicUrl, fetchUrl, isPrivateAddress, type LookupFunction } from '../../src/ingest/http.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';

let fx: FixtureServer;
beforeAll(async () => {
  fx = await startFixtureServer();
});
afterAll(async () => {
  await fx.close();
});
beforeEach(() => fx.clear());

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchUrl', () => {
  it('returns status, final URL, headers and the body bytes, with a User-Agent', async () => {
    fx.static('/a.xml', '<rss/>', { contentType: 'application/rss+xml' });
    const res = await fetchUrl(fx.url('/a.xml'), { userAgent: 'test-agent/1' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(fx.url('/a.xml'));
    expect(res.headers['content-type']).toBe('application/rss+xml');
    expect(new TextDecoder().decode(res.body)).toBe('<rss/>');
    expect(res.notModified).toBe(false);
    expect(fx.requestsTo('/a.xml')[0]?.headers['user-agent']).toBe('test-agent/1');
  });

  it('sends stored validators and reports 304 as notModified', async () => {
    fx.static('/feed', 'x', { etag: '"v1"', lastModified: 'Mon, 02 Sep 2024 10:00:00 GMT' });
    const res = await fetchUrl(fx.url('/feed'), { etag: '"v1"', lastModified: 'Mon, 02 Sep 2024 10:00:00 GMT' });
    expect(res.notModified).toBe(true);
    expect(res.status).toBe(304);
    expect(res.body.byteLength).toBe(0);
    const headers = fx.requestsTo('/feed')[0]?.headers;
    expect(headers?.['if-none-match']).toBe('"v1"');
    expect(headers?.['if-modified-since']).toBe('Mon, 02 Sep 2024 10:00:00 GMT');
  });

  it('follows relative and absolute redirects and reports the final URL', async () => {
    fx.redirect('/r1', '/r2', 301);
    fx.redirect('/r2', fx.url('/final'), 307);
    fx.static('/final', 'done');
    const res = await fetchUrl(fx.url('/r1'));
    expect(res.url).toBe(fx.url('/final'));
    expect(new TextDecoder().decode(res.body)).toBe('done');
  });

  it('detects a redirect loop', async () => {
    fx.redirect('/loop-a', '/loop-b');
    fx.redirect('/loop-b', '/loop-a');
    const err = await failure(fetchUrl(fx.url('/loop-a')));
    expect(err.kind).toBe('redirect');
    expect(err.message).toMatch(/^redirect loop/);
  });

  it('stops after 5 redirects', async () => {
    for (let i = 0; i < 7; i++) fx.redirect(`/hop${i}`, `/hop${i + 1}`);
    fx.static('/hop7', 'end');
    const err = await failure(fetchUrl(fx.url('/hop0')));
    expect(err.message).toBe('too many redirects (more than 5)');
    expect(fx.requests.length).toBe(6);
  });

  it('refuses redirects to other schemes', async () => {
    fx.redirect('/to-file', 'file:///etc/passwd');
    const err = await failure(fetchUrl(fx.url('/to-file')));
    expect(err.message).toBe('redirect to unsupported scheme file:');
  });

  it('times out on slow headers and on a slow body', async () => {
    fx.static('/slow-headers', 'late', { headersDelayMs: 2_000 });
    fx.static('/slow-body', 'late', { bodyDelayMs: 2_000 });
    // A timeout error, not the late answer, proves the deadline cut both short.
    const a = await failure(fetchUrl(fx.url('/slow-headers'), { timeoutMs: 150 }));
    const b = await failure(fetchUrl(fx.url('/slow-body'), { timeoutMs: 150 }));
    expect(a.kind).toBe('timeout');
    expect(a.message).toBe('timeout after 150 ms');
    expect(b.message).toBe('timeout after 150 ms');
  });

  it('fails a 10 MB body with a 5 MB cap while streaming, and at once when Content-Length says so', async () => {
    fx.huge('/huge', 10_000_000);
    fx.huge('/huge-declared', 10_000_000, { declareLength: true });
    const a = await failure(fetchUrl(fx.url('/huge'), { maxBytes: 5_000_000 }));
    expect(a.kind).toBe('too-large');
    expect(a.message).toBe('response larger than 5000000 bytes');
    const b = await failure(fetchUrl(fx.url('/huge-declared'), { maxBytes: 5_000_000 }));
    expect(b.message).toBe('response larger than 5000000 bytes');
  });

  it('reports HTTP errors with Retry-After in seconds or as a date', async () => {
    fx.status('/busy', 503, { retryAfter: '120' });
    fx.status('/limited', 429, { retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    fx.status('/gone', 404);
    const a = await failure(fetchUrl(fx.url('/busy')));
    expect(a.message).toBe('HTTP 503');
    expect(a.status).toBe(503);
    expect(a.retryAfterMs).toBe(120_000);
    const b = await failure(fetchUrl(fx.url('/limited')));
    expect(b.message).toBe('HTTP 429');
    expect(b.retryAfterMs).toBeGreaterThan(55_000);
    expect(b.retryAfterMs).toBeLessThanOrEqual(60_000);
    const c = await failure(fetchUrl(fx.url('/gone')));
    expect(c.message).toBe('HTTP 404');
    expect(c.retryAfterMs).toBeUndefined();
  });

  it('explains a connection reset and a truncated body', async () => {
    fx.reset('/reset');
    fx.truncated('/truncated', 'x'.repeat(1000), 100);
    const a = await failure(fetchUrl(fx.url('/reset')));
    expect(a.kind).toBe('network');
    expect(a.message).toMatch(/connection (reset|closed)/);
    const b = await failure(fetchUrl(fx.url('/truncated')));
    expect(b.kind).toBe('network');
    expect(b.message).toMatch(/before the response was complete/);
  });

  it('rejects non-http URLs and, when asked, private addresses', async () => {
    const a = await failure(fetchUrl('ftp://example.org/feed'));
    expect(a.kind).toBe('invalid-url');
    const b = await failure(fetchUrl('not a url'));
    expect(b.kind).toBe('invalid-url');
    fx.static('/private', 'x');
    const c = await failure(fetchUrl(fx.url('/private'), { allowPrivate: false }));
    expect(c.kind).toBe('blocked');
    expect(fx.requests.length).toBe(0);
  });
});

describe('isPrivateAddress / assertPublicUrl', () => {
  it('classifies addresses', () => {
    for (const host of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '[::1]', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'localhost']) {
      expect(isPrivateAddress(host), host).toBe(true);
    }
    for (const host of ['8.8.8.8', '151.101.1.1', '2a00:1450:4001::1', 'example.org']) {
      expect(isPrivateAddress(host), host).toBe(false);
    }
  });

  it('refuses private literals and localhost names, allows them when configured', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080/x', false)).rejects.toThrow(/not a public address/);
    await expect(assertPublicUrl('http://[::1]/x', false)).rejects.toThrow(/not a public address/);
    await expect(assertPublicUrl('http://2130706433/x', false)).rejects.toThrow(/not a public address/);
    await expect(assertPublicUrl('http://localhost/x', false)).rejects.toThrow(/not a public address/);
    await expect(assertPublicUrl('javascript:alert(1)', false)).rejects.toThrow(/unsupported URL scheme/);
    await expect(assertPublicUrl('http://127.0.0.1/x', true)).resolves.toBeInstanceOf(URL);
    await expect(assertPublicUrl('http://8.8.8.8/x', false)).resolves.toBeInstanceOf(URL);
  });
});

describe('the private-address policy (issue 18: spellings it missed, and DNS rebinding)', () => {
  it('refuses every non-public spelling ipaddr.js knows, and keeps public addresses', () => {
    const refused = [
      '::127.0.0.1', '[::127.0.0.1]', '::ffff:0:7f00:1', '[::ffff:0:7f00:1]', '64:ff9b::7f00:1', '2002:7f00:1::1', '2001::1', '192.0.2.1', '198.51.100.7',
      '203.0.113.9', '2001:db8::1', '100::1', '::', '255.255.255.255', '192.88.99.1', '198.18.0.1',
    ];
    for (const host of refused) expect(isPrivateAddress(host), host).toBe(true);
    for (const host of ['8.8.8.8', '::ffff:8.8.8.8', '2a00:1450:4001::1']) expect(isPrivateAddress(host), host).toBe(false);
  });

  it('refuses those spellings in URLs before any request', async () => {
    for (const url of ['http://[::127.0.0.1]/x', 'http://[::ffff:0:7f00:1]/x', 'http://[64:ff9b::7f00:1]/x', 'http://[2002:7f00:1::1]/x', 'http://192.0.2.1/x', 'http://0x7f.1/x']) {
      await expect(assertPublicUrl(url, false), url).rejects.toThrow(/not a public address/);
    }
  });

  // This machine has no public address to test with: the policy is told that the fixture
  // server's 127.0.0.1 is public, and 127.0.0.2 (also this machine) stands for a private one.
  const onlyFixtureIsPublic = (address: string) => address === '127.0.0.1';
  const resolver = (answers: string[]): LookupFunction => {
    let call = 0;
    return (_host, options, callback) => {
      const address = answers[Math.min(call++, answers.length - 1)]!;
      if (options.all) callback(null, [{ address, family: 4 }]);
      else callback(null, address, 4);
    };
  };

  it('fetches through the checking agent when the name resolves to an allowed address', async () => {
    fx.static('/ok', 'fine');
    const port = new URL(fx.origin).port;
    const res = await fetchUrl(`http://news.test:${port}/ok`, { allowPrivate: false, network: { lookup: resolver(['127.0.0.1']), isPublicAddress: onlyFixtureIsPublic } });
    expect(new TextDecoder().decode(res.body)).toBe('fine');
  });

  it('checks the address it connects to: a name that resolves to a public address first and a private one on connect is refused', async () => {
    fx.static('/x', 'secret');
    const port = new URL(fx.origin).port;
    const err = await failure(fetchUrl(`http://rebind.test:${port}/x`, { allowPrivate: false, network: { lookup: resolver(['127.0.0.1', '127.0.0.2']), isPublicAddress: onlyFixtureIsPublic } }));
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(/refusing to connect to rebind\.test: it resolves to non-public address 127\.0\.0\.2/);
  });

  it('refuses a redirect to a private address before following it', async () => {
    const port = new URL(fx.origin).port;
    const network = { lookup: resolver(['127.0.0.1']), isPublicAddress: onlyFixtureIsPublic };
    for (const target of [`http://127.0.0.2:${port}/x`, `http://[::1]:${port}/x`, `http://localhost:${port}/x`, `http://[::ffff:127.0.0.2]:${port}/x`]) {
      fx.redirect('/hop', target);
      const err = await failure(fetchUrl(fx.url('/hop'), { allowPrivate: false, network }));
      expect(err.kind, target).toBe('blocked');
    }
    expect(fx.requests.every((r) => r.path === '/hop')).toBe(true);
  });
});

describe('fetchUrl against hostile servers (attack classes that must stay handled)', () => {
  it('stops a gzip bomb at the size cap, counted after decoding', async () => {
    const bomb = gzipSync(Buffer.alloc(50_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    fx.handle('/bomb', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    const err = await failure(fetchUrl(fx.url('/bomb'), { maxBytes: 1_000_000 }));
    expect(err.kind).toBe('too-large');
  });

  it('gives up on a slowloris body that trickles a byte at a time, at the deadline of the whole exchange', async () => {
    fx.handle('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('a')), 50);
      res.on('close', () => clearInterval(timer));
    });
    const err = await failure(fetchUrl(fx.url('/drip'), { timeoutMs: 800 }));
    expect(err.kind).toBe('timeout');
  });
});
