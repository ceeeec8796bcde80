/* CVPixelBufferPool: creation and its error codes, recycling (same memory,
 * contents kept, attachments reset to the attribute-requested ones), the
 * allocation threshold, flushing and ageing (default, MaximumBufferAge 0,
 * fractional ages, MinimumBufferCount), buffers outliving their pool,
 * GetAttributes / GetPixelBufferAttributes ownership, descriptions, and
 * many threads creating and releasing from one pool. Worker threads count
 * their own errors (the CHECK macros are not thread-safe); the main thread
 * checks the totals. */
#define _POSIX_C_SOURCE 200809L
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "pp_test.h"

#if defined(__SANITIZE_ADDRESS__)
/* A 4 EiB request must come back as a failure (kCVReturnAllocationFailed)
 * instead of ASan aborting the program. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

/* ---- helpers ---- */

static CFNumberRef num(long v) { return CFNumberCreate(NULL, kCFNumberLongType, &v); }
static CFNumberRef dbl(double v) { return CFNumberCreate(NULL, kCFNumberDoubleType, &v); }

static long num_value(CFTypeRef n) {
    long v = -1;
    if (n == NULL || CFGetTypeID(n) != CFNumberGetTypeID()) return -999;
    CFNumberGetValue((CFNumberRef)n, kCFNumberLongType, &v);
    return v;
}

static double dbl_value(CFTypeRef n) {
    double v = -1;
    if (n == NULL || CFGetTypeID(n) != CFNumberGetTypeID()) return -999;
    CFNumberGetValue((CFNumberRef)n, kCFNumberDoubleType, &v);
    return v;
}

static CFMutableDictionaryRef new_dict(void) {
    return CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                     &kCFTypeDictionaryValueCallBacks);
}

/* Sets `key` to a new number (the dictionary keeps the only reference). */
static void set_long(CFMutableDictionaryRef d, CFStringRef key, long v) {
    CFNumberRef n = num(v);
    CFDictionarySetValue(d, key, n);
    CFRelease(n);
}

static void set_double(CFMutableDictionaryRef d, CFStringRef key, double v) {
    CFNumberRef n = dbl(v);
    CFDictionarySetValue(d, key, n);
    CFRelease(n);
}

/* {Width, Height, PixelFormatType} (+1, mutable for further keys). */
static CFMutableDictionaryRef buffer_attrs(long w, long h, OSType format) {
    CFMutableDictionaryRef d = new_dict();
    set_long(d, kCVPixelBufferWidthKey, w);
    set_long(d, kCVPixelBufferHeightKey, h);
    set_long(d, kCVPixelBufferPixelFormatTypeKey, (long)format);
    return d;
}

/* A pool of w×h `format` buffers; pool attributes optional. */
static CVPixelBufferPoolRef make_pool(long w, long h, OSType format, CFDictionaryRef pool_attrs) {
    CFMutableDictionaryRef attrs = buffer_attrs(w, h, format);
    CVPixelBufferPoolRef pool = NULL;
    CVReturn r = CVPixelBufferPoolCreate(NULL, pool_attrs, attrs, &pool);
    CHECK_EQ_LONG(r, kCVReturnSuccess);
    CFRelease(attrs);
    return pool;
}

/* {MaximumBufferAge: age, MinimumBufferCount: min} (+1). */
static CFDictionaryRef pool_attrs(double age, long min) {
    CFMutableDictionaryRef d = new_dict();
    set_double(d, kCVPixelBufferPoolMaximumBufferAgeKey, age);
    set_long(d, kCVPixelBufferPoolMinimumBufferCountKey, min);
    return d;
}

static CVPixelBufferRef take(CVPixelBufferPoolRef pool) {
    CVPixelBufferRef b = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, pool, &b), kCVReturnSuccess);
    return b;
}

static void *base_of(CVPixelBufferRef b) {
    CVPixelBufferLockBaseAddress(b, kCVPixelBufferLock_ReadOnly);
    void *base = CVPixelBufferGetBaseAddress(b);
    CVPixelBufferUnlockBaseAddress(b, kCVPixelBufferLock_ReadOnly);
    return base;
}

/* The number after "name=" in the pool's description, -1 if absent. */
static long field(CVPixelBufferPoolRef pool, const char *name) {
    char text[1024], pattern[64];
    CFStringRef d = CFCopyDescription(pool);
    long value = -1;
    if (d != NULL && CFStringGetCString(d, text, sizeof text, kCFStringEncodingUTF8)) {
        snprintf(pattern, sizeof pattern, "%s=", name);
        const char *at = strstr(text, pattern);
        if (at != NULL) value = strtol(at + strlen(pattern), NULL, 10);
    }
    if (d) CFRelease(d);
    return value;
}

static long free_count(CVPixelBufferPoolRef pool) { return field(pool, "free"); }
static long outstanding(CVPixelBufferPoolRef pool) { return field(pool, "outstanding"); }

