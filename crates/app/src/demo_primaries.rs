//! The primaries demo (issue 14 §9, first part): AMANAT's primaries in Aktobe region on the 2020
//! calendar moved to 2024 (registration 17–28 Aug, debates 14–30 Sep, online voting 1 Oct 00:00 –
//! 3 Oct 14:00, paper ballots at primary organizations on 3 Oct 08:00–14:00, local time), for the
//! Uil district akim nomination and a 10-seat maslikhat list: 300 synthetic members of the Uil
//! branch (`SYN-PRM-` card numbers), contenders who register themselves or are nominated by a
//! primary organization, one refused and one withdrawn, two debates (one contender absent and
//! excluded), paper counts at two primary organizations, and the ratings and the quota list that
//! follow; the online ballot is fixed after the debates. Everything goes through the commands, as
//! through the pages. Online ballots come with the verifiable voting of the next part.

use jiff::civil::{Date, date};
use sailau_domain::party::commands::RecordMember;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::primaries::campaign::{OpenCampaign, Position, PositionKind, Windows};
use sailau_domain::primaries::contenders::{
    DecideContender, Decision, RegisterContender, Route, WithdrawContender,
};
use sailau_domain::primaries::debates::{RecordDebate, ScheduleDebate};
use sailau_domain::primaries::paper::{ContenderVotes, RecordPaperCount};
use sailau_domain::primaries::rules::AMANAT_2020_TOML;
use sailau_domain::primaries::voting::FixBallot;
use sailau_domain::primaries::{CampaignId, ContenderId, DebateId, Window};
use sailau_domain::registry::{CreateBranch, CreateTerritory};
use sailau_domain::{
    Branch, Gender, Issued, Names, PartyCode, Role, Scope, Territory, TerritoryCode, TerritoryKind,
    Username, ValidationErrors,
};

use crate::demo_elections::SimClock;
use crate::{Acting, App, AppError};

/// The demo campaign's identifier.
pub const CAMPAIGN: u128 = 0x5EED_1400_0000_0000_0000_0000_0000_0001;
/// The live demo campaign's identifier: its online voting is open when the demo starts.
pub const LIVE_CAMPAIGN: u128 = 0x5EED_1400_0000_0000_0000_0000_0000_0002;
/// Aktobe region.
const REGION: &str = "150000000";
/// Uil district (its branch held the L (50th) conference of the party demo).
const UIL: &str = "155200000";

fn id(kind: u128, n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x5EED_1400_0000_0000_0000 + (kind << 48) + n)
}

fn code(s: &str) -> Result<TerritoryCode, AppError> {
    TerritoryCode::parse(s).map_err(|r| AppError::Invalid(ValidationErrors::one("territory", r)))
}

fn at(s: &str) -> Result<jiff::Timestamp, AppError> {
    s.parse()
        .map_err(|e: jiff::Error| AppError::BadRequest(format!("demo time {s}: {e}")))
}

fn party() -> Result<PartyCode, AppError> {
    PartyCode::parse("amanat").map_err(|r| AppError::Invalid(ValidationErrors::one("party", r)))
}

fn user(s: &str) -> Result<Username, AppError> {
    Username::parse(s).map_err(|r| AppError::BadRequest(r.english()))
}

/// The primaries' demo accounts: the organizing committee of Aktobe region, two trustees, the
/// credential authority, and the counting commission of the Uil district's primary
/// organizations.
pub fn demo_role_scopes() -> Result<Vec<(&'static str, Role, Scope)>, AppError> {
    let party = party()?;
    let region = Scope::Party {
        party: party.clone(),
        territory: Some(code(REGION)?),
    };
    Ok(vec![
        ("committee", Role::OrganizingCommittee, region.clone()),
        ("trustee-1", Role::Trustee, region.clone()),
        ("trustee-2", Role::Trustee, region.clone()),
        ("credentials", Role::CredentialAuthority, region),
        (
            "paper-count",
            Role::CountingCommission,
            Scope::Party {
                party,
                territory: Some(code(UIL)?),
            },
        ),
    ])
}

