//! The network edges of the server: which client address a request comes from (behind
//! trusted reverse proxies, [`client`]), and outgoing HTTP that never reaches this
//! machine's or its network's internal addresses ([`fetch`]: server-side request
//! forgery).

mod client;
mod fetch;

pub use client::{ClientIp, IpNet, NetList, TrustedProxies};
pub use fetch::{
    FetchRefused, GuardedResolver, MAX_REDIRECTS, check_url, guarded_client, is_public_ip,
};
