// `serve`: runs until SIGINT/SIGTERM.
import { serve } from '../serve.ts';
import { createContext, fetchOptionsOf, type GlobalOptions } from './context.ts';
import { seedSources } from './sources.ts';

export async function serveCommand(options: GlobalOptions): Promise<void> {
  const ctx = createContext(options);
  seedSources(ctx);
  const running = await serve({ config: ctx.config, log: ctx.log, store: ctx.store(), fetchOptions: fetchOptionsOf(ctx.config) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void running.stop(signal).then(() => process.exit(0));
    });
  }
}
