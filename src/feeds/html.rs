//! HTML in feed descriptions to plain paragraphs: tags dropped, block elements and
//! `<br>` end a paragraph, script and style bodies and comments vanish, character
//! references are decoded. One pass, linear in the input.

/// Elements that end a paragraph where they open or close.
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

/// Elements whose content is never text for a reader.
const HIDDEN: &[&str] = &["script", "style", "noscript", "head", "template", "svg"];

/// Paragraphs of plain text, white space collapsed, empty ones dropped.
pub fn paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
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
        if BLOCKS.contains(&name.as_str()) {
            end_paragraph(&mut out, &mut current);
        }
    }
    push_text(&mut current, rest);
    end_paragraph(&mut out, &mut current);
    out
}

/// Plain text of the whole fragment, paragraphs joined by a space.
pub fn text(html: &str) -> String {
    paragraphs(html).join(" ")
}

fn end_paragraph(out: &mut Vec<String>, current: &mut String) {
    let p = current.trim();
    if !p.is_empty() {
        out.push(p.to_string());
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

/// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the named references feeds use.
pub fn decode_references(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let from = &rest[amp..];
        let semi = from.bytes().take(12).position(|b| b == b';');
        match semi.and_then(|i| reference(&from[1..i]).map(|c| (c, i))) {
            Some((c, i)) => {
                out.push(c);
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

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "deg" => '°',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        _ => return None,
    })
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
}
