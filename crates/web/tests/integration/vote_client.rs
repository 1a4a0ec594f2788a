//! The browser client of the verifiable ballot (issue 14 §4): served by sailau itself (no
//! outside network) byte for byte as committed, and — when Node is installed, as `.ci/run`
//! ensures — checked against the committed test vectors of `crates/vote/tests/vectors` by its
//! own test suite (`crates/web/assets/vote/tests/`), which reproduces the Rust client's ballots
//! byte for byte.

use std::path::PathBuf;
use std::process::Command;

use axum::http::StatusCode;

use crate::common::TestApp;

fn assets() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/vote")
}

#[tokio::test]
async fn the_client_and_its_libraries_are_served_from_sailau() {
    let t = TestApp::sqlite().await;
    for file in ["sailau-vote.js", "noble.js"] {
        let r = t.get(&format!("/assets/{file}")).await;
        assert_eq!(r.status, StatusCode::OK, "{file}");
        assert_eq!(
            r.header("content-type"),
            Some("text/javascript; charset=utf-8"),
            "{file}"
        );
        let committed = std::fs::read(assets().join(file)).unwrap();
        assert_eq!(r.bytes, committed, "{file} is served as committed");
        assert!(
            !r.body.contains("https://cdn") && !r.body.contains("from \"http"),
            "{file} loads nothing from outside"
        );
    }
    let client = t.get("/assets/sailau-vote.js").await.body;
    assert!(client.contains("from \"./noble.js\"") || client.contains("from './noble.js'"));
}

#[test]
fn the_client_reproduces_the_committed_vectors_under_node() {
    let Ok(out) = Command::new("node").arg("--version").output() else {
        eprintln!(
            "SKIPPED: node is not installed (.ci/run installs it); the JavaScript client was not checked"
        );
        return;
    };
    assert!(out.status.success());
    let out = Command::new("node")
        .arg("--test")
        .arg("tests/")
        .current_dir(assets())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node --test failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("# fail 0"), "{text}");
}
