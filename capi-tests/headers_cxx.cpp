// The Apple-path headers compiled as C++17: every umbrella header, the
// reference types Apple declares as one C type, and the constants used the
// way C++ code uses them (switch labels, flag arithmetic, constexpr).
#include <Accelerate/Accelerate.h>
#include <CoreFoundation/CoreFoundation.h>
#include <CoreGraphics/CoreGraphics.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <vImage/vImage.h>

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "pp_test.h"

static_assert(std::is_same<CVPixelBufferRef, CVBufferRef>::value, "CVPixelBufferRef");
static_assert(std::is_same<CVImageBufferRef, CVBufferRef>::value, "CVImageBufferRef");
static_assert(std::is_same<VTSessionRef, CFTypeRef>::value, "VTSessionRef");
static_assert(std::is_same<CVReturn, int32_t>::value, "CVReturn");
static_assert(std::is_same<CVOptionFlags, uint64_t>::value, "CVOptionFlags");
static_assert(std::is_same<vImage_Error, ssize_t>::value, "vImage_Error");
static_assert(std::is_same<vImage_Flags, uint32_t>::value, "vImage_Flags");
static_assert(std::is_same<CGFloat, double>::value, "CGFloat");
static_assert(sizeof(vImage_Buffer) == 32, "vImage_Buffer");
static_assert(sizeof(vImage_CGImageFormat) == 40, "vImage_CGImageFormat");
static_assert(offsetof(vImage_CGImageFormat, renderingIntent) == 32, "renderingIntent");
static_assert(sizeof(CGRect) == 32, "CGRect");
static_assert(sizeof(CVPlanarPixelBufferInfo_YCbCrPlanar) == 24, "YCbCrPlanar");
static_assert(std::is_standard_layout<vImage_CGImageFormat>::value, "C layout");

// Constants are usable in constant expressions.
constexpr CVReturn kInvalid = kCVReturnInvalidArgument;
static_assert(kInvalid == -6661, "kCVReturnInvalidArgument");
static_assert(kVTPixelTransferNotSupportedErr == -12905, "kVTPixelTransferNotSupportedErr");
static_assert(kvImageInvalidImageFormat == -21778, "kvImageInvalidImageFormat");
static_assert((kCGImageAlphaNoneSkipFirst | kCGBitmapByteOrder32Little) == 0x2006, "XRGB little");

static const char *cv_name(CVReturn status) {
    switch (status) {
    case kCVReturnSuccess:
        return "success";
    case kCVReturnError:
        return "error";
    case kCVReturnInvalidArgument:
        return "invalid argument";
    case kCVReturnInvalidPixelFormat:
        return "invalid pixel format";
    case kCVReturnRetry:
        return "retry";
    default:
        return "other";
    }
}

static int vt_is_unsupported(OSStatus status) {
    switch (status) {
    case kVTPixelTransferNotSupportedErr:
    case kVTPixelRotationNotSupportedErr:
    case kVTPropertyNotSupportedErr:
        return 1;
    default:
        return 0;
    }
}

int main() {
    CHECK(std::string_view(cv_name(kCVReturnRetry)) == "retry");
    CHECK(std::string_view(cv_name(-6660)) == "error");
    CHECK(vt_is_unsupported(kVTImageRotationNotSupportedErr));
    CHECK(!vt_is_unsupported(kVTParameterErr));

    // Flags combine without casts, as vImage's anonymous enums allow.
    vImage_Flags flags = kvImageEdgeExtend | kvImageDoNotTile;
    CHECK_EQ_LONG(flags, 24);
    CVPixelBufferLockFlags lock = kCVPixelBufferLock_ReadOnly;
    CHECK_EQ_LONG(lock, 1);

    vImage_Buffer buf = {nullptr, 4, 5, 32};
    CHECK(buf.width == 5 && buf.rowBytes == 32);
    vImage_CGImageFormat fmt = {8, 32, nullptr, kCGImageAlphaPremultipliedFirst | kCGBitmapByteOrder32Little,
                                0, nullptr, kCGRenderingIntentPerceptual};
    CHECK_EQ_LONG(fmt.bitmapInfo, 0x2002);
    CHECK_EQ_LONG(fmt.renderingIntent, 3);

    CGRect clean = CGRectMake(0, 0, 1920, 1080);
    CHECK(clean.size.width == 1920.0);

    CVPixelBufferRef pixels = nullptr;
    CVBufferRef as_buffer = pixels;  // same type, no cast
    CHECK(as_buffer == nullptr);
    CVFillExtendedPixelsCallBackData fill = {0, nullptr, nullptr};
    CHECK(fill.version == 0);

    return pp_finish("headers_cxx");
}
