// Entry point of ../noble.js: exactly what ../sailau-vote.js needs from the audited noble
// libraries, bundled by `npm run bundle` (see bundle.mjs) into one ES module that the server
// serves next to sailau-vote.js, with no import map and no outside network.
//
// * ristretto255 (RFC 9496): the group of docs/verifiable-voting.md §2 — point decoding,
//   encoding, equality, addition and scalar multiplication; `ristretto255.Point.Fn` is the
//   scalar field mod ℓ.
// * sha512 (FIPS 180-4): the transcript hash of §3 (incremental: sha512.create()).
export { ristretto255 } from '@noble/curves/ed25519.js';
export { sha512 } from '@noble/hashes/sha2.js';
