//! Colours in the config file: one colour (a ratatui name, `#rrggbb`, 0-255 or
//! `none`) per element of the screen, the built-in palettes of the `dark`,
//! `light` and `mono` themes, and `[colors]` laid over one of them.

use std::fmt;

use ratatui::style::Color;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ThemeName;

/// One colour as the file writes it. `none` (ratatui's `reset`) is no colour:
/// the element keeps only its emphasis (see [`Colors`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub Color);

/// What a colour may be, said when one is not.
const EXPECTED: &str = "a colour name (black, red, green, yellow, blue, magenta, cyan, gray, \
darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white), \
\"#rrggbb\", a number 0-255, or \"none\"";

impl Colour {
    /// No colour of its own.
    pub const NONE: Colour = Colour(Color::Reset);

    /// Reads `text`: ratatui's colour names (any case; `-`, `_` and spaces
    /// ignored), `#rrggbb`, 0-255, or `none`.
    pub fn parse(text: &str) -> Result<Colour, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("none") {
            return Ok(Colour::NONE);
        }
        t.parse::<Color>()
            .map(Colour)
            .map_err(|_| format!("`{text}` is not a colour: expected {EXPECTED}"))
    }
}

/// As the file would write it: `lightblue`, `#005faf`, `25`, `none`.
impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Color::Reset => f.write_str("none"),
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            c => f.write_str(&c.to_string().to_lowercase()),
        }
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Colour, D::Error> {
        /// A string, or a bare number 0-255.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Text(String),
            Number(i64),
        }
        let text = match Written::deserialize(d)
            .map_err(|_| serde::de::Error::custom(format!("expected {EXPECTED}")))?
        {
            Written::Text(t) => t,
            Written::Number(n) => n.to_string(),
        };
        Colour::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A colour per element of the screen. Text colours, except the five that
/// colour a background (`selection`, `header`, `status_bar`, `search_match`,
/// `search_current`). In `[colors]` each is optional and wins over the theme's;
/// in a theme's palette an element left out has no colour, like `none`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    /// The row or item under the cursor (background; none: reverse video).
    pub selection: Option<Colour>,
    /// The `●` of an unread story.
    pub unread: Option<Colour>,
    /// The `★` of a saved story.
    pub saved: Option<Colour>,
    /// Section headings (bold besides).
    pub heading: Option<Colour>,
    /// `[1]` citing a listed source (bold besides).
    pub citation: Option<Colour>,
    /// `[9]` citing no listed source (dim and struck out besides).
    pub unresolved_citation: Option<Colour>,
    /// A source's outlet, in the list of sources and on its card.
    pub source: Option<Colour>,
    /// The dates of timeline events.
    pub date: Option<Colour>,
    /// Links: related articles, a source's URL (underlined besides).
    pub link: Option<Colour>,
    /// Key names on the key map screen.
    pub key: Option<Colour>,
    /// Secondary text: feed, counts and dates on rows, meta lines, hints
    /// (none: the terminal's dim).
    pub dim: Option<Colour>,
    /// The line between the panes and the boxes' frames (none: the line dim,
    /// the frames plain).
    pub border: Option<Colour>,
    /// The list's header line (background; none: reverse video).
    pub header: Option<Colour>,
    /// The text on the list's header line.
    pub header_text: Option<Colour>,
    /// The status bar (background; none: reverse video).
    pub status_bar: Option<Colour>,
    /// The text on the status bar.
    pub status_bar_text: Option<Colour>,
    /// A match of the search within a story (background; none: reverse video).
    pub search_match: Option<Colour>,
    /// The match the search moved to (background).
    pub search_current: Option<Colour>,
}

impl Colors {
    /// These colours where set, `base`'s elsewhere.
    pub fn over(&self, base: &Colors) -> Colors {
        let pick = |mine: Option<Colour>, theirs: Option<Colour>| mine.or(theirs);
        Colors {
            selection: pick(self.selection, base.selection),
            unread: pick(self.unread, base.unread),
            saved: pick(self.saved, base.saved),
            heading: pick(self.heading, base.heading),
            citation: pick(self.citation, base.citation),
            unresolved_citation: pick(self.unresolved_citation, base.unresolved_citation),
            source: pick(self.source, base.source),
            date: pick(self.date, base.date),
            link: pick(self.link, base.link),
            key: pick(self.key, base.key),
            dim: pick(self.dim, base.dim),
            border: pick(self.border, base.border),
            header: pick(self.header, base.header),
            header_text: pick(self.header_text, base.header_text),
            status_bar: pick(self.status_bar, base.status_bar),
            status_bar_text: pick(self.status_bar_text, base.status_bar_text),
            search_match: pick(self.search_match, base.search_match),
            search_current: pick(self.search_current, base.search_current),
        }
    }
}

impl ThemeName {
    /// The theme's colour for every element.
    pub fn palette(self) -> Colors {
        match self {
            ThemeName::Dark => dark(),
            ThemeName::Light => light(),
            ThemeName::Mono => mono(),
        }
    }
}

