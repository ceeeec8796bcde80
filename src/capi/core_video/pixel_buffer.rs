//! The CVPixelBuffer object and its creation (CVPixelBuffer.h,
//! corevideo.md §4.3): `CVPixelBufferCreate`, `…CreateWithBytes`,
//! `…CreateWithPlanarBytes`, the type ID and retain/release.
//!
//! A buffer is immutable after creation except for its lock count, its
//! attachments and its pixels. Geometry comes from `core::pixel_format`
//! (allocated buffers) or `core::buffer::caller_layout` (caller memory);
//! attribute dictionaries are decoded once and validated by
//! `core::buffer::attributes`. [`PixelBufferSpec`] is the seam a pool
//! builds on: validate once, then build many buffers over recycled memory.

#![allow(non_snake_case)]

use std::ffi::c_void;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::attachments::Attachments;
use super::image_buffer::DerivedColorSpaces;
use super::memory::{CallerMemory, OwnedMemory, PixelMemory, Recycler, Storage};
use super::pixel_format_description::registered_fill_callback;
use super::status::cv_return;
use super::types::{
    CVFillExtendedPixelsCallBackData, CVPixelBufferRef, CVPixelBufferReleaseBytesCallback,
    CVPixelBufferReleasePlanarBytesCallback, CVReturn, kCVReturnError, kCVReturnInvalidArgument,
    kCVReturnSuccess,
};
use crate::capi::core_foundation::dictionary::{
    CfDictionary, dictionary_entries, dictionary_get, is_cf_type_dictionary, new_cf_type_dictionary,
};
use crate::capi::core_foundation::number::new_number;
use crate::capi::core_foundation::property::decode;
use crate::capi::core_foundation::string::new_string;
use crate::capi::core_foundation::types::{
    CFAllocatorRef, CFDictionaryRef, CFIndex, CFTypeID, CFTypeRef, CfRef, OSType,
};
use crate::capi::handle;
use crate::capi::runtime::class::TypeKind;
use crate::capi::runtime::object::{CfClass, CfObject, Retained};
use crate::core::buffer::attributes::keys;
use crate::core::buffer::{
    AttachmentMode, CallerLayout, Error, LockState, PixelBufferAttributes, PlaneFill,
    caller_layout, fill::fill_plane,
};
use crate::core::number::{Number, NumberType, NumberValue};
use crate::core::pixel_format::{
    BufferLayout, ExtendedPixels, GeometryError, PixelFormat, Plane, creatable_format,
    plane_layouts,
};
use crate::core::property::Value;

/// An address inside a buffer's memory (pixelport's or the caller's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Address(pub *mut c_void);

// SAFETY: an address is only handed back to C; pixelport reads or writes
// through it only while holding the buffer's state lock (fill).
unsafe impl Send for Address {}
// SAFETY: as above.
unsafe impl Sync for Address {}

/// What the per-plane getters report.
#[derive(Clone, Copy, Debug)]
pub struct PlaneInfo {
    pub width: usize,
    pub height: usize,
    pub bytes_per_row: usize,
    /// The plane's first image sample (after any extended pixels).
    pub base: Address,
    /// The address of the plane's memory (extended rows included) and its
    /// offset in a pixelport allocation (the address again for caller
    /// memory), for `CVPixelBufferIsCompatibleWithAttributes`.
    pub start: (usize, usize),
}

/// A registered format's `kCVPixelFormatFillExtendedPixelsCallback`.
#[derive(Clone, Copy, Debug)]
pub struct FillCallback(CVFillExtendedPixelsCallBackData);

// SAFETY: the refcon belongs to whoever registered the format; CoreVideo's
// contract lets the callback run on whichever thread fills the buffer, and
// pixelport never dereferences the refcon itself.
unsafe impl Send for FillCallback {}
// SAFETY: as above; the struct is only copied and passed back to C.
unsafe impl Sync for FillCallback {}

impl FillCallback {
    /// Calls the format's routine on `buffer`; its Boolean result.
    ///
    /// # Safety
    /// `buffer` must be the live pixel buffer this callback belongs to; the
    /// registrant vouches for the function and its refcon.
    pub unsafe fn call(&self, buffer: CVPixelBufferRef) -> bool {
        match self.0.fillCallBack {
            // SAFETY: per this function's contract.
            Some(fill) => unsafe { fill(buffer, self.0.refCon) != 0 },
            None => false,
        }
    }
}

