// Identity benchmarks for `npm run bench identity`: policy evaluation per request (target under
// 50 µs median) and sign-in throughput with the chosen argon2id parameters.
import {
  type Actor,
  decideFor,
  mayAttempt,
  type PersonalObject,
  personalRelations,
} from '../src/domain/access/policy.ts';
import { hashPassword, verifyPassword } from '../src/features/identity/credentials.ts';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

export function policyBenchmark() {
  const actor: Actor = {
    personId: 'p-1',
    memberships: [
      { role: 'counsellor', organisationId: 'org-a', jurisdictions: [{ scope: 'state', stateCode: 'SN' }] },
      {
        role: 'foreigners-office-caseworker',
        organisationId: 'org-b',
        jurisdictions: Array.from({ length: 13 }, (_, i) => ({
          scope: 'district' as const,
          ags: `146${String(i).padStart(2, '0')}`,
        })),
      },
    ],
  };
  const object: PersonalObject = {
    subjectPersonId: 'p-2',
    subjectOrganisationIds: ['org-x'],
    consentedOrganisationIds: ['org-y', 'org-z'],
    location: { stateCode: 'SN', districtAgs: '14626', countryCode: 'IN' },
  };
  const samples: number[] = [];
  const batch = 1000;
  for (let run = 0; run < 200; run++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) {
      mayAttempt(['counsellor', 'foreigners-office-caseworker'], 'read', 'applicant-profile');
      decideFor(actor, 'read', 'applicant-profile', (m) => personalRelations(actor, m, object));
    }
    samples.push(((performance.now() - started) * 1000) / batch);
  }
  samples.sort((a, b) => a - b);
  report('identity.policy-evaluation', {
    evaluations: samples.length * batch,
    medianMicroseconds: Number((samples[Math.floor(samples.length / 2)] ?? 0).toFixed(3)),
    p99Microseconds: Number((samples[Math.floor(samples.length * 0.99)] ?? 0).toFixed(3)),
    targetMicroseconds: 50,
  });
}

export async function signInBenchmark(seconds = 3) {
  const stored = await hashPassword('correct horse battery staple');
  for (const concurrency of [1, 4]) {
    let done = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          await verifyPassword(stored, 'correct horse battery staple');
          done++;
        }
      }),
    );
    report('identity.argon2id-verify', {
      params: 'm=19456 KiB, t=2, p=1',
      concurrency,
      seconds,
      verificationsPerSecond: Number((done / seconds).toFixed(1)),
    });
  }
}
