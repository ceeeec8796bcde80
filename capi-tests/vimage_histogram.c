/* vImage histograms and contrast: calculation (8-bit, ARGB with
 * kvImageLeaveAlphaUnchanged, PlanarF/ARGBFFFF binning), equalization,
 * specification (8-bit and the PlanarF path of "Using vImage pixel buffers
 * to generate video effects"), contrast stretch and
 * vImageEndsInContrastStretch_ARGB8888 as in "Integrating vImage pixel
 * buffers into a Core Image workflow" — each against a reference written
 * here — and the error codes. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

static uint8_t *row(const vImage_Buffer *b, size_t y) { return (uint8_t *)b->data + y * b->rowBytes; }

static vImage_Buffer make(size_t w, size_t h, size_t bytes) {
    vImage_Buffer b = {malloc((w * bytes + 5) * h), h, w, w * bytes + 5};
    memset(b.data, 0x5A, b.rowBytes * h);
    return b;
}

static vImage_Buffer argb_image(size_t w, size_t h) {
    vImage_Buffer b = make(w, h, 4);
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++)
            for (int c = 0; c < 4; c++)
                row(&b, y)[x * 4 + c] = (uint8_t)(40 + (x * 13 + y * 7 + (size_t)c * 29) % (60 + 40 * c));
    return b;
}

static void check_calculation(void) {
    vImage_Buffer img = argb_image(13, 9);
    vImagePixelCount h[4][256], expected[4][256];
    memset(expected, 0, sizeof expected);
    for (size_t y = 0; y < 9; y++)
        for (size_t x = 0; x < 13; x++)
            for (int c = 0; c < 4; c++) expected[c][row(&img, y)[x * 4 + c]]++;
    vImagePixelCount *hp[4] = {h[0], h[1], h[2], h[3]};
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGB8888(&img, hp, 0), 0);
    CHECK(memcmp(h, expected, sizeof h) == 0);
    /* Leave alpha: channel 0 untouched, and may be NULL. */
    memset(h, 0xFF, sizeof h);
    hp[0] = NULL;
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGB8888(&img, hp, kvImageLeaveAlphaUnchanged), 0);
    CHECK(memcmp(h[1], expected[1], sizeof h[1] * 3) == 0);
    CHECK(h[0][0] == (vImagePixelCount)-1);
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGB8888(&img, hp, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGB8888(&img, NULL, 0), kvImageNullPointerArgument);

    /* Planar8: the same image seen as 52 samples per row. */
    vImage_Buffer planar = img;
    planar.width = 52;
    vImagePixelCount p[256], pe[256] = {0};
    for (int c = 0; c < 4; c++)
        for (int v = 0; v < 256; v++) pe[v] += expected[c][v];
    CHECK_EQ_LONG(vImageHistogramCalculation_Planar8(&planar, p, 0), 0);
    CHECK(memcmp(p, pe, sizeof p) == 0);
    CHECK_EQ_LONG(vImageHistogramCalculation_Planar8(&planar, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageHistogramCalculation_Planar8(&planar, p, kvImageLeaveAlphaUnchanged),
                  kvImageUnknownFlagsBit);
    free(img.data);

    /* PlanarF: bin = clip(floor(entries·(v − min)/(max − min)), 0, entries − 1). */
    float f[10] = {0.0f, 0.09f, 0.1f, 0.55f, 0.999f, 1.0f, 5.0f, -2.0f, NAN, 0.3f};
    vImage_Buffer fs = {f, 1, 10, sizeof f};
    vImagePixelCount fh[10];
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&fs, fh, 10, 0.0f, 1.0f, 0), 0);
    vImagePixelCount fe[10] = {0};
    for (int i = 0; i < 10; i++) {
        double t = 10.0 * ((double)f[i] - 0.0) / 1.0;
        int b = isnan(t) || t < 0 ? 0 : (t > 9 ? 9 : (int)floor(t));
        fe[b]++;
    }
    CHECK(memcmp(fh, fe, sizeof fh) == 0);
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&fs, fh, 0, 0.0f, 1.0f, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&fs, fh, 10, 1.0f, 0.0f, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&fs, NULL, 10, 0.0f, 1.0f, 0),
                  kvImageNullPointerArgument);

    /* ARGBFFFF: per channel. */
    float af[8] = {0.1f, 0.2f, 0.3f, 0.4f, 0.9f, 0.8f, 0.7f, 0.6f};
    vImage_Buffer as = {af, 1, 2, sizeof af};
    vImagePixelCount a[4][4];
    vImagePixelCount *ap[4] = {a[0], a[1], a[2], a[3]};
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGBFFFF(&as, ap, 4, 0.0f, 1.0f, 0), 0);
    CHECK(a[0][0] == 1 && a[0][3] == 1 && a[3][1] == 1 && a[3][2] == 1 && a[2][1] == 1);
}

