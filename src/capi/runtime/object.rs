//! Object header, allocation and reference counting.

use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering, fence};

use super::class::{CLASSES, Class, TypeKind};
use crate::capi::core_foundation::types::{CFHashCode, CFIndex, CFTypeRef};

/// Reference counts at or above this value mark an immortal object. Retain and
/// release check before they touch the count, so an immortal object's count
/// never moves; a real count would need 2^62 leaked references to get here.
const IMMORTAL: usize = 1 << 62;

/// What `CFGetRetainCount` reports for an immortal object (Apple reports this
/// same large value for constant strings).
pub(crate) const IMMORTAL_RETAIN_COUNT: CFIndex = 0x0FFF_FFFF_FFFF_FFFF;

/// The common prefix of every object we allocate.
#[repr(C)]
pub struct Header {
    class: &'static Class,
    refcount: AtomicUsize,
}

impl Header {
    /// The header of an immortal object of class `kind`.
    pub const fn immortal(kind: TypeKind) -> Header {
        Header {
            class: &CLASSES[kind.index()],
            refcount: AtomicUsize::new(IMMORTAL),
        }
    }

    fn mortal(kind: TypeKind) -> Header {
        Header {
            class: &CLASSES[kind.index()],
            refcount: AtomicUsize::new(1),
        }
    }

    pub fn class(&self) -> &'static Class {
        self.class
    }

    pub fn is_immortal(&self) -> bool {
        self.refcount.load(Ordering::Relaxed) >= IMMORTAL
    }

    pub fn retain(&self) {
        if !self.is_immortal() {
            self.refcount.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Drops one reference; destroys the object when it was the last.
    ///
    /// # Safety
    /// `self` must be the header of a live object the caller holds a
    /// reference to; after this call that reference is gone.
    pub unsafe fn release(&self) {
        if self.is_immortal() {
            return;
        }
        if self.refcount.fetch_sub(1, Ordering::Release) == 1 {
            // Pairs with the Release above on every other thread's last
            // decrement, so their writes happen before the destructor runs.
            fence(Ordering::Acquire);
            let header = NonNull::from(self);
            // SAFETY: the count reached zero, so this was the last reference
            // and nobody can observe the object any more.
            unsafe { (self.class.destroy)(header) };
        }
    }

    pub fn retain_count(&self) -> CFIndex {
        let count = self.refcount.load(Ordering::Relaxed);
        if count >= IMMORTAL {
            IMMORTAL_RETAIN_COUNT
        } else {
            count as CFIndex
        }
    }
}

/// A type whose values live behind a C handle.
pub trait CfClass: Sized + Send + Sync + 'static {
    /// The registry entry (and so the `CFTypeID`) of this type.
    const KIND: TypeKind;

    /// `CFEqual` between two objects of this type. Default: identity.
    fn cf_equal(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }

    /// `CFHash`; equal objects must hash equal. Default: the address.
    fn cf_hash(&self) -> CFHashCode {
        self as *const Self as usize as CFHashCode
    }

    /// The body of `CFCopyDescription` (the `<CFType 0x…>` wrapper is added by
    /// the caller where Apple adds one).
    fn describe(&self) -> String;
}

/// A header followed by the typed value. Handles point at the header.
#[repr(C)]
pub struct CfObject<T> {
    header: Header,
    pub value: T,
}

impl<T: CfClass> CfObject<T> {
    /// An immortal object, for `static` constants such as `kCFBooleanTrue`.
    pub const fn immortal(value: T) -> CfObject<T> {
        CfObject {
            header: Header::immortal(T::KIND),
            value,
        }
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// This object as an untyped CF reference (no ownership change).
    pub fn as_type_ref(&self) -> CFTypeRef {
        self as *const Self as CFTypeRef
    }

    /// Downcasts a header after checking its class.
    pub fn from_header(header: &Header) -> Option<&CfObject<T>> {
        if std::ptr::eq(header.class, &CLASSES[T::KIND.index()]) {
            // SAFETY: the class matches, and objects of this class are only
            // ever allocated as `CfObject<T>` with the header first
            // (`repr(C)`), so the header address is the object address.
            Some(unsafe { &*(header as *const Header as *const CfObject<T>) })
        } else {
            None
        }
    }
}

/// An owned (+1) reference to a typed object.
pub struct Retained<T: CfClass>(NonNull<CfObject<T>>);

// SAFETY: the reference count is atomic and `T: Send + Sync`.
unsafe impl<T: CfClass> Send for Retained<T> {}
// SAFETY: as above.
unsafe impl<T: CfClass> Sync for Retained<T> {}

impl<T: CfClass> Retained<T> {
    /// Allocates a new object with a reference count of 1.
    pub fn new(value: T) -> Retained<T> {
        let boxed = Box::new(CfObject {
            header: Header::mortal(T::KIND),
            value,
        });
        Retained(NonNull::from(Box::leak(boxed)))
    }

    /// Retains `object` and wraps the new reference.
    pub fn retain(object: &CfObject<T>) -> Retained<T> {
        object.header.retain();
        Retained(NonNull::from(object))
    }

    /// Takes over a +1 reference that C (or a `…Create` helper) holds to an
    /// object of type `T`; `None`, and the reference left alone, for NULL or
    /// an object of another type.
    ///
    /// # Safety
    /// `ptr` must be NULL or a live object the caller owns a reference to;
    /// on `Some` that reference now belongs to the result.
    pub unsafe fn from_raw(ptr: CFTypeRef) -> Option<Retained<T>> {
        // SAFETY: per this function's contract.
        let object = unsafe { crate::capi::handle::object::<T>(ptr) }?;
        Some(Retained(NonNull::from(object)))
    }

    /// Hands the +1 reference to C.
    pub fn into_raw(self) -> CFTypeRef {
        let ptr = self.0.as_ptr() as CFTypeRef;
        std::mem::forget(self);
        ptr
    }

    /// Turns this allocation into an immortal object that is never freed
    /// (interned strings).
    pub fn into_immortal(self) -> &'static CfObject<T> {
        // SAFETY: we hold a reference, so the object is alive; after this it
        // is never released, so `'static` holds.
        let object: &'static CfObject<T> = unsafe { &*self.0.as_ptr() };
        object.header.refcount.store(IMMORTAL, Ordering::Relaxed);
        std::mem::forget(self);
        object
    }
}

impl<T: CfClass> std::ops::Deref for Retained<T> {
    type Target = CfObject<T>;
    fn deref(&self) -> &CfObject<T> {
        // SAFETY: we own a reference, so the object is alive.
        unsafe { self.0.as_ref() }
    }
}

impl<T: CfClass> Clone for Retained<T> {
    fn clone(&self) -> Self {
        Retained::retain(self)
    }
}

impl<T: CfClass> Drop for Retained<T> {
    fn drop(&mut self) {
        // SAFETY: we own exactly one reference and give it up here.
        unsafe { self.0.as_ref().header.release() }
    }
}

/// Frees a mortal `CfObject<T>` whose count reached zero.
///
/// # Safety
/// `header` must be the header of a `CfObject<T>` allocated by
/// [`Retained::new`] with no remaining references.
pub unsafe fn destroy<T: CfClass>(header: NonNull<Header>) {
    // SAFETY: per the contract, this is the Box allocated in Retained::new.
    drop(unsafe { Box::from_raw(header.as_ptr() as *mut CfObject<T>) });
}
