//! Pixel formats registered at run time
//! (`CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType`).
//!
//! A registration is validated into an ordinary [`PixelFormat`] whose planes
//! carry the block geometry the description gave, so
//! [`PixelFormat::find`], `creatable_format` and `plane_layouts` treat it
//! like a built-in format. Rules (Apple documents none of them; see
//! `docs/pixel-formats.md`):
//! - A built-in code cannot be registered over: the table is what every
//!   buffer of that format was and will be laid out by.
//! - Registering a registered code again replaces its descriptor; the
//!   format keeps its place in the list.
//! - Descriptors live for the rest of the process: a buffer created with a
//!   format keeps a `&'static PixelFormat`, which must outlive a later
//!   replacement, so replaced descriptors are retired, not freed. An
//!   identical re-registration reuses the existing descriptor, so repeating
//!   one registration does not grow memory; a candidate borrows the parts
//!   (name, black blocks, plane list) that equal the current descriptor's,
//!   so only parts that changed are ever leaked, and a discarded candidate
//!   leaked nothing.
//! - Only what the geometry can honour is accepted: byte-sized blocks
//!   (`BitsPerBlock` a multiple of 8, as the header's "byte addressable"
//!   block implies) of at most 255 bytes, block widths, alignments and
//!   subsampling factors of 1 to 255, and block heights and vertical block
//!   alignments of 1. A one-plane (chunky) format takes no subsampling: its
//!   buffers must hold `height` rows of `width` pixels, which is how C code
//!   addresses a chunky buffer.

use std::sync::{PoisonError, RwLock};

use super::description::ComponentRange;
use super::{
    Alpha, Channels, Contents, Endian, Family, Layout, PixelFormat, Plane, Range, Storage,
};

/// The registered formats.
struct Registry {
    /// In registration order.
    current: Vec<&'static PixelFormat>,
    /// Descriptors replaced by a later registration. Buffers may still use
    /// them; keeping them listed here keeps them reachable (they are
    /// deliberately never freed, not lost).
    retired: Vec<&'static PixelFormat>,
}

static REGISTRY: RwLock<Registry> = RwLock::new(Registry {
    current: Vec::new(),
    retired: Vec::new(),
});

/// One plane as a description states it; `None` where the key is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomPlane {
    pub bits_per_block: Option<i64>,
    pub block_width: Option<i64>,
    pub block_height: Option<i64>,
    pub block_horizontal_alignment: Option<i64>,
    pub block_vertical_alignment: Option<i64>,
    pub horizontal_subsampling: Option<i64>,
    pub vertical_subsampling: Option<i64>,
    pub black_block: Option<Vec<u8>>,
}

/// A pixel-format description to register, already read out of its
/// dictionary (absent keys are `None`/false).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomFormat {
    /// `kCVPixelFormatName`; the FourCC text when absent.
    pub name: Option<String>,
    /// The `kCVPixelFormatPlanes` entries, or the one plane described by
    /// the top-level keys.
    pub planes: Vec<CustomPlane>,
    pub bits_per_component: Option<i64>,
    pub contains_alpha: bool,
    pub contents: Contents,
    pub component_range: Option<ComponentRange>,
}

/// Why a description was not registered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    #[error("{0:#010x} is a built-in pixel format")]
    BuiltIn(u32),
    #[error("the description has no planes")]
    NoPlanes,
    #[error("plane {0}: kCVPixelFormatBitsPerBlock is required")]
    MissingBitsPerBlock(usize),
    #[error("plane {plane}: {key} = {value} is not supported")]
    Unsupported {
        plane: usize,
        key: &'static str,
        value: i64,
    },
    #[error("plane {plane}: black block of {given} bytes, blocks have {expected}")]
    BlackBlockSize {
        plane: usize,
        given: usize,
        expected: usize,
    },
    #[error("kCVPixelFormatBitsPerComponent = {0} is not supported")]
    BitsPerComponent(i64),
}

