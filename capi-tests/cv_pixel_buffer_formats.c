/* Every creatable pixel format through CVPixelBufferCreate at 1x1, 3x5,
 * 1921x1081 and 4096x2160: plane count, per-plane width/height/bytes-per-row,
 * buffer bytes-per-row and data size, base-address alignment, the planar
 * descriptor, and that every row fits. The expected values come from the
 * table below, written from corevideo.md section 5 and the rules of
 * docs/pixel-formats.md, independently of the Rust format table.
 * Compressed formats must fail with kCVReturnInvalidPixelFormat. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <stdint.h>

#include "pp_test.h"

/* One plane: subsampling, bytes per block, pixels per block and the
 * block multiple a row must hold (v210: 8 blocks = 48 px = 128 bytes). */
typedef struct {
    int h_sub, v_sub, block_bytes, block_width, block_align;
} plane_spec;

enum { NO_INFO = 0, INFO_PLANAR = 24, INFO_BIPLANAR = 16 };

typedef struct {
    OSType code;
    const char *name;
    int planes;
    int info; /* size of the big-endian CVPlanarPixelBufferInfo_* at the base address */
    plane_spec p[3];
} format_spec;

#define PX(bytes) {1, 1, bytes, 1, 1}
#define F1(code, bytes) {code, #code, 1, NO_INFO, {PX(bytes)}}
#define FB(code, bytes, width, align) {code, #code, 1, NO_INFO, {{1, 1, bytes, width, align}}}

