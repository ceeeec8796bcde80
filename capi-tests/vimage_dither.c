/* vImage dithering and 1/2/4-bit packing, as in Apple's "Improving the
 * quality of quantized images with dithering": vImageConvert_Planar8toPlanar1
 * with every method (references written here for None, Floyd–Steinberg and
 * Atkinson; statistics and reproducibility for the ordered modes), the
 * other packers and unpackers, indexed images, and the float / 16-bit
 * _dithered converters; error codes. */
#include <Accelerate/Accelerate.h>
#include <math.h>
#include <stdint.h>

#include "pp_test.h"

static vImage_Buffer make(size_t w, size_t h, size_t row_bytes) {
    vImage_Buffer b = {malloc(row_bytes * h), h, w, row_bytes};
    memset(b.data, 0xEE, row_bytes * h);
    return b;
}

static uint8_t *row(const vImage_Buffer *b, size_t y) { return (uint8_t *)b->data + y * b->rowBytes; }

static int bit(const vImage_Buffer *b, size_t x, size_t y) {
    return (row(b, y)[x / 8] >> (7 - x % 8)) & 1;
}

/* A horizontal gradient with some vertical variation. */
static vImage_Buffer gradient(size_t w, size_t h) {
    vImage_Buffer b = make(w, h, w + 3);
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) row(&b, y)[x] = (uint8_t)((x * 255 / (w - 1) + y * 3) % 256);
    return b;
}

/* Error diffusion reference (1-bit): levels v/255, threshold ≥ 0.5,
 * left to right, top to bottom, errors off the image dropped. */
static void diffuse_ref(const vImage_Buffer *src, int atkinson, int *out) {
    size_t w = src->width, h = src->height;
    float *err = calloc((w + 4) * (h + 2), sizeof(float));
#define E(x, y) err[(size_t)(y) * (w + 4) + (size_t)(x) + 2]
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            float v = (float)row(src, y)[x] * (1.0f / 255.0f) + E(x, y);
            int q = (v + 0.5f) >= 1.0f;
            if (v < 0) q = 0;
            float e = v - (float)q;
            out[y * w + x] = q;
            if (atkinson) {
                float e8 = e / 8;
                E(x + 1, y) += e8;
                E(x + 2, y) += e8;
                E((long)x - 1, y + 1) += e8;
                E(x, y + 1) += e8;
                E(x + 1, y + 1) += e8;
                E(x, y + 2) += e8;
            } else {
                E(x + 1, y) += e * (7.0f / 16.0f);
                E((long)x - 1, y + 1) += e * (3.0f / 16.0f);
                E(x, y + 1) += e * (5.0f / 16.0f);
                E(x + 1, y + 1) += e * (1.0f / 16.0f);
            }
        }
#undef E
    free(err);
}

