//! The operator's subcommands through the real `sailau` binary: `import`, `user`, `ledger` and
//! `serve`, on a SQLite database in a temporary data directory.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sailau(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args(args)
        .args(["--data-dir", dir.to_str().unwrap()])
        .env("SAILAU_LOG", "warn")
        .env_remove("SAILAU_DATABASE_URL")
        .env_remove("SAILAU_LEDGER_KEY")
        .env_remove("SAILAU_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = sailau(dir, args, stdin);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "sailau {args:?} failed ({:?}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn fails(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = sailau(dir, args, stdin);
    assert!(!out.status.success(), "sailau {args:?} should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TERRITORIES: &str = "code,parent_code,kind,name_ru,name_kk,name_en\n\
150000000,,region,Актюбинская область,Ақтөбе облысы,Aktobe Region\n\
154800000,150000000,district,Уилский район,Ойыл ауданы,Uil District\n";
const PRECINCTS: &str = "number,territory_code,address,voters\n\
1,154800000,\"с. Уил, ул. Абая, 1\",1200\n\
2,154800000,с. Уил,800\n";

#[test]
fn import_user_and_ledger_work_on_a_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let t = data.join("territories.csv");
    std::fs::write(&t, TERRITORIES).unwrap();
    let p = data.join("precincts.csv");
    std::fs::write(&p, PRECINCTS).unwrap();

    let out = ok(data, &["import", "territories", t.to_str().unwrap()], None);
    assert!(out.contains("imported 2 rows"), "{out}");
    let out = ok(data, &["import", "precincts", p.to_str().unwrap()], None);
    assert!(
        out.contains("imported 2 rows") && out.contains("ledger size 4"),
        "{out}"
    );

    // A bad file is refused as a whole, naming each line and field; nothing is written.
    let bad = data.join("bad.csv");
    std::fs::write(
        &bad,
        "number,territory_code,address,voters\n3,154800000,x,5\n1,154800000,y,5\n4,999999999,z,5\n",
    )
    .unwrap();
    let err = fails(data, &["import", "precincts", bad.to_str().unwrap()], None);
    assert!(
        err.contains("nothing was imported")
            && err.contains("line 3: number:")
            && err.contains("line 4: territory_code:"),
        "{err}"
    );
    let head: serde_json::Value =
        serde_json::from_str(&ok(data, &["ledger", "head"], None)).unwrap();
    assert_eq!(head["signed_head"]["head"]["size"], 4, "{head}");

    // Accounts: a password from stdin is never printed; a generated one is, once.
    let out = ok(
        data,
        &[
            "user",
            "add",
            "tec.aktobe",
            "--role",
            "territorial_commission",
            "--scope",
            "territory:150000000",
            "--password-stdin",
        ],
        Some("a long enough passphrase\n"),
    );
    assert!(
        out.contains("created tec.aktobe") && !out.contains("passphrase"),
        "{out}"
    );
    let out = ok(data, &["user", "add", "obs1", "--role", "observer"], None);
    assert!(out.contains("password: "), "{out}");
    let err = fails(data, &["user", "add", "x1y", "--role", "king"], None);
    assert!(err.contains("--role"), "{err}");
    let err = fails(
        data,
        &[
            "user",
            "add",
            "short.pw",
            "--role",
            "observer",
            "--password-stdin",
        ],
        Some("short\n"),
    );
    assert!(err.contains("password"), "{err}");
    let out = ok(data, &["user", "list"], None);
    assert!(
        out.contains("tec.aktobe")
            && out.contains("territorial_commission")
            && out.contains("obs1"),
        "{out}"
    );

    // The ledger verifies, also against a head published earlier; a wrong key fails it.
    let published = data.join("head.json");
    std::fs::write(&published, ok(data, &["ledger", "head"], None)).unwrap();
    let out = ok(
        data,
        &["ledger", "verify", "--head", published.to_str().unwrap()],
        None,
    );
    assert!(
        out.contains("ledger OK: 6 entries")
            && out.contains("2 precincts")
            && out.contains("2 accounts"),
        "{out}"
    );
    let other = "11".repeat(32);
    let err = fails(data, &["ledger", "verify", "--public-key", &other], None);
    assert!(
        err.contains("FAILED") || err.contains("public-key"),
        "{err}"
    );
}

pub(crate) fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, text))
}

/// Starts `sailau serve` on `data` at a free port with `extra` arguments; returns the child and
/// the port once the server answers (or panics after 60 s).
pub(crate) fn serving(data: &Path, extra: &[&str]) -> (std::process::Child, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sailau"))
        .args([
            "serve",
            "--data-dir",
            data.to_str().unwrap(),
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .args(extra)
        .env("SAILAU_LOG", "warn")
        .env_remove("SAILAU_DATABASE_URL")
        .env_remove("SAILAU_LEDGER_KEY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if get(port, "/healthz").is_some() {
            return (child, port);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("serve did not answer within 60 s");
}

#[test]
fn serve_answers_pages_and_the_public_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let t = data.join("territories.csv");
    std::fs::write(&t, TERRITORIES).unwrap();
    ok(data, &["import", "territories", t.to_str().unwrap()], None);
    let (mut child, port) = serving(data, &[]);
    let head = get(port, "/api/ledger/head");
    let territory = get(port, "/territories/154800000");
    let _ = child.kill();
    let _ = child.wait();
    let (status, text) = head.unwrap();
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("\"size\":2"), "{text}");
    let (status, text) = territory.unwrap();
    assert_eq!(status, 200);
    assert!(
        text.contains("Уилский район") || text.contains("Ойыл ауданы"),
        "{text}"
    );
    assert!(
        !text.contains("simulated-clock"),
        "a banner on the real clock"
    );
}

#[test]
fn serve_on_a_simulated_clock_says_so_and_never_turns_the_ledger_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let help = ok(data, &["serve", "--help"], None);
    assert!(
        help.contains("--clock-start <INSTANT>")
            && help.contains("FOR TESTS AND DEMONSTRATIONS ONLY"),
        "{help}"
    );
    let t = data.join("territories.csv");
    std::fs::write(&t, TERRITORIES).unwrap();
    ok(data, &["import", "territories", t.to_str().unwrap()], None);
    // The import was recorded now: a clock started in 2023 would write earlier times after it.
    let err = fails(
        data,
        &["serve", "--clock-start", "2023-10-01T10:00:00+06:00"],
        None,
    );
    assert!(
        err.contains("earlier than the ledger's latest entry (no. 1"),
        "{err}"
    );
    let err = fails(data, &["serve", "--clock-start", "1 October 2023"], None);
    assert!(err.contains("2023-10-01T10:00:00+06:00"), "{err}");

    let (mut child, port) = serving(data, &["--clock-start", "2100-01-02T03:04:00+06:00"]);
    let page = get(port, "/territories/154800000?lang=en");
    let _ = child.kill();
    let _ = child.wait();
    let (status, text) = page.unwrap();
    assert_eq!(status, 200, "{text}");
    assert!(
        text.contains("Simulated clock, for tests and demonstrations only")
            && text.contains("time started at 2100-01-01 21:04 UTC"),
        "{text}"
    );
    assert!(text.contains("runs on a simulated clock"), "{text}");
}
