/* Every CV format of vimage-corevideo.md §11: a vImageCVImageFormat can be
 * made for each; those pixelport converts round-trip a uniform colour
 * ARGB8888 → CV (vImageBuffer_CopyToCVPixelBuffer) → ARGB8888
 * (vImageBuffer_InitWithCVPixelBuffer) within the format's precision, and
 * the rest refuse with kvImageUnsupportedConversion, leaving the
 * destination untouched. */
#include <Accelerate/Accelerate.h>
#include <CoreVideo/CoreVideo.h>
#include <stdlib.h>

#include "pp_test.h"

enum { W = 6, H = 4 };
enum { NO = 0, RGB = 1, GRAY = 2, YUV = 3 };

struct format_case {
    OSType type;
    const char *name;
    int kind;      /* NO = not converted */
    int tolerance; /* in 8-bit codes after the round trip */
};

#define C(t, k, tol) {t, #t, k, tol}

static const struct format_case cases[] = {
    C(kCVPixelFormatType_1Monochrome, NO, 0),
    C(kCVPixelFormatType_2Indexed, NO, 0),
    C(kCVPixelFormatType_4Indexed, NO, 0),
    C(kCVPixelFormatType_8Indexed, NO, 0),
    C(kCVPixelFormatType_1IndexedGray_WhiteIsZero, NO, 0),
    C(kCVPixelFormatType_2IndexedGray_WhiteIsZero, NO, 0),
    C(kCVPixelFormatType_4IndexedGray_WhiteIsZero, NO, 0),
    C(kCVPixelFormatType_8IndexedGray_WhiteIsZero, NO, 0),
    C(kCVPixelFormatType_16BE555, RGB, 5),
    C(kCVPixelFormatType_16LE555, RGB, 5),
    C(kCVPixelFormatType_16LE5551, RGB, 5),
    C(kCVPixelFormatType_16BE565, RGB, 5),
    C(kCVPixelFormatType_16LE565, RGB, 5),
    C(kCVPixelFormatType_24RGB, RGB, 0),
    C(kCVPixelFormatType_24BGR, RGB, 0),
    C(kCVPixelFormatType_32ARGB, RGB, 0),
    C(kCVPixelFormatType_32BGRA, RGB, 0),
    C(kCVPixelFormatType_32ABGR, RGB, 0),
    C(kCVPixelFormatType_32RGBA, RGB, 0),
    C(kCVPixelFormatType_64ARGB, RGB, 0),
    C(kCVPixelFormatType_48RGB, RGB, 0),
    C(kCVPixelFormatType_32AlphaGray, GRAY, 0),
    C(kCVPixelFormatType_16Gray, GRAY, 0),
    C(kCVPixelFormatType_30RGB, RGB, 1),
    C(kCVPixelFormatType_422YpCbCr8, YUV, 2),
    C(kCVPixelFormatType_4444YpCbCrA8, YUV, 2),
    C(kCVPixelFormatType_4444YpCbCrA8R, YUV, 2),
    C(kCVPixelFormatType_4444AYpCbCr8, YUV, 2),
    C(kCVPixelFormatType_4444AYpCbCr16, YUV, 1),
    C(kCVPixelFormatType_444YpCbCr8, YUV, 2),
    C(kCVPixelFormatType_422YpCbCr16, YUV, 1),
    C(kCVPixelFormatType_422YpCbCr10, YUV, 1),
    C(kCVPixelFormatType_444YpCbCr10, YUV, 1),
    C(kCVPixelFormatType_420YpCbCr8Planar, YUV, 2),
    C(kCVPixelFormatType_420YpCbCr8PlanarFullRange, YUV, 2),
    C(kCVPixelFormatType_422YpCbCr_4A_8BiPlanar, YUV, 2),
    C(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, YUV, 2),
    C(kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, YUV, 2),
    C(kCVPixelFormatType_422YpCbCr8_yuvs, YUV, 2),
    C(kCVPixelFormatType_422YpCbCr8FullRange, YUV, 2),
    C(kCVPixelFormatType_OneComponent8, GRAY, 0),
    C(kCVPixelFormatType_TwoComponent8, NO, 0),
    C(kCVPixelFormatType_30RGBLEPackedWideGamut, RGB, 1),
    C(kCVPixelFormatType_ARGB2101010LEPacked, RGB, 1),
    C(kCVPixelFormatType_OneComponent16Half, GRAY, 0),
    C(kCVPixelFormatType_OneComponent32Float, GRAY, 0),
    C(kCVPixelFormatType_TwoComponent16Half, NO, 0),
    C(kCVPixelFormatType_TwoComponent32Float, NO, 0),
    C(kCVPixelFormatType_64RGBAHalf, RGB, 0),
    C(kCVPixelFormatType_128RGBAFloat, RGB, 0),
    C(kCVPixelFormatType_14Bayer_GRBG, NO, 0),
    C(kCVPixelFormatType_14Bayer_RGGB, NO, 0),
    C(kCVPixelFormatType_14Bayer_BGGR, NO, 0),
    C(kCVPixelFormatType_14Bayer_GBRG, NO, 0),
    C(kCVPixelFormatType_DisparityFloat16, NO, 0),
    C(kCVPixelFormatType_DisparityFloat32, NO, 0),
    C(kCVPixelFormatType_DepthFloat16, NO, 0),
    C(kCVPixelFormatType_DepthFloat32, NO, 0),
    C(kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange, YUV, 1),
    C(kCVPixelFormatType_420YpCbCr10BiPlanarFullRange, YUV, 1),
    C(kCVPixelFormatType_422YpCbCr10BiPlanarVideoRange, YUV, 1),
    C(kCVPixelFormatType_422YpCbCr10BiPlanarFullRange, YUV, 1),
    C(kCVPixelFormatType_444YpCbCr10BiPlanarVideoRange, YUV, 1),
    C(kCVPixelFormatType_444YpCbCr10BiPlanarFullRange, YUV, 1),
    C(kCVPixelFormatType_64RGBALE, RGB, 0),
};

