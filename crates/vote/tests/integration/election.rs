//! A whole small election at the crypto level.

use crate::common::*;
use sailau_vote::*;

#[test]
fn small_election_end_to_end() {
    let mut rng = TestRng::new(b"small-election");
    let s = setup(akim_manifest(5), 5, 3, &mut rng);
    let mut acc = TallyAccumulator::new(&s.ctx);
    let mut expected = [0u64; 6];
    let mut ballots = Vec::new();
    for v in 0..20usize {
        let (code, _) = generate_credential(&s.params, &mut rng);
        let key = code.derive_key(s.ctx.parameters_hash());
        let choice = v % 6;
        expected[choice] += 1;
        let mut marks = vec![false; 6];
        marks[choice] = true;
        let pb = PlaintextBallot {
            contests: vec![marks],
        };
        let (ballot, secrets) = encrypt_ballot(&s.ctx, &key, &pb, &mut rng).unwrap();
        verify_ballot(&s.ctx, &ballot).unwrap();
        let opened = verify_opening(&s.ctx, &ballot, &secrets.open()).unwrap();
        assert_eq!(opened, pb);
        acc.add(&ballot).unwrap();
        ballots.push(ballot);
    }
    verify_ballots_batch(&s.ctx, &ballots, &mut rng).unwrap();
    let tally = acc.finish();
    let shares: Vec<DecryptionShare> = [1usize, 3, 5]
        .iter()
        .map(|&i| decryption_share(&s.ctx, &s.keys[i - 1], &tally, &mut rng).unwrap())
        .collect();
    let table = DlogTable::new(1000).unwrap();
    let result = combine_decryption_shares(&s.ctx, &tally, &shares, &table).unwrap();
    let counts: Vec<u64> = result.contests[0].counts.iter().map(|c| c.count).collect();
    assert_eq!(counts, expected);
    verify_result(&s.ctx, &tally, &shares, &result).unwrap();
}