/// The reader's first look, for a dark background.
fn dark() -> Colors {
    use Color::*;
    let c = |c| Some(Colour(c));
    Colors {
        selection: c(Reset),
        unread: c(Cyan),
        saved: c(Reset),
        heading: c(LightBlue),
        citation: c(Cyan),
        unresolved_citation: c(Yellow),
        source: c(DarkGray),
        date: c(LightMagenta),
        link: c(Cyan),
        key: c(Cyan),
        dim: c(DarkGray),
        border: c(Reset),
        header: c(DarkGray),
        header_text: c(White),
        status_bar: c(Blue),
        status_bar_text: c(White),
        search_match: c(Yellow),
        search_current: c(LightGreen),
    }
}

/// For a light background: the 256-colour palette's fixed colours, dark
/// enough to read on white whatever the terminal's sixteen are.
fn light() -> Colors {
    use Color::*;
    let c = |c| Some(Colour(c));
    Colors {
        selection: c(Reset),
        unread: c(Indexed(25)),
        saved: c(Indexed(130)),
        heading: c(Indexed(25)),
        citation: c(Indexed(30)),
        unresolved_citation: c(Indexed(130)),
        source: c(Indexed(240)),
        date: c(Indexed(90)),
        link: c(Indexed(25)),
        key: c(Indexed(30)),
        dim: c(Indexed(242)),
        border: c(Indexed(248)),
        header: c(Indexed(252)),
        header_text: c(Indexed(16)),
        status_bar: c(Indexed(25)),
        status_bar_text: c(Indexed(231)),
        search_match: c(Indexed(229)),
        search_current: c(Indexed(157)),
    }
}

/// No colour at all: reverse, bold, underline and dim say it all.
fn mono() -> Colors {
    Colors::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn colors(text: &str) -> Colors {
        super::super::load::parse(Path::new("config.toml"), text, |_| Ok(()))
            .unwrap()
            .0
            .colors
    }

    fn error(text: &str) -> String {
        super::super::load::parse(Path::new("config.toml"), text, |_| Ok(()))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn colours_by_name_hex_number_or_none() {
        let c = colors(
            "[colors]\nheading = \"yellow\"\nsource = \"DarkGray\"\ndate = \"light-magenta\"\n\
             citation = \"#00AF87\"\nlink = \"#005faf\"\nunread = 208\nsaved = \"33\"\nborder = \"none\"\n",
        );
        assert_eq!(c.heading, Some(Colour(Color::Yellow)));
        assert_eq!(c.source, Some(Colour(Color::DarkGray)));
        assert_eq!(c.date, Some(Colour(Color::LightMagenta)));
        assert_eq!(c.citation, Some(Colour(Color::Rgb(0, 0xaf, 0x87))));
        assert_eq!(c.link, Some(Colour(Color::Rgb(0, 0x5f, 0xaf))));
        assert_eq!(c.unread, Some(Colour(Color::Indexed(208))));
        assert_eq!(c.saved, Some(Colour(Color::Indexed(33))));
        assert_eq!(c.border, Some(Colour::NONE));
        assert_eq!(c.selection, None, "not set: the theme's");
    }

    #[test]
    fn a_bad_colour_names_its_place_and_what_a_colour_is() {
        let e = error("theme = \"dark\"\n[colors]\nheading = \"neon\"\n");
        assert!(
            e.starts_with(
                "config.toml:3:11: `neon` is not a colour: expected a colour name (black, red,"
            ),
            "{e}"
        );
        assert!(
            e.contains("\"#rrggbb\", a number 0-255, or \"none\""),
            "{e}"
        );
        for (bad, column) in [
            ("\"#12345\"", 11),
            ("\"#gg0000\"", 11),
            ("256", 11),
            ("-1", 11),
            ("true", 11),
            ("[1, 2]", 11),
        ] {
            let e = error(&format!("[colors]\nheading = {bad}\n"));
            assert!(
                e.starts_with(&format!("config.toml:2:{column}: ")),
                "{bad}: {e}"
            );
            assert!(e.contains("a number 0-255, or \"none\""), "{bad}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
        let unknown = error("[colors]\nheadline = \"red\"\n");
        assert!(
            unknown.starts_with(
                "config.toml:2:1: unknown field `headline`, expected one of `selection`"
            ),
            "{unknown}"
        );
    }

    #[test]
    fn a_colour_is_written_as_it_is_read() {
        for c in [
            Color::Reset,
            Color::LightBlue,
            Color::DarkGray,
            Color::Indexed(25),
            Color::Rgb(0, 0x5f, 0xaf),
        ] {
            let written = Colour(c).to_string();
            assert_eq!(Colour::parse(&written), Ok(Colour(c)), "{written}");
        }
        assert_eq!(Colour(Color::Reset).to_string(), "none");
        assert_eq!(Colour(Color::LightMagenta).to_string(), "lightmagenta");
    }

    #[test]
    fn overrides_win_element_by_element() {
        let mine = Colors {
            heading: Some(Colour(Color::Red)),
            ..Colors::default()
        };
        let merged = mine.over(&ThemeName::Dark.palette());
        assert_eq!(merged.heading, Some(Colour(Color::Red)));
        assert_eq!(merged.citation, Some(Colour(Color::Cyan)));
        assert_eq!(ThemeName::Mono.palette(), Colors::default(), "no colour");
    }
}
