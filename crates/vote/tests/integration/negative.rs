//! One test per way to cheat at the cryptographic level; each error names what failed.

use std::sync::OnceLock;

use crate::common::*;
use sailau_vote::*;

struct Fixture {
    s: Setup,
    key: CredentialKey,
    /// Ballots of `key` marking option 0, 1, 2.
    ballots: Vec<EncryptedBallot>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut rng = TestRng::new(b"negative");
        let s = setup(akim_manifest(5), 3, 2, &mut rng);
        let (code, _) = generate_credential(&s.params, &mut rng);
        let key = code.derive_key(s.ctx.parameters_hash());
        let ballots = (0..3)
            .map(|i| {
                let mut marks = vec![false; 6];
                marks[i] = true;
                let pb = PlaintextBallot {
                    contests: vec![marks],
                };
                encrypt_ballot(&s.ctx, &key, &pb, &mut rng).unwrap().0
            })
            .collect();
        Fixture { s, key, ballots }
    })
}

/// Re-sign a modified ballot with the fixture credential so that only the targeted
/// defect remains.
fn resign(f: &Fixture, ballot: &mut EncryptedBallot) {
    let mut rng = TestRng::new(b"resign");
    sign_ballot(ballot, &f.key, &mut rng);
}

fn fixture_with_secret() -> &'static Fixture {
    fixture()
}

#[test]
fn valid_ballots_pass() {
    let f = fixture_with_secret();
    for b in &f.ballots {
        verify_ballot(&f.s.ctx, b).unwrap();
    }
    // Re-signing with the spec's layout gives a valid signature too.
    let mut b = f.ballots[0].clone();
    resign(f, &mut b);
    verify_ballot(&f.s.ctx, &b).unwrap();
}

#[test]
fn altered_ciphertext_is_named() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    let g = Point::generator();
    let sel = &mut b.contests[0].selections[3];
    sel.beta = Point::from_point(sel.beta.point() + g.point());
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionProofInvalid {
            contest: 0,
            option: 3
        })
    );
    let mut rng = TestRng::new(b"batch");
    // The altered ciphertext changes the Fiat–Shamir challenge, so the batch names it
    // before the combined check.
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &[f.ballots[1].clone(), b], &mut rng),
        Err(BatchError::Ballot {
            index: 1,
            error: BallotError::OptionProofInvalid {
                contest: 0,
                option: 3
            }
        })
    );
}

#[test]
fn altered_proof_is_named() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    let br = &mut b.contests[0].selections[2].proof.branches[1];
    br.v = PublicScalar(br.v.0 + curve25519_dalek::Scalar::ONE);
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionProofInvalid {
            contest: 0,
            option: 2
        })
    );
    let mut rng = TestRng::new(b"batch");
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &[b], &mut rng),
        Err(BatchError::CombinedCheckFailed)
    );
    // Moving challenge mass between branches keeps the sum but breaks the equations.
    let mut b = f.ballots[1].clone();
    let one = curve25519_dalek::Scalar::ONE;
    let p = &mut b.contests[0].selections[0].proof;
    p.branches[0].c = PublicScalar(p.branches[0].c.0 + one);
    p.branches[1].c = PublicScalar(p.branches[1].c.0 - one);
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionProofInvalid {
            contest: 0,
            option: 0
        })
    );
    let mut rng = TestRng::new(b"batch2");
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &[b], &mut rng),
        Err(BatchError::CombinedCheckFailed)
    );
}

#[test]
fn altered_count_proof_is_named() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    let br = &mut b.contests[0].count_proof.branches[0];
    br.a = Point::from_point(br.a.point() + Point::generator().point());
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::CountProofInvalid { contest: 0 })
    );
}

