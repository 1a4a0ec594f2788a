//! Test vectors: generated once from a fixed seed with the SHA-512 counter DRBG of
//! `common::TestRng`, committed under `tests/vectors/`, reproduced byte for byte here and
//! verified independently of their generation.
//!
//! Regenerate (only when the protocol changes on purpose):
//! `SAILAU_VOTE_WRITE_VECTORS=1 cargo test -p sailau-vote --test integration vectors`

use std::collections::BTreeMap;
use std::path::PathBuf;

use curve25519_dalek::{RistrettoPoint, Scalar};
use serde::{Deserialize, Serialize};

use crate::common::*;
use sailau_vote::*;

const SEED: &[u8] = b"sailau-vote test vectors v1";

#[derive(Serialize, Deserialize)]
struct TranscriptVector {
    label: String,
    /// Field values as hex.
    fields: Vec<String>,
    /// SHA-512 of the encoded transcript.
    digest: String,
    /// digest reduced mod ℓ (32 bytes little endian).
    challenge: String,
    /// First 32 bytes of the digest.
    hash32: String,
}

#[derive(Serialize, Deserialize)]
struct TrusteeVector {
    secrets: TrusteeSecrets,
    public: TrusteePublic,
    key: TrusteeKey,
}

#[derive(Serialize, Deserialize)]
struct ElectionVector {
    seed: String,
    manifest: Manifest,
    manifest_hash: Hash32,
    parameters: ElectionParameters,
    parameters_hash: Hash32,
    trustees: Vec<TrusteeVector>,
    encrypted_shares: Vec<EncryptedShare>,
    joint_public_key: Point,
    verification_keys: Vec<Point>,
    election_hash: Hash32,
}

#[derive(Serialize, Deserialize)]
struct CredentialVector {
    code: CredentialCode,
    public_credential: PublicCredential,
}

#[derive(Serialize, Deserialize)]
struct BallotVector {
    voter: usize,
    /// "cast" or "challenged".
    status: String,
    plaintext: PlaintextBallot,
    ballot: EncryptedBallot,
    ballot_hash: Hash32,
    /// Running tracking code after this ballot (cast ballots only).
    tracking_code: Option<TrackingCode>,
    /// Benaloh opening (challenged ballots only).
    opening: Option<BallotOpening>,
}

#[derive(Serialize, Deserialize)]
struct BallotsVector {
    initial_tracking_code: TrackingCode,
    ballots: Vec<BallotVector>,
}

#[derive(Serialize, Deserialize)]
struct TallyVector {
    /// Indices into ballots.json of the counted ballots (last cast ballot per credential).
    counted: Vec<usize>,
    tally: EncryptedTally,
    decryption_shares: Vec<DecryptionShare>,
    result: ElectionResult,
}

#[derive(Serialize, Deserialize)]
struct ComplaintVector {
    /// A ceremony in which trustee 2 deals shares from a polynomial that does not match
    /// its published commitments (coefficient 1 changed).
    trustees: Vec<TrusteePublic>,
    bad_share: EncryptedShare,
    complaint: Complaint,
    verdict: ComplaintVerdict,
    /// A complaint by trustee 3 against a valid share from trustee 1.
    good_share: EncryptedShare,
    unfounded_complaint: Complaint,
    unfounded_verdict: ComplaintVerdict,
}

