//! Commands: applied with their ledger entry, or refused with no trace.

use sailau_app::{Acting, AppError};
use sailau_domain::registry::*;
use sailau_domain::*;
use sailau_ledger::{leaf_hash, verify_inclusion};

use crate::fixture::*;

#[tokio::test]
async fn an_accepted_command_is_entirely_there_ledger_entry_included() {
    for f in registries().await {
        let before = f.app.signed_head().await.unwrap();
        let applied = f
            .app
            .execute(&Acting::Operator, precinct(3, "101000000", 321))
            .await
            .unwrap();
        assert_eq!(applied.index, before.head.size);
        let p = f
            .app
            .store()
            .precinct(&PrecinctRef {
                region_code: code("100000000"),
                number: 3,
            })
            .await
            .unwrap()
            .unwrap();
        assert_eq!((p.voters, p.territory_code.as_str()), (321, "101000000"));

        let head = f.app.signed_head().await.unwrap();
        assert_eq!(head.head.size, applied.index + 1);
        assert_eq!(head.head.root, applied.root);
        sailau_ledger::verify(&head, &f.key).unwrap();

        let entries = f
            .app
            .ledger_entries(applied.index, applied.index + 1)
            .await
            .unwrap();
        let entry = LedgerEntry::decode_canonical(entries[0].canonical.as_bytes()).unwrap();
        assert_eq!(entry.actor, Actor::Operator);
        assert_eq!(entry.at_ms, 1_700_000_000_000);
        assert!(matches!(entry.command, Command::CreatePrecinct(_)));

        let proof = f
            .app
            .inclusion_proof(applied.index, head.head.size)
            .await
            .unwrap();
        verify_inclusion(
            &leaf_hash(entries[0].canonical.as_bytes()),
            applied.index,
            head.head.size,
            &proof.proof.path,
            &head.head.root,
        )
        .unwrap();
        let c = f
            .app
            .consistency_proof(before.head.size, head.head.size)
            .await
            .unwrap();
        sailau_ledger::verify_consistency(
            before.head.size,
            head.head.size,
            &before.head.root,
            &head.head.root,
            &c.proof.path,
        )
        .unwrap();
    }
}

#[tokio::test]
async fn a_refused_command_leaves_no_trace_but_its_error() {
    for f in registries().await {
        let before = f.app.store().ledger_status().await.unwrap();
        // Number 1 is taken in region 100000000; territory 999999999 does not exist.
        for (cmd, field, rule) in [
            (
                precinct(1, "101000000", 10),
                "number",
                "precinct-number-taken",
            ),
            (
                precinct(5, "999999999", 10),
                "territory_code",
                "territory-missing",
            ),
            (
                precinct(6, "100000000", 10),
                "territory_code",
                "precinct-territory-kind",
            ),
            (
                territory("101000000", Some("100000000"), TerritoryKind::District),
                "code",
                "code-taken",
            ),
            (
                territory("300000000", Some("101000000"), TerritoryKind::Region),
                "parent_code",
                "parent-kind-invalid",
            ),
            (
                CreateParty {
                    party: party("amanat"),
                }
                .into(),
                "code",
                "party-taken",
            ),
        ] {
            match f.app.execute(&Acting::Operator, cmd).await {
                Err(AppError::Invalid(v)) => {
                    let e = v
                        .for_field(field)
                        .unwrap_or_else(|| panic!("no error on {field}: {v:?}"));
                    assert_eq!(e.rule.key(), rule);
                }
                other => panic!("expected a validation error on {field}, got {other:?}"),
            }
        }
        assert_eq!(f.app.store().ledger_status().await.unwrap(), before);
    }
}

#[tokio::test]
async fn a_batch_is_all_or_nothing_and_names_the_failing_item() {
    for f in registries().await {
        let before = f.app.store().counts().await.unwrap();
        let got = f
            .app
            .execute_batch(
                &Acting::Operator,
                vec![precinct(7, "101000000", 10), precinct(7, "101000000", 10)],
            )
            .await;
        assert!(
            matches!(got, Err(AppError::Batch { position: 1, .. })),
            "{got:?}"
        );
        assert_eq!(f.app.store().counts().await.unwrap(), before);
    }
}

#[tokio::test]
async fn territories_know_their_region_and_precinct_numbers_are_per_region() {
    for f in registries().await {
        f.app
            .execute(
                &Acting::Operator,
                territory("101010000", Some("101000000"), TerritoryKind::RuralOkrug),
            )
            .await
            .unwrap();
        f.app
            .execute(
                &Acting::Operator,
                territory("101010001", Some("101010000"), TerritoryKind::Village),
            )
            .await
            .unwrap();
        // Number 3 in a village of region 100000000, and number 3 again in region 200000000: both fine.
        f.app
            .execute(&Acting::Operator, precinct(3, "101010001", 10))
            .await
            .unwrap();
        f.app
            .execute(&Acting::Operator, precinct(3, "201000000", 10))
            .await
            .unwrap();
        let p = f
            .app
            .store()
            .precinct(&PrecinctRef {
                region_code: code("100000000"),
                number: 3,
            })
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.territory_code.as_str(), "101010001");
        let stats = f
            .app
            .store()
            .territory_stats(&code("100000000"))
            .await
            .unwrap();
        assert_eq!((stats.precincts, stats.voters), (3, 1810));
    }
}

#[tokio::test]
async fn a_missing_territory_is_named_as_missing_not_as_out_of_scope() {
    for f in registries().await {
        let tec = Acting::Account(
            account(
                &f,
                "tec-101",
                Role::TerritorialCommission,
                Scope::Territory {
                    territory: code("101000000"),
                },
            )
            .await,
        );
        let before = f.app.signed_head().await.unwrap().head.size;
        let refused = |r: Result<sailau_app::Applied, AppError>, field: &str, rule: Rule| match r {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.0.len(), 1, "{e:?}");
                assert_eq!((e.0[0].field.as_str(), &e.0[0].rule), (field, &rule));
            }
            other => panic!("{other:?}"),
        };
        // A precinct on a territory that does not exist.
        refused(
            f.app.execute(&tec, precinct(7, "999900000", 10)).await,
            "territory_code",
            Rule::TerritoryMissing,
        );
        // An existing territory outside the scope is still refused for scope.
        assert!(matches!(
            f.app.execute(&tec, precinct(7, "201000000", 10)).await,
            Err(AppError::Forbidden(Denied::OutOfScope { .. }))
        ));
        // A precinct that does not exist.
        refused(
            f.app
                .execute(
                    &tec,
                    UpdatePrecinct {
                        precinct: PrecinctRef {
                            region_code: code("100000000"),
                            number: 99,
                        },
                        address: "ул. Абая, 1".into(),
                        voters: 10,
                    },
                )
                .await,
            "number",
            Rule::PrecinctMissing,
        );
        assert_eq!(f.app.signed_head().await.unwrap().head.size, before);
    }
}
