//! Published RFC 6962 / RFC 9162 Merkle tree test vectors.
//!
//! Copied from github.com/transparency-dev/merkle:
//! * `testonly/constants.go` — `LeafInputs`, `NodeHashes`, `RootHashes`, `EmptyRootHash`;
//! * `proof/verify_test.go` — `inclusionProofs` (leaf numbers there are 1-based, here
//!   converted to 0-based indexes), `consistencyProofs`, and the corruption probes of
//!   `corruptInclusionProof` / `corruptConsistencyProof`;
//! * `rfc6962/rfc6962_test.go` — the empty-leaf and `"L123456"` leaf hashes.
//!
//! The same data descends from google/certificate-transparency's C++ and Go
//! `merkletree` tests.

use sailau_ledger::{
    EMPTY_ROOT, Frontier, Hash, ProofError, Tree, consistency_proof, hash_from_hex,
    inclusion_proof, leaf_hash, node_hash, root, verify_consistency, verify_inclusion,
};

fn h(text: &str) -> Hash {
    hash_from_hex(text).unwrap()
}

/// `LeafInputs()`.
pub fn leaf_inputs() -> Vec<Vec<u8>> {
    [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
    .iter()
    .map(|x| hex::decode(x).unwrap())
    .collect()
}

pub fn leaf_hashes() -> Vec<Hash> {
    leaf_inputs().iter().map(|e| leaf_hash(e)).collect()
}

/// `NodeHashes()`: level, then index within the level.
fn node_hashes() -> Vec<Vec<Hash>> {
    vec![
        vec![
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
            h("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
        ],
        vec![
            h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
        ],
        vec![
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
        vec![h(
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        )],
    ]
}

/// `RootHashes()`: index = tree size, 0..=8.
pub fn root_hashes() -> Vec<Hash> {
    vec![
        h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
        h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
        h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
        h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
        h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
    ]
}

/// `inclusionProofs` of verify_test.go as (0-based index, size, proof).
fn inclusion_vectors() -> Vec<(u64, u64, Vec<Hash>)> {
    vec![
        (0, 1, vec![]),
        (
            0,
            8,
            vec![
                h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            ],
        ),
        (
            5,
            8,
            vec![
                h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            ],
        ),
        (
            2,
            3,
            vec![h(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            )],
        ),
        (
            1,
            5,
            vec![
                h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            ],
        ),
    ]
}

/// `consistencyProofs` of verify_test.go as (size1, size2, proof).
fn consistency_vectors() -> Vec<(u64, u64, Vec<Hash>)> {
    vec![
        (1, 1, vec![]),
        (
            1,
            8,
            vec![
                h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            ],
        ),
        (
            6,
            8,
            vec![
                h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            ],
        ),
        (
            2,
            5,
            vec![
                h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            ],
        ),
        (
            6,
            7,
            vec![
                h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
                h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            ],
        ),
    ]
}

/// `sha256SomeHash` of verify_test.go.
fn some_hash() -> Hash {
    h("abacaba000000000000000000000000000000000000000000060061e00123456")
}

#[test]
fn rfc6962_hasher_vectors() {
    assert_eq!(EMPTY_ROOT, root(&[]));
    assert_eq!(
        EMPTY_ROOT,
        h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    );
    // echo -n 00 | xxd -r -p | sha256sum
    assert_eq!(
        leaf_hash(b""),
        h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
    );
    // echo -n 004C313233343536 | xxd -r -p | sha256sum
    assert_eq!(
        leaf_hash(b"L123456"),
        h("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")
    );
    assert_ne!(EMPTY_ROOT, leaf_hash(b""));
}

#[test]
fn node_hashes_of_every_perfect_subtree() {
    let levels = node_hashes();
    assert_eq!(levels[0], leaf_hashes());
    for level in 1..levels.len() {
        for (i, expected) in levels[level].iter().enumerate() {
            let got = node_hash(&levels[level - 1][2 * i], &levels[level - 1][2 * i + 1]);
            assert_eq!(&got, expected, "level {level} index {i}");
        }
    }
}

#[test]
fn roots_for_sizes_0_to_8() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    let tree = Tree::from_leaves(leaves.clone());
    let mut pushed = Tree::new();
    let mut frontier = Frontier::new();
    assert_eq!(frontier.root(), roots[0]);
    for size in 0..=8usize {
        assert_eq!(root(&leaves[..size]), roots[size], "root({size})");
        assert_eq!(
            tree.root_at(size as u64).unwrap(),
            roots[size],
            "Tree::root_at({size})"
        );
        assert_eq!(pushed.root(), roots[size], "Tree::push to {size}");
        assert_eq!(frontier.root(), roots[size], "Frontier at {size}");
        assert_eq!(frontier.size(), size as u64);
        if size < 8 {
            pushed.push(leaves[size]);
            frontier.push(leaves[size]).unwrap();
        }
    }
    assert_eq!(tree.root(), roots[8]);
}

/// `CompactTrees()` of constants.go: the frontier's subtree roots at every size.
#[test]
fn frontier_matches_compact_trees() {
    let nh = node_hashes();
    let expected: Vec<Vec<Hash>> = vec![
        vec![],
        vec![nh[0][0]],
        vec![nh[1][0]],
        vec![nh[1][0], nh[0][2]],
        vec![nh[2][0]],
        vec![nh[2][0], nh[0][4]],
        vec![nh[2][0], nh[1][2]],
        vec![nh[2][0], nh[1][2], nh[0][6]],
        vec![nh[3][0]],
    ];
    let leaves = leaf_hashes();
    let tree = Tree::from_leaves(leaves.clone());
    for (size, hashes) in expected.iter().enumerate() {
        let frontier = Frontier::from_leaves(&leaves[..size]);
        assert_eq!(frontier.hashes(), hashes.as_slice(), "size {size}");
        assert_eq!(tree.frontier_at(size as u64).unwrap(), frontier);
    }
}

#[test]
fn reference_inclusion_proofs_are_generated_and_verify() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    let tree = Tree::from_leaves(leaves.clone());
    for (index, size, proof) in inclusion_vectors() {
        assert_eq!(
            inclusion_proof(&leaves, index, size).unwrap(),
            proof,
            "{index}/{size}"
        );
        assert_eq!(
            tree.inclusion_proof(index, size).unwrap(),
            proof,
            "{index}/{size}"
        );
        let leaf = leaves[index as usize];
        let root = roots[size as usize];
        verify_inclusion(&leaf, index, size, &proof, &root).unwrap();
        for (desc, probe) in corrupt_inclusion(index, size, &proof, &root, &leaf) {
            assert!(
                verify_inclusion(
                    &probe.leaf,
                    probe.index,
                    probe.size,
                    &probe.proof,
                    &probe.root
                )
                .is_err(),
                "{index}/{size}: accepted probe {desc}"
            );
        }
    }
}

#[test]
fn reference_consistency_proofs_are_generated_and_verify() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    let tree = Tree::from_leaves(leaves.clone());
    for (first, second, proof) in consistency_vectors() {
        assert_eq!(
            consistency_proof(&leaves, first, second).unwrap(),
            proof,
            "{first}->{second}"
        );
        assert_eq!(
            tree.consistency_proof(first, second).unwrap(),
            proof,
            "{first}->{second}"
        );
        let (r1, r2) = (roots[first as usize], roots[second as usize]);
        verify_consistency(first, second, &r1, &r2, &proof).unwrap();
        if proof.is_empty() {
            continue;
        }
        for (desc, p) in corrupt_consistency(first, second, &r1, &r2, &proof) {
            assert!(
                verify_consistency(p.first, p.second, &p.first_root, &p.second_root, &p.proof)
                    .is_err(),
                "{first}->{second}: accepted probe {desc}"
            );
        }
    }
}

