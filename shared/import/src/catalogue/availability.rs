//! `/availability/` responses: where the copies of a title (all editions of its frabl)
//! are and whether they are on the shelf, per library and branch; and how an item
//! becomes a [`Copy`] for the kiosk.
//!
//! The XML nests `<location>`s: a library, and inside it its branches; a library with one
//! branch carries its items itself. The JSON form (`output=json`) lists only the branches
//! with items, flat; both read into the same [`Availability`].

use serde_json::Value;
use suite_domain::catalog::Copy;

use super::error::{CatalogueError, json_document};
use super::record::{clean, first_year, non_empty};
use super::xml::{Element, parse_catalogue};

/// At most this many copies are made from one item node's `count`.
pub const MAX_COPIES_PER_ITEM: u32 = 20;

/// One edition the availability covers (`<meta><records><record>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The catalogue id of the edition, e.g. `|library/marc/vlacc|10576344`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its author.
    pub author: Option<String>,
    /// Its year of publication.
    pub year: Option<u16>,
    /// Its cover on the catalogue's cover server (rich API only).
    pub cover_url: Option<String>,
}

/// A library or a branch, with the items it holds and its own branches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityNode {
    /// The holdings id, e.g. `/root/bibnet/Antwerpen/Antwerpen/Antwerpen Permeke`.
    pub id: String,
    /// The name, e.g. `Bibliotheek Permeke (Antwerpen)`.
    pub name: String,
    /// The library's catalogue page for this location.
    pub url: Option<String>,
    /// Whether at least one copy is on the shelf here (or in a branch below).
    pub available: bool,
    /// The branch code in the library system Wise, when given.
    pub wise_id: Option<String>,
    /// The items held here.
    pub items: Vec<AvailabilityItem>,
    /// The branches of a library.
    pub branches: Vec<AvailabilityNode>,
}

/// One item node: one or more copies of one edition with the same status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityItem {
    /// The catalogue id of the edition, e.g. `|library/marc/vlacc|10576344`.
    pub record_id: Option<String>,
    /// On the shelf now.
    pub available: bool,
    /// The normalised status: `none` (available), `loanedout`, `notavailable`, `notonloan`.
    pub status: String,
    /// The status in the asked language, e.g. `Aanwezig`, `Uitgeleend`.
    pub status_text: Option<String>,
    /// How many copies this node describes.
    pub count: u32,
    /// The sub-location as given (`<subloc>`), e.g. `Volwassenen : Romans` or `Romans`.
    pub sub_location: String,
    /// The shelf mark on the label, e.g. `HOSS`.
    pub shelf_mark: String,
    /// When a lent copy is due back, `DD-MM-YYYY`.
    pub return_date: Option<String>,
    /// The copy's id in Wise.
    pub item_id: Option<String>,
}

/// Everything an `/availability/` response says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Availability {
    /// The frabl asked for, when the request used one.
    pub frabl: Option<String>,
    /// The editions covered (XML only).
    pub editions: Vec<Edition>,
    /// The libraries (XML) or branches (JSON), in the catalogue's order.
    pub locations: Vec<AvailabilityNode>,
}

impl Availability {
    /// Every library or branch that holds items, depth first, in document order.
    pub fn holding_nodes(&self) -> Vec<&AvailabilityNode> {
        let mut found = Vec::new();
        let mut todo: Vec<&AvailabilityNode> = self.locations.iter().rev().collect();
        while let Some(node) = todo.pop() {
            if !node.items.is_empty() {
                found.push(node);
            }
            todo.extend(node.branches.iter().rev());
        }
        found
    }

    /// Every copy, one per counted copy of each item (at most [`MAX_COPIES_PER_ITEM`]).
    pub fn copies(&self) -> Vec<Copy> {
        self.copies_where(|_| true)
    }

    /// The copies in the libraries and branches whose id is `id_prefix` or lies under it,
    /// e.g. `/root/bibnet/Oost-Vlaanderen/Wetteren` for one library's branches.
    pub fn copies_under(&self, id_prefix: &str) -> Vec<Copy> {
        let prefix = id_prefix.trim_end_matches('/');
        let nested = format!("{prefix}/");
        self.copies_where(|node| node.id == prefix || node.id.starts_with(&nested))
    }

    fn copies_where(&self, keep: impl Fn(&AvailabilityNode) -> bool) -> Vec<Copy> {
        self.holding_nodes()
            .into_iter()
            .filter(|node| keep(node))
            .flat_map(|node| {
                node.items.iter().flat_map(move |item| {
                    let copy = copy_of(node, item);
                    std::iter::repeat_n(copy, item.count.clamp(1, MAX_COPIES_PER_ITEM) as usize)
                })
            })
            .collect()
    }
}

/// The kiosk's view of one item: the branch's name, and the sub-location split into
/// location and sub-location where the catalogue writes `Location : Sub-location`
/// (`Jeugd : Avontuur`, `Volwassenen : Romans`); otherwise the whole of it is the
/// sub-location and the location is empty.
pub fn copy_of(branch: &AvailabilityNode, item: &AvailabilityItem) -> Copy {
    let (location, sub_location) = split_sub_location(&item.sub_location);
    Copy {
        branch: branch.name.clone(),
        location,
        sub_location,
        shelf_mark: item.shelf_mark.clone(),
        available: item.available,
    }
}