/// Validates `custom` and registers it under `code`, replacing an earlier
/// registration of the same code. Returns the descriptor now in effect.
pub fn register(
    code: u32,
    custom: &CustomFormat,
) -> Result<&'static PixelFormat, RegistrationError> {
    if PixelFormat::find_builtin(code).is_some() {
        return Err(RegistrationError::BuiltIn(code));
    }
    let mut registry = REGISTRY.write().unwrap_or_else(PoisonError::into_inner);
    let slot = registry.current.iter().position(|f| f.code == code);
    let candidate = build(code, custom, slot.map(|i| registry.current[i]))?;
    if let Some(i) = slot {
        if *registry.current[i] == candidate {
            return Ok(registry.current[i]);
        }
    }
    let leaked: &'static PixelFormat = Box::leak(Box::new(candidate));
    match slot {
        Some(i) => {
            let old = std::mem::replace(&mut registry.current[i], leaked);
            registry.retired.push(old);
        }
        None => registry.current.push(leaked),
    }
    Ok(leaked)
}

/// The registered format with this code.
pub fn find(code: u32) -> Option<&'static PixelFormat> {
    let registry = REGISTRY.read().unwrap_or_else(PoisonError::into_inner);
    registry.current.iter().copied().find(|f| f.code == code)
}

/// Every registered format, in registration order.
pub fn registered() -> Vec<&'static PixelFormat> {
    REGISTRY
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .current
        .clone()
}

/// The text of a FourCC (`"R120"`), or its decimal value when a byte is not
/// printable ASCII.
pub fn fourcc_text(code: u32) -> String {
    let bytes = code.to_be_bytes();
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        code.to_string()
    }
}

/// The descriptor for `custom`. Parts equal to those of `current` (the
/// code's registration in force, if any) are borrowed from it; the others
/// are leaked for the process lifetime.
fn build(
    code: u32,
    custom: &CustomFormat,
    current: Option<&'static PixelFormat>,
) -> Result<PixelFormat, RegistrationError> {
    if custom.planes.is_empty() {
        return Err(RegistrationError::NoPlanes);
    }
    // A chunky (one-plane) buffer is addressed by every C caller as
    // `GetHeight()` rows of `GetBytesPerRow()` bytes, each holding
    // `GetWidth()` pixels; a subsampled single plane would have fewer rows
    // or shorter rows than that, and such a caller would run off the end
    // of the buffer's memory. Subsampling is for the chroma planes of
    // planar formats.
    if let [only] = custom.planes.as_slice() {
        for (key, value) in [
            ("HorizontalSubsampling", only.horizontal_subsampling),
            ("VerticalSubsampling", only.vertical_subsampling),
        ] {
            if value.unwrap_or(1) != 1 {
                return Err(RegistrationError::Unsupported {
                    plane: 0,
                    key,
                    value: value.unwrap_or(1),
                });
            }
        }
    }
    let current_planes = current.map_or(&[][..], |f| f.planes());
    let bits_per_component = match custom.bits_per_component {
        None => 0,
        Some(v) => u8::try_from(v)
            .ok()
            .filter(|&b| b > 0)
            .ok_or(RegistrationError::BitsPerComponent(v))?,
    };
    // Every plane is validated before any part is leaked, so a refused
    // description leaks nothing (found by fuzz_properties: a valid plane 0
    // with a new black block, then an invalid plane 1, leaked the block).
    let planes = custom
        .planes
        .iter()
        .enumerate()
        .map(|(i, p)| build_plane(i, p, current_planes.get(i)))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(mut plane, new_black)| {
            if let Some(black) = new_black {
                plane.channels = Channels::Registered {
                    black_block: Some(&*Box::leak(black.into_boxed_slice())),
                };
            }
            plane
        })
        .collect::<Vec<_>>();
    let name = custom.name.clone().unwrap_or_else(|| fourcc_text(code));
    let name: &'static str = match current {
        Some(f) if f.name == name => f.name,
        _ => Box::leak(name.into_boxed_str()),
    };
    let planes: &'static [Plane] = if current_planes == planes.as_slice() {
        current_planes
    } else {
        Box::leak(planes.into_boxed_slice())
    };
    Ok(PixelFormat {
        code,
        name,
        family: Family::Custom(custom.contents),
        range: custom.component_range.map(|r| match r {
            ComponentRange::Video => Range::Video,
            ComponentRange::Full => Range::Full,
            ComponentRange::Wide => Range::Wide,
        }),
        bits_per_component,
        alpha: if custom.contains_alpha {
            Alpha::Present
        } else {
            Alpha::None
        },
        // Unknown: only the registrant's code touches the samples.
        endian: Endian::Byte,
        layout: Layout::Planes(planes),
        planar_info: None,
    })
}