/// Every (first, second) pair of the 8-leaf tree verifies, and swapping the roots does not.
#[test]
fn all_consistency_pairs_of_the_reference_tree() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    for second in 0..=8u64 {
        for first in 0..=second {
            let proof = consistency_proof(&leaves, first, second).unwrap();
            let (r1, r2) = (roots[first as usize], roots[second as usize]);
            verify_consistency(first, second, &r1, &r2, &proof).unwrap();
            if first != second {
                assert!(verify_consistency(first, second, &r2, &r1, &proof).is_err());
            }
        }
    }
}

/// Edge cases of `TestVerifyInclusion` / `TestVerifyConsistency` in verify_test.go.
#[test]
fn degenerate_sizes() {
    let some = some_hash();
    for (index, size) in [(0, 0), (1, 0), (2, 1)] {
        assert_eq!(
            verify_inclusion(&some, index, size, &[], &EMPTY_ROOT),
            Err(ProofError::IndexOutOfRange { index, size })
        );
    }
    // (0, 1): a one-leaf tree's root is the leaf itself.
    assert_eq!(
        verify_inclusion(&some, 0, 1, &[], &EMPTY_ROOT),
        Err(ProofError::RootMismatch)
    );
    verify_inclusion(&some, 0, 1, &[], &some).unwrap();

    let (r1, r2) = (leaf_hash(b"don't care 1"), leaf_hash(b"don't care 2"));
    // Equal sizes: roots must be equal, proof empty.
    assert!(verify_consistency(1, 1, &r1, &r2, &[]).is_err());
    verify_consistency(1, 1, &r2, &r2, &[]).unwrap();
    assert!(verify_consistency(1, 1, &r2, &r2, &[EMPTY_ROOT]).is_err());
    // From the empty tree: always consistent, but the first root must be the empty root
    // (stricter than transparency-dev, which ignores it).
    verify_consistency(0, 1, &EMPTY_ROOT, &r2, &[]).unwrap();
    verify_consistency(0, 0, &EMPTY_ROOT, &EMPTY_ROOT, &[]).unwrap();
    assert!(verify_consistency(0, 1, &r1, &r2, &[]).is_err());
    assert!(verify_consistency(0, 0, &EMPTY_ROOT, &EMPTY_ROOT, &[EMPTY_ROOT]).is_err());
    assert!(verify_consistency(0, 1, &EMPTY_ROOT, &EMPTY_ROOT, &[EMPTY_ROOT]).is_err());
    // Time travel to the past.
    assert_eq!(
        verify_consistency(1, 0, &r1, &r2, &[]),
        Err(ProofError::SizesOutOfOrder {
            first: 1,
            second: 0
        })
    );
    assert!(verify_consistency(2, 1, &r1, &r2, &[]).is_err());
    // Empty proof between different sizes.
    assert!(verify_consistency(1, 2, &r1, &r2, &[]).is_err());
}

