/* vImageConverter and the CVPixelBuffer copy functions: results against
 * references computed here (exact for copies and swizzles, ±1 for 8-bit
 * colour), buffer counts and orders, plane aliasing for planar formats,
 * alpha flattening, and every error code with nothing written on error. */
#include <Accelerate/Accelerate.h>
#include <CoreVideo/CoreVideo.h>
#include <math.h>

#include "pp_test.h"

static vImage_CGImageFormat fmt(uint32_t bpc, uint32_t bpp, CGBitmapInfo info,
                                CGColorSpaceRef space) {
    vImage_CGImageFormat f = {bpc, bpp, space, info, 0, NULL, kCGRenderingIntentDefault};
    return f;
}

/* BT.601 / BT.709 RGB → Y'CbCr rows (the values of vImage's predefined
 * matrices, written out: Kr, Kg, Kb; −Kr/(2(1−Kb)), …). */
static const vImage_ARGBToYpCbCrMatrix k601 = {0.299f, 0.587f, 0.114f, -0.168736f,
                                               -0.331264f, 0.5f, -0.418688f, -0.081312f};
static const vImage_ARGBToYpCbCrMatrix k709 = {0.2126f, 0.7152f, 0.0722f, -0.114572f,
                                               -0.385428f, 0.5f, -0.454153f, -0.045847f};

static int near(double got, double want) { return fabs(got - want) <= 1.0; }

static double clamp255(double v) { return v < 0 ? 0 : v > 255 ? 255 : v; }

static CVPixelBufferRef make(OSType type, size_t w, size_t h) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, w, h, type, NULL, &pb) == kCVReturnSuccess);
    return pb;
}

