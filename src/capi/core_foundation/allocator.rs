//! CFAllocator (CFBase.h).
//!
//! pixelport allocates its own objects with the Rust allocator whatever
//! allocator a `…Create` call names (corefoundation.md §3 recommends exactly
//! that). Allocators matter where memory crosses the boundary: the
//! deallocator of a no-copy API (`kCFAllocatorNull` never frees, the default
//! and malloc allocators `free`), and the explicit `CFAllocatorAllocate` family,
//! which custom allocators from `CFAllocatorCreate` serve through their context.
#![allow(non_snake_case, non_upper_case_globals)]

use std::cell::Cell;
use std::ffi::c_void;

use super::types::{CFAllocatorRef, CFIndex, CFOptionFlags, CFStringRef, CFTypeID, CfRef};
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};

/// `const void *(*)(const void *info)`
pub type CFAllocatorRetainCallBack =
    Option<unsafe extern "C" fn(info: *const c_void) -> *const c_void>;
/// `void (*)(const void *info)`
pub type CFAllocatorReleaseCallBack = Option<unsafe extern "C" fn(info: *const c_void)>;
/// `CFStringRef (*)(const void *info)`
pub type CFAllocatorCopyDescriptionCallBack =
    Option<unsafe extern "C" fn(info: *const c_void) -> CFStringRef>;
/// `void *(*)(CFIndex allocSize, CFOptionFlags hint, void *info)`
pub type CFAllocatorAllocateCallBack = Option<
    unsafe extern "C" fn(allocSize: CFIndex, hint: CFOptionFlags, info: *mut c_void) -> *mut c_void,
>;
/// `void *(*)(void *ptr, CFIndex newsize, CFOptionFlags hint, void *info)`
pub type CFAllocatorReallocateCallBack = Option<
    unsafe extern "C" fn(
        ptr: *mut c_void,
        newsize: CFIndex,
        hint: CFOptionFlags,
        info: *mut c_void,
    ) -> *mut c_void,
>;
/// `void (*)(void *ptr, void *info)`
pub type CFAllocatorDeallocateCallBack =
    Option<unsafe extern "C" fn(ptr: *mut c_void, info: *mut c_void)>;
/// `CFIndex (*)(CFIndex size, CFOptionFlags hint, void *info)`
pub type CFAllocatorPreferredSizeCallBack =
    Option<unsafe extern "C" fn(size: CFIndex, hint: CFOptionFlags, info: *mut c_void) -> CFIndex>;

/// The callbacks of a custom allocator (CFBase.h layout).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CFAllocatorContext {
    pub version: CFIndex,
    pub info: *mut c_void,
    pub retain: CFAllocatorRetainCallBack,
    pub release: CFAllocatorReleaseCallBack,
    pub copyDescription: CFAllocatorCopyDescriptionCallBack,
    pub allocate: CFAllocatorAllocateCallBack,
    pub reallocate: CFAllocatorReallocateCallBack,
    pub deallocate: CFAllocatorDeallocateCallBack,
    pub preferredSize: CFAllocatorPreferredSizeCallBack,
}

