//! CVPixelBufferPool (CVPixelBufferPool.h, corevideo.md §4.5 and §8): a
//! recycling allocator of identical pixel buffers.
//!
//! A pool validates its pixel-buffer attributes once into a
//! [`PixelBufferSpec`] and builds every buffer from it, over an idle block
//! when one is left (the same memory, not cleared) or over new zeroed
//! memory. The rules for reuse, ageing, the minimum count and the
//! allocation threshold are in `core::buffer::pool`; this module owns the
//! memory and the objects.
//!
//! Ownership: the pool object holds the only strong reference to its
//! [`Shared`] state (spec + free list). Each buffer's memory goes back
//! through a [`Recycler`] holding a weak reference, so buffers never keep a
//! pool alive, and a buffer that dies after its pool frees its memory. Idle
//! blocks die with the pool.
//!
//! Threads: every function may be called from any thread. The free list
//! sits behind a mutex held only for bookkeeping; allocating, building
//! buffers and freeing memory happen outside it.
#![allow(non_snake_case)]

use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Instant;

use super::keys::{kCVPixelBufferPoolMaximumBufferAgeKey, kCVPixelBufferPoolMinimumBufferCountKey};
use super::memory::{PixelMemory, Recycler};
use super::pixel_buffer::{CvPixelBuffer, PixelBufferSpec, format_name};
use super::status::cv_return;
use super::types::{
    CVPixelBufferPoolFlushFlags, CVPixelBufferPoolRef, CVPixelBufferRef, CVReturn,
    kCVPixelBufferPoolFlushExcessBuffers, kCVReturnError, kCVReturnInvalidArgument,
    kCVReturnSuccess,
};
use crate::capi::core_foundation::dictionary::{
    CfDictionary, dictionary_entries, new_cf_type_dictionary,
};
use crate::capi::core_foundation::number::new_number;
use crate::capi::core_foundation::property::decode;
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFTypeID, CFTypeRef, CfRef,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::buffer::pool::{
    FreeList, PoolPolicy, Take, allocation_threshold, buffer_shape, keys,
};
use crate::core::buffer::{Error, PixelBufferAttributes};
use crate::core::number::{Number, NumberType, NumberValue};
use crate::core::property::Value;

/// What outlives the pool object only as long as a buffer is recycling
/// into it.
struct Shared {
    spec: PixelBufferSpec,
    free: Mutex<FreeList<PixelMemory>>,
}

impl Shared {
    fn free_list(&self) -> MutexGuard<'_, FreeList<PixelMemory>> {
        // Every update is a counter step or a Vec push/pop, complete before
        // anything can panic, so a poisoned list is consistent.
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Where a pool buffer's memory goes when the buffer dies.
struct PoolReturn(Weak<Shared>);

impl Recycler for PoolReturn {
    fn recycle(&self, memory: PixelMemory) {
        let Some(shared) = self.0.upgrade() else {
            // The pool is gone: `memory` is freed here.
            return;
        };
        let expired = {
            let mut free = shared.free_list();
            let now = Instant::now();
            free.give_back(memory, now);
            free.age_out(now)
        };
        // Freed outside the lock.
        drop(expired);
    }
}

/// The payload of a CVPixelBufferPool.
pub struct CvPixelBufferPool {
    shared: Arc<Shared>,
    /// Handed to every buffer; refers to `shared` weakly.
    recycler: Arc<dyn Recycler>,
    /// What `CVPixelBufferPoolGetAttributes` returns.
    attributes: Retained<CfDictionary>,
}

impl CfClass for CvPixelBufferPool {
    const KIND: TypeKind = TypeKind::PixelBufferPool;