/// How `CVPixelBufferFillExtendedPixels` works for this buffer.
enum FillPlan {
    /// No padding (every caller-memory buffer, and most others).
    Nothing,
    /// Padding in a registered format that brought its own fill routine,
    /// captured when the buffer was built (like its layout, it does not
    /// change if the format is registered again).
    Callback(FillCallback),
    /// Padding in a format whose blocks cannot be replicated generically.
    Unsupported,
    /// Per plane: fill geometry, region offset and region size in the
    /// owned memory.
    Planes(Vec<(PlaneFill, usize, usize)>),
}

/// The payload of a CVPixelBuffer.
pub struct CvPixelBuffer {
    pub pixel_format: u32,
    pub width: usize,
    pub height: usize,
    /// More than one plane (`CVPixelBufferIsPlanar`).
    pub planar: bool,
    /// One entry for chunky buffers.
    pub planes: Vec<PlaneInfo>,
    /// `CVPixelBufferGetBaseAddress`.
    pub base_address: Address,
    /// `CVPixelBufferGetBytesPerRow`.
    pub bytes_per_row: usize,
    /// `CVPixelBufferGetDataSize`.
    pub data_size: usize,
    /// `CVPixelBufferGetExtendedPixels` (image pixels).
    pub extended: ExtendedPixels,
    fill: FillPlan,
    /// Lock counts; also serialises `FillExtendedPixels`.
    state: Mutex<LockState>,
    pub attachments: Attachments,
    /// The spaces `CVImageBufferGetColorSpace` derived from the colour
    /// attachments, kept until the buffer dies.
    pub color_spaces: DerivedColorSpaces,
    /// What `CVPixelBufferCopyCreationAttributes` returns.
    pub creation_attributes: Retained<CfDictionary>,
    /// Declared last: the memory (and the caller's release callback) goes
    /// after everything that describes it.
    storage: Storage,
}

impl CfClass for CvPixelBuffer {
    const KIND: TypeKind = TypeKind::PixelBuffer;

    /// `<CVPixelBuffer 0x… width=… height=… bytesPerRow=… pixelFormat=…
    /// iosurface=0x0 attributes={…} propagatedAttachments={…}
    /// nonPropagatedAttachments={…}>`, the shape macOS prints; planar
    /// buffers list their planes on lines of their own before the
    /// dictionaries.
    fn describe(&self) -> String {
        // The handle points at the object header, which precedes the value.
        let offset = std::mem::offset_of!(CfObject<CvPixelBuffer>, value);
        let address = (self as *const Self as usize).wrapping_sub(offset);
        let text = |cf: CFTypeRef| {
            // SAFETY: our own live dictionaries.
            unsafe { handle::describe(cf) }.unwrap_or_default()
        };
        let dictionaries = format!(
            "attributes={} propagatedAttachments={} nonPropagatedAttachments={}",
            text(self.creation_attributes.as_type_ref()),
            text(
                self.attachments
                    .dictionary(AttachmentMode::ShouldPropagate)
                    .as_type()
            ),
            text(
                self.attachments
                    .dictionary(AttachmentMode::ShouldNotPropagate)
                    .as_type()
            ),
        );
        let head = format!(
            "<CVPixelBuffer {address:#x} width={} height={} bytesPerRow={} pixelFormat={} iosurface=0x0",
            self.width,
            self.height,
            self.bytes_per_row,
            format_name(self.pixel_format)
        );
        if !self.planar {
            return format!("{head} {dictionaries}>");
        }
        let mut out = format!("{head} planes={}>", self.planes.len());
        for (i, plane) in self.planes.iter().enumerate() {
            out.push_str(&format!(
                "\n<Plane {i} width={} height={} bytesPerRow={}>",
                plane.width, plane.height, plane.bytes_per_row
            ));
        }
        out.push_str(&format!("\n<{dictionaries}>"));
        out
    }
}

/// A FourCC as its four characters when printable (`2vuy`), else in hex
/// (`0x00000020` for `kCVPixelFormatType_32ARGB`).
pub fn format_name(code: u32) -> String {
    let bytes = code.to_be_bytes();
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        format!("{code:#010x}")
    }
}

