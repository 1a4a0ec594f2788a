//! Streaming files: errors name the file and the line.

use sailau_record::RecordError;
use sailau_record::format::CredentialLine;
use sailau_record::jsonl::{JsonLines, JsonLinesWriter, count_lines, last_line, read_line_at};
use sailau_record::spec::ElectionSpec;

use crate::common::TempDir;

#[test]
fn json_lines_round_trip_with_line_numbers_and_offsets() {
    let dir = TempDir::new("jsonl");
    let path = dir.path().join("x.jsonl");
    let mut w = JsonLinesWriter::create(&path).unwrap();
    for i in 0..5u32 {
        w.write(&serde_json::json!({ "i": i })).unwrap();
    }
    w.finish().unwrap();
    assert_eq!(count_lines(&path).unwrap(), 5);
    let lines: Vec<_> = JsonLines::<serde_json::Value>::open(&path)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[3].line, 4);
    let v: serde_json::Value = read_line_at(&path, lines[3].offset, 4).unwrap();
    assert_eq!(v["i"], 3);
    assert_eq!(last_line(&path).unwrap().unwrap(), "{\"i\":4}");
}

#[test]
fn a_bad_line_is_named_by_file_and_number() {
    let dir = TempDir::new("jsonl-bad");
    let path = dir.path().join("credentials.jsonl");
    std::fs::write(&path, "{\"credential\":\"e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76\"}\n\n{oops}\n").unwrap();
    let results: Vec<_> = JsonLines::<CredentialLine>::open(&path).unwrap().collect();
    assert!(results[0].is_ok());
    // A blank line is refused (spec §12.2), and counts in the line numbers.
    match &results[1] {
        Err(e @ RecordError::Malformed { line: 2, .. }) => {
            assert!(
                e.to_string().contains("credentials.jsonl:2: blank line"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
    match &results[2] {
        Err(e @ RecordError::JsonLine { line: 3, .. }) => {
            assert!(e.to_string().contains("credentials.jsonl:3"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn spec_in_toml() {
    let text = r#"
election_id = "akim-almaty-2025"
title = "Akim"
trustees = 5
threshold = 3

[[contests]]
id = "akim"
against_all = true
options = ["A", { id = "b", label = "B" }]
"#;
    let spec = ElectionSpec::parse("e.toml", text).unwrap();
    let (manifest, parameters) = spec.build().unwrap();
    assert_eq!(parameters.threshold, 3);
    let ids: Vec<&str> = manifest.contests[0]
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["1", "b", "against-all"]);
    assert!(ElectionSpec::parse("e.toml", "trustees = 5").is_err());
}

#[test]
fn serde_messages_name_json_shapes_not_rust_types() {
    use sailau_record::strict::plain_message;
    assert_eq!(
        plain_message("invalid length 0, expected struct CeremonyRestart with 1 element"),
        "invalid length 0, expected an object"
    );
    assert_eq!(
        plain_message("invalid type: sequence, expected struct Finalized at line 1 column 5"),
        "invalid type: sequence, expected an object"
    );
    assert_eq!(
        plain_message("invalid type: string \"x\", expected enum Kind with 2 elements"),
        "invalid type: string \"x\", expected one of the values"
    );
    assert_eq!(
        plain_message("unknown field `voter`, expected `ballot` or `kind`"),
        "unknown field `voter`, expected `ballot` or `kind`"
    );
    assert_eq!(plain_message("a struct of its own"), "a struct of its own");
}
