//! What a `name:value` term means: the known names (and the closest one to a
//! name that is not), and each value read and checked: counts, date ranges,
//! relative ages, kinds, marks and language codes.

use chrono::{Days, NaiveDate};

use super::ast::{Cmp, Count, DateRange, Mark, Term, Text};
use super::error::QueryError;
use super::lex::Field;
use super::outlet::wanted;
use super::parse::{words, PREFIX_MIN};
use crate::model::Kind;
use crate::text::fold::fold;

/// The names a field may have (in any case), each with an example.
const NAMES: [(&str, &str); 18] = [
    ("title", "title:lee"),
    ("source", "source:\"port strike\""),
    ("outlet", "outlet:yonhap"),
    ("cites", "cites:reuters.com"),
    ("sources", "sources>=5"),
    ("outlets", "outlets>=3"),
    ("events", "events>=1"),
    ("claims", "claims<10"),
    ("unresolved", "unresolved>0"),
    ("single", "single:"),
    ("date", "date:2026-01"),
    ("newer", "newer:3d"),
    ("older", "older:2w"),
    ("event", "event:2026-01"),
    ("kind", "kind:story"),
    ("feed", "feed:\"world news\""),
    ("is", "is:unread"),
    ("lang", "lang:fr"),
];

/// The earliest and the latest sort keys: the open ends of a range.
const FIRST_DAY: &str = "0000-00-00";
const LAST_DAY: &str = "9999-99-99";

/// The term `f` (starting at column `at`) asks for; `typing`: its value ends
/// the input unquoted, so the last word of a title or source is a prefix.
pub fn term(f: &Field, at: usize, typing: bool, today: NaiveDate) -> Result<Term, QueryError> {
    let name = f.name.to_ascii_lowercase();
    let Some(&(_, example)) = NAMES.iter().find(|(n, _)| *n == name) else {
        return Err(unknown(f, at));
    };
    let count = count_of(&name);
    if count.is_none() && f.op != ":" {
        return Err(QueryError::new(at, format!("\"{}\" takes \":\"", f.name))
            .hint(format!("for example {example}")));
    }
    let value = f.value.trim();
    if value.is_empty() && name != "single" {
        return Err(
            QueryError::new(at, format!("\"{}{}\" needs a value", f.name, f.op))
                .hint(format!("for example {example}")),
        );
    }
    let at = f.value_at;
    if let Some(count) = count {
        return Ok(Term::Count(count, cmp(f.op), number(value, at, example)?));
    }
    let wrong = |what: &str| {
        QueryError::new(at, format!("\"{}:\" takes {what}", f.name))
            .hint(format!("for example {example}"))
    };
    let words = |value: &str| {
        let t = text(value, typing && !f.quoted);
        match t.words.is_empty() {
            true => Err(wrong("a word")),
            false => Ok(t),
        }
    };
    Ok(match name.as_str() {
        "title" => Term::Title(words(value)?),
        "source" => Term::Source(words(value)?),
        "outlet" | "cites" => {
            let key = wanted(value);
            if key.is_empty() {
                return Err(wrong("an outlet's name or domain"));
            }
            if name == "outlet" {
                Term::Outlet(key)
            } else {
                Term::Cites(key)
            }
        }
        "single" => match fold(value).as_str() {
            "" | "yes" | "true" => Term::Single,
            _ => return Err(wrong("no value (or yes)")),
        },
        "date" => Term::Date(range(value, at)?),
        "event" => Term::Event(range(value, at)?),
        "newer" => Term::Date(DateRange {
            from: ago(value, at, today)?,
            to: LAST_DAY.into(),
        }),
        "older" => Term::Date(DateRange {
            from: FIRST_DAY.into(),
            to: ago(value, at, today)?,
        }),
        "kind" => match fold(value).as_str() {
            "story" | "stories" => Term::Kind(Kind::Story),
            "article" | "articles" => Term::Kind(Kind::Article),
            _ => return Err(wrong("story or article")),
        },
        "feed" => Term::Feed(fold(value)),
        "is" => match fold(value).as_str() {
            "unread" => Term::Is(Mark::Unread),
            "read" => Term::Is(Mark::Read),
            "saved" => Term::Is(Mark::Saved),
            "updated" => Term::Is(Mark::Updated),
            _ => return Err(wrong("unread, read, saved or updated")),
        },
        _ => Term::Lang(lang(value).ok_or_else(|| wrong("a two-letter language code"))?),
    })
}

/// True when `f` is a word that a colon follows, as in a headline pasted or
/// typed (`China Visit: What Lee Declares`, `Re:`): its name is no term's nor
/// close to one, and nothing follows the colon.
pub fn is_a_word(f: &Field) -> bool {
    let name = f.name.to_ascii_lowercase();
    f.op == ":"
        && f.value.is_empty()
        && !f.quoted
        && !NAMES.iter().any(|(n, _)| *n == name)
        && closest(&name).is_none()
}

/// The known name closest to `typed`, when one is close.
fn closest(typed: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .map(|(n, _)| (strsim::damerau_levenshtein(n, typed), *n))
        .min_by_key(|&(d, _)| d)
        .filter(|&(d, n)| d <= 2 && d < typed.len().min(n.len()))
        .map(|(_, n)| n)
}

