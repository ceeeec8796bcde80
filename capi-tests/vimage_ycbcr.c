/* vImage Y'CbCr: the predefined matrices, both GenerateConversion functions,
 * Apple's luma/chroma sample (info generated for kvImage422CbYpCrYp8, used
 * for 4:2:0) against a double-precision reference written here from the
 * documented formulas (±1), encode → decode round trips for the other
 * layouts, and the error codes. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

static const vImage_YpCbCrPixelRange video8 = {16, 128, 235, 240, 235, 16, 240, 16};

static int clampi(double v, int lo, int hi) {
    long r = lround(v);
    return r < lo ? lo : r > hi ? hi : (int)r;
}

/* BT.601 video range → RGB, from the textbook formulas. */
static void ref_decode(int y, int cb, int cr, int rgb[3]) {
    /* Inputs clamped to the range's limits first (README decision). */
    y = y < 16 ? 16 : y > 235 ? 235 : y;
    cb = cb < 16 ? 16 : cb > 240 ? 240 : cb;
    cr = cr < 16 ? 16 : cr > 240 ? 240 : cr;
    double Y = (y - 16) / 219.0, Cb = (cb - 128) / 224.0, Cr = (cr - 128) / 224.0;
    rgb[0] = clampi(255 * (Y + 1.402 * Cr), 0, 255);
    rgb[1] = clampi(255 * (Y - 0.344136286 * Cb - 0.714136286 * Cr), 0, 255);
    rgb[2] = clampi(255 * (Y + 1.772 * Cb), 0, 255);
}

static int near(int a, int b) { return abs(a - b) <= 1; }

static void check_matrices(void) {
    CHECK(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4->Yp == 1.0f);
    CHECK(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4->Cr_R == 1.402f);
    CHECK(fabsf(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4->Cr_G + 0.714136286f) < 1e-6f);
    CHECK(fabsf(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4->Cb_G + 0.344136286f) < 1e-6f);
    CHECK(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4->Cb_B == 1.772f);
    CHECK(kvImage_YpCbCrToARGBMatrix_ITU_R_709_2->Cr_R == 1.5748f);
    CHECK(kvImage_YpCbCrToARGBMatrix_ITU_R_709_2->Cb_B == 1.8556f);
    CHECK(kvImage_ARGBToYpCbCrMatrix_ITU_R_601_4->G_Yp == 0.587f);
    CHECK(kvImage_ARGBToYpCbCrMatrix_ITU_R_601_4->B_Cb_R_Cr == 0.5f);
    CHECK(fabsf(kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2->G_Cr + 0.454152908f) < 1e-6f);
    CHECK(kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2->R_Yp == 0.2126f);
    CHECK(sizeof(vImage_YpCbCrToARGB) == 128 && _Alignof(vImage_YpCbCrToARGB) == 16);
    CHECK(sizeof(vImage_YpCbCrToARGBMatrix) == 20 && sizeof(vImage_ARGBToYpCbCrMatrix) == 32);
    CHECK(sizeof(vImage_YpCbCrPixelRange) == 32);
    CHECK_EQ_LONG(kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10, 9);
    CHECK_EQ_LONG(kvImage444AYpCbCr16, 14);
    CHECK_EQ_LONG(kvImageARGB16Q12, 2);
}

/* Apple's "Converting luminance and chrominance planes" sample, on a 7×5
 * frame with padded rows, BGRA output. */
