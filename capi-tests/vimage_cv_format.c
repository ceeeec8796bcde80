/* vImageCVImageFormat: creation (from scratch and from a pixel buffer's
 * attachments), copy, retain/release, every getter and setter, user data
 * callbacks, NULL and wrong-type arguments, and the CF type. */
#include <Accelerate/Accelerate.h>
#include <CoreVideo/CoreVideo.h>

#include "pp_cf.h"

static int released_count;
static void *released_data;
static vImageCVImageFormatRef released_fmt;

static void on_release(vImageCVImageFormatRef fmt, void *data) {
    released_count++;
    released_data = data;
    released_fmt = fmt;
}

static const vImage_ARGBToYpCbCrMatrix m601 = {0.299f, 0.587f, 0.114f, -0.168736f, -0.331264f,
                                               0.5f,   -0.418688f, -0.081312f};

static size_t count_names(const vImageBufferTypeCode *n) {
    size_t i = 0;
    while (n[i] != kvImageBufferTypeCode_EndOfList) i++;
    return i;
}

static void create_from_scratch(CGColorSpaceRef rgb, CGColorSpaceRef gray) {
    vImageCVImageFormatRef f = vImageCVImageFormat_Create(
        kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange, &m601,
        kCVImageBufferChromaLocation_Center, rgb, 0);
    CHECK(f != NULL);
    CHECK_EQ_LONG(vImageCVImageFormat_GetFormatCode(f),
                  kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange);
    CHECK_EQ_LONG(vImageCVImageFormat_GetChannelCount(f), 3);
    const vImageBufferTypeCode *names = vImageCVImageFormat_GetChannelNames(f);
    CHECK(names != NULL && count_names(names) == 3);
    CHECK(names[0] == kvImageBufferTypeCode_Luminance && names[1] == kvImageBufferTypeCode_Cb &&
          names[2] == kvImageBufferTypeCode_Cr);
    CHECK(vImageCVImageFormat_GetColorSpace(f) == rgb); /* +0, the same object */
    CHECK(CFEqual(vImageCVImageFormat_GetChromaSiting(f), kCVImageBufferChromaLocation_Center));
    vImageMatrixType type = 99;
    const vImage_ARGBToYpCbCrMatrix *m = vImageCVImageFormat_GetConversionMatrix(f, &type);
    CHECK(m != NULL && type == kvImageMatrixType_ARGBToYpCbCrMatrix);
    CHECK(m != NULL && m->R_Yp == m601.R_Yp && m->B_Cr == m601.B_Cr);
    CHECK_EQ_LONG(vImageCVImageFormat_GetAlphaHint(f), 1); /* no alpha: opaque */
    const vImageChannelDescription *luma =
        vImageCVImageFormat_GetChannelDescription(f, kvImageBufferTypeCode_Luminance);
    CHECK(luma != NULL && luma->min == 16 && luma->zero == 16 && luma->full == 235 &&
          luma->max == 235);
    const vImageChannelDescription *cb =
        vImageCVImageFormat_GetChannelDescription(f, kvImageBufferTypeCode_Cb);
    CHECK(cb != NULL && cb->zero == 128 && cb->full == 240);
    CHECK(vImageCVImageFormat_GetChannelDescription(f, kvImageBufferTypeCode_Alpha) == NULL);

    /* Setters. */
    CHECK_EQ_LONG(vImageCVImageFormat_SetChromaSiting(f, CFSTR("Left")), kvImageNoError);
    CHECK(vImageCVImageFormat_GetChromaSiting(f) == kCVImageBufferChromaLocation_Left);
    CHECK_EQ_LONG(vImageCVImageFormat_SetChromaSiting(f, CFSTR("Middle")),
                  kvImageInvalidParameter);
    CHECK(vImageCVImageFormat_GetChromaSiting(f) == kCVImageBufferChromaLocation_Left);
    CHECK_EQ_LONG(vImageCVImageFormat_SetChromaSiting(f, NULL), kvImageNoError);
    CHECK(vImageCVImageFormat_GetChromaSiting(f) == NULL);

    CHECK_EQ_LONG(vImageCVImageFormat_SetColorSpace(f, gray), kvImageInvalidParameter);
    CHECK(vImageCVImageFormat_GetColorSpace(f) == rgb);
    CFIndex before = CFGetRetainCount(rgb);
    CHECK_EQ_LONG(vImageCVImageFormat_SetColorSpace(f, NULL), kvImageNoError);
    CHECK_EQ_LONG(CFGetRetainCount(rgb), before - 1);
    CHECK(vImageCVImageFormat_GetColorSpace(f) == NULL);
    CHECK_EQ_LONG(vImageCVImageFormat_SetColorSpace(f, rgb), kvImageNoError);
    CHECK_EQ_LONG(CFGetRetainCount(rgb), before);

    vImage_ARGBToYpCbCrMatrix singular = {0};
    CHECK_EQ_LONG(vImageCVImageFormat_CopyConversionMatrix(
                      f, &singular, kvImageMatrixType_ARGBToYpCbCrMatrix),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageCVImageFormat_CopyConversionMatrix(f, &m601, kvImageMatrixType_None),
                  kvImageInvalidParameter);
    vImage_ARGBToYpCbCrMatrix m709 = {0.2126f, 0.7152f, 0.0722f, -0.114572f, -0.385428f,
                                      0.5f,    -0.454153f, -0.045847f};
    CHECK_EQ_LONG(vImageCVImageFormat_CopyConversionMatrix(
                      f, &m709, kvImageMatrixType_ARGBToYpCbCrMatrix),
                  kvImageNoError);
    m = vImageCVImageFormat_GetConversionMatrix(f, NULL);
    CHECK(m != NULL && m != &m709 && m->R_Yp == 0.2126f);

    vImageChannelDescription d = {1, 2, 3, 4};
    CHECK_EQ_LONG(vImageCVImageFormat_CopyChannelDescription(f, &d, kvImageBufferTypeCode_Cr),
                  kvImageNoError);
    const vImageChannelDescription *cr =
        vImageCVImageFormat_GetChannelDescription(f, kvImageBufferTypeCode_Cr);
    CHECK(cr != NULL && cr->min == 1 && cr->max == 4);
    CHECK_EQ_LONG(vImageCVImageFormat_CopyChannelDescription(f, &d, kvImageBufferTypeCode_Alpha),
                  kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageCVImageFormat_CopyChannelDescription(f, NULL, kvImageBufferTypeCode_Cr),
                  kvImageNullPointerArgument);

    /* User data: the previous callback runs on replacement, the current one
     * at destruction, with the format and the pointer. */
    int a = 1, b = 2;
    CHECK(vImageCVImageFormat_GetUserData(f) == NULL);
    CHECK_EQ_LONG(vImageCVImageFormat_SetUserData(f, &a, on_release), kvImageNoError);
    CHECK(vImageCVImageFormat_GetUserData(f) == &a);
    CHECK_EQ_LONG(vImageCVImageFormat_SetUserData(f, &b, on_release), kvImageNoError);
    CHECK(released_count == 1 && released_data == &a && released_fmt == f);

    /* Copy: deep, no user data. */
    vImageCVImageFormatRef c = vImageCVImageFormat_Copy(f);
    CHECK(c != NULL && c != f);
    CHECK(vImageCVImageFormat_GetUserData(c) == NULL);
    CHECK(vImageCVImageFormat_GetColorSpace(c) == rgb);
    CHECK(vImageCVImageFormat_GetConversionMatrix(c, NULL) != m);
    cr = vImageCVImageFormat_GetChannelDescription(c, kvImageBufferTypeCode_Cr);
    CHECK(cr != NULL && cr->full == 3);
    vImageCVImageFormat_Release(c);
    CHECK(released_count == 1);

    /* Retain/Release and the CF type. */
    CHECK(CFGetTypeID(f) != CGColorSpaceGetTypeID());
    vImageCVImageFormat_Retain(f);
    CHECK_EQ_LONG(CFGetRetainCount(f), 2);
    vImageCVImageFormat_Release(f);
    CHECK(released_count == 1);
    vImageCVImageFormat_Release(f);
    CHECK(released_count == 2 && released_data == &b);
}

