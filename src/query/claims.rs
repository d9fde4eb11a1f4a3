//! Answers at the level of claims: which claims of a story a query asks for
//! ([`matching_claims`], for `search --claims`), and every claim and event of a
//! story that cites an outlet ([`citing`], for `tidings outlet`). The store has
//! already found the story; this reads its document only.

use serde::Serialize;

use super::ast::{Expr, Query, Term, Text};
use super::outlet;
use crate::model::{Document, PartialDate, Sentence, Source};
use crate::text::fold::fold;

/// A claim that answers a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMatch {
    /// The sentence as written.
    pub text: String,
    /// The heading of the section it is in; `None` in the lead.
    pub section: Option<String>,
    /// Its place among the story's sentences (`Document::sentences`).
    pub index: usize,
    /// Its citations, in the order written.
    pub citations: Vec<Cited>,
}

/// A citation resolved to what the story's source list says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cited {
    /// The number cited.
    pub n: u32,
    /// Who published it: the source's outlet, else the host of its URL, else
    /// its title; `None` when the story lists no source `n`.
    pub outlet: Option<String>,
    /// The source's title, when listed.
    pub title: Option<String>,
    /// The source's URL, when it has one.
    pub url: Option<String>,
}

impl Cited {
    /// The citation as a person reads it: `[1] Reuters`, `[9] unlisted`.
    pub fn label(&self) -> String {
        format!(
            "[{}] {}",
            self.n,
            self.outlet.as_deref().unwrap_or("unlisted")
        )
    }
}

/// What cites the outlet: a claim, or an event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A sentence of the lead or a section: its index among the story's
    /// sentences and its section's heading.
    Claim {
        index: usize,
        section: Option<String>,
    },
    /// A dated timeline entry.
    Event { date: PartialDate },
}

/// A claim or event that cites a wanted outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    pub text: String,
    pub place: Place,
    /// The cited sources that are the outlet, by number.
    pub sources: Vec<Cited>,
}

/// The claims of `doc` (a sentence with a citation) that answer `q`. Terms
/// about a claim (text, `cites:`, `outlet:`, `source:`, `single:`) are decided
/// on the claim; the others are the story's, which the store has decided, so
/// they neither keep a claim nor drop it.
pub fn matching_claims(doc: &Document, q: &Query) -> Vec<ClaimMatch> {
    claims(doc)
        .filter(|(_, _, s)| {
            q.expr
                .as_ref()
                .is_none_or(|e| eval(e, &Claim { doc, sentence: s }) != Some(false))
        })
        .map(|(index, section, s)| ClaimMatch {
            text: s.text.clone(),
            section: section.map(String::from),
            index,
            citations: s.citations.iter().map(|&n| cited(doc, n)).collect(),
        })
        .collect()
}

/// Every claim, then every event, of `doc` that cites a source known as
/// `wanted` (an [`outlet::wanted`] key), with the sources that are it.
pub fn citing(doc: &Document, wanted: &str) -> Vec<Citing> {
    let of = |citations: &[u32]| -> Vec<Cited> {
        let mut numbers: Vec<u32> = Vec::new();
        for &n in citations {
            if !numbers.contains(&n) && doc.source(n).is_some_and(|s| is_outlet(s, wanted)) {
                numbers.push(n);
            }
        }
        numbers.into_iter().map(|n| cited(doc, n)).collect()
    };
    let claims = claims(doc).filter_map(|(index, section, s)| {
        let sources = of(&s.citations);
        (!sources.is_empty()).then(|| Citing {
            text: s.text.clone(),
            place: Place::Claim {
                index,
                section: section.map(String::from),
            },
            sources,
        })
    });
    let events = doc.timeline.iter().filter_map(|e| {
        let sources = of(&e.citations);
        (!sources.is_empty()).then(|| Citing {
            text: e.text.clone(),
            place: Place::Event {
                date: e.date.clone(),
            },
            sources,
        })
    });
    claims.chain(events).collect()
}

/// The claims of `doc`: each sentence with a citation, with its index among
/// all sentences (`Document::sentences`' order) and its section's heading.
fn claims(doc: &Document) -> impl Iterator<Item = (usize, Option<&str>, &Sentence)> {
    let lead = doc.lead.iter().map(|p| (None, p));
    let sections = doc
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| (s.heading.as_deref(), p)));
    lead.chain(sections)
        .flat_map(|(heading, p)| p.sentences.iter().map(move |s| (heading, s)))
        .enumerate()
        .filter(|(_, (_, s))| !s.citations.is_empty())
        .map(|(i, (heading, s))| (i, heading, s))
}

