// The layering of src/ (.dependency-cruiser.cjs): imports only go down, and no folder or module
// forms a cycle. A new import that breaks either fails here with the offending edge. And the bot
// sends HTML only through its helpers, which take escaped Html.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');
let result: ICruiseResult;

beforeAll(async () => {
  process.chdir(new URL('..', import.meta.url).pathname);
  result = (await cruise(['src'], { ruleSet: config, validate: true, ...config.options })).output as ICruiseResult;
}, 60_000);

/** src/x/y.ts -> "x"; src/y.ts -> "y" (a top-level module is its own node). */
function folderOf(path: string): string {
  return path.replace(/^src\//, '').split('/')[0]!.replace(/\.ts$/, '');
}

/** Folders on a cycle of the folder graph (Tarjan's strongly connected components of size > 1). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) visit(next);
      if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, low.get(next)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('the layering of src/', () => {
  it('has no import that goes up a layer or sideways against the order, and no module cycle', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
    // The cruise did read the code (a broken resolver would find no edges and pass).
    expect(result.summary.totalDependenciesCruised).toBeGreaterThan(300);
  });

  it('has no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const module of result.modules) {
      if (!module.source.startsWith('src/')) continue;
      const from = folderOf(module.source);
      for (const dependency of module.dependencies) {
        if (!dependency.resolved.startsWith('src/')) continue;
        const to = folderOf(dependency.resolved);
        if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(folderCycles(edges)).toEqual([]);
  });
});

/** Names that make a Telegram send parse HTML (or Markdown): only the helpers may use them. */
const HTML_SEND_NAMES = new Set(['HTML_MESSAGE', 'parse_mode', 'replyWithHTML', 'replyWithMarkdown', 'replyWithMarkdownV2']);
/** The helpers in src/bot/context.ts that send HTML: replyHtml and htmlMessage take Html (escaped), sendRenderedHtml a rendered digest. */
const HTML_HELPERS = new Set(['replyHtml', 'htmlMessage', 'sendRenderedHtml']);

/** Every use of an HTML send option or method in the file outside the helpers, as "path:line name". */
function htmlSendsOutsideHelpers(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, helper: boolean): void => {
    // An import sends nothing; a use does.
    if (ts.isImportDeclaration(node)) return;
    const inHelper = helper || (ts.isFunctionDeclaration(node) && node.name !== undefined && HTML_HELPERS.has(node.name.text) && path.endsWith('src/bot/context.ts'));
    if ((ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && HTML_SEND_NAMES.has(node.text) && !inHelper) {
      found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, (child) => visit(child, inHelper));
  };
  visit(file, false);
  return found;
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

describe('HTML in bot replies', () => {
  const root = new URL('..', import.meta.url).pathname;

  it('is sent only through replyHtml, htmlMessage and sendRenderedHtml: no reply, edit or send elsewhere in src/bot/ sets parse_mode', () => {
    const files = typeScriptFiles(join(root, 'src/bot'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) => htmlSendsOutsideHelpers(relative(root, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches a reply, an edit or a send that sets HTML itself, and leaves the helpers alone', () => {
    const planted = [
      "await ctx.reply(text, { ...HTML_MESSAGE });",
      "await ctx.editMessageText(text, { parse_mode: 'HTML' });",
      "await ctx.telegram.sendMessage(chat, text, { 'parse_mode': 'HTML' });",
      'await ctx.replyWithHTML(text);',
    ].join('\n');
    expect(htmlSendsOutsideHelpers('src/bot/features/planted.ts', planted)).toEqual([
      'src/bot/features/planted.ts:1 HTML_MESSAGE',
      'src/bot/features/planted.ts:2 parse_mode',
      'src/bot/features/planted.ts:3 parse_mode',
      'src/bot/features/planted.ts:4 replyWithHTML',
    ]);
    const helper = 'export function replyHtml(ctx, body) { return ctx.reply(body.toString(), { ...HTML_MESSAGE }); }';
    expect(htmlSendsOutsideHelpers('src/bot/context.ts', helper)).toEqual([]);
    expect(htmlSendsOutsideHelpers('src/bot/features/x.ts', helper)).toEqual(['src/bot/features/x.ts:1 HTML_MESSAGE']);
  });
});
