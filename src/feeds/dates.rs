//! Feed dates as feeds really write them: RFC 822 and its common slips (no comma,
//! no seconds, a 12-hour clock, two-digit years, named or military zones, the day
//! and month swapped in order) and ISO 8601/W3C dates (with or without time, zone,
//! fractions, or dashes), to a point in time and whether a time of day was given.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

/// A feed date: the moment, and whether the feed gave a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub has_time: bool,
}

/// Reads a date; `None` when it is not one.
pub fn parse(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso(s).or_else(|| rfc822(s))
}

/// `2004-02-28T18:14:55-08:00`, `2004-02-28`, `2004-02`, `20040228T181455Z`,
/// `2004-02-28 18:14`.
fn iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (date_part, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    let digits: String = date_part.chars().filter(char::is_ascii_digit).collect();
    if date_part.chars().any(|c| !c.is_ascii_digit() && c != '-') {
        return None;
    }
    let year: i32 = digits.get(..4)?.parse().ok()?;
    let month: u32 = digits.get(4..6).map_or(Some(1), |m| m.parse().ok())?;
    let day: u32 = digits.get(6..8).map_or(Some(1), |d| d.parse().ok())?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let Some(rest) = rest.filter(|r| !r.is_empty()) else {
        return stamp(date, None, 0);
    };
    // Time, then a zone: `Z`, `+hh:mm`, `-hhmm`, `+hh`, or a name after a space.
    let zone_at = rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, 'Z' | 'z' | '+' | '-' | ' '))
        .map_or(rest.len(), |(i, _)| i);
    let (clock, zone) = rest.split_at(zone_at);
    let time = clock_time(clock.trim(), None)?;
    let offset = if zone.trim().is_empty() {
        0
    } else {
        zone_offset(zone.trim())?
    };
    stamp(date, Some(time), offset)
}

/// `Sun, 19 May 2002 15:21:36 GMT` and its relatives, read word by word: a month
/// name, a day, a year, a clock with an optional am/pm, a zone.
fn rfc822(s: &str) -> Option<Stamp> {
    let mut month = None;
    let mut numbers: Vec<&str> = Vec::new();
    let mut clock: Option<&str> = None;
    let mut meridiem = None;
    let mut offset = 0;
    let words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    for w in words {
        let lower = w.trim_end_matches('.').to_ascii_lowercase();
        if w.contains(':') && clock.is_none() {
            // A clock may carry its zone glued on (`15:21:36+0200`).
            let glued = w
                .char_indices()
                .skip(1)
                .find(|&(_, c)| matches!(c, '+' | '-'));
            match glued.map(|(i, _)| i) {
                Some(z) => {
                    clock = Some(&w[..z]);
                    offset = zone_offset(&w[z..])?;
                }
                None => clock = Some(w),
            }
        } else if let Some(m) = month_number(&lower) {
            month.get_or_insert(m);
        } else if lower == "am" || lower == "pm" {
            meridiem = Some(lower == "pm");
        } else if w.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(w);
        } else if let Some((day, m)) = dashed_day_month(w) {
            // `02-Jan-2004`
            numbers.push(day);
            month.get_or_insert(m.0);
            if let Some(y) = m.1 {
                numbers.push(y);
            }
        } else if weekday(&lower) {
        } else if let Some(o) = zone_offset(w) {
            offset = o;
        } else if clock.is_some() || !numbers.is_empty() {
            // Trailing words (`(Pacific Standard Time)`) are ignored once the date is read.
            if month.is_some() && numbers.len() >= 2 {
                break;
            }
            return None;
        } else {
            return None;
        }
    }
    let month = month?;
    let (mut day, mut year) = (None, None);
    for n in numbers {
        let v: i32 = n.parse().ok()?;
        if n.len() == 4 || (day.is_some() && year.is_none()) || v > 31 {
            year.get_or_insert(v);
        } else {
            day.get_or_insert(v as u32);
        }
    }
    let year = year?;
    let year = match year {
        0..=49 => 2000 + year,
        50..=99 => 1900 + year,
        y => y,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day?)?;
    let time = match clock {
        Some(c) => Some(clock_time(c, meridiem)?),
        None => None,
    };
    stamp(date, time, offset)
}

fn stamp(date: NaiveDate, time: Option<NaiveTime>, offset_secs: i32) -> Option<Stamp> {
    let local = date.and_time(time.unwrap_or_default());
    let at = Utc.from_utc_datetime(&local) - Duration::seconds(offset_secs as i64);
    Some(Stamp {
        at,
        has_time: time.is_some(),
    })
}

/// `15:21:36`, `15:21`, `3:21:36.123`, with `pm` added when given.
fn clock_time(s: &str, pm: Option<bool>) -> Option<NaiveTime> {
    // ISO's basic format writes `181455` for `18:14:55`.
    let spaced;
    let s = if !s.contains(':') && matches!(s.len(), 4 | 6) && s.bytes().all(|b| b.is_ascii_digit())
    {
        spaced = s
            .as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).unwrap_or("0"))
            .collect::<Vec<_>>()
            .join(":");
        spaced.as_str()
    } else {
        s
    };
    let mut parts = s.split(':');
    let mut h: u32 = parts.next()?.trim().parse().ok()?;
    let m: u32 = parts.next().map_or(Some(0), |m| m.trim().parse().ok())?;
    let sec: u32 = match parts.next() {
        Some(sec) => sec.split(['.', ',']).next()?.trim().parse().ok()?,
        None => 0,
    };
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    // `24:00` and leap seconds read as the end of the minute before.
    NaiveTime::from_hms_opt(h.min(23), m, sec.min(59))
}

