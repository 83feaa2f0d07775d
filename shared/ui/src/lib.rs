//! Yew components shared by the apps of the suite.
