//! Exporting documents: JSON (the contract shape with the reader's marks, one per
//! line, which re-imports to the same store) and Markdown (readable; claims keep
//! their `[n]` markers and the sources are a numbered list).

use std::fmt::Write;

use serde::Serialize;

use crate::model::{Document, Marks, Paragraph};

/// A document as the JSON export writes it: its fields, then its marks when it
/// has any, then the feed it is listed under (a subscription's own name would
/// otherwise be lost on the way back).
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    #[serde(skip_serializing_if = "Marks::is_none")]
    marks: Marks,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed: Option<&'a str>,
}

/// One document, its marks and its feed as a line of JSON (without the newline).
pub fn json(doc: &Document, marks: Marks, feed: Option<&str>) -> String {
    serde_json::to_string(&Exported { doc, marks, feed }).expect("documents serialize")
}

/// One document as Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", doc.title);
    let mut meta = vec![doc.kind.as_str().to_string()];
    meta.extend(doc.category.iter().chain(&doc.location).cloned());
    if let Some(n) = doc.article_count {
        meta.push(format!("{n} articles"));
    }
    if let Some(d) = doc.latest_date() {
        meta.push(format!("latest {}", d.shown(None)));
    }
    let _ = writeln!(out, "_{}_\n", meta.join(" · "));
    for p in &doc.lead {
        let _ = writeln!(out, "{}\n", paragraph(p));
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "## {h}\n");
        }
        for p in &s.paragraphs {
            let _ = writeln!(out, "{}\n", paragraph(p));
        }
    }
    if !doc.reactions.is_empty() {
        let _ = writeln!(out, "## What people are saying\n");
        for p in &doc.reactions {
            let _ = writeln!(out, "{}\n", paragraph(p));
        }
    }
    if !doc.sources.is_empty() {
        let _ = writeln!(out, "## Sources\n");
        for s in &doc.sources {
            let title = match &s.url {
                Some(u) => format!("[{}]({u})", s.title),
                None => s.title.clone(),
            };
            let outlet = s
                .outlet
                .as_deref()
                .map(|o| format!("{o}: "))
                .unwrap_or_default();
            let summary = s
                .summary
                .as_deref()
                .map(|x| format!(" — {x}"))
                .unwrap_or_default();
            let _ = writeln!(out, "{}. {outlet}{title}{summary}", s.n);
        }
        out.push('\n');
    }
    if !doc.timeline.is_empty() {
        let _ = writeln!(out, "## Timeline\n");
        for e in &doc.timeline {
            let _ = writeln!(
                out,
                "- **{}** — {}{}",
                e.date.label,
                e.text,
                markers(&e.citations)
            );
        }
        out.push('\n');
    }
    if !doc.related.is_empty() {
        let _ = writeln!(out, "## Related\n");
        for r in &doc.related {
            let title = r
                .title
                .as_deref()
                .map(|t| format!("**{t}** "))
                .unwrap_or_default();
            let _ = writeln!(out, "- {title}{}", r.summary.as_deref().unwrap_or(""));
        }
        out.push('\n');
    }
    out
}

fn paragraph(p: &Paragraph) -> String {
    p.sentences
        .iter()
        .map(|s| format!("{}{}", s.text, markers(&s.citations)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn markers(citations: &[u32]) -> String {
    citations.iter().map(|n| format!("[{n}]")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn json_carries_marks_only_when_there_are_some() {
        let doc = Document::new(Kind::Article, "Ferry times".into());
        let plain = serde_json::to_string(&doc).unwrap();
        assert_eq!(json(&doc, Marks::default(), None), plain);
        let saved = Marks {
            read: false,
            saved: true,
        };
        assert_eq!(
            json(&doc, saved, None),
            format!(
                "{},\"marks\":{{\"read\":false,\"saved\":true}}}}",
                plain.trim_end_matches('}')
            )
        );
    }

    #[test]
    fn claims_keep_markers_and_sources_are_numbered() {
        let page = "A Story\nUpdated (1 articles)\nHeading Words Here The body says this [1]. And more.\nSources (1 articles)\n[1]\nOutlet: Title: Summary of it here.\nhttps://example.org/x\n";
        let doc = &crate::parse::parse_text(page)[0];
        let md = markdown(doc);
        assert!(md.contains("## Heading Words Here"), "{md}");
        assert!(md.contains("The body says this.[1] And more."), "{md}");
        assert!(
            md.contains("1. Outlet: [Title](https://example.org/x) — Summary of it here."),
            "{md}"
        );
    }
}
