//! Small units: encodings, discrete logs, Lagrange, manifest validation, tracking codes.

use curve25519_dalek::{RistrettoPoint, Scalar};

use crate::common::*;
use sailau_vote::*;

#[test]
fn secret_scalar_serde_is_canonical() {
    let mut rng = TestRng::new(b"secret");
    let s = SecretScalar::random(&mut rng);
    let json = serde_json::to_string(&s).unwrap();
    let back: SecretScalar = serde_json::from_str(&json).unwrap();
    assert_eq!(back.expose(), s.expose());
    assert_eq!(format!("{s:?}"), "SecretScalar(<redacted>)");
    assert!(serde_json::from_str::<SecretScalar>(&json.to_uppercase()).is_err());
    let ell = "\"edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010\"";
    assert!(serde_json::from_str::<SecretScalar>(ell).is_err());
    let hex = &json[1..65];
    assert_eq!(
        SecretScalar::from_bytes(&<[u8; 32]>::try_from(hex::decode(hex).unwrap()).unwrap())
            .unwrap()
            .expose(),
        s.expose()
    );
}

#[test]
fn dlog_table_solves_within_bound_only() {
    let table = DlogTable::with_baby_steps(10_000, 64).unwrap();
    for x in [0u64, 1, 63, 64, 65, 4095, 9_999, 10_000] {
        let p = RistrettoPoint::mul_base(&Scalar::from(x));
        assert_eq!(table.solve(&p), Some(x), "{x}");
    }
    let p = RistrettoPoint::mul_base(&Scalar::from(10_001u64));
    assert_eq!(table.solve(&p), None);
    assert!(table.memory_bytes() > 0);
    assert!(DlogTable::new(1 << 41).is_err());
    let small = DlogTable::new(0).unwrap();
    assert_eq!(
        small.solve(&RistrettoPoint::mul_base(&Scalar::ZERO)),
        Some(0)
    );
}

#[test]
fn lagrange_coefficients_interpolate_constants() {
    for set in [vec![1u32], vec![1, 2], vec![2, 5, 7], vec![255, 3, 100, 4]] {
        let l = lagrange_coefficients(&set).unwrap();
        let sum: Scalar = l.iter().sum();
        assert_eq!(sum, Scalar::ONE, "{set:?}");
    }
    assert_eq!(
        lagrange_coefficients(&[1, 1]),
        Err(DecryptionError::DuplicateTrustee(1))
    );
    assert_eq!(
        lagrange_coefficients(&[0, 1]),
        Err(DecryptionError::UnknownTrustee(0))
    );
}

#[test]
fn manifest_validation_names_the_problem() {
    let good = akim_manifest(3);
    good.validate().unwrap();
    let mut m = good.clone();
    m.contests[0].options[1].id = m.contests[0].options[0].id.clone();
    assert!(matches!(
        m.validate(),
        Err(ManifestError::DuplicateOptionId { .. })
    ));
    let mut m = good.clone();
    m.contests[0].options[0].kind = OptionKind::AgainstAll;
    assert!(matches!(
        m.validate(),
        Err(ManifestError::MultipleAgainstAll(_))
    ));
    let mut m = good.clone();
    m.contests[0].max_selections = 5;
    assert!(matches!(
        m.validate(),
        Err(ManifestError::SelectionLimits { .. })
    ));
    let mut m = good.clone();
    m.contests[0].min_selections = 2;
    assert!(matches!(
        m.validate(),
        Err(ManifestError::SelectionLimits { .. })
    ));
    let mut m = good.clone();
    m.contests.push(m.contests[0].clone());
    assert!(matches!(
        m.validate(),
        Err(ManifestError::DuplicateContestId(_))
    ));
    assert!(matches!(
        ElectionParameters::new(&good, 3, 4),
        Err(ManifestError::Threshold {
            threshold: 4,
            trustees: 3
        })
    ));
    let p = ElectionParameters::new(&good, 3, 2).unwrap();
    let mut other = good.clone();
    other.title.push('!');
    assert_eq!(
        p.validate_with(&other),
        Err(ManifestError::ManifestHashMismatch)
    );
    // Any change to the manifest changes its hash.
    assert_ne!(other.hash(), good.hash());
}

#[test]
fn tracking_codes_chain() {
    let eh = Hash32([7; 32]);
    let t0 = TrackingCode::initial(&eh);
    let t1 = t0.next(&Hash32([1; 32]));
    let t1b = t0.next(&Hash32([2; 32]));
    assert_ne!(t1, t1b);
    assert_eq!(t1.short().len(), 19);
    assert_eq!(t1.short().replace('-', ""), t1.0.to_hex()[..16]);
    let json = serde_json::to_string(&t1).unwrap();
    assert_eq!(json, format!("\"{}\"", t1.0.to_hex()));
}

#[test]
fn plaintext_from_ids() {
    let m = akim_manifest(3);
    let p = PlaintextBallot::from_selections(&m, &[("akim", &["cand-1"])]).unwrap();
    assert_eq!(p.contests, vec![vec![false, true, false, false]]);
    assert_eq!(
        p.selected_ids(&m),
        vec![("akim".to_string(), vec!["cand-1".to_string()])]
    );
    assert!(matches!(
        PlaintextBallot::from_selections(&m, &[("akim", &["nobody"])]),
        Err(BallotError::UnknownId { kind: "option", .. })
    ));
    assert!(matches!(
        PlaintextBallot::from_selections(&m, &[]),
        Err(BallotError::SelectionCount { selected: 0, .. })
    ));
}
