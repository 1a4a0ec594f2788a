//! The public ledger: signed heads, proofs, and full verification with replay.

use sailau_domain::{Actor, Edition, LedgerEntry, Principal, Role, Scope};
use sailau_ledger::{
    ConsistencyProof, Frontier, Hash, InclusionProof, SignedTreeHead, Tree, TreeHead, VerifyingKey,
    hash_to_hex, leaf_hash,
};
use sailau_storage::{LedgerRow, RegistryDump, Store};
use serde::Serialize;

use crate::execute::{Acting, Ctx, apply, refresh_acting};
use crate::{App, AppError};

/// The most entries one request may list.
pub const MAX_PAGE: u64 = 1000;

/// The leaf hashes seen so far, kept in memory to answer proofs; the ledger only grows, so
/// only new leaves are ever read.
#[derive(Default)]
pub struct LeafCache {
    tree: Tree,
}

/// An entry as the API and pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// The entry's index, from 0.
    pub index: u64,
    /// When it was written (milliseconds since the Unix epoch).
    pub at_ms: i64,
    /// The command's ledger name (`create_territory`, ...).
    pub kind: String,
    #[serde(with = "sailau_ledger::hex32")]
    /// The RFC 9162 leaf hash of the canonical bytes (SHA-256 of `0x00 || entry`), as hex.
    pub leaf_hash: Hash,
    /// The canonical entry, parsed.
    pub entry: serde_json::Value,
    /// The canonical entry bytes as text (what the leaf hash covers).
    pub canonical: String,
}

impl EntryView {
    fn of(row: LedgerRow) -> EntryView {
        let canonical = String::from_utf8_lossy(&row.entry).into_owned();
        EntryView {
            index: row.index,
            at_ms: row.at_ms,
            kind: row.kind,
            leaf_hash: row.leaf_hash,
            entry: serde_json::from_slice(&row.entry).unwrap_or(serde_json::Value::Null),
            canonical,
        }
    }
}

/// An inclusion proof with what it proves.
#[derive(Debug, Clone, Serialize)]
pub struct InclusionAnswer {
    #[serde(with = "sailau_ledger::hex32")]
    /// The leaf hash of the entry proved.
    pub leaf_hash: Hash,
    #[serde(with = "sailau_ledger::hex32")]
    /// The root of the tree of the size asked for.
    pub root: Hash,
    /// The audit path (RFC 9162 §2.1.3).
    pub proof: InclusionProof,
}

/// A consistency proof with the two roots it links.
#[derive(Debug, Clone, Serialize)]
pub struct ConsistencyAnswer {
    #[serde(with = "sailau_ledger::hex32")]
    /// The root of the smaller tree.
    pub first_root: Hash,
    #[serde(with = "sailau_ledger::hex32")]
    /// The root of the larger tree.
    pub second_root: Hash,
    /// The consistency path (RFC 9162 §2.1.4).
    pub proof: ConsistencyProof,
}

impl App {
    /// The current signed tree head (signed at the last command; for an empty ledger, now).
    pub async fn signed_head(&self) -> Result<SignedTreeHead, AppError> {
        let status = self.store.ledger_status().await?;
        if status.signed_head.is_empty() {
            let head = TreeHead {
                size: 0,
                root: sailau_ledger::EMPTY_ROOT,
                timestamp_ms: u64::try_from(self.clock.now_ms()).unwrap_or(0),
            };
            return Ok(self.key.sign(&head));
        }
        serde_json::from_str(&status.signed_head)
            .map_err(|e| AppError::Ledger(format!("stored signed head: {e}")))
    }

    /// Entries `start..end` (at most [`MAX_PAGE`]).
    pub async fn ledger_entries(&self, start: u64, end: u64) -> Result<Vec<EntryView>, AppError> {
        if end < start {
            return Err(AppError::BadRequest(
                "end must not be less than start".into(),
            ));
        }
        let end = end.min(start.saturating_add(MAX_PAGE));
        Ok(self
            .store
            .ledger_entries(start, end)
            .await?
            .into_iter()
            .map(EntryView::of)
            .collect())
    }

    /// Brings the leaf cache up to the ledger's size and runs `f` on the tree.
    async fn with_tree<T>(
        &self,
        f: impl FnOnce(&Tree) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let size = self.store.ledger_status().await?.size;
        let mut cache = self.leaves.lock().await;
        let have = cache.tree.len();
        if have < size {
            for leaf in self.store.ledger_leaf_hashes(have, size).await? {
                cache.tree.push(leaf);
            }
        }
        f(&cache.tree)
    }