pub struct InclusionProbe {
    pub index: u64,
    pub size: u64,
    pub leaf: Hash,
    pub root: Hash,
    pub proof: Vec<Hash>,
}

/// `corruptInclusionProof` of verify_test.go.
pub fn corrupt_inclusion(
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
    leaf: &Hash,
) -> Vec<(String, InclusionProbe)> {
    let p = |desc: &str, index: u64, size: u64, leaf: Hash, root: Hash, proof: Vec<Hash>| {
        (
            desc.to_string(),
            InclusionProbe {
                index,
                size,
                leaf,
                root,
                proof,
            },
        )
    };
    let v = proof.to_vec();
    let with_tail = |x: Hash| {
        let mut w = v.clone();
        w.push(x);
        w
    };
    let with_head = |x: Hash| {
        let mut w = vec![x];
        w.extend_from_slice(&v);
        w
    };
    let mut out = vec![
        p(
            "index - 1",
            index.wrapping_sub(1),
            size,
            *leaf,
            *root,
            v.clone(),
        ),
        p("index + 1", index + 1, size, *leaf, *root, v.clone()),
        p("index ^ 2", index ^ 2, size, *leaf, *root, v.clone()),
        p("size * 2", index, size * 2, *leaf, *root, v.clone()),
        p("size / 2", index, size / 2, *leaf, *root, v.clone()),
        p(
            "wrong leaf",
            index,
            size,
            leaf_hash(b"WrongLeaf"),
            *root,
            v.clone(),
        ),
        p("empty root", index, size, *leaf, EMPTY_ROOT, v.clone()),
        p("random root", index, size, *leaf, some_hash(), v.clone()),
        p(
            "trailing zero hash",
            index,
            size,
            *leaf,
            *root,
            with_tail([0; 32]),
        ),
        p("trailing root", index, size, *leaf, *root, with_tail(*root)),
        p(
            "preceding zero hash",
            index,
            size,
            *leaf,
            *root,
            with_head([0; 32]),
        ),
        p(
            "preceding root",
            index,
            size,
            *leaf,
            *root,
            with_head(*root),
        ),
    ];
    for i in 0..v.len() {
        let mut w = v.clone();
        w[i][0] ^= 8;
        out.push(p(
            &format!("modified proof[{i}] bit 3"),
            index,
            size,
            *leaf,
            *root,
            w,
        ));
    }
    if !v.is_empty() {
        out.push(p(
            "removed component",
            index,
            size,
            *leaf,
            *root,
            v[..v.len() - 1].to_vec(),
        ));
    }
    if v.len() > 1 {
        let mut w = vec![v[0], some_hash()];
        w.extend_from_slice(&v[1..]);
        out.push(p("inserted component", index, size, *leaf, *root, w));
    }
    out
}