static void sleep_ms(long ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- tests ---- */

static void test_recycling(void) {
    CVPixelBufferPoolRef pool = make_pool(64, 64, kCVPixelFormatType_32BGRA, NULL);
    CHECK(pool != NULL);
    CHECK(CFGetTypeID(pool) == CVPixelBufferPoolGetTypeID());
    CHECK(CVPixelBufferPoolGetTypeID() != CVPixelBufferGetTypeID());
    CFStringRef type_name = CFCopyTypeIDDescription(CVPixelBufferPoolGetTypeID());
    CHECK_STR(type_name, "CVPixelBufferPool");
    CFRelease(type_name);
    CHECK_EQ_LONG(free_count(pool), 0);
    CHECK_EQ_LONG(outstanding(pool), 0);

    CVPixelBufferRef a = take(pool);
    CHECK_EQ_LONG(CFGetRetainCount(a), 1);
    CHECK_EQ_LONG(CVPixelBufferGetWidth(a), 64);
    CHECK_EQ_LONG(CVPixelBufferGetHeight(a), 64);
    CHECK_EQ_LONG(CVPixelBufferGetPixelFormatType(a), kCVPixelFormatType_32BGRA);
    CHECK(CVPixelBufferGetBytesPerRow(a) >= 256);
    CHECK_EQ_LONG(outstanding(pool), 1);
    /* New memory is zeroed; write a pattern the next user will see. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(a, 0), kCVReturnSuccess);
    unsigned char *pa = CVPixelBufferGetBaseAddress(a);
    CHECK(pa[0] == 0 && pa[255] == 0);
    memset(pa, 0xAB, 256);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(a, 0), kCVReturnSuccess);
    /* A lock left dangling does not follow the memory. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(a, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    CVPixelBufferRelease(a);
    CHECK_EQ_LONG(free_count(pool), 1);
    CHECK_EQ_LONG(outstanding(pool), 0);

    CVPixelBufferRef b = take(pool);
    CHECK(base_of(b) == (void *)pa);
    CHECK_EQ_LONG(free_count(pool), 0);
    /* Recycled memory is not cleared (as on Apple platforms). */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(b, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    unsigned char *pb = CVPixelBufferGetBaseAddress(b);
    CHECK(pb[0] == 0xAB && pb[255] == 0xAB);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(b, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    /* The fresh buffer is unlocked: one read-only unlock too many fails. */
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(b, kCVPixelBufferLock_ReadOnly),
                  kCVReturnInvalidArgument);

    /* A second buffer while the first is out: new memory. */
    CVPixelBufferRef c = take(pool);
    CHECK(base_of(c) != base_of(b));
    CHECK_EQ_LONG(outstanding(pool), 2);
    /* The most recently released block is reused first. */
    void *cb = base_of(c);
    CVPixelBufferRelease(b);
    CVPixelBufferRelease(c);
    CHECK_EQ_LONG(free_count(pool), 2);
    CVPixelBufferRef d = take(pool);
    CHECK(base_of(d) == cb);
    CVPixelBufferRelease(d);

    /* Retain/Release of the pool, NULL-safe. */
    CHECK(CVPixelBufferPoolRetain(pool) == pool);
    CHECK_EQ_LONG(CFGetRetainCount(pool), 2);
    CVPixelBufferPoolRelease(pool);
    CHECK_EQ_LONG(CFGetRetainCount(pool), 1);
    CHECK(CVPixelBufferPoolRetain(NULL) == NULL);
    CVPixelBufferPoolRelease(NULL);
    CVPixelBufferPoolRelease(pool);
}

static void test_planar_pool(void) {
    CFMutableDictionaryRef attrs = buffer_attrs(33, 17, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange);
    set_long(attrs, kCVPixelBufferExtendedPixelsLeftKey, 8);
    set_long(attrs, kCVPixelBufferBytesPerRowAlignmentKey, 128);
    CVPixelBufferPoolRef pool = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, attrs, &pool), kCVReturnSuccess);
    CFRelease(attrs);
    CVPixelBufferRef a = take(pool);
    CHECK(CVPixelBufferIsPlanar(a));
    CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(a), 2);
    CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(a, 1), 17);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(a, 0) % 128, 0);
    size_t left = 0, right = 9, top = 9, bottom = 9;
    CVPixelBufferGetExtendedPixels(a, &left, &right, &top, &bottom);
    CHECK_EQ_LONG(left, 8);
    CHECK_EQ_LONG(right, 0);
    CHECK_EQ_LONG(CVPixelBufferFillExtendedPixels(a), kCVReturnSuccess);
    CVPixelBufferLockBaseAddress(a, 0);
    void *y = CVPixelBufferGetBaseAddressOfPlane(a, 0);
    void *uv = CVPixelBufferGetBaseAddressOfPlane(a, 1);
    CVPixelBufferUnlockBaseAddress(a, 0);
    /* Buffers are compatible with the pool's buffer attributes. */
    CHECK(CVPixelBufferIsCompatibleWithAttributes(a, CVPixelBufferPoolGetPixelBufferAttributes(pool)));
    CVPixelBufferRelease(a);
    CVPixelBufferRef b = take(pool);
    CVPixelBufferLockBaseAddress(b, 0);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(b, 0) == y);
    CHECK(CVPixelBufferGetBaseAddressOfPlane(b, 1) == uv);
    /* The planar descriptor is rewritten at the base address. */
    const CVPlanarPixelBufferInfo_YCbCrBiPlanar *info = CVPixelBufferGetBaseAddress(b);
    CHECK(info != NULL && info->componentInfoY.offset != 0);
    CVPixelBufferUnlockBaseAddress(b, 0);
    CVPixelBufferRelease(b);
    CVPixelBufferPoolRelease(pool);
}

