/* kCVPixelFormatType_* constants: exact values, usable as OSType and in switch labels. */
#include <CoreVideo/CoreVideo.h>

#include "pp_test.h"

/* Builds the OSType of a FourCC the way Apple's 'abcd' literals evaluate. */
static OSType fourcc(const char s[4]) {
    return ((OSType)(unsigned char)s[0] << 24) | ((OSType)(unsigned char)s[1] << 16) |
           ((OSType)(unsigned char)s[2] << 8) | (OSType)(unsigned char)s[3];
}

static int is_biplanar_420(OSType format) {
    switch (format) {
    case kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange:
    case kCVPixelFormatType_420YpCbCr8BiPlanarFullRange:
    case kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange:
    case kCVPixelFormatType_420YpCbCr10BiPlanarFullRange:
        return 1;
    default:
        return 0;
    }
}

int main(void) {
    OSType bgra = kCVPixelFormatType_32BGRA;
    CHECK(bgra == 0x42475241u);
    CHECK(bgra == fourcc("BGRA"));
    CHECK(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange == fourcc("420v"));
    CHECK(kCVPixelFormatType_420YpCbCr8BiPlanarFullRange == fourcc("420f"));
    CHECK(kCVPixelFormatType_422YpCbCr8 == fourcc("2vuy"));
    CHECK(kCVPixelFormatType_422YpCbCr10 == fourcc("v210"));
    CHECK(kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange == fourcc("x420"));
    CHECK(kCVPixelFormatType_64RGBAHalf == fourcc("RGhA"));
    CHECK(kCVPixelFormatType_OneComponent8 == fourcc("L008"));
    CHECK(kCVPixelFormatType_30RGB_r210 == fourcc("r210"));
    CHECK(kCVPixelFormatType_96VersatileBayerPacked12 == fourcc("btp2"));
    CHECK(kCVPixelFormatType_30RGBLE_8A_BiPlanar == fourcc("b3a8"));
    CHECK(kCVPixelFormatType_Lossless_32BGRA == fourcc("&BGA"));
    CHECK(kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange == fourcc("-xv2"));
    CHECK_EQ_LONG(kCVPixelFormatType_1Monochrome, 1);
    CHECK_EQ_LONG(kCVPixelFormatType_32ARGB, 32);
    CHECK_EQ_LONG(kCVPixelFormatType_24RGB, 24);
    CHECK_EQ_LONG(kCVPixelFormatType_16BE555, 16);
    CHECK_EQ_LONG(kCVPixelFormatType_8IndexedGray_WhiteIsZero, 0x28);
    CHECK(is_biplanar_420(fourcc("420v")));
    CHECK(is_biplanar_420(fourcc("xf20")));
    CHECK(!is_biplanar_420(bgra));
    return pp_finish("cv_pixel_format_types");
}
