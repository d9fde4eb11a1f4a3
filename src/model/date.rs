//! Dates: a date as written with whatever parts it states, its compact form (what
//! the store's list rows and `list --json` hold), and the one way every screen and
//! command shows a date (`20 Sep 2025, evening`; `3h ago` within the last week),
//! or in a [`DateStyle`] the person chose.

use std::fmt::{self, Write as _};

use chrono::format::{Fixed, Item, Numeric, StrftimeItems};
use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// How the reader shows dates: relative within the last week (`3h ago`, the
/// default), always absolute (`20 Sep 2025`), or a strftime pattern
/// (`%Y-%m-%d %H:%M`) for every date known to the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum DateStyle {
    #[default]
    Relative,
    Absolute,
    Pattern(String),
}

impl TryFrom<String> for DateStyle {
    type Error = String;

    /// `relative`, `absolute`, or a strftime pattern chrono can format.
    fn try_from(s: String) -> Result<DateStyle, String> {
        match s.as_str() {
            "relative" => return Ok(DateStyle::Relative),
            "absolute" => return Ok(DateStyle::Absolute),
            _ => {}
        }
        let items: Vec<Item> = StrftimeItems::new(&s).collect();
        let formats_something = items
            .iter()
            .any(|i| matches!(i, Item::Numeric(..) | Item::Fixed(_)));
        if s.trim().is_empty() || items.contains(&Item::Error) || !formats_something {
            return Err(format!(
                "invalid date_style {s:?}: expected \"relative\", \"absolute\" or a strftime pattern such as \"%Y-%m-%d %H:%M\""
            ));
        }
        Ok(DateStyle::Pattern(s))
    }
}

impl fmt::Display for DateStyle {
    /// As the config file writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateStyle::Relative => f.write_str("relative"),
            DateStyle::Absolute => f.write_str("absolute"),
            DateStyle::Pattern(p) => f.write_str(p),
        }
    }
}

/// A date as written (`Jan 6 2026 (morning)`) with whatever fields it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    pub label: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub month: Option<u32>,
    #[serde(default)]
    pub day: Option<u32>,
    #[serde(default)]
    pub part: Option<String>,
    /// The time of day in UTC (`09:30`), when a feed gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// The parts of a day a label may name, in the order they come.
const DAY_PARTS: [&str; 9] = [
    "early",
    "dawn",
    "morning",
    "midday",
    "noon",
    "afternoon",
    "evening",
    "night",
    "late",
];

