/*
 * Shared pieces of the libFuzzer harnesses in fuzz/ (see fuzz/README.md).
 *
 * A harness reads its decisions from the fuzz input through `struct fz`
 * (reads past the end give zeroes, so every input is a valid program), and
 * builds CoreFoundation values from it: keys drawn from pixelport's real
 * key constants or junk strings, values of every CF type pixelport knows
 * (numbers of every CFNumberType with extreme and non-finite values,
 * strings, booleans, null, data, arrays, dictionaries, colour spaces,
 * allocators, pixel buffers), nested up to a depth limit.
 *
 * Everything a harness creates it releases: libFuzzer's leak detection
 * (LSan) turns a lost reference into a crash report.
 */
#ifndef PIXELPORT_FUZZ_COMMON_H
#define PIXELPORT_FUZZ_COMMON_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#endif

#include <CoreFoundation/CoreFoundation.h>
#include <CoreGraphics/CoreGraphics.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct fz {
    const uint8_t *p;
    size_t n;
};

static inline uint8_t fz_u8(struct fz *f) {
    if (f->n == 0) return 0;
    f->n--;
    return *f->p++;
}

static inline uint16_t fz_u16(struct fz *f) { return (uint16_t)(fz_u8(f) | fz_u8(f) << 8); }
static inline uint32_t fz_u32(struct fz *f) { return (uint32_t)fz_u16(f) | (uint32_t)fz_u16(f) << 16; }
static inline uint64_t fz_u64(struct fz *f) { return (uint64_t)fz_u32(f) | (uint64_t)fz_u32(f) << 32; }

/* A number in [0, n). */
static inline size_t fz_pick(struct fz *f, size_t n) { return n == 0 ? 0 : fz_u16(f) % n; }

/* A size: mostly small, sometimes an edge value (0, near i32/u32/usize limits). */
static inline size_t fz_size(struct fz *f, size_t small_max) {
    uint8_t k = fz_u8(f);
    switch (k % 16) {
    case 0: return 0;
    case 1: return 1;
    case 2: return (size_t)INT32_MAX - fz_u8(f);
    case 3: return (size_t)UINT32_MAX - fz_u8(f);
    case 4: return SIZE_MAX - fz_u8(f);
    case 5: return ((size_t)1 << (32 + fz_u8(f) % 31)) + fz_u8(f);
    default: return fz_pick(f, small_max + 1);
    }
}

#define FZ_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The keys pixelport reads somewhere: buffer and pool attributes,
 * attachments and their sub-dictionary keys, VT session properties. Filled
 * at runtime (the constants are extern data, not constant expressions). */
static CFStringRef fz_known_keys[160];
static size_t fz_known_key_count;

/* String values pixelport gives meaning to (colour tags, modes). */
static CFStringRef fz_known_strings[80];
static size_t fz_known_string_count;

