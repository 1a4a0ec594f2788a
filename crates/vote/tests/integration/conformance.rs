//! An independent re-implementation of the verifier side of docs/verifiable-voting.md,
//! written only against the specification (SHA-512 and curve25519-dalek directly, JSON as
//! untyped values), checked against the committed test vectors. If this test and the
//! crate disagree, the specification is not byte-exact.

use std::path::PathBuf;

use curve25519_dalek::ristretto::CompressedRistretto;
use curve25519_dalek::traits::Identity;
use curve25519_dalek::{RistrettoPoint, Scalar};
use serde_json::Value;
use sha2::{Digest, Sha512};

fn read(name: &str) -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// §3: T(label; fields) with enc(x) = u32_be(len) || x.
struct T(Sha512);

impl T {
    fn new(label: &str) -> Self {
        let mut t = T(Sha512::new());
        t.f(b"sailau-vote/v1");
        t.f(label.as_bytes());
        t
    }
    fn f(&mut self, x: &[u8]) -> &mut Self {
        self.0.update((x.len() as u32).to_be_bytes());
        self.0.update(x);
        self
    }
    fn u32(&mut self, v: u64) -> &mut Self {
        self.f(&(v as u32).to_be_bytes())
    }
    fn s(&mut self, v: &Value) -> &mut Self {
        self.f(v.as_str().unwrap().as_bytes())
    }
    fn h(&mut self, v: &Value) -> &mut Self {
        self.f(&b32(v))
    }
    fn digest(&self) -> [u8; 64] {
        self.0.clone().finalize().as_slice().try_into().unwrap()
    }
    fn c(&self) -> Scalar {
        Scalar::from_bytes_mod_order_wide(&self.digest())
    }
    fn h32(&self) -> [u8; 32] {
        self.digest()[..32].try_into().unwrap()
    }
}

fn b32(v: &Value) -> [u8; 32] {
    let s = v.as_str().unwrap();
    assert_eq!(s, s.to_lowercase());
    hex::decode(s).unwrap().try_into().unwrap()
}
fn pt(v: &Value) -> RistrettoPoint {
    CompressedRistretto(b32(v)).decompress().unwrap()
}
fn sc(v: &Value) -> Scalar {
    Option::from(Scalar::from_canonical_bytes(b32(v))).unwrap()
}
fn n(v: &Value) -> u64 {
    v.as_u64().unwrap()
}
fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap()
}
fn g() -> RistrettoPoint {
    curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT
}
fn sint(x: u64) -> Scalar {
    Scalar::from(x)
}

/// §4.1 Schnorr: s·G = R + c·X with c = Hc(label; binding…, X, R).
fn schnorr_ok(mut prefix: T, x: &Value, proof: &Value) -> bool {
    let c = prefix.h(x).h(&proof["r"]).c();
    sc(&proof["s"]) * g() == pt(&proof["r"]) + c * pt(x)
}

/// §6.3 disjunctive proof: Σ c_i = c, v_i·G = a_i + c_i·α, v_i·K = b_i + c_i·(β − k_i·G).
fn branches_ok(
    c: Scalar,
    k: &RistrettoPoint,
    alpha: &RistrettoPoint,
    beta: &RistrettoPoint,
    lo: u64,
    proof: &Value,
) -> bool {
    let branches = arr(proof);
    let sum: Scalar = branches.iter().map(|b| sc(&b["c"])).sum();
    if sum != c {
        return false;
    }
    branches.iter().enumerate().all(|(i, b)| {
        let (ci, vi) = (sc(&b["c"]), sc(&b["v"]));
        let value = sint(lo + i as u64);
        vi * g() == pt(&b["a"]) + ci * alpha && vi * k == pt(&b["b"]) + ci * (beta - value * g())
    })
}