static void alpha_and_other_formats(CGColorSpaceRef rgb, CGColorSpaceRef gray) {
    vImageCVImageFormatRef f =
        vImageCVImageFormat_Create(kCVPixelFormatType_32RGBA, NULL, NULL, NULL, 0);
    CHECK(f != NULL);
    CHECK_EQ_LONG(vImageCVImageFormat_GetChannelCount(f), 4); /* documented: RGBA → 4 */
    const vImageBufferTypeCode *n = vImageCVImageFormat_GetChannelNames(f);
    CHECK(n[0] == kvImageBufferTypeCode_RGB_Red && n[3] == kvImageBufferTypeCode_Alpha &&
          n[4] == 0);
    CHECK_EQ_LONG(vImageCVImageFormat_GetAlphaHint(f), 0);
    CHECK_EQ_LONG(vImageCVImageFormat_SetAlphaHint(f, 2), kvImageNoError);
    CHECK(vImageCVImageFormat_GetAlphaHint(f) != 0);
    vImageMatrixType t = 99;
    CHECK(vImageCVImageFormat_GetConversionMatrix(f, &t) == NULL && t == kvImageMatrixType_None);
    CHECK(vImageCVImageFormat_GetColorSpace(f) == NULL);
    vImageCVImageFormat_Release(f);

    f = vImageCVImageFormat_Create(kCVPixelFormatType_422YpCbCr8_yuvs, NULL, NULL, NULL, 0);
    CHECK_EQ_LONG(vImageCVImageFormat_GetChannelCount(f), 3); /* documented: 'yuvs' → 3 */
    vImageCVImageFormat_Release(f);

    f = vImageCVImageFormat_Create(kCVPixelFormatType_OneComponent8, NULL, NULL, gray, 0);
    CHECK(f != NULL && vImageCVImageFormat_GetChannelCount(f) == 1);
    CHECK_EQ_LONG(vImageCVImageFormat_SetColorSpace(f, rgb), kvImageInvalidParameter);
    vImageCVImageFormat_Release(f);

    /* Indexed formats are described (not converted). */
    f = vImageCVImageFormat_Create(kCVPixelFormatType_8Indexed, NULL, NULL, NULL, 0);
    CHECK(f != NULL && vImageCVImageFormat_GetChannelNames(f)[0] == kvImageBufferTypeCode_Indexed);
    vImageCVImageFormat_Release(f);

    /* Failures: unknown 4CC, bad siting, wrong-model space, singular matrix. */
    CHECK(vImageCVImageFormat_Create('zzzz', NULL, NULL, NULL, 0) == NULL);
    CHECK(vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, CFSTR("x"), NULL, 0) == NULL);
    CHECK(vImageCVImageFormat_Create(kCVPixelFormatType_32BGRA, NULL, NULL, gray, 0) == NULL);
    vImage_ARGBToYpCbCrMatrix zero = {0};
    CHECK(vImageCVImageFormat_Create(kCVPixelFormatType_420YpCbCr8Planar, &zero, NULL, NULL, 0) ==
          NULL);
}

