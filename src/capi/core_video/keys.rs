//! Every CoreVideo string constant: pixel-buffer attribute keys, attachment
//! keys and values, pool keys and pixel-format-description keys
//! (corevideo.md §6–§9), with the exact strings CoreVideo uses.
//!
//! The strings matter even though compiled code uses the symbols: clients
//! compare attachment values with `CFEqual` against literals such as
//! `CFSTR("ITU_R_2020")` (FFmpeg does), and dictionaries get logged and
//! serialised. Strings the fact sheet could not verify are marked
//! "unverified" and use its best guess (the constant's name without the
//! prefix and `Key` suffix); README's behaviour table lists them.
#![allow(non_upper_case_globals)]

use crate::capi::core_foundation::types::CFStringRef;
use crate::cf_constant_string;

// ---- Pixel-buffer attribute keys (corevideo.md §6) ----

/// `"PixelFormatType"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferPixelFormatTypeKey: CFStringRef = cf_constant_string!("PixelFormatType");

/// `"MemoryAllocator"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferMemoryAllocatorKey: CFStringRef = cf_constant_string!("MemoryAllocator");

/// `"Width"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferWidthKey: CFStringRef = cf_constant_string!("Width");

/// `"Height"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferHeightKey: CFStringRef = cf_constant_string!("Height");

/// `"ExtendedPixelsLeft"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferExtendedPixelsLeftKey: CFStringRef =
    cf_constant_string!("ExtendedPixelsLeft");

/// `"ExtendedPixelsTop"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferExtendedPixelsTopKey: CFStringRef =
    cf_constant_string!("ExtendedPixelsTop");

/// `"ExtendedPixelsRight"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferExtendedPixelsRightKey: CFStringRef =
    cf_constant_string!("ExtendedPixelsRight");

/// `"ExtendedPixelsBottom"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferExtendedPixelsBottomKey: CFStringRef =
    cf_constant_string!("ExtendedPixelsBottom");

/// `"BytesPerRowAlignment"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferBytesPerRowAlignmentKey: CFStringRef =
    cf_constant_string!("BytesPerRowAlignment");

/// `"CGBitmapContextCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferCGBitmapContextCompatibilityKey: CFStringRef =
    cf_constant_string!("CGBitmapContextCompatibility");

/// `"CGImageCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferCGImageCompatibilityKey: CFStringRef =
    cf_constant_string!("CGImageCompatibility");

/// `"OpenGLCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferOpenGLCompatibilityKey: CFStringRef =
    cf_constant_string!("OpenGLCompatibility");

/// `"PlaneAlignment"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferPlaneAlignmentKey: CFStringRef = cf_constant_string!("PlaneAlignment");

/// `"IOSurfaceProperties"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfacePropertiesKey: CFStringRef =
    cf_constant_string!("IOSurfaceProperties");

/// `"OpenGLESCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferOpenGLESCompatibilityKey: CFStringRef =
    cf_constant_string!("OpenGLESCompatibility");

/// `"MetalCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferMetalCompatibilityKey: CFStringRef =
    cf_constant_string!("MetalCompatibility");

/// `"OpenGLTextureCacheCompatibility"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferOpenGLTextureCacheCompatibilityKey: CFStringRef =
    cf_constant_string!("OpenGLTextureCacheCompatibility");

/// `"OpenGLESTextureCacheCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferOpenGLESTextureCacheCompatibilityKey: CFStringRef =
    cf_constant_string!("OpenGLESTextureCacheCompatibility");

/// `"IOSurfaceOpenGLTextureCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfaceOpenGLTextureCompatibilityKey: CFStringRef =
    cf_constant_string!("IOSurfaceOpenGLTextureCompatibility");

/// `"IOSurfaceOpenGLFBOCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfaceOpenGLFBOCompatibilityKey: CFStringRef =
    cf_constant_string!("IOSurfaceOpenGLFBOCompatibility");

/// `"IOSurfaceCoreAnimationCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfaceCoreAnimationCompatibilityKey: CFStringRef =
    cf_constant_string!("IOSurfaceCoreAnimationCompatibility");

/// `"IOSurfaceOpenGLESTextureCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfaceOpenGLESTextureCompatibilityKey: CFStringRef =
    cf_constant_string!("IOSurfaceOpenGLESTextureCompatibility");

/// `"IOSurfaceOpenGLESFBOCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfaceOpenGLESFBOCompatibilityKey: CFStringRef =
    cf_constant_string!("IOSurfaceOpenGLESFBOCompatibility");

/// `"IOSurfacePurgeable"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferIOSurfacePurgeableKey: CFStringRef =
    cf_constant_string!("IOSurfacePurgeable");

/// `"PropagatedAttachments"`.
#[unsafe(no_mangle)]
pub static kCVBufferPropagatedAttachmentsKey: CFStringRef =
    cf_constant_string!("PropagatedAttachments");

/// `"NonPropagatedAttachments"`.
#[unsafe(no_mangle)]
pub static kCVBufferNonPropagatedAttachmentsKey: CFStringRef =
    cf_constant_string!("NonPropagatedAttachments");

// ---- CVBuffer attachment keys (§7.1) ----

/// `"QTMovieTime"`.
#[unsafe(no_mangle)]
pub static kCVBufferMovieTimeKey: CFStringRef = cf_constant_string!("QTMovieTime");

/// `"TimeValue"`.
#[unsafe(no_mangle)]
pub static kCVBufferTimeValueKey: CFStringRef = cf_constant_string!("TimeValue");

/// `"TimeScale"`.
#[unsafe(no_mangle)]
pub static kCVBufferTimeScaleKey: CFStringRef = cf_constant_string!("TimeScale");

// ---- CVImageBuffer attachment keys (§7.2) ----

/// `"CGColorSpace"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCGColorSpaceKey: CFStringRef = cf_constant_string!("CGColorSpace");

/// `"CVCleanAperture"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCleanApertureKey: CFStringRef = cf_constant_string!("CVCleanAperture");

/// `"Width"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCleanApertureWidthKey: CFStringRef = cf_constant_string!("Width");

/// `"Height"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCleanApertureHeightKey: CFStringRef = cf_constant_string!("Height");

/// `"HorizontalOffset"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCleanApertureHorizontalOffsetKey: CFStringRef =
    cf_constant_string!("HorizontalOffset");

/// `"VerticalOffset"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferCleanApertureVerticalOffsetKey: CFStringRef =
    cf_constant_string!("VerticalOffset");

/// `"CVPreferredCleanAperture"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferPreferredCleanApertureKey: CFStringRef =
    cf_constant_string!("CVPreferredCleanAperture");

/// `"CVFieldCount"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldCountKey: CFStringRef = cf_constant_string!("CVFieldCount");

/// `"CVFieldDetail"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldDetailKey: CFStringRef = cf_constant_string!("CVFieldDetail");

/// `"TemporalTopFirst"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldDetailTemporalTopFirst: CFStringRef =
    cf_constant_string!("TemporalTopFirst");

/// `"TemporalBottomFirst"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldDetailTemporalBottomFirst: CFStringRef =
    cf_constant_string!("TemporalBottomFirst");

/// `"SpatialFirstLineEarly"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldDetailSpatialFirstLineEarly: CFStringRef =
    cf_constant_string!("SpatialFirstLineEarly");

/// `"SpatialFirstLineLate"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferFieldDetailSpatialFirstLineLate: CFStringRef =
    cf_constant_string!("SpatialFirstLineLate");

/// `"CVPixelAspectRatio"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferPixelAspectRatioKey: CFStringRef =
    cf_constant_string!("CVPixelAspectRatio");

/// `"HorizontalSpacing"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferPixelAspectRatioHorizontalSpacingKey: CFStringRef =
    cf_constant_string!("HorizontalSpacing");

/// `"VerticalSpacing"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferPixelAspectRatioVerticalSpacingKey: CFStringRef =
    cf_constant_string!("VerticalSpacing");

/// `"CVDisplayDimensions"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayDimensionsKey: CFStringRef =
    cf_constant_string!("CVDisplayDimensions");