static inline void fz_init_tables(void) {
    if (fz_known_key_count) return;
    const CFStringRef keys[] = {
        kCVPixelBufferPixelFormatTypeKey, kCVPixelBufferWidthKey, kCVPixelBufferHeightKey,
        kCVPixelBufferExtendedPixelsLeftKey, kCVPixelBufferExtendedPixelsRightKey,
        kCVPixelBufferExtendedPixelsTopKey, kCVPixelBufferExtendedPixelsBottomKey,
        kCVPixelBufferBytesPerRowAlignmentKey, kCVPixelBufferPlaneAlignmentKey,
        kCVPixelBufferMemoryAllocatorKey, kCVPixelBufferIOSurfacePropertiesKey,
        kCVPixelBufferCGImageCompatibilityKey, kCVPixelBufferCGBitmapContextCompatibilityKey,
        kCVPixelBufferOpenGLCompatibilityKey, kCVPixelBufferMetalCompatibilityKey,
        kCVBufferPropagatedAttachmentsKey, kCVBufferNonPropagatedAttachmentsKey,
        kCVBufferMovieTimeKey, kCVBufferTimeValueKey, kCVBufferTimeScaleKey,
        kCVPixelBufferPoolMinimumBufferCountKey, kCVPixelBufferPoolMaximumBufferAgeKey,
        kCVPixelBufferPoolAllocationThresholdKey,
        kCVImageBufferCGColorSpaceKey, kCVImageBufferCleanApertureKey,
        kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey,
        kCVImageBufferCleanApertureHorizontalOffsetKey,
        kCVImageBufferCleanApertureVerticalOffsetKey, kCVImageBufferPreferredCleanApertureKey,
        kCVImageBufferFieldCountKey, kCVImageBufferFieldDetailKey,
        kCVImageBufferPixelAspectRatioKey, kCVImageBufferPixelAspectRatioHorizontalSpacingKey,
        kCVImageBufferPixelAspectRatioVerticalSpacingKey, kCVImageBufferDisplayDimensionsKey,
        kCVImageBufferDisplayWidthKey, kCVImageBufferDisplayHeightKey,
        kCVImageBufferGammaLevelKey, kCVImageBufferICCProfileKey,
        kCVImageBufferYCbCrMatrixKey, kCVImageBufferColorPrimariesKey,
        kCVImageBufferTransferFunctionKey, kCVImageBufferChromaLocationTopFieldKey,
        kCVImageBufferChromaLocationBottomFieldKey, kCVImageBufferChromaSubsamplingKey,
        kCVImageBufferAlphaChannelIsOpaque, kCVImageBufferAlphaChannelModeKey,
        kCVImageBufferMasteringDisplayColorVolumeKey, kCVImageBufferContentLightLevelInfoKey,
        kCVImageBufferRegionOfInterestKey, kCVImageBufferLogTransferFunctionKey,
        kVTPixelTransferPropertyKey_ScalingMode, kVTPixelTransferPropertyKey_DestinationCleanAperture,
        kVTPixelTransferPropertyKey_DestinationPixelAspectRatio,
        kVTPixelTransferPropertyKey_DownsamplingMode,
        kVTPixelTransferPropertyKey_DestinationColorPrimaries,
        kVTPixelTransferPropertyKey_DestinationTransferFunction,
        kVTPixelTransferPropertyKey_DestinationICCProfile,
        kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
        kVTPixelTransferPropertyKey_RealTime,
        kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer,
        kVTPixelTransferPropertyKey_EnableHighSpeedTransfer,
        kVTPixelRotationPropertyKey_Rotation, kVTPixelRotationPropertyKey_FlipHorizontalOrientation,
        kVTPixelRotationPropertyKey_FlipVerticalOrientation,
        kCVPixelFormatName, kCVPixelFormatConstant, kCVPixelFormatCodecType, kCVPixelFormatFourCC,
        kCVPixelFormatContainsAlpha, kCVPixelFormatContainsYCbCr, kCVPixelFormatContainsRGB,
        kCVPixelFormatContainsGrayscale, kCVPixelFormatComponentRange, kCVPixelFormatPlanes,
        kCVPixelFormatBlockWidth, kCVPixelFormatBlockHeight, kCVPixelFormatBitsPerBlock,
        kCVPixelFormatBitsPerComponent, kCVPixelFormatBlockHorizontalAlignment,
        kCVPixelFormatBlockVerticalAlignment, kCVPixelFormatBlackBlock,
        kCVPixelFormatHorizontalSubsampling, kCVPixelFormatVerticalSubsampling,
        kCVPixelFormatFillExtendedPixelsCallback,
    };
    for (size_t i = 0; i < FZ_COUNT(keys) && i < FZ_COUNT(fz_known_keys); i++)
        fz_known_keys[fz_known_key_count++] = keys[i];
    const CFStringRef strings[] = {
        kCVImageBufferYCbCrMatrix_ITU_R_709_2, kCVImageBufferYCbCrMatrix_ITU_R_601_4,
        kCVImageBufferYCbCrMatrix_SMPTE_240M_1995, kCVImageBufferYCbCrMatrix_ITU_R_2020,
        kCVImageBufferYCbCrMatrix_DCI_P3, kCVImageBufferYCbCrMatrix_P3_D65,
        kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferColorPrimaries_EBU_3213,
        kCVImageBufferColorPrimaries_SMPTE_C, kCVImageBufferColorPrimaries_P22,
        kCVImageBufferColorPrimaries_DCI_P3, kCVImageBufferColorPrimaries_P3_D65,
        kCVImageBufferColorPrimaries_ITU_R_2020,
        kCVImageBufferTransferFunction_ITU_R_709_2, kCVImageBufferTransferFunction_SMPTE_240M_1995,
        kCVImageBufferTransferFunction_UseGamma, kCVImageBufferTransferFunction_EBU_3213,
        kCVImageBufferTransferFunction_SMPTE_C, kCVImageBufferTransferFunction_sRGB,
        kCVImageBufferTransferFunction_ITU_R_2020, kCVImageBufferTransferFunction_SMPTE_ST_428_1,
        kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ,
        kCVImageBufferTransferFunction_ITU_R_2100_HLG, kCVImageBufferTransferFunction_Linear,
        kCVImageBufferChromaLocation_Left, kCVImageBufferChromaLocation_Center,
        kCVImageBufferChromaLocation_TopLeft, kCVImageBufferChromaLocation_Top,
        kCVImageBufferChromaLocation_BottomLeft, kCVImageBufferChromaLocation_Bottom,
        kCVImageBufferChromaLocation_DV420, kCVImageBufferChromaSubsampling_420,
        kCVImageBufferChromaSubsampling_422, kCVImageBufferChromaSubsampling_411,
        kCVImageBufferFieldDetailTemporalTopFirst, kCVImageBufferFieldDetailTemporalBottomFirst,
        kCVImageBufferFieldDetailSpatialFirstLineEarly, kCVImageBufferFieldDetailSpatialFirstLineLate,
        kCVImageBufferAlphaChannelMode_StraightAlpha, kCVImageBufferAlphaChannelMode_PremultipliedAlpha,
        kVTScalingMode_Normal, kVTScalingMode_CropSourceToCleanAperture, kVTScalingMode_Letterbox,
        kVTScalingMode_Trim, kVTDownsamplingMode_Decimate, kVTDownsamplingMode_Average,
        kVTRotation_0, kVTRotation_CW90, kVTRotation_180, kVTRotation_CCW90,
        kCVPixelFormatComponentRange_VideoRange, kCVPixelFormatComponentRange_FullRange,
        kCVPixelFormatComponentRange_WideRange, kCGColorSpaceSRGB, kCGColorSpaceDisplayP3,
        kCGColorSpaceITUR_709, kCGColorSpaceITUR_2100_PQ, kCGColorSpaceGenericGray,
    };
    for (size_t i = 0; i < FZ_COUNT(strings) && i < FZ_COUNT(fz_known_strings); i++)
        fz_known_strings[fz_known_string_count++] = strings[i];
}

