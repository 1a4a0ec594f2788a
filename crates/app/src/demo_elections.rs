//! The demo's elections: the 5 November 2023 election of district akims in the 45 units with its
//! real calendar, and one rural election of 17 September 2023 under `kz-akim-rural-2021`.
//!
//! The candidates are **synthetic** (their post says so), except the two AMANAT nominees the
//! seed article names (seed 000: Askar Kazybayev in Uil, Rakhimzhan Shalbayev in Beineu). The
//! figures are the seeds' at this stage: 164 registered, 69 by parties (AMANAT in every unit, the
//! six other parties four units each) and 95 self-nominated, 10 women; West Kazakhstan's three
//! units 16 nominated and 9 registered (7 refused); 39 withdrawals, so 125 stand on the ballots
//! (2 to 4 per unit). The AMANAT nominees of 29 units ([`INCUMBENT_UNITS`]) are declared the
//! sitting akim, so that 29 incumbents are re-elected (rules.md §8). Every action happens inside
//! its window: the demo walks a simulated clock through 2023 (the ledger's timestamps never
//! decrease), and self-nominees' signatures go through `record_signature_sheets` with synthetic
//! signers (valid IINs of the unit).

use std::sync::atomic::{AtomicI64, Ordering};

use jiff::civil::{Date, date};
use sailau_domain::elections::iin::check_digit;
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, KZ_AKIM_RURAL_2021};
use sailau_domain::elections::signatures::SignatureLine;
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, CancelReason, CancelRegistration, Candidate, ContestId,
    Decision, ElectionId, Level, Membership, NewContest, NominateByParty, NominationId,
    ProduceBallots, RecordDeposit, RefuseRegistration, RegisterCandidate, RuleSet, TickDocument,
};

use sailau_domain::{
    Gender, Issued, Names, PartyCode, Person, PersonId, Rule, Territory, TerritoryCode,
    TerritoryKind, ValidationErrors,
};

use crate::{Acting, App, AppError, Clock};

/// A clock the demo moves through 2023.
#[derive(Debug)]
pub struct SimClock(AtomicI64);

impl SimClock {
    /// A clock at `at` (RFC 3339).
    pub fn at(at: &str) -> SimClock {
        SimClock(AtomicI64::new(ms(at)))
    }

    /// Moves the clock to `at`, never backwards.
    pub fn set(&self, at: &str) {
        self.0.fetch_max(ms(at), Ordering::SeqCst);
    }

    /// Moves the clock to the instant `at`, never backwards.
    pub fn set_at(&self, at: jiff::Timestamp) {
        self.0.fetch_max(at.as_millisecond(), Ordering::SeqCst);
    }
}

impl Clock for SimClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn ms(at: &str) -> i64 {
    at.parse::<jiff::Timestamp>()
        .map(|t| t.as_millisecond())
        .unwrap_or(0)
}

/// When the demo's registry is loaded (before the rural call of 9 Aug 2023).
pub const START: &str = "2023-08-01T00:00:00Z";

/// The 2023 district election's id.
pub const DISTRICT_ELECTION: ElectionId = ElectionId(uuid::Uuid::from_u128(0x2023_1105));
/// The rural election's id.
pub const RURAL_ELECTION: ElectionId = ElectionId(uuid::Uuid::from_u128(0x2023_0917));

