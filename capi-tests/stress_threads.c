/* Concurrency stress over CoreVideo and VideoToolbox (README "Robustness"):
 * threads that at the same time
 * - take buffers from one CVPixelBufferPool, retain and release them, hand
 *   them back, and transfer one shared, tagged 420v source into them
 *   through one shared VTPixelTransferSession;
 * - change that session's properties while the transfers run;
 * - rewrite the source's colour attachment (BT.601 <-> BT.709) while the
 *   transfers read it, and read attachments through the Copy getters;
 * - lock the source read-only, flush the pool, and copy session properties.
 * Every transferred frame must be uniform and equal to the BT.601 or the
 * BT.709 result computed single-threaded beforehand (a torn read of the
 * tags or a shared scratch buffer would show up as a mixed or other
 * colour); reference counts must come back to where they started.
 *
 * Sizes: PP_STRESS_ROUNDS (default 150 per worker) scales the run; the
 * valgrind/helgrind configuration in the README uses a small value.
 * Workers count their own errors (CHECK is not thread-safe). */
#define _POSIX_C_SOURCE 200809L
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "pp_test.h"

#define WORKERS 4
#define W 34 /* even: uniform 4:2:0 chroma */
#define H 18

static CVPixelBufferPoolRef g_pool;
static VTPixelTransferSessionRef g_session;
static CVPixelBufferRef g_source;
static uint32_t g_expected[2]; /* BGRA pixel for the 601 and 709 tags */
static atomic_long g_errors;
static atomic_int g_workers_left;
static long g_rounds = 150;

static CFNumberRef num(int v) { return CFNumberCreate(NULL, kCFNumberIntType, &v); }

/* The frame's pixel when all pixels are equal, else 0 (BGRA alpha is 255,
 * so a real pixel is never 0). */
static uint32_t uniform_pixel(CVPixelBufferRef pb) {
    if (CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly) != kCVReturnSuccess) return 0;
    const uint8_t *base = CVPixelBufferGetBaseAddress(pb);
    size_t bpr = CVPixelBufferGetBytesPerRow(pb);
    uint32_t first;
    memcpy(&first, base, 4);
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W; x++) {
            uint32_t px;
            memcpy(&px, base + y * bpr + 4 * x, 4);
            if (px != first) first = 0;
        }
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    return first;
}

static void *transfer_worker(void *arg) {
    (void)arg;
    for (long i = 0; i < g_rounds; i++) {
        CVPixelBufferRef dst = NULL;
        if (CVPixelBufferPoolCreatePixelBuffer(NULL, g_pool, &dst) != kCVReturnSuccess || !dst) {
            atomic_fetch_add(&g_errors, 1);
            continue;
        }
        /* Extra references taken and dropped on this thread. */
        for (int r = 0; r < 4; r++) CVPixelBufferRetain(dst);
        for (int r = 0; r < 4; r++) CVPixelBufferRelease(dst);
        OSStatus st = VTPixelTransferSessionTransferImage(g_session, g_source, dst);
        uint32_t px = uniform_pixel(dst);
        if (st != noErr || (px != g_expected[0] && px != g_expected[1])) {
            fprintf(stderr, "worker: status %d, pixel %08x (expected %08x or %08x)\n", (int)st,
                    (unsigned)px, (unsigned)g_expected[0], (unsigned)g_expected[1]);
            atomic_fetch_add(&g_errors, 1);
        }
        /* The destination's matrix tag is one of the two as well. */
        CFTypeRef tag = CVBufferCopyAttachment(dst, kCVImageBufferYCbCrMatrixKey, NULL);
        if (tag) CFRelease(tag);
        CVPixelBufferRelease(dst);
    }
    atomic_fetch_sub(&g_workers_left, 1);
    return NULL;
}

/* Flips session properties that must not change a 420v -> BGRA result. */
static void *property_writer(void *arg) {
    (void)arg;
    for (long i = 0; atomic_load(&g_workers_left) > 0; i++) {
        VTSessionSetProperty(g_session, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
                             i & 1 ? kCVImageBufferYCbCrMatrix_ITU_R_709_2
                                   : kCVImageBufferYCbCrMatrix_ITU_R_601_4);
        VTSessionSetProperty(g_session, kVTPixelTransferPropertyKey_DownsamplingMode,
                             i & 2 ? kVTDownsamplingMode_Average : kVTDownsamplingMode_Decimate);
        VTSessionSetProperty(g_session, kVTPixelTransferPropertyKey_RealTime,
                             i & 4 ? kCFBooleanTrue : kCFBooleanFalse);
        CFTypeRef value = NULL;
        if (VTSessionCopyProperty(g_session, kVTPixelTransferPropertyKey_ScalingMode, NULL, &value) ==
                noErr &&
            value)
            CFRelease(value);
        CFDictionaryRef all = NULL;
        if (VTSessionCopySerializableProperties(g_session, NULL, &all) == noErr && all) CFRelease(all);
    }
    return NULL;
}

/* Rewrites the source's matrix tag while transfers read it. */
static void *attachment_writer(void *arg) {
    (void)arg;
    for (long i = 0; atomic_load(&g_workers_left) > 0; i++) {
        CVBufferSetAttachment(g_source, kCVImageBufferYCbCrMatrixKey,
                              i & 1 ? kCVImageBufferYCbCrMatrix_ITU_R_709_2
                                    : kCVImageBufferYCbCrMatrix_ITU_R_601_4,
                              kCVAttachmentMode_ShouldPropagate);
        /* Unrelated keys come and go too. */
        CFNumberRef n = num((int)i);
        CVBufferSetAttachment(g_source, kCVImageBufferFieldCountKey, n,
                              kCVAttachmentMode_ShouldNotPropagate);
        CFRelease(n);
        if (i % 3 == 0) CVBufferRemoveAttachment(g_source, kCVImageBufferFieldCountKey);
    }
    return NULL;
}

