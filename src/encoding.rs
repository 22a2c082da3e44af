//! Reading a file's bytes as text. jixiao reads UTF-8 (with or without a
//! byte-order mark). Files in the other encodings that budget documents
//! really come in — UTF-16 (what Windows calls "Unicode"), GBK and GB18030
//! (what Chinese Windows saves by default) — are recognised and refused
//! with the command that converts them, rather than read as garbage.

use crate::i18n::Message;
use crate::msg;

/// An encoding other than UTF-8 that a file was recognised to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
    /// Only the one- and two-byte sequences of GB18030: GBK (or GB2312).
    Gbk,
    /// GB18030 with four-byte sequences.
    Gb18030,
}

impl Encoding {
    /// The name `iconv -f` takes.
    pub fn iconv_name(self) -> &'static str {
        match self {
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
            Encoding::Gbk => "GBK",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// How to say it in a message.
    pub fn describe(self) -> Message {
        Message::new(match self {
            Encoding::Utf16Le => "encoding-utf16le",
            Encoding::Utf16Be => "encoding-utf16be",
            Encoding::Utf32Le => "encoding-utf32le",
            Encoding::Utf32Be => "encoding-utf32be",
            Encoding::Gbk => "encoding-gbk",
            Encoding::Gb18030 => "encoding-gb18030",
        })
    }
}

/// Why bytes are not read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    /// The encoding recognised, if any.
    pub encoding: Option<Encoding>,
    /// Whether it was recognised by its byte-order mark.
    pub bom: bool,
    /// The offset of the first byte that is not UTF-8 (0 for a BOM).
    pub offset: usize,
}

impl NotUtf8 {
    /// The diagnostic's message for the file `name`.
    pub fn message(&self, name: &str) -> Message {
        match self.encoding {
            Some(e) => msg!("s008-in-encoding", name = name, encoding = e.describe()),
            None => msg!("s008-not-utf8", name = name),
        }
    }

    /// Where the problem was seen.
    pub fn label(&self) -> Message {
        match (self.encoding, self.bom) {
            (Some(_), true) => msg!("s008-by-bom"),
            (Some(e @ (Encoding::Gbk | Encoding::Gb18030)), false) => msg!(
                "s008-every-byte-reads-as",
                offset = self.offset,
                encoding = e.iconv_name()
            ),
            (Some(_), false) => msg!("s008-by-zero-bytes"),
            (None, _) => msg!("s008-invalid-byte", offset = self.offset),
        }
    }

    /// How to convert the file `name`.
    pub fn help(&self, name: &str) -> Message {
        let from = self.encoding.map_or("GB18030", Encoding::iconv_name);
        let file = shell_quote(name);
        match self.encoding {
            Some(_) => msg!("s008-convert", from = from, file = file),
            None => msg!("s008-save-as-utf8", from = from, file = file),
        }
    }
}