static void test_attachments_reset(void) {
    /* Without attachment attributes: a recycled buffer has none. */
    CVPixelBufferPoolRef pool = make_pool(16, 16, kCVPixelFormatType_32BGRA, NULL);
    CVPixelBufferRef a = take(pool);
    CVBufferSetAttachment(a, CFSTR("Scratch"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(a, kCVImageBufferYCbCrMatrixKey, kCVImageBufferYCbCrMatrix_ITU_R_709_2,
                          kCVAttachmentMode_ShouldNotPropagate);
    void *base = base_of(a);
    CVPixelBufferRelease(a);
    CVPixelBufferRef b = take(pool);
    CHECK(base_of(b) == base);
    CHECK(CVBufferCopyAttachments(b, kCVAttachmentMode_ShouldPropagate) == NULL);
    CHECK(CVBufferCopyAttachments(b, kCVAttachmentMode_ShouldNotPropagate) == NULL);
    CHECK(!CVBufferHasAttachment(b, CFSTR("Scratch")));
    CVPixelBufferRelease(b);
    CVPixelBufferPoolRelease(pool);

    /* With them: every buffer, fresh or recycled, starts with exactly those. */
    CFMutableDictionaryRef attrs = buffer_attrs(16, 16, kCVPixelFormatType_32BGRA);
    CFMutableDictionaryRef propagated = new_dict();
    CFMutableDictionaryRef local = new_dict();
    CFDictionarySetValue(propagated, kCVImageBufferYCbCrMatrixKey, kCVImageBufferYCbCrMatrix_ITU_R_709_2);
    CFDictionarySetValue(local, CFSTR("Mine"), CFSTR("value"));
    CFDictionarySetValue(attrs, kCVBufferPropagatedAttachmentsKey, propagated);
    CFDictionarySetValue(attrs, kCVBufferNonPropagatedAttachmentsKey, local);
    CFRelease(propagated);
    CFRelease(local);
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, attrs, &pool), kCVReturnSuccess);
    CFRelease(attrs);
    for (int round = 0; round < 2; round++) {
        CVPixelBufferRef p = take(pool);
        CVAttachmentMode mode = 99;
        CFTypeRef v = CVBufferGetAttachment(p, kCVImageBufferYCbCrMatrixKey, &mode);
        CHECK(v != NULL && CFEqual(v, kCVImageBufferYCbCrMatrix_ITU_R_709_2));
        CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
        v = CVBufferGetAttachment(p, CFSTR("Mine"), &mode);
        CHECK(v != NULL && CFEqual(v, CFSTR("value")));
        CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldNotPropagate);
        CHECK(!CVBufferHasAttachment(p, CFSTR("Extra")));
        CFDictionaryRef all = CVBufferCopyAttachments(p, kCVAttachmentMode_ShouldPropagate);
        CHECK(all != NULL && CFDictionaryGetCount(all) == 1);
        if (all) CFRelease(all);
        /* Change them; the next buffer over this memory must not see it. */
        CVBufferSetAttachment(p, CFSTR("Extra"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
        CVBufferRemoveAttachment(p, kCVImageBufferYCbCrMatrixKey);
        CVBufferRemoveAttachment(p, CFSTR("Mine"));
        CVPixelBufferRelease(p);
    }
    CHECK_EQ_LONG(free_count(pool), 1);
    CVPixelBufferPoolRelease(pool);
}

static void test_threshold(void) {
    CVPixelBufferPoolRef pool = make_pool(32, 32, kCVPixelFormatType_32BGRA, NULL);
    CFMutableDictionaryRef aux = new_dict();
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, 2);
    CVPixelBufferRef a = NULL, b = NULL, c = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &a), kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &b), kCVReturnSuccess);
    CVPixelBufferRef sentinel = (CVPixelBufferRef)(uintptr_t)0x5a5a;
    c = sentinel;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &c),
                  kCVReturnWouldExceedAllocationThreshold);
    CHECK(c == sentinel);
    CHECK_EQ_LONG(outstanding(pool), 2);
    /* Without the threshold the pool still grows. */
    CVPixelBufferRef d = take(pool);
    CHECK_EQ_LONG(outstanding(pool), 3);
    /* Recovery after a release: the idle buffer is reused even though the
     * pool holds more than the threshold. */
    void *a_base = base_of(a);
    CVPixelBufferRelease(a);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &c), kCVReturnSuccess);
    CHECK(c != sentinel && base_of(c) == a_base);
    /* Idle buffers count: 3 held (2 out + 1 idle) ≥ 3, but the idle one is reused. */
    CVPixelBufferRelease(d);
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, 3);
    CVPixelBufferRef e = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &e), kCVReturnSuccess);
    CVPixelBufferRef f = sentinel;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &f),
                  kCVReturnWouldExceedAllocationThreshold);
    CHECK(f == sentinel);
    /* A higher threshold lets it grow. */
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, 4);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &f), kCVReturnSuccess);
    CHECK_EQ_LONG(outstanding(pool), 4);
    /* NULL aux attributes, or none of ours: no threshold. */
    CVPixelBufferRef g = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, NULL, &g), kCVReturnSuccess);
    CVPixelBufferRelease(g);
    CFMutableDictionaryRef other = new_dict();
    CFDictionarySetValue(other, CFSTR("Unrelated"), CFSTR("x"));
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, other, &g), kCVReturnSuccess);
    CVPixelBufferRelease(g);
    CFRelease(other);
    CVPixelBufferRelease(b);
    CVPixelBufferRelease(c);
    CVPixelBufferRelease(e);
    CVPixelBufferRelease(f);
    CVPixelBufferPoolRelease(pool);

    /* Threshold 0 on an empty pool refuses the first buffer. */
    pool = make_pool(8, 8, kCVPixelFormatType_32BGRA, NULL);
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, 0);
    a = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &a),
                  kCVReturnWouldExceedAllocationThreshold);
    CHECK(a == NULL);
    CHECK_EQ_LONG(outstanding(pool), 0);
    CFRelease(aux);
    CVPixelBufferPoolRelease(pool);
}

