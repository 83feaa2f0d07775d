//! The show's picture on an assignment. The wasm has no image decoders for uploads: bevy
//! only lays out an empty slot ([`ShowImageSlot`]) where the picture belongs, and the
//! browser glue (`show_web`) puts an HTML `<img>` with its text alternative over the
//! canvas at that slot, moved when the layout moves and removed when the slot is gone
//! (the class left the assignment).

use bevy::prelude::*;
use bevy::ui::{ComputedNode, UiGlobalTransform};
use suite_domain::show::Interaction;

use crate::{show::ShowImage, show_web};

pub(super) fn plugin(app: &mut App) {
    // After the layout of the frame (PostUpdate).
    app.add_systems(Last, place_image);
}

/// Where the show's picture goes, and which picture.
#[derive(Component, Debug, Clone)]
pub(crate) struct ShowImageSlot(pub(crate) ShowImage);

/// Whether the picture goes in the interaction's panel (under the prompt), else in the
/// column of the teacher's texts (the panel is full of the interaction).
pub(crate) fn in_panel(interaction: Interaction) -> bool {
    matches!(interaction, Interaction::Prompt | Interaction::Timer)
}

/// The empty node that holds the picture's place.
pub(crate) fn slot(image: &ShowImage) -> impl Bundle {
    (
        Name::new("Show image"),
        ShowImageSlot(image.clone()),
        Node {
            width: Val::Percent(100.0),
            min_height: Val::VMin(16.0),
            flex_grow: 1.0,
            ..default()
        },
    )
}

/// The picture and its place in CSS pixels (left, top, width, height).
type Placed = (ShowImage, [i32; 4]);

fn place_image(
    slots: Query<(&ShowImageSlot, &ComputedNode, &UiGlobalTransform)>,
    mut shown: Local<Option<Placed>>,
) {
    let wanted = slots.iter().find_map(|(slot, node, at)| {
        let scale = node.inverse_scale_factor();
        let size = node.size() * scale;
        if size.x < 1.0 || size.y < 1.0 {
            return None;
        }
        let min = at.translation * scale - size / 2.0;
        let rect = [min.x, min.y, size.x, size.y].map(|v| v.round() as i32);
        Some((slot.0.clone(), rect))
    });
    if *shown == wanted {
        return;
    }
    match &wanted {
        Some((image, rect)) => show_web::show_image(image, *rect),
        None => show_web::hide_image(),
    }
    *shown = wanted;
}
