/* CVPixelBuffer: caller memory and its release callbacks, lock rules,
 * getters on NULL / chunky / out-of-range planes, extended pixels and
 * FillExtendedPixels, attribute dictionaries (honoured, refused, ignored),
 * CopyCreationAttributes, CreateResolvedAttributesDictionary,
 * IsCompatibleWithAttributes, descriptions, ownership and bad input, and
 * the fill callback of a registered format. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <pthread.h>
#include <stdint.h>

#include "pp_test.h"

#if defined(__SANITIZE_ADDRESS__)
/* A 4 EiB request must come back as a failure (kCVReturnAllocationFailed)
 * instead of ASan aborting the program. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

/* ---- helpers ---- */

static CFNumberRef num(long v) { return CFNumberCreate(NULL, kCFNumberLongType, &v); }

static long num_value(CFTypeRef n) {
    long v = -1;
    if (n == NULL || CFGetTypeID(n) != CFNumberGetTypeID()) return -999;
    CFNumberGetValue((CFNumberRef)n, kCFNumberLongType, &v);
    return v;
}

/* A CFType dictionary of `n` pairs (+1; keys and values retained). */
static CFDictionaryRef dict(int n, const void **keys, const void **values) {
    return CFDictionaryCreate(NULL, keys, values, n, &kCFTypeDictionaryKeyCallBacks,
                              &kCFTypeDictionaryValueCallBacks);
}

static CFDictionaryRef dict1(CFStringRef key, CFTypeRef value) {
    const void *k[1] = {key};
    const void *v[1] = {value};
    return dict(1, k, v);
}

/* The attribute dictionary {key: number}. */
static CFDictionaryRef num_attr(CFStringRef key, long value) {
    CFNumberRef n = num(value);
    CFDictionaryRef d = dict1(key, n);
    CFRelease(n);
    return d;
}

static char g_text[8192];

static const char *describe(CFTypeRef cf) {
    CFStringRef d = CFCopyDescription(cf);
    g_text[0] = 0;
    if (d) {
        CFStringGetCString(d, g_text, sizeof g_text, kCFStringEncodingUTF8);
        CFRelease(d);
    }
    return g_text;
}

static CVReturn create(size_t w, size_t h, OSType format, CFDictionaryRef attrs, CVPixelBufferRef *out) {
    return CVPixelBufferCreate(kCFAllocatorDefault, w, h, format, attrs, out);
}

/* ---- release callbacks ---- */

typedef struct {
    int calls;
    void *refcon;
    const void *base;
    const void *data;
    size_t data_size;
    size_t planes;
    const void *addresses[3];
} release_log;

static void release_bytes(void *refcon, const void *base) {
    release_log *log = (release_log *)refcon;
    log->calls++;
    log->refcon = refcon;
    log->base = base;
}

static void release_planar(void *refcon, const void *data, size_t data_size, size_t planes,
                           const void *addresses[]) {
    release_log *log = (release_log *)refcon;
    log->calls++;
    log->refcon = refcon;
    log->data = data;
    log->data_size = data_size;
    log->planes = planes;
    for (size_t i = 0; i < planes && i < 3; i++) log->addresses[i] = addresses[i];
}

static void test_create_with_bytes(void) {
    unsigned char *mem = calloc(16, 2);
    release_log log = {0};
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 16,
                                               release_bytes, &log, NULL, &pb),
                  kCVReturnSuccess);
    CHECK(pb != NULL);
    CHECK_EQ_LONG(CFGetRetainCount(pb), 1);
    CHECK(CVPixelBufferGetBaseAddress(pb) == mem);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 16);
    CHECK_EQ_LONG(CVPixelBufferGetDataSize(pb), 32);
    CHECK_EQ_LONG(CVPixelBufferGetWidth(pb), 3);
    CHECK_EQ_LONG(CVPixelBufferGetHeight(pb), 2);
    CHECK(!CVPixelBufferIsPlanar(pb));
    CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(pb), 0);
    /* Writes through the base address are the caller's memory: no copy. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 0), kCVReturnSuccess);
    ((unsigned char *)CVPixelBufferGetBaseAddress(pb))[5] = 77;
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnSuccess);
    CHECK(mem[5] == 77);
    /* The callback runs at the last release, exactly once. */
    CFRetain(pb);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(log.calls, 0);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(log.calls, 1);
    CHECK(log.refcon == &log);
    CHECK(log.base == mem);

    /* A NULL callback is fine; the caller frees its own memory. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 12, NULL,
                                               NULL, NULL, &pb),
                  kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 12);
    CVBufferRelease(pb);

    /* Failures never call the callback and leave the out pointer alone. */
    release_log none = {0};
    CVPixelBufferRef untouched = (CVPixelBufferRef)0x1;
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 11,
                                               release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, NULL, 16,
                                               release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 16,
                                               release_bytes, &none, NULL, NULL),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 0, 2, kCVPixelFormatType_32BGRA, mem, 16,
                                               release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidSize);
    /* Planar formats need CreateWithPlanarBytes. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 4, 2, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange,
                                               mem, 16, release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 4, 2, kCVPixelFormatType_Lossy_32BGRA, mem, 16,
                                               release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 4, 2, 0x3f3f3f3fu, mem, 16, release_bytes, &none,
                                               NULL, &untouched),
                  kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 3, kCVPixelFormatType_32BGRA, mem, SIZE_MAX / 2,
                                               release_bytes, &none, NULL, &untouched),
                  kCVReturnInvalidSize);
    CFDictionaryRef bad = dict1(kCVPixelBufferWidthKey, CFSTR("wide"));
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 16,
                                               release_bytes, &none, bad, &untouched),
                  kCVReturnInvalidPixelBufferAttributes);
    CFRelease(bad);
    CHECK_EQ_LONG(none.calls, 0);
    CHECK(untouched == (CVPixelBufferRef)0x1);

    /* v210 caller rows need whole 16-byte blocks, not 128-byte groups. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 7, 1, kCVPixelFormatType_422YpCbCr10, mem, 32, NULL,
                                               NULL, NULL, &pb),
                  kCVReturnSuccess);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 7, 1, kCVPixelFormatType_422YpCbCr10, mem, 31, NULL,
                                               NULL, NULL, &pb),
                  kCVReturnInvalidArgument);

    /* Layout keys have no effect on caller memory; attachment keys do. */
    const void *k[3] = {kCVPixelBufferExtendedPixelsLeftKey, kCVPixelBufferBytesPerRowAlignmentKey,
                        kCVBufferPropagatedAttachmentsKey};
    CFNumberRef four = num(4), big = num(256);
    CFDictionaryRef attachments = dict1(CFSTR("Custom"), kCFBooleanTrue);
    const void *v[3] = {four, big, attachments};
    CFDictionaryRef attrs = dict(3, k, v);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 3, 2, kCVPixelFormatType_32BGRA, mem, 16, NULL, NULL,
                                               attrs, &pb),
                  kCVReturnSuccess);
    size_t left = 9;
    CVPixelBufferGetExtendedPixels(pb, &left, NULL, NULL, NULL);
    CHECK_EQ_LONG(left, 0);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 16);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CVAttachmentMode mode = 99;
    CHECK(CVBufferGetAttachment(pb, CFSTR("Custom"), &mode) == kCFBooleanTrue);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
    CFDictionaryRef used = CVPixelBufferCopyCreationAttributes(pb);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(used, kCVPixelBufferWidthKey)), 3);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(used, kCVPixelBufferExtendedPixelsLeftKey)), 4);
    CFRelease(used);
    CVPixelBufferRelease(pb);
    CFRelease(attrs);
    CFRelease(attachments);
    CFRelease(four);
    CFRelease(big);
    free(mem);
}

