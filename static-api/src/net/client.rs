//! Which client address a request comes from: the socket's peer, or behind trusted
//! reverse proxies the address they forward; and lists of networks to check addresses
//! against (the trusted proxies, the operators' network of `/metrics`).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::http::{HeaderMap, HeaderName};

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

/// A list of addresses and networks (`127.0.0.1, 10.0.0.0/8, ::1`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetList(Vec<IpNet>);

impl NetList {
    /// Reads a comma-separated list; the message of an error is for the command line.
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| IpNet::parse(p).ok_or_else(|| format!("{p:?} is not an address or network")))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// This machine only: `127.0.0.0/8` and `::1`.
    pub fn loopback() -> Self {
        Self(vec![
            IpNet {
                addr: IpAddr::V4(Ipv4Addr::LOCALHOST),
                prefix: 8,
            },
            IpNet {
                addr: IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
                prefix: 128,
            },
        ])
    }

    /// Whether `ip` is in one of the networks.
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }
}

/// Which reverse proxies to trust, and the header in which they name the client.
#[derive(Debug, Clone)]
pub struct TrustedProxies {
    nets: NetList,
    header: HeaderName,
}

impl Default for TrustedProxies {
    fn default() -> Self {
        Self {
            nets: NetList::default(),
            header: HeaderName::from_static("x-forwarded-for"),
        }
    }
}

impl TrustedProxies {
    /// Proxies from a comma-separated list of addresses and networks, with the header
    /// they set (`X-Forwarded-For` by default); the message of an error is for the
    /// command line.
    pub fn parse(list: &str, header: Option<&str>) -> Result<Self, String> {
        let nets = NetList::parse(list)?;
        let header = match header {
            Some(name) => HeaderName::from_bytes(name.trim().to_ascii_lowercase().as_bytes())
                .map_err(|_| format!("{name:?} is not a header name"))?,
            None => Self::default().header,
        };
        Ok(Self { nets, header })
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.nets.contains(ip)
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

    #[test]
    fn net_lists() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        let loopback = NetList::loopback();
        for inside in ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"] {
            assert!(loopback.contains(ip(inside)), "{inside}");
        }
        for outside in ["10.0.0.1", "81.1.1.1", "::2", "fe80::1"] {
            assert!(!loopback.contains(ip(outside)), "{outside}");
        }
        let ops = NetList::parse(" 10.8.0.0/16 ,fd00::/8,").expect("list");
        assert!(ops.contains(ip("10.8.3.4")) && ops.contains(ip("fd12::1")));
        assert!(!ops.contains(ip("10.9.0.1")));
        assert!(!NetList::default().contains(ip("127.0.0.1")));
        assert!(NetList::parse("10.0.0.0/8,nope").is_err());
    }
}
