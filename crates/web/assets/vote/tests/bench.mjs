// Times encrypt + prove + sign (encryptBallot, docs/verifiable-voting.md §6) per ballot in
// Node, on the election of the test vectors (crates/vote/tests/vectors: an akim contest of
// 3 candidates + "against all", exactly 1 mark, and a council contest of 3, 0..2 marks;
// 3 trustees, t = 2). Prints one line: the median over N ballots after a warm-up.
//
//   node crates/web/assets/vote/tests/bench.mjs [N]        (default N = 50)
//
// Not a test (node --test runs *.test.mjs only). A headless-Chromium figure is to come.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

import * as V from '../sailau-vote.js';

const here = dirname(fileURLToPath(import.meta.url));
const VECTORS = join(here, '..', '..', '..', '..', 'vote', 'tests', 'vectors');
const read = (name) => JSON.parse(readFileSync(join(VECTORS, name), 'utf8'));

const n = Number(process.argv[2] ?? 50);
if (!Number.isInteger(n) || n < 1) throw new Error('N must be a positive integer');

const election = read('election.json');
const credentials = read('credentials.json');
const ballots = read('ballots.json');

const t0 = performance.now();
const ctx = V.loadElection({
  manifest: election.manifest,
  parameters: election.parameters,
  election: {
    parameters_hash: election.parameters_hash,
    election_hash: election.election_hash,
    joint_public_key: election.joint_public_key,
    verification_keys: election.verification_keys,
    initial_tracking_code: ballots.initial_tracking_code,
  },
  trustees: election.trustees.map((t) => t.public),
});
const key = V.deriveCredentialKey(ctx, credentials[0].code, { expected: credentials[0].public_credential });
const setup = performance.now() - t0;

const plaintexts = ballots.ballots.map((b) => b.plaintext);
const once = (i) => {
  const { secrets } = V.encryptBallot(ctx, key, plaintexts[i % plaintexts.length]);
  secrets.destroy();
};
// Warm-up: JIT, and the joint key's precomputed table (built on first use).
const tw = performance.now();
once(0);
const first = performance.now() - tw;
for (let i = 1; i < 5; i++) once(i);

const times = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  once(i);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
console.log(
  `sailau-vote.js encrypt+prove+sign: ${median.toFixed(2)} ms per ballot (median of ${n}; ` +
    `min ${times[0].toFixed(2)}, max ${times[n - 1].toFixed(2)}; 2 contests, 7 options, 51 points; ` +
    `first ballot incl. K table ${first.toFixed(1)} ms; context + credential ${setup.toFixed(1)} ms; Node ${process.version})`,
);
key.destroy();
