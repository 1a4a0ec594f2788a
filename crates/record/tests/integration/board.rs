//! The bulletin board refuses bad ballots with a reason.

use sailau_record::format::Submission;
use sailau_record::voter::{plaintext_from_choices, vote};
use sailau_record::{Board, Record, RecordError, Refusal};
use sailau_vote::BallotError;

use crate::cheating::{no_mark, outsider_ballot, two_marks};
use crate::common::{choices, fixture, rng};

fn refusal(result: sailau_record::Result<sailau_record::Receipt>) -> Refusal {
    match result {
        Err(RecordError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn refuses_two_marks_none_unknown_credential_replay_and_altered_ballots() {
    let f = fixture();
    let dir = f.open_copy("board-refusals");
    let record = Record::new(dir.path());
    let mut board = Board::open(&record).unwrap();
    let ctx = board.context().clone();
    let before = board.entries();

    let r = refusal(board.submit(&Submission::Cast {
        ballot: two_marks(f, &ctx),
    }));
    assert!(
        matches!(
            r,
            Refusal::InvalidBallot(BallotError::CountProofInvalid { contest: 0 })
        ),
        "{r}"
    );
    let r = refusal(board.submit(&Submission::Cast {
        ballot: no_mark(f, &ctx),
    }));
    assert!(
        matches!(
            r,
            Refusal::InvalidBallot(BallotError::CountProofInvalid { contest: 0 })
        ),
        "{r}"
    );
    let r = refusal(board.submit(&Submission::Cast {
        ballot: outsider_ballot(&ctx),
    }));
    assert!(matches!(r, Refusal::UnknownCredential(_)), "{r}");
    assert!(r.to_string().contains("unknown credential"));

    let mut rng = rng(11);
    let p = plaintext_from_choices(ctx.manifest(), &choices(30, false)).unwrap();
    let good = vote(&ctx, &f.code(30), &p, false, &mut rng).unwrap();
    let mut altered = good.submission.clone();
    if let Submission::Cast { ballot } = &mut altered {
        ballot.contests[0].selections[0].alpha = ballot.contests[0].selections[1].alpha;
    }
    let r = refusal(board.submit(&altered));
    assert!(
        matches!(
            r,
            Refusal::InvalidBallot(BallotError::OptionProofInvalid {
                contest: 0,
                option: 0
            })
        ),
        "{r}"
    );

    let receipt = board.submit(&good.submission).unwrap();
    assert!(matches!(
        receipt,
        sailau_record::Receipt::Cast { revote: true, .. }
    ));
    let r = refusal(board.submit(&good.submission));
    assert!(matches!(r, Refusal::Replay(_)), "{r}");

    // A challenged ballot whose opening was tampered with.
    let challenged = vote(&ctx, &f.code(31), &p, true, &mut rng).unwrap();
    let Submission::Challenged {
        ballot,
        mut opening,
    } = challenged.submission
    else {
        unreachable!()
    };
    opening.contests[0][0].mark = !opening.contests[0][0].mark;
    let r = refusal(board.submit(&Submission::Challenged { ballot, opening }));
    assert!(matches!(r, Refusal::BadOpening(_)), "{r}");

    assert_eq!(board.entries(), before + 1);
    board.close().unwrap();
    // The board still verifies after the refusals.
    let options = sailau_record::VerifyOptions {
        threads: 1,
        allow_incomplete: true,
        ..Default::default()
    };
    let report = sailau_record::verify(dir.path(), &options, &sailau_record::NoProgress).unwrap();
    assert!(report.ok(), "{:#?}", report.findings);
}

#[test]
fn a_tallied_board_is_closed() {
    let f = fixture();
    let dir = f.closed_copy("board-closed");
    let record = Record::new(dir.path());
    let mut board = Board::open(&record).unwrap();
    let ctx = board.context().clone();
    let p = plaintext_from_choices(ctx.manifest(), &choices(1, false)).unwrap();
    let good = vote(&ctx, &f.code(1), &p, false, &mut rng(12)).unwrap();
    assert_eq!(refusal(board.submit(&good.submission)), Refusal::Closed);
}

#[test]
fn voting_needs_a_finished_key_ceremony() {
    let dir = crate::common::TempDir::new("no-ceremony");
    sailau_record::ceremony::init(dir.path(), &crate::common::spec()).unwrap();
    let err = Board::open(&Record::new(dir.path()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("trustee keygen"), "{err}");
}

#[test]
fn one_board_writer_at_a_time() {
    let f = fixture();
    let dir = f.open_copy("board-lock");
    let record = Record::new(dir.path());
    let board = Board::open(&record).unwrap();
    let err = Board::open(&record).unwrap_err().to_string();
    assert!(err.contains("another process is appending"), "{err}");
    let err = sailau_record::tally::tally(&record, &sailau_record::NoProgress)
        .unwrap_err()
        .to_string();
    assert!(err.contains(".board.lock"), "{err}");
    board.close().unwrap();
    assert!(!record.dir().lock().exists());
    Board::open(&record).unwrap();
}

/// A challenged ballot that opens to an over-vote (two marks where one is allowed): its count proof fails,
/// the board still publishes it (spec §8.1); it can then never be cast, and a cast ballot cannot be challenged.
#[test]
fn a_challenge_exposes_an_over_vote_and_a_ballot_hash_lives_in_one_place() {
    let f = fixture();
    let dir = f.open_copy("board-overvote");
    let record = Record::new(dir.path());
    let mut board = Board::open(&record).unwrap();
    let ctx = board.context().clone();
    let mut rng = rng(21);
    let key = f.code(40).derive_key(ctx.parameters_hash());
    let marks = |o: usize| {
        let mut p = sailau_vote::PlaintextBallot {
            contests: vec![vec![false; 6], vec![false; 3]],
        };
        p.contests[0][o] = true;
        p
    };
    let (mut a, sa) = sailau_vote::encrypt_ballot(&ctx, &key, &marks(0), &mut rng).unwrap();
    let (b, sb) = sailau_vote::encrypt_ballot(&ctx, &key, &marks(1), &mut rng).unwrap();
    a.contests[0].selections[1] = b.contests[0].selections[1].clone();
    sailau_vote::sign_ballot(&mut a, &key, &mut rng);
    let mut opening = sa.open();
    opening.contests[0][1] = sb.open().contests[0][1];
    opening.ballot_hash = a.hash();
    assert!(sailau_vote::verify_ballot(&ctx, &a).is_err());
    let opened = sailau_vote::verify_opening(&ctx, &a, &opening).unwrap();
    assert_eq!(opened.contests[0][..2], [true, true]);

    // Without a valid signature it is refused.
    let mut unsigned = a.clone();
    unsigned.signature = b.signature;
    let r = refusal(board.submit(&Submission::Challenged {
        ballot: unsigned,
        opening: opening.clone(),
    }));
    assert!(
        matches!(r, Refusal::InvalidBallot(BallotError::SignatureInvalid)),
        "{r}"
    );

    let challenged = Submission::Challenged {
        ballot: a.clone(),
        opening,
    };
    assert!(matches!(
        board.submit(&challenged).unwrap(),
        sailau_record::Receipt::Challenged { .. }
    ));
    let r = refusal(board.submit(&Submission::Cast { ballot: a }));
    assert!(matches!(r, Refusal::Challenged(_)), "{r}");
    assert!(r.to_string().contains("was challenged"), "{r}");
    let r = refusal(board.submit(&challenged));
    assert!(matches!(r, Refusal::Challenged(_)), "{r}");

    // A ballot cast, then submitted as a challenge.
    let p = plaintext_from_choices(ctx.manifest(), &choices(41, false)).unwrap();
    let good = vote(&ctx, &f.code(41), &p, true, &mut rng).unwrap();
    let Submission::Challenged { ballot, opening } = good.submission else {
        unreachable!()
    };
    board
        .submit(&Submission::Cast {
            ballot: ballot.clone(),
        })
        .unwrap();
    let r = refusal(board.submit(&Submission::Challenged { ballot, opening }));
    assert!(matches!(r, Refusal::AlreadyCast(_)), "{r}");
    board.close().unwrap();
    let options = sailau_record::VerifyOptions {
        threads: 1,
        allow_incomplete: true,
        ..Default::default()
    };
    let report = sailau_record::verify(dir.path(), &options, &sailau_record::NoProgress).unwrap();
    assert!(report.ok(), "{:#?}", report.findings);
}

/// The board refuses a credential list or a board that the verifier would refuse, instead of extending it.
#[test]
fn the_board_refuses_to_extend_a_malformed_record() {
    let f = fixture();
    let dir = f.open_copy("board-malformed");
    let record = Record::new(dir.path());
    let ballots = record.dir().ballots();
    let mut bytes = std::fs::read(&ballots).unwrap();
    bytes.pop();
    std::fs::write(&ballots, &bytes).unwrap();
    let err = Board::open(&record).unwrap_err().to_string();
    assert!(err.contains("does not end with a newline"), "{err}");
    bytes.push(b'\n');
    std::fs::write(&ballots, &bytes).unwrap();

    let path = record.dir().credentials();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.swap(3, 4);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let err = Board::open(&record).unwrap_err().to_string();
    assert!(err.contains("credentials.jsonl:5: out of order"), "{err}");
}