/// The contenders: surname, given name, gender, birth date, position (`akim` or `list`).
#[rustfmt::skip]
const CONTENDERS: [(&str, &str, Gender, Date, &str); 19] = [
    ("Жумагалиев", "Ерлан", Gender::Male, date(1975, 4, 12), "akim"),
    ("Сейткалиева", "Айгуль", Gender::Female, date(1987, 6, 3), "akim"),
    ("Тулегенов", "Нурлан", Gender::Male, date(1982, 1, 20), "akim"),
    ("Ахметова", "Динара", Gender::Female, date(1991, 9, 9), "list"),
    ("Бекмухамедов", "Канат", Gender::Male, date(1969, 2, 14), "list"),
    ("Жаксыбеков", "Марат", Gender::Male, date(1964, 11, 1), "list"),
    ("Кенжебаева", "Гульнар", Gender::Female, date(1974, 3, 8), "list"),
    ("Мусин", "Серик", Gender::Male, date(1979, 7, 7), "list"),
    ("Нуржанов", "Дастан", Gender::Male, date(1994, 5, 5), "list"),
    ("Оспанов", "Галым", Gender::Male, date(1971, 12, 12), "list"),
    ("Сарсенбаева", "Алия", Gender::Female, date(1997, 8, 18), "list"),
    ("Утепов", "Бауыржан", Gender::Male, date(1967, 10, 30), "list"),
    ("Есенов", "Жанибек", Gender::Male, date(1984, 4, 4), "list"),
    ("Калиев", "Асхат", Gender::Male, date(1977, 6, 16), "list"),
    ("Иманбаева", "Сауле", Gender::Female, date(1982, 2, 2), "list"),
    ("Тажибаев", "Арман", Gender::Male, date(1992, 3, 23), "list"),
    ("Абдрахманова", "Меруерт", Gender::Female, date(1989, 5, 15), "list"),
    ("Серикбаев", "Талгат", Gender::Male, date(1986, 9, 1), "list"),
    ("Досанов", "Ержан", Gender::Male, date(1985, 1, 11), "list"),
];

/// Members who take a paper ballot at each of the two primary organizations.
const PAPER_VOTERS: (u128, u128) = (60, 50);

/// Paper votes per contender (in `CONTENDERS`' order) at the two primary organizations; the
/// refused and the withdrawn contender (the last two) have none.
const PAPER: [(u64, u64); 17] = [
    (30, 20),
    (25, 26),
    (0, 0),
    (25, 22),
    (40, 35),
    (38, 30),
    (20, 17),
    (35, 30),
    (24, 20),
    (33, 29),
    (15, 12),
    (30, 28),
    (29, 25),
    (27, 24),
    (18, 15),
    (22, 18),
    (12, 10),
];

/// The synthetic members who do not stand (the rest of the 300).
const OTHER_SURNAMES: [&str; 8] = [
    "Айтбаев",
    "Бисенов",
    "Габдуллин",
    "Джумабаев",
    "Ермеков",
    "Жусупов",
    "Ибраев",
    "Куанышев",
];
const OTHER_NAMES: [&str; 6] = ["Алмас", "Берик", "Газиз", "Данияр", "Ескендир", "Жандос"];

fn member_command(
    party: &PartyCode,
    branch: &TerritoryCode,
    n: u128,
    record: MemberRecord,
) -> Issued {
    let member = MemberId(id(1, n));
    let joined_on = date(
        2015 + (n % 9) as i16,
        1 + (n % 12) as i8,
        1 + (n % 28) as i8,
    );
    Issued::new(
        RecordMember {
            member,
            party: party.clone(),
            branch: branch.clone(),
            joined_on,
            commitment: record.commitment(),
        },
        record,
    )
}