    /// Proof that entry `index` is in the tree of size `size`.
    pub async fn inclusion_proof(
        &self,
        index: u64,
        size: u64,
    ) -> Result<InclusionAnswer, AppError> {
        self.with_tree(|tree| {
            if size == 0 || size > tree.len() || index >= size {
                return Err(AppError::BadRequest(format!(
                    "need index < size <= {} (the ledger's size); got index {index}, size {size}",
                    tree.len()
                )));
            }
            let path = tree
                .inclusion_proof(index, size)
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
            let root = tree
                .root_at(size)
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
            let leaf_hash = *tree
                .leaf(index)
                .ok_or_else(|| AppError::NotFound(crate::Thing::LedgerEntry, index.to_string()))?;
            Ok(InclusionAnswer {
                leaf_hash,
                root,
                proof: InclusionProof { index, size, path },
            })
        })
        .await
    }

    /// Proof that the tree of size `first` is a prefix of the tree of size `second`.
    pub async fn consistency_proof(
        &self,
        first: u64,
        second: u64,
    ) -> Result<ConsistencyAnswer, AppError> {
        self.with_tree(|tree| {
            if first == 0 || first > second || second > tree.len() {
                return Err(AppError::BadRequest(format!(
                    "need 0 < first <= second <= {} (the ledger's size); got first {first}, second {second}",
                    tree.len()
                )));
            }
            let path = tree.consistency_proof(first, second).map_err(|e| AppError::BadRequest(e.to_string()))?;
            let first_root = tree.root_at(first).map_err(|e| AppError::BadRequest(e.to_string()))?;
            let second_root = tree.root_at(second).map_err(|e| AppError::BadRequest(e.to_string()))?;
            Ok(ConsistencyAnswer { first_root, second_root, proof: ConsistencyProof { first, second, path } })
        })
        .await
    }
}

/// What a successful verification established.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// Entries checked and replayed.
    pub entries: u64,
    #[serde(with = "sailau_ledger::hex32")]
    /// The recomputed root, equal to the stored one.
    pub root: Hash,
    /// The latest signed tree head, checked against the key.
    pub signed_head: SignedTreeHead,
    /// Territories in the registry, equal to the replay's.
    pub territories: usize,
    /// Precincts in the registry, equal to the replay's.
    pub precincts: usize,
    /// Parties in the registry, equal to the replay's.
    pub parties: usize,
    /// Accounts in the registry, equal to the replay's.
    pub accounts: usize,
}

/// The first thing found wrong.
#[derive(Debug, thiserror::Error)]
pub enum VerifyFailure {
    #[error("entry {index} is missing (the stored indexes jump from {index} to {found})")]
    /// An index is missing between two stored entries.
    EntryMissing {
        /// The missing index.
        index: u64,
        /// The next index stored.
        found: u64,
    },
    #[error("entry {index}: {reason}")]
    /// An entry does not decode, or is not in its canonical form.
    Malformed {
        /// The entry.
        index: u64,
        /// What is wrong.
        reason: String,
    },
    #[error(
        "entry {index}: its content says index {claimed}: entries were inserted, removed or reordered"
    )]
    /// An entry's content names another index than its position.
    OutOfOrder {
        /// The position.
        index: u64,
        /// The index the entry says.
        claimed: u64,
    },
    #[error("entry {index}: the stored leaf hash does not match the entry: the entry was changed")]
    /// The stored leaf hash is not the hash of the entry.
    LeafHash {
        /// The entry.
        index: u64,
    },
    #[error("entry {index}: the stored root does not match the recomputed tree")]
    /// The stored root after an entry is not the recomputed one.
    Root {
        /// The entry.
        index: u64,
    },
    #[error("ledger state: {0}")]
    /// The stored size or frontier disagrees with the entries.
    State(String),
    #[error("signed tree head: {0}")]
    /// The signed tree head does not verify or does not match the tree.
    Head(String),
    #[error("entry {index} does not replay: {reason}")]
    /// An entry is refused when replayed with the rules of its edition.
    Replay {
        /// The entry.
        index: u64,
        /// Why it is refused.
        reason: String,
    },
    #[error("registry differs from the replay of the ledger: {0}")]
    /// The registry's tables differ from those the replay produced (the first difference).
    Registry(String),
    #[error(transparent)]
    /// The database or the replay failed.
    App(#[from] AppError),
}

impl From<sailau_storage::StorageError> for VerifyFailure {
    fn from(e: sailau_storage::StorageError) -> Self {
        VerifyFailure::App(AppError::Storage(e))
    }
}

/// Progress callback: (done, total).
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Sync);

