/* vImage geometry: reflection and Rotate90 for every pixel type (exact,
 * against permutations computed here, padding rows untouched), scaling
 * against a Lanczos model written here (edge extend, widened kernel when
 * reducing; ±1 for 8-bit, 2e-3 relative for float), and the error codes:
 * NULL, short rowBytes, size mismatch, unknown flags, bad rotation. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

#define SENTINEL 0xA5

/* A buffer of w×h pixels of `bytes` each with 7 bytes of padding per row,
 * padding filled with SENTINEL. */
static vImage_Buffer make(size_t w, size_t h, size_t bytes) {
    vImage_Buffer b;
    b.width = w;
    b.height = h;
    b.rowBytes = w * bytes + 8; /* keeps 2/4/8-byte alignment */
    b.data = malloc(b.rowBytes * (h ? h : 1));
    memset(b.data, SENTINEL, b.rowBytes * (h ? h : 1));
    return b;
}

static uint8_t *px(const vImage_Buffer *b, size_t x, size_t y, size_t bytes) {
    return (uint8_t *)b->data + y * b->rowBytes + x * bytes;
}

static void fill_pattern(vImage_Buffer *b, size_t bytes) {
    for (size_t y = 0; y < b->height; y++)
        for (size_t i = 0; i < b->width * bytes; i++)
            px(b, 0, y, 1)[i] = (uint8_t)(y * 31 + i * 7 + 1);
}

static int padding_intact(const vImage_Buffer *b, size_t bytes) {
    for (size_t y = 0; y < b->height; y++)
        for (size_t i = b->width * bytes; i < b->rowBytes; i++)
            if (px(b, 0, y, 1)[i] != SENTINEL) return 0;
    return 1;
}

typedef vImage_Error (*reflect_fn)(const vImage_Buffer *, const vImage_Buffer *, vImage_Flags);

struct reflect_case {
    const char *name;
    reflect_fn horizontal, vertical;
    size_t bytes;
};

static void check_reflections(void) {
    const struct reflect_case cases[] = {
        {"Planar8", vImageHorizontalReflect_Planar8, vImageVerticalReflect_Planar8, 1},
        {"PlanarF", vImageHorizontalReflect_PlanarF, vImageVerticalReflect_PlanarF, 4},
        {"ARGB8888", vImageHorizontalReflect_ARGB8888, vImageVerticalReflect_ARGB8888, 4},
        {"ARGBFFFF", vImageHorizontalReflect_ARGBFFFF, vImageVerticalReflect_ARGBFFFF, 16},
        {"Planar16U", vImageHorizontalReflect_Planar16U, vImageVerticalReflect_Planar16U, 2},
        {"ARGB16U", vImageHorizontalReflect_ARGB16U, vImageVerticalReflect_ARGB16U, 8},
        {"ARGB16S", vImageHorizontalReflect_ARGB16S, vImageVerticalReflect_ARGB16S, 8},
        {"Planar16F", vImageHorizontalReflect_Planar16F, vImageVerticalReflect_Planar16F, 2},
        {"CbCr16F", vImageHorizontalReflect_CbCr16F, vImageVerticalReflect_CbCr16F, 4},
        {"ARGB16F", vImageHorizontalReflect_ARGB16F, vImageVerticalReflect_ARGB16F, 8},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const struct reflect_case *c = &cases[k];
        const size_t w = 7, h = 5, n = c->bytes;
        vImage_Buffer src = make(w, h, n), dst = make(w, h, n);
        fill_pattern(&src, n);
        CHECK_EQ_LONG(c->horizontal(&src, &dst, kvImageNoFlags), kvImageNoError);
        int ok = 1;
        for (size_t y = 0; y < h; y++)
            for (size_t x = 0; x < w; x++)
                ok &= memcmp(px(&dst, x, y, n), px(&src, w - 1 - x, y, n), n) == 0;
        if (!ok) fprintf(stderr, "horizontal %s\n", c->name);
        CHECK(ok);
        CHECK(padding_intact(&dst, n));
        CHECK_EQ_LONG(c->vertical(&src, &dst, kvImageDoNotTile), kvImageNoError);
        ok = 1;
        for (size_t y = 0; y < h; y++)
            ok &= memcmp(px(&dst, 0, y, n), px(&src, 0, h - 1 - y, n), w * n) == 0;
        if (!ok) fprintf(stderr, "vertical %s\n", c->name);
        CHECK(ok);
        CHECK(padding_intact(&dst, n));
        /* Errors. */
        CHECK_EQ_LONG(c->vertical(NULL, &dst, 0), kvImageNullPointerArgument);
        CHECK_EQ_LONG(c->vertical(&src, NULL, 0), kvImageNullPointerArgument);
        vImage_Buffer shortrow = dst;
        shortrow.rowBytes = w * n - 1;
        CHECK_EQ_LONG(c->vertical(&src, &shortrow, 0), kvImageInvalidRowBytes);
        vImage_Buffer bigger = make(w + 1, h, n);
        CHECK_EQ_LONG(c->horizontal(&src, &bigger, 0), kvImageRoiLargerThanInputBuffer);
        CHECK_EQ_LONG(c->horizontal(&src, &dst, kvImageEdgeExtend), kvImageUnknownFlagsBit);
        CHECK_EQ_LONG(c->horizontal(&src, &dst, kvImageGetTempBufferSize), 0);
        free(bigger.data);
        free(src.data);
        free(dst.data);
    }
}