    /// `<CVPixelBufferPool 0x…>{width=…, height=…, pixelFormat=BGRA,
    /// free=…, outstanding=…, minimumBufferCount=…, maximumBufferAge=…}`
    /// (the age in seconds, 0 when ageing is off).
    fn describe(&self) -> String {
        let offset = std::mem::offset_of!(CfObject<CvPixelBufferPool>, value);
        let address = (self as *const Self as usize).wrapping_sub(offset);
        let spec = &self.shared.spec;
        let (free, outstanding, policy) = {
            let list = self.shared.free_list();
            (list.free(), list.outstanding(), list.policy())
        };
        let age = policy.maximum_buffer_age.map_or(0.0, |a| a.as_secs_f64());
        format!(
            "<CVPixelBufferPool {address:#x}>{{width={}, height={}, pixelFormat={}, free={free}, outstanding={outstanding}, minimumBufferCount={}, maximumBufferAge={age}}}",
            spec.width(),
            spec.height(),
            format_name(spec.pixel_format()),
            policy.minimum_buffer_count,
        )
    }
}

impl CvPixelBufferPool {
    /// A new buffer (+1) from the pool: over the newest idle block, else
    /// over new memory unless `threshold` refuses it.
    fn create_buffer(&self, threshold: Option<usize>) -> Result<Retained<CvPixelBuffer>, Error> {
        let shared = &self.shared;
        let (taken, expired) = {
            let mut free = shared.free_list();
            let taken = free.take(threshold);
            // Lazy ageing: there is no timer thread.
            (taken, free.age_out(Instant::now()))
        };
        drop(expired);
        let memory = match taken? {
            Take::Reuse(memory) => Ok(memory),
            Take::Allocate => shared.spec.allocate(),
        };
        let built = memory.and_then(|m| shared.spec.build(m, Some(self.recycler.clone())));
        if built.is_err() {
            // The memory (if any) was dropped; give the slot back.
            shared.free_list().cancel();
        }
        built
    }
}

/// Decodes a dictionary argument (NULL → `None`).
///
/// # Safety
/// `dictionary` must be NULL or a live object.
unsafe fn decoded(dictionary: CFDictionaryRef) -> Option<Value> {
    if dictionary.is_null() {
        return None;
    }
    // SAFETY: per this function's contract.
    Some(unsafe { decode(dictionary.as_type()) }.unwrap_or(Value::Other(String::new())))
}

/// The dictionary `CVPixelBufferPoolGetAttributes` returns (+1): the
/// caller's pool attributes (every key, validated) with
/// `MinimumBufferCount` (SInt32) and `MaximumBufferAge` (Float64 seconds)
/// added at their effective values where the caller left them out.
///
/// # Safety
/// `attributes` must be NULL or a live dictionary that decoded to `value`.
unsafe fn pool_attributes(
    attributes: CFDictionaryRef,
    value: Option<&Value>,
    policy: PoolPolicy,
) -> Retained<CfDictionary> {
    let mut pairs: Vec<(CFTypeRef, CFTypeRef)> = if value.is_some() {
        // SAFETY: it decoded as a dictionary, so it is a CFType dictionary.
        unsafe { dictionary_entries(attributes) }
    } else {
        Vec::new()
    };
    let has = |key: &str| value.and_then(|v| v.get(key)).is_some();
    let mut owned = Vec::new();
    if !has(keys::MINIMUM_BUFFER_COUNT) {
        let count = i64::try_from(policy.minimum_buffer_count).unwrap_or(i64::MAX);
        let number = new_number(Number::new(NumberType::SInt32, NumberValue::Int(count)));
        owned.push(number.as_type());
        pairs.push((
            kCVPixelBufferPoolMinimumBufferCountKey.as_type(),
            number.as_type(),
        ));
    }
    if !has(keys::MAXIMUM_BUFFER_AGE) {
        let age = policy.maximum_buffer_age.map_or(0.0, |a| a.as_secs_f64());
        let number = new_number(Number::from_f64(age));
        owned.push(number.as_type());
        pairs.push((
            kCVPixelBufferPoolMaximumBufferAgeKey.as_type(),
            number.as_type(),
        ));
    }
    // SAFETY: live keys and values.
    let dict = unsafe { new_cf_type_dictionary(&pairs) };
    for cf in owned {
        // SAFETY: our +1 numbers; the dictionary retained them.
        unsafe { handle::release(cf) };
    }
    // SAFETY: a fresh +1 dictionary.
    unsafe { Retained::from_raw(dict.as_type()) }.expect("a new dictionary is a dictionary")
}

/// Validates both dictionaries and builds the pool (+1).
///
/// # Safety
/// Both dictionaries must be NULL or live objects.
unsafe fn new_pool(
    pool_attributes_ref: CFDictionaryRef,
    pixel_buffer_attributes: CFDictionaryRef,
) -> Result<Retained<CvPixelBufferPool>, Error> {
    // SAFETY: per this function's contract.
    let pool_value = unsafe { decoded(pool_attributes_ref) };
    let policy = PoolPolicy::parse(pool_value.as_ref()).map_err(Error::PoolAttributes)?;
    // SAFETY: per this function's contract.
    let buffer_value = unsafe { decoded(pixel_buffer_attributes) };
    let parsed = PixelBufferAttributes::parse(buffer_value.as_ref())?;
    let shape = buffer_shape(&parsed)?;
    // SAFETY: per this function's contract (validated above).
    let spec = unsafe {
        PixelBufferSpec::new(
            shape.width,
            shape.height,
            shape.pixel_format,
            pixel_buffer_attributes,
        )
    }?;
    let shared = Arc::new(Shared {
        spec,
        free: Mutex::new(FreeList::new(policy)),
    });
    let recycler: Arc<dyn Recycler> = Arc::new(PoolReturn(Arc::downgrade(&shared)));
    Ok(Retained::new(CvPixelBufferPool {
        shared,
        recycler,
        // SAFETY: decoded above into `pool_value`.
        attributes: unsafe { pool_attributes(pool_attributes_ref, pool_value.as_ref(), policy) },
    }))
}

/// The CFTypeID of every CVPixelBufferPool.
#[unsafe(no_mangle)]
pub extern "C" fn CVPixelBufferPoolGetTypeID() -> CFTypeID {
    TypeKind::PixelBufferPool.type_id()
}

/// Retains `pixelBufferPool` (any CF object, like CFRetain) and returns it.
/// NULL returns NULL.
///
/// # Safety
/// `pixelBufferPool` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolRetain(
    pixelBufferPool: CVPixelBufferPoolRef,
) -> CVPixelBufferPoolRef {
    ffi_guard!(CVPixelBufferPoolRef::null(), {
        // SAFETY: per this function's contract.
        unsafe { handle::retain(pixelBufferPool.as_type()) };
        pixelBufferPool
    })
}

