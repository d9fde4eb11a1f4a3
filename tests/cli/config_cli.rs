//! `tidings config init|path|check` and a bad config file stopping every command
//! before it starts (exit 2, one line naming the file, line and column).

use crate::common;

use std::path::Path;
use std::process::Output;

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// `tidings --config FILE ARGS` on a throw-away store.
fn with_config(data: &Path, config: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--config", config.to_str().unwrap()];
    all.extend_from_slice(args);
    common::tidings(data, &all)
}

#[test]
fn init_writes_every_default_once_and_check_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("conf/config.toml");
    let path = with_config(dir.path(), &file, &["config", "path"]);
    assert_eq!(text(&path.stdout).trim(), file.to_str().unwrap());
    assert!(text(&path.stderr).contains("not there yet"));

    let init = with_config(dir.path(), &file, &["config", "init"]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    for setting in [
        "theme = \"dark\"",
        "date_style = \"relative\"",
        "auto_interval_minutes = 0",
        "mark_read_on_open = true",
    ] {
        assert!(written.contains(setting), "{setting} in:\n{written}");
    }
    let again = with_config(dir.path(), &file, &["config", "init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("--force"),
        "{}",
        text(&again.stderr)
    );
    let forced = with_config(dir.path(), &file, &["config", "init", "--force"]);
    assert!(forced.status.success());

    let check = with_config(dir.path(), &file, &["config", "check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains(": ok"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn a_bad_config_stops_every_command_with_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "theme = \"dark\"\n\n[reader]\nbrowzer = \"firefox\"\n",
    )
    .unwrap();
    for args in [&["list"][..], &["config", "check"], &["refresh"]] {
        let out = with_config(dir.path(), &file, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "tidings: {}:4:1: unknown field `browzer`",
                file.display()
            )),
            "{err}"
        );
    }
    // A file named but missing is an error too; the default one may be missing.
    let missing = with_config(dir.path(), &dir.path().join("nope.toml"), &["list"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read the config file"));
    let defaults = common::bin()
        .args(["--data-dir", dir.path().to_str().unwrap(), "list"])
        .env_remove("TIDINGS_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path().join("empty"))
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(defaults.status.success(), "{}", text(&defaults.stderr));
}

/// A colour that is not one stops the reader and every command before they start:
/// never a half-themed reader.
#[test]
fn a_bad_colour_stops_every_command_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "theme = \"light\"\n[colors]\nborder = \"#12345g\"\n").unwrap();
    for args in [&[][..], &["list"], &["config", "check"]] {
        let out = with_config(dir.path(), &file, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "tidings: {}:3:10: `#12345g` is not a colour: expected a colour name",
                file.display()
            )),
            "{err}"
        );
    }
}

#[test]
fn the_config_variable_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("from-env.toml");
    std::fs::write(&file, "[refresh]\njobs = \"many\"\n").unwrap();
    let out = common::bin()
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "config",
            "check",
        ])
        .env("TIDINGS_CONFIG", &file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("from-env.toml:2:8: invalid type"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn init_lists_every_action_and_check_prints_the_effective_key_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let init = with_config(dir.path(), &file, &["config", "init"]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    for line in [
        "[keys.list]  # Headline list",
        "# next_unread = \"n\"",
        "# open = [\"enter\", \"l\", \"right\"]",
        "[keys.global]  # Everywhere",
        "# page_down = [\"pgdn\", \"ctrl-d\"]",
    ] {
        assert!(written.contains(line), "{line} in:\n{written}");
    }

    std::fs::write(
        &file,
        "[keys.list]\nnext_unread = \"x\"\nundo = \"none\"\n[keys.timeline]\ntimeline = \"T\"\n",
    )
    .unwrap();
    let check = with_config(dir.path(), &file, &["config", "check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    let out = text(&check.stdout);
    for line in [
        "next_unread = \"x\"                         # open the next unread story",
        "undo = \"none\"",
        "timeline = \"T\"",
        "[keys.story]  # Story and timeline",
        "quit = [\"Q\", \"ctrl-c\"]",
    ] {
        assert!(out.contains(line), "{line} in:\n{out}");
    }
}

#[test]
fn a_bad_key_setting_stops_every_command_with_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let cases = [
        (
            "[keys.list]\nopen = \"n\"\n",
            ":2:8: `n` is bound to both `open` and `next_unread` in [keys.list]",
        ),
        (
            "[keys.list]\nnext_unred = \"x\"\n",
            ":2:1: unknown action `next_unred` in [keys.list]; did you mean `next_unread`?",
        ),
        (
            "[keys.lst]\n",
            ":1:7: unknown key table [keys.lst], expected one of",
        ),
        (
            "[keys.list]\nopen = \"hyper-o\"\n",
            ":2:8: unknown key \"hyper-o\"",
        ),
    ];
    for (config, expected) in cases {
        std::fs::write(&file, config).unwrap();
        for args in [&["list"][..], &["config", "check"]] {
            let out = with_config(dir.path(), &file, args);
            assert_eq!(out.status.code(), Some(2), "{args:?} {config}");
            let err = text(&out.stderr);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.starts_with(&format!("tidings: {}{expected}", file.display())),
                "{err}"
            );
        }
    }
}

#[test]
fn list_and_search_show_dates_in_the_configs_style() {
    let dir = tempfile::tempdir().unwrap();
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/gazette.rss");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[reader]\ndate_style = \"%d.%m.%Y\"\n").unwrap();
    assert!(
        with_config(dir.path(), &file, &["import", feed.to_str().unwrap()])
            .status
            .success()
    );
    let list = text(&with_config(dir.path(), &file, &["list"]).stdout);
    assert!(list.contains("05.12.2025"), "{list}");
    let search = text(&with_config(dir.path(), &file, &["search", "bridge"]).stdout);
    assert!(search.contains("05.12.2025"), "{search}");
}
