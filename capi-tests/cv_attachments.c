/* CVBuffer attachments: every function, both modes and moving between them,
 * propagation, GetAttachments (empty, live) vs CopyAttachments (NULL, +1),
 * CFSTR-literal keys, retain counts of values, re-entrant release callbacks,
 * threads; and the CVImageBuffer getters: encoded size, clean rect (NTSC DV,
 * offsets, absent, malformed), display size, IsFlipped. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <math.h>
#include <pthread.h>

#include "pp_test.h"

static CFStringRef str(const char *s) { return CFStringCreateWithCString(NULL, s, kCFStringEncodingUTF8); }

static CFNumberRef dnum(double v) { return CFNumberCreate(NULL, kCFNumberDoubleType, &v); }

static CVPixelBufferRef new_buffer(size_t w, size_t h) {
    CVPixelBufferRef pb = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, w, h, kCVPixelFormatType_32BGRA, NULL, &pb), kCVReturnSuccess);
    return pb;
}

static void test_set_get_modes(void) {
    CVPixelBufferRef pb = new_buffer(4, 4);
    CFStringRef value = str("ITU_R_709_2");
    CHECK_EQ_LONG(CFGetRetainCount(value), 1);

    CVBufferSetAttachment(pb, kCVImageBufferYCbCrMatrixKey, value, kCVAttachmentMode_ShouldPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(value), 2);
    CVAttachmentMode mode = 77;
    /* A CFSTR literal and a created string find the entry set with the constant. */
    CHECK(CVBufferGetAttachment(pb, CFSTR("CVImageBufferYCbCrMatrix"), &mode) == value);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
    CFStringRef created = str("CVImageBufferYCbCrMatrix");
    CHECK(CVBufferGetAttachment(pb, created, NULL) == value);
    CHECK(CVBufferHasAttachment(pb, created));
    CFRelease(created);
    CHECK_EQ_LONG(CFGetRetainCount(value), 2); /* Get is +0 */

    /* Copy is +1 and reports the mode. */
    mode = 77;
    CFTypeRef copy = CVBufferCopyAttachment(pb, kCVImageBufferYCbCrMatrixKey, &mode);
    CHECK(copy == value);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(value), 3);
    CFRelease(copy);

    /* Setting the key in the other mode moves it. */
    CVBufferSetAttachment(pb, CFSTR("CVImageBufferYCbCrMatrix"), value, kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(value), 2);
    CHECK(CVBufferGetAttachment(pb, kCVImageBufferYCbCrMatrixKey, &mode) == value);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate)), 0);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate)), 1);

    /* Replacing releases the old value. */
    CFStringRef other = str("ITU_R_601_4");
    CVBufferSetAttachment(pb, kCVImageBufferYCbCrMatrixKey, other, kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(value), 1);
    CHECK_EQ_LONG(CFGetRetainCount(other), 2);
    CHECK(CFEqual(CVBufferGetAttachment(pb, kCVImageBufferYCbCrMatrixKey, NULL), kCVImageBufferYCbCrMatrix_ITU_R_601_4));

    /* Missing keys: NULL, mode untouched, not present. */
    mode = 55;
    CHECK(CVBufferGetAttachment(pb, CFSTR("Missing"), &mode) == NULL);
    CHECK(CVBufferCopyAttachment(pb, CFSTR("Missing"), &mode) == NULL);
    CHECK_EQ_LONG(mode, 55);
    CHECK(!CVBufferHasAttachment(pb, CFSTR("Missing")));

    /* Remove releases; removing again is a no-op. */
    CVBufferRemoveAttachment(pb, CFSTR("CVImageBufferYCbCrMatrix"));
    CHECK_EQ_LONG(CFGetRetainCount(other), 1);
    CHECK(!CVBufferHasAttachment(pb, kCVImageBufferYCbCrMatrixKey));
    CVBufferRemoveAttachment(pb, kCVImageBufferYCbCrMatrixKey);

    /* The buffer's death releases what is still attached. */
    CVBufferSetAttachment(pb, CFSTR("a"), value, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, CFSTR("b"), other, kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFGetRetainCount(value), 2);
    CVPixelBufferRelease(pb);
    CHECK_EQ_LONG(CFGetRetainCount(value), 1);
    CHECK_EQ_LONG(CFGetRetainCount(other), 1);
    CFRelease(value);
    CFRelease(other);
}