/// Loads the primaries demo; the clock `sim` moves through the campaign's windows. The
/// operator sets up the okrugs, branches and members; the committee (`demo_role_scopes`'
/// `committee`) opens the campaign, enters the applications, decides, schedules and records the
/// debates and fixes the ballot; the counting commission (`paper-count`) enters the paper counts.
pub async fn load(app: &App, sim: &SimClock) -> Result<(), AppError> {
    let setup = Acting::Operator;
    let roles = demo_role_scopes()?;
    let acting = |name: &str| -> Result<Acting, AppError> {
        let (_, role, scope) = roles.iter().find(|(n, _, _)| *n == name).ok_or_else(|| {
            AppError::NotFound(crate::Thing::Other, format!("the demo account {name}"))
        })?;
        Ok(Acting::Account(sailau_domain::Principal {
            username: user(name)?,
            role: *role,
            scope: scope.clone(),
        }))
    };
    let op = acting("committee")?;
    let counting = acting("paper-count")?;
    let party = party()?;
    let region = code(REGION)?;
    let uil = code(UIL)?;
    sim.set_at(at("2024-08-01T05:00:00Z")?);

    // Two rural okrugs of Uil district (synthetic KATO codes, as the party demo's Kobda okrug)
    // whose primary organizations vote on paper; branches of the region, Uil and the two.
    let okrugs = [
        (
            "155220000",
            "Уилский сельский округ",
            "Ойыл ауылдық округі",
            "Uil Rural District",
        ),
        (
            "155240000",
            "Саралжинский сельский округ",
            "Саралжын ауылдық округі",
            "Saralzhyn Rural District",
        ),
    ];
    let mut batch: Vec<Issued> = Vec::new();
    let mut organizations = Vec::new();
    for (c, ru, kk, en) in okrugs {
        let c = code(c)?;
        if app.store.territory(&c).await?.is_none() {
            batch.push(
                CreateTerritory {
                    territory: Territory {
                        code: c.clone(),
                        parent_code: Some(uil.clone()),
                        kind: TerritoryKind::RuralOkrug,
                        names: Names {
                            ru: ru.into(),
                            kk: kk.into(),
                            en: en.into(),
                        },
                    },
                }
                .into(),
            );
        }
        organizations.push(c);
    }
    let existing: Vec<TerritoryCode> = app
        .store
        .branches_of(&party)
        .await?
        .into_iter()
        .map(|b| b.territory_code)
        .collect();
    for t in [region.clone(), uil.clone()].iter().chain(&organizations) {
        if !existing.contains(t) {
            batch.push(
                CreateBranch {
                    branch: Branch {
                        party_code: party.clone(),
                        territory_code: t.clone(),
                    },
                }
                .into(),
            );
        }
    }
    // 300 members of the Uil branch: the contenders first.
    for (i, (surname, given, _, birth, _)) in CONTENDERS.iter().enumerate() {
        let n = i as u128 + 1;
        batch.push(member_command(
            &party,
            &uil,
            n,
            MemberRecord {
                salt: format!("{:032x}", id(9, n).as_u128()),
                card_number: format!("SYN-PRM-{n:04}"),
                surname: (*surname).to_owned(),
                given_name: (*given).to_owned(),
                patronymic: String::new(),
                birth_date: *birth,
            },
        ));
    }
    for n in (CONTENDERS.len() as u128 + 1)..=300 {
        let i = n as usize;
        batch.push(member_command(
            &party,
            &uil,
            n,
            MemberRecord {
                salt: format!("{:032x}", id(9, n).as_u128()),
                card_number: format!("SYN-PRM-{n:04}"),
                surname: OTHER_SURNAMES[i % OTHER_SURNAMES.len()].to_owned(),
                given_name: OTHER_NAMES[(i / OTHER_SURNAMES.len()) % OTHER_NAMES.len()].to_owned(),
                patronymic: String::new(),
                birth_date: date(
                    1955 + (n % 45) as i16,
                    1 + (n % 12) as i8,
                    1 + (n % 28) as i8,
                ),
            },
        ));
    }
    app.execute_batch(&setup, batch).await?;
    // The members of the two primary organizations who vote on paper: 60 and 50, as the
    // stations' counts say.
    let mut batch: Vec<Issued> = Vec::new();
    for n in 301..=(300 + PAPER_VOTERS.0 + PAPER_VOTERS.1) {
        let i = n as usize;
        let org = if n <= 300 + PAPER_VOTERS.0 {
            &organizations[0]
        } else {
            &organizations[1]
        };
        batch.push(member_command(
            &party,
            org,
            n,
            MemberRecord {
                salt: format!("{:032x}", id(9, n).as_u128()),
                card_number: format!("SYN-PRM-{n:04}"),
                surname: OTHER_SURNAMES[(i + 3) % OTHER_SURNAMES.len()].to_owned(),
                given_name: OTHER_NAMES[(i / 7) % OTHER_NAMES.len()].to_owned(),
                patronymic: String::new(),
                birth_date: date(
                    1950 + (n % 50) as i16,
                    1 + (n % 12) as i8,
                    1 + (n % 28) as i8,
                ),
            },
        ));
    }
    app.execute_batch(&setup, batch).await?;

    // The campaign (Aktobe: UTC+5).
    let campaign = CampaignId(uuid::Uuid::from_u128(CAMPAIGN));
    let window = |opens: &str, closes: &str| -> Result<Window, AppError> {
        Ok(Window {
            opens: at(opens)?,
            closes: at(closes)?,
        })
    };
    app.execute(
        &op,
        OpenCampaign {
            campaign,
            party: party.clone(),
            territory: region.clone(),
            title_ru: "Праймериз AMANAT в Актюбинской области — 2024 (демонстрация)".into(),
            title_kk: "AMANAT партиясының Ақтөбе облысындағы праймеризі — 2024 (көрсетілім)".into(),
            title_en: "AMANAT primaries in Aktobe region, 2024 (demonstration)".into(),
            positions: vec![
                Position {
                    key: "akim-155200000".into(),
                    name_ru: "Кандидат в акимы Уилского района".into(),
                    name_kk: "Ойыл ауданы әкімдігіне кандидат".into(),
                    name_en: "Candidate for akim of Uil district".into(),
                    kind: PositionKind::Akim { unit: uil.clone() },
                },
                Position {
                    key: "maslikhat".into(),
                    name_ru: "Партийный список в областной маслихат".into(),
                    name_kk: "Облыстық мәслихатқа партиялық тізім".into(),
                    name_en: "Party list for the regional maslikhat".into(),
                    kind: PositionKind::List { seats: 10 },
                },
            ],
            windows: Windows {
                registration: window("2024-08-16T19:00:00Z", "2024-08-28T19:00:00Z")?,
                debates: window("2024-09-13T19:00:00Z", "2024-09-30T19:00:00Z")?,
                online_voting: window("2024-09-30T19:00:00Z", "2024-10-03T09:00:00Z")?,
                paper_voting: window("2024-10-03T03:00:00Z", "2024-10-03T09:00:00Z")?,
            },
            trustees: vec![user("trustee-1")?, user("trustee-2")?],
            threshold: 2,
            rules: AMANAT_2020_TOML.into(),
        },
    )
    .await?;

    // Registration: the first akim contender nominated by Uil's organization, the rest online.
    sim.set_at(at("2024-08-18T06:00:00Z")?);
    let mut contenders = Vec::new();
    for (i, (_, _, gender, _, position)) in CONTENDERS.iter().enumerate() {
        let n = i as u128 + 1;
        let member = MemberId(id(1, n));
        let contender = ContenderId(id(2, n));
        let young = app
            .contender_young(&campaign, &member)
            .await?
            .unwrap_or(false);
        let route = match (i, organizations.first()) {
            (0, Some(org)) => Route::Organization {
                organization: org.clone(),
            },
            _ => Route::SelfNominated,
        };
        app.execute(
            &op,
            RegisterContender {
                contender,
                campaign,
                position: if *position == "akim" {
                    "akim-155200000".into()
                } else {
                    "maslikhat".into()
                },
                member,
                route,
                gender: *gender,
                young,
                residence_years: 5 + (n as u32 % 20),
                no_criminal_record: true,
            },
        )
        .await?;
        contenders.push(contender);
        sim.set_at(at("2024-08-18T06:00:00Z")? + jiff::SignedDuration::from_mins(37 * n as i64));
    }

    // The committee's decisions; one refusal with its ground; one withdrawal.
    sim.set_at(at("2024-09-01T05:00:00Z")?);
    for (i, c) in contenders.iter().enumerate() {
        let decision = if i == 17 {
            Decision::Refuse {
                ground: "Не представлена декларация об отсутствии судимости в установленной форме (демонстрация)".into(),
            }
        } else {
            Decision::Admit
        };
        app.execute(
            &op,
            DecideContender {
                contender: *c,
                decision,
            },
        )
        .await?;
    }
    sim.set_at(at("2024-09-05T05:00:00Z")?);
    app.execute(
        &op,
        WithdrawContender {
            contender: contenders[18],
        },
    )
    .await?;

    // Two debates: the akim contenders' (the third does not come and is excluded) and the
    // list's.
    let akim_debate = DebateId(id(3, 1));
    let list_debate = DebateId(id(3, 2));
    sim.set_at(at("2024-09-10T05:00:00Z")?);
    app.execute(
        &op,
        ScheduleDebate {
            debate: akim_debate,
            campaign,
            position: "akim-155200000".into(),
            topic: "Развитие сельских округов Уилского района".into(),
            place: "с. Уил, районный Дом культуры".into(),
            starts_at: at("2024-09-16T06:00:00Z")?,
            stream_url: "https://primaries.example.kz/live/uil-akim".into(),
            contenders: contenders[..3].to_vec(),
        },
    )
    .await?;
    app.execute(
        &op,
        ScheduleDebate {
            debate: list_debate,
            campaign,
            position: "maslikhat".into(),
            topic: "Приоритеты областного маслихата".into(),
            place: "г. Актобе, областной филиал партии".into(),
            starts_at: at("2024-09-20T06:00:00Z")?,
            stream_url: "https://primaries.example.kz/live/aktobe-list".into(),
            contenders: contenders[3..17].to_vec(),
        },
    )
    .await?;
    sim.set_at(at("2024-09-16T09:00:00Z")?);
    app.execute(
        &op,
        RecordDebate {
            debate: akim_debate,
            present: contenders[..2].to_vec(),
            absent: vec![contenders[2]],
            recording_url: "https://primaries.example.kz/rec/uil-akim".into(),
        },
    )
    .await?;
    sim.set_at(at("2024-09-20T09:00:00Z")?);
    app.execute(
        &op,
        RecordDebate {
            debate: list_debate,
            present: contenders[3..17].to_vec(),
            absent: Vec::new(),
            recording_url: "https://primaries.example.kz/rec/aktobe-list".into(),
        },
    )
    .await?;

    // The committee fixes the online ballot after the debates.
    sim.set_at(at("2024-09-30T12:00:00Z")?);
    app.execute(&op, FixBallot { campaign }).await?;

    // The verifiable online vote: key ceremony, credentials, ballots (one challenged, one
    // re-vote) during the window.
    let online = online_vote(app, sim, campaign, &contenders, &acting).await?;

    // Paper voting at the two primary organizations on the last morning: each station gives
    // its members their paper ballots (the register refuses a member who voted online), then
    // enters its counts after the window.
    let paper_start = at("2024-10-03T03:30:00Z")?;
    for (k, n) in (301..=(300 + PAPER_VOTERS.0 + PAPER_VOTERS.1)).enumerate() {
        sim.set_at(paper_start + jiff::SignedDuration::from_secs(150 * k as i64));
        let org = if n <= 300 + PAPER_VOTERS.0 {
            &organizations[0]
        } else {
            &organizations[1]
        };
        app.execute(
            &counting,
            Issued::new(
                sailau_domain::primaries::online::IssuePaperBallot {
                    campaign,
                    organization: org.clone(),
                },
                sailau_domain::primaries::online::Voter {
                    member: MemberId(id(1, n)),
                    submission: None,
                    proofs_checked: false,
                },
            ),
        )
        .await?;
    }
    sim.set_at(at("2024-10-03T09:30:00Z")?);
    for (k, org) in organizations.iter().enumerate() {
        let votes = |range: std::ops::Range<usize>| -> Vec<ContenderVotes> {
            range
                .filter(|&i| i != 2)
                .map(|i| ContenderVotes {
                    contender: contenders[i],
                    votes: if k == 0 { PAPER[i].0 } else { PAPER[i].1 },
                })
                .collect()
        };
        let issued = if k == 0 {
            PAPER_VOTERS.0
        } else {
            PAPER_VOTERS.1
        } as u64;
        for (position, range) in [("akim-155200000", 0..3), ("maslikhat", 3..17)] {
            app.execute(
                &counting,
                RecordPaperCount {
                    campaign,
                    organization: org.clone(),
                    position: position.into(),
                    issued,
                    counts: votes(range),
                },
            )
            .await?;
        }
    }
    // After the window: the committee closes the board, the trustees decrypt, the committee
    // publishes the counts; the ratings then combine online and paper votes.
    close_online_vote(app, sim, campaign, online, &acting).await?;
    Ok(())
}

