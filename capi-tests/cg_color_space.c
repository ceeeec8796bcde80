/* CGColorSpace: every exported function, every kCGColorSpace name constant
 * (strings written here from vimage-core.md §10: each is its identifier),
 * ownership (+1 Create/Copy, +0 Get), NULL and wrong-type arguments,
 * CFEqual/CFHash/description; and the two CoreVideo functions that return
 * colour spaces: CVImageBufferCreateColorSpaceFromAttachments for each
 * mapping and the insufficient cases, CVImageBufferGetColorSpace with an
 * explicit CGColorSpace attachment and with colour attachments. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreGraphics/CoreGraphics.h>
#include <CoreVideo/CoreVideo.h>

#include "pp_cf.h"

enum { RGB = 1, GRAY = 0, CMYK = 2, LAB = 3, XYZ = 7 };

struct named_space {
    const char *name;
    CFStringRef constant;
    const char *text;
    CGColorSpaceModel model;
    size_t components;
    bool wide;
    bool hdr;
    bool output;
};

#define SPACE(c, text, model, n, wide, hdr, out) {#c, c, text, model, n, wide, hdr, out}

static void check_named_spaces(const struct named_space *table, size_t n);

static void test_named_spaces(void) {
    /* Not static: the constants are not compile-time constants in C. */
    const struct named_space table[] = {
        SPACE(kCGColorSpaceSRGB, "kCGColorSpaceSRGB", RGB, 3, false, false, true),
        SPACE(kCGColorSpaceLinearSRGB, "kCGColorSpaceLinearSRGB", RGB, 3, false, false, true),
        SPACE(kCGColorSpaceExtendedSRGB, "kCGColorSpaceExtendedSRGB", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceExtendedLinearSRGB, "kCGColorSpaceExtendedLinearSRGB", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceDisplayP3, "kCGColorSpaceDisplayP3", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceLinearDisplayP3, "kCGColorSpaceLinearDisplayP3", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceExtendedDisplayP3, "kCGColorSpaceExtendedDisplayP3", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceExtendedLinearDisplayP3, "kCGColorSpaceExtendedLinearDisplayP3", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceDisplayP3_PQ_EOTF, "kCGColorSpaceDisplayP3_PQ_EOTF", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceDisplayP3_PQ, "kCGColorSpaceDisplayP3_PQ", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceDisplayP3_HLG, "kCGColorSpaceDisplayP3_HLG", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceDCIP3, "kCGColorSpaceDCIP3", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceITUR_709, "kCGColorSpaceITUR_709", RGB, 3, false, false, true),
        SPACE(kCGColorSpaceITUR_2020, "kCGColorSpaceITUR_2020", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceLinearITUR_2020, "kCGColorSpaceLinearITUR_2020", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceExtendedITUR_2020, "kCGColorSpaceExtendedITUR_2020", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceExtendedLinearITUR_2020, "kCGColorSpaceExtendedLinearITUR_2020", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceITUR_2020_PQ_EOTF, "kCGColorSpaceITUR_2020_PQ_EOTF", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceITUR_2020_PQ, "kCGColorSpaceITUR_2020_PQ", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceITUR_2100_PQ, "kCGColorSpaceITUR_2100_PQ", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceITUR_2020_HLG, "kCGColorSpaceITUR_2020_HLG", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceITUR_2100_HLG, "kCGColorSpaceITUR_2100_HLG", RGB, 3, true, true, true),
        SPACE(kCGColorSpaceAdobeRGB1998, "kCGColorSpaceAdobeRGB1998", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceROMMRGB, "kCGColorSpaceROMMRGB", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceACESCGLinear, "kCGColorSpaceACESCGLinear", RGB, 3, true, false, true),
        SPACE(kCGColorSpaceGenericRGB, "kCGColorSpaceGenericRGB", RGB, 3, false, false, true),
        SPACE(kCGColorSpaceGenericRGBLinear, "kCGColorSpaceGenericRGBLinear", RGB, 3, false, false, true),
        SPACE(kCGColorSpaceGenericGray, "kCGColorSpaceGenericGray", GRAY, 1, false, false, true),
        SPACE(kCGColorSpaceGenericGrayGamma2_2, "kCGColorSpaceGenericGrayGamma2_2", GRAY, 1, false, false, true),
        SPACE(kCGColorSpaceLinearGray, "kCGColorSpaceLinearGray", GRAY, 1, false, false, true),
        SPACE(kCGColorSpaceExtendedGray, "kCGColorSpaceExtendedGray", GRAY, 1, false, false, true),
        SPACE(kCGColorSpaceExtendedLinearGray, "kCGColorSpaceExtendedLinearGray", GRAY, 1, false, false, true),
        SPACE(kCGColorSpaceGenericCMYK, "kCGColorSpaceGenericCMYK", CMYK, 4, false, false, true),
        SPACE(kCGColorSpaceGenericXYZ, "kCGColorSpaceGenericXYZ", XYZ, 3, false, false, false),
        SPACE(kCGColorSpaceGenericLab, "kCGColorSpaceGenericLab", LAB, 3, false, false, false),
    };
    size_t n = sizeof table / sizeof table[0];
    check_named_spaces(table, n);
}

