//! Page UI labels (section names, badges, banners, navigation, month names) loaded
//! from the per-language tables in `assets/labels/`, merged and folded for lookup.

use std::collections::HashSet;
use std::sync::OnceLock;

pub use crate::text::fold::fold;
use serde::Deserialize;

/// The label tables compiled into the binary, one per UI language.
const TABLES: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/labels/en.json")),
    ("fr", include_str!("../../assets/labels/fr.json")),
    ("yo", include_str!("../../assets/labels/yo.json")),
    ("es", include_str!("../../assets/labels/es.json")),
    ("de", include_str!("../../assets/labels/de.json")),
];

/// One language's table as written in `assets/labels/LANG.json`.
#[derive(Debug, Deserialize)]
pub struct Table {
    pub lang: String,
    pub name: String,
    pub provenance: String,
    navigation: Vec<String>,
    updated: Vec<String>,
    sources: Vec<String>,
    articles: Vec<String>,
    timeline: Vec<String>,
    key_facts: Vec<String>,
    status: Vec<String>,
    photo_credit: Vec<String>,
    ai_image: Vec<String>,
    ai_report: Vec<String>,
    reactions: Vec<String>,
    related: Vec<String>,
    cookie_title: Vec<String>,
    cookie_text: Vec<String>,
    buttons: Vec<String>,
    chrome_prefixes: Vec<String>,
    months: Vec<Vec<String>>,
}

/// What a badge line says about the content next to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Badges {
    pub ai_image: bool,
    pub ai_report: bool,
}

/// All languages' labels, folded (see [`fold`]) for matching.
#[derive(Debug, Default)]
pub struct Labels {
    navigation: HashSet<String>,
    updated: Vec<String>,
    sources: Vec<String>,
    articles: HashSet<String>,
    timeline: HashSet<String>,
    key_facts: HashSet<String>,
    status: HashSet<String>,
    /// The first word of each status label: a line with none of them is no
    /// status line, found without searching for every label.
    status_first_words: HashSet<String>,
    photo_credit: Vec<String>,
    ai_image: Vec<String>,
    ai_report: Vec<String>,
    reactions: HashSet<String>,
    related: HashSet<String>,
    cookie_title: HashSet<String>,
    cookie_text: Vec<String>,
    buttons: HashSet<String>,
    chrome_prefixes: Vec<String>,
    months: Vec<(String, u32)>,
    /// The longest folded label, in chars: longer lines cannot equal a label.
    max_label_chars: usize,
}

/// The merged labels of every shipped language.
pub fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| Labels::from_tables(&tables()))
}

/// The shipped tables, parsed. A malformed asset is a build defect, caught by tests.
pub fn tables() -> Vec<Table> {
    TABLES
        .iter()
        .map(|(lang, json)| {
            serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("assets/labels/{lang}.json is malformed: {e}"))
        })
        .collect()
}

