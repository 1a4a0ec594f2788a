//! A conference's page and its forms: the roster (load the roster file), check-in at the door by
//! mandate number or by searching the roster, the live count of delegates present and the quorum,
//! the motions (the presidium first, then nominations and resolutions) with their votes (open
//! counts, roll call by name, secret counts) and sailau's decision shown at once with its reason,
//! the minutes as PDF in Russian and Kazakh, and the hand-off of an adopted nomination to the
//! territorial commission.
//!
//! Delegates' and members' names come from the erasable member records and are shown only to
//! accounts that may act on the conference; everyone else sees mandate numbers.

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::Acting;
use sailau_app::party::HandOff;
use sailau_app::party::read::{ConferenceView, MotionView};
use sailau_domain::elections::{ContestId, Phase, Route};
use sailau_domain::party::commands::{
    CheckIn, ConferenceId, Contender, MotionId, OpenMotion, RecordVote, Subject,
};
use sailau_domain::party::member::{MemberId, identity_key};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::{
    Choice, Decision, DecisionRule, Outcome, PartyRules, RollCallVote, Tally, VoteMode,
};
use sailau_domain::{CommandKind, Party, PersonId, Rule, Target};

use super::branches::{conference_title, day_text, read_file};
use super::{
    branch_href, conference_href, conference_of, conference_target, crumbs_root, motion_of, submit,
};
use crate::WebState;
use crate::pages::elections::{self, nomination_href, qualification_name, rules_of};
use crate::pages::forms::see_other;
use crate::pages::messages::lower_first;
use crate::pages::territories::{ImportForm, import_errors};
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, may, pairs_of};

/// The most contenders a nomination form takes (and a vote form has count fields for).
const MAX_CONTENDERS: usize = 8;
/// The count fields of the contenders, in order.
const FOR_FIELDS: [&str; MAX_CONTENDERS] = [
    "votes_for_0",
    "votes_for_1",
    "votes_for_2",
    "votes_for_3",
    "votes_for_4",
    "votes_for_5",
    "votes_for_6",
    "votes_for_7",
];

const CHECK_IN_FIELDS: &[&str] = &["mandate"];
const CHECK_IN_LABELS: &[(&str, &str)] = &[("mandate", "pp-field-mandate")];

const MOTION_FIELDS: &[&str] = &[
    "subject",
    "chair",
    "secretary",
    "counting_commission",
    "unit",
    "contenders",
    "text",
    "mode",
];
const MOTION_LABELS: &[(&str, &str)] = &[
    ("subject", "pp-field-subject"),
    ("chair", "pp-field-chair"),
    ("secretary", "pp-field-secretary"),
    ("counting_commission", "pp-field-counting-commission"),
    ("unit", "pp-field-unit"),
    ("contenders", "pp-field-contenders"),
    ("text", "pp-field-text"),
    ("mode", "pp-field-mode"),
];

const VOTE_FIELDS: &[&str] = &[
    "votes_for_0",
    "votes_for_1",
    "votes_for_2",
    "votes_for_3",
    "votes_for_4",
    "votes_for_5",
    "votes_for_6",
    "votes_for_7",
    "against",
    "abstain",
    "votes_for",
    "tally",
    "present",
    "votes",
];
const VOTE_LABELS: &[(&str, &str)] = &[
    ("votes_for_0", "pp-field-votes-for"),
    ("votes_for_1", "pp-field-votes-for"),
    ("votes_for_2", "pp-field-votes-for"),
    ("votes_for_3", "pp-field-votes-for"),
    ("votes_for_4", "pp-field-votes-for"),
    ("votes_for_5", "pp-field-votes-for"),
    ("votes_for_6", "pp-field-votes-for"),
    ("votes_for_7", "pp-field-votes-for"),
    ("votes_for", "pp-field-votes-for"),
    ("against", "pp-field-against"),
    ("abstain", "pp-field-abstain"),
    ("tally", "pp-field-tally"),
    ("present", "pp-field-present"),
    ("votes", "pp-field-roll-call"),
];

const HAND_OFF_FIELDS: &[&str] = &[
    "contest",
    "post",
    "residence",
    "incumbent",
    "qualifications",
];
const HAND_OFF_LABELS: &[(&str, &str)] = &[
    ("contest", "pp-field-contest"),
    ("post", "el-field-current-post"),
    ("residence", "el-field-residence"),
    ("incumbent", "el-field-incumbent"),
    ("qualifications", "el-field-qualifications"),
];

/// A delegate as the roster shows it.
pub struct DelegateItem {
    /// The mandate number.
    pub mandate: u32,
    /// The delegate's name ("" when the reader is not shown names).
    pub name: String,
    /// When checked in, in the branch's local time with its offset («27.09.2023 в 10:15
    /// (UTC+6)»), or "".
    pub checked_in: String,
}

/// One recorded round of a vote.
pub struct RoundItem {
    /// The round's number.
    pub round: u32,
    /// Delegates present at the vote.
    pub present: u32,
    /// «за: 61 / 40», per contender.
    pub votes_for: String,
    /// Against.
    pub against: u32,
    /// Abstaining.
    pub abstain: u32,
    /// The decision in words.
    pub outcome: String,
    /// Its badge class.
    pub outcome_class: &'static str,
    /// Why: «за 61 из 118 присутствующих, требуется более 59».
    pub why: String,
}