/// What the trustees keep on their own machines until the decryption: their key shares, and
/// their secret files as `sailau trustee finalize` leaves them.
struct TrusteeKeys(
    Vec<sailau_vote::TrusteeKey>,
    Vec<sailau_record::format::TrusteeSecretFile>,
);

fn crypto(what: &str) -> impl Fn(&dyn std::fmt::Display) -> AppError + '_ {
    move |e| AppError::BadRequest(format!("demo {what}: {e}"))
}

/// The trustees' key ceremony, round by round through the same commands their uploads issue,
/// at the sim clock's time; gives their keys and the election context.
async fn ceremony(
    app: &App,
    campaign: CampaignId,
    acting: &dyn Fn(&str) -> Result<Acting, AppError>,
) -> Result<(TrusteeKeys, sailau_vote::ElectionContext), AppError> {
    use sailau_domain::primaries::online::{CeremonyFile, PublishCeremonyFile};
    let crypto = crypto("ceremony");
    let mut rng = rand::rng();
    let files = app
        .election_public(&campaign)
        .await?
        .ok_or_else(|| AppError::NotFound(crate::Thing::Other, "the demo's fixed ballot".into()))?;
    let params = files.parameters.clone();
    let n = params.trustees;
    let trustee = |i: u32| acting(&format!("trustee-{i}"));
    let mut secrets = Vec::new();
    let mut publics = Vec::new();
    for i in 1..=n {
        let (s, p) = sailau_vote::generate_trustee(&params, i, &mut rng).map_err(|e| crypto(&e))?;
        app.execute(
            &trustee(i)?,
            PublishCeremonyFile {
                campaign,
                trustee: i,
                file: CeremonyFile::Announcement {
                    public: Box::new(p.clone()),
                },
            },
        )
        .await?;
        secrets.push(s);
        publics.push(p);
    }
    let mut dealt = Vec::new();
    for (k, s) in secrets.iter().enumerate() {
        let i = k as u32 + 1;
        let shares =
            sailau_vote::deal_shares(&params, s, &publics, &mut rng).map_err(|e| crypto(&e))?;
        app.execute(
            &trustee(i)?,
            PublishCeremonyFile {
                campaign,
                trustee: i,
                file: CeremonyFile::Dealt {
                    shares: shares.clone(),
                },
            },
        )
        .await?;
        dealt.extend(shares);
    }
    let mut keys = Vec::new();
    for (k, s) in secrets.iter().enumerate() {
        let i = k as u32 + 1;
        let key = match sailau_vote::receive_shares(&params, s, &publics, &dealt, &mut rng)
            .map_err(|e| crypto(&e))?
        {
            sailau_vote::ShareOutcome::Accepted(key) => key,
            sailau_vote::ShareOutcome::Complaints(c) => {
                return Err(crypto(&format!("{} complaints", c.len())));
            }
        };
        app.execute(
            &trustee(i)?,
            PublishCeremonyFile {
                campaign,
                trustee: i,
                file: CeremonyFile::Finalized {
                    verification_key: key.verification_key,
                },
            },
        )
        .await?;
        keys.push(key);
    }
    let ctx = sailau_vote::ElectionContext::new(&files.manifest, &params, &publics)
        .map_err(|e| crypto(&e))?;
    let secret_files = secrets
        .into_iter()
        .zip(&keys)
        .map(|(secrets, key)| sailau_record::format::TrusteeSecretFile {
            election_id: files.manifest.election_id.clone(),
            secrets,
            key: Some(key.clone()),
        })
        .collect();
    Ok((TrusteeKeys(keys, secret_files), ctx))
}