fn folded(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = v
        .iter()
        .map(|s| fold(s))
        .filter(|s| !s.is_empty())
        .collect();
    // Longest first, so that prefix and badge matching prefer the fullest label.
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

impl Labels {
    fn from_tables(tables: &[Table]) -> Self {
        type Field = fn(&Table) -> &Vec<String>;
        let list = |f: Field| folded(&tables.iter().flat_map(|t| f(t).clone()).collect::<Vec<_>>());
        let set = |f: Field| -> HashSet<String> {
            tables
                .iter()
                .flat_map(|t| f(t).iter().map(|s| fold(s)))
                .collect()
        };
        let months = tables
            .iter()
            .flat_map(|t| t.months.iter().zip(1u32..))
            .flat_map(|(names, m)| names.iter().map(move |n| (fold(n), m)))
            .collect();
        let max_label_chars = tables
            .iter()
            .flat_map(|t| {
                [
                    &t.navigation,
                    &t.updated,
                    &t.sources,
                    &t.articles,
                    &t.timeline,
                    &t.key_facts,
                    &t.status,
                    &t.photo_credit,
                    &t.ai_image,
                    &t.ai_report,
                    &t.reactions,
                    &t.related,
                    &t.cookie_title,
                    &t.cookie_text,
                    &t.buttons,
                    &t.chrome_prefixes,
                ]
            })
            .flatten()
            .map(|l| fold(l).chars().count())
            .max()
            .unwrap_or(0);
        Labels {
            max_label_chars,
            navigation: set(|t| &t.navigation),
            updated: list(|t| &t.updated),
            sources: list(|t| &t.sources),
            articles: set(|t| &t.articles),
            timeline: set(|t| &t.timeline),
            key_facts: set(|t| &t.key_facts),
            status: set(|t| &t.status),
            status_first_words: set(|t| &t.status)
                .iter()
                .filter_map(|w| {
                    w.split(|c: char| !c.is_alphanumeric())
                        .find(|x| !x.is_empty())
                })
                .map(String::from)
                .collect(),
            photo_credit: list(|t| &t.photo_credit),
            ai_image: list(|t| &t.ai_image),
            ai_report: list(|t| &t.ai_report),
            reactions: set(|t| &t.reactions),
            related: set(|t| &t.related),
            cookie_title: set(|t| &t.cookie_title),
            cookie_text: list(|t| &t.cookie_text),
            buttons: set(|t| &t.buttons),
            chrome_prefixes: list(|t| &t.chrome_prefixes),
            months,
        }
    }

    /// The folded line when it is short enough to equal a label; body lines are
    /// refused by length before any folding, which keeps parsing fast.
    /// `f` of the folded line, when the line is short enough to be a label.
    fn with_short_key<R>(&self, line: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let limit = self.max_label_chars * 2 + 8;
        line.chars()
            .nth(limit)
            .is_none()
            .then(|| with_folded(line, f))
    }

    /// The folded start of a line, as long as the longest label.
    fn head_key(&self, line: &str) -> String {
        let end = line
            .char_indices()
            .nth(self.max_label_chars + 4)
            .map_or(line.len(), |(i, _)| i);
        fold(&line[..end])
    }

    fn in_set(&self, set: &HashSet<String>, line: &str) -> bool {
        self.with_short_key(line, |k| set.contains(k))
            .unwrap_or(false)
    }

    fn has_prefix(&self, prefixes: &[String], line: &str) -> bool {
        let head = self.head_key(line);
        prefixes.iter().any(|p| head.starts_with(p.as_str()))
    }

    pub fn is_navigation(&self, line: &str) -> bool {
        self.in_set(&self.navigation, line)
    }

    pub fn is_timeline(&self, line: &str) -> bool {
        self.in_set(&self.timeline, line)
    }

    pub fn is_key_facts(&self, line: &str) -> bool {
        self.in_set(&self.key_facts, line)
    }

    pub fn is_reactions(&self, line: &str) -> bool {
        self.in_set(&self.reactions, line)
    }

    pub fn is_related(&self, line: &str) -> bool {
        self.in_set(&self.related, line)
    }

    pub fn is_cookie_title(&self, line: &str) -> bool {
        self.in_set(&self.cookie_title, line)
    }

    pub fn is_button(&self, line: &str) -> bool {
        self.in_set(&self.buttons, line)
    }

    pub fn is_cookie_text(&self, line: &str) -> bool {
        self.has_prefix(&self.cookie_text, line)
    }

    /// Sign-up, follow and share prompts.
    pub fn is_chrome(&self, line: &str) -> bool {
        self.has_prefix(&self.chrome_prefixes, line)
    }

    /// A photo credit line such as `PHOTO: REUTERS`.
    pub fn is_credit(&self, line: &str) -> bool {
        line.split_whitespace().nth(12).is_none() && self.has_prefix(&self.photo_credit, line)
    }

    /// The credit without its label: `PHOTO: REUTERS` -> `REUTERS`.
    pub fn strip_credit_label(&self, line: &str) -> String {
        let f = fold(line);
        let label = self.photo_credit.iter().find(|p| f.starts_with(p.as_str()));
        let words = label.map_or(0, |p| p.split_whitespace().count());
        let rest = line
            .split_whitespace()
            .skip(words)
            .collect::<Vec<_>>()
            .join(" ");
        rest.trim_start_matches(':').trim().to_string()
    }

    /// `Updated (4 articles)` or `Sources (4 articles)`: which one, and N.
    pub fn count_line(&self, line: &str) -> Option<(CountLabel, u32)> {
        if !line.ends_with(')') {
            return None;
        }
        self.with_short_key(line, |f| self.count_key(f)).flatten()
    }

    fn count_key(&self, f: &str) -> Option<(CountLabel, u32)> {
        let open = f.find('(')?;
        let inner = f[open + 1..].strip_suffix(')')?.trim();
        let head = f[..open].trim();
        let (num, word) = inner.split_once(' ')?;
        let n: u32 = num.parse().ok()?;
        if !self.articles.contains(word.trim()) {
            return None;
        }
        if self.updated.iter().any(|u| u == head) {
            Some((CountLabel::Updated, n))
        } else if self.sources.iter().any(|u| u == head) {
            Some((CountLabel::Sources, n))
        } else {
            None
        }
    }

    /// A bare `Sources` heading without a count.
    pub fn is_sources(&self, line: &str) -> bool {
        self.with_short_key(line, |f| self.sources.iter().any(|s| s == f))
            .unwrap_or(false)
    }

    /// The `Updated Published Cached` status line of the Key Facts layout: a short
    /// line holding at least two status words.
    pub fn is_status_line(&self, line: &str) -> bool {
        if line.ends_with(['.', ']', '!', '?']) || line.split_whitespace().nth(16).is_some() {
            return false;
        }
        with_folded(line, |f| {
            f.split(|c: char| !c.is_alphanumeric())
                .any(|w| self.status_first_words.contains(w))
                && self.status.iter().filter(|w| contains_word(f, w)).count() >= 2
        })
    }

    /// If the whole line is made of AI badges, what they say.
    pub fn badges(&self, line: &str) -> Option<Badges> {
        if line.split_whitespace().nth(16).is_some() {
            return None;
        }
        let mut rest = fold(line);
        let mut found = Badges::default();
        'outer: loop {
            rest = rest.trim().to_string();
            if rest.is_empty() {
                break;
            }
            for (list, is_image) in [(&self.ai_image, true), (&self.ai_report, false)] {
                for b in list {
                    if let Some(r) = rest.strip_prefix(b.as_str()) {
                        if is_image {
                            found.ai_image = true;
                        } else {
                            found.ai_report = true;
                        }
                        rest = r.to_string();
                        continue 'outer;
                    }
                }
            }
            return None;
        }
        (found.ai_image || found.ai_report).then_some(found)
    }

    /// The month number of a month name or abbreviation (`Jan`, `janv.`, `März`).
    pub fn month(&self, word: &str) -> Option<u32> {
        let f = fold(word.trim_end_matches('.'));
        self.months.iter().find(|(n, _)| *n == f).map(|(_, m)| *m)
    }
}

