//! sailau-app
