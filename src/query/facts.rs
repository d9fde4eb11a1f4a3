//! What the query language asks of a story's structure, computed from its
//! document: counts (outlets, claims, unresolved citations, claims one source
//! backs), its language, the names of the outlets it lists and cites, and the
//! days of its timeline as words (`x202 y2026 m202601 d20260105`). The store
//! keeps them beside each story (`store::facts`) so no query reads a document;
//! claim-level answers (`super::claims`) ask them of one story.

use std::collections::{BTreeMap, BTreeSet};

use super::outlet;
use crate::model::Document;

/// A story's structure as the query language asks about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Distinct outlets among the listed sources (by name, else by site).
    pub outlets: u32,
    /// Those outlets, each by what counts it (its folded name, else its site):
    /// a thread counts the outlets of its stories from them.
    pub outlet_ids: Vec<String>,
    /// Sentences that cite at least one source.
    pub claims: u32,
    /// Distinct numbers cited that the source list does not hold.
    pub unresolved: u32,
    /// Claims that cite exactly one listed source.
    pub single: u32,
    /// The language of its text, ISO 639-1, when it can be told.
    pub lang: Option<String>,
    /// Every key of every listed source ([`outlet::keys`]), and whether a claim
    /// or an event cites a source known by it.
    pub keys: BTreeMap<String, bool>,
    /// The days of its dated timeline events, as the words of `story_dates`
    /// ([`date_words`]).
    pub event_days: BTreeSet<String>,
}

/// The fewest letters of text whose language is worth telling.
const LANG_MIN_CHARS: usize = 24;

/// The most text (bytes) a language is told from.
const LANG_TEXT: usize = 240;

impl Facts {
    pub fn of(doc: &Document) -> Facts {
        let mut facts = Facts::of_structure(doc);
        facts.lang = language(doc);
        facts
    }

    /// All but the language, which is told from the text alone (a story that
    /// gained or lost a source keeps it; telling it costs more than the rest).
    pub fn of_structure(doc: &Document) -> Facts {
        let listed: BTreeSet<u32> = doc.sources.iter().map(|s| s.n).collect();
        let mut cited: BTreeSet<u32> = BTreeSet::new();
        let mut unresolved: BTreeSet<u32> = BTreeSet::new();
        let mut facts = Facts::default();
        for s in doc.sentences().filter(|s| !s.citations.is_empty()) {
            facts.claims += 1;
            let backing: BTreeSet<u32> = s
                .citations
                .iter()
                .copied()
                .filter(|n| listed.contains(n))
                .collect();
            if backing.len() == 1 {
                facts.single += 1;
            }
            cited.extend(&s.citations);
        }
        for e in &doc.timeline {
            cited.extend(&e.citations);
            if let Some(year) = e.date.year {
                facts
                    .event_days
                    .extend(date_words(year, e.date.month, e.date.day));
            }
        }
        unresolved.extend(cited.iter().filter(|n| !listed.contains(n)));
        facts.unresolved = unresolved.len() as u32;
        let ids = outlet::ids(&doc.sources);
        let outlets: BTreeSet<&String> = ids.iter().flatten().collect();
        for source in &doc.sources {
            let is_cited = cited.contains(&source.n);
            for key in outlet::keys(source) {
                *facts.keys.entry(key).or_insert(false) |= is_cited;
            }
        }
        facts.outlets = outlets.len() as u32;
        facts.outlet_ids = outlets.into_iter().cloned().collect();
        facts
    }
}

/// The words a dated event is indexed by in `story_dates`: its decade, year,
/// month and day as far as it has them (`x202 y2026 m202601 d20260105`), so a
/// range of dates is a handful of words ([`range_words`]). An index of words
/// keeps each story's days in a few bytes (delta-coded lists); a table of
/// (day, story) rows and its index held 100 MB for 100,000 stories.
pub fn date_words(year: i32, month: Option<u32>, day: Option<u32>) -> Vec<String> {
    let year = year.clamp(0, 9999);
    let mut words = vec![format!("x{:03}", year / 10), format!("y{year:04}")];
    if let Some(m) = month.filter(|m| (1..=12).contains(m)) {
        words.push(format!("m{year:04}{m:02}"));
        if let Some(d) = day.filter(|d| (1..=31).contains(d)) {
            words.push(format!("d{year:04}{m:02}{d:02}"));
        }
    }
    words
}

/// The oldest and newest years an open range of event dates reaches.
const YEARS: (i32, i32) = (1000, 2999);