static void test_create_with_planar_bytes(void) {
    /* 420v 5x3: luma 5x3, chroma 3x2 pairs (6 bytes per row). */
    unsigned char *y = calloc(8, 3), *uv = calloc(8, 2);
    unsigned char info[16] = {0};
    void *bases[2] = {y, uv};
    size_t widths[2] = {5, 3}, heights[2] = {3, 2}, strides[2] = {8, 8};
    release_log log = {0};
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 3, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange,
                                                     info, sizeof info, 2, bases, widths, heights, strides,
                                                     release_planar, &log, NULL, &pb),
                  kCVReturnSuccess);
    CHECK(CVPixelBufferIsPlanar(pb));
    CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(pb), 2);
    CHECK(CVPixelBufferGetBaseAddress(pb) == info);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, 0) == y);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, 1) == uv);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, 2) == NULL);
    CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, 1), 3);
    CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(pb, 1), 2);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(pb, 1), 8);
    CHECK_EQ_LONG(CVPixelBufferGetDataSize(pb), 16);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 14); /* ceil((8*3 + 8*2) / 3) */
    CFRetain(pb);
    CFRelease(pb);
    CHECK_EQ_LONG(log.calls, 0);
    CFRelease(pb);
    CHECK_EQ_LONG(log.calls, 1);
    CHECK(log.refcon == &log);
    CHECK(log.data == info);
    CHECK_EQ_LONG(log.data_size, 16);
    CHECK_EQ_LONG(log.planes, 2);
    CHECK(log.addresses[0] == y && log.addresses[1] == uv);

    /* NULL dataPtr: the base address is plane 0. NULL callback is fine. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 3, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange,
                                                     NULL, 0, 2, bases, widths, heights, strides, NULL, NULL,
                                                     NULL, &pb),
                  kCVReturnSuccess);
    CHECK(CVPixelBufferGetBaseAddress(pb) == y);
    CHECK_EQ_LONG(CVPixelBufferGetDataSize(pb), 0);
    CVPixelBufferRelease(pb);

    /* Bad input: callback never runs, out untouched. */
    release_log none = {0};
    CVPixelBufferRef out = (CVPixelBufferRef)0x1;
#define PLANAR(fmt, w, h, n, b, ws, hs, ss) \
    CVPixelBufferCreateWithPlanarBytes(NULL, w, h, fmt, NULL, 0, n, b, ws, hs, ss, release_planar, &none, NULL, &out)
    OSType nv12 = kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange;
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 1, bases, widths, heights, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 3, bases, widths, heights, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, NULL, widths, heights, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, bases, NULL, heights, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, bases, widths, NULL, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, bases, widths, heights, NULL), kCVReturnInvalidArgument);
    size_t floor_widths[2] = {5, 2};
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, bases, floor_widths, heights, strides), kCVReturnInvalidArgument);
    size_t short_strides[2] = {8, 5};
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, bases, widths, heights, short_strides), kCVReturnInvalidArgument);
    void *null_plane[2] = {y, NULL};
    CHECK_EQ_LONG(PLANAR(nv12, 5, 3, 2, null_plane, widths, heights, strides), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(PLANAR(nv12, 5, 0, 2, bases, widths, heights, strides), kCVReturnInvalidSize);
    CHECK_EQ_LONG(PLANAR(kCVPixelFormatType_32BGRA, 5, 3, 1, bases, widths, heights, strides),
                  kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(PLANAR(kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarVideoRange, 5, 3, 2, bases, widths,
                         heights, strides),
                  kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 3, nv12, NULL, 0, 2, bases, widths, heights,
                                                     strides, release_planar, &none, NULL, NULL),
                  kCVReturnInvalidArgument);
#undef PLANAR
    CHECK_EQ_LONG(none.calls, 0);
    CHECK(out == (CVPixelBufferRef)0x1);
    free(y);
    free(uv);
}

