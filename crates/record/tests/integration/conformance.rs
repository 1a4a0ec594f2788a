//! The conformance kit (spec §15.1): small records, each with the verdict every verifier must reach, under
//! `crates/vote/tests/vectors/conformance/`. They are generated here from a fixed seed; one test checks that the
//! committed kit is what this generator writes (set `SAILAU_WRITE_CONFORMANCE=1` to rewrite it), another that
//! `sailau_record::verify` reaches every expected verdict, naming the expected check, file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;
use sailau_record::credentials::{SecretsOut, read_code};
use sailau_record::format::{BoardEntry, ChallengedEntry, Submission};
use sailau_record::spec::{ContestSpec, ElectionSpec, OptionSpec};
use sailau_record::voter::{Choice, plaintext_from_choices, vote};
use sailau_record::{Board, NoProgress, Record, VerifyOptions, ceremony, credentials, tally};
use sailau_vote::{
    ElectionContext, EncryptedBallot, PlaintextBallot, encrypt_ballot, generate_credential,
    sign_ballot,
};
use serde_json::{Value, json};

use crate::common::{TempDir, copy_dir};

/// Where the kit is committed.
pub fn kit_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vote/tests/vectors/conformance")
}

fn spec() -> ElectionSpec {
    let full = |id: &str, label: &str| OptionSpec::Full {
        id: id.into(),
        label: label.into(),
        kind: Default::default(),
    };
    ElectionSpec {
        election_id: "conformance-kit".into(),
        title: "sailau conformance kit".into(),
        trustees: 3,
        threshold: 2,
        contests: vec![
            ContestSpec {
                id: "akim".into(),
                title: Some("Аким".into()),
                min_selections: 1,
                max_selections: 1,
                against_all: true,
                options: vec![full("a", "Айгерім"), full("b", "Берік")],
            },
            ContestSpec {
                id: "council".into(),
                title: Some("Council".into()),
                min_selections: 0,
                max_selections: 2,
                against_all: false,
                options: vec![full("x", "X"), full("y", "Y")],
            },
        ],
    }
}

fn choice(akim: &str, council: &[&str]) -> Vec<Choice> {
    vec![
        Choice {
            contest: Some("akim".into()),
            options: vec![akim.into()],
        },
        Choice {
            contest: Some("council".into()),
            options: council.iter().map(|s| (*s).to_owned()).collect(),
        },
    ]
}

/// The base election: 5 voters; voters 1, 2, 4, 3 vote, voter 4 challenges a ballot first, voter 2 votes again
/// at the end; voter 5 abstains. `open` has the board, `closed` also the tally, shares of trustees 1 and 3
/// and the results.
struct Base {
    open: TempDir,
    secrets: TempDir,
}

impl Base {
    fn trustee_secret(&self, i: u32) -> PathBuf {
        self.secrets.path().join(format!("trustee-{i}.json"))
    }

    fn voters(&self) -> PathBuf {
        self.secrets.path().join("voters.jsonl")
    }

    fn ctx(&self) -> ElectionContext {
        Record::new(self.open.path()).open_context().unwrap()
    }

    /// A copy of the open record (board still open).
    fn open_copy(&self, name: &str) -> TempDir {
        let dir = TempDir::new(name);
        copy_dir(self.open.path(), dir.path());
        dir
    }

    /// Tallies, decrypts with trustees 1 and 3 and combines the record in `dir`.
    fn close(&self, dir: &Path, seed: u64) {
        let record = Record::new(dir);
        let mut rng = StdRng::seed_from_u64(seed);
        tally::tally(&record, &NoProgress).unwrap();
        for j in [1, 3] {
            tally::decrypt(&record, &self.trustee_secret(j), &mut rng).unwrap();
        }
        tally::combine(&record, None).unwrap();
    }

    /// A closed copy of the base record.
    fn closed_copy(&self, name: &str) -> TempDir {
        let dir = self.open_copy(name);
        self.close(dir.path(), 7);
        dir
    }

