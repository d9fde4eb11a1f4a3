//! The files an import reads, found as it goes: a directory is listed (sorted)
//! when the walk reaches it, so an import of a million pages never holds a
//! million paths (about 90 MB of them at 1,000,000); a first walk counts them
//! for the progress bar.

use std::path::{Path, PathBuf};

/// Extensions read from directories; files named on the command line are read
/// whatever their name.
const PAGE_EXTENSIONS: &[&str] = &["txt", "json", "jsonl", "xml", "rss", "atom"];

/// A walk over the paths named (files as they are, directories recursively in
/// name order), giving each file to read, or a directory that could not be
/// listed and why.
pub struct Walk {
    /// What is left to visit, the innermost directory last: whether its paths
    /// were named, and its paths not yet visited, the next one last.
    stack: Vec<(bool, Vec<PathBuf>)>,
}

impl Walk {
    pub fn new(paths: &[PathBuf]) -> Walk {
        Walk {
            stack: vec![(true, paths.iter().rev().cloned().collect())],
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, (PathBuf, std::io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (named, level) = self.stack.last_mut()?;
            let named = *named;
            let Some(path) = level.pop() else {
                self.stack.pop();
                continue;
            };
            if path.is_dir() {
                match listing(&path) {
                    Ok(paths) => self.stack.push((false, paths)),
                    Err(e) => return Some(Err((path, e))),
                }
            } else if named || is_page(&path) {
                return Some(Ok(path));
            }
        }
    }
}

/// A directory's paths, sorted, the first one last.
fn listing(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort_by(|a, b| b.cmp(a));
    Ok(paths)
}

/// Whether a file found in a directory is read: by its extension.
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether a walk of the paths named reads `file`: it is named, or it is a page
/// inside a directory named.
pub fn reads(named: &[PathBuf], file: &Path) -> bool {
    named
        .iter()
        .any(|p| p == file || (is_page(file) && file.starts_with(p) && p.is_dir()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_gives_named_files_and_the_pages_of_directories_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b/2.txt",
            "b/1.json",
            "a.txt",
            "c/d/e.xml",
            "c/skip.png",
            "c/z.rss",
        ] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let named = vec![root.join("c/skip.png"), root.to_path_buf(), "-".into()];
        let found: Vec<PathBuf> = Walk::new(&named).map(Result::unwrap).collect();
        let rel: Vec<String> = found
            .iter()
            .map(|p| match p.strip_prefix(root) {
                Ok(r) => r.to_string_lossy().into_owned(),
                Err(_) => p.to_string_lossy().into_owned(),
            })
            .collect();
        assert_eq!(
            rel,
            [
                "c/skip.png",
                "a.txt",
                "b/1.json",
                "b/2.txt",
                "c/d/e.xml",
                "c/z.rss",
                "-"
            ]
        );
        assert!(reads(&named, &root.join("b/9.json")));
        assert!(reads(&named, &root.join("c/skip.png")));
        assert!(!reads(&named, &root.join("c/other.png")));
        assert!(!reads(&named[..1], &root.join("b/1.json")));
    }
}
