/* vImage channel moves (§3) and interleave / add-drop alpha (§4): every
 * function against a reference loop written here (exact), the Apple
 * channel-order macros, in-place permute, padded rows untouched, and the
 * error codes (NULL, short rowBytes, size mismatch, bad map/mask/index,
 * unknown flags). */
#include <Accelerate/Accelerate.h>
#include <stdint.h>

#include "pp_test.h"

enum { W = 5, H = 3 };

static void fill_pattern(uint8_t *p, size_t n, int seed) {
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)(i * 31 + seed * 7 + 3);
}

static void check_permute(void) {
    uint8_t src[H][4 * W + 2], dst[H][4 * W + 3];
    fill_pattern(&src[0][0], sizeof src, 1);
    memset(dst, 0xEE, sizeof dst);
    vImage_Buffer s = {src, H, W, sizeof src[0]}, d = {dst, H, W, sizeof dst[0]};
    const uint8_t map[4] = {3, 2, 1, 0};
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &d, map, kvImageNoFlags), kvImageNoError);
    int bad = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++)
            for (int i = 0; i < 4; i++) bad += dst[y][4 * x + i] != src[y][4 * x + map[i]];
        bad += dst[y][4 * W] != 0xEE;
    }
    CHECK_EQ_LONG(bad, 0);
    /* In place. */
    uint8_t copy[H][4 * W + 2];
    memcpy(copy, src, sizeof src);
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &s, map, kvImageDoNotTile), kvImageNoError);
    CHECK(src[1][4] == copy[1][7] && src[1][7] == copy[1][4]);
    /* Errors. */
    const uint8_t bad_map[4] = {0, 1, 2, 4};
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &d, bad_map, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &d, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(NULL, &d, map, 0), kvImageNullPointerArgument);
    vImage_Buffer short_rows = d;
    short_rows.rowBytes = 4 * W - 1;
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &short_rows, map, 0), kvImageInvalidRowBytes);
    vImage_Buffer big = d;
    big.height = H + 1;
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &big, map, 0), kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&s, &d, map, kvImageLeaveAlphaUnchanged),
                  kvImageUnknownFlagsBit);

    uint16_t s16[8] = {1, 2, 3, 4, 5, 6, 7, 8}, d16[8];
    vImage_Buffer a = {s16, 1, 2, 16}, b = {d16, 1, 2, 16};
    const uint8_t rot[4] = {1, 2, 3, 0};
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB16U(&a, &b, rot, 0), kvImageNoError);
    CHECK(d16[0] == 2 && d16[3] == 1 && d16[7] == 5);
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB16F(&a, &b, map, 0), kvImageNoError);
    CHECK(d16[0] == 4 && d16[4] == 8);
    float f[4] = {0.1f, 0.2f, 0.3f, 0.4f}, g[4];
    vImage_Buffer fa = {f, 1, 1, 16}, fb = {g, 1, 1, 16};
    CHECK_EQ_LONG(vImagePermuteChannels_ARGBFFFF(&fa, &fb, map, 0), kvImageNoError);
    CHECK(g[0] == 0.4f && g[3] == 0.1f);
    uint8_t rgb[6] = {1, 2, 3, 4, 5, 6}, bgr[6];
    vImage_Buffer r = {rgb, 1, 2, 6}, q = {bgr, 1, 2, 6};
    const uint8_t map3[3] = {2, 1, 0}, bad3[3] = {0, 1, 3};
    CHECK_EQ_LONG(vImagePermuteChannels_RGB888(&r, &q, map3, 0), kvImageNoError);
    CHECK(bgr[0] == 3 && bgr[2] == 1 && bgr[3] == 6);
    CHECK_EQ_LONG(vImagePermuteChannels_RGB888(&r, &q, bad3, 0), kvImageInvalidParameter);
}