static void check_luma_chroma_sample(void) {
    vImage_YpCbCrToARGBMatrix m = {1, 1.402f, -0.7141363f, -0.3441363f, 1.772f};
    vImage_YpCbCrToARGB info;
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(&m, &video8, &info,
                                                                kvImage422CbYpCrYp8,
                                                                kvImageARGB8888, kvImageNoFlags),
                  kvImageNoError);
    enum { W = 7, H = 5, CW = 4, CH = 3 };
    uint8_t yp[H][W + 1], cbcr[CH][2 * CW + 2], out[H][4 * W + 4];
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) yp[y][x] = (uint8_t)(10 + 37 * x + 23 * y);
    for (int y = 0; y < CH; y++)
        for (int x = 0; x < 2 * CW; x++) cbcr[y][x] = (uint8_t)(20 + 29 * x + 61 * y);
    memset(out, 0xEE, sizeof out);
    vImage_Buffer sy = {yp, H, W, sizeof yp[0]}, sc = {cbcr, CH, CW, sizeof cbcr[0]},
                  d = {out, H, W, sizeof out[0]};
    const uint8_t bgra[4] = {3, 2, 1, 0};
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, &info, bgra, 200, kvImageNoFlags),
                  kvImageNoError);
    int bad = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            int rgb[3];
            ref_decode(yp[y][x], cbcr[y / 2][2 * (x / 2)], cbcr[y / 2][2 * (x / 2) + 1], rgb);
            const uint8_t *p = out[y] + 4 * x;
            bad += !(near(p[2], rgb[0]) && near(p[1], rgb[1]) && near(p[0], rgb[2]) && p[3] == 200);
        }
        bad += out[y][4 * W] != 0xEE; /* padding untouched */
    }
    CHECK_EQ_LONG(bad, 0);

    /* NULL permute map = ARGB order. */
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, &info, NULL, 9, kvImageDoNotTile),
                  kvImageNoError);
    {
        int rgb[3];
        ref_decode(yp[0][0], cbcr[0][0], cbcr[0][1], rgb);
        CHECK(out[0][0] == 9 && near(out[0][1], rgb[0]) && near(out[0][3], rgb[2]));
    }

    /* Errors; nothing written. */
    memset(out, 0x55, sizeof out);
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(NULL, &sc, &d, &info, NULL, 0, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, NULL, NULL, 0, 0),
                  kvImageNullPointerArgument);
    vImage_Buffer short_rows = d;
    short_rows.rowBytes = 4 * W - 1;
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &short_rows, &info, NULL, 0, 0),
                  kvImageInvalidRowBytes);
    vImage_Buffer small_chroma = sc;
    small_chroma.height = CH - 1;
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &small_chroma, &d, &info, NULL, 0, 0),
                  kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, &info, NULL, 0, kvImageEdgeExtend),
                  kvImageUnknownFlagsBit);
    const uint8_t badmap[4] = {0, 1, 2, 4};
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, &info, badmap, 0, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageConvert_420Yp8_CbCr8ToARGB8888(&sy, &sc, &d, &info, NULL, 0,
                                                       kvImageGetTempBufferSize),
                  0);
    int untouched = 1;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < 4 * W + 4; x++) untouched &= out[y][x] == 0x55;
    CHECK(untouched);
}

static void check_generation_errors(void) {
    vImage_YpCbCrToARGB info;
    vImage_ARGBToYpCbCr einfo;
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(
                      kvImage_YpCbCrToARGBMatrix_ITU_R_709_2, &video8, &info, kvImage420Yp8_CbCr8,
                      kvImageARGB16U, 0),
                  kvImageUnsupportedConversion);
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(NULL, &video8, &info,
                                                                kvImage420Yp8_CbCr8, kvImageARGB8888, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(
                      kvImage_YpCbCrToARGBMatrix_ITU_R_709_2, &video8, &info, kvImage420Yp8_CbCr8,
                      kvImageARGB8888, kvImageLeaveAlphaUnchanged),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageConvert_ARGBToYpCbCr_GenerateConversion(
                      kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, &video8, &einfo, kvImageARGB8888,
                      (vImageYpCbCrType)11, 0),
                  kvImageInvalidParameter);
    vImage_YpCbCrPixelRange r10 = {64, 512, 940, 960, 1023, 0, 1023, 0};
    CHECK_EQ_LONG(vImageConvert_ARGBToYpCbCr_GenerateConversion(
                      kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, &r10, &einfo, kvImageARGB16Q12,
                      kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10, 0),
                  kvImageNoError);
    /* An encode info is refused by a decode function (and vice versa). */
    uint8_t px[4] = {0}, words[16] = {0};
    vImage_Buffer s = {px, 1, 1, 4}, v = {words, 1, 1, 16};
    CHECK_EQ_LONG(vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB8888(
                      &v, &s, (const vImage_YpCbCrToARGB *)&einfo, NULL, 255, 0),
                  kvImageInvalidParameter);
    /* 10-bit info used with an 8-bit ARGB function: wrong ARGB type. */
    CHECK_EQ_LONG(vImageConvert_ARGB8888To422CrYpCbYpCbYpCbYpCrYpCrYp10(&s, &v, &einfo, NULL, 0),
                  kvImageInvalidParameter);
}