/// The count form of a motion's next round.
pub struct VoteForm {
    /// The round due.
    pub round: u32,
    /// Whether each delegate's vote is entered by name.
    pub roll_call: bool,
    /// (field, label) of each contender's count.
    pub counts: Vec<(&'static str, String)>,
    /// Present delegates (mandate, name) for a roll call.
    pub present: Vec<(u32, String)>,
    /// The roll call's choices: (value, label).
    pub choices: Vec<(String, String)>,
    /// The roll call's entered choices by mandate (put back after a refusal).
    pub chosen: HashMap<u32, String>,
    /// Values and errors.
    pub form: FormState,
}

impl VoteForm {
    /// The errors about the whole record rather than one count (no quorum, counts above the
    /// delegates present, the roll call), shown above the counts.
    pub fn general_errors(&self) -> Vec<String> {
        ["present", "tally", "votes_for", "votes"]
            .iter()
            .map(|f| self.form.error(f))
            .filter(|e| !e.is_empty())
            .collect()
    }

    /// The choice entered for a delegate ("" when none).
    pub fn chosen_for(&self, mandate: &u32) -> &str {
        self.chosen.get(mandate).map(String::as_str).unwrap_or("")
    }
}

/// The hand-off form of an adopted nomination.
pub struct HandOffForm {
    /// The contests of the unit whose nomination window is open: (id, election name).
    pub contests: Vec<(String, String)>,
    /// The unit's contests whose nomination window is not open, each as the page says it (the
    /// nomination of candidates closed on …, or opens on …).
    pub closed: Vec<String>,
    /// The qualifications to declare: (key, name, checked).
    pub qualifications: Vec<(String, String, bool)>,
    /// Values and errors.
    pub form: FormState,
}

/// A motion as the conference page shows it.
pub struct MotionItem {
    /// Its identifier (for the forms' actions).
    pub id: String,
    /// Its position.
    pub position: u32,
    /// What it proposes, in words.
    pub title: String,
    /// The title's language when it is the conference's own text (a resolution, a list's
    /// title) written in another language than the page's, else `None`.
    pub title_lang: Option<&'static str>,
    /// Details (contenders, the presidium's members).
    pub details: Vec<String>,
    /// How it is voted on, in words.
    pub mode: String,
    /// The rounds recorded.
    pub rounds: Vec<RoundItem>,
    /// The final decision in words ("" while undecided).
    pub decision: String,
    /// Its badge class.
    pub decision_class: &'static str,
    /// The count form, for the counting commission while undecided.
    pub vote: Option<VoteForm>,
    /// The nomination this motion created with the commission (its page), or "".
    pub nomination_href: String,
    /// The hand-off form, for an adopted nomination not yet handed off.
    pub hand_off: Option<HandOffForm>,
}

#[derive(Template)]
#[template(path = "party/conference.html")]
struct ShowPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    id: String,
    title: String,
    day: String,
    place: String,
    agenda: Vec<String>,
    branch_href: String,
    count_text: String,
    quorum_text: String,
    quorum: bool,
    chair: String,
    secretary: String,
    counting_commission: Vec<String>,
    delegates: Vec<DelegateItem>,
    query: String,
    found: Vec<DelegateItem>,
    searched: bool,
    check_in: Option<FormState>,
    roster: Option<ImportForm>,
    motion_form: Option<FormState>,
    subjects: Vec<(String, String)>,
    modes: Vec<(String, String)>,
    /// The units a nomination may name, as (KATO code, "name (code)").
    units: Vec<(String, String)>,
    motions: Vec<MotionItem>,
    saved: Option<u64>,
    imported: Option<u64>,
    /// «Собрания первичных организаций: 2» — the link to the primary meetings' page.
    meetings: String,
}

/// The forms of a conference page re-rendered after a refusal.
#[derive(Default)]
struct Forms {
    check_in: Option<FormState>,
    roster: Option<ImportForm>,
    motion: Option<FormState>,
    vote: Option<(MotionId, FormState, HashMap<u32, String>)>,
    hand_off: Option<(MotionId, FormState, Vec<String>)>,
}

/// The live count in words: «Присутствуют 61 из 118 делегатов».
fn count_text(ctx: &PageCtx, v: &ConferenceView) -> (String, String) {
    let count = ctx.tr_args(
        "pp-count",
        &[
            ("present", v.present.to_string()),
            ("elected", v.elected.to_string()),
        ],
    );
    let quorum = if v.quorum {
        ctx.tr_arg("pp-quorum-yes", "needed", v.quorum_needed)
    } else {
        ctx.tr_arg("pp-quorum-no", "needed", v.quorum_needed)
    };
    (count, quorum)
}

/// Half of `n` as a number the catalogs format: `59`, `58.5`.
fn half(n: u32) -> String {
    if n.is_multiple_of(2) {
        (n / 2).to_string()
    } else {
        format!("{}.5", n / 2)
    }
}

/// Why a round was decided as it was, in words: «за 61 из 118 присутствующих, требуется более
/// 59» (for the contender with most votes).
pub fn why(ctx: &PageCtx, rules: &PartyRules, d: &Decision) -> String {
    let top = d.counts.votes_for.iter().copied().max().unwrap_or(0);
    let cast = u32::try_from(d.counts.cast()).unwrap_or(u32::MAX);
    let (rule, base) = match rules.decision {
        DecisionRule::MajorityOfPresent => ("present", d.present),
        DecisionRule::MajorityOfCast => ("cast", cast),
        DecisionRule::TwoThirdsOfPresent => ("two_thirds", d.present),
        DecisionRule::MajorityOfElected => ("elected", d.elected),
    };
    // The fewest votes that reach the rule.
    let min = if rules.decision == DecisionRule::TwoThirdsOfPresent {
        (u64::from(base) * 2).div_ceil(3).max(1)
    } else {
        u64::from(base) / 2 + 1
    };
    ctx.tr_args(
        "pp-why",
        &[
            ("rule", rule.to_owned()),
            ("votes", top.to_string()),
            ("base", base.to_string()),
            ("half", half(base)),
            ("min", min.to_string()),
        ],
    )
}