/* '420v', BT.601, uniform chroma, a luma ramp → ARGB (NoneSkipFirst). */
static void ycbcr_to_rgb(CGColorSpaceRef rgb) {
    enum { W = 19, H = 11, CB = 90, CR = 170 };
    CVPixelBufferRef pb = make(kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, W, H);
    CVPixelBufferLockBaseAddress(pb, 0);
    uint8_t *y = CVPixelBufferGetBaseAddressOfPlane(pb, 0);
    size_t ybpr = CVPixelBufferGetBytesPerRowOfPlane(pb, 0);
    for (size_t r = 0; r < H; r++)
        for (size_t c = 0; c < W; c++) y[r * ybpr + c] = (uint8_t)(16 + (r * W + c) % 220);
    uint8_t *uv = CVPixelBufferGetBaseAddressOfPlane(pb, 1);
    size_t uvbpr = CVPixelBufferGetBytesPerRowOfPlane(pb, 1);
    for (size_t r = 0; r < (H + 1) / 2; r++)
        for (size_t c = 0; c < (W + 1) / 2; c++) {
            uv[r * uvbpr + 2 * c] = CB;
            uv[r * uvbpr + 2 * c + 1] = CR;
        }
    CVPixelBufferUnlockBaseAddress(pb, 0);

    /* Incomplete attachments: the converter names what is missing. */
    vImage_CGImageFormat argb = fmt(8, 32, kCGImageAlphaNoneSkipFirst, rgb);
    vImage_Buffer out = {0};
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, pb, NULL, NULL, 0),
                  kvImageCVImageFormat_ConversionMatrix);
    CHECK(out.data == NULL);
    vImageCVImageFormatRef f = vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    vImage_Error err = 0;
    CHECK(vImageConverter_CreateForCVToCGImageFormat(f, &argb, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageCVImageFormat_ConversionMatrix);
    CHECK_EQ_LONG(vImageCVImageFormat_CopyConversionMatrix(f, &k601,
                                                           kvImageMatrixType_ARGBToYpCbCrMatrix),
                  kvImageNoError);
    CHECK(vImageConverter_CreateForCVToCGImageFormat(f, &argb, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageCVImageFormat_ChromaSiting);
    vImageCVImageFormat_SetChromaSiting(f, kCVImageBufferChromaLocation_Center);
    CHECK(vImageConverter_CreateForCVToCGImageFormat(f, &argb, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageCVImageFormat_ColorSpace);
    vImageCVImageFormat_SetColorSpace(f, rgb);

    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, pb, f, NULL, 0),
                  kvImageNoError);
    CHECK_EQ_LONG(out.width, W);
    CHECK_EQ_LONG(out.height, H);
    CHECK(out.rowBytes % 16 == 0 && out.rowBytes >= W * 4);
    int ok = 1;
    double pb_ = (CB - 128) / 224.0, pr = (CR - 128) / 224.0;
    for (size_t r = 0; r < H; r++)
        for (size_t c = 0; c < W; c++) {
            double l = ((double)(16 + (r * W + c) % 220) - 16) / 219.0;
            double R = clamp255(255 * (l + 1.402 * pr));
            double G = clamp255(255 * (l - 0.344136 * pb_ - 0.714136 * pr));
            double B = clamp255(255 * (l + 1.772 * pb_));
            const uint8_t *p = (const uint8_t *)out.data + r * out.rowBytes + c * 4;
            ok &= p[0] == 255 && near(p[1], R) && near(p[2], G) && near(p[3], B);
        }
    CHECK(ok);
    free(out.data);

    /* The same through a converter and AnyToAny over aliased planes. */
    vImageConverterRef conv = vImageConverter_CreateForCVToCGImageFormat(f, &argb, NULL, 0, &err);
    CHECK(conv != NULL && err == kvImageNoError);
    CHECK_EQ_LONG(vImageConverter_GetNumberOfSourceBuffers(conv), 2);
    CHECK_EQ_LONG(vImageConverter_GetNumberOfDestinationBuffers(conv), 1);
    const vImageBufferTypeCode *order = vImageConverter_GetSourceBufferOrder(conv);
    CHECK(order[0] == kvImageBufferTypeCode_Luminance && order[1] == kvImageBufferTypeCode_Chroma &&
          order[2] == kvImageBufferTypeCode_EndOfList);
    CHECK(vImageConverter_GetDestinationBufferOrder(conv)[0] == kvImageBufferTypeCode_CGFormat);
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    vImage_Buffer planes[2];
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(planes, conv, pb, kvImageNoAllocate),
                  kvImageNoError);
    CHECK(planes[0].data == CVPixelBufferGetBaseAddressOfPlane(pb, 0));
    CHECK(planes[1].data == CVPixelBufferGetBaseAddressOfPlane(pb, 1));
    CHECK_EQ_LONG(planes[1].width, (W + 1) / 2);
    CHECK_EQ_LONG(planes[1].height, (H + 1) / 2);
    CHECK_EQ_LONG(planes[1].rowBytes, CVPixelBufferGetBytesPerRowOfPlane(pb, 1));
    vImage_Buffer dest;
    vImageBuffer_Init(&dest, H, W, 32, 0);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, planes, &dest, NULL, kvImageGetTempBufferSize), 0);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, planes, &dest, NULL, kvImageDoNotTile),
                  kvImageNoError);
    const uint8_t *p = dest.data;
    double l0 = 0;
    CHECK(near(p[1], clamp255(255 * (l0 + 1.402 * pr))));

    /* Errors of AnyToAny: nothing written. */
    memset(dest.data, 0xAB, dest.rowBytes * H);
    vImage_Buffer small = dest;
    small.height = H + 1; /* destination larger than the source */
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, planes, &small, NULL, 0), kvImageBufferSizeMismatch);
    vImage_Buffer shortrows[2] = {planes[0], planes[1]};
    shortrows[1].rowBytes = 3;
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, shortrows, &dest, NULL, 0), kvImageInvalidRowBytes);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, planes, &dest, NULL, kvImageEdgeExtend),
                  kvImageUnknownFlagsBit);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(NULL, planes, &dest, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, NULL, &dest, NULL, 0), kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConvert_AnyToAny((vImageConverterRef)(void *)rgb, planes, &dest, NULL, 0),
                  kvImageInvalidParameter);
    shortrows[1] = planes[1];
    shortrows[1].data = NULL;
    CHECK_EQ_LONG(vImageConvert_AnyToAny(conv, shortrows, &dest, NULL, 0),
                  kvImageNullPointerArgument);
    int untouched = 1;
    for (size_t i = 0; i < dest.rowBytes * H; i++) untouched &= ((uint8_t *)dest.data)[i] == 0xAB;
    CHECK(untouched);

    /* InitForCopy rules. */
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(planes, conv, pb, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageBuffer_InitForCopyToCVPixelBuffer(planes, conv, pb, kvImageNoAllocate),
                  kvImageInvalidParameter); /* a CV → CG converter */
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(NULL, conv, pb, kvImageNoAllocate),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(
        vImageBuffer_InitForCopyFromCVPixelBuffer(planes, conv, pb,
                                                  kvImageNoAllocate | kvImageHighQualityResampling),
        kvImageUnknownFlagsBit);
    CVPixelBufferRef other = make(kCVPixelFormatType_32BGRA, W, H);
    CHECK_EQ_LONG(vImageBuffer_InitForCopyFromCVPixelBuffer(planes, conv, other, kvImageNoAllocate),
                  kvImageInvalidParameter);
    CVPixelBufferRelease(other);
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);

    /* MustOperateOutOfPlace: pixelport converts in place by copying first. */
    CHECK_EQ_LONG(vImageConverter_MustOperateOutOfPlace(conv, NULL, NULL, 0), kvImageNoError);
    CHECK_EQ_LONG(vImageConverter_MustOperateOutOfPlace(conv, planes, NULL, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageConverter_MustOperateOutOfPlace(NULL, NULL, NULL, 0),
                  kvImageInvalidParameter);

    vImageConverter_Retain(conv);
    vImageConverter_Release(conv);
    vImageConverter_Release(conv);
    vImageConverter_Release(NULL);
    free(dest.data);
    vImageCVImageFormat_Release(f);
    CVPixelBufferRelease(pb);
}

