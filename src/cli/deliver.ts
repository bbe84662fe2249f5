// `deliver [--now]`: runs the daily-digest job once: decide who is due (everyone with --now),
// send the outbox (resuming whatever an earlier run left), and exit when it is empty.
import { ConfigError } from '../config.ts';
import { Delivery, botApi } from '../delivery/index.ts';
import { UserError, type CliContext } from './context.ts';
import { printJsonLine, printLine } from './format.ts';

export async function deliverCommand(ctx: CliContext, options: { now?: boolean; json?: boolean }): Promise<number> {
  const { config, log } = ctx;
  if (!config.bot.token) throw new ConfigError('deliver needs BOT_TOKEN (create a bot with @BotFather) to send digests');
  const store = await ctx.store();
  const delivery = new Delivery({ store, log, api: botApi(config.bot.token, config.bot.apiRoot), settings: config.delivery });

  const started = await delivery.start();
  if (!started.acquired) {
    const h = started.holder;
    throw new UserError(`another scheduler (pid ${h.pid} on ${h.host}) holds the delivery lock for this database until ${new Date(h.expiresAt).toISOString()}; nothing sent`);
  }

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    log.info({ signal }, 'stopping: messages in flight finish, the rest stays in the outbox for the next run');
    void delivery.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const report = await delivery.tick({ everyoneDue: options.now ?? false });
    if (!interrupted) await delivery.drain();
    await delivery.stop();
    const stats = await delivery.stats();
    const summary = {
      due: report?.due ?? 0,
      queued: report?.queued ?? 0,
      skippedEmpty: report?.skippedEmpty ?? 0,
      sent: stats.sender.sent,
      failed: stats.sender.failed,
      deactivated: stats.sender.deactivated,
      rateLimited: stats.sender.rateLimited,
      recoveredUnknown: stats.recoveredUnknown,
      pending: stats.counts.messages.pending,
      unknownTotal: stats.counts.messages.unknown,
      interrupted,
    };
    log.info(summary, 'deliver finished');
    if (options.json) printJsonLine(summary);
    else {
      printLine(
        `due ${summary.due}, queued ${summary.queued}, empty ${summary.skippedEmpty}; sent ${summary.sent} messages, failed ${summary.failed}, deactivated ${summary.deactivated}`,
      );
      if (summary.recoveredUnknown) printLine(`${summary.recoveredUnknown} messages left in flight by an earlier run recorded as unknown (not resent)`);
      if (summary.pending) printLine(`${summary.pending} messages still pending (next run resumes them)`);
    }
    return interrupted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await delivery.stop();
  }
}
