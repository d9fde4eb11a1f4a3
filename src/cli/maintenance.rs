//! The commands that keep the store to size: `prune` (by age and by the config's
//! per-feed `max_items`; never a saved story), `store stats` and `store vacuum`,
//! and the cut to `max_items` after an import.

use chrono::{Local, Months, NaiveDate};
use serde::Serialize;

use super::args::{MaintenanceCommand, StoreAction};
use super::error::{CliError, CommandResult, Finished};
use super::output::{self, Progress, Stdout, WriteError};
use crate::store::{MaxItems, PrunePlan, Rules, Stats, Store};
use crate::summary::stories;
use crate::text::sanitize::for_terminal;

/// How far back `--older-than` reaches: a number and a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Age {
    n: u32,
    unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Age {
    /// `30d`, `2w`, `6m` or `1y` (at least 1); anything else says how to write it.
    pub fn parse(s: &str) -> Result<Age, String> {
        let wrong = || {
            format!(
                "{:?} is not an age; write a number and a unit: 30d (days), 2w (weeks), 6m (months), 1y (years)",
                for_terminal(s)
            )
        };
        let t = s.trim();
        let split = t.len() - t.chars().last().map_or(0, char::len_utf8);
        let (number, unit) = t.split_at(split);
        let unit = match unit {
            "d" => Unit::Days,
            "w" => Unit::Weeks,
            "m" => Unit::Months,
            "y" => Unit::Years,
            _ => return Err(wrong()),
        };
        let n: u32 = number.parse().map_err(|_| wrong())?;
        if n == 0 {
            return Err(format!("{:?}: an age of at least 1", for_terminal(s)));
        }
        Ok(Age { n, unit })
    }

    /// The first day that is not older than this, counted back from `today`
    /// (months and years by the calendar); the earliest day there is when it
    /// reaches back further.
    pub fn cutoff(self, today: NaiveDate) -> NaiveDate {
        let back = match self.unit {
            Unit::Days => today.checked_sub_days(chrono::Days::new(self.n.into())),
            Unit::Weeks => today.checked_sub_days(chrono::Days::new(u64::from(self.n) * 7)),
            Unit::Months => today.checked_sub_months(Months::new(self.n)),
            Unit::Years => self
                .n
                .checked_mul(12)
                .and_then(|m| today.checked_sub_months(Months::new(m))),
        };
        back.unwrap_or(NaiveDate::MIN)
    }
}

/// Runs `prune` or a `store` command; `max_items` is the config's `[retention]`.
pub fn run(
    store: &mut Store,
    command: MaintenanceCommand,
    max_items: &MaxItems,
    out: &mut Stdout,
) -> CommandResult {
    match command {
        MaintenanceCommand::Prune {
            older_than,
            dry_run,
        } => {
            let rules = Rules {
                before: older_than.map(|age| age.cutoff(Local::now().date_naive())),
                max_items: max_items.clone(),
            };
            prune(store, out, &rules, dry_run)
        }
        MaintenanceCommand::Store(StoreAction::Stats { json }) => {
            let stats = store.stats()?;
            print_stats(out, store, &stats, json)?;
            Ok(Finished::Success)
        }
        MaintenanceCommand::Store(StoreAction::Vacuum) => vacuum(store, out),
    }
}

/// After an import: removes what is beyond each feed's `max_items`, saying how
/// many when any went.
pub fn keep_max_items(
    store: &mut Store,
    max_items: &MaxItems,
    out: &mut Stdout,
) -> Result<(), CliError> {
    let removed = store.keep_max_items(max_items, None)?;
    if removed > 0 {
        out.line(over_max_items(removed))?;
    }
    Ok(())
}

/// The line that says how many stories went over their feeds' `max_items`.
pub fn over_max_items(removed: u64) -> String {
    format!(
        "max_items: removed {} (the config's [retention])",
        stories(removed as usize)
    )
}

fn prune(store: &mut Store, out: &mut Stdout, rules: &Rules, dry_run: bool) -> CommandResult {
    if rules.before.is_none() && rules.max_items.is_off() {
        eprintln!(
            "nothing to prune by: give --older-than AGE, or set max_items in the config's [retention]"
        );
    }
    let plan = store.plan_prune(rules)?;
    for feed in &plan.unknown_feeds {
        output::report(
            &format!("[retention.feeds] {:?}", for_terminal(feed)),
            "no feed of that name in the store (`tidings feeds` lists them)",
        );
    }
    if dry_run {
        out.line(format_args!(
            "would remove {} (kept {} saved)",
            stories(plan.len()),
            plan.kept_saved
        ))?;
        print_by_feed(out, &plan, rules)?;
        return Ok(Finished::Success);
    }
    let mut bar = Progress::new("pruning");
    let removed = store.prune(&plan, |done, total| bar.show(done, total, ""))?;
    bar.done();
    out.line(format_args!(
        "removed {} (kept {} saved)",
        stories(removed as usize),
        plan.kept_saved
    ))?;
    Ok(Finished::Success)
}