/* The Core Video interoperability sample's step: an in-place vertical flip
 * of a BGRA frame gives the same result as out of place. */
static void check_reflect_in_place(void) {
    vImage_Buffer b = make(6, 4, 4), ref = make(6, 4, 4);
    fill_pattern(&b, 4);
    CHECK_EQ_LONG(vImageVerticalReflect_ARGB8888(&b, &ref, 0), kvImageNoError);
    CHECK_EQ_LONG(vImageVerticalReflect_ARGB8888(&b, &b, 0), kvImageNoError);
    int same = 1;
    for (size_t y = 0; y < 4; y++) same &= memcmp(px(&b, 0, y, 4), px(&ref, 0, y, 4), 24) == 0;
    CHECK(same);
    free(b.data);
    free(ref.data);
}

/* Reference Rotate90 (Planar8): dest (dx, dy) ← src by quarter turns CCW,
 * centred with offset floor((dst − rotated)/2). */
static uint8_t rot_ref(const vImage_Buffer *s, size_t dw, size_t dh, int turns, long dx,
                       long dy, uint8_t back) {
    long sw = (long)s->width, sh = (long)s->height;
    long rw = turns % 2 ? sh : sw, rh = turns % 2 ? sw : sh;
    long d_w = (long)dw - rw, d_h = (long)dh - rh;
    long ox = d_w >= 0 ? d_w / 2 : -((-d_w + 1) / 2);
    long oy = d_h >= 0 ? d_h / 2 : -((-d_h + 1) / 2);
    long rx = dx - ox, ry = dy - oy;
    if (rx < 0 || ry < 0 || rx >= rw || ry >= rh) return back;
    long sx, sy;
    switch (turns) {
    case 0: sx = rx; sy = ry; break;
    case 1: sx = sw - 1 - ry; sy = rx; break;   /* 90° counter-clockwise */
    case 2: sx = sw - 1 - rx; sy = sh - 1 - ry; break;
    default: sx = ry; sy = sh - 1 - rx; break;  /* 90° clockwise */
    }
    return *px(s, (size_t)sx, (size_t)sy, 1);
}

