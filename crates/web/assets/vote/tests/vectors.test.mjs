// The JavaScript voting client against the Rust reference's committed test vectors
// (crates/vote/tests/vectors, docs/verifiable-voting.md §15) and conformance kit (§15.1).
//
//   node --test crates/web/assets/vote/tests/     (Node 20 picks up *.test.mjs files only)
//
// (a) verifies everything in the vectors with the JS code: transcript examples, hashes, the
//     trustees' announcements, encrypted shares and complaints, credentials, ballots (proofs,
//     signatures, hashes), the tracking-code chain, the challenged opening, the tally and its
//     decryption shares and result;
// (b) reproduces ballots.json byte for byte by running the JS encryptor on the SHA-512 counter
//     DRBG of §15, fed in the order the Rust generator (crates/vote/tests/integration/vectors.rs)
//     draws. How the DRBG reaches the ballots: the generator draws, in this order,
//       - 3 trustees × (t = 2 coefficients + 1 share key + 2 Schnorr nonces) = 15 scalars,
//       - 3 dealers × 2 recipients × (ρ + a signature nonce) = 12 scalars,
//       - receive_shares draws nothing when every share is good,
//       - 4 credential codes × 16 bytes = 64 bytes,
//     each scalar being 64 bytes reduced mod ℓ (curve25519-dalek's Scalar::random). That is
//     27 × 64 + 64 = 28 × 64 bytes: the ballots start exactly at DRBG block 28. The test does not
//     take that on trust: it replays the stream from block 0 and checks that the draws land on the
//     trustees' secrets in election.json and on the four credential codes, then encrypts the six
//     ballots; after them it reproduces the two decryption shares of tally.json, which shows the
//     encryptor drew exactly as many bytes as the Rust one;
// (c) checks refusals: tampered proofs, signatures, openings and contexts, wrong credential codes,
//     over-votes refused before anything is drawn.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ristretto255, sha512 } from '../noble.js';
import * as V from '../sailau-vote.js';

const here = dirname(fileURLToPath(import.meta.url));
const VECTORS = join(here, '..', '..', '..', '..', 'vote', 'tests', 'vectors');
const text = (name) => readFileSync(join(VECTORS, name), 'utf8');
const read = (name) => JSON.parse(text(name));

const Point = ristretto255.Point;
const G = Point.BASE;
const L = V.GROUP_ORDER;
const utf8 = new TextEncoder();

const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (s) => new Uint8Array(Buffer.from(s, 'hex'));
const le = (b) => {
  let x = 0n;
  for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i]);
  return x;
};
const scalar = (s) => le(unhex(s));
const scalarHex = (x) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, x >>= 8n) out[i] = Number(x & 255n);
  return hex(out);
};
const pt = (s) => Point.fromBytes(unhex(s));
const mod = (a) => ((a % L) + L) % L;
const mul = (P, s) => P.multiplyUnsafe(mod(s));

/** The test DRBG of §15: block i = SHA-512("sailau-vote/test-drbg" || seed || u64_be(i)), bytes in order. */
class Drbg {
  constructor(seed, block = 0) {
    this.seed = utf8.encode(seed);
    this.counter = BigInt(block);
    this.buf = new Uint8Array(0);
    this.pos = 0;
    this.drawn = 0;
  }

  bytes(n) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.pos === this.buf.length) {
        const c = new Uint8Array(8);
        new DataView(c.buffer).setBigUint64(0, this.counter++);
        this.buf = sha512.create().update(utf8.encode('sailau-vote/test-drbg')).update(this.seed).update(c).digest();
        this.pos = 0;
      }
      out[i] = this.buf[this.pos++];
    }
    this.drawn += n;
    return out;
  }

  /** curve25519-dalek Scalar::random: 64 bytes, little-endian, mod ℓ. */
  scalar() {
    return le(this.bytes(64)) % L;
  }
}

const election = read('election.json');
const credentials = read('credentials.json');
const ballots = read('ballots.json');
const tally = read('tally.json');
const complaint = read('dkg-complaint.json');

/** The vectors' election in the shape of the record's election.json (§12.3). */
const electionJson = {
  parameters_hash: election.parameters_hash,
  election_hash: election.election_hash,
  joint_public_key: election.joint_public_key,
  verification_keys: election.verification_keys,
  initial_tracking_code: ballots.initial_tracking_code,
};
const contextInput = {
  manifest: election.manifest,
  parameters: election.parameters,
  election: electionJson,
  trustees: election.trustees.map((t) => t.public),
};
const ctx = V.loadElection(contextInput);

/** Assert that `fn` throws a SailauVoteError with `code` (and `details` containing `details`). */
function refuses(fn, code, details = {}) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof V.SailauVoteError, `expected a SailauVoteError, got ${e}`);
    assert.equal(e.code, code, e.message);
    for (const [k, v] of Object.entries(details)) assert.deepEqual(e.details[k], v, `details.${k}`);
    return true;
  });
}

const clone = (v) => JSON.parse(JSON.stringify(v));

// ------------------------------------------------------------------------------------------
// (a) everything in the vectors verifies

test('transcript examples (§3)', () => {
  const examples = read('transcript.json');
  assert.equal(examples.length, 4);
  for (const v of examples) {
    const t = () => {
      const tr = new V.Transcript(v.label);
      for (const f of v.fields) tr.bytes(unhex(f));
      return tr;
    };
    assert.equal(hex(t().digest()), v.digest);
    assert.equal(scalarHex(t().challenge()), v.challenge);
    assert.equal(hex(t().hash32()), v.hash32);
    const branched = t();
    assert.equal(hex(branched.clone().digest()), v.digest);
    assert.equal(hex(branched.hash32()), v.hash32);
  }
  // The spec's worked example: hash32(T("tracking-code"; A, B)) with lengths 14, 13, 32, 32.
  const A = new Uint8Array(32).fill(1);
  const B = new Uint8Array(32).fill(2);
  const raw = Buffer.concat([
    Buffer.from('0000000e', 'hex'), Buffer.from('sailau-vote/v1'),
    Buffer.from('0000000d', 'hex'), Buffer.from('tracking-code'),
    Buffer.from('00000020', 'hex'), A, Buffer.from('00000020', 'hex'), B,
  ]);
  assert.equal(V.nextTrackingCode(hex(A), hex(B)), hex(sha512(raw).slice(0, 32)));
});

