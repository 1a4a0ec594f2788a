#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Cold start to first page and resident memory of the demo server.
//!
//! `cargo bench -p sailau --bench serve` starts `sailau serve --demo` (a fresh demo database every
//! time: migrations, 1,567 ledger commands, 7 argon2 hashes), measures the time until `GET /`
//! answers 200, then the time to first page of a warm restart on an existing database, then
//! the resident memory after 200 page views.

#[path = "support/http.rs"]
mod http;
use http::{free_port, get};

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

// The child is returned to the caller, which kills and waits for it.
#[allow(clippy::zombie_processes)]
fn start(args: &[&str], port: u16) -> (Child, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args(args)
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .env("SAILAU_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if get(port, "/").map(|r| r.0) == Some(200) {
            return (child, started.elapsed());
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no first page in 120 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_owned();

    let port = free_port();
    let (mut demo, cold) = start(&["serve", "--demo", "--data-dir", &data], port);
    for path in [
        "/",
        "/territories",
        "/territories/155200000",
        "/ledger",
        "/parties",
        "/api/ledger/head",
    ]
    .iter()
    .cycle()
    .take(200)
    {
        get(port, path);
    }
    let rss = rss_kib(demo.id());
    demo.kill().unwrap();
    demo.wait().unwrap();
    println!(
        "demo server: first page {} ms after start (fresh demo database loaded); resident memory after 200 pages: {:.1} MiB",
        cold.as_millis(),
        rss as f64 / 1024.0
    );

    // A restart on the existing demo database file, without reloading it.
    let url = format!("sqlite:{data}/demo.db");
    let key = format!("{data}/demo-ledger.key");
    let port = free_port();
    let (mut warm, took) = start(
        &[
            "serve",
            "--database-url",
            &url,
            "--ledger-key",
            &key,
            "--data-dir",
            &data,
        ],
        port,
    );
    let rss = rss_kib(warm.id());
    warm.kill().unwrap();
    warm.wait().unwrap();
    println!(
        "existing database: first page {} ms after start; resident memory {:.1} MiB",
        took.as_millis(),
        rss as f64 / 1024.0
    );
}
