//! The party context's pages (issue 13, i13-party). Today: the conference minutes as a PDF in
//! Kazakh or Russian. The conference's HTML pages (convene, check-in, vote) are not written yet;
//! the JSON API (`api::party`) covers those actions.

pub mod minutes;
