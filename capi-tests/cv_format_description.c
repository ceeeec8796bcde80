/* CVPixelFormatDescription.h: descriptions of a representative set of formats
 * (every key checked against values written here from corevideo.md §5/§9 and
 * the README's decisions), NULL for unknown and compressed formats, the
 * all-formats array, custom registration (valid, replaced, invalid, over a
 * built-in), CVIsCompressedPixelFormatAvailable, and ownership (+1 results,
 * nothing leaked under LeakSanitizer). */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>

#include "pp_test.h"

static OSType fourcc(const char s[4]) {
    return ((OSType)(unsigned char)s[0] << 24) | ((OSType)(unsigned char)s[1] << 16) |
           ((OSType)(unsigned char)s[2] << 8) | (OSType)(unsigned char)s[3];
}

#define ABSENT (-999L)

/* The SInt32 value under `key`, ABSENT when missing or not a number. */
static long num(CFDictionaryRef d, CFStringRef key) {
    CFTypeRef v = CFDictionaryGetValue(d, key);
    SInt32 out = 0;
    if (v == NULL || CFGetTypeID(v) != CFNumberGetTypeID()) return ABSENT;
    if (!CFNumberGetValue((CFNumberRef)v, kCFNumberSInt32Type, &out)) return ABSENT - 1;
    return out;
}

/* 1/0 for a CFBoolean, -1 when missing or not a Boolean. */
static int flag(CFDictionaryRef d, CFStringRef key) {
    CFTypeRef v = CFDictionaryGetValue(d, key);
    if (v == NULL || CFGetTypeID(v) != CFBooleanGetTypeID()) return -1;
    return CFBooleanGetValue((CFBooleanRef)v) ? 1 : 0;
}

static int data_is(CFDictionaryRef d, CFStringRef key, const unsigned char *bytes, long len) {
    CFTypeRef v = CFDictionaryGetValue(d, key);
    if (v == NULL || CFGetTypeID(v) != CFDataGetTypeID()) return 0;
    if (CFDataGetLength((CFDataRef)v) != len) return 0;
    return memcmp(CFDataGetBytePtr((CFDataRef)v), bytes, (size_t)len) == 0;
}

static int string_is(CFDictionaryRef d, CFStringRef key, const char *expected) {
    CFTypeRef v = CFDictionaryGetValue(d, key);
    char buf[256];
    if (v == NULL || CFGetTypeID(v) != CFStringGetTypeID()) return 0;
    if (!CFStringGetCString((CFStringRef)v, buf, sizeof buf, kCFStringEncodingUTF8)) return 0;
    return strcmp(buf, expected) == 0;
}

struct plane_expect {
    long bits, block_width, h_align, h_sub, v_sub;
    unsigned char black[16];
    long black_len;
};

struct format_expect {
    OSType code;
    const char *name;
    int planes; /* 0 = chunky: plane keys at the top level */
    long bits_per_component;
    int alpha, ycbcr, rgb, gray, sensel;
    CFStringRef range; /* NULL = key absent */
    long codec_type, ms_fourcc, cg_bitmap_info; /* ABSENT = key absent */
    int cg_context; /* CGBitmapContextCompatibility: 1 or -1 (absent) */
    struct plane_expect p[3];
};

static void check_plane(const char *name, int index, CFDictionaryRef d,
                        const struct plane_expect *e) {
    int ok = num(d, kCVPixelFormatBitsPerBlock) == e->bits &&
             num(d, kCVPixelFormatBlockWidth) == e->block_width &&
             num(d, kCVPixelFormatBlockHeight) == 1 &&
             num(d, kCVPixelFormatBlockHorizontalAlignment) == e->h_align &&
             num(d, kCVPixelFormatBlockVerticalAlignment) == 1 &&
             num(d, kCVPixelFormatHorizontalSubsampling) == e->h_sub &&
             num(d, kCVPixelFormatVerticalSubsampling) == e->v_sub &&
             data_is(d, kCVPixelFormatBlackBlock, e->black, e->black_len);
    if (!ok) {
        fprintf(stderr, "%s plane %d: bits %ld width %ld halign %ld sub %ld/%ld\n", name, index,
                num(d, kCVPixelFormatBitsPerBlock), num(d, kCVPixelFormatBlockWidth),
                num(d, kCVPixelFormatBlockHorizontalAlignment),
                num(d, kCVPixelFormatHorizontalSubsampling),
                num(d, kCVPixelFormatVerticalSubsampling));
    }
    CHECK(ok);
}

