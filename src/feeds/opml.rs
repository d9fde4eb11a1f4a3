//! OPML subscription lists: every `<outline xmlUrl=…>` (at any depth, so folders of
//! feeds work) is read as a subscription; export writes OPML 2.0.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::text::sanitize::for_terminal_owned;

/// One feed an OPML file lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub url: String,
    pub name: Option<String>,
}

/// The feeds an OPML document lists, in document order.
pub fn read(text: &str) -> Result<Vec<Outline>, String> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut saw_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                if name.as_ref().eq_ignore_ascii_case("opml") {
                    saw_opml = true;
                } else if name.as_ref().eq_ignore_ascii_case("outline") {
                    if let Some(o) = outline(&e)? {
                        out.push(o);
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("not OPML: {e} at byte {}", reader.error_position())),
        }
    }
    if !saw_opml {
        return Err("not OPML: no <opml> element".into());
    }
    Ok(out)
}

fn outline(e: &BytesStart) -> Result<Option<Outline>, String> {
    let (mut url, mut text, mut title) = (None, None, None);
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| for_terminal_owned(format!("not OPML: {e}")))?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| for_terminal_owned(format!("not OPML: {e}")))?
            .trim()
            .to_string();
        match attr.key.local_name().as_ref() {
            "xmlUrl" | "xmlurl" => url = Some(value),
            "text" => text = Some(value),
            "title" => title = Some(value),
            _ => {}
        }
    }
    Ok(url.filter(|u| !u.is_empty()).map(|url| Outline {
        url,
        name: title.or(text).filter(|n| !n.is_empty()),
    }))
}

/// An OPML 2.0 document listing `outlines`.
pub fn write(outlines: &[Outline]) -> String {
    use quick_xml::escape::escape;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>tidings subscriptions</title></head>\n  <body>\n",
    );
    for o in outlines {
        let name = o.name.as_deref().unwrap_or(&o.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"/>\n",
            escape(name),
            escape(name),
            escape(o.url.as_str())
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_read_and_folders_skipped() {
        let opml = r#"<?xml version="1.0"?><opml version="1.0"><body>
<outline text="News"><outline text="Gazette &amp; Co" xmlUrl="https://g.example/rss"/>
<outline title="Wire" text="w" xmlUrl="https://w.example/atom"></outline></outline>
<outline text="no url"/></body></opml>"#;
        assert_eq!(
            read(opml).unwrap(),
            [
                Outline {
                    url: "https://g.example/rss".into(),
                    name: Some("Gazette & Co".into())
                },
                Outline {
                    url: "https://w.example/atom".into(),
                    name: Some("Wire".into())
                },
            ]
        );
    }

    #[test]
    fn written_opml_reads_back() {
        let list = vec![
            Outline {
                url: "https://a.example/feed?x=1&y=\"2\"".into(),
                name: Some("A <&> B".into()),
            },
            Outline {
                url: "https://b.example/".into(),
                name: None,
            },
        ];
        let back = read(&write(&list)).unwrap();
        assert_eq!(back[0], list[0]);
        assert_eq!(back[1].name.as_deref(), Some("https://b.example/"));
    }

    #[test]
    fn other_xml_is_refused() {
        assert!(read("<rss><channel/></rss>")
            .unwrap_err()
            .contains("no <opml>"));
        assert!(read("<opml><body><outline xmlUrl=\"x></body>").is_err());
    }
}
