//! The public ledger: entries newest first with the signed tree head, and one entry with its
//! inclusion proof and the consistency of the tree since it was appended.

use sailau_domain::{accounts, registry};
use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use sailau_app::ledger::EntryView;
use sailau_domain::primaries::online::{CeremonyFile, PublishCeremonyFile};
use sailau_domain::{
    Command, LedgerEntry, Party, PartyCode, PrecinctRef, Scope, Territory, TerritoryCode,
};
use sailau_ledger::SignedTreeHead;

use super::messages::lower_first;
use super::{Fail, Page, PageCtx, utc_time};
use crate::WebState;

/// Entries per page.
const PAGE_SIZE: u64 = 50;

pub struct EntryRow {
    /// The entry's position, from 0 — the same number as the API's `index` and the canonical
    /// JSON's `index` field.
    pub index: u64,
    pub time: String,
    pub time_iso: String,
    pub actor: String,
    pub command: String,
    /// What the entry did, as a sentence in the reader's language with names resolved.
    pub sentence: String,
    pub leaf_hash: String,
}

/// Names of the registry, looked up once per page to put entries into words.
pub struct Registry {
    territories: HashMap<String, Territory>,
    parties: HashMap<String, Party>,
}

impl Registry {
    pub async fn load(state: &WebState) -> Result<Registry, Fail> {
        let store = state.app.store();
        Ok(Registry {
            territories: store
                .territories()
                .await?
                .into_iter()
                .map(|t| (t.code.to_string(), t))
                .collect(),
            parties: store
                .parties()
                .await?
                .into_iter()
                .map(|p| (p.code.to_string(), p))
                .collect(),
        })
    }

    /// A territory's name in the reader's language ("код 123456789" when it is unknown).
    fn territory(&self, ctx: &PageCtx, code: &TerritoryCode) -> String {
        match self.territories.get(code.as_str()) {
            Some(t) => ctx.name_of(&t.names).to_owned(),
            None => ctx.tr_arg("ledger-unknown-territory", "code", code),
        }
    }

    /// A territory's name with its region's when they differ: "Kurchatov (Abai Region)".
    fn territory_in_region(&self, ctx: &PageCtx, code: &TerritoryCode) -> String {
        let mut top = self.territories.get(code.as_str());
        for _ in 0..8 {
            match top
                .and_then(|t| t.parent_code.as_ref())
                .and_then(|p| self.territories.get(p.as_str()))
            {
                Some(parent) => top = Some(parent),
                None => break,
            }
        }
        match top {
            Some(region) if region.code != *code => ctx.tr_args(
                "ledger-territory-in-region",
                &[
                    ("territory", self.territory(ctx, code)),
                    ("region", ctx.name_of(&region.names).to_owned()),
                ],
            ),
            _ => self.territory(ctx, code),
        }
    }

    /// A party's short name (its code when it is unknown).
    fn party(&self, code: &PartyCode) -> String {
        match self.parties.get(code.as_str()) {
            Some(p) if !p.short_name.is_empty() => p.short_name.clone(),
            _ => code.to_string(),
        }
    }

    /// A precinct as "№ 12 (region)".
    fn precinct(&self, ctx: &PageCtx, r: &PrecinctRef) -> String {
        ctx.precinct_text(r, &|c| self.territory(ctx, c))
    }

    /// A scope in words, with names instead of codes.
    fn scope(&self, ctx: &PageCtx, scope: &Scope) -> String {
        ctx.scope_text_named(scope, &|c| self.territory(ctx, c), &|p| self.party(p))
    }
}

