//! The benchmark's synthetic records are valid elections.

use sailau_record::bench::{SyntheticElection, generate};
use sailau_record::{NoProgress, Record};
use sailau_vote::ElectionResult;

use crate::common::{TempDir, verify};

#[test]
fn a_synthetic_record_verifies_and_counts_its_ballots() {
    let dir = TempDir::new("synthetic");
    let record = dir.path().join("record");
    let election = SyntheticElection {
        ballots: 60,
        ..SyntheticElection::default()
    };
    generate(&record, &dir.path().join("secrets"), &election, &NoProgress).unwrap();
    let report = verify(&record);
    assert!(report.ok(), "{:#?}", report.findings);
    assert_eq!(report.summary.ballots, 60);
    let result: ElectionResult =
        sailau_record::jsonl::read_json(&Record::new(&record).dir().results()).unwrap();
    // Voter v marks option 7·v mod 6: ten ballots per option.
    assert!(
        result.contests[0].counts.iter().all(|c| c.count == 10),
        "{result:?}"
    );
}