impl CvPixelBuffer {
    /// The lock counts (also held while filling extended pixels).
    pub fn state(&self) -> MutexGuard<'_, LockState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The registered format's fill routine, when it fills this buffer's
    /// padding instead of [`Self::fill_extended_pixels`].
    pub fn fill_callback(&self) -> Option<FillCallback> {
        match self.fill {
            FillPlan::Callback(callback) => Some(callback),
            _ => None,
        }
    }

    /// Replicates edge blocks into the extended pixels of every plane
    /// (a buffer with a [`Self::fill_callback`] is not filled here).
    pub fn fill_extended_pixels(&self) -> Result<(), Error> {
        let planes = match &self.fill {
            FillPlan::Nothing => return Ok(()),
            FillPlan::Unsupported | FillPlan::Callback(_) => {
                return Err(Error::Unfillable(self.pixel_format));
            }
            FillPlan::Planes(planes) => planes,
        };
        let Storage::Owned(memory) = &self.storage else {
            return Ok(());
        };
        let _state = self.state();
        for &(fill, region_offset, region_size) in planes {
            let fits = region_offset
                .checked_add(region_size)
                .is_some_and(|end| end <= memory.len());
            if !fits {
                return Err(GeometryError::TooLarge.into());
            }
            // SAFETY: the region lies inside the owned block (checked
            // above), which lives as long as `self`; the state lock keeps
            // other fills out. C code writing the same pixels concurrently
            // is a data race on the caller's side, as on Apple platforms.
            let region = unsafe {
                std::slice::from_raw_parts_mut(memory.as_ptr().add(region_offset), region_size)
            };
            fill_plane(region, &fill)?;
        }
        Ok(())
    }
}

/// A CFNumber holding `value`, as SInt32 when it fits (how CoreVideo
/// stores sizes and formats), else SInt64.
fn int_number(value: u64) -> CFTypeRef {
    let ty = if value <= i32::MAX as u64 {
        NumberType::SInt32
    } else {
        NumberType::SInt64
    };
    new_number(Number::new(ty, NumberValue::Int(value as i64))).as_type()
}

/// Decodes and validates a caller's attribute dictionary (NULL = none).
///
/// # Safety
/// `attributes` must be NULL or a live object.
unsafe fn parse_attributes(attributes: CFDictionaryRef) -> Result<PixelBufferAttributes, Error> {
    let value = if attributes.is_null() {
        None
    } else {
        // SAFETY: per this function's contract.
        Some(unsafe { decode(attributes.as_type()) }.unwrap_or(Value::Other(String::new())))
    };
    Ok(PixelBufferAttributes::parse(value.as_ref())?)
}

/// The caller's attributes with the buffer's actual width, height and
/// pixel format filled in (+1 immutable dictionary).
///
/// # Safety
/// `attributes` must be NULL or a live, already validated dictionary.
unsafe fn creation_attributes(
    attributes: CFDictionaryRef,
    width: usize,
    height: usize,
    pixel_format: u32,
) -> Retained<CfDictionary> {
    let overrides = [
        (keys::WIDTH, int_number(width as u64)),
        (keys::HEIGHT, int_number(height as u64)),
        (keys::PIXEL_FORMAT_TYPE, int_number(u64::from(pixel_format))),
    ];
    let mut owned: Vec<CFTypeRef> = Vec::new();
    // SAFETY: a validated (CFType) dictionary the caller holds during the call.
    let mut pairs: Vec<(CFTypeRef, CFTypeRef)> = if unsafe { is_cf_type_dictionary(attributes) } {
        // SAFETY: as above.
        unsafe { dictionary_entries(attributes) }
    } else {
        Vec::new()
    };
    for (key, value) in overrides {
        let key = new_string(key).as_type();
        owned.extend([key, value]);
        pairs.push((key, value));
    }
    // SAFETY: every key and value is live; a later duplicate key replaces
    // the caller's value.
    let dict = unsafe { new_cf_type_dictionary(&pairs) };
    for cf in owned {
        // SAFETY: our +1 references; the dictionary retained what it keeps.
        unsafe { handle::release(cf) };
    }
    // SAFETY: a fresh +1 dictionary.
    unsafe { Retained::from_raw(dict.as_type()) }.expect("a new dictionary is a dictionary")
}