fn manifest() -> Manifest {
    Manifest {
        election_id: "vectors-2025".into(),
        title: "Test vectors".into(),
        contests: vec![
            Contest {
                id: "akim".into(),
                title: "Akim of the district".into(),
                min_selections: 1,
                max_selections: 1,
                options: vec![
                    ContestOption {
                        id: "a".into(),
                        label: "Айгүл".into(),
                        kind: OptionKind::Candidate,
                    },
                    ContestOption {
                        id: "b".into(),
                        label: "Болат".into(),
                        kind: OptionKind::Candidate,
                    },
                    ContestOption {
                        id: "c".into(),
                        label: "Сәуле".into(),
                        kind: OptionKind::Candidate,
                    },
                    ContestOption {
                        id: "against-all".into(),
                        label: "Против всех".into(),
                        kind: OptionKind::AgainstAll,
                    },
                ],
            },
            Contest {
                id: "council".into(),
                title: "Council (up to 2)".into(),
                min_selections: 0,
                max_selections: 2,
                options: vec![
                    ContestOption {
                        id: "x".into(),
                        label: "X".into(),
                        kind: OptionKind::Candidate,
                    },
                    ContestOption {
                        id: "y".into(),
                        label: "Y".into(),
                        kind: OptionKind::Candidate,
                    },
                    ContestOption {
                        id: "z".into(),
                        label: "Z".into(),
                        kind: OptionKind::Candidate,
                    },
                ],
            },
        ],
    }
}

fn transcripts() -> Vec<TranscriptVector> {
    let cases: Vec<(&str, Vec<Vec<u8>>)> = vec![
        ("example", vec![]),
        ("example", vec![b"".to_vec()]),
        (
            "example",
            vec![
                b"sailau".to_vec(),
                7u32.to_be_bytes().to_vec(),
                Point::generator().to_bytes().to_vec(),
            ],
        ),
        ("manifest", vec![vec![0xab; 100]]),
    ];
    cases
        .into_iter()
        .map(|(label, fields)| {
            let mut t = Transcript::new(label);
            for f in &fields {
                t.bytes(f);
            }
            let digest = t.clone().digest();
            TranscriptVector {
                label: label.into(),
                fields: fields.iter().map(hex::encode).collect(),
                digest: hex::encode(digest),
                challenge: hex::encode(t.clone().challenge().to_bytes()),
                hash32: t.hash32().to_hex(),
            }
        })
        .collect()
}

fn to_json<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap();
    s.push('\n');
    s
}

/// Replace coefficient 1 of a trustee (secret and public) via the serde formats.
fn tamper_coefficient(
    secrets: &TrusteeSecrets,
    public: &TrusteePublic,
    new: Scalar,
) -> (TrusteeSecrets, TrusteePublic) {
    let mut sj = serde_json::to_value(secrets).unwrap();
    sj["coefficients"][1] = serde_json::Value::String(hex::encode(new.to_bytes()));
    let mut pj = serde_json::to_value(public).unwrap();
    pj["commitments"][1] =
        serde_json::Value::String(Point::from_point(RistrettoPoint::mul_base(&new)).to_hex());
    (
        serde_json::from_value(sj).unwrap(),
        serde_json::from_value(pj).unwrap(),
    )
}

