//! sailau-domain