/// Sets the `NonPropagatedAttachments` and then the `PropagatedAttachments`
/// of the creation attributes on a new buffer (a key in both ends up
/// propagated).
fn apply_attribute_attachments(buffer: &CvPixelBuffer) {
    for (key, mode) in [
        (
            keys::NON_PROPAGATED_ATTACHMENTS,
            AttachmentMode::ShouldNotPropagate,
        ),
        (
            keys::PROPAGATED_ATTACHMENTS,
            AttachmentMode::ShouldPropagate,
        ),
    ] {
        let key = new_string(key);
        // SAFETY: our dictionary and a live key; the value stays alive
        // while the creation attributes hold it.
        unsafe {
            if let Some(source) = dictionary_get(
                CFDictionaryRef::from_type(buffer.creation_attributes.as_type_ref()),
                key.as_type(),
            ) {
                buffer
                    .attachments
                    .set_all(CFDictionaryRef::from_type(source), mode);
            }
            handle::release(key.as_type());
        }
    }
}

/// Everything needed to build buffers of one size, format and attribute
/// set: `CVPixelBufferCreate` builds one; a pool keeps one and builds many,
/// supplying recycled [`PixelMemory`] and itself as [`Recycler`].
pub struct PixelBufferSpec {
    pixel_format: u32,
    width: usize,
    height: usize,
    planes: Vec<Plane>,
    fillable: bool,
    /// A registered format's own fill routine, looked up once.
    fill_callback: Option<FillCallback>,
    attributes: PixelBufferAttributes,
    layout: BufferLayout,
    creation_attributes: Retained<CfDictionary>,
}

impl PixelBufferSpec {
    /// Validates a `CVPixelBufferCreate` request. Checks, in order: the
    /// format (unknown or compressed → `InvalidPixelFormat`), the size (zero
    /// → `InvalidSize`), the attributes (→ `InvalidPixelBufferAttributes`),
    /// then the geometry (overflow → `InvalidSize`).
    ///
    /// # Safety
    /// `attributes` must be NULL or a live object.
    pub unsafe fn new(
        width: usize,
        height: usize,
        pixel_format: u32,
        attributes: CFDictionaryRef,
    ) -> Result<PixelBufferSpec, Error> {
        let format = creatable_format(pixel_format)?;
        if width == 0 || height == 0 {
            return Err(GeometryError::ZeroSize.into());
        }
        // SAFETY: per this function's contract.
        let parsed = unsafe { parse_attributes(attributes) }?;
        let layout = plane_layouts(format, width, height, &parsed.layout)?;
        Ok(PixelBufferSpec {
            pixel_format,
            width,
            height,
            planes: format.planes().to_vec(),
            fillable: fillable(format),
            fill_callback: if format.is_registered() {
                registered_fill_callback(pixel_format).map(FillCallback)
            } else {
                None
            },
            attributes: parsed,
            layout,
            // SAFETY: validated above.
            creation_attributes: unsafe {
                creation_attributes(attributes, width, height, pixel_format)
            },
        })
    }

    pub fn layout(&self) -> &BufferLayout {
        &self.layout
    }

