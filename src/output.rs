//! Where results go (`-o FILE`, README "Reliability"):
//! - no `-o`, `-o -` or `-o /dev/stdout`: standard output;
//! - a regular file (or a name not yet taken): written to a temporary file
//!   beside it (`.align-*.tmp`) and renamed into place, so a failed run
//!   leaves the old file as it was; the temporary file is removed on error
//!   and on an interrupt (SIGINT, SIGTERM, SIGHUP);
//! - anything else (a named pipe, a device such as `/dev/null`): written in
//!   place, as it cannot be replaced.
//!
//! Before anything is read, [`check_paths`] refuses a run whose output is
//! one of its inputs (the same file, however named) or that reads standard
//! input twice.

use crate::error::{Error, Result};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// How an output path is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    /// Not a regular file: opened and written as it is.
    InPlace(PathBuf),
    /// A regular file, or a new one: temporary file, then rename.
    Atomic(PathBuf),
}

/// Names that stand for standard output.
fn is_stdout(p: &Path) -> bool {
    matches!(
        p.to_str(),
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
    )
}

/// How `path` is written (`None`: standard output).
pub fn target(path: Option<&Path>) -> Target {
    let Some(p) = path.filter(|p| !is_stdout(p)) else {
        return Target::Stdout;
    };
    match std::fs::metadata(p) {
        Ok(m) if !m.is_file() => Target::InPlace(p.to_path_buf()),
        // An existing file is replaced where it really is, so a symbolic
        // link to it stays a link.
        Ok(_) => Target::Atomic(std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())),
        Err(_) => Target::Atomic(p.to_path_buf()),
    }
}

/// Write to `path` (see the module docs), or to standard output when `None`.
pub fn write_with(path: Option<&Path>, f: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    match target(path) {
        Target::Stdout => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            f(&mut w)?;
            w.flush()
                .map_err(|e| Error::io("failed to write standard output", e))
        }
        Target::InPlace(p) => {
            let name = p.display().to_string();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&p)
                .map_err(|e| Error::io(format!("failed to open {name}"), e))?;
            let mut w = BufWriter::new(file);
            f(&mut w)?;
            w.flush()
                .map_err(|e| Error::io(format!("failed to write {name}"), e))
        }
        Target::Atomic(p) => atomic(&p, path.unwrap_or(&p), f),
    }
}

/// Write `p` through a temporary file beside it; `shown` names it in messages.
fn atomic(p: &Path, shown: &Path, f: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let name = shown.display().to_string();
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".align-").suffix(".tmp");
    // Temporary files are private by default; the result should have
    // the permissions of the file it replaces, or the usual ones
    // (0666 less the umask) for a new file.
    match std::fs::metadata(p) {
        Ok(m) => {
            builder.permissions(m.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(std::fs::Permissions::from_mode(0o666));
            }
        }
    }
    watch_interrupts();
    let tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::io(format!("failed to create {name}"), e))?;
    let _live = Live::new(tmp.path());
    let mut w = BufWriter::new(tmp);
    f(&mut w)?;
    let tmp = w
        .into_inner()
        .map_err(|e| Error::io(format!("failed to write {name}"), e.into_error()))?;
    tmp.persist(p)
        .map_err(|e| Error::io(format!("failed to write {name}"), e.error))?;
    Ok(())
}

/// Temporary files being written, removed by the interrupt handler.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file listed in [`LIVE`] while it exists.
struct Live(PathBuf);

impl Live {
    fn new(p: &Path) -> Live {
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        live.push(p.to_path_buf());
        Live(p.to_path_buf())
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        live.retain(|p| p != &self.0);
    }
}

/// Remove every temporary file being written.
fn remove_live() {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for p in live.iter() {
        let _ = std::fs::remove_file(p);
    }
}

/// From the first temporary file on, catch SIGINT, SIGTERM and SIGHUP on a
/// thread of their own: remove the temporary files, then end the process
/// with 128 + the signal's number (130 for Ctrl-C), as the shell would.
/// This handler is the one place in the library that ends the process: an
/// interrupt has no caller to return to. Without a handler (it could not be
/// set up) an interrupt ends the process as usual.
#[cfg(unix)]
fn watch_interrupts() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static WATCHING: OnceLock<bool> = OnceLock::new();
    WATCHING.get_or_init(|| {
        let (ready, wait) = std::sync::mpsc::sync_channel(1);
        let started = std::thread::Builder::new()
            .name("interrupts".into())
            .spawn(move || {
                let Ok(mut signals) =
                    signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
                else {
                    let _ = ready.send(false);
                    return;
                };
                let _ = ready.send(true);
                if let Some(sig) = signals.forever().next() {
                    remove_live();
                    std::process::exit(128 + sig);
                }
            });
        // Wait until the handler is in place, so no interrupt falls between.
        started.is_ok() && wait.recv().unwrap_or(false)
    });
}