/// `"Width"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayWidthKey: CFStringRef = cf_constant_string!("Width");

/// `"Height"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayHeightKey: CFStringRef = cf_constant_string!("Height");

/// `"CVImageBufferGammaLevel"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferGammaLevelKey: CFStringRef =
    cf_constant_string!("CVImageBufferGammaLevel");

/// `"CVImageBufferICCProfile"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferICCProfileKey: CFStringRef =
    cf_constant_string!("CVImageBufferICCProfile");

/// `"CVImageBufferYCbCrMatrix"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrixKey: CFStringRef =
    cf_constant_string!("CVImageBufferYCbCrMatrix");

/// `"CVImageBufferColorPrimaries"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimariesKey: CFStringRef =
    cf_constant_string!("CVImageBufferColorPrimaries");

/// `"CVImageBufferTransferFunction"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunctionKey: CFStringRef =
    cf_constant_string!("CVImageBufferTransferFunction");

/// `"CVImageBufferChromaLocationTopField"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocationTopFieldKey: CFStringRef =
    cf_constant_string!("CVImageBufferChromaLocationTopField");

/// `"CVImageBufferChromaLocationBottomField"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocationBottomFieldKey: CFStringRef =
    cf_constant_string!("CVImageBufferChromaLocationBottomField");

/// `"CVImageBufferChromaSubsampling"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaSubsamplingKey: CFStringRef =
    cf_constant_string!("CVImageBufferChromaSubsampling");

/// `"AlphaChannelIsOpaque"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferAlphaChannelIsOpaque: CFStringRef =
    cf_constant_string!("AlphaChannelIsOpaque");

/// `"AlphaChannelMode"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferAlphaChannelModeKey: CFStringRef = cf_constant_string!("AlphaChannelMode");

/// `"StraightAlpha"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferAlphaChannelMode_StraightAlpha: CFStringRef =
    cf_constant_string!("StraightAlpha");

/// `"PremultipliedAlpha"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferAlphaChannelMode_PremultipliedAlpha: CFStringRef =
    cf_constant_string!("PremultipliedAlpha");

/// `"MasteringDisplayColorVolume"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferMasteringDisplayColorVolumeKey: CFStringRef =
    cf_constant_string!("MasteringDisplayColorVolume");

/// `"ContentLightLevelInfo"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferContentLightLevelInfoKey: CFStringRef =
    cf_constant_string!("ContentLightLevelInfo");

/// `"AmbientViewingEnvironment"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferAmbientViewingEnvironmentKey: CFStringRef =
    cf_constant_string!("AmbientViewingEnvironment");

/// `"RegionOfInterest"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferRegionOfInterestKey: CFStringRef = cf_constant_string!("RegionOfInterest");

/// `"LogTransferFunction"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferLogTransferFunctionKey: CFStringRef =
    cf_constant_string!("LogTransferFunction");

/// `"com.apple.rec2020.apple-log"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferLogTransferFunction_AppleLog: CFStringRef =
    cf_constant_string!("com.apple.rec2020.apple-log");

/// `"com.apple.apple-wide-gamut.apple-log"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferLogTransferFunction_AppleLog2: CFStringRef =
    cf_constant_string!("com.apple.apple-wide-gamut.apple-log");

/// `"SceneIllumination"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferSceneIlluminationKey: CFStringRef =
    cf_constant_string!("SceneIllumination");

/// `"PostDecodeProcessingSequenceMetadata"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferPostDecodeProcessingSequenceMetadataKey: CFStringRef =
    cf_constant_string!("PostDecodeProcessingSequenceMetadata");

/// `"PostDecodeProcessingFrameMetadata"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferPostDecodeProcessingFrameMetadataKey: CFStringRef =
    cf_constant_string!("PostDecodeProcessingFrameMetadata");

/// `"DisplayMaskRectangle"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangleKey: CFStringRef =
    cf_constant_string!("DisplayMaskRectangle");

/// `"DisplayMaskRectangleStereoLeft"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangleStereoLeftKey: CFStringRef =
    cf_constant_string!("DisplayMaskRectangleStereoLeft");