/// What a command did, as a sentence: "admin added polling station No. 123 (Uil District, …)".
pub fn sentence(ctx: &PageCtx, registry: &Registry, actor: &str, command: &Command) -> String {
    fn a(actor: &str, pairs: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut args = vec![("actor", actor.to_owned())];
        args.extend(pairs.iter().cloned());
        args
    }
    let a = |pairs: &[(&'static str, String)]| a(actor, pairs);
    let (key, args) = match command {
        Command::CreateTerritory(registry::CreateTerritory { territory }) => (
            "ledger-did-create-territory",
            a(&[
                ("name", ctx.name_of(&territory.names).to_owned()),
                ("kind", lower_first(&ctx.kind_name(&territory.kind))),
                ("code", territory.code.to_string()),
            ]),
        ),
        Command::RenameTerritory(registry::RenameTerritory { code, names }) => (
            "ledger-did-rename-territory",
            a(&[
                ("code", code.to_string()),
                ("name", ctx.name_of(names).to_owned()),
            ]),
        ),
        Command::CreatePrecinct(registry::CreatePrecinct { precinct }) => (
            "ledger-did-create-precinct",
            a(&[
                ("number", precinct.number.to_string()),
                (
                    "territory",
                    registry.territory_in_region(ctx, &precinct.territory_code),
                ),
                ("voters", precinct.voters.to_string()),
            ]),
        ),
        Command::UpdatePrecinct(registry::UpdatePrecinct {
            precinct,
            address,
            voters,
        }) => (
            "ledger-did-update-precinct",
            a(&[
                ("precinct", registry.precinct(ctx, precinct)),
                ("address", address.clone()),
                ("voters", voters.to_string()),
            ]),
        ),
        Command::CreateParty(registry::CreateParty { party }) => (
            "ledger-did-create-party",
            a(&[("name", party.name(ctx.lang).to_owned())]),
        ),
        Command::UpdateParty(registry::UpdateParty { party }) => (
            "ledger-did-update-party",
            a(&[("name", party.name(ctx.lang).to_owned())]),
        ),
        Command::CreateBranch(registry::CreateBranch { branch }) => (
            "ledger-did-create-branch",
            a(&[
                ("party", registry.party(&branch.party_code)),
                (
                    "territory",
                    registry.territory_in_region(ctx, &branch.territory_code),
                ),
            ]),
        ),
        Command::RegisterPerson(registry::RegisterPerson { person }) => (
            "ledger-did-register-person",
            a(&[("name", person.full_name())]),
        ),
        Command::CreateAccount(accounts::CreateAccount { account }) => (
            "ledger-did-create-account",
            a(&[
                ("username", account.username.to_string()),
                ("role", ctx.role_name(&account.role)),
                ("scope", registry.scope(ctx, &account.scope)),
            ]),
        ),
        Command::ChangeAccountRole(accounts::ChangeAccountRole {
            username,
            role,
            scope,
        }) => (
            "ledger-did-change-account-role",
            a(&[
                ("username", username.to_string()),
                ("role", ctx.role_name(role)),
                ("scope", registry.scope(ctx, scope)),
            ]),
        ),
        Command::SetAccountActive(accounts::SetAccountActive { username, active }) => (
            "ledger-did-set-account-active",
            a(&[
                ("username", username.to_string()),
                ("active", if *active { "yes" } else { "no" }.to_owned()),
            ]),
        ),
        Command::ChangePassword(accounts::ChangePassword { username }) => (
            "ledger-did-change-password",
            a(&[("username", username.to_string())]),
        ),
        Command::CallElection(c) => (
            "ledger-did-call-election",
            a(&[
                ("name", ctx.name_of(&c.names).to_owned()),
                (
                    "day",
                    format!(
                        "{:02}.{:02}.{:04}",
                        c.election_day.day(),
                        c.election_day.month(),
                        c.election_day.year()
                    ),
                ),
                ("units", c.contests.len().to_string()),
            ]),
        ),
        Command::NominateByParty(c) => (
            "ledger-did-nominate-by-party",
            a(&[
                ("party", registry.party(&c.party)),
                ("name", c.candidate.person.full_name()),
            ]),
        ),
        Command::ApplySelfNomination(c) => (
            "ledger-did-apply-self-nomination",
            a(&[("name", c.candidate.person.full_name())]),
        ),
        Command::ProposeByHigherAkim(c) => (
            "ledger-did-propose-by-higher-akim",
            a(&[("name", c.candidate.person.full_name())]),
        ),
        Command::AttachDocument(c) => (
            "ledger-did-attach-document",
            a(&[
                ("document", c.document.clone()),
                ("nomination", c.nomination.to_string()),
            ]),
        ),
        Command::TickDocument(c) => (
            "ledger-did-tick-document",
            a(&[
                ("document", c.document.clone()),
                ("nomination", c.nomination.to_string()),
                ("present", if c.present { "yes" } else { "no" }.to_owned()),
            ]),
        ),
        Command::RecordDeposit(c) => (
            "ledger-did-record-deposit",
            a(&[
                ("amount", c.amount_tenge.to_string()),
                ("nomination", c.nomination.to_string()),
            ]),
        ),
        Command::RegisterCandidate(c) => (
            "ledger-did-register-candidate",
            a(&[("nomination", c.nomination.to_string())]),
        ),
        Command::RefuseRegistration(c) => (
            "ledger-did-refuse-registration",
            a(&[
                ("nomination", c.nomination.to_string()),
                ("ground", c.ground.clone()),
            ]),
        ),
        Command::CancelRegistration(c) => (
            "ledger-did-cancel-registration",
            a(&[
                ("nomination", c.nomination.to_string()),
                ("reason", c.reason.as_str().to_owned()),
            ]),
        ),
        Command::ProduceBallots(c) => (
            "ledger-did-produce-ballots",
            a(&[("contest", c.contest.to_string())]),
        ),
        // i11-sign
        Command::RecordSignatureSheets(c) => (
            "ledger-did-record-signature-sheets",
            a(&[
                ("nomination", c.nomination.to_string()),
                ("lines", c.counts.lines.to_string()),
                ("valid", c.counts.valid.to_string()),
                ("required", c.required.to_string()),
            ]),
        ),
        Command::EraseSignatureData(c) => (
            "ledger-did-erase-signature-data",
            a(&[("nomination", c.nomination.to_string())]),
        ),
        // i13-party: no sentence names a member (their data is not in the ledger).
        Command::RecordMember(c) => (
            "ledger-did-record-member",
            a(&[
                ("party", registry.party(&c.party)),
                ("territory", registry.territory_in_region(ctx, &c.branch)),
            ]),
        ),
        Command::EraseMemberData(_) => ("ledger-did-erase-member-data", a(&[])),
        Command::SetConferenceCount(c) => (
            "ledger-did-set-conference-count",
            a(&[
                ("party", registry.party(&c.party)),
                ("territory", registry.territory_in_region(ctx, &c.branch)),
                ("round", c.last.to_string()),
            ]),
        ),
        Command::ConveneConference(c) => (
            "ledger-did-convene-conference",
            a(&[
                ("party", registry.party(&c.party)),
                ("territory", registry.territory_in_region(ctx, &c.branch)),
                (
                    "ordinal",
                    sailau_domain::party::numbering::conference_number(c.ordinal, ctx.lang),
                ),
            ]),
        ),
        Command::SeatDelegate(c) => (
            "ledger-did-seat-delegate",
            a(&[("mandate", c.mandate.to_string())]),
        ),
        Command::CheckIn(c) => (
            "ledger-did-check-in",
            a(&[("mandate", c.mandate.to_string())]),
        ),
        Command::OpenMotion(_) => ("ledger-did-open-motion", a(&[])),
        Command::RecordVote(c) => (
            "ledger-did-record-vote",
            a(&[("round", c.round.to_string())]),
        ),
        // i13-pipeline
        Command::RecordPrimaryMeeting(_) => ("ledger-did-record-primary-meeting", a(&[])),
        Command::AdoptRegionalPlan(_) => ("ledger-did-adopt-regional-plan", a(&[])),
        // i12-day
        Command::ReportTurnout(_) => ("ledger-did-report-turnout", a(&[])),
        Command::EnterProtocol(_) => ("ledger-did-enter-protocol", a(&[])),
        Command::AmendProtocol(_) => ("ledger-did-amend-protocol", a(&[])),
        Command::AttachProtocolScan(_) => ("ledger-did-attach-protocol-scan", a(&[])),
        Command::RecordObserverCopy(_) => ("ledger-did-record-observer-copy", a(&[])),
        // i12-results
        Command::CertifyResults(c) => (
            "ledger-did-certify-results",
            a(&[("contest", c.contest.to_string())]),
        ),
        // i14-primaries
        Command::OpenCampaign(c) => (
            "ledger-did-open-campaign",
            a(&[(
                "title",
                match ctx.lang {
                    "kk" => c.title_kk.clone(),
                    "en" if !c.title_en.is_empty() => c.title_en.clone(),
                    _ => c.title_ru.clone(),
                },
            )]),
        ),
        Command::RegisterContender(_) => ("ledger-did-register-contender", a(&[])),
        Command::DecideContender(c) => match &c.decision {
            sailau_domain::primaries::contenders::Decision::Admit => {
                ("ledger-did-admit-contender", a(&[]))
            }
            sailau_domain::primaries::contenders::Decision::Refuse { ground } => (
                "ledger-did-refuse-contender",
                a(&[("ground", ground.clone())]),
            ),
        },
        Command::WithdrawContender(_) => ("ledger-did-withdraw-contender", a(&[])),
        Command::ScheduleDebate(c) => (
            "ledger-did-schedule-debate",
            a(&[("title", c.topic.clone())]),
        ),
        Command::RecordDebate(_) => ("ledger-did-record-debate", a(&[])),
        Command::RecordPaperCount(c) => (
            "ledger-did-record-paper-count",
            a(&[
                ("branch", registry.territory_in_region(ctx, &c.organization)),
                ("count", c.issued.to_string()),
            ]),
        ),
        Command::FixBallot(_) => ("ledger-did-fix-ballot", a(&[])),
        Command::PublishCeremonyFile(PublishCeremonyFile {
            trustee,
            file: CeremonyFile::Complaints { complaints },
            ..
        }) => (
            "ledger-did-publish-complaints",
            a(&[
                ("index", trustee.to_string()),
                ("count", complaints.len().to_string()),
            ]),
        ),
        Command::RestartCeremony(c) => (
            "ledger-did-restart-ceremony",
            a(&[(
                "names",
                c.trustees
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )]),
        ),
        Command::PublishCeremonyFile(c) => (
            "ledger-did-publish-ceremony-file",
            a(&[
                ("index", c.trustee.to_string()),
                ("number", c.file.round().to_string()),
            ]),
        ),
        Command::PublishCredentials(c) => (
            "ledger-did-publish-credentials",
            a(&[("count", c.count.to_string())]),
        ),
        Command::SubmitBallot(c) => (
            match c.kind {
                sailau_domain::primaries::online::SubmissionKind::Cast => {
                    "ledger-did-submit-ballot"
                }
                sailau_domain::primaries::online::SubmissionKind::Challenged => {
                    "ledger-did-challenge-ballot"
                }
            },
            a(&[(
                "code",
                c.ballot_hash.to_hex().chars().take(16).collect::<String>(),
            )]),
        ),
        Command::TallyBoard(c) => (
            "ledger-did-tally-board",
            a(&[("count", c.board.voters.to_string())]),
        ),
        Command::PublishDecryptionShare(c) => (
            "ledger-did-publish-decryption-share",
            a(&[("index", c.share.trustee.to_string())]),
        ),
        Command::PublishResults(c) => (
            "ledger-did-publish-results",
            a(&[("count", c.result.ballot_count.to_string())]),
        ),
        Command::IssuePaperBallot(c) => (
            "ledger-did-issue-paper-ballot",
            a(&[("branch", registry.territory_in_region(ctx, &c.organization))]),
        ),
    };
    ctx.tr_args(key, &args)
}

/// The text with a capital first letter ("operator (command line)" opening a sentence).
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn entry_row(ctx: &PageCtx, registry: &Registry, e: &EntryView) -> EntryRow {
    let (time, time_iso) = utc_time(e.at_ms);
    let decoded: Option<LedgerEntry> = serde_json::from_str(&e.canonical).ok();
    let actor = match decoded.as_ref().map(|d| &d.actor) {
        Some(sailau_domain::Actor::Account { username }) => username.to_string(),
        Some(sailau_domain::Actor::Operator) => upper_first(&ctx.tr("ledger-actor-operator")),
        Some(sailau_domain::Actor::Voter) => upper_first(&ctx.tr("ledger-actor-voter")),
        None => String::new(),
    };
    let sentence = decoded
        .as_ref()
        .map(|d| sentence(ctx, registry, &actor, &d.command))
        .unwrap_or_default();
    EntryRow {
        index: e.index,
        time,
        time_iso,
        actor,
        command: ctx.command_name(&e.kind),
        sentence,
        leaf_hash: hex::encode(e.leaf_hash),
    }
}

/// The signed tree head as pages show it.
pub struct HeadView {
    pub size: u64,
    pub root: String,
    pub signed_at: String,
    pub signed_at_iso: String,
    pub key_id: String,
    pub signature: String,
    pub public_key: String,
    /// The signature checks against the public key.
    pub valid: bool,
}

fn head_view(state: &WebState, sth: &SignedTreeHead) -> HeadView {
    let key = state.app.ledger_public_key();
    let (signed_at, signed_at_iso) =
        utc_time(i64::try_from(sth.head.timestamp_ms).unwrap_or(i64::MAX));
    HeadView {
        size: sth.head.size,
        root: hex::encode(sth.head.root),
        signed_at,
        signed_at_iso,
        key_id: sth.key_id.to_hex(),
        signature: hex::encode(sth.signature.to_bytes()),
        public_key: sailau_ledger::verifying_key_to_hex(&key),
        valid: sailau_ledger::verify(sth, &key).is_ok(),
    }
}

#[derive(Template)]
#[template(path = "ledger.html")]
struct IndexPage {
    ctx: PageCtx,
    head: HeadView,
    entries: Vec<EntryRow>,
    page: u64,
    pages: u64,
    /// The range shown, as entry numbers (newest first): from, to.
    first: u64,
    last: u64,
}

impl IndexPage {
    fn page_href(&self, page: impl std::borrow::Borrow<u64>) -> String {
        format!("/ledger?page={}", page.borrow())
    }

    fn page_position(&self) -> String {
        self.ctx.tr_args(
            "pager-position",
            &[
                ("page", self.page.to_string()),
                ("pages", self.pages.to_string()),
            ],
        )
    }

    /// "Entries 1,566 to 1,517" (newest first, with the language's digit grouping).
    fn range(&self) -> String {
        self.ctx.tr_args(
            "ledger-range",
            &[
                ("from", self.first.to_string()),
                ("to", self.last.to_string()),
            ],
        )
    }

    /// The public key as the verify command takes it.
    fn verify_command(&self) -> String {
        format!(
            "sailau ledger verify --database-url sqlite:COPY.db --public-key {}",
            self.head.public_key
        )
    }
}

pub async fn index(
    page: Page,
    State(state): State<WebState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let sth = state.app.signed_head().await?;
        let size = sth.head.size;
        let pages = size.div_ceil(PAGE_SIZE).max(1);
        let page_no = query
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        let end = size.saturating_sub((page_no - 1) * PAGE_SIZE);
        let start = end.saturating_sub(PAGE_SIZE);
        let registry = Registry::load(&state).await?;
        let mut entries: Vec<EntryRow> = state
            .app
            .ledger_entries(start, end)
            .await?
            .iter()
            .map(|e| entry_row(&page.ctx, &registry, e))
            .collect();
        entries.reverse();
        Ok(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: page.ctx.clone(),
                head: head_view(&state, &sth),
                entries,
                page: page_no,
                pages,
                first: end.saturating_sub(1),
                last: start,
            },
        ))
    })
    .await
}