/// Releases `pixelBufferPool`. At the last release its idle buffers are
/// freed; buffers still in use stay valid and free their memory when they
/// die. NULL is a no-op.
///
/// # Safety
/// `pixelBufferPool` must be NULL or a live object the caller owns a
/// reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolRelease(pixelBufferPool: CVPixelBufferPoolRef) {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::release(pixelBufferPool.as_type()) } })
}

/// Creates a pool (+1 in `*poolOut`) of buffers described by
/// `pixelBufferAttributes`, which must give `kCVPixelBufferWidthKey`,
/// `kCVPixelBufferHeightKey` and `kCVPixelBufferPixelFormatTypeKey` (a
/// number, or an array whose first entry a buffer can be created in is
/// used); every other key means what it means to `CVPixelBufferCreate`.
/// No buffer is allocated until one is asked for.
///
/// `poolAttributes` (NULL: defaults): `kCVPixelBufferPoolMinimumBufferCountKey`
/// (a non-negative integer: ageing never shrinks the pool, idle plus in use,
/// below it; default 0) and `kCVPixelBufferPoolMaximumBufferAgeKey`
/// (seconds, fractions allowed: how long a buffer may stay idle; default 1;
/// 0 disables ageing). Other keys are ignored, the aux-only
/// `kCVPixelBufferPoolAllocationThresholdKey` included. `allocator` is
/// ignored (system allocator).
///
/// Errors, in this order: NULL `poolOut` → `kCVReturnInvalidArgument`;
/// `poolAttributes` not a dictionary, or a pool key of the wrong CF type or
/// out of range (negative, fractional count, NaN or infinite age) →
/// `kCVReturnInvalidPoolAttributes`; NULL or invalid pixel-buffer
/// attributes, or one of the three required keys missing →
/// `kCVReturnInvalidPixelBufferAttributes`; no creatable format →
/// `kCVReturnInvalidPixelFormat`; zero or overflowing size →
/// `kCVReturnInvalidSize`. `*poolOut` is written only on success.
///
/// # Safety
/// The dictionaries must be NULL or live objects; `poolOut` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolCreate(
    allocator: CFAllocatorRef,
    poolAttributes: CFDictionaryRef,
    pixelBufferAttributes: CFDictionaryRef,
    poolOut: *mut CVPixelBufferPoolRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if poolOut.is_null() {
            return kCVReturnInvalidArgument;
        }
        // SAFETY: per this function's contract.
        match unsafe { new_pool(poolAttributes, pixelBufferAttributes) } {
            Ok(pool) => {
                let raw = CVPixelBufferPoolRef::from_type(pool.into_raw());
                // SAFETY: checked non-NULL; writable per the contract.
                unsafe { handle::write_out(poolOut, raw) };
                kCVReturnSuccess
            }
            Err(error) => cv_return(&error),
        }
    })
}