static void test_get_vs_copy_attachments(void) {
    CVPixelBufferRef pb = new_buffer(4, 4);
    /* Get: an empty dictionary, not NULL; Copy: NULL. */
    CFDictionaryRef live = CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate);
    CHECK(live != NULL);
    CHECK(CFGetTypeID(live) == CFDictionaryGetTypeID());
    CHECK_EQ_LONG(CFDictionaryGetCount(live), 0);
    CHECK(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate) != NULL);
    CHECK(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate) != live);
    CHECK(CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate) == NULL);
    CHECK(CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldNotPropagate) == NULL);
    /* Invalid modes. */
    CHECK(CVBufferGetAttachments(pb, 2) == NULL);
    CHECK(CVBufferCopyAttachments(pb, 7) == NULL);

    CVBufferSetAttachment(pb, kCVImageBufferFieldCountKey, kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    /* Get is the live dictionary: same object, now holding the entry. */
    CHECK(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate) == live);
    CHECK_EQ_LONG(CFDictionaryGetCount(live), 1);
    CHECK(CFDictionaryGetValue(live, CFSTR("CVFieldCount")) == kCFBooleanTrue);
    CFIndex live_count = CFGetRetainCount(live);
    /* Copy is a +1 snapshot. */
    CFDictionaryRef snapshot = CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate);
    CHECK(snapshot != NULL && snapshot != live);
    CHECK_EQ_LONG(CFGetRetainCount(snapshot), 1);
    CHECK_EQ_LONG(CFGetRetainCount(live), live_count);
    CVBufferRemoveAllAttachments(pb);
    CHECK_EQ_LONG(CFDictionaryGetCount(live), 0);
    CHECK_EQ_LONG(CFDictionaryGetCount(snapshot), 1);
    CHECK(CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate) == NULL);
    CFRelease(snapshot);
    CVPixelBufferRelease(pb);
}

static void test_set_attachments_and_bad_input(void) {
    CVPixelBufferRef pb = new_buffer(4, 4);
    CFNumberRef one = dnum(1.0);
    const void *keys[3] = {CFSTR("x"), CFSTR("y"), one};
    const void *values[3] = {kCFBooleanTrue, kCFBooleanFalse, kCFBooleanTrue};
    CFDictionaryRef pairs = CFDictionaryCreate(NULL, keys, values, 3, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CVBufferSetAttachments(pb, pairs, kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate)), 2);
    CVAttachmentMode mode = 9;
    CHECK(CVBufferGetAttachment(pb, CFSTR("y"), &mode) == kCFBooleanFalse);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldNotPropagate);
    /* The same pairs in the other mode move both keys. */
    CVBufferSetAttachments(pb, pairs, kCVAttachmentMode_ShouldPropagate);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate)), 0);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate)), 2);
    /* A buffer's own live dictionary may be passed back in. */
    CVBufferSetAttachments(pb, CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate),
                           kCVAttachmentMode_ShouldNotPropagate);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate)), 2);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate)), 0);

    /* Ignored: NULL key, NULL value, non-string key, invalid mode, NULL or
     * non-buffer, NULL or non-dictionary attachments. */
    CVBufferRemoveAllAttachments(pb);
    CVBufferSetAttachment(pb, NULL, kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, CFSTR("k"), NULL, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, (CFStringRef)one, kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(pb, CFSTR("k"), kCFBooleanTrue, 2);
    CVBufferSetAttachments(pb, NULL, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachments(pb, (CFDictionaryRef)CFSTR("x"), kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachments(pb, pairs, 5);
    CHECK(CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate) == NULL);
    CHECK(CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldNotPropagate) == NULL);
    CHECK(CVBufferGetAttachment(pb, NULL, NULL) == NULL);
    CHECK(!CVBufferHasAttachment(pb, NULL));
    CVBufferRemoveAttachment(pb, NULL);
    CVBufferRef not_buffer = (CVBufferRef)CFSTR("nope");
    CVBufferSetAttachment(NULL, CFSTR("k"), kCFBooleanTrue, 0);
    CVBufferSetAttachment(not_buffer, CFSTR("k"), kCFBooleanTrue, 0);
    CHECK(CVBufferGetAttachment(NULL, CFSTR("k"), NULL) == NULL);
    CHECK(CVBufferCopyAttachment(not_buffer, CFSTR("k"), NULL) == NULL);
    CHECK(CVBufferGetAttachments(NULL, 0) == NULL);
    CHECK(CVBufferCopyAttachments(not_buffer, 0) == NULL);
    CHECK(!CVBufferHasAttachment(NULL, CFSTR("k")));
    CVBufferRemoveAttachment(NULL, CFSTR("k"));
    CVBufferRemoveAllAttachments(NULL);
    CVBufferRemoveAllAttachments(not_buffer);
    CVBufferSetAttachments(NULL, pairs, 0);
    CVBufferPropagateAttachments(NULL, pb);
    CVBufferPropagateAttachments(pb, NULL);
    CVBufferPropagateAttachments(not_buffer, pb);

    CFRelease(pairs);
    CFRelease(one);
    CVPixelBufferRelease(pb);
}