fn outcome_text(ctx: &PageCtx, o: &Outcome) -> (String, &'static str) {
    match o {
        Outcome::Adopted { .. } => (ctx.tr("pp-adopted"), "badge--ok"),
        Outcome::NotAdopted { tie: true } => (ctx.tr("pp-not-adopted-tie"), "badge--warn"),
        Outcome::NotAdopted { tie: false } => (ctx.tr("pp-not-adopted"), "badge--warn"),
        Outcome::SecondRound { .. } => (ctx.tr("pp-second-round"), "badge--off"),
    }
}

fn mode_key(mode: VoteMode) -> &'static str {
    match mode {
        VoteMode::Open => "open",
        VoteMode::RollCall => "roll_call",
        VoteMode::Secret => "secret",
    }
}

fn mode_text(ctx: &PageCtx, mode: VoteMode) -> String {
    ctx.tr_arg("pp-mode", "mode", mode_key(mode))
}

/// Names of the delegates and contenders, from the member records (only for readers who may act
/// on the conference).
struct Names {
    by_mandate: HashMap<u32, String>,
    by_member: HashMap<MemberId, String>,
}

impl Names {
    fn mandate(&self, ctx: &PageCtx, m: u32) -> String {
        match self.by_mandate.get(&m) {
            Some(n) if !n.is_empty() => format!("№{m} {n}"),
            _ => ctx.tr_arg("pp-mandate-no", "mandate", m),
        }
    }
}

async fn names_of(state: &WebState, v: &ConferenceView, shown: bool) -> Result<Names, Fail> {
    let mut names = Names {
        by_mandate: HashMap::new(),
        by_member: HashMap::new(),
    };
    if !shown {
        return Ok(names);
    }
    let store = state.app.store();
    let mut members: BTreeSet<MemberId> = v.delegates.iter().map(|d| d.member).collect();
    for m in &v.motions {
        if let Subject::Nominate { contenders, .. } = &m.motion.subject {
            members.extend(contenders.iter().map(|c| c.member));
        }
    }
    for m in members {
        let name = store
            .member_record(&m)
            .await?
            .map(|r| r.full_name())
            .unwrap_or_default();
        names.by_member.insert(m, name);
    }
    for d in &v.delegates {
        let n = names.by_member.get(&d.member).cloned().unwrap_or_default();
        names.by_mandate.insert(d.mandate, n);
    }
    Ok(names)
}

/// The conference with its party, or 404.
async fn load(state: &WebState, id: &ConferenceId) -> Result<(ConferenceView, Party), Fail> {
    let v = state.app.conference_view(id).await?;
    let party = state
        .app
        .store()
        .party(&v.conference.party)
        .await?
        .ok_or(Fail::NotFound)?;
    Ok((v, party))
}

/// Whether the reader may act on the conference (so sees names and forms): `kind` on its target.
fn may_on(page: &Page, kind: CommandKind, target: &Target) -> bool {
    may(page.principal(), kind, target)
}

