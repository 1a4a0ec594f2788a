//! The demo's party side (issue 13 item 10): AMANAT's Uil district branch (Aktobe region) and its
//! L (50th) extraordinary conference of 27 September 2023 nominating Askar Kazybayev for akim of
//! Uil District, and the Beineu district branch (Mangystau region) with its XLIV (44th)
//! extraordinary conference of about 160 delegates nominating Rakhimzhan Shalbayev (both named
//! as AMANAT's nominees by seed 000; their nominations are already with the commissions in the
//! elections demo, whose decision text names these conferences).
//!
//! Every other member and delegate is **synthetic**: their party card numbers start with `SYN-`
//! and their names are drawn from a short list. Everything goes through commands (members with
//! their records as private data, the numbering, convening, the roster, check-in, motions and
//! votes), so the ledger replays to the same tables.

use jiff::civil::{Date, date};
use sailau_domain::party::commands::{
    CheckIn, ConferenceId, ConferenceKind, Contender, ConveneConference, MotionId, OpenMotion,
    RecordMember, RecordVote, SeatDelegate, SetConferenceCount, Subject,
};
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::pipeline::{
    AdoptRegionalPlan, MeetingContender, MeetingId, RecordPrimaryMeeting,
};
use sailau_domain::party::vote::{PartyRules, Tally, VoteMode};
use sailau_domain::registry::{CreateBranch, CreateTerritory};
use sailau_domain::{Branch, Issued, PartyCode, PersonId, TerritoryCode, ValidationErrors};
use sailau_domain::{Names, Territory, TerritoryKind};
use sailau_domain::{Role, Scope};

use crate::{Acting, App, AppError};

const SURNAMES: [&str; 12] = [
    "Ахметов",
    "Бекмухамедов",
    "Жаксыбеков",
    "Кенжебаев",
    "Мусин",
    "Нуржанов",
    "Оспанов",
    "Сарсенбаев",
    "Тулегенов",
    "Утепов",
    "Есенов",
    "Калиев",
];
const NAMES: [&str; 10] = [
    "Асхат",
    "Бауыржан",
    "Галым",
    "Дастан",
    "Ерлан",
    "Жанибек",
    "Канат",
    "Марат",
    "Нурлан",
    "Серик",
];

/// One conference of the demo.
struct Plan {
    /// The branch (district) and the unit whose akim is nominated.
    branch: &'static str,
    /// Short label for the synthetic card numbers.
    label: &'static str,
    /// The number of the branch's last conference before sailau.
    last: u32,
    /// The day it is held.
    held_on: Date,
    /// Where.
    place: &'static str,
    /// Delegates elected, and how many check in.
    elected: u32,
    present: u32,
    /// The nominee (seed 000): registry person, surname, given name.
    nominee: (u128, &'static str, &'static str),
    /// Votes for the nominee, against, abstaining.
    votes: (u32, u32, u32),
}

const PLANS: [Plan; 2] = [
    Plan {
        branch: "155200000",
        label: "UIL",
        last: 49,
        held_on: date(2023, 9, 27),
        place: "с. Уил, районный Дом культуры",
        elected: 124,
        present: 118,
        nominee: (0x5EED_0000_0001_0000, "Казыбаев", "Аскар"),
        votes: (115, 1, 2),
    },
    Plan {
        branch: "473600000",
        label: "BNU",
        last: 43,
        held_on: date(2023, 9, 27),
        place: "с. Бейнеу, районный Дом культуры",
        elected: 160,
        present: 152,
        nominee: (0x5EED_0000_0002_0000, "Шалбаев", "Рахимжан"),
        votes: (150, 0, 2),
    },
];

fn code(s: &str) -> Result<TerritoryCode, AppError> {
    TerritoryCode::parse(s).map_err(|r| AppError::Invalid(ValidationErrors::one("branch", r)))
}

/// A deterministic identifier of the demo (`kind` tells members, conferences and motions apart).
fn id(kind: u128, branch: u32, n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(
        0x5EED_1300_0000_0000_0000 + (kind << 48) + (u128::from(branch) << 16) + n,
    )
}

/// A member's record and its `record_member` command.
fn member(
    party: &PartyCode,
    branch: &TerritoryCode,
    member: MemberId,
    record: MemberRecord,
    joined_on: Date,
) -> Issued {
    let command = RecordMember {
        member,
        party: party.clone(),
        branch: branch.clone(),
        joined_on,
        commitment: record.commitment(),
    };
    Issued::new(command, record)
}

