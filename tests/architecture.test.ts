// The layering of src/ (.dependency-cruiser.cjs): imports only go down, and no folder or module
// forms a cycle. A new import that breaks either fails here with the offending edge.
import { createRequire } from 'node:module';
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