static void check_planar1(void) {
    const size_t w = 37, h = 11;
    vImage_Buffer src = gradient(w, h);
    vImage_Buffer dst = make(w, h, 6); /* 5 bytes of bits + 1 of padding */
    int *ref = malloc(w * h * sizeof(int));

    /* None: v ≥ 128 → 1; unused tail bits and padding bytes. */
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, kvImageConvert_DitherNone,
                                                 kvImageNoFlags),
                  kvImageNoError);
    int ok = 1;
    for (size_t y = 0; y < h; y++) {
        for (size_t x = 0; x < w; x++) ok &= bit(&dst, x, y) == (row(&src, y)[x] >= 128);
        ok &= (row(&dst, y)[4] & 0x07) == 0 && row(&dst, y)[5] == 0xEE;
    }
    CHECK(ok);

    /* Floyd–Steinberg and Atkinson against the references. */
    for (int atk = 0; atk < 2; atk++) {
        int method = atk ? kvImageConvert_DitherAtkinson : kvImageConvert_DitherFloydSteinberg;
        CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, method, 0), kvImageNoError);
        diffuse_ref(&src, atk, ref);
        ok = 1;
        for (size_t y = 0; y < h; y++)
            for (size_t x = 0; x < w; x++) ok &= bit(&dst, x, y) == ref[y * w + x];
        if (!ok) fprintf(stderr, "diffusion %d differs\n", method);
        CHECK(ok);
    }

    /* Ordered: reproducible is reproducible; uniform blue noise keeps the
     * mean of a flat grey; Gaussian is the default shape. */
    vImage_Buffer flat = make(128, 128, 128), bits = make(128, 128, 16), again = make(128, 128, 16);
    memset(flat.data, 64, 128 * 128);
    const int shapes[] = {kvImageConvert_OrderedGaussianBlue, kvImageConvert_OrderedUniformBlue};
    for (int s = 0; s < 2; s++) {
        int d = kvImageConvert_DitherOrderedReproducible | shapes[s];
        CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&flat, &bits, NULL, d, 0), 0);
        CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&flat, &again, NULL, d, 0), 0);
        CHECK(memcmp(bits.data, again.data, 128 * 16) == 0);
        long ones = 0;
        for (size_t y = 0; y < 128; y++)
            for (size_t x = 0; x < 128; x++) ones += bit(&bits, x, y);
        double mean = (double)ones / (128.0 * 128.0);
        if (shapes[s] == kvImageConvert_OrderedUniformBlue)
            CHECK(fabs(mean - 64.0 / 255.0) < 0.01);
        else
            CHECK(mean > 0.1 && mean < 0.4); /* Gaussian noise is not mean-preserving */
        /* Non-reproducible ordered: same statistics, offset moves. */
        int moved = 0;
        for (int k = 0; k < 4 && !moved; k++) {
            CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&flat, &again, NULL,
                                                         kvImageConvert_DitherOrdered | shapes[s], 0),
                          0);
            moved = memcmp(bits.data, again.data, 128 * 16) != 0;
        }
        CHECK(moved);
    }
    CHECK_EQ_LONG(kvImageConvert_OrderedNoiseShapeMask, 0xF0000000u);

    /* Errors. */
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, 5, 0), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, 1 | (2 << 28), 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(NULL, &dst, NULL, 0, 0), kvImageNullPointerArgument);
    vImage_Buffer narrow = dst;
    narrow.rowBytes = 4; /* 37 bits need 5 bytes */
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &narrow, NULL, 0, 0), kvImageInvalidRowBytes);
    vImage_Buffer other = dst;
    other.width = 36;
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &other, NULL, 0, 0), kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, 0, kvImageEdgeExtend),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&src, &dst, NULL, 0, kvImageGetTempBufferSize), 0);

    free(ref);
    free(src.data);
    free(dst.data);
    free(flat.data);
    free(bits.data);
    free(again.data);
}

