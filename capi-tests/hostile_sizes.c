/* Hostile geometry (README "Robustness" and behaviour table): widths and
 * heights near INT32_MAX / SIZE_MAX, rowBytes × height overflowing size_t,
 * memory larger than any machine has, odd sizes with 4:2:0, 1×1 in every
 * format and every format pair, strides that are not a multiple of the
 * pixel size, and planes that overlap. Each case has a documented error
 * or a correct result; out-parameters are untouched on failure. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <stdint.h>

#include "pp_cf.h"

static CVPixelBufferRef const SENTINEL = (CVPixelBufferRef)(uintptr_t)0x5EED;

static CVReturn create(size_t w, size_t h, OSType format, CFDictionaryRef attrs) {
    CVPixelBufferRef out = SENTINEL;
    CVReturn r = CVPixelBufferCreate(NULL, w, h, format, attrs, &out);
    if (r == kCVReturnSuccess) CVPixelBufferRelease(out);
    else CHECK(out == SENTINEL);
    return r;
}

static void huge_sizes(void) {
    const OSType bgra = kCVPixelFormatType_32BGRA, nv12 = kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange;
    /* Row bytes overflow size_t. */
    CHECK_EQ_LONG(create(SIZE_MAX, 1, bgra, NULL), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(SIZE_MAX / 4 + 1, 1, bgra, NULL), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(SIZE_MAX, SIZE_MAX, nv12, NULL), kCVReturnInvalidSize);
    /* Rows × height overflow, or more than isize::MAX bytes. */
    CHECK_EQ_LONG(create(1, SIZE_MAX, bgra, NULL), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(16, SIZE_MAX / 8, nv12, NULL), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create(INT32_MAX, INT32_MAX, bgra, NULL), kCVReturnInvalidSize);
    CHECK_EQ_LONG(create((size_t)INT32_MAX + 1, (size_t)INT32_MAX + 1, bgra, NULL),
                  kCVReturnInvalidSize);
    /* Representable, but more memory than exists: the allocation fails. */
    CHECK_EQ_LONG(create((size_t)1 << 22, (size_t)1 << 22, bgra, NULL), kCVReturnAllocationFailed);
    /* Alignment attributes that inflate the stride past the limits. */
    CFNumberRef big = pp_num(INT32_MAX);
    const void *k[] = {kCVPixelBufferBytesPerRowAlignmentKey};
    const void *v[] = {big};
    CFDictionaryRef attrs = CFDictionaryCreate(NULL, k, v, 1, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CVReturn r = create((size_t)1 << 31, (size_t)1 << 31, bgra, attrs);
    CHECK(r == kCVReturnInvalidSize || r == kCVReturnAllocationFailed);
    CFRelease(attrs);
    CFRelease(big);
}

static void pool_sizes(void) {
    /* Pool attributes whose buffers could never be allocated. */
    long long sizes[][2] = {{-1, 16}, {16, -1}, {0, 16}, {INT64_MAX, 2}, {(long long)1 << 40, 1 << 20}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        CFNumberRef w = CFNumberCreate(NULL, kCFNumberLongLongType, &sizes[i][0]);
        CFNumberRef h = CFNumberCreate(NULL, kCFNumberLongLongType, &sizes[i][1]);
        CFNumberRef f = pp_num((int)kCVPixelFormatType_32BGRA);
        const void *k[] = {kCVPixelBufferWidthKey, kCVPixelBufferHeightKey, kCVPixelBufferPixelFormatTypeKey};
        const void *v[] = {w, h, f};
        CFDictionaryRef attrs = CFDictionaryCreate(NULL, k, v, 3, &kCFTypeDictionaryKeyCallBacks,
                                                   &kCFTypeDictionaryValueCallBacks);
        CVPixelBufferPoolRef pool = (CVPixelBufferPoolRef)SENTINEL;
        CVReturn r = CVPixelBufferPoolCreate(NULL, NULL, attrs, &pool);
        if (r == kCVReturnSuccess) {
            /* Accepted at creation: the buffer itself must fail cleanly. */
            CVPixelBufferRef pb = SENTINEL;
            CVReturn rb = CVPixelBufferPoolCreatePixelBuffer(NULL, pool, &pb);
            CHECK(rb == kCVReturnInvalidSize || rb == kCVReturnAllocationFailed);
            CHECK(pb == SENTINEL);
            CVPixelBufferPoolRelease(pool);
        } else {
            CHECK(r == kCVReturnInvalidPixelBufferAttributes || r == kCVReturnInvalidSize ||
                  r == kCVReturnAllocationFailed);
            CHECK(pool == (CVPixelBufferPoolRef)SENTINEL);
        }
        CFRelease(attrs);
        CFRelease(w);
        CFRelease(h);
        CFRelease(f);
    }
}