/// The pool attributes (+0, valid while the pool lives): the dictionary
/// given to `CVPixelBufferPoolCreate` (as it was then) with
/// `MinimumBufferCount` and `MaximumBufferAge` added at their effective
/// values (0 and 1.0 by default) when it did not give them.
///
/// Deviation: NULL for NULL or a non-pool (Apple declares the pool
/// non-null).
///
/// # Safety
/// `pool` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolGetAttributes(
    pool: CVPixelBufferPoolRef,
) -> CFDictionaryRef {
    ffi_guard!(CFDictionaryRef::null(), {
        let pool = try_ref!(pool, CvPixelBufferPool, CFDictionaryRef::null());
        CFDictionaryRef::from_type(pool.value.attributes.as_type_ref())
    })
}

/// The attributes every buffer of the pool has (+0, valid while the pool
/// lives): the pixel-buffer attributes given to `CVPixelBufferPoolCreate`
/// with `Width`, `Height` and `PixelFormatType` set to the buffers' actual
/// values (a format array becomes the chosen format). The same dictionary
/// `CVPixelBufferCopyCreationAttributes` returns for the pool's buffers.
///
/// Deviation: NULL for NULL or a non-pool (Apple declares the pool
/// non-null).
///
/// # Safety
/// `pool` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolGetPixelBufferAttributes(
    pool: CVPixelBufferPoolRef,
) -> CFDictionaryRef {
    ffi_guard!(CFDictionaryRef::null(), {
        let pool = try_ref!(pool, CvPixelBufferPool, CFDictionaryRef::null());
        pool.value.shared.spec.creation_attributes()
    })
}

/// Creates a buffer (+1 in `*pixelBufferOut`) from the pool: over the
/// memory of the most recently released buffer when one is idle (its bytes
/// are not cleared, as on Apple platforms), else over new zeroed memory.
/// The buffer carries no attachments except those the pool's pixel-buffer
/// attributes request (`kCVBufferPropagatedAttachmentsKey`,
/// `kCVBufferNonPropagatedAttachmentsKey`), and is unlocked. Idle buffers
/// that aged out are freed on the way. `allocator` is ignored.
///
/// Errors: NULL `pixelBufferOut`, or NULL or non-pool `pixelBufferPool` →
/// `kCVReturnInvalidArgument`; no memory → `kCVReturnAllocationFailed`.
/// `*pixelBufferOut` is written only on success.
///
/// Deviation: Apple declares `pixelBufferPool` non-null and leaves NULL or
/// another object undefined.
///
/// # Safety
/// `pixelBufferPool` must be NULL or a live object; `pixelBufferOut` NULL
/// or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolCreatePixelBuffer(
    allocator: CFAllocatorRef,
    pixelBufferPool: CVPixelBufferPoolRef,
    pixelBufferOut: *mut CVPixelBufferRef,
) -> CVReturn {
    ffi_guard!(kCVReturnError, {
        // SAFETY: forwarded contract; NULL aux attributes.
        unsafe {
            CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(
                allocator,
                pixelBufferPool,
                CFDictionaryRef::null(),
                pixelBufferOut,
            )
        }
    })
}

/// `CVPixelBufferPoolCreatePixelBuffer` with per-call `auxAttributes`
/// (NULL: none). `kCVPixelBufferPoolAllocationThresholdKey` (a
/// non-negative integer): when no buffer is idle and the pool already
/// holds that many buffers or more (idle and in use), nothing is allocated
/// and `kCVReturnWouldExceedAllocationThreshold` is returned; an idle
/// buffer is still reused. Other keys are ignored.
///
/// Deviation: `kCVPixelBufferPoolFreeBufferNotification` is never posted
/// (pixelport has no notification center); poll by retrying.
///
/// Errors: as for `CVPixelBufferPoolCreatePixelBuffer`, plus
/// `auxAttributes` not a dictionary or a threshold of the wrong CF type or
/// out of range → `kCVReturnInvalidArgument`, and the threshold refusal
/// above. `*pixelBufferOut` is written only on success.
///
/// # Safety
/// `pixelBufferPool` and `auxAttributes` must be NULL or live objects;
/// `pixelBufferOut` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(
    allocator: CFAllocatorRef,
    pixelBufferPool: CVPixelBufferPoolRef,
    auxAttributes: CFDictionaryRef,
    pixelBufferOut: *mut CVPixelBufferRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if pixelBufferOut.is_null() {
            return kCVReturnInvalidArgument;
        }
        let pool = try_ref!(pixelBufferPool, CvPixelBufferPool, kCVReturnInvalidArgument);
        // SAFETY: per this function's contract.
        let aux = unsafe { decoded(auxAttributes) };
        let result = allocation_threshold(aux.as_ref())
            .map_err(Error::AuxAttributes)
            .and_then(|threshold| pool.value.create_buffer(threshold));
        match result {
            Ok(buffer) => {
                let raw = CVPixelBufferRef::from_type(buffer.into_raw());
                // SAFETY: checked non-NULL; writable per the contract.
                unsafe { handle::write_out(pixelBufferOut, raw) };
                kCVReturnSuccess
            }
            Err(error) => cv_return(&error),
        }
    })
}