/// The credential authority: one code per member, the public list sorted and published
/// through the same command its upload issues. Gives the codes in the members' order (what
/// would go to the mailing house).
async fn credentials(
    app: &App,
    campaign: CampaignId,
    ctx: &sailau_vote::ElectionContext,
    members: usize,
    acting: &dyn Fn(&str) -> Result<Acting, AppError>,
) -> Result<Vec<sailau_vote::CredentialCode>, AppError> {
    let mut rng = rand::rng();
    let codes: Vec<sailau_vote::CredentialCode> = (0..members)
        .map(|_| sailau_vote::CredentialCode::generate(&mut rng))
        .collect();
    let mut list: Vec<sailau_vote::Point> = codes
        .iter()
        .map(|c| *c.derive_key(ctx.parameters_hash()).public())
        .collect();
    list.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    let mut jsonl = String::new();
    for p in &list {
        jsonl.push_str(&format!("{{\"credential\":\"{}\"}}\n", p.to_hex()));
    }
    app.execute(
        &acting("credentials")?,
        crate::primaries::online::credentials_command(campaign, jsonl.into_bytes())?,
    )
    .await?;
    Ok(codes)
}

/// A member's ballot made with the protocol's client (`sailau_record::voter::vote`, what the
/// browser client reproduces) and submitted as the API submits it.
async fn cast(
    app: &App,
    campaign: CampaignId,
    ctx: &sailau_vote::ElectionContext,
    member: MemberId,
    code: &sailau_vote::CredentialCode,
    choices: &[(&str, &[&str])],
    challenge: bool,
) -> Result<(), AppError> {
    let crypto = crypto("ballot");
    let plaintext = sailau_vote::PlaintextBallot::from_selections(ctx.manifest(), choices)
        .map_err(|e| crypto(&e))?;
    let v = sailau_record::voter::vote(ctx, code, &plaintext, challenge, &mut rand::rng())
        .map_err(|e| crypto(&e))?;
    let json = serde_json::to_string(&v.submission).map_err(|e| crypto(&e))?;
    app.submit_ballot_for(member, &campaign, &json).await?;
    Ok(())
}