static void check_format(const struct format_expect *e) {
    CFDictionaryRef d = CVPixelFormatDescriptionCreateWithPixelFormatType(kCFAllocatorDefault, e->code);
    CHECK(d != NULL);
    if (d == NULL) {
        fprintf(stderr, "no description for %s\n", e->name);
        return;
    }
    CHECK(CFGetTypeID(d) == CFDictionaryGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(d), 1);
    CHECK_EQ_LONG(num(d, kCVPixelFormatConstant), (SInt32)e->code);
    CHECK(string_is(d, kCVPixelFormatName, e->name));
    CHECK_EQ_LONG(num(d, kCVPixelFormatBitsPerComponent), e->bits_per_component);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsAlpha), e->alpha);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsYCbCr), e->ycbcr);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsRGB), e->rgb);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsGrayscale), e->gray);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsSenselArray), e->sensel);
    if (e->range == NULL) {
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatComponentRange));
    } else {
        CFTypeRef range = CFDictionaryGetValue(d, kCVPixelFormatComponentRange);
        CHECK(range != NULL && CFEqual(range, e->range));
    }
    CHECK_EQ_LONG(num(d, kCVPixelFormatCodecType), e->codec_type);
    CHECK_EQ_LONG(num(d, kCVPixelFormatFourCC), e->ms_fourcc);
    CHECK_EQ_LONG(num(d, kCVPixelFormatCGBitmapInfo), e->cg_bitmap_info);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatCGImageCompatibility), e->cg_bitmap_info == ABSENT ? -1 : 1);
    CHECK_EQ_LONG(flag(d, kCVPixelFormatCGBitmapContextCompatibility), e->cg_context);
    /* Keys pixelport never produces for built-in formats. */
    CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatQDCompatibility));
    CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatOpenGLFormat));
    CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatOpenGLCompatibility));
    CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatFillExtendedPixelsCallback));

    if (e->planes == 0) {
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatPlanes));
        check_plane(e->name, 0, d, &e->p[0]);
    } else {
        CFArrayRef planes = (CFArrayRef)CFDictionaryGetValue(d, kCVPixelFormatPlanes);
        CHECK(planes != NULL && CFGetTypeID(planes) == CFArrayGetTypeID());
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatBitsPerBlock));
        if (planes != NULL) {
            CHECK_EQ_LONG(CFArrayGetCount(planes), e->planes);
            for (int i = 0; i < e->planes && i < CFArrayGetCount(planes); i++) {
                CFDictionaryRef p = (CFDictionaryRef)CFArrayGetValueAtIndex(planes, i);
                CHECK(CFGetTypeID(p) == CFDictionaryGetTypeID());
                check_plane(e->name, i, p, &e->p[i]);
            }
        }
    }
    CFRelease(d);
}

/* One format per row; the black blocks are the format's own encoding of black
 * (README: video-range Y'CbCr 16/128 scaled to the depth, full range Y' 0,
 * opaque alpha, big-endian formats big-endian, floats 0.0 / alpha 1.0). */
