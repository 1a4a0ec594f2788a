//! An honest election of 300 voters with 3-of-5 trustees, a challenged ballot and a re-vote, run through the
//! library API, verified end to end.

use sailau_record::format::{BoardEntry, ChallengedEntry, TallyRecord};
use sailau_record::jsonl::{JsonLines, read_json};
use sailau_record::{Receipt, Record};
use sailau_vote::{ElectionResult, TrackingCode};

use crate::common::{CHALLENGER, DECRYPTING, REVOTER, VOTERS, fixture, verify};

#[test]
fn results_equal_the_plaintext_counts() {
    let f = fixture();
    let result: ElectionResult = read_json(&Record::new(f.closed.path()).dir().results()).unwrap();
    let counts: Vec<Vec<u64>> = result
        .contests
        .iter()
        .map(|c| c.counts.iter().map(|o| o.count).collect())
        .collect();
    assert_eq!(counts, f.expected);
    assert_eq!(result.ballot_count, VOTERS);
    assert_eq!(result.trustees, DECRYPTING.to_vec());
    // "Against all" is a counted option like any other.
    let akim = &result.contests[0];
    assert_eq!(akim.counts.last().unwrap().option_id, "against-all");
    assert!(akim.counts.last().unwrap().count > 0);
}

#[test]
fn the_honest_record_verifies() {
    let f = fixture();
    let report = verify(f.closed.path());
    assert!(report.ok(), "findings: {:#?}", report.findings);
    let s = &report.summary;
    assert_eq!(s.credentials, VOTERS);
    assert_eq!(s.ballots, VOTERS + 1, "300 ballots and one re-vote");
    assert_eq!(s.voters, VOTERS);
    assert_eq!(s.superseded, 1);
    assert_eq!(s.challenged, 1);
    assert_eq!(s.shares, DECRYPTING.len() as u64);
    assert!(s.results);
    assert_eq!(s.threads, 2);
}

#[test]
fn the_open_record_verifies_as_incomplete_only() {
    let f = fixture();
    let options = sailau_record::VerifyOptions {
        threads: 1,
        allow_incomplete: true,
        ..Default::default()
    };
    let report =
        sailau_record::verify(f.open.path(), &options, &sailau_record::NoProgress).unwrap();
    assert!(report.ok(), "findings: {:#?}", report.findings);
    let report = verify(f.open.path());
    crate::common::expect_finding(
        &report,
        sailau_record::Check::Readable,
        &["tally.json", "missing"],
    );
}

#[test]
fn receipts_match_the_board_and_the_chain() {
    let f = fixture();
    let record = Record::new(f.closed.path());
    let entries: Vec<BoardEntry> = JsonLines::open(&record.dir().ballots())
        .unwrap()
        .map(|l| l.unwrap().value)
        .collect();
    let cast: Vec<&Receipt> = f
        .receipts
        .iter()
        .filter(|r| matches!(r, Receipt::Cast { .. }))
        .collect();
    assert_eq!(cast.len(), entries.len());
    let ctx = record.open_context().unwrap();
    let mut head = TrackingCode::initial(ctx.election_hash());
    for (receipt, entry) in cast.iter().zip(&entries) {
        head = head.next(&entry.ballot.hash());
        let Receipt::Cast {
            tracking_code,
            ballot_hash,
            ..
        } = receipt
        else {
            unreachable!()
        };
        assert_eq!(*tracking_code, entry.tracking_code);
        assert_eq!(*tracking_code, head);
        assert_eq!(*ballot_hash, entry.ballot_hash);
    }
    // Exactly one re-vote was reported, for the re-voter's last ballot.
    let revotes: Vec<&Receipt> = f
        .receipts
        .iter()
        .filter(|r| matches!(r, Receipt::Cast { revote: true, .. }))
        .collect();
    assert_eq!(revotes.len(), 1);
    let tally: TallyRecord = read_json(&record.dir().tally()).unwrap();
    assert_eq!(tally.board.head, head);
    assert_eq!(tally.board.entries, VOTERS + 1);
    assert_eq!(tally.board.superseded, 1);
}

#[test]
fn the_challenged_ballot_opens_to_the_voters_choice_and_never_counts() {
    let f = fixture();
    let record = Record::new(f.closed.path());
    let ctx = record.open_context().unwrap();
    let challenged: Vec<ChallengedEntry> = JsonLines::open(&record.dir().challenged())
        .unwrap()
        .map(|l| l.unwrap().value)
        .collect();
    assert_eq!(challenged.len(), 1);
    let c = &challenged[0];
    let plaintext = sailau_vote::verify_opening(&ctx, &c.ballot, &c.opening).unwrap();
    let expected = sailau_record::voter::plaintext_from_choices(
        ctx.manifest(),
        &crate::common::choices(CHALLENGER, false),
    )
    .unwrap();
    assert_eq!(plaintext, expected);
    let on_board = JsonLines::<BoardEntry>::open(&record.dir().ballots())
        .unwrap()
        .any(|l| l.unwrap().value.ballot_hash == c.ballot_hash);
    assert!(!on_board);
    let _ = REVOTER;
}

#[test]
fn any_three_trustees_decrypt_and_two_cannot() {
    let f = fixture();
    let dir = f.open_copy("any-three");
    let record = Record::new(dir.path());
    let mut rng = crate::common::rng(3);
    sailau_record::tally::tally(&record, &sailau_record::NoProgress).unwrap();
    for j in [2, 4] {
        sailau_record::tally::decrypt(&record, &f.trustee_secret(j), &mut rng).unwrap();
    }
    let err = sailau_record::tally::combine(&record, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("2 valid decryption shares, 3 needed"), "{err}");
    sailau_record::tally::decrypt(&record, &f.trustee_secret(5), &mut rng).unwrap();
    let combined = sailau_record::tally::combine(&record, None).unwrap();
    let counts: Vec<Vec<u64>> = combined
        .result
        .contests
        .iter()
        .map(|c| c.counts.iter().map(|o| o.count).collect())
        .collect();
    assert_eq!(counts, f.expected);
    assert_eq!(combined.result.trustees, vec![2, 4, 5]);
    assert!(verify(dir.path()).ok());
}

#[test]
fn verification_is_the_same_on_one_thread() {
    let f = fixture();
    let options = sailau_record::VerifyOptions {
        threads: 1,
        batch: 7,
        chunk: 50,
        ..Default::default()
    };
    let report =
        sailau_record::verify(f.closed.path(), &options, &sailau_record::NoProgress).unwrap();
    assert!(report.ok(), "findings: {:#?}", report.findings);
    assert_eq!(report.summary.threads, 1);
}

#[test]
fn the_parent_of_a_record_names_the_record_inside() {
    let f = fixture();
    let parent = crate::common::TempDir::new("parent");
    crate::common::copy_dir(f.closed.path(), &parent.path().join("record"));
    let err = sailau_record::verify(
        parent.path(),
        &sailau_record::VerifyOptions::default(),
        &sailau_record::NoProgress,
    )
    .unwrap_err()
    .to_string();
    let inner = parent.path().join("record");
    assert!(
        err.contains(&format!(
            "{} holds one: verify that directory",
            inner.display()
        )),
        "{err}"
    );
}