/// Citation `n` of `doc`, resolved.
fn cited(doc: &Document, n: u32) -> Cited {
    let source = doc.source(n);
    Cited {
        n,
        outlet: source.map(|s| {
            s.outlet
                .clone()
                .filter(|o| !o.trim().is_empty())
                .or_else(|| s.url.as_deref().and_then(outlet::host))
                .unwrap_or_else(|| s.title.clone())
        }),
        title: source.map(|s| s.title.clone()),
        url: source.and_then(|s| s.url.clone()),
    }
}

/// One claim of a story, as a query's terms see it.
struct Claim<'a> {
    doc: &'a Document,
    sentence: &'a Sentence,
}

impl Claim<'_> {
    /// The distinct sources the claim cites that the story lists.
    fn sources(&self) -> Vec<&Source> {
        let mut sources: Vec<&Source> = Vec::new();
        for s in self
            .sentence
            .citations
            .iter()
            .filter_map(|&n| self.doc.source(n))
        {
            if !sources.iter().any(|k| k.n == s.n) {
                sources.push(s);
            }
        }
        sources
    }
}

/// `expr` on one claim, in three values: `Some` when the claim decides it,
/// `None` when only the story does (and the store found that it holds).
fn eval(expr: &Expr, claim: &Claim) -> Option<bool> {
    match expr {
        Expr::And(parts) => {
            let values: Vec<Option<bool>> = parts.iter().map(|p| eval(p, claim)).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.contains(&Some(true)) {
                Some(true)
            } else {
                None
            }
        }
        Expr::Or(parts) => {
            let values: Vec<Option<bool>> = parts.iter().map(|p| eval(p, claim)).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.contains(&None) {
                None
            } else {
                Some(false)
            }
        }
        Expr::Not(inner) => eval(inner, claim).map(|v| !v),
        Expr::Term(term) => term_on(term, claim),
    }
}

fn term_on(term: &Term, claim: &Claim) -> Option<bool> {
    match term {
        Term::Text(t) => Some(holds(&claim.sentence.text, t)),
        Term::Cites(wanted) | Term::Outlet(wanted) => {
            Some(claim.sources().iter().any(|s| is_outlet(s, wanted)))
        }
        Term::Single => Some(claim.sources().len() == 1),
        Term::Source(t) => Some(claim.sources().iter().any(|s| {
            std::iter::once(s.title.as_str())
                .chain(s.outlet.as_deref())
                .chain(s.summary.as_deref())
                .any(|field| holds(field, t))
        })),
        Term::Title(_)
        | Term::Count(..)
        | Term::Date(_)
        | Term::Event(_)
        | Term::Kind(_)
        | Term::Feed(_)
        | Term::Is(_)
        | Term::Lang(_) => None,
    }
}

/// True when `source` is known as `wanted` ([`outlet::keys`]).
fn is_outlet(source: &Source, wanted: &str) -> bool {
    outlet::keys(source)
        .iter()
        .any(|k| outlet::key_matches(k, wanted))
}

/// True when `text` holds `t`'s words one after another (folded, split at
/// anything but letters and digits), the last one as a prefix when `t` says.
fn holds(text: &str, t: &Text) -> bool {
    let have = words(text);
    let want: Vec<String> = t.words.iter().flat_map(|w| words(w)).collect();
    let Some((last, first)) = want.split_last() else {
        return true;
    };
    have.windows(want.len()).any(|at| {
        let (end, start) = at.split_last().expect("windows of at least one");
        start == first
            && if t.prefix {
                end.starts_with(last.as_str())
            } else {
                end == last
            }
    })
}