/* 8-bit reference tables. */
static void equalize_ref(const vImagePixelCount *h, uint8_t *lut) {
    vImagePixelCount total = 0, cdf = 0;
    for (int i = 0; i < 256; i++) total += h[i];
    for (int i = 0; i < 256; i++) {
        cdf += h[i];
        lut[i] = (uint8_t)((255 * cdf + total / 2) / total);
    }
}

static void ends_in_ref(const vImagePixelCount *h, unsigned lo_pct, unsigned hi_pct, uint8_t *lut) {
    vImagePixelCount total = 0, acc = 0;
    for (int i = 0; i < 256; i++) total += h[i];
    int lo = 255, hi = 0;
    for (int i = 0; i < 256; i++) {
        acc += h[i];
        if (acc * 100 > total * lo_pct) { lo = i; break; }
    }
    acc = 0;
    for (int i = 255; i >= 0; i--) {
        acc += h[i];
        if (acc * 100 > total * hi_pct) { hi = i; break; }
    }
    for (int i = 0; i < 256; i++) {
        if (lo >= hi) lut[i] = (uint8_t)i;
        else if (i <= lo) lut[i] = 0;
        else if (i >= hi) lut[i] = 255;
        else lut[i] = (uint8_t)(((i - lo) * 255 + (hi - lo) / 2) / (hi - lo));
    }
}

static void check_luts(void) {
    const size_t w = 17, h = 11;
    vImage_Buffer src = argb_image(w, h), dst = make(w, h, 4);
    vImagePixelCount hist[4][256];
    vImagePixelCount *hp[4] = {hist[0], hist[1], hist[2], hist[3]};
    CHECK_EQ_LONG(vImageHistogramCalculation_ARGB8888(&src, hp, 0), 0);
    uint8_t lut[4][256];

    /* EndsInContrastStretch_ARGB8888, with alpha left alone. */
    const unsigned low[4] = {0, 5, 10, 0}, high[4] = {0, 5, 20, 30};
    for (int c = 0; c < 4; c++) ends_in_ref(hist[c], low[c], high[c], lut[c]);
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGB8888(&src, &dst, low, high, kvImageLeaveAlphaUnchanged), 0);
    int ok = 1;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w * 4; x++) {
            uint8_t s = row(&src, y)[x];
            ok &= row(&dst, y)[x] == (x % 4 == 0 ? s : lut[x % 4][s]);
        }
    CHECK(ok);
    CHECK(row(&dst, 0)[w * 4] == 0x5A); /* padding */
    /* Without the flag channel 0 is stretched too. */
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGB8888(&src, &dst, low, high, 0), 0);
    CHECK(row(&dst, 3)[4] == lut[0][row(&src, 3)[4]]);
    const unsigned too_much[4] = {0, 60, 0, 0}, and_this[4] = {0, 41, 0, 0};
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGB8888(&src, &dst, too_much, and_this, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGB8888(&src, &dst, NULL, high, 0),
                  kvImageNullPointerArgument);
    /* Planar8 ends-in and plain stretch. */
    vImage_Buffer ps = src, pd = dst;
    ps.width = pd.width = w * 4;
    vImagePixelCount ph[256];
    CHECK_EQ_LONG(vImageHistogramCalculation_Planar8(&ps, ph, 0), 0);
    uint8_t plut[256];
    ends_in_ref(ph, 7, 3, plut);
    CHECK_EQ_LONG(vImageEndsInContrastStretch_Planar8(&ps, &pd, 7, 3, 0), 0);
    ok = 1;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w * 4; x++) ok &= row(&pd, y)[x] == plut[row(&ps, y)[x]];
    CHECK(ok);
    ends_in_ref(ph, 0, 0, plut);
    CHECK_EQ_LONG(vImageContrastStretch_Planar8(&ps, &pd, 0), 0);
    ok = 1;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w * 4; x++) ok &= row(&pd, y)[x] == plut[row(&ps, y)[x]];
    CHECK(ok);
    CHECK_EQ_LONG(vImageContrastStretch_ARGB8888(&src, &dst, 0), 0);
    ends_in_ref(hist[2], 0, 0, plut);
    CHECK(row(&dst, 5)[4 * 3 + 2] == plut[row(&src, 5)[4 * 3 + 2]]);

    /* Equalization, in place for the ARGB case. */
    for (int c = 0; c < 4; c++) equalize_ref(hist[c], lut[c]);
    CHECK_EQ_LONG(vImageEqualization_ARGB8888(&src, &dst, 0), 0);
    ok = 1;
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w * 4; x++) ok &= row(&dst, y)[x] == lut[x % 4][row(&src, y)[x]];
    CHECK(ok);
    vImage_Buffer copy = make(w, h, 4);
    for (size_t y = 0; y < h; y++) memcpy(row(&copy, y), row(&src, y), w * 4);
    CHECK_EQ_LONG(vImageEqualization_ARGB8888(&copy, &copy, 0), 0);
    ok = 1;
    for (size_t y = 0; y < h; y++) ok &= memcmp(row(&copy, y), row(&dst, y), w * 4) == 0;
    CHECK(ok);
    equalize_ref(ph, plut);
    CHECK_EQ_LONG(vImageEqualization_Planar8(&ps, &pd, 0), 0);
    CHECK(row(&pd, 2)[9] == plut[row(&ps, 2)[9]]);

    /* Specification: desired = a two-spike histogram. */
    vImagePixelCount want[256] = {0};
    want[30] = 1;
    want[220] = 3;
    CHECK_EQ_LONG(vImageHistogramSpecification_Planar8(&ps, &pd, want, 0), 0);
    vImagePixelCount got[256];
    CHECK_EQ_LONG(vImageHistogramCalculation_Planar8(&pd, got, 0), 0);
    CHECK(got[30] + got[220] == w * h * 4);
    CHECK(got[30] > 0 && got[220] > got[30]);
    const vImagePixelCount *wants[4] = {NULL, want, want, want};
    CHECK_EQ_LONG(vImageHistogramSpecification_ARGB8888(&src, &dst, wants, kvImageLeaveAlphaUnchanged), 0);
    CHECK(row(&dst, 1)[0] == row(&src, 1)[0]);
    CHECK(row(&dst, 1)[1] == 30 || row(&dst, 1)[1] == 220);
    CHECK_EQ_LONG(vImageHistogramSpecification_ARGB8888(&src, &dst, wants, 0), kvImageNullPointerArgument);
    vImagePixelCount none[256] = {0};
    CHECK_EQ_LONG(vImageHistogramSpecification_Planar8(&ps, &pd, none, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageHistogramSpecification_Planar8(&ps, &pd, NULL, 0), kvImageNullPointerArgument);

    /* Size mismatch, short rows, unknown flags. */
    vImage_Buffer small = dst;
    small.height = h - 1;
    CHECK_EQ_LONG(vImageEqualization_ARGB8888(&src, &small, 0), kvImageBufferSizeMismatch);
    vImage_Buffer shortrow = dst;
    shortrow.rowBytes = w * 4 - 1;
    CHECK_EQ_LONG(vImageContrastStretch_ARGB8888(&src, &shortrow, 0), kvImageInvalidRowBytes);
    CHECK_EQ_LONG(vImageContrastStretch_ARGB8888(&src, &dst, kvImageEdgeExtend), kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageEqualization_Planar8(&ps, &pd, kvImageLeaveAlphaUnchanged), kvImageUnknownFlagsBit);
    free(src.data);
    free(dst.data);
    free(copy.data);
}

