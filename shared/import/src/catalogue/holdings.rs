//! `/holdings/` responses: a library system's organisation tree (the library and its
//! branches), given flat with parent ids.

use super::error::CatalogueError;
use super::record::{clean, non_empty};
use super::xml::{Element, parse_catalogue};

/// A postal address and contact details.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// Street name.
    pub street: Option<String>,
    /// House number.
    pub number: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Town.
    pub city: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
}

/// One library or branch in the organisation tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// The holdings id, e.g. `/root/bibnet/Oost-Vlaanderen/Wetteren/Hoofdbibliotheek`.
    pub id: String,
    /// The name, e.g. `Bibliotheek Wetteren`.
    pub name: String,
    /// The id of the library (or region) above it.
    pub parent: Option<String>,
    /// The catalogue profiles it belongs to, e.g. `wetteren`.
    pub profiles: Vec<String>,
    /// Latitude in degrees (WGS 84), when given.
    pub latitude: Option<f64>,
    /// Longitude in degrees (WGS 84), when given.
    pub longitude: Option<f64>,
    /// Its catalogue page or website.
    pub url: Option<String>,
    /// The kind of location, e.g. `CHECKOUT_BRANCH`; `None` for the library itself.
    pub category: Option<String>,
    /// The branch code in the library system Wise.
    pub wise_id: Option<String>,
    /// Address and contact details.
    pub address: Option<Address>,
}

impl Branch {
    /// Whether this is a branch where books can be borrowed (not the library as a whole).
    pub fn is_checkout_branch(&self) -> bool {
        self.category.as_deref() == Some("CHECKOUT_BRANCH")
    }
}

/// The branches directly under `parent_id`, in the order given.
pub fn branches_of<'a>(branches: &'a [Branch], parent_id: &str) -> Vec<&'a Branch> {
    branches
        .iter()
        .filter(|b| b.parent.as_deref() == Some(parent_id))
        .collect()
}

/// Reads a `/holdings/` XML response.
pub fn parse_holdings(xml: &str) -> Result<Vec<Branch>, CatalogueError> {
    let root = parse_catalogue(xml)?;
    let holdings: Vec<&Element> = root.children_named("holding").collect();
    if holdings.is_empty()
        && let Some(other) = root.children.first()
    {
        return Err(CatalogueError::WrongKind {
            expected: "holdings".to_string(),
            detail: format!("it has <{}> but no <holding>", other.name),
        });
    }
    holdings.into_iter().map(branch).collect()
}

fn branch(holding: &Element) -> Result<Branch, CatalogueError> {
    let id = holding
        .attr("id")
        .ok_or_else(|| CatalogueError::WrongKind {
            expected: "holdings".to_string(),
            detail: "a <holding> has no id".to_string(),
        })?
        .to_string();
    let address = holding.child("address").map(|a| Address {
        street: non_empty(a.child_text("street")),
        number: non_empty(a.child_text("number")),
        postcode: non_empty(a.child_text("postcode")),
        city: non_empty(a.child_text("city")),
        phone: non_empty(a.child_text("phone")),
        email: non_empty(a.child_text("email")),
    });
    Ok(Branch {
        name: holding
            .attr("name")
            .map(clean)
            .unwrap_or_else(|| id.clone()),
        id,
        parent: holding.attr("parent").map(str::to_string),
        profiles: holding
            .attr("profiles")
            .unwrap_or("")
            .split([',', ' '])
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        latitude: degrees(holding.attr("latitude"), 90.0),
        longitude: degrees(holding.attr("longitude"), 180.0),
        url: holding.attr("url").map(str::to_string),
        category: holding.attr("category").map(str::to_string),
        wise_id: holding.attr("wise-id").map(str::to_string),
        address,
    })
}

/// A coordinate within ±`limit` degrees; anything else (empty, `NaN`, out of range) is `None`.
fn degrees(value: Option<&str>, limit: f64) -> Option<f64> {
    value
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|d| d.is_finite() && d.abs() <= limit)
}
