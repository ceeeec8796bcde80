/* Empty vImage buffers (a zero width or height) with a huge other
 * dimension: valid, nothing is done, and nothing costs time proportional
 * to the non-zero dimension. Found by fuzz/fuzz_vimage.c: a 0-wide image of
 * 4294967295 rows was walked row by row (tens of seconds), a 4294967294-wide
 * image of 0 rows made the Y'CbCr and dithering kernels work on a row of
 * that width, and a 0×1 ARGB destination of an interleave panicked. */
#include <Accelerate/Accelerate.h>
#include <stdint.h>
#include <time.h>

#include "pp_test.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void) {
    static uint32_t mem[64];
    double start = now();

    /* 0 wide, 2^32 - 1 rows. */
    vImage_Buffer tall_f = {mem, 0xFFFFFFFFu, 0, 0}, tall_h = {mem, 0xFFFFFFFFu, 0, 0};
    CHECK_EQ_LONG(vImageConvert_PlanarFtoPlanar16F(&tall_f, &tall_h, kvImageNoFlags), kvImageNoError);
    CHECK_EQ_LONG(vImageHorizontalReflect_ARGB8888(&tall_f, &tall_h, kvImageNoFlags), kvImageNoError);

    /* 2^32 - 2 wide, 0 rows: Y'CbCr 4:2:2 and dithering. */
    vImage_Buffer wide_src = {mem, 0, 0xFFFFFFFEu, 0}, wide_dst = {mem, 0, 0xFFFFFFFEu, 0};
    vImage_YpCbCrToARGB info;
    vImage_YpCbCrPixelRange range = {16, 128, 235, 240, 235, 16, 240, 16};
    CHECK_EQ_LONG(vImageConvert_YpCbCrToARGB_GenerateConversion(kvImage_YpCbCrToARGBMatrix_ITU_R_601_4, &range,
                                                                &info, kvImage422YpCbYpCr8, kvImageARGB8888,
                                                                kvImageNoFlags),
                  kvImageNoError);
    CHECK_EQ_LONG(vImageConvert_422YpCbYpCr8ToARGB8888(&wide_src, &wide_dst, &info, NULL, 255, kvImageNoFlags),
                  kvImageNoError);
    CHECK_EQ_LONG(vImageConvert_Planar8toPlanar1(&wide_src, &wide_dst, NULL, kvImageConvert_DitherFloydSteinberg,
                                                 kvImageNoFlags),
                  kvImageNoError);

    /* 0×1 four-channel destinations of interleaves and permutes. */
    vImage_Buffer p = {mem, 1, 0, 0}, argb = {mem, 1, 0, 0};
    CHECK_EQ_LONG(vImageConvert_Planar8toARGB8888(&p, &p, &p, &p, &argb, kvImageNoFlags), kvImageNoError);
    CHECK_EQ_LONG(vImageConvert_PlanarFtoARGBFFFF(&p, &p, &p, &p, &argb, kvImageNoFlags), kvImageNoError);
    const uint8_t map[4] = {3, 2, 1, 0};
    CHECK_EQ_LONG(vImagePermuteChannels_ARGB8888(&argb, &argb, map, kvImageNoFlags), kvImageNoError);

    /* Generous for sanitizers and valgrind; the old behaviour took minutes. */
    CHECK(now() - start < 5.0);
    return pp_finish("vimage_empty_images");
}