static void test_lock_rules(void) {
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(8, 8, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    void *base = CVPixelBufferGetBaseAddress(pb);
    CHECK(base != NULL); /* answered unlocked too (documented: valid only while locked) */
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnInvalidArgument);
    /* Nested locks of both kinds. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 0), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 0), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    CHECK(CVPixelBufferGetBaseAddress(pb) == base);
    /* A read-only lock is not released by a read-write unlock. */
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    /* Unknown flag bits. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 2), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 3), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, (CVPixelBufferLockFlags)1 << 40), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 2), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(NULL, 0), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(NULL, 0), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress((CVPixelBufferRef)CFSTR("x"), 0), kCVReturnInvalidArgument);
    CVPixelBufferRelease(pb);
}

static void *lock_loop(void *arg) {
    CVPixelBufferRef pb = (CVPixelBufferRef)arg;
    intptr_t failures = 0;
    for (int i = 0; i < 20000; i++) {
        failures += CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly) != kCVReturnSuccess;
        failures += CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly) != kCVReturnSuccess;
    }
    return (void *)failures;
}

static void test_lock_threads(void) {
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(8, 8, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, lock_loop, pb);
    for (int i = 0; i < 4; i++) {
        void *failures = NULL;
        pthread_join(t[i], &failures);
        CHECK(failures == NULL);
    }
    /* Every lock was matched: nothing is left to unlock. */
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnInvalidArgument);
    CVPixelBufferRelease(pb);
}

static void test_getters_on_bad_handles(void) {
    CVPixelBufferRef handles[2] = {NULL, (CVPixelBufferRef)CFSTR("not a buffer")};
    for (int i = 0; i < 2; i++) {
        CVPixelBufferRef h = handles[i];
        CHECK_EQ_LONG(CVPixelBufferGetWidth(h), 0);
        CHECK_EQ_LONG(CVPixelBufferGetHeight(h), 0);
        CHECK_EQ_LONG(CVPixelBufferGetPixelFormatType(h), 0);
        CHECK(CVPixelBufferGetBaseAddress(h) == NULL);
        CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(h), 0);
        CHECK_EQ_LONG(CVPixelBufferGetDataSize(h), 0);
        CHECK(!CVPixelBufferIsPlanar(h));
        CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(h), 0);
        CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(h, 0), 0);
        CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(h, 0), 0);
        CHECK(CVPixelBufferGetBaseAddressOfPlane(h, 0) == NULL);
        CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(h, 0), 0);
        size_t l = 7, r = 7, t = 7, b = 7;
        CVPixelBufferGetExtendedPixels(h, &l, &r, &t, &b);
        CHECK(l == 7 && r == 7 && t == 7 && b == 7);
        CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(h), kCVReturnInvalidArgument);
        CHECK(CVPixelBufferCopyCreationAttributes(h) == NULL);
        CHECK(!CVPixelBufferIsCompatibleWithAttributes(h, NULL));
    }
    /* Chunky buffers answer 0/NULL for every plane getter. */
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(16, 4, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    for (size_t i = 0; i < 3; i++) {
        CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, i), 0);
        CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(pb, i), 0);
        CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, i) == NULL);
        CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(pb, i), 0);
    }
    CVPixelBufferRelease(pb);
    /* Planar: out-of-range indexes. */
    CHECK_EQ_LONG(create(16, 4, kCVPixelFormatType_420YpCbCr8Planar, NULL, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(pb), 3);
    CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, 2), 8);
    CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, 3), 0);
    CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(pb, SIZE_MAX), 0);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, 3) == NULL);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(pb, 99), 0);
    CVPixelBufferRelease(pb);
}

/* ---- extended pixels ---- */