test('manifest, parameters and election hashes; the trustees imply K, Y_j and the election hash (§3.2, §4)', () => {
  assert.equal(V.manifestHash(election.manifest), election.manifest_hash);
  assert.equal(V.parametersHash(election.parameters), election.parameters_hash);
  assert.equal(election.parameters.manifest_hash, election.manifest_hash);
  assert.equal(ctx.trusteesChecked, true);
  assert.equal(ctx.electionHash, election.election_hash);
  assert.equal(ctx.jointPublicKey, election.joint_public_key);
  assert.deepEqual(ctx.verificationKeys, election.verification_keys);
  assert.equal(ctx.initialTrackingCode, V.initialTrackingCode(election.election_hash));
  assert.equal(ctx.parametersHash, election.parameters_hash);
  assert.ok(Object.isFrozen(ctx) && Object.isFrozen(ctx.manifest.contests[0].options[0]));
  // Without the trustees' files the context loads too (the election hash is then taken on trust).
  const light = V.loadElection({ ...contextInput, trustees: undefined });
  assert.equal(light.trusteesChecked, false);
  // The JSON texts work as well as the objects.
  const fromText = V.loadElection({
    manifest: JSON.stringify(election.manifest),
    parameters: JSON.stringify(election.parameters),
    election: JSON.stringify(electionJson),
  });
  assert.equal(fromText.electionHash, election.election_hash);
});

test('trustee secrets, encrypted shares and key shares of the vectors (§4.1–§4.5)', () => {
  const ph = election.parameters_hash;
  const pub = election.trustees.map((t) => t.public);
  for (const t of election.trustees) {
    t.secrets.coefficients.forEach((a, k) => assert.equal(hex(mul(G, scalar(a)).toBytes()), t.public.commitments[k]));
    assert.equal(hex(mul(G, scalar(t.secrets.share_decryption_key)).toBytes()), t.public.share_encryption_key);
    assert.equal(hex(mul(G, scalar(t.key.secret_share)).toBytes()), t.key.verification_key);
    assert.equal(t.key.verification_key, election.verification_keys[t.key.index - 1]);
  }
  assert.equal(election.encrypted_shares.length, 6);
  const received = new Map(election.trustees.map((t) => [t.key.index, 0n]));
  for (const s of election.encrypted_shares) {
    assert.ok(shareSignatureValid(pub, s), `share ${s.dealer}→${s.recipient}`);
    const recipient = election.trustees[s.recipient - 1];
    const sigma = openShare(s, pub, mul(pt(s.ephemeral), scalar(recipient.secrets.share_decryption_key)));
    assert.ok(sigma !== null && feldman(pub[s.dealer - 1], s.recipient, sigma));
    received.set(s.recipient, received.get(s.recipient) + sigma);
  }
  // s_j = Σ_i f_i(j), the own share f_j(j) included.
  for (const t of election.trustees) {
    const j = BigInt(t.key.index);
    const own = t.secrets.coefficients.reduce((acc, a, k) => acc + scalar(a) * j ** BigInt(k), 0n);
    assert.equal(scalarHex(mod(received.get(t.key.index) + own)), t.key.secret_share);
    assert.equal(t.public.parameters_hash, ph);
  }
});

function shareSignatureValid(pub, s) {
  const E = pt(pub[s.dealer - 1].share_encryption_key);
  const R = pt(s.signature.r);
  const c = new V.Transcript('share-signature')
    .hash(s.parameters_hash).u32(s.dealer).u32(s.recipient).point(s.ephemeral).hash(s.ciphertext)
    .point(E).point(R).challenge();
  return mul(G, scalar(s.signature.s)).equals(R.add(mul(E, c)));
}

/** Decrypt a share with the DH key D (§4.3); null when not a canonical scalar. */
function openShare(s, pub, D) {
  const pad = new V.Transcript('share-pad')
    .hash(s.parameters_hash).u32(s.dealer).u32(s.recipient)
    .point(pub[s.recipient - 1].share_encryption_key).point(s.ephemeral).point(D).hash32();
  const bytes = unhex(s.ciphertext).map((b, i) => b ^ pad[i]);
  const sigma = le(bytes);
  return sigma < L ? sigma : null;
}

/** Feldman check σ·G = Σ_k j^k·A_ik (§4.3). */
function feldman(dealer, j, sigma) {
  const expected = dealer.commitments.reduce((acc, A, k) => acc.add(mul(pt(A), BigInt(j) ** BigInt(k))), Point.ZERO);
  return mul(G, sigma).equals(expected);
}

function dleqValid(prefix, X, H, Y, proof) {
  const c = prefix.point(X).point(H).point(Y).point(proof.a).point(proof.b).challenge();
  const v = scalar(proof.v);
  return (
    mul(G, v).equals(pt(proof.a).add(mul(X, c))) &&
    mul(H, v).equals(pt(proof.b).add(mul(Y, c)))
  );
}

