//! sailau-ledger