/// What an allocator object does.
pub enum CfAllocator {
    /// `kCFAllocatorSystemDefault`, `kCFAllocatorMalloc`, `kCFAllocatorMallocZone`.
    Malloc(&'static str),
    /// `kCFAllocatorNull`: allocates nothing, frees nothing.
    Null,
    /// `kCFAllocatorUseContext`: only meaningful as `CFAllocatorCreate`'s first argument.
    UseContext,
    /// From `CFAllocatorCreate`.
    Custom(CFAllocatorContext),
}

// SAFETY: a custom allocator's `info` is only passed back to the caller's own
// callbacks; CoreFoundation requires those to be callable from any thread.
unsafe impl Send for CfAllocator {}
// SAFETY: as above; the payload itself is never mutated.
unsafe impl Sync for CfAllocator {}

impl CfClass for CfAllocator {
    const KIND: TypeKind = TypeKind::Allocator;
    fn describe(&self) -> String {
        match self {
            CfAllocator::Malloc(name) => format!("<CFAllocator>{{{name}}}"),
            CfAllocator::Null => "<CFAllocator>{kCFAllocatorNull}".to_owned(),
            CfAllocator::UseContext => "<CFAllocator>{kCFAllocatorUseContext}".to_owned(),
            CfAllocator::Custom(ctx) => format!("<CFAllocator>{{info = {:p}}}", ctx.info),
        }
    }
}

/// A context with no info and no callbacks.
const EMPTY_CONTEXT: CFAllocatorContext = CFAllocatorContext {
    version: 0,
    info: std::ptr::null_mut(),
    retain: None,
    release: None,
    copyDescription: None,
    allocate: None,
    reallocate: None,
    deallocate: None,
    preferredSize: None,
};

impl CfAllocator {
    /// The callbacks that implement this allocator. Every `CFAllocator…`
    /// function goes through them, so `CFAllocatorGetContext` reports
    /// exactly what the allocator does.
    fn context(&self) -> CFAllocatorContext {
        match self {
            CfAllocator::Malloc(_) => CFAllocatorContext {
                allocate: Some(malloc_allocate),
                reallocate: Some(malloc_reallocate),
                deallocate: Some(malloc_deallocate),
                preferredSize: Some(malloc_preferred_size),
                ..EMPTY_CONTEXT
            },
            CfAllocator::Null | CfAllocator::UseContext => EMPTY_CONTEXT,
            CfAllocator::Custom(ctx) => *ctx,
        }
    }
}

// The built-in malloc allocators' callbacks. C may call them directly after
// `CFAllocatorGetContext`, so they check their sizes themselves.

unsafe extern "C" fn malloc_allocate(
    size: CFIndex,
    _hint: CFOptionFlags,
    _info: *mut c_void,
) -> *mut c_void {
    match usize::try_from(size) {
        // SAFETY: malloc of a positive size has no preconditions.
        Ok(n) if n > 0 => unsafe { libc::malloc(n) },
        _ => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn malloc_reallocate(
    ptr: *mut c_void,
    newsize: CFIndex,
    _hint: CFOptionFlags,
    _info: *mut c_void,
) -> *mut c_void {
    match usize::try_from(newsize) {
        // SAFETY: the callback's contract: `ptr` is NULL or from malloc.
        Ok(n) if n > 0 => unsafe { libc::realloc(ptr, n) },
        _ => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn malloc_deallocate(ptr: *mut c_void, _info: *mut c_void) {
    // SAFETY: the callback's contract: `ptr` is NULL or from malloc.
    unsafe { libc::free(ptr) }
}

/// malloc gives no size class before allocating, so the answer is `size`.
unsafe extern "C" fn malloc_preferred_size(
    size: CFIndex,
    _hint: CFOptionFlags,
    _info: *mut c_void,
) -> CFIndex {
    size
}

impl Drop for CfAllocator {
    fn drop(&mut self) {
        if let CfAllocator::Custom(ctx) = self {
            if let Some(release) = ctx.release {
                if !ctx.info.is_null() {
                    // SAFETY: the context's own release callback, called once
                    // for the retain done in CFAllocatorCreate.
                    unsafe { release(ctx.info) };
                }
            }
        }
    }
}

static SYSTEM_DEFAULT: CfObject<CfAllocator> =
    CfObject::immortal(CfAllocator::Malloc("kCFAllocatorSystemDefault"));
static MALLOC: CfObject<CfAllocator> =
    CfObject::immortal(CfAllocator::Malloc("kCFAllocatorMalloc"));
static MALLOC_ZONE: CfObject<CfAllocator> =
    CfObject::immortal(CfAllocator::Malloc("kCFAllocatorMallocZone"));
static NULL_ALLOCATOR: CfObject<CfAllocator> = CfObject::immortal(CfAllocator::Null);
static USE_CONTEXT: CfObject<CfAllocator> = CfObject::immortal(CfAllocator::UseContext);

const fn allocator_ref(object: &'static CfObject<CfAllocator>) -> CFAllocatorRef {
    CFAllocatorRef(object as *const CfObject<CfAllocator> as *const _)
}

/// NULL: "the current default allocator".
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorDefault: CFAllocatorRef = CFAllocatorRef(std::ptr::null());
/// The system allocator (malloc).
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorSystemDefault: CFAllocatorRef = allocator_ref(&SYSTEM_DEFAULT);
/// Allocates with `malloc`, frees with `free`.
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorMalloc: CFAllocatorRef = allocator_ref(&MALLOC);
/// Same as `kCFAllocatorMalloc` on Linux (there are no malloc zones).
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorMallocZone: CFAllocatorRef = allocator_ref(&MALLOC_ZONE);
/// Allocates nothing and frees nothing: the "do not free" deallocator.
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorNull: CFAllocatorRef = allocator_ref(&NULL_ALLOCATOR);
/// Special first argument to `CFAllocatorCreate`.
#[unsafe(no_mangle)]
pub static pixelport_kCFAllocatorUseContext: CFAllocatorRef = allocator_ref(&USE_CONTEXT);

/// A thread's default allocator slot. It holds one reference to the
/// allocator it names, given back when the default changes or the thread
/// exits (CFBase.c keeps the same accounting in its thread data).
struct DefaultSlot(Cell<CFAllocatorRef>);

impl Drop for DefaultSlot {
    fn drop(&mut self) {
        // SAFETY: the slot owns one reference to its (live) allocator.
        unsafe { crate::capi::handle::release(self.0.get().as_type()) };
    }
}

thread_local! {
    /// The per-thread default set by `CFAllocatorSetDefault`; NULL means
    /// `kCFAllocatorSystemDefault`.
    static THREAD_DEFAULT: DefaultSlot = const { DefaultSlot(Cell::new(CFAllocatorRef(std::ptr::null()))) };
}

/// Resolves NULL to the current default allocator. While the thread is
/// being torn down (its slot already destroyed) that is the system default.
fn effective(allocator: CFAllocatorRef) -> CFAllocatorRef {
    if !allocator.is_null() {
        return allocator;
    }
    THREAD_DEFAULT
        .try_with(|slot| slot.0.get())
        .ok()
        .filter(|current| !current.is_null())
        .unwrap_or(pixelport_kCFAllocatorSystemDefault)
}

/// The callbacks behind `allocator` (NULL meaning the default); `None` when
/// it is not an allocator.
///
/// # Safety
/// `allocator` must be NULL or a live object.
unsafe fn context_of(allocator: CFAllocatorRef) -> Option<CFAllocatorContext> {
    // SAFETY: forwarded contract.
    unsafe { crate::capi::handle::object::<CfAllocator>(effective(allocator).as_type()) }
        .map(|o| o.value.context())
}

/// The allocator a no-copy object will free its bytes with, retained for the
/// object's lifetime. NULL means the calling thread's default allocator *at
/// creation*, so data created on one thread and released on another frees
/// with the allocator its creator chose (as CFData.c resolves it). `None`
/// when `deallocator` is not an allocator.
///
/// # Safety
/// `deallocator` must be NULL or a live object.
pub unsafe fn retain_deallocator(deallocator: CFAllocatorRef) -> Option<Retained<CfAllocator>> {
    // SAFETY: forwarded contract.
    let object =
        unsafe { crate::capi::handle::object::<CfAllocator>(effective(deallocator).as_type()) }?;
    Some(Retained::retain(object))
}

/// The C reference for an allocator object (no ownership change).
pub fn allocator_ref_of(object: &CfObject<CfAllocator>) -> CFAllocatorRef {
    CFAllocatorRef::from_type(object.as_type_ref())
}

/// Frees `ptr` the way `deallocator` says (no-copy APIs hand us memory with
/// its deallocator). Objects that are not allocators free nothing.
///
/// # Safety
/// `ptr` must be NULL or memory that `deallocator` may free.
pub unsafe fn deallocate_with(deallocator: CFAllocatorRef, ptr: *mut c_void) {
    // SAFETY: forwarded contract.
    unsafe { pixelport_CFAllocatorDeallocate(deallocator, ptr) }
}

/// The type ID of CFAllocator.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFAllocatorGetTypeID() -> CFTypeID {
    TypeKind::Allocator.type_id()
}

/// Makes `allocator` the calling thread's default: what NULL /
/// `kCFAllocatorDefault` means on this thread from now on. Other threads are
/// unaffected; a new thread starts with `kCFAllocatorSystemDefault`.
///
/// As in CoreFoundation, an allocator that becomes the default is retained
/// twice: once while it is this thread's default (released when it is
/// replaced or the thread exits) and once for good, because code may still
/// hold memory from it; a default allocator is never destroyed. Setting the
/// current default again does nothing. NULL and non-allocators are ignored.
///
/// # Safety
/// `allocator` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorSetDefault(allocator: CFAllocatorRef) {
    ffi_guard!({
        try_ref!(allocator, CfAllocator);
        let _ = THREAD_DEFAULT.try_with(|slot| {
            let previous = slot.0.get();
            if previous == allocator {
                return;
            }
            // SAFETY: checked live allocator above: one reference for the
            // slot, one that is never given back.
            unsafe {
                crate::capi::handle::retain(allocator.as_type());
                crate::capi::handle::retain(allocator.as_type());
            }
            slot.0.set(allocator);
            // SAFETY: the slot owned one reference to `previous` (NULL is a
            // no-op); its reference "for good" keeps it alive.
            unsafe { crate::capi::handle::release(previous.as_type()) };
        });
    })
}

/// The calling thread's default allocator (+0): `kCFAllocatorSystemDefault`
/// unless `CFAllocatorSetDefault` changed it.
#[unsafe(no_mangle)]
pub extern "C" fn pixelport_CFAllocatorGetDefault() -> CFAllocatorRef {
    ffi_guard!(CFAllocatorRef::null(), {
        effective(CFAllocatorRef::null())
    })
}

/// Creates a (+1) allocator that serves `CFAllocatorAllocate` & co. through
/// `context`'s callbacks. `context->info` is retained with the retain
/// callback (when both are non-NULL) and released with the release callback
/// when the allocator is destroyed. NULL when `context` is NULL or its
/// version is not 0. Thread safety: the callbacks may be called from any
/// thread that uses the allocator.
///
/// Deviation: the allocator object itself is always allocated by pixelport;
/// with `kCFAllocatorUseContext` as `allocator`, Apple allocates it through
/// `context->allocate`.
///
/// # Safety
/// `context` must be NULL or a readable context whose callbacks are safe to call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorCreate(
    allocator: CFAllocatorRef,
    context: *mut CFAllocatorContext,
) -> CFAllocatorRef {
    let _ = allocator;
    ffi_guard!(CFAllocatorRef::null(), {
        if context.is_null() {
            return CFAllocatorRef::null();
        }
        // SAFETY: non-NULL and readable per the contract.
        let mut ctx = unsafe { context.read_unaligned() };
        if ctx.version != 0 {
            return CFAllocatorRef::null();
        }
        if let Some(retain) = ctx.retain {
            if !ctx.info.is_null() {
                // SAFETY: the caller's own callback on its own info.
                ctx.info = unsafe { retain(ctx.info) } as *mut c_void;
            }
        }
        CFAllocatorRef::from_type(Retained::new(CfAllocator::Custom(ctx)).into_raw())
    })
}

/// Allocates `size` bytes through the allocator's allocate callback (malloc
/// for the built-in allocators). NULL for a size <= 0 (the callback is not
/// called), from `kCFAllocatorNull` or `kCFAllocatorUseContext`, from a
/// custom allocator without an allocate callback, or for a non-allocator.
///
/// # Safety
/// `allocator` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorAllocate(
    allocator: CFAllocatorRef,
    size: CFIndex,
    hint: CFOptionFlags,
) -> *mut c_void {
    ffi_guard!({
        if size <= 0 {
            return std::ptr::null_mut();
        }
        // SAFETY: per this function's contract.
        let Some(ctx) = (unsafe { context_of(allocator) }) else {
            return std::ptr::null_mut();
        };
        match ctx.allocate {
            // SAFETY: the allocator's own callback with its own info.
            Some(allocate) => unsafe { allocate(size, hint, ctx.info) },
            None => std::ptr::null_mut(),
        }
    })
}

/// Resizes memory from this allocator, returning the new block or NULL.
/// `ptr` NULL allocates `newsize` bytes; `newsize` 0 frees `ptr` and returns
/// NULL. Otherwise NULL means failure and `ptr` is still valid and still
/// the caller's: that includes a negative `newsize`, `kCFAllocatorNull`, a
/// custom allocator without a reallocate callback, and a non-allocator.
///
/// # Safety
/// `ptr` must be NULL or memory from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorReallocate(
    allocator: CFAllocatorRef,
    ptr: *mut c_void,
    newsize: CFIndex,
    hint: CFOptionFlags,
) -> *mut c_void {
    ffi_guard!({
        if ptr.is_null() {
            // SAFETY: forwarded contract.
            return unsafe { pixelport_CFAllocatorAllocate(allocator, newsize, hint) };
        }
        if newsize == 0 {
            // SAFETY: forwarded contract.
            unsafe { pixelport_CFAllocatorDeallocate(allocator, ptr) };
            return std::ptr::null_mut();
        }
        if newsize < 0 {
            // Freeing here would leave the caller, who sees a failed
            // reallocation, holding a dangling pointer.
            return std::ptr::null_mut();
        }
        // SAFETY: per this function's contract.
        let Some(ctx) = (unsafe { context_of(allocator) }) else {
            return std::ptr::null_mut();
        };
        match ctx.reallocate {
            // SAFETY: the allocator's own callback with its own info; `ptr`
            // came from this allocator per the contract.
            Some(reallocate) => unsafe { reallocate(ptr, newsize, hint, ctx.info) },
            None => std::ptr::null_mut(),
        }
    })
}

