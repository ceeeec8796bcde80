//! The bookkeeping of a `CVPixelBufferPool` (CVPixelBufferPool.h,
//! corevideo.md §4.5 and §8) without the memory: which attributes a pool
//! takes, which idle block a new buffer reuses, when idle blocks are freed,
//! and when the allocation threshold refuses to grow the pool.
//!
//! The shim keeps one [`FreeList`] per pool behind a mutex and does the
//! allocating and freeing itself, outside that mutex: every operation here
//! hands back the blocks to free instead of freeing them. Time is an
//! argument (`now`), never read here, so tests drive ageing with made-up
//! instants instead of sleeping.
//!
//! Rules (README behaviour table):
//! - A block's age is how long it has been idle (since its buffer died), not
//!   since it was allocated: a buffer in constant use is never reallocated.
//!   It ages out once idle for at least `MaximumBufferAge` (default 1 s;
//!   0 disables ageing, as the header says).
//! - `MinimumBufferCount` is a floor for ageing: idle blocks are not aged
//!   out while the pool holds (idle + outstanding) no more than that many.
//!   Nothing is allocated in advance.
//! - A new buffer reuses the most recently freed idle block (warm in the
//!   cache; older ones are left to age out), else allocates.
//! - The allocation threshold counts every block the pool holds, idle or
//!   outstanding ("already has this many or more pixel buffers allocated"),
//!   and only stops *new* allocations: reuse is always allowed. A slot for a
//!   new allocation is reserved before the memory is allocated, so
//!   concurrent creators cannot overshoot the threshold together.
//! - `kCVPixelBufferPoolFlushExcessBuffers` frees every idle block whatever
//!   its age and whatever the minimum ("all unused buffers", the header's
//!   words); a plain flush only ages out.

use std::time::{Duration, Instant};

use super::{AttributeError, Error};
use crate::core::pixel_format::{GeometryError, PixelFormat, creatable_format};
use crate::core::property::Value;

use super::attributes::{PixelBufferAttributes, count_value, keys as buffer_keys};

/// The pool keys, by their CoreVideo strings.
pub mod keys {
    /// `kCVPixelBufferPoolMinimumBufferCountKey`.
    pub const MINIMUM_BUFFER_COUNT: &str = "MinimumBufferCount";
    /// `kCVPixelBufferPoolMaximumBufferAgeKey`.
    pub const MAXIMUM_BUFFER_AGE: &str = "MaximumBufferAge";
    /// `kCVPixelBufferPoolAllocationThresholdKey` (an aux attribute; the
    /// string is the fact sheet's best guess, see `capi::core_video::keys`).
    pub const ALLOCATION_THRESHOLD: &str = "BufferPoolAllocationThreshold";
}

/// How long an idle buffer stays when the pool attributes do not say
/// (CVPixelBufferPool.h).
pub const DEFAULT_MAXIMUM_BUFFER_AGE: Duration = Duration::from_secs(1);

/// A pool's validated attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolPolicy {
    /// `MinimumBufferCount`: ageing never shrinks the pool below this.
    pub minimum_buffer_count: usize,
    /// `MaximumBufferAge`; `None` when ageing is disabled (the value 0).
    pub maximum_buffer_age: Option<Duration>,
}

impl Default for PoolPolicy {
    fn default() -> Self {
        PoolPolicy {
            minimum_buffer_count: 0,
            maximum_buffer_age: Some(DEFAULT_MAXIMUM_BUFFER_AGE),
        }
    }
}

impl PoolPolicy {
    /// Validates a pool-attribute dictionary (`None`: no dictionary, all
    /// defaults). `MinimumBufferCount` must be a CFNumber holding a
    /// non-negative integer; `MaximumBufferAge` a CFNumber of seconds,
    /// finite and non-negative (fractions allowed). Other keys, the
    /// allocation threshold included (an aux attribute), are ignored.
    /// Every refusal is `kCVReturnInvalidPoolAttributes` in the shim.
    pub fn parse(attributes: Option<&Value>) -> Result<PoolPolicy, AttributeError> {
        let mut policy = PoolPolicy::default();
        let Some(attributes) = attributes else {
            return Ok(policy);
        };
        if attributes.as_dictionary().is_none() {
            return Err(AttributeError::NotADictionary);
        }
        if let Some(value) = attributes.get(keys::MINIMUM_BUFFER_COUNT) {
            policy.minimum_buffer_count = count_value(keys::MINIMUM_BUFFER_COUNT, value)?;
        }
        if let Some(value) = attributes.get(keys::MAXIMUM_BUFFER_AGE) {
            policy.maximum_buffer_age = age(value)?;
        }
        Ok(policy)
    }
}