static void test_extended_pixels(void) {
    const void *k[4] = {kCVPixelBufferExtendedPixelsLeftKey, kCVPixelBufferExtendedPixelsRightKey,
                        kCVPixelBufferExtendedPixelsTopKey, kCVPixelBufferExtendedPixelsBottomKey};
    CFNumberRef n3 = num(3), n2 = num(2), n1 = num(1);
    const void *v[4] = {n3, n2, n2, n1};
    CFDictionaryRef attrs = dict(4, k, v);
    CVPixelBufferRef pb = NULL;
    const size_t w = 5, h = 4;
    CHECK_EQ_LONG(create(w, h, kCVPixelFormatType_32BGRA, attrs, &pb), kCVReturnSuccess);
    size_t l = 0, r = 0, t = 0, b = 0;
    CVPixelBufferGetExtendedPixels(pb, &l, &r, &t, &b); /* left, right, top, bottom */
    CHECK(l == 3 && r == 2 && t == 2 && b == 1);
    size_t only_right = 0;
    CVPixelBufferGetExtendedPixels(pb, NULL, &only_right, NULL, NULL);
    CHECK_EQ_LONG(only_right, 2);
    size_t only_bottom = 0;
    CVPixelBufferGetExtendedPixels(pb, NULL, NULL, NULL, &only_bottom);
    CHECK_EQ_LONG(only_bottom, 1);

    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 0), kCVReturnSuccess);
    unsigned char *base = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    CHECK(bpr >= (3 + 5 + 2) * 4);
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            unsigned char *p = base + y * bpr + x * 4;
            p[0] = (unsigned char)x;
            p[1] = (unsigned char)y;
            p[2] = 0xA0;
            p[3] = 0xFF;
        }
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    /* Every padded pixel equals the image pixel at the clamped position. */
    int bad = 0;
    for (long py = -2; py < (long)h + 1; py++)
        for (long px = -3; px < (long)w + 2; px++) {
            const unsigned char *p = base + py * (long)bpr + px * 4;
            long x = px < 0 ? 0 : px >= (long)w ? (long)w - 1 : px;
            long y = py < 0 ? 0 : py >= (long)h ? (long)h - 1 : py;
            if (p[0] != x || p[1] != y || p[2] != 0xA0 || p[3] != 0xFF) bad++;
        }
    CHECK_EQ_LONG(bad, 0);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnSuccess);
    CVPixelBufferRelease(pb);

    /* 420v: chroma gets ceil(ext / 2) samples on each side and is filled on its own. */
    CHECK_EQ_LONG(create(6, 4, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, attrs, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, 0), kCVReturnSuccess);
    unsigned char *uv = CVPixelBufferGetBaseAddressOfPlane(pb, 1);
    size_t uv_bpr = CVPixelBufferGetBytesPerRowOfPlane(pb, 1);
    for (size_t y = 0; y < 2; y++)
        for (size_t x = 0; x < 3; x++) {
            uv[y * uv_bpr + 2 * x] = (unsigned char)(100 + 3 * y + x);
            uv[y * uv_bpr + 2 * x + 1] = (unsigned char)(200 + 3 * y + x);
        }
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    /* 2 pairs left, 1 right, 1 row above, 1 below. */
    const unsigned char *corner = uv - uv_bpr - 4;
    CHECK(corner[0] == 100 && corner[1] == 200);
    const unsigned char *far = uv + 2 * uv_bpr + 3 * 2;
    CHECK(far[0] == 105 && far[1] == 205);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, 0), kCVReturnSuccess);
    CVPixelBufferRelease(pb);

    /* 2vuy: the edge block (2 pixels) is replicated. */
    CHECK_EQ_LONG(create(4, 1, kCVPixelFormatType_422YpCbCr8, attrs, &pb), kCVReturnSuccess);
    unsigned char *row = CVPixelBufferGetBaseAddress(pb);
    const unsigned char image[8] = {10, 11, 12, 13, 20, 21, 22, 23};
    memcpy(row, image, 8);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CHECK(memcmp(row - 4, image, 4) == 0);     /* left 3 px -> 2 blocks */
    CHECK(memcmp(row - 8, image, 4) == 0);
    CHECK(memcmp(row + 8, image + 4, 4) == 0); /* right 2 px -> 1 block */
    CVPixelBufferRelease(pb);

    /* v210 cannot be filled without a callback; without padding it is a no-op. */
    CHECK_EQ_LONG(create(12, 2, kCVPixelFormatType_422YpCbCr10, attrs, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnUnsupported);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(create(12, 2, kCVPixelFormatType_422YpCbCr10, NULL, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(create(9, 2, kCVPixelFormatType_1Monochrome, attrs, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnUnsupported);
    CVPixelBufferRelease(pb);

    CFRelease(attrs);
    CFRelease(n3);
    CFRelease(n2);
    CFRelease(n1);
}

/* ---- attributes ---- */

static void test_attributes(void) {
    CVPixelBufferRef pb = NULL;
    /* Row alignment: lcm(64, request). */
    CFDictionaryRef a = num_attr(kCVPixelBufferBytesPerRowAlignmentKey, 256);
    CHECK_EQ_LONG(create(3, 3, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 256);
    CVPixelBufferRelease(pb);
    CFRelease(a);
    a = num_attr(CFSTR("BytesPerRowAlignment"), 48); /* a CFSTR literal key works too */
    CHECK_EQ_LONG(create(3, 3, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 192);
    CVPixelBufferRelease(pb);
    CFRelease(a);
    a = num_attr(kCVPixelBufferBytesPerRowAlignmentKey, 16); /* smaller than the default */
    CHECK_EQ_LONG(create(3, 3, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 64);
    CVPixelBufferRelease(pb);
    CFRelease(a);
    /* Plane alignment. */
    a = num_attr(kCVPixelBufferPlaneAlignmentKey, 4096);
    CHECK_EQ_LONG(create(30, 10, kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, a, &pb), kCVReturnSuccess);
    CHECK(((uintptr_t)CVPixelBufferGetBaseAddressOfPlane(pb, 0) % 4096) == 0);
    CHECK(((uintptr_t)CVPixelBufferGetBaseAddressOfPlane(pb, 1) % 4096) == 0);
    CVPixelBufferRelease(pb);
    CFRelease(a);

    /* Accepted without effect: empty IOSurfaceProperties, an allocator,
     * compatibility keys of any type, unknown keys. Size keys lose to the
     * arguments. */
    CFDictionaryRef empty = CFDictionaryCreate(NULL, NULL, NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CFNumberRef w999 = num(999);
    const void *k[7] = {kCVPixelBufferIOSurfacePropertiesKey, kCVPixelBufferMemoryAllocatorKey,
                        kCVPixelBufferCGImageCompatibilityKey, kCVPixelBufferMetalCompatibilityKey,
                        kCVPixelBufferOpenGLCompatibilityKey, CFSTR("SomethingElse"), kCVPixelBufferWidthKey};
    const void *v[7] = {empty, kCFAllocatorSystemDefault, kCFBooleanTrue, CFSTR("yes"), w999, kCFNull, w999};
    a = dict(7, k, v);
    CHECK_EQ_LONG(create(10, 2, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetWidth(pb), 10);
    CVPixelBufferRelease(pb);
    CFRelease(a);

    /* Attachments requested by the attributes. */
    CFDictionaryRef prop = dict1(kCVImageBufferFieldCountKey, w999);
    CFDictionaryRef nonprop = dict1(CFSTR("Private"), kCFBooleanFalse);
    const void *ak[2] = {kCVBufferPropagatedAttachmentsKey, kCVBufferNonPropagatedAttachmentsKey};
    const void *av[2] = {prop, nonprop};
    a = dict(2, ak, av);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnSuccess);
    CVAttachmentMode mode = 9;
    CFTypeRef got = CVBufferCopyAttachment(pb, CFSTR("CVFieldCount"), &mode);
    CHECK(got == w999);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
    if (got) CFRelease(got);
    CHECK(CVBufferGetAttachment(pb, CFSTR("Private"), &mode) == kCFBooleanFalse);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldNotPropagate);
    CVPixelBufferRelease(pb);
    CFRelease(a);
    CFRelease(prop);
    CFRelease(nonprop);

    /* Wrong CF types for known keys are refused; the out pointer stays. */
    struct {
        CFStringRef key;
        CFTypeRef value;
    } wrong[] = {
        {kCVPixelBufferWidthKey, CFSTR("10")},
        {kCVPixelBufferHeightKey, kCFBooleanTrue},
        {kCVPixelBufferPixelFormatTypeKey, CFSTR("BGRA")},
        {kCVPixelBufferBytesPerRowAlignmentKey, CFSTR("64")},
        {kCVPixelBufferPlaneAlignmentKey, kCFNull},
        {kCVPixelBufferExtendedPixelsLeftKey, kCFBooleanFalse},
        {kCVPixelBufferIOSurfacePropertiesKey, kCFBooleanTrue},
        {kCVPixelBufferMemoryAllocatorKey, kCFBooleanTrue},
        {kCVBufferPropagatedAttachmentsKey, CFSTR("x")},
        {kCVBufferNonPropagatedAttachmentsKey, w999},
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        a = dict1(wrong[i].key, wrong[i].value);
        CVPixelBufferRef out = (CVPixelBufferRef)0x1;
        CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &out), kCVReturnInvalidPixelBufferAttributes);
        CHECK(out == (CVPixelBufferRef)0x1);
        CFRelease(a);
    }
    /* Out-of-range values too. */
    a = num_attr(kCVPixelBufferExtendedPixelsTopKey, -1);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnInvalidPixelBufferAttributes);
    CFRelease(a);
    double half = 0.5;
    CFNumberRef fraction = CFNumberCreate(NULL, kCFNumberDoubleType, &half);
    a = dict1(kCVPixelBufferPlaneAlignmentKey, fraction);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnInvalidPixelBufferAttributes);
    CFRelease(a);
    CFRelease(fraction);
    CFArrayRef none = CFArrayCreate(NULL, NULL, 0, &kCFTypeArrayCallBacks);
    a = dict1(kCVPixelBufferPixelFormatTypeKey, none);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnInvalidPixelBufferAttributes);
    CFRelease(a);
    CFRelease(none);
    /* Not a dictionary at all. */
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, (CFDictionaryRef)CFSTR("attrs"), &pb),
                  kCVReturnInvalidPixelBufferAttributes);
    /* A huge alignment is a size problem. */
    a = num_attr(kCVPixelBufferBytesPerRowAlignmentKey, (long)1 << 62);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, a, &pb), kCVReturnInvalidSize);
    CFRelease(a);
    CFRelease(empty);
    CFRelease(w999);
}

