//! The organizing committee opens a primaries campaign (issue 14 §1, §8): `/primaries/open`,
//! a form with the campaign's titles, its territory, up to five positions (akim nominations
//! by unit, or lists of a number of places), the four windows in the territory's local time,
//! the trustees of the key ceremony and the threshold, and the party's rule set (a shipped
//! preset, or the party's own TOML). The command is the API's `open_campaign`; more positions
//! than the form holds are opened through `POST /api/v1/primaries`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_domain::command::Edition;
use sailau_domain::primaries::campaign::{
    OpenCampaign, OpenFacts, Position, PositionKind, Windows, validate_open,
};
use sailau_domain::primaries::rules::{PRESETS, PrimariesRule, preset};
use sailau_domain::primaries::{CampaignId, Instant, Window};
use sailau_domain::{
    FieldError, PartyCode, Role, Scope, TerritoryCode, Username, ValidationErrors,
};

use super::super::forms::see_other;
use super::super::{Fail, FormState, Page, PageCtx, check_form, pairs_of};
use super::campaign_href;
use crate::WebState;

const ROWS: usize = 5;
/// The form's fields in the order the summary lists them.
const OPEN_FIELDS: &[&str] = &[
    "party",
    "territory",
    "title_ru",
    "title_kk",
    "title_en",
    "p0-kind",
    "p0-unit",
    "p0-seats",
    "p0-key",
    "p0-name_ru",
    "p0-name_kk",
    "p0-name_en",
    "p1-kind",
    "p1-unit",
    "p1-seats",
    "p1-key",
    "p1-name_ru",
    "p1-name_kk",
    "p1-name_en",
    "p2-kind",
    "p2-unit",
    "p2-seats",
    "p2-key",
    "p2-name_ru",
    "p2-name_kk",
    "p2-name_en",
    "p3-kind",
    "p3-unit",
    "p3-seats",
    "p3-key",
    "p3-name_ru",
    "p3-name_kk",
    "p3-name_en",
    "p4-kind",
    "p4-unit",
    "p4-seats",
    "p4-key",
    "p4-name_ru",
    "p4-name_kk",
    "p4-name_en",
    "registration_opens",
    "registration_closes",
    "debates_opens",
    "debates_closes",
    "online_voting_opens",
    "online_voting_closes",
    "paper_voting_opens",
    "paper_voting_closes",
    "trustees",
    "threshold",
    "ruleset",
    "rules",
];

/// The label of each of a row's fields.
const ROW_LABELS: [(&str, &str); 7] = [
    ("kind", "prim-open-pos-kind"),
    ("unit", "prim-open-pos-unit"),
    ("seats", "prim-open-pos-seats"),
    ("key", "prim-open-pos-key"),
    ("name_ru", "prim-open-pos-name-ru"),
    ("name_kk", "prim-open-pos-name-kk"),
    ("name_en", "prim-open-pos-name-en"),
];

/// The windows: the form's prefix (the command's name), the label's key.
const WINDOWS: [(&str, &str); 4] = [
    ("registration", "prim-window-registration"),
    ("debates", "prim-window-debates"),
    ("online_voting", "prim-window-online"),
    ("paper_voting", "prim-window-paper"),
];

/// The labels of the fields the summary names.
fn labels() -> Vec<(&'static str, &'static str)> {
    let mut labels = vec![
        ("party", "prim-open-party"),
        ("territory", "prim-open-territory"),
        ("title_ru", "prim-open-title-ru"),
        ("title_kk", "prim-open-title-kk"),
        ("title_en", "prim-open-title-en"),
        ("registration_opens", "prim-open-registration-opens"),
        ("registration_closes", "prim-open-registration-closes"),
        ("debates_opens", "prim-open-debates-opens"),
        ("debates_closes", "prim-open-debates-closes"),
        ("online_voting_opens", "prim-open-online-opens"),
        ("online_voting_closes", "prim-open-online-closes"),
        ("paper_voting_opens", "prim-open-paper-opens"),
        ("paper_voting_closes", "prim-open-paper-closes"),
        ("trustees", "prim-open-trustees"),
        ("threshold", "prim-open-threshold"),
        ("ruleset", "prim-open-ruleset"),
        ("rules", "prim-open-rules"),
    ];
    for field in OPEN_FIELDS
        .iter()
        .filter(|f| f.starts_with('p') && f.contains('-'))
    {
        if let Some((_, column)) = field.split_once('-')
            && let Some((_, key)) = ROW_LABELS.iter().find(|(c, _)| *c == column)
        {
            labels.push((field, key));
        }
    }
    labels
}

