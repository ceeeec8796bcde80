//! `kCVPixelFormatType_*` (CVPixelBuffer.h): the 99 pixel-format codes,
//! as `#define`s in the generated header.
//!
//! Apple declares them as an anonymous `enum : OSType`; plain constants give
//! C code the same values in `switch` labels and comparisons. The layouts
//! behind them live in `core::pixel_format`; a test below checks every
//! constant against that table and the generated header.
#![allow(non_upper_case_globals)]

use crate::capi::core_foundation::types::OSType;

/// 0x00000001: palette index, 8 px per byte.
pub const kCVPixelFormatType_1Monochrome: OSType = 0x00000001;
/// 0x00000002: palette index, 4 px per byte.
pub const kCVPixelFormatType_2Indexed: OSType = 0x00000002;
/// 0x00000004: palette index, 2 px per byte.
pub const kCVPixelFormatType_4Indexed: OSType = 0x00000004;
/// 0x00000008: palette index, 1 byte/px.
pub const kCVPixelFormatType_8Indexed: OSType = 0x00000008;
/// 0x00000021: gray index, 0 = white.
pub const kCVPixelFormatType_1IndexedGray_WhiteIsZero: OSType = 0x00000021;
/// 0x00000022: gray index, 0 = white.
pub const kCVPixelFormatType_2IndexedGray_WhiteIsZero: OSType = 0x00000022;
/// 0x00000024: gray index, 0 = white.
pub const kCVPixelFormatType_4IndexedGray_WhiteIsZero: OSType = 0x00000024;
/// 0x00000028: gray index, 0 = white.
pub const kCVPixelFormatType_8IndexedGray_WhiteIsZero: OSType = 0x00000028;
/// 0x00000010: 16-bit word: x(1) R(5) G(5) B(5), top bit unused; range: full.
pub const kCVPixelFormatType_16BE555: OSType = 0x00000010;
/// 'L555' (0x4C353535): same bit layout as 16BE555; range: full.
pub const kCVPixelFormatType_16LE555: OSType = 0x4C353535;
/// '5551' (0x35353531): 16-bit little-endian word, RGB 5-5-5 plus 1-bit alpha; range: full.
pub const kCVPixelFormatType_16LE5551: OSType = 0x35353531;
/// 'B565' (0x42353635): 16-bit word: R(5) G(6) B(5); range: full.
pub const kCVPixelFormatType_16BE565: OSType = 0x42353635;
/// 'L565' (0x4C353635): 16-bit word: R(5) G(6) B(5); range: full.
pub const kCVPixelFormatType_16LE565: OSType = 0x4C353635;
/// 0x00000018: bytes R,G,B; range: full.
pub const kCVPixelFormatType_24RGB: OSType = 0x00000018;
/// '24BG' (0x32344247): bytes B,G,R; range: full.
pub const kCVPixelFormatType_24BGR: OSType = 0x32344247;
/// 0x00000020: bytes A,R,G,B; range: full.
pub const kCVPixelFormatType_32ARGB: OSType = 0x00000020;
/// 'BGRA' (0x42475241): bytes B,G,R,A; range: full.
pub const kCVPixelFormatType_32BGRA: OSType = 0x42475241;
/// 'ABGR' (0x41424752): bytes A,B,G,R; range: full.
pub const kCVPixelFormatType_32ABGR: OSType = 0x41424752;
/// 'RGBA' (0x52474241): bytes R,G,B,A; range: full.
pub const kCVPixelFormatType_32RGBA: OSType = 0x52474241;
/// 'b64a' (0x62363461): A,R,G,B 16-bit samples; range: full.
pub const kCVPixelFormatType_64ARGB: OSType = 0x62363461;
/// 'l64r' (0x6C363472): R,G,B,A 16-bit samples; range: full (0-65535).
pub const kCVPixelFormatType_64RGBALE: OSType = 0x6C363472;
/// 'b48r' (0x62343872): R,G,B 16-bit samples; range: full.
pub const kCVPixelFormatType_48RGB: OSType = 0x62343872;
/// 'b32a' (0x62333261): alpha, gray as big-endian 16-bit samples; range: full, black = 0.
pub const kCVPixelFormatType_32AlphaGray: OSType = 0x62333261;
/// 'b16g' (0x62313667): gray 16-bit sample; range: full, black = 0.
pub const kCVPixelFormatType_16Gray: OSType = 0x62313667;
/// 'R10k' (0x5231306B): 32-bit word: R(10) G(10) B(10) then 2 unused bits at the least-significant end; range: full.
pub const kCVPixelFormatType_30RGB: OSType = 0x5231306B;
/// 'r210' (0x72323130): 32-bit word: 2 unused bits at the most-significant end, then R(10) G(10) B(10); range: video (64-940).
pub const kCVPixelFormatType_30RGB_r210: OSType = 0x72323130;
/// '2vuy' (0x32767579): bytes Cb,Y0,Cr,Y1 per 2 px (UYVY); range: video.
pub const kCVPixelFormatType_422YpCbCr8: OSType = 0x32767579;
/// 'v408' (0x76343038): bytes Cb,Y,Cr,A; range: video.
pub const kCVPixelFormatType_4444YpCbCrA8: OSType = 0x76343038;
/// 'r408' (0x72343038): bytes A,Y,Cb,Cr; range: "rendering" form: full-range alpha, zero-biased Y'CbCr.
pub const kCVPixelFormatType_4444YpCbCrA8R: OSType = 0x72343038;
/// 'y408' (0x79343038): bytes A,Y,Cb,Cr; range: video Y'CbCr, full-range alpha.
pub const kCVPixelFormatType_4444AYpCbCr8: OSType = 0x79343038;
/// 'y416' (0x79343136): A,Y,Cb,Cr 16-bit samples; range: video Y'CbCr, full-range alpha.
pub const kCVPixelFormatType_4444AYpCbCr16: OSType = 0x79343136;
/// 'r4fl' (0x7234666C): A,Y,Cb,Cr 32-bit IEEE float.
pub const kCVPixelFormatType_4444AYpCbCrFloat: OSType = 0x7234666C;
/// 'v308' (0x76333038): bytes Cr,Y,Cb; range: video.
pub const kCVPixelFormatType_444YpCbCr8: OSType = 0x76333038;
/// 'v216' (0x76323136): Cb,Y0,Cr,Y1 as 16-bit samples (carries 10/12/14/16-bit content); range: video.
pub const kCVPixelFormatType_422YpCbCr16: OSType = 0x76323136;
/// 'v210' (0x76323130): 6 px packed in 4 little-endian 32-bit words (16 bytes), 3x10-bit per word + 2 pad bits; range: video.
pub const kCVPixelFormatType_422YpCbCr10: OSType = 0x76323130;
/// 'v410' (0x76343130): one little-endian 32-bit word per px: Cb bits 2-11, Y bits 12-21, Cr bits 22-31, bits 0-1 unused (TN2162); range: video.
pub const kCVPixelFormatType_444YpCbCr10: OSType = 0x76343130;
/// 'y420' (0x79343230): Y plane, Cb plane, Cr plane (I420 order); range: video.
pub const kCVPixelFormatType_420YpCbCr8Planar: OSType = 0x79343230;
/// 'f420' (0x66343230): Y, Cb, Cr planes; range: full.
pub const kCVPixelFormatType_420YpCbCr8PlanarFullRange: OSType = 0x66343230;
/// 'a2vy' (0x61327679): plane0 = 2vuy (Cb,Y0,Cr,Y1); plane1 = alpha byte per px; range: video Y'CbCr, alpha 0-255.
pub const kCVPixelFormatType_422YpCbCr_4A_8BiPlanar: OSType = 0x61327679;
/// '420v' (0x34323076): plane0 Y; plane1 interleaved Cb,Cr pairs (NV12); range: video (Y 16-235, C 16-240).
pub const kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange: OSType = 0x34323076;
/// '420f' (0x34323066): plane0 Y; plane1 Cb,Cr pairs (NV12); range: full (Y 0-255, C 1-255).
pub const kCVPixelFormatType_420YpCbCr8BiPlanarFullRange: OSType = 0x34323066;
/// '422v' (0x34323276): plane0 Y; plane1 Cb,Cr pairs (NV16); range: video (Y 16-235, C 16-240).
pub const kCVPixelFormatType_422YpCbCr8BiPlanarVideoRange: OSType = 0x34323276;
/// '422f' (0x34323266): plane0 Y; plane1 Cb,Cr pairs (NV16); range: full (Y 0-255, C 1-255).
pub const kCVPixelFormatType_422YpCbCr8BiPlanarFullRange: OSType = 0x34323266;
/// '444v' (0x34343476): plane0 Y; plane1 Cb,Cr pairs (NV24); range: video (Y 16-235, C 16-240).
pub const kCVPixelFormatType_444YpCbCr8BiPlanarVideoRange: OSType = 0x34343476;
/// '444f' (0x34343466): plane0 Y; plane1 Cb,Cr pairs (NV24); range: full (Y 0-255, C 1-255).
pub const kCVPixelFormatType_444YpCbCr8BiPlanarFullRange: OSType = 0x34343466;
/// 'yuvs' (0x79757673): bytes Y0,Cb,Y1,Cr (YUY2); range: video.
pub const kCVPixelFormatType_422YpCbCr8_yuvs: OSType = 0x79757673;
/// 'yuvf' (0x79757666): bytes Y0,Cb,Y1,Cr (YUY2); range: full.
pub const kCVPixelFormatType_422YpCbCr8FullRange: OSType = 0x79757666;
/// 'L008' (0x4C303038): one 8-bit component; range: black = 0.
pub const kCVPixelFormatType_OneComponent8: OSType = 0x4C303038;
/// '2C08' (0x32433038): two 8-bit components; range: black = 0.
pub const kCVPixelFormatType_TwoComponent8: OSType = 0x32433038;
/// 'w30r' (0x77333072): 32-bit word RGB 10:10:10, 2 most-significant bits ignored; range: extended (XR): 384-895 maps to 0.0-1.0.
pub const kCVPixelFormatType_30RGBLEPackedWideGamut: OSType = 0x77333072;
/// 'l10r' (0x6C313072): 32-bit word A(2) R(10) G(10) B(10); range: full.
pub const kCVPixelFormatType_ARGB2101010LEPacked: OSType = 0x6C313072;
/// 'w40a' (0x77343061): A,R,G,B each a 16-bit LE word holding 10 bits in its MSBs; range: extended (384-895, incl. alpha).
pub const kCVPixelFormatType_40ARGBLEWideGamut: OSType = 0x77343061;
/// 'w40m' (0x7734306D): as w40a, colour premultiplied by alpha; range: extended (384-895).
pub const kCVPixelFormatType_40ARGBLEWideGamutPremultiplied: OSType = 0x7734306D;
/// 'L010' (0x4C303130): 16-bit LE container, value in the 10 MSBs; range: black = 0.
pub const kCVPixelFormatType_OneComponent10: OSType = 0x4C303130;
/// 'L012' (0x4C303132): 16-bit LE container, value in the 12 MSBs; range: black = 0.
pub const kCVPixelFormatType_OneComponent12: OSType = 0x4C303132;
/// 'L016' (0x4C303136): one 16-bit LE component; range: black = 0.
pub const kCVPixelFormatType_OneComponent16: OSType = 0x4C303136;
/// '2C16' (0x32433136): two 16-bit LE components; range: black = 0.
pub const kCVPixelFormatType_TwoComponent16: OSType = 0x32433136;
/// 'L00h' (0x4C303068): one IEEE half float.
pub const kCVPixelFormatType_OneComponent16Half: OSType = 0x4C303068;
/// 'L00f' (0x4C303066): one IEEE float.
pub const kCVPixelFormatType_OneComponent32Float: OSType = 0x4C303066;
/// '2C0h' (0x32433068): two IEEE half floats.
pub const kCVPixelFormatType_TwoComponent16Half: OSType = 0x32433068;
/// '2C0f' (0x32433066): two IEEE floats.
pub const kCVPixelFormatType_TwoComponent32Float: OSType = 0x32433066;
/// 'RGhA' (0x52476841): R,G,B,A IEEE half floats.
pub const kCVPixelFormatType_64RGBAHalf: OSType = 0x52476841;
/// 'RGfA' (0x52476641): R,G,B,A IEEE floats.
pub const kCVPixelFormatType_128RGBAFloat: OSType = 0x52476641;
/// 'grb4' (0x67726234): Bayer mosaic, rows G R G R / B G B G; range: sensor.
pub const kCVPixelFormatType_14Bayer_GRBG: OSType = 0x67726234;
/// 'rgg4' (0x72676734): Bayer mosaic, rows R G R G / G B G B; range: sensor.
pub const kCVPixelFormatType_14Bayer_RGGB: OSType = 0x72676734;
/// 'bgg4' (0x62676734): Bayer mosaic, rows B G B G / G R G R; range: sensor.
pub const kCVPixelFormatType_14Bayer_BGGR: OSType = 0x62676734;
/// 'gbr4' (0x67627234): Bayer mosaic, rows G B G B / R G R G; range: sensor.
pub const kCVPixelFormatType_14Bayer_GBRG: OSType = 0x67627234;
/// 'hdis' (0x68646973): half float disparity, unit 1/m.
pub const kCVPixelFormatType_DisparityFloat16: OSType = 0x68646973;
/// 'fdis' (0x66646973): float disparity, unit 1/m.
pub const kCVPixelFormatType_DisparityFloat32: OSType = 0x66646973;
/// 'hdep' (0x68646570): half float depth in metres.
pub const kCVPixelFormatType_DepthFloat16: OSType = 0x68646570;
/// 'fdep' (0x66646570): float depth in metres.
pub const kCVPixelFormatType_DepthFloat32: OSType = 0x66646570;
/// 'x420' (0x78343230): plane0 Y; plane1 Cb,Cr pairs; each sample 10 bits in the MSBs of a 16-bit LE word (P010-like); range: video (Y 64-940, C 64-960).
pub const kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange: OSType = 0x78343230;
/// 'x422' (0x78343232): as x420 (P210-like); range: video (Y 64-940, C 64-960).
pub const kCVPixelFormatType_422YpCbCr10BiPlanarVideoRange: OSType = 0x78343232;
/// 'x444' (0x78343434): as x420 (P410-like); range: video (Y 64-940, C 64-960).
pub const kCVPixelFormatType_444YpCbCr10BiPlanarVideoRange: OSType = 0x78343434;
/// 'xf20' (0x78663230): as x420; range: full (0-1023).
pub const kCVPixelFormatType_420YpCbCr10BiPlanarFullRange: OSType = 0x78663230;
/// 'xf22' (0x78663232): as x422; range: full (0-1023).
pub const kCVPixelFormatType_422YpCbCr10BiPlanarFullRange: OSType = 0x78663232;
/// 'xf44' (0x78663434): as x444; range: full (0-1023).
pub const kCVPixelFormatType_444YpCbCr10BiPlanarFullRange: OSType = 0x78663434;
/// 'v0a8' (0x76306138): planes 0-1 as 420v; plane2 alpha byte per px; range: video Y'CbCr, full-range alpha.
pub const kCVPixelFormatType_420YpCbCr8VideoRange_8A_TriPlanar: OSType = 0x76306138;
/// 'bp16' (0x62703136): Bayer sensels from full-size ProRes RAW decode; pattern via attachment; range: sensor.
pub const kCVPixelFormatType_16VersatileBayer: OSType = 0x62703136;
/// 'btp2' (0x62747032): 12-bit Bayer sensels packed 8 per 12-byte block; range: sensor.
pub const kCVPixelFormatType_96VersatileBayerPacked12: OSType = 0x62747032;
/// 'bp64' (0x62703634): R,G,B,A 16-bit sensel values from downscaled ProRes RAW; components may not be co-sited; range: sensor.
pub const kCVPixelFormatType_64RGBA_DownscaledProResRAW: OSType = 0x62703634;
/// 'sv22' (0x73763232): plane0 Y; plane1 Cb,Cr pairs; 16-bit little-endian samples; range: video (Y 4096-60160, C 4096-61440).
pub const kCVPixelFormatType_422YpCbCr16BiPlanarVideoRange: OSType = 0x73763232;
/// 'sv44' (0x73763434): plane0 Y; plane1 Cb,Cr pairs; 16-bit little-endian samples; range: video (Y 4096-60160, C 4096-61440).
pub const kCVPixelFormatType_444YpCbCr16BiPlanarVideoRange: OSType = 0x73763434;
/// 's4as' (0x73346173): plane0 Y, plane1 Cb,Cr pairs, plane2 alpha; 16-bit little-endian samples; range: video Y'CbCr, alpha 0-65535.
pub const kCVPixelFormatType_444YpCbCr16VideoRange_16A_TriPlanar: OSType = 0x73346173;
/// 'b3a8' (0x62336138): plane0 32-bit LE 10:10:10 RGB word as in w30r; plane1 8-bit alpha; range: extended (XR) like w30r.
pub const kCVPixelFormatType_30RGBLE_8A_BiPlanar: OSType = 0x62336138;
/// '&BGA' (0x26424741): lossless-compressed BGRA; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_32BGRA: OSType = 0x26424741;
/// '&RhA' (0x26526841): lossless-compressed RGhA; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_64RGBAHalf: OSType = 0x26526841;
/// '&8v0' (0x26387630): lossless-compressed 420v; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarVideoRange: OSType = 0x26387630;
/// '&8f0' (0x26386630): lossless-compressed 420f; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarFullRange: OSType = 0x26386630;
/// '&xv0' (0x26787630): lossless-compressed x420, packed without padding bits; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarVideoRange: OSType = 0x26787630;
/// '&xv2' (0x26787632): lossless-compressed x422, packed; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_422YpCbCr10PackedBiPlanarVideoRange: OSType = 0x26787632;
/// '&xf0' (0x26786630): lossless-compressed xf20, packed; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarFullRange: OSType = 0x26786630;
/// '&b38' (0x26623338): lossless-compressed b3a8; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_30RGBLE_8A_BiPlanar: OSType = 0x26623338;
/// '&w3r' (0x26773372): lossless-compressed w30r; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossless_30RGBLEPackedWideGamut: OSType = 0x26773372;
/// '-BGA' (0x2D424741): lossy-compressed BGRA; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossy_32BGRA: OSType = 0x2D424741;
/// '-8v0' (0x2D387630): lossy-compressed 420v; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarVideoRange: OSType = 0x2D387630;
/// '-8f0' (0x2D386630): lossy-compressed 420f; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarFullRange: OSType = 0x2D386630;
/// '-xv0' (0x2D787630): lossy-compressed x420, packed; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossy_420YpCbCr10PackedBiPlanarVideoRange: OSType = 0x2D787630;
/// '-xv2' (0x2D787632): lossy-compressed x422, packed; device-specific, never created by pixelport.
pub const kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange: OSType = 0x2D787632;

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use crate::core::pixel_format::PixelFormat;

    /// `(name, value)` of every constant in this file, read from its source
    /// so that a constant added here without a table entry cannot slip by.
    fn declared() -> Vec<(String, u32)> {
        include_str!("pixel_format_type.rs")
            .lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("pub const ")?;
                let (name, rest) = rest.split_once(": OSType = 0x")?;
                let hex = rest.strip_suffix(';')?;
                Some((name.to_owned(), u32::from_str_radix(hex, 16).ok()?))
            })
            .collect()
    }

    #[test]
    fn constants_match_the_core_table() {
        let declared = declared();
        assert_eq!(declared.len(), PixelFormat::all().len());
        let mut by_name = HashMap::new();
        for (name, value) in &declared {
            assert!(
                by_name.insert(name.as_str(), *value).is_none(),
                "{name} declared twice"
            );
        }
        for format in PixelFormat::all() {
            assert_eq!(
                by_name.get(format.name),
                Some(&format.code),
                "{}",
                format.name
            );
        }
        // Spot checks of the compiled constants themselves.
        assert_eq!(super::kCVPixelFormatType_32BGRA, 0x4247_5241);
        assert_eq!(
            super::kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange,
            u32::from_be_bytes(*b"420v")
        );
        assert_eq!(super::kCVPixelFormatType_32ARGB, 0x20);
        assert_eq!(
            super::kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange,
            u32::from_be_bytes(*b"-xv2")
        );
    }

    #[test]
    fn constants_are_in_the_generated_header() {
        let header = include_str!("../../../include/pixelport/pixelport.h");
        for format in PixelFormat::all() {
            // cbindgen prints the values in decimal.
            let define = format!("#define {} {}", format.name, format.code);
            assert_eq!(
                header.matches(&format!("{define}\n")).count(),
                1,
                "header lacks `{define}` (regenerate with PIXELPORT_BLESS=1 cargo test --test header)"
            );
        }
    }
}
