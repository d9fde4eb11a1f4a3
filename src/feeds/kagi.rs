//! Kagi News ("Kite") JSON to stories: a category file (`{category, timestamp,
//! clusters}`) or a bare array of clusters, in the older shape (timeline strings
//! `"date:: content"`) and the newer one (timeline objects, inline `[domain#N]` and
//! `[common]` citations). Values are loosely typed, so every field is read leniently.

use std::collections::HashMap;

use serde_json::Value;

use super::{date_of_timestamp, host_of};
use crate::model::{Document, Event, Image, Kind, Paragraph, PartialDate, Section, Source};
use crate::parse::{dates, labels, sentences};

/// Citation counts over everything mapped, for the import summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CitationTally {
    /// `[domain#N]` that named an article of the cluster.
    pub resolved: usize,
    /// `[domain#N]` that named none: left in the text as written.
    pub unresolved: usize,
    /// `[common]` (common knowledge, no article): dropped from the text.
    pub common: usize,
}

impl CitationTally {
    pub fn add(&mut self, other: CitationTally) {
        self.resolved += other.resolved;
        self.unresolved += other.unresolved;
        self.common += other.common;
    }
}

/// What a Kagi file held: stories, problems with single clusters, citation counts.
#[derive(Debug, Default)]
pub struct Mapped {
    pub documents: Vec<Document>,
    /// `cluster N: reason` for clusters that could not become a story.
    pub problems: Vec<String>,
    pub citations: CitationTally,
}

/// The shape of a Kagi JSON value, when it is one.
pub enum Shape<'a> {
    /// `kite.json`: category names and the files that hold them.
    Index(Vec<(String, String)>),
    /// A category file or a bare array of clusters, with the file's timestamp and
    /// category name.
    Clusters(&'a [Value], Option<i64>, Option<&'a str>),
}

/// Recognizes Kagi JSON; `None` for anything else.
pub fn shape(value: &Value) -> Option<Shape<'_>> {
    if let Some(list) = value.get("clusters").and_then(Value::as_array) {
        let time = value.get("timestamp").and_then(as_i64);
        let category = value.get("category").and_then(Value::as_str);
        return Some(Shape::Clusters(list, time, category));
    }
    if let Some(cats) = value.get("categories").and_then(Value::as_array) {
        let files = cats
            .iter()
            .filter_map(|c| {
                let file = text(c.get("file")?)?;
                let name = c.get("name").and_then(text).unwrap_or_else(|| file.clone());
                Some((name, file))
            })
            .collect();
        return Some(Shape::Index(files));
    }
    let looks_like_cluster = |v: &Value| {
        v.get("title").is_some()
            && (v.get("talking_points").is_some() || v.get("cluster_number").is_some())
    };
    // One cluster on its own, as a cluster's page links to it.
    if looks_like_cluster(value) {
        return Some(Shape::Clusters(std::slice::from_ref(value), None, None));
    }
    let list = value.as_array()?;
    (!list.is_empty() && list.iter().all(looks_like_cluster))
        .then_some(Shape::Clusters(list, None, None))
}

/// Maps clusters to stories; `file_time` (Unix seconds) dates clusters without one
/// and `file_category` files them when they name no category of their own.
pub fn map_clusters(
    clusters: &[Value],
    file_time: Option<i64>,
    file_category: Option<&str>,
) -> Mapped {
    let mut out = Mapped::default();
    for (i, cluster) in clusters.iter().enumerate() {
        let number = cluster
            .get("cluster_number")
            .and_then(as_i64)
            .unwrap_or(i as i64 + 1);
        match map_cluster(cluster, file_time, file_category) {
            Ok((doc, tally)) => {
                out.documents.push(doc);
                out.citations.add(tally);
            }
            Err(reason) => out.problems.push(format!("cluster {number}: {reason}")),
        }
    }
    out
}