static void test_flush_and_ageing(void) {
    /* Default age (1 s): nothing is old yet; ExcessBuffers frees all. */
    CVPixelBufferPoolRef pool = make_pool(16, 16, kCVPixelFormatType_32BGRA, NULL);
    CVPixelBufferRef held[3];
    for (int i = 0; i < 3; i++) held[i] = take(pool);
    for (int i = 0; i < 3; i++) CVPixelBufferRelease(held[i]);
    CHECK_EQ_LONG(free_count(pool), 3);
    CVPixelBufferPoolFlush(pool, 0);
    CHECK_EQ_LONG(free_count(pool), 3);
    CHECK_EQ_LONG(field(pool, "maximumBufferAge"), 1);
    CVPixelBufferRef out = take(pool);
    CVPixelBufferPoolFlush(pool, kCVPixelBufferPoolFlushExcessBuffers);
    CHECK_EQ_LONG(free_count(pool), 0);
    /* Buffers in use are not touched. */
    CHECK_EQ_LONG(outstanding(pool), 1);
    CVPixelBufferRelease(out);
    CHECK_EQ_LONG(free_count(pool), 1);
    /* Unknown flag bits are ignored; NULL and non-pools are no-ops. */
    CVPixelBufferPoolFlush(pool, 0x100);
    CHECK_EQ_LONG(free_count(pool), 1);
    CVPixelBufferPoolFlush(NULL, kCVPixelBufferPoolFlushExcessBuffers);
    CVPixelBufferPoolFlush((CVPixelBufferPoolRef)(void *)CFSTR("not a pool"), 0);
    CVPixelBufferPoolRelease(pool);

    /* A fractional age (50 ms): idle buffers age out. */
    CFDictionaryRef attrs = pool_attrs(0.05, 0);
    pool = make_pool(16, 16, kCVPixelFormatType_32BGRA, attrs);
    CFRelease(attrs);
    for (int i = 0; i < 3; i++) held[i] = take(pool);
    for (int i = 0; i < 3; i++) CVPixelBufferRelease(held[i]);
    CHECK_EQ_LONG(free_count(pool), 3);
    sleep_ms(120);
    CVPixelBufferPoolFlush(pool, 0);
    CHECK_EQ_LONG(free_count(pool), 0);
    /* Lazily on Create too: the newest idle buffer is reused, the others go. */
    for (int i = 0; i < 3; i++) held[i] = take(pool);
    for (int i = 0; i < 3; i++) CVPixelBufferRelease(held[i]);
    sleep_ms(120);
    out = take(pool);
    CHECK_EQ_LONG(free_count(pool), 0);
    CHECK_EQ_LONG(outstanding(pool), 1);
    CVPixelBufferRelease(out);
    CVPixelBufferPoolRelease(pool);

    /* MaximumBufferAge 0 disables ageing (it does not mean "immediately"). */
    attrs = pool_attrs(0, 0);
    pool = make_pool(16, 16, kCVPixelFormatType_32BGRA, attrs);
    CFRelease(attrs);
    CHECK_EQ_LONG(field(pool, "maximumBufferAge"), 0);
    held[0] = take(pool);
    held[1] = take(pool);
    CVPixelBufferRelease(held[0]);
    CVPixelBufferRelease(held[1]);
    sleep_ms(20);
    CVPixelBufferPoolFlush(pool, 0);
    CHECK_EQ_LONG(free_count(pool), 2);
    out = take(pool);
    CHECK_EQ_LONG(free_count(pool), 1);
    CVPixelBufferRelease(out);
    CVPixelBufferPoolFlush(pool, kCVPixelBufferPoolFlushExcessBuffers);
    CHECK_EQ_LONG(free_count(pool), 0);
    CVPixelBufferPoolRelease(pool);

    /* MinimumBufferCount 2: ageing keeps two; ExcessBuffers frees all. No
     * buffer is allocated in advance. */
    attrs = pool_attrs(0.02, 2);
    pool = make_pool(16, 16, kCVPixelFormatType_32BGRA, attrs);
    CFRelease(attrs);
    CHECK_EQ_LONG(free_count(pool), 0);
    CHECK_EQ_LONG(field(pool, "minimumBufferCount"), 2);
    for (int i = 0; i < 3; i++) held[i] = take(pool);
    for (int i = 0; i < 3; i++) CVPixelBufferRelease(held[i]);
    sleep_ms(60);
    CVPixelBufferPoolFlush(pool, 0);
    CHECK_EQ_LONG(free_count(pool), 2);
    sleep_ms(60);
    CVPixelBufferPoolFlush(pool, 0);
    CHECK_EQ_LONG(free_count(pool), 2);
    CVPixelBufferPoolFlush(pool, kCVPixelBufferPoolFlushExcessBuffers);
    CHECK_EQ_LONG(free_count(pool), 0);
    CVPixelBufferPoolRelease(pool);
}

