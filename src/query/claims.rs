//! Answers at the level of claims: which claims of a story a query asks for
//! ([`matching_claims`], for `search --claims`; [`story_query`] is what the
//! store must find first), and every claim and event of a story that cites an
//! outlet ([`citing`], for `tidings outlet`). This reads one story's document
//! and row only.

use serde::Serialize;

use super::ast::{Cmp, Count, Expr, Mark, Query, Term, Text};
use super::facts::{range_words, Facts};
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

/// A story as its claims' answers see it: its document and what its row in the
/// store says of it.
#[derive(Debug, Clone, Copy)]
pub struct Story<'a> {
    pub doc: &'a Document,
    /// Its feed (the list's feed column).
    pub feed: &'a str,
    pub read: bool,
    pub saved: bool,
    /// Changed since it was read (`store::versions`).
    pub updated: bool,
    /// Its date as the store sorts it (`YYYY-MM-DD`, missing parts `00`).
    pub date: &'a str,
}

/// The claims of `story` (a sentence with a citation) that answer `q`. Terms
/// about a claim (words, `cites:`, `outlet:`, `source:`, `single:`) are
/// decided on the claim, the others on the story, as the store decides them.
pub fn matching_claims(story: &Story, q: &Query) -> Vec<ClaimMatch> {
    let doc = story.doc;
    let facts = Facts::of(doc);
    claims(doc)
        .filter(|(_, _, s)| {
            q.expr.as_ref().is_none_or(|e| {
                eval(
                    e,
                    &Claim {
                        story,
                        facts: &facts,
                        sentence: s,
                    },
                )
            })
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

/// What the store must find for one of a story's claims to answer `q`: `q`
/// with each claim term under a `not` taken as false (a story with a claim
/// that cites AP may still hold one that does not, so `-cites:ap` must not
/// leave it out); a claim term elsewhere stays, as the story's (a story with
/// a claim citing Reuters cites Reuters). Nothing left to ask: every story.
pub fn story_query(q: &Query) -> Query {
    let expr = q.expr.as_ref().map(|e| relax(e, false));
    Query {
        expr: match expr {
            None | Some(Relaxed::Always(false)) => None,
            Some(Relaxed::Always(true)) => {
                Some(Expr::Term(Term::Count(Count::Sources, Cmp::Ge, 0)))
            }
            Some(Relaxed::Expr(e)) => Some(e),
        },
    }
}

/// A part of a query after [`relax`]: an expression, or known true or false.
enum Relaxed {
    Expr(Expr),
    Always(bool),
}

fn relax(e: &Expr, negated: bool) -> Relaxed {
    match e {
        Expr::Term(t) if negated && is_claims(t) => Relaxed::Always(false),
        Expr::Term(t) => Relaxed::Expr(Expr::Term(t.clone())),
        Expr::Not(inner) => match relax(inner, !negated) {
            Relaxed::Always(b) => Relaxed::Always(!b),
            Relaxed::Expr(x) => Relaxed::Expr(Expr::Not(Box::new(x))),
        },
        Expr::And(parts) | Expr::Or(parts) => {
            let and = matches!(e, Expr::And(_));
            let mut kept = Vec::new();
            for p in parts {
                match relax(p, negated) {
                    // false ends an and, true an or; the other drops out.
                    Relaxed::Always(b) if b != and => return Relaxed::Always(b),
                    Relaxed::Always(_) => {}
                    Relaxed::Expr(x) => kept.push(x),
                }
            }
            match kept.len() {
                0 => Relaxed::Always(and),
                1 => Relaxed::Expr(kept.remove(0)),
                _ if and => Relaxed::Expr(Expr::And(kept)),
                _ => Relaxed::Expr(Expr::Or(kept)),
            }
        }
    }
}

/// True for the terms decided on a claim rather than on its story.
fn is_claims(t: &Term) -> bool {
    matches!(
        t,
        Term::Text(_) | Term::Cites(_) | Term::Outlet(_) | Term::Single | Term::Source(_)
    )
}

/// One claim of a story, as a query's terms see it.
struct Claim<'a> {
    story: &'a Story<'a>,
    facts: &'a Facts,
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
            .filter_map(|&n| self.story.doc.source(n))
        {
            if !sources.iter().any(|k| k.n == s.n) {
                sources.push(s);
            }
        }
        sources
    }
}

/// `expr` on one claim.
fn eval(expr: &Expr, claim: &Claim) -> bool {
    match expr {
        Expr::And(parts) => parts.iter().all(|p| eval(p, claim)),
        Expr::Or(parts) => parts.iter().any(|p| eval(p, claim)),
        Expr::Not(inner) => !eval(inner, claim),
        Expr::Term(term) => term_on(term, claim),
    }
}

fn term_on(term: &Term, claim: &Claim) -> bool {
    let story = claim.story;
    let facts = claim.facts;
    match term {
        Term::Text(t) => holds(&claim.sentence.text, t),
        Term::Cites(wanted) | Term::Outlet(wanted) => {
            claim.sources().iter().any(|s| is_outlet(s, wanted))
        }
        Term::Single => claim.sources().len() == 1,
        Term::Source(t) => claim.sources().iter().any(|s| {
            std::iter::once(s.title.as_str())
                .chain(s.outlet.as_deref())
                .chain(s.summary.as_deref())
                .any(|field| holds(field, t))
        }),
        Term::Title(t) => holds(&story.doc.title, t),
        Term::Count(count, cmp, n) => {
            let have = match count {
                Count::Sources => story.doc.sources.len() as u64,
                Count::Events => story.doc.timeline.len() as u64,
                Count::Outlets => facts.outlets.into(),
                Count::Claims => facts.claims.into(),
                Count::Unresolved => facts.unresolved.into(),
            };
            let n = u64::from(*n);
            match cmp {
                Cmp::Lt => have < n,
                Cmp::Le => have <= n,
                Cmp::Eq => have == n,
                Cmp::Ge => have >= n,
                Cmp::Gt => have > n,
            }
        }
        Term::Date(r) => r.from.as_str() <= story.date && story.date <= r.to.as_str(),
        Term::Event(r) => range_words(&r.from, &r.to)
            .iter()
            .any(|w| facts.event_days.contains(w)),
        Term::Kind(kind) => story.doc.kind == *kind,
        Term::Feed(wanted) => {
            let feed = fold(story.feed);
            feed == *wanted
                || feed
                    .strip_prefix(wanted.as_str())
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        }
        Term::Is(Mark::Unread) => !story.read,
        Term::Is(Mark::Read) => story.read,
        Term::Is(Mark::Saved) => story.saved,
        Term::Is(Mark::Updated) => story.updated,
        Term::Lang(code) => facts.lang.as_deref() == Some(code.as_str()),
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
    use crate::query::DateRange;

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

    /// `doc` unread, from "Wire", dated 8 January 2026.
    fn story(doc: &Document) -> Story<'_> {
        Story {
            doc,
            feed: "Wire",
            read: false,
            saved: false,
            updated: false,
            date: "2026-01-08",
        }
    }

    /// The indexes of the claims of [`harbour`] (as [`story`] has it) that
    /// answer `expr`.
    fn found(expr: Expr) -> Vec<usize> {
        matching_claims(&story(&harbour()), &q(expr))
            .iter()
            .map(|c| c.index)
            .collect()
    }

    #[test]
    fn a_claim_is_a_cited_sentence_with_its_place_section_and_sources() {
        let all = matching_claims(&story(&harbour()), &Query::default());
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
    fn the_storys_terms_are_decided_on_the_story() {
        let all = [0, 2, 3, 4, 5];
        let none = Vec::<usize>::new();
        let four_sources = term(Term::Count(Count::Sources, Cmp::Ge, 4));
        assert_eq!(found(four_sources.clone()), all);
        assert_eq!(found(Expr::Not(Box::new(four_sources.clone()))), none);
        assert_eq!(
            found(Expr::And(vec![four_sources.clone(), term(Term::Single)])),
            [2, 4]
        );
        let french = term(Term::Lang("fr".into()));
        assert_eq!(
            found(Expr::Or(vec![term(Term::Cites("yonhap".into())), french])),
            [0, 5],
            "an English story: only its Yonhap claims"
        );
        assert_eq!(
            found(Expr::Not(Box::new(Expr::And(vec![
                term(Term::Cites("reuters".into())),
                term(Term::Is(Mark::Read)),
            ])))),
            all,
            "unread: not (reuters and read) holds of every claim"
        );
        assert_eq!(found(term(Term::Title(text(&["harbour"], false)))), all);
        assert_eq!(found(term(Term::Title(text(&["ships"], false)))), none);
        let range = |from: &str, to: &str| DateRange {
            from: from.into(),
            to: to.into(),
        };
        assert_eq!(
            found(term(Term::Date(range("2026-01-00", "2026-01-99")))),
            all
        );
        assert_eq!(
            found(term(Term::Event(range("2026-01-05", "2026-01-05")))),
            all
        );
        assert_eq!(
            found(term(Term::Event(range("2026-02-00", "2026-02-99")))),
            none
        );
        assert_eq!(found(term(Term::Feed("wire".into()))), all);
        assert_eq!(found(term(Term::Kind(Kind::Article))), none);
        assert_eq!(found(term(Term::Count(Count::Unresolved, Cmp::Eq, 1))), all);
        assert_eq!(found(term(Term::Count(Count::Outlets, Cmp::Eq, 4))), all);
    }

    #[test]
    fn the_store_looks_for_stories_with_every_claim_term_under_a_not_left_out() {
        let cites = |w: &str| term(Term::Cites(w.into()));
        let not = |e| Expr::Not(Box::new(e));
        let relaxed = |e: Expr| story_query(&q(e)).expr;
        assert_eq!(
            relaxed(Expr::And(vec![cites("reuters"), not(cites("ap"))])),
            Some(cites("reuters"))
        );
        let read = term(Term::Is(Mark::Read));
        assert_eq!(
            relaxed(Expr::And(vec![cites("reuters"), not(read.clone())])),
            Some(Expr::And(vec![cites("reuters"), not(read.clone())])),
            "the story's terms stay as they are"
        );
        assert_eq!(
            relaxed(not(Expr::Or(vec![cites("ap"), read.clone()]))),
            Some(not(read)),
            "not (ap or read): a claim not citing AP may be in any unread story"
        );
        assert_eq!(
            relaxed(not(cites("ap"))),
            Some(term(Term::Count(Count::Sources, Cmp::Ge, 0))),
            "every story"
        );
        assert_eq!(relaxed(not(not(cites("ap")))), Some(not(not(cites("ap")))));
        assert_eq!(
            relaxed(Expr::And(vec![
                cites("ap"),
                not(Expr::Or(vec![cites("ap"), cites("bbc")]))
            ])),
            Some(cites("ap")),
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