static void test_propagation(void) {
    CVPixelBufferRef src = new_buffer(4, 4), dst = new_buffer(8, 8);
    CFStringRef v1 = str("P3_D65"), v2 = str("kept"), v3 = str("old");
    CVBufferSetAttachment(src, kCVImageBufferColorPrimariesKey, v1, kCVAttachmentMode_ShouldPropagate);
    CVBufferSetAttachment(src, CFSTR("Private"), v2, kCVAttachmentMode_ShouldNotPropagate);
    CVBufferSetAttachment(dst, kCVImageBufferColorPrimariesKey, v3, kCVAttachmentMode_ShouldNotPropagate);
    CVBufferSetAttachment(dst, CFSTR("Own"), v3, kCVAttachmentMode_ShouldPropagate);
    CVBufferPropagateAttachments(src, dst);
    CVAttachmentMode mode = 9;
    CHECK(CVBufferGetAttachment(dst, kCVImageBufferColorPrimariesKey, &mode) == v1);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldPropagate);
    CHECK(!CVBufferHasAttachment(dst, CFSTR("Private")));
    CHECK(CVBufferGetAttachment(dst, CFSTR("Own"), NULL) == v3);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 3); /* us, src, dst */
    CHECK_EQ_LONG(CFGetRetainCount(v3), 2); /* replaced in dst's other mode */
    /* Onto itself: nothing changes. */
    CVBufferPropagateAttachments(src, src);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 3);
    CHECK(CVBufferGetAttachment(src, CFSTR("Private"), &mode) == v2);
    CHECK_EQ_LONG(mode, kCVAttachmentMode_ShouldNotPropagate);
    /* Nothing to propagate. */
    CVPixelBufferRef empty = new_buffer(2, 2);
    CVBufferPropagateAttachments(empty, dst);
    CHECK_EQ_LONG(CFDictionaryGetCount(CVBufferGetAttachments(dst, kCVAttachmentMode_ShouldPropagate)), 2);
    CVPixelBufferRelease(empty);
    CVPixelBufferRelease(src);
    CVPixelBufferRelease(dst);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v3), 1);
    CFRelease(v1);
    CFRelease(v2);
    CFRelease(v3);
}

/* A value whose destruction calls back into the buffer it was attached to. */
static CVPixelBufferRef g_holder;
static int g_reentered;

static void reenter(void *refcon, const void *base) {
    (void)base;
    g_reentered++;
    CVBufferSetAttachment(g_holder, CFSTR("after"), kCFBooleanTrue, kCVAttachmentMode_ShouldPropagate);
    CHECK(CVBufferHasAttachment(g_holder, CFSTR("after")));
    free(refcon);
}

