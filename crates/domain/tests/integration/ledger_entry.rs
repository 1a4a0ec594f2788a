use sailau_domain::*;

fn entry() -> LedgerEntry {
    LedgerEntry {
        v: 1,
        index: 7,
        at_ms: 1_700_000_000_123,
        actor: Actor::Operator,
        command: Command::CreateTerritory(registry::CreateTerritory {
            territory: Territory {
                code: TerritoryCode::parse("151000000").unwrap(),
                parent_code: None,
                kind: TerritoryKind::Region,
                names: Names {
                    ru: "Актюбинская область".into(),
                    kk: "Ақтөбе облысы".into(),
                    en: "Aktobe Region".into(),
                },
            },
        }),
    }
}

#[test]
fn canonical_encoding_round_trips_byte_for_byte() {
    let bytes = entry().encode().unwrap();
    assert_eq!(LedgerEntry::decode_canonical(&bytes).unwrap(), entry());
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with(r#"{"v":1,"index":7,"at_ms":1700000000123,"actor":{"type":"operator"},"command":{"type":"create_territory""#), "{text}");
}

#[test]
fn non_canonical_forms_are_refused() {
    let bytes = entry().encode().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    // Whitespace, reordered fields, escaped letters: same meaning, other bytes.
    let spaced = text.replacen(",", ", ", 1);
    assert!(matches!(
        LedgerEntry::decode_canonical(spaced.as_bytes()),
        Err(LedgerEntryError::NotCanonical)
    ));
    let escaped = text.replacen("Aktobe", "\\u0041ktobe", 1);
    assert!(matches!(
        LedgerEntry::decode_canonical(escaped.as_bytes()),
        Err(LedgerEntryError::NotCanonical)
    ));
    let extra = text.replacen("{\"v\":1,", "{\"v\":1,\"x\":0,", 1);
    assert!(LedgerEntry::decode_canonical(extra.as_bytes()).is_err());
    assert!(matches!(
        LedgerEntry::decode_canonical(b"not json"),
        Err(LedgerEntryError::Malformed(_))
    ));
}