fn generate() -> BTreeMap<&'static str, String> {
    let mut rng = TestRng::new(SEED);
    let manifest = manifest();
    let params = ElectionParameters::new(&manifest, 3, 2).unwrap();
    let mut secrets = Vec::new();
    let mut publics = Vec::new();
    for i in 1..=3 {
        let (s, p) = generate_trustee(&params, i, &mut rng).unwrap();
        secrets.push(s);
        publics.push(p);
    }
    let mut shares = Vec::new();
    for s in &secrets {
        shares.extend(deal_shares(&params, s, &publics, &mut rng).unwrap());
    }
    let mut keys = Vec::new();
    for s in &secrets {
        match receive_shares(&params, s, &publics, &shares, &mut rng).unwrap() {
            ShareOutcome::Accepted(k) => keys.push(k),
            ShareOutcome::Complaints(_) => unreachable!(),
        }
    }
    let ctx = ElectionContext::new(&manifest, &params, &publics).unwrap();
    let election = ElectionVector {
        seed: String::from_utf8(SEED.to_vec()).unwrap(),
        manifest: manifest.clone(),
        manifest_hash: manifest.hash(),
        parameters: params.clone(),
        parameters_hash: params.hash(),
        trustees: secrets
            .iter()
            .zip(&publics)
            .zip(&keys)
            .map(|((s, p), k)| TrusteeVector {
                secrets: s.clone(),
                public: p.clone(),
                key: k.clone(),
            })
            .collect(),
        encrypted_shares: shares.clone(),
        joint_public_key: *ctx.joint_public_key(),
        verification_keys: ctx.verification_keys().to_vec(),
        election_hash: *ctx.election_hash(),
    };

    let creds: Vec<(CredentialCode, PublicCredential)> = (0..4)
        .map(|_| generate_credential(&params, &mut rng))
        .collect();
    let credentials: Vec<CredentialVector> = creds
        .iter()
        .map(|(c, p)| CredentialVector {
            code: c.clone(),
            public_credential: *p,
        })
        .collect();

    // (voter, akim choice, council choices, challenged?)
    let script: [(usize, &str, &[&str], bool); 6] = [
        (0, "a", &["x", "y"], false),
        (1, "b", &[], false),
        (2, "against-all", &["z"], false),
        (3, "c", &["x"], true),
        (3, "c", &["y"], false),
        (1, "a", &["x", "z"], false),
    ];
    let mut code = TrackingCode::initial(ctx.election_hash());
    let initial = code;
    let mut ballots = Vec::new();
    let mut last: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, (voter, akim, council, challenged)) in script.iter().enumerate() {
        let key = creds[*voter].0.derive_key(&params.hash());
        let pb =
            PlaintextBallot::from_selections(&manifest, &[("akim", &[akim]), ("council", council)])
                .unwrap();
        let (ballot, secrets) = encrypt_ballot(&ctx, &key, &pb, &mut rng).unwrap();
        let bh = ballot.hash();
        let (tracking_code, opening, status) = if *challenged {
            (None, Some(secrets.open()), "challenged")
        } else {
            code = code.next(&bh);
            last.insert(*voter, i);
            (Some(code), None, "cast")
        };
        ballots.push(BallotVector {
            voter: *voter,
            status: status.into(),
            plaintext: pb,
            ballot,
            ballot_hash: bh,
            tracking_code,
            opening,
        });
    }
    let counted: Vec<usize> = last.values().copied().collect();
    let mut acc = TallyAccumulator::new(&ctx);
    for &i in &counted {
        acc.add(&ballots[i].ballot).unwrap();
    }
    let tally = acc.finish();
    let dshares: Vec<DecryptionShare> = [0usize, 2]
        .iter()
        .map(|&i| decryption_share(&ctx, &keys[i], &tally, &mut rng).unwrap())
        .collect();
    let table = DlogTable::new(1000).unwrap();
    let result = combine_decryption_shares(&ctx, &tally, &dshares, &table).unwrap();

    // Complaint scenario (fresh ceremony of the same parameters).
    let mut cs = Vec::new();
    let mut cp = Vec::new();
    for i in 1..=3 {
        let (s, p) = generate_trustee(&params, i, &mut rng).unwrap();
        cs.push(s);
        cp.push(p);
    }
    let (bad_s, bad_p) = tamper_coefficient(&cs[1], &cp[1], Scalar::from(42u64));
    let mut view = cp.clone();
    view[1] = bad_p;
    let bad_shares = deal_shares(&params, &bad_s, &view, &mut rng).unwrap();
    let bad_share = bad_shares
        .iter()
        .find(|s| s.recipient == 1)
        .unwrap()
        .clone();
    let mut all = bad_shares.clone();
    all.extend(deal_shares(&params, &cs[2], &cp, &mut rng).unwrap());
    let complaint = match receive_shares(&params, &cs[0], &cp, &all, &mut rng).unwrap() {
        ShareOutcome::Complaints(mut c) => c.remove(0),
        ShareOutcome::Accepted(_) => unreachable!(),
    };
    let verdict = verify_complaint(&params, &cp, &bad_share, &complaint).unwrap();
    // Trustee 3 complains about trustee 1's valid share by pretending its commitments differ.
    let good_from_1 = deal_shares(&params, &cs[0], &cp, &mut rng).unwrap();
    let good_share = good_from_1
        .iter()
        .find(|s| s.recipient == 3)
        .unwrap()
        .clone();
    let (_, fake_p1) = tamper_coefficient(&cs[0], &cp[0], Scalar::from(7u64));
    let mut liar_view = cp.clone();
    liar_view[0] = fake_p1;
    let mut all3 = good_from_1.clone();
    all3.extend(deal_shares(&params, &cs[1], &cp, &mut rng).unwrap());
    let unfounded = match receive_shares(&params, &cs[2], &liar_view, &all3, &mut rng).unwrap() {
        ShareOutcome::Complaints(mut c) => c.remove(0),
        ShareOutcome::Accepted(_) => unreachable!(),
    };
    let unfounded_verdict = verify_complaint(&params, &cp, &good_share, &unfounded).unwrap();
    let complaint_vec = ComplaintVector {
        trustees: cp,
        bad_share,
        complaint,
        verdict,
        good_share,
        unfounded_complaint: unfounded,
        unfounded_verdict,
    };

    let mut out = BTreeMap::new();
    out.insert("transcript.json", to_json(&transcripts()));
    out.insert("election.json", to_json(&election));
    out.insert("credentials.json", to_json(&credentials));
    out.insert(
        "ballots.json",
        to_json(&BallotsVector {
            initial_tracking_code: initial,
            ballots,
        }),
    );
    out.insert(
        "tally.json",
        to_json(&TallyVector {
            counted,
            tally,
            decryption_shares: dshares,
            result,
        }),
    );
    out.insert("dkg-complaint.json", to_json(&complaint_vec));
    out
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

