//! Feed bytes to a small, lenient element tree: the encoding found from the byte
//! order mark, the first bytes or the XML declaration (UTF-8/16/32 and the legacy
//! single-byte sets), then quick-xml events with namespaces resolved to the
//! vocabularies feeds use, character references decoded with the whole HTML5
//! table, `xml:base` carried down, and mismatched end tags forgiven.

use std::borrow::Cow;
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::html::{decode_references, reference};

/// The vocabularies a feed mixes. Unprefixed elements in an unknown namespace
/// count as the feed's own ([`Ns::Core`]); a prefix we do not know is
/// [`Ns::Other`], so `<x:title>` never passes for a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// No namespace, RSS 0.90/1.0/2.0's own, or an unknown default one.
    Core,
    /// Atom 0.3 and 1.0.
    Atom,
    Rdf,
    Dc,
    DcTerms,
    Content,
    Media,
    Itunes,
    Xhtml,
    Other,
}

impl Ns {
    fn of_uri(uri: &str) -> Ns {
        let u = uri.trim().trim_end_matches(['/', '#']).to_ascii_lowercase();
        match u.as_str() {
            "http://www.w3.org/2005/atom" | "http://purl.org/atom/ns" => Ns::Atom,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns" => Ns::Rdf,
            "http://purl.org/dc/elements/1.1" | "http://purl.org/dc/elements/1.0" => Ns::Dc,
            "http://purl.org/dc/terms" => Ns::DcTerms,
            "http://purl.org/rss/1.0/modules/content" => Ns::Content,
            "http://search.yahoo.com/mrss" | "http://video.search.yahoo.com/mrss" => Ns::Media,
            "http://www.itunes.com/dtds/podcast-1.0.dtd" => Ns::Itunes,
            "http://www.w3.org/1999/xhtml" => Ns::Xhtml,
            "http://purl.org/rss/1.0"
            | "http://my.netscape.com/rdf/simple/0.9"
            | "http://backend.userland.com/rss2"
            | "http://backend.userland.com/rss"
            | "http://blogs.law.harvard.edu/tech/rss" => Ns::Core,
            _ => Ns::Other,
        }
    }

    /// The usual prefix of a vocabulary, for feeds that use it undeclared.
    fn of_prefix(prefix: &str) -> Ns {
        match prefix.to_ascii_lowercase().as_str() {
            "atom" | "atom03" => Ns::Atom,
            "rdf" => Ns::Rdf,
            "dc" => Ns::Dc,
            "dcterms" => Ns::DcTerms,
            "content" => Ns::Content,
            "media" => Ns::Media,
            "itunes" => Ns::Itunes,
            "xhtml" | "html" => Ns::Xhtml,
            _ => Ns::Other,
        }
    }

    /// The feed's main vocabulary: RSS's elements or Atom's.
    pub fn is_main(self) -> bool {
        matches!(self, Ns::Core | Ns::Atom)
    }
}

/// An element: its vocabulary, local name (ASCII lower case), attributes, children
/// and the base URL in force (`xml:base`, inherited).
#[derive(Debug)]
pub struct Element {
    pub ns: Ns,
    pub name: String,
    /// `(local name in lower case, value)`; `xmlns` declarations are left out.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub base: Option<Rc<str>>,
    /// How the element was written (`dc:title`), for re-serializing markup.
    qname: String,
}