static void check_representative_formats(void) {
    const long raw = (long)fourcc("raw ");
    const struct format_expect formats[] = {
        {kCVPixelFormatType_32BGRA, "32BGRA", 0, 8, 1, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, ABSENT, ABSENT, 8196, 1,
         {{32, 1, 1, 1, 1, {0, 0, 0, 0xff}, 4}}},
        {kCVPixelFormatType_32ARGB, "32ARGB", 0, 8, 1, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, raw, ABSENT, 0x4004, 1,
         {{32, 1, 1, 1, 1, {0xff, 0, 0, 0}, 4}}},
        {kCVPixelFormatType_24RGB, "24RGB", 0, 8, 0, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, raw, ABSENT, 0, -1,
         {{24, 1, 1, 1, 1, {0, 0, 0}, 3}}},
        {kCVPixelFormatType_16LE565, "16LE565", 0, 6, 0, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, ABSENT, ABSENT, ABSENT, -1,
         {{16, 1, 1, 1, 1, {0, 0}, 2}}},
        {kCVPixelFormatType_16BE555, "16BE555", 0, 5, 0, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, raw, ABSENT, 0x3006, -1,
         {{16, 1, 1, 1, 1, {0, 0}, 2}}},
        {kCVPixelFormatType_422YpCbCr8, "422YpCbCr8", 0, 8, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, (long)fourcc("2vuy"), (long)fourcc("UYVY"), ABSENT, -1,
         {{32, 2, 1, 1, 1, {0x80, 0x10, 0x80, 0x10}, 4}}},
        {kCVPixelFormatType_422YpCbCr8_yuvs, "422YpCbCr8_yuvs", 0, 8, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, (long)fourcc("yuvs"), (long)fourcc("YUY2"), ABSENT, -1,
         {{32, 2, 1, 1, 1, {0x10, 0x80, 0x10, 0x80}, 4}}},
        /* v210: word0 = Cb 512 | Y 64 << 10 | Cr 512 << 20, word1 = Y | Cb << 10 | Y << 20, ... */
        {kCVPixelFormatType_422YpCbCr10, "422YpCbCr10", 0, 10, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, (long)fourcc("v210"), ABSENT, ABSENT, -1,
         {{128, 6, 8, 1, 1,
           {0x00, 0x02, 0x01, 0x20, 0x40, 0x00, 0x08, 0x04, 0x00, 0x02, 0x01, 0x20, 0x40, 0x00, 0x08, 0x04},
           16}}},
        {kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, "420YpCbCr8BiPlanarVideoRange", 2, 8, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, ABSENT, (long)fourcc("NV12"), ABSENT, -1,
         {{8, 1, 1, 1, 1, {0x10}, 1}, {16, 1, 1, 2, 2, {0x80, 0x80}, 2}}},
        {kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, "420YpCbCr8BiPlanarFullRange", 2, 8, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_FullRange, ABSENT, (long)fourcc("NV12"), ABSENT, -1,
         {{8, 1, 1, 1, 1, {0x00}, 1}, {16, 1, 1, 2, 2, {0x80, 0x80}, 2}}},
        /* x420: 10 bits in the top of 16-bit little-endian words: 64 << 6, 512 << 6. */
        {kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange, "420YpCbCr10BiPlanarVideoRange", 2, 10, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, ABSENT, (long)fourcc("P010"), ABSENT, -1,
         {{16, 1, 1, 1, 1, {0x00, 0x10}, 2}, {32, 1, 1, 2, 2, {0x00, 0x80, 0x00, 0x80}, 4}}},
        {kCVPixelFormatType_420YpCbCr8Planar, "420YpCbCr8Planar", 3, 8, 0, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, (long)fourcc("y420"), (long)fourcc("I420"), ABSENT, -1,
         {{8, 1, 1, 1, 1, {0x10}, 1}, {8, 1, 1, 2, 2, {0x80}, 1}, {8, 1, 1, 2, 2, {0x80}, 1}}},
        {kCVPixelFormatType_420YpCbCr8VideoRange_8A_TriPlanar, "420YpCbCr8VideoRange_8A_TriPlanar", 3, 8, 1, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, ABSENT, ABSENT, ABSENT, -1,
         {{8, 1, 1, 1, 1, {0x10}, 1}, {16, 1, 1, 2, 2, {0x80, 0x80}, 2}, {8, 1, 1, 1, 1, {0xff}, 1}}},
        {kCVPixelFormatType_OneComponent8, "OneComponent8", 0, 8, 0, 0, 0, 1, 0,
         kCVPixelFormatComponentRange_FullRange, ABSENT, ABSENT, ABSENT, -1,
         {{8, 1, 1, 1, 1, {0}, 1}}},
        {kCVPixelFormatType_OneComponent16, "OneComponent16", 0, 16, 0, 0, 0, 1, 0,
         kCVPixelFormatComponentRange_FullRange, ABSENT, ABSENT, ABSENT, -1,
         {{16, 1, 1, 1, 1, {0, 0}, 2}}},
        /* Half 1.0 = 0x3C00, little-endian. */
        {kCVPixelFormatType_64RGBAHalf, "64RGBAHalf", 0, 16, 1, 0, 1, 0, 0,
         NULL, ABSENT, ABSENT, 0x1103, -1,
         {{64, 1, 1, 1, 1, {0, 0, 0, 0, 0, 0, 0x00, 0x3c}, 8}}},
        {kCVPixelFormatType_128RGBAFloat, "128RGBAFloat", 0, 32, 1, 0, 1, 0, 0,
         NULL, ABSENT, ABSENT, 0x2103, -1,
         {{128, 1, 1, 1, 1, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x80, 0x3f}, 16}}},
        {kCVPixelFormatType_14Bayer_RGGB, "14Bayer_RGGB", 0, 14, 0, 0, 0, 0, 1,
         NULL, ABSENT, ABSENT, ABSENT, -1,
         {{16, 1, 1, 1, 1, {0, 0}, 2}}},
        {kCVPixelFormatType_DepthFloat32, "DepthFloat32", 0, 32, 0, 0, 0, 0, 0,
         NULL, ABSENT, ABSENT, ABSENT, -1,
         {{32, 1, 1, 1, 1, {0, 0, 0, 0}, 4}}},
        /* Big-endian 16-bit samples: alpha 0xFFFF first. */
        {kCVPixelFormatType_64ARGB, "64ARGB", 0, 16, 1, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_FullRange, (long)fourcc("b64a"), ABSENT, 0x3004, -1,
         {{64, 1, 1, 1, 1, {0xff, 0xff, 0, 0, 0, 0, 0, 0}, 8}}},
        {kCVPixelFormatType_16Gray, "16Gray", 0, 16, 0, 0, 0, 1, 0,
         kCVPixelFormatComponentRange_FullRange, (long)fourcc("b16g"), ABSENT, ABSENT, -1,
         {{16, 1, 1, 1, 1, {0, 0}, 2}}},
        /* 1-bit palette indices, 8 per byte; black is the all-ones index. */
        {kCVPixelFormatType_1Monochrome, "1Monochrome", 0, 1, 0, 0, 0, 0, 0,
         NULL, raw, ABSENT, ABSENT, -1,
         {{8, 8, 1, 1, 1, {0xff}, 1}}},
        {kCVPixelFormatType_1IndexedGray_WhiteIsZero, "1IndexedGray_WhiteIsZero", 0, 1, 0, 0, 0, 1, 0,
         NULL, raw, ABSENT, ABSENT, -1,
         {{8, 8, 1, 1, 1, {0xff}, 1}}},
        /* XR: 384 is 0.0; 2 unused top bits; little-endian word. */
        {kCVPixelFormatType_30RGBLEPackedWideGamut, "30RGBLEPackedWideGamut", 0, 10, 0, 0, 1, 0, 0,
         kCVPixelFormatComponentRange_WideRange, ABSENT, ABSENT, ABSENT, -1,
         {{32, 1, 1, 1, 1, {0x80, 0x01, 0x06, 0x18}, 4}}},
        {kCVPixelFormatType_4444YpCbCrA8, "4444YpCbCrA8", 0, 8, 1, 1, 0, 0, 0,
         kCVPixelFormatComponentRange_VideoRange, (long)fourcc("v408"), ABSENT, ABSENT, -1,
         {{32, 1, 1, 1, 1, {0x80, 0x10, 0x80, 235}, 4}}},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) check_format(&formats[i]);
}

