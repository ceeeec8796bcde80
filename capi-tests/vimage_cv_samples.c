/* The Core Video parts of Apple's other vImage sample articles
 * (vimage-ops.md §12), in C:
 * - "Applying vImage operations to video sample buffers": a '420v' frame,
 *   CreateWithCVPixelBuffer, repair a missing colour space (DeviceRGB) and
 *   siting (Center), a CV → CG converter to 8 bpc / 24 bpp RGB,
 *   InitForCopyFromCVPixelBuffer + AnyToAny;
 * - "Using vImage pixel buffers to generate video effects": '2vuy' with the
 *   BT.601 matrix into 32-bit float RGB (96 bpp, no alpha, host order);
 * - "Integrating vImage pixel buffers into a Core Image workflow": a BGRA
 *   buffer into 8 bpc RGBA (alpha last) with a NULL (sRGB) colour space.
 * Results against references computed here (±1 for 8-bit, 1/255 + 1e-3
 * for float). */
#include <Accelerate/Accelerate.h>
#include <CoreVideo/CoreVideo.h>
#include <math.h>

#include "pp_test.h"

static const vImage_ARGBToYpCbCrMatrix k601 = {0.299f, 0.587f, 0.114f, -0.168736f,
                                               -0.331264f, 0.5f, -0.418688f, -0.081312f};

/* BT.601 / BT.709 video-range Y'CbCr → R'G'B' in [0, 1]. */
static void to_rgb(double kr, double kb, int y, int cb, int cr, double out[3]) {
    double l = (y - 16) / 219.0, pb = (cb - 128) / 224.0, pr = (cr - 128) / 224.0;
    double kg = 1 - kr - kb;
    double r = l + 2 * (1 - kr) * pr;
    double b = l + 2 * (1 - kb) * pb;
    double g = (l - kr * r - kb * b) / kg;
    out[0] = r < 0 ? 0 : r > 1 ? 1 : r;
    out[1] = g < 0 ? 0 : g > 1 ? 1 : g;
    out[2] = b < 0 ? 0 : b > 1 ? 1 : b;
}

static void video_sample_buffers(void) {
    enum { W = 8, H = 4, Y = 120, CB = 100, CR = 150 };
    CVPixelBufferRef pb = NULL;
    CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, NULL, &pb);
    CVBufferSetAttachment(pb, kCVImageBufferYCbCrMatrixKey, kCVImageBufferYCbCrMatrix_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    CVPixelBufferLockBaseAddress(pb, 0);
    memset(CVPixelBufferGetBaseAddressOfPlane(pb, 0), Y,
           CVPixelBufferGetBytesPerRowOfPlane(pb, 0) * H);
    uint8_t *uv = CVPixelBufferGetBaseAddressOfPlane(pb, 1);
    for (size_t i = 0; i < CVPixelBufferGetBytesPerRowOfPlane(pb, 1) * H / 2; i += 2) {
        uv[i] = CB;
        uv[i + 1] = CR;
    }

    vImageCVImageFormatRef f = vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    if (!vImageCVImageFormat_GetColorSpace(f)) vImageCVImageFormat_SetColorSpace(f, rgb);
    if (!vImageCVImageFormat_GetChromaSiting(f))
        vImageCVImageFormat_SetChromaSiting(f, kCVImageBufferChromaLocation_Center);
    vImage_CGImageFormat rgb888 = {8, 24, rgb, kCGImageAlphaNone, 0, NULL,
                                   kCGRenderingIntentDefault};
    vImage_Error err;
    vImageConverterRef conv = vImageConverter_CreateForCVToCGImageFormat(f, &rgb888, NULL,
                                                                         kvImageNoFlags, &err);
    CHECK(conv != NULL && err == kvImageNoError);
    unsigned long n = vImageConverter_GetNumberOfSourceBuffers(conv);
    CHECK_EQ_LONG(n, 2);
    const vImageBufferTypeCode *order = vImageConverter_GetSourceBufferOrder(conv);
    CHECK(order[0] == kvImageBufferTypeCode_Luminance && order[1] == kvImageBufferTypeCode_Chroma);
    vImage_Buffer src[2];
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(src, conv, pb, kvImageNoAllocate),
                  kvImageNoError);
    vImage_Buffer dst;
    vImageBuffer_Init(&dst, H, W, 24, kvImageNoFlags);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, src, &dst, NULL, kvImageNoFlags), kvImageNoError);
    CVPixelBufferUnlockBaseAddress(pb, 0);
    double want[3];
    to_rgb(0.2126, 0.0722, Y, CB, CR, want);
    int ok = 1;
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++)
            for (int c = 0; c < 3; c++)
                ok &= fabs(((uint8_t *)dst.data)[y * dst.rowBytes + x * 3 + c] - 255 * want[c]) <= 1;
    CHECK(ok);
    free(dst.data);
    vImageConverter_Release(conv);
    vImageCVImageFormat_Release(f);
    CGColorSpaceRelease(rgb);
    CVPixelBufferRelease(pb);
}