#[derive(Debug)]
pub enum Node {
    Text(String),
    Element(Element),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child in the feed's main vocabulary with this name.
    pub fn main_child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.ns.is_main() && e.name == name)
    }

    pub fn child(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    pub fn has_element_children(&self) -> bool {
        self.elements().next().is_some()
    }

    /// All the text inside, markup left out, trimmed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out.trim().to_string()
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }

    /// The content as markup: child elements written back as tags; text as it was
    /// decoded (`escape_text == false`: escaped HTML becomes markup, as RSS means
    /// it) or escaped again (XHTML content, whose text is text).
    pub fn inner_markup(&self, escape_text: bool) -> String {
        let mut out = String::new();
        self.push_markup(&mut out, escape_text);
        out
    }

    fn push_markup(&self, out: &mut String, escape_text: bool) {
        for n in &self.children {
            match n {
                Node::Text(t) if escape_text => out.push_str(&quick_xml::escape::escape(t)),
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    let name = e.qname.rsplit(':').next().unwrap_or(&e.qname);
                    out.push('<');
                    out.push_str(name);
                    for (k, v) in &e.attrs {
                        out.push(' ');
                        out.push_str(k);
                        out.push_str("=\"");
                        out.push_str(&quick_xml::escape::escape(v));
                        out.push('"');
                    }
                    out.push('>');
                    e.push_markup(out, escape_text);
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
            }
        }
    }
}

/// Bytes in any of the encodings feeds arrive in, as text. Without a byte order
/// mark or a declared encoding, UTF-8 is assumed and Windows-1252 read when the
/// bytes are not UTF-8 (what servers that say nothing mostly send).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some(utf32) = utf32(bytes) {
        return utf32;
    }
    let (enc, skip) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (encoding_rs::UTF_8, 3),
        [0xFE, 0xFF, ..] => (encoding_rs::UTF_16BE, 2),
        [0xFF, 0xFE, ..] => (encoding_rs::UTF_16LE, 2),
        [0x00, b'<', 0x00, ..] => (encoding_rs::UTF_16BE, 0),
        [b'<', 0x00, _, 0x00, ..] => (encoding_rs::UTF_16LE, 0),
        _ => (declared(bytes).unwrap_or(encoding_rs::UTF_8), 0),
    };
    let body = &bytes[skip..];
    if enc == encoding_rs::UTF_8 {
        return Ok(match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(body)
                .0
                .into_owned()
                .into(),
        });
    }
    Ok(enc.decode_without_bom_handling(body).0.into_owned().into())
}

/// UTF-32 (with or without a byte order mark), which encoding_rs does not read.
fn utf32(bytes: &[u8]) -> Option<Result<Cow<'_, str>, String>> {
    let (big, skip) = match bytes {
        [0x00, 0x00, 0xFE, 0xFF, ..] => (true, 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (false, 4),
        [0x00, 0x00, 0x00, b'<', ..] => (true, 0),
        [b'<', 0x00, 0x00, 0x00, ..] => (false, 0),
        _ => return None,
    };
    let mut out = String::with_capacity(bytes.len() / 4);
    for (i, w) in bytes[skip..].chunks(4).enumerate() {
        let w: [u8; 4] = w.try_into().ok()?;
        let code = if big {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        };
        match char::from_u32(code) {
            Some(c) => out.push(c),
            None => {
                return Some(Err(format!(
                    "not UTF-32 as it claims: code {code:#x} at byte {}",
                    skip + 4 * i
                )))
            }
        }
    }
    Some(Ok(out.into()))
}

/// The encoding an XML declaration names (`<?xml … encoding="iso-8859-1"?>`).
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.windows(5).position(|w| w == b"<?xml")?;
    let decl = &head[start..];
    let decl = &decl[..decl.windows(2).position(|w| w == b"?>")?];
    let at = decl.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = decl[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == b'=');
    let quote = *rest.clone().next()?;
    let label: Vec<u8> = rest.skip(1).take_while(|b| **b != quote).copied().collect();
    let enc = encoding_rs::Encoding::for_label(&label)?;
    // A document that reached us as ASCII-compatible bytes is not UTF-16 whatever
    // it says: the BOM and the first bytes decide that.
    (enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE).then_some(enc)
}

/// Namespace declarations in force: `(prefix, vocabulary)`, innermost last; the
/// empty prefix is the default namespace.
struct Scopes(Vec<(String, Ns)>);

