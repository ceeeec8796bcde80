/* VTPixelTransferSessionTransferImage through the C API: pixel values
 * against an independent BT.601/BT.709 model written here (tolerance ±1
 * code at 8 bits), attachment rules (behavior-notes §B), error codes. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <math.h>
#include <stdint.h>

#include "pp_cf.h"

static CVPixelBufferRef make(OSType format, size_t w, size_t h) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, w, h, format, NULL, &pb) == kCVReturnSuccess);
    return pb;
}

/* Video-range 8-bit Y'CbCr -> full-range RGB, Kr/Kb given: the textbook
 * formula, independent of pixelport's tables. */
static void model_rgb(double kr, double kb, int y, int cb, int cr, double out[3]) {
    double yn = (y - 16) / 219.0, pb = (cb - 128) / 224.0, pr = (cr - 128) / 224.0;
    double kg = 1.0 - kr - kb;
    double r = yn + 2.0 * (1.0 - kr) * pr;
    double b = yn + 2.0 * (1.0 - kb) * pb;
    double g = (yn - kr * r - kb * b) / kg;
    double v[3] = {r, g, b};
    for (int i = 0; i < 3; i++) {
        double c = v[i] * 255.0;
        out[i] = c < 0 ? 0 : c > 255 ? 255 : c;
    }
}

/* Fills a 420v buffer with one Y'CbCr value everywhere. */
static void fill_420v(CVPixelBufferRef pb, uint8_t y, uint8_t cb, uint8_t cr) {
    CVPixelBufferLockBaseAddress(pb, 0);
    for (size_t p = 0; p < 2; p++) {
        uint8_t *base = CVPixelBufferGetBaseAddressOfPlane(pb, p);
        size_t bpr = CVPixelBufferGetBytesPerRowOfPlane(pb, p);
        for (size_t r = 0; r < CVPixelBufferGetHeightOfPlane(pb, p); r++)
            for (size_t x = 0; x < CVPixelBufferGetWidthOfPlane(pb, p); x++) {
                if (p == 0) base[r * bpr + x] = y;
                else { base[r * bpr + 2 * x] = cb; base[r * bpr + 2 * x + 1] = cr; }
            }
    }
    CVPixelBufferUnlockBaseAddress(pb, 0);
}

static int max_error_bgra(CVPixelBufferRef pb, const double rgb[3]) {
    int worst = 0;
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    uint8_t *base = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    for (size_t r = 0; r < CVPixelBufferGetHeight(pb); r++)
        for (size_t x = 0; x < CVPixelBufferGetWidth(pb); x++) {
            uint8_t *px = base + r * bpr + 4 * x;
            int got[3] = {px[2], px[1], px[0]};
            for (int i = 0; i < 3; i++) {
                int e = abs(got[i] - (int)lround(rgb[i]));
                if (e > worst) worst = e;
            }
            if (px[3] != 255) worst = 1000;
        }
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    return worst;
}