/// `Jeugd : Avontuur` → (`Jeugd`, `Avontuur`); `Romans` → (``, `Romans`).
pub fn split_sub_location(sub_location: &str) -> (String, String) {
    match sub_location.split_once(" : ") {
        Some((location, rest)) if !location.trim().is_empty() && !rest.trim().is_empty() => {
            (clean(location), clean(rest))
        }
        _ => (String::new(), clean(sub_location)),
    }
}

/// Reads an `/availability/` XML response.
pub fn parse_availability(xml: &str) -> Result<Availability, CatalogueError> {
    let root = parse_catalogue(xml)?;
    let locations = root
        .child("locations")
        .ok_or_else(|| CatalogueError::WrongKind {
            expected: "availability".to_string(),
            detail: "it has no <locations>".to_string(),
        })?;
    let meta = root.child("meta");
    let editions = meta
        .map(|m| m.all_at(&["records", "record"]))
        .unwrap_or_default()
        .into_iter()
        .filter_map(edition)
        .collect();
    Ok(Availability {
        frabl: non_empty(meta.and_then(|m| m.child_text("frabl"))),
        editions,
        locations: nodes(locations),
    })
}

fn edition(record: &Element) -> Option<Edition> {
    Some(Edition {
        id: record.attr("extid")?.to_string(),
        title: non_empty(record.child_text("title")).unwrap_or_default(),
        author: non_empty(record.child_text("author")),
        year: record.child_text("publisher-year").and_then(first_year),
        cover_url: non_empty(record.child_text("coverimage")),
    })
}

/// The `<location>` children of `parent`. Depth is bounded by the XML tree's own limit.
fn nodes(parent: &Element) -> Vec<AvailabilityNode> {
    parent
        .children_named("location")
        .map(|location| {
            let holding = location.child("holding");
            AvailabilityNode {
                id: location
                    .attr("id")
                    .or_else(|| holding.and_then(|h| h.attr("id")))
                    .unwrap_or("")
                    .to_string(),
                name: location
                    .attr("name")
                    .or_else(|| holding.and_then(|h| h.attr("name")))
                    .map(clean)
                    .unwrap_or_default(),
                url: location.attr("url").map(str::to_string),
                available: location.attr("available") == Some("true"),
                wise_id: holding.and_then(|h| h.attr("wise-id")).map(str::to_string),
                items: location
                    .all_at(&["items", "item"])
                    .into_iter()
                    .map(item)
                    .collect(),
                branches: nodes(location),
            }
        })
        .collect()
}

fn item(item: &Element) -> AvailabilityItem {
    let status = item.attr("status").unwrap_or("").to_string();
    AvailabilityItem {
        record_id: item.attr("extid").map(str::to_string),
        available: match item.attr("available") {
            Some(flag) => flag == "true",
            None => status == "none",
        },
        status_text: non_empty(item.child_text("status")),
        status,
        count: count(item.attr("count")),
        sub_location: non_empty(item.child_text("subloc")).unwrap_or_default(),
        shelf_mark: non_empty(item.child_text("shelfmark")).unwrap_or_default(),
        return_date: non_empty(item.child_text("returndate")),
        item_id: non_empty(item.child_text("itemid")),
    }
}

fn count(value: Option<&str>) -> u32 {
    value
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Reads an `/availability/` JSON response (`output=json`): a flat list of branches.
pub fn parse_availability_json(json: &str) -> Result<Availability, CatalogueError> {
    let value = json_document(json)?;
    let branches = value
        .get("availability")
        .and_then(Value::as_array)
        .ok_or_else(|| CatalogueError::WrongKind {
            expected: "availability".to_string(),
            detail: "it has no \"availability\" list".to_string(),
        })?;
    let text = |v: &Value, key: &str| non_empty(v.get(key).and_then(Value::as_str));
    let locations = branches
        .iter()
        .map(|branch| AvailabilityNode {
            id: text(branch, "id").unwrap_or_default(),
            name: text(branch, "name").unwrap_or_default(),
            url: text(branch, "url"),
            available: text(branch, "available").as_deref() == Some("true"),
            wise_id: None,
            items: branch
                .get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|item| {
                    let status = text(item, "status").unwrap_or_default();
                    AvailabilityItem {
                        record_id: text(item, "extid"),
                        available: match text(item, "available") {
                            Some(flag) => flag == "true",
                            None => status == "none",
                        },
                        status,
                        status_text: text(item, "extendedStatus"),
                        count: count(item.get("count").and_then(Value::as_str)),
                        sub_location: text(item, "subloc").unwrap_or_default(),
                        shelf_mark: text(item, "shelfmark").unwrap_or_default(),
                        return_date: text(item, "returndate"),
                        item_id: text(item, "itemid"),
                    }
                })
                .collect(),
            branches: Vec::new(),
        })
        .collect();
    Ok(Availability {
        frabl: None,
        editions: Vec::new(),
        locations,
    })
}
