//! Counted words for messages: "1 row", "2 rows", "1 person", "3 people". One rule for the
//! whole program, so no message says "1 rows" or "1 partnerships".

/// The plural of an English `noun` as the program uses nouns: the last word takes the plural
/// ("theme tag" becomes "theme tags"), "person" becomes "people", a consonant and "y" become
/// "ies" ("strategy", "priority"), "s", "x", "ch" and "sh" take "es" ("box", "match"), and
/// any other word takes "s".
pub fn plural(noun: &str) -> String {
    let (head, last) = match noun.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), noun),
    };
    let lower = last.to_lowercase();
    let plural_last = if lower == "person" {
        format!("{}eople", &last[..1])
    } else if lower == "criterion" {
        format!("{}a", &last[..last.len() - 2])
    } else if let Some(stem) = last.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
        && !stem.is_empty()
    {
        format!("{stem}ies")
    } else if ["s", "x", "ch", "sh"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{plural_last}")
}

/// `noun` or its plural, as `count` needs: "row" for 1, "rows" for 0 or 2.
pub fn noun_for(count: usize, noun: &str) -> String {
    if count == 1 {
        noun.to_string()
    } else {
        plural(noun)
    }
}

/// The count and its noun: "1 row", "0 rows", "12 partnerships", "1 person", "2 people".
pub fn counted(count: usize, noun: &str) -> String {
    format!("{count} {}", noun_for(count, noun))
}

/// An amount already written out and its noun: "1 hour", "0.5 hours", "12 hours". Only an
/// amount of exactly one takes the singular.
pub fn with_noun(amount: &str, noun: &str) -> String {
    let one = amount.trim() == "1";
    format!(
        "{amount} {}",
        if one { noun.to_string() } else { plural(noun) }
    )
}

/// The count with "was" or "were": "1 assessment was", "3 assessments were".
pub fn counted_was(count: usize, noun: &str) -> String {
    let verb = if count == 1 { "was" } else { "were" };
    format!("{} {verb}", counted(count, noun))
}

/// The count with "is" or "are": "1 action is", "3 actions are".
pub fn counted_is(count: usize, noun: &str) -> String {
    let verb = if count == 1 { "is" } else { "are" };
    format!("{} {verb}", counted(count, noun))
}

/// A list in words: "a", "a and b", "a, b and c".
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "row"), "1 row");
        assert_eq!(counted(0, "row"), "0 rows");
        assert_eq!(counted(2, "row"), "2 rows");
        assert_eq!(counted(1, "partnership"), "1 partnership");
        assert_eq!(counted(84, "partnership"), "84 partnerships");
    }

    #[test]
    fn irregular_and_spelled_plurals() {
        assert_eq!(plural("person"), "people");
        assert_eq!(counted(1, "person"), "1 person");
        assert_eq!(counted(3, "person"), "3 people");
        assert_eq!(plural("strategy"), "strategies");
        assert_eq!(plural("corporate priority"), "corporate priorities");
        assert_eq!(plural("theme tag"), "theme tags");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(plural("match"), "matches");
        assert_eq!(plural("criterion"), "criteria");
        assert_eq!(plural("hour"), "hours");
        assert_eq!(plural("strategy document"), "strategy documents");
    }

    #[test]
    fn written_amounts_are_singular_only_when_one() {
        assert_eq!(with_noun("1", "hour"), "1 hour");
        assert_eq!(with_noun("0.5", "hour"), "0.5 hours");
        assert_eq!(with_noun("1.5", "hour"), "1.5 hours");
        assert_eq!(with_noun("10", "hour"), "10 hours");
        assert_eq!(with_noun("0", "hour"), "0 hours");
    }

    #[test]
    fn was_and_were_follow_the_count() {
        assert_eq!(counted_was(1, "assessment"), "1 assessment was");
        assert_eq!(counted_was(12, "assessment"), "12 assessments were");
        assert_eq!(counted_is(1, "action"), "1 action is");
        assert_eq!(counted_is(3, "action"), "3 actions are");
    }

    #[test]
    fn lists_read_as_english() {
        let words =
            |items: &[&str]| listed(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(words(&[]), "");
        assert_eq!(words(&["a"]), "a");
        assert_eq!(words(&["a", "b"]), "a and b");
        assert_eq!(words(&["a", "b", "c"]), "a, b and c");
    }
}