static void check_unpack_and_other_depths(void) {
    /* Apple's example: 0b11100011 → 255 255 255 0 0 0 255 255. */
    uint8_t packed = 0xE3, out8[8];
    vImage_Buffer s = {&packed, 1, 8, 1}, d = {out8, 1, 8, 8};
    CHECK_EQ_LONG(vImageConvert_Planar1toPlanar8(&s, &d, 0), 0);
    const uint8_t want[8] = {255, 255, 255, 0, 0, 0, 255, 255};
    CHECK(memcmp(out8, want, 8) == 0);

    /* 2 and 4 bits: the grey ramp round-trips exactly with every method. */
    /* (Uniform noise stays inside ±½ level, so exact levels survive it.) */
    const int methods[] = {kvImageConvert_DitherNone,
                           kvImageConvert_DitherOrderedReproducible | kvImageConvert_OrderedUniformBlue,
                           kvImageConvert_DitherFloydSteinberg, kvImageConvert_DitherAtkinson};
    uint8_t ramp2[4] = {0, 85, 170, 255}, ramp4[16], back[16], bytes[8];
    for (int i = 0; i < 16; i++) ramp4[i] = (uint8_t)(i * 17);
    for (int m = 0; m < 4; m++) {
        vImage_Buffer r2 = {ramp2, 1, 4, 4}, p2 = {bytes, 1, 4, 1}, b2 = {back, 1, 4, 4};
        CHECK_EQ_LONG(vImageConvert_Planar8toPlanar2(&r2, &p2, NULL, methods[m], 0), 0);
        CHECK_EQ_LONG(bytes[0], 0x1B);
        CHECK_EQ_LONG(vImageConvert_Planar2toPlanar8(&p2, &b2, 0), 0);
        CHECK(memcmp(back, ramp2, 4) == 0);
        vImage_Buffer r4 = {ramp4, 1, 16, 16}, p4 = {bytes, 1, 16, 8}, b4 = {back, 1, 16, 16};
        CHECK_EQ_LONG(vImageConvert_Planar8toPlanar4(&r4, &p4, NULL, methods[m], 0), 0);
        CHECK_EQ_LONG(bytes[0], 0x01);
        CHECK_EQ_LONG(bytes[7], 0xEF);
        CHECK_EQ_LONG(vImageConvert_Planar4toPlanar8(&p4, &b4, 0), 0);
        CHECK(memcmp(back, ramp4, 16) == 0);
    }

    /* Indexed: a palette lookup; a zero palette is computed. */
    uint8_t idx = 0x1B; /* indices 0 1 2 3 */
    const Pixel_8 palette[4] = {9, 99, 199, 250};
    vImage_Buffer is = {&idx, 1, 4, 1}, id = {out8, 1, 4, 4};
    CHECK_EQ_LONG(vImageConvert_Indexed2toPlanar8(&is, &id, palette, 0), 0);
    CHECK(memcmp(out8, palette, 4) == 0);
    CHECK_EQ_LONG(vImageConvert_Indexed2toPlanar8(&is, &id, NULL, 0), kvImageNullPointerArgument);
    uint8_t one = 0x80;
    const Pixel_8 two[2] = {7, 70};
    vImage_Buffer os = {&one, 1, 2, 1}, od = {out8, 1, 2, 2};
    CHECK_EQ_LONG(vImageConvert_Indexed1toPlanar8(&os, &od, two, 0), 0);
    CHECK(out8[0] == 70 && out8[1] == 7);
    uint8_t nib = 0xF0;
    Pixel_8 sixteen[16];
    for (int i = 0; i < 16; i++) sixteen[i] = (uint8_t)(100 + i);
    vImage_Buffer ns = {&nib, 1, 2, 1}, nd = {out8, 1, 2, 2};
    CHECK_EQ_LONG(vImageConvert_Indexed4toPlanar8(&ns, &nd, sixteen, 0), 0);
    CHECK(out8[0] == 115 && out8[1] == 100);

    uint8_t grey[6] = {10, 40, 60, 100, 240, 250};
    vImage_Buffer gs = {grey, 1, 6, 6}, gd = {bytes, 1, 6, 2};
    Pixel_8 pal[4] = {200, 50, 100, 50};
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed2(&gs, &gd, NULL, pal, kvImageConvert_DitherNone, 0), 0);
    /* 10, 40, 60 → 50 (index 1); 100 → 2; 240, 250 → 200 (0). */
    CHECK_EQ_LONG(bytes[0], 0x56);
    CHECK_EQ_LONG(bytes[1], 0x00);
    Pixel_8 zero[4] = {0, 0, 0, 0};
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed2(&gs, &gd, NULL, zero, kvImageConvert_DitherNone, 0), 0);
    CHECK(zero[0] == 10 && zero[1] == 90 && zero[2] == 170 && zero[3] == 250);
    Pixel_8 bw[2] = {0, 255};
    vImage_Buffer g1 = {bytes, 1, 6, 1};
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed1(&gs, &g1, NULL, bw, kvImageConvert_DitherNone, 0), 0);
    CHECK_EQ_LONG(bytes[0], 0x0C); /* 240, 250 → 1 */
    Pixel_8 p16[16];
    for (int i = 0; i < 16; i++) p16[i] = (uint8_t)(i * 17);
    vImage_Buffer g4 = {bytes, 1, 6, 3};
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed4(&gs, &g4, NULL, p16, kvImageConvert_DitherNone, 0), 0);
    CHECK_EQ_LONG(bytes[0], 0x12); /* 10 → 1 (17), 40 → 2 (34) */
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed4(&gs, &g4, NULL, NULL, 0, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_Planar8toIndexed4(&gs, &g4, NULL, p16, 9, 0), kvImageInvalidParameter);
}

