/* CFString: creation in every supported encoding, getters, comparison,
 * CFSTR in both forms, bad input. */
#include <CoreFoundation/CoreFoundation.h>

#include "pp_test.h"

/* With clang, CFSTR is a compile-time constant usable in static data. */
#if defined(__CONSTANT_CFSTRINGS__)
static const CFStringRef k_table[2] = {CFSTR("ITU_R_709_2"), CFSTR("ITU_R_601_4")};
#endif

int main(void) {
    CFStringRef s = CFStringCreateWithCString(NULL, "Hello", kCFStringEncodingASCII);
    CHECK_EQ_LONG(CFStringGetLength(s), 5);
    CHECK(CFStringGetCharacterAtIndex(s, 1) == 'e');
    CHECK(CFStringGetCharacterAtIndex(s, 99) == 0);
    CHECK(CFStringGetCharacterAtIndex(s, -1) == 0);

    /* C string out: exact fit, too small, and the pointer fast path. */
    char buf[6];
    CHECK(CFStringGetCString(s, buf, 6, kCFStringEncodingUTF8) && strcmp(buf, "Hello") == 0);
    CHECK(!CFStringGetCString(s, buf, 5, kCFStringEncodingUTF8));
    CHECK(!CFStringGetCString(s, buf, 0, kCFStringEncodingUTF8));
    CHECK(!CFStringGetCString(s, NULL, 6, kCFStringEncodingUTF8));
    const char *p = CFStringGetCStringPtr(s, kCFStringEncodingUTF8);
    CHECK(p == NULL || strcmp(p, "Hello") == 0);
    CHECK(CFStringGetCStringPtr(s, kCFStringEncodingUTF16) == NULL);

    /* UTF-8 with non-ASCII: length counts UTF-16 units. */
    CFStringRef u = CFStringCreateWithCString(NULL, "caf\xc3\xa9 \xf0\x9f\x98\x80", kCFStringEncodingUTF8);
    CHECK(u != NULL);
    CHECK_EQ_LONG(CFStringGetLength(u), 7);
    CHECK(CFStringGetCharacterAtIndex(u, 3) == 0xE9);
    CHECK_STR(u, "caf\xc3\xa9 \xf0\x9f\x98\x80");
    CHECK(!CFStringGetCString(u, buf, sizeof buf, kCFStringEncodingASCII));
    CHECK(CFStringGetCStringPtr(u, kCFStringEncodingUTF8) == NULL || 1);
    CHECK(CFStringGetCharactersPtr(u) != NULL);

    /* Invalid UTF-8 gives NULL; unsupported encodings give NULL. */
    CHECK(CFStringCreateWithCString(NULL, "\xff\xfe", kCFStringEncodingUTF8) == NULL);
    CHECK(CFStringCreateWithCString(NULL, "x", kCFStringEncodingNextStepLatin) == NULL);
    CHECK(CFStringCreateWithCString(NULL, "x", 0x12345) == NULL);
    CHECK(CFStringCreateWithCString(NULL, NULL, kCFStringEncodingUTF8) == NULL);

    /* Latin-1, MacRoman, Windows-1252. */
    CFStringRef l1 = CFStringCreateWithCString(NULL, "\xe9", kCFStringEncodingISOLatin1);
    CFStringRef mr = CFStringCreateWithCString(NULL, "\x8e", kCFStringEncodingMacRoman);
    CFStringRef w1 = CFStringCreateWithCString(NULL, "\x80", kCFStringEncodingWindowsLatin1);
    CHECK(CFEqual(l1, mr));
    CHECK(CFStringGetCharacterAtIndex(w1, 0) == 0x20AC);
    CHECK(CFStringGetCString(l1, buf, sizeof buf, kCFStringEncodingMacRoman) && (unsigned char)buf[0] == 0x8E);
    CFRelease(l1);
    CFRelease(mr);
    CFRelease(w1);

    /* Bytes and characters. */
    const UInt8 be[] = {0xFE, 0xFF, 0x00, 'h', 0x00, 'i'};
    CFStringRef b = CFStringCreateWithBytes(NULL, be, sizeof be, kCFStringEncodingUTF16, true);
    CHECK_STR(b, "hi");
    CFStringRef b2 = CFStringCreateWithBytes(NULL, be + 2, 4, kCFStringEncodingUTF16BE, false);
    CHECK(CFEqual(b, b2));
    CHECK(CFStringCreateWithBytes(NULL, be, 3, kCFStringEncodingUTF16BE, false) == NULL);
    CHECK(CFStringCreateWithBytes(NULL, NULL, 4, kCFStringEncodingUTF8, false) == NULL);
    CHECK(CFStringCreateWithBytes(NULL, be, -1, kCFStringEncodingUTF8, false) == NULL);
    CFStringRef empty = CFStringCreateWithBytes(NULL, NULL, 0, kCFStringEncodingUTF8, false);
    CHECK(empty != NULL && CFStringGetLength(empty) == 0);
    const UniChar chars[] = {'h', 'i'};
    CFStringRef c = CFStringCreateWithCharacters(NULL, chars, 2);
    CHECK(CFEqual(c, b));
    UniChar out[2] = {0, 0};
    CFStringGetCharacters(c, CFRangeMake(0, 2), out);
    CHECK(out[0] == 'h' && out[1] == 'i');
    out[0] = 0;
    CFStringGetCharacters(c, CFRangeMake(1, 5), out); /* out of range: no write */
    CHECK(out[0] == 0);

    /* CFStringGetBytes: measuring, loss byte, limits. */
    CFIndex used = -1;
    CFIndex n = CFStringGetBytes(u, CFRangeMake(0, 4), kCFStringEncodingUTF8, 0, false, NULL, 0, &used);
    CHECK_EQ_LONG(n, 4);
    CHECK_EQ_LONG(used, 5);
    UInt8 bytes[16];
    n = CFStringGetBytes(u, CFRangeMake(0, 4), kCFStringEncodingASCII, '?', false, bytes, sizeof bytes, &used);
    CHECK_EQ_LONG(n, 4);
    CHECK(used == 4 && memcmp(bytes, "caf?", 4) == 0);
    n = CFStringGetBytes(u, CFRangeMake(0, 4), kCFStringEncodingASCII, 0, false, bytes, sizeof bytes, &used);
    CHECK_EQ_LONG(n, 3);
    CHECK_EQ_LONG(CFStringGetBytes(u, CFRangeMake(5, 9), kCFStringEncodingUTF8, 0, false, bytes, 16, NULL), 0);
    CHECK_EQ_LONG(CFStringGetMaximumSizeForEncoding(10, kCFStringEncodingUTF8), 30);
    CHECK_EQ_LONG(CFStringGetMaximumSizeForEncoding(10, 0x12345), kCFNotFound);

    /* Copy of an immutable string is the same object, retained. */
    CFStringRef cp = CFStringCreateCopy(NULL, s);
    CHECK(cp == s);
    CHECK_EQ_LONG(CFGetRetainCount(s), 2);
    CFRelease(cp);
    CHECK(CFStringCreateCopy(NULL, (CFStringRef)kCFBooleanTrue) == NULL);

    /* Comparison. */
    CHECK(CFStringCompare(CFSTR("abc"), CFSTR("abd"), 0) == kCFCompareLessThan);
    CHECK(CFStringCompare(CFSTR("b"), CFSTR("a"), 0) == kCFCompareGreaterThan);
    CHECK(CFStringCompare(CFSTR("ABC"), CFSTR("abc"), kCFCompareCaseInsensitive) == kCFCompareEqualTo);
    CHECK(CFStringCompare(CFSTR("f9"), CFSTR("f10"), kCFCompareNumerically) == kCFCompareLessThan);
    CHECK(CFStringHasPrefix(CFSTR("kCVPixelBuffer"), CFSTR("kCV")));
    CHECK(CFStringHasSuffix(CFSTR("kCVPixelBuffer"), CFSTR("Buffer")));
    CHECK(!CFStringHasPrefix(CFSTR("kCV"), NULL));

    /* Numeric values. */
    CHECK(CFStringGetIntValue(CFSTR("  -42abc")) == -42);
    CHECK(CFStringGetIntValue(CFSTR("99999999999")) == 2147483647);
    CHECK(CFStringGetIntValue(CFSTR("x")) == 0);
    CHECK(CFStringGetDoubleValue(CFSTR("1.5e2 px")) == 150.0);

    /* Encodings. */
    CHECK(CFStringGetSystemEncoding() == kCFStringEncodingMacRoman);
    CHECK(CFStringGetFastestEncoding(s) == kCFStringEncodingASCII);
    CHECK(CFStringGetFastestEncoding(u) == kCFStringEncodingUnicode);

    /* CFSTR: equal to created strings, stable identity, non-ASCII text. */
    CFStringRef made = CFStringCreateWithCString(NULL, "ITU_R_709_2", kCFStringEncodingUTF8);
    CHECK(CFEqual(made, CFSTR("ITU_R_709_2")));
    CHECK(CFHash(made) == CFHash(CFSTR("ITU_R_709_2")));
    CFStringRef nonascii = CFSTR("h\xc3\xa9llo");
    CHECK_EQ_LONG(CFStringGetLength(nonascii), 5);
    CHECK(CFStringGetCharacterAtIndex(nonascii, 1) == 0xE9);
    const char *lp = CFStringGetCStringPtr(CFSTR("ptr"), kCFStringEncodingASCII);
    CHECK(lp == NULL || strcmp(lp, "ptr") == 0);
#if defined(__CONSTANT_CFSTRINGS__)
    CHECK(CFEqual(k_table[0], made));
    CHECK(!CFEqual(k_table[1], made));
#endif
    CFRelease(made);

    /* NoCopy with kCFAllocatorNull does not free; with the default it frees. */
    static char stack_text[] = "static";
    CFStringRef nc = CFStringCreateWithCStringNoCopy(NULL, stack_text, kCFStringEncodingUTF8, kCFAllocatorNull);
    CHECK_STR(nc, "static");
    CFRelease(nc);
    char *heap = (char *)malloc(8);
    memcpy(heap, "heap", 5);
    CFStringRef nh = CFStringCreateWithCStringNoCopy(NULL, heap, kCFStringEncodingUTF8, kCFAllocatorDefault);
    CHECK_STR(nh, "heap"); /* heap is owned (and freed) by the string now; ASan checks */
    CFRelease(nh);

    /* NULL arguments. */
    CHECK_EQ_LONG(CFStringGetLength(NULL), 0);
    CHECK(CFStringGetCStringPtr(NULL, kCFStringEncodingUTF8) == NULL);
    CHECK(CFStringGetCharactersPtr(NULL) == NULL);
    CHECK(CFStringCompare(NULL, CFSTR("a"), 0) == kCFCompareLessThan);

    CFRelease(s);
    CFRelease(u);
    CFRelease(b);
    CFRelease(b2);
    CFRelease(empty);
    CFRelease(c);
    return pp_finish("cf_string");
}