test('DKG complaints: a cheating dealer and an unfounded complaint (§4.3)', () => {
  const ph = election.parameters_hash;
  const pub = complaint.trustees;
  const judge = (share, c) => {
    assert.ok(shareSignatureValid(pub, share));
    assert.equal(c.dealer, share.dealer);
    assert.equal(c.recipient, share.recipient);
    const E = pt(pub[c.recipient - 1].share_encryption_key);
    assert.ok(
      dleqValid(new V.Transcript('complaint').hash(ph).u32(c.dealer).u32(c.recipient), E, pt(share.ephemeral), pt(c.shared_key), c.proof),
      'the complaint proof verifies',
    );
    const sigma = openShare(share, pub, pt(c.shared_key));
    return sigma !== null && feldman(pub[share.dealer - 1], share.recipient, sigma) ? 'complaint_unfounded' : 'dealer_cheated';
  };
  assert.equal(judge(complaint.bad_share, complaint.complaint), 'dealer_cheated');
  assert.equal(complaint.verdict, 'dealer_cheated');
  assert.equal(judge(complaint.good_share, complaint.unfounded_complaint), 'complaint_unfounded');
  assert.equal(complaint.unfounded_verdict, 'complaint_unfounded');
  // An altered disclosed key makes the complaint itself invalid.
  const forged = { ...complaint.complaint, shared_key: hex(G.toBytes()) };
  const E1 = pt(pub[0].share_encryption_key);
  assert.equal(
    dleqValid(new V.Transcript('complaint').hash(ph).u32(2).u32(1), E1, pt(complaint.bad_share.ephemeral), G, forged.proof),
    false,
  );
  // Every announcement of the complaint ceremony is valid (the trustees' proofs, §4.1).
  const cctx = V.loadElection({
    manifest: election.manifest,
    parameters: election.parameters,
    election: (() => {
      // Derive that ceremony's election.json from its trustees: the loader checks consistency.
      const K = pub.reduce((acc, t) => acc.add(pt(t.commitments[0])), Point.ZERO);
      const C1 = pub.reduce((acc, t) => acc.add(pt(t.commitments[1])), Point.ZERO);
      const tr = new V.Transcript('election').hash(ph).count(3);
      for (const t of pub) {
        tr.u32(t.index).count(2).point(t.commitments[0]).point(t.commitments[1]).point(t.share_encryption_key);
      }
      const eh = hex(tr.point(K).hash32());
      return {
        parameters_hash: ph,
        election_hash: eh,
        joint_public_key: hex(K.toBytes()),
        verification_keys: [1n, 2n, 3n].map((j) => hex(K.add(mul(C1, j)).toBytes())),
        initial_tracking_code: V.initialTrackingCode(eh),
      };
    })(),
    trustees: pub,
  });
  assert.equal(cctx.trusteesChecked, true);
});

test('credentials: codes read, keys derive to the public credentials (§5)', () => {
  assert.equal(credentials.length, 4);
  const list = credentials.map((c) => c.public_credential);
  for (const c of credentials) {
    assert.equal(V.normalizeCredentialCode(c.code), c.code);
    const key = V.deriveCredentialKey(ctx, c.code, { expected: c.public_credential });
    assert.equal(key.credential, c.public_credential);
    assert.equal(key.parametersHash, election.parameters_hash);
    // Same with the list, a Set, and the parameters hash instead of the context.
    V.deriveCredentialKey(ctx, c.code, { expected: list }).destroy();
    V.deriveCredentialKey(ctx, c.code, { expected: new Set(list) }).destroy();
    assert.equal(V.deriveCredentialKey(election.parameters_hash, c.code).credential, c.public_credential);
    // The key is not visible on the handle.
    assert.deepEqual(Object.keys(key).sort(), ['credential', 'parametersHash']);
    key.destroy();
    assert.equal(key.destroyed, true);
  }
  // Parsing is lenient the way §5 says: case, O/0, I/L/1, spaces and dashes.
  const code = credentials[0].code; // ZZ83-A1TK-7WMB-RY4T-V9E2-981X-6B0F-7N5Y
  const typed = ` zz83 a${'i'}tk-7wmbry4t\tv9e2 98${'l'}x 6bOf 7n5y `;
  assert.equal(V.normalizeCredentialCode(typed), code);
  assert.equal(V.deriveCredentialKey(ctx, typed).credential, credentials[0].public_credential);
});

test('ballots verify; hashes, credentials, tracking chain and the challenged opening (§6–§8)', () => {
  assert.equal(ballots.initial_tracking_code, V.initialTrackingCode(election.election_hash));
  assert.equal(ballots.ballots.length, 6);
  let code = ballots.initial_tracking_code;
  const list = credentials.map((c) => c.public_credential);
  for (const v of ballots.ballots) {
    assert.deepEqual(V.verifyBallot(ctx, v.ballot), { ballotHash: v.ballot_hash });
    assert.equal(V.ballotHash(v.ballot), v.ballot_hash);
    assert.equal(V.ballotHash(JSON.stringify(v.ballot)), v.ballot_hash);
    assert.deepEqual(V.verifyBallotSignature(v.ballot), { ballotHash: v.ballot_hash });
    assert.equal(v.ballot.credential, credentials[v.voter].public_credential);
    V.validatePlaintext(ctx, v.plaintext);
    if (v.status === 'cast') {
      code = V.nextTrackingCode(code, v.ballot_hash);
      assert.equal(v.tracking_code, code);
      assert.equal(v.opening, null);
    } else {
      assert.equal(v.status, 'challenged');
      assert.equal(v.tracking_code, null);
      assert.deepEqual(V.verifyOpening(ctx, v.ballot, v.opening), v.plaintext);
      const entry = { ballot_hash: v.ballot_hash, ballot: v.ballot, opening: v.opening };
      assert.deepEqual(V.verifyChallengedEntry(ctx, entry, { credentials: list }), {
        ballotHash: v.ballot_hash,
        plaintext: v.plaintext,
      });
    }
  }
  assert.equal(ballots.ballots.filter((v) => v.status === 'challenged').length, 1);
  assert.equal(V.shortTrackingCode(code), `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}`);
});

