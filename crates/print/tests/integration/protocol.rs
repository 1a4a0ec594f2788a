//! The signature-verification protocol read back.

use sailau_print::{Lang, signature_protocol_pdf};

use crate::poppler;
use crate::samples;

#[test]
fn the_protocol_reads_back_with_counts_grounds_threshold_and_verdict() {
    let pdf = signature_protocol_pdf(&samples::protocol(), Lang::Kk, &samples::catalog()).unwrap();
    let text = poppler::text(&pdf);
    poppler::assert_in_order(
        &text,
        &[
            "Ойыл аудандық аумақтық сайлау комиссиясы",
            "ХАТТАМА",
            "Кандидат: ӘБІЛОВА Гүлнұр Қайратқызы",
            "Күні: 08.10.2023",
            "Ұсынылған қол қою парақтары",
            "12",
            "1 250",
            "1 181",
            "Дұрыс емес және жарамсыз қолдар, барлығы",
            "69",
            "ЖСН пішімі дұрыс емес",
            "21",
            "қайталанған қолдар",
            "48",
            "Қажетті қолдар саны",
            "1 103",
            "кандидатты тіркеу үшін қолдар жеткілікті",
            "Комиссия төрағасы",
            "Комиссия хатшысы",
            "Комиссия мүшесі",
        ],
    );
    // pdftotext drops the narrow spaces around the slash of «1 / 1».
    assert!(text.replace(' ', "").contains("1/1"), "{text}");
}

#[test]
fn an_insufficient_protocol_in_russian_says_so() {
    let mut protocol = samples::protocol();
    protocol.valid = 1_000;
    protocol.sufficient = false;
    let pdf = signature_protocol_pdf(&protocol, Lang::Ru, &samples::catalog()).unwrap();
    let text = poppler::text(&pdf);
    assert!(
        text.contains("подписей недостаточно для регистрации кандидата"),
        "{text}"
    );
    assert!(text.contains("ПРОТОКОЛ"), "{text}");
    assert!(text.contains("250"), "invalid = 1 250 − 1 000:\n{text}");
}