static void test_copy_creation_attributes(void) {
    CFNumberRef n7 = num(7), n128 = num(128), w640 = num(640);
    const void *k[3] = {kCVPixelBufferExtendedPixelsLeftKey, kCVPixelBufferBytesPerRowAlignmentKey,
                        kCVPixelBufferWidthKey};
    const void *v[3] = {n7, n128, w640};
    CFDictionaryRef attrs = dict(3, k, v);
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(33, 17, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, attrs, &pb), kCVReturnSuccess);
    CFDictionaryRef used = CVPixelBufferCopyCreationAttributes(pb);
    CHECK(used != NULL);
    CHECK(CFGetTypeID(used) == CFDictionaryGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(used), 2); /* ours + the buffer's */
    CHECK_EQ_LONG(CFDictionaryGetCount(used), 5);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(used, kCVPixelBufferWidthKey)), 33);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(used, kCVPixelBufferHeightKey)), 17);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(used, CFSTR("PixelFormatType"))),
                  kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange);
    CHECK(CFDictionaryGetValue(used, kCVPixelBufferExtendedPixelsLeftKey) == n7);
    CHECK(CFDictionaryGetValue(used, kCVPixelBufferBytesPerRowAlignmentKey) == n128);
    /* The buffer satisfies what it was made with, and the attributes make a twin. */
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, used));
    CVPixelBufferRef twin = NULL;
    CHECK_EQ_LONG(create(33, 17, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, used, &twin), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetDataSize(twin), CVPixelBufferGetDataSize(pb));
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(twin, 1), CVPixelBufferGetBytesPerRowOfPlane(pb, 1));
    CVPixelBufferRelease(twin);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CFGetRetainCount(used), 1);
    CFRelease(used);
    /* No attributes: just the three. */
    CHECK_EQ_LONG(create(2, 2, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    used = CVPixelBufferCopyCreationAttributes(pb);
    CHECK_EQ_LONG(CFDictionaryGetCount(used), 3);
    CFRelease(used);
    CVPixelBufferRelease(pb);
    CFRelease(attrs);
    CFRelease(n7);
    CFRelease(n128);
    CFRelease(w640);
}

static CFArrayRef array(int n, const void **values) { return CFArrayCreate(NULL, values, n, &kCFTypeArrayCallBacks); }

static void test_resolved_attributes(void) {
    CFDictionaryRef out = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, NULL, &out), kCVReturnSuccess);
    CHECK(out != NULL && CFDictionaryGetCount(out) == 0);
    CHECK_EQ_LONG(CFGetRetainCount(out), 1);
    CFRelease(out);

    CFNumberRef bgra = num(kCVPixelFormatType_32BGRA), nv12 = num(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange);
    CFNumberRef n48 = num(48), n128 = num(128), n640 = num(640), n480 = num(480), n2 = num(2), n5 = num(5);
    const void *both[2] = {bgra, nv12};
    CFArrayRef formats = array(2, both);
    CFDictionaryRef iosurface = CFDictionaryCreate(NULL, NULL, NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                                   &kCFTypeDictionaryValueCallBacks);
    const void *k1[3] = {kCVPixelBufferPixelFormatTypeKey, kCVPixelBufferExtendedPixelsLeftKey,
                         kCVPixelBufferIOSurfacePropertiesKey};
    const void *v1[3] = {formats, n5, iosurface};
    const void *k2[4] = {kCVPixelBufferPixelFormatTypeKey, kCVPixelBufferBytesPerRowAlignmentKey,
                         kCVPixelBufferExtendedPixelsLeftKey, kCVPixelBufferWidthKey};
    const void *v2[4] = {nv12, n48, n2, n640};
    const void *k3[2] = {kCVPixelBufferBytesPerRowAlignmentKey, kCVPixelBufferWidthKey};
    const void *v3[2] = {n128, n640};
    CFDictionaryRef d1 = dict(3, k1, v1), d2 = dict(4, k2, v2), d3 = dict(2, k3, v3);
    const void *all[3] = {d1, d2, d3};
    CFArrayRef list = array(3, all);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out), kCVReturnSuccess);
    CHECK_EQ_LONG(CFDictionaryGetCount(out), 5);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(out, kCVPixelBufferPixelFormatTypeKey)),
                  kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(out, kCVPixelBufferBytesPerRowAlignmentKey)), 384);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(out, kCVPixelBufferExtendedPixelsLeftKey)), 5);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(out, kCVPixelBufferWidthKey)), 640);
    CHECK(CFDictionaryGetValue(out, kCVPixelBufferIOSurfacePropertiesKey) == iosurface);
    /* The result is usable for creation. */
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(640, 2, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, out, &pb), kCVReturnSuccess);
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, d1));
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, d2));
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, d3));
    CVPixelBufferRelease(pb);
    CFRelease(out);
    CFRelease(list);

    /* Two formats left -> an array in the first dictionary's order. */
    const void *just_formats[2] = {d1, d1};
    list = array(2, just_formats);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out), kCVReturnSuccess);
    CFTypeRef pf = CFDictionaryGetValue(out, kCVPixelBufferPixelFormatTypeKey);
    CHECK(pf != NULL && CFGetTypeID(pf) == CFArrayGetTypeID() && CFArrayGetCount((CFArrayRef)pf) == 2);
    if (pf && CFGetTypeID(pf) == CFArrayGetTypeID()) {
        CHECK_EQ_LONG(num_value(CFArrayGetValueAtIndex((CFArrayRef)pf, 0)), kCVPixelFormatType_32BGRA);
    }
    CFRelease(out);
    CFRelease(list);

    /* Irreconcilable: no common format, different widths. Out untouched. */
    CFDictionaryRef only_bgra = dict1(kCVPixelBufferPixelFormatTypeKey, bgra);
    const void *disjoint[2] = {d2, only_bgra};
    list = array(2, disjoint);
    out = (CFDictionaryRef)0x1;
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out),
                  kCVReturnInvalidPixelBufferAttributes);
    CHECK(out == (CFDictionaryRef)0x1);
    CFRelease(list);
    CFDictionaryRef w480 = dict1(kCVPixelBufferWidthKey, n480);
    const void *widths[2] = {d3, w480};
    list = array(2, widths);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out),
                  kCVReturnInvalidPixelBufferAttributes);
    CFRelease(list);
    /* Elements that are not valid attribute dictionaries. */
    const void *not_dict[2] = {d1, CFSTR("x")};
    list = array(2, not_dict);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out),
                  kCVReturnInvalidPixelBufferAttributes);
    CFRelease(list);
    CFDictionaryRef wrong = dict1(kCVPixelBufferHeightKey, CFSTR("tall"));
    const void *wrong_type[1] = {wrong};
    list = array(1, wrong_type);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, list, &out),
                  kCVReturnInvalidPixelBufferAttributes);
    CFRelease(list);
    /* Bad arguments. */
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, (CFArrayRef)d1, &out),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferCreateResolvedAttributesDictionary(NULL, NULL, NULL), kCVReturnInvalidArgument);
    CHECK(out == (CFDictionaryRef)0x1);

    CFRelease(wrong);
    CFRelease(w480);
    CFRelease(only_bgra);
    CFRelease(d1);
    CFRelease(d2);
    CFRelease(d3);
    CFRelease(formats);
    CFRelease(iosurface);
    CFNumberRef ns[] = {bgra, nv12, n48, n128, n640, n480, n2, n5};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) CFRelease(ns[i]);
}

