use super::*;
use std::collections::BTreeSet;

/// The `{field}` placeholders of a text (`{{` is a literal brace).
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let end = after.find('}').unwrap_or(after.len());
        let name = after[..end].split(':').next().unwrap_or_default();
        out.insert(name.to_owned());
        rest = after[end..].to_owned();
    }
    out
}

/// Chinese characters, or the full-width punctuation Chinese writes.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
            || "“”‘’…—".contains(c)
    })
}

#[test]
fn every_entry_has_both_texts_with_the_same_fields() {
    let mut problems = Vec::new();
    for (phase, entries) in all_entries() {
        for (name, en, zh) in entries {
            if en.trim().is_empty() || zh.trim().is_empty() {
                problems.push(format!("{phase}::{name}: a text is empty"));
            }
            if placeholders(en) != placeholders(zh) {
                problems.push(format!(
                    "{phase}::{name}: English names {:?}, Chinese {:?}",
                    placeholders(en),
                    placeholders(zh)
                ));
            }
            // A Chinese text says something in Chinese, not only its fields.
            let words: String = zh.split(['{', '}']).step_by(2).collect();
            if !has_chinese(&words) {
                problems.push(format!(
                    "{phase}::{name}: the Chinese text has no Chinese: {zh}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn entry_names_are_unique_across_phases() {
    // They are the `id` of a message in JSON output.
    let mut seen = std::collections::BTreeMap::new();
    let mut twice = Vec::new();
    for (phase, entries) in all_entries() {
        for (name, _, _) in entries {
            if let Some(other) = seen.insert(*name, phase) {
                twice.push(format!("{phase}::{name} and {other}::{name}"));
            }
        }
    }
    assert!(
        twice.is_empty(),
        "entries named alike:\n{}",
        twice.join("\n")
    );
}

#[test]
fn names_are_quoted_by_language_and_cut_when_long() {
    let t = Text::from(common::Common::DidYouMean {
        name: Name::new("数量指标"),
    });
    assert_eq!(t.render(Lang::En), "did you mean `数量指标`?");
    assert_eq!(t.render(Lang::Zh), "是否应为“数量指标”？");
    let long = Name::new("x".repeat(500) + "\u{1b}[31m");
    let mut out = String::new();
    long.show(Lang::En, &mut out);
    assert_eq!(out.chars().count(), EXCERPT + 3);
    let mut out = String::new();
    Name::new("a\u{1b}[31mb\u{0}").show(Lang::En, &mut out);
    assert_eq!(out, "`a\\u{1b}[31mb\\u{0}`");
}

#[test]
fn lists_join_in_each_language() {
    let t = Text::from(common::Common::OneOf {
        names: ["产出指标", "效益指标"].into_iter().collect(),
    });
    assert_eq!(t.render(Lang::En), "use one of: `产出指标`, `效益指标`");
    assert_eq!(t.render(Lang::Zh), "可用的有：“产出指标”、“效益指标”");
}

#[test]
fn a_locale_picks_the_language() {
    for (locale, lang) in [
        (Some("zh_CN.UTF-8"), Lang::Zh),
        (Some("zh_TW"), Lang::Zh),
        (Some("ZH_cn"), Lang::Zh),
        (Some("en_US.UTF-8"), Lang::En),
        (Some("C.UTF-8"), Lang::En),
        (Some("C"), Lang::En),
        (None, Lang::En),
    ] {
        assert_eq!(Lang::of_locale(locale), lang, "{locale:?}");
    }
    assert_eq!(Lang::detect(Some(Lang::Zh)), Lang::Zh);
}

#[test]
fn messages_serialise_as_id_and_typed_arguments() {
    let t = Text::from(common::Common::DidYouMean {
        name: Name::new("数量指标"),
    });
    assert_eq!(
        serde_json::to_string(&t).expect("json"),
        r#"{"id":"DidYouMean","args":{"name":"数量指标"}}"#
    );
}