    pub fn pixel_format(&self) -> u32 {
        self.pixel_format
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    pub fn attributes(&self) -> &PixelBufferAttributes {
        &self.attributes
    }

    /// The attributes every buffer built from this spec reports (+0).
    pub fn creation_attributes(&self) -> CFDictionaryRef {
        CFDictionaryRef::from_type(self.creation_attributes.as_type_ref())
    }

    /// Fresh zeroed memory for one buffer.
    pub fn allocate(&self) -> Result<PixelMemory, Error> {
        PixelMemory::for_layout(&self.layout)
    }

    /// A new buffer (+1) over `memory`, which goes to `recycler` (or is
    /// freed) when the buffer dies. Writes the planar descriptor, sets the
    /// attachments requested by the attributes, and leaves the pixels as
    /// they are. Memory that does not fit the layout → `AllocationFailed`
    /// (and the memory is dropped).
    pub fn build(
        &self,
        mut memory: PixelMemory,
        recycler: Option<Arc<dyn Recycler>>,
    ) -> Result<Retained<CvPixelBuffer>, Error> {
        let layout = &self.layout;
        if !memory.fits(layout) {
            return Err(Error::OutOfMemory);
        }
        if let Some(info) = layout.planar_info_bytes() {
            memory.write(0, &info);
        }
        let start = memory.as_ptr();
        // SAFETY: every plane offset lies inside the block (`fits`).
        let at = |offset: usize| Address(unsafe { start.add(offset) }.cast());
        let planes: Vec<PlaneInfo> = layout
            .planes
            .iter()
            .map(|p| PlaneInfo {
                width: p.width,
                height: p.height,
                bytes_per_row: p.bytes_per_row,
                base: at(p.offset),
                start: (at(p.region_offset).0.addr(), p.region_offset),
            })
            .collect();
        let base_address = if layout.planar_info.is_some() {
            at(0)
        } else {
            planes[0].base
        };
        let extended = self.attributes.layout.extended;
        let fill = if extended == ExtendedPixels::default() {
            FillPlan::Nothing
        } else if let Some(callback) = self.fill_callback {
            FillPlan::Callback(callback)
        } else if !self.fillable {
            FillPlan::Unsupported
        } else {
            let plans = layout
                .planes
                .iter()
                .zip(&self.planes)
                .map(|(l, p)| {
                    PlaneFill::new(l, p)
                        .map(|f| (f, l.region_offset, l.region_size))
                        .ok_or(Error::Geometry(GeometryError::TooLarge))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            FillPlan::Planes(plans)
        };
        let buffer = Retained::new(CvPixelBuffer {
            pixel_format: self.pixel_format,
            width: self.width,
            height: self.height,
            planar: layout.planar,
            planes,
            base_address,
            bytes_per_row: layout.bytes_per_row,
            data_size: layout.data_size,
            extended,
            fill,
            state: Mutex::new(LockState::default()),
            attachments: Attachments::default(),
            color_spaces: DerivedColorSpaces::default(),
            creation_attributes: self.creation_attributes.clone(),
            storage: Storage::Owned(OwnedMemory::new(memory, recycler)),
        });
        apply_attribute_attachments(&buffer.value);
        Ok(buffer)
    }
}

/// Whether edge replication is defined for the format without a fill
/// callback (`kCVPixelFormatFillExtendedPixelsCallback`); the format
/// description states it.
fn fillable(format: &PixelFormat) -> bool {
    format.description().is_some_and(|d| d.fill_extended_pixels)
}

/// A buffer over caller memory whose geometry `caller_layout` accepted.
///
/// # Safety
/// `attributes` must be NULL or a live, validated dictionary.
#[allow(clippy::too_many_arguments)]
unsafe fn wrap_caller_memory(
    pixel_format: u32,
    width: usize,
    height: usize,
    layout: CallerLayout,
    bases: &[*mut c_void],
    base_address: *mut c_void,
    data_size: usize,
    attributes: CFDictionaryRef,
    memory: CallerMemory,
) -> Retained<CvPixelBuffer> {
    let planes = layout
        .planes
        .iter()
        .zip(bases)
        .map(|(p, &base)| PlaneInfo {
            width: p.width,
            height: p.height,
            bytes_per_row: p.bytes_per_row,
            base: Address(base),
            start: (base.addr(), base.addr()),
        })
        .collect::<Vec<_>>();
    let buffer = Retained::new(CvPixelBuffer {
        pixel_format,
        width,
        height,
        planar: planes.len() > 1,
        planes,
        base_address: Address(base_address),
        bytes_per_row: layout.bytes_per_row,
        data_size,
        extended: ExtendedPixels::default(),
        fill: FillPlan::Nothing,
        state: Mutex::new(LockState::default()),
        attachments: Attachments::default(),
        color_spaces: DerivedColorSpaces::default(),
        // SAFETY: per this function's contract.
        creation_attributes: unsafe {
            creation_attributes(attributes, width, height, pixel_format)
        },
        storage: Storage::Caller(memory),
    });
    apply_attribute_attachments(&buffer.value);
    buffer
}

/// Writes the new buffer to `out`, or maps the error.
///
/// # Safety
/// `out` must be writable.
unsafe fn finish(
    result: Result<Retained<CvPixelBuffer>, Error>,
    out: *mut CVPixelBufferRef,
) -> CVReturn {
    match result {
        Ok(buffer) => {
            let raw = CVPixelBufferRef::from_type(buffer.into_raw());
            // SAFETY: per this function's contract.
            unsafe { handle::write_out(out, raw) };
            kCVReturnSuccess
        }
        Err(error) => cv_return(&error),
    }
}

/// The CFTypeID of every CVPixelBuffer (`CFGetTypeID` of one returns it).
#[unsafe(no_mangle)]
pub extern "C" fn CVPixelBufferGetTypeID() -> CFTypeID {
    TypeKind::PixelBuffer.type_id()
}

/// Retains `texture` (any CF object, like CFRetain) and returns it. NULL
/// returns NULL.
///
/// # Safety
/// `texture` must be NULL or a live object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferRetain(texture: CVPixelBufferRef) -> CVPixelBufferRef {
    ffi_guard!(CVPixelBufferRef::null(), {
        // SAFETY: per this function's contract.
        unsafe { handle::retain(texture.as_type()) };
        texture
    })
}

/// Releases `texture`, destroying it at the last release. NULL is a no-op.
///
/// # Safety
/// `texture` must be NULL or a live object the caller owns a reference to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferRelease(texture: CVPixelBufferRef) {
    // SAFETY: per this function's contract.
    ffi_guard!({ unsafe { handle::release(texture.as_type()) } })
}

/// Creates a `width` × `height` buffer of `pixelFormatType` in new zeroed
/// memory and stores it (+1) in `*pixelBufferOut`.
///
/// Attributes honoured: `kCVPixelBufferExtendedPixels{Left,Right,Top,Bottom}Key`,
/// `kCVPixelBufferBytesPerRowAlignmentKey` and `kCVPixelBufferPlaneAlignmentKey`
/// (rows and planes are 64-byte aligned by default; requests combine by
/// least common multiple), `kCVBufferPropagatedAttachmentsKey` /
/// `kCVBufferNonPropagatedAttachmentsKey` (set as attachments). The format
/// and size come from the arguments, as on Apple platforms; attribute
/// `PixelFormatType`, `Width`, `Height` are validated but not used. Accepted
/// without effect: `kCVPixelBufferIOSurfacePropertiesKey` (no IOSurface on
/// Linux), `kCVPixelBufferMemoryAllocatorKey` (must be a CFAllocator; memory
/// comes from the system allocator, as does `allocator`'s) and every
/// `…CompatibilityKey` (any value). Unknown keys are ignored.
///
/// Errors: NULL `pixelBufferOut` → `kCVReturnInvalidArgument`; unknown or
/// compressed format → `kCVReturnInvalidPixelFormat`; zero width or
/// height, or a size whose memory cannot be computed →
/// `kCVReturnInvalidSize`; a known key with the wrong CF type or an
/// out-of-range value, or `pixelBufferAttributes` not a dictionary →
/// `kCVReturnInvalidPixelBufferAttributes`; no memory →
/// `kCVReturnAllocationFailed`. `*pixelBufferOut` is written only on success.
///
/// # Safety
/// `pixelBufferAttributes` must be NULL or a live object;
/// `pixelBufferOut` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferCreate(
    allocator: CFAllocatorRef,
    width: usize,
    height: usize,
    pixelFormatType: OSType,
    pixelBufferAttributes: CFDictionaryRef,
    pixelBufferOut: *mut CVPixelBufferRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if pixelBufferOut.is_null() {
            return kCVReturnInvalidArgument;
        }
        // SAFETY: per this function's contract.
        let result =
            unsafe { PixelBufferSpec::new(width, height, pixelFormatType, pixelBufferAttributes) }
                .and_then(|spec| spec.build(spec.allocate()?, None));
        // SAFETY: checked non-NULL; writable per this function's contract.
        unsafe { finish(result, pixelBufferOut) }
    })
}

