//! The demo registry: the 17 regions, the 45 units of 5 November 2023, their 1,491 precincts and
//! the 7 parties, from the CSV files in `data/demo/` (embedded in the binary), loaded through the
//! same import path users use; plus one account per role with a random password; then the
//! elections of 2023 ([`crate::demo_elections`]). Everything is applied at simulated instants of
//! 2023 (from 1 Aug), so every action is inside its window and the ledger's timestamps never
//! decrease; the app's own clock takes over afterwards.

use sailau_domain::{Account, Role, Scope, Username};

use crate::import::{ImportError, Kind, read_csv};
use crate::{Acting, App, AppError};

/// The demo territories (17 regions, their districts and cities), as the import reads them.
pub const TERRITORIES_CSV: &str = include_str!("../../../data/demo/territories.csv");
/// The demo parties (7), as the import reads them.
pub const PARTIES_CSV: &str = include_str!("../../../data/demo/parties.csv");
/// The demo precincts (1,491), as the import reads them.
pub const PRECINCTS_CSV: &str = include_str!("../../../data/demo/precincts.csv");

/// A demo account and its one-time password (printed once at start).
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// The account's username.
    pub username: Username,
    /// Its role.
    pub role: Role,
    /// Where the role acts.
    pub scope: Scope,
    /// Its password, random, shown once.
    pub password: String,
    /// A member's voting code for the live primaries campaign, handed out separately from the
    /// password (i14-online).
    pub voting_code: Option<String>,
    /// A trustee's secret file (JSON) for the live primaries campaign, as its own machine would
    /// keep it (i14-online): demonstration only, written beside the demo database.
    pub trustee_secret: Option<String>,
}

