// Decides what a fetched or read document is, from its content (and name or type when given),
// because file extensions and Content-Type headers are often wrong for news content.
export type DocumentKind = 'feed' | 'html' | 'text';

export function detectDocumentKind(body: string, hint: { name?: string; contentType?: string | null } = {}): DocumentKind {
  const head = body.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(head) || /"items"\s*:/.test(head) ? 'feed' : 'text';
  }
  if (head.startsWith('<')) {
    // Lower-cased only here: a plain text (most of a bulk ingest) needs no copy of its head.
    const lowerHead = head.toLowerCase();
    if (/<(rss|rdf:rdf|feed)[\s>]/.test(lowerHead)) return 'feed';
    if (/<(!doctype html|html|head|body|article|div|p)[\s>]/.test(lowerHead)) return 'html';
    if (lowerHead.startsWith('<?xml')) return /<(rss|rdf:rdf|feed)[\s>]/.test(body.slice(0, 20_000).toLowerCase()) ? 'feed' : 'html';
  }
  const type = hint.contentType?.toLowerCase() ?? '';
  if (type.includes('html') && head.includes('<')) return 'html';
  if (/\.(html?|xhtml)$/i.test(hint.name ?? '') && head.includes('<')) return 'html';
  return 'text';
}