static const format_spec k_formats[] = {
    /* Palette and gray indices: several pixels per byte. */
    FB(kCVPixelFormatType_1Monochrome, 1, 8, 1),
    FB(kCVPixelFormatType_2Indexed, 1, 4, 1),
    FB(kCVPixelFormatType_4Indexed, 1, 2, 1),
    F1(kCVPixelFormatType_8Indexed, 1),
    FB(kCVPixelFormatType_1IndexedGray_WhiteIsZero, 1, 8, 1),
    FB(kCVPixelFormatType_2IndexedGray_WhiteIsZero, 1, 4, 1),
    FB(kCVPixelFormatType_4IndexedGray_WhiteIsZero, 1, 2, 1),
    F1(kCVPixelFormatType_8IndexedGray_WhiteIsZero, 1),
    /* RGB. */
    F1(kCVPixelFormatType_16BE555, 2),
    F1(kCVPixelFormatType_16LE555, 2),
    F1(kCVPixelFormatType_16LE5551, 2),
    F1(kCVPixelFormatType_16BE565, 2),
    F1(kCVPixelFormatType_16LE565, 2),
    F1(kCVPixelFormatType_24RGB, 3),
    F1(kCVPixelFormatType_24BGR, 3),
    F1(kCVPixelFormatType_32ARGB, 4),
    F1(kCVPixelFormatType_32BGRA, 4),
    F1(kCVPixelFormatType_32ABGR, 4),
    F1(kCVPixelFormatType_32RGBA, 4),
    F1(kCVPixelFormatType_64ARGB, 8),
    F1(kCVPixelFormatType_64RGBALE, 8),
    F1(kCVPixelFormatType_48RGB, 6),
    F1(kCVPixelFormatType_32AlphaGray, 4),
    F1(kCVPixelFormatType_16Gray, 2),
    F1(kCVPixelFormatType_30RGB, 4),
    F1(kCVPixelFormatType_30RGB_r210, 4),
    /* Packed Y'CbCr. */
    FB(kCVPixelFormatType_422YpCbCr8, 4, 2, 1),
    F1(kCVPixelFormatType_4444YpCbCrA8, 4),
    F1(kCVPixelFormatType_4444YpCbCrA8R, 4),
    F1(kCVPixelFormatType_4444AYpCbCr8, 4),
    F1(kCVPixelFormatType_4444AYpCbCr16, 8),
    F1(kCVPixelFormatType_4444AYpCbCrFloat, 16),
    F1(kCVPixelFormatType_444YpCbCr8, 3),
    FB(kCVPixelFormatType_422YpCbCr16, 8, 2, 1),
    FB(kCVPixelFormatType_422YpCbCr10, 16, 6, 8),
    F1(kCVPixelFormatType_444YpCbCr10, 4),
    /* Planar and bi-planar Y'CbCr. */
    {kCVPixelFormatType_420YpCbCr8Planar, "y420", 3, INFO_PLANAR,
     {PX(1), {2, 2, 1, 1, 1}, {2, 2, 1, 1, 1}}},
    {kCVPixelFormatType_420YpCbCr8PlanarFullRange, "f420", 3, INFO_PLANAR,
     {PX(1), {2, 2, 1, 1, 1}, {2, 2, 1, 1, 1}}},
    {kCVPixelFormatType_422YpCbCr_4A_8BiPlanar, "a2vy", 2, NO_INFO,
     {{1, 1, 4, 2, 1}, PX(1)}},
    {kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, "420v", 2, INFO_BIPLANAR,
     {PX(1), {2, 2, 2, 1, 1}}},
    {kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, "420f", 2, INFO_BIPLANAR,
     {PX(1), {2, 2, 2, 1, 1}}},
    {kCVPixelFormatType_422YpCbCr8BiPlanarVideoRange, "422v", 2, INFO_BIPLANAR,
     {PX(1), {2, 1, 2, 1, 1}}},
    {kCVPixelFormatType_422YpCbCr8BiPlanarFullRange, "422f", 2, INFO_BIPLANAR,
     {PX(1), {2, 1, 2, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr8BiPlanarVideoRange, "444v", 2, INFO_BIPLANAR,
     {PX(1), {1, 1, 2, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr8BiPlanarFullRange, "444f", 2, INFO_BIPLANAR,
     {PX(1), {1, 1, 2, 1, 1}}},
    FB(kCVPixelFormatType_422YpCbCr8_yuvs, 4, 2, 1),
    FB(kCVPixelFormatType_422YpCbCr8FullRange, 4, 2, 1),
    /* Generic components, wide gamut, floats. */
    F1(kCVPixelFormatType_OneComponent8, 1),
    F1(kCVPixelFormatType_TwoComponent8, 2),
    F1(kCVPixelFormatType_30RGBLEPackedWideGamut, 4),
    F1(kCVPixelFormatType_ARGB2101010LEPacked, 4),
    F1(kCVPixelFormatType_40ARGBLEWideGamut, 8),
    F1(kCVPixelFormatType_40ARGBLEWideGamutPremultiplied, 8),
    F1(kCVPixelFormatType_OneComponent10, 2),
    F1(kCVPixelFormatType_OneComponent12, 2),
    F1(kCVPixelFormatType_OneComponent16, 2),
    F1(kCVPixelFormatType_TwoComponent16, 4),
    F1(kCVPixelFormatType_OneComponent16Half, 2),
    F1(kCVPixelFormatType_OneComponent32Float, 4),
    F1(kCVPixelFormatType_TwoComponent16Half, 4),
    F1(kCVPixelFormatType_TwoComponent32Float, 8),
    F1(kCVPixelFormatType_64RGBAHalf, 8),
    F1(kCVPixelFormatType_128RGBAFloat, 16),
    /* Bayer, depth, disparity. */
    F1(kCVPixelFormatType_14Bayer_GRBG, 2),
    F1(kCVPixelFormatType_14Bayer_RGGB, 2),
    F1(kCVPixelFormatType_14Bayer_BGGR, 2),
    F1(kCVPixelFormatType_14Bayer_GBRG, 2),
    F1(kCVPixelFormatType_DisparityFloat16, 2),
    F1(kCVPixelFormatType_DisparityFloat32, 4),
    F1(kCVPixelFormatType_DepthFloat16, 2),
    F1(kCVPixelFormatType_DepthFloat32, 4),
    /* 10-bit bi-planar: 16-bit containers, no descriptor. */
    {kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange, "x420", 2, NO_INFO,
     {PX(2), {2, 2, 4, 1, 1}}},
    {kCVPixelFormatType_422YpCbCr10BiPlanarVideoRange, "x422", 2, NO_INFO,
     {PX(2), {2, 1, 4, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr10BiPlanarVideoRange, "x444", 2, NO_INFO,
     {PX(2), {1, 1, 4, 1, 1}}},
    {kCVPixelFormatType_420YpCbCr10BiPlanarFullRange, "xf20", 2, NO_INFO,
     {PX(2), {2, 2, 4, 1, 1}}},
    {kCVPixelFormatType_422YpCbCr10BiPlanarFullRange, "xf22", 2, NO_INFO,
     {PX(2), {2, 1, 4, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr10BiPlanarFullRange, "xf44", 2, NO_INFO,
     {PX(2), {1, 1, 4, 1, 1}}},
    {kCVPixelFormatType_420YpCbCr8VideoRange_8A_TriPlanar, "v0a8", 3, NO_INFO,
     {PX(1), {2, 2, 2, 1, 1}, PX(1)}},
    F1(kCVPixelFormatType_16VersatileBayer, 2),
    FB(kCVPixelFormatType_96VersatileBayerPacked12, 12, 8, 1),
    F1(kCVPixelFormatType_64RGBA_DownscaledProResRAW, 8),
    {kCVPixelFormatType_422YpCbCr16BiPlanarVideoRange, "sv22", 2, NO_INFO,
     {PX(2), {2, 1, 4, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr16BiPlanarVideoRange, "sv44", 2, NO_INFO,
     {PX(2), {1, 1, 4, 1, 1}}},
    {kCVPixelFormatType_444YpCbCr16VideoRange_16A_TriPlanar, "s4as", 3, NO_INFO,
     {PX(2), {1, 1, 4, 1, 1}, PX(2)}},
    {kCVPixelFormatType_30RGBLE_8A_BiPlanar, "b3a8", 2, NO_INFO, {PX(4), PX(1)}},
};

static const OSType k_compressed[] = {
    kCVPixelFormatType_Lossless_32BGRA,
    kCVPixelFormatType_Lossless_64RGBAHalf,
    kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarVideoRange,
    kCVPixelFormatType_Lossless_420YpCbCr8BiPlanarFullRange,
    kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarVideoRange,
    kCVPixelFormatType_Lossless_422YpCbCr10PackedBiPlanarVideoRange,
    kCVPixelFormatType_Lossless_420YpCbCr10PackedBiPlanarFullRange,
    kCVPixelFormatType_Lossless_30RGBLE_8A_BiPlanar,
    kCVPixelFormatType_Lossless_30RGBLEPackedWideGamut,
    kCVPixelFormatType_Lossy_32BGRA,
    kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarVideoRange,
    kCVPixelFormatType_Lossy_420YpCbCr8BiPlanarFullRange,
    kCVPixelFormatType_Lossy_420YpCbCr10PackedBiPlanarVideoRange,
    kCVPixelFormatType_Lossy_422YpCbCr10PackedBiPlanarVideoRange,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static size_t ceil_div(size_t a, size_t b) { return (a + b - 1) / b; }
static size_t round_up(size_t a, size_t b) { return ceil_div(a, b) * b; }

static uint32_t be32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

typedef struct {
    size_t width, height, row_length, bytes_per_row;
} expected_plane;

static expected_plane expect_plane(const plane_spec *p, size_t w, size_t h) {
    expected_plane e;
    e.width = ceil_div(w, (size_t)p->h_sub);
    e.height = ceil_div(h, (size_t)p->v_sub);
    size_t blocks = ceil_div(e.width, (size_t)p->block_width);
    e.row_length = blocks * (size_t)p->block_bytes;
    /* Whole block groups, then the default 64-byte row alignment. */
    e.bytes_per_row = round_up(round_up(blocks, (size_t)p->block_align) * (size_t)p->block_bytes, 64);
    return e;
}

static int g_failures_reported = 0;

static void check_format(const format_spec *f, size_t w, size_t h) {
    int before = pp_failures;
    CVPixelBufferRef pb = (CVPixelBufferRef)0x1;
    CVReturn rc = CVPixelBufferCreate(kCFAllocatorDefault, w, h, f->code, NULL, &pb);
    CHECK_EQ_LONG(rc, kCVReturnSuccess);
    if (rc != kCVReturnSuccess) {
        fprintf(stderr, "  %s %zux%zu\n", f->name, w, h);
        return;
    }
    CHECK(CFGetTypeID(pb) == CVPixelBufferGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(pb), 1);
    CHECK_EQ_LONG(CVPixelBufferGetWidth(pb), w);
    CHECK_EQ_LONG(CVPixelBufferGetHeight(pb), h);
    CHECK(CVPixelBufferGetPixelFormatType(pb) == f->code);
    CHECK_EQ_LONG(CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);

    int planar = f->planes > 1;
    unsigned char *base = (unsigned char *)CVPixelBufferGetBaseAddress(pb);
    size_t data_size = CVPixelBufferGetDataSize(pb);
    CHECK(base != NULL);
    CHECK(((uintptr_t)base % 64) == 0);
    CHECK_EQ_LONG(CVPixelBufferIsPlanar(pb), planar);
    CHECK_EQ_LONG(CVPixelBufferGetPlaneCount(pb), planar ? f->planes : 0);

    /* Planes follow each other from the base address (after the descriptor),
     * each starting on a 64-byte boundary. */
    size_t cursor = (size_t)f->info;
    size_t spanned = 0;
    for (int i = 0; i < f->planes; i++) {
        expected_plane e = expect_plane(&f->p[i], w, h);
        size_t start = round_up(cursor, 64);
        unsigned char *plane_base;
        size_t bpr;
        if (planar) {
            CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, (size_t)i), e.width);
            CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(pb, (size_t)i), e.height);
            bpr = CVPixelBufferGetBytesPerRowOfPlane(pb, (size_t)i);
            plane_base = (unsigned char *)CVPixelBufferGetBaseAddressOfPlane(pb, (size_t)i);
        } else {
            CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, 0), 0);
            CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, 0) == NULL);
            bpr = CVPixelBufferGetBytesPerRow(pb);
            plane_base = base;
        }
        CHECK_EQ_LONG(bpr, e.bytes_per_row);
        CHECK(bpr >= e.row_length);
        CHECK(plane_base == base + start);
        CHECK(((uintptr_t)plane_base % 64) == 0);
        /* The last row ends inside the data. */
        CHECK(start + bpr * (e.height - 1) + e.row_length <= data_size);
        if (f->info != NO_INFO) {
            const unsigned char *entry = base + 8 * i;
            CHECK_EQ_LONG(be32(entry), (long)(plane_base - base));
            CHECK_EQ_LONG(be32(entry + 4), bpr);
        }
        cursor = start + bpr * e.height;
        spanned += bpr * e.height;
    }
    CHECK_EQ_LONG(data_size, cursor);
    if (planar) {
        CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), ceil_div(spanned, h));
        CHECK(CVPixelBufferGetBaseAddressOfPlane(pb, (size_t)f->planes) == NULL);
        CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(pb, (size_t)f->planes), 0);
        if (f->info == NO_INFO) {
            CHECK(base == CVPixelBufferGetBaseAddressOfPlane(pb, 0));
        }
    }
    size_t l = 9, r = 9, t = 9, b = 9;
    CVPixelBufferGetExtendedPixels(pb, &l, &r, &t, &b);
    CHECK(l == 0 && r == 0 && t == 0 && b == 0);
    CHECK_EQ_LONG(CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly), kCVReturnSuccess);
    CVPixelBufferRelease(pb);
    if (pp_failures != before && g_failures_reported++ < 20) {
        fprintf(stderr, "  ^ %s at %zux%zu\n", f->name, w, h);
    }
}