/// Fields of plain context text, in the order a reader meets them, with headings.
const CONTEXT_FIELDS: &[(&str, &str)] = &[
    ("did_you_know", "Did you know?"),
    ("historical_background", "Background"),
    ("geopolitical_context", "Geopolitical context"),
    ("humanitarian_impact", "Humanitarian impact"),
    ("economic_implications", "Economic implications"),
    ("key_players", "Key players"),
    ("technical_details", "Technical details"),
    ("technical_specifications", "Specifications"),
    ("business_angle_text", "Business angle"),
    ("business_angle_points", "Business angle"),
    ("industry_impact", "Industry impact"),
    ("scientific_significance", "Scientific significance"),
    ("performance_statistics", "Statistics"),
    ("league_standings", "Standings"),
    ("gameplay_mechanics", "Gameplay"),
    ("design_principles", "Design principles"),
    ("user_experience_impact", "User experience"),
    ("travel_advisory", "Travel advisory"),
    ("destination_highlights", "Destination highlights"),
    ("culinary_significance", "Culinary significance"),
    ("diy_tips", "Tips"),
    ("future_outlook", "Outlook"),
    ("user_action_items", "What you can do"),
];

fn map_cluster(
    cluster: &Value,
    file_time: Option<i64>,
    file_category: Option<&str>,
) -> Result<(Document, CitationTally), String> {
    if !cluster.is_object() {
        return Err("not an object".into());
    }
    let title = cluster.get("title").and_then(text).ok_or("no title")?;
    let mut doc = Document::new(Kind::Story, title);
    doc.category = cluster
        .get("category")
        .and_then(text)
        .or_else(|| file_category.map(str::to_string));
    doc.location = cluster.get("location").and_then(text);
    let mut cites = Citer::new(cluster);
    let listed = u32::try_from(cites.sources.len()).ok().filter(|&n| n > 0);
    doc.article_count = cluster
        .get("number_of_titles")
        .and_then(as_i64)
        .and_then(|n| u32::try_from(n).ok())
        .or(listed);
    let time = cluster
        .get("published")
        .and_then(as_i64)
        .or(file_time)
        .or_else(|| newest_article(cluster));
    doc.published = time.and_then(date_of_timestamp);

    let lead = ["short_summary", "summary"]
        .iter()
        .find_map(|k| cluster.get(*k).and_then(text))
        .unwrap_or_default();
    doc.lead = lead
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| cites.paragraph(p))
        .collect();

    for point in strings(cluster.get("talking_points")) {
        let (heading, body) = split_heading(&point);
        doc.sections.push(Section {
            heading,
            paragraphs: vec![cites.paragraph(body)],
        });
    }
    let perspectives = perspectives(cluster, &mut cites);
    push_section(&mut doc, "Perspectives", perspectives);
    let quote = quote(cluster, &mut cites);
    push_section(&mut doc, "Quote", quote.into_iter().collect());
    for (field, heading) in CONTEXT_FIELDS {
        let paragraphs = strings(cluster.get(*field))
            .iter()
            .map(|s| cites.paragraph(s))
            .collect();
        push_section(&mut doc, heading, paragraphs);
    }
    let qna = questions(cluster, &mut cites);
    push_section(&mut doc, "Questions", qna);
    doc.reactions = strings(cluster.get("international_reactions"))
        .iter()
        .map(|s| cites.paragraph(s))
        .collect();
    doc.timeline = timeline(cluster, doc.published.as_ref(), &mut cites);
    doc.images = ["primary_image", "secondary_image"]
        .iter()
        .filter_map(|k| image(cluster.get(*k)?))
        .collect();
    doc.sources = std::mem::take(&mut cites.sources);
    let tally = cites.tally;
    Ok((doc, tally))
}

fn push_section(doc: &mut Document, heading: &str, paragraphs: Vec<Paragraph>) {
    let paragraphs: Vec<Paragraph> = paragraphs
        .into_iter()
        .filter(|p| !p.sentences.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return;
    }
    // Two fields may share a heading (business text and points): one section.
    match doc.sections.last_mut() {
        Some(s) if s.heading.as_deref() == Some(heading) => s.paragraphs.extend(paragraphs),
        _ => doc.sections.push(Section {
            heading: Some(heading.to_string()),
            paragraphs,
        }),
    }
}