const SURNAMES: [&str; 24] = [
    "Абенов",
    "Байжанов",
    "Оспанов",
    "Жумабеков",
    "Сейткали",
    "Ермеков",
    "Ибраев",
    "Нуржанов",
    "Қалиев",
    "Тулегенов",
    "Смагулов",
    "Есенов",
    "Мухамеджанов",
    "Искаков",
    "Сарсенбаев",
    "Утегенов",
    "Ахметов",
    "Құдайбергенов",
    "Бекмуханов",
    "Жакупов",
    "Омаров",
    "Рахимов",
    "Әлиев",
    "Шаяхметов",
];
const NAMES: [&str; 12] = [
    "Ерлан",
    "Нурлан",
    "Бауыржан",
    "Серик",
    "Мұрат",
    "Асхат",
    "Данияр",
    "Талгат",
    "Ержан",
    "Айдос",
    "Қайрат",
    "Арман",
];
const WOMEN: [&str; 5] = ["Айгүл", "Гульнара", "Жанар", "Сәуле", "Динара"];
const PATRONYMICS: [&str; 8] = [
    "Серикович",
    "Болатович",
    "Маратович",
    "Ерланович",
    "Нурланович",
    "Кайратович",
    "Сабитович",
    "Амангельдиевич",
];
const OTHER_PARTIES: [&str; 6] = ["akzhol", "auyl", "baytaq", "osdp", "halyq", "respublica"];
pub(crate) const PARTY_DOCS: [&str; 5] = [
    "application",
    "deposit_receipt",
    "qualification_documents",
    "asset_declaration_certificate",
    "party_decision",
];
pub(crate) const SELF_DOCS: [&str; 5] = [
    "application",
    "deposit_receipt",
    "qualification_documents",
    "asset_declaration_certificate",
    "signature_protocol",
];
const QUALIFICATIONS: [&str; 3] = [
    "citizenship",
    "legal_capacity",
    "civil_service_qualification",
];
/// The rural rule set of 2021 adds higher education (rules.md §3).
const RURAL_QUALIFICATIONS: [&str; 4] = [
    "citizenship",
    "legal_capacity",
    "higher_education",
    "civil_service_qualification",
];

fn bad(what: &str) -> AppError {
    AppError::Invalid(ValidationErrors::one(what, Rule::FieldRequired))
}

fn code(s: &str) -> Result<TerritoryCode, AppError> {
    TerritoryCode::parse(s).map_err(|r| AppError::Invalid(ValidationErrors::one("code", r)))
}

/// A synthetic or seed candidate.
struct Nominee {
    person: Person,
    party: Option<&'static str>,
}

struct Counter(u128);

impl Counter {
    fn next(&mut self) -> u128 {
        self.0 += 1;
        self.0
    }
}

fn synthetic(n: &mut Counter, female: bool) -> Person {
    let k = n.next();
    let i = k as usize;
    let surname = SURNAMES[i % SURNAMES.len()];
    let (surname, given, patronymic) = if female {
        let s = if surname.ends_with("ов") || surname.ends_with("ев") {
            format!("{surname}а")
        } else {
            surname.to_owned()
        };
        (
            s,
            WOMEN[i % WOMEN.len()],
            PATRONYMICS[i % PATRONYMICS.len()]
                .replace("ович", "овна")
                .replace("евич", "евна"),
        )
    } else {
        (
            surname.to_owned(),
            NAMES[i % NAMES.len()],
            PATRONYMICS[i % PATRONYMICS.len()].to_owned(),
        )
    };
    Person {
        id: PersonId(uuid::Uuid::from_u128(0x5EED_0000_0000 + k)),
        surname,
        given_name: given.to_owned(),
        patronymic,
        birth_date: date(
            // Ages 29–64 on election day, neighbours years apart (the winners' average is
            // the seeds' 46.7; see `demo_election_day`).
            1959 + ((i * 7) % 36) as i16,
            1 + (i % 12) as i8,
            1 + (i % 27) as i8,
        ),
        gender: if female { Gender::Female } else { Gender::Male },
    }
}

/// The units whose AMANAT nominee the demo declares the sitting akim: 29, the number of
/// incumbent akims re-elected on 5 Nov 2023 (rules.md §8, stated). Which units they are is
/// **synthetic** (no list of them was found): units whose AMANAT nominee wins in the demo,
/// neither a seed's unit (the article does not say whether its nominees were sitting akims) nor
/// the tie's. The demo's election day keeps these winners (`demo_election_day::choose_leaders`),
/// so the statistics count exactly 29 re-elected.
pub const INCUMBENT_UNITS: [&str; 29] = [
    "103200000",
    "113200000",
    "114800000",
    "116800000",
    "154200000",
    "193600000",
    "234800000",
    "275000000",
    "275400000",
    "314200000",
    "314800000",
    "334000000",
    "352100000",
    "353600000",
    "355600000",
    "393200000",
    "395000000",
    "396800000",
    "435200000",
    "553200000",
    "554200000",
    "594200000",
    "595200000",
    "596200000",
    "614800000",
    "615600000",
    "616400000",
    "634000000",
    "634800000",
];

