/*
 * Fuzz target: buffer geometry through caller memory and transfers.
 *
 * The input picks a source format, size and per-plane geometry (widths,
 * heights, strides: small, odd, not multiples of the pixel size, or near
 * the integer limits), wraps caller memory with CVPixelBufferCreateWithBytes
 * or CVPixelBufferCreateWithPlanarBytes (planes sometimes overlapping),
 * fills it from the input, tags it (colour, clean aperture, pixel aspect
 * ratio, field attachments), and transfers it into a destination of a
 * fuzzed format (CVPixelBufferCreate with alignment/extended-pixel
 * attributes, or caller memory again) through a session with fuzzed
 * properties.
 *
 * Caller memory is exactly what the documented contract promises
 * (bytesPerRow × height per plane) and ends at an inaccessible page, so an
 * out-of-bounds access from the Rust side faults. Geometry whose byte count
 * overflows size_t is passed without memory behind it: pixelport must
 * reject it, and accepting it aborts the harness.
 */
#include "fuzz_common.h"

#define MAX_BYTES ((size_t)4 << 20)

struct plane_memory {
    struct fz_guarded mem[4];
    int count;
};

static void release_planes(struct plane_memory *m) {
    for (int i = 0; i < m->count; i++) fz_guarded_free(&m->mem[i]);
    m->count = 0;
}

/* Bytes a plane of `h` rows of `bpr` bytes needs, or 0 on overflow. */
static size_t plane_bytes(size_t bpr, size_t h) {
    if (h != 0 && bpr > SIZE_MAX / h) return 0;
    return bpr * h;
}

static void fill(struct fz *f, uint8_t *p, size_t n) {
    /* A repeating pattern from the input: NaNs, extremes and zeroes for
     * float formats come out of it as often as anything else. */
    uint8_t pat[16];
    size_t plen = 1 + fz_pick(f, sizeof pat);
    for (size_t i = 0; i < plen; i++) pat[i] = fz_u8(f);
    for (size_t i = 0; i < n; i++) p[i] = pat[i % plen];
}

/* The planes' natural geometry from pixelport itself (a buffer it
 * allocates), so the fuzzer starts from valid layouts and mutates them. */
static int natural_geometry(OSType format, size_t w, size_t h, size_t *pw, size_t *ph,
                            size_t *pbpr, size_t *planes) {
    CVPixelBufferRef pb = NULL;
    if (CVPixelBufferCreate(NULL, w, h, format, NULL, &pb) != kCVReturnSuccess) return 0;
    *planes = CVPixelBufferGetPlaneCount(pb);
    if (*planes > 4) abort();
    for (size_t i = 0; i < (*planes ? *planes : 1); i++) {
        pw[i] = *planes ? CVPixelBufferGetWidthOfPlane(pb, i) : CVPixelBufferGetWidth(pb);
        ph[i] = *planes ? CVPixelBufferGetHeightOfPlane(pb, i) : CVPixelBufferGetHeight(pb);
        pbpr[i] = *planes ? CVPixelBufferGetBytesPerRowOfPlane(pb, i) : CVPixelBufferGetBytesPerRow(pb);
    }
    CFRelease(pb);
    return 1;
}

static size_t mutate(struct fz *f, size_t v) {
    switch (fz_u8(f) % 12) {
    case 0: return v + 1;
    case 1: return v ? v - 1 : 0;
    case 2: return v + fz_pick(f, 64);
    case 3: return v / 2;
    case 4: return fz_size(f, 1024);
    case 5: return v * 2 + 1;
    default: return v;
    }
}

