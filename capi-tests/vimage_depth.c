/* vImage bit-depth conversions (§5): each function against the formula of
 * vimage-numerics.md written here (exact for integers, IEEE half bits for
 * 16F), interleaved data through planar functions (width × channels), and
 * the error codes. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

static void check_8_float(void) {
    uint8_t p8[256], back[256];
    float f[256];
    for (int i = 0; i < 256; i++) p8[i] = (uint8_t)i;
    vImage_Buffer s = {p8, 1, 256, 256}, d = {f, 1, 256, 1024}, b = {back, 1, 256, 256};
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanarF(&s, &d, 2.0f, -1.0f, 0), kvImageNoError);
    int bad = 0;
    for (int i = 0; i < 256; i++) bad += f[i] != 3.0f * (float)i / 255.0f + -1.0f;
    CHECK_EQ_LONG(bad, 0);
    CHECK(f[0] == -1.0f && f[255] == 2.0f);
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar8(&d, &b, 2.0f, -1.0f, 0), kvImageNoError);
    CHECK(memcmp(back, p8, 256) == 0);
    /* Half-up rounding, saturation, NaN. */
    float odd[4] = {0.5f / 255.0f, 2.0f, -1.0f, NAN};
    uint8_t o8[4];
    vImage_Buffer os = {odd, 1, 4, 16}, od = {o8, 1, 4, 4};
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar8(&os, &od, 1.0f, 0.0f, 0), kvImageNoError);
    CHECK(o8[0] == 1 && o8[1] == 255 && o8[2] == 0 && o8[3] == 0);
    float clip[3] = {-5, 0.5f, 5}, clipped[3];
    vImage_Buffer cs = {clip, 1, 3, 12}, cd = {clipped, 1, 3, 12};
    CHECK_EQ_LONG(vImageClip_PlanarF(&cs, &cd, 1.0f, 0.0f, 0), kvImageNoError);
    CHECK(clipped[0] == 0 && clipped[1] == 0.5f && clipped[2] == 1);
    /* Errors. */
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanarF(NULL, &d, 1, 0, 0), kvImageNullPointerArgument);
    vImage_Buffer rows = d;
    rows.rowBytes = 1022;
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanarF(&s, &rows, 1, 0, 0), kvImageInvalidRowBytes);
    static float big[300];
    vImage_Buffer wide = {big, 1, 300, sizeof big}; /* wider than the source */
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanarF(&s, &wide, 1, 0, 0), kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanarF(&s, &d, 1, 0, kvImageHighQualityResampling),
                  kvImageUnknownFlagsBit);
}

static void check_half(void) {
    float f[6] = {1.0f, -2.0f, 0.333333f, 65520.0f, 1e-8f, 0.0f}, back[6];
    uint16_t h[6];
    vImage_Buffer fs = {f, 1, 6, 24}, hs = {h, 1, 6, 12}, fb = {back, 1, 6, 24};
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar16F(&fs, &hs, 0), kvImageNoError);
    CHECK(h[0] == 0x3C00 && h[1] == 0xC000 && h[2] == 0x3555 && h[3] == 0x7C00 && h[4] == 0x0000);
    CHECK_EQ_LONG(vImageConvert_Planar16FtoPlanarF(&hs, &fb, 0), kvImageNoError);
    CHECK(back[0] == 1.0f && back[1] == -2.0f && isinf(back[3]));
    uint8_t p8[3] = {0, 255, 51}, o8[3];
    uint16_t h8[3];
    vImage_Buffer s8 = {p8, 1, 3, 3}, d16 = {h8, 1, 3, 6}, o = {o8, 1, 3, 3};
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar16F(&s8, &d16, 0), kvImageNoError);
    CHECK(h8[0] == 0 && h8[1] == 0x3C00 && h8[2] == 0x3266); /* 0.2 */
    CHECK_EQ_LONG(vImageConvert_Planar16FtoPlanar8(&d16, &o, 0), kvImageNoError);
    CHECK(o8[0] == 0 && o8[1] == 255 && o8[2] == 51);
    uint16_t u[3] = {0, 65535, 32768}, uh[3], ub[3];
    vImage_Buffer us = {u, 1, 3, 6}, uhs = {uh, 1, 3, 6}, ubs = {ub, 1, 3, 6};
    CHECK_EQ_LONG(vImageConvert_16Uto16F(&us, &uhs, 0), kvImageNoError);
    CHECK(uh[0] == 0 && uh[1] == 0x3C00 && uh[2] == 0x3800);
    CHECK_EQ_LONG(vImageConvert_16Fto16U(&uhs, &ubs, 0), kvImageNoError);
    CHECK(ub[0] == 0 && ub[1] == 65535 && ub[2] == 32768);
    /* In place (same data). */
    CHECK_EQ_LONG(vImageConvert_16Uto16F(&us, &us, 0), kvImageNoError);
    CHECK(u[1] == 0x3C00);
}