#[allow(clippy::too_many_lines)]
async fn conference_page(
    page: &Page,
    state: &WebState,
    id: &ConferenceId,
    mut forms: Forms,
    query: &HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let (v, party) = load(state, id).await?;
    let c = &v.conference;
    let store = state.app.store();
    let target = conference_target(state, c).await?;
    let acting = may_on(page, CommandKind::CheckIn, &target);
    let names = names_of(state, &v, acting).await?;
    let branch_name = store
        .territory(&c.branch)
        .await?
        .map(|t| ctx.name_of(&t.names).to_owned())
        .unwrap_or_default();
    let (count, quorum_text) = count_text(ctx, &v);
    let delegates: Vec<DelegateItem> = v
        .delegates
        .iter()
        .map(|d| DelegateItem {
            mandate: d.mandate,
            name: names
                .by_mandate
                .get(&d.mandate)
                .cloned()
                .unwrap_or_default(),
            checked_in: d
                .checked_in_at_ms
                .map(|ms| crate::pages::local_instant(ctx, ms, &c.branch))
                .unwrap_or_default(),
        })
        .collect();
    // Search the roster by mandate number or by a part of the name.
    let q = query
        .get("q")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    let searched = !q.is_empty() && acting;
    let found: Vec<DelegateItem> = if searched {
        let needle = q.to_lowercase();
        delegates
            .iter()
            .filter(|d| d.mandate.to_string() == needle || d.name.to_lowercase().contains(&needle))
            .take(50)
            .map(|d| DelegateItem {
                mandate: d.mandate,
                name: d.name.clone(),
                checked_in: d.checked_in.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let voting_started = v.motions.iter().any(|m| !m.votes.is_empty());
    let motion_open = v.motions.iter().any(|m| !m.motion.decided);
    let check_in = acting.then(|| {
        forms
            .check_in
            .take()
            .unwrap_or_else(|| FormState::new(CHECK_IN_FIELDS).labelled(CHECK_IN_LABELS))
    });
    let roster = (!voting_started && may_on(page, CommandKind::SeatDelegate, &target))
        .then(|| forms.roster.take().unwrap_or_default());
    let motion_form = (!motion_open && may_on(page, CommandKind::OpenMotion, &target)).then(|| {
        forms.motion.take().unwrap_or_else(|| {
            let mut f = FormState::new(MOTION_FIELDS).labelled(MOTION_LABELS);
            f.set(
                "subject",
                if c.chair.is_none() {
                    "presidium"
                } else {
                    "nominate"
                },
            );
            f.set("mode", "open");
            f.set("unit", c.branch.to_string());
            f
        })
    });
    let units = match motion_form {
        Some(_) => unit_options(state, ctx, &c.branch).await?,
        None => Vec::new(),
    };
    let may_vote = may_on(page, CommandKind::RecordVote, &target);
    let may_hand_off = may(
        page.principal(),
        CommandKind::NominateByParty,
        &Target {
            party: Some(c.party.clone()),
            ..target.clone()
        },
    );
    let mut motions = Vec::new();
    for m in &v.motions {
        motions.push(
            motion_item(
                page,
                state,
                &v,
                m,
                &names,
                may_vote,
                may_hand_off,
                &mut forms,
            )
            .await?,
        );
    }
    let mut crumbs = crumbs_root(ctx, &c.party, &party.short_name);
    crumbs.push((branch_href(&c.party, &c.branch), branch_name.clone()));
    let title = conference_title(ctx, c.ordinal, &c.kind);
    crumbs.push((String::new(), title.clone()));
    Ok(page.render(
        status,
        &ShowPage {
            ctx: ctx.clone(),
            crumbs,
            id: c.id.0.to_string(),
            title: ctx.tr_args(
                "pp-conference-heading",
                &[
                    ("title", title),
                    ("party", party.short_name.clone()),
                    ("branch", branch_name),
                ],
            ),
            day: day_text(c.held_on),
            place: c.place.clone(),
            agenda: c.agenda.clone(),
            branch_href: branch_href(&c.party, &c.branch),
            count_text: count,
            quorum_text,
            quorum: v.quorum,
            chair: c.chair.map(|m| names.mandate(ctx, m)).unwrap_or_default(),
            secretary: c
                .secretary
                .map(|m| names.mandate(ctx, m))
                .unwrap_or_default(),
            counting_commission: c
                .counting_commission
                .iter()
                .map(|m| names.mandate(ctx, *m))
                .collect(),
            delegates,
            query: q,
            found,
            searched,
            check_in,
            roster,
            motion_form,
            subjects: ["presidium", "nominate", "resolution", "approve_list"]
                .iter()
                .map(|s| ((*s).to_owned(), ctx.tr_arg("pp-subject", "kind", s)))
                .collect(),
            modes: [VoteMode::Open, VoteMode::RollCall, VoteMode::Secret]
                .iter()
                .map(|m| (mode_key(*m).to_owned(), mode_text(ctx, *m)))
                .collect(),
            units,
            motions,
            saved: crate::pages::saved_index(query),
            imported: query.get("imported").and_then(|s| s.parse().ok()),
            meetings: ctx.tr_count(
                "pp-meetings-link",
                state.app.conference_meetings(id).await?.len(),
            ),
        },
    ))
}

/// The units a conference of the branch at `branch` may nominate an akim for, as (KATO code,
/// "name (code)") in code order: the branch's own territory and every territory below it whose
/// akim is elected — all kinds but regions and cities of republican significance, whose akims are
/// appointed (rules.md §1). The domain still checks the unit against the branch
/// (`PartyRule::UnitOutsideBranch`).
async fn unit_options(
    state: &WebState,
    ctx: &PageCtx,
    branch: &sailau_domain::TerritoryCode,
) -> Result<Vec<(String, String)>, Fail> {
    let all = state.app.store().territories().await?;
    let mut children: HashMap<&sailau_domain::TerritoryCode, Vec<&sailau_domain::Territory>> =
        HashMap::new();
    for t in &all {
        if let Some(parent) = &t.parent_code {
            children.entry(parent).or_default().push(t);
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<&sailau_domain::Territory> =
        all.iter().filter(|t| &t.code == branch).collect();
    while let Some(t) = stack.pop() {
        if !matches!(
            t.kind,
            sailau_domain::TerritoryKind::Region | sailau_domain::TerritoryKind::RepublicanCity
        ) {
            out.push((
                t.code.to_string(),
                format!("{} ({})", ctx.name_of(&t.names), t.code),
            ));
        }
        if let Some(below) = children.get(&t.code) {
            stack.extend(below.iter().copied());
        }
    }
    out.sort();
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
async fn motion_item(
    page: &Page,
    state: &WebState,
    v: &ConferenceView,
    m: &MotionView,
    names: &Names,
    may_vote: bool,
    may_hand_off: bool,
    forms: &mut Forms,
) -> Result<MotionItem, Fail> {
    let ctx = &page.ctx;
    let rules = &v.conference.rules;
    let member_name = |member: &MemberId| {
        names
            .by_member
            .get(member)
            .filter(|n| !n.is_empty())
            .cloned()
            .unwrap_or_else(|| ctx.tr("pp-name-hidden"))
    };
    let contender_names: Vec<String> = match &m.motion.subject {
        Subject::Nominate { contenders, .. } => {
            contenders.iter().map(|c| member_name(&c.member)).collect()
        }
        _ => Vec::new(),
    };
    let (title, details) = match &m.motion.subject {
        Subject::Presidium {
            chair,
            secretary,
            counting_commission,
        } => (
            ctx.tr("pp-subject-presidium-title"),
            vec![
                format!(
                    "{}: {}",
                    ctx.tr("pp-field-chair"),
                    names.mandate(ctx, *chair)
                ),
                format!(
                    "{}: {}",
                    ctx.tr("pp-field-secretary"),
                    names.mandate(ctx, *secretary)
                ),
                format!(
                    "{}: {}",
                    ctx.tr("pp-field-counting-commission"),
                    counting_commission
                        .iter()
                        .map(|m| names.mandate(ctx, *m))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ],
        ),
        Subject::Nominate { unit, .. } => {
            let unit_name = state
                .app
                .store()
                .territory(unit)
                .await?
                .map(|t| ctx.name_of(&t.names).to_owned())
                .unwrap_or_else(|| unit.to_string());
            (
                ctx.tr_arg("pp-subject-nominate-title", "unit", unit_name),
                contender_names.clone(),
            )
        }
        Subject::ApproveList { title } => (title.clone(), Vec::new()),
        Subject::ElectDelegates { members, .. } => (
            ctx.tr("pp-subject-elect-delegates-title"),
            members.iter().map(member_name).collect(),
        ),
        Subject::Resolution { text } => (text.clone(), Vec::new()),
    };
    let rounds: Vec<RoundItem> = m
        .votes
        .iter()
        .map(|r| {
            let (outcome, outcome_class) = outcome_text(ctx, &r.decision.outcome);
            RoundItem {
                round: r.round,
                present: r.decision.present,
                votes_for: r
                    .decision
                    .counts
                    .votes_for
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(" / "),
                against: r.decision.counts.against,
                abstain: r.decision.counts.abstain,
                outcome,
                outcome_class,
                why: why(ctx, rules, &r.decision),
            }
        })
        .collect();
    let (decision, decision_class) = match (m.motion.decided, m.motion.adopted) {
        (false, _) => (String::new(), ""),
        (true, Some(w)) if !contender_names.is_empty() => (
            ctx.tr_arg(
                "pp-adopted-nominee",
                "name",
                contender_names.get(w as usize).cloned().unwrap_or_default(),
            ),
            "badge--ok",
        ),
        (true, Some(_)) => (ctx.tr("pp-adopted"), "badge--ok"),
        (true, None) => (ctx.tr("pp-not-adopted"), "badge--warn"),
    };
    let vote = (!m.motion.decided && may_vote).then(|| {
        let (form, chosen) = match forms.vote.take() {
            Some((id, form, chosen)) if id == m.motion.id => (form, chosen),
            other => {
                forms.vote = other;
                (
                    FormState::new(VOTE_FIELDS).labelled(VOTE_LABELS),
                    HashMap::new(),
                )
            }
        };
        let counts = m
            .motion
            .round_contenders
            .iter()
            .enumerate()
            .take(MAX_CONTENDERS)
            .map(|(i, orig)| {
                let label = match contender_names.get(*orig as usize) {
                    Some(n) => ctx.tr_arg("pp-votes-for-name", "name", n),
                    None => ctx.tr("pp-field-votes-for"),
                };
                (FOR_FIELDS[i], label)
            })
            .collect();
        let mut choices = vec![(String::new(), ctx.tr("pp-choice-none"))];
        for (i, orig) in m.motion.round_contenders.iter().enumerate() {
            let label = match contender_names.get(*orig as usize) {
                Some(n) => ctx.tr_arg("pp-votes-for-name", "name", n),
                None => ctx.tr("pp-choice-for"),
            };
            choices.push((format!("for_{i}"), label));
        }
        choices.push(("against".to_owned(), ctx.tr("pp-choice-against")));
        choices.push(("abstain".to_owned(), ctx.tr("pp-choice-abstain")));
        VoteForm {
            round: m.motion.next_round,
            roll_call: m.motion.mode == VoteMode::RollCall,
            counts,
            present: v
                .delegates
                .iter()
                .filter(|d| d.checked_in_at_ms.is_some())
                .map(|d| (d.mandate, names.mandate(ctx, d.mandate)))
                .collect(),
            choices,
            chosen,
            form,
        }
    });
    let (nomination_href, hand_off) = nomination_of(page, state, v, m, may_hand_off, forms).await?;
    let title_lang = match &m.motion.subject {
        Subject::ApproveList { .. } | Subject::Resolution { .. } => ctx.text_lang(&title),
        _ => None,
    };
    Ok(MotionItem {
        id: m.motion.id.0.to_string(),
        position: m.motion.position,
        title,
        title_lang,
        details,
        mode: mode_text(ctx, m.motion.mode),
        rounds,
        decision,
        decision_class,
        vote,
        nomination_href,
        hand_off,
    })
}

/// For an adopted nomination: the commission's nomination it became (its page), or the form to
/// hand it off.
async fn nomination_of(
    page: &Page,
    state: &WebState,
    v: &ConferenceView,
    m: &MotionView,
    may_hand_off: bool,
    forms: &mut Forms,
) -> Result<(String, Option<HandOffForm>), Fail> {
    let (Subject::Nominate { unit, contenders }, Some(w)) = (&m.motion.subject, m.motion.adopted)
    else {
        return Ok((String::new(), None));
    };
    let Some(contender) = contenders.get(w as usize) else {
        return Ok((String::new(), None));
    };
    let store = state.app.store();
    let mut contests = Vec::new();
    for n in store.person_nominations(&contender.person).await? {
        if let Route::Party { party, .. } = &n.route
            && party == &v.conference.party
            && let Some(c) = store.contest(&n.contest).await?
            && &c.unit == unit
        {
            return Ok((nomination_href(&n.id), None));
        }
    }
    if !may_hand_off {
        return Ok((String::new(), None));
    }
    let ctx = &page.ctx;
    let now = elections::now(state);
    let mut qualifications: Vec<String> = Vec::new();
    let mut closed = Vec::new();
    for e in store.elections().await? {
        for c in store.contests_of(&e.id).await? {
            if &c.unit == unit {
                // Only a contest whose nomination window is open can take the nomination; for
                // the others the page says when it closed (or opens), as the commission would.
                let calendar = elections::calendar::of_contest(&c, &e)?;
                if let Some(notice) =
                    elections::calendar::closed_notice(ctx, &calendar, Phase::Nomination, now)
                {
                    closed.push(format!(
                        "{}: {}",
                        ctx.name_of(&e.names),
                        lower_first(&notice)
                    ));
                    continue;
                }
                contests.push((c.id.to_string(), ctx.name_of(&e.names).to_owned()));
                if qualifications.is_empty() {
                    qualifications = rules_of(&e)?.eligibility.qualifications.clone();
                }
            }
        }
    }
    let (form, checked) = match forms.hand_off.take() {
        Some((id, form, checked)) if id == m.motion.id => (form, checked),
        other => {
            forms.hand_off = other;
            let mut f = FormState::new(HAND_OFF_FIELDS).labelled(HAND_OFF_LABELS);
            if let Some((id, _)) = contests.first() {
                f.set("contest", id.clone());
            }
            (f, qualifications.clone())
        }
    };
    Ok((
        String::new(),
        Some(HandOffForm {
            contests,
            closed,
            qualifications: qualifications
                .iter()
                .map(|q| (q.clone(), qualification_name(ctx, q), checked.contains(q)))
                .collect(),
            form,
        }),
    ))
}

/// GET /party/conferences/{id}
pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        conference_page(&page, &state, &id, Forms::default(), &query, StatusCode::OK).await
    })
    .await
}

/// The live count as JSON for `count.js`.
#[derive(serde::Serialize)]
struct Count {
    present: u32,
    elected: u32,
    quorum: bool,
    count_text: String,
    quorum_text: String,
}

/// GET /party/conferences/{id}/count: the live count and quorum (JSON, in the page's language).
pub async fn count(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        let v = state.app.conference_view(&id).await?;
        let (count_text, quorum_text) = count_text(&page.ctx, &v);
        Ok((
            [(header::CACHE_CONTROL, "no-store")],
            axum::Json(Count {
                present: v.present,
                elected: v.elected,
                quorum: v.quorum,
                count_text,
                quorum_text,
            }),
        )
            .into_response())
    })
    .await
}

/// The script that refreshes the live count without reloading the page (the page is correct
/// without it: each check-in answers with the page, count included).
const COUNT_JS: &str = r#"(function () {
  var box = document.getElementById("live-count");
  if (!box || !window.fetch) { return; }
  var src = box.getAttribute("data-src");
  var count = box.querySelector("[data-count]");
  var quorum = box.querySelector("[data-quorum]");
  function tick() {
    fetch(src, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j) { return; }
        count.textContent = j.count_text;
        quorum.textContent = j.quorum_text;
        quorum.className = "badge " + (j.quorum ? "badge--ok" : "badge--warn");
      })
      .catch(function () {});
  }
  setInterval(tick, 3000);
})();
"#;