/* The video-effects sample: histogram of one PlanarF plane, specified
 * onto another: the result's histogram follows the target's. */
static void check_float_specification(void) {
    enum { W = 64, H = 32, BINS = 256 };
    float *a = malloc(W * H * sizeof(float)), *b = malloc(W * H * sizeof(float)),
          *out = malloc(W * H * sizeof(float));
    for (int i = 0; i < W * H; i++) {
        a[i] = (float)(i % W) / (float)W;                           /* uniform */
        b[i] = (float)pow((double)(i % 97) / 97.0, 3.0);              /* dark-heavy */
    }
    vImage_Buffer as = {a, H, W, W * 4}, bs = {b, H, W, W * 4}, os = {out, H, W, W * 4};
    vImagePixelCount hb[BINS], ho[BINS];
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&bs, hb, BINS, 0.0f, 1.0f, 0), 0);
    CHECK_EQ_LONG(vImageHistogramSpecification_PlanarF(&as, &os, NULL, hb, BINS, 0.0f, 1.0f, 0), 0);
    CHECK_EQ_LONG(vImageHistogramCalculation_PlanarF(&os, ho, BINS, 0.0f, 1.0f, 0), 0);
    /* Cumulative histograms agree within a few percent. */
    double cb = 0, co = 0, worst = 0;
    for (int i = 0; i < BINS; i++) {
        cb += (double)hb[i];
        co += (double)ho[i];
        double d = fabs(cb - co) / (W * H);
        if (d > worst) worst = d;
    }
    CHECK(worst < 0.04);
    /* Order of values is kept. */
    int monotone = 1;
    for (int x = 1; x < W; x++) monotone &= out[x] >= out[x - 1];
    CHECK(monotone);
    CHECK(vImageHistogramSpecification_PlanarF(&as, &os, NULL, hb, BINS, 0.0f, 1.0f,
                                               kvImageGetTempBufferSize) >= 0);
    CHECK_EQ_LONG(vImageHistogramSpecification_PlanarF(&as, &os, NULL, hb, 0, 0.0f, 1.0f, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageHistogramSpecification_PlanarF(&as, &os, NULL, NULL, BINS, 0.0f, 1.0f, 0),
                  kvImageNullPointerArgument);
    free(a);
    free(b);
    free(out);
}

