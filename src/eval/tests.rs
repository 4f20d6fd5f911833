mod extremes;
mod messages;
mod scoring;
