// npm run sim:compromise [-- --variants burst,rotate --seeds 4,5,6 --identities 200 --spam 500 --newsletter 3000]
// npm run sim:compromise -- --content-blind   (content scoring never objects: containment alone)
// npm run sim:compromise -- --smtp [--seeds 1 --spam 5000]
// A shared-hosting login with many sender identities learns a week of normal mail; then the login is taken over and
// sends phishing in one of five ways (burst, rotate, spread, mixed, slow; see world.ts) while its other identities go
// on with their ordinary mail and a newsletter. One line per variant: spam delivered (floor <= 25, aim 10) and
// legitimate mail held or refused (floor 0). By default against the engine (the relay's policy, no sockets);
// `--smtp` runs the burst over real SMTP through the accept stage.
// Seeds 1-3 are the ones the thresholds were designed on; report on others (the default 4,5,6).
import { parseArgs } from 'node:util';
import { meetsFloors, runVariant, variantLine } from './sim-compromise/engine.js';
import { runScenario } from './sim-compromise/scenario.js';
import { VARIANTS, type Variant } from './sim-compromise/world.js';

const { values } = parseArgs({
  options: {
    smtp: { type: 'boolean', default: false },
    'content-blind': { type: 'boolean', default: false },
    variants: { type: 'string', default: VARIANTS.join(',') },
    seeds: { type: 'string', default: '4,5,6' },
    identities: { type: 'string', default: '200' },
    spam: { type: 'string', default: '500' },
    newsletter: { type: 'string', default: '3000' },
    days: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '8' },
  },
});

const world = {
  identities: Number(values.identities),
  historyDays: Number(values.days),
  newsletter: Number(values.newsletter),
  spam: Number(values.spam),
  spamMinutes: 10,
};
const seeds = values.seeds.split(',').map(Number);
let failed = false;

if (values.smtp) {
  for (const seed of seeds) {
    const started = performance.now();
    const r = await runScenario({ seed, ...world, concurrency: Number(values.concurrency) });
    const seconds = (performance.now() - started) / 1000;
    const ok = r.spamLeft <= 25 && r.legitDelayed + r.legitRefused === 0;
    failed ||= !ok;
    console.log(
      [
        `seed ${seed}: ${r.messagesSubmitted} messages over SMTP in ${seconds.toFixed(1)} s (${Math.round(r.messagesSubmitted / seconds)} msgs/s)`,
        `  hijacked identity ${r.hijacked}: spam left before it was stopped: ${r.spamLeft} (floor <= 25); held ${r.spamHeld}, refused ${r.spamRefused}, deferred ${r.spamDeferred}; suspended after ${r.stoppedAfter} spam messages`,
        `  ${r.suspensionReason}`,
        `  legitimate mail on the attack day: ${r.legitSent} messages, delayed ${r.legitDelayed}, refused ${r.legitRefused} (floor 0)`,
        `  the hijacked identity's own ordinary mail refused after its suspension (not counted above): ${r.hijackedOwnRefused}`,
        `  learning week: ${r.historyDeferrals} deferrals (new identities earning volume), ${r.historyRefusedOrHeld} refused or held`,
        `  ${ok ? 'PASS' : 'FAIL'}`,
      ].join('\n'),
    );
  }
} else {
  for (const variant of values.variants.split(',') as Variant[]) {
    if (!VARIANTS.includes(variant)) throw new Error(`unknown variant ${variant}; one of ${VARIANTS.join(', ')}`);
    for (const seed of seeds) {
      const started = performance.now();
      const v = await runVariant({ seed, variant, ...world, contentBlind: values['content-blind'] });
      const ok = meetsFloors(v);
      failed ||= !ok;
      console.log(`${variantLine(v)} ${ok ? 'PASS' : 'FAIL'} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      if (process.env.SIM_VERBOSE) console.log(`  first stop: ${v.firstStop}\n  learning week: ${v.history.deferred} deferred, ${v.history.heldOrRefused} held or refused`);
    }
  }
}
process.exit(failed ? 1 : 0);
