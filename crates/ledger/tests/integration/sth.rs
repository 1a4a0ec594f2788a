//! Signed tree heads: canonical bytes, signing, verification, key handling, JSON.

use rand::SeedableRng;
use rand::rngs::StdRng;
use sailau_ledger::{
    KeyId, LedgerSigningKey, STH_DOMAIN, STH_SIGNING_LEN, SignedTreeHead, SthError, TreeHead,
    hash_from_hex, verify, verifying_key_from_hex, verifying_key_to_hex,
};

fn head() -> TreeHead {
    TreeHead {
        size: 8,
        root: hash_from_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
            .unwrap(),
        timestamp_ms: 1_700_000_000_123,
    }
}

/// RFC 8032 §7.1 TEST 1 secret key, so that the expected signature below is reproducible.
const RFC8032_SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const RFC8032_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

fn key() -> LedgerSigningKey {
    LedgerSigningKey::from_seed_hex(RFC8032_SEED).unwrap()
}

#[test]
fn signing_bytes_layout() {
    let bytes = head().signing_bytes();
    assert_eq!(bytes.len(), STH_SIGNING_LEN);
    assert_eq!(STH_SIGNING_LEN, 69);
    assert_eq!(&bytes[..21], b"sailau-ledger-sth-v1\0");
    assert_eq!(&bytes[..21], STH_DOMAIN);
    assert_eq!(&bytes[21..29], &8u64.to_be_bytes());
    assert_eq!(&bytes[29..61], &head().root);
    assert_eq!(&bytes[61..69], &1_700_000_000_123u64.to_be_bytes());
    assert_eq!(
        hex::encode(bytes),
        concat!(
            "7361696c61752d6c65646765722d7374682d763100",
            "0000000000000008",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
            "0000018bcfe5687b"
        )
    );
}

#[test]
fn rfc8032_key_and_key_id() {
    let key = key();
    assert_eq!(verifying_key_to_hex(&key.verifying_key()), RFC8032_PUBLIC);
    let public = verifying_key_from_hex(RFC8032_PUBLIC).unwrap();
    assert_eq!(public, key.verifying_key());
    // key id = SHA-256 of the 32 public key bytes.
    use sha2::Digest as _;
    let expected: [u8; 32] = sha2::Sha256::digest(public.as_bytes()).into();
    assert_eq!(key.key_id(), KeyId(expected));
    assert_eq!(key.key_id().to_string(), hex::encode(expected));
    assert_eq!(
        key.key_id().to_string().parse::<KeyId>().unwrap(),
        key.key_id()
    );
}

#[test]
fn sign_and_verify() {
    let key = key();
    let sth = key.sign(&head());
    assert_eq!(sth.head, head());
    assert_eq!(sth.key_id, key.key_id());
    verify(&sth, &key.verifying_key()).unwrap();
    // Ed25519 is deterministic: the same head and key always give the same signature.
    assert_eq!(key.sign(&head()), sth);
}