static const vImage_ARGBToYpCbCrMatrix k709 = {0.2126f, 0.7152f, 0.0722f, -0.114572f,
                                               -0.385428f, 0.5f, -0.454153f, -0.045847f};

static int within(int a, int b, int tol) { return abs(a - b) <= tol; }

static void round_trip(const struct format_case *c, CGColorSpaceRef rgb, CGColorSpaceRef gray) {
    int is_gray = c->kind == GRAY;
    CGColorSpaceRef cv_space = is_gray ? gray : rgb;
    vImageCVImageFormatRef f =
        vImageCVImageFormat_Create(c->type, &k709, kCVImageBufferChromaLocation_Center,
                                   c->kind == NO ? NULL : cv_space, 0);
    if (f == NULL) fprintf(stderr, "no vImageCVImageFormat for %s\n", c->name);
    CHECK(f != NULL);
    if (f == NULL) return;
    CHECK_EQ_LONG(vImageCVImageFormat_GetFormatCode(f), c->type);

    /* RGB on the CG side also for gray formats: they convert by luma. */
    vImage_CGImageFormat argb = {8, 32, rgb, kCGImageAlphaNoneSkipFirst, 0, NULL,
                                 kCGRenderingIntentDefault};
    vImage_Error err = 0;
    vImageConverterRef conv = vImageConverter_CreateForCGToCVImageFormat(&argb, f, NULL, 0, &err);
    if (c->kind == NO) {
        CHECK(conv == NULL);
        if (err != kvImageUnsupportedConversion) fprintf(stderr, "%s: %ld\n", c->name, (long)err);
        CHECK_EQ_LONG(err, kvImageUnsupportedConversion);
        vImageCVImageFormat_Release(f);
        return;
    }
    if (conv == NULL) fprintf(stderr, "%s: converter error %ld\n", c->name, (long)err);
    CHECK(conv != NULL);
    vImageConverter_Release(conv);

    uint8_t colour[4] = {255, 200, 50, 100};
    if (is_gray) colour[1] = colour[2] = colour[3] = 90;
    vImage_Buffer src;
    vImageBuffer_Init(&src, H, W, 32, 0);
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++) memcpy((uint8_t *)src.data + y * src.rowBytes + x * 4, colour, 4);
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, W, H, c->type, NULL, &pb) == kCVReturnSuccess);
    vImage_Error e1 = vImageBuffer_CopyToCVPixelBuffer(&src, &argb, pb, f, NULL, 0);
    vImage_Buffer back = {0};
    vImage_Error e2 = vImageBuffer_InitWithCVPixelBuffer(&back, &argb, pb, f, NULL, 0);
    if (e1 || e2) fprintf(stderr, "%s: %ld %ld\n", c->name, (long)e1, (long)e2);
    CHECK(e1 == kvImageNoError && e2 == kvImageNoError);
    if (back.data) {
        int ok = 1;
        for (size_t y = 0; y < H; y++)
            for (size_t x = 0; x < W; x++) {
                const uint8_t *p = (const uint8_t *)back.data + y * back.rowBytes + x * 4;
                ok &= p[0] == 255;
                for (int k = 1; k < 4; k++) ok &= within(p[k], colour[k], c->tolerance);
            }
        if (!ok) {
            const uint8_t *p = back.data;
            fprintf(stderr, "%s: got %d %d %d %d\n", c->name, p[0], p[1], p[2], p[3]);
        }
        CHECK(ok);
        free(back.data);
    }
    free(src.data);
    CVPixelBufferRelease(pb);
    vImageCVImageFormat_Release(f);
}

int main(void) {
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    CGColorSpaceRef gray = CGColorSpaceCreateDeviceGray();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) round_trip(&cases[i], rgb, gray);
    CGColorSpaceRelease(rgb);
    CGColorSpaceRelease(gray);
    return pp_finish("vimage_cv_formats");
}