static void check_undescribed_formats(void) {
    const OSType none[] = {0,
                           fourcc("NV12"),
                           fourcc("R120"),
                           kCVPixelFormatType_Lossless_32BGRA,
                           kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarVideoRange,
                           kCVPixelFormatType_Lossy_32BGRA,
                           kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange,
                           0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        CHECK(CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, none[i]) == NULL);
    }
}

static int array_contains(CFArrayRef a, OSType code) {
    for (CFIndex i = 0; i < CFArrayGetCount(a); i++) {
        SInt32 v = 0;
        CFNumberGetValue((CFNumberRef)CFArrayGetValueAtIndex(a, i), kCFNumberSInt32Type, &v);
        if ((OSType)v == code) return 1;
    }
    return 0;
}

static OSType array_code(CFArrayRef a, CFIndex i) {
    SInt32 v = 0;
    CFNumberGetValue((CFNumberRef)CFArrayGetValueAtIndex(a, i), kCFNumberSInt32Type, &v);
    return (OSType)v;
}

static void check_all_formats_array(void) {
    CFArrayRef all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(kCFAllocatorDefault);
    CHECK(all != NULL && CFGetTypeID(all) == CFArrayGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(all), 1);
    CHECK_EQ_LONG(CFArrayGetCount(all), 85);
    CHECK(array_contains(all, kCVPixelFormatType_32BGRA));
    CHECK(array_contains(all, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange));
    CHECK(!array_contains(all, kCVPixelFormatType_Lossless_32BGRA));
    CHECK(!array_contains(all, kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarVideoRange));
    /* Header order: 1Monochrome first, 30RGBLE_8A_BiPlanar last. */
    CHECK(array_code(all, 0) == kCVPixelFormatType_1Monochrome);
    CHECK(array_code(all, 84) == kCVPixelFormatType_30RGBLE_8A_BiPlanar);
    for (CFIndex i = 0; i < CFArrayGetCount(all); i++) {
        CFNumberRef n = (CFNumberRef)CFArrayGetValueAtIndex(all, i);
        CHECK(CFGetTypeID(n) == CFNumberGetTypeID());
        CHECK(CFNumberGetType(n) == kCFNumberSInt32Type);
        /* Every listed format is described, with its code and some plane keys. */
        OSType code = array_code(all, i);
        CFDictionaryRef d = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, code);
        CHECK(d != NULL);
        if (d != NULL) {
            CHECK_EQ_LONG(num(d, kCVPixelFormatConstant), (SInt32)code);
            CHECK(CFDictionaryContainsKey(d, kCVPixelFormatBitsPerBlock) ||
                  CFDictionaryContainsKey(d, kCVPixelFormatPlanes));
            CFRelease(d);
        }
    }
    CFRelease(all);
}