/* ARGB → layout → ARGB for grey and saturated colours: 8-bit layouts
 * within 2 codes (one rounding each way), 10/16-bit within 1. */
typedef vImage_Error (*enc_fn)(const vImage_Buffer *, const vImage_Buffer *,
                               const vImage_ARGBToYpCbCr *, const uint8_t *, vImage_Flags);
typedef vImage_Error (*dec_fn)(const vImage_Buffer *, const vImage_Buffer *,
                               const vImage_YpCbCrToARGB *, const uint8_t *, uint8_t, vImage_Flags);
typedef vImage_Error (*dec_a_fn)(const vImage_Buffer *, const vImage_Buffer *,
                                 const vImage_YpCbCrToARGB *, const uint8_t *, vImage_Flags);

static void round_trip(const char *name, vImageYpCbCrType type, const vImage_YpCbCrPixelRange *range,
                       enc_fn enc, dec_fn dec, dec_a_fn dec_a, size_t ycc_row, int tol,
                       int alpha_kept) {
    vImage_ARGBToYpCbCr einfo;
    vImage_YpCbCrToARGB dinfo;
    CHECK_EQ_LONG(vImageConvert_ARGBToYpCbCr_GenerateConversion(
                      kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, range, &einfo, kvImageARGB8888, type, 0),
                  kvImageNoError);
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(
                      kvImage_YpCbCrToARGBMatrix_ITU_R_709_2, range, &dinfo, type, kvImageARGB8888, 0),
                  kvImageNoError);
    /* Pairs of equal pixels so 4:2:2 averaging is lossless. */
    enum { W = 6 };
    const uint8_t colours[3][4] = {{255, 128, 128, 128}, {77, 200, 30, 60}, {10, 20, 240, 100}};
    uint8_t src[4 * W], back[4 * W];
    for (int x = 0; x < W; x++) memcpy(src + 4 * x, colours[x / 2], 4);
    uint32_t ycc[64];
    memset(ycc, 0, sizeof ycc);
    vImage_Buffer s = {src, 1, W, sizeof src}, y = {ycc, 1, W, ycc_row}, b = {back, 1, W, sizeof back};
    CHECK_EQ_LONG(enc(&s, &y, &einfo, NULL, 0), kvImageNoError);
    vImage_Error e = dec ? dec(&y, &b, &dinfo, NULL, 99, 0) : dec_a(&y, &b, &dinfo, NULL, 0);
    CHECK_EQ_LONG(e, kvImageNoError);
    int bad = 0;
    for (int i = 0; i < 4 * W; i++) {
        if (i % 4 == 0)
            bad += back[i] != (alpha_kept ? src[i] : 99);
        else
            bad += abs(back[i] - src[i]) > tol;
    }
    if (bad) fprintf(stderr, "%s: %d channels off\n", name, bad);
    CHECK_EQ_LONG(bad, 0);
}