/// The online half of the 2024 demo: the ceremony on 30 September afternoon, the credentials
/// of the Uil branch's 300 members, and from 1 October 06:00 (local 11:00) 40 members' ballots;
/// member 10 challenges a ballot first and member 11 votes again later.
async fn online_vote(
    app: &App,
    sim: &SimClock,
    campaign: CampaignId,
    contenders: &[ContenderId],
    acting: &dyn Fn(&str) -> Result<Acting, AppError>,
) -> Result<TrusteeKeys, AppError> {
    sim.set_at(at("2024-09-30T13:00:00Z")?);
    let (keys, ctx) = ceremony(app, campaign, acting).await?;
    let members: Vec<MemberId> = (1..=300).map(|n| MemberId(id(1, n))).collect();
    let codes = credentials(app, campaign, &ctx, members.len(), acting).await?;
    let akim: Vec<String> = contenders[..2].iter().map(|c| c.to_string()).collect();
    let list_ids: Vec<String> = contenders[3..17].iter().map(|c| c.to_string()).collect();
    let start = at("2024-10-01T06:00:00Z")?;
    for k in 0..40_usize {
        sim.set_at(start + jiff::SignedDuration::from_mins(23 * k as i64));
        let a = akim[(k * 7 + k / 3) % akim.len()].as_str();
        let picks: Vec<&str> = (0..3)
            .map(|j| list_ids[(k * 5 + j * 4 + k / 4) % list_ids.len()].as_str())
            .collect();
        let choices: [(&str, &[&str]); 2] = [("akim-155200000", &[a]), ("maslikhat", &picks)];
        let rounds: &[bool] = match k {
            10 => &[true, false],
            11 => &[false, false],
            _ => &[false],
        };
        for challenge in rounds {
            cast(
                app, campaign, &ctx, members[k], &codes[k], &choices, *challenge,
            )
            .await?;
        }
    }
    Ok(keys)
}

