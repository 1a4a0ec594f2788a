//! A shared honest election (built once per test binary) and helpers to copy and tamper with it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use rand::SeedableRng;
use rand::rngs::StdRng;
use sailau_record::credentials::{SecretsOut, read_code};
use sailau_record::format::Submission;
use sailau_record::spec::{ContestSpec, ElectionSpec, OptionSpec};
use sailau_record::voter::{Choice, plaintext_from_choices, vote};
use sailau_record::{
    Board, NoProgress, Receipt, Record, VerifyOptions, VerifyReport, ceremony, credentials, tally,
};
use sailau_vote::{CredentialCode, PlaintextBallot};

/// A directory under cargo's scratch directory for tests, removed when dropped. The shared fixture lives in a
/// static and is never dropped, so each run first removes what runs of dead processes left behind.
pub struct TempDir(PathBuf);

fn scratch() -> &'static Path {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sailau-record-tests");
        if let Ok(entries) = std::fs::read_dir(&base) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let pid = name.split('-').next().unwrap_or_default();
                if !Path::new("/proc").join(pid).exists() {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        base
    })
}

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = scratch().join(format!("{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub const VOTERS: u64 = 300;
pub const TRUSTEES: u32 = 5;
pub const THRESHOLD: u32 = 3;
/// The voter who votes twice (the second ballot counts).
pub const REVOTER: u64 = 7;
/// The voter who challenges a ballot before casting.
pub const CHALLENGER: u64 = 8;
/// The trustees who decrypt.
pub const DECRYPTING: [u32; 3] = [1, 3, 5];

pub fn spec() -> ElectionSpec {
    ElectionSpec {
        election_id: "test-akim-2025".into(),
        title: "Выборы акима / Әкім сайлауы".into(),
        trustees: TRUSTEES,
        threshold: THRESHOLD,
        contests: vec![
            ContestSpec {
                id: "akim".into(),
                title: Some("Аким".into()),
                min_selections: 1,
                max_selections: 1,
                against_all: true,
                options: ["Айгерім", "Берік", "Гүлнар", "Дәулет", "Ерлан"]
                    .iter()
                    .map(|s| OptionSpec::Label((*s).into()))
                    .collect(),
            },
            ContestSpec {
                id: "council".into(),
                title: None,
                min_selections: 0,
                max_selections: 2,
                against_all: false,
                options: vec![
                    OptionSpec::Full {
                        id: "x".into(),
                        label: "X".into(),
                        kind: Default::default(),
                    },
                    OptionSpec::Full {
                        id: "y".into(),
                        label: "Y".into(),
                        kind: Default::default(),
                    },
                    OptionSpec::Full {
                        id: "z".into(),
                        label: "Z".into(),
                        kind: Default::default(),
                    },
                ],
            },
        ],
    }
}

/// The choices of voter `v` (1-based); `second` for the re-voter's second ballot.
pub fn choices(v: u64, second: bool) -> Vec<Choice> {
    let akim = if second {
        "against-all".to_owned()
    } else {
        ((v % 6) + 1).to_string()
    };
    let akim = if akim == "6" {
        "against-all".to_owned()
    } else {
        akim
    };
    let council: Vec<String> = match v % 4 {
        0 => vec![],
        1 => vec!["x".into()],
        2 => vec!["y".into(), "z".into()],
        _ => vec!["x".into(), "z".into()],
    };
    vec![
        Choice {
            contest: Some("akim".into()),
            options: vec![akim],
        },
        Choice {
            contest: Some("council".into()),
            options: council,
        },
    ]
}

pub struct Fixture {
    /// The record after voting, before the tally (board open).
    pub open: TempDir,
    /// The complete record: tallied, decrypted by trustees 1, 3, 5, combined.
    pub closed: TempDir,
    /// Trustee secret files and the voters' secrets file.
    pub secrets: TempDir,
    /// Expected counts: `[contest][option]`.
    pub expected: Vec<Vec<u64>>,
    /// The receipts the board gave, in order of submission.
    pub receipts: Vec<Receipt>,
}

impl Fixture {
    pub fn trustee_secret(&self, i: u32) -> PathBuf {
        self.secrets.path().join(format!("trustee-{i}.json"))
    }

    pub fn voters_file(&self) -> PathBuf {
        self.secrets.path().join("voters.jsonl")
    }

    pub fn code(&self, voter: u64) -> CredentialCode {
        read_code(&self.voters_file(), Some(voter)).unwrap()
    }

    /// A copy of the closed record to tamper with.
    pub fn closed_copy(&self, name: &str) -> TempDir {
        let dir = TempDir::new(name);
        copy_dir(self.closed.path(), dir.path());
        dir
    }

    /// A copy of the open record.
    pub fn open_copy(&self, name: &str) -> TempDir {
        let dir = TempDir::new(name);
        copy_dir(self.open.path(), dir.path());
        dir
    }
}

pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

fn add_counts(expected: &mut [Vec<u64>], p: &PlaintextBallot) {
    for (row, marks) in expected.iter_mut().zip(&p.contests) {
        for (c, m) in row.iter_mut().zip(marks) {
            *c += u64::from(*m);
        }
    }
}

pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(build)
}

fn build() -> Fixture {
    let open = TempDir::new("open");
    let secrets = TempDir::new("secrets");
    let mut rng = rng(2025);
    let record = Record::new(open.path());
    let (manifest, _) = ceremony::init(open.path(), &spec()).unwrap();
    let secret = |i: u32| secrets.path().join(format!("trustee-{i}.json"));
    for i in 1..=TRUSTEES {
        ceremony::keygen(&record, i, &secret(i), &mut rng).unwrap();
    }
    for i in 1..=TRUSTEES {
        ceremony::deal(&record, &secret(i), &mut rng).unwrap();
    }
    let mut election = None;
    for i in 1..=TRUSTEES {
        match ceremony::finalize(&record, &secret(i), &mut rng).unwrap() {
            ceremony::FinalizeOutcome::Accepted { election: e, .. } => election = e.or(election),
            ceremony::FinalizeOutcome::Complaints(c) => panic!("complaints: {c:?}"),
        }
    }
    assert!(
        election.is_some(),
        "the last trustee publishes election.json"
    );
    let voters_file = secrets.path().join("voters.jsonl");
    credentials::generate(
        &record,
        VOTERS,
        &SecretsOut::File(voters_file.clone()),
        &mut rng,
    )
    .unwrap();

    let mut board = Board::open(&record).unwrap();
    let ctx = board.context().clone();
    let mut expected: Vec<Vec<u64>> = manifest
        .contests
        .iter()
        .map(|c| vec![0; c.options.len()])
        .collect();
    let mut submissions = Vec::new();
    for v in 1..=VOTERS {
        let code = read_code(&voters_file, Some(v)).unwrap();
        let plaintext = plaintext_from_choices(&manifest, &choices(v, false)).unwrap();
        if v == CHALLENGER {
            let challenged = vote(&ctx, &code, &plaintext, true, &mut rng).unwrap();
            assert!(matches!(
                challenged.submission,
                Submission::Challenged { .. }
            ));
            submissions.push(challenged.submission);
        }
        let ballot = vote(&ctx, &code, &plaintext, false, &mut rng).unwrap();
        submissions.push(ballot.submission);
        if v != REVOTER {
            add_counts(&mut expected, &plaintext);
        }
    }
    // The re-voter changes its mind at the end; only this ballot counts.
    let code = read_code(&voters_file, Some(REVOTER)).unwrap();
    let plaintext = plaintext_from_choices(&manifest, &choices(REVOTER, true)).unwrap();
    submissions.push(
        vote(&ctx, &code, &plaintext, false, &mut rng)
            .unwrap()
            .submission,
    );
    add_counts(&mut expected, &plaintext);

    let receipts: Vec<Receipt> = board
        .submit_all(&submissions)
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    board.close().unwrap();

    let closed = TempDir::new("closed");
    copy_dir(open.path(), closed.path());
    let closed_record = Record::new(closed.path());
    tally::tally(&closed_record, &NoProgress).unwrap();
    for j in DECRYPTING {
        tally::decrypt(&closed_record, &secret(j), &mut rng).unwrap();
    }
    tally::combine(&closed_record, None).unwrap();
    Fixture {
        open,
        closed,
        secrets,
        expected,
        receipts,
    }
}

/// Verifies a record with default options on 2 threads.
pub fn verify(dir: &Path) -> VerifyReport {
    sailau_record::verify(
        dir,
        &VerifyOptions {
            threads: 2,
            ..VerifyOptions::default()
        },
        &NoProgress,
    )
    .unwrap()
}

/// Asserts that the report has a finding of `check` whose text contains every one of `words`, and returns it.
pub fn expect_finding(
    report: &VerifyReport,
    check: sailau_record::Check,
    words: &[&str],
) -> String {
    assert!(!report.ok(), "verification should fail");
    let found = report
        .findings
        .iter()
        .map(ToString::to_string)
        .find(|text| {
            report
                .findings
                .iter()
                .any(|f| f.check == check && f.to_string() == *text)
                && words.iter().all(|w| text.contains(w))
        });
    match found {
        Some(text) => text,
        None => panic!(
            "no [{check}] finding containing {words:?}; findings:\n{}",
            report
                .findings
                .iter()
                .map(|f| format!("  {f}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}