/// `"DisplayMaskRectangleStereoRight"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangleStereoRightKey: CFStringRef =
    cf_constant_string!("DisplayMaskRectangleStereoRight");

/// `"ReferenceRasterWidth"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_ReferenceRasterWidthKey: CFStringRef =
    cf_constant_string!("ReferenceRasterWidth");

/// `"ReferenceRasterHeight"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_ReferenceRasterHeightKey: CFStringRef =
    cf_constant_string!("ReferenceRasterHeight");

/// `"RectangleLeft"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_RectangleLeftKey: CFStringRef =
    cf_constant_string!("RectangleLeft");

/// `"RectangleWidth"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_RectangleWidthKey: CFStringRef =
    cf_constant_string!("RectangleWidth");

/// `"RectangleTop"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_RectangleTopKey: CFStringRef =
    cf_constant_string!("RectangleTop");

/// `"RectangleHeight"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_RectangleHeightKey: CFStringRef =
    cf_constant_string!("RectangleHeight");

/// `"LeftEdgePoints"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_LeftEdgePointsKey: CFStringRef =
    cf_constant_string!("LeftEdgePoints");

/// `"RightEdgePoints"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferDisplayMaskRectangle_RightEdgePointsKey: CFStringRef =
    cf_constant_string!("RightEdgePoints");

// ---- Attachment values (§7.3) ----

/// `"ITU_R_709_2"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_ITU_R_709_2: CFStringRef = cf_constant_string!("ITU_R_709_2");

/// `"ITU_R_601_4"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_ITU_R_601_4: CFStringRef = cf_constant_string!("ITU_R_601_4");

/// `"SMPTE_240M_1995"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_SMPTE_240M_1995: CFStringRef =
    cf_constant_string!("SMPTE_240M_1995");

/// `"DCI_P3"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_DCI_P3: CFStringRef = cf_constant_string!("DCI_P3");

/// `"P3_D65"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_P3_D65: CFStringRef = cf_constant_string!("P3_D65");

/// `"ITU_R_2020"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferYCbCrMatrix_ITU_R_2020: CFStringRef = cf_constant_string!("ITU_R_2020");

/// `"ITU_R_709_2"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_ITU_R_709_2: CFStringRef =
    cf_constant_string!("ITU_R_709_2");

/// `"EBU_3213"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_EBU_3213: CFStringRef = cf_constant_string!("EBU_3213");

/// `"SMPTE_C"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_SMPTE_C: CFStringRef = cf_constant_string!("SMPTE_C");

/// `"P22"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_P22: CFStringRef = cf_constant_string!("P22");

/// `"DCI_P3"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_DCI_P3: CFStringRef = cf_constant_string!("DCI_P3");

/// `"P3_D65"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_P3_D65: CFStringRef = cf_constant_string!("P3_D65");

/// `"ITU_R_2020"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferColorPrimaries_ITU_R_2020: CFStringRef = cf_constant_string!("ITU_R_2020");

/// `"ITU_R_709_2"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_ITU_R_709_2: CFStringRef =
    cf_constant_string!("ITU_R_709_2");

/// `"SMPTE_240M_1995"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_SMPTE_240M_1995: CFStringRef =
    cf_constant_string!("SMPTE_240M_1995");

/// `"UseGamma"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_UseGamma: CFStringRef = cf_constant_string!("UseGamma");

/// `"EBU_3213"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_EBU_3213: CFStringRef = cf_constant_string!("EBU_3213");

/// `"SMPTE_C"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_SMPTE_C: CFStringRef = cf_constant_string!("SMPTE_C");

/// `"IEC_sRGB"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_sRGB: CFStringRef = cf_constant_string!("IEC_sRGB");

/// `"ITU_R_2020"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_ITU_R_2020: CFStringRef =
    cf_constant_string!("ITU_R_2020");

/// `"SMPTE_ST_428_1"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_SMPTE_ST_428_1: CFStringRef =
    cf_constant_string!("SMPTE_ST_428_1");

/// `"SMPTE_ST_2084_PQ"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ: CFStringRef =
    cf_constant_string!("SMPTE_ST_2084_PQ");

