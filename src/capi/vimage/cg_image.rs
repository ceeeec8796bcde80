//! `vImageCreateCGImageFromBuffer` and `vImageBuffer_InitWithCGImage`
//! (vimage-core.md §5): vImage buffers to and from pixelport's minimal
//! CGImage. Conversions between the image's layout and the requested one
//! go through the same converter planning as `vImageConverter_…`.
#![allow(non_snake_case)]

use std::ffi::c_void;

use super::buffer::{PixelSize, check_flags, describe, finish};
use super::buffer_init::{allocate, geometry};
use super::cg_format;
use super::converter::{background, interop_status, run_plan};
use super::types::*;
use crate::capi::core_foundation::types::CfRef;
use crate::capi::core_graphics::color_space::{CgColorSpace, new_color_space};
use crate::capi::core_graphics::image::{CgImage, Pixels, image_ref};
use crate::capi::core_graphics::types::{CGFloat, CGImageRef};
use crate::capi::handle;
use crate::capi::runtime::object::Retained;
use crate::core::color::SpaceName;
use crate::core::color::space::ColorSpace;
use crate::core::vimage::interop::{self, CgSide, Side};

/// A new (+1) CGImage holding `buf`'s pixels in `format` (NULL colour
/// space = sRGB; the image retains the space). Without
/// `kvImageNoAllocate` the pixels are copied (rows packed) and `callback`
/// is not used. With it, the image adopts `buf->data` and `buf->rowBytes`
/// without copying, and `callback(userData, buf->data)` (if non-NULL)
/// runs when the image is destroyed; the caller must keep the memory
/// unchanged until then.
///
/// Errors (NULL returned, `*error` set; `error` may be NULL and is always
/// written): `kvImageInvalidImageFormat` (bad format),
/// `kvImageNullPointerArgument` / `kvImageInvalidRowBytes` (bad buffer),
/// `kvImageMemoryAllocationError`, `kvImageUnknownFlagsBit`.
///
/// # Safety
/// Pointers NULL or valid; `buf` describes readable memory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageCreateCGImageFromBuffer(
    buf: *const vImage_Buffer,
    format: *const vImage_CGImageFormat,
    callback: Option<unsafe extern "C" fn(userData: *mut c_void, buf_data: *mut c_void)>,
    userData: *mut c_void,
    flags: vImage_Flags,
    error: *mut vImage_Error,
) -> CGImageRef {
    ffi_guard!(CGImageRef::null(), {
        let result = (|| -> Result<CGImageRef, vImage_Error> {
            check_flags(flags, kvImageNoAllocate)?;
            // SAFETY: per the contract.
            let side = unsafe { cg_format::read(format)? };
            // SAFETY: readable per the contract (checked below).
            let f = unsafe { format.read_unaligned() };
            let bpp = side.layout.bits_per_pixel as usize;
            // SAFETY: per the contract; validates the buffer.
            let d = unsafe { describe::<u8>(buf, PixelSize::Bits(bpp))? };
            // SAFETY: `describe` accepted the pointer.
            let b = unsafe { buf.read_unaligned() };
            let (width, height) = (d.width(), d.height());
            let row = (width * bpp).div_ceil(8);
            let space = if f.colorSpace.is_null() {
                let made = new_color_space(ColorSpace::named(SpaceName::Srgb));
                // SAFETY: our fresh +1 reference.
                unsafe { Retained::<CgColorSpace>::from_raw(made.as_type()) }
            } else {
                // SAFETY: `read` checked it is a live colour space.
                unsafe { handle::object::<CgColorSpace>(f.colorSpace.as_type()) }
                    .map(Retained::retain)
            }
            .ok_or(kvImageInternalError)?;
            let (pixels, bytes_per_row) = if flags & kvImageNoAllocate != 0 {
                (
                    Pixels::Adopted {
                        data: b.data,
                        callback,
                        user_data: userData,
                    },
                    b.rowBytes,
                )
            } else {
                let mut copy = Vec::new();
                copy.try_reserve_exact(row * height)
                    .map_err(|_| kvImageMemoryAllocationError)?;
                if row > 0 && height > 0 {
                    for y in 0..height {
                        // SAFETY: `describe` checked every row lies in the
                        // caller's readable memory.
                        let src = unsafe {
                            std::slice::from_raw_parts(
                                (b.data as *const u8).add(y * b.rowBytes),
                                row,
                            )
                        };
                        copy.extend_from_slice(src);
                    }
                }
                (Pixels::Owned(copy), row)
            };
            let image = CgImage {
                width,
                height,
                bits_per_component: f.bitsPerComponent,
                bits_per_pixel: f.bitsPerPixel,
                bytes_per_row,
                bitmap_info: f.bitmapInfo,
                rendering_intent: f.renderingIntent,
                color_space: space,
                pixels,
            };
            Ok(CGImageRef::from_type(Retained::new(image).into_raw()))
        })();
        let (image, status) = match result {
            Ok(i) => (i, kvImageNoError),
            Err(e) => (
                CGImageRef::null(),
                finish("vImageCreateCGImageFromBuffer", flags, Err(e)),
            ),
        };
        // SAFETY: per the contract.
        unsafe { handle::write_out(error, status) };
        image
    })
}