static void check_float_and_16(void) {
    /* PlanarF → 8, None: clamp(255·(f − min)/(max − min) + 0.5) truncated. */
    float f[8] = {0.0f, 0.1f, 0.5f, 0.99f, 1.0f, -3.0f, 7.0f, NAN};
    uint8_t o[8];
    vImage_Buffer fs = {f, 1, 8, sizeof f}, od = {o, 1, 8, 8};
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar8_dithered(&fs, &od, 1.0f, 0.0f,
                                                          kvImageConvert_DitherNone, 0),
                  0);
    for (int i = 0; i < 7; i++) {
        float v = 255.0f * f[i] + 0.5f;
        int want = v < 0 ? 0 : v > 255 ? 255 : (int)v;
        CHECK_EQ_LONG(o[i], want);
    }
    CHECK_EQ_LONG(o[7], 0);
    /* Diffusion keeps the mean of a flat 0.3. */
    float flat[64 * 64];
    uint8_t q[64 * 64];
    for (int i = 0; i < 64 * 64; i++) flat[i] = 0.3f / 255.0f + 100.0f / 255.0f;
    vImage_Buffer fl = {flat, 64, 64, 256}, ql = {q, 64, 64, 64};
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar8_dithered(&fl, &ql, 1.0f, 0.0f,
                                                          kvImageConvert_DitherFloydSteinberg, 0),
                  0);
    long sum = 0;
    for (int i = 0; i < 64 * 64; i++) sum += q[i];
    CHECK(fabs((double)sum / 4096.0 - 100.3) < 0.05); /* edge error is dropped */

    /* ARGBFFFF → ARGB8888 with per-channel ranges and a permutation. */
    float argb[8] = {1.0f, 0.0f, 0.5f, 2.0f, 0.25f, 1.0f, 0.0f, 0.0f};
    uint8_t out[8];
    const Pixel_FFFF maxF = {1.0f, 1.0f, 1.0f, 2.0f}, minF = {0.0f, 0.0f, 0.0f, 0.0f};
    const uint8_t perm[4] = {3, 2, 1, 0};
    vImage_Buffer as = {argb, 1, 2, 32}, ad = {out, 1, 2, 8};
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoARGB8888_dithered(&as, &ad, maxF, minF,
                                                            kvImageConvert_DitherNone, perm, 0),
                  0);
    const uint8_t wantp[8] = {255, 128, 0, 255, 0, 0, 255, 64};
    CHECK(memcmp(out, wantp, 8) == 0);
    const uint8_t badperm[4] = {0, 1, 2, 4};
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoARGB8888_dithered(&as, &ad, maxF, minF, 0, badperm, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoARGB8888_dithered(&as, &ad, NULL, minF, 0, perm, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_ARGBFFFFtoARGB8888_dithered(&as, &ad, maxF, minF, 0, NULL, 0),
                  kvImageNullPointerArgument);

    /* RGBFFF → RGB888. */
    float rgb[3] = {0.5f, 10.0f, -1.0f};
    const Pixel_F mx[3] = {1.0f, 20.0f, 1.0f}, mn[3] = {0.0f, 0.0f, -1.0f};
    vImage_Buffer rs = {rgb, 1, 1, 12}, rd = {out, 1, 1, 3};
    CHECK_EQ_LONG(vImageConvert_RGBFFFtoRGB888_dithered(&rs, &rd, mx, mn, kvImageConvert_DitherAtkinson, 0), 0);
    CHECK(out[0] == 128 && out[1] == 128 && out[2] == 0);

    /* 16U → 8: (v·255 + 32767)/65535 with DitherNone. */
    uint16_t u[6] = {0, 128, 129, 32896, 65535, 385};
    vImage_Buffer us = {u, 1, 6, 12}, ud = {out, 1, 6, 6};
    CHECK_EQ_LONG(vImageConvert_Planar16UtoPlanar8_dithered(&us, &ud, kvImageConvert_DitherNone, 0), 0);
    int ok = 1;
    for (int i = 0; i < 6; i++) ok &= out[i] == (uint8_t)((u[i] * 255u + 32767u) / 65535u);
    CHECK(ok);
    vImage_Buffer us3 = {u, 1, 2, 12}, ud3 = {out, 1, 2, 6};
    CHECK_EQ_LONG(vImageConvert_RGB16UtoRGB888_dithered(&us3, &ud3, kvImageConvert_DitherNone, 0), 0);
    CHECK(out[3] == 128 && out[4] == 255);
    uint16_t u4[4] = {65535, 0, 32896, 257};
    vImage_Buffer u4s = {u4, 1, 1, 8}, u4d = {out, 1, 1, 4};
    CHECK_EQ_LONG(vImageConvert_ARGB16UtoARGB8888_dithered(&u4s, &u4d, 0, perm, 0), 0);
    CHECK(out[0] == 1 && out[1] == 128 && out[2] == 0 && out[3] == 255);
    CHECK_EQ_LONG(vImageConvert_ARGB16UtoARGB8888_dithered(&u4s, &u4d, 7, perm, 0),
                  kvImageInvalidParameter);
}

/* 16-bit packed outputs: DitherNone follows Apple's documented rounding
 * (r = (v·62 + 255)/510, g = (v·63 + 127)/255); the channel order of each
 * source layout; 1-bit alpha rounds; diffusion keeps a flat colour's mean. */
