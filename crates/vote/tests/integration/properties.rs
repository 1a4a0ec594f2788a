//! Property tests: encryption round trip, threshold decryption, random elections.

use std::sync::OnceLock;

use curve25519_dalek::traits::VartimeMultiscalarMul;
use curve25519_dalek::{RistrettoPoint, Scalar};
use proptest::prelude::*;

use crate::common::*;
use sailau_vote::*;

/// Two contests: an akim contest (exactly one of 4 + against all) and an approval contest
/// (between 0 and 3 of 5).
fn mixed_manifest() -> Manifest {
    let mut m = akim_manifest(4);
    m.election_id = "mixed".into();
    m.contests.push(Contest {
        id: "council".into(),
        title: "Council".into(),
        min_selections: 0,
        max_selections: 3,
        options: (0..5)
            .map(|i| ContestOption {
                id: format!("c{i}"),
                label: format!("Council {i}"),
                kind: OptionKind::Candidate,
            })
            .collect(),
    });
    m
}

struct Fixture {
    s: Setup,
    key: CredentialKey,
    table: DlogTable,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut rng = TestRng::new(b"properties");
        let s = setup(mixed_manifest(), 4, 2, &mut rng);
        let (code, _) = generate_credential(&s.params, &mut rng);
        let key = code.derive_key(s.ctx.parameters_hash());
        Fixture {
            s,
            key,
            table: DlogTable::new(10_000).unwrap(),
        }
    })
}

/// A valid plaintext for the mixed manifest from two random choices.
fn plaintext(akim: usize, council: &[bool]) -> PlaintextBallot {
    let mut a = vec![false; 5];
    a[akim % 5] = true;
    let mut c: Vec<bool> = council.to_vec();
    // keep at most 3 marks
    let mut seen = 0;
    for m in c.iter_mut() {
        if *m {
            seen += 1;
            if seen > 3 {
                *m = false;
            }
        }
    }
    PlaintextBallot {
        contests: vec![a, c],
    }
}

fn decrypt_with(
    s: &Setup,
    tally: &EncryptedTally,
    trustees: &[usize],
    table: &DlogTable,
    rng: &mut TestRng,
) -> Result<ElectionResult, DecryptionError> {
    let shares: Vec<DecryptionShare> = trustees
        .iter()
        .map(|&i| decryption_share(&s.ctx, &s.keys[i - 1], tally, rng).unwrap())
        .collect();
    combine_decryption_shares(&s.ctx, tally, &shares, table)
}

fn counts(r: &ElectionResult) -> Vec<Vec<u64>> {
    r.contests
        .iter()
        .map(|c| c.counts.iter().map(|o| o.count).collect())
        .collect()
}

