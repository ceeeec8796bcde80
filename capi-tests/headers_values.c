/* The Apple-path headers' types and constant values, checked against the
 * fact sheets (corevideo.md §1–§3, videotoolbox.md §1 and §6, vimage-core.md
 * §1–§4 and §6–§8). Every expected value below is typed in from those tables,
 * not derived from the headers, so a wrong value in the Rust source shows up
 * here. */
#include <Accelerate/Accelerate.h>
#include <CoreFoundation/CoreFoundation.h>
#include <CoreGraphics/CoreGraphics.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <vImage/vImage.h>

#include <stddef.h>
#include <sys/types.h>

#include "pp_test.h"

/* Apple's sub-headers must be includable on their own, in any order. */
#include <CoreGraphics/CGColorSpace.h>
#include <CoreGraphics/CGGeometry.h>
#include <CoreGraphics/CGImage.h>
#include <CoreVideo/CVBase.h>
#include <CoreVideo/CVBuffer.h>
#include <CoreVideo/CVImageBuffer.h>
#include <CoreVideo/CVPixelBuffer.h>
#include <CoreVideo/CVPixelBufferPool.h>
#include <CoreVideo/CVPixelFormatDescription.h>
#include <CoreVideo/CVReturn.h>
#include <VideoToolbox/VTErrors.h>
#include <VideoToolbox/VTPixelRotationProperties.h>
#include <VideoToolbox/VTPixelRotationSession.h>
#include <VideoToolbox/VTPixelTransferProperties.h>
#include <VideoToolbox/VTPixelTransferSession.h>
#include <VideoToolbox/VTSession.h>

#define SAME_TYPE(T, U) _Generic((T *)0, U *: 1, default: 0)

/* Sizes and layouts (LP64). */
_Static_assert(sizeof(Boolean) == 1, "Boolean");
_Static_assert(sizeof(CFIndex) == 8, "CFIndex");
_Static_assert(sizeof(CVOptionFlags) == 8, "CVOptionFlags is uint64_t");
_Static_assert(sizeof(CVPixelBufferLockFlags) == 8, "lock flags are CVOptionFlags");
_Static_assert(sizeof(CVPixelBufferPoolFlushFlags) == 8, "flush flags are CVOptionFlags");
_Static_assert(sizeof(CVReturn) == 4, "CVReturn is int32_t");
_Static_assert(sizeof(CVAttachmentMode) == 4, "CVAttachmentMode is uint32_t");
_Static_assert(sizeof(CVPlanarComponentInfo) == 8, "CVPlanarComponentInfo");
_Static_assert(offsetof(CVPlanarComponentInfo, rowBytes) == 4, "rowBytes offset");
_Static_assert(sizeof(CVPlanarPixelBufferInfo_YCbCrPlanar) == 24, "YCbCrPlanar");
_Static_assert(offsetof(CVPlanarPixelBufferInfo_YCbCrPlanar, componentInfoCr) == 16, "Cr offset");
_Static_assert(sizeof(CVPlanarPixelBufferInfo_YCbCrBiPlanar) == 16, "YCbCrBiPlanar");
_Static_assert(offsetof(CVPlanarPixelBufferInfo_YCbCrBiPlanar, componentInfoCbCr) == 8, "CbCr offset");
_Static_assert(sizeof(CVPlanarPixelBufferInfo) == 8, "CVPlanarPixelBufferInfo");
_Static_assert(sizeof(CVFillExtendedPixelsCallBackData) == 24, "fill callback data");
_Static_assert(sizeof(CGFloat) == 8, "CGFloat is double");
_Static_assert(sizeof(CGPoint) == 16 && sizeof(CGSize) == 16, "CGPoint/CGSize");
_Static_assert(sizeof(CGRect) == 32, "CGRect");
_Static_assert(offsetof(CGRect, size) == 16, "CGRect.size offset");
_Static_assert(sizeof(vImage_Buffer) == 32, "vImage_Buffer");
_Static_assert(offsetof(vImage_Buffer, data) == 0, "data");
_Static_assert(offsetof(vImage_Buffer, height) == 8, "height");
_Static_assert(offsetof(vImage_Buffer, width) == 16, "width");
_Static_assert(offsetof(vImage_Buffer, rowBytes) == 24, "rowBytes");
_Static_assert(sizeof(vImage_CGImageFormat) == 40, "vImage_CGImageFormat");
_Static_assert(_Alignof(vImage_CGImageFormat) == 8, "vImage_CGImageFormat alignment");
_Static_assert(offsetof(vImage_CGImageFormat, bitsPerPixel) == 4, "bitsPerPixel");
_Static_assert(offsetof(vImage_CGImageFormat, colorSpace) == 8, "colorSpace");
_Static_assert(offsetof(vImage_CGImageFormat, bitmapInfo) == 16, "bitmapInfo");
_Static_assert(offsetof(vImage_CGImageFormat, version) == 20, "version");
_Static_assert(offsetof(vImage_CGImageFormat, decode) == 24, "decode");
_Static_assert(offsetof(vImage_CGImageFormat, renderingIntent) == 32, "renderingIntent");
_Static_assert(sizeof(vImage_Error) == 8 && (vImage_Error)-1 < 0, "vImage_Error is ssize_t");
_Static_assert(sizeof(vImagePixelCount) == 8 && (vImagePixelCount)-1 > 0, "unsigned long");
_Static_assert(sizeof(vImage_Flags) == 4, "vImage_Flags is uint32_t");
_Static_assert(sizeof(Pixel_8888) == 4 && sizeof(Pixel_FFFF) == 16, "pixel arrays");
_Static_assert(sizeof(Pixel_ARGB_16U) == 8 && sizeof(Pixel_88) == 2, "pixel arrays");
_Static_assert(sizeof(Pixel_16Q12) == 2 && sizeof(Pixel_32U) == 4, "pixel scalars");