static void check_rotate(void) {
    vImage_Buffer src = make(5, 3, 1);
    fill_pattern(&src, 1);
    const uint8_t constants[] = {kRotate0DegreesClockwise, kRotate90DegreesCounterClockwise,
                                 kRotate180DegreesClockwise, kRotate90DegreesClockwise};
    const size_t sizes[][2] = {{5, 3}, {3, 5}, {6, 6}, {4, 2}};
    for (int t = 0; t < 4; t++) {
        for (size_t s = 0; s < 4; s++) {
            vImage_Buffer dst = make(sizes[s][0], sizes[s][1], 1);
            CHECK_EQ_LONG(vImageRotate90_Planar8(&src, &dst, constants[t], 9, 0), kvImageNoError);
            int ok = 1;
            for (size_t y = 0; y < dst.height; y++)
                for (size_t x = 0; x < dst.width; x++)
                    ok &= *px(&dst, x, y, 1) ==
                          rot_ref(&src, dst.width, dst.height, constants[t], (long)x, (long)y, 9);
            if (!ok) fprintf(stderr, "rotate %d into %zux%zu\n", constants[t], dst.width, dst.height);
            CHECK(ok);
            CHECK(padding_intact(&dst, 1));
            free(dst.data);
        }
    }
    CHECK_EQ_LONG(kRotate270DegreesClockwise, kRotate90DegreesCounterClockwise);
    CHECK_EQ_LONG(kRotate270DegreesCounterClockwise, kRotate90DegreesClockwise);
    CHECK_EQ_LONG(kRotate180DegreesCounterClockwise, 2);

    /* ARGB8888: whole pixels move; the background fills the border. */
    vImage_Buffer argb = make(2, 1, 4), out = make(3, 4, 4);
    const uint8_t pixels[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    memcpy(argb.data, pixels, 8);
    const Pixel_8888 back = {10, 20, 30, 40};
    CHECK_EQ_LONG(vImageRotate90_ARGB8888(&argb, &out, kRotate90DegreesClockwise, back, 0),
                  kvImageNoError);
    /* Rotated is 1 wide, 2 high, at offset (1, 1): (1,1) = left pixel. */
    CHECK(memcmp(px(&out, 1, 1, 4), pixels, 4) == 0);
    CHECK(memcmp(px(&out, 1, 2, 4), pixels + 4, 4) == 0);
    CHECK(memcmp(px(&out, 0, 0, 4), back, 4) == 0);
    CHECK(memcmp(px(&out, 2, 3, 4), back, 4) == 0);
    CHECK_EQ_LONG(vImageRotate90_ARGB8888(&argb, &out, 4, back, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageRotate90_ARGB8888(&argb, &out, 1, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageRotate90_ARGB8888(&argb, &out, 1, back, kvImageHighQualityResampling),
                  kvImageUnknownFlagsBit);

    /* The other types move whole pixels the same way (180° of a 2×1). */
    {
        vImage_Buffer f = make(2, 1, 16), g = make(2, 1, 16);
        const float v[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        memcpy(f.data, v, sizeof v);
        const Pixel_FFFF fb = {0, 0, 0, 0};
        CHECK_EQ_LONG(vImageRotate90_ARGBFFFF(&f, &g, kRotate180DegreesClockwise, fb, 0), 0);
        CHECK(memcmp(g.data, v + 4, 16) == 0 && memcmp(px(&g, 1, 0, 16), v, 16) == 0);
        free(f.data);
        free(g.data);
    }
    {
        vImage_Buffer a = make(2, 1, 8), b = make(2, 1, 8);
        const uint16_t v[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        memcpy(a.data, v, sizeof v);
        const Pixel_ARGB_16U b16 = {0, 0, 0, 0};
        const Pixel_ARGB_16S s16 = {0, 0, 0, 0};
        const Pixel_ARGB_16F h16 = {0, 0, 0, 0};
        CHECK_EQ_LONG(vImageRotate90_ARGB16U(&a, &b, 2, b16, 0), 0);
        CHECK(memcmp(b.data, v + 4, 8) == 0);
        CHECK_EQ_LONG(vImageRotate90_ARGB16S(&a, &b, 2, s16, 0), 0);
        CHECK(memcmp(b.data, v + 4, 8) == 0);
        CHECK_EQ_LONG(vImageRotate90_ARGB16F(&a, &b, 2, h16, 0), 0);
        CHECK(memcmp(b.data, v + 4, 8) == 0);
        const Pixel_16F16F cb = {0, 0};
        a.width = b.width = 4; /* as 4 two-channel pixels */
        CHECK_EQ_LONG(vImageRotate90_CbCr16F(&a, &b, 2, cb, 0), 0);
        CHECK(memcmp(b.data, v + 6, 4) == 0);
        a.width = b.width = 8; /* as 8 planar samples */
        a.rowBytes = b.rowBytes = 24;
        CHECK_EQ_LONG(vImageRotate90_Planar16U(&a, &b, 2, 0, 0), 0);
        CHECK(((uint16_t *)b.data)[0] == 8);
        CHECK_EQ_LONG(vImageRotate90_Planar16F(&a, &b, 2, 0, 0), 0);
        CHECK(((uint16_t *)b.data)[7] == 1);
        free(a.data);
        free(b.data);
        vImage_Buffer p = make(3, 1, 4), q = make(3, 1, 4);
        const float pf[3] = {1, 2, 3};
        memcpy(p.data, pf, sizeof pf);
        CHECK_EQ_LONG(vImageRotate90_PlanarF(&p, &q, 2, 0.0f, 0), 0);
        CHECK(((float *)q.data)[0] == 3 && ((float *)q.data)[2] == 1);
        free(p.data);
        free(q.data);
    }
    free(argb.data);
    free(out.data);
    free(src.data);
}

/* ---- scaling ---- */

static double lanczos(double a, double x) {
    if (x == 0) return 1;
    if (fabs(x) >= a) return 0;
    double p = 3.14159265358979323846 * x;
    return a * sin(p) * sin(p / a) / (p * p);
}

/* 1-D weights of output j: clamped indices, normalised. */
static int weights(size_t n_in, size_t n_out, size_t j, double a, long *idx, double *w) {
    double step = (double)n_in / (double)n_out, s = step > 1 ? step : 1;
    double t = ((double)j + 0.5) * step - 0.5;
    long lo = (long)ceil(t - a * s), hi = (long)floor(t + a * s);
    int n = 0;
    double sum = 0;
    for (long i = lo; i <= hi; i++) {
        long c = i < 0 ? 0 : (i >= (long)n_in ? (long)n_in - 1 : i);
        idx[n] = c;
        w[n] = lanczos(a, ((double)i - t) / s);
        sum += w[n++];
    }
    for (int k = 0; k < n; k++) w[k] /= sum;
    return n;
}

static double model_at(const float *src, size_t sw, size_t sh, size_t dw, size_t dh, double a,
                       size_t x, size_t y) {
    long ix[128], iy[128];
    double wx[128], wy[128];
    int nx = weights(sw, dw, x, a, ix, wx), ny = weights(sh, dh, y, a, iy, wy);
    double acc = 0;
    for (int p = 0; p < ny; p++)
        for (int q = 0; q < nx; q++) acc += wy[p] * wx[q] * src[iy[p] * (long)sw + ix[q]];
    return acc;
}

static void check_scale(void) {
    const size_t sizes[][4] = {{11, 7, 23, 13}, {23, 13, 8, 5}, {9, 4, 9, 4}};
    for (size_t k = 0; k < 3; k++) {
        size_t sw = sizes[k][0], sh = sizes[k][1], dw = sizes[k][2], dh = sizes[k][3];
        float *img = malloc(sw * sh * sizeof(float));
        for (size_t i = 0; i < sw * sh; i++)
            img[i] = (float)(120 + 50 * sin(0.9 * (double)(i % sw)) + 40 * cos(0.6 * (double)(i / sw)));
        for (int hq = 0; hq < 2; hq++) {
            double a = hq ? 5 : 3;
            vImage_Flags fl = hq ? kvImageHighQualityResampling : kvImageNoFlags;
            /* PlanarF */
            vImage_Buffer fs = make(sw, sh, 4), fd = make(dw, dh, 4);
            for (size_t y = 0; y < sh; y++) memcpy(px(&fs, 0, y, 4), img + y * sw, sw * 4);
            CHECK_EQ_LONG(vImageScale_PlanarF(&fs, &fd, NULL, fl), kvImageNoError);
            int ok = 1;
            for (size_t y = 0; y < dh; y++)
                for (size_t x = 0; x < dw; x++) {
                    double want = model_at(img, sw, sh, dw, dh, a, x, y);
                    ok &= fabs(((float *)px(&fd, x, y, 4))[0] - want) < 2e-3 * fabs(want) + 1e-3;
                }
            CHECK(ok);
            CHECK(padding_intact(&fd, 4));
            /* ARGBFFFF: channel c is the PlanarF image + 20c, same model. */
            vImage_Buffer qs = make(sw, sh, 16), qd = make(dw, dh, 16);
            for (size_t y = 0; y < sh; y++)
                for (size_t x = 0; x < sw; x++)
                    for (int c = 0; c < 4; c++)
                        ((float *)px(&qs, x, y, 16))[c] = img[y * sw + x] + 20.0f * (float)c;
            CHECK_EQ_LONG(vImageScale_ARGBFFFF(&qs, &qd, NULL, fl), kvImageNoError);
            ok = 1;
            for (size_t y = 0; y < dh; y++)
                for (size_t x = 0; x < dw; x++) {
                    double want = model_at(img, sw, sh, dw, dh, a, x, y);
                    for (int c = 0; c < 4; c++) {
                        double w = want + 20.0 * c;
                        ok &= fabs(((float *)px(&qd, x, y, 16))[c] - w) < 2e-3 * fabs(w) + 1e-3;
                    }
                }
            CHECK(ok);
            CHECK(padding_intact(&qd, 16));
            CHECK_EQ_LONG(vImageScale_ARGBFFFF(NULL, &qd, NULL, fl), kvImageNullPointerArgument);
            free(qs.data);
            free(qd.data);
            /* ARGB8888: each channel the same model, ±1. */
            vImage_Buffer bs = make(sw, sh, 4), bd = make(dw, dh, 4);
            for (size_t y = 0; y < sh; y++)
                for (size_t x = 0; x < sw; x++)
                    for (int c = 0; c < 4; c++)
                        px(&bs, x, y, 4)[c] = (uint8_t)lrint(img[y * sw + x] + 20 * c);
            CHECK_EQ_LONG(vImageScale_ARGB8888(&bs, &bd, NULL, fl), kvImageNoError);
            ok = 1;
            float *chan = malloc(sw * sh * sizeof(float));
            for (int c = 0; c < 4; c++) {
                for (size_t i = 0; i < sw * sh; i++) chan[i] = px(&bs, i % sw, i / sw, 4)[c];
                for (size_t y = 0; y < dh; y++)
                    for (size_t x = 0; x < dw; x++) {
                        double want = model_at(chan, sw, sh, dw, dh, a, x, y);
                        want = want < 0 ? 0 : want > 255 ? 255 : want;
                        ok &= fabs(px(&bd, x, y, 4)[c] - want) <= 1.0;
                    }
            }
            CHECK(ok);
            free(chan);
            free(fs.data);
            free(fd.data);
            free(bs.data);
            free(bd.data);
        }
        free(img);
    }

    /* Every type: a constant image stays constant. */
    {
        vImage_Buffer s = make(9, 5, 16), d = make(4, 11, 16);
        /* Every byte 0x3C: 60 as 8-bit, 15420 as 16-bit, 1.0586 as half. */
        for (size_t y = 0; y < 5; y++) memset(px(&s, 0, y, 1), 0x3C, 9 * 16);
        struct {
            vImage_Error (*fn)(const vImage_Buffer *, const vImage_Buffer *, void *, vImage_Flags);
            size_t bytes;
        } t[] = {
            {vImageScale_Planar8, 1},  {vImageScale_ARGB8888, 4}, {vImageScale_CbCr8, 2},
            {vImageScale_Planar16U, 2}, {vImageScale_Planar16S, 2}, {vImageScale_ARGB16U, 8},
            {vImageScale_ARGB16S, 8},  {vImageScale_CbCr16U, 4},  {vImageScale_Planar16F, 2},
            {vImageScale_CbCr16F, 4},  {vImageScale_ARGB16F, 8},
        };
        for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
            vImage_Buffer ss = s, dd = d;
            ss.width = 9 * 16 / t[k].bytes;
            dd.width = 4 * 16 / t[k].bytes;
            memset(d.data, 0x11, d.rowBytes * d.height);
            CHECK_EQ_LONG(t[k].fn(&ss, &dd, NULL, kvImageHighQualityResampling), kvImageNoError);
            int ok = 1;
            for (size_t y = 0; y < dd.height; y++)
                for (size_t i = 0; i < dd.width * t[k].bytes; i++)
                    ok &= px(&dd, 0, y, 1)[i] == 0x3C;
            if (!ok) fprintf(stderr, "constant scale, type %zu\n", k);
            CHECK(ok);
        }
        CHECK_EQ_LONG(vImageScale_Planar16F(&s, &d, NULL, kvImageUseFP16Accumulator), 0);
        CHECK_EQ_LONG(vImageScale_Planar16U(&s, &d, NULL, kvImageUseFP16Accumulator),
                      kvImageUnknownFlagsBit);
        vImage_Buffer x = s, y = d;
        x.width = 9 * 4;
        y.width = 4 * 4;
        uint32_t word = (1u << 20) | (512u << 10) | 1023u;
        for (size_t r = 0; r < 5; r++)
            for (size_t i = 0; i < x.width; i++) memcpy(px(&x, i, r, 4), &word, 4);
        CHECK_EQ_LONG(vImageScale_XRGB2101010W(&x, &y, NULL, 0), 0);
        CHECK(memcmp(px(&y, 3, 2, 4), &word, 4) == 0);
        free(s.data);
        free(d.data);
    }

    /* Flags and errors. */
    vImage_Buffer s = make(4, 4, 1), d = make(8, 8, 1);
    fill_pattern(&s, 1);
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &d, NULL, kvImageEdgeExtend | kvImageDoNotTile), 0);
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &d, NULL, kvImageLeaveAlphaUnchanged), 0);
    CHECK(vImageScale_Planar8(&s, &d, NULL, kvImageGetTempBufferSize) >= 0);
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &d, NULL, kvImageBackgroundColorFill),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageScale_Planar8(NULL, &d, NULL, 0), kvImageNullPointerArgument);
    vImage_Buffer nodata = d;
    nodata.data = NULL;
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &nodata, NULL, 0), kvImageNullPointerArgument);
    vImage_Buffer shortrow = d;
    shortrow.rowBytes = 7;
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &shortrow, NULL, 0), kvImageInvalidRowBytes);
    vImage_Buffer empty = s;
    empty.width = 0;
    CHECK_EQ_LONG(vImageScale_Planar8(&empty, &d, NULL, 0), kvImageRoiLargerThanInputBuffer);
    CHECK_EQ_LONG(vImageScale_Planar8(&s, &empty, NULL, 0), kvImageNoError);
    free(s.data);
    free(d.data);
}

int main(void) {
    check_reflections();
    check_reflect_in_place();
    check_rotate();
    check_scale();
    return pp_finish("vimage_geometry");
}