/// A `MaximumBufferAge` value: seconds, 0 = never age.
fn age(value: &Value) -> Result<Option<Duration>, AttributeError> {
    let key = keys::MAXIMUM_BUFFER_AGE;
    let Some(number) = value.as_number() else {
        return Err(AttributeError::WrongType {
            key: key.into(),
            expected: "CFNumber",
            found: value.kind().into(),
        });
    };
    let seconds = number.as_f64();
    if seconds.is_nan() || seconds < 0.0 {
        return Err(AttributeError::BadValue { key: key.into() });
    }
    if seconds == 0.0 {
        return Ok(None);
    }
    Duration::try_from_secs_f64(seconds)
        .map(Some)
        .map_err(|_| AttributeError::BadValue { key: key.into() })
}

/// Reads the aux attributes of `CVPixelBufferPoolCreatePixelBufferWithAuxAttributes`:
/// the allocation threshold, if any. Not a dictionary, or a threshold that
/// is not a CFNumber holding a non-negative integer, is an error
/// (`kCVReturnInvalidArgument` in the shim); other keys are ignored.
pub fn allocation_threshold(aux: Option<&Value>) -> Result<Option<usize>, AttributeError> {
    let Some(aux) = aux else {
        return Ok(None);
    };
    if aux.as_dictionary().is_none() {
        return Err(AttributeError::NotADictionary);
    }
    aux.get(keys::ALLOCATION_THRESHOLD)
        .map(|v| count_value(keys::ALLOCATION_THRESHOLD, v))
        .transpose()
}

/// What every buffer of a pool is: the pool's pixel-buffer attributes must
/// name it, since there are no size or format arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolBufferShape {
    pub width: usize,
    pub height: usize,
    pub pixel_format: u32,
}

/// The shape the pool's pixel-buffer attributes ask for. `Width`, `Height`
/// and `PixelFormatType` must all be present (else
/// [`AttributeError::Missing`], `kCVReturnInvalidPixelBufferAttributes`).
/// A format array gives the first entry a buffer can be created in (as a
/// client listing acceptable formats in preference order expects); none
/// creatable → the first entry's error (`kCVReturnInvalidPixelFormat`).
/// Zero sizes are left to buffer-spec validation (`kCVReturnInvalidSize`).
pub fn buffer_shape(attributes: &PixelBufferAttributes) -> Result<PoolBufferShape, Error> {
    let missing = |key: &str| AttributeError::Missing { key: key.into() };
    let width = attributes
        .width
        .ok_or_else(|| missing(buffer_keys::WIDTH))?;
    let height = attributes
        .height
        .ok_or_else(|| missing(buffer_keys::HEIGHT))?;
    let formats = attributes
        .pixel_formats
        .as_deref()
        .ok_or_else(|| missing(buffer_keys::PIXEL_FORMAT_TYPE))?;
    let format = first_creatable(formats)?;
    Ok(PoolBufferShape {
        width,
        height,
        pixel_format: format.code,
    })
}

