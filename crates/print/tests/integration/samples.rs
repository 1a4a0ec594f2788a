//! Sample inputs: a contest of the 5 November 2023 elections with synthetic candidates.

use sailau_print::{BallotCandidate, BallotDoc, Bilingual, GroundCount, SignatureProtocolDoc};

pub fn catalog() -> sailau_i18n::Catalog {
    sailau_i18n::Catalog::new().unwrap()
}

fn candidate(
    surname: &str,
    given_name: &str,
    patronymic: &str,
    birth_year: i32,
    post: &str,
    nomination: (&str, &str),
) -> BallotCandidate {
    BallotCandidate {
        surname: surname.into(),
        given_name: given_name.into(),
        patronymic: patronymic.into(),
        birth_year,
        post: post.into(),
        nomination: Bilingual::new(nomination.0, nomination.1),
    }
}

/// Uil district's ballot (synthetic candidates), already in the Kazakh alphabetical order:
/// Ә after А, Қ after К, Ө after О, Ү after Ұ, І after Ы.
pub fn ballot() -> BallotDoc {
    let own = ("Өзін-өзі ұсыну", "Самовыдвижение");
    BallotDoc {
        title: Bilingual::new(
            "Аудан әкімін сайлау бойынша сайлау бюллетені",
            "Избирательный бюллетень для голосования по выборам акима района",
        ),
        unit: Bilingual::new(
            "Ақтөбе облысы, Ойыл ауданы",
            "Актюбинская область, Уилский район",
        ),
        election_day: "05.11.2023".into(),
        candidates: vec![
            candidate(
                "Ахметов",
                "Ғалым",
                "Серікұлы",
                1978,
                "Ойыл аудандық ауыл шаруашылығы бөлімінің басшысы",
                ("«AMANAT» партиясы", "Партия «AMANAT»"),
            ),
            candidate(
                "Әбілова",
                "Гүлнұр",
                "Қайратқызы",
                1985,
                "мектеп директоры",
                own,
            ),
            candidate("Кенжеғалиев", "Нұрлан", "", 1972, "жеке кәсіпкер", own),
            candidate(
                "Қосанов",
                "Әміржан",
                "Сағидрахманұлы",
                1964,
                "зейнеткер",
                ("«Ақ жол» партиясы", "Партия «Ак жол»"),
            ),
            candidate("Өтегенов", "Һадия", "Ұланқызы", 1990, "дәрігер", own),
            candidate("Ұзақбаев", "Үмбет", "Ілиясұлы", 1981, "агроном", own),
            candidate("Үсенов", "Іңкәр", "Ерланұлы", 1979, "инженер", own),
            candidate("Ыбыраев", "Жаһангер", "", 1969, "фермер", own),
            candidate("Ілиясов", "Рүстем", "Өмірұлы", 1988, "экономист", own),
        ],
        against_all: Bilingual::new("Барлығына қарсы", "Против всех"),
        changed: false,
    }
}

pub fn protocol() -> SignatureProtocolDoc {
    SignatureProtocolDoc {
        commission: "Ойыл аудандық аумақтық сайлау комиссиясы".into(),
        election: "Ойыл ауданы әкімін сайлау, 05.11.2023".into(),
        candidate: "ӘБІЛОВА Гүлнұр Қайратқызы".into(),
        unit: "Ойыл ауданы".into(),
        sheets: 12,
        lines: 1_250,
        valid: 1_181,
        grounds: vec![
            GroundCount {
                label: "ЖСН пішімі дұрыс емес".into(),
                count: 21,
            },
            GroundCount {
                label: "қайталанған қолдар".into(),
                count: 48,
            },
        ],
        threshold: 1_103,
        sufficient: true,
        date: "08.10.2023".into(),
        members: 3,
    }
}
