//! sailau-web
