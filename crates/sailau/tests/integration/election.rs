//! A small verifiable election run through the real `sailau` binary, then tampered with.

use std::path::Path;
use std::process::{Command, Output};

fn sailau(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args(args)
        .current_dir(dir)
        .env_remove("SAILAU_RECORD")
        .env_remove("SAILAU_CREDENTIAL")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = sailau(dir, args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "sailau {args:?} failed ({:?}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = sailau(dir, args);
    assert!(!out.status.success(), "sailau {args:?} should fail");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_small_election_end_to_end_then_tampered() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("election.toml"),
        r#"
election_id = "akim-test"
title = "Выборы акима"
trustees = 3
threshold = 2

[[contests]]
id = "akim"
title = "Аким"
against_all = true
options = ["Айгерім", "Берік", "Гүлнар"]
"#,
    )
    .unwrap();
    ok(
        dir,
        &[
            "election",
            "init",
            "--record",
            "rec",
            "--spec",
            "election.toml",
        ],
    );
    for i in ["1", "2", "3"] {
        let secret = format!("trustee-{i}.json");
        ok(
            dir,
            &[
                "trustee", "keygen", "-r", "rec", "--index", i, "--secret", &secret,
            ],
        );
    }
    for step in ["share", "finalize"] {
        for i in ["1", "2", "3"] {
            let secret = format!("trustee-{i}.json");
            ok(dir, &["trustee", step, "-r", "rec", "--secret", &secret]);
        }
    }
    assert!(dir.join("rec/election.json").exists());
    ok(
        dir,
        &[
            "credentials",
            "generate",
            "-r",
            "rec",
            "--count",
            "6",
            "--out-dir",
            "voters",
        ],
    );
    // The record holds only public credentials; the codes are in the voters' files.
    let public = std::fs::read_to_string(dir.join("rec/credentials.jsonl")).unwrap();
    let code1 = std::fs::read_to_string(dir.join("voters/voter-000001.txt")).unwrap();
    assert!(!public.contains(code1.trim()));

    // Voters 1..5 vote; 6 abstains. Voter 2 challenges first, voter 4 changes its mind.
    let choices = ["1", "2", "Гүлнар", "against-all", "akim=1"];
    let mut files = Vec::new();
    for (v, choice) in choices.iter().enumerate() {
        let voter = format!("voters/voter-00000{}.txt", v + 1);
        let out = format!("b{}.json", v + 1);
        let printed = ok(
            dir,
            &[
                "vote",
                "-r",
                "rec",
                "--credential",
                &voter,
                "--choice",
                choice,
                "--out",
                &out,
            ],
        );
        assert!(printed.contains("ballot fingerprint: "), "{printed}");
        files.push(out);
    }
    let challenged = ok(
        dir,
        &[
            "vote",
            "-r",
            "rec",
            "--credential",
            "voters/voter-000002.txt",
            "--choice",
            "3",
            "--challenge",
            "--out",
            "c2.json",
        ],
    );
    assert!(challenged.contains("opens to akim=3"), "{challenged}");
    let mut args = vec!["board", "append", "-r", "rec", "c2.json"];
    args.extend(files.iter().map(String::as_str));
    let appended = ok(dir, &args);
    assert_eq!(
        appended.matches("accepted: tracking code").count(),
        5,
        "{appended}"
    );
    let revote = ok(
        dir,
        &[
            "vote",
            "-r",
            "rec",
            "--credential",
            "voters/voter-000004.txt",
            "--choice",
            "2",
            "--submit",
        ],
    );
    assert!(
        revote.contains("replaces this credential's earlier ballot"),
        "{revote}"
    );
    // The board refuses a replay and names the reason.
    let refused = fails(dir, &["board", "append", "-r", "rec", "b1.json"]);
    assert!(refused.contains("replay"), "{refused}");
    // A challenged ballot can never be cast: refused as challenged, not as a replay.
    let mut cast: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("c2.json")).unwrap()).unwrap();
    cast["kind"] = "cast".into();
    cast.as_object_mut().unwrap().remove("opening");
    std::fs::write(dir.join("c2-cast.json"), cast.to_string() + "\n").unwrap();
    let refused = fails(dir, &["board", "append", "-r", "rec", "c2-cast.json"]);
    assert!(refused.contains("was challenged"), "{refused}");
    assert!(!refused.contains("replay"), "{refused}");
    // A blank ballot's error names the contest by its id.
    let blank = fails(
        dir,
        &[
            "vote",
            "-r",
            "rec",
            "--credential",
            "voters/voter-000006.txt",
            "--choice",
            "akim=",
            "--out",
            "blank.json",
        ],
    );
    assert!(
        blank.contains("contest \"akim\": no option is marked, exactly 1 must be marked"),
        "{blank}"
    );
    assert_eq!(blank.matches("no option is marked").count(), 1, "{blank}");

    ok(dir, &["verify", "rec", "--incomplete"]);
    let tallied = ok(dir, &["tally", "-r", "rec"]);
    assert!(
        tallied.contains("tallied 5 ballots of 5 voters (1 superseded"),
        "{tallied}"
    );
    ok(
        dir,
        &[
            "trustee",
            "decrypt",
            "-r",
            "rec",
            "--secret",
            "trustee-3.json",
        ],
    );
    ok(
        dir,
        &[
            "trustee",
            "decrypt",
            "-r",
            "rec",
            "--secret",
            "trustee-1.json",
        ],
    );
    let nine = fails(dir, &["combine", "-r", "rec", "--trustees", "2,9"]);
    assert!(nine.contains("there is no trustee 9"), "{nine}");
    let results = ok(dir, &["combine", "-r", "rec"]);
    assert!(results.contains("ballots counted: 5"), "{results}");

    assert_eq!(
        sailau(dir, &["verify", "no-such-record"]).status.code(),
        Some(2)
    );
    let verified = ok(dir, &["verify", "rec"]);
    assert!(verified.contains("OK: everything holds"), "{verified}");
    assert!(
        verified.contains("ballots: 6 cast by 5 voters (1 superseded by a re-vote), 1 challenged"),
        "{verified}"
    );

    // The record as a campaign's page offers it, a zip with everything under `record/`: verified
    // as it is; its parent directory points at the record inside; a file that is no zip is
    // refused as such.
    zip_dir(&dir.join("rec"), &dir.join("rec.zip"), "record");
    let verified = ok(dir, &["verify", "rec.zip"]);
    assert!(verified.contains("OK: everything holds"), "{verified}");
    std::fs::create_dir_all(dir.join("download")).unwrap();
    std::fs::rename(dir.join("rec"), dir.join("download/record")).unwrap();
    let parent = fails(dir, &["verify", "download"]);
    assert!(
        parent.contains("holds one: verify that directory"),
        "{parent}"
    );
    std::fs::rename(dir.join("download/record"), dir.join("rec")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a record").unwrap();
    let not_zip = fails(dir, &["verify", "notes.txt"]);
    assert!(
        not_zip.contains("neither an election record directory nor its zip"),
        "{not_zip}"
    );

    // Counts: Айгерім 2 (voters 1, 5), Берік 2 (voters 2 and 4's re-vote), Гүлнар 1, against all 0.
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("rec/results.json")).unwrap())
            .unwrap();
    let counts: Vec<u64> = r["contests"][0]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [2, 2, 1, 0]);

    // Tamper with a published count: verification fails and says why.
    let mut bad = r.clone();
    bad["contests"][0]["counts"][2]["count"] = 2.into();
    std::fs::write(
        dir.join("rec/results.json"),
        serde_json::to_string_pretty(&bad).unwrap(),
    )
    .unwrap();
    let failed = fails(dir, &["verify", "rec"]);
    assert!(
        failed.contains("results.json: [results] wrong published count"),
        "{failed}"
    );
    assert!(failed.contains("FAILED"), "{failed}");
    std::fs::write(
        dir.join("rec/results.json"),
        serde_json::to_string_pretty(&r).unwrap(),
    )
    .unwrap();
    ok(dir, &["verify", "rec"]);

    // Tamper with a ballot on the board: the verifier names the line and the reason.
    let board = std::fs::read_to_string(dir.join("rec/ballots.jsonl")).unwrap();
    let mut lines: Vec<String> = board.lines().map(str::to_owned).collect();
    let mut entry: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
    let other = entry["ballot"]["contests"][0]["selections"][1]["alpha"].clone();
    entry["ballot"]["contests"][0]["selections"][0]["alpha"] = other;
    lines[1] = serde_json::to_string(&entry).unwrap();
    std::fs::write(dir.join("rec/ballots.jsonl"), lines.join("\n") + "\n").unwrap();
    let failed = fails(dir, &["verify", "rec", "--threads", "1"]);
    assert!(
        failed.contains("ballots.jsonl:2: [ballot-proof]"),
        "{failed}"
    );
    assert!(failed.contains("altered ciphertext"), "{failed}");
    assert!(
        failed.contains("ballots.jsonl:2: [tracking-chain]"),
        "{failed}"
    );
}

