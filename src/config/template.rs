//! The file `tidings config init` writes: every setting at its default, each with
//! a comment saying what it does and what it takes.

use super::{Config, ThemeName, CONFIG_VERSION};

/// The commented default config, as TOML that reads back to [`Config::default`].
pub fn template() -> String {
    let d = Config::default();
    let r = &d.reader;
    let f = &d.refresh;
    format!(
        r##"# tidings config. Every setting is shown at its default; delete what you do
# not change. Read once when tidings starts; `tidings config check` validates it.

# The layout of this file (do not change).
version = {CONFIG_VERSION}

# Colours: "dark", "light" or "mono". NO_COLOR in the environment wins (the
# reader then keeps reverse, bold and underline but no colour).
theme = "dark"

# Override single elements of the theme: a colour name ("yellow", "darkgray",
# "lightblue"), "#rrggbb", a number 0-255, or "none" (no colour: the element
# keeps only its emphasis). Each colours the text, except selection, header,
# status_bar, search_match and search_current, which colour a background (with
# "none" these are reversed). Shown here: the dark theme's colours.
[colors]
{colors}
[reader]
# The command that opens URLs, given the URL as its one argument; empty means
# $BROWSER, else the platform's opener.
browser = "{browser}"
# "relative" (3h ago within the last week), "absolute" (20 Sep 2025), or a
# strftime pattern ("%Y-%m-%d %H:%M") for dates known to the day.
date_style = "{date_style}"
# The list at start: "all", "unread" or "saved".
default_view = "{default_view}"
# The order at start: "newest", "oldest", "sources", "title". The sort S picks
# is remembered until this setting changes.
default_sort = "{default_sort}"
# Two panes (list and story) from this many columns.
two_pane_min_width = {two_pane}
# Opening a story marks it read.
mark_read_on_open = {mark_read}
# A asks before marking a whole view read.
confirm_bulk_marking = {confirm}
# Source URLs are hyperlinks (OSC 8) in terminals that support them.
hyperlinks = {hyperlinks}
# The list shows each thread (the stories of one event) once, as its newest
# story; false lists every story.
threads = {threads}

[refresh]
# Subscriptions fetched at once.
jobs = {jobs}
# Seconds allowed for each fetch, from connecting to the last byte.
timeout_secs = {timeout}
# Largest response read, in bytes.
max_bytes = {max_bytes}
# Minutes between refreshes while the reader is open; 0 is off. A feed's own
# <ttl> or Retry-After is honoured, and no feed is fetched more often than this.
auto_interval_minutes = {auto}

[retention]
# Stories each feed keeps: its newest by date that are not saved (saved stories
# are always kept and do not count). Cut after every refresh and import, and by
# `tidings prune`. 0 keeps them all. It applies to every feed ("pages I saved"
# too) that [retention.feeds] does not name.
max_items = {max_items}

# A feed's own max_items, by the name `tidings feeds` lists (0 keeps all):
# [retention.feeds]
# "Coastal Wire" = 200
"##,
        browser = r.browser,
        date_style = r.date_style,
        default_view = r.default_view.as_str(),
        default_sort = r.default_sort.as_str(),
        two_pane = r.two_pane_min_width,
        mark_read = r.mark_read_on_open,
        threads = r.threads,
        confirm = r.confirm_bulk_marking,
        hyperlinks = r.hyperlinks,
        jobs = f.jobs,
        timeout = f.timeout_secs,
        max_bytes = f.max_bytes,
        auto = f.auto_interval_minutes,
        max_items = d.retention.max_items,
        colors = commented_out(&ThemeName::Dark.palette()),
    )
}

/// The palette as `[colors]` lines, each commented out: uncommented, an element
/// would stay that colour in every theme.
fn commented_out(palette: &super::Colors) -> String {
    let lines = toml::to_string(palette).expect("colours serialize");
    lines.lines().map(|l| format!("# {l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_lists_every_reader_refresh_and_retention_setting() {
        let readme = include_str!("../../README.md");
        let mut section = "";
        let mut listed = 0;
        for line in template().lines() {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
            } else if line.starts_with('#') {
                // A comment, or an example left commented out.
            } else if let (Some((key, _)), "reader" | "refresh" | "retention") =
                (line.split_once(" = "), section)
            {
                let row = format!("| `{section}.{key}` |");
                assert!(
                    readme.contains(&row),
                    "README.md's config table lacks {row}"
                );
                listed += 1;
            }
        }
        assert_eq!(listed, 14);
    }

    #[test]
    fn the_template_reads_back_to_the_defaults() {
        let (read, ()) =
            super::super::parse(std::path::Path::new("t"), &template(), |_| Ok(())).unwrap();
        assert_eq!(read, Config::default());
    }

    #[test]
    fn the_templates_retention_example_reads_as_a_feeds_own_max_items() {
        let uncommented = template()
            .replace("# [retention.feeds]", "[retention.feeds]")
            .replace("# \"Coastal Wire\" = 200", "\"Coastal Wire\" = 200");
        let (read, ()) =
            super::super::parse(std::path::Path::new("t"), &uncommented, |_| Ok(())).unwrap();
        let max = read.retention.max_items();
        assert_eq!((max.of("Coastal Wire"), max.of("pages I saved")), (200, 0));
    }

    #[test]
    fn the_templates_colors_are_the_dark_themes_every_one() {
        let mut in_colors = false;
        let uncommented: String = template()
            .lines()
            .map(|l| {
                if l.starts_with('[') {
                    in_colors = l == "[colors]";
                }
                match l.strip_prefix("# ") {
                    Some(setting) if in_colors => format!("{setting}\n"),
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        let (read, ()) =
            super::super::load::parse(std::path::Path::new("t"), &uncommented, |_| Ok(())).unwrap();
        assert_eq!(read.colors, ThemeName::Dark.palette());
        assert!(
            uncommented.contains("\nheading = \"lightblue\"\n"),
            "{uncommented}"
        );
        assert!(
            uncommented.contains("\nselection = \"none\"\n"),
            "{uncommented}"
        );
    }
}
