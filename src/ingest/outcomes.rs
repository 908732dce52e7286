//! Reading a per-company outcomes file (`--outcomes`).
