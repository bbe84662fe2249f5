// The layering of src/, checked by `npm test` (tests/architecture.test.ts runs depcruise):
//   bot, cli, delivery, metrics, main/serve/scheduler -> app -> digest, qa, llm -> ingest -> store -> stories -> nlp -> model, config, util, dedup
// An import may only go down (or sideways where the order below allows it), and no module cycle anywhere.
const BASE = '^src/(model[.]ts|model/|config[.]ts|log[.]ts|secrets[.]ts|dedup/|util/|types/)';
const LOWER = '^src/(nlp|stories|store|ingest|telegram)/|^src/sources-file[.]ts';
const MIDDLE = '^src/(digest|qa|llm)/';
const APP = '^src/app/';
const TOP = '^src/(bot|cli|delivery|metrics)/|^src/(main|serve|scheduler)[.]ts';

const down = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules must not import each other in a circle.', from: {}, to: { circular: true } },
    down('base-stays-base', BASE, `${LOWER}|${MIDDLE}|${APP}|${TOP}`, 'model, config, log, secrets, dedup and util import nothing above them.'),
    down('lower-not-up', LOWER, `${MIDDLE}|${APP}|${TOP}`, 'analysis, stories, store and ingest never import digest, qa, llm, app or the front ends.'),
    down('middle-not-up', MIDDLE, `${APP}|${TOP}`, 'digest, qa and llm never import the app services or the front ends.'),
    down('app-not-up', APP, TOP, 'the app services never import the bot, the CLI or delivery.'),
    // Sideways, one way only, so that folders form no cycle.
    down('nlp-is-pure-analysis', '^src/nlp/', '^src/(stories|store|ingest)/', 'the analysis reads text, not the store or the network.'),
    down('stories-are-pure', '^src/stories/', '^src/(store|ingest)/', 'story assignment is logic over article features; the store calls it.'),
    down('store-not-ingest', '^src/store/', '^src/ingest/', 'the store keeps what ingest found; keys both use live in dedup/.'),
    down('digest-not-qa-or-llm', '^src/digest/', '^src/(qa|llm)/', 'a digest is built offline; the LLM improves it from above.'),
    down('llm-not-qa', '^src/llm/', '^src/qa/', 'answers are shared through the model (model/answer.ts).'),
    down('front-ends-apart', '^src/(delivery|cli)/', '^src/bot/', 'delivery and the CLI do not reach into the bot.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