test('tally, decryption shares and result of the vectors (§9, §10)', () => {
  const eh = election.election_hash;
  // The counted ballots: the last cast ballot of each voter, in increasing voter order.
  const last = new Map();
  ballots.ballots.forEach((v, i) => v.status === 'cast' && last.set(v.voter, i));
  const counted = [...last.entries()].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  assert.deepEqual(tally.counted, counted);
  const sums = election.manifest.contests.map((c, ci) =>
    c.options.map((_, oi) =>
      counted.reduce(
        (acc, i) => {
          const s = ballots.ballots[i].ballot.contests[ci].selections[oi];
          return { alpha: acc.alpha.add(pt(s.alpha)), beta: acc.beta.add(pt(s.beta)) };
        },
        { alpha: Point.ZERO, beta: Point.ZERO },
      ),
    ),
  );
  assert.deepEqual(tally.tally, {
    election_hash: eh,
    ballot_count: counted.length,
    contests: sums.map((row) => row.map((ct) => ({ alpha: hex(ct.alpha.toBytes()), beta: hex(ct.beta.toBytes()) }))),
  });
  // Each decryption share: M_j with its Chaum–Pedersen proof.
  for (const s of tally.decryption_shares) {
    assert.equal(s.election_hash, eh);
    const Y = pt(election.verification_keys[s.trustee - 1]);
    s.contests.forEach((row, ci) =>
      row.forEach((d, oi) => {
        const prefix = new V.Transcript('decryption-share').hash(eh).u32(s.trustee).u32(ci).u32(oi);
        assert.ok(dleqValid(prefix, Y, sums[ci][oi].alpha, pt(d.share), d.proof), `share ${s.trustee} ${ci}/${oi}`);
      }),
    );
  }
  // count·G = B − Σ λ_j·M_j with the Lagrange coefficients of the trustees used.
  const Q = tally.result.trustees.map(BigInt);
  assert.deepEqual(tally.result.trustees, tally.decryption_shares.map((s) => s.trustee));
  const lambda = Q.map((j) => Q.filter((m) => m !== j).reduce((acc, m) => mod(acc * m * modInverse(mod(m - j))), 1n));
  tally.result.contests.forEach((c, ci) => {
    assert.equal(c.contest_id, election.manifest.contests[ci].id);
    c.counts.forEach((o, oi) => {
      assert.equal(o.option_id, election.manifest.contests[ci].options[oi].id);
      const combined = tally.decryption_shares.reduce(
        (acc, s, k) => acc.subtract(mul(pt(s.contests[ci][oi].share), lambda[k])),
        sums[ci][oi].beta,
      );
      assert.ok(mul(G, BigInt(o.count)).equals(combined), `count of ${c.contest_id}/${o.option_id}`);
      const marked = counted.filter((i) => ballots.ballots[i].plaintext.contests[ci][oi]).length;
      assert.equal(o.count, marked);
    });
  });
  assert.equal(tally.result.ballot_count, counted.length);
});

function modInverse(a) {
  // a^(ℓ−2) mod ℓ
  let result = 1n;
  let base = mod(a);
  let e = L - 2n;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % L;
    base = (base * base) % L;
    e >>= 1n;
  }
  return result;
}

// ------------------------------------------------------------------------------------------
// (b) byte-for-byte reproduction of ballots.json

test('the DRBG of §15 lands on the trustees\' secrets and the credential codes: the ballots start at block 28', () => {
  const d = new Drbg(election.seed);
  for (const t of election.trustees) {
    for (const a of t.secrets.coefficients) assert.equal(scalarHex(d.scalar()), a);
    assert.equal(scalarHex(d.scalar()), t.secrets.share_decryption_key);
    d.scalar(); // coefficient proof nonce
    d.scalar(); // share-key proof nonce
  }
  // Dealing: per dealer, per other trustee (increasing), ρ then the signature nonce.
  for (const dealer of election.trustees) {
    for (const s of election.encrypted_shares.filter((x) => x.dealer === dealer.key.index)) {
      const rho = d.scalar();
      assert.equal(hex(mul(G, rho).toBytes()), s.ephemeral);
      const k = d.scalar();
      assert.equal(hex(mul(G, k).toBytes()), s.signature.r);
    }
  }
  assert.equal(d.drawn, 27 * 64);
  for (const c of credentials) assert.equal(V.formatCredentialCode(d.bytes(16)), c.code);
  assert.equal(d.drawn, 28 * 64);
  assert.equal(d.counter, 28n);
  assert.equal(d.pos, d.buf.length);
});

