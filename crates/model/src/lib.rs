//! Pure model of the policy explorer: the JSON wire types and the logic behind the pages.
//! Nothing here touches the network, the DOM or the file system, so it cannot fail for
//! reasons outside its inputs and is tested natively.

#![deny(clippy::indexing_slicing)]

pub mod wire;

pub use wire::*;
pub mod route;

pub use route::is_safe_id;
pub mod chart;
pub mod csv;
pub mod files;
pub mod layout;
pub mod lists;
#[cfg(any(test, feature = "test-oracles"))]
pub mod oracle;
pub mod pages;
pub mod parts;
pub mod progress;
pub mod query;
pub mod search;
pub mod search_index;
pub mod settings;
pub mod view;
