//! sailau-i18n