/// One plane; its black block is borrowed from `current` (the same plane
/// of the registration in force) when equal. A black block that must be
/// newly kept comes back separately (the plane has none yet), for the
/// caller to leak once the whole description is valid.
fn build_plane(
    index: usize,
    p: &CustomPlane,
    current: Option<&Plane>,
) -> Result<(Plane, Option<Vec<u8>>), RegistrationError> {
    let unsupported = |key: &'static str, value: i64| RegistrationError::Unsupported {
        plane: index,
        key,
        value,
    };
    // A value of 1 to 255, 1 when absent.
    let small = |key: &'static str, value: Option<i64>| -> Result<u8, RegistrationError> {
        let v = value.unwrap_or(1);
        u8::try_from(v)
            .ok()
            .filter(|&b| b > 0)
            .ok_or(unsupported(key, v))
    };
    let bits = p
        .bits_per_block
        .ok_or(RegistrationError::MissingBitsPerBlock(index))?;
    let bytes_per_block = u8::try_from(bits / 8)
        .ok()
        .filter(|&b| b > 0 && bits % 8 == 0)
        .ok_or(unsupported("BitsPerBlock", bits))?;
    for (key, value) in [
        ("BlockHeight", p.block_height),
        ("BlockVerticalAlignment", p.block_vertical_alignment),
    ] {
        if value.unwrap_or(1) != 1 {
            return Err(unsupported(key, value.unwrap_or(1)));
        }
    }
    let (black_block, new_black) = match &p.black_block {
        Some(b) if b.len() != usize::from(bytes_per_block) => {
            return Err(RegistrationError::BlackBlockSize {
                plane: index,
                given: b.len(),
                expected: usize::from(bytes_per_block),
            });
        }
        Some(b) => match current.map(|c| c.channels) {
            Some(Channels::Registered {
                black_block: Some(old),
            }) if old == b.as_slice() => (Some(old), None),
            _ => (None, Some(b.clone())),
        },
        None => (None, None),
    };
    let plane = Plane {
        h_subsampling: small("HorizontalSubsampling", p.horizontal_subsampling)?,
        v_subsampling: small("VerticalSubsampling", p.vertical_subsampling)?,
        bytes_per_block,
        block_width: small("BlockWidth", p.block_width)?,
        block_alignment: small("BlockHorizontalAlignment", p.block_horizontal_alignment)?,
        // Unknown; one "component" per sample.
        components: 1,
        storage: Storage::Opaque,
        channels: Channels::Registered { black_block },
    };
    Ok((plane, new_black))
}

#[cfg(test)]
mod tests {
    use super::super::geometry::{LayoutOptions, creatable_format, plane_layouts};
    use super::super::{black_blocks, fourcc};
    use super::*;

    fn plane(bits: i64) -> CustomPlane {
        CustomPlane {
            bits_per_block: Some(bits),
            ..CustomPlane::default()
        }
    }

    fn chunky(bits: i64) -> CustomFormat {
        CustomFormat {
            planes: vec![plane(bits)],
            ..CustomFormat::default()
        }
    }