static void test_outliving_the_pool(void) {
    CVPixelBufferPoolRef pool = make_pool(64, 32, kCVPixelFormatType_32BGRA, NULL);
    CVPixelBufferRef a = take(pool);
    CVPixelBufferRef b = take(pool);
    CVPixelBufferRef idle = take(pool);
    CVPixelBufferRelease(idle);
    /* Buffers do not keep the pool alive. */
    CHECK_EQ_LONG(CFGetRetainCount(pool), 1);
    CVPixelBufferPoolRelease(pool); /* frees the idle buffer */
    /* Both buffers still work. */
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(a, 0), kCVReturnSuccess);
    memset(CVPixelBufferGetBaseAddress(a), 0x11, CVPixelBufferGetBytesPerRow(a) * 32);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(a, 0), kCVReturnSuccess);
    CFDictionaryRef created = CVPixelBufferCopyCreationAttributes(b);
    CHECK(created != NULL);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(created, kCVPixelBufferWidthKey)), 64);
    CFRelease(created);
    CHECK(CFGetTypeID(b) == CVPixelBufferGetTypeID());
    /* Released after the pool died: the memory is freed (LSan checks). */
    CVPixelBufferRelease(a);
    CVPixelBufferRetain(b);
    CVPixelBufferRelease(b);
    CVPixelBufferRelease(b);
}

static void test_attribute_getters(void) {
    CFMutableDictionaryRef pattrs = new_dict();
    set_long(pattrs, kCVPixelBufferPoolMinimumBufferCountKey, 1);
    CFDictionarySetValue(pattrs, CFSTR("Custom"), CFSTR("kept"));
    CFMutableDictionaryRef battrs = buffer_attrs(40, 30, kCVPixelFormatType_32BGRA);
    CFDictionarySetValue(battrs, CFSTR("UnknownBufferKey"), kCFBooleanTrue);
    CVPixelBufferPoolRef pool = NULL;
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, pattrs, battrs, &pool), kCVReturnSuccess);
    /* The pool copied what it needs: the caller's dictionaries may change. */
    set_long(pattrs, kCVPixelBufferPoolMinimumBufferCountKey, 9);
    set_long(battrs, kCVPixelBufferWidthKey, 999);
    CFRelease(pattrs);
    CFRelease(battrs);

    CFDictionaryRef attrs = CVPixelBufferPoolGetAttributes(pool);
    CHECK(attrs != NULL);
    CHECK(CFGetTypeID(attrs) == CFDictionaryGetTypeID());
    CFIndex rc = CFGetRetainCount(attrs);
    CHECK(CVPixelBufferPoolGetAttributes(pool) == attrs);
    CHECK_EQ_LONG(CFGetRetainCount(attrs), rc); /* +0 */
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(attrs, kCVPixelBufferPoolMinimumBufferCountKey)), 1);
    /* The default age is filled in. */
    CHECK(dbl_value(CFDictionaryGetValue(attrs, kCVPixelBufferPoolMaximumBufferAgeKey)) == 1.0);
    CHECK(CFEqual(CFDictionaryGetValue(attrs, CFSTR("Custom")), CFSTR("kept")));
    CHECK_EQ_LONG(CFDictionaryGetCount(attrs), 3);

    CFDictionaryRef pb = CVPixelBufferPoolGetPixelBufferAttributes(pool);
    CHECK(pb != NULL);
    rc = CFGetRetainCount(pb);
    CHECK(CVPixelBufferPoolGetPixelBufferAttributes(pool) == pb);
    CHECK_EQ_LONG(CFGetRetainCount(pb), rc);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(pb, kCVPixelBufferWidthKey)), 40);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(pb, kCVPixelBufferHeightKey)), 30);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(pb, kCVPixelBufferPixelFormatTypeKey)),
                  kCVPixelFormatType_32BGRA);
    CHECK(CFDictionaryGetValue(pb, CFSTR("UnknownBufferKey")) == kCFBooleanTrue);
    /* Buffers report the same attributes. */
    CVPixelBufferRef b = take(pool);
    CFDictionaryRef created = CVPixelBufferCopyCreationAttributes(b);
    CHECK(created != NULL && CFEqual(created, pb));
    CFRelease(created);
    CVPixelBufferRelease(b);

    /* A caller who retains them keeps them past the pool. */
    CFRetain(attrs);
    CFRetain(pb);
    CVPixelBufferPoolRelease(pool);
    CHECK_EQ_LONG(CFDictionaryGetCount(attrs), 3);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(pb, kCVPixelBufferWidthKey)), 40);
    CFRelease(attrs);
    CFRelease(pb);

    /* NULL pool attributes: both defaults present. */
    pool = make_pool(8, 8, kCVPixelFormatType_32BGRA, NULL);
    attrs = CVPixelBufferPoolGetAttributes(pool);
    CHECK_EQ_LONG(CFDictionaryGetCount(attrs), 2);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(attrs, kCVPixelBufferPoolMinimumBufferCountKey)), 0);
    CHECK(dbl_value(CFDictionaryGetValue(attrs, kCVPixelBufferPoolMaximumBufferAgeKey)) == 1.0);
    CVPixelBufferPoolRelease(pool);

    /* Getters on NULL and non-pools. */
    CHECK(CVPixelBufferPoolGetAttributes(NULL) == NULL);
    CHECK(CVPixelBufferPoolGetPixelBufferAttributes(NULL) == NULL);
    CHECK(CVPixelBufferPoolGetAttributes((CVPixelBufferPoolRef)(void *)CFSTR("x")) == NULL);
}

