//! Records the commit this build comes from, for the footer's source link (AGPL: a server offers
//! its users the source of the version it runs).
//!
//! `SAILAU_BUILD_COMMIT` wins when set (a build from a source archive can name its commit);
//! otherwise `git rev-parse HEAD` of the checkout; otherwise `unknown` (not in a git checkout or
//! no git on the machine). A checkout with uncommitted changes gets `-modified`.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn main() {
    println!("cargo:rerun-if-env-changed=SAILAU_BUILD_COMMIT");
    let commit = match std::env::var("SAILAU_BUILD_COMMIT") {
        Ok(c) if !c.trim().is_empty() => c.trim().to_owned(),
        _ => match git(&["rev-parse", "HEAD"]) {
            Some(head) => {
                // Rebuild when HEAD moves (a commit, a checkout) in this checkout or worktree.
                for path in ["HEAD", "logs/HEAD"] {
                    if let Some(p) = git(&["rev-parse", "--git-path", path]) {
                        println!("cargo:rerun-if-changed={p}");
                    }
                }
                let modified = git(&["status", "--porcelain", "--untracked-files=no"])
                    .is_some_and(|s| !s.is_empty());
                if modified {
                    format!("{head}-modified")
                } else {
                    head
                }
            }
            None => "unknown".to_owned(),
        },
    };
    println!("cargo:rustc-env=SAILAU_COMMIT={commit}");
}
