//! The plain-text format of the sample's data files (`assets/sample/`).
//!
//! A file is a list of blocks. A block starts with a header line `[kind] title` and holds the
//! lines up to the next header. A line that starts with a space or tab continues the line
//! before it (joined with one space), so long text can be wrapped. Blank lines and lines that
//! start with `#` are ignored. What the lines of a block mean (`key: value` fields or
//! `a | b | c` rows) is up to the block's kind; see the module documentation of `sample`.

/// Where a piece of data came from, for messages: "partnerships/lsp.txt line 12".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    /// File name, relative to `assets/sample/`.
    pub file: &'static str,
    /// Line number, from 1.
    pub line: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}", self.file, self.line)
    }
}

/// One line of a block, with its continuations joined on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// Where the line starts.
    pub place: Place,
    /// The text, trimmed.
    pub text: String,
}

impl Line {
    /// `key: value`, with the key in lower case; `None` when there is no colon.
    pub fn field(&self) -> Option<(String, &str)> {
        let (key, value) = self.text.split_once(':')?;
        Some((key.trim().to_lowercase(), value.trim()))
    }

    /// The line split at `|`, each cell trimmed.
    pub fn cells(&self) -> Vec<&str> {
        self.text.split('|').map(str::trim).collect()
    }
}

/// A block: `[kind] title` and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Block {
    /// The word in brackets, lower case ("partnership").
    pub kind: String,
    /// The rest of the header line, trimmed (may be empty).
    pub title: String,
    /// Where the header is.
    pub place: Place,
    /// The block's lines.
    pub lines: Vec<Line>,
}

/// Splits a data file into blocks. Text outside any block, and a header without a closing
/// bracket, are reported as problems (and skipped).
pub(super) fn parse_blocks(file: &'static str, text: &str) -> (Vec<Block>, Vec<String>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut problems = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let place = Place {
            file,
            line: index + 1,
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('[') {
            match header.split_once(']') {
                Some((kind, title)) => blocks.push(Block {
                    kind: kind.trim().to_lowercase(),
                    title: title.trim().to_string(),
                    place,
                    lines: Vec::new(),
                }),
                None => problems.push(format!("{place}: a block header needs a closing ]")),
            }
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            problems.push(format!("{place}: text before the first [block]"));
            continue;
        };
        let continues = raw.starts_with([' ', '\t']);
        match block.lines.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(trimmed);
            }
            _ => block.lines.push(Line {
                place,
                text: trimmed.to_string(),
            }),
        }
    }
    (blocks, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lines_and_continuations() {
        let text = "# comment\n[theme] Housing\ndescription: Homes\n  and more homes\n\n[organisations]\nA | b |  c\n";
        let (blocks, problems) = parse_blocks("t.txt", text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, "theme");
        assert_eq!(blocks[0].title, "Housing");
        assert_eq!(blocks[0].lines.len(), 1);
        let (key, value) = blocks[0].lines[0].field().expect("field");
        assert_eq!(
            (key.as_str(), value),
            ("description", "Homes and more homes")
        );
        assert_eq!(blocks[1].title, "");
        assert_eq!(blocks[1].lines[0].cells(), vec!["A", "b", "c"]);
        assert_eq!(blocks[1].lines[0].place.line, 7);
    }

    #[test]
    fn stray_text_is_reported() {
        let (blocks, problems) = parse_blocks("t.txt", "loose line\n[bad\n");
        assert!(blocks.is_empty());
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("t.txt line 1"));
    }
}