/// A candidate of the district election; a sitting akim's post says so.
fn candidate(person: Person, unit: &Territory, seed: bool, incumbent: bool) -> Candidate {
    let c = with_qualifications(person, unit, seed, &QUALIFICATIONS);
    if incumbent {
        Candidate {
            post: "действующий аким (синтетический кандидат, демонстрационные данные)".into(),
            incumbent,
            ..c
        }
    } else {
        c
    }
}

fn with_qualifications(person: Person, unit: &Territory, seed: bool, quals: &[&str]) -> Candidate {
    Candidate {
        post: if seed {
            "кандидат, названный в опубликованной статье (демонстрационные данные)".into()
        } else {
            "синтетический кандидат (демонстрационные данные)".into()
        },
        residence: format!("{} (демонстрационные данные)", unit.names.ru),
        qualifications: quals.iter().map(|q| (*q).to_owned()).collect(),
        person,
        incumbent: false,
    }
}

/// `count` synthetic signers of `unit`, valid IINs (born 1960–1989), signed on `signed_on`.
pub(crate) fn signers(
    unit: &TerritoryCode,
    seed: u32,
    count: u64,
    signed_on: Date,
) -> Vec<SignatureLine> {
    let mut out = Vec::with_capacity(count as usize);
    let mut serial: u32 = 0;
    while (out.len() as u64) < count {
        serial += 1;
        let k = seed.wrapping_mul(7919).wrapping_add(serial);
        let (y, m, d) = (60 + (k % 30), 1 + (k / 30 % 12), 1 + (k / 360 % 28));
        let female = k.is_multiple_of(2);
        let digits = format!(
            "{y:02}{m:02}{d:02}{}{:04}",
            if female { 4 } else { 3 },
            serial % 10_000
        );
        let mut first = [0u8; 11];
        for (slot, b) in first.iter_mut().zip(digits.bytes()) {
            *slot = b - b'0';
        }
        let Some(check) = check_digit(&first) else {
            continue;
        };
        out.push(SignatureLine {
            sheet: 1 + (out.len() / 20) as u32,
            line: 1 + (out.len() % 20) as u32,
            surname: SURNAMES[(k as usize) % SURNAMES.len()].to_owned(),
            given_name: if female {
                WOMEN[(k as usize) % WOMEN.len()]
            } else {
                NAMES[(k as usize) % NAMES.len()]
            }
            .to_owned(),
            patronymic: String::new(),
            iin: format!("{digits}{check}"),
            address: "синтетический адрес (демонстрационные данные)".into(),
            territory_code: unit.clone(),
            signed_on,
        });
    }
    out
}

pub(crate) fn ticks_and_deposit(
    nomination: NominationId,
    docs: &[&str],
    amount: u64,
    paid_on: Date,
) -> Vec<Issued> {
    let mut out: Vec<Issued> = docs
        .iter()
        .map(|d| {
            TickDocument {
                nomination,
                document: (*d).to_owned(),
                present: true,
            }
            .into()
        })
        .collect();
    out.push(
        RecordDeposit {
            nomination,
            amount_tenge: amount,
            paid_on,
            document_number: format!("ПП-{}", nomination.0.as_u128() % 100_000),
        }
        .into(),
    );
    out
}

/// Loads both demo elections into `app` (whose clock is `sim`), after the registry.
pub async fn load(app: &App, sim: &SimClock) -> Result<(), AppError> {
    rural(app, sim).await?;
    district(app, sim).await
}

