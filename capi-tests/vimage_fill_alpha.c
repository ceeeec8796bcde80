/* vImage fills, vImageCopyBuffer (§6) and premultiply / unpremultiply
 * (§10) against the formulas written here (exact), in place, padding
 * untouched, BGRA macros, and the error codes. */
#include <Accelerate/Accelerate.h>
#include <stdint.h>

#include "pp_test.h"

static void check_fill_copy(void) {
    uint8_t mem[3][10];
    memset(mem, 0xEE, sizeof mem);
    vImage_Buffer d = {mem, 3, 2, 10};
    const Pixel_8888 c = {1, 2, 3, 4};
    CHECK_EQ_LONG(vImageBufferFill_ARGB8888(&d, c, 0), kvImageNoError);
    CHECK(mem[2][4] == 1 && mem[2][7] == 4 && mem[2][8] == 0xEE);
    CHECK_EQ_LONG(vImageBufferFill_ARGB8888(&d, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageBufferFill_ARGB8888(NULL, c, 0), kvImageNullPointerArgument);
    const Pixel_88 cc = {128, 129};
    vImage_Buffer d2 = {mem, 3, 5, 10};
    CHECK_EQ_LONG(vImageBufferFill_CbCr8(&d2, cc, 0), kvImageNoError);
    CHECK(mem[1][8] == 128 && mem[1][9] == 129);
    uint16_t m16[8];
    vImage_Buffer d16 = {m16, 1, 2, 16};
    const Pixel_ARGB_16U c16 = {1, 2, 3, 65535};
    CHECK_EQ_LONG(vImageBufferFill_ARGB16U(&d16, c16, 0), kvImageNoError);
    CHECK(m16[7] == 65535 && m16[4] == 1);
    const Pixel_ARGB_16S c16s = {-1, 2, -3, 4};
    CHECK_EQ_LONG(vImageBufferFill_ARGB16S(&d16, c16s, 0), kvImageNoError);
    CHECK((int16_t)m16[6] == -3);
    const Pixel_16U16U ccu = {512, 513};
    vImage_Buffer dc16 = {m16, 1, 4, 16};
    CHECK_EQ_LONG(vImageBufferFill_CbCr16U(&dc16, ccu, 0), kvImageNoError);
    CHECK(m16[6] == 512 && m16[7] == 513);
    float mf[4];
    vImage_Buffer df = {mf, 1, 1, 16};
    const Pixel_FFFF cf = {1, 0.5f, 0.25f, 0};
    CHECK_EQ_LONG(vImageBufferFill_ARGBFFFF(&df, cf, 0), kvImageNoError);
    CHECK(mf[1] == 0.5f && mf[3] == 0);
    vImage_Buffer bad = d;
    bad.rowBytes = 7;
    CHECK_EQ_LONG(vImageBufferFill_ARGB8888(&bad, c, 0), kvImageInvalidRowBytes);

    uint8_t src[2][6] = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}}, dst[2][8];
    memset(dst, 0, sizeof dst);
    vImage_Buffer s = {src, 2, 2, 6}, t = {dst, 2, 2, 8};
    CHECK_EQ_LONG(vImageCopyBuffer(&s, &t, 3, 0), kvImageNoError);
    CHECK(dst[1][0] == 7 && dst[1][5] == 12 && dst[1][6] == 0);
    CHECK_EQ_LONG(vImageCopyBuffer(&s, &t, 0, 0), kvImageInvalidParameter);
    vImage_Buffer tall = t;
    tall.height = 3;
    tall.data = malloc(24);
    CHECK_EQ_LONG(vImageCopyBuffer(&s, &tall, 3, 0), kvImageRoiLargerThanInputBuffer);
    free(tall.data);
    CHECK_EQ_LONG(vImageCopyBuffer(&s, &t, 3, kvImageEdgeExtend), kvImageUnknownFlagsBit);
}