/// The `story_dates` words that cover the dates `from` ..= `to` (sort keys, a
/// missing month or day as `00`, an open end as `99`): whole decades, years and
/// months where the range holds them, days at its edges. An event dated only to
/// its month or year is found by a range that holds all of that month or year.
pub fn range_words(from: &str, to: &str) -> Vec<String> {
    use chrono::{Datelike, NaiveDate};
    let part = |s: &str, i: std::ops::Range<usize>| s.get(i).and_then(|p| p.parse::<u32>().ok());
    let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m.clamp(1, 12), 1);
    let start = part(from, 0..4)
        .map(|y| (y as i32).max(YEARS.0))
        .and_then(|y| {
            let m = part(from, 5..7).unwrap_or(0).max(1);
            let d = part(from, 8..10).unwrap_or(0).max(1);
            NaiveDate::from_ymd_opt(y, m.min(12), 1).map(|f| f + chrono::Days::new(d as u64 - 1))
        });
    let end = part(to, 0..4)
        .map(|y| (y as i32).min(YEARS.1))
        .and_then(|y| {
            let m = part(to, 5..7).unwrap_or(12).clamp(1, 12);
            let next = if m == 12 {
                first(y + 1, 1)
            } else {
                first(y, m + 1)
            }?;
            let last = next.pred_opt()?;
            let d = part(to, 8..10).unwrap_or(31).clamp(1, last.day());
            last.with_day(d)
        });
    let (Some(mut day), Some(end)) = (start, end) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    while day <= end {
        let (y, m) = (day.year(), day.month());
        let year_end = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(day);
        let decade_end = NaiveDate::from_ymd_opt(y - y % 10 + 9, 12, 31).unwrap_or(day);
        let month_end = first(y, m)
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .and_then(|n| n.pred_opt())
            .unwrap_or(day);
        let (word, last) = if day.ordinal() == 1 && y % 10 == 0 && decade_end <= end {
            (format!("x{:03}", y / 10), decade_end)
        } else if day.ordinal() == 1 && year_end <= end {
            (format!("y{y:04}"), year_end)
        } else if day.day() == 1 && month_end <= end {
            (format!("m{y:04}{m:02}"), month_end)
        } else {
            (format!("d{y:04}{m:02}{:02}", day.day()), day)
        };
        words.push(word);
        match last.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    words
}

/// The language of the text (the lead or first paragraphs; the headline when
/// there are none), as ISO 639-1, when whatlang is sure of it: from its first
/// [`LANG_TEXT`] bytes, as whatlang's time grows with the text (on three whole
/// paragraphs it took a fifth of an import's preparing thread). Sentences tell
/// a language better than a headline, whose words are mostly names.
fn language(doc: &Document) -> Option<String> {
    let mut text = String::new();
    let paragraphs = doc
        .lead
        .iter()
        .chain(doc.sections.iter().flat_map(|s| s.paragraphs.iter()));
    for p in paragraphs.take(3) {
        if text.len() >= LANG_TEXT {
            break;
        }
        text.push_str(&p.text());
        text.push(' ');
    }
    if text.trim().is_empty() {
        text.clone_from(&doc.title);
    }
    let mut end = text.len().min(LANG_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    if text.chars().filter(|c| c.is_alphabetic()).count() < LANG_MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(&text).filter(|i| i.is_reliable())?;
    let code = isolang::Language::from_639_3(info.lang().code())?.to_639_1()?;
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Source};

    fn source(n: u32, outlet: Option<&str>, url: Option<&str>) -> Source {
        Source {
            n,
            outlet: outlet.map(String::from),
            title: "t".into(),
            summary: None,
            url: url.map(String::from),
        }
    }

    #[test]
    fn an_outlet_is_its_name_an_unnamed_source_the_named_one_at_its_site() {
        let mut doc = Document::new(Kind::Story, "t".into());
        doc.sources = vec![
            source(1, Some("Reuters"), Some("https://reuters.com/a")),
            source(2, None, Some("https://www.reuters.com/b")),
            source(3, Some("Yonhap"), None),
            source(4, Some("\u{301}"), None),
            source(5, Some("  "), Some("not a url")),
        ];
        let facts = Facts::of(&doc);
        assert_eq!(
            facts.outlets, 2,
            "reuters.com and yonhap; a name of marks alone is none"
        );
    }

    #[test]
    fn an_event_is_indexed_by_its_decade_year_month_and_day_as_far_as_it_has_them() {
        assert_eq!(
            date_words(2026, Some(1), Some(5)),
            ["x202", "y2026", "m202601", "d20260105"]
        );
        assert_eq!(
            date_words(1989, Some(11), None),
            ["x198", "y1989", "m198911"]
        );
        assert_eq!(date_words(2026, None, Some(3)), ["x202", "y2026"]);
    }

    #[test]
    fn a_range_is_covered_by_the_fewest_words() {
        assert_eq!(range_words("2026-01-00", "2026-01-99"), ["m202601"]);
        assert_eq!(range_words("2026-00-00", "2026-99-99"), ["y2026"]);
        assert_eq!(range_words("2026-01-05", "2026-01-05"), ["d20260105"]);
        assert_eq!(
            range_words("2026-01-30", "2026-03-02"),
            [
                "d20260130",
                "d20260131",
                "m202602",
                "d20260301",
                "d20260302"
            ]
        );
        assert_eq!(
            range_words("2019-12-31", "2031-01-01"),
            ["d20191231", "x202", "y2030", "d20310101"]
        );
        assert_eq!(
            range_words("2024-02-28", "2024-02-99"),
            ["d20240228", "d20240229"]
        );
        let open = range_words("2026-01-00", "9999-99-99");
        assert_eq!(open[..2], ["y2026".to_string(), "y2027".into()]);
        assert!(open.len() < 120, "{}", open.len());
        assert!(range_words("0000-00-00", "9999-99-99").len() < 250);
        assert!(
            range_words("2026-02-00", "2026-01-99").is_empty(),
            "backwards"
        );
    }
}