/// One row of positions on the form: its legend and its fields' names (`p0-kind`, …).
pub struct PositionRow {
    legend: String,
    kind: String,
    unit: String,
    seats: String,
    key: String,
    name_ru: String,
    name_kk: String,
    name_en: String,
}

#[derive(Template)]
#[template(path = "primaries/open.html")]
struct OpenPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    form: FormState,
    /// The parties to choose from; empty when the account acts for one party.
    parties: Vec<(String, String)>,
    /// The party the account acts for, by name.
    party_name: String,
    rows: Vec<PositionRow>,
    kinds: Vec<(String, String)>,
    windows: Vec<(String, String, String)>,
    /// Trustee accounts of the party: (username, display name, ticked).
    trustees: Vec<(String, String, bool)>,
    presets: Vec<(String, String)>,
}

/// The party an account acts for (`None`: an administrator, who chooses).
fn own_party(page: &Page) -> Option<(PartyCode, Option<TerritoryCode>)> {
    match page.principal().map(|p| &p.scope) {
        Some(Scope::Party { party, territory }) => Some((party.clone(), territory.clone())),
        _ => None,
    }
}

/// Whether the account may open campaigns at all (the app decides on the territory).
pub fn may_open(page: &Page) -> bool {
    matches!(
        page.principal().map(|p| p.role),
        Some(Role::OrganizingCommittee | Role::Administrator)
    )
}

async fn open_page(
    page: &Page,
    state: &WebState,
    form: FormState,
    ticked: &[String],
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let own = own_party(page);
    let mut parties = Vec::new();
    let mut party_name = String::new();
    match &own {
        Some((code, _)) => {
            party_name = store
                .party(code)
                .await?
                .map(|p| p.short_name)
                .unwrap_or_else(|| code.to_string());
        }
        None => {
            for p in store.parties().await? {
                parties.push((p.code.to_string(), p.short_name));
            }
        }
    }
    let party = own.as_ref().map(|(p, _)| p.clone());
    let trustees = store
        .accounts()
        .await?
        .into_iter()
        .filter(|a| a.role == Role::Trustee && a.active)
        .filter(|a| match (&a.scope, &party) {
            (Scope::Party { party: p, .. }, Some(own)) => p == own,
            _ => true,
        })
        .map(|a| {
            let user = a.username.to_string();
            let on = ticked.contains(&user);
            (user, a.display_name, on)
        })
        .collect();
    Ok(page.render(
        status,
        &OpenPage {
            ctx: ctx.clone(),
            crumbs: vec![
                ("/primaries".into(), ctx.tr("prim-title")),
                ("/primaries/open".into(), ctx.tr("prim-open-title")),
            ],
            form,
            parties,
            party_name,
            rows: (0..ROWS)
                .map(|i| {
                    let f = |c: &str| format!("p{i}-{c}");
                    PositionRow {
                        legend: ctx
                            .tr_args("prim-open-position-n", &[("number", (i + 1).to_string())]),
                        kind: f("kind"),
                        unit: f("unit"),
                        seats: f("seats"),
                        key: f("key"),
                        name_ru: f("name_ru"),
                        name_kk: f("name_kk"),
                        name_en: f("name_en"),
                    }
                })
                .collect(),
            kinds: vec![
                ("akim".into(), ctx.tr("prim-open-kind-akim")),
                ("list".into(), ctx.tr("prim-open-kind-list")),
            ],
            windows: WINDOWS
                .iter()
                .map(|(name, key)| {
                    (
                        ctx.tr(key),
                        format!("{name}_opens"),
                        format!("{name}_closes"),
                    )
                })
                .collect(),
            trustees,
            presets: PRESETS
                .iter()
                .map(|(id, _)| ((*id).to_owned(), ctx.tr(&format!("prim-preset-{id}"))))
                .collect(),
        },
    ))
}