test('ballots.json is reproduced byte for byte by the JS encryptor (§6, §7, §8, §15)', () => {
  // The script of vectors.rs: (voter, akim choice, council choices, challenged?).
  const script = [
    [0, 'a', ['x', 'y'], false],
    [1, 'b', [], false],
    [2, 'against-all', ['z'], false],
    [3, 'c', ['x'], true],
    [3, 'c', ['y'], false],
    [1, 'a', ['x', 'z'], false],
  ];
  const d = new Drbg(election.seed, 28);
  let code = V.initialTrackingCode(ctx.electionHash);
  const out = [];
  for (const [voter, akim, council, challenged] of script) {
    const key = V.deriveCredentialKey(ctx, credentials[voter].code, { expected: credentials[voter].public_credential });
    const plaintext = V.plaintextFromChoices(ctx, { akim: [akim], council });
    const { ballot, ballotHash, secrets } = V.encryptBallot(ctx, key, plaintext, { randomBytes: (n) => d.bytes(n) });
    key.destroy();
    let trackingCode = null;
    let opening = null;
    if (challenged) {
      opening = secrets.open();
      assert.equal(secrets.destroyed, true);
    } else {
      secrets.destroy();
      code = V.nextTrackingCode(code, ballotHash);
      trackingCode = code;
    }
    const i = out.length;
    const expected = ballots.ballots[i];
    assert.equal(JSON.stringify(ballot), JSON.stringify(expected.ballot), `ballot ${i}`);
    assert.equal(ballotHash, expected.ballot_hash, `ballot hash ${i}`);
    assert.equal(trackingCode, expected.tracking_code, `tracking code ${i}`);
    assert.equal(JSON.stringify(opening), JSON.stringify(expected.opening), `opening ${i}`);
    out.push({
      voter,
      status: challenged ? 'challenged' : 'cast',
      plaintext,
      ballot,
      ballot_hash: ballotHash,
      tracking_code: trackingCode,
      opening,
    });
  }
  // The whole file, as serde_json's pretty printer wrote it.
  const file = JSON.stringify({ initial_tracking_code: V.initialTrackingCode(ctx.electionHash), ballots: out }, null, 2) + '\n';
  assert.equal(file, text('ballots.json'));

  // The Rust generator then draws the decryption shares of trustees 1 and 3 (one DLEQ nonce per
  // option): reproducing them shows the JS encryptor consumed exactly the Rust one's randomness.
  const eh = ctx.electionHash;
  const shares = [0, 2].map((k) => {
    const t = election.trustees[k];
    const s = scalar(t.key.secret_share);
    const Y = pt(t.key.verification_key);
    return {
      election_hash: eh,
      trustee: t.key.index,
      contests: tally.tally.contests.map((row, ci) =>
        row.map((ct, oi) => {
          const A = pt(ct.alpha);
          const M = mul(A, s);
          const u = d.scalar();
          const a = mul(G, u);
          const b = mul(A, u);
          const c = new V.Transcript('decryption-share')
            .hash(eh).u32(t.key.index).u32(ci).u32(oi)
            .point(Y).point(A).point(M).point(a).point(b).challenge();
          return {
            share: hex(M.toBytes()),
            proof: { a: hex(a.toBytes()), b: hex(b.toBytes()), v: scalarHex(mod(u + c * s)) },
          };
        }),
      ),
    };
  });
  assert.equal(JSON.stringify(shares), JSON.stringify(tally.decryption_shares));
});

test('an injected scalar source is used as given; the default is crypto.getRandomValues', () => {
  const key = V.deriveCredentialKey(ctx, credentials[0].code);
  const plaintext = V.plaintextFromChoices(ctx, { akim: ['b'], council: ['x'] });
  const d1 = new Drbg('scalars');
  const d2 = new Drbg('scalars');
  const viaBytes = V.encryptBallot(ctx, key, plaintext, { randomBytes: (n) => d1.bytes(n) });
  const viaScalars = V.encryptBallot(ctx, key, plaintext, { randomScalar: () => d2.scalar() });
  assert.equal(JSON.stringify(viaBytes.ballot), JSON.stringify(viaScalars.ballot));
  const fresh1 = V.encryptBallot(ctx, key, plaintext);
  const fresh2 = V.encryptBallot(ctx, key, plaintext);
  assert.notEqual(fresh1.ballotHash, fresh2.ballotHash);
  V.verifyBallot(ctx, fresh1.ballot);
  assert.deepEqual(V.verifyOpening(ctx, fresh2.ballot, fresh2.secrets.open()), plaintext);
  // Submissions for `sailau board append` (§12.4).
  assert.deepEqual(Object.keys(V.castSubmission(fresh1.ballot)), ['kind', 'ballot']);
  assert.deepEqual(Object.keys(V.challengedSubmission(fresh1.ballot, {})), ['kind', 'ballot', 'opening']);
  refuses(() => V.encryptBallot(ctx, key, plaintext, { randomBytes: () => new Uint8Array(32) }), 'bad-random');
  refuses(() => V.encryptBallot(ctx, key, plaintext, { randomScalar: () => L }), 'bad-random');
  key.destroy();
});

// ------------------------------------------------------------------------------------------
// (c) refusals

/** Flip the lowest bit of a hex value's first byte (a scalar stays canonical). */
const flipLowBit = (h) => h[0] + (parseInt(h[1], 16) ^ 1).toString(16) + h.slice(2);

const cast = ballots.ballots[0];
const challengedVector = ballots.ballots[3];

test('a flipped byte in a proof, a signature or a ciphertext is refused (§6.7)', () => {
  // A response scalar with its lowest bit flipped stays canonical: the proof fails.
  const b1 = clone(cast.ballot);
  b1.contests[1].selections[2].proof[0].v = flipLowBit(b1.contests[1].selections[2].proof[0].v);
  refuses(() => V.verifyBallot(ctx, b1), 'bad-proof', { contest: 1, option: 2 });
  // A branch challenge changed: the challenges no longer sum to the transcript's.
  const b2 = clone(cast.ballot);
  const c = b2.contests[0].selections[0].proof[1].c;
  b2.contests[0].selections[0].proof[1].c = c.slice(0, 10) + (c[10] === '0' ? '1' : '0') + c.slice(11);
  refuses(() => V.verifyBallot(ctx, b2), 'bad-proof', { contest: 0, option: 0 });
  // The count proof.
  const b3 = clone(cast.ballot);
  const cv = b3.contests[1].count_proof[1].v;
  b3.contests[1].count_proof[1].v = cv.slice(0, 2) + (cv[2] === 'a' ? 'b' : 'a') + cv.slice(3);
  refuses(() => V.verifyBallot(ctx, b3), 'bad-proof', { contest: 1, count: true });
  // The signature response: the proofs still hold, the signature does not.
  const b4 = clone(cast.ballot);
  const s = b4.signature.s;
  b4.signature.s = (s[0] === '0' ? '1' : '0') + s.slice(1);
  refuses(() => V.verifyBallot(ctx, b4), 'bad-signature');
  refuses(() => V.verifyBallotSignature(b4), 'bad-signature');
  // A ciphertext swapped with another option's: the proofs are bound to the position.
  const b5 = clone(cast.ballot);
  const [s0, s1] = b5.contests[0].selections;
  b5.contests[0].selections[0] = s1;
  b5.contests[0].selections[1] = s0;
  refuses(() => V.verifyBallot(ctx, b5), 'bad-proof', { contest: 0, option: 0 });
  // A point byte flipped: almost always not a canonical encoding at all; otherwise a bad proof.
  const b6 = clone(cast.ballot);
  const a = b6.contests[0].count_proof[0].a;
  b6.contests[0].count_proof[0].a = a.slice(0, 62) + (a[62] === 'f' ? 'e' : 'f') + a[63];
  assert.throws(() => V.verifyBallot(ctx, b6), (e) => ['bad-encoding', 'bad-proof'].includes(e.code));
  // The credential replaced by another voter's: proofs and signature name the credential.
  const b7 = clone(cast.ballot);
  b7.credential = credentials[1].public_credential;
  refuses(() => V.verifyBallot(ctx, b7), 'bad-proof', { contest: 0, option: 0 });
});