impl Scopes {
    fn resolve(&self, prefix: &str) -> Ns {
        match self.0.iter().rev().find(|(p, _)| p == prefix) {
            Some((_, ns)) => *ns,
            None if prefix.is_empty() => Ns::Core,
            None if prefix.eq_ignore_ascii_case("xml") => Ns::Other,
            None => Ns::of_prefix(prefix),
        }
    }
}

/// Parses a document into its root element. Each feed item (`<item>` or
/// `<entry>` under the root or under its channel) is handed to `on_item` as soon as
/// it closes and left out of the tree, so a long feed is never held whole. The
/// error names the line.
pub fn parse(text: &str, on_item: &mut dyn FnMut(Element)) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut scopes = Scopes(Vec::new());
    // Open elements with the number of namespace declarations each made.
    let mut open: Vec<(Element, usize)> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position() as usize;
            let line = text.as_bytes()[..at.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("ill-formed XML at line {line}: {e}")
        })?;
        match event {
            Event::Start(e) => {
                let parent_base = open.last().and_then(|(p, _)| p.base.clone());
                let (el, declared) = start(&e, &mut scopes, parent_base);
                open.push((el, declared));
            }
            Event::Empty(e) => {
                let parent_base = open.last().and_then(|(p, _)| p.base.clone());
                let (el, declared) = start(&e, &mut scopes, parent_base);
                scopes.0.truncate(scopes.0.len() - declared);
                attach(&mut open, &mut root, el, on_item);
            }
            Event::End(e) => {
                let qname = e.name().as_ref().to_string();
                // Close up to the matching element; an end tag that matches none
                // open is ignored.
                if let Some(depth) = open.iter().rposition(|(el, _)| el.qname == qname) {
                    while open.len() > depth {
                        let (el, declared) = open.pop().expect("depth < len");
                        scopes.0.truncate(scopes.0.len() - declared);
                        attach(&mut open, &mut root, el, on_item);
                    }
                }
            }
            Event::Text(t) => push_text(&mut open, &t),
            Event::CData(t) => push_text(&mut open, &t),
            Event::GeneralRef(r) => {
                let name: &str = &r;
                let text = reference(name).unwrap_or_else(|| format!("&{name};").into());
                push_text(&mut open, &text);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    // A document cut short (a dropped connection) is refused, not read in part.
    if let Some((el, _)) = open.last() {
        return Err(format!(
            "ill-formed XML: it ends inside <{}>, cut short",
            el.qname
        ));
    }
    root.ok_or_else(|| "no XML element in it".to_string())
}

fn attach(
    open: &mut [(Element, usize)],
    root: &mut Option<Element>,
    el: Element,
    on_item: &mut dyn FnMut(Element),
) {
    let is_item = el.ns.is_main() && (el.name == "item" || el.name == "entry");
    if is_item && (1..=2).contains(&open.len()) {
        on_item(el);
        return;
    }
    match open.last_mut() {
        Some((parent, _)) => parent.children.push(Node::Element(el)),
        // Only the first root counts; text or elements after it are ignored.
        None => {
            root.get_or_insert(el);
        }
    }
}

fn push_text(open: &mut [(Element, usize)], text: &str) {
    let Some((el, _)) = open.last_mut() else {
        return;
    };
    match el.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => el.children.push(Node::Text(text.to_string())),
    }
}