/// Recomputes the Merkle tree from the stored entries, checks the signed head against `key`
/// (and `extra_heads`, heads published earlier), replays every entry into an empty database and
/// compares the result with the registry tables. The first difference is the error.
pub async fn verify(
    store: &Store,
    key: &VerifyingKey,
    extra_heads: &[SignedTreeHead],
    progress: Progress<'_>,
) -> Result<VerifyReport, VerifyFailure> {
    let rows = store.ledger_all().await?;
    let total = rows.len() as u64;
    let mut tree = Tree::new();
    let mut entries = Vec::with_capacity(rows.len());
    for (position, row) in rows.into_iter().enumerate() {
        let index = position as u64;
        if row.index != index {
            return Err(VerifyFailure::EntryMissing {
                index,
                found: row.index,
            });
        }
        let entry =
            LedgerEntry::decode_canonical(&row.entry).map_err(|e| VerifyFailure::Malformed {
                index,
                reason: e.to_string(),
            })?;
        if entry.index != index {
            return Err(VerifyFailure::OutOfOrder {
                index,
                claimed: entry.index,
            });
        }
        let leaf = leaf_hash(&row.entry);
        if leaf != row.leaf_hash {
            return Err(VerifyFailure::LeafHash { index });
        }
        tree.push(leaf);
        if tree.root() != row.root {
            return Err(VerifyFailure::Root { index });
        }
        if entry.at_ms != row.at_ms || entry.command.kind().as_str() != row.kind {
            return Err(VerifyFailure::Malformed {
                index,
                reason: "time or kind column disagrees with the entry".into(),
            });
        }
        entries.push(entry);
        if index.is_multiple_of(1024) {
            progress(index / 2, total);
        }
    }
    let root = tree.root();

    // The ledger state row and the signed head.
    let status = store.ledger_status().await?;
    if status.size != total {
        return Err(VerifyFailure::State(format!(
            "records {} entries, the table holds {total}",
            status.size
        )));
    }
    let frontier = Frontier::from_leaves(tree.leaves());
    if frontier.to_bytes() != status.frontier {
        return Err(VerifyFailure::State(
            "the stored frontier does not match the recomputed tree".into(),
        ));
    }
    let head: SignedTreeHead = if total == 0 && status.signed_head.is_empty() {
        return Ok(VerifyReport {
            entries: 0,
            root,
            signed_head: SignedTreeHead {
                head: TreeHead {
                    size: 0,
                    root,
                    timestamp_ms: 0,
                },
                key_id: sailau_ledger::KeyId::of(key),
                signature: sailau_ledger::Signature::from_bytes(&[0; 64]),
            },
            territories: 0,
            precincts: 0,
            parties: 0,
            accounts: 0,
        });
    } else {
        serde_json::from_str(&status.signed_head)
            .map_err(|e| VerifyFailure::Head(format!("unreadable: {e}")))?
    };
    for h in std::iter::once(&head).chain(extra_heads) {
        sailau_ledger::verify(h, key)
            .map_err(|e| VerifyFailure::Head(format!("size {}: {e}", h.head.size)))?;
        if h.head.size > total {
            return Err(VerifyFailure::Head(format!(
                "a head signed for {} entries, the ledger has {total}: entries were removed",
                h.head.size
            )));
        }
        let expected = tree
            .root_at(h.head.size)
            .map_err(|e| VerifyFailure::Head(e.to_string()))?;
        if expected != h.head.root {
            return Err(VerifyFailure::Head(format!(
                "the head signed for size {} has root {}, the entries give {}: the ledger was rewritten",
                h.head.size,
                hash_to_hex(&h.head.root),
                hash_to_hex(&expected)
            )));
        }
    }
    if head.head.size != total {
        return Err(VerifyFailure::Head(format!(
            "the last signed head covers {} entries, the ledger has {total}: entries {}.. were added without signing",
            head.head.size, head.head.size
        )));
    }

    // Replay into an empty database, re-authorizing every command with the actor's role at the time.
    let replay = Store::memory().await?;
    let mut tx = replay.begin().await?;
    let day = crate::elections::day::DayMemo::default();
    for entry in &entries {
        let acting = match &entry.actor {
            Actor::Operator => Acting::Operator,
            Actor::Voter => Acting::Voter,
            Actor::Account { username } => {
                let stub = Principal {
                    username: username.clone(),
                    role: Role::Observer,
                    scope: Scope::Global,
                };
                refresh_acting(&mut tx, &Acting::Account(stub))
                    .await
                    .map_err(|e| VerifyFailure::Replay {
                        index: entry.index,
                        reason: format!("actor {username}: {e}"),
                    })?
            }
        };
        let ctx = Ctx {
            at_ms: entry.at_ms,
            beside: None,
            // Decoding admitted only known editions; each entry is held to its own rules.
            edition: Edition::of(entry.v).unwrap_or(Edition::CURRENT),
            actor: entry.actor.to_string(),
            memo: None,
            day: Some(&day),
        };
        apply(&mut tx, &acting, &entry.command, &ctx)
            .await
            .map_err(|e| VerifyFailure::Replay {
                index: entry.index,
                reason: e.to_string(),
            })?;
        if !day.keeps_after(entry.command.kind()) {
            day.clear();
        }
        let bytes = entry.encode().map_err(|e| VerifyFailure::Replay {
            index: entry.index,
            reason: e.to_string(),
        })?;
        tx.append_ledger(&bytes, entry.at_ms, entry.command.kind().as_str())
            .await?;
        if entry.index.is_multiple_of(1024) {
            progress(total / 2 + entry.index / 2, total);
        }
    }
    tx.commit("").await?;

    let live = store.dump_registry().await?;
    let replayed = replay.dump_registry().await?;
    compare(&live, &replayed).map_err(VerifyFailure::Registry)?;
    // i13-party: the party tables the ledger rebuilds (members' records are not among them).
    crate::party::compare_replay(&store.dump_party().await?, &replay.dump_party().await?)
        .map_err(VerifyFailure::Registry)?;
    // i13-pipeline: primary meetings and regional plans.
    crate::party::pipeline::compare_replay(
        &store.dump_pipeline().await?,
        &replay.dump_pipeline().await?,
    )
    .map_err(VerifyFailure::Registry)?;
    // i14-primaries: campaigns, contenders, debates, paper counts.
    crate::primaries::compare_replay(
        &store.dump_primaries().await?,
        &replay.dump_primaries().await?,
    )
    .map_err(VerifyFailure::Registry)?;
    if store.territory_placement().await? != replay.territory_placement().await? {
        return Err(VerifyFailure::Registry(
            "territories: region or depth columns differ".into(),
        ));
    }
    progress(total, total);
    Ok(VerifyReport {
        entries: total,
        root,
        signed_head: head,
        territories: live.territories.len(),
        precincts: live.precincts.len(),
        parties: live.parties.len(),
        accounts: live.accounts.len(),
    })
}