/// Which count line a page carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountLabel {
    Updated,
    Sources,
}

/// `f` of `fold(line)`. A page's line is asked several questions in a row (is it
/// the sources heading, the timeline, a status line...), so the last fold is kept.
fn with_folded<R>(line: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static LAST: std::cell::RefCell<(String, String)> = const {
            std::cell::RefCell::new((String::new(), String::new()))
        };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != line {
            last.1 = fold(line);
            last.0.clear();
            last.0.push_str(line);
        }
        f(&last.1)
    })
}

fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_and_has_twelve_months_or_none() {
        for t in tables() {
            assert!(t.months.is_empty() || t.months.len() == 12, "{}", t.lang);
            assert!(!t.name.is_empty() && !t.provenance.is_empty());
        }
    }

    #[test]
    fn count_lines_in_the_seed_wording() {
        let l = labels();
        assert_eq!(
            l.count_line("Updated (4 articles)"),
            Some((CountLabel::Updated, 4))
        );
        assert_eq!(
            l.count_line("Sources (1 article)"),
            Some((CountLabel::Sources, 1))
        );
        assert_eq!(l.count_line("Updated (many articles)"), None);
        assert_eq!(l.count_line("Lee (4 articles)"), None);
    }

    #[test]
    fn badges_combine_on_one_line_in_any_language() {
        let l = labels();
        let b = l.badges("Ti AI ṣe iroyin Àwòrán tí AI ṣe").unwrap();
        assert!(b.ai_image && b.ai_report);
        let b = l.badges("Rapporté par l’IA").unwrap();
        assert!(!b.ai_image && b.ai_report);
        assert_eq!(l.badges("Lee and Xi share view"), None);
    }

    #[test]
    fn fold_ignores_case_marks_and_apostrophe_shape() {
        assert_eq!(fold("Kọ̀"), fold("KO"));
        assert_eq!(fold("Rapporté  par l’IA"), "rapporte par l'ia");
    }

    #[test]
    fn months_in_several_languages() {
        let l = labels();
        assert_eq!(l.month("Sep"), Some(9));
        assert_eq!(l.month("Sept."), Some(9));
        assert_eq!(l.month("janv."), Some(1));
        assert_eq!(l.month("März"), Some(3));
        assert_eq!(l.month("Lee"), None);
    }

    #[test]
    fn status_line_of_key_facts_layout() {
        let l = labels();
        assert!(l.is_status_line("Updated Published Cached"));
        assert!(l.is_status_line("Updated 2 hours ago · Published Jan 6 · Cached"));
        assert!(!l.is_status_line("Updated"));
    }
}