    /// Encrypts `marks` for `voter` (1-based), ignoring the contest limits.
    fn encrypt(
        &self,
        ctx: &ElectionContext,
        voter: u64,
        marks: Vec<Vec<bool>>,
        rng: &mut StdRng,
    ) -> (EncryptedBallot, sailau_vote::BallotSecrets) {
        let code = read_code(&self.voters(), Some(voter)).unwrap();
        let key = code.derive_key(ctx.parameters_hash());
        encrypt_ballot(ctx, &key, &PlaintextBallot { contests: marks }, rng).unwrap()
    }
}

fn base() -> Base {
    let open = TempDir::new("kit-open");
    let secrets = TempDir::new("kit-secrets");
    let mut rng = StdRng::seed_from_u64(2026);
    let record = Record::new(open.path());
    let (manifest, _) = ceremony::init(open.path(), &spec()).unwrap();
    let secret = |i: u32| secrets.path().join(format!("trustee-{i}.json"));
    for i in 1..=3 {
        ceremony::keygen(&record, i, &secret(i), &mut rng).unwrap();
    }
    for i in 1..=3 {
        ceremony::deal(&record, &secret(i), &mut rng).unwrap();
    }
    for i in 1..=3 {
        ceremony::finalize(&record, &secret(i), &mut rng).unwrap();
    }
    let voters = secrets.path().join("voters.jsonl");
    credentials::generate(&record, 5, &SecretsOut::File(voters.clone()), &mut rng).unwrap();
    let mut board = Board::open(&record).unwrap();
    let ctx = board.context().clone();
    let plan: [(u64, &str, &[&str], bool); 6] = [
        (1, "a", &["x"], false),
        (2, "b", &[], false),
        (4, "against-all", &["x", "y"], true),
        (4, "against-all", &["x", "y"], false),
        (3, "b", &["y"], false),
        (2, "a", &["x", "y"], false),
    ];
    for (voter, akim, council, challenge) in plan {
        let code = read_code(&voters, Some(voter)).unwrap();
        let p = plaintext_from_choices(&manifest, &choice(akim, council)).unwrap();
        let ballot = vote(&ctx, &code, &p, challenge, &mut rng).unwrap();
        board.submit(&ballot.submission).unwrap();
    }
    board.close().unwrap();
    Base { open, secrets }
}