#[test]
fn vectors_are_reproduced_byte_for_byte() {
    let generated = generate();
    // Only an explicit `1` rewrites the committed vectors: `=0`, an empty or any other value
    // compares them, so a stray variable cannot make this test pass by overwriting its oracle.
    if std::env::var("SAILAU_VOTE_WRITE_VECTORS").as_deref() == Ok("1") {
        std::fs::create_dir_all(dir()).unwrap();
        for (name, text) in &generated {
            std::fs::write(dir().join(name), text).unwrap();
        }
    }
    for (name, text) in &generated {
        let committed = std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| {
            panic!("{name}: {e} (regenerate with SAILAU_VOTE_WRITE_VECTORS=1)")
        });
        assert!(
            committed == *text,
            "{name} differs from the generated vector"
        );
    }
}

fn read<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let text = std::fs::read_to_string(dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn vectors_verify() {
    // Hash layout.
    for v in read::<Vec<TranscriptVector>>("transcript.json") {
        let mut t = Transcript::new(&v.label);
        for f in &v.fields {
            t.bytes(&hex::decode(f).unwrap());
        }
        assert_eq!(hex::encode(t.clone().digest()), v.digest);
        assert_eq!(hex::encode(t.clone().challenge().to_bytes()), v.challenge);
        assert_eq!(t.hash32().to_hex(), v.hash32);
    }

    // Key ceremony.
    let e: ElectionVector = read("election.json");
    assert_eq!(e.manifest.hash(), e.manifest_hash);
    assert_eq!(e.parameters.hash(), e.parameters_hash);
    e.parameters.validate_with(&e.manifest).unwrap();
    let publics: Vec<TrusteePublic> = e.trustees.iter().map(|t| t.public.clone()).collect();
    verify_trustee_list(&e.parameters, &publics).unwrap();
    for s in &e.encrypted_shares {
        verify_encrypted_share(&e.parameters, &publics, s).unwrap();
    }
    let ctx = ElectionContext::new(&e.manifest, &e.parameters, &publics).unwrap();
    assert_eq!(*ctx.joint_public_key(), e.joint_public_key);
    assert_eq!(ctx.verification_keys(), e.verification_keys.as_slice());
    assert_eq!(*ctx.election_hash(), e.election_hash);
    let mut rng = TestRng::new(b"verify");
    for t in &e.trustees {
        assert_eq!(
            t.key.verification_key,
            e.verification_keys[t.key.index as usize - 1]
        );
        // Each trustee's secrets reproduce its key share from the published shares.
        match receive_shares(
            &e.parameters,
            &t.secrets,
            &publics,
            &e.encrypted_shares,
            &mut rng,
        )
        .unwrap()
        {
            ShareOutcome::Accepted(k) => assert_eq!(k.verification_key, t.key.verification_key),
            ShareOutcome::Complaints(c) => panic!("{c:?}"),
        }
    }

    // Credentials.
    let creds: Vec<CredentialVector> = read("credentials.json");
    for c in &creds {
        assert_eq!(
            c.code.derive_key(&e.parameters_hash).public(),
            &c.public_credential
        );
    }

    // Ballots, tracking codes, openings.
    let b: BallotsVector = read("ballots.json");
    assert_eq!(
        b.initial_tracking_code,
        TrackingCode::initial(&e.election_hash)
    );
    let mut code = b.initial_tracking_code;
    for v in &b.ballots {
        verify_ballot(&ctx, &v.ballot).unwrap();
        assert_eq!(v.ballot.hash(), v.ballot_hash);
        assert_eq!(v.ballot.credential, creds[v.voter].public_credential);
        match v.status.as_str() {
            "cast" => {
                code = code.next(&v.ballot_hash);
                assert_eq!(v.tracking_code, Some(code));
            }
            "challenged" => {
                let opened = verify_opening(&ctx, &v.ballot, v.opening.as_ref().unwrap()).unwrap();
                assert_eq!(opened, v.plaintext);
            }
            other => panic!("status {other}"),
        }
    }
    let all: Vec<EncryptedBallot> = b.ballots.iter().map(|v| v.ballot.clone()).collect();
    verify_ballots_batch(&ctx, &all, &mut rng).unwrap();

    // Tally and decryption.
    let t: TallyVector = read("tally.json");
    let mut acc = TallyAccumulator::new(&ctx);
    for &i in &t.counted {
        assert_eq!(b.ballots[i].status, "cast");
        acc.add(&b.ballots[i].ballot).unwrap();
    }
    assert_eq!(acc.finish(), t.tally);
    for s in &t.decryption_shares {
        verify_decryption_share(&ctx, &t.tally, s).unwrap();
    }
    verify_result(&ctx, &t.tally, &t.decryption_shares, &t.result).unwrap();
    // Counts equal the plaintexts of the counted ballots.
    for (ci, c) in t.result.contests.iter().enumerate() {
        for (oi, o) in c.counts.iter().enumerate() {
            let expected = t
                .counted
                .iter()
                .filter(|&&i| b.ballots[i].plaintext.contests[ci][oi])
                .count() as u64;
            assert_eq!(o.count, expected);
        }
    }

    // Complaints.
    let c: ComplaintVector = read("dkg-complaint.json");
    verify_trustee_list(&e.parameters, &c.trustees).unwrap();
    assert_eq!(c.verdict, ComplaintVerdict::DealerCheated);
    assert_eq!(
        verify_complaint(&e.parameters, &c.trustees, &c.bad_share, &c.complaint).unwrap(),
        ComplaintVerdict::DealerCheated
    );
    assert_eq!(c.unfounded_verdict, ComplaintVerdict::ComplaintUnfounded);
    assert_eq!(
        verify_complaint(
            &e.parameters,
            &c.trustees,
            &c.good_share,
            &c.unfounded_complaint
        )
        .unwrap(),
        ComplaintVerdict::ComplaintUnfounded
    );
    // A complaint whose disclosed key is altered is itself invalid.
    let mut forged = c.complaint.clone();
    forged.shared_key = Point::generator();
    assert_eq!(
        verify_complaint(&e.parameters, &c.trustees, &c.bad_share, &forged),
        Err(DkgError::ComplaintProofInvalid {
            dealer: 2,
            recipient: 1
        })
    );
}