static void test_description(void) {
    CVPixelBufferPoolRef pool = make_pool(64, 48, kCVPixelFormatType_32BGRA, NULL);
    CVPixelBufferRef a = take(pool);
    CVPixelBufferRef b = take(pool);
    CVPixelBufferRelease(b);
    char text[1024];
    CFStringRef d = CFCopyDescription(pool);
    CHECK(d != NULL && CFStringGetCString(d, text, sizeof text, kCFStringEncodingUTF8));
    if (d) CFRelease(d);
    CHECK(strncmp(text, "<CVPixelBufferPool 0x", 21) == 0);
    CHECK(strstr(text, "width=64") != NULL);
    CHECK(strstr(text, "height=48") != NULL);
    CHECK(strstr(text, "pixelFormat=BGRA") != NULL);
    CHECK(strstr(text, "free=1") != NULL);
    CHECK(strstr(text, "outstanding=1") != NULL);
    CHECK(!CFEqual(pool, a));
    CVPixelBufferRelease(a);
    CVPixelBufferPoolRelease(pool);
}

/* Creating a pool must fail with `expected` and leave the out pointer alone. */
static void expect_create(CFDictionaryRef pool_attrs_, CFDictionaryRef buffer_attrs_, CVReturn expected,
                          int line) {
    CVPixelBufferPoolRef sentinel = (CVPixelBufferPoolRef)(uintptr_t)0x7a7a, pool = sentinel;
    CVReturn r = CVPixelBufferPoolCreate(NULL, pool_attrs_, buffer_attrs_, &pool);
    if (r != expected) fprintf(stderr, "line %d: got %d, expected %d\n", line, (int)r, (int)expected);
    CHECK_EQ_LONG(r, expected);
    CHECK(pool == sentinel);
}

