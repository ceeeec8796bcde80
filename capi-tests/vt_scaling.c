/* VTPixelTransferSessionTransferImage with different sizes, through the C
 * API: each kVTScalingMode_*, the bars' black, destination clean-aperture
 * and pixel-aspect-ratio attachments, RealTime, and the error codes for
 * bad geometry (nothing written). Geometry expectations are hand-computed
 * from the README's rounding rule (edges rounded inwards to the chroma
 * grid). */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <stdint.h>

#include "pp_cf.h"

static CVPixelBufferRef make(OSType format, size_t w, size_t h) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, w, h, format, NULL, &pb) == kCVReturnSuccess);
    return pb;
}

/* BGRA pixel (x, y); colour from `paint`. */
typedef void (*paint_fn)(size_t x, size_t y, size_t w, size_t h, uint8_t bgra[4]);

static void fill_bgra(CVPixelBufferRef pb, paint_fn paint) {
    CVPixelBufferLockBaseAddress(pb, 0);
    size_t w = CVPixelBufferGetWidth(pb), h = CVPixelBufferGetHeight(pb);
    for (size_t y = 0; y < h; y++) {
        uint8_t *row = (uint8_t *)CVPixelBufferGetBaseAddress(pb) + y * CVPixelBufferGetBytesPerRow(pb);
        for (size_t x = 0; x < w; x++) paint(x, y, w, h, row + 4 * x);
    }
    CVPixelBufferUnlockBaseAddress(pb, 0);
}

static void flat(size_t x, size_t y, size_t w, size_t h, uint8_t p[4]) {
    (void)x; (void)y; (void)w; (void)h;
    p[0] = 40; p[1] = 160; p[2] = 220; p[3] = 255;
}

/* Left half red, right half blue. */
static void halves(size_t x, size_t y, size_t w, size_t h, uint8_t p[4]) {
    (void)y; (void)h;
    int left = x < w / 2;
    p[0] = left ? 0 : 255; p[1] = 0; p[2] = left ? 255 : 0; p[3] = 255;
}

/* Four quadrants: top-left green, others gray. */
static void quadrants(size_t x, size_t y, size_t w, size_t h, uint8_t p[4]) {
    int tl = x < w / 2 && y < h / 2;
    p[0] = tl ? 0 : 128; p[1] = tl ? 255 : 128; p[2] = tl ? 0 : 128; p[3] = 255;
}

static const uint8_t *bgra_at(CVPixelBufferRef pb, size_t x, size_t y) {
    return (const uint8_t *)CVPixelBufferGetBaseAddress(pb) + y * CVPixelBufferGetBytesPerRow(pb) + 4 * x;
}

static uint8_t plane_byte(CVPixelBufferRef pb, size_t plane, size_t x, size_t y) {
    return ((const uint8_t *)CVPixelBufferGetBaseAddressOfPlane(pb, plane))[y * CVPixelBufferGetBytesPerRowOfPlane(pb, plane) + x];
}

static CFDictionaryRef dict(CFStringRef k[], double v[], int n) {
    CFTypeRef values[4];
    for (int i = 0; i < n; i++) values[i] = CFNumberCreate(NULL, kCFNumberDoubleType, &v[i]);
    CFDictionaryRef d = CFDictionaryCreate(NULL, (const void **)k, (const void **)values, n,
                                           &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    for (int i = 0; i < n; i++) CFRelease(values[i]);
    return d;
}

static CFDictionaryRef aperture(double w, double h, double dx, double dy) {
    CFStringRef k[4] = {kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey,
                        kCVImageBufferCleanApertureHorizontalOffsetKey, kCVImageBufferCleanApertureVerticalOffsetKey};
    double v[4] = {w, h, dx, dy};
    return dict(k, v, 4);
}

static CFDictionaryRef aspect(double hs, double vs) {
    CFStringRef k[2] = {kCVImageBufferPixelAspectRatioHorizontalSpacingKey, kCVImageBufferPixelAspectRatioVerticalSpacingKey};
    double v[2] = {hs, vs};
    return dict(k, v, 2);
}

/* Value of `key` in the destination's `attachment` dictionary, or -1. */
static double attached(CVPixelBufferRef pb, CFStringRef attachment, CFStringRef key) {
    double v = -1;
    CFTypeRef d = CVBufferCopyAttachment(pb, attachment, NULL);
    if (d && CFGetTypeID(d) == CFDictionaryGetTypeID()) {
        CFNumberRef n = CFDictionaryGetValue((CFDictionaryRef)d, key);
        if (n) CFNumberGetValue(n, kCFNumberDoubleType, &v);
    }
    if (d) CFRelease(d);
    return v;
}

static void set_mode(VTPixelTransferSessionRef s, CFStringRef mode) {
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, mode) == noErr);
}

