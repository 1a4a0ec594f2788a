//! The primaries' published credentials read a page at a time (the election record's
//! `credentials.jsonl`): the pages, joined, are the whole list in its order, on every backend.

use sailau_domain::primaries::CampaignId;

use crate::backends;

#[tokio::test]
async fn credentials_read_in_pages_are_the_whole_list_in_order() {
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;
        let campaign = CampaignId(uuid::Uuid::from_u128(1));
        let other = CampaignId(uuid::Uuid::from_u128(2));
        // Eleven credentials in no order, digits and letters first, and another campaign's.
        let hex: Vec<String> = [
            "f1", "0a", "9b", "a0", "00", "ff", "5c", "b7", "09", "e3", "a1",
        ]
        .iter()
        .map(|p| format!("{p}{}", "7".repeat(62)))
        .collect();
        let mut tx = s.begin().await.unwrap();
        tx.insert_credentials(&campaign, &hex).await.unwrap();
        tx.insert_credentials(&other, &["08".repeat(32), "a2".repeat(32)])
            .await
            .unwrap();
        tx.commit_plain().await.unwrap();

        let whole = s.credentials(&campaign).await.unwrap();
        let mut sorted = hex.clone();
        sorted.sort();
        assert_eq!(whole, sorted, "{name}");
        for limit in [1, 3, 4, 11, 12, 1000] {
            let mut got = Vec::new();
            let mut after: Option<String> = None;
            loop {
                let page = s
                    .credentials_page(&campaign, after.as_deref(), limit)
                    .await
                    .unwrap();
                assert!(page.len() as u64 <= limit, "{name}");
                got.extend(page.iter().cloned());
                if (page.len() as u64) < limit {
                    break;
                }
                after = page.last().cloned();
            }
            assert_eq!(got, whole, "{name}: pages of {limit}");
        }
        let none = CampaignId(uuid::Uuid::from_u128(3));
        assert!(
            s.credentials_page(&none, None, 10)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