int main(void) {
    check_matrices();
    check_luma_chroma_sample();
    check_generation_errors();
    vImage_YpCbCrPixelRange full8 = {0, 128, 255, 255, 255, 0, 255, 1};
    vImage_YpCbCrPixelRange v10 = {64, 512, 940, 960, 1023, 0, 1023, 0};
    vImage_YpCbCrPixelRange v16 = {4096, 32768, 60160, 61440, 65535, 0, 65535, 0};
    round_trip("2vuy", kvImage422CbYpCrYp8, &video8, vImageConvert_ARGB8888To422CbYpCrYp8,
               vImageConvert_422CbYpCrYp8ToARGB8888, NULL, 12, 3, 0);
    round_trip("yuvs", kvImage422YpCbYpCr8, &full8, vImageConvert_ARGB8888To422YpCbYpCr8,
               vImageConvert_422YpCbYpCr8ToARGB8888, NULL, 12, 2, 0);
    round_trip("v308", kvImage444CrYpCb8, &video8, vImageConvert_ARGB8888To444CrYpCb8,
               vImageConvert_444CrYpCb8ToARGB8888, NULL, 18, 3, 0);
    round_trip("r408", kvImage444AYpCbCr8, &full8, vImageConvert_ARGB8888To444AYpCbCr8, NULL,
               vImageConvert_444AYpCbCr8ToARGB8888, 24, 2, 1);
    round_trip("v408", kvImage444CbYpCrA8, &video8, vImageConvert_ARGB8888To444CbYpCrA8, NULL,
               vImageConvert_444CbYpCrA8ToARGB8888, 24, 3, 1);
    round_trip("v216", kvImage422CbYpCrYp16, &v16, vImageConvert_ARGB8888To422CbYpCrYp16,
               vImageConvert_422CbYpCrYp16ToARGB8888, NULL, 24, 1, 0);
    round_trip("y416", kvImage444AYpCbCr16, &v16, vImageConvert_ARGB8888To444AYpCbCr16, NULL,
               vImageConvert_444AYpCbCr16ToARGB8888, 48, 1, 1);
    round_trip("v210", kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10, &v10,
               vImageConvert_ARGB8888To422CrYpCbYpCbYpCbYpCrYpCrYp10,
               vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB8888, NULL, 16, 1, 0);
    round_trip("v410", kvImage444CrYpCb10, &v10, vImageConvert_ARGB8888To444CrYpCb10,
               vImageConvert_444CrYpCb10ToARGB8888, NULL, 24, 1, 0);

    /* 4:2:0 encode of a grey image: Y' = 16 + 219·g/255, chroma 128. */
    {
        vImage_ARGBToYpCbCr einfo;
        CHECK_EQ_LONG(vImageConvert_ARGBToYpCbCr_GenerateConversion(
                          kvImage_ARGBToYpCbCrMatrix_ITU_R_601_4, &video8, &einfo, kvImageARGB8888,
                          kvImage420Yp8_Cb8_Cr8, 0),
                      kvImageNoError);
        uint8_t argb[3 * 3 * 4], yp[9], cb[4], cr[4], cbcr[8];
        for (int i = 0; i < 9; i++) {
            argb[4 * i] = 255;
            argb[4 * i + 1] = argb[4 * i + 2] = argb[4 * i + 3] = (uint8_t)(i * 30);
        }
        vImage_Buffer s = {argb, 3, 3, 12}, dy = {yp, 3, 3, 3}, dcb = {cb, 2, 2, 2},
                      dcr = {cr, 2, 2, 2}, dcbcr = {cbcr, 2, 2, 4};
        CHECK_EQ_LONG(vImageConvert_ARGB8888To420Yp8_Cb8_Cr8(&s, &dy, &dcb, &dcr, &einfo, NULL, 0),
                      kvImageNoError);
        int bad = 0;
        for (int i = 0; i < 9; i++) bad += !near(yp[i], clampi(16 + 219.0 * i * 30 / 255, 0, 255));
        for (int i = 0; i < 4; i++) bad += cb[i] != 128 || cr[i] != 128;
        CHECK_EQ_LONG(bad, 0);
        /* The 2vuy-generated info also serves 4:2:0 (same depth). */
        memset(cbcr, 0, sizeof cbcr);
        CHECK_EQ_LONG(vImageConvert_ARGB8888To420Yp8_CbCr8(&s, &dy, &dcbcr, &einfo, NULL, 0),
                      kvImageNoError);
        CHECK(cbcr[0] == 128 && cbcr[7] == 128);
        dcb.width = 1;
        CHECK_EQ_LONG(vImageConvert_ARGB8888To420Yp8_Cb8_Cr8(&s, &dy, &dcb, &dcr, &einfo, NULL, 0),
                      kvImageBufferSizeMismatch);
        /* Planar 4:2:0 decode of the same planes gives the grey back. */
        vImage_YpCbCrToARGB dinfo;
        CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(
                          kvImage_YpCbCrToARGBMatrix_ITU_R_601_4, &video8, &dinfo,
                          kvImage420Yp8_Cb8_Cr8, kvImageARGB8888, 0),
                      kvImageNoError);
        dcb.width = 2;
        uint8_t back[36];
        vImage_Buffer b = {back, 3, 3, 12};
        CHECK_EQ_LONG(vImageConvert_420Yp8_Cb8_Cr8ToARGB8888(&dy, &dcb, &dcr, &b, &dinfo, NULL, 255, 0),
                      kvImageNoError);
        bad = 0;
        for (int i = 0; i < 36; i++) bad += abs(back[i] - argb[i]) > 1;
        CHECK_EQ_LONG(bad, 0);
    }

    /* a2vy: alpha plane round trip. */
    {
        vImage_ARGBToYpCbCr einfo;
        vImage_YpCbCrToARGB dinfo;
        vImageConvert_ARGBToYpCbCr_GenerateConversion(kvImage_ARGBToYpCbCrMatrix_ITU_R_601_4, &video8,
                                                      &einfo, kvImageARGB8888, kvImage422CbYpCrYp8_AA8, 0);
        vImageConvert_YpCbCrToARGB_GenerateConversion(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4, &video8,
                                                      &dinfo, kvImage422CbYpCrYp8_AA8, kvImageARGB8888, 0);
        uint8_t argb[12] = {10, 128, 128, 128, 20, 128, 128, 128, 30, 50, 60, 70}, packed[8], a[3],
                back[12];
        vImage_Buffer s = {argb, 1, 3, 12}, d = {packed, 1, 3, 8}, da = {a, 1, 3, 3}, b = {back, 1, 3, 12};
        CHECK_EQ_LONG(vImageConvert_ARGB8888To422CbYpCrYp8_AA8(&s, &d, &da, &einfo, NULL, 0), kvImageNoError);
        CHECK(a[0] == 10 && a[1] == 20 && a[2] == 30);
        CHECK(packed[7] == packed[5]); /* odd width: last pixel replicated */
        CHECK_EQ_LONG(vImageConvert_422CbYpCrYp8_AA8ToARGB8888(&d, &da, &b, &dinfo, NULL, 0), kvImageNoError);
        CHECK(back[0] == 10 && back[4] == 20 && back[8] == 30 && near(back[1], 128));
        CHECK_EQ_LONG(vImageConvert_422CbYpCrYp8_AA8ToARGB8888(&d, NULL, &b, &dinfo, NULL, 0),
                      kvImageNullPointerArgument);
        d.rowBytes = 6; /* 3 pixels need 2 whole pairs = 8 bytes */
        CHECK_EQ_LONG(vImageConvert_ARGB8888To422CbYpCrYp8_AA8(&s, &d, &da, &einfo, NULL, 0),
                      kvImageInvalidRowBytes);
    }

    /* 16-bit ARGB and 16Q12 paths. */
    {
        vImage_ARGBToYpCbCr einfo;
        vImage_YpCbCrToARGB dinfo;
        vImage_YpCbCrPixelRange v16 = {4096, 32768, 60160, 61440, 65535, 0, 65535, 0};
        CHECK_EQ_LONG(vImageConvert_ARGBToYpCbCr_GenerateConversion(kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, &v16,
                                                                    &einfo, kvImageARGB16U, kvImage444AYpCbCr16, 0),
                      kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(kvImage_YpCbCrToARGBMatrix_ITU_R_709_2, &v16,
                                                                    &dinfo, kvImage422CbYpCrYp16, kvImageARGB16U, 0),
                      kvImageNoError);
        uint16_t argb[8] = {65535, 65535, 0, 0, 1234, 0, 65535, 0}, ycc[8], back[8];
        vImage_Buffer s = {argb, 1, 2, 16}, y = {ycc, 1, 2, 16}, b = {back, 1, 2, 16};
        CHECK_EQ_LONG(vImageConvert_ARGB16UTo444AYpCbCr16(&s, &y, &einfo, NULL, 0), kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_444AYpCbCr16ToARGB16U(&y, &b, &dinfo, NULL, 0), kvImageNoError);
        int bad = 0;
        for (int i = 0; i < 8; i++) bad += abs(back[i] - argb[i]) > 2;
        CHECK_EQ_LONG(bad, 0);
        uint16_t v216[4];
        vImage_Buffer p = {v216, 1, 2, 8};
        CHECK_EQ_LONG(vImageConvert_ARGB16UTo422CbYpCrYp16(&s, &p, &einfo, NULL, 0), kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_422CbYpCrYp16ToARGB16U(&p, &b, &dinfo, NULL, 7, 0), kvImageNoError);
        CHECK(back[0] == 7 && back[4] == 7);

        vImage_YpCbCrPixelRange v10 = {64, 512, 940, 960, 1023, 0, 1023, 0};
        vImageConvert_ARGBToYpCbCr_GenerateConversion(kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, &v10, &einfo,
                                                      kvImageARGB16Q12, kvImage444CrYpCb10, 0);
        vImageConvert_YpCbCrToARGB_GenerateConversion(kvImage_YpCbCrToARGBMatrix_ITU_R_709_2, &v10, &dinfo,
                                                      kvImage444CrYpCb10, kvImageARGB16Q12, 0);
        int16_t q[8] = {4096, 4096, 4096, 4096, 0, 0, 0, 0}, qb[8];
        uint32_t w[2];
        vImage_Buffer qs = {q, 1, 2, 16}, qw = {w, 1, 2, 8}, qd = {qb, 1, 2, 16};
        CHECK_EQ_LONG(vImageConvert_ARGB16Q12To444CrYpCb10(&qs, &qw, &einfo, NULL, 0), kvImageNoError);
        CHECK(w[0] == ((512u << 22) | (940u << 12) | (512u << 2)));
        CHECK(w[1] == ((512u << 22) | (64u << 12) | (512u << 2)));
        CHECK_EQ_LONG(vImageConvert_444CrYpCb10ToARGB16Q12(&qw, &qd, &dinfo, NULL, 4096, 0), kvImageNoError);
        CHECK(qb[0] == 4096 && qb[1] == 4096 && qb[3] == 4096 && qb[5] == 0 && qb[7] == 0);
        uint32_t v210[4];
        vImage_Buffer vw = {v210, 1, 2, 16};
        vImageConvert_ARGBToYpCbCr_GenerateConversion(kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2, &v10, &einfo,
                                                      kvImageARGB16Q12, kvImage422CrYpCbYpCbYpCbYpCrYpCrYp10, 0);
        CHECK_EQ_LONG(vImageConvert_ARGB16Q12To422CrYpCbYpCbYpCbYpCrYpCrYp10(&qs, &vw, &einfo, NULL, 0),
                      kvImageNoError);
        CHECK_EQ_LONG(vImageConvert_422CrYpCbYpCbYpCbYpCrYpCrYp10ToARGB16Q12(&vw, &qd, &dinfo, NULL, 1, 0),
                      kvImageNoError);
        CHECK(qb[0] == 1 && abs(qb[1] - 4096) <= 5 && abs(qb[5]) <= 5 + 0 * qb[5]);
    }
    return pp_finish("vimage_ycbcr");
}