#[test]
fn any_change_breaks_the_signature() {
    let key = key();
    let public = key.verifying_key();
    let sth = key.sign(&head());

    let mut t = sth.clone();
    t.head.size += 1;
    assert_eq!(verify(&t, &public), Err(SthError::BadSignature));

    let mut t = sth.clone();
    t.head.timestamp_ms -= 1;
    assert_eq!(verify(&t, &public), Err(SthError::BadSignature));

    for bit in 0..256 {
        let mut t = sth.clone();
        t.head.root[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(verify(&t, &public), Err(SthError::BadSignature));
    }
    for bit in 0..512 {
        let mut bytes = sth.signature.to_bytes();
        bytes[bit / 8] ^= 1 << (bit % 8);
        let mut t = sth.clone();
        t.signature = sailau_ledger::Signature::from_bytes(&bytes);
        assert!(verify(&t, &public).is_err(), "signature bit {bit}");
    }
}

#[test]
fn other_key_is_rejected() {
    let mut rng = StdRng::seed_from_u64(7);
    let key = key();
    let other = LedgerSigningKey::generate(&mut rng);
    let sth = key.sign(&head());
    assert_eq!(
        verify(&sth, &other.verifying_key()),
        Err(SthError::KeyIdMismatch {
            expected: other.key_id(),
            found: key.key_id(),
        })
    );
    // Same key id claimed but signed by another key.
    let mut forged = other.sign(&head());
    forged.key_id = key.key_id();
    assert_eq!(
        verify(&forged, &key.verifying_key()),
        Err(SthError::BadSignature)
    );
}

#[test]
fn seed_round_trip_and_generation() {
    let mut rng = StdRng::seed_from_u64(42);
    let a = LedgerSigningKey::generate(&mut rng);
    let b = LedgerSigningKey::generate(&mut rng);
    assert_ne!(a.key_id(), b.key_id());

    let seed = a.to_seed();
    let again = LedgerSigningKey::from_seed(&seed);
    assert_eq!(again.verifying_key(), a.verifying_key());
    let from_slice = LedgerSigningKey::from_seed_slice(seed.as_slice()).unwrap();
    assert_eq!(from_slice.key_id(), a.key_id());
    let hex_seed = a.to_seed_hex();
    assert_eq!(hex_seed.len(), 64);
    let from_hex = LedgerSigningKey::from_seed_hex(&format!("{}\n", hex_seed.as_str())).unwrap();
    assert_eq!(from_hex.key_id(), a.key_id());

    assert_eq!(
        LedgerSigningKey::from_seed_slice(&[0u8; 31]).unwrap_err(),
        SthError::InvalidKeyLength
    );
    assert!(LedgerSigningKey::from_seed_hex("abcd").is_err());
    assert!(LedgerSigningKey::from_seed_hex(&"zz".repeat(32)).is_err());
    assert!(verifying_key_from_hex("00").is_err());

    // Debug never shows the secret.
    let debug = format!("{a:?}");
    assert!(debug.contains(&a.key_id().to_string()));
    assert!(!debug.contains(hex_seed.as_str()));
}

#[test]
fn works_with_the_system_rng() {
    let key = LedgerSigningKey::try_generate(&mut rand::rngs::SysRng).unwrap();
    verify(&key.sign(&head()), &key.verifying_key()).unwrap();
    let key = LedgerSigningKey::generate(&mut rand::rng());
    verify(&key.sign(&head()), &key.verifying_key()).unwrap();
}

#[test]
fn json_round_trip() {
    let key = key();
    let sth = key.sign(&head());
    let json = serde_json::to_value(&sth).unwrap();
    assert_eq!(
        json["head"],
        serde_json::json!({
            "size": 8,
            "root": "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
            "timestamp_ms": 1_700_000_000_123u64,
        })
    );
    assert_eq!(json["key_id"], serde_json::json!(key.key_id().to_string()));
    assert_eq!(json["signature"].as_str().unwrap().len(), 128);
    let text = serde_json::to_string(&sth).unwrap();
    let back: SignedTreeHead = serde_json::from_str(&text).unwrap();
    assert_eq!(back, sth);
    verify(&back, &key.verifying_key()).unwrap();

    let head_back: TreeHead = serde_json::from_value(json["head"].clone()).unwrap();
    assert_eq!(head_back, head());
}

#[test]
fn json_rejects_malformed_fields() {
    let sth = key().sign(&head());
    let good = serde_json::to_value(&sth).unwrap();

    let mut bad = good.clone();
    bad["head"]["root"] = serde_json::json!("abcd");
    assert!(serde_json::from_value::<SignedTreeHead>(bad).is_err());

    let mut bad = good.clone();
    bad["signature"] = serde_json::json!("00");
    assert!(serde_json::from_value::<SignedTreeHead>(bad).is_err());

    let mut bad = good.clone();
    bad["key_id"] = serde_json::json!("not hex");
    assert!(serde_json::from_value::<SignedTreeHead>(bad).is_err());

    let mut bad = good.clone();
    bad["extra"] = serde_json::json!(1);
    assert!(serde_json::from_value::<SignedTreeHead>(bad).is_err());

    let mut bad = good;
    bad["head"]["size"] = serde_json::json!(-1);
    assert!(serde_json::from_value::<SignedTreeHead>(bad).is_err());
}