#[test]
fn two_marks_are_rejected() {
    let f = fixture_with_secret();
    // Option 0 marked (ballot 0) and option 1 marked (ballot 1): every 0/1 proof is valid
    // (same credential and positions), but the count proof cannot be.
    let mut b = f.ballots[0].clone();
    b.contests[0].selections[1] = f.ballots[1].contests[0].selections[1].clone();
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::CountProofInvalid { contest: 0 })
    );
    let mut rng = TestRng::new(b"batch");
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &[b], &mut rng),
        Err(BatchError::Ballot {
            index: 0,
            error: BallotError::CountProofInvalid { contest: 0 }
        })
    );
    // And an honest client refuses to produce it.
    let pb = PlaintextBallot {
        contests: vec![vec![true, true, false, false, false, false]],
    };
    let mut rng = TestRng::new(b"two");
    assert_eq!(
        encrypt_ballot(&f.s.ctx, &f.key, &pb, &mut rng).unwrap_err(),
        BallotError::SelectionCount {
            contest: 0,
            selected: 2,
            min: 1,
            max: 1
        }
    );
}

#[test]
fn no_marks_are_rejected() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    b.contests[0].selections[0] = f.ballots[1].contests[0].selections[0].clone();
    resign(f, &mut b);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::CountProofInvalid { contest: 0 })
    );
    let pb = PlaintextBallot {
        contests: vec![vec![false; 6]],
    };
    let mut rng = TestRng::new(b"none");
    assert!(matches!(
        encrypt_ballot(&f.s.ctx, &f.key, &pb, &mut rng),
        Err(BallotError::SelectionCount { selected: 0, .. })
    ));
}

#[test]
fn bad_signature_is_named() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    b.signature.response = PublicScalar(b.signature.response.0 + curve25519_dalek::Scalar::ONE);
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::SignatureInvalid)
    );
    let mut rng = TestRng::new(b"batch");
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &[b], &mut rng),
        Err(BatchError::CombinedCheckFailed)
    );
    // Claiming another credential: the proofs are bound to the credential.
    let mut b = f.ballots[0].clone();
    let mut rng = TestRng::new(b"other");
    let (other, _) = generate_credential(&f.s.params, &mut rng);
    b.credential = *other.derive_key(f.s.ctx.parameters_hash()).public();
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionProofInvalid {
            contest: 0,
            option: 0
        })
    );
}

#[test]
fn replay_into_another_election_fails() {
    let f = fixture_with_secret();
    let mut rng = TestRng::new(b"other-election");
    let mut m = akim_manifest(5);
    m.election_id = "another".into();
    let other = setup(m, 3, 2, &mut rng);
    assert_eq!(
        verify_ballot(&other.ctx, &f.ballots[0]),
        Err(BallotError::WrongElection)
    );
    let mut b = f.ballots[0].clone();
    b.election_hash = *other.ctx.election_hash();
    assert_eq!(
        verify_ballot(&other.ctx, &b),
        Err(BallotError::OptionProofInvalid {
            contest: 0,
            option: 0
        })
    );
}

#[test]
fn wrong_shape_is_named() {
    let f = fixture_with_secret();
    let mut b = f.ballots[0].clone();
    b.contests[0].selections.pop();
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionCount {
            contest: 0,
            expected: 6,
            found: 5
        })
    );
    let mut b = f.ballots[0].clone();
    b.contests[0].selections[4].proof.branches.pop();
    assert_eq!(
        verify_ballot(&f.s.ctx, &b),
        Err(BallotError::OptionProofShape {
            contest: 0,
            option: 4
        })
    );
    let mut rng = TestRng::new(b"batch");
    assert!(matches!(
        verify_ballots_batch(&f.s.ctx, &[f.ballots[1].clone(), b], &mut rng),
        Err(BatchError::Ballot { index: 1, .. })
    ));
}