// ---------------------------------------------------------------------------------------------------------
// Editing helpers

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The lines of a JSON-lines file (without their LF).
fn lines(path: &Path) -> Vec<String> {
    String::from_utf8(read(path))
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

fn edit_line(path: &Path, n: usize, edit: impl FnOnce(&mut Value)) {
    let mut all = lines(path);
    let mut v: Value = serde_json::from_str(&all[n - 1]).unwrap();
    edit(&mut v);
    all[n - 1] = serde_json::to_string(&v).unwrap();
    write_lines(path, &all);
}

fn edit_json(path: &Path, edit: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_slice(&read(path)).unwrap();
    edit(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

/// The array of an object's values in field order (what serde would also accept for a struct).
fn as_array(v: &Value) -> Value {
    Value::Array(v.as_object().unwrap().values().cloned().collect())
}

/// Appends a cast ballot to `ballots.jsonl` with the right tracking code, bypassing the board.
fn append_cast(dir: &Path, ballot: EncryptedBallot) {
    let path = Record::new(dir).dir().ballots();
    let mut all = lines(&path);
    let last: BoardEntry = serde_json::from_str(all.last().unwrap()).unwrap();
    let ballot_hash = ballot.hash();
    all.push(
        serde_json::to_string(&BoardEntry {
            tracking_code: last.tracking_code.next(&ballot_hash),
            ballot_hash,
            ballot,
        })
        .unwrap(),
    );
    write_lines(&path, &all);
}

/// Appends a challenged entry to `challenged.jsonl`, bypassing the board.
fn append_challenged(dir: &Path, ballot: EncryptedBallot, opening: sailau_vote::BallotOpening) {
    let path = Record::new(dir).dir().challenged();
    let mut all = lines(&path);
    all.push(
        serde_json::to_string(&ChallengedEntry {
            ballot_hash: ballot.hash(),
            ballot,
            opening,
        })
        .unwrap(),
    );
    write_lines(&path, &all);
}

/// The line (1-based) of `credentials.jsonl` holding voter 5's credential (voter 5 abstains).
fn abstainer_line(base: &Base, dir: &Path) -> usize {
    let ctx = base.ctx();
    let code = read_code(&base.voters(), Some(5)).unwrap();
    let public = code.derive_key(ctx.parameters_hash()).public().to_hex();
    lines(&Record::new(dir).dir().credentials())
        .iter()
        .position(|l| l.contains(&public))
        .unwrap()
        + 1
}

// ---------------------------------------------------------------------------------------------------------
// The cases

/// What a case expects.
enum Verdict {
    Valid,
    Unreadable(&'static str),
    /// The finding the case is about (check, file, line), then the consequences also reported.
    Invalid(Finding, Vec<Finding>),
}

type Finding = (&'static str, String, Option<u64>);

fn f(check: &'static str, file: &str, line: Option<u64>) -> Finding {
    (check, file.to_owned(), line)
}

struct Case {
    name: &'static str,
    about: &'static str,
    incomplete: bool,
    verdict: Verdict,
    record: TempDir,
}

fn case(name: &'static str, about: &'static str, record: TempDir, verdict: Verdict) -> Case {
    Case {
        name,
        about,
        incomplete: false,
        verdict,
        record,
    }
}

fn cases(base: &Base) -> Vec<Case> {
    let mut out = Vec::new();
    let ctx = base.ctx();
    let mut rng = StdRng::seed_from_u64(99);
    let d = |t: &TempDir| Record::new(t.path()).dir().clone();

    // Valid records.
    out.push(case(
        "valid",
        "A complete election: 3 trustees (2 decrypt), 5 credentials, 5 cast ballots (one re-vote), one \
         challenged ballot; two contests, so the ballot hash's order (count proof inside each contest) matters.",
        base.closed_copy("valid"),
        Verdict::Valid,
    ));
    let mut open = case(
        "valid-open",
        "The same election before the tally: valid when the verifier is told the election is still open.",
        base.open_copy("valid-open"),
        Verdict::Valid,
    );
    open.incomplete = true;
    out.push(open);
    {
        let r = base.open_copy("overvote");
        // Voter 5's device encrypts two candidates where one is allowed, and the voter challenges it.
        let (mut a, sa) = base.encrypt(
            &ctx,
            5,
            vec![vec![true, false, false], vec![false, false]],
            &mut rng,
        );
        let (b, sb) = base.encrypt(
            &ctx,
            5,
            vec![vec![false, true, false], vec![false, false]],
            &mut rng,
        );
        a.contests[0].selections[1] = b.contests[0].selections[1].clone();
        let code = read_code(&base.voters(), Some(5)).unwrap();
        sign_ballot(&mut a, &code.derive_key(ctx.parameters_hash()), &mut rng);
        let mut opening = sa.open();
        opening.contests[0][1] = sb.open().contests[0][1];
        opening.ballot_hash = a.hash();
        let mut board = Board::open(&Record::new(r.path())).unwrap();
        board
            .submit(&Submission::Challenged { ballot: a, opening })
            .unwrap();
        board.close().unwrap();
        base.close(r.path(), 8);
        out.push(case(
            "valid-challenged-overvote",
            "A challenged ballot that opens to two marks in a contest allowing one (its count proof does not \
             hold): challenged ballots need a valid opening, signature and listed credential, not valid proofs (§8.1).",
            r,
            Verdict::Valid,
        ));
    }
    {
        let r = base.closed_copy("compact");
        let path = d(&r).manifest();
        let v: Value = serde_json::from_slice(&read(&path)).unwrap();
        std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
        out.push(case(
            "valid-compact-whole-file",
            "manifest.json written compactly and without a final newline: white space in whole-file documents is \
             insignificant (§12.2).",
            r,
            Verdict::Valid,
        ));
    }
    {
        let r = base.closed_copy("empty-challenged");
        std::fs::write(d(&r).challenged(), b"").unwrap();
        out.push(case(
            "valid-empty-challenged",
            "challenged.jsonl is empty (0 bytes): the same as absent (§12.1).",
            r,
            Verdict::Valid,
        ));
    }

    // Unreadable records.
    {
        let r = base.closed_copy("manifest-array");
        let path = d(&r).manifest();
        let v: Value = serde_json::from_slice(&read(&path)).unwrap();
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&as_array(&v)).unwrap() + "\n",
        )
        .unwrap();
        out.push(case(
            "unreadable-manifest-array",
            "manifest.json is the array of the manifest's field values: an object is required (§12.2), and \
             without a manifest nothing can be checked.",
            r,
            Verdict::Unreadable("manifest.json"),
        ));
    }
    {
        let r = base.closed_copy("parameters-missing");
        std::fs::remove_file(d(&r).parameters()).unwrap();
        out.push(case(
            "unreadable-parameters-missing",
            "parameters.json is missing.",
            r,
            Verdict::Unreadable("parameters.json"),
        ));
    }

    // Credentials.
    let cred = "credentials.jsonl";
    {
        let r = base.closed_copy("cred-unsorted");
        let path = d(&r).credentials();
        let mut all = lines(&path);
        all.swap(1, 2);
        write_lines(&path, &all);
        out.push(case(
            "credentials-unsorted",
            "Two credentials swapped: the list MUST be in increasing order of the encodings (§12.3).",
            r,
            Verdict::Invalid(f("credential", cred, Some(3)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("cred-duplicate");
        let path = d(&r).credentials();
        let mut all = lines(&path);
        all.insert(2, all[1].clone());
        write_lines(&path, &all);
        out.push(case(
            "credentials-duplicate",
            "A credential listed twice.",
            r,
            Verdict::Invalid(f("duplicate-credential", cred, Some(3)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("cred-blank");
        let path = d(&r).credentials();
        let mut all = lines(&path);
        all.insert(2, String::new());
        write_lines(&path, &all);
        out.push(case(
            "credentials-blank-line",
            "A blank line in a JSON-lines file (§12.2).",
            r,
            Verdict::Invalid(f("readable", cred, Some(3)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("cred-no-newline");
        let path = d(&r).credentials();
        let mut bytes = read(&path);
        bytes.pop();
        std::fs::write(&path, bytes).unwrap();
        out.push(case(
            "credentials-no-final-newline",
            "The last line of a JSON-lines file lacks its LF (§12.2).",
            r,
            Verdict::Invalid(f("readable", cred, Some(5)), vec![]),
        ));
    }
    for (name, about, edit) in [
        (
            "credentials-array-line",
            "A credential line that is an array instead of an object (§12.2); it is the abstaining voter's, so \
             nothing else changes.",
            (|l: &str| {
                let v: Value = serde_json::from_str(l).unwrap();
                serde_json::to_string(&as_array(&v)).unwrap().into_bytes()
            }) as fn(&str) -> Vec<u8>,
        ),
        (
            "credentials-unknown-field",
            "A credential line with a field the spec does not name (§12.2).",
            |l: &str| {
                let mut v: Value = serde_json::from_str(l).unwrap();
                v["voter"] = json!(5);
                serde_json::to_string(&v).unwrap().into_bytes()
            },
        ),
        (
            "credentials-uppercase-hex",
            "A credential in upper-case hex (§2).",
            |l: &str| {
                l.to_uppercase()
                    .replace("\"CREDENTIAL\"", "\"credential\"")
                    .into_bytes()
            },
        ),
        (
            "credentials-not-utf8",
            "A credential line with a byte that is not UTF-8.",
            |l: &str| {
                let mut b = l.as_bytes().to_vec();
                b.insert(b.len() - 2, 0xff);
                b
            },
        ),
    ] {
        let r = base.closed_copy(name);
        let path = d(&r).credentials();
        let line = abstainer_line(base, r.path());
        let mut bytes = Vec::new();
        for (i, l) in lines(&path).iter().enumerate() {
            if i + 1 == line {
                bytes.extend(edit(l));
            } else {
                bytes.extend(l.as_bytes());
            }
            bytes.push(b'\n');
        }
        std::fs::write(&path, bytes).unwrap();
        out.push(case(
            name,
            about,
            r,
            Verdict::Invalid(f("readable", cred, Some(line as u64)), vec![]),
        ));
    }

    // The board's framing and layout.
    let ballots = "ballots.jsonl";
    let tally_findings = || {
        vec![
            f("tally", "tally.json", None),
            f("tally", "tally.json", None),
        ]
    };
    {
        let r = base.closed_copy("ballots-blank");
        let path = d(&r).ballots();
        let mut all = lines(&path);
        all.insert(2, String::new());
        write_lines(&path, &all);
        out.push(case(
            "ballots-blank-line",
            "A blank line between two board entries: refused; the chain goes on over it.",
            r,
            Verdict::Invalid(f("readable", ballots, Some(3)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("ballots-blank-end");
        let path = d(&r).ballots();
        let mut bytes = read(&path);
        bytes.push(b'\n');
        std::fs::write(&path, bytes).unwrap();
        out.push(case(
            "ballots-blank-last-line",
            "An empty line at the end of the board (the file ends with two LFs).",
            r,
            Verdict::Invalid(f("readable", ballots, Some(6)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("ballots-no-newline");
        let path = d(&r).ballots();
        let mut bytes = read(&path);
        bytes.pop();
        std::fs::write(&path, bytes).unwrap();
        out.push(case(
            "ballots-no-final-newline",
            "The board's last line lacks its LF (an interrupted append): refused, the line is still checked.",
            r,
            Verdict::Invalid(f("readable", ballots, Some(5)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("ballots-array");
        edit_line(&d(&r).ballots(), 3, |v| *v = as_array(v));
        out.push(case(
            "ballots-array-line",
            "A board line that is the array of the entry's field values. The entry cannot be read, so the chain \
             cannot be followed over it and the tally no longer matches the readable ballots.",
            r,
            Verdict::Invalid(f("readable", ballots, Some(3)), tally_findings()),
        ));
    }
    {
        let r = base.closed_copy("ballots-nested-array");
        edit_line(&d(&r).ballots(), 3, |v| {
            let sig = as_array(&v["ballot"]["signature"]);
            v["ballot"]["signature"] = sig;
        });
        out.push(case(
            "ballots-nested-array",
            "A ballot whose signature is the array [r, s] instead of the object {r, s}; the tally no longer \
             matches the readable ballots.",
            r,
            Verdict::Invalid(f("readable", ballots, Some(3)), tally_findings()),
        ));
    }
    {
        let r = base.closed_copy("ballots-unknown-field");
        edit_line(&d(&r).ballots(), 3, |v| {
            v["received_at"] = json!("2026-11-29T10:00:00Z")
        });
        out.push(case(
            "ballots-unknown-field",
            "A board line with a field the spec does not name.",
            r,
            Verdict::Invalid(f("readable", ballots, Some(3)), tally_findings()),
        ));
    }

    // Trustee and share files.
    {
        let r = base.closed_copy("trustee-4");
        std::fs::copy(d(&r).trustee(3), d(&r).trustee(4)).unwrap();
        out.push(case(
            "trustee-nonexistent",
            "trustees/trustee-4.json in an election of 3 trustees (§12.1).",
            r,
            Verdict::Invalid(f("key-ceremony", "trustees/trustee-4.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("dealt-01");
        std::fs::copy(d(&r).dealt(1), d(&r).trustees_dir().join("dealt-01.json")).unwrap();
        out.push(case(
            "trustee-file-leading-zero",
            "trustees/dealt-01.json: trustee numbers in file names have no leading zero.",
            r,
            Verdict::Invalid(f("key-ceremony", "trustees/dealt-01.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("share-4");
        std::fs::copy(d(&r).share(1), d(&r).share(4)).unwrap();
        out.push(case(
            "share-nonexistent",
            "shares/share-4.json in an election of 3 trustees.",
            r,
            Verdict::Invalid(f("decryption-share", "shares/share-4.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("complaints-empty");
        std::fs::write(
            d(&r).complaints(2),
            serde_json::to_string_pretty(&json!({"trustee": 2, "complaints": []})).unwrap() + "\n",
        )
        .unwrap();
        out.push(case(
            "complaints-empty",
            "trustees/complaints-2.json with an empty list: a record used for counting has no complaints file \
             at all (§4.4, §12.1).",
            r,
            Verdict::Invalid(f("key-ceremony", "trustees/complaints-2.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("dealt-order");
        edit_json(&d(&r).dealt(1), |v| {
            v["shares"].as_array_mut().unwrap().reverse();
        });
        out.push(case(
            "dealt-unordered",
            "trustees/dealt-1.json holds its shares in decreasing recipient order (§12.3).",
            r,
            Verdict::Invalid(f("key-ceremony", "trustees/dealt-1.json", None), vec![]),
        ));
    }

    // Challenged ballots.
    let challenged = "challenged.jsonl";
    {
        let r = base.closed_copy("challenged-opening");
        edit_line(&d(&r).challenged(), 1, |v| {
            let m = v["opening"]["contests"][0][0]["mark"].as_bool().unwrap();
            v["opening"]["contests"][0][0]["mark"] = json!(!m);
        });
        out.push(case(
            "challenged-bad-opening",
            "A challenged ballot whose revealed mark does not match its ciphertext.",
            r,
            Verdict::Invalid(f("challenged", challenged, Some(1)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("challenged-signature");
        let other: Value = serde_json::from_str(&lines(&d(&r).ballots())[0]).unwrap();
        edit_line(&d(&r).challenged(), 1, |v| {
            v["ballot"]["signature"]["s"] = other["ballot"]["signature"]["s"].clone();
        });
        out.push(case(
            "challenged-bad-signature",
            "A challenged ballot whose credential signature does not hold (§8.1 rule 5).",
            r,
            Verdict::Invalid(f("challenged", challenged, Some(1)), vec![]),
        ));
    }
    {
        let r = base.open_copy("challenged-outsider");
        let (code, _) = generate_credential(ctx.parameters(), &mut rng);
        let key = code.derive_key(ctx.parameters_hash());
        let p = plaintext_from_choices(ctx.manifest(), &choice("a", &[])).unwrap();
        let (ballot, secrets) = encrypt_ballot(&ctx, &key, &p, &mut rng).unwrap();
        append_challenged(r.path(), ballot, secrets.open());
        base.close(r.path(), 9);
        out.push(case(
            "challenged-unknown-credential",
            "A correctly opened and signed challenged ballot whose credential is not in credentials.jsonl.",
            r,
            Verdict::Invalid(f("challenged", challenged, Some(2)), vec![]),
        ));
    }
    {
        let r = base.open_copy("challenged-cast");
        let entry: ChallengedEntry = serde_json::from_str(&lines(&d(&r).challenged())[0]).unwrap();
        append_cast(r.path(), entry.ballot);
        base.close(r.path(), 10);
        out.push(case(
            "challenged-then-cast",
            "The challenged ballot was later cast (ballots.jsonl line 6, counted as voter 4's last ballot): \
             reported at the challenged line.",
            r,
            Verdict::Invalid(f("challenged", challenged, Some(1)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("challenged-twice");
        let path = d(&r).challenged();
        let mut all = lines(&path);
        all.push(all[0].clone());
        write_lines(&path, &all);
        out.push(case(
            "challenged-twice",
            "The same challenged ballot listed twice.",
            r,
            Verdict::Invalid(f("challenged", challenged, Some(2)), vec![]),
        ));
    }

    // The board's content.
    {
        let r = base.open_copy("outsider");
        let (code, _) = generate_credential(ctx.parameters(), &mut rng);
        let key = code.derive_key(ctx.parameters_hash());
        let p = plaintext_from_choices(ctx.manifest(), &choice("b", &["x"])).unwrap();
        append_cast(
            r.path(),
            encrypt_ballot(&ctx, &key, &p, &mut rng).unwrap().0,
        );
        base.close(r.path(), 11);
        out.push(case(
            "ballot-unknown-credential",
            "A valid ballot on the board signed by a credential that is not in the list (and counted by the \
             tally).",
            r,
            Verdict::Invalid(f("unknown-credential", ballots, Some(6)), vec![]),
        ));
    }
    {
        let r = base.closed_copy("replay");
        let first: BoardEntry = serde_json::from_str(&lines(&d(&r).ballots())[0]).unwrap();
        append_cast(r.path(), first.ballot);
        out.push(case(
            "replay",
            "The first ballot appended again at the end of the board, with a correct tracking code; the tally \
             no longer covers the board.",
            r,
            Verdict::Invalid(f("replay", ballots, Some(6)), tally_findings()),
        ));
    }
    {
        let r = base.closed_copy("chain-last-digit");
        edit_line(&d(&r).ballots(), 5, |v| {
            let mut code = v["tracking_code"].as_str().unwrap().to_owned();
            let last = code.pop().unwrap();
            code.push(if last == '0' { '1' } else { '0' });
            v["tracking_code"] = json!(code);
        });
        out.push(case(
            "tracking-code-last-digit",
            "The last entry's tracking code differs from the right one only in its last hex digit; tally.json \
             names the right head.",
            r,
            Verdict::Invalid(
                f("tracking-chain", ballots, Some(5)),
                vec![f("tally", "tally.json", None)],
            ),
        ));
    }

    // Tally and results.
    {
        let r = base.closed_copy("tally-voters");
        edit_json(&d(&r).tally(), |v| {
            let n = v["board"]["voters"].as_u64().unwrap();
            v["board"]["voters"] = json!(n + 1);
        });
        out.push(case(
            "tally-wrong-voters",
            "tally.json claims one voter more than the board has distinct credentials (§12.3).",
            r,
            Verdict::Invalid(f("tally", "tally.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("results-trustees");
        edit_json(&d(&r).results(), |v| v["trustees"] = json!([3, 1]));
        out.push(case(
            "results-trustees-unsorted",
            "results.json lists its trustees as [3, 1]: strictly increasing is required (§12.3).",
            r,
            Verdict::Invalid(f("results", "results.json", None), vec![]),
        ));
    }
    {
        let r = base.closed_copy("results-count");
        edit_json(&d(&r).results(), |v| {
            let n = v["contests"][0]["counts"][1]["count"].as_u64().unwrap();
            v["contests"][0]["counts"][1]["count"] = json!(n + 1);
        });
        out.push(case(
            "results-wrong-count",
            "A published count one higher than the decryption gives.",
            r,
            Verdict::Invalid(f("results", "results.json", None), vec![]),
        ));
    }
    out
}

fn finding_json(f: &Finding) -> Value {
    match f.2 {
        Some(line) => json!({"check": f.0, "file": f.1, "line": line}),
        None => json!({"check": f.0, "file": f.1}),
    }
}

fn expected_json(case: &Case) -> Value {
    let mut v = json!({"about": case.about, "incomplete": case.incomplete});
    match &case.verdict {
        Verdict::Valid => v["verdict"] = json!("valid"),
        Verdict::Unreadable(file) => {
            v["verdict"] = json!("unreadable");
            v["file"] = json!(file);
        }
        Verdict::Invalid(primary, also) => {
            v["verdict"] = json!("invalid");
            v["primary"] = finding_json(primary);
            v["also"] = Value::Array(also.iter().map(finding_json).collect());
        }
    }
    v
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &entry.path(), out);
            } else {
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// Writes the kit (every case's record and expected.json) into `out`.
fn write_kit(out: &Path) {
    let base = base();
    for case in cases(&base) {
        let dir = out.join(case.name);
        copy_dir(case.record.path(), &dir.join("record"));
        std::fs::write(
            dir.join("expected.json"),
            serde_json::to_string_pretty(&expected_json(&case)).unwrap() + "\n",
        )
        .unwrap();
    }
}

#[test]
fn the_committed_kit_is_what_the_generator_writes() {
    let kit = kit_dir();
    if std::env::var_os("SAILAU_WRITE_CONFORMANCE").is_some() {
        for entry in std::fs::read_dir(&kit).into_iter().flatten().flatten() {
            if entry.file_type().unwrap().is_dir() {
                std::fs::remove_dir_all(entry.path()).unwrap();
            }
        }
        write_kit(&kit);
        return;
    }
    let fresh = TempDir::new("kit");
    write_kit(fresh.path());
    let committed: BTreeMap<String, Vec<u8>> = files(&kit)
        .into_iter()
        .filter(|(name, _)| name.contains('/'))
        .collect();
    let generated = files(fresh.path());
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        generated.keys().collect::<Vec<_>>(),
        "the kit's files differ: regenerate with SAILAU_WRITE_CONFORMANCE=1"
    );
    for (name, bytes) in &generated {
        assert!(
            committed.get(name) == Some(bytes),
            "{name} differs from what the generator writes: regenerate with SAILAU_WRITE_CONFORMANCE=1"
        );
    }
}

/// One finding as `(check, file, line)`.
fn key(v: &Value) -> (String, String, Option<u64>) {
    (
        v["check"].as_str().unwrap().to_owned(),
        v["file"].as_str().unwrap().to_owned(),
        v["line"].as_u64(),
    )
}

#[test]
fn the_verifier_reaches_every_verdict_of_the_kit() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(kit_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the kit has {} cases", cases.len());
    for dir in cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expected: Value =
            serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
        let options = VerifyOptions {
            threads: 2,
            allow_incomplete: expected["incomplete"].as_bool().unwrap(),
            ..VerifyOptions::default()
        };
        let result = sailau_record::verify(&dir.join("record"), &options, &NoProgress);
        match expected["verdict"].as_str().unwrap() {
            "valid" => {
                let report = result.unwrap();
                assert!(report.ok(), "{name}: {:#?}", report.findings);
            }
            "unreadable" => {
                let err = result
                    .err()
                    .unwrap_or_else(|| panic!("{name}: should be unreadable"));
                let file = expected["file"].as_str().unwrap();
                assert!(err.to_string().contains(file), "{name}: {err}");
            }
            _ => {
                let report = result.unwrap();
                let mut found: Vec<(String, String, Option<u64>)> = report
                    .findings
                    .iter()
                    .map(|f| (f.check.name().to_owned(), f.file.clone(), f.line))
                    .collect();
                let mut wanted = vec![key(&expected["primary"])];
                wanted.extend(expected["also"].as_array().unwrap().iter().map(key));
                found.sort();
                wanted.sort();
                assert_eq!(found, wanted, "{name}: {:#?}", report.findings);
            }
        }
    }
}