static void caller_memory(void) {
    static uint8_t mem[4096];
    CVPixelBufferRef out = SENTINEL;
    const OSType bgra = kCVPixelFormatType_32BGRA;
    /* Stride shorter than a row. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 8, 2, bgra, mem, 31, NULL, NULL, NULL, &out),
                  kCVReturnInvalidArgument);
    /* rowBytes × height overflows. */
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 1, 3, bgra, mem, SIZE_MAX / 2, NULL, NULL, NULL, &out),
                  kCVReturnInvalidSize);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 1, SIZE_MAX, bgra, mem, 4, NULL, NULL, NULL, &out),
                  kCVReturnInvalidSize);
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, SIZE_MAX / 2, 1, bgra, mem, SIZE_MAX, NULL, NULL, NULL, &out),
                  kCVReturnInvalidSize);
    CHECK(out == SENTINEL);

    /* A stride that is not a multiple of the pixel size (4·w + 3) works:
     * rows are byte-addressed, and the transfer honours the odd stride. */
    const size_t w = 5, h = 3, bpr = 4 * w + 3;
    uint8_t *bytes = malloc(bpr * h);
    for (size_t i = 0; i < bpr * h; i++) bytes[i] = (uint8_t)(i * 7);
    CVPixelBufferRef odd = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, w, h, bgra, bytes, bpr, NULL, NULL, NULL, &odd),
                  kCVReturnSuccess);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(odd), bpr);
    CVPixelBufferRef copy = NULL;
    CHECK(CVPixelBufferCreate(NULL, w, h, kCVPixelFormatType_32RGBA, NULL, &copy) == kCVReturnSuccess);
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s) == noErr);
    CHECK_EQ_LONG(VTPixelTransferSessionTransferImage(s, odd, copy), noErr);
    CVPixelBufferLockBaseAddress(copy, kCVPixelBufferLock_ReadOnly);
    const uint8_t *dst = CVPixelBufferGetBaseAddress(copy);
    size_t dbpr = CVPixelBufferGetBytesPerRow(copy);
    int same = 1;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            const uint8_t *s4 = bytes + y * bpr + 4 * x, *d4 = dst + y * dbpr + 4 * x;
            /* BGRA -> RGBA swaps B and R. */
            same &= d4[0] == s4[2] && d4[1] == s4[1] && d4[2] == s4[0] && d4[3] == s4[3];
        }
    CHECK(same);
    CVPixelBufferUnlockBaseAddress(copy, kCVPixelBufferLock_ReadOnly);

    /* Planar: plane sizes and counts that do not match the format. */
    const OSType nv12 = kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange;
    void *bases[2] = {mem, mem + 2048};
    size_t pw[2] = {5, 3}, ph[2] = {5, 3}, pbpr[2] = {8, 8};
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 5, nv12, NULL, 0, SIZE_MAX, bases, pw, ph,
                                                     pbpr, NULL, NULL, NULL, &out),
                  kCVReturnInvalidArgument);
    size_t bad_w[2] = {5, 2};
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 5, nv12, NULL, 0, 2, bases, bad_w, ph,
                                                     pbpr, NULL, NULL, NULL, &out),
                  kCVReturnInvalidArgument);
    size_t huge_bpr[2] = {8, SIZE_MAX / 2};
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 5, nv12, NULL, 0, 2, bases, pw, ph,
                                                     huge_bpr, NULL, NULL, NULL, &out),
                  kCVReturnInvalidSize);
    CHECK(out == SENTINEL);

    /* Overlapping planes (both planes at the same address) are accepted as
     * a source — reading is defined — but refused as a transfer
     * destination, where the two planes' writes would alias. */
    memset(mem, 0x80, sizeof mem);
    void *same_bases[2] = {mem, mem};
    CVPixelBufferRef overlap = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreateWithPlanarBytes(NULL, 5, 5, nv12, NULL, 0, 2, same_bases, pw, ph,
                                                     pbpr, NULL, NULL, NULL, &overlap),
                  kCVReturnSuccess);
    CVPixelBufferRef rgb = NULL;
    CHECK(CVPixelBufferCreate(NULL, 5, 5, bgra, NULL, &rgb) == kCVReturnSuccess);
    CHECK_EQ_LONG(VTPixelTransferSessionTransferImage(s, overlap, rgb), noErr);
    CHECK_EQ_LONG(VTPixelTransferSessionTransferImage(s, rgb, overlap), kVTParameterErr);
    CHECK(mem[0] == 0x80 && mem[7] == 0x80);
    CFRelease(rgb);
    CFRelease(overlap);

    CFRelease(s);
    CFRelease(copy);
    CFRelease(odd);
    free(bytes);
}

