// sailau-vote.js — the browser voting client of sailau's verifiable-ballot protocol
// (`sailau-vote/v1`), a second implementation, independent of the Rust crate `sailau-vote`,
// of docs/verifiable-voting.md ("the spec"; § numbers below are its sections).
//
// On the voter's device it loads the election context (§3.2, §12.3), derives the credential
// key from the printed credential code (§5), encrypts, proves and signs a ballot (§6),
// computes its ballot hash and tracking codes (§6.5, §7), reveals and checks Benaloh openings
// (§8), and verifies ballots (§6.7) and challenged entries (§8.1). Its ballots are the JSON
// the Rust client writes (`sailau vote`, §12.4), byte for byte for the same randomness.
//
// Only dependency: ./noble.js, the pinned bundle of @noble/curves (ristretto255, RFC 9496) and
// @noble/hashes (SHA-512); see NOTICE and build/. Plain ES module, no build step.
//
// Errors: every refusal throws a `SailauVoteError` with a stable `code` (see ERROR_CODES) and
// a `details` object, so that a page can show a translated message.
//
// Secrets: the credential key and the ballot nonces live only in module-private storage
// (WeakMaps keyed by the handle objects, as wipeable byte arrays), never as properties of the
// objects handed out; `destroy()` wipes them. JavaScript cannot guarantee constant-time
// arithmetic or wipe BigInt temporaries: the secret-dependent multiplications use noble's
// constant-time `multiply` (scalar-blinded for multiples of G, noble's default), both branches
// of every secret choice do the same group operations, and temporaries are dropped as early as
// possible — the best a browser allows (§16's guarantees of the Rust crate are stronger).

import { ristretto255, sha512 } from './noble.js';

const Point = ristretto255.Point;
const G = Point.BASE;
const ZERO = Point.ZERO;

/** The protocol identifier, the first field of every transcript (§3). */
export const PROTOCOL = 'sailau-vote/v1';

/** The group order ℓ = 2^252 + 27742317777372353535851937790883648493 (§2). */
export const GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const L = GROUP_ORDER;

// Limits of a valid manifest and parameters (§3.2).
const MAX_CONTESTS = 64;
const MAX_OPTIONS = 255;
const MAX_RANGE = 64;
const MAX_TRUSTEES = 255;

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * The stable error codes (the `code` of a {@link SailauVoteError}), for translated messages:
 *
 * - `bad-context`: the election context (manifest, parameters, election, trustees) is invalid
 *   or inconsistent (§3.2, §4.1, §4.5, §7).
 * - `bad-encoding`: a value or object breaks the wire rules (§2, §12.2): not lowercase hex of
 *   the right length, a non-canonical point or scalar, a missing or unknown field, a wrong type.
 * - `bad-credential`: the credential code cannot be read: a wrong character, a wrong length or
 *   a wrong checksum (§5); `details.reason` is `character`, `length` or `checksum`.
 * - `wrong-credential`: the code is well formed but its public credential is not the expected
 *   one (or not in the given list) (§5).
 * - `bad-plaintext`: the choices do not have the manifest's shape (§6.1).
 * - `unknown-choice`: a contest or option id that the manifest does not have.
 * - `over-vote` / `under-vote`: more than `max_selections` / fewer than `min_selections`
 *   marks in a contest (§6.1); refused before anything is encrypted.
 * - `wrong-election`: a ballot bound to another election hash (§6.7.1).
 * - `bad-ballot`: a ballot whose shape does not follow the manifest, or whose credential is the
 *   identity (§6.7.1–2).
 * - `bad-proof`: a 0/1 proof or count proof does not verify (§6.3, §6.4); `details` names the
 *   contest (and option).
 * - `bad-signature`: the credential signature does not verify (§6.6).
 * - `bad-opening`: a Benaloh opening does not open the ballot (§8, §8.1); `details.reason` is
 *   `ballot-hash`, `shape` or `mismatch`.
 * - `bad-entry`: a challenged entry (§8.1) or a board line (§7) is wrong otherwise:
 *   `details.reason` is `ballot-hash`, `credential` (not in the published list) or
 *   `tracking-code`.
 * - `destroyed`: a credential key or ballot secrets used after `destroy()` (or after `open()`).
 * - `bad-random`: the injected randomness returned something other than what was asked.
 */
export const ERROR_CODES = Object.freeze([
  'bad-context',
  'bad-encoding',
  'bad-credential',
  'wrong-credential',
  'bad-plaintext',
  'unknown-choice',
  'over-vote',
  'under-vote',
  'wrong-election',
  'bad-ballot',
  'bad-proof',
  'bad-signature',
  'bad-opening',
  'bad-entry',
  'destroyed',
  'bad-random',
]);

/**
 * The error every refusal of this module throws. `code` is one of {@link ERROR_CODES} and
 * never changes for a given kind of refusal; `message` is English for developers; `details`
 * holds the numbers a translated message needs (contest and option positions, counts…).
 */
export class SailauVoteError extends Error {
  /**
   * @param {string} code one of ERROR_CODES
   * @param {string} message English, for logs
   * @param {object} [details]
   */
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'SailauVoteError';
    /** @type {string} */
    this.code = code;
    /** @type {object} */
    this.details = details;
  }
}

const fail = (code, message, details) => {
  throw new SailauVoteError(code, message, details);
};

// ---------------------------------------------------------------------------------------------
// Bytes, hex, scalars (§2)

const utf8 = new TextEncoder();
const HEX = '0123456789abcdef';
const HEX64 = /^[0-9a-f]{64}$/;

/** 32 bytes → 64 lowercase hex characters. */
function toHex(bytes) {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4] + HEX[b & 15];
  return s;
}