static void check_overwrite_extract(void) {
    uint8_t src[8] = {1, 2, 3, 4, 5, 6, 7, 8}, dst[8];
    vImage_Buffer s = {src, 1, 2, 8}, d = {dst, 1, 2, 8};
    const uint8_t ident[4] = {0, 1, 2, 3}, bg[4] = {90, 91, 92, 93};
    CHECK_EQ_LONG(vImagePermuteChannelsWithMaskedInsert_ARGB8888(&s, &d, ident, 0x8 | 0x2, bg, 0), kvImageNoError);
    CHECK(dst[0] == 90 && dst[1] == 2 && dst[2] == 92 && dst[3] == 4 && dst[4] == 90);
    CHECK_EQ_LONG(vImagePermuteChannelsWithMaskedInsert_ARGB8888(&s, &d, ident, 0x8, NULL, 0),
                  kvImageNullPointerArgument);
    uint16_t s16[4] = {1, 2, 3, 4}, d16[4], bg16[4] = {9, 9, 9, 9};
    vImage_Buffer a = {s16, 1, 1, 8}, b = {d16, 1, 1, 8};
    CHECK_EQ_LONG(vImagePermuteChannelsWithMaskedInsert_ARGB16U(&a, &b, ident, 0x1, bg16, 0), kvImageNoError);
    CHECK(d16[0] == 1 && d16[3] == 9);
    float f[4] = {1, 2, 3, 4}, g[4], fbg[4] = {0, 0, 0, -1};
    vImage_Buffer fa = {f, 1, 1, 16}, fb = {g, 1, 1, 16};
    CHECK_EQ_LONG(vImagePermuteChannelsWithMaskedInsert_ARGBFFFF(&fa, &fb, ident, 0x1, fbg, 0), kvImageNoError);
    CHECK(g[0] == 1 && g[3] == -1);

    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_ARGB8888(255, &s, &d, 0x8, 0), kvImageNoError);
    CHECK(dst[0] == 255 && dst[1] == 2 && dst[4] == 255 && dst[7] == 8);
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_ARGB8888(255, &s, &d, 16, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_ARGBFFFF(1.0f, &fa, &fb, 0x8, 0), kvImageNoError);
    CHECK(g[0] == 1.0f && g[1] == 2);
    const uint8_t px[4] = {10, 20, 30, 40};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithPixel_ARGB8888(px, &s, &d, 0x6, 0), kvImageNoError);
    CHECK(dst[0] == 1 && dst[1] == 20 && dst[2] == 30 && dst[3] == 4);
    const uint16_t px16[4] = {7, 7, 7, 7};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithPixel_ARGB16U(px16, &a, &b, 0xF, 0), kvImageNoError);
    CHECK(d16[0] == 7 && d16[3] == 7);
    const float pxf[4] = {0.5f, 0.5f, 0.5f, 0.5f};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithPixel_ARGBFFFF(pxf, &fa, &fb, 0x0, 0), kvImageNoError);
    CHECK(g[0] == 1 && g[3] == 4);

    uint8_t plane[2] = {100, 200};
    vImage_Buffer p = {plane, 1, 2, 2};
    CHECK_EQ_LONG(vImageOverwriteChannels_ARGB8888(&p, &s, &d, 0x1, 0), kvImageNoError);
    CHECK(dst[3] == 100 && dst[7] == 200 && dst[0] == 1);
    float fplane[1] = {9};
    vImage_Buffer fp = {fplane, 1, 1, 4};
    CHECK_EQ_LONG(vImageOverwriteChannels_ARGBFFFF(&fp, &fa, &fb, 0x8, 0), kvImageNoError);
    CHECK(g[0] == 9 && g[1] == 2);

    uint8_t one[2];
    vImage_Buffer o = {one, 1, 2, 2};
    CHECK_EQ_LONG(vImageExtractChannel_ARGB8888(&s, &o, 2, 0), kvImageNoError);
    CHECK(one[0] == 3 && one[1] == 7);
    CHECK_EQ_LONG(vImageExtractChannel_ARGB8888(&s, &o, 4, 0), kvImageInvalidParameter);
    uint16_t one16[1];
    vImage_Buffer o16 = {one16, 1, 1, 2};
    CHECK_EQ_LONG(vImageExtractChannel_ARGB16U(&a, &o16, 3, 0), kvImageNoError);
    CHECK(one16[0] == 4);
    float onef[1];
    vImage_Buffer of = {onef, 1, 1, 4};
    CHECK_EQ_LONG(vImageExtractChannel_ARGBFFFF(&fa, &of, 1, 0), kvImageNoError);
    CHECK(onef[0] == 2);

    uint8_t p8[3][4];
    memset(p8, 0, sizeof p8);
    vImage_Buffer pb = {p8, 3, 3, 4};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_Planar8(42, &pb, 0), kvImageNoError);
    CHECK(p8[2][2] == 42 && p8[2][3] == 0);
    float pf[2];
    vImage_Buffer pfb = {pf, 1, 2, 8};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_PlanarF(-2.5f, &pfb, 0), kvImageNoError);
    CHECK(pf[1] == -2.5f);
    int16_t ps[2];
    vImage_Buffer psb = {ps, 1, 2, 4};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_Planar16S(-7, &psb, 0), kvImageNoError);
    CHECK(ps[0] == -7);
    uint16_t pu[2];
    vImage_Buffer pub = {pu, 1, 2, 4};
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_Planar16U(60000, &pub, 0), kvImageNoError);
    CHECK(pu[1] == 60000);
    CHECK_EQ_LONG(vImageOverwriteChannelsWithScalar_Planar8(1, NULL, 0), kvImageNullPointerArgument);
}

