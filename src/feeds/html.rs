//! HTML in feed bodies to plain blocks: paragraphs, `<h2>`-`<h4>` headings and list
//! items; tags dropped, block elements and `<br>` end a block, script and style
//! bodies and comments vanish, character references are decoded (the whole HTML5
//! table). One pass, linear in the input; the first image sources are kept.
//!
//! A hand-written pass rather than html5ever or html2text: feeds send fragments,
//! not documents, and only the text, the block kinds and the image sources are
//! needed; entity names come from quick-xml's HTML5 table.

use std::borrow::Cow;

/// Elements that end a block where they open or close.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
];

/// Headings that open a section of a document.
const HEADINGS: &[&str] = &["h2", "h3", "h4"];

/// Elements whose content is never text for a reader.
const HIDDEN: &[&str] = &["script", "style", "noscript", "head", "template"];

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// The blocks of a fragment and the sources of its images, in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Blocks {
    pub blocks: Vec<(BlockKind, String)>,
    pub images: Vec<(String, Option<String>)>,
}

/// Reads a fragment into blocks of plain text, white space collapsed, empty ones
/// dropped, and the `src` (and `alt`) of each `<img>`.
pub fn blocks(html: &str) -> Blocks {
    let mut out = Blocks::default();
    let mut current = String::new();
    let mut kind = BlockKind::Paragraph;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut current, &rest[..lt]);
        let tag_src = &rest[lt..];
        if let Some(body) = tag_src.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
            continue;
        }
        if let Some(body) = tag_src.strip_prefix("<![CDATA[") {
            let end = body.find("]]>").unwrap_or(body.len());
            push_text(&mut current, &body[..end]);
            rest = body.get(end + 3..).unwrap_or("");
            continue;
        }
        let Some(gt) = tag_src.find('>') else {
            // A `<` that opens no tag is text.
            push_text(&mut current, tag_src);
            rest = "";
            break;
        };
        let inner = &tag_src[1..gt];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() && !closing {
            // `a < b` or `<3`: not a tag.
            push_text(&mut current, "<");
            rest = &tag_src[1..];
            continue;
        }
        rest = &tag_src[gt + 1..];
        if !closing && HIDDEN.contains(&name.as_str()) && !inner.ends_with('/') {
            let close = format!("</{name}");
            rest = find_ascii_ci(rest, &close)
                .and_then(|i| rest[i..].find('>').map(|g| &rest[i + g + 1..]))
                .unwrap_or("");
            continue;
        }
        if name == "img" && !closing {
            if let Some(src) = attribute(inner, "src").filter(|s| !s.is_empty()) {
                out.images.push((src, attribute(inner, "alt")));
            }
        }
        if BLOCKS.contains(&name.as_str()) {
            end_block(&mut out.blocks, &mut current, kind);
            kind = match (closing, name.as_str()) {
                (false, "li") => BlockKind::ListItem,
                (false, h) if HEADINGS.contains(&h) => BlockKind::Heading,
                _ => BlockKind::Paragraph,
            };
        }
    }
    push_text(&mut current, rest);
    end_block(&mut out.blocks, &mut current, kind);
    out
}

/// Paragraphs of plain text (every block, whatever its kind).
fn paragraphs(html: &str) -> Vec<String> {
    blocks(html).blocks.into_iter().map(|(_, t)| t).collect()
}

/// Plain text of the whole fragment, blocks joined by a space.
pub fn text(html: &str) -> String {
    paragraphs(html).join(" ")
}

fn end_block(out: &mut Vec<(BlockKind, String)>, current: &mut String, kind: BlockKind) {
    let p = current.trim();
    if !p.is_empty() {
        out.push((kind, p.to_string()));
    }
    current.clear();
}

/// Appends text with references decoded and runs of white space as one space.
fn push_text(current: &mut String, raw: &str) {
    let decoded = decode_references(raw);
    for c in decoded.chars() {
        if c.is_whitespace() {
            if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
        } else {
            current.push(c);
        }
    }
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The value of attribute `name` in a tag's source (`img src="a.png" alt=x`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value = tag[tag.len() - after.len() + 1..].trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        return Some(decode_references(raw.trim()).into_owned());
    }
    None
}

/// Decodes character references: numeric ones and every HTML5 named one (XML's
/// five among them, through quick-xml's table and the few it leaves out). An unknown or malformed reference
/// stays as written.
pub fn decode_references(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let from = &rest[amp..];
        // The longest HTML5 name has 31 letters (`CounterClockwiseContourIntegral`).
        let semi = from.bytes().take(40).position(|b| b == b';');
        match semi.and_then(|i| reference(&from[1..i]).map(|c| (c, i))) {
            Some((c, i)) => {
                out.push_str(&c);
                rest = &from[i + 1..];
            }
            None => {
                out.push('&');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The text a reference's name (`amp`, `#8217`, `#x2019`, `Ouml`) stands for.
pub fn reference(name: &str) -> Option<Cow<'static, str>> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|&c| c != '\0')
            .map(|c| c.to_string().into());
    }
    quick_xml::escape::resolve_html5_entity(name)
        .or_else(|| super::entities::resolve(name))
        .map(Cow::Borrowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_make_paragraphs_and_inline_tags_vanish() {
        let html = "<p>The <b>bridge</b> reopened&nbsp;today.</p><p>Traffic&#8217;s light<br>and calm.</p>";
        assert_eq!(
            paragraphs(html),
            ["The bridge reopened today.", "Traffic’s light", "and calm."]
        );
    }

    #[test]
    fn scripts_styles_and_comments_leave_no_text() {
        let html = "Before<script>alert('x')</script><style>p{}</style><!-- note -->after";
        assert_eq!(text(html), "Beforeafter");
    }

    #[test]
    fn stray_angle_brackets_and_unknown_references_stay_as_text() {
        assert_eq!(text("a < b &unknown; c"), "a < b &unknown; c");
        assert_eq!(text("x <3 y"), "x <3 y");
        assert_eq!(text("unclosed <b"), "unclosed <b");
    }

    #[test]
    fn numeric_references_decode_and_nul_is_refused() {
        assert_eq!(decode_references("&#x2014;&#65;&#0;"), "—A&#0;");
    }

    #[test]
    fn every_html5_named_reference_decodes() {
        assert_eq!(decode_references("&Ouml;tzi &bdquo;x&ldquo;"), "Ötzi „x“");
        assert_eq!(
            decode_references("Nicol&ograve; &frac34; &NotEqualTilde;"),
            "Nicolò ¾ ≂̸"
        );
        assert_eq!(decode_references("a &nosuch; b &"), "a &nosuch; b &");
    }

    #[test]
    fn headings_and_list_items_are_blocks_of_their_own() {
        let b = blocks(
            "<p>Lead.</p><h3>Talks</h3><ul><li>One <b>claim</b>.</li><li>Two.</li></ul><p>End.</p>",
        );
        let kinds: Vec<(BlockKind, &str)> =
            b.blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (BlockKind::Paragraph, "Lead."),
                (BlockKind::Heading, "Talks"),
                (BlockKind::ListItem, "One claim."),
                (BlockKind::ListItem, "Two."),
                (BlockKind::Paragraph, "End."),
            ]
        );
    }

    #[test]
    fn image_sources_are_kept() {
        let b = blocks(r#"<p>x<img alt="A &amp; B" src='/a.png'/><IMG SRC=b.jpg></p>"#);
        assert_eq!(
            b.images,
            [
                ("/a.png".to_string(), Some("A & B".to_string())),
                ("b.jpg".to_string(), None)
            ]
        );
    }
}