/// Fills `buf` with `image`'s pixels converted to `format`. A `format`
/// whose `bitsPerComponent` is 0 is first filled in with the image's own
/// format (colour space +0, the image's), so the pixels are copied as they
/// are. Without `kvImageNoAllocate`, `buf`'s size is the image's and
/// `data` is allocated as `vImageBuffer_Init` does (release with
/// `free()`); with it, `buf`'s `data`/`rowBytes` are used and its size
/// must be the image's. `backgroundColor` (may be NULL = black) flattens
/// alpha the format does not keep.
///
/// Errors: `kvImageNullPointerArgument` (NULL `buf`),
/// `kvImageInvalidImageFormat` (NULL or bad `format`),
/// `kvImageInvalidImageObject` (NULL or non-image `image`),
/// `kvImageBufferSizeMismatch`, `kvImageUnsupportedConversion`,
/// `kvImageMemoryAllocationError`, `kvImageUnknownFlagsBit`. On failure
/// without `kvImageNoAllocate`, `buf->data` is set to NULL (as Apple
/// documents); with it, `buf` is untouched.
///
/// # Safety
/// Pointers NULL or valid; `image` NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vImageBuffer_InitWithCGImage(
    buf: *mut vImage_Buffer,
    format: *mut vImage_CGImageFormat,
    backgroundColor: *const CGFloat,
    image: CGImageRef,
    flags: vImage_Flags,
) -> vImage_Error {
    let no_allocate = flags & kvImageNoAllocate != 0;
    let status = vimage_call!("vImageBuffer_InitWithCGImage", flags, kvImageNoAllocate, {
        if buf.is_null() {
            return Err(kvImageNullPointerArgument);
        }
        if format.is_null() {
            return Err(kvImageInvalidImageFormat);
        }
        // SAFETY: per the contract.
        let img = &unsafe { image_ref(image) }
            .ok_or(kvImageInvalidImageObject)?
            .value;
        // SAFETY: readable and writable per the contract.
        let mut f = unsafe { format.read_unaligned() };
        if f.bitsPerComponent == 0 {
            f = vImage_CGImageFormat {
                bitsPerComponent: img.bits_per_component,
                bitsPerPixel: img.bits_per_pixel,
                colorSpace: crate::capi::core_graphics::types::CGColorSpaceRef::from_type(
                    img.color_space.as_type_ref(),
                ),
                bitmapInfo: img.bitmap_info,
                version: 0,
                decode: std::ptr::null(),
                renderingIntent: img.rendering_intent,
            };
            // SAFETY: writable per the contract.
            unsafe { format.write_unaligned(f) };
        }
        // SAFETY: `f` is a local copy with a live or NULL colour space.
        let dest = unsafe { cg_format::read(&f)? };
        let source = CgSide {
            layout: crate::core::vimage::cg_format::CgLayout::parse(
                img.bits_per_component,
                img.bits_per_pixel,
                img.bitmap_info,
                0,
                match img.color_space.value.space.model() {
                    crate::core::color::space::Model::Rgb => {
                        crate::core::vimage::cg_format::SpaceModel::Rgb
                    }
                    crate::core::color::space::Model::Monochrome => {
                        crate::core::vimage::cg_format::SpaceModel::Gray
                    }
                    m => crate::core::vimage::cg_format::SpaceModel::Other(m.components() as u32),
                },
            )
            .map_err(|_| kvImageInvalidImageObject)?,
            color_space: img.color_space.value.space.clone(),
        };
        let bpp = dest.layout.bits_per_pixel;
        // SAFETY: per the contract.
        let bg = unsafe { background(backgroundColor) };
        let plan = interop::plan(&Side::Cg(source), &Side::Cg(dest), bg).map_err(interop_status)?;
        let (w, h) = (img.width, img.height);
        let src = [(img.data() as usize, img.extent(), img.bytes_per_row)];
        if no_allocate {
            // SAFETY: readable per the contract.
            let given = unsafe { buf.read_unaligned() };
            if (given.width, given.height) != (w as _, h as _) {
                return Err(kvImageBufferSizeMismatch);
            }
            // SAFETY: validates data and rowBytes.
            unsafe { describe::<u8>(buf, PixelSize::Bits(bpp as usize))? };
            let len = if w == 0 || h == 0 {
                0
            } else {
                (h - 1) * given.rowBytes + (w * bpp as usize).div_ceil(8)
            };
            // SAFETY: the image's pixels are readable while we hold it; the
            // caller's buffer is writable per the contract.
            unsafe {
                run_plan(
                    &plan.plan,
                    w,
                    h,
                    &src,
                    &[(given.data as usize, len, given.rowBytes)],
                )?
            };
            return Ok(kvImageNoError);
        }
        let (row, size) = geometry(h as _, w as _, bpp)?;
        let data = allocate(size).ok_or(kvImageMemoryAllocationError)?;
        // SAFETY: as above, into fresh memory.
        if let Err(e) = unsafe { run_plan(&plan.plan, w, h, &src, &[(data as usize, size, row)]) } {
            // SAFETY: allocated above, not handed out.
            unsafe { libc::free(data) };
            return Err(e);
        }
        // SAFETY: writable per the contract.
        unsafe {
            buf.write_unaligned(vImage_Buffer {
                data,
                height: h as _,
                width: w as _,
                rowBytes: row,
            })
        };
        Ok(kvImageNoError)
    });
    if status < 0 && !no_allocate && !buf.is_null() {
        // SAFETY: writable per the contract; Apple documents data = NULL
        // on failure.
        unsafe { std::ptr::addr_of_mut!((*buf).data).write_unaligned(std::ptr::null_mut()) };
    }
    status
}
