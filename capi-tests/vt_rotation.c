/* VTPixelRotationSession through the C API: lifecycle, the VTSession
 * property API on a rotation session (string-only rotation values, CFNumber
 * rejected with the old value kept, NULL restores, unknown keys,
 * invalidation), RotateImage pixel mappings on BGRA / 420v / 2vuy against
 * the fact sheet's formulas written here, the size rule, conversion to
 * another format, and the attachment rules. */
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

static CFTypeRef copy_prop(VTPixelRotationSessionRef s, CFStringRef key, OSStatus *status) {
    CFTypeRef value = NULL;
    *status = VTSessionCopyProperty(s, key, kCFAllocatorDefault, &value);
    return value;
}

/* Whether `key` of session `s` currently equals `want`. */
static int prop_is(VTPixelRotationSessionRef s, CFStringRef key, CFTypeRef want) {
    OSStatus st;
    CFTypeRef v = copy_prop(s, key, &st);
    int ok = st == noErr && v != NULL && CFEqual(v, want);
    if (v) CFRelease(v);
    return ok;
}

/* Source pixel of destination (x, y) for a W x H source: the fact sheet's
 * formulas, flips first in destination coordinates. */
static void source_of(int rot, int fh, int fv, size_t x, size_t y, size_t W, size_t H,
                      size_t *sx, size_t *sy) {
    size_t dw = (rot == 90 || rot == 270) ? H : W, dh = (rot == 90 || rot == 270) ? W : H;
    if (fh) x = dw - 1 - x;
    if (fv) y = dh - 1 - y;
    switch (rot) {
    case 90: *sx = y; *sy = H - 1 - x; break;
    case 180: *sx = W - 1 - x; *sy = H - 1 - y; break;
    case 270: *sx = W - 1 - y; *sy = x; break;
    default: *sx = x; *sy = y; break;
    }
}

static CFStringRef rotation_value(int rot) {
    return rot == 90 ? kVTRotation_CW90 : rot == 180 ? kVTRotation_180 : rot == 270 ? kVTRotation_CCW90 : kVTRotation_0;
}

static void set_orientation(VTPixelRotationSessionRef s, int rot, int fh, int fv) {
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_Rotation, rotation_value(rot)) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_FlipHorizontalOrientation,
                               fh ? kCFBooleanTrue : kCFBooleanFalse) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation,
                               fv ? kCFBooleanTrue : kCFBooleanFalse) == noErr);
}

static void fill_pattern(CVPixelBufferRef pb, unsigned seed) {
    CVPixelBufferLockBaseAddress(pb, 0);
    size_t planes = CVPixelBufferGetPlaneCount(pb);
    for (size_t p = 0; p < (planes ? planes : 1); p++) {
        uint8_t *base = planes ? CVPixelBufferGetBaseAddressOfPlane(pb, p) : CVPixelBufferGetBaseAddress(pb);
        size_t bpr = planes ? CVPixelBufferGetBytesPerRowOfPlane(pb, p) : CVPixelBufferGetBytesPerRow(pb);
        size_t h = planes ? CVPixelBufferGetHeightOfPlane(pb, p) : CVPixelBufferGetHeight(pb);
        for (size_t i = 0; i < bpr * h; i++) base[i] = (uint8_t)(i * 31u + seed * 7u + p * 101u);
    }
    CVPixelBufferUnlockBaseAddress(pb, 0);
}

