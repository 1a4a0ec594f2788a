//! How the installation's commands behave towards the user: read-only commands create nothing,
//! a closed pipe ends quietly, messages are sentences rather than Rust's debug notation.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn sailau(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sailau"));
    c.current_dir(dir)
        .env_remove("SAILAU_DATA_DIR")
        .env_remove("SAILAU_DATABASE_URL")
        .env_remove("SAILAU_LEDGER_KEY")
        .env("SAILAU_LOG", "warn");
    c
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn read_only_commands_create_no_files() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["user", "list"][..],
        &["ledger", "head"],
        &["ledger", "verify"],
    ] {
        let out = sailau(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            stderr.starts_with("error: ")
                && !stderr.contains("Os {")
                && !stderr.contains("Error {"),
            "{args:?}: {stderr}"
        );
        assert!(
            entries(dir.path()).is_empty(),
            "{args:?} created {:?}",
            entries(dir.path())
        );
    }
    let out = sailau(dir.path())
        .args(["user", "list", "--database-url", "mysql://u:secret@h/db"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("secret"), "{stderr}");
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["alpha", "bravo", "charlie"] {
        let out = sailau(dir.path())
            .args(["user", "add", name, "--role", "observer"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for args in [&["ledger", "head"][..], &["user", "list"]] {
        let mut child = sailau(dir.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the command writes.
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(status.success(), "{args:?}: {status:?} {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
