//! Where a responses file's data rows start and how they are cut into
//! parts for the threads; reading a part's bytes.

use super::PartText;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Where the parts of `data_start..len` start, then `len`: parts of `part`
/// bytes, then smaller ones (down to an eighth) as the end nears, so that
/// the threads run out of work at about the same time.
pub(super) fn part_bounds(
    data_start: u64,
    len: u64,
    threads: usize,
    part: u64,
    unit: u64,
) -> Vec<u64> {
    let unit = unit.max(1);
    let part = part.max(unit);
    let mut bounds = vec![data_start];
    let mut at = data_start;
    while at < len {
        let size = ((len - at) / (4 * threads.max(1) as u64)).clamp((part / 8).max(1), part);
        // Whole units of text (`len - data_start` is a multiple of them).
        let size = (size / unit).max(1) * unit;
        at = (at + size).min(len);
        bounds.push(at);
    }
    bounds
}

/// Where the data rows start, after the BOM and `header_rows` records
/// (blank lines skipped; quoted fields may span lines), and that line.
pub(super) fn data_start(
    path: &Path,
    bom: bool,
    header_rows: u64,
    text: PartText,
) -> Option<(u64, u64)> {
    // Header rows take a few kilobytes; a long Qualtrics header up to 4 MiB.
    for cap in [64 << 10, 4 << 20] {
        let mut buf = Vec::new();
        File::open(path)
            .ok()?
            .take(cap)
            .read_to_end(&mut buf)
            .ok()?;
        let found = match text {
            PartText::Utf16 { big_endian } => utf16_header_end(&buf, big_endian, header_rows),
            _ => header_end(&buf, bom, header_rows),
        };
        match found {
            Some(found) => return Some(found),
            None if (buf.len() as u64) < cap => return None,
            None => {}
        }
    }
    None
}

/// [`header_end`] of a UTF-16 file's first bytes (its byte-order mark
/// first): the header rows found in the decoded text, and where they end
/// counted back in bytes (two a unit).
fn utf16_header_end(buf: &[u8], big_endian: bool, header_rows: u64) -> Option<(u64, u64)> {
    let units = buf.get(2..)?;
    let units = &units[..units.len() / 2 * 2];
    let encoding = match big_endian {
        true => encoding_rs::UTF_16BE,
        false => encoding_rs::UTF_16LE,
    };
    let (text, _) = encoding.decode_without_bom_handling(units);
    let (at, line) = header_end(text.as_bytes(), false, header_rows)?;
    let before = text.get(..at as usize)?;
    // A replacement character in the header rows (an undecodable unit)
    // would make the count wrong: one pass says what is wrong.
    if before.contains('\u{fffd}') {
        return None;
    }
    Some((2 + 2 * before.encode_utf16().count() as u64, line))
}

/// Where the data rows start in `buf` (the file's first bytes), and that
/// line; `None` if `buf` ends first.
fn header_end(buf: &[u8], bom: bool, header_rows: u64) -> Option<(u64, u64)> {
    let mut pos = if bom { 3 } else { 0 };
    let mut line = 1u64;
    let mut left = header_rows;
    while left > 0 {
        match buf.get(pos..)? {
            [b'\n', ..] => {
                pos += 1;
                line += 1;
                continue;
            }
            [b'\r', b'\n', ..] => {
                pos += 2;
                line += 1;
                continue;
            }
            _ => {}
        }
        let mut quoted = false;
        loop {
            let b = *buf.get(pos)?;
            pos += 1;
            match b {
                b'"' => quoted = !quoted,
                b'\n' => {
                    line += 1;
                    if !quoted {
                        break;
                    }
                }
                _ => {}
            }
        }
        left -= 1;
    }
    Some((pos as u64, line))
}

