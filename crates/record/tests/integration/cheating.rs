//! One test per way to cheat: each tampered record fails verification with a finding that names the cheat,
//! the file, the line and the item.

use std::path::Path;

use sailau_record::format::{BoardEntry, BoardState, TallyRecord};
use sailau_record::jsonl::{JsonLines, read_json, write_json};
use sailau_record::{Check, NoProgress, Record};
use sailau_vote::{
    ElectionContext, EncryptedBallot, PlaintextBallot, TallyAccumulator, TrackingCode,
    encrypt_ballot, generate_credential, sign_ballot,
};

use crate::common::{DECRYPTING, Fixture, REVOTER, expect_finding, fixture, rng, verify};

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(
        path,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
}

/// Edits line `n` (1-based) of `ballots.jsonl` as JSON.
fn edit_ballot_line(dir: &Path, n: usize, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = Record::new(dir).dir().ballots();
    let mut all = lines(&path);
    let mut v: serde_json::Value = serde_json::from_str(&all[n - 1]).unwrap();
    edit(&mut v);
    all[n - 1] = serde_json::to_string(&v).unwrap();
    write_lines(&path, &all);
}

/// Appends a ballot to the board with a correct tracking code, bypassing the board's checks.
fn append_to_board(dir: &Path, ballot: EncryptedBallot) -> u64 {
    let path = Record::new(dir).dir().ballots();
    let all = lines(&path);
    let last: BoardEntry = serde_json::from_str(all.last().unwrap()).unwrap();
    let ballot_hash = ballot.hash();
    let entry = BoardEntry {
        tracking_code: last.tracking_code.next(&ballot_hash),
        ballot_hash,
        ballot,
    };
    let mut all = all;
    all.push(serde_json::to_string(&entry).unwrap());
    write_lines(&path, &all);
    all.len() as u64
}

fn board(dir: &Path) -> Vec<BoardEntry> {
    JsonLines::open(&Record::new(dir).dir().ballots())
        .unwrap()
        .map(|l| l.unwrap().value)
        .collect()
}

fn context(dir: &Path) -> ElectionContext {
    Record::new(dir).open_context().unwrap()
}

fn short(code: &TrackingCode) -> String {
    code.short()
}

#[test]
fn altered_ciphertext() {
    let f = fixture();
    let dir = f.closed_copy("altered-ciphertext");
    let entries = board(dir.path());
    let victim = &entries[41];
    // Replace the ciphertext of option 3 of the akim contest with another ballot's (a valid point).
    let other = entries[42].ballot.contests[0].selections[2].beta.to_hex();
    edit_ballot_line(dir.path(), 42, |v| {
        v["ballot"]["contests"][0]["selections"][2]["beta"] = other.into();
    });
    let report = verify(dir.path());
    let text = expect_finding(
        &report,
        Check::BallotProof,
        &[
            "ballots.jsonl:42",
            "altered ciphertext",
            "\"akim\"",
            "\"3\"",
            &short(&victim.tracking_code),
        ],
    );
    eprintln!("{text}");
    // The fingerprint no longer matches the ballot, so the chain names it too; and the tally no longer adds up.
    expect_finding(&report, Check::TrackingChain, &["ballots.jsonl:42"]);
    expect_finding(&report, Check::Tally, &[]);
}

#[test]
fn altered_ciphertext_re_signed_by_the_voter() {
    let f = fixture();
    let dir = f.closed_copy("altered-resigned");
    let ctx = context(dir.path());
    let mut ballot = two_ballots(f, &ctx).0;
    ballot.contests[0].selections[3].alpha = ballot.contests[0].selections[4].alpha;
    resign(f, &ctx, &mut ballot);
    let line = append_to_board(dir.path(), ballot);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::BallotProof,
        &[
            &format!("ballots.jsonl:{line}"),
            "altered ciphertext",
            "\"akim\"",
            "\"4\"",
        ],
    );
}

#[test]
fn altered_proof() {
    let f = fixture();
    let dir = f.closed_copy("altered-proof");
    let entries = board(dir.path());
    let v_other = entries[10].ballot.contests[1].selections[0].proof.branches[1]
        .v
        .to_hex();
    edit_ballot_line(dir.path(), 11, |v| {
        v["ballot"]["contests"][1]["selections"][1]["proof"][1]["v"] = v_other.into();
    });
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::BallotProof,
        &["ballots.jsonl:11", "proof", "\"council\"", "\"y\""],
    );
}