/// `"ITU_R_2100_HLG"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_ITU_R_2100_HLG: CFStringRef =
    cf_constant_string!("ITU_R_2100_HLG");

/// `"Linear"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferTransferFunction_Linear: CFStringRef = cf_constant_string!("Linear");

/// `"Left"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_Left: CFStringRef = cf_constant_string!("Left");

/// `"Center"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_Center: CFStringRef = cf_constant_string!("Center");

/// `"TopLeft"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_TopLeft: CFStringRef = cf_constant_string!("TopLeft");

/// `"Top"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_Top: CFStringRef = cf_constant_string!("Top");

/// `"BottomLeft"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_BottomLeft: CFStringRef = cf_constant_string!("BottomLeft");

/// `"Bottom"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_Bottom: CFStringRef = cf_constant_string!("Bottom");

/// `"DV 4:2:0"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaLocation_DV420: CFStringRef = cf_constant_string!("DV 4:2:0");

/// `"4:2:0"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaSubsampling_420: CFStringRef = cf_constant_string!("4:2:0");

/// `"4:2:2"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaSubsampling_422: CFStringRef = cf_constant_string!("4:2:2");

/// `"4:1:1"`.
#[unsafe(no_mangle)]
pub static kCVImageBufferChromaSubsampling_411: CFStringRef = cf_constant_string!("4:1:1");

// ---- ProRes RAW / Bayer attachment keys (§7.4) ----

/// `"BayerPattern"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferVersatileBayerKey_BayerPattern: CFStringRef =
    cf_constant_string!("BayerPattern");

/// `"SenselSitingOffsets"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_SenselSitingOffsets: CFStringRef =
    cf_constant_string!("SenselSitingOffsets");

/// `"BlackLevel"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_BlackLevel: CFStringRef = cf_constant_string!("BlackLevel");

/// `"WhiteLevel"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_WhiteLevel: CFStringRef = cf_constant_string!("WhiteLevel");

/// `"WhiteBalanceCCT"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_WhiteBalanceCCT: CFStringRef =
    cf_constant_string!("WhiteBalanceCCT");

/// `"WhiteBalanceRedFactor"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_WhiteBalanceRedFactor: CFStringRef =
    cf_constant_string!("WhiteBalanceRedFactor");

/// `"WhiteBalanceBlueFactor"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_WhiteBalanceBlueFactor: CFStringRef =
    cf_constant_string!("WhiteBalanceBlueFactor");

/// `"ColorMatrix"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_ColorMatrix: CFStringRef = cf_constant_string!("ColorMatrix");

/// `"GainFactor"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_GainFactor: CFStringRef = cf_constant_string!("GainFactor");

/// `"RecommendedCrop"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_RecommendedCrop: CFStringRef =
    cf_constant_string!("RecommendedCrop");

/// `"MetadataExtension"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferProResRAWKey_MetadataExtension: CFStringRef =
    cf_constant_string!("MetadataExtension");

// ---- Pool attribute keys (§8) ----

/// `"MinimumBufferCount"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferPoolMinimumBufferCountKey: CFStringRef =
    cf_constant_string!("MinimumBufferCount");

/// `"MaximumBufferAge"`.
#[unsafe(no_mangle)]
pub static kCVPixelBufferPoolMaximumBufferAgeKey: CFStringRef =
    cf_constant_string!("MaximumBufferAge");

/// `"BufferPoolAllocationThreshold"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelBufferPoolAllocationThresholdKey: CFStringRef =
    cf_constant_string!("BufferPoolAllocationThreshold");

/// `"BufferPoolFreeBufferNotification"` (string unverified: best guess).
/// Never posted: pixelport has no notification center (retry a refused
/// allocation instead).
#[unsafe(no_mangle)]
pub static kCVPixelBufferPoolFreeBufferNotification: CFStringRef =
    cf_constant_string!("BufferPoolFreeBufferNotification");

// ---- Pixel-format-description keys (§9) ----

/// `"Name"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatName: CFStringRef = cf_constant_string!("Name");

/// `"PixelFormat"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatConstant: CFStringRef = cf_constant_string!("PixelFormat");