static void check_alpha(void) {
    /* Exhaustive 8-bit premultiply / unpremultiply against the formulas. */
    static uint8_t px[256 * 256 * 4], out[256 * 256 * 4];
    for (int a = 0; a < 256; a++)
        for (int c = 0; c < 256; c++) {
            uint8_t *p = px + 4 * (a * 256 + c);
            p[0] = (uint8_t)a;
            p[1] = p[2] = p[3] = (uint8_t)c;
        }
    vImage_Buffer s = {px, 256, 256, 1024}, d = {out, 256, 256, 1024};
    CHECK_EQ_LONG(vImagePremultiplyData_ARGB8888(&s, &d, 0), kvImageNoError);
    int bad = 0;
    for (int a = 0; a < 256; a++)
        for (int c = 0; c < 256; c++) {
            const uint8_t *o = out + 4 * (a * 256 + c);
            bad += o[0] != a || o[1] != (c * a + 127) / 255 || o[3] != o[1];
        }
    CHECK_EQ_LONG(bad, 0);
    CHECK_EQ_LONG(vImageUnpremultiplyData_ARGB8888(&s, &d, 0), kvImageNoError);
    bad = 0;
    for (int a = 0; a < 256; a++)
        for (int c = 0; c < 256; c++) {
            const uint8_t *o = out + 4 * (a * 256 + c);
            int m = c < a ? c : a;
            bad += o[1] != (a ? (m * 255 + a / 2) / a : 0) || o[0] != a;
        }
    CHECK_EQ_LONG(bad, 0);

    uint8_t rgba[8] = {200, 100, 50, 128, 10, 20, 30, 0};
    vImage_Buffer r = {rgba, 1, 2, 8};
    CHECK_EQ_LONG(vImagePremultiplyData_RGBA8888(&r, &r, 0), kvImageNoError); /* in place */
    CHECK(rgba[0] == 100 && rgba[1] == 50 && rgba[2] == 25 && rgba[3] == 128 && rgba[4] == 0);
    CHECK_EQ_LONG(vImageUnpremultiplyData_BGRA8888(&r, &r, 0), kvImageNoError);
    CHECK(rgba[0] == 199 && rgba[2] == 50 && rgba[3] == 128);
    CHECK_EQ_LONG(vImagePremultiplyData_BGRA8888(&r, &r, 0), kvImageNoError);
    CHECK(rgba[3] == 128);

    /* RGBA unpremultiply: colour · 255 / alpha, rounded; alpha 0 stays 0. */
    uint8_t pm[8] = {100, 50, 25, 128, 7, 9, 3, 0}, um[8];
    vImage_Buffer pmb = {pm, 1, 2, 8}, umb = {um, 1, 2, 8};
    CHECK_EQ_LONG(vImageUnpremultiplyData_RGBA8888(&pmb, &umb, 0), kvImageNoError);
    CHECK(um[0] == 199 && um[1] == 100 && um[2] == 50 && um[3] == 128);
    CHECK(um[4] == 0 && um[5] == 0 && um[6] == 0 && um[7] == 0);
    CHECK_EQ_LONG(vImageUnpremultiplyData_RGBA8888(NULL, &umb, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageUnpremultiplyData_RGBA8888(&pmb, &umb, kvImageEdgeExtend),
                  kvImageUnknownFlagsBit);

    uint16_t p16[4] = {32768, 65535, 1000, 0}, o16[4];
    vImage_Buffer a16 = {p16, 1, 1, 8}, b16 = {o16, 1, 1, 8};
    CHECK_EQ_LONG(vImagePremultiplyData_ARGB16U(&a16, &b16, 0), kvImageNoError);
    CHECK(o16[0] == 32768 && o16[1] == 32768 && o16[2] == (1000u * 32768u + 32767u) / 65535u);
    CHECK_EQ_LONG(vImageUnpremultiplyData_ARGB16U(&b16, &a16, 0), kvImageNoError);
    CHECK(p16[1] == 65535 && p16[3] == 0);
    uint16_t q16[4] = {65535, 0, 0, 32768};
    vImage_Buffer c16 = {q16, 1, 1, 8};
    CHECK_EQ_LONG(vImagePremultiplyData_RGBA16U(&c16, &b16, 0), kvImageNoError);
    CHECK(o16[0] == 32768 && o16[3] == 32768);
    CHECK_EQ_LONG(vImageUnpremultiplyData_RGBA16U(&b16, &c16, 0), kvImageNoError);
    CHECK(q16[0] == 65535);

    float f[4] = {0.5f, 0.5f, 1.0f, 0.25f}, g[4];
    vImage_Buffer fa = {f, 1, 1, 16}, fb = {g, 1, 1, 16};
    CHECK_EQ_LONG(vImagePremultiplyData_ARGBFFFF(&fa, &fb, 0), kvImageNoError);
    CHECK(g[0] == 0.5f && g[1] == 0.25f && g[3] == 0.125f);
    CHECK_EQ_LONG(vImageUnpremultiplyData_ARGBFFFF(&fb, &fa, 0), kvImageNoError);
    CHECK(f[3] == 0.25f);
    CHECK_EQ_LONG(vImagePremultiplyData_RGBAFFFF(&fa, &fb, 0), kvImageNoError);
    CHECK(g[0] == 0.125f && g[3] == 0.25f);
    CHECK_EQ_LONG(vImageUnpremultiplyData_BGRAFFFF(&fb, &fa, 0), kvImageNoError);
    CHECK(f[0] == 0.5f);
    CHECK_EQ_LONG(vImagePremultiplyData_BGRAFFFF(&fa, &fb, 0), kvImageNoError);
    f[3] = 0;
    CHECK_EQ_LONG(vImageUnpremultiplyData_RGBAFFFF(&fa, &fb, 0), kvImageNoError);
    CHECK(g[0] == 0 && g[3] == 0);

    uint8_t c8[3] = {255, 100, 7}, a8[3] = {128, 0, 255}, o8[3];
    vImage_Buffer cs = {c8, 1, 3, 3}, as = {a8, 1, 3, 3}, os = {o8, 1, 3, 3};
    CHECK_EQ_LONG(vImagePremultiplyData_Planar8(&cs, &as, &os, 0), kvImageNoError);
    CHECK(o8[0] == 128 && o8[1] == 0 && o8[2] == 7);
    CHECK_EQ_LONG(vImageUnpremultiplyData_Planar8(&os, &as, &os, 0), kvImageNoError);
    CHECK(o8[0] == 255 && o8[1] == 0 && o8[2] == 7);
    float cf[2] = {0.5f, 0.2f}, af[2] = {0.5f, 0}, of[2];
    vImage_Buffer cfs = {cf, 1, 2, 8}, afs = {af, 1, 2, 8}, ofs = {of, 1, 2, 8};
    CHECK_EQ_LONG(vImagePremultiplyData_PlanarF(&cfs, &afs, &ofs, 0), kvImageNoError);
    CHECK(of[0] == 0.25f && of[1] == 0);
    CHECK_EQ_LONG(vImageUnpremultiplyData_PlanarF(&ofs, &afs, &ofs, 0), kvImageNoError);
    CHECK(of[0] == 0.5f && of[1] == 0);

    /* Errors. */
    vImage_Buffer wide = d;
    wide.height = 257;
    CHECK_EQ_LONG(vImagePremultiplyData_ARGB8888(&s, &wide, 0), kvImageRoiLargerThanInputBuffer);
    CHECK_EQ_LONG(vImagePremultiplyData_ARGB8888(&s, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImagePremultiplyData_Planar8(&cs, NULL, &os, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImagePremultiplyData_ARGB8888(&s, &d, kvImageLeaveAlphaUnchanged), kvImageUnknownFlagsBit);
    vImage_Buffer odd = fa;
    odd.rowBytes = 15;
    CHECK_EQ_LONG(vImagePremultiplyData_ARGBFFFF(&odd, &fb, 0), kvImageInvalidRowBytes);
}

static int blend8(int c, int a, int bg, int pm) { return ((pm ? c * 255 : c * a) + (255 - a) * bg + 127) / 255; }

static void check_flatten(void) {
    uint8_t argb[8] = {128, 200, 100, 50, 0, 9, 9, 9}, rgb[6], four[8];
    const Pixel_8888 bg = {255, 10, 20, 30};
    vImage_Buffer s = {argb, 1, 2, 8}, d3 = {rgb, 1, 2, 6}, d4 = {four, 1, 2, 8};
    CHECK_EQ_LONG(vImageFlatten_ARGB8888ToRGB888(&s, &d3, bg, false, 0), kvImageNoError);
    CHECK(rgb[0] == blend8(200, 128, 10, 0) && rgb[2] == blend8(50, 128, 30, 0) && rgb[3] == 10 && rgb[5] == 30);
    CHECK_EQ_LONG(vImageFlatten_ARGB8888ToRGB888(&s, &d3, bg, true, 0), kvImageNoError);
    CHECK(rgb[1] == blend8(100, 128, 20, 1));
    const Pixel_8888 bg_rgba = {10, 20, 30, 255};
    uint8_t rgba[4] = {200, 100, 50, 128};
    vImage_Buffer sr = {rgba, 1, 1, 4}, d31 = {rgb, 1, 1, 3};
    CHECK_EQ_LONG(vImageFlatten_RGBA8888ToRGB888(&sr, &d31, bg_rgba, false, 0), kvImageNoError);
    CHECK(rgb[0] == blend8(200, 128, 10, 0));
    CHECK_EQ_LONG(vImageFlatten_BGRA8888ToRGB888(&sr, &d31, bg_rgba, false, 0), kvImageNoError);
    CHECK(rgb[0] == blend8(50, 128, 30, 0) && rgb[2] == blend8(200, 128, 10, 0));
    const Pixel_8888 bgp = {255, 0, 0, 255};
    CHECK_EQ_LONG(vImageFlatten_ARGB8888(&s, &d4, bgp, false, 0), kvImageNoError);
    CHECK(four[0] == 255 && four[1] == blend8(200, 128, 0, 0) && four[3] == blend8(50, 128, 255, 0) &&
          four[4] == 255 && four[7] == 255);
    CHECK_EQ_LONG(vImageFlatten_RGBA8888(&sr, &sr, bg_rgba, false, 0), kvImageNoError);
    CHECK(rgba[3] == 255);
    uint16_t p16[4] = {0, 1, 2, 3}, o16[4];
    const Pixel_ARGB_16U bg16 = {65535, 100, 200, 300};
    vImage_Buffer a16 = {p16, 1, 1, 8}, b16 = {o16, 1, 1, 8};
    CHECK_EQ_LONG(vImageFlatten_ARGB16U(&a16, &b16, bg16, true, 0), kvImageNoError);
    CHECK(o16[0] == 65535 && o16[1] == 101 && o16[3] == 303); /* alpha 0, premultiplied: c + bg */
    CHECK_EQ_LONG(vImageFlatten_RGBA16U(&a16, &b16, bg16, true, 0), kvImageNoError);
    float f[4] = {0.5f, 1.0f, 0.0f, 0.5f}, g[4], g3[3];
    const Pixel_FFFF bgf = {1.0f, 0.0f, 0.0f, 1.0f};
    vImage_Buffer fa = {f, 1, 1, 16}, fb = {g, 1, 1, 16}, f3 = {g3, 1, 1, 12};
    CHECK_EQ_LONG(vImageFlatten_ARGBFFFF(&fa, &fb, bgf, false, 0), kvImageNoError);
    CHECK(g[0] == 1.0f && g[1] == 0.5f && g[3] == 0.75f);
    CHECK_EQ_LONG(vImageFlatten_RGBAFFFF(&fa, &fb, bgf, true, 0), kvImageNoError);
    CHECK(g[3] == 1.0f && g[0] == 0.5f + 0.5f * 1.0f);
    CHECK_EQ_LONG(vImageFlatten_ARGBFFFFToRGBFFF(&fa, &f3, bgf, false, 0), kvImageNoError);
    CHECK(g3[0] == 0.5f && g3[2] == 0.25f + 0.5f);
    CHECK_EQ_LONG(vImageFlatten_RGBAFFFFToRGBFFF(&fa, &f3, bgf, false, 0), kvImageNoError);
    CHECK(g3[0] == 0.25f + 0.5f);
    CHECK_EQ_LONG(vImageFlatten_BGRAFFFFToRGBFFF(&fa, &f3, bgf, false, 0), kvImageNoError);
    CHECK(g3[0] == 0.0f && g3[1] == 0.5f && g3[2] == 0.75f);
    CHECK_EQ_LONG(vImageFlatten_ARGB8888ToRGB888(&s, &d3, NULL, false, 0), kvImageNullPointerArgument);
    vImage_Buffer wide = d4;
    wide.width = 3;
    uint8_t big[12];
    wide.data = big;
    wide.rowBytes = 12;
    CHECK_EQ_LONG(vImageFlatten_ARGB8888(&s, &wide, bgp, false, 0), kvImageRoiLargerThanInputBuffer);
}

int main(void) {
    check_flatten();
    check_fill_copy();
    check_alpha();
    return pp_finish("vimage_fill_alpha");
}
