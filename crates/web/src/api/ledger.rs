//! The public ledger: the signed tree head with the key that checks it, entries, and proofs.
//! Anyone may read these; nothing here needs an account.

use axum::extract::State;
use sailau_ledger::{SignedTreeHead, hash_to_hex};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiQuery, optional_u64, required_u64};
use crate::WebState;
use crate::problem::Problem;

/// A tree head: the ledger's size, its Merkle root (RFC 9162) and when it was signed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TreeHeadView {
    /// The number of entries.
    pub size: u64,
    /// 64 hex characters.
    pub root: String,
    /// Milliseconds since the Unix epoch, UTC.
    pub timestamp_ms: u64,
}

/// A signed tree head, exactly as `sailau ledger verify --head` reads it. The signature is
/// Ed25519 over `"sailau-ledger-sth-v1\0" || size (u64 BE) || root || timestamp_ms (u64 BE)`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignedTreeHeadView {
    /// The head signed.
    pub head: TreeHeadView,
    /// SHA-256 of the 32-byte public key, hex.
    pub key_id: String,
    /// 128 hex characters.
    pub signature: String,
}

impl From<&SignedTreeHead> for SignedTreeHeadView {
    fn from(s: &SignedTreeHead) -> Self {
        SignedTreeHeadView {
            head: TreeHeadView {
                size: s.head.size,
                root: hash_to_hex(&s.head.root),
                timestamp_ms: s.head.timestamp_ms,
            },
            key_id: s.key_id.to_hex(),
            signature: hex::encode(s.signature.to_bytes()),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// The latest signed tree head and the key that verifies it.
pub struct LedgerHead {
    /// The signed tree head.
    pub signed_head: SignedTreeHeadView,
    /// The Ed25519 public key that verifies `signed_head`, 64 hex characters.
    pub public_key: String,
}

/// The latest signed tree head and the public key that verifies it.
#[utoipa::path(
    get, path = "/api/ledger/head", tag = "ledger",
    responses((status = 200, description = "The signed tree head", body = LedgerHead))
)]
pub async fn head(State(state): State<WebState>) -> Result<axum::Json<LedgerHead>, Problem> {
    let signed = state.app.signed_head().await?;
    Ok(axum::Json(LedgerHead {
        signed_head: SignedTreeHeadView::from(&signed),
        public_key: sailau_ledger::verifying_key_to_hex(&state.app.ledger_public_key()),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which entries to list.
pub struct EntriesQuery {
    /// The first entry (0 by default). At or beyond the ledger's size: an empty page.
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 0, maximum = 9223372036854775807_i64)]
    pub start: Option<u64>,
    /// One past the last entry; at most `start + 1000` entries are returned (default and cap).
    /// Before `start`: an empty page.
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 0, maximum = 9223372036854775807_i64)]
    pub end: Option<u64>,
}

/// One entry of the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntryView {
    /// The entry's index, from 0.
    pub index: u64,
    /// When the command was applied, milliseconds since the Unix epoch, UTC.
    pub at_ms: i64,
    /// The command's kind, e.g. `create_precinct`.
    #[schema(example = "create_precinct")]
    pub kind: String,
    /// SHA-256(0x00 || canonical), hex: the leaf of the Merkle tree.
    pub leaf_hash: String,
    /// The entry: `{v, index, at_ms, actor, command}`.
    #[schema(value_type = Object)]
    pub entry: serde_json::Value,
    /// The exact bytes the leaf hash covers, as text.
    pub canonical: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A page of ledger entries.
pub struct EntryPage {
    /// The first entry returned.
    pub start: u64,
    /// One past the last entry returned.
    pub end: u64,
    /// The ledger's size now.
    pub size: u64,
    /// The entries, by index.
    pub entries: Vec<EntryView>,
}

/// Entries `start..end` of the ledger, at most 1000 at a time.
#[utoipa::path(
    get, path = "/api/ledger/entries", tag = "ledger",
    params(EntriesQuery),
    responses(
        (status = 200, description = "The entries", body = EntryPage),
        (status = 400, description = "A malformed number", body = Problem),
    )
)]
pub async fn entries(
    State(state): State<WebState>,
    ApiQuery(query): ApiQuery<EntriesQuery>,
) -> Result<axum::Json<EntryPage>, Problem> {
    let size = state.app.signed_head().await?.head.size;
    let start = query.start.unwrap_or(0);
    let max = sailau_app::ledger::MAX_PAGE;
    let end = query.end.unwrap_or(start.saturating_add(max));
    // Past the end of the ledger, or an empty range: an empty page.
    let end = end
        .min(size)
        .min(start.saturating_add(max))
        .max(start.min(size));
    let rows = if start >= size {
        Vec::new()
    } else {
        state.app.ledger_entries(start, end).await?
    };
    Ok(axum::Json(EntryPage {
        start,
        end: start + rows.len() as u64,
        size,
        entries: rows
            .into_iter()
            .map(|e| EntryView {
                index: e.index,
                at_ms: e.at_ms,
                kind: e.kind,
                leaf_hash: hash_to_hex(&e.leaf_hash),
                entry: e.entry,
                canonical: e.canonical,
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which inclusion proof to give.
pub struct InclusionQuery {
    /// The entry's index.
    #[serde(deserialize_with = "required_u64")]
    #[param(minimum = 0, maximum = 9223372036854775807_i64)]
    pub index: u64,
    /// The tree size to prove against (the current size by default).
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 1, maximum = 9223372036854775807_i64)]
    pub size: Option<u64>,
}

/// An audit path (RFC 9162 §2.1.3).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InclusionProofView {
    /// The entry's index.
    pub index: u64,
    /// The tree size the proof is against.
    pub size: u64,
    /// Sibling hashes from the leaf up, hex.
    pub path: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// An inclusion proof with the leaf and root it links.
pub struct InclusionAnswer {
    /// The entry's leaf hash, hex.
    pub leaf_hash: String,
    /// The root of the tree of `size` entries, hex.
    pub root: String,
    /// The audit path.
    pub proof: InclusionProofView,
}

/// Proof that entry `index` is in the tree of `size` entries.
#[utoipa::path(
    get, path = "/api/ledger/proof/inclusion", tag = "ledger",
    params(InclusionQuery),
    responses(
        (status = 200, description = "The proof", body = InclusionAnswer),
        (status = 400, description = "A malformed or missing number", body = Problem),
        (status = 404, description = "No such proof: need index < size <= the ledger's size", body = Problem),
    )
)]
pub async fn inclusion(
    State(state): State<WebState>,
    ApiQuery(query): ApiQuery<InclusionQuery>,
) -> Result<axum::Json<InclusionAnswer>, Problem> {
    let index = query.index;
    if query.size == Some(0) {
        return Err(Problem::bad_parameter(
            "size",
            "range-invalid",
            "a whole number from 1",
            &[],
        ));
    }
    let size = match query.size {
        Some(s) => s,
        None => state.app.signed_head().await?.head.size,
    };
    let a = state
        .app
        .inclusion_proof(index, size)
        .await
        .map_err(out_of_range)?;
    Ok(axum::Json(InclusionAnswer {
        leaf_hash: hash_to_hex(&a.leaf_hash),
        root: hash_to_hex(&a.root),
        proof: InclusionProofView {
            index: a.proof.index,
            size: a.proof.size,
            path: a.proof.path.iter().map(hash_to_hex).collect(),
        },
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which consistency proof to give.
pub struct ConsistencyQuery {
    /// The older size (at least 1).
    #[serde(deserialize_with = "required_u64")]
    #[param(minimum = 1, maximum = 9223372036854775807_i64)]
    pub first: u64,
    /// The newer size (the current size by default).
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 1, maximum = 9223372036854775807_i64)]
    pub second: Option<u64>,
}

/// A consistency proof (RFC 9162 §2.1.4).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsistencyProofView {
    /// The older tree size.
    pub first: u64,
    /// The newer tree size.
    pub second: u64,
    /// Hex hashes.
    pub path: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A consistency proof with the two roots it links.
pub struct ConsistencyAnswer {
    /// The root of the first `first` entries, hex.
    pub first_root: String,
    /// The root of the first `second` entries, hex.
    pub second_root: String,
    /// The consistency path.
    pub proof: ConsistencyProofView,
}

/// Proof that the tree of `first` entries is a prefix of the tree of `second` entries.
#[utoipa::path(
    get, path = "/api/ledger/proof/consistency", tag = "ledger",
    params(ConsistencyQuery),
    responses(
        (status = 200, description = "The proof", body = ConsistencyAnswer),
        (status = 400, description = "A malformed or missing number, or first = 0", body = Problem),
        (status = 404, description = "No such proof: need first <= second <= the ledger's size", body = Problem),
    )
)]
pub async fn consistency(
    State(state): State<WebState>,
    ApiQuery(query): ApiQuery<ConsistencyQuery>,
) -> Result<axum::Json<ConsistencyAnswer>, Problem> {
    let first = query.first;
    if first == 0 || query.second == Some(0) {
        let field = if first == 0 { "first" } else { "second" };
        return Err(Problem::bad_parameter(
            field,
            "range-invalid",
            "a whole number from 1",
            &[],
        ));
    }
    let second = match query.second {
        Some(s) => s,
        None => state.app.signed_head().await?.head.size,
    };
    let a = state
        .app
        .consistency_proof(first, second)
        .await
        .map_err(out_of_range)?;
    Ok(axum::Json(ConsistencyAnswer {
        first_root: hash_to_hex(&a.first_root),
        second_root: hash_to_hex(&a.second_root),
        proof: ConsistencyProofView {
            first: a.proof.first,
            second: a.proof.second,
            path: a.proof.path.iter().map(hash_to_hex).collect(),
        },
    }))
}

/// Sizes and indexes that are well-formed but name no tree or entry of this ledger: 404 (they
/// depend on the ledger's size, which the OpenAPI document cannot state).
fn out_of_range(e: sailau_app::AppError) -> Problem {
    match e {
        sailau_app::AppError::BadRequest(detail) => {
            Problem::new(crate::problem::ProblemKind::NotFound).with_detail(detail)
        }
        other => other.into(),
    }
}