#[test]
fn benaloh_opening_mismatch_is_named() {
    let f = fixture_with_secret();
    let mut rng = TestRng::new(b"benaloh");
    let pb = PlaintextBallot {
        contests: vec![vec![false, false, false, false, true, false]],
    };
    let (b, secrets) = encrypt_ballot(&f.s.ctx, &f.key, &pb, &mut rng).unwrap();
    let mut opening = secrets.open();
    assert_eq!(verify_opening(&f.s.ctx, &b, &opening).unwrap(), pb);
    // A device that claims another choice is caught.
    opening.contests[0][4].mark = false;
    opening.contests[0][1].mark = true;
    assert_eq!(
        verify_opening(&f.s.ctx, &b, &opening),
        Err(BallotError::OpeningMismatch {
            contest: 0,
            option: 1
        })
    );
    let other = f.ballots[0].hash();
    let mut opening = secrets.open();
    opening.ballot_hash = other;
    assert!(matches!(
        verify_opening(&f.s.ctx, &b, &opening),
        Err(BallotError::OpeningBallotMismatch { .. })
    ));
}

#[test]
fn forged_decryption_share_is_named() {
    let f = fixture_with_secret();
    let mut acc = TallyAccumulator::new(&f.s.ctx);
    for b in &f.ballots {
        acc.add(b).unwrap();
    }
    let tally = acc.finish();
    let mut rng = TestRng::new(b"decrypt");
    let good1 = decryption_share(&f.s.ctx, &f.s.keys[0], &tally, &mut rng).unwrap();
    let good3 = decryption_share(&f.s.ctx, &f.s.keys[2], &tally, &mut rng).unwrap();
    let mut forged = good3.clone();
    let pd = &mut forged.contests[0][2];
    pd.share = Point::from_point(pd.share.point() + Point::generator().point());
    assert_eq!(
        verify_decryption_share(&f.s.ctx, &tally, &forged),
        Err(DecryptionError::ShareProofInvalid {
            trustee: 3,
            contest: 0,
            option: 2
        })
    );
    let table = DlogTable::new(100).unwrap();
    assert_eq!(
        combine_decryption_shares(&f.s.ctx, &tally, &[good1.clone(), forged.clone()], &table),
        Err(DecryptionError::ShareProofInvalid {
            trustee: 3,
            contest: 0,
            option: 2
        })
    );
    let mut batch = BatchVerifier::new(&f.s.ctx);
    batch
        .add_decryption_share(&tally, &good1, &mut rng)
        .unwrap();
    batch
        .add_decryption_share(&tally, &forged, &mut rng)
        .unwrap();
    assert_eq!(batch.verify(), Err(BatchError::CombinedCheckFailed));
    let mut batch = BatchVerifier::new(&f.s.ctx);
    batch
        .add_decryption_share(&tally, &good1, &mut rng)
        .unwrap();
    batch
        .add_decryption_share(&tally, &good3, &mut rng)
        .unwrap();
    for b in &f.ballots {
        batch.add_ballot(b, &mut rng).unwrap();
    }
    batch.verify().unwrap();
    // A share claimed by a trustee under another trustee's index fails its proof.
    let mut wrong = good1.clone();
    wrong.trustee = 2;
    assert!(matches!(
        verify_decryption_share(&f.s.ctx, &tally, &wrong),
        Err(DecryptionError::ShareProofInvalid { trustee: 2, .. })
    ));
    // Duplicate trustee.
    assert_eq!(
        combine_decryption_shares(&f.s.ctx, &tally, &[good1.clone(), good1.clone()], &table),
        Err(DecryptionError::DuplicateTrustee(1))
    );
}

#[test]
fn wrong_published_count_is_named() {
    let f = fixture_with_secret();
    let mut acc = TallyAccumulator::new(&f.s.ctx);
    for b in &f.ballots {
        acc.add(b).unwrap();
    }
    let tally = acc.finish();
    let mut rng = TestRng::new(b"decrypt");
    let shares: Vec<_> = [1usize, 2]
        .iter()
        .map(|&i| decryption_share(&f.s.ctx, &f.s.keys[i], &tally, &mut rng).unwrap())
        .collect();
    let table = DlogTable::new(100).unwrap();
    let mut result = combine_decryption_shares(&f.s.ctx, &tally, &shares, &table).unwrap();
    verify_result(&f.s.ctx, &tally, &shares, &result).unwrap();
    result.contests[0].counts[1].count += 1;
    assert_eq!(
        verify_result(&f.s.ctx, &tally, &shares, &result),
        Err(DecryptionError::CountMismatch {
            contest: 0,
            option: 1,
            published: 2
        })
    );
    // A ballot dropped from the tally: the decryption of the smaller tally does not match
    // the published counts of the full one.
    let mut acc = TallyAccumulator::new(&f.s.ctx);
    acc.add(&f.ballots[0]).unwrap();
    acc.add(&f.ballots[1]).unwrap();
    let short = acc.finish();
    assert_ne!(short, tally);
}