test('ballots of another election, of the wrong shape or badly encoded are refused (§6.7, §12.2)', () => {
  const wrong = clone(cast.ballot);
  wrong.election_hash = '00'.repeat(32);
  refuses(() => V.verifyBallot(ctx, wrong), 'wrong-election');
  const short = clone(cast.ballot);
  short.contests.pop();
  refuses(() => V.verifyBallot(ctx, short), 'bad-ballot', { reason: 'contests' });
  const fewer = clone(cast.ballot);
  fewer.contests[1].selections.pop();
  refuses(() => V.verifyBallot(ctx, fewer), 'bad-ballot', { reason: 'selections', contest: 1 });
  const branches = clone(cast.ballot);
  branches.contests[1].count_proof.pop();
  refuses(() => V.verifyBallot(ctx, branches), 'bad-ballot', { reason: 'count-proof', contest: 1 });
  const identity = clone(cast.ballot);
  identity.credential = '00'.repeat(32);
  refuses(() => V.verifyBallot(ctx, identity), 'bad-ballot', { reason: 'credential' });
  const upper = clone(cast.ballot);
  upper.signature.r = upper.signature.r.toUpperCase();
  refuses(() => V.verifyBallot(ctx, upper), 'bad-encoding');
  const extra = clone(cast.ballot);
  extra.comment = 'hi';
  refuses(() => V.verifyBallot(ctx, extra), 'bad-encoding', { name: 'comment' });
  const missing = clone(cast.ballot);
  delete missing.contests[0].count_proof;
  refuses(() => V.verifyBallot(ctx, missing), 'bad-encoding', { name: 'count_proof' });
  const arrayed = clone(cast.ballot);
  arrayed.signature = [arrayed.signature.r, arrayed.signature.s];
  refuses(() => V.verifyBallot(ctx, arrayed), 'bad-encoding');
  const big = clone(cast.ballot);
  big.signature.s = 'ff'.repeat(32); // ≥ ℓ
  refuses(() => V.verifyBallot(ctx, big), 'bad-encoding');
  refuses(() => V.verifyBallot(ctx, '{"election_hash": '), 'bad-encoding');
});

test('a wrong credential code is refused (§5)', () => {
  const good = credentials[0].code;
  // One character changed: the checksum catches it.
  const typo = good.slice(0, 5) + (good[5] === 'A' ? 'B' : 'A') + good.slice(6);
  refuses(() => V.deriveCredentialKey(ctx, typo), 'bad-credential', { reason: 'checksum' });
  refuses(() => V.normalizeCredentialCode(typo), 'bad-credential', { reason: 'checksum' });
  refuses(() => V.deriveCredentialKey(ctx, good.slice(0, -1)), 'bad-credential', { reason: 'length', length: 31 });
  refuses(() => V.deriveCredentialKey(ctx, good + 'Z'), 'bad-credential', { reason: 'length' });
  refuses(() => V.deriveCredentialKey(ctx, good.replace('Z', 'U')), 'bad-credential', { reason: 'character', character: 'U' });
  refuses(() => V.deriveCredentialKey(ctx, good.replace('Z', 'Ж')), 'bad-credential', { reason: 'character' });
  refuses(() => V.deriveCredentialKey(ctx, ''), 'bad-credential', { reason: 'length', length: 0 });
  // A valid code, but another voter's: refused against the expected credential.
  refuses(
    () => V.deriveCredentialKey(ctx, credentials[1].code, { expected: credentials[0].public_credential }),
    'wrong-credential',
    { credential: credentials[1].public_credential },
  );
  refuses(
    () => V.deriveCredentialKey(ctx, credentials[1].code, { expected: [credentials[0].public_credential] }),
    'wrong-credential',
  );
  // A key derived for another election's parameters cannot encrypt for this one.
  const other = V.deriveCredentialKey('11'.repeat(32), good);
  assert.notEqual(other.credential, credentials[0].public_credential);
  refuses(() => V.encryptBallot(ctx, other, cast.plaintext), 'wrong-credential');
  // A destroyed key cannot sign.
  const key = V.deriveCredentialKey(ctx, good);
  key.destroy();
  refuses(() => V.encryptBallot(ctx, key, cast.plaintext), 'destroyed');
});

