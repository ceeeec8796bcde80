/* Apple's "Core Video interoperability" article, ported to C: the
 * CIImageProcessorKernel bodies that reflect a BGRA pixel buffer vertically,
 * (1) with copies (vImageBuffer_InitWithCVPixelBuffer → vImageBuffer_Init →
 * vImageVerticalReflect_ARGB8888 → vImageBuffer_CopyToCVPixelBuffer → free)
 * and (2) without copies (converters, lock, InitForCopyFrom/ToCVPixelBuffer
 * aliasing the planes, reflect in place between them), plus the same
 * no-copy path run through vImageConvert_AnyToAny. The output is compared
 * pixel for pixel with a reflect computed here. */
#include <Accelerate/Accelerate.h>
#include <CoreVideo/CoreVideo.h>

#include "pp_test.h"

enum { W = 37, H = 23 };

/* The article's formats: RGBX (noneSkipLast) on DeviceRGB, and 'BGRA'
 * with the alpha-is-opaque hint. */
static vImage_CGImageFormat cg_format(CGColorSpaceRef rgb) {
    vImage_CGImageFormat f = {
        .bitsPerComponent = 8,
        .bitsPerPixel = 32,
        .colorSpace = rgb,
        .bitmapInfo = (CGBitmapInfo)kCGImageAlphaNoneSkipLast,
        .version = 0,
        .decode = NULL,
        .renderingIntent = kCGRenderingIntentDefault,
    };
    return f;
}

static uint8_t pattern(size_t x, size_t y, size_t c) {
    return c == 3 ? 255 : (uint8_t)(x * 7 + y * 13 + c * 59 + 1);
}

static CVPixelBufferRef make_input(void) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_32BGRA, NULL, &pb) ==
          kCVReturnSuccess);
    CVPixelBufferLockBaseAddress(pb, 0);
    uint8_t *base = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++)
            for (size_t c = 0; c < 4; c++) base[y * bpr + x * 4 + c] = pattern(x, y, c);
    CVPixelBufferUnlockBaseAddress(pb, 0);
    return pb;
}

static CVPixelBufferRef make_output(void) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_32BGRA, NULL, &pb) ==
          kCVReturnSuccess);
    CVPixelBufferLockBaseAddress(pb, 0);
    memset(CVPixelBufferGetBaseAddress(pb), 0xEE, CVPixelBufferGetDataSize(pb));
    CVPixelBufferUnlockBaseAddress(pb, 0);
    return pb;
}

/* Output row y must be input row H-1-y, byte for byte. */
static int is_reflection(CVPixelBufferRef in, CVPixelBufferRef out) {
    CVPixelBufferLockBaseAddress(in, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferLockBaseAddress(out, kCVPixelBufferLock_ReadOnly);
    const uint8_t *a = CVPixelBufferGetBaseAddress(in);
    const uint8_t *b = CVPixelBufferGetBaseAddress(out);
    size_t abpr = CVPixelBufferGetBytesPerRow(in), bbpr = CVPixelBufferGetBytesPerRow(out);
    int ok = 1;
    for (size_t y = 0; y < H && ok; y++)
        ok = memcmp(b + y * bbpr, a + (H - 1 - y) * abpr, W * 4) == 0;
    CVPixelBufferUnlockBaseAddress(in, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferUnlockBaseAddress(out, kCVPixelBufferLock_ReadOnly);
    return ok;
}

/* VerticalReflectImageProcessorKernelCopy.process */
static void reflect_with_copy(CGColorSpaceRef rgb) {
    vImage_CGImageFormat cgImageFormat = cg_format(rgb);
    vImageCVImageFormatRef cvImageFormat =
        vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, NULL, rgb, 1);
    CHECK(cvImageFormat != NULL);
    CVPixelBufferRef inputPixelBuffer = make_input();
    CVPixelBufferRef outputPixelBuffer = make_output();

    vImage_Buffer sourceBuffer;
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&sourceBuffer, &cgImageFormat,
                                                     inputPixelBuffer, cvImageFormat, NULL,
                                                     kvImageNoFlags),
                  kvImageNoError);
    CHECK_EQ_LONG(sourceBuffer.width, W);
    CHECK_EQ_LONG(sourceBuffer.height, H);
    /* The copy is RGBX: R, G, B from BGRA's bytes 2, 1, 0; X opaque. */
    const uint8_t *s = sourceBuffer.data;
    int rgbx = 1;
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++) {
            const uint8_t *p = s + y * sourceBuffer.rowBytes + x * 4;
            rgbx &= p[0] == pattern(x, y, 2) && p[1] == pattern(x, y, 1) &&
                    p[2] == pattern(x, y, 0) && p[3] == 255;
        }
    CHECK(rgbx);

    vImage_Buffer destinationBuffer;
    CHECK_EQ_LONG(vImageBuffer_Init(&destinationBuffer, sourceBuffer.height, sourceBuffer.width,
                                    cgImageFormat.bitsPerPixel, kvImageNoFlags),
                  kvImageNoError);
    CHECK_EQ_LONG(vImageVerticalReflect_ARGB8888(&sourceBuffer, &destinationBuffer,
                                                 kvImageNoFlags),
                  kvImageNoError);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&destinationBuffer, &cgImageFormat,
                                                   outputPixelBuffer, cvImageFormat, NULL,
                                                   kvImageNoFlags),
                  kvImageNoError);
    free(sourceBuffer.data);
    free(destinationBuffer.data);

    CHECK(is_reflection(inputPixelBuffer, outputPixelBuffer));
    CVPixelBufferRelease(inputPixelBuffer);
    CVPixelBufferRelease(outputPixelBuffer);
    vImageCVImageFormat_Release(cvImageFormat);
}

