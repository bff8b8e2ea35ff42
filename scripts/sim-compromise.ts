// npm run sim:compromise [-- --seeds 1,2,3 --identities 200 --spam 5000 --newsletter 3000]
// A shared-hosting login with many sender identities learns a week of normal mail; then one identity is taken over
// and sends spam while a newsletter goes out at its usual time. Prints how much spam left before the identity was
// stopped (floor: <= 25) and how much legitimate mail was delayed or refused (floor: 0).
import { parseArgs } from 'node:util';
import { runScenario } from './sim-compromise/scenario.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1' },
    identities: { type: 'string', default: '200' },
    spam: { type: 'string', default: '5000' },
    newsletter: { type: 'string', default: '3000' },
    days: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '8' },
  },
});

let failed = false;
for (const seed of values.seeds.split(',').map(Number)) {
  const started = performance.now();
  const r = await runScenario({
    seed,
    identities: Number(values.identities),
    historyDays: Number(values.days),
    newsletter: Number(values.newsletter),
    spam: Number(values.spam),
    spamMinutes: 10,
    concurrency: Number(values.concurrency),
  });
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
process.exit(failed ? 1 : 0);
