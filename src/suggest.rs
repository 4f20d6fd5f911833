//! "Did you mean `x`?": the closest known name to a misspelt one.

/// The candidate closest to `word` by edit distance, if it is at most
/// `max_distance` edits away and not so short that any word would match
/// (fewer edits than it has characters). Ties go to the first candidate.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_distance: usize,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= max_distance && *d < c.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn picks_the_nearest_and_refuses_far_or_tiny_matches() {
        assert_eq!(
            closest("全年执行", ["全年预算数", "全年执行数"], 2),
            Some("全年执行数")
        );
        assert_eq!(closest("xyz", ["framework"], 2), None);
        assert_eq!(closest("ab", ["a"], 2), None);
    }
}
