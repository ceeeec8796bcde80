/* vImage convolution: general (8-bit with divisor and bias, float), box
 * and tent, each with every edge mode and a region-of-interest offset,
 * against a direct 2-D reference written here (exact for 8-bit, 1e-4 for
 * float); and the error codes: NULL kernel, even kernel, edge styles,
 * offsets, ROI larger than the input, flags. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

enum { SW = 11, SH = 9 };

static const vImage_Flags EDGES[4] = {kvImageCopyInPlace, kvImageBackgroundColorFill,
                                      kvImageEdgeExtend, kvImageTruncateKernel};

static uint8_t *row(const vImage_Buffer *b, size_t y) { return (uint8_t *)b->data + y * b->rowBytes; }

static vImage_Buffer make(size_t w, size_t h, size_t bytes) {
    vImage_Buffer b = {malloc((w * bytes + 4) * h), h, w, w * bytes + 4};
    memset(b.data, 0x77, b.rowBytes * h);
    return b;
}

/* Reference for one output sample, channel c of `channels`, in double. */
static double ref_sum(const vImage_Buffer *src, size_t channels, int is_float, size_t c, long cx,
                      long cy, const double *k, long kh, long kw, vImage_Flags edge, double bg,
                      int *copy, double *scale) {
    double sum = 0, used = 0, all = 0;
    int outside = 0;
    long sw = (long)src->width, sh = (long)src->height;
    for (long i = 0; i < kh; i++)
        for (long j = 0; j < kw; j++) {
            long sy = cy + i - kh / 2, sx = cx + j - kw / 2;
            double w = k[i * kw + j], v;
            all += w;
            int in = sx >= 0 && sy >= 0 && sx < sw && sy < sh;
            if (!in) {
                outside = 1;
                if (edge == kvImageBackgroundColorFill) {
                    sum += w * bg;
                    continue;
                }
                if (edge != kvImageEdgeExtend) continue;
                sx = sx < 0 ? 0 : sx >= sw ? sw - 1 : sx;
                sy = sy < 0 ? 0 : sy >= sh ? sh - 1 : sy;
            }
            used += w;
            const uint8_t *p = row(src, (size_t)sy);
            v = is_float ? ((const float *)p)[(size_t)sx * channels + c] : p[(size_t)sx * channels + c];
            sum += w * v;
        }
    *copy = outside && edge == kvImageCopyInPlace;
    *scale = (outside && edge == kvImageTruncateKernel && used != 0 && all != 0) ? all / used : 0;
    return sum;
}

static uint8_t ref_u8(double sum, double scale, long divisor, long bias) {
    long d = divisor == 0 ? 1 : divisor, r;
    if (scale != 0)
        r = (long)floor((sum * scale + (double)bias) / (double)d + 0.5);
    else {
        long s = (long)sum + bias;
        r = (s + d / 2) / d;
    }
    return (uint8_t)(r < 0 ? 0 : r > 255 ? 255 : r);
}

static void fill(vImage_Buffer *b, size_t n) {
    for (size_t y = 0; y < b->height; y++)
        for (size_t i = 0; i < b->width * n; i++) row(b, y)[i] = (uint8_t)((y * 53 + i * 29 + 7) % 251);
}

