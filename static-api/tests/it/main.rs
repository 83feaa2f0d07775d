//! static-api's integration tests, in one binary: each test file links the whole
//! server, so one binary instead of twelve saves most of their link time.

// First: its macro (`on_both_backends!`) is for the modules below.
#[macro_use]
mod support;

mod accounts;
mod api;
mod backup;
mod bibster;
mod bibster_live;
mod bibster_play;
mod bieblo;
mod bieblo_heartbeat;
mod cli;
mod covers;
mod crash;
mod crash_ereader;
mod culture;
mod culture_media;
mod culture_staff;
mod ereader;
mod ereader_admin;
mod ereader_store;
mod events;
mod import;
mod instances;
mod live;
mod migrate;
mod nul;
mod openapi;
mod ops;
mod programme_source;
mod refresh;
mod service;
mod site;
mod store;
mod store_fresh;
mod store_kiosks;
mod store_programme_source;
mod vds;
