//! Partial dates as pages write them (`2017`, `Oct 2025`, `March 14, 2025`,
//! `Jan 6 2026 (morning)`, `2025-03-14`, `14 mars 2025`), and `DATE – TEXT` lines.

use super::labels::Labels;
use crate::model::PartialDate;

/// Words that may qualify a date without making it something else.
const QUALIFIERS: &[&str] = &[
    "early",
    "mid",
    "late",
    "around",
    "circa",
    "c.",
    "by",
    "until",
    "before",
    "after",
    "since",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "of",
    "the",
    "end",
    "start",
    "beginning",
];

/// Separators between a timeline date and its text, most specific first.
const SEPARATORS: &[&str] = &[" – ", " — ", " ― ", " - ", " − ", " ‒ "];

/// Parses a date label; `None` when the text is not a date.
pub fn parse(label: &str, labels: &Labels) -> Option<PartialDate> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 48 {
        return None;
    }
    let (body, part) = match label.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((b, p)) if !p.trim().is_empty() => (b.trim(), Some(p.trim().to_string())),
        _ => (label, None),
    };
    let (mut year, mut month, mut day) = (None, None, None);
    if let Some(iso) = iso_date(body) {
        (year, month, day) = iso;
    } else {
        for raw in body.split(|c: char| c.is_whitespace() || c == ',' || c == '/') {
            let tok = raw.trim_matches(|c: char| c == '.' || c == ',');
            if tok.is_empty() {
                continue;
            }
            let digits = tok.trim_end_matches(|c: char| c.is_alphabetic());
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                let suffix = &tok[digits.len()..];
                let n: u32 = digits.parse().ok()?;
                if digits.len() == 4
                    && suffix.is_empty()
                    && year.is_none()
                    && (1000..3000).contains(&n)
                {
                    year = Some(n as i32);
                } else if digits.len() <= 2
                    && (1..=31).contains(&n)
                    && day.is_none()
                    && ordinal(suffix)
                {
                    day = Some(n);
                } else {
                    return None;
                }
            } else if let Some(m) = labels.month(tok) {
                if month.is_some() {
                    return None;
                }
                month = Some(m);
            } else if !QUALIFIERS.contains(&tok.to_lowercase().as_str()) {
                return None;
            }
        }
    }
    if year.is_none() && month.is_none() {
        return None;
    }
    if day.is_some() && month.is_none() {
        return None;
    }
    Some(PartialDate {
        label: label.to_string(),
        year,
        month,
        day,
        part,
        time: None,
    })
}

fn ordinal(suffix: &str) -> bool {
    matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "e")
}

/// `2025-03-14` or `2025-03`.
fn iso_date(s: &str) -> Option<(Option<i32>, Option<u32>, Option<u32>)> {
    let parts: Vec<&str> = s.split('-').collect();
    if !(2..=3).contains(&parts.len()) || parts[0].len() != 4 {
        return None;
    }
    let nums: Option<Vec<u32>> = parts
        .iter()
        .map(|p| (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?)
        .collect();
    let nums = nums?;
    let month = *nums.get(1)?;
    let day = nums.get(2).copied();
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    Some((Some(nums[0] as i32), Some(month), day))
}

/// Splits `DATE – TEXT` into its date and text; `None` when the line is not dated.
pub fn dated_line(line: &str, labels: &Labels) -> Option<(PartialDate, String)> {
    let head_limit = line.len().min(64);
    for sep in SEPARATORS {
        if let Some(i) = line[..floor_char(line, head_limit)].find(sep) {
            if let Some(d) = parse(&line[..i], labels) {
                return Some((d, line[i + sep.len()..].trim().to_string()));
            }
        }
    }
    // `Jan 5 2026: text`
    let i = line[..floor_char(line, head_limit)].find(": ")?;
    let d = parse(&line[..i], labels)?;
    Some((d, line[i + 2..].trim().to_string()))
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::labels::labels;

    type Ymd = (Option<i32>, Option<u32>, Option<u32>, Option<String>);

    fn ymd(label: &str) -> Option<Ymd> {
        parse(label, labels()).map(|d| (d.year, d.month, d.day, d.part))
    }

    #[test]
    fn seed_and_variant_formats() {
        assert_eq!(ymd("2017"), Some((Some(2017), None, None, None)));
        assert_eq!(ymd("Oct 2025"), Some((Some(2025), Some(10), None, None)));
        assert_eq!(ymd("Mar 2025"), Some((Some(2025), Some(3), None, None)));
        assert_eq!(
            ymd("March 14, 2025"),
            Some((Some(2025), Some(3), Some(14), None))
        );
        assert_eq!(
            ymd("Sep 29, 2025"),
            Some((Some(2025), Some(9), Some(29), None))
        );
        assert_eq!(
            ymd("Jan 5 2026"),
            Some((Some(2026), Some(1), Some(5), None))
        );
        assert_eq!(
            ymd("Oct 6 2025 (evening)"),
            Some((Some(2025), Some(10), Some(6), Some("evening".into())))
        );
        assert_eq!(
            ymd("Jan 6 2026 (same meeting)"),
            Some((Some(2026), Some(1), Some(6), Some("same meeting".into())))
        );
        assert_eq!(
            ymd("2025-03-14"),
            Some((Some(2025), Some(3), Some(14), None))
        );
        assert_eq!(
            ymd("14 mars 2025"),
            Some((Some(2025), Some(3), Some(14), None))
        );
        assert_eq!(
            ymd("Sept. 3rd, 2024"),
            Some((Some(2024), Some(9), Some(3), None))
        );
        assert_eq!(ymd("Early 2024"), Some((Some(2024), None, None, None)));
        assert_eq!(ymd("Jan 6"), Some((None, Some(1), Some(6), None)));
    }

    #[test]
    fn non_dates_are_refused() {
        for s in [
            "BEIJING",
            "Lee",
            "14",
            "Jan Feb 2020",
            "2020 2021",
            "400 members",
            "",
        ] {
            assert_eq!(ymd(s), None, "{s}");
        }
    }

    #[test]
    fn dated_lines_with_each_separator() {
        let l = labels();
        let (d, t) = dated_line("Jan 6 2026 (morning) – Lee meets Zhao.", l).unwrap();
        assert_eq!(
            (d.label.as_str(), t.as_str()),
            ("Jan 6 2026 (morning)", "Lee meets Zhao.")
        );
        assert_eq!(
            dated_line("2019 — Talks begin.", l).unwrap().0.year,
            Some(2019)
        );
        assert_eq!(
            dated_line("Mar 2025 - Talks stall.", l).unwrap().0.month,
            Some(3)
        );
        assert_eq!(
            dated_line("Jan 5 2026: Summit held.", l).unwrap().0.day,
            Some(5)
        );
        assert!(dated_line("BEIJING – South Korean President Lee said", l).is_none());
    }
}