/* Reads attachments (Copy getters: a +0 Get result could be freed by the
 * writer, on Apple's platforms as here), locks the source read-only and
 * flushes the pool. */
static void *reader(void *arg) {
    (void)arg;
    for (long i = 0; atomic_load(&g_workers_left) > 0; i++) {
        CFDictionaryRef all = CVBufferCopyAttachments(g_source, kCVAttachmentMode_ShouldPropagate);
        if (!all || !CFDictionaryContainsKey(all, kCVImageBufferYCbCrMatrixKey))
            atomic_fetch_add(&g_errors, 1);
        if (all) CFRelease(all);
        CVAttachmentMode mode;
        CFTypeRef v = CVBufferCopyAttachment(g_source, kCVImageBufferFieldCountKey, &mode);
        if (v) CFRelease(v);
        (void)CVBufferHasAttachment(g_source, kCVImageBufferFieldCountKey);
        if (CVPixelBufferLockBaseAddress(g_source, kCVPixelBufferLock_ReadOnly) != kCVReturnSuccess)
            atomic_fetch_add(&g_errors, 1);
        else
            CVPixelBufferUnlockBaseAddress(g_source, kCVPixelBufferLock_ReadOnly);
        CGRect clean = CVImageBufferGetCleanRect(g_source);
        if (clean.size.width != W) atomic_fetch_add(&g_errors, 1);
        if (i % 8 == 0) CVPixelBufferPoolFlush(g_pool, kCVPixelBufferPoolFlushExcessBuffers);
    }
    return NULL;
}

static void fill_source(void) {
    CVPixelBufferLockBaseAddress(g_source, 0);
    for (size_t p = 0; p < 2; p++) {
        uint8_t *base = CVPixelBufferGetBaseAddressOfPlane(g_source, p);
        size_t bpr = CVPixelBufferGetBytesPerRowOfPlane(g_source, p);
        for (size_t y = 0; y < CVPixelBufferGetHeightOfPlane(g_source, p); y++)
            for (size_t x = 0; x < CVPixelBufferGetWidthOfPlane(g_source, p); x++) {
                if (p == 0) base[y * bpr + x] = 120;
                else { base[y * bpr + 2 * x] = 70; base[y * bpr + 2 * x + 1] = 200; }
            }
    }
    CVPixelBufferUnlockBaseAddress(g_source, 0);
}

int main(void) {
    const char *rounds = getenv("PP_STRESS_ROUNDS");
    if (rounds && atol(rounds) > 0) g_rounds = atol(rounds);

    CHECK(CVPixelBufferCreate(NULL, W, H, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, NULL,
                              &g_source) == kCVReturnSuccess);
    fill_source();
    CHECK(VTPixelTransferSessionCreate(NULL, &g_session) == noErr);

    CFNumberRef w = num(W), h = num(H), f = num((int)kCVPixelFormatType_32BGRA);
    const void *keys[] = {kCVPixelBufferWidthKey, kCVPixelBufferHeightKey,
                          kCVPixelBufferPixelFormatTypeKey};
    const void *values[] = {w, h, f};
    CFDictionaryRef attrs = CFDictionaryCreate(NULL, keys, values, 3, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CHECK(CVPixelBufferPoolCreate(NULL, NULL, attrs, &g_pool) == kCVReturnSuccess);
    CFRelease(attrs);
    CFRelease(w);
    CFRelease(h);
    CFRelease(f);

    /* The two legitimate results, single-threaded. */
    CFStringRef tags[2] = {kCVImageBufferYCbCrMatrix_ITU_R_601_4, kCVImageBufferYCbCrMatrix_ITU_R_709_2};
    for (int i = 0; i < 2; i++) {
        CVBufferSetAttachment(g_source, kCVImageBufferYCbCrMatrixKey, tags[i],
                              kCVAttachmentMode_ShouldPropagate);
        CVPixelBufferRef dst = NULL;
        CHECK(CVPixelBufferPoolCreatePixelBuffer(NULL, g_pool, &dst) == kCVReturnSuccess);
        CHECK(VTPixelTransferSessionTransferImage(g_session, g_source, dst) == noErr);
        g_expected[i] = uniform_pixel(dst);
        CHECK(g_expected[i] != 0);
        CVPixelBufferRelease(dst);
    }
    CHECK(g_expected[0] != g_expected[1]);

    CFIndex source_refs = CFGetRetainCount(g_source);
    CFIndex session_refs = CFGetRetainCount(g_session);
    CFIndex pool_refs = CFGetRetainCount(g_pool);

    pthread_t t[WORKERS + 3];
    atomic_store(&g_workers_left, WORKERS);
    for (int i = 0; i < WORKERS; i++) pthread_create(&t[i], NULL, transfer_worker, NULL);
    pthread_create(&t[WORKERS], NULL, property_writer, NULL);
    pthread_create(&t[WORKERS + 1], NULL, attachment_writer, NULL);
    pthread_create(&t[WORKERS + 2], NULL, reader, NULL);
    for (int i = 0; i < WORKERS + 3; i++) pthread_join(t[i], NULL);

    CHECK_EQ_LONG(atomic_load(&g_errors), 0);
    CHECK_EQ_LONG(CFGetRetainCount(g_source), source_refs);
    CHECK_EQ_LONG(CFGetRetainCount(g_session), session_refs);
    CHECK_EQ_LONG(CFGetRetainCount(g_pool), pool_refs);

    VTPixelTransferSessionInvalidate(g_session);
    CFRelease(g_session);
    CVPixelBufferPoolRelease(g_pool);
    CVPixelBufferRelease(g_source);
    return pp_finish("stress_threads");
}