/* A buffer over caller memory; NULL when pixelport rejected the geometry. */
static CVPixelBufferRef wrap(struct fz *f, OSType format, size_t w, size_t h,
                             struct plane_memory *mem) {
    size_t pw[4] = {0}, ph[4] = {0}, bpr[4] = {0}, planes = 0;
    int natural = natural_geometry(format, w < 4096 ? w : 16, h < 4096 ? h : 16, pw, ph, bpr, &planes);
    if (!natural) planes = fz_pick(f, 4);
    int planar_call = planes > 0 ? fz_u8(f) % 16 != 0 : fz_u8(f) % 16 == 0;
    size_t n = planes ? planes : 1;
    if (fz_u8(f) % 16 == 0) n = fz_pick(f, 5);
    for (size_t i = 0; i < n; i++) {
        pw[i] = mutate(f, pw[i]);
        ph[i] = mutate(f, ph[i]);
        bpr[i] = mutate(f, bpr[i]);
    }
    int overflow = 0;
    void *bases[4] = {0};
    size_t sizes[4] = {0};
    mem->count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t rows = planar_call ? ph[i] : h;
        size_t row_bytes = planar_call ? bpr[i] : bpr[0];
        size_t bytes = plane_bytes(row_bytes, rows);
        if (bytes == 0 && rows != 0 && row_bytes != 0) {
            overflow = 1; /* no memory can back this: must be rejected */
            bases[i] = (void *)(uintptr_t)0x1000;
            continue;
        }
        if (bytes > MAX_BYTES) return NULL;
        if (!fz_guarded_alloc(&mem->mem[mem->count], bytes ? bytes : 1)) return NULL;
        bases[i] = mem->mem[mem->count].data;
        sizes[i] = bytes;
        fill(f, mem->mem[mem->count].data, bytes);
        mem->count++;
        if (!planar_call) break;
    }
    /* Overlapping planes: plane 1 starts inside plane 0. */
    if (planar_call && n >= 2 && fz_u8(f) % 8 == 0 && sizes[0] > 0 && sizes[1] <= sizes[0]) {
        size_t off = fz_pick(f, sizes[0] - sizes[1] + 1);
        bases[1] = (uint8_t *)bases[0] + off;
    }
    CFDictionaryRef attrs = fz_u8(f) % 4 == 0 ? fz_dictionary(f, 1) : NULL;
    CVPixelBufferRef pb = NULL;
    CVReturn r;
    if (planar_call) {
        size_t data_size = fz_size(f, 1 << 20);
        r = CVPixelBufferCreateWithPlanarBytes(NULL, w, h, format, NULL, data_size, n, bases, pw, ph,
                                               bpr, NULL, NULL, attrs, &pb);
    } else {
        r = CVPixelBufferCreateWithBytes(NULL, w, h, format, bases[0], bpr[0], NULL, NULL, attrs, &pb);
    }
    if (attrs) CFRelease(attrs);
    if (r == kCVReturnSuccess && overflow) {
        fprintf(stderr, "accepted geometry whose bytes overflow size_t\n");
        abort();
    }
    if (r != kCVReturnSuccess && pb) abort(); /* out-param written on failure */
    return r == kCVReturnSuccess ? pb : NULL;
}