/// Two ballots of one voter, marking akim options 1 and 2.
fn two_ballots(f: &Fixture, ctx: &ElectionContext) -> (EncryptedBallot, EncryptedBallot) {
    let mut rng = rng(77);
    let key = f.code(20).derive_key(ctx.parameters_hash());
    let mut p = PlaintextBallot {
        contests: vec![vec![false; 6], vec![false; 3]],
    };
    p.contests[0][0] = true;
    let (a, _) = encrypt_ballot(ctx, &key, &p, &mut rng).unwrap();
    p.contests[0][0] = false;
    p.contests[0][1] = true;
    let (b, _) = encrypt_ballot(ctx, &key, &p, &mut rng).unwrap();
    (a, b)
}

/// Re-signs a tampered ballot with voter 20's credential, as a cheating client holding it would.
fn resign(f: &Fixture, ctx: &ElectionContext, ballot: &mut EncryptedBallot) {
    let key = f.code(20).derive_key(ctx.parameters_hash());
    sign_ballot(ballot, &key, &mut rng(78));
}

/// A ballot marking both option 1 and option 2 (each 0/1 proof valid, the signature valid, the count proof
/// not).
pub fn two_marks(f: &Fixture, ctx: &ElectionContext) -> EncryptedBallot {
    let (mut a, b) = two_ballots(f, ctx);
    a.contests[0].selections[1] = b.contests[0].selections[1].clone();
    resign(f, ctx, &mut a);
    a
}

/// A ballot with no mark in a contest that requires exactly one (validly signed).
pub fn no_mark(f: &Fixture, ctx: &ElectionContext) -> EncryptedBallot {
    let (mut a, b) = two_ballots(f, ctx);
    a.contests[0].selections[0] = b.contests[0].selections[0].clone();
    resign(f, ctx, &mut a);
    a
}

#[test]
fn ballot_with_two_marks() {
    let f = fixture();
    let dir = f.closed_copy("two-marks");
    let ctx = context(dir.path());
    let line = append_to_board(dir.path(), two_marks(f, &ctx));
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::BallotProof,
        &[
            &format!("ballots.jsonl:{line}"),
            "wrong number of marks",
            "\"akim\"",
            "exactly 1",
        ],
    );
}

#[test]
fn ballot_with_no_mark() {
    let f = fixture();
    let dir = f.closed_copy("no-mark");
    let ctx = context(dir.path());
    let line = append_to_board(dir.path(), no_mark(f, &ctx));
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::BallotProof,
        &[&format!("ballots.jsonl:{line}"), "wrong number of marks"],
    );
}

/// A valid ballot signed with a credential that is not in the list.
pub fn outsider_ballot(ctx: &ElectionContext) -> EncryptedBallot {
    let mut rng = rng(99);
    let (code, _) = generate_credential(ctx.parameters(), &mut rng);
    let key = code.derive_key(ctx.parameters_hash());
    let p = sailau_record::voter::plaintext_from_choices(
        ctx.manifest(),
        &crate::common::choices(1, false),
    )
    .unwrap();
    encrypt_ballot(ctx, &key, &p, &mut rng).unwrap().0
}

#[test]
fn unknown_credential() {
    let f = fixture();
    let dir = f.closed_copy("unknown-credential");
    let ctx = context(dir.path());
    let line = append_to_board(dir.path(), outsider_ballot(&ctx));
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::UnknownCredential,
        &[&format!("ballots.jsonl:{line}"), "unknown credential"],
    );
    // The ballot itself is valid: only eligibility (and the tally's coverage of the board) fail.
    assert!(!report.has(Check::BallotProof));
}

#[test]
fn duplicate_credential_in_the_list() {
    let f = fixture();
    let dir = f.closed_copy("duplicate-credential");
    let path = Record::new(dir.path()).dir().credentials();
    let mut all = lines(&path);
    all.insert(100, all[4].clone());
    write_lines(&path, &all);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::DuplicateCredential,
        &[
            "credentials.jsonl:101",
            "duplicate credential",
            "already listed on line 5",
        ],
    );
}

