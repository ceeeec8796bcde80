//! The slice of pixelport's C ABI this example calls, declared the way any
//! FFI user would declare it (the names and types of
//! `include/pixelport/pixelport.h`). CoreFoundation functions use their
//! `pixelport_` link names.
#![allow(non_upper_case_globals, non_snake_case, dead_code)]

use std::ffi::c_void;

pub type CFTypeRef = *const c_void;
pub type CFStringRef = *const c_void;
pub type CVPixelBufferRef = *mut c_void;
pub type VTPixelTransferSessionRef = *mut c_void;
pub type OSStatus = i32;
pub type CVReturn = i32;

pub const kCVAttachmentMode_ShouldPropagate: u32 = 1;
pub const kCVPixelBufferLock_ReadOnly: u64 = 1;

unsafe extern "C" {
    pub fn pixelport_CFRelease(cf: CFTypeRef);

    pub fn CVPixelBufferCreate(
        allocator: CFTypeRef,
        width: usize,
        height: usize,
        pixel_format_type: u32,
        pixel_buffer_attributes: CFTypeRef,
        pixel_buffer_out: *mut CVPixelBufferRef,
    ) -> CVReturn;
    pub fn CVPixelBufferLockBaseAddress(pixel_buffer: CVPixelBufferRef, flags: u64) -> CVReturn;
    pub fn CVPixelBufferUnlockBaseAddress(pixel_buffer: CVPixelBufferRef, flags: u64) -> CVReturn;
    pub fn CVPixelBufferIsPlanar(pixel_buffer: CVPixelBufferRef) -> u8;
    pub fn CVPixelBufferGetBaseAddress(pixel_buffer: CVPixelBufferRef) -> *mut c_void;
    pub fn CVPixelBufferGetBytesPerRow(pixel_buffer: CVPixelBufferRef) -> usize;
    pub fn CVPixelBufferGetBaseAddressOfPlane(
        pixel_buffer: CVPixelBufferRef,
        plane: usize,
    ) -> *mut c_void;
    pub fn CVPixelBufferGetBytesPerRowOfPlane(
        pixel_buffer: CVPixelBufferRef,
        plane: usize,
    ) -> usize;
    pub fn CVBufferSetAttachment(
        buffer: CVPixelBufferRef,
        key: CFStringRef,
        value: CFTypeRef,
        mode: u32,
    );

    pub fn VTPixelTransferSessionCreate(
        allocator: CFTypeRef,
        session_out: *mut VTPixelTransferSessionRef,
    ) -> OSStatus;
    pub fn VTPixelTransferSessionTransferImage(
        session: VTPixelTransferSessionRef,
        source: CVPixelBufferRef,
        destination: CVPixelBufferRef,
    ) -> OSStatus;
    pub fn VTPixelTransferSessionInvalidate(session: VTPixelTransferSessionRef);
    pub fn VTSessionSetProperty(session: CFTypeRef, key: CFStringRef, value: CFTypeRef)
    -> OSStatus;

    pub static kVTPixelTransferPropertyKey_ScalingMode: CFStringRef;
    pub static kVTScalingMode_Normal: CFStringRef;
    pub static kVTScalingMode_CropSourceToCleanAperture: CFStringRef;
    pub static kVTScalingMode_Letterbox: CFStringRef;
    pub static kVTScalingMode_Trim: CFStringRef;

    pub static kCVImageBufferYCbCrMatrixKey: CFStringRef;
    pub static kCVImageBufferColorPrimariesKey: CFStringRef;
    pub static kCVImageBufferTransferFunctionKey: CFStringRef;
    pub static kCVImageBufferYCbCrMatrix_ITU_R_709_2: CFStringRef;
    pub static kCVImageBufferYCbCrMatrix_ITU_R_601_4: CFStringRef;
    pub static kCVImageBufferYCbCrMatrix_ITU_R_2020: CFStringRef;
    pub static kCVImageBufferColorPrimaries_ITU_R_709_2: CFStringRef;
    pub static kCVImageBufferTransferFunction_ITU_R_709_2: CFStringRef;
}