static void test_compatibility(void) {
    CFNumberRef n2 = num(2);
    CFDictionaryRef ext = dict1(kCVPixelBufferExtendedPixelsLeftKey, n2);
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(64, 32, kCVPixelFormatType_32BGRA, ext, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 320); /* (2 + 64) * 4 = 264 -> 320 */
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, NULL));
    CFDictionaryRef empty = CFDictionaryCreate(NULL, NULL, NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, empty));
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, ext));
    struct {
        CFStringRef key;
        long value;
        int ok;
    } cases[] = {
        {kCVPixelBufferPixelFormatTypeKey, kCVPixelFormatType_32BGRA, 1},
        {kCVPixelBufferPixelFormatTypeKey, kCVPixelFormatType_32ARGB, 0},
        {kCVPixelBufferWidthKey, 64, 1},
        {kCVPixelBufferWidthKey, 63, 0},
        {kCVPixelBufferHeightKey, 32, 1},
        {kCVPixelBufferHeightKey, 31, 0},
        {kCVPixelBufferBytesPerRowAlignmentKey, 64, 1},
        {kCVPixelBufferBytesPerRowAlignmentKey, 320, 1},
        {kCVPixelBufferBytesPerRowAlignmentKey, 128, 0},
        {kCVPixelBufferExtendedPixelsLeftKey, 1, 1},
        {kCVPixelBufferExtendedPixelsLeftKey, 3, 0},
        {kCVPixelBufferExtendedPixelsRightKey, 1, 0},
        {kCVPixelBufferPlaneAlignmentKey, 8, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CFDictionaryRef a = num_attr(cases[i].key, cases[i].value);
        if (CVPixelBufferIsCompatibleWithAttributes(pb, a) != cases[i].ok) {
            fprintf(stderr, "compatibility case %zu\n", i);
            CHECK(0);
        }
        CFRelease(a);
    }
    CFNumberRef a = num(kCVPixelFormatType_32ARGB), b = num(kCVPixelFormatType_32BGRA);
    const void *list[2] = {a, b};
    CFArrayRef formats = array(2, list);
    CFDictionaryRef either = dict1(kCVPixelBufferPixelFormatTypeKey, formats);
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, either));
    CFDictionaryRef bad = dict1(kCVPixelBufferWidthKey, CFSTR("64"));
    CHECK(!CVPixelBufferIsCompatibleWithAttributes(pb, bad));
    CHECK(!CVPixelBufferIsCompatibleWithAttributes(pb, (CFDictionaryRef)CFSTR("x")));
    /* Plane alignment is judged the way creation applies it: a buffer made
     * with a non-power-of-two alignment and padding satisfies its own
     * attributes; a larger power of two needs a matching address. */
    CFDictionaryRef a8192 = num_attr(kCVPixelBufferPlaneAlignmentKey, 8192);
    uintptr_t start = (uintptr_t)CVPixelBufferGetBaseAddress(pb) - 2 * 4;
    CHECK(CVPixelBufferIsCompatibleWithAttributes(pb, a8192) == (start % 8192 == 0));
    CFRelease(a8192);
    CFNumberRef n48 = num(48), n3 = num(3);
    const void *pk[3] = {kCVPixelBufferPlaneAlignmentKey, kCVPixelBufferExtendedPixelsTopKey,
                         kCVPixelBufferBytesPerRowAlignmentKey};
    const void *pv[3] = {n48, n3, n48};
    CFDictionaryRef odd = dict(3, pk, pv);
    CVPixelBufferRef nv12 = NULL;
    CHECK_EQ_LONG(create(50, 30, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, odd, &nv12), kCVReturnSuccess);
    CHECK(CVPixelBufferIsCompatibleWithAttributes(nv12, odd));
    CFDictionaryRef own = CVPixelBufferCopyCreationAttributes(nv12);
    CHECK(CVPixelBufferIsCompatibleWithAttributes(nv12, own));
    CFRelease(own);
    CVPixelBufferRelease(nv12);
    CFRelease(odd);
    CFRelease(n48);
    CFRelease(n3);
    CFRelease(bad);
    CFRelease(either);
    CFRelease(formats);
    CFRelease(a);
    CFRelease(b);
    CFRelease(empty);
    CFRelease(ext);
    CFRelease(n2);
    CVPixelBufferRelease(pb);
}