    // Every test uses its own codes: the registry is process-wide and the
    // tests run in parallel.

    #[test]
    fn qa1401_example_registers_and_becomes_creatable() {
        // Technical Q&A 1401's hypothetical 'R120': 120 bits per 1-pixel block.
        let code = fourcc(b"R120");
        let f = register(code, &chunky(120)).unwrap();
        assert_eq!(PixelFormat::find(code), Some(f));
        assert!(std::ptr::eq(creatable_format(code).unwrap(), f));
        assert_eq!(f.name, "R120");
        assert!(f.is_registered() && !f.is_planar());
        let layout = plane_layouts(f, 3, 2, &LayoutOptions::default()).unwrap();
        assert_eq!(layout.planes[0].row_length, 45);
        assert_eq!(layout.planes[0].bytes_per_row, 64);
        assert!(registered().iter().any(|r| r.code == code));
        // No black block given: zeros.
        assert_eq!(black_blocks(f), [vec![0; 15]]);
    }

    #[test]
    fn planar_registration_keeps_every_plane_key() {
        let code = fourcc(b"Tst2");
        let custom = CustomFormat {
            name: Some("Test planar".into()),
            planes: vec![
                CustomPlane {
                    black_block: Some(vec![0x10]),
                    ..plane(8)
                },
                CustomPlane {
                    block_width: Some(2),
                    block_horizontal_alignment: Some(4),
                    horizontal_subsampling: Some(2),
                    vertical_subsampling: Some(2),
                    black_block: Some(vec![0x80, 0x80, 0x80, 0x80]),
                    ..plane(32)
                },
            ],
            bits_per_component: Some(8),
            contains_alpha: false,
            contents: Contents {
                ycbcr: true,
                ..Contents::default()
            },
            component_range: Some(ComponentRange::Video),
        };
        let f = register(code, &custom).unwrap();
        assert!(f.is_planar());
        assert_eq!(f.name, "Test planar");
        assert_eq!(f.range, Some(Range::Video));
        let p = f.planes()[1];
        assert_eq!(
            (p.bytes_per_block, p.block_width, p.block_alignment),
            (4, 2, 4)
        );
        assert_eq!((p.h_subsampling, p.v_subsampling), (2, 2));
        assert_eq!(black_blocks(f), [vec![0x10], vec![0x80; 4]]);
        let layout = plane_layouts(f, 5, 3, &LayoutOptions::default()).unwrap();
        // Chroma: 3 samples → 2 blocks → aligned to 4 blocks = 16 bytes.
        assert_eq!(layout.planes[1].width, 3);
        assert_eq!(layout.planes[1].height, 2);
        assert_eq!(layout.planes[1].row_length, 8);
    }

    #[test]
    fn replacing_and_identical_re_registration() {
        let code = fourcc(b"Tst3");
        let first = register(code, &chunky(16)).unwrap();
        let again = register(code, &chunky(16)).unwrap();
        assert!(
            std::ptr::eq(first, again),
            "identical registration is reused"
        );
        let position = |c| registered().iter().position(|f| f.code == c);
        let before = position(code);
        let replaced = register(code, &chunky(24)).unwrap();
        assert!(!std::ptr::eq(first, replaced));
        assert_eq!(
            PixelFormat::find(code).unwrap().planes()[0].bytes_per_block,
            3
        );
        assert_eq!(position(code), before, "a replacement keeps its place");
        // The old descriptor stays valid for buffers that still use it.
        assert_eq!(first.planes()[0].bytes_per_block, 2);
        // Unchanged parts are shared with the descriptor replaced.
        assert!(std::ptr::eq(first.name, replaced.name));
    }