/** 64 lowercase hex characters → 32 bytes, or a `bad-encoding` error naming `what`. */
function fromHex32(s, what) {
  if (typeof s !== 'string' || !HEX64.test(s)) {
    fail('bad-encoding', `${what}: expected 64 lowercase hex characters`, { field: what });
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToBigLE(bytes) {
  let h = '';
  for (let i = bytes.length - 1; i >= 0; i--) h += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return h === '' ? 0n : BigInt('0x' + h);
}

function bigToBytesLE32(x) {
  const out = new Uint8Array(32);
  let v = x;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const mod = (a) => {
  const r = a % L;
  return r < 0n ? r + L : r;
};

/** 64 bytes, little-endian, reduced mod ℓ (curve25519-dalek `from_bytes_mod_order_wide`). */
function wideReduce(bytes64) {
  return bytesToBigLE(bytes64) % L;
}

/** Decode a canonical scalar (32 bytes LE, < ℓ) from hex (§2). */
function scalarFromHex(s, what) {
  const v = bytesToBigLE(fromHex32(s, what));
  if (v >= L) fail('bad-encoding', `${what}: scalar not below the group order`, { field: what });
  return v;
}

/** A scalar as 64 hex characters, 32 bytes little-endian (§2). */
const scalarToHex = (x) => toHex(bigToBytesLE32(x));

/**
 * A decoded point: the group element, its canonical encoding (kept so that hashing never
 * re-encodes) and its hex.
 */
function pointFromBytes(bytes, what) {
  let p;
  try {
    p = Point.fromBytes(bytes);
  } catch {
    fail('bad-encoding', `${what}: not a canonical ristretto255 encoding`, { field: what });
  }
  return { p, bytes, hex: toHex(bytes) };
}

const pointFromHex = (s, what) => pointFromBytes(fromHex32(s, what), what);

function pointFrom(p) {
  const bytes = p.toBytes();
  return { p, bytes, hex: toHex(bytes) };
}

/** `s·P` for a secret scalar: noble's constant-time multiply; 0 gives the identity. */
const mulSecret = (P, s) => (s === 0n ? ZERO : P.multiply(s));
/** `s·P` for public data (variable time). */
const mulPublic = (P, s) => P.multiplyUnsafe(s);

// ---------------------------------------------------------------------------------------------
// Transcripts (§3)

function u32Bytes(n, what = 'u32') {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    fail('bad-encoding', `${what}: not a u32`, { field: what });
  }
  return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/**
 * A domain-separated SHA-512 transcript (§3):
 * `T(label; f1..fk) = enc("sailau-vote/v1") || enc(label) || enc(f1) || … || enc(fk)` with
 * `enc(x) = u32_be(len(x)) || x`. Each method absorbs one field and returns the transcript;
 * `digest()`, `challenge()` or `hash32()` finishes it (use once; `clone()` to branch).
 */
export class Transcript {
  #h;

  /** @param {string} label the domain-separation label (§3.1) */
  constructor(label, _hasher) {
    if (_hasher) {
      this.#h = _hasher;
      return;
    }
    this.#h = sha512.create();
    this.str(PROTOCOL);
    this.str(label);
  }

  /** Absorb a field of raw bytes (Uint8Array). */
  bytes(b) {
    this.#h.update(u32Bytes(b.length, 'field length'));
    this.#h.update(b);
    return this;
  }

  /** Absorb a string as its UTF-8 bytes (no normalisation). */
  str(s) {
    return this.bytes(utf8.encode(s));
  }

  /** Absorb a u32 (4 bytes big-endian). */
  u32(n) {
    return this.bytes(u32Bytes(n));
  }

  /** Absorb a u64 (8 bytes big-endian); `n` a non-negative integer Number or BigInt. */
  u64(n) {
    const v = BigInt(n);
    if (v < 0n || v >= 1n << 64n) fail('bad-encoding', 'u64: out of range', { field: 'u64' });
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, v);
    return this.bytes(out);
  }

  /** Absorb a count (a list length) as a u32. */
  count(n) {
    return this.u32(n);
  }

  /** Absorb one byte. */
  byte(b) {
    return this.bytes(new Uint8Array([b]));
  }

  /** Absorb a point: a noble RistrettoPoint, its 32-byte encoding, or its hex. */
  point(p) {
    if (typeof p === 'string') return this.bytes(fromHex32(p, 'point'));
    if (p instanceof Uint8Array) return this.bytes(p);
    return this.bytes(p.toBytes());
  }

  /** Absorb a scalar (BigInt in [0, ℓ)) as 32 bytes little-endian. */
  scalar(s) {
    return this.bytes(bigToBytesLE32(s));
  }

  /** Absorb a 32-byte hash (Uint8Array or hex). */
  hash(h) {
    return this.bytes(typeof h === 'string' ? fromHex32(h, 'hash') : h);
  }

  /** An independent copy of the transcript so far. */
  clone() {
    return new Transcript(null, this.#h.clone());
  }

  /** The 64-byte SHA-512 digest (finishes the transcript). */
  digest() {
    return this.#h.digest();
  }

  /** The challenge: the digest as a 512-bit little-endian integer mod ℓ (a BigInt). */
  challenge() {
    return wideReduce(this.digest());
  }

  /** hash32: the first 32 bytes of the digest. */
  hash32() {
    return this.digest().slice(0, 32);
  }
}

// ---------------------------------------------------------------------------------------------
// Strict JSON objects (§12.2)

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Check `v` is an object with exactly `fields` (those in `optional` may be missing). */
function expectObject(v, fields, what, optional = []) {
  if (!isPlainObject(v)) fail('bad-encoding', `${what}: expected an object`, { field: what });
  for (const k of Object.keys(v)) {
    if (!fields.includes(k)) fail('bad-encoding', `${what}: unknown field ${k}`, { field: what, name: k });
  }
  for (const k of fields) {
    if (!(k in v) && !optional.includes(k)) {
      fail('bad-encoding', `${what}: missing field ${k}`, { field: what, name: k });
    }
  }
  return v;
}

function expectArray(v, what) {
  if (!Array.isArray(v)) fail('bad-encoding', `${what}: expected an array`, { field: what });
  return v;
}

function expectString(v, what) {
  if (typeof v !== 'string') fail('bad-encoding', `${what}: expected a string`, { field: what });
  const wellFormed =
    typeof v.isWellFormed === 'function' ? v.isWellFormed() : !/[\ud800-\udfff]/.test(v.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
  if (!wellFormed) fail('bad-encoding', `${what}: not a Unicode string (lone surrogate)`, { field: what });
  return v;
}

function expectU32(v, what) {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    fail('bad-encoding', `${what}: expected an integer in 0..2^32-1`, { field: what });
  }
  return v;
}

function expectBool(v, what) {
  if (typeof v !== 'boolean') fail('bad-encoding', `${what}: expected true or false`, { field: what });
  return v;
}

const parseJson = (v, what) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return fail('bad-encoding', `${what}: not JSON`, { field: what });
  }
};

// ---------------------------------------------------------------------------------------------
// Manifest, parameters, election context (§3.2, §4, §12.3)

/**
 * Read and validate a manifest (§3.2, §12.3 `manifest.json`). Returns a normalised deep copy
 * (an omitted option `kind` becomes `"candidate"`). Throws `bad-encoding` for a layout error and
 * `bad-context` for a manifest that breaks §3.2's validity rules.
 * @param {object|string} manifest
 * @returns {{election_id:string,title:string,contests:Array<{id:string,title:string,min_selections:number,max_selections:number,options:Array<{id:string,label:string,kind:'candidate'|'against_all'}>}>}}
 */
export function readManifest(manifest) {
  const m = expectObject(parseJson(manifest, 'manifest'), ['election_id', 'title', 'contests'], 'manifest');
  const out = {
    election_id: expectString(m.election_id, 'manifest.election_id'),
    title: expectString(m.title, 'manifest.title'),
    contests: expectArray(m.contests, 'manifest.contests').map((c, ci) => {
      const w = `manifest.contests[${ci}]`;
      expectObject(c, ['id', 'title', 'min_selections', 'max_selections', 'options'], w);
      return {
        id: expectString(c.id, `${w}.id`),
        title: expectString(c.title, `${w}.title`),
        min_selections: expectU32(c.min_selections, `${w}.min_selections`),
        max_selections: expectU32(c.max_selections, `${w}.max_selections`),
        options: expectArray(c.options, `${w}.options`).map((o, oi) => {
          const wo = `${w}.options[${oi}]`;
          expectObject(o, ['id', 'label', 'kind'], wo, ['kind']);
          const kind = 'kind' in o ? o.kind : 'candidate';
          if (kind !== 'candidate' && kind !== 'against_all') {
            fail('bad-encoding', `${wo}.kind: expected "candidate" or "against_all"`, { field: `${wo}.kind` });
          }
          return { id: expectString(o.id, `${wo}.id`), label: expectString(o.label, `${wo}.label`), kind };
        }),
      };
    }),
  };
  validateManifest(out);
  return out;
}

function validateManifest(m) {
  const bad = (message, details) => fail('bad-context', `manifest: ${message}`, details);
  if (m.election_id === '') bad('empty election id', {});
  if (m.contests.length === 0) bad('no contests', {});
  if (m.contests.length > MAX_CONTESTS) bad(`more than ${MAX_CONTESTS} contests`, {});
  const cids = new Set();
  for (const c of m.contests) {
    if (c.id === '') bad('empty contest id', {});
    if (cids.has(c.id)) bad(`contest id ${c.id} twice`, { contestId: c.id });
    cids.add(c.id);
    if (c.options.length === 0 || c.options.length > MAX_OPTIONS) {
      bad(`contest ${c.id} has ${c.options.length} options (1..${MAX_OPTIONS})`, { contestId: c.id });
    }
    const oids = new Set();
    let againstAll = 0;
    for (const o of c.options) {
      if (o.id === '') bad(`empty option id in contest ${c.id}`, { contestId: c.id });
      if (oids.has(o.id)) bad(`option id ${o.id} twice in contest ${c.id}`, { contestId: c.id });
      oids.add(o.id);
      if (o.kind === 'against_all') againstAll++;
    }
    if (againstAll > 1) bad(`contest ${c.id} has more than one "against all"`, { contestId: c.id });
    const n = c.options.length;
    const min = c.min_selections;
    const max = c.max_selections;
    if (!(min <= max && max >= 1 && max <= n && max - min < MAX_RANGE)) {
      bad(`contest ${c.id}: selection limits ${min}..${max} for ${n} options`, { contestId: c.id });
    }
  }
}

/** The manifest hash `H32("manifest"; …)` (§3.1, §3.2), as hex. */
export function manifestHash(manifest) {
  return toHex(manifestHashBytes(readManifest(manifest)));
}

function manifestHashBytes(m) {
  const t = new Transcript('manifest');
  t.str(m.election_id).str(m.title).count(m.contests.length);
  for (const c of m.contests) {
    t.str(c.id).str(c.title).u32(c.min_selections).u32(c.max_selections).count(c.options.length);
    for (const o of c.options) t.str(o.id).str(o.label).byte(o.kind === 'against_all' ? 1 : 0);
  }
  return t.hash32();
}

function readParameters(parameters) {
  const p = expectObject(
    parseJson(parameters, 'parameters'),
    ['protocol', 'manifest_hash', 'trustees', 'threshold'],
    'parameters',
  );
  const out = {
    protocol: expectString(p.protocol, 'parameters.protocol'),
    manifest_hash: toHex(fromHex32(p.manifest_hash, 'parameters.manifest_hash')),
    trustees: expectU32(p.trustees, 'parameters.trustees'),
    threshold: expectU32(p.threshold, 'parameters.threshold'),
  };
  if (out.protocol !== PROTOCOL) fail('bad-context', `parameters: protocol ${out.protocol}`, {});
  if (out.threshold < 1 || out.threshold > out.trustees || out.trustees > MAX_TRUSTEES) {
    fail('bad-context', `parameters: ${out.threshold} of ${out.trustees} trustees`, {});
  }
  return out;
}

function parametersHashBytes(p) {
  return new Transcript('parameters').hash(p.manifest_hash).u32(p.trustees).u32(p.threshold).hash32();
}

/** The parameters hash `H32("parameters"; manifest_hash, n, t)` (§3.2), as hex. */
export function parametersHash(parameters) {
  return toHex(parametersHashBytes(readParameters(parameters)));
}

/** `T₀ = H32("tracking-start"; election_hash)` (§7), hex in and out. */
export function initialTrackingCode(electionHash) {
  return toHex(new Transcript('tracking-start').hash(fromHex32(electionHash, 'election_hash')).hash32());
}

/** `Tᵢ = H32("tracking-code"; Tᵢ₋₁, ballot_hashᵢ)` (§7), hex in and out. */
export function nextTrackingCode(previous, ballotHash) {
  return toHex(
    new Transcript('tracking-code')
      .hash(fromHex32(previous, 'tracking_code'))
      .hash(fromHex32(ballotHash, 'ballot_hash'))
      .hash32(),
  );
}

/** The voter's short form of a tracking code: its first 16 hex digits in groups of four (§7). */
export function shortTrackingCode(code) {
  const h = toHex(fromHex32(code, 'tracking_code'));
  return `${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}`;
}

// Module-private data of election contexts: the decoded joint key with its precomputed table.
const CONTEXTS = new WeakMap();

/** Schnorr verification `s·G = R + c·X` with `c = Hc(prefix…, X, R)` (§4.1, §6.6). */
function schnorrValid(prefix, X, proof) {
  const c = prefix.point(X.bytes).point(proof.r.bytes).challenge();
  return mulPublic(G, proof.s).equals(proof.r.p.add(mulPublic(X.p, c)));
}

function readSchnorr(v, what) {
  expectObject(v, ['r', 's'], what);
  return { r: pointFromHex(v.r, `${what}.r`), s: scalarFromHex(v.s, `${what}.s`) };
}

/** Check the trustees' announcements (§4.1) and derive K, the Yⱼ and the election hash (§3.2, §4.5). */
function checkTrustees(trustees, parameters, phBytes) {
  const n = parameters.trustees;
  const t = parameters.threshold;
  const list = expectArray(parseJson(trustees, 'trustees'), 'trustees');
  if (list.length !== n) fail('bad-context', `trustees: ${list.length} announcements for n = ${n}`, {});
  const ph = toHex(phBytes);
  const decoded = list.map((raw, k) => {
    const w = `trustees[${k}]`;
    expectObject(
      raw,
      ['index', 'parameters_hash', 'commitments', 'coefficient_proof', 'share_encryption_key', 'share_key_proof'],
      w,
    );
    const index = expectU32(raw.index, `${w}.index`);
    if (index !== k + 1) fail('bad-context', `${w}: index ${index}, expected ${k + 1}`, { trustee: index });
    if (toHex(fromHex32(raw.parameters_hash, `${w}.parameters_hash`)) !== ph) {
      fail('bad-context', `trustee ${index}: another election's parameters hash`, { trustee: index });
    }
    const commitments = expectArray(raw.commitments, `${w}.commitments`).map((c, i) =>
      pointFromHex(c, `${w}.commitments[${i}]`),
    );
    if (commitments.length !== t) {
      fail('bad-context', `trustee ${index}: ${commitments.length} commitments, expected ${t}`, { trustee: index });
    }
    const E = pointFromHex(raw.share_encryption_key, `${w}.share_encryption_key`);
    if (commitments[0].p.is0() || E.p.is0()) fail('bad-context', `trustee ${index}: identity key`, { trustee: index });
    const cp = readSchnorr(raw.coefficient_proof, `${w}.coefficient_proof`);
    const kp = readSchnorr(raw.share_key_proof, `${w}.share_key_proof`);
    if (!schnorrValid(new Transcript('trustee-coefficient').hash(phBytes).u32(index), commitments[0], cp)) {
      fail('bad-context', `trustee ${index}: invalid coefficient proof`, { trustee: index });
    }
    if (!schnorrValid(new Transcript('trustee-share-key').hash(phBytes).u32(index), E, kp)) {
      fail('bad-context', `trustee ${index}: invalid share-key proof`, { trustee: index });
    }
    return { index, commitments, E };
  });
  // C_k = Σ_i A_ik; K = C_0; Y_j = Σ_k j^k·C_k (§4.5).
  const C = [];
  for (let k = 0; k < t; k++) C.push(decoded.reduce((acc, d) => acc.add(d.commitments[k].p), ZERO));
  const K = C[0];
  if (K.is0()) fail('bad-context', 'the joint public key is the identity', {});
  const Y = decoded.map((d) => {
    let y = ZERO;
    let pow = 1n;
    for (let k = 0; k < t; k++) {
      y = y.add(mulPublic(C[k], mod(pow)));
      pow *= BigInt(d.index);
    }
    if (y.is0()) fail('bad-context', `trustee ${d.index}: identity verification key`, { trustee: d.index });
    return toHex(y.toBytes());
  });
  const tr = new Transcript('election').hash(phBytes).count(decoded.length);
  for (const d of decoded) {
    tr.u32(d.index).count(d.commitments.length);
    for (const c of d.commitments) tr.point(c.bytes);
    tr.point(d.E.bytes);
  }
  const Kb = K.toBytes();
  tr.point(Kb);
  return { K: toHex(Kb), Y, electionHash: toHex(tr.hash32()) };
}

/**
 * Load the election context the server gives the voter's page (§3.2, §4.5, §7), in the JSON
 * shapes of the record's files (§12.3):
 *
 * ```
 * input = {
 *   manifest:   manifest.json    {election_id, title, contests: [...]},
 *   parameters: parameters.json  {protocol, manifest_hash, trustees, threshold},
 *   election:   election.json    {parameters_hash, election_hash, joint_public_key,
 *                                 verification_keys: [hex], initial_tracking_code},
 *   trustees:   [trustees/trustee-<i>.json for i = 1..n]   (optional, recommended)
 * }
 * ```
 *
 * Each may be an object or its JSON text. Checks: the manifest is valid and hashes to
 * `parameters.manifest_hash`; the parameters are valid and hash to `election.parameters_hash`;
 * `K` decodes and is not the identity; there are `n` verification keys; `T₀` is
 * `H32("tracking-start"; election_hash)`. With `trustees`, also every announcement (§4.1: index,
 * parameters hash, `t` commitments, no identity key, both Schnorr proofs), and that `K`, every
 * `Yⱼ` and the election hash are exactly what they imply — only then is the election hash
 * (which every proof and signature binds to, §3.1) checked rather than taken on trust.
 * Throws `bad-context` or `bad-encoding`.
 *
 * @returns {ElectionContext} a frozen object:
 *   `{manifest, parameters, parametersHash, electionHash, jointPublicKey, verificationKeys,
 *     initialTrackingCode, trusteesChecked}` (hashes and points as hex; `manifest` and
 *   `parameters` normalised copies).
 */
export function loadElection(input) {
  expectObject(input, ['manifest', 'parameters', 'election', 'trustees'], 'election context', ['trustees']);
  const manifest = readManifest(input.manifest);
  const parameters = readParameters(input.parameters);
  const mh = toHex(manifestHashBytes(manifest));
  if (mh !== parameters.manifest_hash) {
    fail('bad-context', 'parameters.manifest_hash is not the hash of the manifest', { expected: mh });
  }
  const phBytes = parametersHashBytes(parameters);
  const ph = toHex(phBytes);
  const e = expectObject(
    parseJson(input.election, 'election'),
    ['parameters_hash', 'election_hash', 'joint_public_key', 'verification_keys', 'initial_tracking_code'],
    'election',
  );
  if (toHex(fromHex32(e.parameters_hash, 'election.parameters_hash')) !== ph) {
    fail('bad-context', 'election.parameters_hash is not the hash of the parameters', { expected: ph });
  }
  const electionHash = toHex(fromHex32(e.election_hash, 'election.election_hash'));
  const K = pointFromHex(e.joint_public_key, 'election.joint_public_key');
  if (K.p.is0()) fail('bad-context', 'the joint public key is the identity', {});
  const Y = expectArray(e.verification_keys, 'election.verification_keys').map((y, i) => {
    const p = pointFromHex(y, `election.verification_keys[${i}]`);
    if (p.p.is0()) fail('bad-context', `verification key ${i + 1} is the identity`, { trustee: i + 1 });
    return p.hex;
  });
  if (Y.length !== parameters.trustees) {
    fail('bad-context', `${Y.length} verification keys for ${parameters.trustees} trustees`, {});
  }
  const t0 = toHex(fromHex32(e.initial_tracking_code, 'election.initial_tracking_code'));
  if (t0 !== initialTrackingCode(electionHash)) {
    fail('bad-context', 'initial_tracking_code is not H32("tracking-start"; election_hash)', {});
  }
  let trusteesChecked = false;
  if (input.trustees !== undefined) {
    const derived = checkTrustees(input.trustees, parameters, phBytes);
    if (derived.K !== K.hex) fail('bad-context', 'joint_public_key differs from the trustees\' commitments', {});
    derived.Y.forEach((y, i) => {
      if (y !== Y[i]) fail('bad-context', `verification key ${i + 1} differs from the commitments`, { trustee: i + 1 });
    });
    if (derived.electionHash !== electionHash) {
      fail('bad-context', 'election_hash differs from the one the trustees\' files imply', {});
    }
    trusteesChecked = true;
  }
  const ctx = deepFreeze({
    manifest,
    parameters,
    parametersHash: ph,
    electionHash,
    jointPublicKey: K.hex,
    verificationKeys: Y,
    initialTrackingCode: t0,
    trusteesChecked,
  });
  // The joint key with a precomputed window table: every ballot multiplies it ~2 times per point.
  CONTEXTS.set(ctx, { K: K.p.precompute(6, true), electionHashBytes: fromHex32(electionHash, 'election_hash') });
  return ctx;
}

function deepFreeze(o) {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function internals(ctx) {
  const i = CONTEXTS.get(ctx);
  if (!i) fail('bad-context', 'not an election context from loadElection()', {});
  return i;
}

// ---------------------------------------------------------------------------------------------
// Credentials (§5)

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// Unicode White_Space, as Rust's char::is_whitespace (which the reference parser uses).
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

function credentialChecksum(secret16) {
  return new Transcript('credential-check').bytes(secret16).hash32().slice(0, 4);
}

/** Parse a typed code into its 16 secret bytes (a fresh array the caller wipes). */
function parseCode(text) {
  if (typeof text !== 'string') fail('bad-credential', 'the credential code is not text', { reason: 'character' });
  const values = [];
  for (const ch of text) {
    if (ch === '-' || WHITE_SPACE.test(ch)) continue;
    let c = ch.codePointAt(0);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20; // ASCII upper case only
    let u = String.fromCharCode(c);
    if (u === 'O') u = '0';
    if (u === 'I' || u === 'L') u = '1';
    const v = c < 0x80 ? ALPHABET.indexOf(u) : -1;
    if (v < 0) {
      values.fill(0);
      fail('bad-credential', 'the credential code has a character outside the alphabet', {
        reason: 'character',
        character: ch,
      });
    }
    values.push(v);
  }
  if (values.length !== 32) {
    const n = values.length;
    values.fill(0);
    fail('bad-credential', `the credential code has ${n} characters, expected 32`, { reason: 'length', length: n });
  }
  const bytes = new Uint8Array(20);
  let acc = 0;
  let bits = 0;
  let out = 0;
  for (const v of values) {
    acc = ((acc << 5) | v) & 0x1fff; // at most 12 pending bits
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  values.fill(0);
  acc = 0;
  const secret = bytes.slice(0, 16);
  const sum = credentialChecksum(secret);
  let diff = 0;
  for (let i = 0; i < 4; i++) diff |= sum[i] ^ bytes[16 + i];
  bytes.fill(0);
  if (diff !== 0) {
    secret.fill(0);
    fail('bad-credential', 'the credential code has a wrong checksum (a typing error?)', { reason: 'checksum' });
  }
  return secret;
}

/**
 * Format 16 secret bytes as a credential code (§5):
 * `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX` (Crockford base32 of the secret and its 4-byte
 * checksum). For tools and tests (the authority issues codes; the client only reads them).
 * @param {Uint8Array} secret16
 * @returns {string}
 */
export function formatCredentialCode(secret16) {
  if (!(secret16 instanceof Uint8Array) || secret16.length !== 16) {
    fail('bad-encoding', 'a credential secret is 16 bytes', { field: 'secret' });
  }
  const bytes = new Uint8Array(20);
  bytes.set(secret16);
  bytes.set(credentialChecksum(secret16), 16);
  let out = '';
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (n > 0 && n % 4 === 0) out += '-';
      out += ALPHABET[(acc >> bits) & 31];
      n++;
    }
  }
  bytes.fill(0);
  return out;
}

/**
 * Check a typed credential code (§5: `-` and white space ignored, case-insensitive, `O` read as
 * `0`, `I`/`L` as `1`) and return it in canonical form, for live feedback in the form. Throws
 * `bad-credential` (`details.reason`: `character`, `length` or `checksum`).
 * @param {string} text
 * @returns {string}
 */
export function normalizeCredentialCode(text) {
  const secret = parseCode(text);
  try {
    return formatCredentialCode(secret);
  } finally {
    secret.fill(0);
  }
}

// Module-private secrets of credential keys: key handle → 32-byte little-endian scalar x.
const KEYS = new WeakMap();

/**
 * A voter's signing key for one election, derived from the credential code (§5). The secret
 * `x` is not a property: it is kept module-private and wiped by `destroy()`.
 */
export class CredentialKey {
  /** @param {string} credential the public credential X, hex */
  constructor(credential, secret, parametersHash) {
    if (secret === undefined || !(secret instanceof Uint8Array)) {
      fail('bad-credential', 'use deriveCredentialKey()', { reason: 'character' });
    }
    /** The public credential `X = x·G` (hex). */
    this.credential = credential;
    /** The parameters hash the key was derived for (hex). */
    this.parametersHash = parametersHash;
    KEYS.set(this, secret);
    Object.freeze(this);
  }

  /** Wipe the secret key; the handle cannot sign any more. */
  destroy() {
    const s = KEYS.get(this);
    if (s) s.fill(0);
    KEYS.delete(this);
  }

  /** Whether `destroy()` has been called. */
  get destroyed() {
    return !KEYS.has(this);
  }
}

function keySecret(key) {
  const s = key instanceof CredentialKey ? KEYS.get(key) : undefined;
  if (!s) fail('destroyed', 'the credential key was destroyed (or is not a CredentialKey)', {});
  return bytesToBigLE(s);
}

/**
 * Derive the credential key from a printed code (§5):
 * `x = Hw("credential-key"; parameters_hash, σ)`, `X = x·G`.
 *
 * `election` is an election context from {@link loadElection} (or a parameters hash as hex).
 * When `options.expected` is given — the voter's public credential (hex), or a list / Set of
 * public credentials (e.g. `credentials.jsonl`'s) — `X` must be it (or in it), else
 * `wrong-credential`. A malformed code throws `bad-credential`. The code's secret bytes are
 * wiped before returning.
 *
 * @param {ElectionContext|string} election
 * @param {string} code
 * @param {{expected?: string|string[]|Set<string>}} [options]
 * @returns {CredentialKey}
 */
export function deriveCredentialKey(election, code, options = {}) {
  if (typeof election !== 'string') internals(election);
  const ph = typeof election === 'string' ? toHex(fromHex32(election, 'parameters_hash')) : election.parametersHash;
  const secret = parseCode(code);
  const wide = new Transcript('credential-key').hash(fromHex32(ph, 'parameters_hash')).bytes(secret).digest();
  secret.fill(0);
  let x = wideReduce(wide);
  wide.fill(0);
  const X = toHex(mulSecret(G, x).toBytes());
  const stored = bigToBytesLE32(x);
  x = 0n;
  const { expected } = options;
  if (expected !== undefined) {
    const ok =
      typeof expected === 'string'
        ? expected === X
        : expected instanceof Set
          ? expected.has(X)
          : Array.isArray(expected) && expected.includes(X);
    if (!ok) {
      stored.fill(0);
      fail('wrong-credential', 'this credential code is not the expected voter credential for this election', {
        credential: X,
      });
    }
  }
  return new CredentialKey(X, stored, ph);
}

// ---------------------------------------------------------------------------------------------
// Plaintexts (§6.1)

/**
 * Check a plaintext ballot `{contests: [[bool, …], …]}` against the manifest (§6.1): one list
 * per contest, one boolean per option, `min ≤ marks ≤ max`. Throws `bad-plaintext`,
 * `under-vote` or `over-vote` (`details`: `{contest, contestId, selected, min, max}`).
 * @param {ElectionContext} ctx
 * @param {{contests: boolean[][]}} plaintext
 */
export function validatePlaintext(ctx, plaintext) {
  const { contests } = ctx.manifest;
  if (!isPlainObject(plaintext) || !Array.isArray(plaintext.contests)) {
    fail('bad-plaintext', 'a plaintext is {contests: [[bool]]}', {});
  }
  if (plaintext.contests.length !== contests.length) {
    fail('bad-plaintext', `${plaintext.contests.length} contests, the manifest has ${contests.length}`, {
      expected: contests.length,
      found: plaintext.contests.length,
    });
  }
  contests.forEach((c, ci) => {
    const marks = plaintext.contests[ci];
    if (!Array.isArray(marks) || marks.length !== c.options.length || !marks.every((m) => typeof m === 'boolean')) {
      fail('bad-plaintext', `contest ${ci}: expected ${c.options.length} booleans`, {
        contest: ci,
        contestId: c.id,
        expected: c.options.length,
      });
    }
  });
  contests.forEach((c, ci) => {
    const selected = plaintext.contests[ci].filter(Boolean).length;
    const details = { contest: ci, contestId: c.id, selected, min: c.min_selections, max: c.max_selections };
    if (selected > c.max_selections) {
      fail('over-vote', `contest ${c.id}: ${selected} marks, at most ${c.max_selections} allowed`, details);
    }
    if (selected < c.min_selections) {
      fail('under-vote', `contest ${c.id}: ${selected} marks, at least ${c.min_selections} required`, details);
    }
  });
}

/**
 * Build a plaintext from the voter's choices by id: `{contestId: [optionId, …]}` (or an array of
 * `[contestId, [optionId, …]]` pairs); contests not named have no marks. Throws `unknown-choice`
 * for an id the manifest does not have, then as {@link validatePlaintext}.
 * @returns {{contests: boolean[][]}}
 */
export function plaintextFromChoices(ctx, choices) {
  const m = ctx.manifest;
  const contests = m.contests.map((c) => c.options.map(() => false));
  const pairs = Array.isArray(choices) ? choices : Object.entries(choices);
  for (const [cid, oids] of pairs) {
    const ci = m.contests.findIndex((c) => c.id === cid);
    if (ci < 0) fail('unknown-choice', `no contest ${cid}`, { contestId: cid });
    for (const oid of oids) {
      const oi = m.contests[ci].options.findIndex((o) => o.id === oid);
      if (oi < 0) fail('unknown-choice', `no option ${oid} in contest ${cid}`, { contestId: cid, optionId: oid });
      contests[ci][oi] = true;
    }
  }
  const p = { contests };
  validatePlaintext(ctx, p);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Randomness

function defaultRandomBytes(n) {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/**
 * A scalar source from options: `options.randomScalar()` (a BigInt in [0, ℓ)) if given, else 64
 * bytes of `options.randomBytes(64)` (default `crypto.getRandomValues`) reduced mod ℓ — exactly
 * what curve25519-dalek's `Scalar::random` does with the Rust client's RNG.
 */
function scalarSource(options) {
  if (options.randomScalar) {
    return () => {
      const s = options.randomScalar();
      if (typeof s !== 'bigint' || s < 0n || s >= L) fail('bad-random', 'randomScalar() must return a BigInt in [0, ℓ)', {});
      return s;
    };
  }
  const randomBytes = options.randomBytes || defaultRandomBytes;
  return () => {
    const b = randomBytes(64);
    if (!(b instanceof Uint8Array) || b.length !== 64) fail('bad-random', 'randomBytes(64) must return 64 bytes', {});
    const s = wideReduce(b);
    b.fill(0);
    return s;
  };
}

// ---------------------------------------------------------------------------------------------
// Ballots (§6)

function selectionChallenge(eh, X, contest, option, alpha, beta, commitments) {
  const t = new Transcript('selection-proof').hash(eh).point(X).u32(contest).u32(option).point(alpha).point(beta);
  for (const c of commitments) t.point(c);
  return t.challenge();
}

function countChallenge(eh, X, contest, min, max, cts, commitments) {
  const t = new Transcript('count-proof').hash(eh).point(X).u32(contest).u32(min).u32(max).count(cts.length);
  for (const [a, b] of cts) t.point(a).point(b);
  t.count(commitments.length / 2);
  for (const c of commitments) t.point(c);
  return t.challenge();
}

function signatureChallenge(eh, bh, X, R) {
  return new Transcript('ballot-signature').hash(eh).hash(bh).point(X).point(R).challenge();
}

/** `H32("ballot"; …)` over a decoded ballot (§6.5). */
function ballotHashOf(b) {
  const t = new Transcript('ballot').hash(b.electionHash).point(b.credential.bytes).count(b.contests.length);
  for (const c of b.contests) {
    t.count(c.selections.length);
    for (const s of c.selections) {
      t.point(s.alpha.bytes).point(s.beta.bytes);
      absorbProof(t, s.proof);
    }
    absorbProof(t, c.countProof);
  }
  return t.hash32();
}

function absorbProof(t, branches) {
  t.count(branches.length);
  for (const br of branches) t.point(br.a.bytes).point(br.b.bytes).scalar(br.c).scalar(br.v);
}

const branchJson = (br) => ({ a: br.a.hex, b: br.b.hex, c: scalarToHex(br.c), v: scalarToHex(br.v) });

/** A decoded ballot as the JSON object of §6.5 / §12.3, fields in the reference order. */
function ballotJson(b) {
  return {
    election_hash: toHex(b.electionHash),
    credential: b.credential.hex,
    contests: b.contests.map((c) => ({
      selections: c.selections.map((s) => ({ alpha: s.alpha.hex, beta: s.beta.hex, proof: s.proof.map(branchJson) })),
      count_proof: c.countProof.map(branchJson),
    })),
    signature: { r: b.signature.r.hex, s: scalarToHex(b.signature.s) },
  };
}

function readBranches(v, what) {
  return expectArray(v, what).map((br, i) => {
    const w = `${what}[${i}]`;
    expectObject(br, ['a', 'b', 'c', 'v'], w);
    return {
      a: pointFromHex(br.a, `${w}.a`),
      b: pointFromHex(br.b, `${w}.b`),
      c: scalarFromHex(br.c, `${w}.c`),
      v: scalarFromHex(br.v, `${w}.v`),
    };
  });
}

/** Decode a ballot strictly (§12.2, §12.3 `Ballot`): exact fields, lowercase hex, canonical points/scalars. */
function readBallot(ballot) {
  const v = expectObject(parseJson(ballot, 'ballot'), ['election_hash', 'credential', 'contests', 'signature'], 'ballot');
  return {
    electionHash: fromHex32(v.election_hash, 'ballot.election_hash'),
    credential: pointFromHex(v.credential, 'ballot.credential'),
    contests: expectArray(v.contests, 'ballot.contests').map((c, ci) => {
      const w = `ballot.contests[${ci}]`;
      expectObject(c, ['selections', 'count_proof'], w);
      return {
        selections: expectArray(c.selections, `${w}.selections`).map((s, oi) => {
          const ws = `${w}.selections[${oi}]`;
          expectObject(s, ['alpha', 'beta', 'proof'], ws);
          return {
            alpha: pointFromHex(s.alpha, `${ws}.alpha`),
            beta: pointFromHex(s.beta, `${ws}.beta`),
            proof: readBranches(s.proof, `${ws}.proof`),
          };
        }),
        countProof: readBranches(c.count_proof, `${w}.count_proof`),
      };
    }),
    signature: readSchnorr(v.signature, 'ballot.signature'),
  };
}

/**
 * Encrypt, prove and sign a ballot (§6.2–§6.6) with the voter's credential key.
 *
 * The plaintext is checked first ({@link validatePlaintext}: `over-vote`, `under-vote`,
 * `bad-plaintext` are thrown before any randomness is drawn or anything encrypted). Then, in
 * the reference client's order of random draws (which makes the output reproducible from a
 * deterministic source, §15): per contest, per option the nonce `r`, the real-branch nonce `u`
 * and the simulated branch's `c`, `v`; then the count proof's `u` and per value `min..max`
 * a simulated `c`, `v` (drawn for the real branch too, and unused); finally the signature
 * nonce. Each scalar is 64 random bytes reduced mod ℓ.
 *
 * Randomness: `crypto.getRandomValues` unless `options.randomBytes(n)` (returning a
 * Uint8Array of `n` bytes) or `options.randomScalar()` (returning a BigInt in [0, ℓ)) is given.
 *
 * @param {ElectionContext} ctx from {@link loadElection}
 * @param {CredentialKey} key from {@link deriveCredentialKey}
 * @param {{contests: boolean[][]}} plaintext
 * @param {{randomBytes?: (n:number)=>Uint8Array, randomScalar?: ()=>bigint}} [options]
 * @returns {{ballot: Ballot, ballotHash: string, secrets: BallotSecrets}} `ballot` is the JSON
 *   object of §6.5 (serialize with `JSON.stringify` for the reference compact form),
 *   `ballotHash` its hash (hex; the fingerprint shown before "cast or challenge?", §8),
 *   `secrets` the handle that can open it ({@link BallotSecrets#open}) or be destroyed on cast.
 */
export function encryptBallot(ctx, key, plaintext, options = {}) {
  const { K, electionHashBytes: eh } = internals(ctx);
  validatePlaintext(ctx, plaintext);
  if (!(key instanceof CredentialKey) || key.parametersHash !== ctx.parametersHash) {
    fail('wrong-credential', 'the credential key was derived for another election', {});
  }
  const x = keySecret(key);
  const X = fromHex32(key.credential, 'credential');
  const draw = scalarSource(options);
  const contests = ctx.manifest.contests;

  // Phase 1: all randomness and all points, in the reference order.
  const secretRows = [];
  for (let ci = 0; ci < contests.length; ci++) {
    const contest = contests[ci];
    const marks = plaintext.contests[ci];
    const row = [];
    let rSum = 0n;
    let mSum = 0;
    for (let oi = 0; oi < marks.length; oi++) {
      const m = marks[oi] ? 1 : 0;
      const r = draw();
      const u = draw();
      const cSim = draw();
      const vSim = draw();
      const alpha = mulSecret(G, r);
      // β = r·K + m·G: both marks add a point (G or the identity).
      const beta = mulSecret(K, r).add(m === 1 ? G : ZERO);
      // Simulated branch j ≠ m: b_j = (v − c·r)·K + c·(j − m)·G; j − m = +1 when m = 0, −1 when m = 1.
      const cG = mulSecret(G, cSim);
      const cGneg = cG.negate();
      const d = m === 1 ? cGneg : cG;
      const branches = [];
      for (let j = 0; j < 2; j++) {
        const real = j === m;
        const cPre = real ? 0n : cSim;
        const vPre = real ? u : vSim;
        const w = mod(vPre - cPre * r);
        branches.push({
          real,
          cPre,
          vPre,
          a: mulSecret(G, w),
          b: mulSecret(K, w).add(real ? ZERO : d),
        });
      }
      rSum = mod(rSum + r);
      mSum += m;
      row.push({ r, u, alpha, beta, branches });
    }
    const u = draw();
    const single = contest.min_selections === contest.max_selections;
    const countBranches = [];
    for (let k = contest.min_selections; k <= contest.max_selections; k++) {
      const real = k === mSum;
      const cSim = draw();
      const vSim = draw();
      const cPre = real ? 0n : cSim;
      const vPre = real ? u : vSim;
      const w = mod(vPre - cPre * rSum);
      let b = mulSecret(K, w);
      if (!single) {
        // + c·(k − m)·G for a simulated branch. The real branch (k = m) does the same
        // multiplication (by c_sim) and adds the identity, so that the timing does not tell
        // which branch is real, i.e. the number of marks.
        const dk = mulSecret(G, mod(cSim * BigInt(real ? 1 : k - mSum)));
        b = b.add(real ? ZERO : dk);
      }
      countBranches.push({ real, cPre, vPre, a: mulSecret(G, w), b });
    }
    secretRows.push({ row, count: { rSum, u, branches: countBranches } });
  }
  let sigNonce = draw();
  const R = pointFrom(mulSecret(G, sigNonce));

  // Phase 2: challenges and responses (§6.3, §6.4): c_real = c − Σ c_sim, v_real = u + c_real·r.
  const respond = (branches, c, u, r) => {
    const cReal = mod(branches.reduce((acc, br) => acc - br.cPre, c));
    const vReal = mod(u + cReal * r);
    return branches.map((br) => ({
      a: br.a,
      b: br.b,
      c: br.real ? cReal : br.cPre,
      v: br.real ? vReal : br.vPre,
    }));
  };
  const decoded = { electionHash: eh, credential: { p: null, bytes: X, hex: key.credential }, contests: [] };
  secretRows.forEach(({ row, count }, ci) => {
    const selections = [];
    const cts = [];
    row.forEach((s, oi) => {
      const alpha = pointFrom(s.alpha);
      const beta = pointFrom(s.beta);
      const branches = s.branches.map((br) => ({ ...br, a: pointFrom(br.a), b: pointFrom(br.b) }));
      const c = selectionChallenge(
        eh,
        X,
        ci,
        oi,
        alpha.bytes,
        beta.bytes,
        branches.flatMap((br) => [br.a.bytes, br.b.bytes]),
      );
      selections.push({ alpha, beta, proof: respond(branches, c, s.u, s.r) });
      cts.push([alpha.bytes, beta.bytes]);
    });
    const branches = count.branches.map((br) => ({ ...br, a: pointFrom(br.a), b: pointFrom(br.b) }));
    const cdef = contests[ci];
    const c = countChallenge(
      eh,
      X,
      ci,
      cdef.min_selections,
      cdef.max_selections,
      cts,
      branches.flatMap((br) => [br.a.bytes, br.b.bytes]),
    );
    decoded.contests.push({ selections, countProof: respond(branches, c, count.u, count.rSum) });
  });
  decoded.signature = { r: R, s: 0n };
  const bh = ballotHashOf(decoded);
  const cSig = signatureChallenge(eh, bh, X, R.bytes);
  decoded.signature.s = mod(sigNonce + cSig * x);
  sigNonce = 0n;

  const nonces = secretRows.map(({ row }) => row.map((s) => bigToBytesLE32(s.r)));
  const marks = plaintext.contests.map((row) => row.slice());
  // Drop the secret intermediates (BigInts cannot be wiped; drop the references).
  for (const { row, count } of secretRows) {
    for (const s of row) {
      s.r = s.u = 0n;
      for (const br of s.branches) br.cPre = br.vPre = 0n;
    }
    count.rSum = count.u = 0n;
    for (const br of count.branches) br.cPre = br.vPre = 0n;
  }
  const ballotHash = toHex(bh);
  return { ballot: ballotJson(decoded), ballotHash, secrets: new BallotSecrets(ballotHash, marks, nonces) };
}

// Module-private secrets of encrypted ballots: handle → {marks, nonces (32-byte LE arrays)}.
const BALLOT_SECRETS = new WeakMap();

/**
 * What the client keeps after encrypting a ballot until the voter decides (§8): the marks and
 * the encryption nonces, module-private. On **cast**, call `destroy()`; on **challenge**,
 * `open()` returns the opening and destroys the secrets (the ballot must then never be cast;
 * encrypt again with fresh nonces).
 */
export class BallotSecrets {
  constructor(ballotHash, marks, nonces) {
    if (!Array.isArray(nonces)) fail('destroyed', 'BallotSecrets come from encryptBallot()', {});
    /** The hash of the ballot these secrets belong to (hex). */
    this.ballotHash = ballotHash;
    BALLOT_SECRETS.set(this, { marks, nonces });
    Object.freeze(this);
  }

  /**
   * The Benaloh opening of the ballot (§8, §12.3 `Opening`):
   * `{ballot_hash, contests: [[{mark: bool, nonce: hex}, …], …]}`. One use: the secrets are
   * destroyed afterwards.
   */
  open() {
    const s = BALLOT_SECRETS.get(this);
    if (!s) fail('destroyed', 'the ballot secrets were destroyed (cast or already opened)', {});
    const opening = {
      ballot_hash: this.ballotHash,
      contests: s.marks.map((row, ci) => row.map((mark, oi) => ({ mark, nonce: toHex(s.nonces[ci][oi]) }))),
    };
    this.destroy();
    return opening;
  }

  /** Wipe the nonces (on cast: the nonces of a cast ballot would prove how the voter voted, §14). */
  destroy() {
    const s = BALLOT_SECRETS.get(this);
    if (s) {
      for (const row of s.nonces) for (const n of row) n.fill(0);
      for (const row of s.marks) row.fill(false);
    }
    BALLOT_SECRETS.delete(this);
  }

  /** Whether the secrets are gone. */
  get destroyed() {
    return !BALLOT_SECRETS.has(this);
  }
}

/**
 * The ballot hash `H32("ballot"; …)` of a ballot (§6.5), hex. The ballot (object or JSON text) is
 * read strictly first (`bad-encoding`).
 */
export function ballotHash(ballot) {
  return toHex(ballotHashOf(readBallot(ballot)));
}

function checkShape(ctx, b) {
  if (toHex(b.electionHash) !== ctx.electionHash) {
    fail('wrong-election', 'the ballot is bound to another election', {});
  }
  if (b.credential.p.is0()) fail('bad-ballot', 'the ballot\'s credential is the identity', { reason: 'credential' });
  const contests = ctx.manifest.contests;
  if (b.contests.length !== contests.length) {
    fail('bad-ballot', `${b.contests.length} contests, the manifest has ${contests.length}`, { reason: 'contests' });
  }
  b.contests.forEach((ec, ci) => {
    const c = contests[ci];
    if (ec.selections.length !== c.options.length) {
      fail('bad-ballot', `contest ${ci}: ${ec.selections.length} selections for ${c.options.length} options`, {
        reason: 'selections',
        contest: ci,
      });
    }
    ec.selections.forEach((s, oi) => {
      if (s.proof.length !== 2) {
        fail('bad-ballot', `contest ${ci} option ${oi}: a 0/1 proof has 2 branches`, { reason: 'proof', contest: ci, option: oi });
      }
    });
    if (ec.countProof.length !== c.max_selections - c.min_selections + 1) {
      fail('bad-ballot', `contest ${ci}: the count proof has max − min + 1 branches`, { reason: 'count-proof', contest: ci });
    }
  });
}

/** Verify a disjunctive proof (§6.3) for (α, β) over values lo, lo+1, … with challenge c. */
function disjunctiveValid(branches, c, lo, alpha, beta, K) {
  let sum = 0n;
  for (const br of branches) sum += br.c;
  if (mod(sum) !== c) return false;
  return branches.every((br, i) => {
    // v·G = a + c·α and v·K = b + c·(β − k·G)
    const k = BigInt(lo + i);
    const shifted = k === 0n ? beta : beta.subtract(mulPublic(G, k % L));
    return (
      mulPublic(G, br.v).equals(br.a.p.add(mulPublic(alpha, br.c))) &&
      mulPublic(K, br.v).equals(br.b.p.add(mulPublic(shifted, br.c)))
    );
  });
}

/**
 * Verify a ballot completely (§6.7): election binding and a non-identity credential, shape
 * against the manifest, every 0/1 proof (§6.3), every count proof (§6.4), the signature (§6.6).
 * Eligibility (the credential in the list) and replays are the board's checks (§7).
 * Throws `bad-encoding`, `wrong-election`, `bad-ballot`, `bad-proof` (`details`:
 * `{contest, option}` or `{contest, count: true}`) or `bad-signature`.
 * @param {ElectionContext} ctx
 * @param {object|string} ballot the ballot JSON (§6.5)
 * @returns {{ballotHash: string}}
 */
export function verifyBallot(ctx, ballot) {
  const { K, electionHashBytes: eh } = internals(ctx);
  const b = readBallot(ballot);
  checkShape(ctx, b);
  const X = b.credential.bytes;
  b.contests.forEach((ec, ci) => {
    const cdef = ctx.manifest.contests[ci];
    let A = ZERO;
    let B = ZERO;
    ec.selections.forEach((s, oi) => {
      const c = selectionChallenge(eh, X, ci, oi, s.alpha.bytes, s.beta.bytes, s.proof.flatMap((br) => [br.a.bytes, br.b.bytes]));
      if (!disjunctiveValid(s.proof, c, 0, s.alpha.p, s.beta.p, K)) {
        fail('bad-proof', `contest ${ci} option ${oi}: the 0/1 proof does not verify`, { contest: ci, option: oi });
      }
      A = A.add(s.alpha.p);
      B = B.add(s.beta.p);
    });
    const c = countChallenge(
      eh,
      X,
      ci,
      cdef.min_selections,
      cdef.max_selections,
      ec.selections.map((s) => [s.alpha.bytes, s.beta.bytes]),
      ec.countProof.flatMap((br) => [br.a.bytes, br.b.bytes]),
    );
    if (!disjunctiveValid(ec.countProof, c, cdef.min_selections, A, B, K)) {
      fail('bad-proof', `contest ${ci}: the count proof does not verify`, { contest: ci, count: true });
    }
  });
  const bh = ballotHashOf(b);
  if (!signatureValid(b, bh)) fail('bad-signature', 'the credential signature does not verify', {});
  return { ballotHash: toHex(bh) };
}

function signatureValid(b, bh) {
  const c = signatureChallenge(b.electionHash, bh, b.credential.bytes, b.signature.r.bytes);
  return mulPublic(G, b.signature.s).equals(b.signature.r.p.add(mulPublic(b.credential.p, c)));
}

/**
 * Verify only a ballot's credential signature (§6.6), with a credential that is not the
 * identity — what a challenged ballot needs besides its opening (§8.1.5). Throws `bad-encoding`,
 * `bad-ballot` or `bad-signature`; returns `{ballotHash}`.
 */
export function verifyBallotSignature(ballot) {
  const b = readBallot(ballot);
  if (b.credential.p.is0()) fail('bad-ballot', 'the ballot\'s credential is the identity', { reason: 'credential' });
  const bh = ballotHashOf(b);
  if (!signatureValid(b, bh)) fail('bad-signature', 'the credential signature does not verify', {});
  return { ballotHash: toHex(bh) };
}

function readOpening(opening) {
  const o = expectObject(parseJson(opening, 'opening'), ['ballot_hash', 'contests'], 'opening');
  return {
    ballotHash: toHex(fromHex32(o.ballot_hash, 'opening.ballot_hash')),
    contests: expectArray(o.contests, 'opening.contests').map((row, ci) =>
      expectArray(row, `opening.contests[${ci}]`).map((s, oi) => {
        const w = `opening.contests[${ci}][${oi}]`;
        expectObject(s, ['mark', 'nonce'], w);
        return { mark: expectBool(s.mark, `${w}.mark`), nonce: scalarFromHex(s.nonce, `${w}.nonce`) };
      }),
    ),
  };
}

/**
 * Check a Benaloh opening against its ballot (§8, §8.1 items 1–4): the opening's ballot hash is
 * the ballot's, the ballot is bound to this election, the shapes agree (one contest per
 * manifest contest, one entry per option), and every `(α, β) = (r·G, m·G + r·K)`. Returns the
 * revealed plaintext `{contests: [[bool]]}`, which need not respect the contest limits: an
 * over-vote a device encrypted is exactly what a challenge exposes. The proofs are not
 * checked (§8.1 "Not required"). Throws `bad-encoding`, `wrong-election` or `bad-opening`
 * (`details.reason`: `ballot-hash`, `shape`, or `mismatch` with `{contest, option}`).
 * @param {ElectionContext} ctx
 * @param {object|string} ballot
 * @param {object|string} opening
 * @returns {{contests: boolean[][]}}
 */
export function verifyOpening(ctx, ballot, opening) {
  const { K } = internals(ctx);
  const b = readBallot(ballot);
  const o = readOpening(opening);
  const bh = toHex(ballotHashOf(b));
  if (o.ballotHash !== bh) {
    fail('bad-opening', 'the opening is for another ballot (ballot hash)', { reason: 'ballot-hash', opening: o.ballotHash, ballot: bh });
  }
  if (toHex(b.electionHash) !== ctx.electionHash) fail('wrong-election', 'the ballot is bound to another election', {});
  const contests = ctx.manifest.contests;
  if (b.contests.length !== contests.length || o.contests.length !== b.contests.length) {
    fail('bad-opening', 'the opening and the ballot do not have the manifest\'s contests', { reason: 'shape' });
  }
  return {
    contests: o.contests.map((row, ci) => {
      const sels = b.contests[ci].selections;
      if (sels.length !== contests[ci].options.length || row.length !== sels.length) {
        fail('bad-opening', `contest ${ci}: the opening and the ballot do not have the manifest's options`, {
          reason: 'shape',
          contest: ci,
        });
      }
      return row.map((s, oi) => {
        const alpha = mulPublic(G, s.nonce);
        let beta = mulPublic(K, s.nonce);
        if (s.mark) beta = beta.add(G);
        if (!alpha.equals(sels[oi].alpha.p) || !beta.equals(sels[oi].beta.p)) {
          fail('bad-opening', `contest ${ci} option ${oi}: the ciphertext does not open to the revealed mark`, {
            reason: 'mismatch',
            contest: ci,
            option: oi,
          });
        }
        return s.mark;
      });
    }),
  };
}

/**
 * Check a challenged entry `{ballot_hash, ballot, opening}` (one line of `challenged.jsonl`,
 * §12.3) as §8.1 items 1–5 require: `ballot_hash` = the ballot's hash = `opening.ballot_hash`,
 * the election hash, the shapes, every ciphertext opened, and the signature; with
 * `options.credentials` (the published list, hex strings) also that the credential is listed.
 * Item 6 (not already on the board or challenged) is the board's state, not checked here.
 * Throws like {@link verifyOpening} and {@link verifyBallotSignature}, and `bad-entry`.
 * @returns {{ballotHash: string, plaintext: {contests: boolean[][]}}}
 */
export function verifyChallengedEntry(ctx, entry, options = {}) {
  const e = expectObject(parseJson(entry, 'entry'), ['ballot_hash', 'ballot', 'opening'], 'entry');
  const bh = ballotHash(e.ballot);
  if (toHex(fromHex32(e.ballot_hash, 'entry.ballot_hash')) !== bh) {
    fail('bad-entry', 'ballot_hash is not the ballot\'s hash', { reason: 'ballot-hash' });
  }
  const plaintext = verifyOpening(ctx, e.ballot, e.opening);
  verifyBallotSignature(e.ballot);
  if (options.credentials !== undefined) {
    const listed = options.credentials instanceof Set ? options.credentials : new Set(options.credentials);
    if (!listed.has(e.ballot.credential)) {
      fail('bad-entry', 'the ballot\'s credential is not in the published list', { reason: 'credential' });
    }
  }
  return { ballotHash: bh, plaintext };
}

/**
 * Check one line of the board, `ballots.jsonl` (§12.3: `{tracking_code, ballot_hash, ballot}`),
 * as the voter's verification page does when it finds the voter's receipt: the ballot is valid
 * ({@link verifyBallot}), `ballot_hash` is its hash, and — given `options.previous`, the
 * tracking code of the line before (`T₀` for the first) — `tracking_code` is
 * `H32("tracking-code"; previous, ballot_hash)` (§7). Eligibility and replays are the
 * verifier's record-wide checks. Throws like {@link verifyBallot}, and `bad-entry`
 * (`details.reason`: `ballot-hash` or `tracking-code`).
 * @returns {{ballotHash: string, trackingCode: string}}
 */
export function verifyBoardEntry(ctx, entry, options = {}) {
  const e = expectObject(parseJson(entry, 'entry'), ['tracking_code', 'ballot_hash', 'ballot'], 'entry');
  const trackingCode = toHex(fromHex32(e.tracking_code, 'entry.tracking_code'));
  const { ballotHash: bh } = verifyBallot(ctx, e.ballot);
  if (toHex(fromHex32(e.ballot_hash, 'entry.ballot_hash')) !== bh) {
    fail('bad-entry', 'ballot_hash is not the ballot\'s hash', { reason: 'ballot-hash' });
  }
  if (options.previous !== undefined && nextTrackingCode(options.previous, bh) !== trackingCode) {
    fail('bad-entry', 'tracking_code does not follow from the previous one', { reason: 'tracking-code' });
  }
  return { ballotHash: bh, trackingCode };
}

/** The submission of a cast ballot for `sailau board append` (§12.4): `{kind: "cast", ballot}`. */
export function castSubmission(ballot) {
  return { kind: 'cast', ballot };
}

/**
 * The submission of a challenged ballot (§12.4): `{kind: "challenged", ballot, opening}`.
 */
export function challengedSubmission(ballot, opening) {
  return { kind: 'challenged', ballot, opening };
}
