mod extremes;
mod scoring;