/// Recomputes the tally over the given board entries (0-based), and redoes decryption and results consistently,
/// as a cheating authority would.
fn retally(f: &Fixture, dir: &Path, counted: impl Fn(usize, &BoardEntry, bool) -> bool) -> u64 {
    let record = Record::new(dir);
    let ctx = context(dir);
    let entries = board(dir);
    let mut acc = TallyAccumulator::new(&ctx);
    for (i, e) in entries.iter().enumerate() {
        let last = !entries[i + 1..]
            .iter()
            .any(|later| later.ballot.credential == e.ballot.credential);
        if counted(i, e, last) {
            acc.add(&e.ballot).unwrap();
        }
    }
    let original: TallyRecord = read_json(&record.dir().tally()).unwrap();
    let tally = TallyRecord {
        board: BoardState { ..original.board },
        tally: acc.finish(),
    };
    write_json(&record.dir().tally(), &tally).unwrap();
    for j in DECRYPTING {
        std::fs::remove_file(record.dir().share(j)).unwrap();
    }
    std::fs::remove_file(record.dir().results()).unwrap();
    let mut rng = rng(5);
    for j in DECRYPTING {
        sailau_record::tally::decrypt(&record, &f.trustee_secret(j), &mut rng).unwrap();
    }
    sailau_record::tally::combine(&record, None).unwrap();
    tally.tally.ballot_count
}

#[test]
fn ballot_dropped_from_the_tally() {
    let f = fixture();
    let dir = f.closed_copy("dropped");
    let count = retally(f, dir.path(), |i, _, last| last && i != 149);
    assert_eq!(count, crate::common::VOTERS - 1);
    let report = verify(dir.path());
    let text = expect_finding(
        &report,
        Check::Tally,
        &[
            "tally.json",
            "ballot dropped from the tally",
            "ballots.jsonl line 150",
        ],
    );
    eprintln!("{text}");
    // Everything downstream of the tally is consistent: only the tally is wrong.
    assert!(
        report.findings.iter().all(|f| f.check == Check::Tally),
        "{:#?}",
        report.findings
    );
}

#[test]
fn ballot_added_to_the_tally() {
    let f = fixture();
    let dir = f.closed_copy("added");
    // Count the re-voter's first, superseded ballot as well.
    let entries = board(dir.path());
    let first = entries
        .iter()
        .position(|e| {
            entries
                .iter()
                .filter(|x| x.ballot.credential == e.ballot.credential)
                .count()
                == 2
        })
        .unwrap();
    let count = retally(f, dir.path(), |i, _, last| last || i == first);
    assert_eq!(count, crate::common::VOTERS + 1);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Tally,
        &[
            "ballot added to the tally",
            &format!("ballots.jsonl line {}", first + 1),
        ],
    );
    assert!(report.findings.iter().all(|f| f.check == Check::Tally));
    let _ = REVOTER;
}

#[test]
fn forged_decryption_share() {
    let f = fixture();
    let dir = f.closed_copy("forged-share");
    let record = Record::new(dir.path());
    let path = record.dir().share(3);
    let mut share: serde_json::Value = read_json(&path).unwrap();
    let other: serde_json::Value = read_json(&record.dir().share(1)).unwrap();
    share["contests"][0][2]["share"] = other["contests"][0][2]["share"].clone();
    write_json(&path, &share).unwrap();
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::DecryptionShare,
        &[
            "shares/share-3.json",
            "trustee 3",
            "forged decryption share",
            "\"akim\"",
            "\"3\"",
        ],
    );
}

#[test]
fn wrong_published_count() {
    let f = fixture();
    let dir = f.closed_copy("wrong-count");
    let path = Record::new(dir.path()).dir().results();
    let mut results: serde_json::Value = read_json(&path).unwrap();
    let n = results["contests"][0]["counts"][1]["count"]
        .as_u64()
        .unwrap();
    results["contests"][0]["counts"][1]["count"] = (n + 1).into();
    write_json(&path, &results).unwrap();
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Results,
        &[
            "results.json",
            "wrong published count",
            "\"akim\"",
            "\"2\"",
            &format!("{}", n + 1),
        ],
    );
    assert!(report.findings.iter().all(|f| f.check == Check::Results));
}