/// How a label that sets a limit starts: `By May 10`, `Until June`, `No later
/// than`, `Deadline:`, and the same in the languages the pages come in.
const DEADLINE_OPENINGS: [&str; 15] = [
    "by ",
    "until ",
    "till ",
    "no later than ",
    "not later than ",
    "deadline",
    "due ",
    "hasta ",
    "a más tardar",
    "antes del ",
    "d'ici ",
    "jusqu'au ",
    "au plus tard",
    "bis ",
    "spätestens",
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// Sort key: missing fields sort first within their parent (`2017` < `Jan 2017`
    /// < `Jan 5 2017`), and parts of a day sort morning < afternoon < evening.
    pub fn sort_key(&self) -> (i32, u32, u32, u8) {
        (
            self.year.unwrap_or(i32::MIN),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
            self.part.as_deref().map_or(0, part_rank),
        )
    }

    /// The part of the day the date names (`evening`, `late evening`), when it
    /// names one: the whole qualifier when it is all day words, else its last day
    /// word (`evening session`); one that is no part of a day (`same meeting`) is
    /// not shown.
    pub fn day_part(&self) -> Option<String> {
        day_part(self.part.as_deref()?)
    }

    /// Whether the label sets a limit (`By May 10, 2025`) rather than dates an event.
    pub fn is_deadline(&self) -> bool {
        let label = self.label.trim_start().to_lowercase();
        DEADLINE_OPENINGS.iter().any(|o| label.starts_with(o))
    }

    /// The compact form: `2025-09-20`, `2025-09-20 evening`, `2025-09-20T09:30`,
    /// `2025-09`, `2025`; without a year, the label as written.
    pub fn compact(&self) -> String {
        let Some(y) = self.year else {
            return self.label.clone();
        };
        let mut out = format!("{y:04}");
        if let Some(m) = self.month {
            out.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                out.push_str(&format!("-{d:02}"));
                if let Some(t) = self.time_of_day() {
                    out.push_str(&t.format("T%H:%M").to_string());
                } else if let Some(p) = self.day_part() {
                    out.push(' ');
                    out.push_str(&p);
                }
            }
        }
        out
    }

    /// Reads [`compact`](Self::compact) back; anything else is a label without a
    /// year (what stores written before the compact form hold, shown as written).
    pub fn from_compact(s: &str) -> PartialDate {
        parse_compact(s).unwrap_or_else(|| PartialDate {
            label: s.to_string(),
            year: None,
            month: None,
            day: None,
            part: None,
            time: None,
        })
    }

    /// The date as every screen shows it, relative to `now` within the last week
    /// (`just now`, `25m ago`, `3h ago`, `yesterday, evening`, `4d ago`), else
    /// `20 Sep 2025` with the time (local) or the part of the day when known.
    /// Without `now` (exports, files that outlive the day) it is never relative.
    pub fn shown(&self, now: Option<DateTime<Local>>) -> String {
        let (Some(y), Some(m)) = (self.year, self.month) else {
            return match self.year {
                Some(y) => y.to_string(),
                None => self.label.clone(),
            };
        };
        let month = MONTHS
            .get(m.wrapping_sub(1) as usize)
            .copied()
            .unwrap_or("?");
        let Some(date) = self.day.and_then(|d| NaiveDate::from_ymd_opt(y, m, d)) else {
            return format!("{month} {y}");
        };
        if let Some(t) = self.time_of_day() {
            let at = Utc
                .from_utc_datetime(&date.and_time(t))
                .with_timezone(&Local);
            if let Some(ago) = now.and_then(|now| ago(now.signed_duration_since(at))) {
                return ago;
            }
            return at.format("%-d %b %Y %H:%M").to_string();
        }
        let part = self
            .day_part()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        let days = now.map(|now| (now.date_naive() - date).num_days());
        let day = match days {
            Some(0) => "today".to_string(),
            Some(1) => "yesterday".to_string(),
            Some(n @ 2..=6) => format!("{n}d ago"),
            _ => format!("{} {month} {y}", date.format("%-d")),
        };
        day + &part
    }

    /// [`shown`](Self::shown) for a list row: the day alone (`20 Sep 2025`,
    /// `yesterday`), or how long ago within the last day (`3h ago`).
    pub fn shown_short(&self, now: Option<DateTime<Local>>) -> String {
        let day = PartialDate {
            part: None,
            ..self.clone()
        };
        let long = day.shown(now);
        match (self.time.is_some(), long.rfind(' ')) {
            // `20 Sep 2025 09:30`: the day is enough.
            (true, Some(i)) if long[i + 1..].contains(':') => long[..i].to_string(),
            _ => long,
        }
    }

    /// The date in `style`: [`shown`](Self::shown) relative to `now` or never
    /// relative, or by the pattern when the date is known to the day (a time the
    /// date does not know is left out of the pattern, with what joins it).
    pub fn styled(&self, style: &DateStyle, now: DateTime<Local>) -> String {
        match style {
            DateStyle::Relative => self.shown(Some(now)),
            DateStyle::Absolute => self.shown(None),
            DateStyle::Pattern(p) => self.patterned(p).unwrap_or_else(|| self.shown(None)),
        }
    }

    /// [`styled`](Self::styled) for a list row: [`shown_short`](Self::shown_short)
    /// relative or absolute; a pattern as it is.
    pub fn styled_short(&self, style: &DateStyle, now: DateTime<Local>) -> String {
        match style {
            DateStyle::Relative => self.shown_short(Some(now)),
            DateStyle::Absolute => self.shown_short(None),
            DateStyle::Pattern(_) => self.styled(style, now),
        }
    }

    /// The date by strftime `pattern`, when it is known to the day.
    fn patterned(&self, pattern: &str) -> Option<String> {
        let date = NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)?;
        let items: Vec<Item> = StrftimeItems::new(pattern).collect();
        let mut out = String::new();
        match self.time_of_day() {
            Some(t) => {
                let at = Utc
                    .from_utc_datetime(&date.and_time(t))
                    .with_timezone(&Local);
                write!(out, "{}", at.format_with_items(items.iter())).ok()?;
            }
            None => {
                let kept = without_time(&items);
                write!(out, "{}", date.format_with_items(kept.iter())).ok()?;
            }
        }
        Some(out.trim().to_string())
    }

    fn time_of_day(&self) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(self.time.as_deref()?, "%H:%M").ok()
    }
}