test('an over-voted or under-voted plaintext is refused before anything is encrypted (§6.1)', () => {
  const key = V.deriveCredentialKey(ctx, credentials[0].code);
  let drawn = 0;
  const randomBytes = (n) => {
    drawn += n;
    return new Uint8Array(n).fill(7);
  };
  const over = { contests: [[true, true, false, false], [false, false, false]] };
  refuses(() => V.encryptBallot(ctx, key, over, { randomBytes }), 'over-vote', {
    contest: 0,
    contestId: 'akim',
    selected: 2,
    min: 1,
    max: 1,
  });
  const council = { contests: [[true, false, false, false], [true, true, true]] };
  refuses(() => V.encryptBallot(ctx, key, council, { randomBytes }), 'over-vote', { contest: 1, selected: 3, max: 2 });
  const none = { contests: [[false, false, false, false], [false, false, false]] };
  refuses(() => V.encryptBallot(ctx, key, none, { randomBytes }), 'under-vote', { contest: 0, selected: 0, min: 1 });
  refuses(() => V.encryptBallot(ctx, key, { contests: [[true, false, false, false]] }, { randomBytes }), 'bad-plaintext');
  refuses(() => V.encryptBallot(ctx, key, { contests: [[1, 0, 0, 0], [0, 0, 0]] }, { randomBytes }), 'bad-plaintext');
  assert.equal(drawn, 0, 'no randomness drawn for a refused plaintext');
  refuses(() => V.plaintextFromChoices(ctx, { akim: ['a', 'b'] }), 'over-vote');
  refuses(() => V.plaintextFromChoices(ctx, { akim: ['nobody'] }), 'unknown-choice', { optionId: 'nobody' });
  refuses(() => V.plaintextFromChoices(ctx, { mayor: ['a'] }), 'unknown-choice', { contestId: 'mayor' });
  key.destroy();
});

test('a tampered opening or challenged entry is refused (§8.1)', () => {
  const { ballot, opening, plaintext, ballot_hash } = challengedVector;
  assert.deepEqual(V.verifyOpening(ctx, ballot, opening), plaintext);
  // A mark changed: the ciphertext does not open to it.
  const flipped = clone(opening);
  flipped.contests[0][2].mark = false;
  flipped.contests[0][0].mark = true;
  refuses(() => V.verifyOpening(ctx, ballot, flipped), 'bad-opening', { reason: 'mismatch', contest: 0, option: 0 });
  // A nonce changed.
  const nonce = clone(opening);
  const n = nonce.contests[1][1].nonce;
  nonce.contests[1][1].nonce = (n[0] === '0' ? '1' : '0') + n.slice(1);
  refuses(() => V.verifyOpening(ctx, ballot, nonce), 'bad-opening', { reason: 'mismatch', contest: 1, option: 1 });
  // The opening of another ballot.
  refuses(() => V.verifyOpening(ctx, cast.ballot, opening), 'bad-opening', { reason: 'ballot-hash' });
  // A shape that is not the manifest's.
  const shape = clone(opening);
  shape.contests[1].pop();
  refuses(() => V.verifyOpening(ctx, ballot, shape), 'bad-opening', { reason: 'shape', contest: 1 });
  // A byte of the ballot flipped: its hash no longer matches the opening.
  const b = clone(ballot);
  const c = b.contests[0].selections[0].proof[0].c;
  b.contests[0].selections[0].proof[0].c = (c[0] === '0' ? '1' : '0') + c.slice(1);
  refuses(() => V.verifyOpening(ctx, b, opening), 'bad-opening', { reason: 'ballot-hash' });
  // Entries: wrong ballot_hash, bad signature, unlisted credential.
  const list = credentials.map((x) => x.public_credential);
  const entry = { ballot_hash, ballot, opening };
  refuses(() => V.verifyChallengedEntry(ctx, { ...entry, ballot_hash: cast.ballot_hash }, { credentials: list }), 'bad-entry', {
    reason: 'ballot-hash',
  });
  refuses(() => V.verifyChallengedEntry(ctx, entry, { credentials: list.slice(0, 3) }), 'bad-entry', { reason: 'credential' });
  const badSig = clone(ballot);
  badSig.signature.s = (badSig.signature.s[0] === '0' ? '1' : '0') + badSig.signature.s.slice(1);
  const hash = V.ballotHash(badSig); // the signature is not hashed: same hash, same opening
  assert.equal(hash, ballot_hash);
  refuses(() => V.verifyChallengedEntry(ctx, { ...entry, ballot: badSig }), 'bad-signature');
  // Opened once only: the secrets are gone after open().
  const key = V.deriveCredentialKey(ctx, credentials[2].code);
  const fresh = V.encryptBallot(ctx, key, plaintext);
  fresh.secrets.open();
  refuses(() => fresh.secrets.open(), 'destroyed');
  key.destroy();
});