/* A new (+1) string: junk bytes (any encoding outcome), sometimes empty. */
static inline CFStringRef fz_junk_string(struct fz *f) {
    size_t len = fz_pick(f, 12);
    char buf[16];
    for (size_t i = 0; i < len; i++) buf[i] = (char)fz_u8(f);
    CFStringRef s = CFStringCreateWithBytes(NULL, (const UInt8 *)buf, (CFIndex)len,
                                            fz_u8(f) & 1 ? kCFStringEncodingUTF8
                                                         : kCFStringEncodingISOLatin1,
                                            false);
    return s ? s : CFStringCreateWithCString(NULL, "", kCFStringEncodingUTF8);
}

/* A new (+1) key: a real key constant (retained) most of the time. */
static inline CFStringRef fz_key(struct fz *f) {
    if (fz_u8(f) % 8 == 0) return fz_junk_string(f);
    return (CFStringRef)CFRetain(fz_known_keys[fz_pick(f, fz_known_key_count)]);
}

/* A new (+1) number of any CFNumberType, with interesting values. */
static inline CFNumberRef fz_number(struct fz *f) {
    CFNumberType type = (CFNumberType)(1 + fz_pick(f, 16));
    union {
        uint8_t bytes[16];
        int64_t i;
        double d;
        float fl;
    } v;
    memset(&v, 0, sizeof v);
    switch (fz_u8(f) % 10) {
    case 0: v.i = INT64_MAX; break;
    case 1: v.i = INT64_MIN; break;
    case 2: v.i = -1; break;
    case 3: v.d = 0.0 / 0.0; break;
    case 4: v.d = 1e308 * 10; break;
    case 5: v.fl = -1.0f / 0.0f; break;
    case 6: v.d = -0.5; break;
    default:
        for (int i = 0; i < 8; i++) v.bytes[i] = fz_u8(f);
    }
    return CFNumberCreate(NULL, type, v.bytes);
}

static CFTypeRef fz_value(struct fz *f, int depth);

/* A new (+1) dictionary of up to 8 entries. */
static inline CFDictionaryRef fz_dictionary(struct fz *f, int depth) {
    CFMutableDictionaryRef d = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                                         &kCFTypeDictionaryValueCallBacks);
    size_t count = fz_pick(f, 9);
    for (size_t i = 0; i < count && f->n > 0; i++) {
        CFTypeRef key = fz_u8(f) % 32 == 0 ? fz_value(f, depth + 1) : fz_key(f);
        CFTypeRef value = fz_value(f, depth + 1);
        if (key && value) CFDictionarySetValue(d, key, value);
        if (key) CFRelease(key);
        if (value) CFRelease(value);
    }
    return d;
}