static void from_pixel_buffer(void) {
    CVPixelBufferRef pb = NULL;
    CHECK(CVPixelBufferCreate(NULL, 16, 8, kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, NULL,
                              &pb) == kCVReturnSuccess);
    vImageCVImageFormatRef f = vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    CHECK(f != NULL);
    CHECK(vImageCVImageFormat_GetColorSpace(f) == NULL);
    CHECK(vImageCVImageFormat_GetChromaSiting(f) == NULL);
    CHECK(vImageCVImageFormat_GetConversionMatrix(f, NULL) == NULL);
    const vImageChannelDescription *luma =
        vImageCVImageFormat_GetChannelDescription(f, kvImageBufferTypeCode_Luminance);
    CHECK(luma != NULL && luma->min == 0 && luma->max == 255);
    vImageCVImageFormat_Release(f);

    CVBufferSetAttachment(pb, kCVImageBufferYCbCrMatrixKey, kCVImageBufferYCbCrMatrix_ITU_R_601_4,
                          kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, kCVImageBufferChromaLocationTopFieldKey,
                          kCVImageBufferChromaLocation_Left, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, kCVImageBufferColorPrimariesKey,
                          kCVImageBufferColorPrimaries_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, kCVImageBufferTransferFunctionKey,
                          kCVImageBufferTransferFunction_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    f = vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    CHECK(f != NULL);
    CHECK(vImageCVImageFormat_GetChromaSiting(f) == kCVImageBufferChromaLocation_Left);
    const vImage_ARGBToYpCbCrMatrix *m = vImageCVImageFormat_GetConversionMatrix(f, NULL);
    CHECK(m != NULL && m->R_Yp > 0.2989f && m->R_Yp < 0.2991f && m->B_Yp > 0.1139f);
    CGColorSpaceRef space = vImageCVImageFormat_GetColorSpace(f);
    CHECK(space != NULL && CGColorSpaceGetModel(space) == kCGColorSpaceModelRGB);
    vImageCVImageFormat_Release(f);
    CVPixelBufferRelease(pb);
}

static void null_and_wrong_types(CGColorSpaceRef rgb) {
    vImageCVImageFormatRef bogus = (vImageCVImageFormatRef)(void *)rgb;
    CHECK(vImageCVImageFormat_CreateWithCVPixelBuffer(NULL) == NULL);
    CHECK(vImageCVImageFormat_CreateWithCVPixelBuffer((CVPixelBufferRef)(void *)rgb) == NULL);
    CHECK(vImageCVImageFormat_Copy(NULL) == NULL);
    CHECK(vImageCVImageFormat_Copy(bogus) == NULL);
    vImageCVImageFormat_Retain(NULL);
    vImageCVImageFormat_Release(NULL);
    vImageCVImageFormat_Release(bogus); /* not a format: untouched */
    CHECK_EQ_LONG(vImageCVImageFormat_GetFormatCode(NULL), 0);
    CHECK_EQ_LONG(vImageCVImageFormat_GetChannelCount(bogus), 0);
    CHECK(vImageCVImageFormat_GetChannelNames(NULL) == NULL);
    CHECK(vImageCVImageFormat_GetColorSpace(NULL) == NULL);
    CHECK(vImageCVImageFormat_GetChromaSiting(NULL) == NULL);
    CHECK(vImageCVImageFormat_GetConversionMatrix(NULL, NULL) == NULL);
    CHECK(vImageCVImageFormat_GetChannelDescription(NULL, 1) == NULL);
    CHECK(vImageCVImageFormat_GetUserData(NULL) == NULL);
    CHECK_EQ_LONG(vImageCVImageFormat_GetAlphaHint(NULL), 0);
    CHECK_EQ_LONG(vImageCVImageFormat_SetColorSpace(NULL, rgb), kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageCVImageFormat_SetChromaSiting(bogus, NULL), kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageCVImageFormat_SetAlphaHint(NULL, 1), kvImageInvalidParameter);
    CHECK_EQ_LONG(vImageCVImageFormat_SetUserData(NULL, NULL, NULL), kvImageInvalidImageFormat);
    CHECK_EQ_LONG(vImageCVImageFormat_CopyConversionMatrix(NULL, &m601,
                                                           kvImageMatrixType_ARGBToYpCbCrMatrix),
                  kvImageInvalidImageFormat);
    vImageChannelDescription d = {0, 0, 1, 1};
    CHECK_EQ_LONG(vImageCVImageFormat_CopyChannelDescription(NULL, &d, 1),
                  kvImageInvalidParameter);
    CHECK(CFGetRetainCount(rgb) == 1);
}

int main(void) {
    CGColorSpaceRef rgb = CGColorSpaceCreateDeviceRGB();
    CGColorSpaceRef gray = CGColorSpaceCreateDeviceGray();
    create_from_scratch(rgb, gray);
    alpha_and_other_formats(rgb, gray);
    from_pixel_buffer();
    null_and_wrong_types(rgb);
    CHECK_EQ_LONG(CFGetRetainCount(rgb), 1);
    CGColorSpaceRelease(rgb);
    CGColorSpaceRelease(gray);
    return pp_finish("vimage_cv_format");
}
