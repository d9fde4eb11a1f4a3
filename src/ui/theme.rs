//! The theme: every style the screen draws with, made once at start from the
//! config's theme and `[colors]` (or with no colour at all under `NO_COLOR`), each
//! element keeping its emphasis (reverse, bold, underline, dim) without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::app::layout::SpanKind;
use crate::config::{Colors, Colour, Config, ThemeName};

/// The styles of the screen's elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    title: Style,
    heading: Style,
    citation: Style,
    unresolved: Style,
    label: Style,
    date: Style,
    link: Style,
    key: Style,
    source: Style,
    /// The item under the cursor in the focused pane.
    pub cursor: Style,
    /// The item under the cursor in a pane without the keyboard.
    pub cursor_unfocused: Style,
    /// A match of the story's search: it replaces the cursor's reverse.
    pub search_hit: Style,
    /// The match of the story's search moved to.
    pub search_current: Style,
    /// The headline list's header line.
    pub header: Style,
    /// The status bar.
    pub status: Style,
    /// The unread mark on a row.
    pub unread: Style,
    /// The saved mark on a row.
    pub saved: Style,
    /// Secondary text.
    pub dim: Style,
    /// The line between the panes.
    pub separator: Style,
    /// The frames of boxes drawn over the screen.
    pub frame: Style,
}

impl Default for Theme {
    /// The dark theme.
    fn default() -> Self {
        Theme::new(&ThemeName::Dark.palette())
    }
}

impl Theme {
    /// The config's theme with its `[colors]` over it; with no colour at all
    /// when `colour` is false (`NO_COLOR` wins over the file).
    pub fn from_config(config: &Config, colour: bool) -> Theme {
        if colour {
            Theme::new(&config.colors.over(&config.theme.palette()))
        } else {
            Theme::new(&ThemeName::Mono.palette())
        }
    }

    /// The styles for `colors`, an element without a colour keeping its
    /// emphasis: a bar or the selection reversed, secondary text dim.
    pub fn new(colors: &Colors) -> Theme {
        let fg = |c: Option<Colour>| colour(c).map_or(Style::new(), |c| Style::new().fg(c));
        let bar = |bg, text| match colour(bg) {
            Some(bg) => fg(text).bg(bg),
            None => Style::new().add_modifier(Modifier::REVERSED),
        };
        let dim = match colour(colors.dim) {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::DIM),
        };
        let or_dim = |c| colour(c).map_or(dim, |c| Style::new().fg(c));
        let search = |bg| {
            let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
            match colour(bg) {
                Some(bg) => underlined
                    .fg(Color::Black)
                    .bg(bg)
                    .remove_modifier(Modifier::REVERSED),
                None => underlined.add_modifier(Modifier::REVERSED),
            }
        };
        Theme {
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: fg(colors.heading).add_modifier(Modifier::BOLD),
            citation: fg(colors.citation).add_modifier(Modifier::BOLD),
            unresolved: fg(colors.unresolved_citation)
                .add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
            label: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            date: fg(colors.date),
            link: fg(colors.link).add_modifier(Modifier::UNDERLINED),
            key: fg(colors.key),
            source: or_dim(colors.source),
            cursor: match colour(colors.selection) {
                Some(bg) => Style::new().bg(bg),
                None => Style::new().add_modifier(Modifier::REVERSED),
            },
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            search_hit: search(colors.search_match),
            search_current: search(colors.search_current).add_modifier(Modifier::BOLD),
            header: bar(colors.header, colors.header_text).add_modifier(Modifier::BOLD),
            status: bar(colors.status_bar, colors.status_bar_text),
            unread: fg(colors.unread),
            saved: fg(colors.saved),
            dim,
            separator: or_dim(colors.border),
            frame: fg(colors.border),
        }
    }

    /// The style of a span of the story pane or the key map.
    pub fn span(&self, kind: SpanKind) -> Style {
        match kind {
            SpanKind::Title => self.title,
            SpanKind::Meta | SpanKind::Dim => self.dim,
            SpanKind::Heading => self.heading,
            SpanKind::Body => Style::new(),
            SpanKind::Citation => self.citation,
            SpanKind::Unresolved => self.unresolved,
            SpanKind::Label => self.label,
            SpanKind::Date => self.date,
            SpanKind::Link => self.link,
            SpanKind::Key => self.key,
            SpanKind::Source => self.source,
            // What changed since the story was read stands out as unread does.
            SpanKind::ChangeMark | SpanKind::Added => self.unread.add_modifier(Modifier::BOLD),
        }
    }
}