/// Frees memory from this allocator through its deallocate callback (`free`
/// for the built-in malloc allocators). `kCFAllocatorNull`, a custom
/// allocator without a deallocate callback and NULL `ptr` do nothing.
///
/// Deviation: an `allocator` that is not an allocator frees nothing (Apple
/// crashes); not knowing who allocated `ptr`, leaking is the safe choice.
///
/// # Safety
/// `ptr` must be NULL or memory from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorDeallocate(
    allocator: CFAllocatorRef,
    ptr: *mut c_void,
) {
    ffi_guard!({
        if ptr.is_null() {
            return;
        }
        // SAFETY: per this function's contract.
        let Some(ctx) = (unsafe { context_of(allocator) }) else {
            return;
        };
        if let Some(deallocate) = ctx.deallocate {
            // SAFETY: the allocator's own callback with its own info; `ptr`
            // came from this allocator per the contract.
            unsafe { deallocate(ptr, ctx.info) }
        }
    })
}

/// The size an allocation of `size` bytes would really get: the allocator's
/// preferred-size callback's answer, but never less than `size`; `size`
/// itself when there is no callback. 0 for a size <= 0 (the callback is not
/// called), as in CoreFoundation.
///
/// # Safety
/// `allocator` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorGetPreferredSizeForSize(
    allocator: CFAllocatorRef,
    size: CFIndex,
    hint: CFOptionFlags,
) -> CFIndex {
    ffi_guard!({
        if size <= 0 {
            return 0;
        }
        // SAFETY: per this function's contract.
        let answer = match unsafe { context_of(allocator) } {
            Some(CFAllocatorContext {
                preferredSize: Some(preferred),
                info,
                ..
            }) => {
                // SAFETY: the allocator's own callback with its own info.
                unsafe { preferred(size, hint, info) }
            }
            _ => size,
        };
        answer.max(size)
    })
}

/// Copies the allocator's context into `*context`: for a custom allocator
/// the callbacks it was created with and its retained info; for
/// `kCFAllocatorSystemDefault`, `kCFAllocatorMalloc` and
/// `kCFAllocatorMallocZone`, malloc-compatible callbacks; for
/// `kCFAllocatorNull` and `kCFAllocatorUseContext`, NULL callbacks. Nothing
/// is written when `context` is NULL, `context->version` is not 0 (Apple
/// asserts), or `allocator` is not an allocator.
///
/// # Safety
/// `allocator` must be NULL or a live object; `context` NULL or a writable
/// context.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorGetContext(
    allocator: CFAllocatorRef,
    context: *mut CFAllocatorContext,
) {
    ffi_guard!({
        if context.is_null() {
            return;
        }
        // SAFETY: non-NULL per the contract; version is the first field.
        if unsafe { (context as *const CFIndex).read_unaligned() } != 0 {
            return;
        }
        // SAFETY: per this function's contract.
        if let Some(value) = unsafe { context_of(allocator) } {
            // SAFETY: writable per the contract.
            unsafe { context.write_unaligned(value) };
        }
    })
}