/// GET /primaries/presets/{id}.toml: a shipped rule set's text, the template of a party's own
/// rules (the open form links it beside the rules' field); 404 for another id.
pub async fn preset_text(
    page: Page,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let id = file.strip_suffix(".toml").unwrap_or(&file);
    match preset(id) {
        Some(text) => (
            [
                (CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{id}.toml\""),
                ),
            ],
            text,
        )
            .into_response(),
        None => page.fail(Fail::NotFound),
    }
}

/// GET /primaries/open
pub async fn open_form(page: Page, State(state): State<WebState>) -> Response {
    page.answer(async {
        if page.session.is_none() {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        }
        if !may_open(&page) {
            return Err(Fail::Forbidden(None));
        }
        let mut form = FormState::new(OPEN_FIELDS).labelled(&labels());
        if let Some((_, Some(t))) = own_party(&page) {
            form.set("territory", t.to_string());
        }
        if let Some((id, _)) = PRESETS.first() {
            form.set("ruleset", *id);
        }
        open_page(&page, &state, form, &[], StatusCode::OK).await
    })
    .await
}

/// A local moment typed as `dd.mm.yyyy HH:MM` or `yyyy-mm-ddTHH:MM` (a browser's
/// `datetime-local`) in the zone of `territory`'s region.
pub fn local_moment(territory: Option<&TerritoryCode>, text: &str) -> Option<Instant> {
    let text = text.trim();
    let dt = jiff::civil::DateTime::strptime("%d.%m.%Y %H:%M", text)
        .or_else(|_| jiff::civil::DateTime::strptime("%Y-%m-%dT%H:%M", text))
        .ok()?;
    let zone = sailau_domain::date::zone(territory).ok()?;
    dt.to_zoned(zone).ok().map(|z| z.timestamp())
}

/// What the form's fields parse into, with the errors of those that do not.
struct Parsed {
    /// The command, once the party and territory (which decide who may act) are read.
    command: Option<OpenCampaign>,
    /// The command with stand-ins for the party and territory when they did not read.
    stand_in: Option<OpenCampaign>,
    /// For each position of the command, the form row it came from.
    rows: Vec<usize>,
    /// Fields of the command whose rules a stand-in would make up in the dry run.
    shadowed: Vec<&'static str>,
}

