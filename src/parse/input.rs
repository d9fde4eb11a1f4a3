//! Raw page bytes to clean text: size limit, binary and UTF-8 checks, then one pass
//! that drops controls, normalizes line ends and turns Unicode spaces into ASCII ones.

use std::fmt;

use crate::text::sanitize;
use crate::text::spaces::normalize_spaces;

/// The largest page accepted unless the caller says otherwise (64 MiB).
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a page cannot be parsed. Each message reads after "FILE: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLarge {
        size: u64,
        limit: u64,
    },
    Binary {
        offset: usize,
    },
    InvalidUtf8 {
        line: usize,
        column: usize,
        offset: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "empty page: nothing but white space"),
            InputError::TooLarge { size, limit } => write!(
                f,
                "page too large: {size} bytes, the limit is {limit} bytes (raise it with --max-page-bytes)"
            ),
            InputError::Binary { offset } => {
                write!(f, "binary data, not a text page (NUL byte at offset {offset})")
            }
            InputError::InvalidUtf8 {
                line,
                column,
                offset,
            } => write!(
                f,
                "invalid UTF-8 at line {line}, column {column} (byte offset {offset})"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Checks and decodes page bytes into normalized text (see the module doc).
pub fn decode(bytes: &[u8], limit: u64) -> Result<String, InputError> {
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        InputError::InvalidUtf8 {
            line,
            column,
            offset,
        }
    })?;
    let cleaned = sanitize::clean(text, true);
    let normalized = normalize_spaces(&cleaned);
    if normalized.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_nbsp_are_normalized() {
        let text = decode(
            "\u{feff}Title\r\nJan\u{a0}6\u{202f}2026\r\n".as_bytes(),
            1000,
        )
        .unwrap();
        assert_eq!(text, "Title\nJan 6 2026\n");
    }

    #[test]
    fn empty_and_blank_pages_are_refused() {
        assert_eq!(decode(b"", 10), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t\r\n", 10), Err(InputError::Empty));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode(b"ok line\nab\xffcd", 100).unwrap_err();
        assert_eq!(
            err,
            InputError::InvalidUtf8 {
                line: 2,
                column: 3,
                offset: 10
            }
        );
        assert!(err.to_string().contains("line 2, column 3"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", 100),
            Err(InputError::Binary { offset: 4 })
        );
    }

    #[test]
    fn size_limit_is_enforced() {
        assert!(matches!(
            decode(&[b'a'; 11], 10),
            Err(InputError::TooLarge {
                size: 11,
                limit: 10
            })
        ));
    }
}