static void check_16(void) {
    uint16_t u[4] = {0, 65535, 128, 32768};
    uint8_t p8[4], w8[2] = {1, 255};
    uint16_t w16[2];
    vImage_Buffer us = {u, 1, 4, 8}, ps = {p8, 1, 4, 4}, ws = {w8, 1, 2, 2}, wd = {w16, 1, 2, 4};
    CHECK_EQ_LONG(vImageConvert_16UToPlanar8(&us, &ps, 0), kvImageNoError);
    int bad = 0;
    for (int i = 0; i < 4; i++) bad += p8[i] != (uint8_t)((u[i] * 255u + 32767u) / 65535u);
    CHECK_EQ_LONG(bad, 0);
    CHECK_EQ_LONG(vImageConvert_Planar8To16U(&ws, &wd, 0), kvImageNoError);
    CHECK(w16[0] == 257 && w16[1] == 65535);
    float f[4];
    vImage_Buffer fs = {f, 1, 4, 16};
    CHECK_EQ_LONG(vImageConvert_16UToF(&us, &fs, -1.0f, 2.0f / 65535.0f, 0), kvImageNoError);
    CHECK(f[0] == -1.0f && fabsf(f[1] - 1.0f) < 1e-6f);
    CHECK_EQ_LONG(vImageConvert_FTo16U(&fs, &us, -1.0f, 2.0f / 65535.0f, 0), kvImageNoError);
    CHECK(u[0] == 0 && u[1] == 65535 && u[2] == 128);
    int16_t s[3] = {-32768, 0, 100};
    float sf[3];
    vImage_Buffer ss = {s, 1, 3, 6}, sfs = {sf, 1, 3, 12};
    CHECK_EQ_LONG(vImageConvert_16SToF(&ss, &sfs, 0.5f, 0.5f, 0), kvImageNoError);
    CHECK(sf[0] == -16383.5f && sf[1] == 0.5f && sf[2] == 50.5f);
    sf[1] = 1e9f;
    CHECK_EQ_LONG(vImageConvert_FTo16S(&sfs, &ss, 0.5f, 0.5f, 0), kvImageNoError);
    CHECK(s[0] == -32768 && s[1] == 32767 && s[2] == 100);

    uint16_t argb16[8] = {65535, 0, 32768, 257, 1, 2, 3, 4};
    uint8_t argb8[8];
    vImage_Buffer a16 = {argb16, 1, 2, 16}, a8 = {argb8, 1, 2, 8};
    const uint8_t map[4] = {3, 2, 1, 0}, bg[4] = {9, 9, 9, 9};
    CHECK_EQ_LONG(vImageConvert_ARGB16UToARGB8888(&a16, &a8, map, 0x8, bg, 0), kvImageNoError);
    CHECK(argb8[0] == 9 && argb8[1] == 128 && argb8[2] == 0 && argb8[3] == 255);
    const uint16_t bg16[4] = {1, 1, 1, 1};
    const uint8_t ident[4] = {0, 1, 2, 3};
    CHECK_EQ_LONG(vImageConvert_ARGB8888ToARGB16U(&a8, &a16, ident, 0, bg16, 0), kvImageNoError);
    CHECK(argb16[0] == 9 * 257 && argb16[3] == 65535);
    CHECK_EQ_LONG(vImageConvert_ARGB8888ToARGB16U(&a8, &a16, ident, 0x10, bg16, 0), kvImageInvalidParameter);
}

