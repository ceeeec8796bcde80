/*
 * Fuzz target: the CoreFoundation subset with caller-chosen indices,
 * ranges, lengths and encodings (the panic audit's fuzzer: every
 * index/slice in the CF shim is reachable from here).
 *
 * The input is a little program: each step picks an operation on one
 * CFString, CFMutableData or CFMutableArray and its arguments (negative,
 * huge or past-the-end indices and ranges included). Output buffers are
 * exactly as large as the documented contract asks for a *valid* call
 * (range.length elements, maxBufLen bytes); calls that would need more
 * than 64 KiB are skipped, so an out-of-range write by pixelport is a heap
 * overflow that ASan reports.
 */
#include "fuzz_common.h"

#define MAX_OUT 65536

static CFIndex fz_index(struct fz *f) {
    switch (fz_u8(f) % 8) {
    case 0: return -1;
    case 1: return (CFIndex)(fz_u64(f));
    case 2: return INT64_MAX - fz_u8(f);
    default: return (CFIndex)fz_pick(f, 40);
    }
}

static CFRange fz_range(struct fz *f) {
    CFRange r = {fz_index(f), fz_index(f)};
    return r;
}

static CFStringEncoding fz_encoding(struct fz *f) {
    static const CFStringEncoding encodings[] = {
        kCFStringEncodingUTF8, kCFStringEncodingASCII, kCFStringEncodingISOLatin1,
        kCFStringEncodingMacRoman, kCFStringEncodingUTF16, kCFStringEncodingUTF16BE,
        kCFStringEncodingUTF16LE, kCFStringEncodingUTF32, kCFStringEncodingNonLossyASCII,
        kCFStringEncodingWindowsLatin1, kCFStringEncodingNextStepLatin, kCFStringEncodingUnicode,
    };
    if (fz_u8(f) % 16 == 0) return fz_u32(f);
    return encodings[fz_pick(f, FZ_COUNT(encodings))];
}

static CFStringRef make_string(struct fz *f) {
    uint8_t bytes[64];
    size_t n = fz_pick(f, sizeof bytes + 1);
    for (size_t i = 0; i < n; i++) bytes[i] = fz_u8(f);
    switch (fz_u8(f) % 4) {
    case 0: {
        UniChar chars[32];
        for (size_t i = 0; i < n / 2; i++) chars[i] = (UniChar)(bytes[2 * i] | bytes[2 * i + 1] << 8);
        return CFStringCreateWithCharacters(NULL, chars, (CFIndex)(n / 2));
    }
    case 1: {
        char c[65];
        memcpy(c, bytes, n);
        c[n] = 0;
        return CFStringCreateWithCString(NULL, c, fz_encoding(f));
    }
    default:
        return CFStringCreateWithBytes(NULL, bytes, (CFIndex)n, fz_encoding(f), fz_u8(f) & 1);
    }
}

static void string_ops(struct fz *f, CFStringRef s, CFStringRef other) {
    CFIndex len = CFStringGetLength(s);
    (void)len;
    switch (fz_u8(f) % 10) {
    case 0: (void)CFStringGetCharacterAtIndex(s, fz_index(f)); break;
    case 1: {
        CFRange r = fz_range(f);
        if (r.length >= 0 && r.length <= MAX_OUT / 2) {
            UniChar *out = malloc((size_t)(r.length ? r.length : 1) * sizeof *out);
            CFStringGetCharacters(s, r, out);
            free(out);
        }
        break;
    }
    case 2: {
        CFRange r = fz_range(f);
        CFIndex max = (CFIndex)fz_pick(f, 300);
        uint8_t *buf = fz_u8(f) % 4 ? malloc((size_t)max + 1) : NULL;
        CFIndex used = -7;
        (void)CFStringGetBytes(s, r, fz_encoding(f), fz_u8(f), fz_u8(f) & 1, buf, buf ? max : 0, &used);
        free(buf);
        break;
    }
    case 3: {
        CFIndex size = (CFIndex)fz_pick(f, 300);
        char *buf = malloc((size_t)size + 1);
        (void)CFStringGetCString(s, buf, size, fz_encoding(f));
        free(buf);
        break;
    }
    case 4: (void)CFStringGetMaximumSizeForEncoding(fz_index(f), fz_encoding(f)); break;
    case 5:
        (void)CFStringHasPrefix(s, other);
        (void)CFStringHasSuffix(s, other);
        (void)CFStringCompare(s, other, fz_u32(f));
        break;
    case 6:
        (void)CFStringGetIntValue(s);
        (void)CFStringGetDoubleValue(s);
        break;
    case 7: {
        (void)CFStringGetCStringPtr(s, fz_encoding(f));
        (void)CFStringGetCharactersPtr(s);
        (void)CFStringGetFastestEncoding(s);
        break;
    }
    case 8: {
        CFStringRef d = CFCopyDescription(s);
        if (d) CFRelease(d);
        (void)CFHash(s);
        (void)CFEqual(s, other);
        break;
    }
    default: {
        CFStringRef c = CFStringCreateCopy(NULL, s);
        if (c) CFRelease(c);
    }
    }
}

