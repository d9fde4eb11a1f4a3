//! The query language in two dozen lines, one example a line: the same text
//! after `tidings search --help` and at the end of the reader's key map.

/// A title line, then entries: two spaces, an example, two or more spaces and
/// what it finds.
pub const REFERENCE: &str = "\
Query terms (field names in any case):
  lee visit             every word, anywhere in the text
  \"lee declares\"        these words, one after another
  lee china or japan    lee, and china or japan: or binds tighter
  -japan                leave out
  not japan             the same
  (a or b) -c           parentheses group
  title:\"china visit\"   in the headline; title:lee for one word
  source:\"port strike\"  in a source's title, outlet or summary
  outlet:yonhap         lists a source from that outlet or domain
  cites:reuters.com     a claim or an event cites that outlet
  sources>=5            also outlets, events and claims
  claims<10 outlets=3   compare with <, <=, =, >= or >
  unresolved>0          citing sources the story does not list
  single:               a claim only one source backs
  date:2026-01          the story's date: a year, a month or a day
  date:2026-01-05..2026-01-08    from one to the other, both included
  date:2026-01.. date:..2026-02  from, or until
  newer:3d older:2w     counted back from today: d, w, m (30d), y (365d)
  event:2026-01         a timeline event then (ranges too)
  kind:article          story or article
  feed:\"world news\"     where it came from
  is:unread             unread, read, saved or updated
  lang:fr               in that language (a two-letter code)
";

/// The title of [`REFERENCE`] and its entries as (example, what it finds).
pub fn entries() -> (&'static str, Vec<(&'static str, &'static str)>) {
    let mut lines = REFERENCE.lines();
    let title = lines.next().unwrap_or_default().trim_end_matches(':');
    let entries = lines
        .filter_map(|line| {
            let line = line.strip_prefix("  ")?;
            let (example, what) = line.split_once("  ")?;
            Some((example, what.trim_start()))
        })
        .collect();
    (title, entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;
    use chrono::NaiveDate;

    #[test]
    fn every_example_parses_to_a_query() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let (title, entries) = entries();
        assert_eq!(title, "Query terms (field names in any case)");
        assert_eq!(entries.len(), REFERENCE.lines().count() - 1, "every line");
        for (example, what) in entries {
            assert!(!what.is_empty(), "{example}");
            let parsed = parse(example, today).unwrap_or_else(|e| panic!("{example}: {e}"));
            assert!(parsed.expr.is_some(), "{example}");
        }
    }

    #[test]
    fn it_is_short_and_narrow() {
        assert!(REFERENCE.lines().count() <= 25);
        for line in REFERENCE.lines() {
            assert!(line.chars().count() <= 76, "{line}");
        }
    }
}
