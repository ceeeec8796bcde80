//! `--rotate 90|180|270`: turns the converted frame with a
//! VTPixelRotationSession, as a camera app turns portrait frames. The
//! destination has the same pixel format, with width and height swapped
//! for 90 and 270 (the session's size rule).

use std::ptr;
use std::time::Instant;

use super::PixelBuffer;
use super::Result;
use super::ffi::{CFStringRef, CFTypeRef, CVPixelBufferRef, OSStatus, pixelport_CFRelease};

type VTPixelRotationSessionRef = *mut std::ffi::c_void;

unsafe extern "C" {
    fn VTPixelRotationSessionCreate(
        allocator: CFTypeRef,
        session_out: *mut VTPixelRotationSessionRef,
    ) -> OSStatus;
    fn VTPixelRotationSessionRotateImage(
        session: VTPixelRotationSessionRef,
        source: CVPixelBufferRef,
        destination: CVPixelBufferRef,
    ) -> OSStatus;
    fn VTPixelRotationSessionInvalidate(session: VTPixelRotationSessionRef);
    fn VTSessionSetProperty(session: CFTypeRef, key: CFStringRef, value: CFTypeRef) -> OSStatus;

    static kVTPixelRotationPropertyKey_Rotation: CFStringRef;
    static kVTRotation_CW90: CFStringRef;
    static kVTRotation_180: CFStringRef;
    static kVTRotation_CCW90: CFStringRef;
}

/// Parses the `--rotate` value: clockwise degrees.
pub fn parse(value: &str) -> Result<u32> {
    match value {
        "90" | "180" | "270" => Ok(value.parse().expect("a listed number")),
        other => Err(format!("--rotate {other}: use 90, 180 or 270")),
    }
}

/// A VTPixelRotationSession owned by this program.
struct Session(VTPixelRotationSessionRef);

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: we own one reference.
        unsafe {
            VTPixelRotationSessionInvalidate(self.0);
            pixelport_CFRelease(self.0);
        }
    }
}

/// `frame` turned `degrees` clockwise, in a new buffer of its format.
pub fn rotate(frame: PixelBuffer, degrees: u32) -> Result<PixelBuffer> {
    let mut raw = ptr::null_mut();
    // SAFETY: a valid out-pointer.
    let status = unsafe { VTPixelRotationSessionCreate(ptr::null(), &mut raw) };
    if status != 0 {
        return Err(format!("VTPixelRotationSessionCreate failed: {status}"));
    }
    let session = Session(raw);
    // SAFETY: reading immortal exported constants.
    let (value, swap) = unsafe {
        match degrees {
            90 => (kVTRotation_CW90, true),
            180 => (kVTRotation_180, false),
            _ => (kVTRotation_CCW90, true),
        }
    };
    // SAFETY: a live session, immortal key and value.
    let status =
        unsafe { VTSessionSetProperty(session.0, kVTPixelRotationPropertyKey_Rotation, value) };
    if status != 0 {
        return Err(format!("VTSessionSetProperty(Rotation) failed: {status}"));
    }
    let (width, height) = if swap {
        (frame.height, frame.width)
    } else {
        (frame.width, frame.height)
    };
    let rotated = PixelBuffer::new(frame.format, width, height)?;
    let start = Instant::now();
    // SAFETY: a live session and buffers.
    match unsafe { VTPixelRotationSessionRotateImage(session.0, frame.raw, rotated.raw) } {
        0 => {
            println!(
                "rotated {degrees}° -> {width}x{height}: {:.2} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
            Ok(rotated)
        }
        status => Err(format!(
            "VTPixelRotationSessionRotateImage({}) failed: {status}",
            frame.format.name
        )),
    }
}
