//! Widgets the pages share: loading and failure states, record cards and filters, charts.

pub mod chart;
pub mod chart_views;
pub mod progress;
pub mod records;
pub mod status;
