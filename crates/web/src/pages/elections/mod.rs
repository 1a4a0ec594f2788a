//! The elections context's pages: elections and their calendars, contests, the public list of
//! registered candidates, the commission's workbench, a candidate's own page and the forms of
//! every step from the call to the ballot.

mod when;