/* A gray ramp and a uniform colour → 'y420' (3 planes), BT.709. */
static void rgb_to_ycbcr(CGColorSpaceRef rgb) {
    enum { W = 10, H = 6 };
    vImage_CGImageFormat rgba = fmt(8, 32, kCGImageAlphaNoneSkipLast, rgb);
    vImage_Buffer src;
    vImageBuffer_Init(&src, H, W, 32, 0);
    for (size_t r = 0; r < H; r++)
        for (size_t c = 0; c < W; c++) {
            uint8_t *p = (uint8_t *)src.data + r * src.rowBytes + c * 4;
            uint8_t v = (uint8_t)(r * 40 + c * 2);
            p[0] = p[1] = p[2] = v;
            p[3] = 0; /* padding: ignored */
        }
    CVPixelBufferRef pb = make(kCVPixelFormatType_420YpCbCr8Planar, W, H);
    vImageCVImageFormatRef f = vImageCVImageFormat_Create(
        kCVPixelFormatType_420YpCbCr8Planar, &k709,
        kCVImageBufferChromaLocation_Left, rgb, 0);
    CHECK(f != NULL);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, pb, f, NULL, 0), kvImageNoError);
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    const uint8_t *y = CVPixelBufferGetBaseAddressOfPlane(pb, 0);
    size_t ybpr = CVPixelBufferGetBytesPerRowOfPlane(pb, 0);
    int ok = 1;
    for (size_t r = 0; r < H; r++)
        for (size_t c = 0; c < W; c++)
            ok &= near(y[r * ybpr + c], 16 + 219 * (r * 40 + c * 2) / 255.0);
    CHECK(ok);
    const uint8_t *cb = CVPixelBufferGetBaseAddressOfPlane(pb, 1);
    const uint8_t *cr = CVPixelBufferGetBaseAddressOfPlane(pb, 2);
    CHECK(near(cb[0], 128) && near(cr[0], 128));
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);

    /* A uniform colour: exact BT.709 chroma. */
    for (size_t r = 0; r < H; r++)
        for (size_t c = 0; c < W; c++) {
            uint8_t *p = (uint8_t *)src.data + r * src.rowBytes + c * 4;
            p[0] = 200;
            p[1] = 50;
            p[2] = 100;
        }
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, pb, f, NULL, 0), kvImageNoError);
    double R = 200 / 255.0, G = 50 / 255.0, B = 100 / 255.0;
    double Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
    double Pb = (B - Y) / 1.8556, Pr = (R - Y) / 1.5748;
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    y = CVPixelBufferGetBaseAddressOfPlane(pb, 0);
    cb = CVPixelBufferGetBaseAddressOfPlane(pb, 1);
    cr = CVPixelBufferGetBaseAddressOfPlane(pb, 2);
    CHECK(near(y[0], 16 + 219 * Y));
    CHECK(near(cb[CVPixelBufferGetBytesPerRowOfPlane(pb, 1) + 2], 128 + 224 * Pb));
    CHECK(near(cr[4], 128 + 224 * Pr));
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);

    /* The converter's destination order for tri-planar. */
    vImage_Error err;
    vImageConverterRef conv = vImageConverter_CreateForCGToCVImageFormat(&rgba, f, NULL, 0, &err);
    const vImageBufferTypeCode *order = vImageConverter_GetDestinationBufferOrder(conv);
    CHECK(order[0] == kvImageBufferTypeCode_Luminance && order[1] == kvImageBufferTypeCode_Cb &&
          order[2] == kvImageBufferTypeCode_Cr && order[3] == 0);
    CHECK_EQ_LONG(vImageConverter_GetNumberOfDestinationBuffers(conv), 3);
    vImageConverter_Release(conv);

    /* Errors: size mismatch, bad CG format, NULLs; the pixel buffer stays. */
    vImage_Buffer wrong = src;
    wrong.width = W - 1;
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&wrong, &rgba, pb, f, NULL, 0),
                  kvImageBufferSizeMismatch);
    vImage_CGImageFormat bad = rgba;
    bad.version = 1;
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &bad, pb, f, NULL, 0),
                  kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(NULL, &rgba, pb, f, NULL, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, NULL, f, NULL, 0),
                  kvImageNullPointerArgument);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, (CVPixelBufferRef)(void *)rgb, f,
                                                   NULL, 0),
                  kvImageInvalidImageObject);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, pb, f, NULL, kvImageEdgeExtend),
                  kvImageUnknownFlagsBit);
    vImageCVImageFormatRef bgra =
        vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, NULL, rgb, 0);
    CHECK_EQ_LONG(vImageBuffer_CopyToCVPixelBuffer(&src, &rgba, pb, bgra, NULL, 0),
                  kvImageInvalidCVImageFormat);
    vImageCVImageFormat_Release(bgra);
    CVPixelBufferLockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);
    CHECK(near(y[0], 16 + 219 * Y));
    CVPixelBufferUnlockBaseAddress(pb, kCVPixelBufferLock_ReadOnly);

    free(src.data);
    vImageCVImageFormat_Release(f);
    CVPixelBufferRelease(pb);
}

