//! The primaries' election record (`docs/verifiable-voting.md` §12) written page by page: the
//! directory and the streamed zip hold the same files byte for byte, in the zip's layout
//! (`record/…`, the two directories first), on SQLite and PostgreSQL. The zip comes while it is
//! written; a reader that goes away ends the work; a failure midway cuts the archive and says so.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use sailau_app::primaries::online::RecordZip;
use sailau_app::{App, AppError};
use sailau_domain::primaries::CampaignId;

use crate::databases;
use crate::fixture::*;

/// Every chunk of a streamed record, and the error that ended it early, if one did.
async fn chunks_of(mut zip: RecordZip) -> (Vec<Vec<u8>>, Option<AppError>) {
    let mut chunks = Vec::new();
    while let Some(chunk) = zip.next_chunk().await {
        match chunk {
            Ok(c) => chunks.push(c),
            Err(e) => {
                // Nothing follows the error.
                assert!(zip.next_chunk().await.is_none(), "a chunk after the error");
                return (chunks, Some(e));
            }
        }
    }
    (chunks, None)
}

/// Waits until no record is being streamed any more: the reads and the writer's thread of every
/// stream have ended. Fails after 30 s (the work is expected to stop within a page's time).
async fn no_record_streams(app: &App, b: &str) {
    let start = Instant::now();
    while app.record_streams() > 0 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{b}: a record stream is still running"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Whether the local header of the entry `name` in a streamed archive carries a zip64 extra
/// field (header id 1) and the data-descriptor flag (bit 3).
fn local_header_of(zip: &[u8], name: &str) -> (bool, bool) {
    let at = zip
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x03\x04")
        .map(|(i, _)| i)
        .find(|&i| {
            let n = u16::from_le_bytes([zip[i + 26], zip[i + 27]]) as usize;
            zip.get(i + 30..i + 30 + n) == Some(name.as_bytes())
        })
        .unwrap_or_else(|| panic!("no local header for {name}"));
    let flags = u16::from_le_bytes([zip[at + 6], zip[at + 7]]);
    let n = u16::from_le_bytes([zip[at + 26], zip[at + 27]]) as usize;
    let extra = u16::from_le_bytes([zip[at + 28], zip[at + 29]]) as usize;
    let extra = &zip[at + 30 + n..at + 30 + n + extra];
    let zip64 = extra.len() >= 2 && extra[..2] == [1, 0];
    (zip64, flags & 0b1000 != 0)
}

/// Every file under `dir` by its `/`-separated path, and the directories.
fn files_under(dir: &Path) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let (mut files, mut dirs) = (BTreeMap::new(), Vec::new());
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p
                .strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            if p.is_dir() {
                dirs.push(name);
                todo.push(p);
            } else {
                files.insert(name, std::fs::read(&p).unwrap());
            }
        }
    }
    dirs.sort();
    (files, dirs)
}

#[tokio::test]
async fn the_record_directory_and_zip_hold_the_same_bytes() {
    for db in databases::all().await {
        let f = empty_on(db).await;
        let b = f.backend;
        sailau_app::demo::load(&f.app, &|_, _, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let campaign = CampaignId(uuid::Uuid::from_u128(sailau_app::demo_primaries::CAMPAIGN));

        let dir = tempfile::tempdir().unwrap();
        let n = f.app.write_record(&campaign, dir.path()).await.unwrap();
        let (files, dirs) = files_under(dir.path());
        assert_eq!(n, files.len(), "{b}");
        assert_eq!(dirs, ["shares", "trustees"], "{b}");
        for name in [
            "manifest.json",
            "parameters.json",
            "election.json",
            "credentials.jsonl",
            "ballots.jsonl",
            "challenged.jsonl",
            "tally.json",
            "results.json",
        ] {
            assert!(files.contains_key(name), "{b}: {name}");
        }
        let lines = |name: &str| files[name].iter().filter(|c| **c == b'\n').count();
        assert_eq!(
            (lines("ballots.jsonl"), lines("challenged.jsonl")),
            (41, 1),
            "{b}"
        );

        let zip = f.app.record_zip(&campaign).await.unwrap();
        // The first chunk is in hand and the record is still being written: the writer cannot
        // have ended, since the rest of the archive (at least three more chunks, see below) does
        // not fit in the queue of two chunks between it and this reader.
        assert_eq!(f.app.record_streams(), 1, "{b}");
        let (chunks, failed) = chunks_of(zip).await;
        assert!(failed.is_none(), "{b}: {failed:?}");
        assert!(chunks.len() >= 4, "{b}: {} chunks", chunks.len());
        no_record_streams(&f.app, b).await;
        let bytes = chunks.concat();
        // Streamed: each file's sizes follow its data; the line files are zip64 entries.
        assert_eq!(
            local_header_of(&bytes, "record/ballots.jsonl"),
            (true, true),
            "{b}"
        );
        assert_eq!(
            local_header_of(&bytes, "record/credentials.jsonl"),
            (true, true),
            "{b}"
        );
        assert_eq!(
            local_header_of(&bytes, "record/manifest.json"),
            (false, true),
            "{b}"
        );
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names = Vec::new();
        let mut zipped = BTreeMap::new();
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).unwrap();
            let name = e.name().unwrap().into_owned();
            if !e.is_dir() {
                let mut bytes = Vec::new();
                e.read_to_end(&mut bytes).unwrap();
                zipped.insert(name.strip_prefix("record/").unwrap().to_owned(), bytes);
            }
            names.push(name);
        }
        // The entries as they always were: the two directories, then the files in the writer's
        // order (manifest and parameters first, results last).
        assert_eq!(
            names[..3],
            ["record/trustees/", "record/shares/", "record/manifest.json"]
        );
        assert_eq!(
            names.last().map(String::as_str),
            Some("record/results.json")
        );
        assert_eq!(names.len(), files.len() + 2, "{b}");
        assert_eq!(
            zipped.keys().collect::<Vec<_>>(),
            files.keys().collect::<Vec<_>>(),
            "{b}"
        );
        for (name, bytes) in &files {
            assert!(zipped[name] == *bytes, "{b}: {name} differs");
        }

        // A campaign whose ballot is not fixed has no record; nothing is written.
        let none = CampaignId(uuid::Uuid::from_u128(7));
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            f.app.write_record(&none, empty.path()).await,
            Err(AppError::NotFound(..))
        ));
        assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0, "{b}");
        assert!(matches!(
            f.app.record_zip(&none).await,
            Err(AppError::NotFound(..))
        ));
        assert_eq!(f.app.record_streams(), 0, "{b}");
    }
}