test('an inconsistent election context is refused (§3.2, §4.1, §7)', () => {
  const change = (f) => {
    const input = clone(contextInput);
    f(input);
    return () => V.loadElection(input);
  };
  refuses(change((i) => (i.manifest.title = 'Other')), 'bad-context');
  refuses(change((i) => (i.parameters.threshold = 3)), 'bad-context');
  refuses(change((i) => (i.parameters.protocol = 'sailau-vote/v2')), 'bad-context');
  refuses(change((i) => (i.election.initial_tracking_code = '00'.repeat(32))), 'bad-context');
  refuses(change((i) => (i.election.election_hash = '00'.repeat(32))), 'bad-context');
  refuses(change((i) => (i.election.joint_public_key = hex(G.toBytes()))), 'bad-context');
  refuses(change((i) => i.election.verification_keys.pop()), 'bad-context');
  refuses(change((i) => (i.election.joint_public_key = '00'.repeat(32))), 'bad-context');
  refuses(change((i) => (i.trustees[1].share_key_proof.s = i.trustees[0].share_key_proof.s)), 'bad-context', { trustee: 2 });
  refuses(change((i) => (i.trustees = i.trustees.slice(0, 2))), 'bad-context');
  refuses(change((i) => i.trustees.reverse()), 'bad-context');
  refuses(change((i) => (i.manifest.contests[1].max_selections = 4)), 'bad-context');
  refuses(change((i) => (i.manifest.contests[0].options[1].id = 'a')), 'bad-context');
  refuses(change((i) => (i.manifest.contests[0].options[0].kind = 'against_all')), 'bad-context');
  refuses(change((i) => (i.manifest.contests[0].options[0].kind = 'other')), 'bad-encoding');
  refuses(change((i) => (i.manifest.extra = 1)), 'bad-encoding');
  refuses(change((i) => (i.election = [i.election])), 'bad-encoding');
  refuses(change((i) => (i.manifest.contests[0].min_selections = 1.5)), 'bad-encoding');
  // An omitted option kind means "candidate" (§12.2's single exception): same hash.
  const noKind = clone(contextInput);
  delete noKind.manifest.contests[1].options[0].kind;
  assert.equal(V.loadElection(noKind).electionHash, election.election_hash);
  refuses(() => V.encryptBallot({ ...ctx }, null, cast.plaintext), 'bad-context');
});

// ------------------------------------------------------------------------------------------
// The conformance kit (§15.1): the client's checks on real record files.

const KIT = join(VECTORS, 'conformance');
const lines = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').slice(0, -1)
    : [];

function loadRecord(dir) {
  const r = (f) => readFileSync(join(dir, f), 'utf8');
  const n = JSON.parse(r('parameters.json')).trustees;
  return V.loadElection({
    manifest: r('manifest.json'),
    parameters: r('parameters.json'),
    election: r('election.json'),
    trustees: Array.from({ length: n }, (_, i) => JSON.parse(r(`trustees/trustee-${i + 1}.json`))),
  });
}

test('conformance kit: the valid records\' ballots, chain and challenged entries pass', () => {
  for (const kase of ['valid', 'valid-challenged-overvote', 'valid-compact-whole-file', 'valid-empty-challenged', 'valid-open']) {
    const dir = join(KIT, kase, 'record');
    const rctx = loadRecord(dir);
    assert.equal(rctx.trusteesChecked, true);
    const creds = lines(join(dir, 'credentials.jsonl')).map((l) => JSON.parse(l).credential);
    let code = rctx.initialTrackingCode;
    for (const l of lines(join(dir, 'ballots.jsonl'))) {
      const e = JSON.parse(l);
      assert.equal(V.verifyBallot(rctx, e.ballot).ballotHash, e.ballot_hash, kase);
      assert.deepEqual(V.verifyBoardEntry(rctx, l, { previous: code }), { ballotHash: e.ballot_hash, trackingCode: e.tracking_code });
      assert.ok(creds.includes(e.ballot.credential));
      code = V.nextTrackingCode(code, e.ballot_hash);
      assert.equal(e.tracking_code, code, kase);
    }
    let overVotes = 0;
    for (const l of lines(join(dir, 'challenged.jsonl'))) {
      const { plaintext } = V.verifyChallengedEntry(rctx, l, { credentials: creds });
      try {
        V.validatePlaintext(rctx, plaintext);
      } catch (e) {
        assert.equal(e.code, 'over-vote');
        overVotes++;
      }
    }
    // valid-challenged-overvote: the revealed marks break the limits; the entry is still valid
    // evidence (§8.1).
    assert.equal(overVotes, kase === 'valid-challenged-overvote' ? 1 : 0, kase);
  }
});

test('conformance kit: the client refuses what the cases are about', () => {
  const rec = (kase) => join(KIT, kase, 'record');
  const creds = (kase) => lines(join(rec(kase), 'credentials.jsonl')).map((l) => JSON.parse(l).credential);
  const challengedLine = (kase, n) => lines(join(rec(kase), 'challenged.jsonl'))[n - 1];
  refuses(
    () => V.verifyChallengedEntry(loadRecord(rec('challenged-bad-opening')), challengedLine('challenged-bad-opening', 1)),
    'bad-opening',
    { reason: 'mismatch' },
  );
  refuses(
    () => V.verifyChallengedEntry(loadRecord(rec('challenged-bad-signature')), challengedLine('challenged-bad-signature', 1)),
    'bad-signature',
  );
  refuses(
    () =>
      V.verifyChallengedEntry(loadRecord(rec('challenged-unknown-credential')), challengedLine('challenged-unknown-credential', 2), {
        credentials: creds('challenged-unknown-credential'),
      }),
    'bad-entry',
    { reason: 'credential' },
  );
  const unknownField = lines(join(rec('ballots-unknown-field'), 'ballots.jsonl'))[2];
  refuses(() => V.verifyBoardEntry(loadRecord(rec('ballots-unknown-field')), unknownField), 'bad-encoding', {
    name: 'received_at',
  });
  // tracking-code-last-digit: line 5's code is not T_5.
  const tctx = loadRecord(rec('tracking-code-last-digit'));
  let previous = tctx.initialTrackingCode;
  lines(join(rec('tracking-code-last-digit'), 'ballots.jsonl')).forEach((l, i) => {
    if (i === 4) refuses(() => V.verifyBoardEntry(tctx, l, { previous }), 'bad-entry', { reason: 'tracking-code' });
    else V.verifyBoardEntry(tctx, l, { previous });
    previous = JSON.parse(l).tracking_code; // resume from the line's code, as §13 says
  });
  assert.throws(() => loadRecord(rec('unreadable-manifest-array')), (e) => e.code === 'bad-encoding');
  // Every case directory is known to the kit's README layout.
  assert.ok(readdirSync(KIT).filter((d) => existsSync(join(KIT, d, 'expected.json'))).length >= 30);
});