fn parse(
    ctx: &PageCtx,
    form: &mut FormState,
    page: &Page,
    values: &HashMap<String, String>,
    ticked: &[String],
) -> Parsed {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
    let mut shadowed = Vec::new();
    let party = match own_party(page) {
        Some((p, _)) => Some(p),
        None => match get("party") {
            "" => {
                form.required(ctx, "party");
                None
            }
            p => PartyCode::parse(p)
                .map_err(|r| form.push("party", ctx.rule(&r)))
                .ok(),
        },
    };
    let territory = match get("territory") {
        "" => {
            form.required(ctx, "territory");
            None
        }
        t => TerritoryCode::parse(t)
            .map_err(|r| form.push("territory", ctx.rule(&r)))
            .ok(),
    };
    let mut windows_broken = false;
    let mut moment = |form: &mut FormState, field: &str| -> Instant {
        let m = match get(field) {
            "" => {
                form.required(ctx, field);
                None
            }
            text => {
                let m = local_moment(territory.as_ref(), text);
                if m.is_none() {
                    form.push(field, ctx.tr("prim-when-format"));
                }
                m
            }
        };
        windows_broken |= m.is_none();
        m.unwrap_or(Instant::UNIX_EPOCH)
    };
    let mut window = |form: &mut FormState, name: &str| Window {
        opens: moment(form, &format!("{name}_opens")),
        closes: moment(form, &format!("{name}_closes")),
    };
    let windows = Windows {
        registration: window(form, "registration"),
        debates: window(form, "debates"),
        online_voting: window(form, "online_voting"),
        paper_voting: window(form, "paper_voting"),
    };
    if windows_broken {
        shadowed.push("windows");
    }

    let mut positions = Vec::new();
    let mut rows = Vec::new();
    for row in 0..ROWS {
        let cell = |c: &str| get(&format!("p{row}-{c}")).to_owned();
        let field = |c: &str| format!("p{row}-{c}");
        // The kind alone (a drop-down's default) does not make a row.
        if ROW_LABELS[1..].iter().all(|(c, _)| cell(c).is_empty()) {
            continue;
        }
        let kind = match cell("kind").as_str() {
            "list" => {
                let seats = match sailau_domain::text::parse_whole_number(&cell("seats")) {
                    Ok(n) => u32::try_from(n).unwrap_or(u32::MAX),
                    Err(r) => {
                        form.push(&field("seats"), ctx.rule(&r));
                        1
                    }
                };
                PositionKind::List { seats }
            }
            "akim" => match TerritoryCode::parse(&cell("unit")) {
                Ok(unit) => PositionKind::Akim { unit },
                Err(r) => {
                    if cell("unit").is_empty() {
                        form.required(ctx, &field("unit"));
                    } else {
                        form.push(&field("unit"), ctx.rule(&r));
                    }
                    // A neutral stand-in: its own rules hold, the names' are still checked.
                    PositionKind::List { seats: 1 }
                }
            },
            _ => {
                form.required(ctx, &field("kind"));
                PositionKind::List { seats: 1 }
            }
        };
        let key = match (cell("key"), &kind) {
            (k, _) if !k.is_empty() => k,
            (_, PositionKind::Akim { unit }) => format!("akim-{unit}"),
            (_, PositionKind::List { .. }) => format!("list-{}", row + 1),
        };
        positions.push(Position {
            key,
            name_ru: cell("name_ru"),
            name_kk: cell("name_kk"),
            name_en: cell("name_en"),
            kind,
        });
        rows.push(row);
    }

    if positions.is_empty() {
        form.push("p0-kind", ctx.rule(&PrimariesRule::PositionsEmpty.into()));
    }

    let mut trustees = Vec::new();
    for t in ticked {
        match Username::parse(t) {
            Ok(u) => trustees.push(u),
            Err(_) => shadowed.push("trustees"),
        }
    }
    let threshold = match sailau_domain::text::parse_whole_number(get("threshold")) {
        Ok(n) => u32::try_from(n).unwrap_or(u32::MAX),
        Err(r) => {
            form.push("threshold", ctx.rule(&r));
            // A stand-in that holds, so that the trustees' own rule is still checked.
            u32::try_from(trustees.len().max(1)).unwrap_or(1)
        }
    };
    let rules = if !get("rules").is_empty() {
        get("rules").to_owned()
    } else {
        match preset(get("ruleset")) {
            Some(text) => text.to_owned(),
            None => {
                if get("ruleset").is_empty() {
                    form.required(ctx, "ruleset");
                } else {
                    form.push("ruleset", ctx.rule(&PrimariesRule::PresetUnknown.into()));
                }
                shadowed.push("rules");
                String::new()
            }
        }
    };
    let known = party.is_some() && territory.is_some();
    // Stand-ins where the party or territory did not read, for the checks that need neither.
    let (party, territory) = match (
        party.or_else(|| PartyCode::parse("amanat").ok()),
        territory.or_else(|| TerritoryCode::parse("100000000").ok()),
    ) {
        (Some(p), Some(t)) => (p, t),
        _ => {
            return Parsed {
                command: None,
                stand_in: None,
                rows,
                shadowed,
            };
        }
    };
    let command = OpenCampaign {
        campaign: CampaignId(uuid::Uuid::new_v4()),
        party,
        territory,
        title_ru: get("title_ru").to_owned(),
        title_kk: get("title_kk").to_owned(),
        title_en: get("title_en").to_owned(),
        positions,
        windows,
        trustees,
        threshold,
        rules,
    };
    let (command, stand_in) = if known {
        (Some(command), None)
    } else {
        (None, Some(command))
    };
    Parsed {
        command,
        stand_in,
        rows,
        shadowed,
    }
}

