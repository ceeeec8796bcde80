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
 * whatever the session and buffers accepted. Some inputs first register a
 * custom pixel format from a fuzzed description and use it for one side.
 * Results are not checked
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

/* A number for a format-description key: in range mostly, edges sometimes. */
static CFNumberRef description_number(struct fz *f, int typical_max) {
    int v;
    switch (fz_u8(f) % 8) {
    case 0: v = 0; break;
    case 1: v = 255 + fz_u8(f); break;
    case 2: v = (int)fz_u32(f); break;
    default: v = 1 + (int)fz_pick(f, (size_t)typical_max);
    }
    return CFNumberCreate(NULL, kCFNumberIntType, &v);
}

static void set_number(CFMutableDictionaryRef d, CFStringRef key, CFNumberRef n) {
    CFDictionarySetValue(d, key, n);
    CFRelease(n);
}

/* One plane's (or a chunky format's) description keys. */
static void describe_plane(struct fz *f, CFMutableDictionaryRef d) {
    static const int bits[] = {8, 16, 24, 32, 48, 64, 128, 2040, 2048, 12};
    int b = bits[fz_pick(f, FZ_COUNT(bits))];
    set_number(d, kCVPixelFormatBitsPerBlock, CFNumberCreate(NULL, kCFNumberIntType, &b));
    if (fz_u8(f) & 1) set_number(d, kCVPixelFormatBlockWidth, description_number(f, 8));
    if (fz_u8(f) % 4 == 0) set_number(d, kCVPixelFormatBlockHeight, description_number(f, 1));
    if (fz_u8(f) & 1) set_number(d, kCVPixelFormatHorizontalSubsampling, description_number(f, 4));
    if (fz_u8(f) & 1) set_number(d, kCVPixelFormatVerticalSubsampling, description_number(f, 4));
    if (fz_u8(f) % 4 == 0) set_number(d, kCVPixelFormatBlockHorizontalAlignment, description_number(f, 16));
    if (fz_u8(f) % 4 == 0) {
        uint8_t black[64];
        size_t n = fz_pick(f, sizeof black + 1);
        for (size_t i = 0; i < n; i++) black[i] = fz_u8(f);
        CFDataRef data = CFDataCreate(NULL, black, (CFIndex)n);
        CFDictionarySetValue(d, kCVPixelFormatBlackBlock, data);
        CFRelease(data);
    }
}

/* Registers a fuzzed custom format under one of four fixed codes (a
 * re-registration replaces the previous one, so the registry stays
 * bounded) and returns the code. Never a fill callback: pixelport would
 * call through it, and a junk function pointer is undefined in C. */
static OSType register_custom_format(struct fz *f) {
    CFMutableDictionaryRef d = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                                         &kCFTypeDictionaryValueCallBacks);
    size_t planes = fz_pick(f, 4);
    if (planes == 0) {
        describe_plane(f, d);
    } else {
        CFMutableArrayRef list = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
        for (size_t i = 0; i < planes; i++) {
            CFMutableDictionaryRef p = CFDictionaryCreateMutable(
                NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
            describe_plane(f, p);
            CFArrayAppendValue(list, p);
            CFRelease(p);
        }
        CFDictionarySetValue(d, kCVPixelFormatPlanes, list);
        CFRelease(list);
    }
    const CFStringRef flags[] = {kCVPixelFormatContainsYCbCr, kCVPixelFormatContainsRGB,
                                 kCVPixelFormatContainsAlpha, kCVPixelFormatContainsGrayscale};
    for (size_t i = 0; i < FZ_COUNT(flags); i++)
        if (fz_u8(f) & 1) CFDictionarySetValue(d, flags[i], fz_u8(f) & 1 ? kCFBooleanTrue : kCFBooleanFalse);
    if (fz_u8(f) % 4 == 0) set_number(d, kCVPixelFormatBitsPerComponent, description_number(f, 16));
    /* Junk keys and values too (a fill-callback key never). */
    for (int i = fz_pick(f, 3); i > 0; i--) {
        CFStringRef key = fz_key(f);
        CFTypeRef value = fz_value(f, 2);
        if (!CFEqual(key, kCVPixelFormatFillExtendedPixelsCallback)) CFDictionarySetValue(d, key, value);
        CFRelease(key);
        CFRelease(value);
    }
    OSType code = (OSType)('f' << 24 | 'z' << 16 | '0' << 8 | ('0' + fz_pick(f, 4)));
    CVPixelFormatDescriptionRegisterDescriptionWithPixelFormatType(d, code);
    CFRelease(d);
    CFDictionaryRef back = CVPixelFormatDescriptionCreateWithPixelFormatType(NULL, code);
    if (back) CFRelease(back);
    return code;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_init_tables();
    fz_init_formats();
    struct fz f = {data, size};
    size_t w = 1 + fz_pick(&f, 48), h = 1 + fz_pick(&f, 48);
    OSType src_format = fz_format(&f), dst_format = fz_format(&f);
    if (fz_u8(&f) % 4 == 0) {
        OSType custom = register_custom_format(&f);
        if (fz_u8(&f) & 1) src_format = custom;
        else dst_format = custom;
    }

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
