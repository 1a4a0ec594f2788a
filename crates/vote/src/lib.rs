//! sailau-vote
