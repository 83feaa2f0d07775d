//! `/availability/` and `/holdings/`: the real samples' branches, items and copies, and
//! how a sub-location splits into location and sub-location.

use suite_domain::catalog::Copy;
use suite_import::catalogue::*;

use super::fixture;

fn check_availability(a: &Availability, json: bool) {
    let nodes = a.holding_nodes();
    assert_eq!(nodes.len(), 21);
    let items: usize = nodes.iter().map(|n| n.items.len()).sum();
    assert_eq!(items, 23);
    let first = nodes[0];
    assert_eq!(first.name, "Bibliotheek Permeke (Antwerpen)");
    assert_eq!(
        first.id,
        "/root/bibnet/Antwerpen/Antwerpen/Antwerpen Permeke"
    );
    assert!(first.available);
    assert_eq!(first.items[0].status, "loanedout");
    assert_eq!(first.items[0].status_text.as_deref(), Some("Uitgeleend"));
    assert_eq!(first.items[0].return_date.as_deref(), Some("30-08-2026"));
    assert_eq!(
        first.items[0].record_id.as_deref(),
        Some("|library/marc/vlacc|10576344")
    );
    assert!(first.items[1].available && first.items[1].status == "none");
    let last = nodes[20];
    assert_eq!(last.name, "Openbare Bibliotheek Staden");
    assert_eq!(last.items[0].sub_location, "Volwassenen : Romans");
    assert_eq!(last.items[0].shelf_mark, "LITERAIR: HOSS");

    let copies = a.copies();
    assert_eq!(copies.len(), 24, "De Krook's item counts 2 copies");
    assert_eq!(copies.iter().filter(|c| c.available).count(), 8);
    assert!(copies[..23].iter().all(|c| c.shelf_mark == "HOSS"));
    assert_eq!(
        copies[0],
        Copy {
            branch: "Bibliotheek Permeke (Antwerpen)".into(),
            location: String::new(),
            sub_location: "Romans".into(),
            shelf_mark: "HOSS".into(),
            available: false,
        }
    );
    let staden = &copies[23];
    assert_eq!(
        (staden.location.as_str(), staden.sub_location.as_str()),
        ("Volwassenen", "Romans")
    );
    assert_eq!(
        staden.where_to_find(),
        "Volwassenen - Romans - LITERAIR: HOSS"
    );
    let mechelen = a.copies_under("/root/bibnet/Antwerpen/Mechelen");
    assert_eq!(mechelen.len(), 2);
    assert!(
        mechelen
            .iter()
            .all(|c| c.branch == "Het Predikheren bibliotheek")
    );
    if !json {
        assert_eq!(a.frabl.as_deref(), Some("61B74575E8F1ACA0"));
        assert_eq!(a.editions.len(), 3);
        assert_eq!(a.editions[0].title, "Duizend schitterende zonnen");
        assert_eq!(a.editions[0].year, Some(2025));
        assert!(a.editions[0].cover_url.is_some());
        assert_eq!(a.locations.len(), 14, "libraries at the top level");
        assert_eq!(a.locations[0].name, "Antwerpen");
        assert_eq!(a.locations[0].branches.len(), 8);
        assert_eq!(first.wise_id.as_deref(), Some("7010"));
        assert_eq!(a.copies_under("/root/bibnet/Antwerpen/Antwerpen").len(), 9);
    }
}

#[test]
fn availability_samples() {
    let xml = parse_availability(&fixture("availability.xml")).expect("availability.xml");
    check_availability(&xml, false);
    let json = parse_availability_json(&fixture("availability.json")).expect("availability.json");
    check_availability(&json, true);
    assert_eq!(
        xml.copies(),
        json.copies(),
        "XML and JSON give the same copies"
    );
}

#[test]
fn sub_locations_split_on_spaced_colon_only() {
    let cases = [
        ("Jeugd : Avontuur", ("Jeugd", "Avontuur")),
        ("Volwassenen : Fictie", ("Volwassenen", "Fictie")),
        ("Romans", ("", "Romans")),
        ("Volwassenen - fictie", ("", "Volwassenen - fictie")),
        (" : Avontuur", ("", ": Avontuur")),
        ("", ("", "")),
    ];
    for (input, (location, sub)) in cases {
        assert_eq!(
            split_sub_location(input),
            (location.to_string(), sub.to_string()),
            "{input:?}"
        );
    }
}

#[test]
fn holdings_sample_is_the_wetteren_tree() {
    let branches = parse_holdings(&fixture("holdings.xml")).expect("holdings.xml parses");
    let names: Vec<&str> = branches.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Wetteren",
            "Bibliotheek Wetteren",
            "Bibliotheek Massemen",
            "Kunstacademie Muziek en Woord",
            "Kunstacademie Beeldende kunsten"
        ]
    );
    let library = &branches[0];
    assert_eq!(library.id, "/root/bibnet/Oost-Vlaanderen/Wetteren");
    assert_eq!(
        library.parent.as_deref(),
        Some("/root/bibnet/Oost-Vlaanderen")
    );
    assert_eq!(library.profiles, ["wetteren"]);
    assert_eq!((library.latitude, library.longitude), (None, None));
    assert_eq!(
        library.url.as_deref(),
        Some("https://wetteren.bibliotheek.be/")
    );
    assert!(!library.is_checkout_branch());
    let main = &branches[1];
    assert_eq!(main.latitude, Some(51.006536));
    assert_eq!(main.longitude, Some(3.886384));
    assert_eq!(main.wise_id.as_deref(), Some("3240"));
    assert!(main.is_checkout_branch());
    let address = main.address.as_ref().expect("an address");
    assert_eq!(address.street.as_deref(), Some("Markt"));
    assert_eq!(address.number.as_deref(), Some("27"));
    assert_eq!(address.postcode.as_deref(), Some("9230"));
    assert_eq!(address.city.as_deref(), Some("WETTEREN"));
    assert_eq!(address.email.as_deref(), Some("bibliotheek@wetteren.be"));
    let under = branches_of(&branches, &library.id);
    assert_eq!(under.len(), 4);
}