/// GET /party/assets/count.js
pub async fn count_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        COUNT_JS,
    )
        .into_response()
}

/// Answers a conference form: the change saved (back to the page at `anchor`), or the page again
/// with the refused form (422).
async fn answer(
    page: &Page,
    state: &WebState,
    id: &ConferenceId,
    result: Result<u64, Forms>,
    anchor: &str,
) -> Result<Response, Fail> {
    match result {
        Ok(index) => Ok(see_other(&format!(
            "{}?saved={index}#{anchor}",
            conference_href(id)
        ))),
        Err(forms) => {
            conference_page(
                page,
                state,
                id,
                forms,
                &HashMap::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// POST /party/conferences/{id}/check-in (`mandate`)
pub async fn check_in(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        let (_, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let ctx = &page.ctx;
        let mut form = FormState::filled(CHECK_IN_FIELDS, &values).labelled(CHECK_IN_LABELS);
        let raw = values
            .get("mandate")
            .map(String::as_str)
            .unwrap_or("")
            .trim();
        let result = match raw.trim_start_matches('№').trim().parse::<u32>() {
            Err(_) => {
                let rule = if raw.is_empty() {
                    Rule::FieldRequired
                } else {
                    PartyRule::MandateRange.into()
                };
                form.push("mandate", ctx.rule(&rule));
                Err(form)
            }
            Ok(mandate) => {
                let command = CheckIn {
                    conference: id,
                    mandate,
                };
                submit(&page, &state, command.into(), form, &[]).await?
            }
        };
        let result = result.map_err(|form| Forms {
            check_in: Some(form),
            ..Forms::default()
        });
        answer(&page, &state, &id, result, "check-in").await
    })
    .await
}

/// POST /party/conferences/{id}/roster (multipart: `csrf`, `file`): the roster file
/// (`mandate,card_number`).
pub async fn import_roster(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        let (v, _) = load(&state, &id).await?;
        let target = conference_target(&state, &v.conference).await?;
        sailau_domain::authorize(page.principal(), CommandKind::SeatDelegate, &target)
            .map_err(|d| Fail::Forbidden(Some(d)))?;
        let refused = |form: ImportForm| Forms {
            roster: Some(form),
            ..Forms::default()
        };
        let file = match read_file(&page, &headers, multipart).await? {
            Ok(f) => f,
            Err((form, status)) => {
                return conference_page(&page, &state, &id, refused(form), &HashMap::new(), status)
                    .await;
            }
        };
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let format = sailau_app::import::Format::guess(&file.filename, &file.bytes);
        match state
            .app
            .import_roster(
                &Acting::Account(session.principal.clone()),
                &id,
                format,
                &file.bytes,
            )
            .await
        {
            Ok(n) => Ok(see_other(&format!(
                "{}?imported={n}#roster",
                conference_href(&id)
            ))),
            Err(e) => {
                let mut form = ImportForm::default();
                import_errors(&page.ctx, e, &mut form)?;
                conference_page(
                    &page,
                    &state,
                    &id,
                    refused(form),
                    &HashMap::new(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

/// Mandate numbers written with commas, spaces or semicolons; a bad one is an error on `field`.
fn mandates(ctx: &PageCtx, form: &mut FormState, field: &str, s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut bad = false;
    for part in s
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match part.trim_start_matches('№').parse::<u32>() {
            Ok(m) => out.push(m),
            Err(_) => bad = true,
        }
    }
    if bad {
        form.push(field, ctx.rule(&PartyRule::MandateRange.into()));
    } else if out.is_empty() {
        form.push(field, ctx.rule(&Rule::FieldRequired));
    }
    out
}

/// The registry person whose name and birth date are a member record's (the contender of a
/// nomination is a registry person, since candidates' data is public).
async fn person_of(
    state: &WebState,
    record: &sailau_domain::party::member::MemberRecord,
) -> Result<Option<PersonId>, Fail> {
    let key = record.identity_key();
    let store = state.app.store();
    let mut offset = 0;
    loop {
        let batch = store.persons(1000, offset).await?;
        if batch.is_empty() {
            return Ok(None);
        }
        if let Some(p) = batch
            .iter()
            .find(|p| identity_key(&p.surname, &p.given_name, &p.patronymic, p.birth_date) == key)
        {
            return Ok(Some(p.id));
        }
        offset += 1000;
    }
}

/// POST /party/conferences/{id}/motions
pub async fn open_motion(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        let (_, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let (v, _) = load(&state, &id).await?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
        let mut form = FormState::filled(MOTION_FIELDS, &values)
            .labelled(MOTION_LABELS)
            .choices(&["subject", "mode", "unit"]);
        let mode = match get("mode") {
            "open" => Some(VoteMode::Open),
            "roll_call" => Some(VoteMode::RollCall),
            "secret" => Some(VoteMode::Secret),
            _ => {
                form.required(ctx, "mode");
                None
            }
        };
        let one = |form: &mut FormState, field: &str| -> u32 {
            let v = mandates(ctx, form, field, get(field));
            v.first().copied().unwrap_or(0)
        };
        let subject = match get("subject") {
            "presidium" => {
                let chair = one(&mut form, "chair");
                let secretary = one(&mut form, "secretary");
                let counting_commission = mandates(
                    ctx,
                    &mut form,
                    "counting_commission",
                    get("counting_commission"),
                );
                Some(Subject::Presidium {
                    chair,
                    secretary,
                    counting_commission,
                })
            }
            "nominate" => {
                let unit = match sailau_domain::TerritoryCode::parse(get("unit")) {
                    Ok(u) => Some(u),
                    Err(_) if get("unit").is_empty() => {
                        form.required(ctx, "unit");
                        None
                    }
                    Err(r) => {
                        form.push("unit", ctx.rule(&r));
                        None
                    }
                };
                let cards: Vec<&str> = get("contenders")
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .filter(|p| !p.is_empty())
                    .collect();
                if cards.is_empty() {
                    form.push(
                        "contenders",
                        ctx.rule(&PartyRule::ContendersRequired.into()),
                    );
                }
                if cards.len() > MAX_CONTENDERS {
                    form.push(
                        "contenders",
                        ctx.tr_arg("pp-contenders-too-many", "max", MAX_CONTENDERS),
                    );
                }
                let store = state.app.store();
                let mut contenders = Vec::new();
                for card in cards.iter().take(MAX_CONTENDERS) {
                    let Some(member) = store.member_by_card(&v.conference.party, card).await?
                    else {
                        form.push(
                            "contenders",
                            ctx.tr_arg("pp-contender-not-member", "card", card),
                        );
                        continue;
                    };
                    let person = match store.member_record(&member).await? {
                        Some(r) => person_of(&state, &r).await?,
                        None => None,
                    };
                    match person {
                        Some(person) => contenders.push(Contender { member, person }),
                        None => form.push(
                            "contenders",
                            ctx.tr_arg("pp-contender-no-person", "card", card),
                        ),
                    }
                }
                unit.map(|unit| Subject::Nominate { unit, contenders })
            }
            "resolution" => Some(Subject::Resolution {
                text: get("text").to_owned(),
            }),
            "approve_list" => Some(Subject::ApproveList {
                title: get("text").to_owned(),
            }),
            _ => {
                form.required(ctx, "subject");
                None
            }
        };
        let result = match (subject, mode, form.has_errors()) {
            (Some(subject), Some(mode), false) => {
                let command = OpenMotion {
                    motion: MotionId(uuid::Uuid::new_v4()),
                    conference: id,
                    subject,
                    mode,
                };
                submit(&page, &state, command.into(), form, &[("title", "text")]).await?
            }
            _ => Err(form),
        };
        let result = result.map_err(|form| Forms {
            motion: Some(form),
            ..Forms::default()
        });
        answer(&page, &state, &id, result, "motions").await
    })
    .await
}

/// A whole count from a form field ("" is 0); a bad one is an error on the field.
/// A count the counting commission must enter: empty is refused (a blank form is not a vote of
/// 0/0/0), as is anything but a whole number of votes.
fn count_of(ctx: &PageCtx, form: &mut FormState, field: &'static str, s: &str) -> u32 {
    let s = s.trim();
    if s.is_empty() {
        form.push(field, ctx.rule(&Rule::FieldRequired));
        return 0;
    }
    match sailau_domain::text::parse_whole_number(s)
        .ok()
        .and_then(|n| u32::try_from(n).ok())
    {
        Some(n) => n,
        None => {
            form.push(field, ctx.tr("pp-count-format"));
            0
        }
    }
}

/// POST /party/motions/{id}/votes: one round's counts (open, secret) or each present delegate's
/// vote (`vote_{mandate}` = `for_{i}`, `against`, `abstain`; roll call).
pub async fn record_vote(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let motion_id = motion_of(&id)?;
        let (_, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let motion = state
            .app
            .store()
            .motion(&motion_id)
            .await?
            .ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(VOTE_FIELDS, &values).labelled(VOTE_LABELS);
        let mut chosen = HashMap::new();
        let tally = if motion.mode == VoteMode::RollCall {
            let mut votes = Vec::new();
            for (k, val) in &values {
                let Some(mandate) = k.strip_prefix("vote_").and_then(|m| m.parse::<u32>().ok())
                else {
                    continue;
                };
                chosen.insert(mandate, val.clone());
                let choice = match val.as_str() {
                    "" => continue,
                    "against" => Choice::Against,
                    "abstain" => Choice::Abstain,
                    other => match other.strip_prefix("for_").and_then(|i| i.parse().ok()) {
                        Some(i) => Choice::For(i),
                        None => {
                            form.push("votes", ctx.tr("pp-count-format"));
                            continue;
                        }
                    },
                };
                votes.push(RollCallVote { mandate, choice });
            }
            votes.sort_by_key(|v| v.mandate);
            Tally::RollCall { votes }
        } else {
            let n = motion.round_contenders.len().clamp(1, MAX_CONTENDERS);
            let votes_for = FOR_FIELDS[..n]
                .iter()
                .map(|f| count_of(ctx, &mut form, f, get(f)))
                .collect();
            Tally::Counts {
                votes_for,
                against: count_of(ctx, &mut form, "against", get("against")),
                abstain: count_of(ctx, &mut form, "abstain", get("abstain")),
            }
        };
        let result = if form.has_errors() {
            Err(form)
        } else {
            let command = RecordVote {
                motion: motion_id,
                round: motion.next_round,
                tally,
            };
            submit(&page, &state, command.into(), form, &[]).await?
        };
        let result = result.map_err(|form| Forms {
            vote: Some((motion_id, form, chosen)),
            ..Forms::default()
        });
        answer(
            &page,
            &state,
            &motion.conference,
            result,
            &format!("motion-{}", motion.position),
        )
        .await
    })
    .await
}

/// POST /party/motions/{id}/hand-off: files the adopted nomination with the territorial
/// commission (`contest`, `post`, `residence`, `incumbent=on` for the sitting akim,
/// `qualifications` repeated).
pub async fn hand_off(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let motion_id = motion_of(&id)?;
        let (pairs, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let motion = state
            .app
            .store()
            .motion(&motion_id)
            .await?
            .ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
        let mut form = FormState::filled(HAND_OFF_FIELDS, &values)
            .labelled(HAND_OFF_LABELS)
            .choices(&["contest"]);
        let qualifications: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| k == "qualifications")
            .map(|(_, v)| v.clone())
            .collect();
        let contest = ContestId::parse(get("contest"));
        if contest.is_none() {
            form.required(ctx, "contest");
        }
        let result = match contest {
            Some(contest) => {
                let Some(session) = &page.session else {
                    return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
                };
                let h = HandOff {
                    contest,
                    post: get("post").to_owned(),
                    residence: get("residence").to_owned(),
                    qualifications: qualifications.clone(),
                    incumbent: get("incumbent") == "on",
                };
                match state
                    .app
                    .hand_off_nomination(&Acting::Account(session.principal.clone()), &motion_id, h)
                    .await
                {
                    Ok((_, applied)) => Ok(applied.index),
                    Err(sailau_app::AppError::Invalid(errors)) => {
                        form.absorb(ctx, &errors);
                        Err(form)
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            None => Err(form),
        };
        let result = result.map_err(|form| Forms {
            hand_off: Some((motion_id, form, qualifications)),
            ..Forms::default()
        });
        answer(
            &page,
            &state,
            &motion.conference,
            result,
            &format!("motion-{}", motion.position),
        )
        .await
    })
    .await
}