static CFNumberRef int_number(SInt32 v) { return CFNumberCreate(NULL, kCFNumberSInt32Type, &v); }

static void set_int(CFMutableDictionaryRef d, CFStringRef key, SInt32 v) {
    CFNumberRef n = int_number(v);
    CFDictionarySetValue(d, key, n);
    CFRelease(n);
}

static CFMutableDictionaryRef new_dict(void) {
    return CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                     &kCFTypeDictionaryValueCallBacks);
}

static CFIndex format_count(void) {
    CFArrayRef all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(NULL);
    CFIndex n = all ? CFArrayGetCount(all) : -1;
    if (all) CFRelease(all);
    return n;
}

static Boolean fill_callback(CVPixelBufferRef buffer, void *refCon) {
    (void)buffer;
    (void)refCon;
    return true;
}

static void check_registration(void) {
    /* Technical Q&A 1401's example: a 120-bit-per-pixel 'R120'. */
    const OSType r120 = 'R120';
    CFMutableDictionaryRef qa = new_dict();
    set_int(qa, kCVPixelFormatConstant, (SInt32)r120);
    set_int(qa, kCVPixelFormatBitsPerBlock, 120);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(qa, r120);
    CFRelease(qa);
    CHECK_EQ_LONG(format_count(), 86);
    CFArrayRef all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(NULL);
    CHECK(array_code(all, 85) == r120);
    CFRelease(all);

    CFDictionaryRef d = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, r120);
    CHECK(d != NULL);
    if (d != NULL) {
        static const unsigned char zeros[15] = {0};
        CHECK_EQ_LONG(num(d, kCVPixelFormatConstant), (SInt32)r120);
        CHECK(string_is(d, kCVPixelFormatName, "R120"));
        CHECK_EQ_LONG(num(d, kCVPixelFormatBitsPerBlock), 120);
        CHECK_EQ_LONG(num(d, kCVPixelFormatBlockWidth), 1);
        CHECK_EQ_LONG(num(d, kCVPixelFormatHorizontalSubsampling), 1);
        CHECK(data_is(d, kCVPixelFormatBlackBlock, zeros, 15));
        CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsAlpha), 0);
        CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsRGB), 0);
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatPlanes));
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatBitsPerComponent));
        CHECK(!CFDictionaryContainsKey(d, kCVPixelFormatComponentRange));
        CFRelease(d);
    }

    /* A planar format with everything: planes, flags, range, a callback and
     * keys pixelport does not interpret. */
    const OSType tp = 'Tpl2';
    CVFillExtendedPixelsCallBackData cb = {0, fill_callback, (void *)&cb};
    CFDataRef cb_data = CFDataCreate(NULL, (const UInt8 *)&cb, sizeof cb);
    const CFIndex cb_alone = CFGetRetainCount(cb_data);
    CFMutableDictionaryRef planar = new_dict();
    CFMutableDictionaryRef luma = new_dict();
    CFMutableDictionaryRef chroma = new_dict();
    const unsigned char luma_black[1] = {0x10};
    const unsigned char chroma_black[4] = {0x80, 0x80, 0x80, 0x80};
    CFDataRef lb = CFDataCreate(NULL, luma_black, 1);
    CFDataRef cbk = CFDataCreate(NULL, chroma_black, 4);
    set_int(luma, kCVPixelFormatBitsPerBlock, 8);
    CFDictionarySetValue(luma, kCVPixelFormatBlackBlock, lb);
    set_int(chroma, kCVPixelFormatBitsPerBlock, 32);
    set_int(chroma, kCVPixelFormatBlockWidth, 2);
    set_int(chroma, kCVPixelFormatBlockHorizontalAlignment, 4);
    set_int(chroma, kCVPixelFormatHorizontalSubsampling, 2);
    set_int(chroma, kCVPixelFormatVerticalSubsampling, 2);
    CFDictionarySetValue(chroma, kCVPixelFormatBlackBlock, cbk);
    const void *plane_values[2] = {luma, chroma};
    CFArrayRef planes = CFArrayCreate(NULL, plane_values, 2, &kCFTypeArrayCallBacks);
    CFDictionarySetValue(planar, kCVPixelFormatPlanes, planes);
    CFDictionarySetValue(planar, kCVPixelFormatName, CFSTR("Test planar"));
    CFDictionarySetValue(planar, kCVPixelFormatContainsYCbCr, kCFBooleanTrue);
    CFDictionarySetValue(planar, kCVPixelFormatContainsAlpha, kCFBooleanFalse);
    CFDictionarySetValue(planar, kCVPixelFormatComponentRange, CFSTR("VideoRange"));
    set_int(planar, kCVPixelFormatBitsPerComponent, 8);
    set_int(planar, kCVPixelFormatFourCC, (SInt32)'NV12');
    CFDictionarySetValue(planar, kCVPixelFormatFillExtendedPixelsCallback, cb_data);
    CFDictionarySetValue(planar, CFSTR("MyPrivateKey"), CFSTR("kept"));
    CFIndex cb_before = CFGetRetainCount(cb_data);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(planar, tp);
    /* The registration keeps its own reference to the callback data. */
    CHECK_EQ_LONG(CFGetRetainCount(cb_data), cb_before + 1);
    CFRelease(planar);
    CFRelease(planes);
    CFRelease(luma);
    CFRelease(chroma);
    CFRelease(lb);
    CFRelease(cbk);
    CHECK_EQ_LONG(CFGetRetainCount(cb_data), cb_alone + 1);
    CHECK_EQ_LONG(format_count(), 87);

    d = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, tp);
    CHECK(d != NULL);
    if (d != NULL) {
        CHECK(string_is(d, kCVPixelFormatName, "Test planar"));
        CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsYCbCr), 1);
        CHECK_EQ_LONG(flag(d, kCVPixelFormatContainsRGB), 0);
        CHECK(CFEqual(CFDictionaryGetValue(d, kCVPixelFormatComponentRange),
                      kCVPixelFormatComponentRange_VideoRange));
        CHECK_EQ_LONG(num(d, kCVPixelFormatBitsPerComponent), 8);
        CHECK_EQ_LONG(num(d, kCVPixelFormatFourCC), (SInt32)'NV12');
        CHECK(string_is(d, CFSTR("MyPrivateKey"), "kept"));
        CHECK(data_is(d, kCVPixelFormatFillExtendedPixelsCallback, (const unsigned char *)&cb, sizeof cb));
        CFArrayRef p = (CFArrayRef)CFDictionaryGetValue(d, kCVPixelFormatPlanes);
        CHECK(p != NULL && CFArrayGetCount(p) == 2);
        if (p != NULL && CFArrayGetCount(p) == 2) {
            const struct plane_expect e0 = {8, 1, 1, 1, 1, {0x10}, 1};
            const struct plane_expect e1 = {32, 2, 4, 2, 2, {0x80, 0x80, 0x80, 0x80}, 4};
            check_plane("Tpl2", 0, (CFDictionaryRef)CFArrayGetValueAtIndex(p, 0), &e0);
            check_plane("Tpl2", 1, (CFDictionaryRef)CFArrayGetValueAtIndex(p, 1), &e1);
        }
        CFRelease(d);
    }

    /* Registering 'R120' again replaces it, in place. */
    CFMutableDictionaryRef again = new_dict();
    set_int(again, kCVPixelFormatBitsPerBlock, 64);
    CFDictionarySetValue(again, kCVPixelFormatContainsRGB, kCFBooleanTrue);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(again, r120);
    CFRelease(again);
    CHECK_EQ_LONG(format_count(), 87);
    d = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, r120);
    CHECK(d != NULL && num(d, kCVPixelFormatBitsPerBlock) == 64);
    CHECK(d != NULL && flag(d, kCVPixelFormatContainsRGB) == 1);
    if (d) CFRelease(d);
    all = CVPixelFormatDescriptionArrayCreateWithAllPixelFormatTypes(NULL);
    CHECK(array_code(all, 85) == r120 && array_code(all, 86) == tp);
    CFRelease(all);

    /* Re-registering 'Tpl2' without a callback drops the kept data. */
    CFMutableDictionaryRef plain = new_dict();
    set_int(plain, kCVPixelFormatBitsPerBlock, 8);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(plain, tp);
    CFRelease(plain);
    CHECK_EQ_LONG(CFGetRetainCount(cb_data), cb_alone);
    d = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, tp);
    CHECK(d != NULL && !CFDictionaryContainsKey(d, kCVPixelFormatFillExtendedPixelsCallback));
    CHECK(d != NULL && !CFDictionaryContainsKey(d, CFSTR("MyPrivateKey")));
    if (d) CFRelease(d);
    CFRelease(cb_data);
}