/// An unknown name, with the closest known one when one is close.
fn unknown(f: &Field, at: usize) -> QueryError {
    let typed = f.name.to_ascii_lowercase();
    let error = QueryError::new(at, format!("unknown term \"{}{}\"", f.name, f.op));
    match closest(&typed) {
        Some(n) => {
            let op = if count_of(n).is_some() { f.op } else { ":" };
            error.hint(format!("did you mean \"{n}{op}\"?"))
        }
        None => error,
    }
}

fn count_of(name: &str) -> Option<Count> {
    Some(match name {
        "sources" => Count::Sources,
        "outlets" => Count::Outlets,
        "events" => Count::Events,
        "claims" => Count::Claims,
        "unresolved" => Count::Unresolved,
        _ => return None,
    })
}

fn cmp(op: &str) -> Cmp {
    match op {
        "<" => Cmp::Lt,
        "<=" => Cmp::Le,
        ">" => Cmp::Gt,
        ">=" => Cmp::Ge,
        _ => Cmp::Eq,
    }
}

fn number(value: &str, at: usize, example: &str) -> Result<u32, QueryError> {
    value.parse().map_err(|_| {
        QueryError::new(at, format!("bad number \"{value}\""))
            .hint(format!("a whole number, for example {example}"))
    })
}

/// Words of a title or source term; the last is a prefix while being typed
/// and long enough.
fn text(value: &str, typing: bool) -> Text {
    let words: Vec<String> = words(&fold(value)).map(String::from).collect();
    let prefix = typing
        && words
            .last()
            .is_some_and(|w| w.chars().count() >= PREFIX_MIN);
    Text { words, prefix }
}

/// `2026`, `2026-01`, `2026-01-05`, `A..B`, `A..`, `..B` as sort keys.
fn range(value: &str, at: usize) -> Result<DateRange, QueryError> {
    let Some((start, end)) = value.split_once("..") else {
        let (from, to) = point(value, at)?;
        return Ok(DateRange { from, to });
    };
    if start.is_empty() && end.is_empty() {
        return Err(QueryError::new(at, "a range needs a start or an end")
            .hint("for example 2026-01.. or ..2026-02"));
    }
    let end_at = at + start.chars().count() + 2;
    let from = match start {
        "" => FIRST_DAY.to_string(),
        s => point(s, at)?.0,
    };
    let to = match end {
        "" => LAST_DAY.to_string(),
        s => point(s, end_at)?.1,
    };
    if from > to {
        return Err(QueryError::new(
            at,
            format!("\"{value}\" ends before it starts"),
        ));
    }
    Ok(DateRange { from, to })
}

/// The first and the last sort key of a year, a month or a day.
fn point(s: &str, at: usize) -> Result<(String, String), QueryError> {
    let bad = |why: &str| QueryError::new(at, format!("bad date \"{s}\"")).hint(why.to_string());
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, most: usize| {
        (!p.is_empty() && p.len() <= most && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().unwrap_or(0))
    };
    let Some(year) = parts
        .first()
        .filter(|y| y.len() == 4)
        .and_then(|y| digits(y, 4))
    else {
        return Err(bad("write 2026, 2026-01 or 2026-01-05"));
    };
    let month = match parts.get(1) {
        None => return Ok((format!("{year:04}-00-00"), format!("{year:04}-99-99"))),
        Some(m) => digits(m, 2).ok_or_else(|| bad("write 2026, 2026-01 or 2026-01-05"))?,
    };
    if !(1..=12).contains(&month) {
        return Err(bad("a month is 1 to 12"));
    }
    let ym = format!("{year:04}-{month:02}");
    let day = match parts[2..] {
        [] => return Ok((format!("{ym}-00"), format!("{ym}-99"))),
        [d] => digits(d, 2).ok_or_else(|| bad("write 2026, 2026-01 or 2026-01-05"))?,
        _ => return Err(bad("write 2026, 2026-01 or 2026-01-05")),
    };
    match NaiveDate::from_ymd_opt(year as i32, month, day) {
        Some(_) => {
            let key = format!("{ym}-{day:02}");
            Ok((key.clone(), key))
        }
        None => Err(bad(&format!("{ym} has no day {day}"))),
    }
}

/// The day `3d`, `2w`, `1m` (30 days) or `1y` (365 days) before `today`.
fn ago(value: &str, at: usize, today: NaiveDate) -> Result<String, QueryError> {
    let bad = || {
        QueryError::new(at, format!("bad age \"{value}\""))
            .hint("a number and d, w, m (30 days) or y (365 days), for example 3d")
    };
    let lower = value.to_ascii_lowercase();
    let Some(unit) = lower.chars().last() else {
        return Err(bad());
    };
    let n = &lower[..lower.len() - unit.len_utf8()];
    let days = match unit {
        'd' => 1,
        'w' => 7,
        'm' => 30,
        'y' => 365,
        _ => return Err(bad()),
    };
    let n: u64 = n.parse().map_err(|_| bad())?;
    n.checked_mul(days)
        .and_then(|d| today.checked_sub_days(Days::new(d)))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(|| QueryError::new(at, format!("\"{value}\" is too long ago")))
}

/// A two-letter ISO 639-1 code, lowercase.
fn lang(value: &str) -> Option<String> {
    let code = value.to_ascii_lowercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}
