//! End-to-end tests in one binary (each test file links the whole server): the real
//! server on loopback, headless Chromium over WebDriver.

mod asvs;
mod back_office_views;
mod beheer;
mod bibster_builder;
mod bibster_leader;
mod bibster_team;
mod bibster_together;
mod bieblo;
mod bieblo_heartbeat;
mod bieblo_screens;
mod browser;
mod culture_matcher;
mod culture_matcher_about;
mod culture_matcher_beheer;
mod culture_matcher_phone;
mod culture_matcher_source;
mod dist;
mod ereader;
mod ereader_beheer;
mod export;
mod first_library;
mod vds_beheer;
mod voor_de_show;
mod voor_de_show_class;
mod voor_de_show_loader;