/* Apple's declaration macros, used as Apple's headers use them. */
typedef VIMAGE_OPTIONS_ENUM(LocalFlags, uint32_t){kLocalA = 1, kLocalB = 2};
typedef VIMAGE_CHOICE_ENUM(LocalMode, ssize_t){kLocalModeA = -1, kLocalModeB = -2};

/* Every value below fits its C type. */
_Static_assert(kCGImagePixelFormatMask == 0xF0000, "pixel-format mask");

int main(void) {
    /* Exact C types, as Apple typedefs them. */
    CHECK(SAME_TYPE(CVReturn, int32_t));
    CHECK(SAME_TYPE(CVOptionFlags, uint64_t));
    CHECK(SAME_TYPE(CVAttachmentMode, uint32_t));
    CHECK(SAME_TYPE(CVImageBufferRef, CVBufferRef));
    CHECK(SAME_TYPE(CVPixelBufferRef, CVBufferRef));
    CHECK(SAME_TYPE(CVBufferRef, struct __CVBuffer *));
    CHECK(SAME_TYPE(CVPixelBufferPoolRef, struct __CVPixelBufferPool *));
    CHECK(SAME_TYPE(VTSessionRef, CFTypeRef));
    CHECK(SAME_TYPE(VTPixelTransferSessionRef, struct OpaqueVTPixelTransferSession *));
    CHECK(SAME_TYPE(VTPixelRotationSessionRef, struct OpaqueVTPixelRotationSession *));
    CHECK(SAME_TYPE(CGFloat, double));
    CHECK(SAME_TYPE(CGColorSpaceRef, struct CGColorSpace *));
    CHECK(SAME_TYPE(CGBitmapInfo, uint32_t));
    CHECK(SAME_TYPE(CGImageAlphaInfo, uint32_t));
    CHECK(SAME_TYPE(CGColorRenderingIntent, int32_t));
    CHECK(SAME_TYPE(CGColorSpaceModel, int32_t));
    CHECK(SAME_TYPE(vImage_Error, ssize_t));
    CHECK(SAME_TYPE(vImagePixelCount, unsigned long));
    CHECK(SAME_TYPE(vImage_Flags, uint32_t));
    CHECK(SAME_TYPE(Pixel_8, uint8_t));
    CHECK(SAME_TYPE(Pixel_F, float));
    CHECK(SAME_TYPE(Pixel_16U, uint16_t));
    CHECK(SAME_TYPE(Pixel_16S, int16_t));
    {
        typedef uint8_t bytes4[4];
        typedef float floats4[4];
        typedef uint16_t halves4[4];
        CHECK(SAME_TYPE(Pixel_8888, bytes4));
        CHECK(SAME_TYPE(Pixel_FFFF, floats4));
        CHECK(SAME_TYPE(Pixel_ARGB_16U, halves4));
    }
    CHECK(SAME_TYPE(ResamplingFilter, void *));
    CHECK(SAME_TYPE(GammaFunction, void *));

    /* CVReturn codes (corevideo.md §2), all of them. */
    CHECK_EQ_LONG(kCVReturnSuccess, 0);
    CHECK_EQ_LONG(kCVReturnFirst, -6660);
    CHECK_EQ_LONG(kCVReturnError, -6660);
    CHECK_EQ_LONG(kCVReturnInvalidArgument, -6661);
    CHECK_EQ_LONG(kCVReturnAllocationFailed, -6662);
    CHECK_EQ_LONG(kCVReturnUnsupported, -6663);
    CHECK_EQ_LONG(kCVReturnInvalidDisplay, -6670);
    CHECK_EQ_LONG(kCVReturnDisplayLinkAlreadyRunning, -6671);
    CHECK_EQ_LONG(kCVReturnDisplayLinkNotRunning, -6672);
    CHECK_EQ_LONG(kCVReturnDisplayLinkCallbacksNotSet, -6673);
    CHECK_EQ_LONG(kCVReturnInvalidPixelFormat, -6680);
    CHECK_EQ_LONG(kCVReturnInvalidSize, -6681);
    CHECK_EQ_LONG(kCVReturnInvalidPixelBufferAttributes, -6682);
    CHECK_EQ_LONG(kCVReturnPixelBufferNotOpenGLCompatible, -6683);
    CHECK_EQ_LONG(kCVReturnPixelBufferNotMetalCompatible, -6684);
    CHECK_EQ_LONG(kCVReturnWouldExceedAllocationThreshold, -6689);
    CHECK_EQ_LONG(kCVReturnPoolAllocationFailed, -6690);
    CHECK_EQ_LONG(kCVReturnInvalidPoolAttributes, -6691);
    CHECK_EQ_LONG(kCVReturnRetry, -6692);
    CHECK_EQ_LONG(kCVReturnLast, -6699);
    /* Negative values are parenthesised: `x-kCVReturnError` must not be `x--6660`. */
    {
        int x = 1;
        CHECK_EQ_LONG(x-kCVReturnError, 6661);
    }

    /* Small CoreVideo enums and flags (corevideo.md §3). */
    CHECK_EQ_LONG(kCVAttachmentMode_ShouldNotPropagate, 0);
    CHECK_EQ_LONG(kCVAttachmentMode_ShouldPropagate, 1);
    CHECK_EQ_LONG(kCVPixelBufferLock_ReadOnly, 0x00000001);
    CHECK_EQ_LONG(kCVPixelBufferPoolFlushExcessBuffers, 1);
    CHECK_EQ_LONG(kCVVersatileBayer_BayerPattern_RGGB, 0);
    CHECK_EQ_LONG(kCVVersatileBayer_BayerPattern_GRBG, 1);
    CHECK_EQ_LONG(kCVVersatileBayer_BayerPattern_GBRG, 2);
    CHECK_EQ_LONG(kCVVersatileBayer_BayerPattern_BGGR, 3);

    /* CoreVideo switches for Linux. */
    CHECK(COREVIDEO_TRUE);
    CHECK(!COREVIDEO_FALSE);
    CHECK(!COREVIDEO_SUPPORTS_IOSURFACE);
    CHECK(!COREVIDEO_SUPPORTS_OPENGL);
    CHECK(!COREVIDEO_SUPPORTS_OPENGLES);
    CHECK(!COREVIDEO_SUPPORTS_METAL);
    CHECK(!COREVIDEO_SUPPORTS_DISPLAYLINK);
    CHECK(!COREVIDEO_SUPPORTS_DIRECT3D);
    CHECK(COREVIDEO_SUPPORTS_COLORSPACE);
#if COREVIDEO_SUPPORTS_IOSURFACE || COREVIDEO_SUPPORTS_OPENGL || COREVIDEO_SUPPORTS_METAL
    CHECK(!"the switches must also work in #if");
#endif

    /* VideoToolbox errors (videotoolbox.md §6), all with a published value. */
    CHECK_EQ_LONG(kVTPropertyNotSupportedErr, -12900);
    CHECK_EQ_LONG(kVTPropertyReadOnlyErr, -12901);
    CHECK_EQ_LONG(kVTParameterErr, -12902);
    CHECK_EQ_LONG(kVTInvalidSessionErr, -12903);
    CHECK_EQ_LONG(kVTAllocationFailedErr, -12904);
    CHECK_EQ_LONG(kVTPixelTransferNotSupportedErr, -12905);
    CHECK_EQ_LONG(kVTCouldNotFindVideoDecoderErr, -12906);
    CHECK_EQ_LONG(kVTCouldNotCreateInstanceErr, -12907);
    CHECK_EQ_LONG(kVTCouldNotFindVideoEncoderErr, -12908);
    CHECK_EQ_LONG(kVTVideoDecoderBadDataErr, -12909);
    CHECK_EQ_LONG(kVTVideoDecoderUnsupportedDataFormatErr, -12910);
    CHECK_EQ_LONG(kVTVideoDecoderMalfunctionErr, -12911);
    CHECK_EQ_LONG(kVTVideoEncoderMalfunctionErr, -12912);
    CHECK_EQ_LONG(kVTVideoDecoderNotAvailableNowErr, -12913);
    CHECK_EQ_LONG(kVTImageRotationNotSupportedErr, -12914);
    CHECK_EQ_LONG(kVTPixelRotationNotSupportedErr, -12914);
    CHECK_EQ_LONG(kVTVideoEncoderNotAvailableNowErr, -12915);
    CHECK_EQ_LONG(kVTFormatDescriptionChangeNotSupportedErr, -12916);
    CHECK_EQ_LONG(kVTInsufficientSourceColorDataErr, -12917);
    CHECK_EQ_LONG(kVTCouldNotCreateColorCorrectionDataErr, -12918);
    CHECK_EQ_LONG(kVTColorSyncTransformConvertFailedErr, -12919);
    CHECK_EQ_LONG(kVTVideoDecoderAuthorizationErr, -12210);
    CHECK_EQ_LONG(kVTVideoEncoderAuthorizationErr, -12211);
    CHECK_EQ_LONG(kVTColorCorrectionPixelTransferFailedErr, -12212);
    CHECK_EQ_LONG(kVTMultiPassStorageIdentifierMismatchErr, -12213);
    CHECK_EQ_LONG(kVTMultiPassStorageInvalidErr, -12214);
    CHECK_EQ_LONG(kVTFrameSiloInvalidTimeStampErr, -12215);
    CHECK_EQ_LONG(kVTFrameSiloInvalidTimeRangeErr, -12216);
    CHECK_EQ_LONG(kVTCouldNotFindTemporalFilterErr, -12217);
    CHECK_EQ_LONG(kVTPixelTransferNotPermittedErr, -12218);
    CHECK_EQ_LONG(kVTColorCorrectionImageRotationFailedErr, -12219);
    CHECK_EQ_LONG(kVTVideoDecoderRemovedErr, -17690);
    CHECK_EQ_LONG(kVTSessionMalfunctionErr, -17691);
    CHECK_EQ_LONG(kVTVideoDecoderNeedsRosettaErr, -17692);
    CHECK_EQ_LONG(kVTVideoEncoderNeedsRosettaErr, -17693);
    CHECK_EQ_LONG(kVTVideoDecoderReferenceMissingErr, -17694);
    CHECK_EQ_LONG(kVTVideoDecoderCallbackMessagingErr, -17695);
    CHECK_EQ_LONG(kVTVideoDecoderUnknownErr, -17696);
    CHECK_EQ_LONG(kVTExtensionDisabledErr, -17697);
    CHECK_EQ_LONG(kVTVideoEncoderMVHEVCVideoLayerIDsMismatchErr, -17698);
    CHECK_EQ_LONG(kVTCouldNotOutputTaggedBufferGroupErr, -17699);
    CHECK_EQ_LONG(kVTCouldNotFindExtensionErr, -19510);
    CHECK_EQ_LONG(kVTExtensionConflictErr, -19511);
    CHECK_EQ_LONG(kVTVideoEncoderAutoWhiteBalanceNotLockedErr, -19512);
    CHECK(VT_SUPPORT_COLORSYNC_PIXEL_TRANSFER);
    {
        OSStatus status = kVTParameterErr;
        CHECK(status < 0);
    }

    /* vImage_Error codes (vimage-core.md §3), all of them. */
    CHECK_EQ_LONG(kvImageNoError, 0);
    CHECK_EQ_LONG(kvImageRoiLargerThanInputBuffer, -21766);
    CHECK_EQ_LONG(kvImageInvalidKernelSize, -21767);
    CHECK_EQ_LONG(kvImageInvalidEdgeStyle, -21768);
    CHECK_EQ_LONG(kvImageInvalidOffset_X, -21769);
    CHECK_EQ_LONG(kvImageInvalidOffset_Y, -21770);
    CHECK_EQ_LONG(kvImageMemoryAllocationError, -21771);
    CHECK_EQ_LONG(kvImageNullPointerArgument, -21772);
    CHECK_EQ_LONG(kvImageInvalidParameter, -21773);
    CHECK_EQ_LONG(kvImageBufferSizeMismatch, -21774);
    CHECK_EQ_LONG(kvImageUnknownFlagsBit, -21775);
    CHECK_EQ_LONG(kvImageInternalError, -21776);
    CHECK_EQ_LONG(kvImageInvalidRowBytes, -21777);
    CHECK_EQ_LONG(kvImageInvalidImageFormat, -21778);
    CHECK_EQ_LONG(kvImageColorSyncIsAbsent, -21779);
    CHECK_EQ_LONG(kvImageOutOfPlaceOperationRequired, -21780);
    CHECK_EQ_LONG(kvImageInvalidImageObject, -21781);
    CHECK_EQ_LONG(kvImageInvalidCVImageFormat, -21782);
    CHECK_EQ_LONG(kvImageUnsupportedConversion, -21783);
    CHECK_EQ_LONG(kvImageCoreVideoIsAbsent, -21784);
    CHECK_EQ_LONG(kvImageCVImageFormat_NoError, 0);
    CHECK_EQ_LONG(kvImageCVImageFormat_ConversionMatrix, -21600);
    CHECK_EQ_LONG(kvImageCVImageFormat_ChromaSiting, -21601);
    CHECK_EQ_LONG(kvImageCVImageFormat_ColorSpace, -21602);
    CHECK_EQ_LONG(kvImageCVImageFormat_VideoChannelDescription, -21603);
    CHECK_EQ_LONG(kvImageCVImageFormat_AlphaIsOneHint, -21604);

    /* vImage_Flags bits (vimage-core.md §4), all of them. */
    CHECK_EQ_LONG(kvImageNoFlags, 0);
    CHECK_EQ_LONG(kvImageLeaveAlphaUnchanged, 1);
    CHECK_EQ_LONG(kvImageCopyInPlace, 2);
    CHECK_EQ_LONG(kvImageBackgroundColorFill, 4);
    CHECK_EQ_LONG(kvImageEdgeExtend, 8);
    CHECK_EQ_LONG(kvImageDoNotTile, 16);
    CHECK_EQ_LONG(kvImageHighQualityResampling, 32);
    CHECK_EQ_LONG(kvImageTruncateKernel, 64);
    CHECK_EQ_LONG(kvImageGetTempBufferSize, 128);
    CHECK_EQ_LONG(kvImagePrintDiagnosticsToConsole, 256);
    CHECK_EQ_LONG(kvImageNoAllocate, 512);
    CHECK_EQ_LONG(kvImageHDRContent, 1024);
    CHECK_EQ_LONG(kvImageDoNotClamp, 2048);
    CHECK_EQ_LONG(kvImageUseFP16Accumulator, 4096);
    {
        vImage_Flags flags = kvImageDoNotTile | kvImageHighQualityResampling;
        CHECK_EQ_LONG(flags, 0x30);
    }

    /* CGImageAlphaInfo, CGBitmapInfo, byte order (vimage-core.md §7). */
    CHECK_EQ_LONG(kCGImageAlphaNone, 0);
    CHECK_EQ_LONG(kCGImageAlphaPremultipliedLast, 1);
    CHECK_EQ_LONG(kCGImageAlphaPremultipliedFirst, 2);
    CHECK_EQ_LONG(kCGImageAlphaLast, 3);
    CHECK_EQ_LONG(kCGImageAlphaFirst, 4);
    CHECK_EQ_LONG(kCGImageAlphaNoneSkipLast, 5);
    CHECK_EQ_LONG(kCGImageAlphaNoneSkipFirst, 6);
    CHECK_EQ_LONG(kCGImageAlphaOnly, 7);
    CHECK_EQ_LONG(kCGBitmapAlphaInfoMask, 0x1F);
    CHECK_EQ_LONG(kCGBitmapFloatInfoMask, 0xF00);
    CHECK_EQ_LONG(kCGBitmapFloatComponents, 1 << 8);
    CHECK_EQ_LONG(kCGBitmapByteOrderMask, 0x7000);
    CHECK_EQ_LONG(kCGBitmapByteOrderDefault, 0 << 12);
    CHECK_EQ_LONG(kCGBitmapByteOrder16Little, 1 << 12);
    CHECK_EQ_LONG(kCGBitmapByteOrder32Little, 2 << 12);
    CHECK_EQ_LONG(kCGBitmapByteOrder16Big, 3 << 12);
    CHECK_EQ_LONG(kCGBitmapByteOrder32Big, 4 << 12);
    CHECK_EQ_LONG(kCGImageByteOrderMask, 28672);
    CHECK_EQ_LONG(kCGImageByteOrderDefault, 0);
    CHECK_EQ_LONG(kCGImageByteOrder16Little, 4096);
    CHECK_EQ_LONG(kCGImageByteOrder32Little, 8192);
    CHECK_EQ_LONG(kCGImageByteOrder16Big, 12288);
    CHECK_EQ_LONG(kCGImageByteOrder32Big, 16384);
    CHECK_EQ_LONG(kCGImagePixelFormatMask, 983040);
    CHECK_EQ_LONG(kCGImagePixelFormatPacked, 0);
    CHECK_EQ_LONG(kCGImagePixelFormatRGB555, 65536);
    CHECK_EQ_LONG(kCGImagePixelFormatRGB565, 131072);
    CHECK_EQ_LONG(kCGImagePixelFormatRGB101010, 196608);
    CHECK_EQ_LONG(kCGImagePixelFormatRGBCIF10, 262144);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    CHECK_EQ_LONG(kCGBitmapByteOrder16Host, 4096);
    CHECK_EQ_LONG(kCGBitmapByteOrder32Host, 8192);
#endif
    {
        /* BGRA8888 as vImage documents it. */
        CGBitmapInfo bgra = kCGImageAlphaPremultipliedFirst | kCGBitmapByteOrder32Little;
        CHECK_EQ_LONG(bgra, 0x2002);
        CHECK_EQ_LONG(bgra & kCGBitmapAlphaInfoMask, kCGImageAlphaPremultipliedFirst);
    }

    /* CGColorRenderingIntent, CGColorSpaceModel (vimage-core.md §8). */
    CHECK_EQ_LONG(kCGRenderingIntentDefault, 0);
    CHECK_EQ_LONG(kCGRenderingIntentAbsoluteColorimetric, 1);
    CHECK_EQ_LONG(kCGRenderingIntentRelativeColorimetric, 2);
    CHECK_EQ_LONG(kCGRenderingIntentPerceptual, 3);
    CHECK_EQ_LONG(kCGRenderingIntentSaturation, 4);
    CHECK_EQ_LONG(kCGColorSpaceModelUnknown, -1);
    CHECK_EQ_LONG(kCGColorSpaceModelMonochrome, 0);
    CHECK_EQ_LONG(kCGColorSpaceModelRGB, 1);
    CHECK_EQ_LONG(kCGColorSpaceModelCMYK, 2);
    CHECK_EQ_LONG(kCGColorSpaceModelLab, 3);
    CHECK_EQ_LONG(kCGColorSpaceModelDeviceN, 4);
    CHECK_EQ_LONG(kCGColorSpaceModelIndexed, 5);
    CHECK_EQ_LONG(kCGColorSpaceModelPattern, 6);
    CHECK_EQ_LONG(kCGColorSpaceModelXYZ, 7);
    {
        CGColorSpaceModel model = kCGColorSpaceModelUnknown;
        CHECK(model < 0);
    }

    /* Geometry: the inline constructors, and CGFLOAT_*. */
    {
        CGRect r = CGRectMake(1.5, 2.0, 640.0, 480.0);
        CGPoint p = CGPointMake(3.0, 4.0);
        CGSize s = CGSizeMake(5.0, 6.0);
        CHECK(r.origin.x == 1.5 && r.origin.y == 2.0);
        CHECK(r.size.width == 640.0 && r.size.height == 480.0);
        CHECK(p.x == 3.0 && p.y == 4.0 && s.width == 5.0 && s.height == 6.0);
        CHECK(CGFLOAT_IS_DOUBLE == 1);
        CHECK(CGFLOAT_MAX > 1e300);
    }

    /* Struct use as Apple code writes it. */
    {
        vImage_Buffer buf = {NULL, 2, 3, 16};
        vImage_CGImageFormat fmt = {
            .bitsPerComponent = 8,
            .bitsPerPixel = 32,
            .colorSpace = NULL,
            .bitmapInfo = kCGImageAlphaFirst | kCGBitmapByteOrderDefault,
            .version = 0,
            .decode = NULL,
            .renderingIntent = kCGRenderingIntentDefault,
        };
        CVPlanarPixelBufferInfo_YCbCrBiPlanar info = {{0, 64}, {4096, 64}};
        Pixel_8888 white = {255, 255, 255, 255};
        CHECK(buf.data == NULL && buf.height == 2 && buf.width == 3 && buf.rowBytes == 16);
        CHECK(fmt.bitsPerPixel == 32 && fmt.bitmapInfo == 4);
        CHECK(info.componentInfoCbCr.offset == 4096 && info.componentInfoY.rowBytes == 64);
        CHECK(white[3] == 255);
    }

    /* Apple's declaration macros expand as in Apple's headers. */
    {
        LocalFlags both = kLocalA | kLocalB;
        LocalMode mode = kLocalModeB;
        CHECK(sizeof(LocalFlags) == 4 && both == 3);
        CHECK(sizeof(LocalMode) == 8 && mode == -2);
    }

    return pp_finish("headers_values");
}