/// Average bytes per line over the first 64 KiB of data.
pub(super) fn bytes_per_row(path: &Path, data_start: u64, len: u64) -> Option<u64> {
    let mut f = File::open(path).ok()?;
    f.seek(SeekFrom::Start(data_start)).ok()?;
    let mut buf = Vec::new();
    f.take(64 << 10).read_to_end(&mut buf).ok()?;
    let n = memchr::memchr_iter(b'\n', &buf).count() as u64;
    (buf.len() as u64).checked_div(n).or(Some(len - data_start))
}

/// Read `n` bytes at `at` (fewer at the end of the file) onto `buf`.
pub(super) fn read_at(f: &mut File, at: u64, n: u64, buf: &mut Vec<u8>) -> std::io::Result<()> {
    f.seek(SeekFrom::Start(at))?;
    f.take(n).read_to_end(buf)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{data_start, part_bounds, PartText};

    #[test]
    fn data_starts_after_headers_short_and_long() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        // A first header row of over 64 KiB with a quoted line break, a
        // blank line, a second header row, then data.
        let long = format!(
            "id,\"{}\n{}\"\n\nx,y\n",
            "a".repeat(40_000),
            "b".repeat(40_000)
        );
        let file = format!("{long}1,2\n3,4\n");
        std::fs::write(&path, &file).unwrap();
        assert_eq!(
            data_start(&path, false, 2, PartText::Utf8),
            Some((long.len() as u64, 5))
        );
        assert_eq!(
            data_start(&path, false, 1, PartText::Utf8),
            Some((long.len() as u64 - 5, 3))
        );
        // A short header, and a BOM.
        std::fs::write(&path, "\u{feff}a,b\n1,2\n").unwrap();
        assert_eq!(data_start(&path, true, 1, PartText::Utf8), Some((7, 2)));
        // UTF-16 (little- and big-endian), a quoted line break and a
        // character of two units in the header: counted back in bytes.
        let head = "id,\"a\nb😀\"\r\n\nx,y\n";
        for big_endian in [false, true] {
            let mut bytes = match big_endian {
                true => vec![0xFE, 0xFF],
                false => vec![0xFF, 0xFE],
            };
            for u in format!("{head}1,2\n").encode_utf16() {
                bytes.extend(match big_endian {
                    true => u.to_be_bytes(),
                    false => u.to_le_bytes(),
                });
            }
            std::fs::write(&path, &bytes).unwrap();
            let units = head.encode_utf16().count() as u64;
            let text = PartText::Utf16 { big_endian };
            assert_eq!(data_start(&path, false, 2, text), Some((2 + 2 * units, 5)));
        }
        // Header rows that never end.
        std::fs::write(&path, "a,\"b\n1,2\n").unwrap();
        assert_eq!(data_start(&path, false, 1, PartText::Utf8), None);
    }

    #[test]
    fn parts_cover_the_data_and_shrink_towards_the_end() {
        for (start, len, threads, part) in [
            (10u64, 100_000_000u64, 2usize, 3_000_000u64),
            (0, 1_000, 3, 1),
            (5, 6, 2, 1 << 20),
            (7, 7, 2, 1 << 20),
            (1, 50_000, 8, 1_000),
        ] {
            let b = part_bounds(start, len, threads, part, 1);
            assert_eq!(b.first(), Some(&start));
            assert_eq!(b.last(), Some(&len.max(start)));
            let sizes: Vec<u64> = b.windows(2).map(|w| w[1] - w[0]).collect();
            assert!(sizes.iter().all(|&n| n >= 1 && n <= part));
            // Never below an eighth of a part, but for the last.
            let floor = (part / 8).max(1);
            assert!(sizes.iter().rev().skip(1).all(|&n| n >= floor));
            // Sizes never grow.
            assert!(sizes.windows(2).all(|w| w[1] <= w[0]));
        }
        let b = part_bounds(0, 100_000_000, 2, 3_000_000, 1);
        assert_eq!(b[1], 3_000_000);
        assert_eq!(
            b[b.len() - 1] - b[b.len() - 2],
            100_000_000 - b[b.len() - 2]
        );
        assert!(b[b.len() - 2] - b[b.len() - 3] == 375_000);
    }
}
