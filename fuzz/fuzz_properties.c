/*
 * Fuzz target: CF property dictionaries wherever pixelport parses them.
 *
 * One input builds dictionaries (real keys and junk, values of every CF
 * type, nested) and feeds them to VTSessionSetProperties /
 * VTSessionSetProperty, CVPixelBufferCreate attributes, CVPixelBufferPool
 * pool and buffer attributes and aux attributes,
 * CVPixelBufferCreateResolvedAttributesDictionary,
 * CVPixelBufferIsCompatibleWithAttributes, CVBufferSetAttachments (then the
 * CVImageBuffer getters that parse attachments) and finally a transfer with
 * whatever the session and buffers accepted. Results are not checked
 * (errors are expected); crashes, sanitizer reports and leaks are the
 * findings.
 */
#include "fuzz_common.h"

static void drive_session(struct fz *f, CFDictionaryRef props, CVPixelBufferRef src,
                          CVPixelBufferRef dst) {
    VTPixelTransferSessionRef session = NULL;
    if (VTPixelTransferSessionCreate(NULL, &session) != noErr) abort();
    (void)VTSessionSetProperties(session, props);
    /* Single properties too, with a value of any type. */
    for (int i = fz_pick(f, 4); i > 0; i--) {
        CFStringRef key = fz_key(f);
        CFTypeRef value = fz_u8(f) % 8 == 0 ? NULL : fz_value(f, 1);
        (void)VTSessionSetProperty(session, key, value);
        CFTypeRef out = NULL;
        if (VTSessionCopyProperty(session, key, NULL, &out) == noErr && out) CFRelease(out);
        CFRelease(key);
        if (value) CFRelease(value);
    }
    CFDictionaryRef serial = NULL;
    if (VTSessionCopySerializableProperties(session, NULL, &serial) == noErr && serial) {
        /* Round trip: what the session reports must be accepted back. */
        if (VTSessionSetProperties(session, serial) != noErr) abort();
        CFRelease(serial);
    }
    if (src && dst) (void)VTPixelTransferSessionTransferImage(session, src, dst);
    VTPixelTransferSessionInvalidate(session);
    CFRelease(session);
}

static void drive_attachments(struct fz *f, CVPixelBufferRef pb) {
    CFDictionaryRef att = fz_dictionary(f, 0);
    CVBufferSetAttachments(pb, att, fz_u8(f) & 1 ? kCVAttachmentMode_ShouldPropagate
                                                 : kCVAttachmentMode_ShouldNotPropagate);
    CFRelease(att);
    (void)CVImageBufferGetCleanRect(pb);
    (void)CVImageBufferGetDisplaySize(pb);
    (void)CVImageBufferGetEncodedSize(pb);
    (void)CVImageBufferIsFlipped(pb);
    (void)CVImageBufferGetColorSpace(pb);
    CFDictionaryRef all = CVBufferCopyAttachments(pb, kCVAttachmentMode_ShouldPropagate);
    if (all) {
        CGColorSpaceRef cs = CVImageBufferCreateColorSpaceFromAttachments(all);
        if (cs) CFRelease(cs);
        CFRelease(all);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_init_tables();
    fz_init_formats();
    struct fz f = {data, size};
    size_t w = 1 + fz_pick(&f, 48), h = 1 + fz_pick(&f, 48);
    OSType src_format = fz_format(&f), dst_format = fz_format(&f);

    CFDictionaryRef wild = fz_dictionary(&f, 0), attrs = fz_tame(wild);
    CFRelease(wild);
    CVPixelBufferRef src = NULL;
    (void)CVPixelBufferCreate(NULL, w, h, src_format, attrs, &src);
    if (src) {
        (void)CVPixelBufferIsCompatibleWithAttributes(src, attrs);
        CFDictionaryRef created = CVPixelBufferCopyCreationAttributes(src);
        if (created) CFRelease(created);
        (void)fz_touch_planes(src);
        drive_attachments(&f, src);
    }

    /* A pool with fuzzed pool and buffer attributes. */
    wild = fz_dictionary(&f, 0);
    CFDictionaryRef pool_attrs = fz_tame(wild);
    CFRelease(wild);
    wild = fz_dictionary(&f, 0);
    CFDictionaryRef aux = fz_tame(wild);
    CFRelease(wild);
    CVPixelBufferPoolRef pool = NULL;
    CVPixelBufferRef dst = NULL;
    if (CVPixelBufferPoolCreate(NULL, pool_attrs, attrs, &pool) == kCVReturnSuccess) {
        (void)CVPixelBufferPoolCreatePixelBufferWithAuxAttributes(NULL, pool, aux, &dst);
        CVPixelBufferRef another = NULL;
        if (CVPixelBufferPoolCreatePixelBuffer(NULL, pool, &another) == kCVReturnSuccess) {
            (void)fz_touch_planes(another);
            CFRelease(another);
        }
        CVPixelBufferPoolFlush(pool, fz_u8(&f) & 1);
        CFRelease(pool);
    }
    if (!dst) (void)CVPixelBufferCreate(NULL, w, h, dst_format, NULL, &dst);

    /* Resolving an array of attribute dictionaries (and junk elements). */
    CFMutableArrayRef list = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
    CFArrayAppendValue(list, attrs);
    CFArrayAppendValue(list, aux);
    CFTypeRef junk = fz_value(&f, 1);
    CFArrayAppendValue(list, junk);
    CFRelease(junk);
    CFDictionaryRef resolved = NULL;
    if (CVPixelBufferCreateResolvedAttributesDictionary(NULL, fz_u8(&f) & 1 ? list : NULL,
                                                        &resolved) == kCVReturnSuccess &&
        resolved)
        CFRelease(resolved);
    CFRelease(list);

    CFDictionaryRef props = fz_dictionary(&f, 0);
    drive_session(&f, props, src, dst);
    if (dst) (void)fz_touch_planes(dst);

    CFRelease(props);
    CFRelease(aux);
    CFRelease(pool_attrs);
    CFRelease(attrs);
    if (src) CFRelease(src);
    if (dst) CFRelease(dst);
    return 0;
}