#[cfg(not(unix))]
fn watch_interrupts() {}

#[cfg(feature = "cli")]
/// Identity of a file: device and inode (where the system has them).
#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(feature = "cli")]
/// The metadata of an input: standard input's for `-`.
fn input_metadata(p: &Path) -> Option<std::fs::Metadata> {
    if p.as_os_str() == "-" {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
            return std::fs::File::from(fd).metadata().ok();
        }
        #[cfg(not(unix))]
        return None;
    }
    std::fs::metadata(p).ok()
}

#[cfg(feature = "cli")]
/// Is the output `out` the same regular file as the input `input`?
fn same_file(out: &std::fs::Metadata, input: &Path) -> bool {
    #[cfg(unix)]
    {
        input_metadata(input).is_some_and(|m| identity(&m) == identity(out))
    }
    #[cfg(not(unix))]
    {
        let _ = (out, input);
        false
    }
}

#[cfg(feature = "cli")]
/// Are two input paths the same file (the same device and inode; `-` is
/// standard input)? `false` when either cannot be examined.
pub fn same_input(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        match (input_metadata(a), input_metadata(b)) {
            (Some(x), Some(y)) => identity(&x) == identity(&y),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(feature = "cli")]
/// Refuse (usage error, exit 2) a run that reads standard input for two of
/// its `inputs`, or whose `outputs` would replace one of its `inputs`.
/// Each input comes with how the user named it (`"--outcomes"`).
pub fn check_paths(
    inputs: &[(&str, Option<&Path>)],
    outputs: &[(&str, Option<&Path>)],
) -> Result<()> {
    let given: Vec<(&str, &Path)> = inputs
        .iter()
        .filter_map(|(what, p)| p.map(|p| (*what, p)))
        .collect();
    let stdin: Vec<&str> = given
        .iter()
        .filter(|(_, p)| p.as_os_str() == "-")
        .map(|(what, _)| *what)
        .collect();
    if let [first, second, ..] = stdin.as_slice() {
        return Err(Error::Usage(format!(
            "{first} and {second} cannot both be read from standard input (`-`); save one of them to a file"
        )));
    }
    for (flag, out) in outputs {
        let Some(out) = out.filter(|p| !is_stdout(p)) else {
            continue;
        };
        // Only a regular file is replaced; a pipe or a device is written in place.
        let Some(meta) = std::fs::metadata(out).ok().filter(|m| m.is_file()) else {
            continue;
        };
        if let Some((what, _)) = given.iter().find(|(_, p)| same_file(&meta, p)) {
            return Err(Error::Usage(format!(
                "{flag} {} is {what} of this run: writing it would replace the input; choose another output file",
                out.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdout_names_and_devices_are_not_replaced() {
        assert_eq!(target(None), Target::Stdout);
        assert_eq!(target(Some(Path::new("-"))), Target::Stdout);
        assert_eq!(target(Some(Path::new("/dev/stdout"))), Target::Stdout);
        assert_eq!(
            target(Some(Path::new("/dev/null"))),
            Target::InPlace("/dev/null".into())
        );
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.csv");
        assert_eq!(target(Some(&new)), Target::Atomic(new.clone()));
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("x.csv");
        std::fs::write(&input, "a\n").unwrap();
        let other = dir.path().join("y.csv");
        // The same file through another name.
        let alias = dir.path().join(".").join("x.csv");
        let e = check_paths(&[("the responses", Some(&input))], &[("-o", Some(&alias))]);
        assert!(matches!(e, Err(Error::Usage(m)) if m.contains("is the responses")));
        assert!(check_paths(&[("the responses", Some(&input))], &[("-o", Some(&other))]).is_ok());
        let e = check_paths(
            &[
                ("the responses", Some(Path::new("-"))),
                ("--outcomes", Some(Path::new("-"))),
            ],
            &[],
        );
        assert!(matches!(e, Err(Error::Usage(m)) if m.contains("the responses and --outcomes")));
    }
}
