//! Frontier encoding, tree bookkeeping, proof errors and proof JSON.

use sailau_ledger::{
    ConsistencyProof, EMPTY_ROOT, Frontier, FrontierError, Hash, InclusionProof, ProofError, Tree,
    consistency_proof, hash_from_hex, hash_to_hex, inclusion_proof, leaf_hash, root,
};

use crate::vectors::{leaf_hashes, root_hashes};

#[test]
fn frontier_encoding() {
    assert_eq!(Frontier::new().to_bytes(), vec![0u8; 8]);
    let leaves = leaf_hashes();
    let f7 = Frontier::from_leaves(&leaves[..7]);
    let bytes = f7.to_bytes();
    assert_eq!(bytes.len(), 8 + 3 * 32);
    assert_eq!(&bytes[..8], &7u64.to_be_bytes());
    assert_eq!(&bytes[8..40], &f7.hashes()[0]);
    assert_eq!(Frontier::from_bytes(&bytes).unwrap(), f7);

    assert_eq!(
        Frontier::from_bytes(&bytes[..5]),
        Err(FrontierError::Truncated { actual: 5 })
    );
    assert_eq!(
        Frontier::from_bytes(&bytes[..bytes.len() - 1]),
        Err(FrontierError::WrongLength {
            size: 7,
            expected: 104,
            actual: 103
        })
    );
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 32]);
    assert!(Frontier::from_bytes(&longer).is_err());
    // Size 8 needs one hash, not three.
    let mut wrong_size = bytes;
    wrong_size[..8].copy_from_slice(&8u64.to_be_bytes());
    assert!(Frontier::from_bytes(&wrong_size).is_err());
}

#[test]
fn frontier_resumes_after_decoding() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    let mut f = Frontier::from_leaves(&leaves[..3]);
    for (i, leaf) in leaves.iter().enumerate().skip(3) {
        f = Frontier::from_bytes(&f.to_bytes()).unwrap();
        f.push(*leaf).unwrap();
        assert_eq!(f.root(), roots[i + 1]);
    }
}

#[test]
fn full_frontier_refuses_to_grow() {
    let mut bytes = u64::MAX.to_be_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(7u8, 64 * 32));
    let mut f = Frontier::from_bytes(&bytes).unwrap();
    assert_eq!(f.size(), u64::MAX);
    assert_eq!(f.push([0; 32]), Err(FrontierError::Full));
    assert_eq!(f.size(), u64::MAX);
}

#[test]
fn tree_bookkeeping() {
    let leaves = leaf_hashes();
    let mut tree = Tree::new();
    assert!(tree.is_empty());
    assert_eq!(tree.root(), EMPTY_ROOT);
    tree.extend(leaves.iter().copied());
    assert_eq!(tree.len(), 8);
    assert_eq!(tree.leaves(), leaves.as_slice());
    assert_eq!(tree.leaf(3), Some(&leaves[3]));
    assert_eq!(tree.leaf(8), None);
    assert_eq!(tree, leaves.iter().copied().collect::<Tree>());
    assert_eq!(
        tree.root_at(9),
        Err(ProofError::SizeOutOfRange {
            size: 9,
            available: 8
        })
    );
    assert!(tree.frontier_at(9).is_err());
}

#[test]
fn proof_generation_errors() {
    let leaves = leaf_hashes();
    let tree = Tree::from_leaves(leaves.clone());
    assert_eq!(
        inclusion_proof(&leaves, 8, 8),
        Err(ProofError::IndexOutOfRange { index: 8, size: 8 })
    );
    assert_eq!(
        inclusion_proof(&leaves, 0, 9),
        Err(ProofError::SizeOutOfRange {
            size: 9,
            available: 8
        })
    );
    assert_eq!(
        tree.inclusion_proof(0, 0),
        Err(ProofError::IndexOutOfRange { index: 0, size: 0 })
    );
    assert_eq!(
        consistency_proof(&leaves, 5, 3),
        Err(ProofError::SizesOutOfOrder {
            first: 5,
            second: 3
        })
    );
    assert_eq!(
        tree.consistency_proof(3, 9),
        Err(ProofError::SizeOutOfRange {
            size: 9,
            available: 8
        })
    );
    assert_eq!(tree.consistency_proof(0, 8), Ok(vec![]));
    assert_eq!(tree.consistency_proof(8, 8), Ok(vec![]));
}

#[test]
fn verification_errors_are_typed() {
    let leaves = leaf_hashes();
    let roots = root_hashes();
    let proof = inclusion_proof(&leaves, 5, 8).unwrap();
    let p = InclusionProof {
        index: 5,
        size: 8,
        path: proof.clone(),
    };
    p.verify(&leaves[5], &roots[8]).unwrap();
    assert_eq!(
        p.verify(&leaves[4], &roots[8]),
        Err(ProofError::RootMismatch)
    );
    let short = InclusionProof {
        path: proof[..2].to_vec(),
        ..p.clone()
    };
    assert_eq!(
        short.verify(&leaves[5], &roots[8]),
        Err(ProofError::WrongProofLength {
            expected: 3,
            actual: 2
        })
    );

    let c = ConsistencyProof {
        first: 3,
        second: 8,
        path: consistency_proof(&leaves, 3, 8).unwrap(),
    };
    c.verify(&roots[3], &roots[8]).unwrap();
    assert_eq!(
        c.verify(&roots[4], &roots[8]),
        Err(ProofError::FirstRootMismatch)
    );
    assert_eq!(
        c.verify(&roots[3], &roots[7]),
        Err(ProofError::SecondRootMismatch)
    );
}

#[test]
fn proof_json() {
    let leaves = leaf_hashes();
    let p = InclusionProof {
        index: 2,
        size: 3,
        path: inclusion_proof(&leaves, 2, 3).unwrap(),
    };
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "index": 2,
            "size": 3,
            "path": ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        })
    );
    assert_eq!(serde_json::from_value::<InclusionProof>(json).unwrap(), p);

    let c = ConsistencyProof {
        first: 2,
        second: 5,
        path: consistency_proof(&leaves, 2, 5).unwrap(),
    };
    let text = serde_json::to_string(&c).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"{"first":2,"second":5,"path":["#,
            r#""5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e","#,
            r#""bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]}"#
        )
    );
    assert_eq!(serde_json::from_str::<ConsistencyProof>(&text).unwrap(), c);
    assert!(
        serde_json::from_str::<ConsistencyProof>(r#"{"first":2,"second":5,"path":["00"]}"#)
            .is_err()
    );
}

#[test]
fn hex_helpers() {
    let h: Hash = leaf_hash(b"x");
    assert_eq!(hash_from_hex(&hash_to_hex(&h)).unwrap(), h);
    assert_eq!(hash_from_hex(&hash_to_hex(&h).to_uppercase()).unwrap(), h);
    assert!(hash_from_hex("").is_err());
    assert!(hash_from_hex(&"0".repeat(63)).is_err());
    assert!(hash_from_hex(&"0".repeat(66)).is_err());
    assert_eq!(root(&[h]), h);
}