#[test]
fn vectors_conform_to_the_specification() {
    let e = read("election.json");
    let m = &e["manifest"];

    // §3.2 manifest hash.
    let mut t = T::new("manifest");
    t.s(&m["election_id"])
        .s(&m["title"])
        .u32(arr(&m["contests"]).len() as u64);
    for c in arr(&m["contests"]) {
        t.s(&c["id"])
            .s(&c["title"])
            .u32(n(&c["min_selections"]))
            .u32(n(&c["max_selections"]))
            .u32(arr(&c["options"]).len() as u64);
        for o in arr(&c["options"]) {
            let kind = match o["kind"].as_str().unwrap() {
                "candidate" => 0u8,
                "against_all" => 1,
                k => panic!("{k}"),
            };
            t.s(&o["id"]).s(&o["label"]).f(&[kind]);
        }
    }
    assert_eq!(t.h32(), b32(&e["manifest_hash"]));
    let p = &e["parameters"];
    assert_eq!(p["protocol"], "sailau-vote/v1");
    assert_eq!(b32(&p["manifest_hash"]), b32(&e["manifest_hash"]));
    let (nt, tt) = (n(&p["trustees"]), n(&p["threshold"]));
    let ph = T::new("parameters")
        .h(&e["manifest_hash"])
        .u32(nt)
        .u32(tt)
        .h32();
    assert_eq!(ph, b32(&e["parameters_hash"]));
    let ph_v = &e["parameters_hash"];

    // §4.1 announcements, §4.5 joint key and verification keys, §3.2 election hash.
    let trustees = arr(&e["trustees"]);
    let mut eh = T::new("election");
    eh.h(ph_v).u32(nt);
    let mut cks = vec![RistrettoPoint::identity(); tt as usize];
    for (i, tv) in trustees.iter().enumerate() {
        let pubv = &tv["public"];
        let idx = n(&pubv["index"]);
        assert_eq!(idx, i as u64 + 1);
        let comms = arr(&pubv["commitments"]);
        assert_eq!(comms.len() as u64, tt);
        let mut pre = T::new("trustee-coefficient");
        pre.h(ph_v).u32(idx);
        assert!(schnorr_ok(pre, &comms[0], &pubv["coefficient_proof"]));
        let mut pre = T::new("trustee-share-key");
        pre.h(ph_v).u32(idx);
        assert!(schnorr_ok(
            pre,
            &pubv["share_encryption_key"],
            &pubv["share_key_proof"]
        ));
        eh.u32(idx).u32(tt);
        for (k, c) in comms.iter().enumerate() {
            eh.h(c);
            cks[k] += pt(c);
        }
        eh.h(&pubv["share_encryption_key"]);
    }
    let kpt = cks[0];
    eh.f(kpt.compress().as_bytes());
    assert_eq!(eh.h32(), b32(&e["election_hash"]));
    assert_eq!(kpt.compress().to_bytes(), b32(&e["joint_public_key"]));
    let eval = |pts: &[RistrettoPoint], j: u64| -> RistrettoPoint {
        let mut acc = RistrettoPoint::identity();
        let mut pow = Scalar::ONE;
        for p in pts {
            acc += pow * p;
            pow *= sint(j);
        }
        acc
    };
    let ys: Vec<RistrettoPoint> = (1..=nt).map(|j| eval(&cks, j)).collect();
    for (j, y) in ys.iter().enumerate() {
        assert_eq!(y.compress().to_bytes(), b32(&e["verification_keys"][j]));
    }

    // §4.2 share encryption: signatures, and decryption with the recipients' secrets.
    for s in arr(&e["encrypted_shares"]) {
        let (d, r) = (n(&s["dealer"]), n(&s["recipient"]));
        let dealer = &trustees[d as usize - 1];
        let recip = &trustees[r as usize - 1];
        let mut pre = T::new("share-signature");
        pre.h(ph_v)
            .u32(d)
            .u32(r)
            .h(&s["ephemeral"])
            .h(&s["ciphertext"]);
        assert!(schnorr_ok(
            pre,
            &dealer["public"]["share_encryption_key"],
            &s["signature"]
        ));
        let e_r = sc(&recip["secrets"]["share_decryption_key"]);
        let dh = e_r * pt(&s["ephemeral"]);
        let pad = T::new("share-pad")
            .h(ph_v)
            .u32(d)
            .u32(r)
            .h(&recip["public"]["share_encryption_key"])
            .h(&s["ephemeral"])
            .f(dh.compress().as_bytes())
            .h32();
        let ct = b32(&s["ciphertext"]);
        let share: [u8; 32] = std::array::from_fn(|i| ct[i] ^ pad[i]);
        let share = Option::<Scalar>::from(Scalar::from_canonical_bytes(share)).unwrap();
        let coeffs: Vec<Scalar> = arr(&dealer["secrets"]["coefficients"])
            .iter()
            .map(sc)
            .collect();
        let mut f = Scalar::ZERO;
        for c in coeffs.iter().rev() {
            f = f * sint(r) + c;
        }
        assert_eq!(share, f);
        let comms: Vec<RistrettoPoint> = arr(&dealer["public"]["commitments"])
            .iter()
            .map(pt)
            .collect();
        assert_eq!(share * g(), eval(&comms, r));
    }

    // §5 credentials.
    let creds = read("credentials.json");
    const A: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for c in arr(&creds) {
        let code: String = c["code"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| *c != '-')
            .collect();
        assert_eq!(code.len(), 32);
        let mut bits: u128 = 0;
        let mut nb = 0;
        let mut bytes = Vec::new();
        for ch in code.bytes() {
            bits = (bits << 5) | A.iter().position(|a| *a == ch).unwrap() as u128;
            nb += 5;
            if nb >= 8 {
                nb -= 8;
                bytes.push((bits >> nb) as u8);
                bits &= (1 << nb) - 1;
            }
        }
        assert_eq!(bytes.len(), 20);
        assert_eq!(
            T::new("credential-check").f(&bytes[..16]).h32()[..4],
            bytes[16..]
        );
        let x = T::new("credential-key").h(ph_v).f(&bytes[..16]).c();
        assert_eq!(
            (x * g()).compress().to_bytes(),
            b32(&c["public_credential"])
        );
    }

    // §6 ballots, §7 tracking codes, §8 openings.
    let bv = read("ballots.json");
    let ehv = &e["election_hash"];
    let mut code = T::new("tracking-start").h(ehv).h32();
    assert_eq!(code, b32(&bv["initial_tracking_code"]));
    let contests_def = arr(&m["contests"]);
    for entry in arr(&bv["ballots"]) {
        let b = &entry["ballot"];
        assert_eq!(b32(&b["election_hash"]), b32(ehv));
        let x = &b["credential"];
        let mut bh = T::new("ballot");
        bh.h(ehv).h(x).u32(arr(&b["contests"]).len() as u64);
        for (ci, (ec, cdef)) in arr(&b["contests"]).iter().zip(contests_def).enumerate() {
            let sels = arr(&ec["selections"]);
            assert_eq!(sels.len(), arr(&cdef["options"]).len());
            bh.u32(sels.len() as u64);
            let (mut sa, mut sb) = (RistrettoPoint::identity(), RistrettoPoint::identity());
            for (oi, s) in sels.iter().enumerate() {
                let br = arr(&s["proof"]);
                assert_eq!(br.len(), 2);
                let c = T::new("selection-proof")
                    .h(ehv)
                    .h(x)
                    .u32(ci as u64)
                    .u32(oi as u64)
                    .h(&s["alpha"])
                    .h(&s["beta"])
                    .h(&br[0]["a"])
                    .h(&br[0]["b"])
                    .h(&br[1]["a"])
                    .h(&br[1]["b"])
                    .c();
                let (al, be) = (pt(&s["alpha"]), pt(&s["beta"]));
                assert!(branches_ok(c, &kpt, &al, &be, 0, &s["proof"]));
                sa += al;
                sb += be;
                bh.h(&s["alpha"]).h(&s["beta"]).u32(2);
                for x in br {
                    bh.h(&x["a"]).h(&x["b"]).h(&x["c"]).h(&x["v"]);
                }
            }
            let (lo, hi) = (n(&cdef["min_selections"]), n(&cdef["max_selections"]));
            let cp = arr(&ec["count_proof"]);
            assert_eq!(cp.len() as u64, hi - lo + 1);
            let mut t = T::new("count-proof");
            t.h(ehv)
                .h(x)
                .u32(ci as u64)
                .u32(lo)
                .u32(hi)
                .u32(sels.len() as u64);
            for s in sels {
                t.h(&s["alpha"]).h(&s["beta"]);
            }
            t.u32(cp.len() as u64);
            for x in cp {
                t.h(&x["a"]).h(&x["b"]);
            }
            assert!(branches_ok(t.c(), &kpt, &sa, &sb, lo, &ec["count_proof"]));
            bh.u32(cp.len() as u64);
            for x in cp {
                bh.h(&x["a"]).h(&x["b"]).h(&x["c"]).h(&x["v"]);
            }
        }
        let ballot_hash = bh.h32();
        assert_eq!(ballot_hash, b32(&entry["ballot_hash"]));
        let mut pre = T::new("ballot-signature");
        pre.h(ehv).f(&ballot_hash);
        assert!(schnorr_ok(pre, x, &b["signature"]));
        if entry["status"] == "cast" {
            code = T::new("tracking-code").f(&code).f(&ballot_hash).h32();
            assert_eq!(code, b32(&entry["tracking_code"]));
        } else {
            let op = &entry["opening"];
            assert_eq!(b32(&op["ballot_hash"]), ballot_hash);
            for (ec, oc) in arr(&b["contests"]).iter().zip(arr(&op["contests"])) {
                for (s, o) in arr(&ec["selections"]).iter().zip(arr(oc)) {
                    let r = sc(&o["nonce"]);
                    let mark = if o["mark"].as_bool().unwrap() {
                        g()
                    } else {
                        RistrettoPoint::identity()
                    };
                    assert_eq!(pt(&s["alpha"]), r * g());
                    assert_eq!(pt(&s["beta"]), mark + r * kpt);
                }
            }
        }
    }

    // §9 tally, §10 decryption shares and results.
    let tv = read("tally.json");
    let tally = &tv["tally"];
    let ballots = arr(&bv["ballots"]);
    for (ci, row) in arr(&tally["contests"]).iter().enumerate() {
        for (oi, ct) in arr(row).iter().enumerate() {
            let (mut a, mut b) = (RistrettoPoint::identity(), RistrettoPoint::identity());
            for i in arr(&tv["counted"]) {
                let s = &ballots[n(i) as usize]["ballot"]["contests"][ci]["selections"][oi];
                a += pt(&s["alpha"]);
                b += pt(&s["beta"]);
            }
            assert_eq!(a, pt(&ct["alpha"]));
            assert_eq!(b, pt(&ct["beta"]));
        }
    }
    let shares = arr(&tv["decryption_shares"]);
    let idx: Vec<u64> = shares.iter().map(|s| n(&s["trustee"])).collect();
    let lambdas: Vec<Scalar> = idx
        .iter()
        .map(|&j| {
            let mut l = Scalar::ONE;
            for &mm in idx.iter().filter(|&&mm| mm != j) {
                l *= sint(mm) * (sint(mm) - sint(j)).invert();
            }
            l
        })
        .collect();
    let result = &tv["result"];
    for (ci, row) in arr(&tally["contests"]).iter().enumerate() {
        for (oi, ct) in arr(row).iter().enumerate() {
            let mut comb = RistrettoPoint::identity();
            for (s, l) in shares.iter().zip(&lambdas) {
                let j = n(&s["trustee"]);
                let pd = &s["contests"][ci][oi];
                let pr = &pd["proof"];
                let c = T::new("decryption-share")
                    .h(ehv)
                    .u32(j)
                    .u32(ci as u64)
                    .u32(oi as u64)
                    .f(ys[j as usize - 1].compress().as_bytes())
                    .h(&ct["alpha"])
                    .h(&pd["share"])
                    .h(&pr["a"])
                    .h(&pr["b"])
                    .c();
                let v = sc(&pr["v"]);
                assert_eq!(v * g(), pt(&pr["a"]) + c * ys[j as usize - 1]);
                assert_eq!(v * pt(&ct["alpha"]), pt(&pr["b"]) + c * pt(&pd["share"]));
                comb += l * pt(&pd["share"]);
            }
            let count = n(&result["contests"][ci]["counts"][oi]["count"]);
            assert_eq!(pt(&ct["beta"]) - comb, sint(count) * g());
        }
    }
}