/// The rural election of 17 Sep 2023 in a demonstration okrug of Aktogay district (Karaganda
/// region; its two polling stations are Aktogay's №651 and №652, which vote again in November),
/// called on 9 Aug (rules.md §8), under `kz-akim-rural-2021` with double entry of protocols; two
/// party nominees.
async fn rural(app: &App, sim: &SimClock) -> Result<(), AppError> {
    let op = Acting::Operator;
    let okrug = code("353630000")?;
    let unit = app
        .store
        .territory(&okrug)
        .await?
        .ok_or_else(|| bad("okrug"))?;
    sim.set("2023-08-09T04:00:00Z");
    let contest = ContestId(uuid::Uuid::from_u128(0x2023_0917_0001));
    // The okrug's commission chose double entry of its protocols (two operators).
    let rural_rules = KZ_AKIM_RURAL_2021.replace(
        "double_entry = false",
        "# Demo: the commission enters every protocol twice, by two operators.\ndouble_entry = true",
    );
    app.execute(
        &op,
        CallElection {
            election: RURAL_ELECTION,
            names: Names {
                ru: "Выборы акима сельского округа 17 сентября 2023 года (демо)".into(),
                kk: "2023 жылғы 17 қыркүйектегі ауылдық округ әкімінің сайлауы (демо)".into(),
                en: "Rural akim election of 17 September 2023 (demo)".into(),
            },
            level: Level::Rural,
            election_day: date(2023, 9, 17),
            territory: Some(code("353600000")?),
            contests: vec![NewContest {
                id: contest,
                unit: okrug.clone(),
            }],
            rule_set: rural_rules.clone(),
            rule_set_sha256: RuleSet::digest(&rural_rules),
        },
    )
    .await?;
    sim.set("2023-08-15T06:00:00Z");
    let mut counter = Counter(0x0917_0000);
    let mut ids = Vec::new();
    let mut batch: Vec<Issued> = Vec::new();
    for party in ["amanat", "auyl"] {
        let n = NominationId(uuid::Uuid::from_u128(0x0917_0000_0000 + counter.next()));
        ids.push(n);
        batch.push(
            NominateByParty {
                nomination: n,
                contest,
                candidate: with_qualifications(
                    synthetic(&mut counter, false),
                    &unit,
                    false,
                    &RURAL_QUALIFICATIONS,
                ),
                party: PartyCode::parse(party)
                    .map_err(|r| AppError::Invalid(ValidationErrors::one("party", r)))?,
                decision: Decision {
                    number: "1".into(),
                    date: date(2023, 8, 14),
                    body: "Конференция районного филиала партии (демонстрационные данные)".into(),
                },
                membership: Membership {
                    document: "партийный билет (демонстрационные данные)".into(),
                },
            }
            .into(),
        );
    }
    app.execute_batch(&op, batch).await?;
    sim.set("2023-08-25T06:00:00Z");
    let mut batch = Vec::new();
    for n in &ids {
        batch.extend(ticks_and_deposit(
            *n,
            &PARTY_DOCS,
            70_000,
            date(2023, 8, 20),
        ));
        batch.push(RegisterCandidate { nomination: *n }.into());
    }
    app.execute_batch(&op, batch).await?;
    sim.set("2023-09-07T06:00:00Z");
    app.execute(&op, ProduceBallots { contest }).await?;
    Ok(())
}