/// Wraps `bytesPerRow` × `height` bytes of caller memory at `baseAddress`
/// (a chunky format) without copying, and stores the buffer (+1) in
/// `*pixelBufferOut`. When the last reference goes,
/// `releaseCallback(releaseRefCon, baseAddress)` runs exactly once (NULL:
/// nothing runs); pixelport never frees the memory. On failure the callback
/// is not called and the caller keeps the memory.
///
/// `bytesPerRow` must hold a row's pixels in whole blocks (`'v210'`'s
/// 128-byte grouping is not required). The attributes are validated as for
/// `CVPixelBufferCreate`; alignment and extended-pixel keys have no effect
/// (the caller's memory defines the layout; `GetExtendedPixels` reports 0),
/// attachment keys are applied.
///
/// Errors: NULL `pixelBufferOut` or `baseAddress`, or a too-small
/// `bytesPerRow` → `kCVReturnInvalidArgument`; unknown, compressed or
/// planar format → `kCVReturnInvalidPixelFormat` (planar formats need
/// `CVPixelBufferCreateWithPlanarBytes`); zero size or overflow →
/// `kCVReturnInvalidSize`; bad attributes →
/// `kCVReturnInvalidPixelBufferAttributes`. `*pixelBufferOut` is written
/// only on success.
///
/// # Safety
/// `baseAddress` must stay valid for `bytesPerRow` × `height` bytes until
/// the release callback runs; the other pointers as for `CVPixelBufferCreate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferCreateWithBytes(
    allocator: CFAllocatorRef,
    width: usize,
    height: usize,
    pixelFormatType: OSType,
    baseAddress: *mut c_void,
    bytesPerRow: usize,
    releaseCallback: CVPixelBufferReleaseBytesCallback,
    releaseRefCon: *mut c_void,
    pixelBufferAttributes: CFDictionaryRef,
    pixelBufferOut: *mut CVPixelBufferRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if pixelBufferOut.is_null() || baseAddress.is_null() {
            return kCVReturnInvalidArgument;
        }
        let result = (|| {
            let format = creatable_format(pixelFormatType)?;
            let layout = caller_layout(format, width, height, &[bytesPerRow], None)?;
            // SAFETY: per this function's contract.
            unsafe { parse_attributes(pixelBufferAttributes) }?;
            let memory = CallerMemory::bytes(baseAddress, releaseCallback, releaseRefCon);
            // SAFETY: the attributes were validated above.
            Ok(unsafe {
                wrap_caller_memory(
                    pixelFormatType,
                    width,
                    height,
                    layout,
                    &[baseAddress],
                    baseAddress,
                    bytesPerRow.saturating_mul(height),
                    pixelBufferAttributes,
                    memory,
                )
            })
        })();
        // SAFETY: checked non-NULL; writable per this function's contract.
        unsafe { finish(result, pixelBufferOut) }
    })
}

