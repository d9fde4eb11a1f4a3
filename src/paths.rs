//! Where the store lives: `--data-dir`, then `TIDINGS_DATA_DIR`, then the platform's
//! data directory for tidings (`directories::ProjectDirs`).

use std::path::PathBuf;

use directories::ProjectDirs;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "TIDINGS_DATA_DIR";

/// The store's file name inside the data directory.
pub const STORE_FILE: &str = "tidings.db";

/// Resolves the data directory: the flag wins, then the variable, then the platform.
pub fn data_dir(flag: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    ProjectDirs::from("", "", "tidings")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| {
            format!("no home directory to keep the store in; pass --data-dir or set {DATA_DIR_ENV}")
        })
}