/// `"CodecType"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatCodecType: CFStringRef = cf_constant_string!("CodecType");

/// `"FourCC"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatFourCC: CFStringRef = cf_constant_string!("FourCC");

/// `"ContainsAlpha"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatContainsAlpha: CFStringRef = cf_constant_string!("ContainsAlpha");

/// `"ContainsYCbCr"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatContainsYCbCr: CFStringRef = cf_constant_string!("ContainsYCbCr");

/// `"ContainsRGB"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatContainsRGB: CFStringRef = cf_constant_string!("ContainsRGB");

/// `"ContainsGrayscale"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatContainsGrayscale: CFStringRef = cf_constant_string!("ContainsGrayscale");

/// `"ContainsSenselArray"` (string unverified: best guess).
#[unsafe(no_mangle)]
pub static kCVPixelFormatContainsSenselArray: CFStringRef =
    cf_constant_string!("ContainsSenselArray");

/// `"ComponentRange"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatComponentRange: CFStringRef = cf_constant_string!("ComponentRange");

/// `"VideoRange"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatComponentRange_VideoRange: CFStringRef = cf_constant_string!("VideoRange");

/// `"FullRange"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatComponentRange_FullRange: CFStringRef = cf_constant_string!("FullRange");

/// `"WideRange"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatComponentRange_WideRange: CFStringRef = cf_constant_string!("WideRange");

/// `"Planes"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatPlanes: CFStringRef = cf_constant_string!("Planes");

/// `"BlockWidth"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBlockWidth: CFStringRef = cf_constant_string!("BlockWidth");

/// `"BlockHeight"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBlockHeight: CFStringRef = cf_constant_string!("BlockHeight");

/// `"BitsPerBlock"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBitsPerBlock: CFStringRef = cf_constant_string!("BitsPerBlock");

/// `"BitsPerComponent"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBitsPerComponent: CFStringRef = cf_constant_string!("BitsPerComponent");

/// `"BlockHorizontalAlignment"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBlockHorizontalAlignment: CFStringRef =
    cf_constant_string!("BlockHorizontalAlignment");

/// `"BlockVerticalAlignment"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBlockVerticalAlignment: CFStringRef =
    cf_constant_string!("BlockVerticalAlignment");

/// `"BlackBlock"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatBlackBlock: CFStringRef = cf_constant_string!("BlackBlock");

/// `"HorizontalSubsampling"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatHorizontalSubsampling: CFStringRef =
    cf_constant_string!("HorizontalSubsampling");

/// `"VerticalSubsampling"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatVerticalSubsampling: CFStringRef =
    cf_constant_string!("VerticalSubsampling");

/// `"OpenGLFormat"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatOpenGLFormat: CFStringRef = cf_constant_string!("OpenGLFormat");

/// `"OpenGLType"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatOpenGLType: CFStringRef = cf_constant_string!("OpenGLType");

/// `"OpenGLInternalFormat"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatOpenGLInternalFormat: CFStringRef =
    cf_constant_string!("OpenGLInternalFormat");

/// `"CGBitmapInfo"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatCGBitmapInfo: CFStringRef = cf_constant_string!("CGBitmapInfo");

/// `"QDCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatQDCompatibility: CFStringRef = cf_constant_string!("QDCompatibility");

/// `"CGBitmapContextCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatCGBitmapContextCompatibility: CFStringRef =
    cf_constant_string!("CGBitmapContextCompatibility");

/// `"CGImageCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatCGImageCompatibility: CFStringRef =
    cf_constant_string!("CGImageCompatibility");

/// `"OpenGLCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatOpenGLCompatibility: CFStringRef =
    cf_constant_string!("OpenGLCompatibility");

/// `"OpenGLESCompatibility"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatOpenGLESCompatibility: CFStringRef =
    cf_constant_string!("OpenGLESCompatibility");

/// `"FillExtendedPixelsCallback"`.
#[unsafe(no_mangle)]
pub static kCVPixelFormatFillExtendedPixelsCallback: CFStringRef =
    cf_constant_string!("FillExtendedPixelsCallback");