/// The folded words of `text`.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Kind, Paragraph, Section};
    use crate::query::{Cmp, Count};

    fn source(n: u32, outlet: Option<&str>, url: Option<&str>, title: &str) -> Source {
        Source {
            n,
            outlet: outlet.map(String::from),
            title: title.into(),
            summary: None,
            url: url.map(String::from),
        }
    }

    fn para(sentences: &[(&str, &[u32])]) -> Paragraph {
        Paragraph {
            sentences: sentences
                .iter()
                .map(|(text, citations)| Sentence {
                    text: (*text).into(),
                    citations: citations.to_vec(),
                })
                .collect(),
        }
    }

    /// A story whose every claim's answer is known: four listed sources (one
    /// known by its host only), a citation of an unlisted [9], a sentence with
    /// no citation, and two events.
    fn harbour() -> Document {
        let mut d = Document::new(Kind::Story, "Harbour reopens".into());
        d.sources = vec![
            source(
                1,
                Some("Reuters"),
                Some("https://www.reuters.com/world/1"),
                "Port opens",
            ),
            source(
                2,
                Some("Yonhap News Agency"),
                Some("https://en.yna.co.kr/view/2"),
                "Cranes idle",
            ),
            source(3, None, Some("https://www.bbc.co.uk/news/3"), "Ships wait"),
            source(4, Some("Le Monde"), None, "Le port rouvre"),
        ];
        d.sources[3].summary = Some("Une cyberattaque paralyse le port".into());
        d.lead.push(para(&[
            ("The harbour reopened on Monday after the attack.", &[1, 2]),
            ("Nobody cited this.", &[]),
            ("Cranes were run by hand.", &[3]),
        ]));
        d.sections.push(Section {
            heading: Some("Ships".into()),
            paragraphs: vec![para(&[
                ("Forty ships waited offshore.", &[9]),
                ("Les dockers sont rentrés.", &[4, 4]),
                ("Reuters and Yonhap agree on the harbour.", &[1, 2, 9]),
            ])],
        });
        d.timeline = vec![
            Event {
                date: PartialDate::from_compact("2026-01-05"),
                text: "The attack.".into(),
                citations: vec![2],
            },
            Event {
                date: PartialDate::from_compact("2026-01-08"),
                text: "The reopening.".into(),
                citations: vec![1, 3],
            },
        ];
        d
    }

    fn q(expr: Expr) -> Query {
        Query { expr: Some(expr) }
    }

    fn term(t: Term) -> Expr {
        Expr::Term(t)
    }

    fn text(words: &[&str], prefix: bool) -> Text {
        Text {
            words: words.iter().map(|w| w.to_string()).collect(),
            prefix,
        }
    }

    /// The indexes of the claims that answer `expr`.
    fn found(expr: Expr) -> Vec<usize> {
        matching_claims(&harbour(), &q(expr))
            .iter()
            .map(|c| c.index)
            .collect()
    }

    #[test]
    fn a_claim_is_a_cited_sentence_with_its_place_section_and_sources() {
        let all = matching_claims(&harbour(), &Query::default());
        assert_eq!(
            all.iter().map(|c| c.index).collect::<Vec<_>>(),
            [0, 2, 3, 4, 5],
            "the uncited sentence (1) is no claim, but keeps its place"
        );
        assert_eq!(
            harbour().sentences().nth(3).unwrap().text,
            all[2].text,
            "the index is the sentence's among Document::sentences"
        );
        assert_eq!(all[0].section, None, "the lead has no heading");
        assert_eq!(all[2].section.as_deref(), Some("Ships"));
        let labels =
            |i: usize| -> Vec<String> { all[i].citations.iter().map(Cited::label).collect() };
        assert_eq!(labels(0), ["[1] Reuters", "[2] Yonhap News Agency"]);
        assert_eq!(
            labels(1),
            ["[3] bbc.co.uk"],
            "no outlet: the host of its URL"
        );
        assert_eq!(labels(2), ["[9] unlisted"]);
        assert_eq!(
            all[0].citations[0],
            Cited {
                n: 1,
                outlet: Some("Reuters".into()),
                title: Some("Port opens".into()),
                url: Some("https://www.reuters.com/world/1".into()),
            }
        );
        assert_eq!(
            all[2].citations[0],
            Cited {
                n: 9,
                outlet: None,
                title: None,
                url: None
            }
        );
    }

    #[test]
    fn words_phrases_and_prefixes_are_decided_on_the_sentence() {
        assert_eq!(found(term(Term::Text(text(&["harbour"], false)))), [0, 5]);
        assert_eq!(
            found(term(Term::Text(text(&["HARBOUR"], false)))),
            [0, 5],
            "words are folded as the text is"
        );
        assert_eq!(
            found(term(Term::Text(text(&["on", "monday"], false)))),
            [0],
            "a phrase"
        );
        assert!(found(term(Term::Text(text(&["monday", "on"], false)))).is_empty());
        assert_eq!(
            found(term(Term::Text(text(&["run", "by", "ha"], true)))),
            [2],
            "the last word as a prefix"
        );
        assert!(found(term(Term::Text(text(&["ha"], false)))).is_empty());
        assert_eq!(
            found(term(Term::Text(text(&["rentres"], false)))),
            [4],
            "diacritics are folded away"
        );
    }

    #[test]
    fn cites_and_outlet_match_a_cited_source_by_name_host_or_site() {
        let cites = |w: &str| found(term(Term::Cites(outlet::wanted(w))));
        assert_eq!(cites("Yonhap"), [0, 5], "by the start of its name");
        assert_eq!(cites("en.yna.co.kr"), [0, 5], "by its host");
        assert_eq!(cites("yna.co.kr"), [0, 5], "by its site's domain");
        assert_eq!(cites("bbc"), [2], "by its domain's first label");
        assert_eq!(cites("le monde"), [4]);
        assert!(cites("ap").is_empty());
        assert_eq!(
            found(term(Term::Outlet("reuters.com".into()))),
            [0, 5],
            "outlet: is a claim's too"
        );
    }

    #[test]
    fn single_counts_the_distinct_listed_sources_a_claim_cites() {
        assert_eq!(
            found(term(Term::Single)),
            [2, 4],
            "[3] alone; [4] cited twice is one; [9] unlisted backs nothing"
        );
    }

    #[test]
    fn source_looks_in_the_cited_sources_titles_outlets_and_summaries() {
        let source = |w: &[&str]| found(term(Term::Source(text(w, false))));
        assert_eq!(source(&["cranes", "idle"]), [0, 5], "a title");
        assert_eq!(source(&["news", "agency"]), [0, 5], "an outlet");
        assert_eq!(source(&["cyberattaque"]), [4], "a summary");
        assert!(source(&["idle", "cranes"]).is_empty());
    }

    #[test]
    fn the_storys_terms_leave_every_claim_to_the_others() {
        let story = term(Term::Count(Count::Sources, Cmp::Ge, 3));
        assert_eq!(
            found(story.clone()),
            [0, 2, 3, 4, 5],
            "decided by the store"
        );
        assert_eq!(
            found(Expr::And(vec![story.clone(), term(Term::Single)])),
            [2, 4]
        );
        assert_eq!(
            found(Expr::Not(Box::new(story.clone()))),
            [0, 2, 3, 4, 5],
            "not of the unknown is unknown"
        );
        assert_eq!(
            found(Expr::Or(vec![story, term(Term::Single)])),
            [0, 2, 3, 4, 5],
            "the story's term may be what matched"
        );
        assert_eq!(
            found(term(Term::Title(text(&["ships"], false)))),
            [0, 2, 3, 4, 5],
            "title: is the headline's, not a claim's"
        );
    }

    #[test]
    fn not_and_or_combine_claim_terms() {
        let harbour = term(Term::Text(text(&["harbour"], false)));
        let single = term(Term::Single);
        assert_eq!(found(Expr::Not(Box::new(harbour.clone()))), [2, 3, 4]);
        assert_eq!(
            found(Expr::Or(vec![harbour.clone(), single.clone()])),
            [0, 2, 4, 5]
        );
        assert_eq!(
            found(Expr::And(vec![
                harbour,
                Expr::Not(Box::new(term(Term::Cites("reuters".into()))))
            ])),
            Vec::<usize>::new()
        );
        assert_eq!(
            found(Expr::Or(vec![single, term(Term::Cites("nobody".into()))])),
            [2, 4],
            "false or false is false"
        );
    }

    #[test]
    fn citing_finds_the_claims_then_the_events_that_cite_an_outlet() {
        let doc = harbour();
        let found = citing(&doc, "yonhap");
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].text,
            "The harbour reopened on Monday after the attack."
        );
        assert_eq!(
            found[0].place,
            Place::Claim {
                index: 0,
                section: None
            }
        );
        assert_eq!(
            found[1].place,
            Place::Claim {
                index: 5,
                section: Some("Ships".into())
            }
        );
        assert_eq!(
            found[2].place,
            Place::Event {
                date: PartialDate::from_compact("2026-01-05")
            }
        );
        assert_eq!(
            found[0].sources.iter().map(|s| s.n).collect::<Vec<_>>(),
            [2],
            "only the sources that are the outlet"
        );
        let by_site = citing(&doc, "bbc.co.uk");
        assert_eq!(
            by_site.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["Cranes were run by hand.", "The reopening."]
        );
        assert_eq!(
            by_site[1].sources[0].url.as_deref(),
            Some("https://www.bbc.co.uk/news/3")
        );
        let twice = citing(&doc, "le monde");
        assert_eq!(twice[0].sources.len(), 1, "[4] cited twice is one source");
        assert!(citing(&doc, "unlisted").is_empty(), "[9] is nobody's");
    }
}
