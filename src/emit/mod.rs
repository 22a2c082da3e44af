//! Backends: each turns a checked project into one output format. A backend
//! never re-parses and never re-derives what the checks know.

pub mod json;