static void test_errors(void) {
    CFMutableDictionaryRef good = buffer_attrs(16, 16, kCVPixelFormatType_32BGRA);
    CVPixelBufferPoolRef pool = NULL;

    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, good, NULL), kCVReturnInvalidArgument);

    /* Pixel-buffer attributes. */
    expect_create(NULL, NULL, kCVReturnInvalidPixelBufferAttributes, __LINE__);
    CFNumberRef n = num(3);
    expect_create(NULL, (CFDictionaryRef)n, kCVReturnInvalidPixelBufferAttributes, __LINE__);
    CFStringRef required[3] = {kCVPixelBufferWidthKey, kCVPixelBufferHeightKey,
                               kCVPixelBufferPixelFormatTypeKey};
    for (int i = 0; i < 3; i++) {
        CFMutableDictionaryRef missing = CFDictionaryCreateMutableCopy(NULL, 0, good);
        CFDictionaryRemoveValue(missing, required[i]);
        expect_create(NULL, missing, kCVReturnInvalidPixelBufferAttributes, __LINE__);
        CFDictionarySetValue(missing, required[i], CFSTR("16"));
        expect_create(NULL, missing, kCVReturnInvalidPixelBufferAttributes, __LINE__);
        CFRelease(missing);
    }
    CFMutableDictionaryRef bad = CFDictionaryCreateMutableCopy(NULL, 0, good);
    set_long(bad, kCVPixelBufferWidthKey, -16);
    expect_create(NULL, bad, kCVReturnInvalidPixelBufferAttributes, __LINE__);
    set_long(bad, kCVPixelBufferWidthKey, 16);
    CFDictionarySetValue(bad, kCVPixelBufferExtendedPixelsTopKey, kCFBooleanTrue);
    expect_create(NULL, bad, kCVReturnInvalidPixelBufferAttributes, __LINE__);
    CFRelease(bad);

    /* Formats: unknown → InvalidPixelFormat; an array uses its first
     * creatable entry. */
    bad = buffer_attrs(16, 16, 'zzzz');
    expect_create(NULL, bad, kCVReturnInvalidPixelFormat, __LINE__);
    CFNumberRef formats[3] = {num('zzzz'), num(kCVPixelFormatType_420YpCbCr8BiPlanarFullRange),
                              num(kCVPixelFormatType_32BGRA)};
    CFArrayRef list = CFArrayCreate(NULL, (const void **)formats, 3, &kCFTypeArrayCallBacks);
    CFDictionarySetValue(bad, kCVPixelBufferPixelFormatTypeKey, list);
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, bad, &pool), kCVReturnSuccess);
    CHECK_EQ_LONG(num_value(CFDictionaryGetValue(CVPixelBufferPoolGetPixelBufferAttributes(pool),
                                                 kCVPixelBufferPixelFormatTypeKey)),
                  kCVPixelFormatType_420YpCbCr8BiPlanarFullRange);
    CVPixelBufferRef b = take(pool);
    CHECK_EQ_LONG(CVPixelBufferGetPixelFormatType(b), kCVPixelFormatType_420YpCbCr8BiPlanarFullRange);
    CVPixelBufferRelease(b);
    CVPixelBufferPoolRelease(pool);
    CFRelease(list);
    list = CFArrayCreate(NULL, (const void **)formats, 1, &kCFTypeArrayCallBacks);
    CFDictionarySetValue(bad, kCVPixelBufferPixelFormatTypeKey, list);
    expect_create(NULL, bad, kCVReturnInvalidPixelFormat, __LINE__);
    CFRelease(list);
    list = CFArrayCreate(NULL, NULL, 0, &kCFTypeArrayCallBacks);
    CFDictionarySetValue(bad, kCVPixelBufferPixelFormatTypeKey, list);
    expect_create(NULL, bad, kCVReturnInvalidPixelBufferAttributes, __LINE__);
    CFRelease(list);
    for (int i = 0; i < 3; i++) CFRelease(formats[i]);
    CFRelease(bad);
    /* Sizes. */
    bad = buffer_attrs(0, 16, kCVPixelFormatType_32BGRA);
    expect_create(NULL, bad, kCVReturnInvalidSize, __LINE__);
    CFRelease(bad);
    bad = buffer_attrs(1L << 40, 1L << 40, kCVPixelFormatType_32BGRA);
    expect_create(NULL, bad, kCVReturnInvalidSize, __LINE__);
    CFRelease(bad);

    /* Pool attributes: checked first. */
    expect_create((CFDictionaryRef)n, good, kCVReturnInvalidPoolAttributes, __LINE__);
    expect_create((CFDictionaryRef)n, NULL, kCVReturnInvalidPoolAttributes, __LINE__);
    CFMutableDictionaryRef pa = new_dict();
    CFDictionarySetValue(pa, kCVPixelBufferPoolMinimumBufferCountKey, CFSTR("2"));
    expect_create(pa, good, kCVReturnInvalidPoolAttributes, __LINE__);
    set_long(pa, kCVPixelBufferPoolMinimumBufferCountKey, -1);
    expect_create(pa, good, kCVReturnInvalidPoolAttributes, __LINE__);
    set_double(pa, kCVPixelBufferPoolMinimumBufferCountKey, 1.5);
    expect_create(pa, good, kCVReturnInvalidPoolAttributes, __LINE__);
    set_long(pa, kCVPixelBufferPoolMinimumBufferCountKey, 2);
    CFDictionarySetValue(pa, kCVPixelBufferPoolMaximumBufferAgeKey, kCFBooleanTrue);
    expect_create(pa, good, kCVReturnInvalidPoolAttributes, __LINE__);
    set_double(pa, kCVPixelBufferPoolMaximumBufferAgeKey, -0.5);
    expect_create(pa, good, kCVReturnInvalidPoolAttributes, __LINE__);
    set_double(pa, kCVPixelBufferPoolMaximumBufferAgeKey, 0.5);
    /* The threshold is an aux attribute: ignored here, whatever its type. */
    CFDictionarySetValue(pa, kCVPixelBufferPoolAllocationThresholdKey, CFSTR("ignored"));
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, pa, good, &pool), kCVReturnSuccess);
    CFRelease(pa);

    /* Creating buffers. */
    CVPixelBufferRef sentinel = (CVPixelBufferRef)(uintptr_t)0x6b6b, out = sentinel;
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, pool, NULL), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, NULL, &out), kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, (CVPixelBufferPoolRef)(void *)n, &out),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, NULL, NULL, &out),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, NULL, NULL),
                  kCVReturnInvalidArgument);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, (CFDictionaryRef)n, &out),
                  kCVReturnInvalidArgument);
    CFMutableDictionaryRef aux = new_dict();
    CFDictionarySetValue(aux, kCVPixelBufferPoolAllocationThresholdKey, CFSTR("2"));
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &out),
                  kCVReturnInvalidArgument);
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, -2);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &out),
                  kCVReturnInvalidArgument);
    set_double(aux, kCVPixelBufferPoolAllocationThresholdKey, 2.5);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &out),
                  kCVReturnInvalidArgument);
    CFRelease(aux);
    CHECK(out == sentinel);
    CHECK_EQ_LONG(outstanding(pool), 0);
    CVPixelBufferPoolRelease(pool);

    /* Computable but not allocatable (2^62 bytes): the pool is created
     * (nothing is allocated in advance), each buffer fails, and the failed
     * attempts do not count against a threshold. */
    bad = buffer_attrs(1L << 31, 1L << 29, kCVPixelFormatType_32BGRA);
    CHECK_EQ_LONG(CVPixelBufferPoolCreate(NULL, NULL, bad, &pool), kCVReturnSuccess);
    CFRelease(bad);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBuffer(NULL, pool, &out), kCVReturnAllocationFailed);
    CHECK(out == sentinel);
    aux = new_dict();
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, 1);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &out),
                  kCVReturnAllocationFailed);
    CHECK_EQ_LONG(CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &out),
                  kCVReturnAllocationFailed);
    CHECK_EQ_LONG(outstanding(pool), 0);
    CFRelease(aux);
    CVPixelBufferPoolRelease(pool);

    CFRelease(n);
    CFRelease(good);
}

/* ---- threads ---- */

#define THREADS 4
#define CYCLES 2000

struct stress {
    CVPixelBufferPoolRef pool;
    CFDictionaryRef aux; /* NULL or a threshold */
    pthread_barrier_t *start;
    atomic_int *running;
    atomic_long errors;
    pthread_mutex_t lock; /* guards `bases` */
    void *bases[64];
    int base_count;
};

static void note_base(struct stress *s, void *base) {
    pthread_mutex_lock(&s->lock);
    int known = 0;
    for (int i = 0; i < s->base_count; i++) known |= s->bases[i] == base;
    if (!known && s->base_count < 64) s->bases[s->base_count++] = base;
    pthread_mutex_unlock(&s->lock);
}