    #[test]
    fn a_replacement_borrows_what_did_not_change() {
        let code = fourcc(b"Tst6");
        let mut custom = chunky(16);
        custom.planes[0].black_block = Some(vec![1, 2]);
        custom.name = Some("six".into());
        let first = register(code, &custom).unwrap();
        custom.contains_alpha = true;
        let second = register(code, &custom).unwrap();
        assert!(!std::ptr::eq(first, second));
        assert!(std::ptr::eq(first.name, second.name));
        assert!(std::ptr::eq(first.planes(), second.planes()));
        custom.planes[0].block_width = Some(2);
        let third = register(code, &custom).unwrap();
        assert!(!std::ptr::eq(second.planes(), third.planes()));
        let black = |f: &PixelFormat| match f.planes()[0].channels {
            Channels::Registered { black_block } => black_block.unwrap(),
            _ => unreachable!(),
        };
        assert!(std::ptr::eq(black(second), black(third)));
    }

    #[test]
    fn built_in_codes_cannot_be_registered() {
        let bgra = fourcc(b"BGRA");
        assert_eq!(
            register(bgra, &chunky(8)),
            Err(RegistrationError::BuiltIn(bgra))
        );
        let compressed = fourcc(b"&8v0");
        assert!(register(compressed, &chunky(8)).is_err());
        assert_eq!(
            PixelFormat::find(bgra).unwrap().planes()[0].bytes_per_block,
            4
        );
        assert!(PixelFormat::find(compressed).unwrap().is_compressed());
    }

    #[test]
    fn invalid_descriptions_are_refused() {
        let code = fourcc(b"Tst4");
        let refused = |custom: CustomFormat| {
            assert!(register(code, &custom).is_err(), "{custom:?}");
            assert_eq!(find(code), None);
        };
        refused(CustomFormat::default());
        refused(CustomFormat {
            planes: vec![CustomPlane::default()],
            ..CustomFormat::default()
        });
        for bits in [0, -8, 4, 12 + 1, 256 * 8, i64::MAX] {
            refused(chunky(bits));
        }
        let with = |p: CustomPlane| CustomFormat {
            planes: vec![p],
            ..CustomFormat::default()
        };
        refused(with(CustomPlane {
            block_width: Some(0),
            ..plane(8)
        }));
        refused(with(CustomPlane {
            block_width: Some(256),
            ..plane(8)
        }));
        refused(with(CustomPlane {
            block_height: Some(2),
            ..plane(8)
        }));
        refused(with(CustomPlane {
            block_vertical_alignment: Some(2),
            ..plane(8)
        }));
        refused(with(CustomPlane {
            horizontal_subsampling: Some(-1),
            ..plane(8)
        }));
        // Subsampling only on planar formats (found by fuzz_properties: a
        // chunky 'fz00' with vertical subsampling 4 gave a 17x8 buffer of
        // 2 rows, and reading GetHeight() rows ran past its memory).
        for (h, v) in [(Some(1), Some(4)), (Some(2), None), (None, Some(2))] {
            refused(with(CustomPlane {
                horizontal_subsampling: h,
                vertical_subsampling: v,
                ..plane(8)
            }));
        }

        refused(with(CustomPlane {
            block_horizontal_alignment: Some(0),
            ..plane(8)
        }));
        refused(with(CustomPlane {
            black_block: Some(vec![0; 2]),
            ..plane(8)
        }));
        refused(CustomFormat {
            bits_per_component: Some(0),
            ..chunky(8)
        });
        // A bad second plane refuses the whole description.
        refused(CustomFormat {
            planes: vec![plane(8), plane(3)],
            ..CustomFormat::default()
        });
        // Explicit defaults are fine.
        let ok = with(CustomPlane {
            block_width: Some(1),
            block_height: Some(1),
            block_vertical_alignment: Some(1),
            ..plane(8)
        });
        assert!(register(code, &ok).is_ok());
    }

    #[test]
    fn names_of_unprintable_codes() {
        assert_eq!(fourcc_text(fourcc(b"ab c")), "ab c");
        assert_eq!(fourcc_text(0x0102_0304), "16909060");
        let f = register(0xff00_0001, &chunky(8)).unwrap();
        assert_eq!(f.name, "4278190081");
    }
}