static CFDictionaryRef number_dict(CFStringRef k1, double v1, CFStringRef k2, double v2) {
    CFNumberRef n1 = CFNumberCreate(NULL, kCFNumberDoubleType, &v1);
    CFNumberRef n2 = CFNumberCreate(NULL, kCFNumberDoubleType, &v2);
    const void *keys[2] = {k1, k2}, *values[2] = {n1, n2};
    CFDictionaryRef d = CFDictionaryCreate(NULL, keys, values, 2, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    CFRelease(n1);
    CFRelease(n2);
    return d;
}

static double fz_double(struct fz *f) {
    switch (fz_u8(f) % 6) {
    case 0: return (double)(int16_t)fz_u16(f);
    case 1: return 0.0 / 0.0;
    case 2: return 1e300;
    case 3: return -(double)fz_u32(f);
    default: return (double)fz_u8(f) / 2.0;
    }
}

static void tag(struct fz *f, CVPixelBufferRef pb) {
    for (int i = fz_pick(f, 6); i > 0; i--) {
        CFStringRef key;
        CFTypeRef value;
        switch (fz_u8(f) % 4) {
        case 0:
            key = kCVImageBufferCleanApertureKey;
            {
                CFDictionaryRef size = number_dict(kCVImageBufferCleanApertureWidthKey, fz_double(f),
                                                   kCVImageBufferCleanApertureHeightKey, fz_double(f));
                CFDictionaryRef offset = number_dict(
                    kCVImageBufferCleanApertureHorizontalOffsetKey, fz_double(f),
                    kCVImageBufferCleanApertureVerticalOffsetKey, fz_double(f));
                CFMutableDictionaryRef m = CFDictionaryCreateMutableCopy(NULL, 0, size);
                const void *ks[2], *vs[2];
                CFDictionaryGetKeysAndValues(offset, ks, vs);
                /* Sometimes without the offsets. */
                for (CFIndex j = 0; j < 2 && (fz_u8(f) & 3); j++) CFDictionarySetValue(m, ks[j], vs[j]);
                CFRelease(size);
                CFRelease(offset);
                value = m;
            }
            break;
        case 1:
            key = kCVImageBufferPixelAspectRatioKey;
            value = number_dict(kCVImageBufferPixelAspectRatioHorizontalSpacingKey, fz_double(f),
                                kCVImageBufferPixelAspectRatioVerticalSpacingKey, fz_double(f));
            break;
        default:
            key = fz_key(f);
            value = fz_value(f, 1);
            CVBufferSetAttachment(pb, key, value, kCVAttachmentMode_ShouldPropagate);
            CFRelease(key);
            CFRelease(value);
            continue;
        }
        CVBufferSetAttachment(pb, key, value, kCVAttachmentMode_ShouldPropagate);
        CFRelease(value);
    }
}

static void set_session_properties(struct fz *f, VTPixelTransferSessionRef s) {
    static const CFStringRef *keys[] = {
        &kVTPixelTransferPropertyKey_ScalingMode,
        &kVTPixelTransferPropertyKey_DownsamplingMode,
        &kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
        &kVTPixelTransferPropertyKey_DestinationColorPrimaries,
        &kVTPixelTransferPropertyKey_DestinationTransferFunction,
        &kVTPixelTransferPropertyKey_DestinationCleanAperture,
        &kVTPixelTransferPropertyKey_DestinationPixelAspectRatio,
        &kVTPixelTransferPropertyKey_RealTime,
    };
    for (int i = fz_pick(f, 4); i > 0; i--) {
        CFStringRef key = *keys[fz_pick(f, FZ_COUNT(keys))];
        CFTypeRef value;
        if (fz_u8(f) & 1)
            value = CFRetain(fz_known_strings[fz_pick(f, fz_known_string_count)]);
        else if (key == kVTPixelTransferPropertyKey_DestinationCleanAperture)
            value = number_dict(kCVImageBufferCleanApertureWidthKey, fz_double(f),
                                kCVImageBufferCleanApertureHeightKey, fz_double(f));
        else
            value = fz_value(f, 2);
        (void)VTSessionSetProperty(s, key, value);
        CFRelease(value);
    }
}

/* FZ_STATS=1: counts of inputs, attempted and successful transfers, shown
 * at exit (is the fuzzer getting past validation?). */
static unsigned long stats[3];
static void show_stats(void) {
    fprintf(stderr, "inputs %lu, transfers tried %lu, succeeded %lu\n", stats[0],
            stats[1] + stats[2], stats[2]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int once;
    if (!once++ && getenv("FZ_STATS")) atexit(show_stats);
    stats[0]++;
    fz_init_tables();
    fz_init_formats();
    struct fz f = {data, size};
    OSType src_format = fz_format(&f), dst_format = fz_format(&f);
    size_t w = fz_size(&f, 70), h = fz_size(&f, 70);

    struct plane_memory src_mem = {0}, dst_mem = {0};
    CVPixelBufferRef src = wrap(&f, src_format, w, h, &src_mem);
    CVPixelBufferRef dst = NULL;
    size_t dw = fz_u8(&f) % 8 == 0 ? fz_size(&f, 70) : w;
    size_t dh = fz_u8(&f) % 8 == 0 ? fz_size(&f, 70) : h;
    if (fz_u8(&f) & 1) {
        CFDictionaryRef attrs = NULL;
        if (fz_u8(&f) & 1) {
            CFDictionaryRef wild = fz_dictionary(&f, 1);
            attrs = fz_tame(wild);
            CFRelease(wild);
        }
        if (dw <= 4096 && dh <= 4096)
            (void)CVPixelBufferCreate(NULL, dw, dh, dst_format, attrs, &dst);
        if (attrs) CFRelease(attrs);
    } else if (dw <= 4096 && dh <= 4096) {
        dst = wrap(&f, dst_format, dw, dh, &dst_mem);
    }
    if (src) tag(&f, src);
    if (dst && fz_u8(&f) % 4 == 0) tag(&f, dst);

    VTPixelTransferSessionRef s = NULL;
    if (VTPixelTransferSessionCreate(NULL, &s) != noErr) abort();
    set_session_properties(&f, s);
    if (src && dst) {
        OSStatus st = VTPixelTransferSessionTransferImage(s, src, dst);
        stats[st == noErr ? 2 : 1]++;
        /* Transferring a buffer onto itself must be defined as well. */
        if (fz_u8(&f) % 8 == 0) (void)VTPixelTransferSessionTransferImage(s, src, src);
    }
    if (dst) {
        (void)CVPixelBufferFillExtendedPixels(dst);
        (void)fz_touch_planes(dst);
    }
    if (src) (void)fz_touch_planes(src);
    CFRelease(s);
    if (src) CFRelease(src);
    if (dst) CFRelease(dst);
    release_planes(&src_mem);
    release_planes(&dst_mem);
    return 0;
}