/* VerticalReflectImageProcessorKernelNoCopy.process; with `any_to_any`
 * the pixels also travel through vImageConvert_AnyToAny into and out of
 * an RGBX buffer. */
static void reflect_without_copy(CGColorSpaceRef rgb, int any_to_any) {
    vImage_CGImageFormat cgImageFormat = cg_format(rgb);
    vImageCVImageFormatRef cvImageFormat =
        vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, NULL, rgb, 1);
    vImage_Error err = 1;
    vImageConverterRef converterCVtoCG = vImageConverter_CreateForCVToCGImageFormat(
        cvImageFormat, &cgImageFormat, NULL, kvImageNoFlags, &err);
    CHECK(converterCVtoCG != NULL);
    CHECK_EQ_LONG(err, kvImageNoError);
    err = 1;
    vImageConverterRef converterCGtoCV = vImageConverter_CreateForCGToCVImageFormat(
        &cgImageFormat, cvImageFormat, NULL, kvImageNoFlags, &err);
    CHECK(converterCGtoCV != NULL);
    CHECK_EQ_LONG(err, kvImageNoError);
    CHECK_EQ_LONG(vImageConverter_GetNumberOfSourceBuffers(converterCVtoCG), 1);
    CHECK_EQ_LONG(vImageConverter_GetSourceBufferOrder(converterCVtoCG)[0],
                  kvImageBufferTypeCode_CGFormat);

    CVPixelBufferRef inputPixelBuffer = make_input();
    CVPixelBufferRef outputPixelBuffer = make_output();
    CVPixelBufferLockBaseAddress(inputPixelBuffer, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferLockBaseAddress(outputPixelBuffer, 0);

    vImage_Buffer sourceBuffer;
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(&sourceBuffer, converterCVtoCG,
                                                            inputPixelBuffer, kvImageNoAllocate),
                  kvImageNoError);
    vImage_Buffer destinationBuffer;
    CHECK_EQ_LONG(vImageBuffer_InitForCopyToCVPixelBuffer(&destinationBuffer, converterCGtoCV,
                                                          outputPixelBuffer, kvImageNoAllocate),
                  kvImageNoError);
    CHECK(CVPixelBufferGetBaseAddress(inputPixelBuffer) == sourceBuffer.data);
    CHECK(CVPixelBufferGetBaseAddress(outputPixelBuffer) == destinationBuffer.data);
    CHECK_EQ_LONG(sourceBuffer.rowBytes, CVPixelBufferGetBytesPerRow(inputPixelBuffer));
    CHECK_EQ_LONG(destinationBuffer.width, W);

    if (!any_to_any) {
        CHECK_EQ_LONG(vImageVerticalReflect_ARGB8888(&sourceBuffer, &destinationBuffer,
                                                     kvImageNoFlags),
                      kvImageNoError);
    } else {
        vImage_Buffer rgbx, flipped;
        CHECK_EQ_LONG(vImageBuffer_Init(&rgbx, H, W, 32, kvImageNoFlags), kvImageNoError);
        CHECK_EQ_LONG(vImageBuffer_Init(&flipped, H, W, 32, kvImageNoFlags), kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_AnyToAny(converterCVtoCG, &sourceBuffer, &rgbx, NULL,
                                             kvImageNoFlags),
                      kvImageNoError);
        CHECK_EQ_LONG(vImageVerticalReflect_ARGB8888(&rgbx, &flipped, kvImageNoFlags),
                      kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_AnyToAny(converterCGtoCV, &flipped, &destinationBuffer, NULL,
                                             kvImageNoFlags),
                      kvImageNoError);
        free(rgbx.data);
        free(flipped.data);
    }

    CVPixelBufferUnlockBaseAddress(inputPixelBuffer, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferUnlockBaseAddress(outputPixelBuffer, 0);
    CHECK(is_reflection(inputPixelBuffer, outputPixelBuffer));

    CVPixelBufferRelease(inputPixelBuffer);
    CVPixelBufferRelease(outputPixelBuffer);
    vImageConverter_Release(converterCVtoCG);
    vImageConverter_Release(converterCGtoCV);
    vImageCVImageFormat_Release(cvImageFormat);
}

int main(void) {
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    reflect_with_copy(rgb);
    reflect_without_copy(rgb, 0);
    reflect_without_copy(rgb, 1);
    CGColorSpaceRelease(rgb);
    return pp_finish("vimage_cv_examples");
}