/// A reader that goes away after the first chunk ends the record's work: the database reads
/// and the writer's thread stop (nothing keeps running, nothing waits forever), and the next
/// record is whole.
#[tokio::test]
async fn a_reader_gone_midway_ends_the_records_work() {
    for db in databases::all().await {
        let f = empty_on(db).await;
        let b = f.backend;
        sailau_app::demo::load(&f.app, &|_, _, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let campaign = CampaignId(uuid::Uuid::from_u128(sailau_app::demo_primaries::CAMPAIGN));

        let mut zip = f.app.record_zip(&campaign).await.unwrap();
        let first = zip.next_chunk().await.unwrap().unwrap();
        assert!(first.starts_with(b"PK\x03\x04"), "{b}");
        assert_eq!(f.app.record_streams(), 1, "{b}");
        drop(zip);
        no_record_streams(&f.app, b).await;

        // Several readers at once, all gone before their first read.
        let zips = [
            f.app.record_zip(&campaign).await.unwrap(),
            f.app.record_zip(&campaign).await.unwrap(),
            f.app.record_zip(&campaign).await.unwrap(),
        ];
        assert_eq!(f.app.record_streams(), 3, "{b}");
        drop(zips);
        no_record_streams(&f.app, b).await;

        let (chunks, failed) = chunks_of(f.app.record_zip(&campaign).await.unwrap()).await;
        assert!(failed.is_none(), "{b}: {failed:?}");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(chunks.concat())).unwrap();
        for i in 0..archive.len() {
            // Read to its end: the CRC-32 is checked.
            std::io::copy(&mut archive.by_index(i).unwrap(), &mut std::io::sink()).unwrap();
        }
    }
}

/// A record that fails after its first bytes (here a challenged ballot's opening that is no
/// longer JSON, read after every cast ballot was sent) ends its chunks with the error: what came
/// before it is a cut archive that no reader takes for a record.
#[tokio::test]
async fn a_failure_midway_cuts_the_archive_and_says_why() {
    sqlx::any::install_default_drivers();
    for db in databases::all().await {
        let f = empty_on(db).await;
        let b = f.backend;
        sailau_app::demo::load(&f.app, &|_, _, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let campaign = CampaignId(uuid::Uuid::from_u128(sailau_app::demo_primaries::CAMPAIGN));
        let mut c = <sqlx::AnyConnection as sqlx::Connection>::connect(&f.url)
            .await
            .unwrap();
        sqlx::query(
            "UPDATE primaries_board SET opening = 'not an opening' WHERE kind = 'challenged'",
        )
        .execute(&mut c)
        .await
        .unwrap();

        let zip = f.app.record_zip(&campaign).await.unwrap();
        let (chunks, failed) = chunks_of(zip).await;
        assert!(
            matches!(failed, Some(AppError::Storage(_))),
            "{b}: {failed:?}"
        );
        assert!(!chunks.is_empty(), "{b}");
        assert!(
            zip::ZipArchive::new(std::io::Cursor::new(chunks.concat())).is_err(),
            "{b}: the cut archive reads as a zip"
        );
        no_record_streams(&f.app, b).await;

        // The directory as far as it got: the cast ballots are there, the challenged are not.
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            f.app.write_record(&campaign, dir.path()).await,
            Err(AppError::Storage(_))
        ));
        assert!(dir.path().join("ballots.jsonl").exists(), "{b}");
        assert!(!dir.path().join("tally.json").exists(), "{b}");
    }
}
