//! sailau-storage