static void video_effects(void) {
    enum { W = 6, H = 2 };
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    vImageCVImageFormatRef f = vImageCVImageFormat_Create(
        kCVPixelFormatType_422YpCbCr8, &k601, kCVImageBufferChromaLocation_Center, rgb, 1);
    vImage_CGImageFormat rgbf = {32, 96, rgb,
                                 kCGBitmapFloatComponents | kCGBitmapByteOrder32Host |
                                     kCGImageAlphaNone,
                                 0, NULL, kCGRenderingIntentDefault};
    vImage_Error err;
    vImageConverterRef conv = vImageConverter_CreateForCVToCGImageFormat(f, &rgbf, NULL, 0, &err);
    CHECK(conv != NULL && err == kvImageNoError);
    CVPixelBufferRef pb = NULL;
    CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_422YpCbCr8, NULL, &pb);
    CVPixelBufferLockBaseAddress(pb, 0);
    uint8_t *p = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    for (size_t y = 0; y < H; y++)
        for (size_t i = 0; i < W / 2; i++) {
            uint8_t *q = p + y * bpr + i * 4; /* Cb Y'0 Cr Y'1 */
            q[0] = 90;
            q[1] = 60;
            q[2] = 200;
            q[3] = 60;
        }
    vImage_Buffer src;
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(&src, conv, pb, kvImageNoAllocate),
                  kvImageNoError);
    CHECK(src.data == p);
    vImage_Buffer dst;
    vImageBuffer_Init(&dst, H, W, 96, kvImageNoFlags);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, &src, &dst, NULL, kvImageNoFlags), kvImageNoError);
    CVPixelBufferUnlockBaseAddress(pb, 0);
    double want[3];
    to_rgb(0.299, 0.114, 60, 90, 200, want);
    int ok = 1;
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++)
            for (int c = 0; c < 3; c++) {
                float v = ((float *)((uint8_t *)dst.data + y * dst.rowBytes))[x * 3 + c];
                ok &= fabs(v - want[c]) <= 1.0 / 255 + 1e-3;
            }
    CHECK(ok);
    free(dst.data);
    CVPixelBufferRelease(pb);
    vImageConverter_Release(conv);
    vImageCVImageFormat_Release(f);
    CGColorSpaceRelease(rgb);
}

static void core_image_workflow(void) {
    enum { W = 3, H = 3 };
    CVPixelBufferRef pb = NULL;
    CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_32BGRA, NULL, &pb);
    CVPixelBufferLockBaseAddress(pb, 0);
    uint8_t *p = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++) {
            uint8_t *q = p + y * bpr + x * 4;
            q[0] = (uint8_t)(x * 50);
            q[1] = (uint8_t)(y * 60);
            q[2] = 7;
            q[3] = 255;
        }
    vImageCVImageFormatRef f = vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    CGColorSpaceRef srgb = CGColorSpaceCreateWithName(kCGColorSpaceSRGB);
    if (!vImageCVImageFormat_GetColorSpace(f)) vImageCVImageFormat_SetColorSpace(f, srgb);
    vImage_CGImageFormat rgba = {8, 32, NULL, kCGImageAlphaLast, 0, NULL,
                                 kCGRenderingIntentDefault};
    vImage_Error err;
    vImageConverterRef conv = vImageConverter_CreateForCVToCGImageFormat(f, &rgba, NULL, 0, &err);
    CHECK(conv != NULL && err == kvImageNoError);
    vImage_Buffer src, dst;
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(&src, conv, pb, kvImageNoAllocate),
                  kvImageNoError);
    vImageBuffer_Init(&dst, H, W, 32, 0);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, &src, &dst, NULL, 0), kvImageNoError);
    int ok = 1;
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++) {
            const uint8_t *o = (const uint8_t *)dst.data + y * dst.rowBytes + x * 4;
            const uint8_t *q = p + y * bpr + x * 4;
            ok &= o[0] == q[2] && o[1] == q[1] && o[2] == q[0] && o[3] == 255;
        }
    CHECK(ok);
    CVPixelBufferUnlockBaseAddress(pb, 0);
    free(dst.data);
    vImageConverter_Release(conv);
    vImageCVImageFormat_Release(f);
    CGColorSpaceRelease(srgb);
    CVPixelBufferRelease(pb);
}

int main(void) {
    video_sample_buffers();
    video_effects();
    core_image_workflow();
    return pp_finish("vimage_cv_samples");
}