static void check_packed16(void) {
    uint8_t argb[4 * 256];
    uint16_t out[256];
    for (int v = 0; v < 256; v++) {
        argb[4 * v] = (uint8_t)(255 - v);
        argb[4 * v + 1] = (uint8_t)v;
        argb[4 * v + 2] = (uint8_t)(v / 2);
        argb[4 * v + 3] = (uint8_t)(255 - v / 3);
    }
    vImage_Buffer s = {argb, 1, 256, sizeof argb}, d = {out, 1, 256, sizeof out};
#define R5(v) ((((unsigned)(v)) * 62u + 255u) / 510u)
#define G6(v) ((((unsigned)(v)) * 63u + 127u) / 255u)
    int ok;
    CHECK_EQ_LONG(vImageConvert_ARGB8888toRGB565_dithered(&s, &d, NULL, kvImageConvert_DitherNone, 0), 0);
    ok = 1;
    for (int v = 0; v < 256; v++) {
        const uint8_t *p = argb + 4 * v;
        ok &= out[v] == (uint16_t)((R5(p[1]) << 11) | (G6(p[2]) << 5) | R5(p[3]));
    }
    CHECK(ok);
    CHECK_EQ_LONG(vImageConvert_RGBA8888toRGB565_dithered(&s, &d, NULL, 0, 0), 0);
    ok = 1;
    for (int v = 0; v < 256; v++) {
        const uint8_t *p = argb + 4 * v;
        ok &= out[v] == (uint16_t)((R5(p[0]) << 11) | (G6(p[1]) << 5) | R5(p[2]));
    }
    CHECK(ok);
    CHECK_EQ_LONG(vImageConvert_BGRA8888toRGB565_dithered(&s, &d, NULL, 0, 0), 0);
    ok = 1;
    for (int v = 0; v < 256; v++) {
        const uint8_t *p = argb + 4 * v;
        ok &= out[v] == (uint16_t)((R5(p[2]) << 11) | (G6(p[1]) << 5) | R5(p[0]));
    }
    CHECK(ok);
    CHECK_EQ_LONG(vImageConvert_ARGB8888toARGB1555_dithered(&s, &d, NULL, 0, 0), 0);
    ok = 1;
    for (int v = 0; v < 256; v++) {
        const uint8_t *p = argb + 4 * v;
        ok &= out[v] == (uint16_t)(((p[0] >= 128) << 15) | (R5(p[1]) << 10) | (R5(p[2]) << 5) | R5(p[3]));
    }
    CHECK(ok);
    CHECK_EQ_LONG(vImageConvert_RGBA8888toRGBA5551_dithered(&s, &d, NULL, 0, 0), 0);
    ok = 1;
    for (int v = 0; v < 256; v++) {
        const uint8_t *p = argb + 4 * v;
        ok &= out[v] == (uint16_t)((R5(p[0]) << 11) | (R5(p[1]) << 6) | (R5(p[2]) << 1) | (p[3] >= 128));
    }
    CHECK(ok);
    vImage_Buffer s3 = {argb, 1, 256, sizeof argb}; /* as 256 RGB pixels (first 768 bytes) */
    CHECK_EQ_LONG(vImageConvert_RGB888toRGB565_dithered(&s3, &d, NULL, 0, 0), 0);
    CHECK(out[1] == (uint16_t)((R5(argb[3]) << 11) | (G6(argb[4]) << 5) | R5(argb[5])));

    /* A flat colour between two 5-bit levels: Floyd–Steinberg keeps the mean. */
    enum { N = 32 };
    uint8_t flat[N * N * 3];
    uint16_t q[N * N];
    memset(flat, 100, sizeof flat); /* 100·31/255 = 12.157 */
    vImage_Buffer fs = {flat, N, N, N * 3}, fd = {q, N, N, N * 2};
    CHECK_EQ_LONG(vImageConvert_RGB888toRGB565_dithered(&fs, &fd, NULL, kvImageConvert_DitherFloydSteinberg, 0), 0);
    double mean = 0;
    for (int i = 0; i < N * N; i++) mean += q[i] >> 11;
    mean /= N * N;
    CHECK(fabs(mean - 100.0 * 31.0 / 255.0) < 0.05);
    CHECK_EQ_LONG(vImageConvert_RGB888toRGB565_dithered(&fs, &fd, NULL, 42, 0), kvImageInvalidParameter);
    vImage_Buffer narrow = fd;
    narrow.rowBytes = N * 2 - 1;
    CHECK_EQ_LONG(vImageConvert_RGB888toRGB565_dithered(&fs, &narrow, NULL, 0, 0), kvImageInvalidRowBytes);
#undef R5
#undef G6
}

int main(void) {
    check_packed16();
    check_planar1();
    check_unpack_and_other_depths();
    check_float_and_16();
    return pp_finish("vimage_dither");
}