int main(void) {
    static const size_t sizes[][2] = {{1, 1}, {3, 5}, {1921, 1081}, {4096, 2160}};
    CHECK_EQ_LONG(COUNT(k_formats), 85);
    CHECK_EQ_LONG(COUNT(k_formats) + COUNT(k_compressed), 99);
    for (size_t s = 0; s < COUNT(sizes); s++) {
        for (size_t i = 0; i < COUNT(k_formats); i++) {
            check_format(&k_formats[i], sizes[s][0], sizes[s][1]);
        }
    }

    /* Spot checks against hand-computed numbers. */
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 1280, 720, kCVPixelFormatType_422YpCbCr8, NULL, &pb), 0);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 2560);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 2, 2, kCVPixelFormatType_32BGRA, NULL, &pb), 0);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 64);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 1920, 1080, kCVPixelFormatType_422YpCbCr10, NULL, &pb), 0);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 5120); /* 40 groups of 48 px x 128 bytes */
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 1920, 1080, kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange,
                                      NULL, &pb), 0);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRow(pb), 2880);
    CHECK_EQ_LONG(CVPixelBufferGetBytesPerRowOfPlane(pb, 1), 1920);
    CHECK_EQ_LONG(CVPixelBufferGetWidthOfPlane(pb, 1), 960);
    CHECK_EQ_LONG(CVPixelBufferGetHeightOfPlane(pb, 1), 540);
    CVPixelBufferRelease(pb);

    /* Compressed formats cannot be created; the out pointer is untouched. */
    for (size_t i = 0; i < COUNT(k_compressed); i++) {
        pb = (CVPixelBufferRef)0x1;
        CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 64, 64, k_compressed[i], NULL, &pb),
                      kCVReturnInvalidPixelFormat);
        CHECK(pb == (CVPixelBufferRef)0x1);
    }
    /* Unknown codes too. */
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 64, 64, 0x12345678u, NULL, &pb), kCVReturnInvalidPixelFormat);
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 64, 64, 0, NULL, &pb), kCVReturnInvalidPixelFormat);
    return pp_finish("cv_pixel_buffer_formats");
}
