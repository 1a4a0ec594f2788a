//! Property tests: random tree sizes up to ~300 against the RFC's recursive definitions.

use proptest::prelude::*;
use sailau_ledger::{
    Frontier, Hash, Tree, consistency_proof, consistency_proof_len, inclusion_proof,
    inclusion_proof_len, leaf_hash, root, verify_consistency, verify_inclusion,
};

use crate::reference;

fn leaves(n: usize, salt: u64) -> Vec<Hash> {
    (0..n as u64)
        .map(|i| leaf_hash(format!("entry {salt}/{i}").as_bytes()))
        .collect()
}

/// Flips bit `bit` (0..256) of a hash.
fn flip(hash: &mut Hash, bit: usize) {
    hash[bit / 8] ^= 1 << (bit % 8);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every leaf of a random tree has an inclusion proof that equals the RFC's PATH,
    /// has the predicted length and verifies.
    #[test]
    fn every_inclusion_proof_verifies(size in 1usize..=300, salt in any::<u64>()) {
        let d = leaves(size, salt);
        let tree = Tree::from_leaves(d.clone());
        let r = root(&d);
        prop_assert_eq!(r, reference::mth(&d));
        prop_assert_eq!(tree.root(), r);
        for index in 0..size {
            let proof = tree.inclusion_proof(index as u64, size as u64).unwrap();
            prop_assert_eq!(&proof, &reference::path(index, &d));
            prop_assert_eq!(proof.len(), inclusion_proof_len(index as u64, size as u64));
            verify_inclusion(&d[index], index as u64, size as u64, &proof, &r).unwrap();
        }
    }

    /// Proofs for a past size, taken from a bigger tree, equal the RFC's PATH on the prefix.
    #[test]
    fn historical_inclusion_proofs(total in 1usize..=300, salt in any::<u64>(), a in any::<u64>(), b in any::<u64>()) {
        let d = leaves(total, salt);
        let tree = Tree::from_leaves(d.clone());
        let size = 1 + (a as usize) % total;
        let index = (b as usize) % size;
        let proof = tree.inclusion_proof(index as u64, size as u64).unwrap();
        prop_assert_eq!(&proof, &reference::path(index, &d[..size]));
        prop_assert_eq!(&proof, &inclusion_proof(&d, index as u64, size as u64).unwrap());
        let r = tree.root_at(size as u64).unwrap();
        prop_assert_eq!(r, reference::mth(&d[..size]));
        verify_inclusion(&d[index], index as u64, size as u64, &proof, &r).unwrap();
    }

    /// Random pairs of sizes up to 300, generated from the plain leaf slice.
    #[test]
    fn random_consistency_pairs(total in 1usize..=300, salt in any::<u64>(), a in any::<u64>(), b in any::<u64>()) {
        let d = leaves(total, salt);
        let second = 1 + (a as usize) % total;
        let first = 1 + (b as usize) % second;
        let proof = consistency_proof(&d, first as u64, second as u64).unwrap();
        prop_assert_eq!(&proof, &reference::proof(first, &d[..second]));
        let (r1, r2) = (root(&d[..first]), root(&d[..second]));
        verify_consistency(first as u64, second as u64, &r1, &r2, &proof).unwrap();
    }

    /// The frontier's root equals root(leaves) at every size, and its encoding round-trips.
    #[test]
    fn frontier_root_at_every_size(size in 0usize..=300, salt in any::<u64>()) {
        let d = leaves(size, salt);
        let tree = Tree::from_leaves(d.clone());
        let mut frontier = Frontier::new();
        let mut pushed = Tree::new();
        for s in 0..=size {
            prop_assert_eq!(frontier.size(), s as u64);
            prop_assert_eq!(frontier.root(), root(&d[..s]));
            prop_assert_eq!(pushed.root(), frontier.root());
            prop_assert_eq!(&tree.frontier_at(s as u64).unwrap(), &frontier);
            let decoded = Frontier::from_bytes(&frontier.to_bytes()).unwrap();
            prop_assert_eq!(&decoded, &frontier);
            if s < size {
                frontier.push(d[s]).unwrap();
                pushed.push(d[s]);
            }
        }
        prop_assert_eq!(&pushed, &tree);
    }

    /// A flipped bit anywhere — leaf, root or any proof hash — makes inclusion fail.
    #[test]
    fn flipped_bit_breaks_inclusion(size in 1usize..=300, salt in any::<u64>(), a in any::<u64>(), bit in 0usize..256, target in any::<u64>()) {
        let d = leaves(size, salt);
        let index = (a as usize) % size;
        let mut proof = inclusion_proof(&d, index as u64, size as u64).unwrap();
        let mut leaf = d[index];
        let mut r = root(&d);
        // 0 = leaf, 1 = root, 2.. = proof element.
        let slots = 2 + proof.len() as u64;
        match target % slots {
            0 => flip(&mut leaf, bit),
            1 => flip(&mut r, bit),
            t => flip(&mut proof[(t - 2) as usize], bit),
        }
        prop_assert!(verify_inclusion(&leaf, index as u64, size as u64, &proof, &r).is_err());
    }

    /// A flipped bit in either root or any proof hash makes consistency fail.
    #[test]
    fn flipped_bit_breaks_consistency(total in 2usize..=300, salt in any::<u64>(), a in any::<u64>(), b in any::<u64>(), bit in 0usize..256, target in any::<u64>()) {
        let d = leaves(total, salt);
        let second = 2 + (a as usize) % (total - 1);
        let first = 1 + (b as usize) % (second - 1);
        let mut proof = consistency_proof(&d, first as u64, second as u64).unwrap();
        let (mut r1, mut r2) = (root(&d[..first]), root(&d[..second]));
        let slots = 2 + proof.len() as u64;
        match target % slots {
            0 => flip(&mut r1, bit),
            1 => flip(&mut r2, bit),
            t => flip(&mut proof[(t - 2) as usize], bit),
        }
        prop_assert!(verify_consistency(first as u64, second as u64, &r1, &r2, &proof).is_err());
    }

    /// An inclusion proof never verifies for another index, nor for twice or half the size
    /// (the corruptions of transparency-dev's verify_test.go). Other sizes can legitimately
    /// share the proof's shape — e.g. a leaf of the left 64-subtree has the same path
    /// shape in trees of 65..=128 leaves — which is why a tree head signs the size too.
    #[test]
    fn wrong_index_or_size_fails(size in 2usize..=300, salt in any::<u64>(), a in any::<u64>(), b in any::<u64>()) {
        let d = leaves(size, salt);
        let r = root(&d);
        let index = (a as usize) % size;
        let proof = inclusion_proof(&d, index as u64, size as u64).unwrap();
        let other_index = (index + 1 + (b as usize) % (size - 1)) % size;
        prop_assert!(verify_inclusion(&d[index], other_index as u64, size as u64, &proof, &r).is_err());
        for other_size in [size * 2, size / 2] {
            prop_assert!(verify_inclusion(&d[index], index as u64, other_size as u64, &proof, &r).is_err());
        }
    }

    /// A consistency proof never verifies for other sizes than its own.
    #[test]
    fn consistency_wrong_sizes_fail(total in 3usize..=300, salt in any::<u64>(), a in any::<u64>(), b in any::<u64>()) {
        let d = leaves(total, salt);
        let second = 2 + (a as usize) % (total - 1);
        let first = 1 + (b as usize) % (second - 1);
        let proof = consistency_proof(&d, first as u64, second as u64).unwrap();
        let (r1, r2) = (root(&d[..first]), root(&d[..second]));
        for (f, s) in [(first - 1, second), (first + 1, second), (first ^ 2, second), (first, second * 2), (first, second / 2)] {
            if (f, s) != (first, second) {
                prop_assert!(verify_consistency(f as u64, s as u64, &r1, &r2, &proof).is_err(), "{} {}", f, s);
            }
        }
    }
}

