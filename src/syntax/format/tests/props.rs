//! Properties of the formatter over generated frameworks: what it writes
//! parses, means what the input meant, keeps every comment in order, and
//! formats to itself.

use super::generate::{Rng, comments, framework, perturb};
use super::{assert_same_meaning, fmt, pretty_eq};
use proptest::prelude::*;

/// The properties every formatted text has.
#[track_caller]
fn formats_faithfully(src: &str) -> String {
    let out = fmt(src);
    assert_same_meaning(src, &out);
    assert_eq!(
        comments(src),
        comments(&out),
        "comments lost or moved:\n{src}\n-----\n{out}"
    );
    pretty_eq(&fmt(&out), &out);
    out
}

fn bundled() -> impl Strategy<Value = &'static crate::builtin::Builtin> {
    prop::sample::select(crate::builtin::BUILTINS.iter().collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Other spaces, indentation, blank lines and full-width punctuation in
    /// a bundled framework: formatting gives the bundled text back.
    #[test]
    fn respaced_bundled_frameworks_format_back(b in bundled(), seed in any::<u64>()) {
        let messy = perturb(b.source, &mut Rng::new(seed), false);
        let out = formats_faithfully(&messy);
        pretty_eq(&out, b.source);
    }

    /// Comments inserted and line breaks moved in a bundled framework: the
    /// layout may change, the meaning and the comments may not.
    #[test]
    fn rewritten_bundled_frameworks_keep_their_meaning(b in bundled(), seed in any::<u64>()) {
        let messy = perturb(b.source, &mut Rng::new(seed), true);
        formats_faithfully(&messy);
    }

    /// Random frameworks written in a random layout.
    #[test]
    fn random_frameworks_keep_their_meaning(seed in any::<u64>()) {
        let src = framework(&mut Rng::new(seed));
        formats_faithfully(&src);
    }
}