/// Names the first difference between the live registry and the replay. Rows are matched by their key (a
/// territory's code, a precinct's region and number, a party's code, a branch's party and territory, a
/// person's id, an account's username), so a row inserted or deleted behind the ledger's back is named as
/// such, not as a shift of every row after it.
fn compare(live: &RegistryDump, replay: &RegistryDump) -> Result<(), String> {
    /// A row as the user reads it: its JSON form (never Rust's debug notation).
    fn shown<T: serde::Serialize>(row: Option<&T>) -> String {
        match row.map(serde_json::to_string) {
            Some(Ok(json)) => json,
            Some(Err(_)) | None => "(none)".to_owned(),
        }
    }
    fn table<T: PartialEq + serde::Serialize>(
        name: &str,
        live: &[T],
        replay: &[T],
        key: impl Fn(&T) -> String,
    ) -> Result<(), String> {
        let replayed: std::collections::HashMap<String, &T> =
            replay.iter().map(|r| (key(r), r)).collect();
        let kept: std::collections::HashSet<String> = live.iter().map(&key).collect();
        for row in live {
            let k = key(row);
            match replayed.get(&k) {
                None => {
                    return Err(format!(
                        "table {name} holds a row the ledger never created: {k}"
                    ));
                }
                Some(expected) if *expected != row => {
                    return Err(format!(
                        "{name}, {k}: the table has {}, the ledger gives {}",
                        shown(Some(row)),
                        shown(Some(*expected))
                    ));
                }
                Some(_) => {}
            }
        }
        if let Some(missing) = replay.iter().map(&key).find(|k| !kept.contains(k)) {
            return Err(format!(
                "table {name} lacks a row the ledger created: {missing}"
            ));
        }
        Ok(())
    }
    table("territories", &live.territories, &replay.territories, |t| {
        t.code.to_string()
    })?;
    table("precincts", &live.precincts, &replay.precincts, |p| {
        format!("precinct {} of region {}", p.number, p.region_code)
    })?;
    table("parties", &live.parties, &replay.parties, |p| {
        p.code.to_string()
    })?;
    table("branches", &live.branches, &replay.branches, |b| {
        format!("{} in {}", b.party_code, b.territory_code)
    })?;
    table("persons", &live.persons, &replay.persons, |p| {
        p.id.to_string()
    })?;
    table("accounts", &live.accounts, &replay.accounts, |a| {
        a.username.to_string()
    })?;
    table("elections", &live.elections, &replay.elections, |e| {
        e.id.to_string()
    })?;
    table("contests", &live.contests, &replay.contests, |c| {
        c.id.to_string()
    })?;
    table("nominations", &live.nominations, &replay.nominations, |n| {
        n.id.to_string()
    })?;
    Ok(())
}
