"""JSON Schemas shipped with ecslint (package data; see PROVENANCE.md)."""