static void data_ops(struct fz *f, CFMutableDataRef d) {
    uint8_t src[64];
    for (size_t i = 0; i < sizeof src; i++) src[i] = fz_u8(f);
    switch (fz_u8(f) % 7) {
    case 0: {
        CFIndex n = fz_index(f);
        if (n <= MAX_OUT) CFDataSetLength(d, n);
        break;
    }
    case 1: {
        CFIndex n = fz_index(f);
        if (n <= MAX_OUT) CFDataIncreaseLength(d, n);
        break;
    }
    case 2: CFDataAppendBytes(d, src, (CFIndex)fz_pick(f, sizeof src + 1)); break;
    case 3: CFDataReplaceBytes(d, fz_range(f), src, (CFIndex)fz_pick(f, sizeof src + 1)); break;
    case 4: CFDataDeleteBytes(d, fz_range(f)); break;
    case 5: {
        CFRange r = fz_range(f);
        if (r.length >= 0 && r.length <= MAX_OUT) {
            uint8_t *out = malloc((size_t)(r.length ? r.length : 1));
            CFDataGetBytes(d, r, out);
            free(out);
        }
        break;
    }
    default: {
        CFDataRef c = CFDataCreateCopy(NULL, d);
        if (c) {
            (void)CFEqual(c, d);
            CFRelease(c);
        }
    }
    }
    /* The reported length must match the reachable bytes. */
    CFIndex len = CFDataGetLength(d);
    const uint8_t *p = CFDataGetBytePtr(d);
    if (len < 0 || (len > 0 && !p)) abort();
    if (len > 0) {
        volatile uint8_t sink = p[0];
        sink = p[len - 1];
        (void)sink;
    }
}

static void count_applier(const void *value, void *context) {
    (void)value;
    ++*(long *)context;
}

static void array_ops(struct fz *f, CFMutableArrayRef a) {
    CFNumberRef n = fz_number(f);
    switch (fz_u8(f) % 9) {
    case 0: CFArrayInsertValueAtIndex(a, fz_index(f), n); break;
    case 1: CFArraySetValueAtIndex(a, fz_index(f), n); break;
    case 2: CFArrayRemoveValueAtIndex(a, fz_index(f)); break;
    case 3: CFArrayExchangeValuesAtIndices(a, fz_index(f), fz_index(f)); break;
    case 4: {
        const void *values[4] = {n, n, n, n};
        CFArrayReplaceValues(a, fz_range(f), values, (CFIndex)fz_pick(f, 5));
        break;
    }
    case 5: {
        CFRange r = fz_range(f);
        if (r.length >= 0 && r.length <= MAX_OUT / 8) {
            const void **out = malloc((size_t)(r.length ? r.length : 1) * sizeof *out);
            CFArrayGetValues(a, r, out);
            free(out);
        }
        break;
    }
    case 6:
        (void)CFArrayGetFirstIndexOfValue(a, fz_range(f), n);
        (void)CFArrayGetLastIndexOfValue(a, fz_range(f), n);
        (void)CFArrayContainsValue(a, fz_range(f), n);
        break;
    case 7: {
        long count = 0;
        CFArrayApplyFunction(a, fz_range(f), count_applier, &count);
        break;
    }
    default: (void)CFArrayGetValueAtIndex(a, fz_index(f)); break;
    }
    CFRelease(n);
    if (CFArrayGetCount(a) > 64) CFArrayRemoveAllValues(a);
}

static void number_ops(struct fz *f) {
    CFNumberRef a = fz_number(f), b = fz_number(f);
    union {
        uint8_t bytes[16];
        double d;
    } out;
    for (int t = 1; t <= 16; t++) (void)CFNumberGetValue(a, (CFNumberType)t, out.bytes);
    (void)CFNumberGetValue(a, (CFNumberType)fz_u32(f), out.bytes);
    (void)CFNumberCompare(a, b, NULL);
    (void)CFNumberGetByteSize(a);
    (void)CFNumberIsFloatType(a);
    (void)CFHash(a);
    CFRelease(a);
    CFRelease(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_init_tables();
    struct fz f = {data, size};
    CFStringRef s = make_string(&f), other = make_string(&f);
    CFMutableDataRef d = CFDataCreateMutable(NULL, fz_u8(&f) % 4 ? 0 : fz_index(&f) % 4096);
    CFMutableArrayRef a = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
    for (int step = 0; step < 64 && f.n > 0; step++) {
        switch (fz_u8(&f) % 4) {
        case 0:
            if (s && other) string_ops(&f, s, other);
            break;
        case 1:
            if (d) data_ops(&f, d);
            break;
        case 2: array_ops(&f, a); break;
        default: number_ops(&f);
        }
    }
    if (s) CFRelease(s);
    if (other) CFRelease(other);
    if (d) CFRelease(d);
    CFRelease(a);
    return 0;
}