/// Wraps caller planes (a planar format) without copying and stores the
/// buffer (+1) in `*pixelBufferOut`. `numberOfPlanes` must be the format's
/// plane count; `planeWidth`/`planeHeight` must be the format's plane sizes
/// (chroma rounded up for odd sizes) and `planeBytesPerRow` at least a
/// row of whole blocks. `dataPtr` (optional, e.g. a caller-built
/// `CVPlanarPixelBufferInfo_*`) is what `CVPixelBufferGetBaseAddress`
/// returns, or plane 0's address when NULL; `dataSize` is what
/// `CVPixelBufferGetDataSize` returns. When the last reference goes,
/// `releaseCallback(releaseRefCon, dataPtr, dataSize, numberOfPlanes,
/// planeAddresses)` runs exactly once (NULL: nothing runs); on failure it
/// is not called. Attributes as for `CVPixelBufferCreateWithBytes`.
///
/// Errors: NULL `pixelBufferOut`, a NULL array or plane address, a wrong
/// plane count or plane size, a too-small stride →
/// `kCVReturnInvalidArgument`; unknown, compressed or chunky format →
/// `kCVReturnInvalidPixelFormat`; zero size or overflow →
/// `kCVReturnInvalidSize`; bad attributes →
/// `kCVReturnInvalidPixelBufferAttributes`.
///
/// # Safety
/// Each non-NULL array must hold `numberOfPlanes` elements; each plane
/// must stay valid until the release callback runs; the other pointers as
/// for `CVPixelBufferCreate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn CVPixelBufferCreateWithPlanarBytes(
    allocator: CFAllocatorRef,
    width: usize,
    height: usize,
    pixelFormatType: OSType,
    dataPtr: *mut c_void,
    dataSize: usize,
    numberOfPlanes: usize,
    planeBaseAddress: *mut *mut c_void,
    planeWidth: *mut usize,
    planeHeight: *mut usize,
    planeBytesPerRow: *mut usize,
    releaseCallback: CVPixelBufferReleasePlanarBytesCallback,
    releaseRefCon: *mut c_void,
    pixelBufferAttributes: CFDictionaryRef,
    pixelBufferOut: *mut CVPixelBufferRef,
) -> CVReturn {
    let _ = allocator;
    ffi_guard!(kCVReturnError, {
        if pixelBufferOut.is_null() {
            return kCVReturnInvalidArgument;
        }
        let format = match creatable_format(pixelFormatType) {
            Ok(format) => format,
            Err(error) => return cv_return(&error.into()),
        };
        if !format.is_planar() {
            return cv_return(&Error::ChunkyFormat(pixelFormatType));
        }
        if width == 0 || height == 0 {
            return cv_return(&GeometryError::ZeroSize.into());
        }
        if numberOfPlanes != format.planes().len() {
            return kCVReturnInvalidArgument;
        }
        let count = numberOfPlanes as CFIndex;
        // SAFETY: each array is NULL or holds `numberOfPlanes` elements.
        let arrays = unsafe {
            (
                handle::slice(planeBaseAddress.cast_const(), count),
                handle::slice(planeWidth.cast_const(), count),
                handle::slice(planeHeight.cast_const(), count),
                handle::slice(planeBytesPerRow.cast_const(), count),
            )
        };
        let (Some(bases), Some(widths), Some(heights), Some(strides)) = arrays else {
            return kCVReturnInvalidArgument;
        };
        if bases.iter().any(|b| b.is_null()) {
            return kCVReturnInvalidArgument;
        }
        let sizes: Vec<(usize, usize)> = widths
            .iter()
            .copied()
            .zip(heights.iter().copied())
            .collect();
        let result = (|| {
            let layout = caller_layout(format, width, height, strides, Some(&sizes))?;
            // SAFETY: per this function's contract.
            unsafe { parse_attributes(pixelBufferAttributes) }?;
            let addresses = bases.iter().map(|b| b.cast_const()).collect();
            let memory = CallerMemory::planar(
                dataPtr.cast_const(),
                dataSize,
                addresses,
                releaseCallback,
                releaseRefCon,
            );
            let base = if dataPtr.is_null() { bases[0] } else { dataPtr };
            // SAFETY: the attributes were validated above.
            Ok(unsafe {
                wrap_caller_memory(
                    pixelFormatType,
                    width,
                    height,
                    layout,
                    bases,
                    base,
                    dataSize,
                    pixelBufferAttributes,
                    memory,
                )
            })
        })();
        // SAFETY: checked non-NULL; writable per this function's contract.
        unsafe { finish(result, pixelBufferOut) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pixel_format::fourcc;

    /// A stand-in for a pool: keeps the memory of dead buffers.
    struct Bin(Mutex<Vec<PixelMemory>>);

    impl Recycler for Bin {
        fn recycle(&self, memory: PixelMemory) {
            self.0.lock().unwrap().push(memory);
        }
    }

    #[test]
    fn a_pool_can_build_buffers_over_recycled_memory() {
        // SAFETY: no attribute dictionary.
        let spec =
            unsafe { PixelBufferSpec::new(64, 48, fourcc(b"420v"), CFDictionaryRef::null()) }
                .unwrap();
        let bin = Arc::new(Bin(Mutex::new(Vec::new())));
        let first = spec
            .build(spec.allocate().unwrap(), Some(bin.clone()))
            .unwrap();
        let base = first.value.base_address;
        let planes: Vec<usize> = first.value.planes.iter().map(|p| p.base.0.addr()).collect();
        drop(first);
        let memory = bin.0.lock().unwrap().pop().expect("memory came back");
        assert!(memory.fits(spec.layout()));
        let second = spec.build(memory, Some(bin.clone())).unwrap();
        assert_eq!(second.value.base_address, base);
        let again: Vec<usize> = second
            .value
            .planes
            .iter()
            .map(|p| p.base.0.addr())
            .collect();
        assert_eq!(again, planes);
        drop(second);
        assert_eq!(bin.0.lock().unwrap().len(), 1);

        let small = PixelMemory::allocate_zeroed(16, 64).unwrap();
        assert!(matches!(spec.build(small, None), Err(Error::OutOfMemory)));
        assert_eq!(spec.attributes(), &PixelBufferAttributes::default());
        assert!(!spec.creation_attributes().is_null());
    }

    #[test]
    fn format_names_in_descriptions() {
        assert_eq!(format_name(fourcc(b"2vuy")), "2vuy");
        assert_eq!(format_name(0x20), "0x00000020");
    }
}