int main(void) {
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s) == noErr);
    const size_t W = 33, H = 17; /* odd sizes on purpose */

    /* 420v -> BGRA with BT.709 and BT.601 tags, several colours. */
    const int samples[][3] = {{16, 128, 128}, {235, 128, 128}, {81, 90, 240}, {145, 54, 34},
                              {41, 240, 110}, {126, 128, 128}, {170, 166, 16}, {106, 202, 222}};
    CFStringRef tags[2] = {kCVImageBufferYCbCrMatrix_ITU_R_709_2, kCVImageBufferYCbCrMatrix_ITU_R_601_4};
    double krs[2] = {0.2126, 0.299}, kbs[2] = {0.0722, 0.114};
    int worst = 0;
    for (int m = 0; m < 2; m++)
        for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
            CVPixelBufferRef src = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, W, H);
            CVPixelBufferRef dst = make(kCVPixelFormatType_32BGRA, W, H);
            fill_420v(src, (uint8_t)samples[i][0], (uint8_t)samples[i][1], (uint8_t)samples[i][2]);
            CVBufferSetAttachment(src, kCVImageBufferYCbCrMatrixKey, tags[m], kCVAttachmentMode_ShouldPropagate);
            CHECK(VTPixelTransferSessionTransferImage(s, src, dst) == noErr);
            double rgb[3];
            model_rgb(krs[m], kbs[m], samples[i][0], samples[i][1], samples[i][2], rgb);
            int e = max_error_bgra(dst, rgb);
            if (e > worst) worst = e;
            CVPixelBufferRelease(src);
            CVPixelBufferRelease(dst);
        }
    printf("420v -> BGRA worst error vs BT.601/709 model: %d code(s)\n", worst);
    CHECK(worst <= 1);

    /* BGRA -> 420v -> BGRA round trip on a flat colour stays within ±1. */
    CVPixelBufferRef bgra = make(kCVPixelFormatType_32BGRA, W, H);
    CVPixelBufferLockBaseAddress(bgra, 0);
    for (size_t r = 0; r < H; r++) {
        uint8_t *row = (uint8_t *)CVPixelBufferGetBaseAddress(bgra) + r * CVPixelBufferGetBytesPerRow(bgra);
        for (size_t x = 0; x < W; x++) { row[4 * x] = 40; row[4 * x + 1] = 160; row[4 * x + 2] = 220; row[4 * x + 3] = 255; }
    }
    CVPixelBufferUnlockBaseAddress(bgra, 0);
    CVPixelBufferRef yuv = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, W, H);
    CVPixelBufferRef back = make(kCVPixelFormatType_32BGRA, W, H);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, kCVImageBufferYCbCrMatrix_ITU_R_709_2) == noErr);
    CHECK(VTPixelTransferSessionTransferImage(s, bgra, yuv) == noErr);
    CFTypeRef tag = CVBufferCopyAttachment(yuv, kCVImageBufferYCbCrMatrixKey, NULL);
    CHECK(tag && CFEqual(tag, kCVImageBufferYCbCrMatrix_ITU_R_709_2));
    if (tag) CFRelease(tag);
    CHECK(VTPixelTransferSessionTransferImage(s, yuv, back) == noErr);
    double expect[3] = {220, 160, 40};
    int rt = max_error_bgra(back, expect);
    printf("BGRA -> 420v -> BGRA round trip worst error: %d\n", rt);
    CHECK(rt <= 1);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, NULL) == noErr);

    /* Attachments: destination's own are removed, unknown source ones are
     * propagated, colour tags are written. */
    CVBufferSetAttachment(back, CFSTR("StaleDestinationKey"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(yuv, CFSTR("CustomSourceKey"), kCFBooleanTrue, kCVAttachmentMode_ShouldNotPropagate);
    CVBufferSetAttachment(yuv, kCVImageBufferColorPrimariesKey, kCVImageBufferColorPrimaries_ITU_R_709_2, kCVAttachmentMode_ShouldPropagate);
    CHECK(VTPixelTransferSessionTransferImage(s, yuv, back) == noErr);
    CHECK(!CVBufferHasAttachment(back, CFSTR("StaleDestinationKey")));
    CVAttachmentMode mode = kCVAttachmentMode_ShouldPropagate;
    CFTypeRef custom = CVBufferCopyAttachment(back, CFSTR("CustomSourceKey"), &mode);
    CHECK(custom == kCFBooleanTrue && mode == kCVAttachmentMode_ShouldNotPropagate);
    if (custom) CFRelease(custom);
    CFTypeRef prim = CVBufferCopyAttachment(back, kCVImageBufferColorPrimariesKey, NULL);
    CHECK(prim && CFEqual(prim, kCVImageBufferColorPrimaries_ITU_R_709_2));
    if (prim) CFRelease(prim);
    /* An RGB destination carries no Y'CbCr matrix tag. */
    CHECK(!CVBufferHasAttachment(back, kCVImageBufferYCbCrMatrixKey));

    /* Same buffer as source and destination: allowed, unchanged pixels. */
    CHECK(VTPixelTransferSessionTransferImage(s, back, back) == noErr);
    CHECK(max_error_bgra(back, expect) <= 1);

    /* Errors. */
    CVPixelBufferRef small = make(kCVPixelFormatType_32BGRA, W - 1, H);
    /* Different sizes scale (vt_scaling.c has the details). */
    CHECK(VTPixelTransferSessionTransferImage(s, bgra, small) == noErr);
    CVPixelBufferRef bayer = make(kCVPixelFormatType_14Bayer_RGGB, W, H);
    CHECK(VTPixelTransferSessionTransferImage(s, bayer, bgra) == kVTPixelTransferNotSupportedErr);
    CHECK(VTPixelTransferSessionTransferImage(s, bgra, bayer) == kVTPixelTransferNotSupportedErr);
    CHECK(VTPixelTransferSessionTransferImage(NULL, bgra, back) == kVTParameterErr);
    CHECK(VTPixelTransferSessionTransferImage(s, NULL, back) == kVTParameterErr);
    CHECK(VTPixelTransferSessionTransferImage(s, bgra, NULL) == kVTParameterErr);
    CHECK(VTPixelTransferSessionTransferImage(s, (CVPixelBufferRef)(void *)kCFBooleanTrue, back) == kVTParameterErr);
    /* Colour matching asked for, source has no primaries/transfer tags. */
    CVPixelBufferRef untagged = make(kCVPixelFormatType_32BGRA, W, H);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationColorPrimaries, kCVImageBufferColorPrimaries_ITU_R_2020) == noErr);
    CHECK(VTPixelTransferSessionTransferImage(s, untagged, back) == kVTInsufficientSourceColorDataErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationColorPrimaries, NULL) == noErr);
    /* The destination is untouched by a failed transfer. */
    CHECK(max_error_bgra(back, expect) <= 1);
    VTPixelTransferSessionInvalidate(s);
    CHECK(VTPixelTransferSessionTransferImage(s, bgra, back) == kVTInvalidSessionErr);

    CVPixelBufferRelease(untagged);
    CVPixelBufferRelease(bayer);
    CVPixelBufferRelease(small);
    CVPixelBufferRelease(bgra);
    CVPixelBufferRelease(yuv);
    CVPixelBufferRelease(back);
    CFRelease(s);
    return pp_finish("vt_transfer");
}
