//! The network edges of the server: which client address a request comes from (behind
//! trusted reverse proxies), and outgoing HTTP that never reaches this machine's or its
//! network's internal addresses (server-side request forgery).
//!
//! Outgoing fetches (book covers, event imports) are checked at connect time: a host
//! name is resolved by [`GuardedResolver`], which drops loopback, private, link-local,
//! unique-local and unspecified addresses; a URL with an address literal, and every
//! redirect, is checked before it is followed. Tests with stand-ins on loopback turn
//! this off with `allow_private`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::http::{HeaderMap, HeaderName};
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

/// A network (an address with a prefix length) of trusted proxies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Reads `10.0.0.0/8`, `::1/128` or a single address.
    pub fn parse(text: &str) -> Option<Self> {
        let (addr, prefix) = match text.trim().split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (text.trim().parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Self { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address inside IPv6 (as a dual-stack socket reports it) as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// Which reverse proxies to trust, and the header in which they name the client.
#[derive(Debug, Clone)]
pub struct TrustedProxies {
    nets: Vec<IpNet>,
    header: HeaderName,
}

impl Default for TrustedProxies {
    fn default() -> Self {
        Self {
            nets: Vec::new(),
            header: HeaderName::from_static("x-forwarded-for"),
        }
    }
}

impl TrustedProxies {
    /// Proxies from a comma-separated list of addresses and networks, with the header
    /// they set (`X-Forwarded-For` by default); the message of an error is for the
    /// command line.
    pub fn parse(list: &str, header: Option<&str>) -> Result<Self, String> {
        let nets = list
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| IpNet::parse(p).ok_or_else(|| format!("{p:?} is not an address or network")))
            .collect::<Result<Vec<_>, _>>()?;
        let header = match header {
            Some(name) => HeaderName::from_bytes(name.trim().to_ascii_lowercase().as_bytes())
                .map_err(|_| format!("{name:?} is not a header name"))?,
            None => Self::default().header,
        };
        Ok(Self { nets, header })
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.nets.iter().any(|n| n.contains(ip))
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy; then the
    /// right-most address in the proxy header that is not itself a trusted proxy (the
    /// left part of the header is whatever the client sent, so it is never believed).
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = canonical(peer?);
        if !self.trusts(peer) {
            return Some(peer);
        }
        let mut forwarded: Vec<IpAddr> = Vec::new();
        for value in headers.get_all(&self.header) {
            let Ok(text) = value.to_str() else {
                return Some(peer);
            };
            for part in text.split(',') {
                let part = part.trim();
                // `X-Real-IP`-style single values and `[v6]:port`/`v4:port` forms.
                let bare = part
                    .strip_prefix('[')
                    .and_then(|p| p.split_once(']').map(|(a, _)| a))
                    .unwrap_or(part);
                let ip = bare
                    .parse::<IpAddr>()
                    .ok()
                    .or_else(|| bare.parse::<SocketAddr>().ok().map(|s| s.ip()));
                match ip {
                    Some(ip) => forwarded.push(canonical(ip)),
                    None => return Some(peer),
                }
            }
        }
        Some(
            forwarded
                .into_iter()
                .rev()
                .find(|ip| !self.trusts(*ip))
                .unwrap_or(peer),
        )
    }
}

/// The client's address as [`TrustedProxies::client_ip`] reads it (`None` when the
/// request came in without a socket, as in tests through the router).
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

impl axum::extract::FromRequestParts<crate::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientIp(
            state.config.proxies.client_ip(peer, &parts.headers),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

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

    #[test]
    fn networks() {
        let net = IpNet::parse("10.0.0.0/8").expect("net");
        assert!(net.contains("10.200.3.4".parse().expect("ip")));
        assert!(net.contains("::ffff:10.0.0.9".parse().expect("ip")));
        assert!(!net.contains("11.0.0.1".parse().expect("ip")));
        let one = IpNet::parse("::1").expect("net");
        assert!(one.contains("::1".parse().expect("ip")));
        assert!(!one.contains("::2".parse().expect("ip")));
        assert!(IpNet::parse("10.0.0.0/33").is_none());
        assert!(IpNet::parse("proxy").is_none());
        assert!(
            IpNet::parse("0.0.0.0/0").is_some_and(|n| n.contains("1.2.3.4".parse().expect("ip")))
        );
    }

    #[test]
    fn the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8", None).expect("list");
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 81.82.83.84, 10.0.0.5"),
        );
        let peer = |s: &str| Some(s.parse::<IpAddr>().expect("ip"));
        // A client that is not a proxy cannot pretend to be someone else.
        assert_eq!(
            proxies.client_ip(peer("81.1.1.1"), &headers),
            peer("81.1.1.1")
        );
        // Through the proxies: the right-most address that is not a proxy; the forged
        // 6.6.6.6 on the left is ignored.
        assert_eq!(
            proxies.client_ip(peer("127.0.0.1"), &headers),
            peer("81.82.83.84")
        );
        assert_eq!(
            proxies.client_ip(peer("::ffff:127.0.0.1"), &headers),
            peer("81.82.83.84")
        );
        // A proxy that sent no header, or garbage: the proxy itself.
        assert_eq!(
            proxies.client_ip(peer("127.0.0.1"), &HeaderMap::new()),
            peer("127.0.0.1")
        );
        headers.insert("x-forwarded-for", HeaderValue::from_static("nonsense"));
        assert_eq!(
            proxies.client_ip(peer("127.0.0.1"), &headers),
            peer("127.0.0.1")
        );
        // Without trusted proxies the header means nothing.
        assert_eq!(
            TrustedProxies::default().client_ip(peer("127.0.0.1"), &headers),
            peer("127.0.0.1")
        );
        let real = TrustedProxies::parse("127.0.0.1", Some("X-Real-IP")).expect("list");
        let mut headers = HeaderMap::new();
        headers.insert("x-real-ip", HeaderValue::from_static("81.82.83.84"));
        assert_eq!(
            real.client_ip(peer("127.0.0.1"), &headers),
            peer("81.82.83.84")
        );
        assert!(TrustedProxies::parse("10.0.0.0/99", None).is_err());
    }
}
