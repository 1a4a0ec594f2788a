//! `sailau export` and `sailau audit results` through the real binary (issue 12 §7–8): the demo
//! with protocols in one unit, served by `sailau serve`; the audit reads the public ledger and
//! the published results over HTTP and agrees; the same audit on a saved copy with one protocol
//! entry changed names the entry and the numbers it moves, and fails.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sailau_app::{Acting, App, Clock, Config};
use sailau_domain::elections::protocol::{EnterProtocol, ProtocolNumbers};
use sailau_domain::{Command as Cmd, LedgerEntry};
use serde_json::Value;

use crate::admin::{get, serving};

struct FixedClock(AtomicI64);

impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args(args)
        .env("SAILAU_LOG", "warn")
        .env_remove("SAILAU_DATABASE_URL")
        .env_remove("SAILAU_LEDGER_KEY")
        .env_remove("SAILAU_DATA_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Balanced numbers: half the list votes, the first candidate leads.
fn numbers(voters: u64, candidates: &[u32]) -> ProtocolNumbers {
    let issued = voters / 2;
    let mut rest = issued - 3;
    let mut lines = std::collections::BTreeMap::new();
    if let Some((first, others)) = candidates.split_first() {
        for n in others {
            let share = rest / (candidates.len() as u64 + 1);
            lines.insert(*n, share);
            rest -= share;
        }
        lines.insert(*first, rest);
        rest = 0;
    }
    let f = |k: &str, v: u64| (k.to_owned(), v);
    ProtocolNumbers {
        fields: [
            f("voters_on_list", voters),
            f("ballots_received", issued + 10),
            f("issued_inside", issued),
            f("issued_outside", 0),
            f("issued_absentee", 0),
            f("cancelled", 10),
            f("found_in_boxes", issued),
            f("invalid", 1),
            f("against_all", 2 + rest),
        ]
        .into_iter()
        .collect(),
        candidates: lines,
    }
}

/// The demo in `data`, with a protocol in every precinct of its first unit; returns the
/// election's id, the first unit's KATO code and its first candidate's number.
async fn demo_with_protocols(data: &Path) -> (String, String, u32) {
    let app = App::open(&Config {
        database_url: format!("sqlite:{}", data.join("sailau.db").display()),
        ledger_key_path: data.join("ledger.key"),
    })
    .await
    .unwrap();
    sailau_app::demo::load(&app, &|_, _, _| {}).await.unwrap();
    let head = app.signed_head().await.unwrap();
    let last = app
        .ledger_entries(head.head.size - 1, head.head.size)
        .await
        .unwrap()[0]
        .at_ms;
    let after = "2024-01-15T06:00:00Z"
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_millisecond();
    let app = app.with_clock(Arc::new(FixedClock(AtomicI64::new(last.max(after) + 1000))));
    // The repeat election, whose protocols the demo leaves to be entered.
    let election = sailau_app::demo_election_day::REPEAT_ELECTION;
    let r = app.compute_results(&election).await.unwrap();
    let unit = &r.units[0];
    let nums: Vec<u32> = unit.candidates.iter().map(|c| c.number).collect();
    for p in &unit.precincts {
        app.execute(
            &Acting::Operator,
            EnterProtocol {
                election,
                precinct: p.precinct.clone(),
                numbers: numbers(u64::from(p.voters), &nums),
            },
        )
        .await
        .unwrap();
    }
    (election.to_string(), unit.unit.code.to_string(), nums[0])
}

fn body(answer: Option<(u16, String)>) -> Value {
    let (status, text) = answer.unwrap();
    assert_eq!(status, 200, "{text}");
    let body = text.split_once("\r\n\r\n").unwrap().1;
    serde_json::from_str(body).unwrap()
}

#[test]
fn audit_results_agrees_with_a_live_server_and_names_a_changed_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (election, unit, first) = rt.block_on(demo_with_protocols(&data));
    drop(rt);
    let data_dir = data.to_str().unwrap();

    // `sailau export nist-results` writes the document of the public URL.
    let out = run(&[
        "export",
        "nist-results",
        "--election",
        &election,
        "--data-dir",
        data_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let mut exported: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exported["@type"], "ElectionResults.ElectionReport");
    let out = run(&["export", "nist-events", "--data-dir", data_dir]);
    assert!(out.status.success(), "{}", text(&out));
    let events: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(events["@type"], "EventLogging.ElectionEventLog");

    let (mut child, port) = serving(&data, &[]);
    let mut public = body(get(
        port,
        &format!("/elections/{election}/results/nist.json"),
    ));
    let api = body(get(
        port,
        &format!("/api/v1/elections/{election}/results/nist"),
    ));
    let openapi = body(get(port, "/api/openapi.json"));
    let server = format!("http://127.0.0.1:{port}");
    let copy = dir.path().join("copy.json");
    let live = run(&[
        "audit",
        "results",
        "--ledger",
        &server,
        "--election",
        &election,
        "--save",
        copy.to_str().unwrap(),
    ]);
    let _ = child.kill();
    let _ = child.wait();

    for doc in [&mut exported, &mut public] {
        doc["GeneratedDate"] = Value::Null;
    }
    assert_eq!(
        exported, public,
        "the CLI and the public URL give one document"
    );
    assert_eq!(api["@type"], "ElectionResults.ElectionReport");
    for path in [
        "/api/v1/elections/{id}/results",
        "/api/v1/elections/{id}/results/nist",
        "/api/v1/elections/{id}/results/statistics",
        "/api/v1/elections/{id}/results/precincts.xlsx",
        "/api/ledger/nist-events",
    ] {
        assert!(
            openapi["paths"].get(path).is_some(),
            "{path} not in the OpenAPI document"
        );
    }

    let said = text(&live);
    assert!(live.status.success(), "{said}");
    assert!(said.contains("audit OK"), "{said}");
    assert!(
        said.contains("agree with the recomputation in every number"),
        "{said}"
    );
    assert!(
        said.contains(&format!("unit {unit}: №{first} elected (complete)")),
        "{said}"
    );

    // The saved copy audits offline, then one protocol entry of it is changed (votes moved
    // from №1 to №2, still balanced): the audit names the entry and each number it moves.
    let offline = run(&["audit", "results", "--ledger", copy.to_str().unwrap()]);
    assert!(offline.status.success(), "{}", text(&offline));
    let mut saved: Value = serde_json::from_str(&std::fs::read_to_string(&copy).unwrap()).unwrap();
    let entries = saved["entries"].as_array_mut().unwrap();
    let (index, entry) = entries
        .iter_mut()
        .enumerate()
        .rev()
        .find(|(_, e)| {
            e["canonical"]
                .as_str()
                .unwrap()
                .contains("\"enter_protocol\"")
        })
        .unwrap();
    let mut decoded =
        LedgerEntry::decode_canonical(entry["canonical"].as_str().unwrap().as_bytes()).unwrap();
    let Cmd::EnterProtocol(c) = &mut decoded.command else {
        panic!("not a protocol")
    };
    let keys: Vec<u32> = c.numbers.candidates.keys().copied().collect();
    let (a, b) = (keys[0], keys[1]);
    let one = c.numbers.candidates[&a];
    let two = c.numbers.candidates[&b];
    c.numbers.candidates.insert(a, one - 7);
    c.numbers.candidates.insert(b, two + 7);
    let precinct = c.precinct.to_string();
    entry["canonical"] = String::from_utf8(decoded.encode().unwrap()).unwrap().into();
    let tampered = dir.path().join("tampered.json");
    std::fs::write(&tampered, saved.to_string()).unwrap();
    let out = run(&["audit", "results", "--ledger", tampered.to_str().unwrap()]);
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains(&format!("FAULT: entry {index} was changed")),
        "{said}"
    );
    assert!(said.contains("Merkle root"), "{said}");
    for at in [
        format!(
            "precinct {precinct}: counts.votes.{a}: the ledger gives {}, the published results say {one}",
            one - 7
        ),
        format!(
            "precinct {precinct}: counts.votes.{b}: the ledger gives {}, the published results say {two}",
            two + 7
        ),
        format!("result.totals.votes.{a}"),
    ] {
        assert!(said.contains(&at), "{at} not named:\n{said}");
    }
    assert!(said.contains("audit FAILED"), "{said}");
}