struct worker {
    struct stress *s;
    unsigned char tag;
};

static void *stress_worker(void *arg) {
    struct worker *w = arg;
    struct stress *s = w->s;
    pthread_barrier_wait(s->start);
    for (int i = 0; i < CYCLES; i++) {
        CVPixelBufferRef b = NULL;
        if (CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, s->pool, s->aux, &b) != kCVReturnSuccess ||
            b == NULL) {
            atomic_fetch_add(&s->errors, 1);
            continue;
        }
        if (CVPixelBufferLockBaseAddress(b, 0) != kCVReturnSuccess) atomic_fetch_add(&s->errors, 1);
        unsigned char *p = CVPixelBufferGetBaseAddress(b);
        size_t size = CVPixelBufferGetBytesPerRow(b) * CVPixelBufferGetHeight(b);
        if (s->aux != NULL && (i & 31) == 0) note_base(s, p);
        /* If another thread held the same memory, the tag would change. */
        memset(p, w->tag, size);
        sched_yield();
        if (p[0] != w->tag || p[size / 2] != w->tag || p[size - 1] != w->tag)
            atomic_fetch_add(&s->errors, 1);
        if (CVPixelBufferUnlockBaseAddress(b, 0) != kCVReturnSuccess) atomic_fetch_add(&s->errors, 1);
        if (CVBufferGetAttachment(b, CFSTR("Stale"), NULL) != NULL) atomic_fetch_add(&s->errors, 1);
        CVBufferSetAttachment(b, CFSTR("Stale"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
        CVPixelBufferRelease(b);
    }
    atomic_fetch_sub(s->running, 1);
    return NULL;
}

/* Flushes and describes the pool while the workers run. */
static void *flusher(void *arg) {
    struct stress *s = arg;
    pthread_barrier_wait(s->start);
    long rounds = 0;
    while (atomic_load(s->running) > 0) {
        CVPixelBufferPoolFlush(s->pool, (rounds & 1) ? kCVPixelBufferPoolFlushExcessBuffers : 0);
        if (free_count(s->pool) < 0) atomic_fetch_add(&s->errors, 1);
        rounds++;
        sched_yield();
    }
    return NULL;
}

static void run_stress(struct stress *s, int with_flusher) {
    pthread_barrier_t start;
    atomic_int running = THREADS;
    pthread_barrier_init(&start, NULL, THREADS + (with_flusher ? 1 : 0));
    s->start = &start;
    s->running = &running;
    atomic_init(&s->errors, 0);
    pthread_mutex_init(&s->lock, NULL);
    s->base_count = 0;
    pthread_t t[THREADS + 1];
    struct worker w[THREADS];
    for (int i = 0; i < THREADS; i++) {
        w[i].s = s;
        w[i].tag = (unsigned char)(0x31 + i);
        pthread_create(&t[i], NULL, stress_worker, &w[i]);
    }
    if (with_flusher) pthread_create(&t[THREADS], NULL, flusher, s);
    for (int i = 0; i < THREADS + (with_flusher ? 1 : 0); i++) pthread_join(t[i], NULL);
    pthread_barrier_destroy(&start);
    pthread_mutex_destroy(&s->lock);
}

static void test_threads(void) {
    /* Creation, locking, writing and release from 4 threads, with a fifth
     * flushing: no memory handed to two buffers at once, nothing lost or
     * freed twice (ASan/LSan), attachments reset every time. */
    double t0 = now_seconds();
    struct stress s = {0};
    s.pool = make_pool(64, 64, kCVPixelFormatType_32BGRA, NULL);
    run_stress(&s, 1);
    CHECK_EQ_LONG(atomic_load(&s.errors), 0);
    CHECK_EQ_LONG(outstanding(s.pool), 0);
    CHECK(free_count(s.pool) <= THREADS);
    CVPixelBufferPoolRelease(s.pool);
    printf("cv_pool: %d threads x %d cycles with a flusher: %.3f s\n", THREADS, CYCLES, now_seconds() - t0);

    /* With a threshold equal to the thread count and no ageing: every
     * thread holds at most one buffer, so no request is ever refused, and
     * the pool never holds more than four blocks. */
    t0 = now_seconds();
    CFDictionaryRef attrs = pool_attrs(0, 0);
    s.pool = make_pool(64, 64, kCVPixelFormatType_32BGRA, attrs);
    CFRelease(attrs);
    CFMutableDictionaryRef aux = new_dict();
    set_long(aux, kCVPixelBufferPoolAllocationThresholdKey, THREADS);
    s.aux = aux;
    run_stress(&s, 0);
    CHECK_EQ_LONG(atomic_load(&s.errors), 0);
    CHECK(s.base_count >= 1 && s.base_count <= THREADS);
    CHECK_EQ_LONG(outstanding(s.pool), 0);
    CHECK(free_count(s.pool) >= 1 && free_count(s.pool) <= THREADS);
    CFRelease(aux);
    CVPixelBufferPoolRelease(s.pool);
    printf("cv_pool: %d threads x %d cycles under a threshold: %.3f s\n", THREADS, CYCLES, now_seconds() - t0);
}

int main(void) {
    test_recycling();
    test_planar_pool();
    test_attachments_reset();
    test_threshold();
    test_flush_and_ageing();
    test_outliving_the_pool();
    test_attribute_getters();
    test_description();
    test_errors();
    test_threads();
    return pp_finish("cv_pool");
}