/* Every 4-byte BGRA pixel of dst is the mapped source pixel. */
static int bgra_ok(CVPixelBufferRef src, CVPixelBufferRef dst, int rot, int fh, int fv) {
    size_t W = CVPixelBufferGetWidth(src), H = CVPixelBufferGetHeight(src);
    CVPixelBufferLockBaseAddress(src, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferLockBaseAddress(dst, kCVPixelBufferLock_ReadOnly);
    const uint8_t *s = CVPixelBufferGetBaseAddress(src), *d = CVPixelBufferGetBaseAddress(dst);
    size_t sb = CVPixelBufferGetBytesPerRow(src), db = CVPixelBufferGetBytesPerRow(dst);
    int ok = 1;
    for (size_t y = 0; y < CVPixelBufferGetHeight(dst); y++)
        for (size_t x = 0; x < CVPixelBufferGetWidth(dst); x++) {
            size_t sx, sy;
            source_of(rot, fh, fv, x, y, W, H, &sx, &sy);
            if (memcmp(d + y * db + 4 * x, s + sy * sb + 4 * sx, 4) != 0) ok = 0;
        }
    CVPixelBufferUnlockBaseAddress(dst, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferUnlockBaseAddress(src, kCVPixelBufferLock_ReadOnly);
    return ok;
}

/* 420v: luma per pixel, CbCr pairs per chroma sample at chroma resolution. */
static int yuv420_ok(CVPixelBufferRef src, CVPixelBufferRef dst, int rot, int fh, int fv) {
    int ok = 1;
    CVPixelBufferLockBaseAddress(src, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferLockBaseAddress(dst, kCVPixelBufferLock_ReadOnly);
    for (size_t p = 0; p < 2; p++) {
        size_t n = p ? 2 : 1;
        size_t W = CVPixelBufferGetWidthOfPlane(src, p), H = CVPixelBufferGetHeightOfPlane(src, p);
        const uint8_t *s = CVPixelBufferGetBaseAddressOfPlane(src, p), *d = CVPixelBufferGetBaseAddressOfPlane(dst, p);
        size_t sb = CVPixelBufferGetBytesPerRowOfPlane(src, p), db = CVPixelBufferGetBytesPerRowOfPlane(dst, p);
        for (size_t y = 0; y < CVPixelBufferGetHeightOfPlane(dst, p); y++)
            for (size_t x = 0; x < CVPixelBufferGetWidthOfPlane(dst, p); x++) {
                size_t sx, sy;
                source_of(rot, fh, fv, x, y, W, H, &sx, &sy);
                if (memcmp(d + y * db + n * x, s + sy * sb + n * sx, n) != 0) ok = 0;
            }
    }
    CVPixelBufferUnlockBaseAddress(dst, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferUnlockBaseAddress(src, kCVPixelBufferLock_ReadOnly);
    return ok;
}

static void property_api(void) {
    OSStatus st;
    VTPixelRotationSessionRef s = NULL;
    CHECK(VTPixelRotationSessionCreate(NULL, NULL) == kVTParameterErr);
    CHECK(VTPixelRotationSessionCreate(kCFAllocatorDefault, &s) == noErr && s != NULL);
    CHECK(CFGetTypeID(s) == VTPixelRotationSessionGetTypeID());
    CHECK(VTPixelRotationSessionGetTypeID() != VTPixelTransferSessionGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(s), 1);

    /* Defaults; the rotation comes back as the exported constant. */
    CFTypeRef v = copy_prop(s, kVTPixelRotationPropertyKey_Rotation, &st);
    CHECK(st == noErr && v == kVTRotation_0);
    if (v) CFRelease(v);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_FlipHorizontalOrientation, kCFBooleanFalse));
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, kCFBooleanFalse));

    /* Strings only: a CFNumber or an unknown string is kVTParameterErr and
     * the old value stays (behavior-notes item 23). A literal works. */
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_Rotation, CFSTR("CW90")) == noErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_Rotation, kVTRotation_CW90));
    CFNumberRef ninety = pp_num(90);
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_Rotation, ninety) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_Rotation, CFSTR("90")) == kVTParameterErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_Rotation, kVTRotation_CW90));
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, ninety) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, kCFBooleanTrue) == noErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, kCFBooleanTrue));

    /* Unknown keys, transfer keys on a rotation session, NULL arguments. */
    CHECK(VTSessionSetProperty(s, CFSTR("NoSuchKey"), kCFBooleanTrue) == kVTPropertyNotSupportedErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, kVTScalingMode_Trim) ==
          kVTPropertyNotSupportedErr);
    v = copy_prop(s, CFSTR("NoSuchKey"), &st);
    CHECK(st == kVTPropertyNotSupportedErr && v == NULL);
    CHECK(VTSessionSetProperty(NULL, kVTPixelRotationPropertyKey_Rotation, kVTRotation_0) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, NULL, kVTRotation_0) == kVTParameterErr);
    CHECK(VTSessionCopyProperty(s, kVTPixelRotationPropertyKey_Rotation, NULL, NULL) == kVTParameterErr);

    /* NULL restores the default. */
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, NULL) == noErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_FlipVerticalOrientation, kCFBooleanFalse));
    CHECK(VTSessionSetProperty(s, kVTPixelRotationPropertyKey_Rotation, NULL) == noErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_Rotation, kVTRotation_0));

    /* SetProperties: every pair attempted, the first error returned. */
    const void *keys[3] = {kVTPixelRotationPropertyKey_Rotation, kVTPixelRotationPropertyKey_FlipHorizontalOrientation,
                           kVTPixelRotationPropertyKey_FlipVerticalOrientation};
    const void *values[3] = {kVTRotation_180, kCFBooleanTrue, ninety};
    CFDictionaryRef d = CFDictionaryCreate(NULL, keys, values, 3, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    CHECK(VTSessionSetProperties(s, d) == kVTParameterErr);
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_Rotation, kVTRotation_180));
    CHECK(prop_is(s, kVTPixelRotationPropertyKey_FlipHorizontalOrientation, kCFBooleanTrue));
    CFRelease(d);

    /* Supported properties: the three keys, the rotation an enumeration of four. */
    CFDictionaryRef supported = NULL;
    CHECK(VTSessionCopySupportedPropertyDictionary(s, &supported) == noErr && supported);
    if (supported) {
        CHECK_EQ_LONG(CFDictionaryGetCount(supported), 3);
        CFDictionaryRef r = CFDictionaryGetValue(supported, kVTPixelRotationPropertyKey_Rotation);
        CHECK(r && CFEqual(CFDictionaryGetValue(r, kVTPropertyTypeKey), kVTPropertyType_Enumeration));
        CFArrayRef list = r ? CFDictionaryGetValue(r, kVTPropertySupportedValueListKey) : NULL;
        CHECK(list && CFArrayGetCount(list) == 4);
        CFDictionaryRef f = CFDictionaryGetValue(supported, kVTPixelRotationPropertyKey_FlipHorizontalOrientation);
        CHECK(f && CFEqual(CFDictionaryGetValue(f, kVTPropertyTypeKey), kVTPropertyType_Boolean));
        CFRelease(supported);
    }

    /* Serialisable properties carry over to another session. */
    CFDictionaryRef serial = NULL;
    CHECK(VTSessionCopySerializableProperties(s, NULL, &serial) == noErr && serial);
    VTPixelRotationSessionRef t = NULL;
    CHECK(VTPixelRotationSessionCreate(NULL, &t) == noErr);
    if (serial) {
        CHECK_EQ_LONG(CFDictionaryGetCount(serial), 3);
        CHECK(VTSessionSetProperties(t, serial) == noErr);
        CFRelease(serial);
    }
    CHECK(prop_is(t, kVTPixelRotationPropertyKey_Rotation, kVTRotation_180));
    CHECK(prop_is(t, kVTPixelRotationPropertyKey_FlipHorizontalOrientation, kCFBooleanTrue));

    /* Invalidation: every call is kVTInvalidSessionErr; releasing is still fine. */
    VTPixelRotationSessionInvalidate(t);
    VTPixelRotationSessionInvalidate(NULL);
    CHECK(VTSessionSetProperty(t, kVTPixelRotationPropertyKey_Rotation, kVTRotation_0) == kVTInvalidSessionErr);
    CHECK(VTSessionSetProperty(t, CFSTR("NoSuchKey"), kVTRotation_0) == kVTInvalidSessionErr);
    v = copy_prop(t, kVTPixelRotationPropertyKey_Rotation, &st);
    CHECK(st == kVTInvalidSessionErr && v == NULL);
    CHECK(VTSessionCopySupportedPropertyDictionary(t, &supported) == kVTInvalidSessionErr);
    CVPixelBufferRef a = make(kCVPixelFormatType_32BGRA, 2, 2), b = make(kCVPixelFormatType_32BGRA, 2, 2);
    CHECK(VTPixelRotationSessionRotateImage(t, a, b) == kVTInvalidSessionErr);
    CVPixelBufferRelease(a);
    CVPixelBufferRelease(b);
    CFRelease(t);
    CFRelease(ninety);
    CFRelease(s);
}