#[test]
fn broken_tracking_code_chain() {
    let f = fixture();
    let dir = f.closed_copy("broken-chain");
    // The board silently drops entry 100.
    let path = Record::new(dir.path()).dir().ballots();
    let mut all = lines(&path);
    all.remove(99);
    write_lines(&path, &all);
    let report = verify(dir.path());
    let text = expect_finding(
        &report,
        Check::TrackingChain,
        &["ballots.jsonl:100", "broken tracking-code chain"],
    );
    eprintln!("{text}");
}

#[test]
fn reordered_board() {
    let f = fixture();
    let dir = f.closed_copy("reordered");
    let path = Record::new(dir.path()).dir().ballots();
    let mut all = lines(&path);
    all.swap(10, 11);
    write_lines(&path, &all);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::TrackingChain,
        &["ballots.jsonl:11", "broken tracking-code chain"],
    );
}

#[test]
fn replayed_ballot() {
    let f = fixture();
    let dir = f.closed_copy("replay");
    let entries = board(dir.path());
    let line = append_to_board(dir.path(), entries[3].ballot.clone());
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Replay,
        &[&format!("ballots.jsonl:{line}"), "already on line 4"],
    );
}

#[test]
fn challenged_ballot_that_does_not_open() {
    let f = fixture();
    let dir = f.closed_copy("bad-opening");
    let path = Record::new(dir.path()).dir().challenged();
    let mut all = lines(&path);
    let mut v: serde_json::Value = serde_json::from_str(&all[0]).unwrap();
    let mark = v["opening"]["contests"][0][0]["mark"].as_bool().unwrap();
    v["opening"]["contests"][0][0]["mark"] = (!mark).into();
    all[0] = serde_json::to_string(&v).unwrap();
    write_lines(&path, &all);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Challenged,
        &["challenged.jsonl:1", "do not open"],
    );
}

#[test]
fn unreadable_line_is_named() {
    let f = fixture();
    let dir = f.closed_copy("garbage");
    edit_ballot_line(dir.path(), 5, |v| {
        v["ballot"]["credential"] = "not a point".into();
    });
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Readable,
        &["ballots.jsonl:5", "unreadable ballot"],
    );
    let _ = NoProgress;
}

#[test]
fn unsorted_credential_list() {
    let f = fixture();
    let dir = f.closed_copy("unsorted-credentials");
    let path = Record::new(dir.path()).dir().credentials();
    let mut all = lines(&path);
    all.swap(20, 21);
    write_lines(&path, &all);
    let report = verify(dir.path());
    expect_finding(
        &report,
        Check::Credential,
        &["credentials.jsonl:22", "out of order"],
    );
}

#[test]
fn an_unreadable_complaints_file_is_reported_once() {
    let f = fixture();
    let dir = f.closed_copy("complaints-unreadable");
    let path = Record::new(dir.path()).dir().complaints(2);
    std::fs::write(&path, "{\"trustee\": 2, \"complaints\": ").unwrap();
    let report = verify(dir.path());
    let about: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.file == "trustees/complaints-2.json")
        .map(ToString::to_string)
        .collect();
    assert_eq!(about.len(), 1, "{about:#?}");
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.file == "trustees/complaints-2.json")
    );
}

#[test]
fn chain_codes_that_differ_late_are_shown_until_they_differ() {
    let f = fixture();
    let dir = f.closed_copy("chain-late-digit");
    edit_ballot_line(dir.path(), 30, |v| {
        let mut code = v["tracking_code"].as_str().unwrap().to_owned();
        let last = code.pop().unwrap();
        code.push(if last == '0' { '1' } else { '0' });
        v["tracking_code"] = code.into();
    });
    let report = verify(dir.path());
    let finding = report
        .findings
        .iter()
        .find(|f| f.check == Check::TrackingChain && f.line == Some(30))
        .unwrap();
    let found = finding
        .item
        .as_deref()
        .unwrap()
        .trim_start_matches("tracking code ");
    let expected = finding.message.split_whitespace().nth(4).unwrap();
    assert_eq!(found.len(), 64 + 15, "{finding}");
    assert_eq!(found.len(), expected.len(), "{finding}");
    assert_ne!(found, expected, "{finding}");
}