static inline CFArrayRef fz_array(struct fz *f, int depth) {
    CFMutableArrayRef a = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
    size_t count = fz_pick(f, 6);
    for (size_t i = 0; i < count && f->n > 0; i++) {
        CFTypeRef value = fz_value(f, depth + 1);
        if (value) {
            CFArrayAppendValue(a, value);
            CFRelease(value);
        }
    }
    return a;
}

/* A new (+1) value of any CF type pixelport has (never NULL). */
static inline CFTypeRef fz_value(struct fz *f, int depth) {
    int kind = fz_u8(f) % (depth >= 3 ? 8 : 11);
    switch (kind) {
    case 0:
    case 1: return fz_number(f);
    case 2: return CFRetain(fz_known_strings[fz_pick(f, fz_known_string_count)]);
    case 3: return fz_junk_string(f);
    case 4: return CFRetain(fz_u8(f) & 1 ? kCFBooleanTrue : kCFBooleanFalse);
    case 5: return CFRetain(kCFNull);
    case 6: {
        uint8_t bytes[32];
        size_t len = fz_pick(f, sizeof bytes + 1);
        for (size_t i = 0; i < len; i++) bytes[i] = fz_u8(f);
        return CFDataCreate(NULL, bytes, (CFIndex)len);
    }
    case 7: {
        switch (fz_u8(f) % 3) {
        case 0: return CGColorSpaceCreateDeviceRGB();
        case 1: return CFRetain(kCFAllocatorDefault ? kCFAllocatorDefault : kCFAllocatorMalloc);
        default: {
            CVPixelBufferRef pb = NULL;
            CVPixelBufferCreate(NULL, 2, 2, kCVPixelFormatType_32BGRA, NULL, &pb);
            return pb ? (CFTypeRef)pb : CFRetain(kCFNull);
        }
        }
    }
    case 8: return fz_array(f, depth);
    default: return fz_dictionary(f, depth);
    }
}

/* A new (+1) copy of attribute dictionary `d` with the values that only
 * set a size clamped: an alignment of 2^30 or a pool minimum of 10^6
 * buffers is valid input that makes pixelport allocate and zero gigabytes
 * (correctly, and slowly). Values from the cap up to 2^40 become the cap
 * (4096 for alignments, 256 for extended pixels, 1024 for a pool's width
 * and height, 8 for its buffer count, so one input stays under a few
 * hundred megabytes); larger ones stay, since they must fail cleanly
 * (overflow, or an allocation ASan refuses), and capi-tests/hostile_sizes.c
 * covers the large valid range. Non-numbers stay as they are. */
static inline CFDictionaryRef fz_tame(CFDictionaryRef d) {
    CFMutableDictionaryRef m = CFDictionaryCreateMutableCopy(NULL, 0, d);
    const CFStringRef sizes[] = {
        kCVPixelBufferWidthKey, kCVPixelBufferHeightKey, kCVPixelBufferBytesPerRowAlignmentKey,
        kCVPixelBufferPlaneAlignmentKey, kCVPixelBufferExtendedPixelsLeftKey,
        kCVPixelBufferExtendedPixelsRightKey, kCVPixelBufferExtendedPixelsTopKey,
        kCVPixelBufferExtendedPixelsBottomKey, kCVPixelBufferPoolMinimumBufferCountKey,
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        CFTypeRef v = CFDictionaryGetValue(m, sizes[i]);
        double x = 0;
        if (!v || CFGetTypeID(v) != CFNumberGetTypeID()) continue;
        CFNumberGetValue((CFNumberRef)v, kCFNumberDoubleType, &x);
        /* Pool width × height × minimum count is what gets allocated. */
        double cap = sizes[i] == kCVPixelBufferPoolMinimumBufferCountKey ? 8
                     : sizes[i] == kCVPixelBufferWidthKey || sizes[i] == kCVPixelBufferHeightKey
                         ? 1024
                     : sizes[i] == kCVPixelBufferBytesPerRowAlignmentKey ||
                             sizes[i] == kCVPixelBufferPlaneAlignmentKey
                         ? 4096
                         : 256; /* extended pixels, added on every side */
        if (x > cap && x < 1099511627776.0) {
            CFNumberRef c = CFNumberCreate(NULL, kCFNumberDoubleType, &cap);
            CFDictionarySetValue(m, sizes[i], c);
            CFRelease(c);
        }
    }
    return m;
}