static void rotate_images(void) {
    VTPixelRotationSessionRef s = NULL;
    CHECK(VTPixelRotationSessionCreate(NULL, &s) == noErr);
    const int rots[4] = {0, 90, 180, 270};

    /* BGRA 7x5 and 420v 6x4 (plus odd 5x3), all sixteen settings. */
    const OSType formats[2] = {kCVPixelFormatType_32BGRA, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange};
    const size_t sizes[3][2] = {{7, 5}, {6, 4}, {5, 3}};
    for (int f = 0; f < 2; f++)
        for (int z = 0; z < 3; z++)
            for (int r = 0; r < 4; r++)
                for (int flips = 0; flips < 4; flips++) {
                    size_t W = sizes[z][0], H = sizes[z][1];
                    int swap = rots[r] == 90 || rots[r] == 270;
                    CVPixelBufferRef src = make(formats[f], W, H);
                    CVPixelBufferRef dst = make(formats[f], swap ? H : W, swap ? W : H);
                    fill_pattern(src, (unsigned)(r * 4 + flips));
                    set_orientation(s, rots[r], flips & 1, flips >> 1);
                    CHECK(VTPixelRotationSessionRotateImage(s, src, dst) == noErr);
                    if (f == 0) CHECK(bgra_ok(src, dst, rots[r], flips & 1, flips >> 1));
                    else CHECK(yuv420_ok(src, dst, rots[r], flips & 1, flips >> 1));
                    CVPixelBufferRelease(src);
                    CVPixelBufferRelease(dst);
                }

    /* 2vuy (Cb Y0 Cr Y1): 180 is exact per luma and per chroma pair; CW90
     * keeps luma exact and re-pairs the chroma (a constant stays constant). */
    CVPixelBufferRef src = make(kCVPixelFormatType_422YpCbCr8, 4, 2);
    CVPixelBufferLockBaseAddress(src, 0);
    uint8_t *p = CVPixelBufferGetBaseAddress(src);
    size_t sb = CVPixelBufferGetBytesPerRow(src);
    for (size_t y = 0; y < 2; y++)
        for (size_t i = 0; i < 8; i += 4) {
            p[y * sb + i] = 100;                         /* Cb */
            p[y * sb + i + 1] = (uint8_t)(10 * y + i / 2);     /* Y0: luma of pixel x is 10y + x */
            p[y * sb + i + 2] = 200;                     /* Cr */
            p[y * sb + i + 3] = (uint8_t)(10 * y + i / 2 + 1); /* Y1 */
        }
    CVPixelBufferUnlockBaseAddress(src, 0);
    set_orientation(s, 180, 0, 0);
    CVPixelBufferRef half = make(kCVPixelFormatType_422YpCbCr8, 4, 2);
    CHECK(VTPixelRotationSessionRotateImage(s, src, half) == noErr);
    CVPixelBufferLockBaseAddress(half, kCVPixelBufferLock_ReadOnly);
    const uint8_t *h = CVPixelBufferGetBaseAddress(half);
    size_t hb = CVPixelBufferGetBytesPerRow(half);
    /* dst (0,0) = src (3,1): luma 10 + 3 = 13; dst (1,0) = src (2,1). */
    CHECK_EQ_LONG(h[1], 13);
    CHECK_EQ_LONG(h[3], 12);
    CHECK_EQ_LONG(h[hb + 7], 0);
    CHECK_EQ_LONG(h[0], 100);
    CHECK_EQ_LONG(h[2], 200);
    CVPixelBufferUnlockBaseAddress(half, kCVPixelBufferLock_ReadOnly);
    set_orientation(s, 90, 0, 0);
    CVPixelBufferRef cw = make(kCVPixelFormatType_422YpCbCr8, 2, 4);
    CHECK(VTPixelRotationSessionRotateImage(s, src, cw) == noErr);
    CVPixelBufferLockBaseAddress(cw, kCVPixelBufferLock_ReadOnly);
    const uint8_t *c = CVPixelBufferGetBaseAddress(cw);
    size_t cb = CVPixelBufferGetBytesPerRow(cw);
    for (size_t y = 0; y < 4; y++) {
        /* dst (x, y) = src (y, 1 - x). */
        CHECK_EQ_LONG(c[y * cb + 1], 10 * 1 + y);
        CHECK_EQ_LONG(c[y * cb + 3], 10 * 0 + y);
        CHECK_EQ_LONG(c[y * cb + 0], 100);
        CHECK_EQ_LONG(c[y * cb + 2], 200);
    }
    CVPixelBufferUnlockBaseAddress(cw, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferRelease(half);
    CVPixelBufferRelease(cw);
    CVPixelBufferRelease(src);

    /* One buffer as source and destination: read before written. */
    CVPixelBufferRef inplace = make(kCVPixelFormatType_32BGRA, 5, 3), copy = make(kCVPixelFormatType_32BGRA, 5, 3);
    fill_pattern(inplace, 9);
    set_orientation(s, 0, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, inplace, copy) == noErr);
    set_orientation(s, 180, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, inplace, inplace) == noErr);
    CHECK(bgra_ok(copy, inplace, 180, 0, 0));
    CVPixelBufferRelease(inplace);
    CVPixelBufferRelease(copy);

    /* The size rule: 90/270 swapped, 0/180 equal, else kVTParameterErr. */
    CVPixelBufferRef a = make(kCVPixelFormatType_32BGRA, 3, 2), same = make(kCVPixelFormatType_32BGRA, 3, 2),
                     swapped = make(kCVPixelFormatType_32BGRA, 2, 3);
    set_orientation(s, 90, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, a, same) == kVTParameterErr);
    set_orientation(s, 270, 1, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, a, same) == kVTParameterErr);
    CHECK(VTPixelRotationSessionRotateImage(s, a, swapped) == noErr);
    set_orientation(s, 180, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, a, swapped) == kVTParameterErr);
    set_orientation(s, 0, 0, 1);
    CHECK(VTPixelRotationSessionRotateImage(s, a, swapped) == kVTParameterErr);

    /* Bad handles. */
    VTPixelTransferSessionRef transfer = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &transfer) == noErr);
    CHECK(VTPixelRotationSessionRotateImage(NULL, a, same) == kVTParameterErr);
    CHECK(VTPixelRotationSessionRotateImage(s, NULL, same) == kVTParameterErr);
    CHECK(VTPixelRotationSessionRotateImage(s, a, NULL) == kVTParameterErr);
    CHECK(VTPixelRotationSessionRotateImage((VTPixelRotationSessionRef)transfer, a, same) == kVTParameterErr);
    CHECK(VTPixelRotationSessionRotateImage(s, (CVPixelBufferRef)transfer, same) == kVTParameterErr);
    CFRelease(transfer);

    /* Another destination format converts (behavior-notes item 25): BGRA
     * -> 420f, grey stays grey. A format pixelport cannot read is -12914. */
    CVPixelBufferRef grey = make(kCVPixelFormatType_32BGRA, 4, 2);
    CVPixelBufferLockBaseAddress(grey, 0);
    memset(CVPixelBufferGetBaseAddress(grey), 0x80, CVPixelBufferGetBytesPerRow(grey) * 2);
    CVPixelBufferUnlockBaseAddress(grey, 0);
    CVPixelBufferRef yuv = make(kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, 2, 4);
    set_orientation(s, 270, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, grey, yuv) == noErr);
    CVPixelBufferLockBaseAddress(yuv, kCVPixelBufferLock_ReadOnly);
    const uint8_t *uv = CVPixelBufferGetBaseAddressOfPlane(yuv, 1);
    CHECK_EQ_LONG(((const uint8_t *)CVPixelBufferGetBaseAddressOfPlane(yuv, 0))[0], 128);
    CHECK_EQ_LONG(uv[0], 128);
    CHECK_EQ_LONG(uv[1], 128);
    CVPixelBufferUnlockBaseAddress(yuv, kCVPixelBufferLock_ReadOnly);
    CVPixelBufferRef bayer = make(kCVPixelFormatType_14Bayer_RGGB, 2, 4);
    if (bayer) {
        CHECK(VTPixelRotationSessionRotateImage(s, grey, bayer) == kVTPixelRotationNotSupportedErr);
        CVPixelBufferRelease(bayer);
    }
    CVPixelBufferRelease(grey);
    CVPixelBufferRelease(yuv);
    CVPixelBufferRelease(a);
    CVPixelBufferRelease(same);
    CVPixelBufferRelease(swapped);
    CFRelease(s);
}