static void check_interleave(void) {
    uint8_t argb[H][4 * W], a[H][W], r[H][W + 1], g[H][W], b[H][W];
    fill_pattern(&argb[0][0], sizeof argb, 2);
    memset(r, 0xEE, sizeof r);
    vImage_Buffer s = {argb, H, W, 4 * W}, da = {a, H, W, W}, dr = {r, H, W, W + 1}, dg = {g, H, W, W},
                  db = {b, H, W, W};
    CHECK_EQ_LONG(vImageConvert_ARGB8888toPlanar8(&s, &da, &dr, &dg, &db, 0), kvImageNoError);
    int bad = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++)
            bad += a[y][x] != argb[y][4 * x] || r[y][x] != argb[y][4 * x + 1] || g[y][x] != argb[y][4 * x + 2] ||
                   b[y][x] != argb[y][4 * x + 3];
        bad += r[y][W] != 0xEE;
    }
    CHECK_EQ_LONG(bad, 0);
    uint8_t back[H][4 * W];
    vImage_Buffer d = {back, H, W, 4 * W};
    CHECK_EQ_LONG(vImageConvert_Planar8toARGB8888(&da, &dr, &dg, &db, &d, 0), kvImageNoError);
    CHECK(memcmp(back, argb, sizeof argb) == 0);
    /* RGBA macro: byte 0 goes to the red plane. */
    CHECK_EQ_LONG(vImageConvert_RGBA8888toPlanar8(&s, &dr, &dg, &db, &da, 0), kvImageNoError);
    CHECK(r[0][0] == argb[0][0] && a[0][0] == argb[0][3]);
    CHECK_EQ_LONG(vImageConvert_BGRA8888toPlanar8(&s, &db, &dg, &dr, &da, 0), kvImageNoError);
    CHECK(b[0][0] == argb[0][0] && r[0][0] == argb[0][2]);
    vImage_Buffer small = dg;
    small.width = W - 1;
    CHECK_EQ_LONG(vImageConvert_ARGB8888toPlanar8(&s, &da, &dr, &small, &db, 0), kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageConvert_Planar8toARGB8888(&da, &dr, NULL, &db, &d, 0), kvImageNullPointerArgument);

    /* RGB888 ⇄ planes, XRGB/BGRX. */
    uint8_t rgb[H][3 * W];
    vImage_Buffer rb = {rgb, H, W, 3 * W};
    CHECK_EQ_LONG(vImageConvert_Planar8toRGB888(&dr, &dg, &db, &rb, 0), kvImageNoError);
    CHECK(rgb[1][3] == r[1][1] && rgb[1][5] == b[1][1]);
    memset(a, 0, sizeof a);
    CHECK_EQ_LONG(vImageConvert_RGB888toPlanar8(&rb, &da, &dg, &db, 0), kvImageNoError);
    CHECK(a[2][4] == r[2][4]);
    CHECK_EQ_LONG(vImageConvert_Planar8ToXRGB8888(77, &dr, &dg, &db, &d, 0), kvImageNoError);
    CHECK(back[0][0] == 77 && back[0][1] == r[0][0] && back[2][19] == b[2][4]);
    CHECK_EQ_LONG(vImageConvert_XRGB8888ToPlanar8(&d, &da, &dg, &db, 0), kvImageNoError);
    CHECK(a[1][1] == r[1][1]);
    CHECK_EQ_LONG(vImageConvert_Planar8ToBGRX8888(&db, &dg, &dr, 66, &d, 0), kvImageNoError);
    CHECK(back[0][0] == b[0][0] && back[0][3] == 66);
    CHECK_EQ_LONG(vImageConvert_Planar8ToRGBX8888(&dr, &dg, &db, 55, &d, 0), kvImageNoError);
    CHECK(back[0][0] == r[0][0] && back[0][3] == 55);
    CHECK_EQ_LONG(vImageConvert_BGRX8888ToPlanar8(&d, &db, &dg, &da, 0), kvImageNoError);
    CHECK(db.data == (void *)b && b[0][0] == r[0][0]);

    /* Float RGB ⇄ planes (the histogram-specification sample's calls). */
    float rgbf[2][9], pr[2][3], pg[2][3], pbl[2][3], backf[2][9];
    for (int i = 0; i < 18; i++) (&rgbf[0][0])[i] = (float)i * 0.25f - 1.0f;
    vImage_Buffer fs = {rgbf, 2, 3, 36}, fr = {pr, 2, 3, 12}, fg = {pg, 2, 3, 12}, fbp = {pbl, 2, 3, 12},
                  fd = {backf, 2, 3, 36};
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoPlanarF(&fs, &fr, &fg, &fbp, 0), kvImageNoError);
    CHECK(pr[1][2] == rgbf[1][6] && pg[0][1] == rgbf[0][4] && pbl[1][0] == rgbf[1][2]);
    CHECK_EQ_LONG(vImageConvert_PlanarFtoRGBFFF(&fr, &fg, &fbp, &fd, 0), kvImageNoError);
    CHECK(memcmp(backf, rgbf, sizeof rgbf) == 0);
    vImage_Buffer bad_rows = fs;
    bad_rows.rowBytes = 35;
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoPlanarF(&bad_rows, &fr, &fg, &fbp, 0), kvImageInvalidRowBytes);
    float argbf[4] = {1, 2, 3, 4}, pa[1], p1[1], p2[1], p3[1];
    vImage_Buffer fs4 = {argbf, 1, 1, 16}, q0 = {pa, 1, 1, 4}, q1 = {p1, 1, 1, 4}, q2 = {p2, 1, 1, 4},
                  q3 = {p3, 1, 1, 4};
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoPlanarF(&fs4, &q0, &q1, &q2, &q3, 0), kvImageNoError);
    CHECK(pa[0] == 1 && p3[0] == 4);
    CHECK_EQ_LONG(vImageConvert_PlanarFtoBGRAFFFF(&q3, &q2, &q1, &q0, &fs4, 0), kvImageNoError);
    CHECK(argbf[0] == 4 && argbf[3] == 1);

    /* Add / drop alpha. */
    uint8_t c3[6] = {10, 20, 30, 200, 100, 50}, c4[8], al[2] = {128, 255};
    vImage_Buffer s3 = {c3, 1, 2, 6}, d4 = {c4, 1, 2, 8}, sa = {al, 1, 2, 2};
    CHECK_EQ_LONG(vImageConvert_RGB888toARGB8888(&s3, NULL, 250, &d4, false, 0), kvImageNoError);
    CHECK(c4[0] == 250 && c4[1] == 10 && c4[7] == 50);
    CHECK_EQ_LONG(vImageConvert_RGB888toARGB8888(&s3, &sa, 0, &d4, true, 0), kvImageNoError);
    CHECK(c4[0] == 128 && c4[1] == (10 * 128 + 127) / 255 && c4[4] == 255 && c4[5] == 200);
    CHECK_EQ_LONG(vImageConvert_RGB888toRGBA8888(&s3, NULL, 1, &d4, false, 0), kvImageNoError);
    CHECK(c4[0] == 10 && c4[3] == 1);
    CHECK_EQ_LONG(vImageConvert_RGB888toBGRA8888(&s3, NULL, 1, &d4, false, 0), kvImageNoError);
    CHECK(c4[0] == 30 && c4[2] == 10 && c4[3] == 1);
    CHECK_EQ_LONG(vImageConvert_BGR888toRGBA8888(&s3, NULL, 2, &d4, false, 0), kvImageNoError);
    CHECK(c4[0] == 30 && c4[3] == 2);
    uint8_t o3[6];
    vImage_Buffer d3 = {o3, 1, 2, 6};
    CHECK_EQ_LONG(vImageConvert_ARGB8888toRGB888(&d4, &d3, 0), kvImageNoError);
    CHECK(o3[0] == c4[1] && o3[2] == c4[3]);
    CHECK_EQ_LONG(vImageConvert_RGBA8888toRGB888(&d4, &d3, 0), kvImageNoError);
    CHECK(o3[0] == c4[0] && o3[2] == c4[2]);
    CHECK_EQ_LONG(vImageConvert_BGRA8888toRGB888(&d4, &d3, 0), kvImageNoError);
    CHECK(o3[0] == c4[2] && o3[2] == c4[0]);
    CHECK_EQ_LONG(vImageConvert_RGBA8888toBGR888(&d4, &d3, 0), kvImageNoError);
    CHECK(o3[0] == c4[2]);
    CHECK_EQ_LONG(vImageConvert_BGRA8888toBGR888(&d4, &d3, 0), kvImageNoError);
    CHECK(o3[0] == c4[0]);
    CHECK_EQ_LONG(vImageConvert_BGR888toBGRA8888(&s3, NULL, 3, &d4, false, 0), kvImageNoError);
    CHECK(c4[0] == 10 && c4[3] == 3);
    CHECK_EQ_LONG(vImageConvert_RGB888toARGB8888(NULL, NULL, 0, &d4, false, 0), kvImageNullPointerArgument);

    float f3[3] = {0.5f, 0.25f, 1.0f}, f4[4], fal[1] = {0.5f}, f3b[3];
    vImage_Buffer sf3 = {f3, 1, 1, 12}, df4 = {f4, 1, 1, 16}, sfa = {fal, 1, 1, 4}, df3 = {f3b, 1, 1, 12};
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoARGBFFFF(&sf3, &sfa, 0, &df4, true, 0), kvImageNoError);
    CHECK(f4[0] == 0.5f && f4[1] == 0.25f && f4[3] == 0.5f);
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoRGBAFFFF(&sf3, NULL, 1.0f, &df4, false, 0), kvImageNoError);
    CHECK(f4[0] == 0.5f && f4[3] == 1.0f);
    CHECK_EQ_LONG(vImageConvert_RGBAFFFFtoRGBFFF(&df4, &df3, 0), kvImageNoError);
    CHECK(f3b[2] == 1.0f);
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoBGRAFFFF(&sf3, NULL, 1.0f, &df4, false, 0), kvImageNoError);
    CHECK(f4[0] == 1.0f && f4[2] == 0.5f);
    CHECK_EQ_LONG(vImageConvert_BGRAFFFFtoRGBFFF(&df4, &df3, 0), kvImageNoError);
    CHECK(f3b[0] == 0.5f && f3b[2] == 1.0f);
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoRGBFFF(&df4, &df3, 0), kvImageNoError);
    CHECK(f3b[0] == 0.25f && f3b[2] == 1.0f);
}

int main(void) {
    check_permute();
    check_overwrite_extract();
    check_interleave();
    return pp_finish("vimage_channels");
}