#[derive(Template)]
#[template(path = "ledger_entry.html")]
struct EntryPage {
    ctx: PageCtx,
    entry: EntryRow,
    canonical: String,
    head: HeadView,
    /// The inclusion proof's audit path, bottom-up.
    inclusion_path: Vec<String>,
    inclusion_valid: bool,
    /// The tree right after this entry was appended (size index + 1) and the current one.
    consistency: Option<ConsistencyView>,
}

impl EntryPage {
    fn proof_heading(&self) -> String {
        self.ctx.tr_args(
            "ledger-proof-heading",
            &[
                ("index", self.entry.index.to_string()),
                ("size", self.head.size.to_string()),
            ],
        )
    }

    fn consistency_intro(&self) -> String {
        match &self.consistency {
            Some(c) => self.ctx.tr_args(
                "ledger-consistency-intro",
                &[("from", c.first.to_string()), ("to", c.second.to_string())],
            ),
            None => String::new(),
        }
    }
}

pub struct ConsistencyView {
    pub first: u64,
    pub second: u64,
    pub first_root: String,
    pub second_root: String,
    pub path: Vec<String>,
    pub valid: bool,
}

pub async fn entry(
    page: Page,
    State(state): State<WebState>,
    Path(index): Path<String>,
) -> Response {
    page.answer(async {
        let index: u64 = index.parse().map_err(|_| Fail::NotFound)?;
        let sth = state.app.signed_head().await?;
        let size = sth.head.size;
        if index >= size {
            return Err(Fail::NotFound);
        }
        let view = state
            .app
            .ledger_entries(index, index + 1)
            .await?
            .into_iter()
            .next()
            .ok_or(Fail::NotFound)?;
        let inclusion = state.app.inclusion_proof(index, size).await?;
        let inclusion_valid = inclusion.root == sth.head.root
            && inclusion.leaf_hash == view.leaf_hash
            && sailau_ledger::leaf_hash(view.canonical.as_bytes()) == view.leaf_hash
            && inclusion
                .proof
                .verify(&inclusion.leaf_hash, &sth.head.root)
                .is_ok();
        let consistency = if index + 1 < size {
            let c = state.app.consistency_proof(index + 1, size).await?;
            Some(ConsistencyView {
                first: index + 1,
                second: size,
                first_root: hex::encode(c.first_root),
                second_root: hex::encode(c.second_root),
                valid: c.second_root == sth.head.root
                    && c.proof.verify(&c.first_root, &c.second_root).is_ok(),
                path: c.proof.path.iter().map(hex::encode).collect(),
            })
        } else {
            None
        };
        let canonical = view.canonical.clone();
        let registry = Registry::load(&state).await?;
        Ok(page.render(
            StatusCode::OK,
            &EntryPage {
                ctx: page.ctx.clone(),
                entry: entry_row(&page.ctx, &registry, &view),
                canonical,
                head: head_view(&state, &sth),
                inclusion_path: inclusion.proof.path.iter().map(hex::encode).collect(),
                inclusion_valid,
                consistency,
            },
        ))
    })
    .await
}
