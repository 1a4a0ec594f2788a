//! JSON API tests (being written).