/// `name` as one shell word.
fn shell_quote(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./+,:@%".contains(c))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// The text of `bytes`, if they are UTF-8 (a BOM is kept: the source map
/// removes it).
pub fn decode(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if let Some(e) = by_bom(&bytes) {
        return Err(NotUtf8 {
            encoding: Some(e),
            bom: true,
            offset: 0,
        });
    }
    if let Some(e) = utf16_without_bom(&bytes) {
        return Err(NotUtf8 {
            encoding: Some(e),
            bom: false,
            offset: 0,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let encoding = gb18030(e.as_bytes());
            Err(NotUtf8 {
                encoding,
                bom: false,
                offset,
            })
        }
    }
}

fn by_bom(b: &[u8]) -> Option<Encoding> {
    // UTF-32 first: its little-endian mark starts like UTF-16's.
    if b.starts_with(&[0xFF, 0xFE, 0, 0]) {
        Some(Encoding::Utf32Le)
    } else if b.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some(Encoding::Utf32Be)
    } else if b.starts_with(&[0xFF, 0xFE]) {
        Some(Encoding::Utf16Le)
    } else if b.starts_with(&[0xFE, 0xFF]) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// UTF-16 without a byte-order mark: a `.jx` file is mostly ASCII
/// (keywords, figures, spaces, line breaks), which UTF-16 writes with a zero
/// byte beside each character. UTF-8 text has no zero bytes at all.
fn utf16_without_bom(b: &[u8]) -> Option<Encoding> {
    let sample = &b[..b.len().min(1 << 16) & !1];
    if sample.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    // ASCII has its zero byte second in little-endian order, first in
    // big-endian; a quarter of the characters being ASCII is plenty.
    let (zeros, other, order) = if odd >= even {
        (odd, even, Encoding::Utf16Le)
    } else {
        (even, odd, Encoding::Utf16Be)
    };
    if zeros * 4 < pairs || other * 2 > zeros {
        return None;
    }
    let units = sample.chunks_exact(2).map(|p| match order {
        Encoding::Utf16Le => u16::from_le_bytes([p[0], p[1]]),
        _ => u16::from_be_bytes([p[0], p[1]]),
    });
    // A sample may end inside a surrogate pair: only what precedes the
    // last unit must decode.
    let decoded: Vec<_> = char::decode_utf16(units).collect();
    let errors = decoded[..decoded.len().saturating_sub(1)]
        .iter()
        .filter(|c| c.is_err())
        .count();
    (errors == 0).then_some(order)
}

/// Whether bytes that are not UTF-8 are GBK or GB18030 throughout: one byte
/// below 0x80; two bytes, a lead 0x81–0xFE and a trail 0x40–0xFE other than
/// 0x7F; or four bytes, 0x81–0xFE 0x30–0x39 0x81–0xFE 0x30–0x39.
fn gb18030(b: &[u8]) -> Option<Encoding> {
    let mut i = 0;
    let mut four = false;
    let mut multi = 0usize;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&c) {
            return None;
        }
        match b.get(i + 1) {
            Some(0x40..=0x7E | 0x80..=0xFE) => i += 2,
            Some(0x30..=0x39)
                if matches!(b.get(i + 2), Some(0x81..=0xFE))
                    && matches!(b.get(i + 3), Some(0x30..=0x39)) =>
            {
                four = true;
                i += 4;
            }
            _ => return None,
        }
        multi += 1;
    }
    match (multi, four) {
        (0, _) => None,
        (_, true) => Some(Encoding::Gb18030),
        (_, false) => Some(Encoding::Gbk),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    const DOC: &str = "year 2023\nunit \"云田镇\" {\n  budget 10\n}\n";

    #[test]
    fn utf8_passes() {
        assert_eq!(decode(DOC.as_bytes().to_vec()).as_deref(), Ok(DOC));
        let with_bom = format!("\u{feff}{DOC}");
        assert!(decode(with_bom.into_bytes()).is_ok());
        assert!(decode(Vec::new()).is_ok());
    }

    #[test]
    fn utf16_either_order_with_or_without_bom() {
        for (le, want) in [(true, Encoding::Utf16Le), (false, Encoding::Utf16Be)] {
            for bom in [true, false] {
                let e = decode(utf16(DOC, le, bom)).unwrap_err();
                assert_eq!(e.encoding, Some(want), "le={le} bom={bom}");
                assert_eq!(e.bom, bom);
            }
        }
        // Han text only, no ASCII at all: recognised by its mark alone.
        let e = decode(utf16("单位预算", true, true)).unwrap_err();
        assert_eq!(e.encoding, Some(Encoding::Utf16Le));
    }

    #[test]
    fn gbk_and_gb18030() {
        // 云田镇 in GBK: D4 C6 CC EF D5 F2.
        let mut gbk = b"unit \"".to_vec();
        gbk.extend([0xD4, 0xC6, 0xCC, 0xEF, 0xD5, 0xF2]);
        gbk.extend(b"\" {\n}\n");
        let e = decode(gbk.clone()).unwrap_err();
        assert_eq!(e.encoding, Some(Encoding::Gbk));
        let help = |name| e.help(name).render(crate::i18n::Lang::En);
        assert!(help("a.jx").contains("iconv -f GBK -t UTF-8 a.jx"));
        assert!(help("it's.jx").contains(r"'it'\''s.jx'"));
        // A four-byte sequence (U+00A5 ¥ is 81 30 84 36).
        gbk.extend([0x81, 0x30, 0x84, 0x36]);
        assert_eq!(decode(gbk).unwrap_err().encoding, Some(Encoding::Gb18030));
    }

    #[test]
    fn other_bytes_are_not_named() {
        let e = decode(vec![b'a', 0xFF, b'b']).unwrap_err();
        assert_eq!(e.encoding, None);
        assert_eq!(e.offset, 1);
        // UTF-8 with one stray zero byte is text, not UTF-16.
        assert!(decode(format!("{DOC}\0").into_bytes()).is_ok());
    }
}