#[test]
fn non_canonical_encodings_are_rejected() {
    // 2^255 - 1 is not a canonical field element.
    let bad = "ff".repeat(32);
    assert_eq!(Point::from_hex(&bad), Err(EncodingError::NonCanonicalPoint));
    // A negative (odd) s is not canonical in ristretto255.
    let mut odd = [0u8; 32];
    odd[0] = 1;
    assert_eq!(
        Point::from_bytes(&odd),
        Err(EncodingError::NonCanonicalPoint)
    );
    let g = Point::generator().to_hex();
    assert_eq!(
        Point::from_hex(&g.to_uppercase()),
        Err(EncodingError::NotLowercaseHex)
    );
    assert!(matches!(
        Point::from_hex(&g[..62]),
        Err(EncodingError::HexLength { .. })
    ));
    // ℓ itself is not a canonical scalar.
    let ell = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
    assert_eq!(
        PublicScalar::from_hex(ell),
        Err(EncodingError::NonCanonicalScalar)
    );
    let json = format!("\"{bad}\"");
    assert!(serde_json::from_str::<Point>(&json).is_err());
}

#[test]
fn credential_codes_round_trip_and_catch_typos() {
    let mut rng = TestRng::new(b"codes");
    let f = fixture_with_secret();
    let (code, public) = generate_credential(&f.s.params, &mut rng);
    let text = code.to_code_string();
    assert_eq!(text.len(), 39);
    let parsed = CredentialCode::parse(&text.to_lowercase().replace('-', " ")).unwrap();
    assert_eq!(
        parsed.derive_key(f.s.ctx.parameters_hash()).public(),
        &public
    );
    let mut typo: Vec<char> = text.chars().collect();
    typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    assert_eq!(
        CredentialCode::parse(&typo).unwrap_err(),
        CredentialError::Checksum
    );
    assert_eq!(
        CredentialCode::parse("ABC").unwrap_err(),
        CredentialError::Length(3)
    );
    assert!(matches!(
        CredentialCode::parse(&text.replace(&text[..1], "U")),
        Err(CredentialError::Character('U'))
    ));
}

#[test]
fn batch_spanning_several_segments() {
    let f = fixture_with_secret();
    let mut rng = TestRng::new(b"segments");
    // 40 points per ballot: 130 ballots fill more than one segment of 4096 points.
    let mut ballots: Vec<EncryptedBallot> = (0..130)
        .map(|i| {
            let mut marks = vec![false; 6];
            marks[i % 6] = true;
            encrypt_ballot(
                &f.s.ctx,
                &f.key,
                &PlaintextBallot {
                    contests: vec![marks],
                },
                &mut rng,
            )
            .unwrap()
            .0
        })
        .collect();
    verify_ballots_batch(&f.s.ctx, &ballots, &mut rng).unwrap();
    // A bad signature in the first segment is still caught at the end.
    ballots[3].signature.response =
        PublicScalar(ballots[3].signature.response.0 + curve25519_dalek::Scalar::ONE);
    assert_eq!(
        verify_ballots_batch(&f.s.ctx, &ballots, &mut rng),
        Err(BatchError::CombinedCheckFailed)
    );
    // The fallback names it.
    let bad: Vec<usize> = ballots
        .iter()
        .enumerate()
        .filter(|(_, b)| verify_ballot(&f.s.ctx, b).is_err())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(bad, vec![3]);
    assert_eq!(
        verify_ballot(&f.s.ctx, &ballots[3]),
        Err(BallotError::SignatureInvalid)
    );
}
