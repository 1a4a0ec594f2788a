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
