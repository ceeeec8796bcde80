/* vImageBuffer_Init / vImageBuffer_GetSize and the vImage_CGImageFormat
 * helpers: the rowBytes rule (width 10 at 8 bits → 16, the documented
 * example), malloc-compatible memory, kvImageNoAllocate's alignment, errors
 * with nothing written; component counts and format equality. */
#include <Accelerate/Accelerate.h>

#include <math.h>

#include "pp_test.h"

static void init_and_size(void) {
    vImage_Buffer b;
    CHECK_EQ_LONG(vImageBuffer_Init(&b, 7, 10, 8, kvImageNoFlags), kvImageNoError);
    CHECK_EQ_LONG(b.rowBytes, 16);
    CHECK_EQ_LONG(b.width, 10);
    CHECK_EQ_LONG(b.height, 7);
    CHECK(b.data != NULL && ((uintptr_t)b.data % 16) == 0);
    memset(b.data, 1, b.rowBytes * b.height); /* all of it is ours */
    free(b.data);

    CHECK_EQ_LONG(vImageBuffer_Init(&b, 3, 17, 32, kvImageNoFlags), kvImageNoError);
    CHECK_EQ_LONG(b.rowBytes, 80); /* 68 → 80 */
    free(b.data);
    CHECK_EQ_LONG(vImageBuffer_Init(&b, 3, 9, 1, kvImageNoFlags), kvImageNoError);
    CHECK_EQ_LONG(b.rowBytes, 16); /* 2 bytes of 1-bit pixels, rounded */
    free(b.data);
    CHECK_EQ_LONG(vImageBuffer_Init(&b, 0, 0, 32, kvImageNoFlags), kvImageNoError);
    CHECK(b.data != NULL);
    free(b.data);

    vImage_Error align = vImageBuffer_Init(&b, 5, 33, 24, kvImageNoAllocate);
    CHECK(align > 0 && (align & (align - 1)) == 0);
    CHECK(b.data == NULL && b.rowBytes == 112 && b.width == 33 && b.height == 5);

    vImage_Buffer keep = {(void *)0x10, 1, 2, 3};
    CHECK_EQ_LONG(vImageBuffer_Init(&keep, 1, 1, 0, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageBuffer_Init(&keep, 1, 1, 8, kvImageEdgeExtend), kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageBuffer_Init(&keep, (vImagePixelCount)-1, (vImagePixelCount)-1, 32, 0),
                  kvImageInvalidParameter);
    CHECK(keep.data == (void *)0x10 && keep.height == 1 && keep.width == 2 && keep.rowBytes == 3);
    CHECK_EQ_LONG(vImageBuffer_Init(NULL, 1, 1, 8, 0), kvImageNullPointerArgument);

    vImage_Buffer s = {NULL, 480, 640, 2560};
    CGSize size = vImageBuffer_GetSize(&s);
    CHECK(size.width == 640.0 && size.height == 480.0);
    s.width = (vImagePixelCount)-1;
    size = vImageBuffer_GetSize(&s);
    CHECK(size.width <= 18446744073709551615.0 && size.width > 1e19);
}

static void cg_helpers(void) {
    CGColorSpaceRef gray = CGColorSpaceCreateDeviceGray();
    vImage_CGImageFormat argb = {8, 32, NULL, kCGImageAlphaFirst, 0, NULL,
                                 kCGRenderingIntentDefault};
    CHECK_EQ_LONG(vImageCGImageFormat_GetComponentCount(&argb), 4);
    vImage_CGImageFormat g = {8, 8, gray, kCGImageAlphaNone, 0, NULL, kCGRenderingIntentDefault};
    CHECK_EQ_LONG(vImageCGImageFormat_GetComponentCount(&g), 1);
    CHECK_EQ_LONG(vImageCGImageFormat_GetComponentCount(NULL), 0);

    CGColorSpaceRef srgb = CGColorSpaceCreateWithName(kCGColorSpaceSRGB);
    vImage_CGImageFormat argb2 = argb;
    argb2.colorSpace = srgb;
    CHECK(vImageCGImageFormat_IsEqual(&argb, &argb)); /* NULL space = sRGB */
    CHECK(vImageCGImageFormat_IsEqual(&argb, &argb2));
    argb2.bitmapInfo = kCGImageAlphaPremultipliedFirst;
    CHECK(!vImageCGImageFormat_IsEqual(&argb, &argb2));
    CHECK(!vImageCGImageFormat_IsEqual(&argb, &g));
    CHECK(!vImageCGImageFormat_IsEqual(&argb, NULL));
    CGColorSpaceRelease(srgb);
    CGColorSpaceRelease(gray);
}

/* vImageCreate…ColorSpace…: the documented BT.709 example values give the
 * ITU-R 709 space; bad curves and primaries fail; ColorSync is absent. */
static void color_spaces(void) {
    vImageRGBPrimaries p709 = {0.64f, 0.30f, 0.15f, 0.3127f, 0.33f, 0.60f, 0.06f, 0.3290f};
    vImageTransferFunction bt709 = {1.099, 1.0, 0.0, -0.099, 0.45, 0.018, 4.5, 0};
    vImage_Error err = 1;
    CGColorSpaceRef s = vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction(
        &p709, &bt709, kCGRenderingIntentDefault, kvImageNoFlags, &err);
    CHECK(s != NULL && err == kvImageNoError);
    CGColorSpaceRef named = CGColorSpaceCreateWithName(kCGColorSpaceITUR_709);
    CHECK(CFEqual(s, named));
    CHECK(CGColorSpaceGetModel(s) == kCGColorSpaceModelRGB);
    CGColorSpaceRelease(named);
    CGColorSpaceRelease(s);

    vImageTransferFunction bad = bt709;
    bad.gamma = 0;
    CHECK(vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction(&p709, &bad, 0, 0, &err) ==
          NULL);
    CHECK_EQ_LONG(err, kvImageInvalidParameter);
    vImageRGBPrimaries flat = p709;
    flat.green_x = flat.red_x;
    flat.green_y = flat.red_y;
    CHECK(vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction(&flat, &bt709, 0, 0, NULL) ==
          NULL);
    CHECK(vImageCreateRGBColorSpaceWithPrimariesAndTransferFunction(NULL, &bt709, 0, 0, &err) ==
          NULL);
    CHECK_EQ_LONG(err, kvImageNullPointerArgument);

    vImageWhitePoint d65 = {0.3127f, 0.3290f};
    vImageTransferFunction g22 = {1, 1, 0, 0, 1 / 2.2, -INFINITY, 1, 0};
    CGColorSpaceRef g = vImageCreateMonochromeColorSpaceWithWhitePointAndTransferFunction(
        &d65, &g22, 0, 0, &err);
    CHECK(g != NULL && CGColorSpaceGetModel(g) == kCGColorSpaceModelMonochrome);
    CGColorSpaceRelease(g);

    vImage_CGImageFormat f = {8, 32, NULL, kCGImageAlphaFirst, 0, NULL, 0};
    CHECK(vImageConverter_CreateWithColorSyncCodeFragment(NULL, &f, &f, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageColorSyncIsAbsent);
}

int main(void) {
    init_and_size();
    cg_helpers();
    color_spaces();
    return pp_finish("vimage_buffer_init");
}