static void check_integer(void) {
    const int16_t k16[15] = {1, -2, 3, 4, 5, 6, -1, 2, 9, 1, 1, 1, 2, 2, 2};
    double k[15];
    for (int i = 0; i < 15; i++) k[i] = k16[i];
    vImage_Buffer src = make(SW, SH, 4);
    fill(&src, 4);
    const size_t ox = 2, oy = 1, dw = 8, dh = 7;
    const Pixel_8888 bg = {200, 10, 0, 255};
    for (int e = 0; e < 4; e++) {
        const int32_t divisors[] = {0, 1, 16, 33, -7};
        for (int di = 0; di < 5; di++) {
            for (int bias_on = 0; bias_on < 2; bias_on++) {
                int32_t divisor = divisors[di], bias = bias_on ? -40 : 0;
                /* Planar8 (channel 0 of the image seen planar) and ARGB8888. */
                vImage_Buffer planar = src;
                planar.width = SW;
                vImage_Buffer pd = make(dw, dh, 1), ad = make(dw, dh, 4);
                vImage_Error r1 = bias_on
                    ? vImageConvolveWithBias_Planar8(&planar, &pd, NULL, ox, oy, k16, 3, 5, divisor, bias, 200, EDGES[e])
                    : vImageConvolve_Planar8(&planar, &pd, NULL, ox, oy, k16, 3, 5, divisor, 200, EDGES[e]);
                vImage_Error r4 = bias_on
                    ? vImageConvolveWithBias_ARGB8888(&src, &ad, NULL, ox, oy, k16, 3, 5, divisor, bias, bg, EDGES[e])
                    : vImageConvolve_ARGB8888(&src, &ad, NULL, ox, oy, k16, 3, 5, divisor, bg, EDGES[e]);
                CHECK_EQ_LONG(r1, kvImageNoError);
                CHECK_EQ_LONG(r4, kvImageNoError);
                int ok = 1;
                for (size_t y = 0; y < dh; y++)
                    for (size_t x = 0; x < dw; x++) {
                        long cx = (long)(x + ox), cy = (long)(y + oy);
                        int copy;
                        double scale;
                        double s = ref_sum(&planar, 1, 0, 0, cx, cy, k, 3, 5, EDGES[e], 200, &copy, &scale);
                        uint8_t want = copy ? row(&planar, (size_t)cy)[cx] : ref_u8(s, scale, divisor, bias);
                        ok &= row(&pd, y)[x] == want;
                        for (size_t c = 0; c < 4; c++) {
                            s = ref_sum(&src, 4, 0, c, cx, cy, k, 3, 5, EDGES[e], bg[c], &copy, &scale);
                            want = copy ? row(&src, (size_t)cy)[(size_t)cx * 4 + c] : ref_u8(s, scale, divisor, bias);
                            ok &= row(&ad, y)[x * 4 + c] == want;
                        }
                    }
                if (!ok) fprintf(stderr, "8-bit edge %u divisor %d bias %d\n", EDGES[e], divisor, bias);
                CHECK(ok);
                CHECK(row(&ad, 0)[dw * 4] == 0x77);
                free(pd.data);
                free(ad.data);
            }
        }
    }

    /* Box and tent: the same reference with their kernels. */
    for (int e = 0; e < 4; e++)
        for (int tent = 0; tent < 2; tent++) {
            const long kh = 3, kw = 5;
            double kk[15], total = 0;
            for (long i = 0; i < kh; i++)
                for (long j = 0; j < kw; j++) {
                    double a = tent ? (double)((i < kh - 1 - i ? i : kh - 1 - i) + 1) : 1;
                    double b = tent ? (double)((j < kw - 1 - j ? j : kw - 1 - j) + 1) : 1;
                    kk[i * kw + j] = a * b;
                    total += a * b;
                }
            vImage_Buffer d1 = make(SW, SH, 1), d4 = make(SW, SH, 4), planar = src;
            planar.width = SW;
            vImage_Error r1 = tent ? vImageTentConvolve_Planar8(&planar, &d1, NULL, 0, 0, 3, 5, 9, EDGES[e])
                                   : vImageBoxConvolve_Planar8(&planar, &d1, NULL, 0, 0, 3, 5, 9, EDGES[e]);
            vImage_Error r4 = tent ? vImageTentConvolve_ARGB8888(&src, &d4, NULL, 0, 0, 3, 5, bg, EDGES[e])
                                   : vImageBoxConvolve_ARGB8888(&src, &d4, NULL, 0, 0, 3, 5, bg, EDGES[e]);
            CHECK_EQ_LONG(r1, 0);
            CHECK_EQ_LONG(r4, 0);
            int ok = 1;
            for (size_t y = 0; y < SH; y++)
                for (size_t x = 0; x < SW; x++) {
                    int copy;
                    double scale;
                    double s = ref_sum(&planar, 1, 0, 0, (long)x, (long)y, kk, kh, kw, EDGES[e], 9, &copy, &scale);
                    uint8_t want = copy ? row(&planar, y)[x] : ref_u8(s, scale, (long)total, 0);
                    ok &= row(&d1, y)[x] == want;
                    for (size_t c = 0; c < 4; c++) {
                        s = ref_sum(&src, 4, 0, c, (long)x, (long)y, kk, kh, kw, EDGES[e], bg[c], &copy, &scale);
                        want = copy ? row(&src, y)[x * 4 + c] : ref_u8(s, scale, (long)total, 0);
                        ok &= row(&d4, y)[x * 4 + c] == want;
                    }
                }
            if (!ok) fprintf(stderr, "%s edge %u\n", tent ? "tent" : "box", EDGES[e]);
            CHECK(ok);
            free(d1.data);
            free(d4.data);
        }
    /* The documented 3×3 tent is {1,2,1; 2,4,2; 1,2,1}/16. */
    {
        uint8_t v[9] = {0, 0, 0, 0, 160, 0, 0, 0, 0}, o[9];
        vImage_Buffer s = {v, 3, 3, 3}, d = {o, 3, 3, 3};
        CHECK_EQ_LONG(vImageTentConvolve_Planar8(&s, &d, NULL, 0, 0, 3, 3, 0, kvImageBackgroundColorFill), 0);
        CHECK(o[0] == 10 && o[1] == 20 && o[4] == 40);
    }
    free(src.data);
}

