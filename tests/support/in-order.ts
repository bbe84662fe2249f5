// Array.map for asynchronous steps that must run one after another (store writes in a given
// order), not all at once as Promise.all(items.map(...)) would start them.
export async function mapInOrder<T, R>(items: readonly T[], step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const [index, item] of items.entries()) out.push(await step(item, index));
  return out;
}