/* 4:2:0 with odd sizes: chroma planes round up, and a transfer through
 * them covers the last odd column and row. */
static void odd_420(void) {
    const size_t sizes[][2] = {{1, 1}, {1, 5}, {5, 1}, {3, 3}, {7, 9}};
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s) == noErr);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t w = sizes[i][0], h = sizes[i][1];
        CVPixelBufferRef yuv = NULL, rgb = NULL, back = NULL;
        CHECK(CVPixelBufferCreate(NULL, w, h, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, NULL, &yuv) ==
              kCVReturnSuccess);
        CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(yuv, 1), (w + 1) / 2);
        CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(yuv, 1), (h + 1) / 2);
        CHECK(CVPixelBufferCreate(NULL, w, h, kCVPixelFormatType_32BGRA, NULL, &rgb) == kCVReturnSuccess);
        CHECK(CVPixelBufferCreate(NULL, w, h, kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, NULL, &back) ==
              kCVReturnSuccess);
        /* Mid grey everywhere in BGRA -> 4:2:0 -> back. */
        CVPixelBufferLockBaseAddress(rgb, 0);
        uint8_t *p = CVPixelBufferGetBaseAddress(rgb);
        for (size_t y = 0; y < h; y++) memset(p + y * CVPixelBufferGetBytesPerRow(rgb), 128, 4 * w);
        CVPixelBufferUnlockBaseAddress(rgb, 0);
        CHECK_EQ_LONG(VTPixelTransferSessionTransferImage(s, rgb, back), noErr);
        CVPixelBufferLockBaseAddress(back, kCVPixelBufferLock_ReadOnly);
        const uint8_t *c = CVPixelBufferGetBaseAddressOfPlane(back, 1);
        size_t cbpr = CVPixelBufferGetBytesPerRowOfPlane(back, 1);
        size_t cw = (w + 1) / 2, ch = (h + 1) / 2;
        /* The last chroma sample (from the odd edge) is neutral too. */
        CHECK(abs(c[(ch - 1) * cbpr + 2 * (cw - 1)] - 128) <= 1);
        CHECK(abs(c[(ch - 1) * cbpr + 2 * (cw - 1) + 1] - 128) <= 1);
        CVPixelBufferUnlockBaseAddress(back, kCVPixelBufferLock_ReadOnly);
        CHECK_EQ_LONG(VTPixelTransferSessionTransferImage(s, back, yuv), noErr);
        CFRelease(yuv);
        CFRelease(rgb);
        CFRelease(back);
    }
    CFRelease(s);
}

/* 1×1 in every format pixelport knows, and every pair of them through
 * the transfer: a success or a documented error, never a crash. */
static void one_by_one(void) {
    CFArrayRef all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(NULL);
    CFIndex n = CFArrayGetCount(all);
    CVPixelBufferRef *pbs = calloc((size_t)n, sizeof *pbs);
    int created = 0, transferred = 0;
    for (CFIndex i = 0; i < n; i++) {
        OSType code = 0;
        CFNumberGetValue(CFArrayGetValueAtIndex(all, i), kCFNumberSInt32Type, &code);
        CVReturn r = CVPixelBufferCreate(NULL, 1, 1, code, NULL, &pbs[i]);
        /* Compressed and Bayer-only formats may refuse; nothing else. */
        CHECK(r == kCVReturnSuccess || r == kCVReturnInvalidPixelFormat);
        if (r != kCVReturnSuccess) {
            pbs[i] = NULL;
            continue;
        }
        created++;
        CHECK(CVPixelBufferLockBaseAddress(pbs[i], 0) == kCVReturnSuccess);
        size_t planes = CVPixelBufferGetPlaneCount(pbs[i]);
        for (size_t p = 0; p < (planes ? planes : 1); p++) {
            uint8_t *base = planes ? CVPixelBufferGetBaseAddressOfPlane(pbs[i], p)
                                   : CVPixelBufferGetBaseAddress(pbs[i]);
            size_t bpr = planes ? CVPixelBufferGetBytesPerRowOfPlane(pbs[i], p)
                                : CVPixelBufferGetBytesPerRow(pbs[i]);
            CHECK(base != NULL && bpr > 0);
            if (base) memset(base, 0x5A, bpr); /* the whole row is ours (ASan checks) */
        }
        CVPixelBufferUnlockBaseAddress(pbs[i], 0);
        CVReturn fill = CVPixelBufferFillExtendedPixels(pbs[i]);
        CHECK(fill == kCVReturnSuccess || fill == kCVReturnUnsupported);
    }
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s) == noErr);
    for (CFIndex i = 0; i < n; i++)
        for (CFIndex j = 0; j < n; j++) {
            if (!pbs[i] || !pbs[j] || i == j) continue;
            OSStatus st = VTPixelTransferSessionTransferImage(s, pbs[i], pbs[j]);
            CHECK(st == noErr || st == kVTPixelTransferNotSupportedErr ||
                  st == kVTInsufficientSourceColorDataErr);
            transferred += st == noErr;
        }
    CHECK(created > 50);
    CHECK(transferred > 1000);
    for (CFIndex i = 0; i < n; i++)
        if (pbs[i]) CFRelease(pbs[i]);
    free(pbs);
    CFRelease(s);
    CFRelease(all);
}