fn first_creatable(formats: &[u32]) -> Result<&'static PixelFormat, GeometryError> {
    let mut first_error = None;
    for &code in formats {
        match creatable_format(code) {
            Ok(format) => return Ok(format),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    // `PixelBufferAttributes::parse` refuses empty lists.
    Err(first_error.unwrap_or(GeometryError::UnknownFormat(0)))
}

/// What a pool does for a new buffer.
#[derive(Debug, PartialEq, Eq)]
pub enum Take<T> {
    /// Build it over this idle block.
    Reuse(T),
    /// Allocate a block: a slot is reserved; call [`FreeList::cancel`] if
    /// no buffer comes of it.
    Allocate,
}

/// An idle block and since when.
#[derive(Debug)]
struct Idle<T> {
    block: T,
    since: Instant,
}

/// The idle blocks of a pool (oldest first) and the count of blocks out in
/// live buffers.
#[derive(Debug)]
pub struct FreeList<T> {
    policy: PoolPolicy,
    idle: Vec<Idle<T>>,
    /// Blocks in live buffers, plus reserved allocations in progress.
    outstanding: usize,
}

impl<T> FreeList<T> {
    pub fn new(policy: PoolPolicy) -> FreeList<T> {
        FreeList {
            policy,
            idle: Vec::new(),
            outstanding: 0,
        }
    }

    pub fn policy(&self) -> PoolPolicy {
        self.policy
    }

    /// Idle blocks.
    pub fn free(&self) -> usize {
        self.idle.len()
    }

    /// Blocks in live buffers (and allocations in progress).
    pub fn outstanding(&self) -> usize {
        self.outstanding
    }

    /// Every block the pool holds.
    pub fn total(&self) -> usize {
        self.idle.len() + self.outstanding
    }

    /// A block for a new buffer: the newest idle one, else permission to
    /// allocate, unless the pool already holds `threshold` blocks or more
    /// ([`Error::WouldExceedAllocationThreshold`]).
    pub fn take(&mut self, threshold: Option<usize>) -> Result<Take<T>, Error> {
        if let Some(idle) = self.idle.pop() {
            self.outstanding += 1;
            return Ok(Take::Reuse(idle.block));
        }
        if let Some(threshold) = threshold {
            if self.total() >= threshold {
                return Err(Error::WouldExceedAllocationThreshold { threshold });
            }
        }
        self.outstanding += 1;
        Ok(Take::Allocate)
    }

    /// A taken block (or reserved slot) produced no buffer: the block was
    /// freed by the caller or the allocation failed.
    pub fn cancel(&mut self) {
        self.outstanding = self.outstanding.saturating_sub(1);
    }

    /// A buffer died and its block is idle from `now`.
    pub fn give_back(&mut self, block: T, now: Instant) {
        self.outstanding = self.outstanding.saturating_sub(1);
        self.idle.push(Idle { block, since: now });
    }

    /// Removes (and returns, for the caller to free) the idle blocks that
    /// have been idle for at least the maximum age, oldest first, while the
    /// pool holds more than the minimum buffer count.
    pub fn age_out(&mut self, now: Instant) -> Vec<T> {
        let Some(max_age) = self.policy.maximum_buffer_age else {
            return Vec::new();
        };
        let mut budget = self
            .total()
            .saturating_sub(self.policy.minimum_buffer_count);
        let mut expired = Vec::new();
        let mut kept = Vec::with_capacity(self.idle.len());
        for idle in std::mem::take(&mut self.idle) {
            let old = now.saturating_duration_since(idle.since) >= max_age;
            if old && budget > 0 {
                budget -= 1;
                expired.push(idle.block);
            } else {
                kept.push(idle);
            }
        }
        self.idle = kept;
        expired
    }

    /// `CVPixelBufferPoolFlush`: ages out, or with `excess`
    /// (`kCVPixelBufferPoolFlushExcessBuffers`) removes every idle block.
    /// Returns the blocks to free.
    pub fn flush(&mut self, now: Instant, excess: bool) -> Vec<T> {
        if excess {
            self.idle.drain(..).map(|idle| idle.block).collect()
        } else {
            self.age_out(now)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::number::Number;
    use crate::core::pixel_format::fourcc;

    const SECOND: Duration = Duration::from_secs(1);

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn policy(min: usize, age: Option<Duration>) -> PoolPolicy {
        PoolPolicy {
            minimum_buffer_count: min,
            maximum_buffer_age: age,
        }
    }

    /// Takes `n` blocks, allocating new ones numbered from `next`.
    fn take_n(list: &mut FreeList<u32>, n: usize, next: &mut u32) -> Vec<u32> {
        (0..n)
            .map(|_| match list.take(None).unwrap() {
                Take::Reuse(b) => b,
                Take::Allocate => {
                    *next += 1;
                    *next
                }
            })
            .collect()
    }

    #[test]
    fn pool_attributes() {
        assert_eq!(PoolPolicy::parse(None), Ok(PoolPolicy::default()));
        assert_eq!(
            PoolPolicy::default().maximum_buffer_age,
            Some(DEFAULT_MAXIMUM_BUFFER_AGE)
        );
        let parse = |pairs: Vec<(&str, Value)>| PoolPolicy::parse(Some(&Value::dictionary(pairs)));
        assert_eq!(parse(vec![]), Ok(PoolPolicy::default()));
        assert_eq!(
            parse(vec![
                ("MinimumBufferCount", Value::int(3)),
                ("MaximumBufferAge", Value::Number(Number::from_f64(0.25))),
                (
                    "BufferPoolAllocationThreshold",
                    Value::String("ignored".into())
                ),
                ("Unknown", Value::Bool(true)),
            ]),
            Ok(policy(3, Some(ms(250))))
        );
        assert_eq!(
            parse(vec![("MaximumBufferAge", Value::int(0))]),
            Ok(policy(0, None))
        );
        assert_eq!(
            parse(vec![("MaximumBufferAge", Value::int(2))]),
            Ok(policy(0, Some(2 * SECOND)))
        );
        assert_eq!(
            PoolPolicy::parse(Some(&Value::int(1))),
            Err(AttributeError::NotADictionary)
        );
        for (key, value) in [
            ("MinimumBufferCount", Value::String("2".into())),
            ("MaximumBufferAge", Value::Bool(true)),
        ] {
            assert!(matches!(
                parse(vec![(key, value)]),
                Err(AttributeError::WrongType { .. })
            ));
        }
        for (key, value) in [
            ("MinimumBufferCount", Value::int(-1)),
            ("MinimumBufferCount", Value::Number(Number::from_f64(1.5))),
            ("MaximumBufferAge", Value::int(-1)),
            (
                "MaximumBufferAge",
                Value::Number(Number::from_f64(f64::NAN)),
            ),
            (
                "MaximumBufferAge",
                Value::Number(Number::from_f64(f64::INFINITY)),
            ),
            ("MaximumBufferAge", Value::Number(Number::from_f64(1e300))),
        ] {
            assert!(
                matches!(
                    parse(vec![(key, value.clone())]),
                    Err(AttributeError::BadValue { .. })
                ),
                "{key} {value:?}"
            );
        }
    }

    #[test]
    fn aux_attributes() {
        assert_eq!(allocation_threshold(None), Ok(None));
        let aux = |pairs: Vec<(&str, Value)>| allocation_threshold(Some(&Value::dictionary(pairs)));
        assert_eq!(aux(vec![]), Ok(None));
        assert_eq!(
            aux(vec![("BufferPoolAllocationThreshold", Value::int(4))]),
            Ok(Some(4))
        );
        assert_eq!(aux(vec![("Other", Value::int(4))]), Ok(None));
        assert!(aux(vec![("BufferPoolAllocationThreshold", Value::int(-4))]).is_err());
        assert!(aux(vec![("BufferPoolAllocationThreshold", Value::Bool(true))]).is_err());
        assert_eq!(
            allocation_threshold(Some(&Value::Array(vec![]))),
            Err(AttributeError::NotADictionary)
        );
    }

    #[test]
    fn shape_from_pixel_buffer_attributes() {
        let bgra = fourcc(b"BGRA");
        let parse = |pairs: Vec<(&str, Value)>| {
            PixelBufferAttributes::parse(Some(&Value::dictionary(pairs))).unwrap()
        };
        let shape = buffer_shape(&parse(vec![
            ("Width", Value::int(64)),
            ("Height", Value::int(48)),
            ("PixelFormatType", Value::int(i64::from(bgra))),
        ]));
        assert_eq!(
            shape,
            Ok(PoolBufferShape {
                width: 64,
                height: 48,
                pixel_format: bgra
            })
        );
        // The first creatable entry of a list.
        let list = Value::Array(vec![
            Value::int(0x1234_5678),
            Value::int(i64::from(fourcc(b"420v"))),
            Value::int(i64::from(bgra)),
        ]);
        let shape = buffer_shape(&parse(vec![
            ("Width", Value::int(2)),
            ("Height", Value::int(2)),
            ("PixelFormatType", list),
        ]))
        .unwrap();
        assert_eq!(shape.pixel_format, fourcc(b"420v"));
        // Nothing creatable: the first entry's error.
        let none = Value::Array(vec![Value::int(0x1234_5678), Value::int(7)]);
        assert_eq!(
            buffer_shape(&parse(vec![
                ("Width", Value::int(2)),
                ("Height", Value::int(2)),
                ("PixelFormatType", none),
            ])),
            Err(Error::Geometry(GeometryError::UnknownFormat(0x1234_5678)))
        );
        for missing in ["Width", "Height", "PixelFormatType"] {
            let pairs = [
                ("Width", Value::int(2)),
                ("Height", Value::int(2)),
                ("PixelFormatType", Value::int(i64::from(bgra))),
            ]
            .into_iter()
            .filter(|(k, _)| *k != missing)
            .collect();
            assert_eq!(
                buffer_shape(&parse(pairs)),
                Err(Error::Attributes(AttributeError::Missing {
                    key: missing.into()
                }))
            );
        }
        assert!(buffer_shape(&PixelBufferAttributes::default()).is_err());
    }

    #[test]
    fn reuse_is_last_in_first_out() {
        let t0 = Instant::now();
        let mut list = FreeList::new(PoolPolicy::default());
        let mut next = 0;
        let blocks = take_n(&mut list, 3, &mut next);
        assert_eq!(blocks, vec![1, 2, 3]);
        assert_eq!((list.free(), list.outstanding()), (0, 3));
        for (i, b) in blocks.into_iter().enumerate() {
            list.give_back(b, t0 + ms(i as u64));
        }
        assert_eq!((list.free(), list.outstanding(), list.total()), (3, 0, 3));
        assert_eq!(list.take(None), Ok(Take::Reuse(3)));
        assert_eq!(list.take(None), Ok(Take::Reuse(2)));
        assert_eq!((list.free(), list.outstanding()), (1, 2));
    }

    #[test]
    fn ageing_with_a_fake_clock() {
        let t0 = Instant::now();
        let mut list = FreeList::new(PoolPolicy::default());
        let mut next = 0;
        let blocks = take_n(&mut list, 3, &mut next);
        list.give_back(blocks[0], t0);
        list.give_back(blocks[1], t0 + ms(400));
        // Still outstanding: never aged, whatever the clock says.
        assert!(list.age_out(t0 + ms(999)).is_empty());
        assert_eq!(list.age_out(t0 + SECOND), vec![1]);
        assert_eq!(list.flush(t0 + ms(1399), false), Vec::<u32>::new());
        assert_eq!(list.flush(t0 + ms(1400), false), vec![2]);
        assert_eq!((list.free(), list.outstanding()), (0, 1));
        // An instant before the block went idle (another thread's clock
        // reading) counts as no time at all.
        list.give_back(blocks[2], t0 + 5 * SECOND);
        assert!(list.age_out(t0).is_empty());
        assert_eq!(list.free(), 1);
    }

    #[test]
    fn age_zero_disables_ageing() {
        let t0 = Instant::now();
        let mut list = FreeList::new(policy(0, None));
        let mut next = 0;
        let b = take_n(&mut list, 1, &mut next)[0];
        list.give_back(b, t0);
        assert!(list.age_out(t0 + 1000 * SECOND).is_empty());
        assert!(list.flush(t0 + 1000 * SECOND, false).is_empty());
        assert_eq!(list.flush(t0, true), vec![1]);
    }

    #[test]
    fn minimum_count_is_a_floor_for_ageing_only() {
        let t0 = Instant::now();
        let mut list = FreeList::new(policy(2, Some(SECOND)));
        let mut next = 0;
        let blocks = take_n(&mut list, 4, &mut next);
        for (i, &b) in blocks.iter().enumerate() {
            list.give_back(b, t0 + ms(i as u64));
        }
        // Four idle, two may go: the two oldest.
        assert_eq!(list.age_out(t0 + 10 * SECOND), vec![1, 2]);
        assert!(list.age_out(t0 + 20 * SECOND).is_empty());
        assert_eq!(list.free(), 2);
        // Outstanding buffers count towards the minimum.
        let out = take_n(&mut list, 1, &mut next);
        assert_eq!(out, vec![4]);
        assert!(list.age_out(t0 + 30 * SECOND).is_empty());
        let more = take_n(&mut list, 2, &mut next);
        assert_eq!(more, vec![3, 5]);
        for b in more {
            list.give_back(b, t0 + 40 * SECOND);
        }
        // Three held (one out, two idle), minimum two: one idle may go.
        assert_eq!(list.age_out(t0 + 50 * SECOND).len(), 1);
        assert_eq!(list.total(), 2);
        // Excess buffers go whatever the minimum.
        assert_eq!(list.flush(t0 + 50 * SECOND, true).len(), 1);
        assert_eq!((list.free(), list.outstanding()), (0, 1));
        // Nothing is allocated in advance.
        let fresh: FreeList<u32> = FreeList::new(policy(5, None));
        assert_eq!(fresh.total(), 0);
    }

    #[test]
    fn flush_without_excess_only_ages() {
        let t0 = Instant::now();
        let mut list = FreeList::new(PoolPolicy::default());
        let mut next = 0;
        let blocks = take_n(&mut list, 2, &mut next);
        list.give_back(blocks[0], t0);
        list.give_back(blocks[1], t0 + ms(900));
        assert_eq!(list.flush(t0 + ms(100), false), Vec::<u32>::new());
        assert_eq!(list.flush(t0 + ms(100), true), vec![1, 2]);
        assert_eq!(list.total(), 0);
        assert!(list.flush(t0, true).is_empty());
    }

    #[test]
    fn threshold_stops_growth_not_reuse() {
        let t0 = Instant::now();
        let mut list = FreeList::new(PoolPolicy::default());
        assert_eq!(list.take(Some(2)), Ok(Take::Allocate));
        assert_eq!(list.take(Some(2)), Ok(Take::Allocate));
        assert_eq!(
            list.take(Some(2)),
            Err(Error::WouldExceedAllocationThreshold { threshold: 2 })
        );
        assert_eq!(list.outstanding(), 2);
        // Without a threshold the pool grows.
        assert_eq!(list.take(None), Ok(Take::Allocate));
        assert_eq!(list.outstanding(), 3);
        // After a release the idle block is reused even above the threshold.
        list.give_back(7u32, t0);
        assert_eq!(list.take(Some(1)), Ok(Take::Reuse(7)));
        // Idle blocks count too (2 out + 1 idle ≥ 3), but reuse comes first.
        list.give_back(8, t0);
        assert_eq!(list.total(), 3);
        assert_eq!(list.take(Some(3)), Ok(Take::Reuse(8)));
        list.give_back(8, t0);
        list.give_back(9, t0);
        assert_eq!((list.free(), list.outstanding()), (2, 1));
        // Threshold 0 refuses every allocation.
        let mut empty: FreeList<u32> = FreeList::new(PoolPolicy::default());
        assert!(empty.take(Some(0)).is_err());
    }

    #[test]
    fn a_cancelled_reservation_frees_its_slot() {
        let mut list: FreeList<u32> = FreeList::new(PoolPolicy::default());
        assert_eq!(list.take(Some(1)), Ok(Take::Allocate));
        assert!(list.take(Some(1)).is_err());
        list.cancel();
        assert_eq!(list.outstanding(), 0);
        assert_eq!(list.take(Some(1)), Ok(Take::Allocate));
        // Never below zero.
        list.cancel();
        list.cancel();
        assert_eq!(list.outstanding(), 0);
    }
}
