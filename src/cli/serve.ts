// `serve`: runs until SIGINT/SIGTERM, or until the bot stops by itself: then it exits
// non-zero with one line on stderr, so that a supervisor restarts it.
import { serve, type Running } from '../serve.ts';
import { describeError } from '../secrets.ts';
import { createContext, type GlobalOptions } from './context.ts';
import { seedSources } from './sources.ts';

export async function serveCommand(options: GlobalOptions): Promise<void> {
  const ctx = createContext(options, { bot: true });
  await seedSources(ctx);
  let running: Running;
  try {
    running = await serve({ config: ctx.config, log: ctx.log, store: await ctx.store(), fetchOptions: ctx.config.fetch.request });
  } catch (error) {
    // Already shut down; exit now rather than when idle keep-alive sockets time out.
    process.stderr.write(`news-digest: ${describeError(error)}\n`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void running.stop(signal).then(() => process.exit(0));
    });
  }
  void running.failed.then(async (error) => {
    await running.stop('the bot stopped');
    process.stderr.write(`news-digest: the Telegram bot stopped: ${describeError(error)}\n`);
    process.exit(1);
  });
}
