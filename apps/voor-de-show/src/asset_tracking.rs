//! A loading queue for assets that the game needs before it can show a screen.
//!
//! A module describes what it needs as a resource that is also an asset, whose
//! fields are handles marked `#[dependency]`, and registers it with
//! [`LoadResource::load_resource`]. Once the asset and all its dependencies are
//! loaded, the value is inserted as a resource; the loading screen waits for that.

use std::collections::VecDeque;

use bevy::{asset::RecursiveDependencyLoadState, prelude::*};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ResourceHandles>();
    app.add_systems(PreUpdate, load_resource_assets);
}

/// Registers a resource to be loaded before the game leaves the loading screen.
pub(crate) trait LoadResource {
    /// Starts loading `T` as an asset; inserts it as a resource when it and all
    /// of its asset dependencies are loaded.
    fn load_resource<T: Resource + Asset + Clone + FromWorld>(&mut self) -> &mut Self;
}

impl LoadResource for App {
    fn load_resource<T: Resource + Asset + Clone + FromWorld>(&mut self) -> &mut Self {
        self.init_asset::<T>();
        let world = self.world_mut();
        let value = T::from_world(world);
        let handle = world.resource::<AssetServer>().add(value);
        world
            .resource_mut::<ResourceHandles>()
            .waiting
            .push_back((handle.untyped(), insert_loaded::<T>));
        self
    }
}

/// Inserts the loaded value of a tracked asset as a resource.
type InsertLoadedResource = fn(&mut World, &UntypedHandle);

fn insert_loaded<T: Resource + Asset + Clone>(world: &mut World, handle: &UntypedHandle) {
    let value = world
        .resource::<Assets<T>>()
        .get(handle.id().typed::<T>())
        .cloned();
    if let Some(value) = value {
        world.insert_resource(value);
    }
}

/// The tracked assets: still loading, done, or failed.
#[derive(Resource, Default)]
pub(crate) struct ResourceHandles {
    // A queue, so every frame each waiting handle is looked at once.
    waiting: VecDeque<(UntypedHandle, InsertLoadedResource)>,
    finished: Vec<UntypedHandle>,
    failed: Vec<UntypedHandle>,
}

impl ResourceHandles {
    /// True when every tracked asset is loaded and inserted as a resource.
    pub(crate) fn is_all_done(&self) -> bool {
        self.waiting.is_empty() && self.failed.is_empty()
    }

    /// True when an asset could not be loaded (for example the network is gone).
    pub(crate) fn has_failures(&self) -> bool {
        !self.failed.is_empty()
    }
}

fn load_resource_assets(world: &mut World) {
    world.resource_scope(|world, mut handles: Mut<ResourceHandles>| {
        for _ in 0..handles.waiting.len() {
            let Some((handle, insert)) = handles.waiting.pop_front() else {
                break;
            };
            let state = world
                .resource::<AssetServer>()
                .recursive_dependency_load_state(handle.id());
            if let RecursiveDependencyLoadState::Failed(error) = state {
                error!("could not load a game asset: {error}");
                handles.failed.push(handle);
            } else if state.is_loaded() {
                insert(world, &handle);
                handles.finished.push(handle);
            } else {
                handles.waiting.push_back((handle, insert));
            }
        }
    });
}