/// The offset of a zone in seconds east of UTC: `Z`, `GMT`, `EST`, `+0200`,
/// `-05:00`, `+02`, a military letter.
fn zone_offset(z: &str) -> Option<i32> {
    let z = z.trim().trim_matches(['(', ')']);
    if let Some(sign) = z.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
        if digits.len() != z[1..].chars().filter(|c| *c != ':').count() {
            return None;
        }
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            3 | 4 => {
                let (h, m) = digits.split_at(digits.len() - 2);
                (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
            }
            _ => return None,
        };
        let secs = h * 3600 + m * 60;
        return Some(if sign == '-' { -secs } else { secs });
    }
    let hours = match z.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" | "WET" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "AKST" => -9,
        "AKDT" => -8,
        "HST" => -10,
        "BST" | "CET" | "WEST" => 1,
        "CEST" | "EET" => 2,
        "EEST" | "MSK" => 3,
        "IST" => return Some(5 * 3600 + 1800),
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "NZST" => 12,
        "NZDT" => 13,
        // Military zones: A-I and K-M east, N-Y west.
        m if m.len() == 1 => {
            let c = m.as_bytes()[0];
            match c {
                b'A'..=b'I' => (c - b'A' + 1) as i32,
                b'K'..=b'M' => (c - b'K' + 10) as i32,
                b'N'..=b'Y' => -((c - b'N' + 1) as i32),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(hours * 3600)
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    // `sept`, `june`, full names; not `mayor`.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (w.len() == 3 || FULL[i].starts_with(w)).then_some(i as u32 + 1)
}

fn weekday(w: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    w.len() >= 3 && DAYS.iter().any(|d| d.starts_with(w))
}

/// `02-Jan-2004` or `02-Jan`: the day, and the month with the year if there.
fn dashed_day_month(w: &str) -> Option<(&str, (u32, Option<&str>))> {
    let mut parts = w.split('-');
    let day = parts.next()?;
    let month = month_number(&parts.next()?.to_ascii_lowercase())?;
    let year = parts.next();
    (day.bytes().all(|b| b.is_ascii_digit()) && !day.is_empty()).then_some((day, (month, year)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> String {
        let st = parse(s).unwrap_or_else(|| panic!("{s:?} did not parse"));
        format!(
            "{}{}",
            st.at.format("%Y-%m-%d %H:%M:%S"),
            if st.has_time { "" } else { " (date)" }
        )
    }

    #[test]
    fn rfc822_and_its_common_slips() {
        assert_eq!(at("Sun, 19 May 2002 15:21:36 GMT"), "2002-05-19 15:21:36");
        assert_eq!(at("Sun 19 May 2002 15:21:36 GMT"), "2002-05-19 15:21:36");
        assert_eq!(at("19 May 2002 15:21 +0200"), "2002-05-19 13:21:00");
        assert_eq!(at("Sun, 19 May 02 15:21:36 EST"), "2002-05-19 20:21:36");
        assert_eq!(at("Mon, 5 Dec 2025 9:30 PM PST"), "2025-12-06 05:30:00");
        assert_eq!(at("May 19, 2002 3:21:36 pm"), "2002-05-19 15:21:36");
        assert_eq!(
            at("Thu, 01 January 2004 19:48:21 -05:00"),
            "2004-01-02 00:48:21"
        );
        assert_eq!(
            at("Wednesday, 02-Jan-2004 10:00:00 Z"),
            "2004-01-02 10:00:00"
        );
        assert_eq!(at("19 May 2002"), "2002-05-19 00:00:00 (date)");
        assert_eq!(
            at("Fri, 05 Dec 2025 09:30:00 +0000 (UTC)"),
            "2025-12-05 09:30:00"
        );
    }

    #[test]
    fn iso_and_w3c_dates() {
        assert_eq!(at("2004-02-28T18:14:55-08:00"), "2004-02-29 02:14:55");
        assert_eq!(at("2004-02-28T18:14:55.123Z"), "2004-02-28 18:14:55");
        assert_eq!(at("2004-02-28 18:14"), "2004-02-28 18:14:00");
        assert_eq!(at("2004-02-28"), "2004-02-28 00:00:00 (date)");
        assert_eq!(at("2004-02"), "2004-02-01 00:00:00 (date)");
        assert_eq!(at("20040228T181455Z"), "2004-02-28 18:14:55");
        assert_eq!(at("2003-12-31T10:14:55+0100"), "2003-12-31 09:14:55");
    }

    /// Found by fuzzing: a clock whose first character is not ASCII was cut
    /// inside that character.
    #[test]
    fn a_clock_starting_with_a_wide_character_is_refused_not_a_panic() {
        assert_eq!(parse("Tue, 27 May \u{e9}:00 GMT"), None);
        assert_eq!(parse("27 May 2003 \u{2212}1:00:00"), None);
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for s in [
            "",
            "yesterday",
            "2004-13-40",
            "Mayor 5 2004",
            "32 May 2004x",
            "12:00",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }
}