static void test_description(void) {
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(1280, 720, kCVPixelFormatType_422YpCbCr8, NULL, &pb), kCVReturnSuccess);
    char address[64];
    snprintf(address, sizeof address, "<CVPixelBuffer %p ", (void *)pb);
    const char *d = describe(pb);
    CHECK(strncmp(d, address, strlen(address)) == 0);
    CHECK(strstr(d, " width=1280 height=720 bytesPerRow=2560 pixelFormat=2vuy iosurface=0x0 attributes={") != NULL);
    CHECK(strstr(d, "PixelFormatType = ") != NULL);
    CHECK(strstr(d, " propagatedAttachments={\n} nonPropagatedAttachments={\n}>") != NULL);
    CVBufferSetAttachment(pb, CFSTR("Custom"), CFSTR("Value"), kCVAttachmentMode_ShouldPropagate);
    d = describe(pb);
    CHECK(strstr(d, "propagatedAttachments={\n    Custom = Value;\n}") != NULL);
    CVPixelBufferRelease(pb);

    CHECK_EQ_LONG(create(64, 48, kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, NULL, &pb), kCVReturnSuccess);
    d = describe(pb);
    CHECK(strstr(d, " pixelFormat=420f iosurface=0x0 planes=2>\n<Plane 0 width=64 height=48 bytesPerRow=64>\n"
                    "<Plane 1 width=32 height=24 bytesPerRow=64>\n<attributes={") != NULL);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(create(2, 2, kCVPixelFormatType_32ARGB, NULL, &pb), kCVReturnSuccess);
    CHECK(strstr(describe(pb), "pixelFormat=0x00000020 ") != NULL);
    CVPixelBufferRelease(pb);
}

static void test_identity_and_ownership(void) {
    CHECK(CVPixelBufferGetTypeID() != 0);
    CHECK(CVPixelBufferGetTypeID() != CFStringGetTypeID());
    CHECK(CVPixelBufferGetTypeID() != CFDictionaryGetTypeID());
    CFStringRef name = CFCopyTypeIDDescription(CVPixelBufferGetTypeID());
    CHECK_STR(name, "CVPixelBuffer");
    CFRelease(name);
    CVPixelBufferRef a = NULL, b = NULL;
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, NULL, &a), kCVReturnSuccess);
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, NULL, &b), kCVReturnSuccess);
    CHECK(CFGetTypeID(a) == CVPixelBufferGetTypeID());
    CHECK(CFEqual(a, a));
    CHECK(!CFEqual(a, b)); /* identity, not contents */
    CHECK(CFHash(a) == CFHash(a));
    CHECK_EQ_LONG(CFGetRetainCount(a), 1);
    CHECK(CVPixelBufferRetain(a) == a);
    CHECK(CVBufferRetain(a) == a);
    CHECK_EQ_LONG(CFGetRetainCount(a), 3);
    CVBufferRelease(a);
    CVPixelBufferRelease(a);
    CHECK_EQ_LONG(CFGetRetainCount(a), 1);
    CHECK(CVPixelBufferRetain(NULL) == NULL);
    CHECK(CVBufferRetain(NULL) == NULL);
    CVPixelBufferRelease(NULL);
    CVBufferRelease(NULL);
    CFRelease(a);
    CFRelease(b);
}