static void check_invalid_registrations(void) {
    const OSType bad = 'Tbad';
    CFIndex before = format_count();

    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(NULL, bad);
    /* Not a dictionary. */
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType((CFDictionaryRef)CFSTR("x"), bad);

    CFMutableDictionaryRef d = new_dict(); /* no BitsPerBlock */
    set_int(d, kCVPixelFormatBlockWidth, 2);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFRelease(d);

    d = new_dict(); /* BitsPerBlock of the wrong type */
    CFDictionarySetValue(d, kCVPixelFormatBitsPerBlock, CFSTR("32"));
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFRelease(d);

    const SInt32 sizes[] = {0, -8, 12, 4096};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        d = new_dict();
        set_int(d, kCVPixelFormatBitsPerBlock, sizes[i]);
        CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
        CFRelease(d);
    }

    d = new_dict(); /* a fractional number */
    double frac = 31.5;
    CFNumberRef f = CFNumberCreate(NULL, kCFNumberDoubleType, &frac);
    CFDictionarySetValue(d, kCVPixelFormatBitsPerBlock, f);
    CFRelease(f);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFRelease(d);

    d = new_dict(); /* zero block width, block height 2, Planes not an array */
    set_int(d, kCVPixelFormatBitsPerBlock, 32);
    set_int(d, kCVPixelFormatBlockWidth, 0);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    set_int(d, kCVPixelFormatBlockWidth, 1);
    set_int(d, kCVPixelFormatBlockHeight, 2);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFDictionaryRemoveValue(d, kCVPixelFormatBlockHeight);
    CFDictionarySetValue(d, kCVPixelFormatPlanes, CFSTR("planes"));
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFDictionaryRemoveValue(d, kCVPixelFormatPlanes);
    /* A black block that is not one block long, a ComponentRange that is not
     * one of the three, a short callback struct. */
    const unsigned char two[2] = {0, 0};
    CFDataRef two_bytes = CFDataCreate(NULL, two, 2);
    CFDictionarySetValue(d, kCVPixelFormatBlackBlock, two_bytes);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFDictionaryRemoveValue(d, kCVPixelFormatBlackBlock);
    CFDictionarySetValue(d, kCVPixelFormatComponentRange, CFSTR("SomeRange"));
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFDictionaryRemoveValue(d, kCVPixelFormatComponentRange);
    CFDictionarySetValue(d, kCVPixelFormatFillExtendedPixelsCallback, two_bytes);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFDictionaryRemoveValue(d, kCVPixelFormatFillExtendedPixelsCallback);
    CFRelease(two_bytes);

    CHECK(CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, bad) == NULL);
    CHECK_EQ_LONG(format_count(), before);

    /* Now valid: registers. */
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, bad);
    CFRelease(d);
    CHECK_EQ_LONG(format_count(), before + 1);
    CFDictionaryRef desc = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, bad);
    CHECK(desc != NULL && num(desc, kCVPixelFormatBitsPerBlock) == 32);
    if (desc) CFRelease(desc);

    /* A built-in code cannot be registered over. */
    d = new_dict();
    set_int(d, kCVPixelFormatBitsPerBlock, 8);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, kCVPixelFormatType_32BGRA);
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, kCVPixelFormatType_Lossless_32BGRA);
    CFRelease(d);
    desc = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, kCVPixelFormatType_32BGRA);
    CHECK(desc != NULL && num(desc, kCVPixelFormatBitsPerBlock) == 32);
    if (desc) CFRelease(desc);
    CHECK(CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, kCVPixelFormatType_Lossless_32BGRA) == NULL);
    CHECK_EQ_LONG(format_count(), before + 1);
}

static void check_compressed_availability(void) {
    const OSType codes[] = {kCVPixelFormatType_Lossless_32BGRA,
                            kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarFullRange,
                            kCVPixelFormatType_Lossy_32BGRA,
                            kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange,
                            kCVPixelFormatType_32BGRA,
                            'R120',
                            0};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        CHECK(!CVIsCompressedPixelFormatAvailable(codes[i]));
    }
}

int main(void) {
    check_representative_formats();
    check_undescribed_formats();
    check_all_formats_array();
    check_compressed_availability();
    check_registration();
    check_invalid_registrations();
    return pp_finish("cv_format_description");
}