/// The colour, if it is one (`none` is not).
fn colour(c: Option<Colour>) -> Option<Color> {
    c.map(|c| c.0).filter(|&c| c != Color::Reset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_colour(s: Style) -> bool {
        [s.fg, s.bg].iter().flatten().any(|&c| c != Color::Reset)
    }

    fn all(t: &Theme) -> Vec<Style> {
        let kinds = [
            SpanKind::Title,
            SpanKind::Meta,
            SpanKind::Heading,
            SpanKind::Body,
            SpanKind::Citation,
            SpanKind::Unresolved,
            SpanKind::Label,
            SpanKind::Date,
            SpanKind::Dim,
            SpanKind::Link,
            SpanKind::Key,
            SpanKind::Source,
            SpanKind::ChangeMark,
            SpanKind::Added,
        ];
        let mut styles: Vec<Style> = kinds.iter().map(|&k| t.span(k)).collect();
        styles.extend([
            t.cursor,
            t.cursor_unfocused,
            t.search_hit,
            t.search_current,
            t.header,
            t.status,
            t.unread,
            t.saved,
            t.dim,
            t.separator,
            t.frame,
        ]);
        styles
    }

    #[test]
    fn without_colour_every_element_keeps_its_emphasis() {
        let loud = Config {
            theme: ThemeName::Light,
            colors: Colors {
                selection: Some(Colour(Color::Blue)),
                heading: Some(Colour(Color::Red)),
                ..Colors::default()
            },
            ..Config::default()
        };
        let mono = Theme::new(&ThemeName::Mono.palette());
        assert_eq!(Theme::from_config(&loud, false), mono, "NO_COLOR wins");
        assert!(!all(&mono).into_iter().any(has_colour));
        let has = |s: Style, m: Modifier| s.add_modifier.contains(m);
        assert!(has(mono.cursor, Modifier::REVERSED));
        assert!(has(mono.header, Modifier::REVERSED | Modifier::BOLD));
        assert!(has(mono.status, Modifier::REVERSED));
        assert!(has(mono.dim, Modifier::DIM));
        assert!(has(mono.separator, Modifier::DIM));
        assert!(has(mono.span(SpanKind::Source), Modifier::DIM));
        assert!(has(
            mono.search_hit,
            Modifier::REVERSED | Modifier::UNDERLINED
        ));
        assert!(has(mono.search_current, Modifier::BOLD));
        assert!(has(mono.span(SpanKind::Heading), Modifier::BOLD));
    }

    #[test]
    fn an_override_wins_over_the_theme_and_none_leaves_the_emphasis() {
        let config = Config {
            theme: ThemeName::Light,
            colors: Colors {
                selection: Some(Colour(Color::Blue)),
                heading: Some(Colour::NONE),
                status_bar: Some(Colour::NONE),
                ..Colors::default()
            },
            ..Config::default()
        };
        let t = Theme::from_config(&config, true);
        assert_eq!(t.cursor, Style::new().bg(Color::Blue), "no reverse");
        assert_eq!(
            t.span(SpanKind::Heading),
            Style::new().add_modifier(Modifier::BOLD)
        );
        assert_eq!(t.status, Style::new().add_modifier(Modifier::REVERSED));
        let light = Theme::new(&ThemeName::Light.palette());
        assert_eq!(t.span(SpanKind::Citation), light.span(SpanKind::Citation));
        assert_ne!(light, Theme::default());
    }
}