#[test]
fn help_lists_the_election_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let help = ok(tmp.path(), &["--help"]);
    for cmd in [
        "election",
        "trustee",
        "credentials",
        "vote",
        "board",
        "tally",
        "combine",
        "verify",
        "bench-verify",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from --help:\n{help}");
    }
}

/// Every record of the conformance kit (crates/vote/tests/vectors/conformance) through `sailau verify`: the exit
/// status says valid (0), invalid (1) or unreadable (2), and the expected finding is printed with its check.
#[test]
fn sailau_verify_passes_the_conformance_kit() {
    let kit = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vote/tests/vectors/conformance");
    let mut cases: Vec<_> = std::fs::read_dir(&kit)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let record = case.join("record");
        let mut args = vec!["verify", record.to_str().unwrap(), "--threads", "1"];
        if expected["incomplete"].as_bool().unwrap() {
            args.push("--incomplete");
        }
        let out = sailau(&case, &args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        match expected["verdict"].as_str().unwrap() {
            "valid" => assert_eq!(out.status.code(), Some(0), "{name}: {text}"),
            "unreadable" => {
                assert_eq!(out.status.code(), Some(2), "{name}: {text}");
                let file = expected["file"].as_str().unwrap();
                assert_eq!(
                    text.matches(file).count(),
                    1,
                    "{name}: printed once: {text}"
                );
            }
            _ => {
                assert_eq!(out.status.code(), Some(1), "{name}: {text}");
                let p = &expected["primary"];
                let place = match p["line"].as_u64() {
                    Some(line) => format!("{}:{line}", p["file"].as_str().unwrap()),
                    None => p["file"].as_str().unwrap().to_owned(),
                };
                let shown = format!("{place}: [{}]", p["check"].as_str().unwrap());
                assert!(text.contains(&shown), "{name}: {shown} not in {text}");
            }
        }
    }
}

/// Packs directory `from` into the zip `to`, every entry under `prefix/`.
fn zip_dir(from: &Path, to: &Path, prefix: &str) {
    fn add(z: &mut zip::ZipWriter<std::fs::File>, dir: &Path, name: &str) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let inner = format!("{name}/{}", e.file_name().to_string_lossy());
            if e.file_type().unwrap().is_dir() {
                add(z, &e.path(), &inner);
            } else {
                z.start_file(inner, zip::write::SimpleFileOptions::default())
                    .unwrap();
                std::io::Write::write_all(z, &std::fs::read(e.path()).unwrap()).unwrap();
            }
        }
    }
    let mut z = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    add(&mut z, from, prefix);
    z.finish().unwrap();
}