/// The scopes of the demo's party accounts: the counting commission of Uil's L (50th)
/// conference, one of its delegates (mandate 1) and its nominee as a member.
pub fn demo_role_scopes() -> [(&'static str, Role, Scope); 3] {
    let b = PLANS[0].branch.parse::<u32>().unwrap_or(0);
    [
        (
            "counting",
            Role::CountingCommission,
            Scope::Conference {
                conference: ConferenceId(id(2, b, 0)),
            },
        ),
        (
            "delegate",
            Role::PartyDelegate,
            Scope::Member {
                member: MemberId(id(1, b, 1)),
            },
        ),
        (
            "member",
            Role::PartyMember,
            Scope::Member {
                member: MemberId(id(1, b, 0)),
            },
        ),
    ]
}

/// Loads the party demo (after the elections demo: the nominees are registry persons by then).
pub async fn load(app: &App) -> Result<(), AppError> {
    let op = Acting::Operator;
    let party = PartyCode::parse("amanat")
        .map_err(|r| AppError::Invalid(ValidationErrors::one("party", r)))?;
    let existing: Vec<TerritoryCode> = app
        .store
        .branches_of(&party)
        .await?
        .into_iter()
        .map(|b| b.territory_code)
        .collect();
    for plan in &PLANS {
        let branch = code(plan.branch)?;
        let b = branch.as_str().parse::<u32>().unwrap_or(0);
        let mut batch: Vec<Issued> = Vec::new();
        if !existing.contains(&branch) {
            batch.push(
                CreateBranch {
                    branch: Branch {
                        party_code: party.clone(),
                        territory_code: branch.clone(),
                    },
                }
                .into(),
            );
        }
        batch.push(
            SetConferenceCount {
                party: party.clone(),
                branch: branch.clone(),
                last: plan.last,
            }
            .into(),
        );
        // The nominee (the registry person's name and birth date) and the synthetic delegates.
        let Some(person) = app
            .store
            .person(&PersonId(uuid::Uuid::from_u128(plan.nominee.0)))
            .await?
        else {
            return Err(AppError::NotFound(
                crate::Thing::Other,
                "the demo's nominee".into(),
            ));
        };
        let nominee = MemberId(id(1, b, 0));
        batch.push(member(
            &party,
            &branch,
            nominee,
            MemberRecord {
                salt: format!("{:032x}", id(9, b, 0).as_u128()),
                card_number: format!("SYN-{}-0000", plan.label),
                surname: person.surname.clone(),
                given_name: person.given_name.clone(),
                patronymic: person.patronymic.clone(),
                birth_date: person.birth_date,
            },
            date(2008, 3, 1),
        ));
        let mut delegates = Vec::new();
        for k in 1..=plan.elected {
            let i = k as usize;
            let m = MemberId(id(1, b, u128::from(k)));
            delegates.push(m);
            batch.push(member(
                &party,
                &branch,
                m,
                MemberRecord {
                    salt: format!("{:032x}", id(9, b, u128::from(k)).as_u128()),
                    card_number: format!("SYN-{}-{k:04}", plan.label),
                    surname: SURNAMES[i % SURNAMES.len()].to_owned(),
                    given_name: NAMES[(i / SURNAMES.len()) % NAMES.len()].to_owned(),
                    patronymic: String::new(),
                    birth_date: date(
                        1960 + (k % 40) as i16,
                        1 + (k % 12) as i8,
                        1 + (k % 28) as i8,
                    ),
                },
                // Joined at 18 or later (the law on parties), and before the 2023 conferences.
                date(
                    (1960 + (k % 40) as i16 + 18 + (k % 10) as i16).min(2022),
                    1 + (k % 12) as i8,
                    1 + (k % 28) as i8,
                ),
            ));
        }
        let conference = ConferenceId(id(2, b, 0));
        batch.push(
            ConveneConference {
                conference,
                party: party.clone(),
                branch: branch.clone(),
                ordinal: plan.last + 1,
                kind: ConferenceKind::Extraordinary,
                held_on: plan.held_on,
                place: plan.place.to_owned(),
                agenda: vec![
                    "Об избрании рабочих органов конференции".to_owned(),
                    "О выдвижении кандидата на должность акима района".to_owned(),
                ],
                rules: PartyRules::amanat(),
            }
            .into(),
        );
        for (k, m) in delegates.iter().enumerate() {
            batch.push(
                SeatDelegate {
                    conference,
                    mandate: k as u32 + 1,
                    member: *m,
                }
                .into(),
            );
        }
        for mandate in 1..=plan.present {
            batch.push(
                CheckIn {
                    conference,
                    mandate,
                }
                .into(),
            );
        }
        let presidium = MotionId(id(3, b, 1));
        batch.push(
            OpenMotion {
                motion: presidium,
                conference,
                subject: Subject::Presidium {
                    chair: 1,
                    secretary: 2,
                    counting_commission: vec![3, 4, 5],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(
            RecordVote {
                motion: presidium,
                round: 1,
                tally: Tally::Counts {
                    votes_for: vec![plan.present],
                    against: 0,
                    abstain: 0,
                },
            }
            .into(),
        );
        let nominate = MotionId(id(3, b, 2));
        batch.push(
            OpenMotion {
                motion: nominate,
                conference,
                subject: Subject::Nominate {
                    unit: branch.clone(),
                    contenders: vec![Contender {
                        member: nominee,
                        person: person.id,
                    }],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        let (f, a, ab) = plan.votes;
        batch.push(
            RecordVote {
                motion: nominate,
                round: 1,
                tally: Tally::Counts {
                    votes_for: vec![f],
                    against: a,
                    abstain: ab,
                },
            }
            .into(),
        );
        app.execute_batch(&op, batch).await?;
    }
    load_regional_plan(app, &party).await
}

/// Aktobe region's plan of the pipeline (seed 003's stages, dated around Uil's conference of
/// 27 September 2023): Uil's conference is held; Khobda's is convened with two delegates elected
/// by a primary organization's meeting but has not voted; Irgiz has convened nothing; the
/// regional conference is still to come. On the dashboard of a day after 29 September the two
/// district conferences are overdue, before it pending. The rural okrug's code and everyone in
/// it are synthetic.
async fn load_regional_plan(app: &App, party: &PartyCode) -> Result<(), AppError> {
    let op = Acting::Operator;
    let region = code("150000000")?;
    let khobda = code("154200000")?;
    let irgiz = code("156800000")?;
    let okrug = code("154220000")?;
    let existing: Vec<TerritoryCode> = app
        .store
        .branches_of(party)
        .await?
        .into_iter()
        .map(|b| b.territory_code)
        .collect();
    let mut batch: Vec<Issued> = vec![
        CreateTerritory {
            territory: Territory {
                code: okrug.clone(),
                parent_code: Some(khobda.clone()),
                kind: TerritoryKind::RuralOkrug,
                names: Names {
                    ru: "Кобдинский сельский округ".to_owned(),
                    kk: "Қобда ауылдық округі".to_owned(),
                    en: "Kobda Rural District".to_owned(),
                },
            },
        }
        .into(),
    ];
    for b in [&region, &khobda, &irgiz, &okrug] {
        if !existing.contains(b) {
            batch.push(
                CreateBranch {
                    branch: Branch {
                        party_code: party.clone(),
                        territory_code: b.clone(),
                    },
                }
                .into(),
            );
        }
    }
    batch.push(
        AdoptRegionalPlan {
            party: party.clone(),
            region: region.clone(),
            starts_on: date(2023, 9, 1),
            primary_meetings_by: date(2023, 9, 22),
            district_conferences_by: date(2023, 9, 29),
            regional_conference_by: date(2023, 10, 6),
        }
        .into(),
    );
    batch.push(
        SetConferenceCount {
            party: party.clone(),
            branch: khobda.clone(),
            last: 40,
        }
        .into(),
    );
    // The primary organization's members (synthetic), three of them proposed as delegates.
    let o = okrug.as_str().parse::<u32>().unwrap_or(0);
    let mut members = Vec::new();
    for k in 1..=30u32 {
        let i = k as usize + 3;
        let m = MemberId(id(1, o, u128::from(k)));
        members.push(m);
        batch.push(member(
            party,
            &okrug,
            m,
            MemberRecord {
                salt: format!("{:032x}", id(9, o, u128::from(k)).as_u128()),
                card_number: format!("SYN-KBD-{k:04}"),
                surname: SURNAMES[i % SURNAMES.len()].to_owned(),
                given_name: NAMES[(i / 3) % NAMES.len()].to_owned(),
                patronymic: String::new(),
                birth_date: date(
                    1965 + (k % 30) as i16,
                    1 + (k % 12) as i8,
                    1 + (k % 27) as i8,
                ),
            },
            date(
                2005 + (k % 15) as i16,
                1 + (k % 12) as i8,
                1 + (k % 27) as i8,
            ),
        ));
    }
    let conference = ConferenceId(id(2, khobda.as_str().parse::<u32>().unwrap_or(0), 0));
    batch.push(
        ConveneConference {
            conference,
            party: party.clone(),
            branch: khobda.clone(),
            ordinal: 41,
            kind: ConferenceKind::Extraordinary,
            held_on: date(2023, 9, 29),
            place: "с. Кобда, районный Дом культуры".to_owned(),
            agenda: vec![
                "Об избрании рабочих органов конференции".to_owned(),
                "Об избрании делегатов на областную конференцию".to_owned(),
            ],
            rules: PartyRules::amanat(),
        }
        .into(),
    );
    let contender = |k: usize, votes_for: u32, against: u32| {
        members.get(k).map(|m| MeetingContender {
            member: *m,
            votes_for,
            against,
            abstain: 1,
        })
    };
    batch.push(
        RecordPrimaryMeeting {
            meeting: MeetingId(id(4, o, 1)),
            conference,
            organization: okrug.clone(),
            held_on: date(2023, 9, 20),
            members_present: 25,
            seats: 2,
            contenders: [
                contender(0, 20, 4),
                contender(1, 16, 8),
                contender(2, 10, 14),
            ]
            .into_iter()
            .flatten()
            .collect(),
        }
        .into(),
    );
    app.execute_batch(&op, batch).await?;
    Ok(())
}