/// Frees idle buffers: those idle for at least the pool's maximum age
/// (never below the minimum buffer count; nothing when ageing is off), or
/// with `kCVPixelBufferPoolFlushExcessBuffers` every idle buffer whatever
/// its age and the minimum. Buffers in use are not affected. Other option
/// bits are ignored.
///
/// Deviation: NULL or a non-pool is a no-op (Apple declares the pool
/// non-null).
///
/// # Safety
/// `pool` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferPoolFlush(
    pool: CVPixelBufferPoolRef,
    options: CVPixelBufferPoolFlushFlags,
) {
    ffi_guard!({
        let pool = try_ref!(pool, CvPixelBufferPool);
        let excess = options & kCVPixelBufferPoolFlushExcessBuffers != 0;
        let freed = pool.value.shared.free_list().flush(Instant::now(), excess);
        drop(freed);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::fourcc;

    /// A pool of 16×8 BGRA buffers with these pool attributes.
    fn pool(pool_pairs: &[(&str, Value)]) -> Retained<CvPixelBufferPool> {
        let buffer = Value::dictionary([
            ("Width", Value::int(16)),
            ("Height", Value::int(8)),
            ("PixelFormatType", Value::int(i64::from(fourcc(b"BGRA")))),
        ]);
        let pool_dict = Value::dictionary(pool_pairs.iter().map(|(k, v)| (*k, v.clone())));
        let encoded = (
            crate::capi::core_foundation::property::encode(&pool_dict),
            crate::capi::core_foundation::property::encode(&buffer),
        );
        // SAFETY: fresh dictionaries, released below.
        unsafe {
            let made = new_pool(
                CFDictionaryRef::from_type(encoded.0),
                CFDictionaryRef::from_type(encoded.1),
            )
            .unwrap();
            handle::release(encoded.0);
            handle::release(encoded.1);
            made
        }
    }

    fn counts(pool: &CvPixelBufferPool) -> (usize, usize) {
        let list = pool.shared.free_list();
        (list.free(), list.outstanding())
    }

    #[test]
    fn buffers_recycle_and_outlive_the_pool() {
        let p = pool(&[]);
        let a = p.value.create_buffer(None).unwrap();
        let base = a.value.base_address;
        assert_eq!(counts(&p.value), (0, 1));
        drop(a);
        assert_eq!(counts(&p.value), (1, 0));
        let b = p.value.create_buffer(None).unwrap();
        assert_eq!(b.value.base_address, base);
        let c = p.value.create_buffer(Some(2)).unwrap();
        assert!(matches!(
            p.value.create_buffer(Some(2)),
            Err(Error::WouldExceedAllocationThreshold { threshold: 2 })
        ));
        assert_eq!(counts(&p.value), (0, 2));
        drop(p);
        // Both buffers still work, and free their memory when they die.
        assert_eq!(b.value.width, 16);
        drop((b, c));
    }

    #[test]
    fn attributes_carry_effective_defaults() {
        let p = pool(&[("MinimumBufferCount", Value::int(3))]);
        let attributes = p.value.attributes.as_type_ref();
        // SAFETY: a live dictionary.
        let value = unsafe { decode(attributes) }.unwrap();
        assert_eq!(value.get("MinimumBufferCount"), Some(&Value::int(3)));
        assert_eq!(
            value.get("MaximumBufferAge").and_then(Value::as_finite_f64),
            Some(1.0)
        );
        assert!(p.value.describe().contains("minimumBufferCount=3"));
    }
}
