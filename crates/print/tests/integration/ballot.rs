//! The ballot PDF read back: Kazakh letters, order, capitals, the against-all line, the font.

use sailau_print::{Lang, PrintError, ballot_pdf};

use crate::poppler;
use crate::samples;

#[test]
fn the_kazakh_ballot_reads_back_with_its_letters_in_ballot_order() {
    let pdf = ballot_pdf(&samples::ballot(), Lang::Kk, &samples::catalog()).unwrap();
    let text = poppler::text(&pdf);
    // Every Kazakh letter survives the round trip (font, ToUnicode map).
    for letter in [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Қ", "Ө", "Ұ", "Ү", "І",
    ] {
        assert!(text.contains(letter), "{letter} missing in:\n{text}");
    }
    poppler::assert_in_order(
        &text,
        &[
            "Аудан әкімін сайлау бойынша сайлау бюллетені",
            "Ақтөбе облысы, Ойыл ауданы",
            "05.11.2023",
            "АХМЕТОВ Ғалым Серікұлы",
            "1978 жылы туған, Ойыл аудандық",
            "«AMANAT» партиясы",
            "ӘБІЛОВА Гүлнұр Қайратқызы",
            "Өзін-өзі ұсыну",
            "КЕНЖЕҒАЛИЕВ Нұрлан",
            "ҚОСАНОВ Әміржан Сағидрахманұлы",
            "ӨТЕГЕНОВ Һадия Ұланқызы",
            "ҰЗАҚБАЕВ Үмбет Ілиясұлы",
            "ҮСЕНОВ Іңкәр Ерланұлы",
            "ЫБЫРАЕВ Жаһангер",
            "ІЛИЯСОВ Рүстем Өмірұлы",
            "Барлығына қарсы",
            "Учаскелік сайлау комиссиясының",
        ],
    );
    assert!(
        !text.contains("өзгертілді"),
        "no change note on an unchanged ballot"
    );
    assert_eq!(poppler::pages(&pdf), 1);
}

#[test]
fn the_russian_ballot_reads_back_in_the_same_order() {
    let pdf = ballot_pdf(&samples::ballot(), Lang::Ru, &samples::catalog()).unwrap();
    let text = poppler::text(&pdf);
    poppler::assert_in_order(
        &text,
        &[
            // The title wraps at the width of the page.
            "Избирательный бюллетень для голосования по выборам",
            "акима района",
            "Актюбинская область, Уилский район",
            "Поставьте любой знак",
            "«Против всех»",
            "АХМЕТОВ Ғалым Серікұлы",
            "1978 года рождения",
            "Партия «AMANAT»",
            "ӘБІЛОВА Гүлнұр Қайратқызы",
            "Самовыдвижение",
            "ІЛИЯСОВ Рүстем Өмірұлы",
            "Против всех",
        ],
    );
}

#[test]
fn the_font_is_embedded_as_a_subset_with_a_unicode_map() {
    let pdf = ballot_pdf(&samples::ballot(), Lang::Kk, &samples::catalog()).unwrap();
    let fonts = poppler::fonts(&pdf);
    let rows: Vec<&str> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
    assert_eq!(rows.len(), 2, "regular and bold:\n{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID: emb, sub and uni are "yes".
        let columns: Vec<&str> = row.split_whitespace().collect();
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "{row}");
    }
    // Subsetting keeps the file small though each font is ~0.7 MB.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
}

#[test]
fn the_same_ballot_gives_the_same_bytes() {
    let catalog = samples::catalog();
    let a = ballot_pdf(&samples::ballot(), Lang::Kk, &catalog).unwrap();
    let b = ballot_pdf(&samples::ballot(), Lang::Kk, &catalog).unwrap();
    assert_eq!(a, b);
    let mut other = samples::ballot();
    other.candidates.swap(0, 1);
    assert_ne!(a, ballot_pdf(&other, Lang::Kk, &catalog).unwrap());
    assert!(!String::from_utf8_lossy(&a).contains("CreationDate"));
}

#[test]
fn a_changed_ballot_says_so() {
    let mut ballot = samples::ballot();
    ballot.changed = true;
    let catalog = samples::catalog();
    let kk = poppler::text(&ballot_pdf(&ballot, Lang::Kk, &catalog).unwrap());
    assert!(
        kk.contains("Бюллетень дайындалғаннан кейін өзгертілді"),
        "{kk}"
    );
    let ru = poppler::text(&ballot_pdf(&ballot, Lang::Ru, &catalog).unwrap());
    assert!(ru.contains("Бюллетень изменён после изготовления"), "{ru}");
}

#[test]
fn a_long_ballot_runs_onto_more_pages_with_nothing_lost() {
    let mut ballot = samples::ballot();
    let template = ballot.candidates[1].clone();
    ballot.candidates = (0..30)
        .map(|i| {
            let mut c = template.clone();
            c.surname = format!("Әбілова{i:02}");
            c
        })
        .collect();
    let pdf = ballot_pdf(&ballot, Lang::Kk, &samples::catalog()).unwrap();
    assert!(poppler::pages(&pdf) >= 2);
    let text = poppler::text(&pdf);
    let names: Vec<String> = (0..30).map(|i| format!("ӘБІЛОВА{i:02}")).collect();
    let mut needles: Vec<&str> = names.iter().map(String::as_str).collect();
    needles.push("Барлығына қарсы");
    poppler::assert_in_order(&text, &needles);
}

#[test]
fn a_character_the_font_cannot_draw_is_an_error_not_a_blank_box() {
    let mut ballot = samples::ballot();
    // DejaVu Sans has no CJK ideographs.
    ballot.candidates[0].post = "фермер 漢".into();
    let result = ballot_pdf(&ballot, Lang::Ru, &samples::catalog());
    let Err(error) = result else {
        panic!("printed a character the font does not have");
    };
    assert!(
        matches!(error, PrintError::MissingGlyph { code: 0x6F22, .. }),
        "{error:?}"
    );
}