static void check_float(void) {
    const float kf[9] = {0.5f, -0.25f, 1.0f, 0.125f, 2.0f, 0.0f, -1.0f, 0.75f, 0.3f};
    double k[9];
    for (int i = 0; i < 9; i++) k[i] = kf[i];
    vImage_Buffer src = make(SW, SH, 16);
    for (size_t y = 0; y < SH; y++)
        for (size_t i = 0; i < SW * 4; i++) ((float *)row(&src, y))[i] = (float)sin((double)(y * 7 + i)) * 3.0f;
    const Pixel_FFFF bg = {0.5f, -1.0f, 2.0f, 0.0f};
    for (int e = 0; e < 4; e++)
        for (int bias_on = 0; bias_on < 2; bias_on++) {
            float bias = bias_on ? 0.75f : 0.0f;
            vImage_Buffer planar = src, pd = make(SW - 1, SH, 4), ad = make(SW - 1, SH, 16);
            planar.width = SW;
            vImage_Error r1 = bias_on
                ? vImageConvolveWithBias_PlanarF(&planar, &pd, NULL, 1, 0, kf, 3, 3, bias, 0.5f, EDGES[e])
                : vImageConvolve_PlanarF(&planar, &pd, NULL, 1, 0, kf, 3, 3, 0.5f, EDGES[e]);
            vImage_Error r4 = bias_on
                ? vImageConvolveWithBias_ARGBFFFF(&src, &ad, NULL, 1, 0, kf, 3, 3, bias, bg, EDGES[e])
                : vImageConvolve_ARGBFFFF(&src, &ad, NULL, 1, 0, kf, 3, 3, bg, EDGES[e]);
            CHECK_EQ_LONG(r1, 0);
            CHECK_EQ_LONG(r4, 0);
            int ok = 1;
            for (size_t y = 0; y < SH; y++)
                for (size_t x = 0; x < SW - 1; x++) {
                    long cx = (long)x + 1, cy = (long)y;
                    int copy;
                    double scale;
                    double s = ref_sum(&planar, 1, 1, 0, cx, cy, k, 3, 3, EDGES[e], 0.5, &copy, &scale);
                    double want = copy ? ((float *)row(&planar, y))[cx] : s * (scale ? scale : 1) + bias;
                    ok &= fabs(((float *)row(&pd, y))[x] - want) < 1e-4;
                    for (size_t c = 0; c < 4; c++) {
                        s = ref_sum(&src, 4, 1, c, cx, cy, k, 3, 3, EDGES[e], bg[c], &copy, &scale);
                        want = copy ? ((float *)row(&src, y))[cx * 4 + (long)c] : s * (scale ? scale : 1) + bias;
                        ok &= fabs(((float *)row(&ad, y))[x * 4 + c] - want) < 1e-4;
                    }
                }
            if (!ok) fprintf(stderr, "float edge %u bias %d\n", EDGES[e], bias_on);
            CHECK(ok);
            free(pd.data);
            free(ad.data);
        }
    free(src.data);
}

