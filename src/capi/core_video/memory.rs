//! Where a pixel buffer's bytes live, and who gets them back.
//!
//! Two kinds of storage:
//! - [`PixelMemory`]: one aligned allocation made by pixelport
//!   (`CVPixelBufferCreate`, pools). It is zeroed when first
//!   allocated. When the buffer dies, the memory goes to the buffer's
//!   [`Recycler`] if it has one, otherwise it is freed.
//! - [`CallerMemory`]: bytes the caller handed to `CVPixelBufferCreateWithBytes`
//!   / `…WithPlanarBytes`. pixelport never frees them; it calls the caller's
//!   release callback exactly once, when the buffer dies (after the last
//!   release). A NULL callback means there is nothing to call.
//!
//! The pool seam: a `CVPixelBufferPool` (`pixel_buffer_pool`) keeps a
//! `PixelBufferSpec` (see `pixel_buffer`) and a [`Recycler`]. It hands either fresh
//! memory (`PixelBufferSpec::allocate`) or memory a dead buffer gave back
//! to `PixelBufferSpec::build` with itself as recycler; a recycled block is
//! neither zeroed nor moved, so consumers see the previous frame's bytes, as
//! with Apple's pools.

use std::alloc::Layout;
use std::ffi::c_void;
use std::ptr::NonNull;
use std::sync::Arc;

use super::types::{CVPixelBufferReleaseBytesCallback, CVPixelBufferReleasePlanarBytesCallback};
use crate::core::buffer::Error;
use crate::core::pixel_format::{BufferLayout, GeometryError};

/// An aligned block of pixel memory owned by pixelport.
pub struct PixelMemory {
    ptr: NonNull<u8>,
    layout: Layout,
}

// SAFETY: the block is plain bytes owned by this value; handing it to another
// thread transfers that ownership.
unsafe impl Send for PixelMemory {}
// SAFETY: `&PixelMemory` only exposes the address and sizes; writes through
// the address are synchronised by the pixel buffer that owns the block.
unsafe impl Sync for PixelMemory {}

impl PixelMemory {
    /// `size` zeroed bytes aligned to `align` (a power of two).
    /// `GeometryError::TooLarge` when no allocation can have that shape,
    /// `Error::OutOfMemory` when the system refuses it.
    pub fn allocate_zeroed(size: usize, align: usize) -> Result<PixelMemory, Error> {
        let layout = Layout::from_size_align(size.max(1), align)
            .map_err(|_| Error::Geometry(GeometryError::TooLarge))?;
        // SAFETY: the layout has a non-zero size.
        let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
        let ptr = NonNull::new(ptr).ok_or(Error::OutOfMemory)?;
        Ok(PixelMemory { ptr, layout })
    }

    /// Fresh zeroed memory for a buffer with this layout.
    pub fn for_layout(layout: &BufferLayout) -> Result<PixelMemory, Error> {
        PixelMemory::allocate_zeroed(layout.data_size, layout.allocation_alignment)
    }

    /// Whether a buffer with `layout` can live in this block.
    pub fn fits(&self, layout: &BufferLayout) -> bool {
        self.layout.size() >= layout.data_size && self.layout.align() >= layout.allocation_alignment
    }

    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    pub fn len(&self) -> usize {
        self.layout.size()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn align(&self) -> usize {
        self.layout.align()
    }

    /// Copies `bytes` to `offset` (planar descriptors); false if they do not fit.
    pub fn write(&mut self, offset: usize, bytes: &[u8]) -> bool {
        let fits = offset
            .checked_add(bytes.len())
            .is_some_and(|end| end <= self.len());
        if fits {
            // SAFETY: in bounds (checked above), and `&mut self` means no
            // other Rust reference to the block exists.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    self.as_ptr().add(offset),
                    bytes.len(),
                )
            };
        }
        fits
    }
}

impl Drop for PixelMemory {
    fn drop(&mut self) {
        // SAFETY: allocated in `allocate_zeroed` with this layout.
        unsafe { std::alloc::dealloc(self.ptr.as_ptr(), self.layout) }
    }
}

/// Takes back the memory of a dying buffer (implemented by pools). Called
/// from whatever thread releases the buffer last, with no pixelport lock held.
pub trait Recycler: Send + Sync {
    fn recycle(&self, memory: PixelMemory);
}

/// Memory owned by pixelport, with where it goes when the buffer dies.
pub struct OwnedMemory {
    memory: Option<PixelMemory>,
    recycler: Option<Arc<dyn Recycler>>,
}

impl OwnedMemory {
    pub fn new(memory: PixelMemory, recycler: Option<Arc<dyn Recycler>>) -> OwnedMemory {
        OwnedMemory {
            memory: Some(memory),
            recycler,
        }
    }

    /// The start of the block.
    pub fn as_ptr(&self) -> *mut u8 {
        self.memory
            .as_ref()
            .map_or(std::ptr::null_mut(), PixelMemory::as_ptr)
    }

    pub fn len(&self) -> usize {
        self.memory.as_ref().map_or(0, PixelMemory::len)
    }

    pub fn is_empty(&self) -> bool {
        self.memory.is_none()
    }
}