/* CG → CG: exact swizzle, and straight alpha flattened over a background. */
static void cg_to_cg(CGColorSpaceRef rgb) {
    vImage_CGImageFormat rgba = fmt(8, 32, kCGImageAlphaLast, NULL);
    vImage_CGImageFormat bgra =
        fmt(8, 32, kCGImageAlphaFirst | kCGBitmapByteOrder32Little, rgb);
    vImage_CGImageFormat rgb888 = fmt(8, 24, kCGImageAlphaNone, rgb);
    vImage_Error err = 1;
    vImageConverterRef swz = vImageConverter_CreateWithCGImageFormat(&rgba, &bgra, NULL, 0, &err);
    CHECK(swz != NULL && err == kvImageNoError);
    uint8_t in[3][4] = {{10, 20, 30, 40}, {1, 2, 3, 255}, {200, 100, 50, 0}};
    uint8_t out[3][4];
    vImage_Buffer s = {in, 1, 3, 12}, d = {out, 1, 3, 12};
    CHECK_EQ_LONG(vImageConvert_AnyToAny(swz, &s, &d, NULL, 0), kvImageNoError);
    int ok = 1;
    for (int i = 0; i < 3; i++)
        ok &= out[i][0] == in[i][2] && out[i][1] == in[i][1] && out[i][2] == in[i][0] &&
              out[i][3] == in[i][3];
    CHECK(ok);
    /* In place. */
    CHECK_EQ_LONG(vImageConvert_AnyToAny(swz, &s, &s, NULL, 0), kvImageNoError);
    CHECK(in[0][0] == 30 && in[0][2] == 10);
    vImageConverter_Release(swz);

    CGFloat bg[3] = {1.0, 0.5, 0.0};
    vImageConverterRef flat = vImageConverter_CreateWithCGImageFormat(&rgba, &rgb888, bg, 0, &err);
    CHECK(flat != NULL);
    uint8_t px[4] = {200, 100, 50, 64};
    uint8_t o[3];
    vImage_Buffer s1 = {px, 1, 1, 4}, d1 = {o, 1, 1, 3};
    CHECK_EQ_LONG(vImageConvert_AnyToAny(flat, &s1, &d1, NULL, 0), kvImageNoError);
    double a = 64 / 255.0;
    CHECK(near(o[0], 200 * a + 255 * (1 - a)));
    CHECK(near(o[1], 100 * a + 127.5 * (1 - a)));
    CHECK(near(o[2], 50 * a));
    vImageConverter_Release(flat);

    /* Premultiplied colour is composited as c + bg·(1 − a), and kept
     * premultiplied into another premultiplied layout. */
    vImage_CGImageFormat prgba = fmt(8, 32, kCGImageAlphaPremultipliedLast, NULL);
    vImageConverterRef pflat =
        vImageConverter_CreateWithCGImageFormat(&prgba, &rgb888, bg, 0, &err);
    uint8_t pm[4] = {50, 25, 12, 64};
    vImage_Buffer s3 = {pm, 1, 1, 4};
    CHECK_EQ_LONG(vImageConvert_AnyToAny(pflat, &s3, &d1, NULL, 0), kvImageNoError);
    CHECK(near(o[0], 50 + 255 * (1 - a)) && near(o[1], 25 + 127.5 * (1 - a)) && near(o[2], 12));
    vImageConverter_Release(pflat);
    vImage_CGImageFormat pargb = fmt(8, 32, kCGImageAlphaPremultipliedFirst, NULL);
    vImageConverterRef keep = vImageConverter_CreateWithCGImageFormat(&prgba, &pargb, NULL, 0, &err);
    uint8_t k[4];
    vImage_Buffer d3 = {k, 1, 1, 4};
    CHECK_EQ_LONG(vImageConvert_AnyToAny(keep, &s3, &d3, NULL, 0), kvImageNoError);
    CHECK(k[0] == 64 && k[1] == 50 && k[2] == 25 && k[3] == 12);
    vImageConverter_Release(keep);

    /* Unsupported and invalid layouts. */
    /* 8-bit gray + alpha has no conversion; float ARGB has one. */
    CGColorSpaceRef gray = CGColorSpaceCreateDeviceGray();
    vImage_CGImageFormat ga = fmt(8, 16, kCGImageAlphaFirst, gray);
    CHECK(vImageConverter_CreateWithCGImageFormat(&rgba, &ga, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageUnsupportedConversion);
    CGColorSpaceRelease(gray);
    vImage_CGImageFormat argbf =
        fmt(32, 128, kCGBitmapFloatComponents | kCGBitmapByteOrder32Host | kCGImageAlphaFirst, NULL);
    vImageConverterRef tof = vImageConverter_CreateWithCGImageFormat(&rgba, &argbf, NULL, 0, &err);
    CHECK(tof != NULL);
    uint8_t one[4] = {51, 102, 204, 255};
    float fo[4];
    vImage_Buffer s2 = {one, 1, 1, 4}, d2 = {fo, 1, 1, 16};
    CHECK_EQ_LONG(vImageConvert_AnyToAny(tof, &s2, &d2, NULL, 0), kvImageNoError);
    CHECK(fo[0] == 1.0f && fabsf(fo[1] - 0.2f) < 1e-6f && fabsf(fo[3] - 0.8f) < 1e-6f);
    vImageConverter_Release(tof);
    vImage_CGImageFormat broken = rgba;
    broken.bitsPerPixel = 24;
    CHECK(vImageConverter_CreateWithCGImageFormat(&broken, &rgba, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageInvalidImageFormat);
    CHECK(vImageConverter_CreateWithCGImageFormat(NULL, &rgba, NULL, 0, NULL) == NULL);
    CHECK(vImageConverter_CreateWithCGImageFormat(&rgba, &rgba, NULL, kvImageHighQualityResampling,
                                                  &err) == NULL);
    CHECK_EQ_LONG(err, kvImageUnknownFlagsBit);
}

/* CV formats without a conversion, and straight CV alpha into an opaque
 * CG layout (flattened over black unless the hint says opaque). */
static void cv_edges(CGColorSpaceRef rgb) {
    vImage_CGImageFormat argb = fmt(8, 32, kCGImageAlphaNoneSkipFirst, rgb);
    vImage_Error err;
    vImageCVImageFormatRef idx =
        vImageCVImageFormat_Create(kCVPixelFormatType_8Indexed, NULL, NULL, rgb, 0);
    CHECK(vImageConverter_CreateForCVToCGImageFormat(idx, &argb, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageUnsupportedConversion);
    vImageCVImageFormat_Release(idx);
    CHECK(vImageConverter_CreateForCVToCGImageFormat(NULL, &argb, NULL, 0, &err) == NULL);
    CHECK_EQ_LONG(err, kvImageInvalidCVImageFormat);

    CVPixelBufferRef pb = make(kCVPixelFormatType_32BGRA, 2, 1);
    CVPixelBufferLockBaseAddress(pb, 0);
    uint8_t *b = CVPixelBufferGetBaseAddress(pb);
    uint8_t px[8] = {10, 20, 30, 128, 40, 50, 60, 255};
    memcpy(b, px, 8);
    CVPixelBufferUnlockBaseAddress(pb, 0);
    vImageCVImageFormatRef f = vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, NULL,
                                                          rgb, 0);
    uint8_t mem[8];
    vImage_Buffer out = {mem, 1, 2, 8};
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, pb, f, NULL, kvImageNoAllocate),
                  kvImageNoError);
    double a = 128 / 255.0;
    CHECK(mem[0] == 255 && near(mem[1], 30 * a) && near(mem[3], 10 * a));
    CHECK(mem[4] == 255 && mem[5] == 60 && mem[7] == 40);
    vImageCVImageFormat_SetAlphaHint(f, 1);
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, pb, f, NULL, kvImageNoAllocate),
                  kvImageNoError);
    CHECK(mem[0] == 255 && mem[1] == 30 && mem[3] == 10);
    /* kvImageNoAllocate with the wrong size, and other errors. */
    vImage_Buffer wrong = {mem, 1, 1, 8};
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&wrong, &argb, pb, f, NULL,
                                                     kvImageNoAllocate),
                  kvImageBufferSizeMismatch);
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(NULL, &argb, pb, f, NULL, 0),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, NULL, pb, f, NULL, 0),
                  kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, NULL, f, NULL, 0),
                  kvImageInvalidImageObject);
    CHECK_EQ_LONG(vImageBuffer_InitWithCVPixelBuffer(&out, &argb, pb,
                                                     (vImageCVImageFormatRef)(void *)rgb, NULL, 0),
                  kvImageInvalidCVImageFormat);
    CHECK(out.data == mem && out.width == 2);
    vImageCVImageFormat_Release(f);
    CVPixelBufferRelease(pb);
}

int main(void) {
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    ycbcr_to_rgb(rgb);
    rgb_to_ycbcr(rgb);
    cg_to_cg(rgb);
    cv_edges(rgb);
    CHECK_EQ_LONG(CFGetRetainCount(rgb), 1);
    CGColorSpaceRelease(rgb);
    return pp_finish("vimage_converter");
}