static void check_planes_float(void) {
    uint8_t a[2] = {0, 255}, r[2] = {51, 102}, g[2] = {0, 0}, b[2] = {255, 255};
    float argb[8];
    vImage_Buffer pa = {a, 1, 2, 2}, pr = {r, 1, 2, 2}, pg = {g, 1, 2, 2}, pb = {b, 1, 2, 2},
                  d = {argb, 1, 2, 32};
    const Pixel_FFFF maxf = {1, 1, 1, 2}, minf = {0, 0, 0, -2};
    CHECK_EQ_LONG(vImageConvert_Planar8ToARGBFFFF(&pa, &pr, &pg, &pb, &d, maxf, minf, 0), kvImageNoError);
    CHECK(argb[0] == 0 && argb[1] == 0.2f && argb[3] == 2.0f && argb[4] == 1.0f);
    uint8_t o[4][2];
    vImage_Buffer oa = {o[0], 1, 2, 2}, orr = {o[1], 1, 2, 2}, og = {o[2], 1, 2, 2}, ob = {o[3], 1, 2, 2};
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoPlanar8(&d, &oa, &orr, &og, &ob, maxf, minf, 0), kvImageNoError);
    CHECK(o[0][1] == 255 && o[1][0] == 51 && o[1][1] == 102 && o[3][0] == 255);
    float planes[4][2];
    vImage_Buffer fa = {planes[0], 1, 2, 8}, fr = {planes[1], 1, 2, 8}, fg = {planes[2], 1, 2, 8},
                  fb = {planes[3], 1, 2, 8};
    uint8_t px[8] = {255, 51, 0, 0, 0, 0, 0, 255};
    vImage_Buffer s8 = {px, 1, 2, 8};
    CHECK_EQ_LONG(vImageConvert_ARGB8888toPlanarF(&s8, &fa, &fr, &fg, &fb, maxf, minf, 0), kvImageNoError);
    CHECK(planes[0][0] == 1.0f && planes[1][0] == 0.2f && planes[3][1] == 2.0f);
    uint8_t out8[8];
    vImage_Buffer d8 = {out8, 1, 2, 8};
    CHECK_EQ_LONG(vImageConvert_PlanarFToARGB8888(&fa, &fr, &fg, &fb, &d8, maxf, minf, 0), kvImageNoError);
    CHECK(memcmp(out8, px, 8) == 0);
    vImage_Buffer short_plane = fb;
    short_plane.width = 1;
    CHECK_EQ_LONG(vImageConvert_ARGB8888toPlanarF(&s8, &fa, &fr, &fg, &short_plane, maxf, minf, 0),
                  kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageConvert_PlanarFToARGB8888(&fa, &fr, &fg, &fb, &d8, NULL, minf, 0),
                  kvImageNullPointerArgument);
}

static void check_12_and_q12(void) {
    uint16_t t[3] = {0, 4095, 2048}, u[3], back[3];
    vImage_Buffer ts = {t, 1, 3, 6}, us = {u, 1, 3, 6}, bs = {back, 1, 3, 6};
    CHECK_EQ_LONG(vImageConvert_12UTo16U(&ts, &us, 0), kvImageNoError);
    CHECK(u[0] == 0 && u[1] == 65535 && u[2] == (2048u * 65535u + (2048u << 4) + 2055u) >> 12);
    CHECK_EQ_LONG(vImageConvert_16UTo12U(&us, &bs, 0), kvImageNoError);
    CHECK(memcmp(back, t, sizeof t) == 0);
    uint8_t v[3] = {0, 255, 128}, v2[3];
    int16_t q[3];
    float f[3];
    vImage_Buffer vs = {v, 1, 3, 3}, qs = {q, 1, 3, 6}, fs = {f, 1, 3, 12}, v2s = {v2, 1, 3, 3};
    CHECK_EQ_LONG(vImageConvert_8to16Q12(&vs, &qs, 0), kvImageNoError);
    CHECK(q[0] == 0 && q[1] == 4096 && q[2] == ((128 << 12) + 127) / 255);
    CHECK_EQ_LONG(vImageConvert_16Q12to8(&qs, &v2s, 0), kvImageNoError);
    CHECK(memcmp(v2, v, 3) == 0);
    CHECK_EQ_LONG(vImageConvert_16Q12toF(&qs, &fs, 0), kvImageNoError);
    CHECK(f[1] == 1.0f && f[2] == (float)q[2] / 4096.0f);
    uint16_t h[3] = {0x3C00, 0xB800, 0x7E00}; /* 1.0, -0.5, NaN */
    vImage_Buffer hs = {h, 1, 3, 6};
    CHECK_EQ_LONG(vImageConvert_16Fto16Q12(&hs, &qs, 0), kvImageNoError);
    CHECK(q[0] == 4096 && q[1] == -2048 && q[2] == 0);
    vImage_Buffer odd = qs;
    odd.rowBytes = 7;
    odd.height = 2;
    CHECK_EQ_LONG(vImageConvert_16Q12toF(&odd, &fs, 0), kvImageInvalidRowBytes);
}

int main(void) {
    check_12_and_q12();
    check_8_float();
    check_half();
    check_16();
    check_planes_float();
    return pp_finish("vimage_depth");
}