/// The rules of a campaign whose party or territory did not read that the domain checks
/// without looking anything up (titles, positions' names, keys and seats, windows, trustees
/// and threshold, the rule set's text): the facts are assumed to hold.
fn absorb_unchecked(form: &mut FormState, ctx: &PageCtx, parsed: &Parsed, own_rules: bool) {
    let Some(c) = &parsed.stand_in else {
        return;
    };
    let akim = c
        .positions
        .iter()
        .filter(|p| matches!(p.kind, PositionKind::Akim { .. }))
        .count();
    let facts = OpenFacts {
        id_taken: false,
        branch_exists: true,
        units_inside: vec![Some(true); akim],
        trustee_roles: vec![Some(Role::Trustee); c.trustees.len()],
        now: Instant::UNIX_EPOCH,
    };
    if let Err(errors) = validate_open(c, &facts, Edition::CURRENT) {
        absorb(form, ctx, errors, parsed, own_rules);
    }
}

/// The form's field for a field of the command (`positions[1].unit` → `p3-unit` when the
/// command's second position came from the fourth row).
fn form_field(field: &str, rows: &[usize], own_rules: bool) -> String {
    if let Some(rest) = field.strip_prefix("windows.") {
        return rest.replace('.', "_");
    }
    if let Some(rest) = field.strip_prefix("positions[")
        && let Some((index, column)) = rest.split_once("].")
        && let Some(row) = index.parse::<usize>().ok().and_then(|i| rows.get(i))
    {
        return format!("p{row}-{column}");
    }
    match field {
        "positions" => "p0-kind".into(),
        "rules" if !own_rules => "ruleset".into(),
        f if f.starts_with("trustees") => "trustees".into(),
        "campaign" => String::new(),
        f => f.to_owned(),
    }
}

/// The command's errors on the form's fields, less those on fields already refused.
fn absorb(
    form: &mut FormState,
    ctx: &PageCtx,
    errors: ValidationErrors,
    parsed: &Parsed,
    own_rules: bool,
) {
    let kept = errors
        .0
        .into_iter()
        .filter(|e| !parsed.shadowed.iter().any(|p| e.field.starts_with(p)))
        .map(|e| FieldError::new(form_field(&e.field, &parsed.rows, own_rules), e.rule))
        .filter(|e| e.field.is_empty() || !form.has_error(&e.field))
        .collect();
    form.absorb(ctx, &ValidationErrors(kept));
}

/// POST /primaries/open
pub async fn open(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let (pairs, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        if !may_open(&page) {
            return Err(Fail::Forbidden(None));
        }
        let ctx = &page.ctx;
        let ticked: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| k == "trustees")
            .map(|(_, v)| v.clone())
            .collect();
        let choices: Vec<&'static str> = OPEN_FIELDS
            .iter()
            .copied()
            .filter(|f| f.ends_with("-kind") || matches!(*f, "party" | "ruleset" | "trustees"))
            .collect();
        let mut form = FormState::filled(OPEN_FIELDS, &values)
            .labelled(&labels())
            .choices(&choices);
        let own_rules = values.get("rules").is_some_and(|r| !r.trim().is_empty());
        let mut parsed = parse(ctx, &mut form, &page, &values, &ticked);
        if let Some(command) = parsed.command.take() {
            let id = command.campaign;
            let acting = sailau_app::Acting::Account(
                page.principal().cloned().ok_or(Fail::Forbidden(None))?,
            );
            // Some fields did not parse: the others' rules in a dry run with stand-ins.
            let result = if form.has_errors() {
                state.app.check(&acting, command).await
            } else {
                state.app.execute(&acting, command).await.map(|_| ())
            };
            match result {
                Ok(()) if !form.has_errors() => return Ok(see_other(&campaign_href(&id))),
                Ok(()) => {}
                Err(sailau_app::AppError::Invalid(errors)) => {
                    absorb(&mut form, ctx, errors, &parsed, own_rules)
                }
                // A territory outside the committee's own is named on its field, the form kept.
                Err(sailau_app::AppError::Forbidden(denied)) => {
                    if !form.has_error("territory") {
                        form.push("territory", ctx.denied(&denied));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            // Without the party or territory, who may act is unknown: the rules of the rest
            // that need no lookup (titles, positions, trustees), checked by the domain alone.
            absorb_unchecked(&mut form, ctx, &parsed, own_rules);
        }
        open_page(
            &page,
            &state,
            form,
            &ticked,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}