static void check_errors(void) {
    vImage_Buffer s = make(6, 6, 1), d = make(6, 6, 1), big = make(7, 6, 1), d4 = make(3, 3, 1);
    fill(&s, 1);
    const int16_t k[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, NULL, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, k, 2, 3, 9, 0, kvImageEdgeExtend),
                  kvImageInvalidKernelSize);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, k, 3, 0, 9, 0, kvImageEdgeExtend),
                  kvImageInvalidKernelSize);
    CHECK_EQ_LONG(vImageBoxConvolve_Planar8(&s, &d, NULL, 0, 0, 4, 3, 0, kvImageEdgeExtend),
                  kvImageInvalidKernelSize);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, k, 3, 3, 9, 0, kvImageNoFlags),
                  kvImageInvalidEdgeStyle);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, k, 3, 3, 9, 0,
                                         kvImageEdgeExtend | kvImageTruncateKernel),
                  kvImageInvalidEdgeStyle);
    CHECK_EQ_LONG(vImageTentConvolve_Planar8(&s, &d, NULL, 0, 0, 3, 3, 0, kvImageDoNotTile),
                  kvImageInvalidEdgeStyle);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d, NULL, 0, 0, k, 3, 3, 9, 0,
                                         kvImageEdgeExtend | kvImageHighQualityResampling),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageConvolve_ARGB8888(&s, &d, NULL, 0, 0, (const int16_t *)k, 1, 1, 1, NULL,
                                          kvImageEdgeExtend | kvImageLeaveAlphaUnchanged),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &big, NULL, 0, 0, k, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageRoiLargerThanInputBuffer);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d4, NULL, 4, 0, k, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageInvalidOffset_X);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d4, NULL, 0, 4, k, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageInvalidOffset_Y);
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &d4, NULL, 3, 3, k, 3, 3, 9, 0, kvImageEdgeExtend), 0);
    CHECK_EQ_LONG(vImageConvolve_Planar8(NULL, &d, NULL, 0, 0, k, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageNullPointerArgument);
    vImage_Buffer shortrow = d;
    shortrow.rowBytes = 5;
    CHECK_EQ_LONG(vImageConvolve_Planar8(&s, &shortrow, NULL, 0, 0, k, 3, 3, 9, 0, kvImageEdgeExtend),
                  kvImageInvalidRowBytes);
    CHECK(vImageBoxConvolve_Planar8(&s, &d, NULL, 0, 0, 3, 3, 0,
                                    kvImageEdgeExtend | kvImageGetTempBufferSize) >= 0);
    /* An interleaved background may be NULL unless it is used. */
    vImage_Buffer s4 = make(3, 3, 4), o4 = make(3, 3, 4);
    fill(&s4, 4);
    CHECK_EQ_LONG(vImageBoxConvolve_ARGB8888(&s4, &o4, NULL, 0, 0, 3, 3, NULL, kvImageEdgeExtend), 0);
    CHECK_EQ_LONG(vImageBoxConvolve_ARGB8888(&s4, &o4, NULL, 0, 0, 3, 3, NULL, kvImageBackgroundColorFill),
                  kvImageNullPointerArgument);
    /* A kernel larger than the image is fine. */
    CHECK_EQ_LONG(vImageBoxConvolve_ARGB8888(&s4, &o4, NULL, 0, 0, 7, 9, NULL, kvImageTruncateKernel), 0);
    free(s.data);
    free(d.data);
    free(big.data);
    free(d4.data);
    free(s4.data);
    free(o4.data);
}

int main(void) {
    check_integer();
    check_float();
    check_errors();
    return pp_finish("vimage_convolve");
}
