//! Reading generated PDFs back with poppler's command-line tools (Debian's `poppler-utils`,
//! installed by `.ci/run`), as an independent reader would.

use std::io::Write;
use std::process::Command;

fn run(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let path = file.path().to_str().unwrap().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    if tool == "pdftotext" {
        all.push("-");
    }
    let output = Command::new(tool).args(&all).output().unwrap_or_else(|e| {
        panic!("{tool} could not run ({e}): install Debian's poppler-utils (.ci/run does)")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text of the PDF as `pdftotext` extracts it, in reading order (`-layout` keeps lines).
pub fn text(pdf: &[u8]) -> String {
    run("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
}

/// The `pdffonts` table: name, type, encoding, emb, sub, uni.
pub fn fonts(pdf: &[u8]) -> String {
    run("pdffonts", &[], pdf)
}

/// The page count from `pdfinfo`.
pub fn pages(pdf: &[u8]) -> usize {
    run("pdfinfo", &[], pdf)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The positions of `needles` in `haystack`, asserting each is there and they come in order.
pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let Some(at) = haystack[from..].find(needle) else {
            panic!("«{needle}» missing after byte {from} in:\n{haystack}");
        };
        from += at + needle.len();
    }
}