#[derive(Debug, thiserror::Error)]
/// Why the demo could not be loaded.
pub enum DemoError {
    #[error("demo data {file}: {source}")]
    /// An embedded demo file was refused by the import (a bug of the demo data).
    Data {
        /// Which file (`territories.csv`, ...).
        file: &'static str,
        /// What the import said.
        source: ImportError,
    },
    #[error(transparent)]
    /// A command of the demo was refused, or the database failed.
    App(#[from] AppError),
}

/// Loads the demo registry into an empty database and creates the demo accounts.
pub async fn load(
    app: &App,
    progress: &(dyn Fn(&str, u64, u64) + Sync),
) -> Result<Vec<DemoAccount>, DemoError> {
    // The server's clock: the live primaries campaign votes around it.
    let server_now = app.now_ms();
    let sim = std::sync::Arc::new(crate::demo_elections::SimClock::at(
        crate::demo_elections::START,
    ));
    let app = &app.with_clock(sim.clone());
    for (file, kind, text) in [
        ("territories.csv", Kind::Territories, TERRITORIES_CSV),
        ("parties.csv", Kind::Parties, PARTIES_CSV),
        ("precincts.csv", Kind::Precincts, PRECINCTS_CSV),
    ] {
        let rows =
            read_csv(kind, text.as_bytes()).map_err(|source| DemoError::Data { file, source })?;
        app.import(&Acting::Operator, rows, &|done, total| {
            progress(file, done, total)
        })
        .await
        .map_err(|source| DemoError::Data { file, source })?;
    }
    let mut accounts = demo_accounts(app).await?;
    app.create_accounts(&Acting::Operator, with_passwords(&accounts))
        .await?;
    progress("elections", 0, 1);
    crate::demo_elections::load(app, &sim).await?;
    progress("elections", 1, 1);
    progress("party", 0, 1);
    crate::demo_party::load(app).await?;
    // The party's own roles, scoped to what the party demo just created.
    let party_accounts = crate::demo_party::demo_role_scopes()
        .into_iter()
        .map(|(name, role, scope)| demo_account(name, role, scope))
        .collect::<Result<Vec<_>, AppError>>()?;
    app.create_accounts(&Acting::Operator, with_passwords(&party_accounts))
        .await?;
    accounts.extend(party_accounts);
    progress("party", 1, 1);
    // i14-primaries: the committee, trustees, credential authority and a counting commission
    // first (the campaign names its trustees), then the campaign through its windows.
    progress("primaries", 0, 1);
    let primaries_accounts = crate::demo_primaries::demo_role_scopes()?
        .into_iter()
        .map(|(name, role, scope)| demo_account(name, role, scope))
        .collect::<Result<Vec<_>, AppError>>()?;
    app.create_accounts(&Acting::Operator, with_passwords(&primaries_accounts))
        .await?;
    accounts.extend(primaries_accounts);
    crate::demo_primaries::load(app, &sim).await?;
    // i14-online: a campaign whose online voting is open now; the party demo's member and
    // delegate get voting codes.
    let voters: Vec<(String, sailau_domain::party::member::MemberId)> = accounts
        .iter()
        .filter_map(|a| match &a.scope {
            Scope::Member { member } => Some((a.username.to_string(), *member)),
            _ => None,
        })
        .collect();
    let live = crate::demo_primaries::load_live(app, &sim, server_now, &voters).await?;
    for (name, code) in live.voting_codes {
        if let Some(a) = accounts.iter_mut().find(|a| a.username.as_str() == name) {
            a.voting_code = Some(code);
        }
    }
    for (name, file) in live.trustee_files {
        if let Some(a) = accounts.iter_mut().find(|a| a.username.as_str() == name) {
            a.trustee_secret = Some(file);
        }
    }
    progress("primaries", 1, 1);
    Ok(accounts)
}

/// One account per role, scoped to real demo data (the first region; two precincts of the repeat
/// election's unit; AMANAT).
async fn demo_accounts(app: &App) -> Result<Vec<DemoAccount>, AppError> {
    let store = app.store();
    let regions = store.territory_children(None).await?;
    let region = regions
        .first()
        .ok_or_else(|| AppError::NotFound(crate::Thing::Other, "a demo region".into()))?;
    // The precinct commission of two polling stations of the unit whose repeat election is
    // still to be counted (`demo_election_day::REPEAT_ELECTION`).
    let tie_unit = sailau_domain::TerritoryCode::parse(crate::demo_election_day::TIE_UNIT)
        .map_err(|r| AppError::BadRequest(r.english()))?;
    // By number.
    let mut precincts = store.precincts_of(&tie_unit).await?;
    precincts.truncate(2);
    let party = store
        .parties()
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::NotFound(crate::Thing::Other, "a demo party".into()))?;
    let party = store
        .party(
            &sailau_domain::PartyCode::parse("amanat")
                .map_err(|r| AppError::BadRequest(r.english()))?,
        )
        .await?
        .unwrap_or(party);
    let specs: Vec<(&str, Role, Scope)> = vec![
        ("admin", Role::Administrator, Scope::Global),
        ("cec", Role::CecMember, Scope::Global),
        (
            "territorial",
            Role::TerritorialCommission,
            Scope::Territory {
                territory: region.code.clone(),
            },
        ),
        (
            "precinct",
            Role::PrecinctCommission,
            Scope::Precincts {
                precincts: precincts.iter().map(|p| p.reference()).collect(),
            },
        ),
        (
            "secretary",
            Role::PartySecretary,
            Scope::Party {
                party: party.code.clone(),
                territory: None,
            },
        ),
        ("candidate", Role::Candidate, Scope::Global),
        // Accredited in the first region, where it enters the copies handed to it.
        (
            "observer",
            Role::Observer,
            Scope::Territory {
                territory: region.code.clone(),
            },
        ),
    ];
    specs
        .into_iter()
        .map(|(name, role, scope)| demo_account(name, role, scope))
        .collect()
}

/// A demo account with a fresh one-time password.
fn demo_account(name: &str, role: Role, scope: Scope) -> Result<DemoAccount, AppError> {
    Ok(DemoAccount {
        username: Username::parse(name).map_err(|r| AppError::BadRequest(r.english()))?,
        role,
        scope,
        password: App::generate_password(),
        voting_code: None,
        trustee_secret: None,
    })
}

/// The accounts as the app creates them, each with its password.
fn with_passwords(accounts: &[DemoAccount]) -> Vec<(Account, String)> {
    accounts
        .iter()
        .map(|a| {
            (
                Account {
                    username: a.username.clone(),
                    display_name: format!("Demo {}", a.role.as_str().replace('_', " ")),
                    role: a.role,
                    scope: a.scope.clone(),
                    active: true,
                },
                a.password.clone(),
            )
        })
        .collect()
}