static CFDictionaryRef pair_dict(CFStringRef k1, double v1, CFStringRef k2, double v2) {
    CFStringRef keys[2] = {k1, k2};
    CFNumberRef values[2] = {CFNumberCreate(NULL, kCFNumberDoubleType, &v1),
                             CFNumberCreate(NULL, kCFNumberDoubleType, &v2)};
    CFDictionaryRef d = CFDictionaryCreate(NULL, (const void **)keys, (const void **)values, 2,
                                           &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFRelease(values[0]);
    CFRelease(values[1]);
    return d;
}

static double number_in(CFDictionaryRef d, CFStringRef key) {
    double v = -999;
    CFNumberRef n = d ? CFDictionaryGetValue(d, key) : NULL;
    if (n) CFNumberGetValue(n, kCFNumberDoubleType, &v);
    return v;
}

static void attachments(void) {
    VTPixelRotationSessionRef s = NULL;
    CHECK(VTPixelRotationSessionCreate(NULL, &s) == noErr);
    CVPixelBufferRef src = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, 8, 4);
    CVPixelBufferRef dst = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, 4, 8);
    /* Clean aperture 6x4 whose centre is 1 px right of the buffer's centre. */
    CFStringRef ca_keys[4] = {kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey,
                              kCVImageBufferCleanApertureHorizontalOffsetKey,
                              kCVImageBufferCleanApertureVerticalOffsetKey};
    double ca_values[4] = {6, 4, 1, 0};
    CFNumberRef ca_numbers[4];
    for (int i = 0; i < 4; i++) ca_numbers[i] = CFNumberCreate(NULL, kCFNumberDoubleType, &ca_values[i]);
    CFDictionaryRef ca = CFDictionaryCreate(NULL, (const void **)ca_keys, (const void **)ca_numbers, 4,
                                            &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    for (int i = 0; i < 4; i++) CFRelease(ca_numbers[i]);
    CFDictionaryRef par = pair_dict(kCVImageBufferPixelAspectRatioHorizontalSpacingKey, 10,
                                    kCVImageBufferPixelAspectRatioVerticalSpacingKey, 11);
    CVBufferSetAttachment(src, kCVImageBufferCleanApertureKey, ca, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(src, kCVImageBufferPixelAspectRatioKey, par, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(src, kCVImageBufferYCbCrMatrixKey, kCVImageBufferYCbCrMatrix_ITU_R_601_4,
                          kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(src, kCVImageBufferFieldCountKey, ca_numbers[0] = pp_num(1),
                          kCVAttachmentMode_ShouldPropagate);
    CFRelease(ca_numbers[0]);
    CVBufferSetAttachment(src, CFSTR("MyKey"), kCFBooleanTrue, kCVAttachmentMode_ShouldNotPropagate);
    CVBufferSetAttachment(dst, CFSTR("Stale"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CFRelease(ca);
    CFRelease(par);

    /* A failing rotation leaves the destination's attachments alone. */
    CHECK(VTPixelRotationSessionRotateImage(s, src, dst) == kVTParameterErr);
    CHECK(CVBufferHasAttachment(dst, CFSTR("Stale")));

    set_orientation(s, 90, 0, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, src, dst) == noErr);
    CHECK(!CVBufferHasAttachment(dst, CFSTR("Stale")));
    CVAttachmentMode mode = kCVAttachmentMode_ShouldPropagate;
    CHECK(CVBufferGetAttachment(dst, CFSTR("MyKey"), &mode) == kCFBooleanTrue);
    CHECK(mode == kCVAttachmentMode_ShouldNotPropagate);
    CFTypeRef m = CVBufferGetAttachment(dst, kCVImageBufferYCbCrMatrixKey, NULL);
    CHECK(m && CFEqual(m, kCVImageBufferYCbCrMatrix_ITU_R_601_4));
    /* Clockwise: width/height swap, "right" becomes "down". */
    CFDictionaryRef rca = CVBufferGetAttachment(dst, kCVImageBufferCleanApertureKey, NULL);
    CHECK(number_in(rca, kCVImageBufferCleanApertureWidthKey) == 4);
    CHECK(number_in(rca, kCVImageBufferCleanApertureHeightKey) == 6);
    CHECK(number_in(rca, kCVImageBufferCleanApertureHorizontalOffsetKey) == 0);
    CHECK(number_in(rca, kCVImageBufferCleanApertureVerticalOffsetKey) == 1);
    CGRect clean = CVImageBufferGetCleanRect(dst);
    CHECK(clean.size.width == 4 && clean.size.height == 6);
    CFDictionaryRef rpar = CVBufferGetAttachment(dst, kCVImageBufferPixelAspectRatioKey, NULL);
    CHECK(number_in(rpar, kCVImageBufferPixelAspectRatioHorizontalSpacingKey) == 11);
    CHECK(number_in(rpar, kCVImageBufferPixelAspectRatioVerticalSpacingKey) == 10);
    CHECK(!CVBufferHasAttachment(dst, kCVImageBufferFieldCountKey));

    /* 180 + horizontal flip = vertical flip: offsets mirror vertically only,
     * field tags survive. */
    CVBufferRef same = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, 8, 4);
    set_orientation(s, 180, 1, 0);
    CHECK(VTPixelRotationSessionRotateImage(s, src, same) == noErr);
    rca = CVBufferGetAttachment(same, kCVImageBufferCleanApertureKey, NULL);
    CHECK(number_in(rca, kCVImageBufferCleanApertureWidthKey) == 6);
    CHECK(number_in(rca, kCVImageBufferCleanApertureHorizontalOffsetKey) == 1);
    CHECK(CVBufferHasAttachment(same, kCVImageBufferFieldCountKey));
    CVPixelBufferRelease(same);
    CVPixelBufferRelease(src);
    CVPixelBufferRelease(dst);
    CFRelease(s);
}

int main(void) {
    property_api();
    rotate_images();
    attachments();
    return pp_finish("vt_rotation");
}