/* A one-plane custom format with subsampling would give a buffer with
 * fewer or shorter rows than GetHeight() x GetWidth(), and C code reading
 * GetHeight() rows of GetBytesPerRow() would run past its memory (found by
 * fuzz_properties): such a registration is ignored. */
static void subsampled_chunky_custom_format(void) {
    const OSType code = 'hsC1';
    CFNumberRef bits = pp_num(32), four = pp_num(4);
    const void *k[] = {kCVPixelFormatBitsPerBlock, kCVPixelFormatVerticalSubsampling};
    const void *v[] = {bits, four};
    CFDictionaryRef d = CFDictionaryCreate(NULL, k, v, 2, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, code);
    CVPixelBufferRef out = SENTINEL;
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 17, 8, code, NULL, &out), kCVReturnInvalidPixelFormat);
    CHECK(out == SENTINEL);
    CFRelease(d);
    /* Without the subsampling it registers, and every row is there. */
    d = CFDictionaryCreate(NULL, k, v, 1, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, code);
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 17, 8, code, NULL, &out), kCVReturnSuccess);
    CHECK(CVPixelBufferGetDataSize(out) >= 7 * CVPixelBufferGetBytesPerRow(out) + 17 * 4);
    CVPixelBufferLockBaseAddress(out, 0);
    uint8_t *base = CVPixelBufferGetBaseAddress(out);
    memset(base + 7 * CVPixelBufferGetBytesPerRow(out), 1, 17 * 4); /* the last row (ASan) */
    CVPixelBufferUnlockBaseAddress(out, 0);
    CVPixelBufferRelease(out);
    CFRelease(d);
    CFRelease(bits);
    CFRelease(four);
}

/* A refused registration must not keep anything: plane 0 is valid and
 * brings a new black block, plane 1 has no BitsPerBlock. Run under LSan
 * and valgrind, a kept black block shows up as a leak (found by
 * fuzz_properties). */
static void refused_registration_leaks_nothing(void) {
    const OSType code = 'hsC2';
    CFNumberRef bits = pp_num(8);
    uint8_t black = 16;
    CFDataRef block = CFDataCreate(NULL, &black, 1);
    const void *k0[] = {kCVPixelFormatBitsPerBlock, kCVPixelFormatBlackBlock};
    const void *v0[] = {bits, block};
    CFDictionaryRef p0 = CFDictionaryCreate(NULL, k0, v0, 2, &kCFTypeDictionaryKeyCallBacks,
                                            &kCFTypeDictionaryValueCallBacks);
    CFDictionaryRef p1 = CFDictionaryCreate(NULL, NULL, NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                            &kCFTypeDictionaryValueCallBacks);
    const void *planes_v[] = {p0, p1};
    CFArrayRef planes = CFArrayCreate(NULL, planes_v, 2, &kCFTypeArrayCallBacks);
    const void *k[] = {kCVPixelFormatPlanes};
    const void *v[] = {planes};
    CFDictionaryRef d = CFDictionaryCreate(NULL, k, v, 1, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    for (int i = 0; i < 3; i++) CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, code);
    CFDictionaryRef described = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, code);
    CHECK(described == NULL);
    if (described) CFRelease(described);
    CFRelease(d);
    CFRelease(planes);
    CFRelease(p0);
    CFRelease(p1);
    CFRelease(block);
    CFRelease(bits);
}

int main(void) {
    huge_sizes();
    pool_sizes();
    caller_memory();
    odd_420();
    one_by_one();
    subsampled_chunky_custom_format();
    refused_registration_leaks_nothing();
    return pp_finish("hostile_sizes");
}
