//! sailau-record