/// Each perspective is a paragraph whose closing claim cites its sources.
fn perspectives(cluster: &Value, cites: &mut Citer) -> Vec<Paragraph> {
    let Some(list) = cluster.get("perspectives").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| {
            let body = p.get("text").and_then(text)?;
            let mut para = cites.paragraph(&body);
            let numbers: Vec<u32> = p
                .get("sources")
                .and_then(Value::as_array)
                .map(|s| {
                    s.iter()
                        .filter_map(|src| {
                            let url = src.get("url").and_then(text)?;
                            let name = src.get("name").and_then(text);
                            Some(cites.source_for_url(&url, name.as_deref()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            cite_last(&mut para, &numbers);
            Some(para)
        })
        .collect()
}

/// `“quote” — author`, citing the article it came from.
fn quote(cluster: &Value, cites: &mut Citer) -> Option<Paragraph> {
    let words = cluster.get("quote").and_then(text)?;
    let author = ["quote_author", "quote_attribution"]
        .iter()
        .find_map(|k| cluster.get(*k).and_then(text));
    let line = match author {
        Some(a) => format!("“{}” — {a}", words.trim_matches(['"', '“', '”'])),
        None => format!("“{}”", words.trim_matches(['"', '“', '”'])),
    };
    let mut para = cites.paragraph(&line);
    if let Some(url) = cluster.get("quote_source_url").and_then(text) {
        let outlet = cluster.get("quote_source_domain").and_then(text);
        let n = cites.source_for_url(&url, outlet.as_deref());
        cite_last(&mut para, &[n]);
    }
    Some(para)
}

fn questions(cluster: &Value, cites: &mut Citer) -> Vec<Paragraph> {
    let Some(list) = cluster.get("suggested_qna").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|qa| {
            let q = qa.get("question").and_then(text)?;
            let mut para = cites.paragraph(&q);
            if let Some(a) = qa.get("answer").and_then(text) {
                para.sentences.extend(cites.paragraph(&a).sentences);
            }
            Some(para)
        })
        .collect()
}

fn cite_last(para: &mut Paragraph, numbers: &[u32]) {
    if let Some(last) = para.sentences.last_mut() {
        for &n in numbers {
            if !last.citations.contains(&n) {
                last.citations.push(n);
            }
        }
    }
}

/// Timeline entries: `"date:: content"` strings or `{date, content, date_iso}`.
fn timeline(cluster: &Value, published: Option<&PartialDate>, cites: &mut Citer) -> Vec<Event> {
    let Some(list) = cluster.get("timeline").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|entry| {
            let (label, content, iso) = match entry {
                Value::String(s) => {
                    let (d, c) = s.split_once("::").unwrap_or(("", s));
                    (d.trim().to_string(), c.trim().to_string(), None)
                }
                Value::Object(_) => (
                    entry.get("date").and_then(text).unwrap_or_default(),
                    entry.get("content").and_then(text).unwrap_or_default(),
                    entry.get("date_iso").and_then(text),
                ),
                _ => return None,
            };
            if content.is_empty() && label.is_empty() {
                return None;
            }
            let (clean, markers) = cites.lift(&content);
            let mut citations: Vec<u32> = Vec::new();
            for n in markers.into_iter().flat_map(|(_, n)| n) {
                if !citations.contains(&n) {
                    citations.push(n);
                }
            }
            Some(Event {
                date: event_date(&label, iso.as_deref(), published),
                text: clean.trim().to_string(),
                citations,
            })
        })
        .collect()
}

/// The date as written, with the fields it states (or `date_iso`'s); a month
/// without a year takes the story's year, or the one before for a later month.
fn event_date(label: &str, iso: Option<&str>, published: Option<&PartialDate>) -> PartialDate {
    let labels = labels::labels();
    let parsed = iso
        .and_then(|i| dates::parse(i.get(..10).unwrap_or(i), labels))
        .or_else(|| dates::parse(label, labels))
        .or_else(|| embedded_date(label));
    let mut date = parsed.unwrap_or(PartialDate {
        label: String::new(),
        year: None,
        month: None,
        day: None,
        part: None,
        time: None,
    });
    date.label = label.to_string();
    if let (None, Some(m), Some(p)) = (date.year, date.month, published) {
        if let (Some(py), Some(pm)) = (p.year, p.month) {
            let later = (m, date.day.unwrap_or(0)) > (pm, p.day.unwrap_or(31));
            date.year = Some(if later { py - 1 } else { py });
        }
    }
    date
}

/// A date inside a longer label: `April 27, 2025, approximately 8 pm`,
/// `Early morning April 27, 2025`. Tries the widest run of words that parses.
fn embedded_date(label: &str) -> Option<PartialDate> {
    let labels = labels::labels();
    let words: Vec<&str> = label.split_whitespace().collect();
    let n = words.len().min(12);
    for width in (1..=n.min(4)).rev() {
        for start in 0..=n - width {
            let candidate = words[start..start + width].join(" ");
            let candidate = candidate.trim_end_matches(',');
            if let Some(d) = dates::parse(candidate, labels) {
                if d.year.is_some() || d.month.is_some() {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn image(v: &Value) -> Option<Image> {
    let caption = v.get("caption").and_then(text)?;
    Some(Image {
        caption,
        credit: v.get("credit").and_then(text),
        ai_generated: false,
        url: None,
    })
}

/// Numbers the cluster's articles as sources `[1]..[n]` and turns inline
/// citations into those numbers.
struct Citer {
    sources: Vec<Source>,
    by_domain: HashMap<String, Vec<u32>>,
    tally: CitationTally,
}

impl Citer {
    fn new(cluster: &Value) -> Self {
        let mut citer = Citer {
            sources: Vec::new(),
            by_domain: HashMap::new(),
            tally: CitationTally::default(),
        };
        let list = cluster.get("articles").and_then(Value::as_array);
        for a in list.into_iter().flatten() {
            let Some(title) = a.get("title").and_then(text) else {
                continue;
            };
            let url = a.get("link").and_then(text);
            let domain = a
                .get("domain")
                .and_then(text)
                .or_else(|| url.as_deref().and_then(host_of));
            let n = citer.sources.len() as u32 + 1;
            if let Some(d) = &domain {
                citer.by_domain.entry(d.to_lowercase()).or_default().push(n);
            }
            citer.sources.push(Source {
                n,
                outlet: domain,
                title,
                summary: None,
                url,
            });
        }
        citer
    }

    /// The number of the source with this URL, adding it when the cluster's
    /// articles did not list it.
    fn source_for_url(&mut self, url: &str, name: Option<&str>) -> u32 {
        if let Some(s) = self.sources.iter().find(|s| s.url.as_deref() == Some(url)) {
            return s.n;
        }
        let n = self.sources.len() as u32 + 1;
        let outlet = host_of(url);
        self.sources.push(Source {
            n,
            title: name
                .map(str::to_string)
                .or_else(|| outlet.clone())
                .unwrap_or_else(|| url.to_string()),
            outlet,
            summary: None,
            url: Some(url.to_string()),
        });
        n
    }

    fn paragraph(&mut self, s: &str) -> Paragraph {
        let (clean, markers) = self.lift(s);
        sentences::assemble(&clean, markers)
    }

    /// Lifts `[ft.com#1]` markers out of the text as source numbers and drops
    /// `[common]`; one that names no article stays in the text as written.
    /// Numbers in brackets (`[2]`) are the text's own, not citations.
    fn lift(&mut self, s: &str) -> (String, Vec<(usize, Vec<u32>)>) {
        sentences::lift_with(s, |at| self.marker_run(at))
    }

    /// A run of markers at the start of `s`: `[a.com#1][b.org#2] [common]`.
    fn marker_run(&mut self, s: &str) -> Option<(Vec<u32>, usize)> {
        let mut nums = Vec::new();
        let mut len = 0;
        loop {
            let rest = &s[len..];
            let gap = rest.len() - rest.trim_start_matches(' ').len();
            let first = len == 0;
            if !first && gap > 1 {
                break;
            }
            let Some(body) = rest[gap..].strip_prefix('[') else {
                break;
            };
            let Some(close) = body.bytes().take(80).position(|b| b == b']' || b == b'[') else {
                break;
            };
            if body.as_bytes()[close] == b'[' {
                break;
            }
            let inner = &body[..close];
            if inner.eq_ignore_ascii_case("common") {
                self.tally.common += 1;
            } else {
                let Some((domain, k)) = citation(inner) else {
                    break;
                };
                match self.resolve(domain, k) {
                    Some(n) => {
                        self.tally.resolved += 1;
                        if !nums.contains(&n) {
                            nums.push(n);
                        }
                    }
                    None => {
                        // Counted once: when the scan reaches it as a run's start.
                        if first {
                            self.tally.unresolved += 1;
                        }
                        break;
                    }
                }
            }
            len += gap + 1 + close + 1;
        }
        (len > 0).then_some((nums, len))
    }

    fn resolve(&self, domain: &str, k: usize) -> Option<u32> {
        let list = self.by_domain.get(&domain.to_lowercase())?;
        list.get(k.checked_sub(1)?).copied()
    }
}

/// `domain#N` inside a citation: a host-like name and a number.
fn citation(inner: &str) -> Option<(&str, usize)> {
    let (domain, k) = inner.rsplit_once('#')?;
    let host_like = domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let k: usize = k.parse().ok()?;
    host_like.then_some((domain, k))
}

/// A non-empty string; numbers are taken as written.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn as_i64(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str()?.trim().parse().ok())
}

/// A field that is a string, a list of strings or objects, or `""` for none.
/// Objects (`key_players` entries) read as `name: role`-like text.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => s
            .split("\n\n")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|item| match item {
                Value::Object(map) => {
                    let parts: Vec<String> = map.values().filter_map(text).collect();
                    (!parts.is_empty()).then(|| parts.join(": "))
                }
                other => text(other),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `"Heading: text"` into its heading and text, when the part before the colon is
/// short enough to be a heading.
fn split_heading(point: &str) -> (Option<String>, &str) {
    match point.split_once(": ") {
        Some((h, body)) if !h.is_empty() && h.chars().count() <= 60 && !h.contains(['.', '[']) => {
            (Some(h.trim().to_string()), body.trim())
        }
        _ => (None, point),
    }
}

fn newest_article(cluster: &Value) -> Option<i64> {
    cluster
        .get("articles")?
        .as_array()?
        .iter()
        .filter_map(|a| {
            let d = a.get("date")?.as_str()?;
            chrono::DateTime::parse_from_rfc3339(d).ok()
        })
        .map(|d| d.timestamp())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cluster() -> Value {
        json!({
            "cluster_number": 4,
            "title": "Harbour bridge reopens",
            "summary": "The bridge reopened on Friday [citynews.example#1][common]. Traffic is light [wire.example#2].",
            "number_of_titles": 9,
            "published": 1766744458,
            "talking_points": ["Repairs: Crews replaced cables [wire.example#1].", "no heading here"],
            "perspectives": [{"text": "Mayor: Says the work is done.", "sources": [{"name": "City News", "url": "https://citynews.example/a"}, {"name": "Blog", "url": "https://blog.example/p"}]}],
            "timeline": [{"date": "Dec. 24", "content": "Closed for repairs [wire.example#1]."}, {"date": "Shortly after", "content": "Detours set up [nowhere.example#3]."}],
            "international_reactions": "",
            "key_players": [{"name": "Ana Ruiz", "role": "engineer"}],
            "articles": [
                {"title": "Bridge reopens", "link": "https://citynews.example/a", "domain": "citynews.example"},
                {"title": "Cables replaced", "link": "https://wire.example/1", "domain": "wire.example"},
                {"title": "Traffic light", "link": "https://wire.example/2", "domain": "wire.example"}
            ]
        })
    }

    #[test]
    fn a_cluster_becomes_a_story_with_numbered_sources_and_resolved_citations() {
        let c = cluster();
        let mapped = map_clusters(std::slice::from_ref(&c), None, None);
        assert!(mapped.problems.is_empty());
        let doc = &mapped.documents[0];
        assert_eq!(doc.article_count, Some(9));
        assert_eq!(
            doc.lead[0].sentences[0].text,
            "The bridge reopened on Friday."
        );
        assert_eq!(doc.lead[0].sentences[0].citations, [1]);
        assert_eq!(doc.lead[0].sentences[1].citations, [3]);
        assert_eq!(doc.sections[0].heading.as_deref(), Some("Repairs"));
        assert_eq!(doc.sections[0].paragraphs[0].sentences[0].citations, [2]);
        assert_eq!(doc.sections[1].heading, None);
        let persp = &doc.sections[2];
        assert_eq!(persp.heading.as_deref(), Some("Perspectives"));
        assert_eq!(
            persp.paragraphs[0].sentences[0].citations,
            [1, 4],
            "known URL reused, new one added"
        );
        assert_eq!(
            doc.sources[3].url.as_deref(),
            Some("https://blog.example/p")
        );
        assert_eq!(doc.sections[3].heading.as_deref(), Some("Key players"));
        assert_eq!(doc.sections[3].paragraphs[0].text(), "Ana Ruiz: engineer");
        assert!(doc.reactions.is_empty(), "\"\" is an absent list");
        assert_eq!(
            mapped.citations,
            CitationTally {
                resolved: 3 + 1,
                unresolved: 1,
                common: 1
            }
        );
    }

    #[test]
    fn timeline_keeps_labels_fills_years_and_leaves_unresolved_citations_visible() {
        let c = cluster();
        let doc = &map_clusters(std::slice::from_ref(&c), None, None).documents[0];
        let first = &doc.timeline[0];
        assert_eq!(first.date.label, "Dec. 24");
        assert_eq!(
            (first.date.year, first.date.month, first.date.day),
            (Some(2025), Some(12), Some(24))
        );
        assert_eq!(first.citations, [2]);
        let second = &doc.timeline[1];
        assert_eq!(second.date.label, "Shortly after");
        assert_eq!(second.date.year, None);
        assert_eq!(second.text, "Detours set up [nowhere.example#3].");
    }

    #[test]
    fn older_timeline_strings_split_at_the_double_colon() {
        let c = json!({"title": "T", "talking_points": [], "timeline": ["Early morning April 27, 2025:: Police confirm"]});
        let doc = &map_clusters(std::slice::from_ref(&c), Some(1745759866), None).documents[0];
        let e = &doc.timeline[0];
        assert_eq!(e.date.label, "Early morning April 27, 2025");
        assert_eq!(
            (e.date.year, e.date.month, e.date.day),
            (Some(2025), Some(4), Some(27))
        );
        assert_eq!(e.text, "Police confirm");
    }

    #[test]
    fn shapes_are_told_apart_and_a_cluster_without_title_is_reported() {
        let index =
            json!({"timestamp": 1, "categories": [{"name": "World", "file": "world.json"}]});
        assert!(
            matches!(shape(&index), Some(Shape::Index(f)) if f == [("World".to_string(), "world.json".to_string())])
        );
        assert!(shape(&json!({"schema": 1, "title": "x"})).is_none());
        assert!(shape(&json!([{"title": "x", "cluster_number": 1}])).is_some());
        let mapped = map_clusters(
            &[json!({"cluster_number": 7, "title": ""}), cluster()],
            None,
            Some("World"),
        );
        assert_eq!(
            mapped.documents[0].category.as_deref(),
            Some("World"),
            "the file's category"
        );
        assert_eq!(mapped.problems, ["cluster 7: no title"]);
        assert_eq!(mapped.documents.len(), 1);
    }

    #[test]
    fn brackets_that_are_not_citations_stay_as_text() {
        let c = json!({"title": "T", "summary": "Priced at [€90 for 8GB] now, see note [2]. Odd [[ [a.example#1].",
            "articles": [{"title": "A", "link": "https://a.example/1", "domain": "a.example"}]});
        let mapped = map_clusters(std::slice::from_ref(&c), None, None);
        let lead = &mapped.documents[0].lead[0];
        assert_eq!(
            lead.text(),
            "Priced at [€90 for 8GB] now, see note [2]. Odd [[."
        );
        assert_eq!(
            lead.sentences[0].citations,
            [] as [u32; 0],
            "[2] is the text's own"
        );
        assert_eq!(
            lead.sentences[1].citations,
            [1],
            "a marker after stray brackets is found"
        );
        assert_eq!(mapped.citations.resolved, 1);
    }
}