proptest! {
    /// A hash's, a point's and a scalar's text (and their JSON) are the standard lowercase hex
    /// of their bytes, and read back to the same value.
    #[test]
    fn hex_text_is_the_standard_encoding(bytes in any::<[u8; 32]>(), k in any::<u64>()) {
        let h = Hash32(bytes);
        prop_assert_eq!(h.to_hex(), hex::encode(bytes));
        prop_assert_eq!(serde_json::to_string(&h).unwrap(), format!("\"{}\"", hex::encode(bytes)));
        prop_assert_eq!(Hash32::from_hex(&h.to_hex()).unwrap(), h);
        let p = Point::from_point(RistrettoPoint::mul_base(&Scalar::from(k)));
        prop_assert_eq!(p.to_hex(), hex::encode(p.to_bytes()));
        prop_assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", hex::encode(p.to_bytes())));
        let s = PublicScalar::from(Scalar::from_bytes_mod_order(bytes));
        prop_assert_eq!(s.to_hex(), hex::encode(s.to_bytes()));
        prop_assert_eq!(PublicScalar::from_hex(&s.to_hex()).unwrap(), s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Encrypt then decrypt (threshold decryption of a one-ballot tally) and open.
    #[test]
    fn encrypt_decrypt_round_trip(akim in 0usize..5, council in prop::collection::vec(any::<bool>(), 5), seed in any::<u64>()) {
        let f = fixture();
        let mut rng = TestRng::new(&seed.to_le_bytes());
        let pb = plaintext(akim, &council);
        let (ballot, secrets) = encrypt_ballot(&f.s.ctx, &f.key, &pb, &mut rng).unwrap();
        prop_assert_eq!(verify_ballot(&f.s.ctx, &ballot), Ok(()));
        prop_assert_eq!(verify_opening(&f.s.ctx, &ballot, &secrets.open()).unwrap(), pb.clone());
        // JSON round trip keeps the ballot bit for bit.
        let json = serde_json::to_string(&ballot).unwrap();
        let back: EncryptedBallot = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &ballot);
        let mut acc = TallyAccumulator::new(&f.s.ctx);
        acc.add(&back).unwrap();
        let tally = acc.finish();
        let r = decrypt_with(&f.s, &tally, &[2, 4], &f.table, &mut rng).unwrap();
        let expected: Vec<Vec<u64>> = pb.contests.iter().map(|c| c.iter().map(|m| u64::from(*m)).collect()).collect();
        prop_assert_eq!(counts(&r), expected);
    }

    /// Any t of n trustees decrypt; fewer cannot (the API refuses and, at the group level,
    /// Lagrange interpolation over t-1 shares does not give the plaintext).
    #[test]
    fn any_t_of_n_decrypt(n in 1u32..=5, t_off in 0u32..5, pick in prop::collection::vec(any::<prop::sample::Index>(), 5), choice in 0usize..6, seed in any::<u64>()) {
        let t = 1 + t_off % n;
        let mut rng = TestRng::new(&seed.to_le_bytes());
        let s = setup(akim_manifest(5), n, t, &mut rng);
        let (code, _) = generate_credential(&s.params, &mut rng);
        let key = code.derive_key(s.ctx.parameters_hash());
        let mut marks = vec![false; 6];
        marks[choice] = true;
        let mut acc = TallyAccumulator::new(&s.ctx);
        for _ in 0..3 {
            let (b, _) = encrypt_ballot(&s.ctx, &key, &PlaintextBallot { contests: vec![marks.clone()] }, &mut rng).unwrap();
            acc.add(&b).unwrap();
        }
        let tally = acc.finish();
        // A random subset of exactly t trustees (and one of t-1).
        let mut all: Vec<usize> = (1..=n as usize).collect();
        let mut subset = Vec::new();
        for ix in pick.iter().take(t as usize) {
            let k = ix.index(all.len());
            subset.push(all.remove(k));
        }
        let table = DlogTable::new(100).unwrap();
        let r = decrypt_with(&s, &tally, &subset, &table, &mut rng).unwrap();
        let mut expected = vec![0u64; 6];
        expected[choice] = 3;
        prop_assert_eq!(counts(&r), vec![expected]);
        if t > 1 {
            let fewer = &subset[..t as usize - 1];
            let refused = matches!(
                decrypt_with(&s, &tally, fewer, &table, &mut rng),
                Err(DecryptionError::NotEnoughShares { .. })
            );
            prop_assert!(refused);
            // Group level: interpolating t-1 shares does not yield 3·G for the chosen option.
            let shares: Vec<DecryptionShare> = fewer
                .iter()
                .map(|&i| decryption_share(&s.ctx, &s.keys[i - 1], &tally, &mut rng).unwrap())
                .collect();
            let idx: Vec<u32> = fewer.iter().map(|&i| i as u32).collect();
            let lambdas = lagrange_coefficients(&idx).unwrap();
            let ct = &tally.contests[0][choice];
            let m = RistrettoPoint::vartime_multiscalar_mul(
                lambdas.iter(),
                shares.iter().map(|sh| *sh.contests[0][choice].share.point()),
            );
            let p = ct.beta.point() - m;
            prop_assert_ne!(p, RistrettoPoint::mul_base(&Scalar::from(3u64)));
        }
    }

    /// Random elections with re-votes: the decrypted tally equals the plaintext counts
    /// of the counted (last per credential) ballots.
    #[test]
    fn random_election_tally_matches(votes in prop::collection::vec((0usize..6, 0usize..5, prop::collection::vec(any::<bool>(), 5)), 1..24), seed in any::<u64>()) {
        let f = fixture();
        let mut rng = TestRng::new(&seed.to_le_bytes());
        let voters: Vec<CredentialKey> = (0..6)
            .map(|_| generate_credential(&f.s.params, &mut rng).0.derive_key(f.s.ctx.parameters_hash()))
            .collect();
        // Ballot stream; the last ballot of each credential counts.
        let mut last: Vec<Option<(EncryptedBallot, PlaintextBallot)>> = vec![None; 6];
        let mut stream = Vec::new();
        for (voter, akim, council) in &votes {
            let pb = plaintext(*akim, council);
            let (b, _) = encrypt_ballot(&f.s.ctx, &voters[*voter], &pb, &mut rng).unwrap();
            stream.push(b.clone());
            last[*voter] = Some((b, pb));
        }
        prop_assert_eq!(verify_ballots_batch(&f.s.ctx, &stream, &mut rng), Ok(()));
        let mut expected = vec![vec![0u64; 5], vec![0u64; 5]];
        let mut acc = TallyAccumulator::new(&f.s.ctx);
        let mut half = TallyAccumulator::new(&f.s.ctx);
        for (i, (b, pb)) in last.iter().flatten().enumerate() {
            if i % 2 == 0 { acc.add(b).unwrap(); } else { half.add(b).unwrap(); }
            for (e, c) in expected.iter_mut().zip(&pb.contests) {
                for (x, m) in e.iter_mut().zip(c) {
                    *x += u64::from(*m);
                }
            }
        }
        acc.merge(&half).unwrap();
        let tally = acc.finish();
        let r = decrypt_with(&f.s, &tally, &[1, 2, 3, 4], &f.table, &mut rng).unwrap();
        prop_assert_eq!(counts(&r), expected);
        prop_assert_eq!(r.ballot_count, last.iter().flatten().count() as u64);
    }
}
