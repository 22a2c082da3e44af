//! The braces of a text as the parser pairs them: `{ ｛ } ｝` outside
//! strings (`"…"` with its escapes, `“…”`, `「…」`) and comments (`// …`,
//! `/* … */`). One linear pass, shared by the S002 diagnosis of a file
//! whose braces do not balance and by the editor's completion, which needs
//! the blocks open at the cursor of a file that does not parse yet.

/// A brace outside strings and comments: its byte offset and whether it
/// opens a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Brace {
    pub at: usize,
    pub opens: bool,
}

/// Every brace of `text` outside strings and comments, in order.
pub(crate) fn braces(text: &str) -> impl Iterator<Item = Brace> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            match c {
                '"' | '“' | '「' => {
                    let close = match c {
                        '"' => '"',
                        '“' => '”',
                        _ => '」',
                    };
                    let mut escaped = false;
                    for (_, c2) in chars.by_ref() {
                        if c == '"' && c2 == '\\' && !escaped {
                            escaped = true;
                            continue;
                        }
                        if c2 == close && !escaped {
                            break;
                        }
                        escaped = false;
                    }
                }
                '/' if matches!(chars.peek(), Some((_, '/'))) => {
                    for (_, c2) in chars.by_ref() {
                        if c2 == '\n' || c2 == '\r' {
                            break;
                        }
                    }
                }
                '/' if matches!(chars.peek(), Some((_, '*'))) => {
                    chars.next();
                    let mut prev = ' ';
                    for (_, c2) in chars.by_ref() {
                        if prev == '*' && c2 == '/' {
                            break;
                        }
                        prev = c2;
                    }
                }
                '{' | '｛' => return Some(Brace { at: i, opens: true }),
                '}' | '｝' => {
                    return Some(Brace {
                        at: i,
                        opens: false,
                    })
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_hide_braces() {
        let text = "a { \"}\\\"}\" “}” 「}」 // }\n /* } */ ｝";
        let found: Vec<(usize, bool)> = braces(text).map(|b| (b.at, b.opens)).collect();
        assert_eq!(
            found,
            vec![(2, true), (text.len() - '｝'.len_utf8(), false)]
        );
    }

    #[test]
    fn a_line_comment_ends_at_any_line_break() {
        // A lone CR ends a line (and a comment) for the grammar too.
        for text in ["// x\r}", "// x\n}", "// x\r\n}"] {
            let found: Vec<usize> = braces(text).map(|b| b.at).collect();
            assert_eq!(found, vec![text.len() - 1], "{text:?}");
        }
    }
}
