//! Outgoing HTTP that never reaches this machine's or its network's internal addresses
//! (server-side request forgery).
//!
//! Outgoing fetches (book covers, event imports) are checked at connect time: a host
//! name is resolved by [`GuardedResolver`], which drops loopback, private, link-local,
//! unique-local and unspecified addresses; a URL with an address literal, and every
//! redirect, is checked before it is followed. Tests with stand-ins on loopback turn
//! this off with `allow_private`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether `ip` is an address on the public internet: not loopback, private (RFC 1918),
/// shared (100.64/10), link-local (cloud metadata at 169.254.169.254 among them),
/// unique-local, multicast, broadcast, documentation or unspecified. IPv4 inside IPv6
/// (mapped or compatible) is judged as IPv4.
pub fn is_public_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            // ::a.b.c.d (deprecated compatible form) and NAT64 64:ff9b::/96.
            if (s[..6] == [0, 0, 0, 0, 0, 0] && !v6.is_loopback() && !v6.is_unspecified())
                || (s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0])
            {
                let [a, b] = s[6].to_be_bytes();
                let [c, d] = s[7].to_be_bytes();
                return is_public_v4(Ipv4Addr::new(a, b, c, d));
            }
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (s[0] & 0xffc0) == 0xfe80 // link local fe80::/10
                || (s[0] & 0xffc0) == 0xfec0 // site local (deprecated)
                || (s[0] == 0x2001 && s[1] == 0x0db8)) // documentation
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier NAT)
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

/// Why an outgoing fetch was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchRefused {
    #[error("not an http(s) URL")]
    NotHttp,
    #[error("the address {0} is not on the public internet")]
    PrivateAddress(IpAddr),
}

/// Checks a URL before it is fetched or a redirect to it is followed: http or https,
/// and, when its host is an address literal, a public one (host names are checked when
/// they are resolved).
pub fn check_url(url: &reqwest::Url, allow_private: bool) -> Result<(), FetchRefused> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchRefused::NotHttp);
    }
    if allow_private {
        return Ok(());
    }
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(url::Host::Domain(_)) => return Ok(()),
        None => return Err(FetchRefused::NotHttp),
    };
    if is_public_ip(ip) {
        Ok(())
    } else {
        Err(FetchRefused::PrivateAddress(ip))
    }
}

/// A DNS resolver that only hands out public addresses: a name that resolves to
/// internal addresses only cannot be connected to.
#[derive(Debug, Default, Clone, Copy)]
pub struct GuardedResolver;

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| is_public_ip(a.ip()))
                .collect();
            if public.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> = Box::new(
                    std::io::Error::other(format!("{host} has no public address")),
                );
                return Err(refused);
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

/// Most redirects an outgoing fetch follows.
pub const MAX_REDIRECTS: usize = 3;

/// A client builder for fetches of URLs that come from data or staff: no proxy from the
/// environment, at most [`MAX_REDIRECTS`] redirects, each checked, and (unless
/// `allow_private`) only public addresses at connect time.
pub fn guarded_client(allow_private: bool) -> reqwest::ClientBuilder {
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= MAX_REDIRECTS {
            return attempt.error("too many redirects");
        }
        match check_url(attempt.url(), allow_private) {
            Ok(()) => attempt.follow(),
            Err(refused) => attempt.error(refused),
        }
    });
    let builder = reqwest::Client::builder().no_proxy().redirect(policy);
    if allow_private {
        builder
    } else {
        builder.dns_resolver(Arc::new(GuardedResolver))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_not_public() {
        for internal in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            let ip: IpAddr = internal.parse().expect("an address");
            assert!(!is_public_ip(ip), "{internal}");
        }
        for public in [
            "8.8.8.8",
            "193.190.1.1",
            "172.32.0.1",
            "2a02:1800::1",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().expect("an address");
            assert!(is_public_ip(ip), "{public}");
        }
    }

    #[test]
    fn urls_with_internal_address_literals_are_refused() {
        let check = |u: &str| check_url(&reqwest::Url::parse(u).expect("a URL"), false);
        assert!(check("https://covers.example/a.jpg").is_ok());
        assert!(check("http://8.8.8.8/a.jpg").is_ok());
        for bad in [
            "http://127.0.0.1:8080/x",
            "http://2130706433/x", // 127.0.0.1 written as one number
            "http://0x7f.1/x",
            "http://[::1]/x",
            "http://[::ffff:a9fe:a9fe]/latest/meta-data",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/",
        ] {
            assert!(
                matches!(check(bad), Err(FetchRefused::PrivateAddress(_))),
                "{bad}"
            );
        }
        assert_eq!(check("file:///etc/passwd"), Err(FetchRefused::NotHttp));
        assert!(
            check_url(
                &reqwest::Url::parse("http://127.0.0.1/").expect("url"),
                true
            )
            .is_ok()
        );
    }

    #[tokio::test]
    async fn names_that_resolve_to_loopback_are_not_resolved() {
        let resolved = GuardedResolver
            .resolve("localhost".parse::<Name>().expect("a name"))
            .await;
        assert!(resolved.is_err());
    }
}