/// `3h ago` for a moment in the last week (a minute ahead, a clock's skew, is
/// `just now`); `None` for the future or anything older.
fn ago(age: chrono::TimeDelta) -> Option<String> {
    let secs = age.num_seconds();
    match secs {
        -59..60 => Some("just now".into()),
        60..3_600 => Some(format!("{}m ago", secs / 60)),
        3_600..86_400 => Some(format!("{}h ago", secs / 3_600)),
        86_400..604_800 => Some(format!("{}d ago", secs / 86_400)),
        _ => None,
    }
}

/// Whether a strftime item formats a time of day (or a zone, which needs one).
fn is_time(item: &Item) -> bool {
    match item {
        Item::Numeric(n, _) => matches!(
            n,
            Numeric::Hour
                | Numeric::Hour12
                | Numeric::Minute
                | Numeric::Second
                | Numeric::Nanosecond
                | Numeric::Timestamp
        ),
        Item::Fixed(f) => !matches!(
            f,
            Fixed::ShortMonthName
                | Fixed::LongMonthName
                | Fixed::ShortWeekdayName
                | Fixed::LongWeekdayName
        ),
        _ => false,
    }
}

/// The pattern's items without those of the time of day, and without the
/// literals (`:`, ` on `) beside a time left out.
fn without_time<'a>(items: &[Item<'a>]) -> Vec<Item<'a>> {
    let beside_kept = |mut around: std::slice::Iter<'_, Item>, back: bool| {
        let next = if back {
            around.rfind(|i| !is_literal(i))
        } else {
            around.find(|i| !is_literal(i))
        };
        next.is_none_or(|i| !is_time(i))
    };
    items
        .iter()
        .enumerate()
        .filter(|&(n, i)| {
            if is_literal(i) {
                beside_kept(items[..n].iter(), true) && beside_kept(items[n + 1..].iter(), false)
            } else {
                !is_time(i)
            }
        })
        .map(|(_, i)| i.clone())
        .collect()
}

/// Text a pattern writes as it is.
fn is_literal(item: &Item) -> bool {
    matches!(
        item,
        Item::Literal(_) | Item::OwnedLiteral(_) | Item::Space(_) | Item::OwnedSpace(_)
    )
}

