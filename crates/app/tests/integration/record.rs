//! The primaries' election record (`docs/verifiable-voting.md` §12) written page by page: the
//! directory and the zip hold the same files byte for byte, in the zip's layout (`record/…`, the
//! two directories first), on SQLite and PostgreSQL; the zip's temporary file goes with it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use sailau_app::AppError;
use sailau_domain::primaries::CampaignId;

use crate::databases;
use crate::fixture::*;

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
        let len = zip.len();
        let (file, path) = zip.into_parts();
        let temp = path.to_path_buf();
        assert_eq!(std::fs::metadata(&temp).unwrap().len(), len, "{b}");
        let mut archive = zip::ZipArchive::new(file).unwrap();
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
        drop(archive);
        drop(path);
        assert!(!temp.exists(), "{b}: the temporary zip is removed");

        // A campaign whose ballot is not fixed has no record; nothing is written.
        let none = CampaignId(uuid::Uuid::from_u128(7));
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            f.app.write_record(&none, empty.path()).await,
            Err(AppError::NotFound(_))
        ));
        assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0, "{b}");
        assert!(matches!(
            f.app.record_zip(&none).await,
            Err(AppError::NotFound(_))
        ));
    }
}