/// A line per feed losing stories: how many, and by which rule.
fn print_by_feed(out: &mut Stdout, plan: &PrunePlan, rules: &Rules) -> Result<(), WriteError> {
    for f in &plan.feeds {
        let mut why = Vec::new();
        if let (n @ 1.., Some(day)) = (f.older, rules.before) {
            why.push(format!("{n} dated before {day}"));
        }
        if f.over > 0 {
            why.push(format!("{} over max_items {}", f.over, f.limit));
        }
        out.line(format_args!(
            "{:>7}  {}: {}",
            f.older + f.over,
            for_terminal(&f.feed),
            why.join(", ")
        ))?;
    }
    Ok(())
}

/// `store stats --json`: the figures, the store's path and bytes per document.
#[derive(Serialize)]
struct StatsRow<'a> {
    path: String,
    bytes_per_document: Option<u64>,
    #[serde(flatten)]
    stats: &'a Stats,
}

fn print_stats(out: &mut Stdout, store: &Store, s: &Stats, json: bool) -> Result<(), WriteError> {
    let in_use = s.database_bytes - s.free_pages * s.page_size;
    let per_doc = (s.documents > 0).then(|| in_use / s.documents);
    if json {
        return out.json_line(&StatsRow {
            path: store.path().display().to_string(),
            bytes_per_document: per_doc,
            stats: s,
        });
    }
    let lines = [
        (
            "store",
            for_terminal(&store.path().display().to_string()).into_owned(),
        ),
        (
            "size",
            format!(
                "{} on disk ({} file, {} write-ahead log)",
                size(s.file_bytes + s.wal_bytes),
                size(s.file_bytes),
                size(s.wal_bytes)
            ),
        ),
        (
            "documents",
            format!(
                "{} ({}, {}; {} read, {} saved)",
                s.documents,
                stories(s.stories as usize),
                crate::summary::plural(s.articles as usize, "article"),
                s.read,
                s.saved
            ),
        ),
        ("per document", per_doc.map_or_else(|| "-".into(), size)),
        ("document table", size(s.documents_table_bytes)),
        ("its indexes", size(s.documents_index_bytes)),
        ("search index", size(s.fts_bytes)),
        ("the rest", size(s.other_bytes)),
        (
            "free",
            format!(
                "{} ({} pages; `tidings store vacuum` gives them back)",
                size(s.free_pages * s.page_size),
                s.free_pages
            ),
        ),
        (
            "last vacuum",
            s.last_vacuum
                .as_deref()
                .map_or_else(|| "never".into(), |t| for_terminal(t).into_owned()),
        ),
    ];
    for (name, value) in lines {
        out.line(format_args!("{name:<15} {value}"))?;
    }
    Ok(())
}

fn vacuum(store: &mut Store, out: &mut Stdout) -> CommandResult {
    // VACUUM builds a copy of the store and writes it through the log.
    let needed = store.used_bytes()? * 2;
    let path = store.path().to_path_buf();
    match free_space(&path) {
        Some(free) if free < needed => {
            return Err(CliError::File {
                name: path.display().to_string(),
                reason: format!(
                    "vacuum needs about {} free on its disk, and {} is; nothing done",
                    size(needed),
                    size(free)
                ),
            })
        }
        Some(_) => {}
        None => eprintln!(
            "(free disk space not checked: vacuum needs about {})",
            size(needed)
        ),
    }
    eprintln!(
        "vacuuming {}: SQLite rewrites the whole store, which may take a while",
        for_terminal(&path.display().to_string())
    );
    let done = store.vacuum()?;
    out.line(format_args!(
        "vacuumed: {} → {}",
        size(done.before),
        size(done.after)
    ))?;
    Ok(Finished::Success)
}

/// Bytes free to this user on the disk that holds `path`, where the platform
/// says.
#[cfg(unix)]
fn free_space(path: &std::path::Path) -> Option<u64> {
    let dir = path.parent()?;
    let v = rustix::fs::statvfs(dir).ok()?;
    Some(v.f_bavail.saturating_mul(v.f_frsize))
}

#[cfg(not(unix))]
fn free_space(_: &std::path::Path) -> Option<u64> {
    None
}

/// `812 B`, `4.0 KiB`, `12.3 MiB`, `1.5 GiB`.
fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn ages_count_back_by_the_calendar() {
        let today = day("2026-03-31");
        let back = |s: &str| Age::parse(s).unwrap().cutoff(today);
        assert_eq!(back("30d"), day("2026-03-01"));
        assert_eq!(back("2w"), day("2026-03-17"));
        assert_eq!(back("1m"), day("2026-02-28"), "the month's last day");
        assert_eq!(back("1y"), day("2025-03-31"));
        assert_eq!(back(" 6m "), day("2025-09-30"));
        assert_eq!(back("4000000000y"), NaiveDate::MIN);
    }

    #[test]
    fn an_age_that_does_not_read_says_how_to_write_one() {
        for bad in ["", "1", "y", "1x", "-1d", "1.5y", "1 y", "2yy", "1é"] {
            let e = Age::parse(bad).unwrap_err();
            assert!(e.contains("30d (days)"), "{bad:?}: {e}");
        }
        assert!(Age::parse("0d").unwrap_err().contains("at least 1"));
    }

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(size(812), "812 B");
        assert_eq!(size(4096), "4.0 KiB");
        assert_eq!(
            size(15 * 1024 * 1024 * 1024 + 512 * 1024 * 1024),
            "15.5 GiB"
        );
    }
}
