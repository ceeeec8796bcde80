//! Pixel layouts that vImage's CG formats use and no CoreVideo format has:
//! float RGB (`RGBFFF`, 96 bpp — Apple's "video effects" sample), float
//! ARGB (`ARGBFFFF`), and host-endian 16-bit ARGB and RGB. They are
//! `PixelFormat`s outside the format table (no CVPixelBuffer can have
//! them) whose codes `core::convert::io` reads and writes, so CG buffers
//! in these layouts go through the same conversion core. Codes: see
//! `convert::io::spec::VIMAGE_SPECS`.

use crate::core::pixel_format::{
    Alpha, Channel, Channels, Endian, Family, Layout, PixelFormat, Plane, Range, Storage,
};

const fn plane(bytes: u8, storage: Storage, channels: &'static [Channel]) -> Plane {
    Plane {
        h_subsampling: 1,
        v_subsampling: 1,
        bytes_per_block: bytes,
        block_width: 1,
        block_alignment: 1,
        components: channels.len() as u8,
        storage,
        channels: Channels::Ordered(channels),
    }
}

const fn layout(
    code: u32,
    name: &'static str,
    range: Option<Range>,
    bits: u8,
    alpha: Alpha,
    planes: &'static [Plane],
) -> PixelFormat {
    PixelFormat {
        code,
        name,
        family: Family::Rgb,
        range,
        bits_per_component: bits,
        alpha,
        endian: Endian::Little,
        layout: Layout::Planes(planes),
        planar_info: None,
    }
}

use Channel::{A, B, G, R};
const F32: Storage = Storage::Float { bits: 32 };
const U16: Storage = Storage::Container { bits: 16 };

pub static RGB_FFF: PixelFormat = layout(
    0x0076_0001,
    "vImage RGBFFF",
    None,
    32,
    Alpha::None,
    &[plane(12, F32, &[R, G, B])],
);
pub static ARGB_FFFF: PixelFormat = layout(
    0x0076_0002,
    "vImage ARGBFFFF",
    None,
    32,
    Alpha::Present,
    &[plane(16, F32, &[A, R, G, B])],
);
pub static ARGB_16U: PixelFormat = layout(
    0x0076_0003,
    "vImage ARGB16U",
    Some(Range::Full),
    16,
    Alpha::Present,
    &[plane(8, U16, &[A, R, G, B])],
);
pub static RGB_16U: PixelFormat = layout(
    0x0076_0004,
    "vImage RGB16U",
    Some(Range::Full),
    16,
    Alpha::None,
    &[plane(6, U16, &[R, G, B])],
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::convert::io::FormatInfo;

    #[test]
    fn the_converter_reads_every_layout_and_the_table_does_not_know_them() {
        for f in [&RGB_FFF, &ARGB_FFFF, &ARGB_16U, &RGB_16U] {
            assert!(FormatInfo::new(f).is_ok(), "{}", f.name);
            assert!(PixelFormat::find(f.code).is_none());
        }
    }
}