/* The name of `space` is the C string `want` (NULL: no name). */
static int has_name(CGColorSpaceRef space, const char *want) {
    CFStringRef name = CGColorSpaceGetName(space);
    if (want == NULL) return name == NULL;
    CFStringRef expected = pp_str(want);
    int ok = name != NULL && CFEqual(name, expected);
    CFRelease(expected);
    return ok;
}

static void test_model_values(void) {
    CHECK_EQ_LONG(kCGColorSpaceModelUnknown, -1);
    CHECK_EQ_LONG(kCGColorSpaceModelMonochrome, GRAY);
    CHECK_EQ_LONG(kCGColorSpaceModelRGB, RGB);
    CHECK_EQ_LONG(kCGColorSpaceModelCMYK, CMYK);
    CHECK_EQ_LONG(kCGColorSpaceModelLab, LAB);
    CHECK_EQ_LONG(kCGColorSpaceModelXYZ, XYZ);
}

static void test_device_spaces(void) {
    struct {
        CGColorSpaceRef space;
        const char *name;
        CGColorSpaceModel model;
        size_t components;
    } cases[] = {
        {CGColorSpaceCreateDeviceRGB(), "kCGColorSpaceDeviceRGB", kCGColorSpaceModelRGB, 3},
        {CGColorSpaceCreateDeviceGray(), "kCGColorSpaceDeviceGray", kCGColorSpaceModelMonochrome, 1},
        {CGColorSpaceCreateDeviceCMYK(), "kCGColorSpaceDeviceCMYK", kCGColorSpaceModelCMYK, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CGColorSpaceRef s = cases[i].space;
        CHECK(s != NULL);
        CHECK(CFGetTypeID(s) == CGColorSpaceGetTypeID());
        CHECK_EQ_LONG(CFGetRetainCount(s), 1); /* Create is +1 */
        CHECK_EQ_LONG(CGColorSpaceGetModel(s), cases[i].model);
        CHECK_EQ_LONG(CGColorSpaceGetNumberOfComponents(s), cases[i].components);
        CHECK(has_name(s, cases[i].name));
        CHECK(!CGColorSpaceIsWideGamutRGB(s));
        CHECK(CGColorSpaceSupportsOutput(s));
        CHECK(!CGColorSpaceIsHDR(s));
        CHECK(CGColorSpaceGetBaseColorSpace(s) == NULL);

        /* The name round-trips through CreateWithName. */
        CGColorSpaceRef again = CGColorSpaceCreateWithName(CGColorSpaceGetName(s));
        CHECK(again != NULL && again != s);
        CHECK(CFEqual(again, s));
        CHECK(CFHash(again) == CFHash(s));
        CGColorSpaceRelease(again);

        /* Retain returns its argument and counts. */
        CHECK(CGColorSpaceRetain(s) == s);
        CHECK_EQ_LONG(CFGetRetainCount(s), 2);
        CGColorSpaceRelease(s);
        CHECK_EQ_LONG(CFGetRetainCount(s), 1);
        CGColorSpaceRelease(s);
    }

    /* Device RGB is sRGB underneath, but a different (named) space. */
    CGColorSpaceRef device = CGColorSpaceCreateDeviceRGB();
    CGColorSpaceRef srgb = CGColorSpaceCreateWithName(kCGColorSpaceSRGB);
    CHECK(!CFEqual(device, srgb));
    CGColorSpaceRelease(device);
    CGColorSpaceRelease(srgb);
}

static void check_named_spaces(const struct named_space *table, size_t n) {
    CHECK_EQ_LONG(n, 35);

    /* Every constant is an immortal CFString with its identifier's text. */
    struct pp_string_constant constants[64];
    for (size_t i = 0; i < n; i++) {
        constants[i].name = table[i].name;
        constants[i].constant = table[i].constant;
        constants[i].expected = table[i].text;
    }
    pp_check_string_constants(constants, n);

    for (size_t i = 0; i < n; i++) {
        const struct named_space *e = &table[i];
        CGColorSpaceRef s = CGColorSpaceCreateWithName(e->constant);
        CHECK(s != NULL);
        if (s == NULL) {
            fprintf(stderr, "no space for %s\n", e->name);
            continue;
        }
        CHECK_EQ_LONG(CFGetRetainCount(s), 1);
        CHECK(CFGetTypeID(s) == CGColorSpaceGetTypeID());
        CHECK_EQ_LONG(CGColorSpaceGetModel(s), e->model);
        CHECK_EQ_LONG(CGColorSpaceGetNumberOfComponents(s), e->components);
        if (CGColorSpaceIsWideGamutRGB(s) != e->wide || CGColorSpaceIsHDR(s) != e->hdr ||
            CGColorSpaceSupportsOutput(s) != e->output) {
            fprintf(stderr, "%s: wide/hdr/output differ\n", e->name);
        }
        CHECK(CGColorSpaceIsWideGamutRGB(s) == e->wide);
        CHECK(CGColorSpaceIsHDR(s) == e->hdr);
        CHECK(CGColorSpaceSupportsOutput(s) == e->output);
        CHECK(CGColorSpaceGetBaseColorSpace(s) == NULL);

        /* GetName is +0 and the exported constant itself. */
        CHECK(CGColorSpaceGetName(s) == e->constant);
        /* CopyName is +1 (of an immortal string: releasing it is harmless). */
        CFStringRef copied = CGColorSpaceCopyName(s);
        CHECK(copied != NULL && CFEqual(copied, e->constant));
        CHECK(CFGetRetainCount(copied) > 1000000);
        CFRelease(copied);

        /* A created string with the same text names the same space. */
        CFStringRef made = pp_str(e->text);
        CGColorSpaceRef by_text = CGColorSpaceCreateWithName(made);
        CHECK(by_text != NULL && by_text != s);
        CHECK(CFEqual(by_text, s) && CFHash(by_text) == CFHash(s));
        CGColorSpaceRelease(by_text);
        CFRelease(made);

        /* Different names are different spaces, even with equal colorimetry. */
        if (i > 0) {
            CGColorSpaceRef prev = CGColorSpaceCreateWithName(table[i - 1].constant);
            CHECK(!CFEqual(prev, s));
            CGColorSpaceRelease(prev);
        }
        CGColorSpaceRelease(s);
    }

    /* CFSTR literals work (compile-time literals under clang). */
    CGColorSpaceRef p3 = CGColorSpaceCreateWithName(CFSTR("kCGColorSpaceDisplayP3"));
    CHECK(p3 != NULL && has_name(p3, "kCGColorSpaceDisplayP3"));
    CHECK(CGColorSpaceGetName(p3) == kCGColorSpaceDisplayP3);
    CGColorSpaceRelease(p3);

    /* Unknown, NULL and non-string names. */
    CHECK(CGColorSpaceCreateWithName(NULL) == NULL);
    CHECK(CGColorSpaceCreateWithName(CFSTR("kCGColorSpaceNonsense")) == NULL);
    CHECK(CGColorSpaceCreateWithName(CFSTR("kcgcolorspacesrgb")) == NULL);
    CHECK(CGColorSpaceCreateWithName(CFSTR("")) == NULL);
    CHECK(CGColorSpaceCreateWithName((CFStringRef)kCFBooleanTrue) == NULL);
}

static void test_description_and_type(void) {
    CGColorSpaceRef s = CGColorSpaceCreateWithName(kCGColorSpaceExtendedSRGB);
    CHECK(pp_description_contains(s, "<CGColorSpace 0x"));
    CHECK(pp_description_contains(s, "> (kCGColorSpaceExtendedSRGB; kCGColorSpaceModelRGB; "));
    CHECK(pp_description_contains(s, "extended range)"));
    CFStringRef type = CFCopyTypeIDDescription(CGColorSpaceGetTypeID());
    CHECK_STR(type, "CGColorSpace");
    CFRelease(type);
    CHECK(CGColorSpaceGetTypeID() != CFStringGetTypeID());
    CHECK(CGColorSpaceGetTypeID() != CVPixelBufferGetTypeID());
    CGColorSpaceRelease(s);

    CGColorSpaceRef cmyk = CGColorSpaceCreateDeviceCMYK();
    CHECK(pp_description_contains(cmyk, "(kCGColorSpaceDeviceCMYK; kCGColorSpaceModelCMYK)"));
    CGColorSpaceRelease(cmyk);
}

static void test_null_and_wrong_type(void) {
    CFStringRef not_space = pp_str("kCGColorSpaceSRGB");
    CGColorSpaceRef wrong = (CGColorSpaceRef)not_space;
    CGColorSpaceRef args[] = {NULL, wrong};
    for (size_t i = 0; i < 2; i++) {
        CGColorSpaceRef s = args[i];
        CHECK_EQ_LONG(CGColorSpaceGetNumberOfComponents(s), 0);
        CHECK_EQ_LONG(CGColorSpaceGetModel(s), kCGColorSpaceModelUnknown);
        CHECK(CGColorSpaceGetName(s) == NULL);
        CHECK(CGColorSpaceCopyName(s) == NULL);
        CHECK(!CGColorSpaceIsWideGamutRGB(s));
        CHECK(!CGColorSpaceSupportsOutput(s));
        CHECK(!CGColorSpaceIsHDR(s));
        CHECK(CGColorSpaceGetBaseColorSpace(s) == NULL);
    }
    /* Retain/Release accept NULL (Apple's are NULL-safe too). */
    CHECK(CGColorSpaceRetain(NULL) == NULL);
    CGColorSpaceRelease(NULL);
    CHECK_EQ_LONG(CFGetRetainCount(not_space), 1);
    CFRelease(not_space);
}

/* ---- CVImageBufferCreateColorSpaceFromAttachments ---- */

static CFDictionaryRef attachments(CFStringRef primaries, CFStringRef transfer, CFTypeRef gamma,
                                   CFTypeRef icc) {
    const void *keys[4];
    const void *values[4];
    CFIndex n = 0;
    if (primaries) { keys[n] = kCVImageBufferColorPrimariesKey; values[n++] = primaries; }
    if (transfer) { keys[n] = kCVImageBufferTransferFunctionKey; values[n++] = transfer; }
    if (gamma) { keys[n] = kCVImageBufferGammaLevelKey; values[n++] = gamma; }
    if (icc) { keys[n] = kCVImageBufferICCProfileKey; values[n++] = icc; }
    return CFDictionaryCreate(NULL, keys, values, n, &kCFTypeDictionaryKeyCallBacks,
                              &kCFTypeDictionaryValueCallBacks);
}

/* The space for (primaries, transfer[, gamma]), checked to be RGB with the
 * given name (NULL: unnamed); returns whether one was created. */
static int from_attachments(CFStringRef primaries, CFStringRef transfer, CFTypeRef gamma,
                            const char *name) {
    CFDictionaryRef dict = attachments(primaries, transfer, gamma, NULL);
    CGColorSpaceRef s = CVImageBufferCreateColorSpaceFromAttachments(dict);
    CFRelease(dict);
    if (s == NULL) return 0;
    CHECK_EQ_LONG(CFGetRetainCount(s), 1); /* +1, not kept by anyone else */
    CHECK_EQ_LONG(CGColorSpaceGetModel(s), kCGColorSpaceModelRGB);
    CHECK_EQ_LONG(CGColorSpaceGetNumberOfComponents(s), 3);
    int ok = has_name(s, name);
    if (!ok) fprintf(stderr, "expected name %s\n", name ? name : "(none)");
    if (name) {
        /* Equal to the space created by that name. */
        CFStringRef text = pp_str(name);
        CGColorSpaceRef named = CGColorSpaceCreateWithName(text);
        CHECK(CFEqual(named, s));
        CGColorSpaceRelease(named);
        CFRelease(text);
    } else {
        CHECK(CGColorSpaceCopyName(s) == NULL);
    }
    CGColorSpaceRelease(s);
    return ok;
}

static void test_create_from_attachments(void) {
    /* The named mappings, with the exported constants. */
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_ITU_R_709_2,
                           NULL, "kCGColorSpaceITUR_709"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_sRGB, NULL,
                           "kCGColorSpaceSRGB"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_P3_D65, kCVImageBufferTransferFunction_sRGB, NULL,
                           "kCGColorSpaceDisplayP3"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ,
                           NULL, "kCGColorSpaceITUR_2100_PQ"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_ITU_R_2100_HLG,
                           NULL, "kCGColorSpaceITUR_2100_HLG"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_ITU_R_709_2,
                           NULL, "kCGColorSpaceITUR_2020"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_ITU_R_2020,
                           NULL, "kCGColorSpaceITUR_2020"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_Linear, NULL,
                           "kCGColorSpaceLinearSRGB"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_P3_D65, kCVImageBufferTransferFunction_Linear, NULL,
                           "kCGColorSpaceLinearDisplayP3"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_Linear, NULL,
                           "kCGColorSpaceLinearITUR_2020"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_P3_D65, kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ,
                           NULL, "kCGColorSpaceDisplayP3_PQ"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_P3_D65, kCVImageBufferTransferFunction_ITU_R_2100_HLG,
                           NULL, "kCGColorSpaceDisplayP3_HLG"));
    /* Literals work as well as the constants (values compare by text). */
    CHECK(from_attachments(CFSTR("ITU_R_2020"), CFSTR("SMPTE_ST_2084_PQ"), NULL, "kCGColorSpaceITUR_2100_PQ"));

    /* UseGamma takes the gamma level. */
    CFNumberRef g26 = CFNumberCreate(NULL, kCFNumberDoubleType, &(double){2.6});
    CFNumberRef g22 = CFNumberCreate(NULL, kCFNumberDoubleType, &(double){2.2});
    CFNumberRef g1 = CFNumberCreate(NULL, kCFNumberIntType, &(int){1});
    CFNumberRef g0 = CFNumberCreate(NULL, kCFNumberIntType, &(int){0});
    CHECK(from_attachments(kCVImageBufferColorPrimaries_DCI_P3, kCVImageBufferTransferFunction_UseGamma, g26,
                           "kCGColorSpaceDCIP3"));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_P3_D65, kCVImageBufferTransferFunction_UseGamma, g22, NULL));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_UseGamma, g1,
                           "kCGColorSpaceLinearSRGB"));

    /* No matching name: an unnamed RGB space. */
    CHECK(from_attachments(kCVImageBufferColorPrimaries_EBU_3213, kCVImageBufferTransferFunction_ITU_R_709_2, NULL,
                           NULL));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_SMPTE_C, kCVImageBufferTransferFunction_SMPTE_240M_1995,
                           NULL, NULL));
    CHECK(from_attachments(kCVImageBufferColorPrimaries_ITU_R_2020, kCVImageBufferTransferFunction_sRGB, NULL,
                           NULL));
    /* Unnamed spaces with the same colorimetry are equal; others are not. */
    CFDictionaryRef a = attachments(kCVImageBufferColorPrimaries_EBU_3213, kCVImageBufferTransferFunction_ITU_R_709_2,
                                    NULL, NULL);
    CFDictionaryRef b = attachments(kCVImageBufferColorPrimaries_EBU_3213, kCVImageBufferTransferFunction_ITU_R_2020,
                                    NULL, NULL);
    CFDictionaryRef c = attachments(kCVImageBufferColorPrimaries_SMPTE_C, kCVImageBufferTransferFunction_ITU_R_709_2,
                                    NULL, NULL);
    CGColorSpaceRef sa = CVImageBufferCreateColorSpaceFromAttachments(a);
    CGColorSpaceRef sb = CVImageBufferCreateColorSpaceFromAttachments(b);
    CGColorSpaceRef sc = CVImageBufferCreateColorSpaceFromAttachments(c);
    CHECK(sa && sb && sc);
    CHECK(CFEqual(sa, sb) && CFHash(sa) == CFHash(sb));
    CHECK(!CFEqual(sa, sc));
    CHECK(pp_description_contains(sa, "(unnamed; kCGColorSpaceModelRGB; primaries EBU_3213; transfer ITU_R_709_2)"));
    CGColorSpaceRelease(sa);
    CGColorSpaceRelease(sb);
    CGColorSpaceRelease(sc);
    CFRelease(a);
    CFRelease(b);
    CFRelease(c);

    /* Insufficient: NULL results. */
    CHECK(!from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, NULL, NULL, NULL));
    CHECK(!from_attachments(NULL, kCVImageBufferTransferFunction_ITU_R_709_2, NULL, NULL));
    CHECK(!from_attachments(NULL, NULL, NULL, NULL));
    CHECK(!from_attachments(CFSTR("ITU_R_709"), kCVImageBufferTransferFunction_ITU_R_709_2, NULL, NULL));
    CHECK(!from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, CFSTR("sRGB"), NULL, NULL));
    CHECK(!from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_UseGamma, NULL,
                            NULL));
    CHECK(!from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_UseGamma, g0,
                            NULL));
    CHECK(!from_attachments(kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_UseGamma,
                            CFSTR("2.2"), NULL));
    CHECK(!from_attachments((CFStringRef)g22, kCVImageBufferTransferFunction_ITU_R_709_2, NULL, NULL));

    /* An ICC profile alone is not parsed: NULL. With primaries and transfer
     * as well, those describe the space. */
    const UInt8 bytes[16] = {0};
    CFDataRef icc = CFDataCreate(NULL, bytes, sizeof bytes);
    CFDictionaryRef icc_only = attachments(NULL, NULL, NULL, icc);
    CHECK(CVImageBufferCreateColorSpaceFromAttachments(icc_only) == NULL);
    CFDictionaryRef icc_and_tags = attachments(kCVImageBufferColorPrimaries_P3_D65,
                                               kCVImageBufferTransferFunction_sRGB, NULL, icc);
    CGColorSpaceRef from_tags = CVImageBufferCreateColorSpaceFromAttachments(icc_and_tags);
    CHECK(from_tags != NULL && CGColorSpaceGetName(from_tags) == kCGColorSpaceDisplayP3);
    CGColorSpaceRelease(from_tags);
    CFRelease(icc_only);
    CFRelease(icc_and_tags);
    CFRelease(icc);

    /* NULL, non-dictionaries and non-CFType dictionaries. */
    CHECK(CVImageBufferCreateColorSpaceFromAttachments(NULL) == NULL);
    CHECK(CVImageBufferCreateColorSpaceFromAttachments((CFDictionaryRef)g22) == NULL);
    const void *k[] = {kCVImageBufferColorPrimariesKey, kCVImageBufferTransferFunctionKey};
    const void *v[] = {kCVImageBufferColorPrimaries_ITU_R_709_2, kCVImageBufferTransferFunction_sRGB};
    CFDictionaryRef plain = CFDictionaryCreate(NULL, k, v, 2, NULL, NULL);
    CHECK(CVImageBufferCreateColorSpaceFromAttachments(plain) == NULL);
    CFRelease(plain);

    CFRelease(g26);
    CFRelease(g22);
    CFRelease(g1);
    CFRelease(g0);
}