/// The board closed after online voting, the trustees' shares, the counts.
async fn close_online_vote(
    app: &App,
    sim: &SimClock,
    campaign: CampaignId,
    keys: TrusteeKeys,
    acting: &dyn Fn(&str) -> Result<Acting, AppError>,
) -> Result<(), AppError> {
    use sailau_domain::primaries::online::PublishDecryptionShare;
    let crypto = crypto("decryption");
    let mut rng = rand::rng();
    sim.set_at(at("2024-10-03T09:40:00Z")?);
    let tally = app.tally_command(&campaign).await?;
    app.execute(&acting("committee")?, tally.clone()).await?;
    let files = app
        .election_public(&campaign)
        .await?
        .ok_or_else(|| AppError::NotFound(crate::Thing::Other, "the demo's fixed ballot".into()))?;
    let ctx =
        sailau_vote::ElectionContext::new(&files.manifest, &files.parameters, &files.trustees)
            .map_err(|e| crypto(&e))?;
    sim.set_at(at("2024-10-03T10:00:00Z")?);
    for key in &keys.0 {
        let share = sailau_vote::decryption_share(&ctx, key, &tally.tally, &mut rng)
            .map_err(|e| crypto(&e))?;
        app.execute(
            &acting(&format!("trustee-{}", key.index))?,
            PublishDecryptionShare { campaign, share },
        )
        .await?;
    }
    sim.set_at(at("2024-10-03T10:30:00Z")?);
    let results = app.results_command(&campaign).await?;
    app.execute(&acting("committee")?, results).await?;
    Ok(())
}

