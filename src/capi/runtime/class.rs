//! The registry of every C-visible type.
//!
//! One static array holds a [`Class`] per type; an object's first word points
//! at its entry. That gives `CFGetTypeID` for free (the entry's index) and a
//! check that needs no trust in the caller: a pointer whose first word does
//! not point into [`CLASSES`] is not one of our objects.
//!
//! Type IDs are assigned here and are stable within a build only; C code must
//! compare against the `…GetTypeID()` functions, as on Apple platforms.

use std::ptr::NonNull;

use super::object::{CfClass, CfObject, Header, destroy};
use crate::capi::core_foundation::allocator::CfAllocator;
use crate::capi::core_foundation::array::CfArray;
use crate::capi::core_foundation::boolean::CfBoolean;
use crate::capi::core_foundation::data::CfData;
use crate::capi::core_foundation::dictionary::CfDictionary;
use crate::capi::core_foundation::null::CfNull;
use crate::capi::core_foundation::number::CfNumber;
use crate::capi::core_foundation::string::CfString;
use crate::capi::core_foundation::types::{CFHashCode, CFTypeID};
use crate::capi::core_graphics::color_space::CgColorSpace;
use crate::capi::core_graphics::image::CgImage;
use crate::capi::core_video::pixel_buffer::CvPixelBuffer;
use crate::capi::core_video::pixel_buffer_pool::CvPixelBufferPool;
use crate::capi::video_toolbox::pixel_rotation_session::PixelRotationSession;
use crate::capi::video_toolbox::pixel_transfer_session::PixelTransferSession;
use crate::capi::vimage::converter::VImageConverter;
use crate::capi::vimage::cv_image_format::VImageCvImageFormat;

/// Every C-visible type, with its `CFTypeID` as discriminant.
///
/// Adding a type: a variant here (next free ID), its entry in `ALL`, and its
/// `Class` at the same position in [`CLASSES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Null = 1,
    String = 2,
    Boolean = 3,
    Number = 4,
    Allocator = 5,
    Data = 6,
    Array = 7,
    Dictionary = 8,
    PixelBuffer = 9,
    PixelTransferSession = 10,
    PixelBufferPool = 11,
    ColorSpace = 12,
    PixelRotationSession = 13,
    CvImageFormat = 14,
    Converter = 15,
    Image = 16,
}

impl TypeKind {
    pub const ALL: [TypeKind; 16] = [
        TypeKind::Null,
        TypeKind::String,
        TypeKind::Boolean,
        TypeKind::Number,
        TypeKind::Allocator,
        TypeKind::Data,
        TypeKind::Array,
        TypeKind::Dictionary,
        TypeKind::PixelBuffer,
        TypeKind::PixelTransferSession,
        TypeKind::PixelBufferPool,
        TypeKind::ColorSpace,
        TypeKind::PixelRotationSession,
        TypeKind::CvImageFormat,
        TypeKind::Converter,
        TypeKind::Image,
    ];

    pub const fn index(self) -> usize {
        self as usize - 1
    }

    pub const fn type_id(self) -> CFTypeID {
        self as CFTypeID
    }

    pub fn from_type_id(id: CFTypeID) -> Option<TypeKind> {
        TypeKind::ALL.into_iter().find(|k| k.type_id() == id)
    }
}

/// Per-type behaviour, type-erased so that polymorphic functions can use it.
pub struct Class {
    pub type_id: CFTypeID,
    /// The name `CFCopyTypeIDDescription` returns (Apple's type name).
    pub name: &'static str,
    pub destroy: unsafe fn(NonNull<Header>),
    pub equal: fn(&Header, &Header) -> bool,
    pub hash: fn(&Header) -> CFHashCode,
    pub describe: fn(&Header) -> String,
}

impl Class {
    const fn of<T: CfClass>(name: &'static str) -> Class {
        Class {
            type_id: T::KIND.type_id(),
            name,
            destroy: destroy::<T>,
            equal: equal_erased::<T>,
            hash: hash_erased::<T>,
            describe: describe_erased::<T>,
        }
    }
}

fn equal_erased<T: CfClass>(a: &Header, b: &Header) -> bool {
    match (CfObject::<T>::from_header(a), CfObject::<T>::from_header(b)) {
        (Some(a), Some(b)) => a.value.cf_equal(&b.value),
        _ => false,
    }
}

fn hash_erased<T: CfClass>(h: &Header) -> CFHashCode {
    CfObject::<T>::from_header(h).map_or(0, |o| o.value.cf_hash())
}

fn describe_erased<T: CfClass>(h: &Header) -> String {
    CfObject::<T>::from_header(h).map_or_else(String::new, |o| o.value.describe())
}

/// Indexed by `TypeKind::index()`; the order must follow `TypeKind`.
pub static CLASSES: [Class; 16] = [
    Class::of::<CfNull>("CFNull"),
    Class::of::<CfString>("CFString"),
    Class::of::<CfBoolean>("CFBoolean"),
    Class::of::<CfNumber>("CFNumber"),
    Class::of::<CfAllocator>("CFAllocator"),
    Class::of::<CfData>("CFData"),
    Class::of::<CfArray>("CFArray"),
    Class::of::<CfDictionary>("CFDictionary"),
    Class::of::<CvPixelBuffer>("CVPixelBuffer"),
    Class::of::<PixelTransferSession>("VTPixelTransferSession"),
    Class::of::<CvPixelBufferPool>("CVPixelBufferPool"),
    Class::of::<CgColorSpace>("CGColorSpace"),
    Class::of::<PixelRotationSession>("VTPixelRotationSession"),
    Class::of::<VImageCvImageFormat>("vImageCVImageFormat"),
    Class::of::<VImageConverter>("vImageConverter"),
    Class::of::<CgImage>("CGImage"),
];

/// Whether `class` is one of our registry entries.
pub fn is_registered(class: *const Class) -> bool {
    CLASSES.as_ptr_range().contains(&class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_order_matches_type_ids() {
        for (i, class) in CLASSES.iter().enumerate() {
            assert_eq!(class.type_id as usize, i + 1);
        }
        for kind in TypeKind::ALL {
            assert_eq!(CLASSES[kind.index()].type_id, kind.type_id());
            assert_eq!(TypeKind::from_type_id(kind.type_id()), Some(kind));
        }
        assert_eq!(CLASSES.len(), TypeKind::ALL.len());
        assert_eq!(TypeKind::from_type_id(0), None);
    }
}