/* The other float operations: per-bin tables with bin k standing for
 * min + k·(max − min)/(entries − 1); contrast stretch is linear. */
static void check_float_tables(void) {
    float v[8] = {0.0f, 0.1f, 0.3f, 0.35f, 0.6f, 0.8f, 0.95f, 1.0f}, o[8];
    vImage_Buffer s = {v, 1, 8, sizeof v}, d = {o, 1, 8, sizeof o};
    /* 4 bins over [0,1]: counts 2, 2, 1, 3. */
    CHECK_EQ_LONG(vImageEqualization_PlanarF(&s, &d, NULL, 4, 0.0f, 1.0f, 0), 0);
    CHECK(o[0] == 0.25f && o[2] == 0.5f && o[4] == 0.625f && o[7] == 1.0f);
    CHECK_EQ_LONG(vImageContrastStretch_PlanarF(&s, &d, NULL, 4, 10.0f, 20.0f, 0), 0);
    int ok = 1;
    for (int i = 0; i < 8; i++) ok &= fabsf(o[i] - (10.0f + 10.0f * v[i])) < 1e-5f;
    CHECK(ok);
    /* Ends-in 25 %/25 %: lo = bin 1, hi = bin 3 → bins 0,1 → 0; 2 → 0.5; 3 → 1. */
    CHECK_EQ_LONG(vImageEndsInContrastStretch_PlanarF(&s, &d, NULL, 25, 25, 4, 0.0f, 1.0f, 0), 0);
    CHECK(o[0] == 0.0f && o[3] == 0.0f && o[4] == 0.5f && o[7] == 1.0f);
    CHECK_EQ_LONG(vImageEndsInContrastStretch_PlanarF(&s, &d, NULL, 60, 50, 4, 0.0f, 1.0f, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageEqualization_PlanarF(&s, &d, NULL, 0, 0.0f, 1.0f, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageContrastStretch_PlanarF(&s, &d, NULL, 4, 1.0f, 0.0f, 0), kvImageInvalidParameter);

    /* ARGBFFFF: two pixels, alpha left alone. */
    float p[8] = {0.9f, 0.0f, 0.2f, 0.4f, 0.1f, 1.0f, 0.6f, 0.4f}, q[8];
    vImage_Buffer ps = {p, 1, 2, sizeof p}, pd = {q, 1, 2, sizeof q};
    CHECK_EQ_LONG(vImageContrastStretch_ARGBFFFF(&ps, &pd, NULL, 8, -1.0f, 1.0f, kvImageLeaveAlphaUnchanged), 0);
    CHECK(q[0] == 0.9f && q[4] == 0.1f);
    CHECK(q[1] == -1.0f && q[5] == 1.0f && q[2] == -1.0f && q[6] == 1.0f);
    CHECK(q[3] == 0.4f && q[7] == 0.4f); /* flat channel copied */
    CHECK_EQ_LONG(vImageEqualization_ARGBFFFF(&ps, &pd, NULL, 2, 0.0f, 1.0f, 0), 0);
    CHECK(q[1] == 0.5f && q[5] == 1.0f && q[3] == 1.0f);
    const unsigned lo[4] = {0, 0, 0, 0}, hi[4] = {0, 0, 0, 0};
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGBFFFF(&ps, &pd, NULL, lo, hi, 2, 0.0f, 1.0f, 0), 0);
    CHECK(q[1] == 0.0f && q[5] == 1.0f && q[0] == 1.0f && q[4] == 0.0f);
    CHECK_EQ_LONG(vImageEndsInContrastStretch_ARGBFFFF(&ps, &pd, NULL, NULL, hi, 2, 0.0f, 1.0f, 0),
                  kvImageNullPointerArgument);
    vImagePixelCount top[2] = {0, 5}, bottom[2] = {5, 0};
    const vImagePixelCount *want[4] = {NULL, top, bottom, top};
    CHECK_EQ_LONG(vImageHistogramSpecification_ARGBFFFF(&ps, &pd, NULL, want, 2, 0.0f, 1.0f,
                                                        kvImageLeaveAlphaUnchanged),
                  0);
    CHECK(q[0] == 0.9f && q[1] == 1.0f && q[5] == 1.0f && q[2] == 0.0f && q[6] == 0.0f);
    CHECK_EQ_LONG(vImageHistogramSpecification_ARGBFFFF(&ps, &pd, NULL, want, 2, 0.0f, 1.0f, 0),
                  kvImageNullPointerArgument);
}

int main(void) {
    check_float_tables();
    check_calculation();
    check_luts();
    check_float_specification();
    return pp_finish("vimage_histogram");
}