/// The live campaign: a by-primaries for the Uil district akim nomination whose online voting
/// opened two days before `now_ms` (the server's clock when the demo loads) and stays open 28
/// days, so that the demo's member can vote in the browser at once. Its calendar lies before
/// `now_ms` (the ledger's times never go back): registration 40–30 days before, the committee's
/// decisions and the fixed ballot, the ceremony and the credentials 3 days before, and ten
/// synthetic members' ballots a day before. Gives the voting codes of `voters`
/// (`(username, member)`): in a real campaign they would go out in sealed letters.
pub async fn load_live(
    app: &App,
    sim: &SimClock,
    now_ms: i64,
    voters: &[(String, MemberId)],
) -> Result<LiveCampaign, AppError> {
    let roles = demo_role_scopes()?;
    let acting = |name: &str| -> Result<Acting, AppError> {
        let (_, role, scope) = roles.iter().find(|(n, _, _)| *n == name).ok_or_else(|| {
            AppError::NotFound(crate::Thing::Other, format!("the demo account {name}"))
        })?;
        Ok(Acting::Account(sailau_domain::Principal {
            username: user(name)?,
            role: *role,
            scope: scope.clone(),
        }))
    };
    let op = acting("committee")?;
    // A server clock earlier than the demo's own calendar (tests that start at 2023) cannot
    // hold the campaign before it: the campaign then follows the demo's last entry instead.
    let after_demo = crate::Clock::now_ms(sim) + 42 * 24 * 3_600_000;
    // Whole minutes: the campaign's windows read as a commission would set them.
    let now = jiff::Timestamp::from_millisecond(now_ms.max(after_demo).div_euclid(60_000) * 60_000)
        .map_err(|e| AppError::BadRequest(format!("demo clock: {e}")))?;
    let days = |d: i64| now - jiff::SignedDuration::from_hours(24 * d);
    let campaign = CampaignId(uuid::Uuid::from_u128(LIVE_CAMPAIGN));
    let uil = code(UIL)?;
    sim.set_at(days(41));
    app.execute(
        &op,
        OpenCampaign {
            campaign,
            party: party()?,
            territory: code(REGION)?,
            title_ru: "Дополнительные праймериз AMANAT: кандидат в акимы Уилского района (демонстрация голосования)".into(),
            title_kk: "AMANAT қосымша праймеризі: Ойыл ауданы әкімдігіне кандидат (дауыс беруді көрсету)".into(),
            title_en: "AMANAT by-primaries: candidate for akim of Uil district (voting demonstration)".into(),
            positions: vec![Position {
                key: "akim-155200000".into(),
                name_ru: "Кандидат в акимы Уилского района".into(),
                name_kk: "Ойыл ауданы әкімдігіне кандидат".into(),
                name_en: "Candidate for akim of Uil district".into(),
                kind: PositionKind::Akim { unit: uil },
            }],
            windows: Windows {
                registration: Window {
                    opens: days(40),
                    closes: days(30),
                },
                debates: Window {
                    opens: days(30),
                    closes: days(20),
                },
                online_voting: Window {
                    opens: days(2),
                    closes: days(-28),
                },
                paper_voting: Window {
                    opens: days(-27),
                    closes: days(-28),
                },
            },
            trustees: vec![user("trustee-1")?, user("trustee-2")?],
            threshold: 2,
            rules: AMANAT_2020_TOML.into(),
        },
    )
    .await?;
    // Three of the 2024 contenders stand again; the committee admits them.
    sim.set_at(days(35));
    let mut contenders = Vec::new();
    for (i, (_, _, gender, _, _)) in CONTENDERS.iter().enumerate().take(3) {
        let n = i as u128 + 1;
        let member = MemberId(id(1, n));
        let contender = ContenderId(id(2, 100 + n));
        let young = app
            .contender_young(&campaign, &member)
            .await?
            .unwrap_or(false);
        app.execute(
            &op,
            RegisterContender {
                contender,
                campaign,
                position: "akim-155200000".into(),
                member,
                route: Route::SelfNominated,
                gender: *gender,
                young,
                residence_years: 10 + n as u32,
                no_criminal_record: true,
            },
        )
        .await?;
        contenders.push(contender);
    }
    sim.set_at(days(25));
    for c in &contenders {
        app.execute(
            &op,
            DecideContender {
                contender: *c,
                decision: Decision::Admit,
            },
        )
        .await?;
    }
    sim.set_at(days(3));
    app.execute(&op, FixBallot { campaign }).await?;
    sim.set_at(days(3) + jiff::SignedDuration::from_hours(1));
    let (keys, ctx) = ceremony(app, campaign, &acting).await?;
    // Credentials for the Uil branch's 300 synthetic members and the accounts in `voters`.
    let mut members: Vec<MemberId> = (1..=300).map(|n| MemberId(id(1, n))).collect();
    members.extend(voters.iter().map(|(_, m)| *m));
    sim.set_at(days(3) + jiff::SignedDuration::from_hours(2));
    let codes = credentials(app, campaign, &ctx, members.len(), &acting).await?;
    let ids: Vec<String> = contenders.iter().map(|c| c.to_string()).collect();
    for k in 0..10_usize {
        sim.set_at(days(1) + jiff::SignedDuration::from_mins(17 * k as i64));
        let choice = ids[(k * 5 + 1) % ids.len()].as_str();
        cast(
            app,
            campaign,
            &ctx,
            members[30 + k],
            &codes[30 + k],
            &[("akim-155200000", &[choice])],
            false,
        )
        .await?;
    }
    let mut trustee_files = Vec::new();
    for (i, file) in keys.1.iter().enumerate() {
        let json = serde_json::to_string_pretty(file).map_err(|e| crypto("ceremony")(&e))?;
        trustee_files.push((format!("trustee-{}", i + 1), json));
    }
    Ok(LiveCampaign {
        voting_codes: voters
            .iter()
            .zip(&codes[300..])
            .map(|((name, _), code)| (name.clone(), code.to_code_string()))
            .collect(),
        trustee_files,
    })
}

/// What the live campaign hands out apart from the server: in a real campaign, sealed letters
/// and the trustees' own machines.
pub struct LiveCampaign {
    /// `(username, voting code)` of the member accounts.
    pub voting_codes: Vec<(String, String)>,
    /// `(trustee account, secret file JSON)`: each trustee's secret file as `sailau trustee
    /// finalize` leaves it, for `sailau trustee decrypt` once the window has closed and the
    /// committee has tallied.
    pub trustee_files: Vec<(String, String)>,
}
