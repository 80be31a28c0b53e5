//! A one-line text box: the typed text, a cursor, and the editing keys people expect. The cursor
//! moves over user-perceived characters (grapheme clusters), so one backspace removes an `é`
//! written with a combining accent, or a whole family emoji joined with ZWJ.

use unicode_segmentation::UnicodeSegmentation;

use super::keys::Edit;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Cursor position in grapheme clusters (not bytes, not chars).
    cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> Self {
        let mut input = Self::default();
        input.insert(value);
        input
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cursor, in grapheme clusters from the start.
    #[cfg(test)]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor (what the cursor's column is measured on).
    pub fn before_cursor(&self) -> &str {
        &self.value[..self.byte_at(self.cursor)]
    }

    pub fn set(&mut self, value: &str) {
        *self = Self::new(value);
    }

    fn len(&self) -> usize {
        self.value.graphemes(true).count()
    }

    fn byte_at(&self, grapheme: usize) -> usize {
        self.value.grapheme_indices(true).nth(grapheme).map_or(self.value.len(), |(i, _)| i)
    }

    /// Insert pasted or typed text at the cursor; line breaks and other control characters
    /// become nothing (a one-line box).
    pub fn insert(&mut self, text: &str) {
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        let at = self.byte_at(self.cursor);
        let before = self.value[..at].graphemes(true).count();
        self.value.insert_str(at, &clean);
        // A combining mark joins the character before it: count again rather than add.
        let end = at + clean.len();
        self.cursor = before.max(self.value[..end].graphemes(true).count());
    }

    pub fn apply(&mut self, edit: Edit) {
        let len = self.len();
        match edit {
            Edit::Clear => self.set(""),
            Edit::DeleteWord => self.delete_word(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = len,
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(len),
            Edit::Backspace if self.cursor > 0 => {
                let (from, to) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.value.replace_range(from..to, "");
                self.cursor -= 1;
            }
            Edit::Delete if self.cursor < len => {
                let (from, to) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.value.replace_range(from..to, "");
            }
            Edit::Backspace | Edit::Delete => {}
        }
    }

    fn delete_word(&mut self) {
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        let blank = |g: &str| g.chars().all(char::is_whitespace);
        let mut start = self.cursor;
        while start > 0 && blank(graphemes[start - 1]) {
            start -= 1;
        }
        while start > 0 && !blank(graphemes[start - 1]) {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.value.replace_range(from..to, "");
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut t = TextInput::default();
        for c in text.chars() {
            t.insert(c.encode_utf8(&mut [0; 4]));
        }
        t
    }

    #[test]
    fn typing_and_editing_with_wide_characters() {
        let mut t = typed("例え.jp");
        t.apply(Edit::Home);
        t.apply(Edit::Delete);
        assert_eq!(t.value(), "え.jp");
        t.apply(Edit::End);
        t.apply(Edit::Backspace);
        assert_eq!((t.value(), t.cursor()), ("え.j", 3));
    }

    #[test]
    fn one_backspace_removes_one_perceived_character() {
        // `e` + combining acute, typed as two keys; and a ZWJ family.
        let mut t = typed("cafe\u{301}");
        assert_eq!(t.cursor(), 4, "the accent joined the e");
        t.apply(Edit::Backspace);
        assert_eq!(t.value(), "caf");
        let mut t = typed("a👩\u{200d}👩\u{200d}👧b");
        t.apply(Edit::Left);
        t.apply(Edit::Backspace);
        assert_eq!(t.value(), "ab");
        t.apply(Edit::Right);
        assert_eq!(t.before_cursor(), "ab");
    }

    #[test]
    fn paste_drops_line_breaks_and_ctrl_keys_edit() {
        let mut t = TextInput::default();
        t.insert("abc def\r\n");
        assert_eq!(t.value(), "abc def");
        t.apply(Edit::DeleteWord);
        assert_eq!(t.value(), "abc ");
        t.apply(Edit::Clear);
        assert_eq!(t.value(), "");
    }
}
