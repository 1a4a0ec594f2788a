//! Import: every bad row reported at once with its line; nothing imported unless all are valid.

use sailau_app::Acting;
use sailau_app::import::{ImportError, Kind, read_csv};

use crate::fixture::*;

#[tokio::test]
async fn a_valid_file_imports_every_row_in_one_transaction() {
    for f in registries().await {
        let csv = "\u{feff}number,territory_code,address,voters\n10,101000000,\"с. Уил, ул. Абая, 1\",1200\n\n11,201000000,ул. Ленина 2,0\n";
        let rows = read_csv(Kind::Precincts, csv.as_bytes()).unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4]);
        let n = f
            .app
            .import(&Acting::Operator, rows, &|_, _| {})
            .await
            .unwrap();
        assert_eq!(n, 2);
    }
}

#[tokio::test]
async fn every_bad_row_is_reported_with_its_line_and_nothing_is_imported() {
    for f in registries().await {
        // Parse-level problems on lines 3, 4 and 5.
        let csv = "number,territory_code,address,voters\n10,101000000,ok,5\nabc,101000000,x,5\n12,12345,x,5\n13,101000000,,-1\n";
        let Err(ImportError::Rows(errors)) = read_csv(Kind::Precincts, csv.as_bytes()) else {
            panic!("expected row errors")
        };
        let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "number"),
                (4, "territory_code"),
                (5, "address"),
                (5, "voters")
            ]
        );

        // Registry-level problems on lines 2 and 4 (taken number, unknown territory), found in one pass.
        let before = f.app.store().ledger_status().await.unwrap();
        let csv = "number,territory_code,address,voters\n1,101000000,x,5\n20,101000000,x,5\n21,999999999,x,5\n";
        let rows = read_csv(Kind::Precincts, csv.as_bytes()).unwrap();
        let Err(ImportError::Rows(errors)) =
            f.app.import(&Acting::Operator, rows, &|_, _| {}).await
        else {
            panic!("expected row errors")
        };
        let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(got, vec![(2, "number"), (4, "territory_code")]);
        assert_eq!(
            f.app.store().ledger_status().await.unwrap(),
            before,
            "nothing imported, not even line 3"
        );
    }
}

#[test]
fn headers_must_be_exactly_the_documented_ones() {
    for (kind, csv) in [
        (
            Kind::Territories,
            "code,parent,kind,name_ru,name_kk,name_en\n",
        ),
        (Kind::Precincts, "number;territory;address;voters\n"),
        (Kind::Parties, "code,name_ru,short_name\n"),
    ] {
        assert!(
            matches!(
                read_csv(kind, csv.as_bytes()),
                Err(ImportError::Header { .. })
            ),
            "{csv}"
        );
    }
    assert!(matches!(
        read_csv(Kind::Parties, b""),
        Err(ImportError::Empty)
    ));
    let ok = "code,name_ru,name_kk,short_name,name_en\nrespublica,Партия «Respublica»,«Respublica» партиясы,Respublica,Respublica Party\n";
    assert_eq!(read_csv(Kind::Parties, ok.as_bytes()).unwrap().len(), 1);
    assert!(matches!(
        read_csv(
            Kind::Territories,
            b"code,parent_code,kind,name_ru,name_kk,name_en\n\xff,,region,a,b,c\n"
        ),
        Err(ImportError::Rows(_))
    ));
}

#[tokio::test]
async fn the_demo_files_parse() {
    for (kind, text, n) in [
        (Kind::Territories, sailau_app::demo::TERRITORIES_CSV, 63),
        (Kind::Parties, sailau_app::demo::PARTIES_CSV, 7),
        (Kind::Precincts, sailau_app::demo::PRECINCTS_CSV, 1491),
    ] {
        assert_eq!(read_csv(kind, text.as_bytes()).unwrap().len(), n);
    }
    // Every party has its name in each language, so that English pages do not show the Russian.
    for row in read_csv(Kind::Parties, sailau_app::demo::PARTIES_CSV.as_bytes()).unwrap() {
        let sailau_domain::Command::CreateParty(c) = row.command.command() else {
            panic!("line {}: not a party", row.line);
        };
        let p = &c.party;
        assert!(
            [&p.name_ru, &p.name_kk, &p.name_en]
                .iter()
                .all(|n| !n.is_empty()),
            "{p:?}"
        );
    }
}