pub struct ConsistencyProbe {
    pub first: u64,
    pub second: u64,
    pub first_root: Hash,
    pub second_root: Hash,
    pub proof: Vec<Hash>,
}

/// `corruptConsistencyProof` of verify_test.go.
pub fn corrupt_consistency(
    first: u64,
    second: u64,
    r1: &Hash,
    r2: &Hash,
    proof: &[Hash],
) -> Vec<(String, ConsistencyProbe)> {
    let p = |desc: &str, first: u64, second: u64, r1: Hash, r2: Hash, proof: Vec<Hash>| {
        (
            desc.to_string(),
            ConsistencyProbe {
                first,
                second,
                first_root: r1,
                second_root: r2,
                proof,
            },
        )
    };
    let v = proof.to_vec();
    let with_tail = |x: Hash| {
        let mut w = v.clone();
        w.push(x);
        w
    };
    let with_head = |x: Hash| {
        let mut w = vec![x];
        w.extend_from_slice(&v);
        w
    };
    let wrong = leaf_hash(b"WrongRoot");
    let mut out = vec![
        p("first - 1", first - 1, second, *r1, *r2, v.clone()),
        p("first + 1", first + 1, second, *r1, *r2, v.clone()),
        p("first ^ 2", first ^ 2, second, *r1, *r2, v.clone()),
        p("second * 2", first, second * 2, *r1, *r2, v.clone()),
        p("second / 2", first, second / 2, *r1, *r2, v.clone()),
        p("wrong first root", first, second, wrong, *r2, v.clone()),
        p("wrong second root", first, second, *r1, wrong, v.clone()),
        p("swapped roots", first, second, *r2, *r1, v.clone()),
        p("empty proof", first, second, *r1, *r2, vec![]),
        p(
            "trailing zero hash",
            first,
            second,
            *r1,
            *r2,
            with_tail([0; 32]),
        ),
        p(
            "trailing first root",
            first,
            second,
            *r1,
            *r2,
            with_tail(*r1),
        ),
        p(
            "trailing second root",
            first,
            second,
            *r1,
            *r2,
            with_tail(*r2),
        ),
        p(
            "preceding zero hash",
            first,
            second,
            *r1,
            *r2,
            with_head([0; 32]),
        ),
        p(
            "preceding first root",
            first,
            second,
            *r1,
            *r2,
            with_head(*r1),
        ),
        p(
            "preceding second root",
            first,
            second,
            *r1,
            *r2,
            with_head(*r2),
        ),
        p(
            "preceding proof[0]",
            first,
            second,
            *r1,
            *r2,
            with_head(v[0]),
        ),
        p(
            "truncated proof",
            first,
            second,
            *r1,
            *r2,
            v[..v.len() - 1].to_vec(),
        ),
    ];
    for i in 0..v.len() {
        let mut w = v.clone();
        w[i][0] ^= 16;
        out.push(p(
            &format!("modified proof[{i}] bit 4"),
            first,
            second,
            *r1,
            *r2,
            w,
        ));
    }
    out
}
