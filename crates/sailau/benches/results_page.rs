#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The public unit results page under 100 concurrent connections (issue 12, "Measure" 4), against
//! nginx serving the same bytes as a static file, in the same run on the same loopback.
//!
//! ```sh
//! cargo bench -p sailau --bench results_page      # needs `wrk` and `nginx` on PATH (Debian: wrk, nginx-light)
//! ```
//!
//! It starts `sailau serve --demo` (the demo's certified election of 5 Nov 2023), fetches a unit
//! results page, saves its bytes under an nginx root, starts nginx (auto workers, no access log)
//! on another port, then runs `wrk -t2 -c100 -d10s --latency` against each, and prints requests
//! per second and the 99th percentile of latency. The goal: ≥ 50 % of nginx's requests/s and p99
//! below 20 ms. Without `wrk` or `nginx` it says so and measures nothing.

#[path = "support/http.rs"]
mod http;
use http::{free_port, get};

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn on_path(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

struct Figures {
    rps: f64,
    p99_ms: f64,
}

/// `wrk` against `url`; requests/s and p99 from its report.
fn wrk(url: &str) -> Figures {
    let out = Command::new("wrk")
        .args(["-t2", "-c100", "-d10s", "--latency", url])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let rps = text
        .lines()
        .find(|l| l.starts_with("Requests/sec:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    let p99 = text
        .lines()
        .find(|l| l.trim_start().starts_with("99%"))
        .and_then(|l| l.split_whitespace().nth(1))
        .map(ms)
        .unwrap_or(f64::NAN);
    if text.contains("Non-2xx") {
        panic!("non-2xx answers:\n{text}");
    }
    Figures { rps, p99_ms: p99 }
}

/// `wrk`'s durations (`850.00us`, `3.21ms`, `1.02s`) in milliseconds.
fn ms(v: &str) -> f64 {
    let (n, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
    let n: f64 = n.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => f64::NAN,
    }
}

// The children are killed and waited for at the end.
#[allow(clippy::zombie_processes)]
fn main() {
    if !on_path("wrk") || !on_path("nginx") {
        println!(
            "results page: skipped (needs wrk and nginx on PATH; Debian: apt install wrk nginx-light)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = free_port();
    let started = Instant::now();
    let mut sailau: Child = Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args(["serve", "--demo", "--data-dir", data.to_str().unwrap()])
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .env("SAILAU_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while get(port, "/healthz").map(|r| r.0) != Some(200) {
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the demo did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // A unit's page, found from the election's results page (Uil district).
    let election = "/elections/00000000-0000-0000-0000-000020231105/results";
    let (_, index) = get(port, election).unwrap();
    let index = String::from_utf8_lossy(&index).into_owned();
    let marker = format!("{election}/contests/");
    let at = index
        .find(&marker)
        .expect("a unit link on the results page");
    let end = index[at..].find('"').unwrap();
    let unit = index[at..at + end].to_owned();
    let (status, bytes) = get(port, &unit).unwrap();
    assert_eq!(status, 200, "{unit}");

    let www = dir.path().join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("unit.html"), &bytes).unwrap();
    let nginx_port = free_port();
    let conf = dir.path().join("nginx.conf");
    std::fs::write(
        &conf,
        format!(
            "worker_processes auto;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 1024; }}\n\
             http {{ access_log off; client_body_temp_path {d}; proxy_temp_path {d}; \
             fastcgi_temp_path {d}; uwsgi_temp_path {d}; scgi_temp_path {d};\n\
             server {{ listen 127.0.0.1:{nginx_port}; root {w};\n\
             location / {{ default_type text/html; }} }} }}\n",
            d = dir.path().display(),
            w = www.display(),
        ),
    )
    .unwrap();
    let mut nginx = Command::new("nginx")
        .args([
            "-c",
            conf.to_str().unwrap(),
            "-p",
            dir.path().to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while get(nginx_port, "/unit.html").map(|r| r.0) != Some(200) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(get(nginx_port, "/unit.html").unwrap().1, bytes);

    let ours = wrk(&format!("http://127.0.0.1:{port}{unit}"));
    let theirs = wrk(&format!("http://127.0.0.1:{nginx_port}/unit.html"));
    println!(
        "unit results page ({} bytes), wrk -t2 -c100 -d10s on loopback:\n  \
         sailau: {:.0} requests/s, p99 {:.2} ms\n  \
         nginx (same bytes, static file): {:.0} requests/s, p99 {:.2} ms\n  \
         sailau / nginx: {:.0} %",
        bytes.len(),
        ours.rps,
        ours.p99_ms,
        theirs.rps,
        theirs.p99_ms,
        100.0 * ours.rps / theirs.rps
    );
    let _ = nginx.kill();
    let _ = nginx.wait();
    let _ = sailau.kill();
    let _ = sailau.wait();
}