proptest! {
    // All pairs of a 300-leaf tree are ~45,000 proofs: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Every consistency proof between any two sizes of a random tree verifies, and equals
    /// the RFC's PROOF (checked against the slow recursive oracle for trees up to 64).
    #[test]
    fn every_consistency_proof_verifies(size in 1usize..=300, salt in any::<u64>()) {
        let d = leaves(size, salt);
        let tree = Tree::from_leaves(d.clone());
        let roots: Vec<Hash> = (0..=size).map(|s| root(&d[..s])).collect();
        for second in 0..=size {
            for first in 0..=second {
                let proof = tree.consistency_proof(first as u64, second as u64).unwrap();
                if first > 0 && size <= 64 {
                    prop_assert_eq!(&proof, &reference::proof(first, &d[..second]));
                }
                prop_assert_eq!(proof.len(), consistency_proof_len(first as u64, second as u64));
                verify_consistency(first as u64, second as u64, &roots[first], &roots[second], &proof).unwrap();
            }
        }
    }
}

/// Exhaustive companion of the two properties above for small trees: every leaf of every
/// tree up to 130 leaves, every pair of sizes up to 70.
#[test]
fn exhaustive_wrong_sizes_fail() {
    let d = leaves(140, 1);
    let tree = Tree::from_leaves(d.clone());
    for size in 1..=130u64 {
        let r = tree.root_at(size).unwrap();
        for index in 0..size {
            let proof = tree.inclusion_proof(index, size).unwrap();
            let leaf = d[index as usize];
            verify_inclusion(&leaf, index, size, &proof, &r).unwrap();
            for other in [size * 2, size / 2] {
                assert!(
                    verify_inclusion(&leaf, index, other, &proof, &r).is_err(),
                    "{index}/{size} accepted as {index}/{other}"
                );
            }
            for other_index in (0..size).filter(|&i| i != index) {
                assert!(verify_inclusion(&leaf, other_index, size, &proof, &r).is_err());
            }
        }
    }
    for second in 2..=70u64 {
        for first in 1..second {
            let proof = tree.consistency_proof(first, second).unwrap();
            let (r1, r2) = (tree.root_at(first).unwrap(), tree.root_at(second).unwrap());
            for (f, s) in [
                (first - 1, second),
                (first + 1, second),
                (first ^ 2, second),
                (first, second * 2),
                (first, second / 2),
            ] {
                if (f, s) != (first, second) {
                    assert!(
                        verify_consistency(f, s, &r1, &r2, &proof).is_err(),
                        "{first}->{second} accepted as {f}->{s}"
                    );
                }
            }
        }
    }
}