static void test_reentrant_release(void) {
    g_holder = new_buffer(4, 4);
    for (int round = 0; round < 3; round++) {
        void *mem = malloc(64);
        CVPixelBufferRef inner = NULL;
        CHECK_EQ_LONG(CVPixelBufferCreateWithBytes(NULL, 4, 4, kCVPixelFormatType_32BGRA, mem, 16, reenter, mem,
                                                   NULL, &inner),
                      kCVReturnSuccess);
        CVBufferSetAttachment(g_holder, CFSTR("inner"), inner, kCVAttachmentMode_ShouldPropagate);
        CVPixelBufferRelease(inner); /* the holder has the only reference now */
        switch (round) {
        case 0: /* removed */
            CVBufferRemoveAttachment(g_holder, CFSTR("inner"));
            break;
        case 1: /* replaced */
            CVBufferSetAttachment(g_holder, CFSTR("inner"), kCFBooleanTrue, kCVAttachmentMode_ShouldNotPropagate);
            break;
        default: /* all removed */
            CVBufferRemoveAllAttachments(g_holder);
            break;
        }
        CHECK_EQ_LONG(g_reentered, round + 1);
    }
    CVPixelBufferRelease(g_holder);
}

/* ---- threads ---- */

typedef struct {
    CVPixelBufferRef pb;
    int id;
    int wrong; /* counted here: CHECK's counters are not thread-safe */
} worker_arg;

static void *worker(void *p) {
    worker_arg *arg = (worker_arg *)p;
    CFStringRef keys[3] = {CFSTR("k0"), CFSTR("k1"), CFSTR("k2")};
    for (int i = 0; i < 4000; i++) {
        CFStringRef key = keys[(i + arg->id) % 3];
        CFNumberRef value = dnum((double)i);
        CVBufferSetAttachment(arg->pb, key, value, (CVAttachmentMode)((i + arg->id) & 1));
        CFRelease(value);
        CFTypeRef copy = CVBufferCopyAttachment(arg->pb, key, NULL);
        if (copy) {
            if (CFGetTypeID(copy) != CFNumberGetTypeID()) arg->wrong++;
            CFRelease(copy);
        }
        CFDictionaryRef all = CVBufferCopyAttachments(arg->pb, kCVAttachmentMode_ShouldPropagate);
        if (all) CFRelease(all);
        if (i % 97 == 0) CVBufferRemoveAttachment(arg->pb, key);
        if (i % 1001 == 0) CVBufferRemoveAllAttachments(arg->pb);
    }
    return NULL;
}