static void test_bad_input(void) {
    CVPixelBufferRef out = (CVPixelBufferRef)0x1;
    CHECK_EQ_LONG(create(4, 4, kCVPixelFormatType_32BGRA, NULL, NULL), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(create(0, 4, kCVPixelFormatType_32BGRA, NULL, &out), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(4, 0, kCVPixelFormatType_32BGRA, NULL, &out), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(SIZE_MAX, 1, kCVPixelFormatType_32BGRA, NULL, &out), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(1, SIZE_MAX, kCVPixelFormatType_32BGRA, NULL, &out), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(SIZE_MAX / 4, SIZE_MAX / 4, kCVPixelFormatType_420YpCbCr8Planar, NULL, &out),
                  kCVReturnInvalidSize);
    CHECK_EQ_LONG(create((size_t)1 << 40, (size_t)1 << 40, kCVPixelFormatType_32BGRA, NULL, &out),
                  kCVReturnInvalidSize);
    /* Computable but not allocatable (2^62 bytes): an allocation failure. */
    CHECK_EQ_LONG(create((size_t)1 << 31, (size_t)1 << 29, kCVPixelFormatType_32BGRA, NULL, &out),
                  kCVReturnAllocationFailed);
    CHECK_EQ_LONG(create(4, 4, 0x21212121u, NULL, &out), kCVReturnInvalidPixelFormat);
    /* Format is checked before size. */
    CHECK_EQ_LONG(create(0, 0, 0x21212121u, NULL, &out), kCVReturnInvalidPixelFormat);
    CHECK(out == (CVPixelBufferRef)0x1);
}

/* ---- fill callbacks of registered formats ---- */

struct fill_log {
    int calls;
    CVPixelBufferRef buffer;
    int locked_ok;
    Boolean result;
};

static struct fill_log g_fill_a, g_fill_b;

/* Counts, records its arguments, locks the buffer (no pixelport lock may
 * be held around the call) and paints the left padding 0x5A. */
static Boolean counting_fill(CVPixelBufferRef pb, void *refCon) {
    struct fill_log *log = (struct fill_log *)refCon;
    log->calls++;
    log->buffer = pb;
    if (CVPixelBufferLockBaseAddress(pb, 0) == kCVReturnSuccess) {
        size_t l = 0;
        CVPixelBufferGetExtendedPixels(pb, &l, NULL, NULL, NULL);
        unsigned char *base = CVPixelBufferGetBaseAddress(pb);
        size_t bpr = CVPixelBufferGetBytesPerRow(pb);
        for (size_t y = 0; y < CVPixelBufferGetHeight(pb); y++) memset(base + y * bpr - l * 4, 0x5A, l * 4);
        log->locked_ok = CVPixelBufferUnlockBaseAddress(pb, 0) == kCVReturnSuccess;
    }
    return log->result;
}

/* Registers a 32-bit chunky format whose description carries `log` as the
 * refCon of `counting_fill`. */
static void register_with_fill(OSType code, struct fill_log *log) {
    CVFillExtendedPixelsCallBackData cb = {0, counting_fill, log};
    CFDataRef data = CFDataCreate(NULL, (const UInt8 *)&cb, sizeof cb);
    CFNumberRef bits = num(32);
    const void *k[2] = {kCVPixelFormatBitsPerBlock, kCVPixelFormatFillExtendedPixelsCallback};
    const void *v[2] = {bits, data};
    CFDictionaryRef description = dict(2, k, v);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(description, code);
    CFRelease(description);
    CFRelease(bits);
    CFRelease(data);
}

static void test_fill_callback(void) {
    const OSType code = 'Tfc1';
    g_fill_a.result = true;
    g_fill_b.result = false;
    register_with_fill(code, &g_fill_a);
    CFDictionaryRef padded = num_attr(kCVPixelBufferExtendedPixelsLeftKey, 2);

    /* The callback replaces the built-in replication. */
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(create(6, 3, code, padded, &pb), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CHECK_EQ_LONG(g_fill_a.calls, 1);
    CHECK(g_fill_a.buffer == pb);
    CHECK(g_fill_a.locked_ok);
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    const unsigned char *base = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    CHECK(base[-8] == 0x5A && base[-1] == 0x5A && base[2 * bpr - 8] == 0x5A);
    CHECK(base[0] == 0); /* image pixels untouched, not replicated */
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CHECK_EQ_LONG(g_fill_a.calls, 2);

    /* No padding: nothing to fill, the callback is not called. */
    CVPixelBufferRef plain = NULL;
    CHECK_EQ_LONG(create(6, 3, code, NULL, &plain), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(plain), kCVReturnSuccess);
    CHECK_EQ_LONG(g_fill_a.calls, 2);
    CVPixelBufferRelease(plain);

    /* Registering again: buffers keep the callback they were created with,
     * new ones get the new one, whose false result is kCVReturnError. */
    register_with_fill(code, &g_fill_b);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pb), kCVReturnSuccess);
    CHECK_EQ_LONG(g_fill_a.calls, 3);
    CVPixelBufferRef failing = NULL;
    CHECK_EQ_LONG(create(6, 3, code, padded, &failing), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(failing), kCVReturnError);
    CHECK_EQ_LONG(g_fill_b.calls, 1);
    CHECK(g_fill_b.buffer == failing);
    CHECK_EQ_LONG(g_fill_a.calls, 3);
    CVPixelBufferRelease(failing);
    CVPixelBufferRelease(pb);

    /* Pool buffers of the format use it too. */
    g_fill_b.result = true;
    CFMutableDictionaryRef attrs = CFDictionaryCreateMutableCopy(NULL, 0, padded);
    CFNumberRef w = num(8), h = num(2), f = num((long)code);
    CFDictionarySetValue(attrs, kCVPixelBufferWidthKey, w);
    CFDictionarySetValue(attrs, kCVPixelBufferHeightKey, h);
    CFDictionarySetValue(attrs, kCVPixelBufferPixelFormatTypeKey, f);
    CFRelease(w);
    CFRelease(h);
    CFRelease(f);
    CVPixelBufferPoolRef pool = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, attrs, &pool), kCVReturnSuccess);
    CFRelease(attrs);
    CVPixelBufferRef pooled = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, pool, &pooled), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(pooled), kCVReturnSuccess);
    CHECK_EQ_LONG(g_fill_b.calls, 2);
    CHECK(g_fill_b.buffer == pooled);
    CVPixelBufferRelease(pooled);
    CVPixelBufferPoolRelease(pool);
    CFRelease(padded);
}

int main(void) {
    test_create_with_bytes();
    test_create_with_planar_bytes();
    test_lock_rules();
    test_lock_threads();
    test_getters_on_bad_handles();
    test_extended_pixels();
    test_attributes();
    test_copy_creation_attributes();
    test_resolved_attributes();
    test_compatibility();
    test_description();
    test_identity_and_ownership();
    test_bad_input();
    test_fill_callback();
    return pp_finish("cv_pixel_buffer");
}
