//! Stripe parallelism: a frame's destination rows split into horizontal
//! stripes converted on scoped threads.
//!
//! Decisions (README behaviour table):
//! - Default: one thread, the caller's. pixelport starts no thread unless
//!   asked: `PIXELPORT_THREADS=n` (read when a transfer session is created)
//!   allows up to `n` threads per transfer on that session; `0` means one
//!   per available core. Unset, empty or unparsable → 1. At most
//!   [`MAX_THREADS`].
//! - Threads are scoped to one transfer (spawned and joined inside it), so
//!   none outlives the call; a frame is only split when each stripe gets at
//!   least [`MIN_ROWS`] rows. If a thread cannot be spawned its stripes run
//!   on the calling thread; the result is the same bytes either way (each
//!   row is converted independently).

use std::sync::Mutex;

use super::io::ConvertError;

/// Upper bound on threads per transfer.
pub const MAX_THREADS: usize = 64;
/// Smallest stripe worth a thread (about 1 MB of 1080p BGRA).
pub const MIN_ROWS: usize = 128;

/// The thread count `PIXELPORT_THREADS` asks for (see the module notes).
pub fn threads_from_env() -> usize {
    parse_threads(std::env::var("PIXELPORT_THREADS").ok().as_deref())
}

fn parse_threads(value: Option<&str>) -> usize {
    match value.map(str::trim).and_then(|v| v.parse::<usize>().ok()) {
        Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
        None => 1,
    }
    .clamp(1, MAX_THREADS)
}

/// One stripe: its first row, its rows' bytes (starting at that row), and
/// its row count.
pub(crate) type Stripe<'d> = (usize, &'d mut [u8], usize);

/// Runs `work` over stripes of the `height` rows of `data` (rows
/// `bytes_per_row` apart; the last row may be short), on up to `threads`
/// threads including the caller's. The first error wins.
pub(crate) fn run<F>(
    threads: usize,
    height: usize,
    bytes_per_row: usize,
    data: &mut [u8],
    work: F,
) -> Result<(), ConvertError>
where
    F: Fn(Stripe<'_>) -> Result<(), ConvertError> + Sync,
{
    let count = threads.min(height / MIN_ROWS).max(1);
    if count == 1 {
        return work((0, data, height));
    }
    let rows_per = height.div_ceil(count);
    let mut stripes = Vec::new();
    stripes
        .try_reserve_exact(count)
        .map_err(|_| ConvertError::OutOfMemory)?;
    let mut rest = data;
    let mut first = 0;
    while first < height {
        let rows = rows_per.min(height - first);
        let take = if first + rows == height {
            rest.len()
        } else {
            (rows * bytes_per_row).min(rest.len())
        };
        let (stripe, tail) = std::mem::take(&mut rest).split_at_mut(take);
        rest = tail;
        stripes.push((first, stripe, rows));
        first += rows;
    }
    let queue = Mutex::new(stripes);
    let drain = || -> Result<(), ConvertError> {
        loop {
            // Nothing panics while holding the lock, so poisoning cannot
            // hide a half-done pop.
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match next {
                Some(stripe) => work(stripe)?,
                None => return Ok(()),
            }
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..count)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, drain).ok())
            .collect();
        let mine = drain();
        let mut result = mine;
        for helper in helpers {
            let theirs = match helper.join() {
                Ok(r) => r,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            result = result.and(theirs);
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_count_parsing() {
        assert_eq!(parse_threads(None), 1);
        assert_eq!(parse_threads(Some("")), 1);
        assert_eq!(parse_threads(Some("two")), 1);
        assert_eq!(parse_threads(Some("-3")), 1);
        assert_eq!(parse_threads(Some(" 2 ")), 2);
        assert_eq!(parse_threads(Some("1000")), MAX_THREADS);
        assert!(parse_threads(Some("0")) >= 1);
    }

    #[test]
    fn stripes_cover_every_row_once() {
        for (threads, height, bpr) in [
            (1, 5, 3),
            (2, 300, 7),
            (3, 1000, 4),
            (8, 257, 1),
            (4, 129, 2),
        ] {
            // The last row is short (2 of `bpr` bytes), as in real planes.
            let len = (height - 1) * bpr + 2.min(bpr);
            let mut data = vec![0u8; len];
            run(
                threads,
                height,
                bpr,
                &mut data,
                |(first, rows_data, rows)| {
                    for r in 0..rows {
                        let start = r * bpr;
                        let end = (start + bpr).min(rows_data.len());
                        for b in &mut rows_data[start..end] {
                            *b += 1 + ((first + r) % 200) as u8;
                        }
                    }
                    Ok(())
                },
            )
            .expect("no error");
            for (i, &b) in data.iter().enumerate() {
                assert_eq!(b, 1 + ((i / bpr) % 200) as u8, "threads {threads} byte {i}");
            }
        }
    }

    #[test]
    fn first_error_wins() {
        let mut data = vec![0u8; 1000 * 4];
        let r = run(4, 1000, 4, &mut data, |(first, _, _)| {
            if first == 0 {
                Err(ConvertError::OutOfMemory)
            } else {
                Ok(())
            }
        });
        assert!(r.is_err());
    }
}