/// The 5 Nov 2023 election in the 45 units, called by the CEC on 15 Sep 2023.
async fn district(app: &App, sim: &SimClock) -> Result<(), AppError> {
    let op = Acting::Operator;
    let mut units: Vec<Territory> = app
        .store
        .territories()
        .await?
        .into_iter()
        .filter(|t| {
            matches!(
                t.kind,
                TerritoryKind::District | TerritoryKind::RegionalCity
            )
        })
        .collect();
    units.sort_by(|a, b| a.code.cmp(&b.code));
    if units.len() != 45 {
        return Err(bad("units"));
    }
    // West Kazakhstan's three units at positions 30–32 (3 registered each, one withdrawing).
    let (wko, mut rest): (Vec<Territory>, Vec<Territory>) = units
        .into_iter()
        .partition(|t| t.code.as_str().starts_with("27"));
    let tail = rest.split_off(30);
    rest.extend(wko);
    rest.extend(tail);
    let units = rest;

    sim.set("2023-09-15T04:00:00Z");
    let contest_of = |i: usize| ContestId(uuid::Uuid::from_u128(0x2023_1105_0000 + i as u128));
    app.execute(
        &op,
        CallElection {
            election: DISTRICT_ELECTION,
            names: Names {
                ru: "Выборы акимов районов и городов областного значения 5 ноября 2023 года".into(),
                kk: "2023 жылғы 5 қарашадағы аудандар мен облыстық маңызы бар қалалар әкімдерінің сайлауы".into(),
                en: "Election of akims of districts and cities of regional significance, 5 November 2023".into(),
            },
            level: Level::District,
            election_day: date(2023, 11, 5),
            territory: None,
            contests: units
                .iter()
                .enumerate()
                .map(|(i, u)| NewContest {
                    id: contest_of(i),
                    unit: u.code.clone(),
                })
                .collect(),
            rule_set: KZ_AKIM_DISTRICT_2023.into(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
        },
    )
    .await?;
    // The rural election's day (17 Sep) falls between the call and the nominations.
    crate::demo_election_day::rural(app, sim).await?;

    // Who stands where: on the ballot b, withdrawing w, registered r = b + w.
    let mut counter = Counter(0x1105_0000);
    let mut women = 0;
    struct Plan {
        party: Vec<(NominationId, &'static str)>,
        selves: Vec<NominationId>,
        refused: Vec<NominationId>,
        withdraw: Option<NominationId>,
    }
    let mut plans = Vec::new();
    sim.set("2023-09-27T06:00:00Z");
    for (i, unit) in units.iter().enumerate() {
        let contest = contest_of(i);
        let on_ballot = if i < 5 {
            4
        } else if i < 30 {
            3
        } else {
            2
        };
        let withdraws = usize::from(i < 39);
        let registered = on_ballot + withdraws;
        let other_party = (i < 24).then(|| OTHER_PARTIES[i % 6]);
        let selves = registered - 1 - usize::from(other_party.is_some());
        let refused = match i {
            30 => 3,
            31 | 32 => 2,
            _ => 0,
        };
        let mut nominees = Vec::new();
        let amanat = match unit.code.as_str() {
            "155200000" => Person {
                id: PersonId(uuid::Uuid::from_u128(0x5EED_0000_0001_0000)),
                surname: "Казыбаев".into(),
                given_name: "Аскар".into(),
                patronymic: String::new(),
                birth_date: date(1975, 1, 1),
                gender: Gender::Male,
            },
            "473600000" => Person {
                id: PersonId(uuid::Uuid::from_u128(0x5EED_0000_0002_0000)),
                surname: "Шалбаев".into(),
                given_name: "Рахимжан".into(),
                patronymic: String::new(),
                birth_date: date(1975, 1, 1),
                gender: Gender::Male,
            },
            _ => synthetic(&mut counter, false),
        };
        nominees.push(Nominee {
            person: amanat,
            party: Some("amanat"),
        });
        if let Some(p) = other_party {
            nominees.push(Nominee {
                person: synthetic(&mut counter, false),
                party: Some(p),
            });
        }
        for _ in 0..selves + refused {
            let female =
                women < 10 && i < 10 && nominees.len() == 1 + usize::from(other_party.is_some());
            if female {
                women += 1;
            }
            nominees.push(Nominee {
                person: synthetic(&mut counter, female),
                party: None,
            });
        }
        let mut plan = Plan {
            party: Vec::new(),
            selves: Vec::new(),
            refused: Vec::new(),
            withdraw: None,
        };
        let mut batch: Vec<Issued> = Vec::new();
        for (k, n) in nominees.into_iter().enumerate() {
            let id = NominationId(uuid::Uuid::from_u128(
                0x1105_0000_0000 + ((i as u128) << 8) + k as u128,
            ));
            let seed = matches!(unit.code.as_str(), "155200000" | "473600000") && k == 0;
            let incumbent = k == 0 && INCUMBENT_UNITS.contains(&unit.code.as_str());
            let cand = candidate(n.person, unit, seed, incumbent);
            match n.party {
                Some(p) => {
                    plan.party.push((id, p));
                    let body = match unit.code.as_str() {
                        "155200000" => "L (50-я) внеочередная конференция Уилского районного филиала партии AMANAT".to_owned(),
                        "473600000" => "XLIV (44-я) внеочередная конференция Бейнеуского районного филиала партии AMANAT".to_owned(),
                        _ => format!("Внеочередная конференция районного филиала, {}, демонстрационные данные", unit.names.ru),
                    };
                    batch.push(
                        NominateByParty {
                            nomination: id,
                            contest,
                            candidate: cand,
                            party: PartyCode::parse(p).map_err(|r| {
                                AppError::Invalid(ValidationErrors::one("party", r))
                            })?,
                            decision: Decision {
                                number: "1".into(),
                                date: date(2023, 9, 27),
                                body,
                            },
                            membership: Membership {
                                document: "партийный билет (демонстрационные данные)".into(),
                            },
                        }
                        .into(),
                    );
                }
                None => {
                    if plan.selves.len() < selves {
                        plan.selves.push(id);
                    } else {
                        plan.refused.push(id);
                    }
                    batch.push(
                        ApplySelfNomination {
                            nomination: id,
                            contest,
                            candidate: cand,
                        }
                        .into(),
                    );
                }
            }
        }
        if withdraws == 1 {
            plan.withdraw = plan.selves.last().copied();
        }
        app.execute_batch(&op, batch).await?;
        plans.push(plan);
    }

    // Signature sheets of the self-nominees who will be registered (1% of the unit's voters).
    sim.set("2023-09-29T06:00:00Z");
    for (i, plan) in plans.iter().enumerate() {
        let contest = app
            .store
            .contest(&contest_of(i))
            .await?
            .ok_or_else(|| bad("contest"))?;
        let rules = RuleSet::parse(KZ_AKIM_DISTRICT_2023)
            .map_err(|e| sailau_domain::elections::rule_set_errors(&e))?;
        let required = rules.signatures_required(contest.voters);
        for (k, n) in plan.selves.iter().enumerate() {
            let lines = signers(
                &contest.unit,
                (i * 16 + k) as u32,
                required,
                date(2023, 9, 20),
            );
            app.record_signature_sheets(&op, *n, lines).await?;
        }
    }

    // Documents, deposits, registrations; West Kazakhstan's refusals.
    sim.set("2023-10-02T06:00:00Z");
    for plan in &plans {
        let mut batch: Vec<Issued> = Vec::new();
        for (n, _) in &plan.party {
            batch.extend(ticks_and_deposit(
                *n,
                &PARTY_DOCS,
                350_000,
                date(2023, 9, 28),
            ));
            batch.push(RegisterCandidate { nomination: *n }.into());
        }
        for n in &plan.selves {
            batch.extend(ticks_and_deposit(
                *n,
                &SELF_DOCS,
                350_000,
                date(2023, 9, 28),
            ));
            batch.push(RegisterCandidate { nomination: *n }.into());
        }
        for n in &plan.refused {
            batch.push(
                RefuseRegistration {
                    nomination: *n,
                    ground: "qualification_requirements".into(),
                    text: "Не соответствует квалификационным требованиям (демонстрационные данные)"
                        .into(),
                }
                .into(),
            );
        }
        app.execute_batch(&op, batch).await?;
    }

    // 38 withdrawals before the ballots, ballots after the registration deadline, one late
    // withdrawal that marks its contest's ballot as changed.
    sim.set("2023-10-09T06:00:00Z");
    let withdrawals: Vec<NominationId> = plans.iter().filter_map(|p| p.withdraw).collect();
    let (late, early) = withdrawals.split_last().ok_or_else(|| bad("withdrawals"))?;
    let cancel = |n: NominationId| -> Issued {
        CancelRegistration {
            nomination: n,
            reason: CancelReason::Withdrawn,
            text: "Заявление кандидата о снятии (демонстрационные данные)".into(),
        }
        .into()
    };
    app.execute_batch(&op, early.iter().map(|n| cancel(*n)).collect())
        .await?;
    sim.set("2023-10-11T06:00:00Z");
    app.execute_batch(
        &op,
        (0..units.len())
            .map(|i| {
                ProduceBallots {
                    contest: contest_of(i),
                }
                .into()
            })
            .collect(),
    )
    .await?;
    sim.set("2023-10-20T06:00:00Z");
    app.execute(&op, cancel(*late)).await?;
    crate::demo_election_day::district(app, sim).await
}