/// An element from its start tag; returns how many namespace declarations it
/// pushed onto `scopes`.
fn start(e: &BytesStart, scopes: &mut Scopes, parent_base: Option<Rc<str>>) -> (Element, usize) {
    let mut attrs = Vec::new();
    let mut declared = 0;
    let mut base = parent_base;
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref().to_string();
        let value = decode_references(&a.value).into_owned();
        if key == "xmlns" {
            scopes.0.push((String::new(), Ns::of_uri(&value)));
            declared += 1;
        } else if let Some(prefix) = key.strip_prefix("xmlns:") {
            scopes.0.push((prefix.to_string(), Ns::of_uri(&value)));
            declared += 1;
        } else if key == "xml:base" {
            base = Some(join(base.as_deref(), value.trim()).into());
        } else {
            let local = key.rsplit(':').next().unwrap_or(&key).to_ascii_lowercase();
            attrs.push((local, value));
        }
    }
    let qname = e.name().as_ref().to_string();
    let (prefix, local) = qname.split_once(':').unwrap_or(("", &qname));
    let mut ns = scopes.resolve(prefix);
    // An unknown default namespace is the feed's own; an unknown prefix is not.
    if ns == Ns::Other && prefix.is_empty() {
        ns = Ns::Core;
    }
    let el = Element {
        ns,
        name: local.to_ascii_lowercase(),
        attrs,
        children: Vec::new(),
        base,
        qname,
    };
    (el, declared)
}

/// `url` resolved against `base` when it is relative and the base is absolute.
pub fn join(base: Option<&str>, url: &str) -> String {
    match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(b) => b.join(url).map_or_else(|_| url.to_string(), |u| u.into()),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_found_from_the_bom_the_first_bytes_or_the_declaration() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>é</a>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16le).unwrap(), "<a>é</a>");
        let utf16be: Vec<u8> = "<a>é</a>"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&utf16be).unwrap(), "<a>é</a>");
        let utf32: Vec<u8> = "<a>€</a>"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(decode(&utf32).unwrap(), "<a>€</a>");
        let latin1 = b"<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>";
        assert!(decode(latin1).unwrap().ends_with("<a>é</a>"));
        assert_eq!(decode(b"<a>\x93q\x94</a>").unwrap(), "<a>“q”</a>");
    }

    #[test]
    fn namespaces_resolve_to_vocabularies_and_undeclared_prefixes_by_name() {
        let root = parse(
            r#"<rss xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:x="urn:x"><d:date>1</d:date><media:title>m</media:title><x:title>no</x:title></rss>"#,
            &mut |_| {},
        )
        .unwrap();
        let kinds: Vec<Ns> = root.elements().map(|e| e.ns).collect();
        assert_eq!(kinds, [Ns::Dc, Ns::Media, Ns::Other]);
    }

    #[test]
    fn mismatched_end_tags_and_html_entities_are_forgiven() {
        let root = parse(
            "<rss><title>A &amp; B &nbsp;&eacute;</b></title><p>x</rss>",
            &mut |_| {},
        )
        .unwrap();
        assert!(parse("<rss><channel><item><title>cut", &mut |_| {})
            .unwrap_err()
            .contains("ends inside <title>, cut short"));
        assert_eq!(root.main_child("title").unwrap().text(), "A & B \u{a0}é");
        assert_eq!(root.main_child("p").unwrap().text(), "x");
    }

    #[test]
    fn xml_base_is_inherited_and_joined() {
        let mut entries = Vec::new();
        let root = parse(
            r#"<feed xml:base="http://a.example/x/"><entry xml:base="y/"><link href="z"/></entry></feed>"#,
            &mut |e| entries.push(e),
        )
        .unwrap();
        assert!(
            root.main_child("entry").is_none(),
            "items are handed over, not kept"
        );
        let link = entries[0].main_child("link").unwrap();
        assert_eq!(link.base.as_deref(), Some("http://a.example/x/y/"));
    }

    #[test]
    fn inner_markup_keeps_tags_and_can_escape_text() {
        let root = parse("<t>Example <a href=\"/x\">test</a> &lt;3</t>", &mut |_| {}).unwrap();
        assert_eq!(
            root.inner_markup(false),
            "Example <a href=\"/x\">test</a> <3"
        );
        assert_eq!(
            root.inner_markup(true),
            "Example <a href=\"/x\">test</a> &lt;3"
        );
    }
}