fn parse_compact(s: &str) -> Option<PartialDate> {
    let (date, rest) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], Some((s.as_bytes()[i], &s[i + 1..]))),
        None => (s, None),
    };
    let mut fields = date.split('-');
    let number = |f: Option<&str>, len: usize| -> Option<Option<u32>> {
        match f {
            None => Some(None),
            Some(f) if f.len() == len && f.bytes().all(|b| b.is_ascii_digit()) => {
                f.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let year = number(fields.next(), 4)??;
    let month = number(fields.next(), 2)?;
    let day = number(fields.next(), 2)?;
    if fields.next().is_some() || (rest.is_some() && day.is_none()) {
        return None;
    }
    let (mut part, mut time) = (None, None);
    match rest {
        Some((b'T', t)) => {
            NaiveTime::parse_from_str(t, "%H:%M").ok()?;
            time = Some(t.to_string());
        }
        Some((_, p)) => {
            part = Some(day_part(p).filter(|d| d == p)?);
        }
        None => {}
    }
    Some(PartialDate {
        label: s.to_string(),
        year: Some(year as i32),
        month,
        day,
        part,
        time,
    })
}

/// See [`PartialDate::day_part`].
fn day_part(part: &str) -> Option<String> {
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.is_empty() && words.iter().all(|w| DAY_PARTS.contains(w)) {
        return Some(words.join(" "));
    }
    words
        .iter()
        .rev()
        .find(|w| DAY_PARTS.contains(w))
        .map(|w| w.to_string())
}

/// Rank of a qualifier of the day, by its last day word (`early morning` is a
/// morning): unknown qualifiers sort after the known ones.
fn part_rank(part: &str) -> u8 {
    let last = day_part(part).and_then(|p| p.rsplit(' ').next().map(str::to_string));
    last.and_then(|w| DAY_PARTS.iter().position(|d| *d == w))
        .map_or(DAY_PARTS.len() as u8 + 1, |i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_date_style_shows_a_date_its_way() {
        let noon = local(2026, 11, 30, 12, 0);
        let at = PartialDate {
            time: Some(
                local(2026, 11, 30, 9, 5)
                    .with_timezone(&Utc)
                    .format("%H:%M")
                    .to_string(),
            ),
            ..date("x", Some(2026), Some(11), Some(30), None)
        };
        let evening = date("x", Some(2025), Some(9), Some(20), Some("evening"));
        let relative = DateStyle::Relative;
        assert_eq!(at.styled(&relative, noon), "2h ago");
        assert_eq!(at.styled_short(&relative, noon), "2h ago");
        let absolute: DateStyle = "absolute".to_string().try_into().unwrap();
        assert_eq!(at.styled(&absolute, noon), "30 Nov 2026 09:05");
        assert_eq!(at.styled_short(&absolute, noon), "30 Nov 2026");
        assert_eq!(evening.styled(&absolute, noon), "20 Sep 2025, evening");
        let pattern: DateStyle = "%Y-%m-%d %H:%M".to_string().try_into().unwrap();
        assert_eq!(at.styled(&pattern, noon), "2026-11-30 09:05");
        assert_eq!(at.styled_short(&pattern, noon), "2026-11-30 09:05");
        assert_eq!(
            evening.styled(&pattern, noon),
            "2025-09-20",
            "no time known: the pattern's time and what joins it left out"
        );
        let around: DateStyle = "%H:%M on %a %-d %b".to_string().try_into().unwrap();
        assert_eq!(evening.styled(&around, noon), "Sat 20 Sep");
        let coarse = date("Oct 2025", Some(2025), Some(10), None, None);
        assert_eq!(coarse.styled(&pattern, noon), "Oct 2025", "no day: as ever");
        for (style, name) in [
            (relative, "relative"),
            (absolute, "absolute"),
            (pattern, "%Y-%m-%d %H:%M"),
        ] {
            assert_eq!(style.to_string(), name);
        }
    }

    #[test]
    fn a_pattern_chrono_cannot_format_is_refused() {
        for bad in ["%Y-%Q", "%", "", "   "] {
            let e = DateStyle::try_from(bad.to_string()).unwrap_err();
            assert!(e.contains("relative"), "{bad}: {e}");
        }
        assert!(DateStyle::try_from("week %V".to_string()).is_ok());
    }

    fn date(
        label: &str,
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
        p: Option<&str>,
    ) -> PartialDate {
        PartialDate {
            label: label.into(),
            year: y,
            month: m,
            day: d,
            part: p.map(String::from),
            time: None,
        }
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Local> {
        Local.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn partial_dates_sort_coarse_first_and_parts_of_day_in_order() {
        let mut v = [
            date(
                "Jan 6 2026 (evening)",
                Some(2026),
                Some(1),
                Some(6),
                Some("evening"),
            ),
            date(
                "Jan 6 2026 (morning)",
                Some(2026),
                Some(1),
                Some(6),
                Some("morning"),
            ),
            date("Jan 2026", Some(2026), Some(1), None, None),
            date("2017", Some(2017), None, None, None),
            date(
                "Jan 6 2026 (afternoon)",
                Some(2026),
                Some(1),
                Some(6),
                Some("afternoon"),
            ),
        ];
        v.sort_by_key(|d| d.sort_key());
        let labels: Vec<&str> = v.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2017",
                "Jan 2026",
                "Jan 6 2026 (morning)",
                "Jan 6 2026 (afternoon)",
                "Jan 6 2026 (evening)"
            ]
        );
    }

    #[test]
    fn every_written_form_is_shown_one_way() {
        let now = Some(local(2026, 11, 30, 12, 0));
        let evening = date(
            "Sep. 20, 2025 (evening)",
            Some(2025),
            Some(9),
            Some(20),
            Some("evening"),
        );
        assert_eq!(evening.shown(now), "20 Sep 2025, evening");
        let iso = date("2025-09-12", Some(2025), Some(9), Some(12), None);
        assert_eq!(iso.shown(now), "12 Sep 2025");
        let meeting = date(
            "Jan 6 2026 (same meeting)",
            Some(2026),
            Some(1),
            Some(6),
            Some("same meeting"),
        );
        assert_eq!(meeting.shown(now), "6 Jan 2026", "not a part of the day");
        assert_eq!(
            date("Oct 2025", Some(2025), Some(10), None, None).shown(now),
            "Oct 2025"
        );
        assert_eq!(
            date("2017", Some(2017), None, None, None).shown(now),
            "2017"
        );
        assert_eq!(
            date("Shortly after", None, None, None, None).shown(now),
            "Shortly after"
        );
    }

    #[test]
    fn the_last_week_is_relative_and_the_future_is_not() {
        let now = Some(local(2026, 11, 30, 12, 0));
        let day = |d: u32, p: Option<&str>| date("x", Some(2026), Some(11), Some(d), p);
        assert_eq!(day(30, None).shown(now), "today");
        assert_eq!(day(29, Some("evening")).shown(now), "yesterday, evening");
        assert_eq!(day(26, None).shown(now), "4d ago");
        assert_eq!(day(23, None).shown(now), "23 Nov 2026", "a week ago");
        assert_eq!(
            date("x", Some(2026), Some(12), Some(2), None).shown(now),
            "2 Dec 2026"
        );
        assert_eq!(day(26, None).shown(None), "26 Nov 2026", "never in files");

        let at = |t: chrono::DateTime<Local>| {
            let utc = t.with_timezone(&Utc);
            let mut d = date(
                "x",
                Some(utc.format("%Y").to_string().parse().unwrap()),
                None,
                None,
                None,
            );
            d.month = Some(utc.format("%m").to_string().parse().unwrap());
            d.day = Some(utc.format("%d").to_string().parse().unwrap());
            d.time = Some(utc.format("%H:%M").to_string());
            d
        };
        let noon = local(2026, 11, 30, 12, 0);
        assert_eq!(at(noon).shown(Some(noon)), "just now");
        assert_eq!(at(local(2026, 11, 30, 11, 35)).shown(Some(noon)), "25m ago");
        assert_eq!(at(local(2026, 11, 30, 9, 0)).shown(Some(noon)), "3h ago");
        assert_eq!(at(local(2026, 11, 27, 9, 0)).shown(Some(noon)), "3d ago");
        assert_eq!(
            at(local(2026, 11, 2, 9, 5)).shown(Some(noon)),
            "2 Nov 2026 09:05"
        );
        assert_eq!(
            at(local(2026, 12, 1, 9, 5)).shown(Some(noon)),
            "1 Dec 2026 09:05",
            "a time to come"
        );
    }

    #[test]
    fn a_row_shows_the_day_alone() {
        let now = Some(local(2026, 11, 30, 12, 0));
        let mut d = date("x", Some(2025), Some(9), Some(20), Some("evening"));
        assert_eq!(d.shown_short(now), "20 Sep 2025");
        d.time = Some("09:30".into());
        assert_eq!(d.shown_short(now), "20 Sep 2025");
        let mut recent = date("x", Some(2026), Some(11), Some(30), None);
        recent.time = Some("09:00".into());
        let noon_utc = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        assert_eq!(
            recent.shown_short(Some(noon_utc.with_timezone(&Local))),
            "3h ago"
        );
        let yesterday = date("x", Some(2026), Some(11), Some(29), Some("night"));
        assert_eq!(yesterday.shown_short(now), "yesterday");
    }

    #[test]
    fn the_compact_form_reads_back() {
        let mut timed = date(
            "Mon, 02 Nov 2026 09:05:00 GMT",
            Some(2026),
            Some(11),
            Some(2),
            None,
        );
        timed.time = Some("09:05".into());
        for (d, compact) in [
            (
                date(
                    "Sep. 20, 2025 (evening)",
                    Some(2025),
                    Some(9),
                    Some(20),
                    Some("Evening"),
                ),
                "2025-09-20 evening",
            ),
            (
                date("2025-09-12", Some(2025), Some(9), Some(12), None),
                "2025-09-12",
            ),
            (
                date("Oct 2025", Some(2025), Some(10), None, None),
                "2025-10",
            ),
            (date("2017", Some(2017), None, None, None), "2017"),
            (timed, "2026-11-02T09:05"),
            (
                date("Shortly after", None, None, None, None),
                "Shortly after",
            ),
        ] {
            assert_eq!(d.compact(), compact);
            let back = PartialDate::from_compact(compact);
            assert_eq!(back.shown(None), d.shown(None), "{compact}");
            assert_eq!(back.compact(), compact);
        }
        for written in [
            "Sep. 20, 2025 (evening)",
            "2025-9-1",
            "20250",
            "2025-09-20 brunch",
        ] {
            let d = PartialDate::from_compact(written);
            assert_eq!((d.year, d.label.as_str()), (None, written));
        }
    }

    #[test]
    fn deadlines_are_told_by_their_opening() {
        for l in [
            "By May 10, 2025",
            "until June 2026",
            "No later than Friday",
            "Hasta el 3 de mayo",
            "bis 5. Mai",
        ] {
            assert!(date(l, Some(2025), None, None, None).is_deadline(), "{l}");
        }
        for l in ["May 10, 2025", "Bystanders, May 10", "Early May"] {
            assert!(!date(l, Some(2025), None, None, None).is_deadline(), "{l}");
        }
    }
}