int main(void) {
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s) == noErr);

    /* Normal: 64x36 BGRA flat -> 31x31 420v: every luma the same. */
    CVPixelBufferRef src = make(kCVPixelFormatType_32BGRA, 64, 36);
    fill_bgra(src, flat);
    CVPixelBufferRef nv12 = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, 31, 31);
    CHECK(VTPixelTransferSessionTransferImage(s, src, nv12) == noErr);
    CVPixelBufferLockBaseAddress(nv12, kCVPixelBufferLock_ReadOnly);
    uint8_t y0 = plane_byte(nv12, 0, 0, 0);
    int flat_ok = 1;
    for (size_t y = 0; y < 31; y++)
        for (size_t x = 0; x < 31; x++) flat_ok &= plane_byte(nv12, 0, x, y) == y0;
    CHECK(flat_ok);
    /* BT.709 luma of (220,160,40): 16 + 219·(0.2126·220 + 0.7152·160 + 0.0722·40)/255 = 156.9 */
    CHECK(y0 == 157);
    CVPixelBufferUnlockBaseAddress(nv12, kCVPixelBufferLock_ReadOnly);

    /* Letterbox 16:9 into 31x31 4:2:0: picture rows 6.78..24.22 round
     * inwards to 8..24; bars Y'=16, Cb=Cr=128. */
    set_mode(s, kVTScalingMode_Letterbox);
    CHECK(VTPixelTransferSessionTransferImage(s, src, nv12) == noErr);
    CVPixelBufferLockBaseAddress(nv12, kCVPixelBufferLock_ReadOnly);
    CHECK(plane_byte(nv12, 0, 15, 7) == 16);
    CHECK(plane_byte(nv12, 0, 15, 8) == y0);
    CHECK(plane_byte(nv12, 0, 15, 23) == y0);
    CHECK(plane_byte(nv12, 0, 15, 24) == 16);
    CHECK(plane_byte(nv12, 0, 30, 30) == 16);
    CHECK(plane_byte(nv12, 1, 0, 0) == 128 && plane_byte(nv12, 1, 1, 0) == 128);
    CHECK(plane_byte(nv12, 1, 0, 12) == 128);
    CHECK(plane_byte(nv12, 1, 0, 4) != 128);
    CVPixelBufferUnlockBaseAddress(nv12, kCVPixelBufferLock_ReadOnly);
    /* No PAR anywhere: 1:1 written; no destination aperture: none. */
    CHECK(attached(nv12, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioHorizontalSpacingKey) == 1);
    CHECK(!CVBufferHasAttachment(nv12, kCVImageBufferCleanApertureKey));

    /* Letterbox into BGRA: bars are opaque black. */
    CVPixelBufferRef box = make(kCVPixelFormatType_32BGRA, 20, 20);
    CHECK(VTPixelTransferSessionTransferImage(s, src, box) == noErr);
    CVPixelBufferLockBaseAddress(box, kCVPixelBufferLock_ReadOnly);
    const uint8_t *bar = bgra_at(box, 3, 1);
    CHECK(bar[0] == 0 && bar[1] == 0 && bar[2] == 0 && bar[3] == 255);
    const uint8_t *mid = bgra_at(box, 10, 10);
    CHECK(mid[0] == 40 && mid[1] == 160 && mid[2] == 220 && mid[3] == 255);
    CVPixelBufferUnlockBaseAddress(box, kCVPixelBufferLock_ReadOnly);

    /* Trim: 40x20 halves into 20x20 keeps the middle 20x20 of the source:
     * columns 10..30, red on the left, blue on the right. */
    set_mode(s, kVTScalingMode_Trim);
    CVPixelBufferRef wide = make(kCVPixelFormatType_32BGRA, 40, 20);
    fill_bgra(wide, halves);
    CHECK(VTPixelTransferSessionTransferImage(s, wide, box) == noErr);
    CVPixelBufferLockBaseAddress(box, kCVPixelBufferLock_ReadOnly);
    CHECK(bgra_at(box, 0, 5)[2] == 255 && bgra_at(box, 0, 5)[0] == 0);
    CHECK(bgra_at(box, 19, 5)[0] == 255 && bgra_at(box, 19, 5)[2] == 0);
    CHECK(bgra_at(box, 5, 5)[2] == 255 && bgra_at(box, 14, 5)[0] == 255);
    CVPixelBufferUnlockBaseAddress(box, kCVPixelBufferLock_ReadOnly);

    /* Crop: a clean aperture on the top-left quadrant (offsets from the
     * centre: -10, -5) scaled onto the whole 8x8 destination. */
    set_mode(s, kVTScalingMode_CropSourceToCleanAperture);
    CVPixelBufferRef quad = make(kCVPixelFormatType_32BGRA, 40, 20);
    fill_bgra(quad, quadrants);
    CFDictionaryRef ca = aperture(20, 10, -10, -5);
    CVBufferSetAttachment(quad, kCVImageBufferCleanApertureKey, ca, kCVAttachmentMode_ShouldPropagate);
    CVPixelBufferRef small = make(kCVPixelFormatType_32BGRA, 8, 8);
    CHECK(VTPixelTransferSessionTransferImage(s, quad, small) == noErr);
    CVPixelBufferLockBaseAddress(small, kCVPixelBufferLock_ReadOnly);
    CHECK(bgra_at(small, 1, 1)[1] == 255 && bgra_at(small, 1, 1)[0] == 0);
    CHECK(bgra_at(small, 4, 3)[1] == 255);
    CVPixelBufferUnlockBaseAddress(small, kCVPixelBufferLock_ReadOnly);
    CHECK(attached(small, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioVerticalSpacingKey) == 1);
    /* With a destination aperture and PAR set, those are attached. */
    CFDictionaryRef dca = aperture(6, 6, 0, 0);
    CFDictionaryRef dpar = aspect(4, 3);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, dca) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationPixelAspectRatio, dpar) == noErr);
    CHECK(VTPixelTransferSessionTransferImage(s, quad, small) == noErr);
    CHECK(attached(small, kCVImageBufferCleanApertureKey, kCVImageBufferCleanApertureWidthKey) == 6);
    CHECK(attached(small, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioHorizontalSpacingKey) == 4);
    CVPixelBufferLockBaseAddress(small, kCVPixelBufferLock_ReadOnly);
    /* Outside the 6x6 destination aperture (1..7): black. */
    CHECK(bgra_at(small, 0, 0)[1] == 0 && bgra_at(small, 0, 0)[3] == 255);
    CHECK(bgra_at(small, 3, 3)[1] == 255);
    CVPixelBufferUnlockBaseAddress(small, kCVPixelBufferLock_ReadOnly);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, NULL) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationPixelAspectRatio, NULL) == noErr);

    /* Normal: CA and PAR rescaled onto the destination. NTSC DV 720x480,
     * CA 704x480, PAR 10:11 -> 360x480: CA 352x480, PAR 10·480·720 :
     * 11·360·480 = 20:11. */
    set_mode(s, kVTScalingMode_Normal);
    CVPixelBufferRef dv = make(kCVPixelFormatType_422YpCbCr8, 720, 480);
    CFDictionaryRef dvca = aperture(704, 480, 0, 0);
    CFDictionaryRef dvpar = aspect(10, 11);
    CVBufferSetAttachment(dv, kCVImageBufferCleanApertureKey, dvca, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(dv, kCVImageBufferPixelAspectRatioKey, dvpar, kCVAttachmentMode_ShouldPropagate);
    CVPixelBufferRef half = make(kCVPixelFormatType_422YpCbCr8, 360, 480);
    CHECK(VTPixelTransferSessionTransferImage(s, dv, half) == noErr);
    CHECK(attached(half, kCVImageBufferCleanApertureKey, kCVImageBufferCleanApertureWidthKey) == 352);
    CHECK(attached(half, kCVImageBufferCleanApertureKey, kCVImageBufferCleanApertureHeightKey) == 480);
    CHECK(attached(half, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioHorizontalSpacingKey) == 20);
    CHECK(attached(half, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioVerticalSpacingKey) == 11);
    /* Letterbox keeps the source PAR when no destination PAR is set. */
    set_mode(s, kVTScalingMode_Letterbox);
    CHECK(VTPixelTransferSessionTransferImage(s, dv, half) == noErr);
    CHECK(attached(half, kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioHorizontalSpacingKey) == 10);

    /* RealTime selects the cheap filter; a flat picture stays flat. */
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_RealTime, kCFBooleanTrue) == noErr);
    set_mode(s, kVTScalingMode_Normal);
    CHECK(VTPixelTransferSessionTransferImage(s, src, box) == noErr);
    CVPixelBufferLockBaseAddress(box, kCVPixelBufferLock_ReadOnly);
    CHECK(bgra_at(box, 19, 19)[1] == 160 && bgra_at(box, 0, 0)[2] == 220);
    CVPixelBufferUnlockBaseAddress(box, kCVPixelBufferLock_ReadOnly);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_RealTime, NULL) == noErr);

    /* Errors: kVTParameterErr, destination untouched. */
    set_mode(s, kVTScalingMode_CropSourceToCleanAperture);
    CVPixelBufferRef probe = make(kCVPixelFormatType_32BGRA, 8, 8);
    fill_bgra(probe, halves);
    CVPixelBufferRef bad = make(kCVPixelFormatType_32BGRA, 16, 16);
    fill_bgra(bad, flat);
    CFStringRef k2[2] = {kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey};
    double v2[2] = {8, 8};
    CFDictionaryRef missing = dict(k2, v2, 2);
    CFDictionaryRef outside = aperture(8, 8, 7, 0);
    CFDictionaryRef negative = aperture(-8, 8, 0, 0);
    CFDictionaryRef nan = aperture(0.0 / 0.0, 8, 0, 0);
    CFDictionaryRef cases[4] = {missing, outside, negative, nan};
    for (int i = 0; i < 4; i++) {
        CVBufferSetAttachment(bad, kCVImageBufferCleanApertureKey, cases[i], kCVAttachmentMode_ShouldPropagate);
        CHECK(VTPixelTransferSessionTransferImage(s, bad, probe) == kVTParameterErr);
    }
    CVBufferRemoveAttachment(bad, kCVImageBufferCleanApertureKey);
    CFDictionaryRef zero = aspect(0, 1);
    CVBufferSetAttachment(bad, kCVImageBufferPixelAspectRatioKey, zero, kCVAttachmentMode_ShouldPropagate);
    set_mode(s, kVTScalingMode_Letterbox);
    CHECK(VTPixelTransferSessionTransferImage(s, bad, probe) == kVTParameterErr);
    CVBufferRemoveAttachment(bad, kCVImageBufferPixelAspectRatioKey);
    CFDictionaryRef big = aperture(8, 8, 1, 0);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, big) == noErr);
    CHECK(VTPixelTransferSessionTransferImage(s, bad, probe) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, NULL) == noErr);
    /* Nothing was written by the failed calls. */
    CVPixelBufferLockBaseAddress(probe, kCVPixelBufferLock_ReadOnly);
    CHECK(bgra_at(probe, 0, 0)[2] == 255 && bgra_at(probe, 7, 7)[0] == 255);
    CVPixelBufferUnlockBaseAddress(probe, kCVPixelBufferLock_ReadOnly);
    CHECK(!CVBufferHasAttachment(probe, kCVImageBufferPixelAspectRatioKey));
    /* A valid transfer after the errors works. */
    CHECK(VTPixelTransferSessionTransferImage(s, bad, probe) == noErr);

    CFRelease(missing); CFRelease(outside); CFRelease(negative); CFRelease(nan);
    CFRelease(zero); CFRelease(big); CFRelease(ca); CFRelease(dca); CFRelease(dpar);
    CFRelease(dvca); CFRelease(dvpar);
    CVPixelBufferRelease(src); CVPixelBufferRelease(nv12); CVPixelBufferRelease(box);
    CVPixelBufferRelease(wide); CVPixelBufferRelease(quad); CVPixelBufferRelease(small);
    CVPixelBufferRelease(dv); CVPixelBufferRelease(half); CVPixelBufferRelease(probe);
    CVPixelBufferRelease(bad);
    VTPixelTransferSessionInvalidate(s);
    CFRelease(s);
    return pp_finish("vt_scaling");
}
