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

thread_local! {
    /// The per-thread default set by `CFAllocatorSetDefault` (never released,
    /// as CFBase.h documents).
    static THREAD_DEFAULT: Cell<CFAllocatorRef> = const { Cell::new(CFAllocatorRef(std::ptr::null())) };
}

/// Resolves NULL to the current default allocator.
fn effective(allocator: CFAllocatorRef) -> CFAllocatorRef {
    if allocator.is_null() {
        let current = THREAD_DEFAULT.with(Cell::get);
        if current.is_null() {
            pixelport_kCFAllocatorSystemDefault
        } else {
            current
        }
    } else {
        allocator
    }
}

/// # Safety
/// `allocator` must be NULL or a live object.
unsafe fn payload<'a>(allocator: CFAllocatorRef) -> Option<&'a CfAllocator> {
    // SAFETY: forwarded contract.
    unsafe { crate::capi::handle::object::<CfAllocator>(effective(allocator).as_type()) }
        .map(|o| &o.value)
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
/// its deallocator). Unknown objects are treated like the default allocator.
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

/// Sets the calling thread's default allocator (retained for good).
/// NULL is ignored.
///
/// # Safety
/// `allocator` must be NULL or a live allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorSetDefault(allocator: CFAllocatorRef) {
    ffi_guard!({
        try_ref!(allocator, CfAllocator);
        // SAFETY: checked live allocator; the reference is kept forever.
        unsafe { crate::capi::handle::retain(allocator.as_type()) };
        THREAD_DEFAULT.with(|d| d.set(allocator));
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
/// `context`'s callbacks, retaining `context->info` with its retain callback.
/// NULL when `context` is NULL or its version is not 0.
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

/// Allocates `size` bytes; NULL for size <= 0, from `kCFAllocatorNull`, or
/// when the allocator has no allocate callback.
///
/// # Safety
/// `allocator` must be NULL or a live allocator.
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
        match unsafe { payload(allocator) } {
            // SAFETY: plain malloc of a positive size.
            Some(CfAllocator::Malloc(_)) => unsafe { libc::malloc(size as usize) },
            Some(CfAllocator::Custom(ctx)) => match ctx.allocate {
                // SAFETY: the caller's own callback with its own info.
                Some(allocate) => unsafe { allocate(size, hint, ctx.info) },
                None => std::ptr::null_mut(),
            },
            _ => std::ptr::null_mut(),
        }
    })
}

/// Resizes (or allocates, when `ptr` is NULL; or frees, when `newsize` is 0)
/// memory from this allocator. Returns the new block or NULL.
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
        if newsize <= 0 {
            // SAFETY: forwarded contract.
            unsafe { pixelport_CFAllocatorDeallocate(allocator, ptr) };
            return std::ptr::null_mut();
        }
        // SAFETY: per this function's contract.
        match unsafe { payload(allocator) } {
            // SAFETY: `ptr` came from this (malloc) allocator.
            Some(CfAllocator::Malloc(_)) => unsafe { libc::realloc(ptr, newsize as usize) },
            Some(CfAllocator::Custom(ctx)) => match ctx.reallocate {
                // SAFETY: the caller's own callback with its own info.
                Some(reallocate) => unsafe { reallocate(ptr, newsize, hint, ctx.info) },
                None => std::ptr::null_mut(),
            },
            _ => std::ptr::null_mut(),
        }
    })
}

/// Frees memory from this allocator. `kCFAllocatorNull` frees nothing;
/// NULL `ptr` is a no-op.
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
        match unsafe { payload(allocator) } {
            // SAFETY: `ptr` came from malloc per the contract.
            Some(CfAllocator::Malloc(_)) | None => unsafe { libc::free(ptr) },
            Some(CfAllocator::Custom(ctx)) => {
                if let Some(deallocate) = ctx.deallocate {
                    // SAFETY: the caller's own callback with its own info.
                    unsafe { deallocate(ptr, ctx.info) }
                }
            }
            Some(CfAllocator::Null | CfAllocator::UseContext) => {}
        }
    })
}

/// The size an allocation of `size` bytes would really get (the custom
/// allocator's answer, else `size`).
///
/// # Safety
/// `allocator` must be NULL or a live allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pixelport_CFAllocatorGetPreferredSizeForSize(
    allocator: CFAllocatorRef,
    size: CFIndex,
    hint: CFOptionFlags,
) -> CFIndex {
    ffi_guard!({
        // SAFETY: per this function's contract.
        match unsafe { payload(allocator) } {
            Some(CfAllocator::Custom(CFAllocatorContext {
                preferredSize: Some(preferred),
                info,
                ..
            })) => {
                // SAFETY: the caller's own callback with its own info.
                unsafe { preferred(size, hint, *info) }
            }
            _ => size,
        }
    })
}

/// Copies a custom allocator's context into `*context`; for the built-in
/// allocators, a context with NULL callbacks. Nothing is written for NULL
/// arguments or a non-zero `context->version`.
///
/// # Safety
/// `context` must be NULL or a writable context.
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
        let value = match unsafe { payload(allocator) } {
            Some(CfAllocator::Custom(ctx)) => *ctx,
            Some(_) => CFAllocatorContext {
                version: 0,
                info: std::ptr::null_mut(),
                retain: None,
                release: None,
                copyDescription: None,
                allocate: None,
                reallocate: None,
                deallocate: None,
                preferredSize: None,
            },
            None => return,
        };
        // SAFETY: writable per the contract.
        unsafe { context.write_unaligned(value) };
    })
}