/* ---- CVImageBufferGetColorSpace ---- */

static CVPixelBufferRef new_buffer(void) {
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 8, 8, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    return pb;
}

static void test_get_color_space(void) {
    CVPixelBufferRef pb = new_buffer();
    /* No colour attachments: NULL. */
    CHECK(CVImageBufferGetColorSpace(pb) == NULL);
    /* Primaries alone are not enough. */
    CVBufferSetAttachment(pb, kCVImageBufferColorPrimariesKey, kCVImageBufferColorPrimaries_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    CHECK(CVImageBufferGetColorSpace(pb) == NULL);

    /* Primaries + transfer: a derived space, +0, the same object each call. */
    CVBufferSetAttachment(pb, kCVImageBufferTransferFunctionKey, kCVImageBufferTransferFunction_ITU_R_709_2,
                          kCVAttachmentMode_ShouldNotPropagate);
    CGColorSpaceRef s709 = CVImageBufferGetColorSpace(pb);
    CHECK(s709 != NULL);
    CHECK(CGColorSpaceGetName(s709) == kCGColorSpaceITUR_709);
    CHECK_EQ_LONG(CFGetRetainCount(s709), 1); /* held by the buffer only */
    CHECK(CVImageBufferGetColorSpace(pb) == s709);
    CHECK_EQ_LONG(CFGetRetainCount(s709), 1);

    /* The attachments change: a new space; the old one stays valid. */
    CVBufferSetAttachment(pb, kCVImageBufferColorPrimariesKey, CFSTR("P3_D65"), kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, kCVImageBufferTransferFunctionKey, CFSTR("IEC_sRGB"), kCVAttachmentMode_ShouldPropagate);
    CGColorSpaceRef p3 = CVImageBufferGetColorSpace(pb);
    CHECK(p3 != NULL && p3 != s709);
    CHECK(CGColorSpaceGetName(p3) == kCGColorSpaceDisplayP3);
    CHECK(CGColorSpaceGetName(s709) == kCGColorSpaceITUR_709);
    CHECK_EQ_LONG(CGColorSpaceGetModel(s709), kCGColorSpaceModelRGB);
    /* Back to the first colorimetry: the first object again. */
    CVBufferSetAttachment(pb, kCVImageBufferColorPrimariesKey, kCVImageBufferColorPrimaries_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, kCVImageBufferTransferFunctionKey, kCVImageBufferTransferFunction_ITU_R_709_2,
                          kCVAttachmentMode_ShouldPropagate);
    CHECK(CVImageBufferGetColorSpace(pb) == s709);

    /* UseGamma with a gamma level: an unnamed derived space. */
    CFNumberRef g = CFNumberCreate(NULL, kCFNumberDoubleType, &(double){2.2});
    CVBufferSetAttachment(pb, kCVImageBufferTransferFunctionKey, kCVImageBufferTransferFunction_UseGamma,
                          kCVAttachmentMode_ShouldPropagate);
    CHECK(CVImageBufferGetColorSpace(pb) == NULL); /* no level yet */
    CVBufferSetAttachment(pb, kCVImageBufferGammaLevelKey, g, kCVAttachmentMode_ShouldPropagate);
    CGColorSpaceRef gamma = CVImageBufferGetColorSpace(pb);
    CHECK(gamma != NULL && CGColorSpaceGetName(gamma) == NULL);
    CHECK(pp_description_contains(gamma, "transfer gamma 2.2"));
    CFRelease(g);

    /* An explicit CGColorSpace attachment wins, returned as is (+0). */
    CGColorSpaceRef explicit_space = CGColorSpaceCreateWithName(kCGColorSpaceExtendedLinearSRGB);
    CVBufferSetAttachment(pb, kCVImageBufferCGColorSpaceKey, explicit_space, kCVAttachmentMode_ShouldPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(explicit_space), 2);
    CHECK(CVImageBufferGetColorSpace(pb) == explicit_space);
    CHECK_EQ_LONG(CFGetRetainCount(explicit_space), 2);
    /* A CFSTR key finds it too, through CVBufferGetAttachment. */
    CHECK(CVBufferGetAttachment(pb, CFSTR("CGColorSpace"), NULL) == explicit_space);
    /* Removing it falls back to the colour attachments. */
    CVBufferRemoveAttachment(pb, kCVImageBufferCGColorSpaceKey);
    CHECK_EQ_LONG(CFGetRetainCount(explicit_space), 1);
    CHECK(CVImageBufferGetColorSpace(pb) == gamma);
    CGColorSpaceRelease(explicit_space);
    /* A value of another type under the key is ignored. */
    CVBufferSetAttachment(pb, kCVImageBufferCGColorSpaceKey, CFSTR("kCGColorSpaceSRGB"),
                          kCVAttachmentMode_ShouldPropagate);
    CHECK(CVImageBufferGetColorSpace(pb) == gamma);

    /* Attachments copied off the buffer give an equal (+1) space. */
    CFDictionaryRef copied = CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate);
    CGColorSpaceRef created = CVImageBufferCreateColorSpaceFromAttachments(copied);
    CHECK(created != NULL && created != gamma && CFEqual(created, gamma));
    CGColorSpaceRelease(created);
    CFRelease(copied);

    /* Removing every attachment: NULL again; spaces handed out live on
     * until the buffer goes (LeakSanitizer checks they are freed then). */
    CVBufferRemoveAllAttachments(pb);
    CHECK(CVImageBufferGetColorSpace(pb) == NULL);
    CHECK(CGColorSpaceGetName(p3) == kCGColorSpaceDisplayP3);
    CVPixelBufferRelease(pb);

    /* NULL and non-buffers. */
    CHECK(CVImageBufferGetColorSpace(NULL) == NULL);
    CGColorSpaceRef not_buffer = CGColorSpaceCreateDeviceRGB();
    CHECK(CVImageBufferGetColorSpace((CVImageBufferRef)not_buffer) == NULL);
    CGColorSpaceRelease(not_buffer);
}

int main(void) {
    test_model_values();
    test_device_spaces();
    test_named_spaces();
    test_description_and_type();
    test_null_and_wrong_type();
    test_create_from_attachments();
    test_get_color_space();
    return pp_finish("cg_color_space");
}