/* Every pixel format pixelport knows, read once from its description list. */
static OSType fz_formats[256];
static size_t fz_format_count;

static inline void fz_init_formats(void) {
    if (fz_format_count) return;
    CFArrayRef all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(NULL);
    for (CFIndex i = 0; all && i < CFArrayGetCount(all) && fz_format_count < FZ_COUNT(fz_formats); i++) {
        OSType code = 0;
        CFNumberGetValue((CFNumberRef)CFArrayGetValueAtIndex(all, i), kCFNumberSInt32Type, &code);
        fz_formats[fz_format_count++] = code;
    }
    if (all) CFRelease(all);
    if (fz_format_count == 0) abort();
}

/* A format code: a known one, or (rarely) any 32-bit value. */
static inline OSType fz_format(struct fz *f) {
    if (fz_u8(f) % 32 == 0) return fz_u32(f);
    return fz_formats[fz_pick(f, fz_format_count)];
}

/* Caller memory that ends exactly at an inaccessible page, so any read or
 * write past `size` bytes faults, even from the (uninstrumented) Rust
 * side. */
struct fz_guarded {
    void *map;
    size_t map_size;
    uint8_t *data;
};

static inline int fz_guarded_alloc(struct fz_guarded *g, size_t size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t body = (size + page - 1) / page * page;
    g->map_size = body + page;
    g->map = mmap(NULL, g->map_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->map == MAP_FAILED) return 0;
    if (mprotect((uint8_t *)g->map + body, page, PROT_NONE) != 0) abort();
    g->data = (uint8_t *)g->map + body - size;
    return 1;
}

static inline void fz_guarded_free(struct fz_guarded *g) {
    if (g->map && g->map != MAP_FAILED) munmap(g->map, g->map_size);
    g->map = NULL;
}

/* Touches every byte of every plane of a locked buffer as the buffer
 * reports its geometry, so a geometry that overstates the memory shows up
 * as a fault (guard page) or an ASan report. Returns a checksum so the
 * reads are not optimised away. */
static inline unsigned fz_touch_planes(CVPixelBufferRef pb) {
    unsigned sum = 0;
    /* Attribute-driven strides can make a valid buffer of many gigabytes
     * (untouched, lazily mapped memory); reading it would only measure RAM. */
    if (CVPixelBufferGetDataSize(pb) > ((size_t)64 << 20)) return 0;
    if (CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly) != kCVReturnSuccess) return 0;
    size_t planes = CVPixelBufferGetPlaneCount(pb);
    /* FZ_DEBUG=1: the geometry being checked, for reproducing a finding. */
    if (getenv("FZ_DEBUG")) {
        OSType code = CVPixelBufferGetPixelFormatType(pb);
        fprintf(stderr, "buffer '%c%c%c%c' %zux%zu base %p bpr %zu size %zu planes %zu\n",
                (char)(code >> 24), (char)(code >> 16), (char)(code >> 8), (char)code,
                CVPixelBufferGetWidth(pb), CVPixelBufferGetHeight(pb), CVPixelBufferGetBaseAddress(pb),
                CVPixelBufferGetBytesPerRow(pb), CVPixelBufferGetDataSize(pb), planes);
        for (size_t p = 0; p < planes; p++)
            fprintf(stderr, "  plane %zu: %zux%zu base %p bpr %zu\n", p, CVPixelBufferGetWidthOfPlane(pb, p),
                    CVPixelBufferGetHeightOfPlane(pb, p), CVPixelBufferGetBaseAddressOfPlane(pb, p),
                    CVPixelBufferGetBytesPerRowOfPlane(pb, p));
    }
    for (size_t p = 0; p < (planes ? planes : 1); p++) {
        const volatile uint8_t *base = planes ? CVPixelBufferGetBaseAddressOfPlane(pb, p)
                                              : CVPixelBufferGetBaseAddress(pb);
        size_t bpr = planes ? CVPixelBufferGetBytesPerRowOfPlane(pb, p) : CVPixelBufferGetBytesPerRow(pb);
        size_t h = planes ? CVPixelBufferGetHeightOfPlane(pb, p) : CVPixelBufferGetHeight(pb);
        if (!base || h == 0) continue;
        /* The first and last byte of each row's stride. */
        for (size_t r = 0; r + 1 < h; r++) sum += base[r * bpr] + base[r * bpr + bpr - 1];
        sum += base[(h - 1) * bpr];
    }
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    return sum;
}

#endif /* PIXELPORT_FUZZ_COMMON_H */