impl Drop for OwnedMemory {
    fn drop(&mut self) {
        if let (Some(memory), Some(recycler)) = (self.memory.take(), self.recycler.take()) {
            recycler.recycle(memory);
        }
    }
}

/// The caller's release callback and the arguments it gets back.
enum Release {
    Bytes {
        callback: CVPixelBufferReleaseBytesCallback,
        refcon: *mut c_void,
        base: *const c_void,
    },
    Planar {
        callback: CVPixelBufferReleasePlanarBytesCallback,
        refcon: *mut c_void,
        data: *const c_void,
        data_size: usize,
        planes: Vec<*const c_void>,
    },
}

/// Caller-provided memory; runs the release callback when dropped.
pub struct CallerMemory {
    release: Release,
}

// SAFETY: the pointers are the caller's; CoreVideo's contract lets the
// release callback run on whichever thread releases the buffer last.
unsafe impl Send for CallerMemory {}
// SAFETY: nothing is read or written through the pointers here.
unsafe impl Sync for CallerMemory {}

impl CallerMemory {
    /// `CVPixelBufferCreateWithBytes`: `callback(refcon, base)` at the end.
    pub fn bytes(
        base: *const c_void,
        callback: CVPixelBufferReleaseBytesCallback,
        refcon: *mut c_void,
    ) -> CallerMemory {
        CallerMemory {
            release: Release::Bytes {
                callback,
                refcon,
                base,
            },
        }
    }

    /// `CVPixelBufferCreateWithPlanarBytes`: `callback(refcon, data,
    /// data_size, planes.len(), planes)` at the end.
    pub fn planar(
        data: *const c_void,
        data_size: usize,
        planes: Vec<*const c_void>,
        callback: CVPixelBufferReleasePlanarBytesCallback,
        refcon: *mut c_void,
    ) -> CallerMemory {
        CallerMemory {
            release: Release::Planar {
                callback,
                refcon,
                data,
                data_size,
                planes,
            },
        }
    }
}

impl Drop for CallerMemory {
    fn drop(&mut self) {
        match &mut self.release {
            Release::Bytes {
                callback: Some(callback),
                refcon,
                base,
            } => {
                // SAFETY: the caller's callback with the arguments it asked
                // for; `drop` runs once, so the callback does too.
                unsafe { callback(*refcon, *base) }
            }
            Release::Planar {
                callback: Some(callback),
                refcon,
                data,
                data_size,
                planes,
            } => {
                // SAFETY: as above; `planes` stays alive during the call.
                unsafe {
                    callback(
                        *refcon,
                        *data,
                        *data_size,
                        planes.len(),
                        planes.as_mut_ptr(),
                    )
                }
            }
            _ => {}
        }
    }
}

/// A buffer's storage.
pub enum Storage {
    Owned(OwnedMemory),
    Caller(CallerMemory),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Bin(Mutex<Vec<PixelMemory>>);
    impl Recycler for Bin {
        fn recycle(&self, memory: PixelMemory) {
            self.0.lock().unwrap().push(memory);
        }
    }

    #[test]
    fn allocation_is_aligned_and_zeroed() {
        let mut m = PixelMemory::allocate_zeroed(1000, 4096).unwrap();
        assert_eq!(m.as_ptr() as usize % 4096, 0);
        assert_eq!((m.len(), m.align()), (1000, 4096));
        // SAFETY: 1000 readable bytes.
        let bytes = unsafe { std::slice::from_raw_parts(m.as_ptr(), 1000) };
        assert!(bytes.iter().all(|&b| b == 0));
        assert!(m.write(996, &[1, 2, 3, 4]));
        assert!(!m.write(997, &[1, 2, 3, 4]));
        assert!(!m.write(usize::MAX, &[1]));
        assert!(matches!(
            PixelMemory::allocate_zeroed(isize::MAX as usize, 64),
            Err(Error::Geometry(GeometryError::TooLarge))
        ));
        assert!(matches!(
            PixelMemory::allocate_zeroed(1 << 62, 64),
            Err(Error::OutOfMemory)
        ));
    }

    #[test]
    fn owned_memory_goes_to_its_recycler() {
        let bin = Arc::new(Bin(Mutex::new(Vec::new())));
        let memory = PixelMemory::allocate_zeroed(64, 64).unwrap();
        let address = memory.as_ptr();
        drop(OwnedMemory::new(memory, Some(bin.clone())));
        let returned = bin.0.lock().unwrap().pop().unwrap();
        assert_eq!(returned.as_ptr(), address);
        drop(OwnedMemory::new(returned, None));
    }

    #[test]
    fn caller_release_runs_once_with_its_arguments() {
        static CALLS: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());
        unsafe extern "C" fn release(refcon: *mut c_void, base: *const c_void) {
            CALLS.lock().unwrap().push((refcon as usize, base as usize));
        }
        drop(CallerMemory::bytes(
            0x20 as *const c_void,
            Some(release),
            0x10 as *mut c_void,
        ));
        drop(CallerMemory::bytes(
            0x20 as *const c_void,
            None,
            std::ptr::null_mut(),
        ));
        assert_eq!(*CALLS.lock().unwrap(), vec![(0x10, 0x20)]);
    }
}
