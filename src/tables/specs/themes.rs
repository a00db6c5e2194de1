//! Community strategy themes and corporate priorities, with the partnerships tagged to each:
//! two lists of the same shape, so one generic table and one generic tag table serve both.

use crate::model::*;
use crate::tables::{Cell, Column, LinkTarget, TableSpec, TotalKind};

/// The words of one tag list's tables.
struct ListWords {
    /// The list table's id ("themes").
    table: &'static str,
    /// One entry ("theme").
    noun: &'static str,
    /// The name column's heading ("Theme").
    heading: &'static str,
    /// The name column's rule ("A theme's name").
    name_rule: &'static str,
    /// A new entry's name ("New theme").
    new_name: &'static str,
    /// The tag table's id ("theme_tags").
    tag_table: &'static str,
    /// One tag ("theme tag").
    tag_noun: &'static str,
    /// Why no new tag can be made ("Add a theme first (this partnership has every one)").
    none_left: &'static str,
}

/// A list partnerships are tagged with: what the generic tables need to know of it.
trait TagList: Entity + Default + 'static {
    /// The record saying a partnership is tagged with an entry.
    type Tag: Entity<Key = (PartnershipId, Self::Key)> + 'static;
    /// The tables' words.
    const WORDS: ListWords;
    /// What a tag's link column points at.
    const TARGET: LinkTarget;
    /// The key numbered `number`.
    fn key_of(number: i64) -> Self::Key;
    /// A key's number.
    fn number_of(key: Self::Key) -> i64;
    /// The next free key.
    fn next_key(register: &Register) -> Self::Key;
    /// Its name and description, to read and to change.
    fn texts(&mut self) -> (&mut String, &mut String);
    /// Its name and description.
    fn texts_ref(&self) -> (&str, &str);
    /// Gives it the key `key`.
    fn set_key(&mut self, key: Self::Key);
    /// The tag of `partnership` with `entry`.
    fn tag(partnership: PartnershipId, entry: Self::Key) -> Self::Tag;
    /// The tag's partnership and entry, to change.
    fn tag_parts(tag: &mut Self::Tag) -> (&mut PartnershipId, &mut Self::Key);
}

macro_rules! tag_lists {
    ($($list:ident, $id:ident, $tag:ident . $field:ident, $target:ident, $words:expr;)+) => {$(
        impl TagList for $list {
            type Tag = $tag;
            const WORDS: ListWords = $words;
            const TARGET: LinkTarget = LinkTarget::$target;
            fn key_of(number: i64) -> $id { $id(number) }
            fn number_of(key: $id) -> i64 { key.0 }
            fn next_key(register: &Register) -> $id { $id::next_in(Self::map(register)) }
            fn texts(&mut self) -> (&mut String, &mut String) {
                (&mut self.name, &mut self.description)
            }
            fn texts_ref(&self) -> (&str, &str) { (&self.name, &self.description) }
            fn set_key(&mut self, id: $id) { self.id = id; }
            fn tag(partnership: PartnershipId, entry: $id) -> $tag {
                $tag { partnership, $field: entry }
            }
            fn tag_parts(tag: &mut $tag) -> (&mut PartnershipId, &mut $id) {
                (&mut tag.partnership, &mut tag.$field)
            }
        }
    )+};
}

tag_lists!(
    Theme, ThemeId, ThemeTag.theme, Theme, ListWords {
        table: "themes",
        noun: "theme",
        heading: "Theme",
        name_rule: "A theme's name",
        new_name: "New theme",
        tag_table: "theme_tags",
        tag_noun: "theme tag",
        none_left: "Add a theme first (this partnership has every one)",
    };
    Priority, PriorityId, PriorityTag.priority, Priority, ListWords {
        table: "priorities",
        noun: "priority",
        heading: "Priority",
        name_rule: "A priority's name",
        new_name: "New priority",
        tag_table: "priority_tags",
        tag_noun: "priority tag",
        none_left: "Add a priority first (this partnership has every one)",
    };
);

/// The themes table, with how many partnerships serve each.
pub fn themes() -> TableSpec<Theme> {
    tag_list()
}

/// The corporate priorities table, with how many partnerships support each.
pub fn priorities() -> TableSpec<Priority> {
    tag_list()
}

/// Which partnership serves which theme.
pub fn theme_tags() -> TableSpec<ThemeTag> {
    tags::<Theme>()
}

/// Which partnership supports which corporate priority.
pub fn priority_tags() -> TableSpec<PriorityTag> {
    tags::<Priority>()
}

/// A tag list's table, with how many partnerships are tagged with each entry.
fn tag_list<L: TagList>() -> TableSpec<L> {
    TableSpec {
        id: L::WORDS.table,
        noun: L::WORDS.noun,
        columns: vec![
            Column::name(
                "name",
                L::WORDS.heading,
                L::WORDS.name_rule,
                |r: &L| r.texts_ref().0,
                |r, v| *r.texts().0 = v,
            ),
            Column::text(
                "description",
                "Description",
                |r: &L| r.texts_ref().1,
                |r, v| *r.texts().1 = v,
            ),
            Column::derived(
                "tagged",
                "Partnerships",
                TotalKind::None,
                |lookup, r: &L| {
                    let key = r.key();
                    let count = L::Tag::map(lookup.register)
                        .keys()
                        .filter(|(_, entry)| *entry == key)
                        .count();
                    Cell::number(count.to_string(), count as i64)
                },
            ),
        ],
        name_column: Some(0),
        numeric_id: Some((
            |r: &L| L::number_of(r.key()),
            |r: &mut L, id| r.set_key(L::key_of(id)),
        )),
        new_record: |register, _| {
            let mut record = L::default();
            record.set_key(L::next_key(register));
            *record.texts().0 = L::WORDS.new_name.to_string();
            Ok(record)
        },
        partnership_of: None,
        flagged: None,
        status_column: None,
        year_of: None,
    }
}

/// Which partnership is tagged with which entry of the list `L`.
fn tags<L: TagList>() -> TableSpec<L::Tag> {
    TableSpec {
        id: L::WORDS.tag_table,
        noun: L::WORDS.tag_noun,
        columns: vec![
            Column::link(
                L::WORDS.noun,
                L::WORDS.heading,
                L::TARGET,
                |r: &L::Tag| Some(L::number_of(r.key().1)),
                |r, v| *L::tag_parts(r).1 = L::key_of(v.unwrap_or_default()),
            ),
            Column::link(
                "partnership",
                "Partnership",
                LinkTarget::Partnership,
                |r: &L::Tag| Some(r.key().0.0),
                |r, v| *L::tag_parts(r).0 = PartnershipId(v.unwrap_or_default()),
            ),
        ],
        name_column: None,
        numeric_id: None,
        new_record: |register, current| {
            let partnership = super::partnership_for_new_row(register, current)?;
            let tags = L::Tag::map(register);
            let entry = L::map(register)
                .keys()
                .copied()
                .find(|entry| !tags.contains_key(&(partnership, *entry)))
                .ok_or_else(|| InvalidValue(L::WORDS.none_left.to_string()))?;
            Ok(L::tag(partnership, entry))
        },
        partnership_of: Some(|r| Some(r.key().0)),
        flagged: None,
        status_column: None,
        year_of: None,
    }
}