static void test_threads(void) {
    CVPixelBufferRef pb = new_buffer(4, 4);
    pthread_t threads[4];
    worker_arg args[4];
    for (int i = 0; i < 4; i++) {
        args[i].pb = pb;
        args[i].id = i;
        args[i].wrong = 0;
        pthread_create(&threads[i], NULL, worker, &args[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK_EQ_LONG(args[i].wrong, 0);
    }
    /* Every key ended up in at most one mode. */
    CFDictionaryRef a = CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldPropagate);
    CFDictionaryRef b = CVBufferGetAttachments(pb, kCVAttachmentMode_ShouldNotPropagate);
    const char *names[3] = {"k0", "k1", "k2"};
    for (int i = 0; i < 3; i++) {
        CFStringRef key = str(names[i]);
        CHECK(!(CFDictionaryContainsKey(a, key) && CFDictionaryContainsKey(b, key)));
        CFRelease(key);
    }
    CVPixelBufferRelease(pb);
}

/* ---- CVImageBuffer ---- */

static CFDictionaryRef aperture(double w, double h, double dx, double dy) {
    CFNumberRef n[4] = {dnum(w), dnum(h), dnum(dx), dnum(dy)};
    const void *keys[4] = {kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey,
                           kCVImageBufferCleanApertureHorizontalOffsetKey,
                           kCVImageBufferCleanApertureVerticalOffsetKey};
    CFDictionaryRef d = CFDictionaryCreate(NULL, keys, (const void **)n, 4, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    for (int i = 0; i < 4; i++) CFRelease(n[i]);
    return d;
}

static CFDictionaryRef pair(CFStringRef k1, double v1, CFStringRef k2, double v2) {
    CFNumberRef n[2] = {dnum(v1), dnum(v2)};
    const void *keys[2] = {k1, k2};
    CFDictionaryRef d = CFDictionaryCreate(NULL, keys, (const void **)n, 2, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    CFRelease(n[0]);
    CFRelease(n[1]);
    return d;
}

static int rect_is(CGRect r, double x, double y, double w, double h) {
    return fabs(r.origin.x - x) < 1e-9 && fabs(r.origin.y - y) < 1e-9 && fabs(r.size.width - w) < 1e-9 &&
           fabs(r.size.height - h) < 1e-9;
}

static int size_is(CGSize s, double w, double h) { return fabs(s.width - w) < 1e-9 && fabs(s.height - h) < 1e-9; }

static void set_clean_aperture(CVPixelBufferRef pb, CFTypeRef value) {
    CVBufferSetAttachment(pb, kCVImageBufferCleanApertureKey, value, kCVAttachmentMode_ShouldPropagate);
}

static void test_image_buffer(void) {
    /* NTSC DV: 720x480 encoded, 704x480 clean aperture, 10:11 pixels. */
    CVPixelBufferRef dv = new_buffer(720, 480);
    CHECK(size_is(CVImageBufferGetEncodedSize(dv), 720, 480));
    CHECK(rect_is(CVImageBufferGetCleanRect(dv), 0, 0, 720, 480)); /* no attachment: full frame */
    CHECK(size_is(CVImageBufferGetDisplaySize(dv), 720, 480));
    CFDictionaryRef ca = aperture(704, 480, 0, 0);
    set_clean_aperture(dv, ca);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(dv), 8, 0, 704, 480));
    CHECK(size_is(CVImageBufferGetDisplaySize(dv), 704, 480));
    CFDictionaryRef par = pair(kCVImageBufferPixelAspectRatioHorizontalSpacingKey, 10,
                               kCVImageBufferPixelAspectRatioVerticalSpacingKey, 11);
    CVBufferSetAttachment(dv, kCVImageBufferPixelAspectRatioKey, par, kCVAttachmentMode_ShouldPropagate);
    CFRelease(par);
    CHECK(size_is(CVImageBufferGetDisplaySize(dv), 640, 480));
    /* Display dimensions win over the derivation. */
    CFDictionaryRef dims = pair(kCVImageBufferDisplayWidthKey, 853, kCVImageBufferDisplayHeightKey, 480);
    CVBufferSetAttachment(dv, kCVImageBufferDisplayDimensionsKey, dims, kCVAttachmentMode_ShouldNotPropagate);
    CFRelease(dims);
    CHECK(size_is(CVImageBufferGetDisplaySize(dv), 853, 480));
    /* Attachment keys given as CFSTR literals work the same. */
    CVBufferRemoveAllAttachments(dv);
    ca = aperture(704, 480, 0, 0);
    CVBufferSetAttachment(dv, CFSTR("CVCleanAperture"), ca, kCVAttachmentMode_ShouldPropagate);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(dv), 8, 0, 704, 480));
    CVPixelBufferRelease(dv);

    /* Offsets move the aperture centre (+x right, +y down); origin is lower-left. */
    CVPixelBufferRef pb = new_buffer(100, 100);
    ca = aperture(50, 40, 10, 5);
    set_clean_aperture(pb, ca);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 35, 25, 50, 40));
    ca = aperture(50, 40, -10, -5);
    set_clean_aperture(pb, ca);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 15, 35, 50, 40));
    /* Clipped to the frame. */
    ca = aperture(100, 100, 30, 0);
    set_clean_aperture(pb, ca);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 30, 0, 70, 100));
    /* Missing offsets count as zero. */
    ca = pair(kCVImageBufferCleanApertureWidthKey, 60, kCVImageBufferCleanApertureHeightKey, 20);
    set_clean_aperture(pb, ca);
    CFRelease(ca);
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 20, 40, 60, 20));

    /* Malformed apertures: full frame. */
    CFDictionaryRef malformed[5];
    malformed[0] = aperture(0, 40, 0, 0);
    malformed[1] = aperture(-5, 40, 0, 0);
    malformed[2] = aperture(NAN, 40, 0, 0);
    malformed[3] = aperture(10, 10, 1000, 0); /* entirely outside */
    malformed[4] = pair(kCVImageBufferCleanApertureWidthKey, 60, CFSTR("Other"), 1);
    for (int i = 0; i < 5; i++) {
        set_clean_aperture(pb, malformed[i]);
        CFRelease(malformed[i]);
        CHECK(rect_is(CVImageBufferGetCleanRect(pb), 0, 0, 100, 100));
    }
    const void *k[2] = {kCVImageBufferCleanApertureWidthKey, kCVImageBufferCleanApertureHeightKey};
    const void *v[2] = {CFSTR("60"), CFSTR("20")};
    CFDictionaryRef strings = CFDictionaryCreate(NULL, k, v, 2, &kCFTypeDictionaryKeyCallBacks,
                                                 &kCFTypeDictionaryValueCallBacks);
    set_clean_aperture(pb, strings);
    CFRelease(strings);
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 0, 0, 100, 100));
    set_clean_aperture(pb, CFSTR("not a dictionary"));
    CHECK(rect_is(CVImageBufferGetCleanRect(pb), 0, 0, 100, 100));
    CHECK(size_is(CVImageBufferGetDisplaySize(pb), 100, 100));
    /* A malformed aspect ratio is ignored. */
    par = pair(kCVImageBufferPixelAspectRatioHorizontalSpacingKey, 0,
               kCVImageBufferPixelAspectRatioVerticalSpacingKey, 1);
    CVBufferSetAttachment(pb, kCVImageBufferPixelAspectRatioKey, par, kCVAttachmentMode_ShouldPropagate);
    CFRelease(par);
    CHECK(size_is(CVImageBufferGetDisplaySize(pb), 100, 100));

    /* Rows are top-down, so (0,0) is the upper-left corner: flipped. */
    CHECK(CVImageBufferIsFlipped(pb));
    CVPixelBufferRelease(pb);

    /* NULL and non-buffers: zero sizes, false. */
    CHECK(size_is(CVImageBufferGetEncodedSize(NULL), 0, 0));
    CHECK(size_is(CVImageBufferGetDisplaySize(NULL), 0, 0));
    CHECK(rect_is(CVImageBufferGetCleanRect(NULL), 0, 0, 0, 0));
    CHECK(!CVImageBufferIsFlipped(NULL));
    CVImageBufferRef not_buffer = (CVImageBufferRef)CFSTR("x");
    CHECK(size_is(CVImageBufferGetEncodedSize(not_buffer), 0, 0));
    CHECK(rect_is(CVImageBufferGetCleanRect(not_buffer), 0, 0, 0, 0));
    CHECK(!CVImageBufferIsFlipped(not_buffer));

    /* Planar buffers report the image size, not a plane's. */
    CVPixelBufferRef nv12 = NULL;
    CHECK_EQ_LONG(CVPixelBufferCreate(NULL, 33, 17, kCVPixelFormatType_420YpCbCr8BiPlanarFullRange, NULL, &nv12),
                  kCVReturnSuccess);
    CHECK(size_is(CVImageBufferGetEncodedSize(nv12), 33, 17));
    CHECK(rect_is(CVImageBufferGetCleanRect(nv12), 0, 0, 33, 17));
    CVPixelBufferRelease(nv12);
}

int main(void) {
    test_set_get_modes();
    test_get_vs_copy_attachments();
    test_set_attachments_and_bad_input();
    test_propagation();
    test_reentrant_release();
    test_threads();
    test_image_buffer();
    return pp_finish("cv_attachments");
}
