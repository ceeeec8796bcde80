/* The minimal CGImage: vImageCreateCGImageFromBuffer (copying and adopting
 * with its release callback), the CGImageGet… queries, retain/release, and
 * vImageBuffer_InitWithCGImage (the image's own format via a zeroed
 * format, a converted format, caller storage, errors). */
#include <Accelerate/Accelerate.h>

#include "pp_cf.h"

static int freed;
static void *freed_data;
static void release_data(void *user, void *data) {
    freed += *(int *)user;
    freed_data = data;
}

int main(void) {
    enum { W = 5, H = 3 };
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    vImage_CGImageFormat rgba = {8, 32, rgb, kCGImageAlphaPremultipliedLast, 0, NULL,
                                 kCGRenderingIntentDefault};
    vImage_Buffer b;
    vImageBuffer_Init(&b, H, W, 32, 0);
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W * 4; x++) ((uint8_t *)b.data)[y * b.rowBytes + x] = (uint8_t)(y * 40 + x);

    vImage_Error err = 1;
    CGImageRef img = vImageCreateCGImageFromBuffer(&b, &rgba, NULL, NULL, 0, &err);
    CHECK(img != NULL && err == kvImageNoError);
    CHECK(CFGetTypeID(img) == CGImageGetTypeID());
    CHECK_EQ_LONG(CGImageGetWidth(img), W);
    CHECK_EQ_LONG(CGImageGetHeight(img), H);
    CHECK_EQ_LONG(CGImageGetBitsPerComponent(img), 8);
    CHECK_EQ_LONG(CGImageGetBitsPerPixel(img), 32);
    CHECK(CGImageGetBytesPerRow(img) >= W * 4);
    CHECK_EQ_LONG(CGImageGetBitmapInfo(img), kCGImageAlphaPremultipliedLast);
    CHECK_EQ_LONG(CGImageGetAlphaInfo(img), kCGImageAlphaPremultipliedLast);
    CHECK_EQ_LONG(CGImageGetRenderingIntent(img), rgba.renderingIntent);
    CHECK_EQ_LONG(CGImageGetRenderingIntent(NULL), kCGRenderingIntentDefault);
    CHECK(CGImageGetColorSpace(img) == rgb);
    CHECK(CGImageRetain(img) == img);
    CGImageRelease(img);
    CHECK(CGImageRetain(NULL) == NULL);
    CGImageRelease(NULL);
    CHECK_EQ_LONG(CGImageGetWidth(NULL), 0);
    CHECK(CGImageGetColorSpace((CGImageRef)(void *)rgb) == NULL);

    /* The pixels were copied: changing the buffer does not change them. */
    ((uint8_t *)b.data)[0] = 0xFF;
    vImage_CGImageFormat same = {0};
    vImage_Buffer copy;
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&copy, &same, NULL, img, 0), kvImageNoError);
    CHECK(same.bitsPerPixel == 32 && same.colorSpace == rgb &&
          same.bitmapInfo == kCGImageAlphaPremultipliedLast);
    int ok = 1;
    for (size_t y = 0; y < H; y++)
        for (size_t x = 0; x < W * 4; x++)
            ok &= ((uint8_t *)copy.data)[y * copy.rowBytes + x] == (uint8_t)(y * 40 + x);
    CHECK(ok);
    free(copy.data);

    /* Into BGRA (premultiplied first, 32Little): an exact swizzle. */
    vImage_CGImageFormat bgra = {8, 32, NULL,
                                 kCGImageAlphaPremultipliedFirst | kCGBitmapByteOrder32Little, 0,
                                 NULL, kCGRenderingIntentDefault};
    vImage_Buffer sw;
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&sw, &bgra, NULL, img, 0), kvImageNoError);
    const uint8_t *p = sw.data;
    CHECK(p[0] == 2 && p[1] == 1 && p[2] == 0 && p[3] == 3);
    /* Caller storage of the wrong size, then the right one. */
    uint8_t mem[W * 4 * H];
    vImage_Buffer mine = {mem, H, W - 1, W * 4};
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&mine, &bgra, NULL, img, kvImageNoAllocate),
                  kvImageBufferSizeMismatch);
    CHECK(mine.data == mem);
    mine.width = W;
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&mine, &bgra, NULL, img, kvImageNoAllocate),
                  kvImageNoError);
    CHECK(memcmp(mem, sw.data, W * 4) == 0);
    free(sw.data);

    /* Errors. */
    vImage_Buffer e = {(void *)1, 0, 0, 0};
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&e, &bgra, NULL, NULL, 0),
                  kvImageInvalidImageObject);
    CHECK(e.data == NULL);
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&e, NULL, NULL, img, 0), kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(NULL, &bgra, NULL, img, 0),
                  kvImageNullPointerArgument);
    vImage_CGImageFormat bad = bgra;
    bad.bitsPerPixel = 7;
    CHECK_EQ_LONG(vImageBuffer_InitWithCGImage(&e, &bad, NULL, img, 0), kvImageInvalidImageFormat);
    CHECK(vImageCreateCGImageFromBuffer(&b, &bad, NULL, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageInvalidImageFormat);
    vImage_Buffer nodata = b;
    nodata.data = NULL;
    CHECK(vImageCreateCGImageFromBuffer(&nodata, &rgba, NULL, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageNullPointerArgument);
    CGImageRelease(img);

    /* Adopting the buffer: no copy, callback at destruction. */
    int weight = 1;
    img = vImageCreateCGImageFromBuffer(&b, &rgba, release_data, &weight, kvImageNoAllocate, &err);
    CHECK(img != NULL && err == kvImageNoError);
    CHECK_EQ_LONG(CGImageGetBytesPerRow(img), b.rowBytes);
    ((uint8_t *)b.data)[1] = 0x77;
    vImage_Buffer seen;
    vImage_CGImageFormat z = {0};
    vImageBuffer_InitWithCGImage(&seen, &z, NULL, img, 0);
    CHECK(((uint8_t *)seen.data)[1] == 0x77);
    free(seen.data);
    CHECK(freed == 0);
    CGImageRelease(img);
    CHECK(freed == 1 && freed_data == b.data);

    free(b.data);
    CHECK_EQ_LONG(CFGetRetainCount(rgb), 1);
    CGColorSpaceRelease(rgb);
    return pp_finish("vimage_cg_image");
}
