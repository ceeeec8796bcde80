/* CFData / CFMutableData: every function, ownership, the no-copy
 * deallocator contract, fixed capacities, self-referencing edits and bad
 * input. */
#include <CoreFoundation/CoreFoundation.h>
#include <limits.h>
#include <pthread.h>

#include "pp_test.h"
#include "support/counting_allocator.h"

#if defined(__SANITIZE_ADDRESS__)
/* Requests for 2^62 bytes must come back as failures (which pixelport turns
 * into NULL or a no-op) instead of ASan aborting the program. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

static const UInt8 k_abc[] = {'a', 'b', 'c'};

static int bytes_are(CFDataRef d, const char *expected) {
    size_t n = strlen(expected);
    if (CFDataGetLength(d) != (CFIndex)n) return 0;
    return n == 0 || memcmp(CFDataGetBytePtr(d), expected, n) == 0;
}

static void test_type_and_create(void) {
    CHECK(CFDataGetTypeID() != 0);
    CHECK(CFDataGetTypeID() != CFStringGetTypeID());
    CHECK(CFDataGetTypeID() != CFAllocatorGetTypeID());
    CFStringRef name = CFCopyTypeIDDescription(CFDataGetTypeID());
    CHECK_STR(name, "CFData");
    CFRelease(name);

    /* CFDataCreate copies: changing the source afterwards changes nothing. */
    UInt8 src[4] = {1, 2, 3, 4};
    CFDataRef d = CFDataCreate(kCFAllocatorDefault, src, 4);
    CHECK(d != NULL);
    CHECK(CFGetTypeID(d) == CFDataGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(d), 1);
    CHECK_EQ_LONG(CFDataGetLength(d), 4);
    CHECK(CFDataGetBytePtr(d) != src);
    src[0] = 99;
    CHECK(CFDataGetBytePtr(d)[0] == 1 && CFDataGetBytePtr(d)[3] == 4);
    CHECK(CFDataGetBytePtr(d) == CFDataGetBytePtr(d));

    /* Immutable data refuses every mutation (Deviation: Apple asserts). */
    CFMutableDataRef as_mutable = (CFMutableDataRef)d;
    CHECK(CFDataGetMutableBytePtr(as_mutable) == NULL);
    CFDataAppendBytes(as_mutable, k_abc, 3);
    CFDataSetLength(as_mutable, 0);
    CFDataIncreaseLength(as_mutable, 5);
    CFDataReplaceBytes(as_mutable, CFRangeMake(0, 1), k_abc, 1);
    CFDataDeleteBytes(as_mutable, CFRangeMake(0, 2));
    CHECK_EQ_LONG(CFDataGetLength(d), 4);
    CHECK(CFDataGetBytePtr(d)[0] == 1);

    /* Description: length, capacity and the bytes in hex. */
    CFStringRef desc = CFCopyDescription(d);
    CHECK_STR(desc, "<CFData>{length = 4, capacity = 4, bytes = 0x01020304}");
    CFRelease(desc);
    UInt8 big[40];
    for (int i = 0; i < 40; i++) big[i] = (UInt8)i;
    CFDataRef long_data = CFDataCreate(NULL, big, 40);
    desc = CFCopyDescription(long_data);
    CHECK_STR(desc, "<CFData>{length = 40, capacity = 40, bytes = "
                    "0x000102030405060708090a0b0c0d0e0f ... 2021222324252627}");
    CFRelease(desc);
    CFRelease(long_data);

    /* Empty data: length 0 and still a real byte pointer. */
    CFDataRef empty = CFDataCreate(NULL, NULL, 0);
    CHECK(empty != NULL);
    CHECK_EQ_LONG(CFDataGetLength(empty), 0);
    CHECK(CFDataGetBytePtr(empty) != NULL);
    CFRelease(empty);

    /* Bad input. */
    CHECK(CFDataCreate(NULL, src, -1) == NULL);
    CHECK(CFDataCreate(NULL, NULL, 3) == NULL);
    CHECK(CFDataCreate(NULL, src, LONG_MIN) == NULL);
    CFRelease(d);
}

static void test_equal_hash(void) {
    CFDataRef a = CFDataCreate(NULL, k_abc, 3);
    CFDataRef b = CFDataCreate(NULL, (const UInt8 *)"abc", 3);
    CFMutableDataRef m = CFDataCreateMutable(NULL, 0);
    CFDataAppendBytes(m, (const UInt8 *)"ab", 2);
    CHECK(!CFEqual(a, m));
    CFDataAppendBytes(m, (const UInt8 *)"c", 1);
    CHECK(a != b);
    CHECK(CFEqual(a, b) && CFEqual(b, a));
    CHECK(CFHash(a) == CFHash(b));
    CHECK(CFEqual(a, m) && CFEqual(m, a)); /* mutability does not matter */
    CHECK(CFHash(a) == CFHash(m));
    CHECK(CFEqual(m, m));
    CFDataRef ab = CFDataCreate(NULL, k_abc, 2);
    CHECK(!CFEqual(a, ab));
    CFDataRef abd = CFDataCreate(NULL, (const UInt8 *)"abd", 3);
    CHECK(!CFEqual(a, abd));
    CHECK(!CFEqual(a, CFSTR("abc")));
    CHECK(!CFEqual(CFSTR("abc"), a));
    CHECK(!CFEqual(a, NULL));
    CFRelease(a);
    CFRelease(b);
    CFRelease(m);
    CFRelease(ab);
    CFRelease(abd);
}

static void test_no_copy(void) {
    Counts counts = {0};
    CFAllocatorRef counting = counting_allocator(&counts);
    CHECK(counting != NULL);
    CHECK_EQ_LONG(CFGetRetainCount(counting), 1);

    /* A custom deallocator: retained while the data lives, called exactly
     * once, when the last reference goes. */
    UInt8 *buf = malloc(16);
    memcpy(buf, "no-copy bytes!!", 16);
    CFDataRef d = CFDataCreateWithBytesNoCopy(NULL, buf, 16, counting);
    CHECK(d != NULL);
    CHECK(CFDataGetBytePtr(d) == buf);
    CHECK_EQ_LONG(CFDataGetLength(d), 16);
    CHECK_EQ_LONG(CFGetRetainCount(counting), 2);
    CFRetain(d);
    CFRelease(d);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 0);
    /* A copy of no-copy data is a real copy: it outlives the buffer. */
    CFDataRef copy = CFDataCreateCopy(NULL, d);
    CHECK(copy != NULL && copy != d);
    CHECK(CFEqual(copy, d));
    CFRelease(d);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 1);
    CHECK_EQ_LONG(CFGetRetainCount(counting), 1);
    CHECK(memcmp(CFDataGetBytePtr(copy), "no-copy bytes!!", 16) == 0);
    CFRelease(copy);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 1);

    /* Zero length with a real pointer: still handed to the deallocator. */
    d = CFDataCreateWithBytesNoCopy(NULL, malloc(1), 0, counting);
    CHECK_EQ_LONG(CFDataGetLength(d), 0);
    CFRelease(d);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 2);
    /* NULL bytes with length 0: a valid empty data, nothing to free. */
    d = CFDataCreateWithBytesNoCopy(NULL, NULL, 0, counting);
    CHECK(d != NULL);
    CHECK(CFDataGetBytePtr(d) == NULL);
    CHECK_EQ_LONG(CFDataGetLength(d), 0);
    CFRelease(d);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 2);

    /* kCFAllocatorNull never frees (ASan would report freeing the stack). */
    UInt8 stack_bytes[3] = {7, 8, 9};
    d = CFDataCreateWithBytesNoCopy(NULL, stack_bytes, 3, kCFAllocatorNull);
    CHECK(CFDataGetBytePtr(d) == stack_bytes);
    CHECK(CFDataGetBytePtr(d)[2] == 9);
    CFRelease(d);
    CHECK(stack_bytes[0] == 7);

    /* NULL (default) and kCFAllocatorMalloc free with free(): LSan would
     * report the buffers if they leaked, ASan a wrong or double free. */
    d = CFDataCreateWithBytesNoCopy(NULL, malloc(8), 8, NULL);
    CFRelease(d);
    d = CFDataCreateWithBytesNoCopy(NULL, malloc(8), 8, kCFAllocatorMalloc);
    CFRelease(d);
    d = CFDataCreateWithBytesNoCopy(NULL, malloc(8), 8, kCFAllocatorSystemDefault);
    CFRelease(d);

    /* A custom allocator without a deallocate callback frees nothing. */
    static UInt8 static_bytes[4];
    CFAllocatorContext no_free = counting_context(&counts);
    no_free.deallocate = NULL;
    CFAllocatorRef keeper = CFAllocatorCreate(NULL, &no_free);
    d = CFDataCreateWithBytesNoCopy(NULL, static_bytes, 4, keeper);
    CFRelease(d);
    CFRelease(keeper);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 2);

    /* Bad input: NULL result, the buffer stays the caller's, the
     * deallocator is not called. */
    buf = malloc(4);
    CHECK(CFDataCreateWithBytesNoCopy(NULL, buf, -1, counting) == NULL);
    CHECK(CFDataCreateWithBytesNoCopy(NULL, NULL, 4, counting) == NULL);
    CFStringRef not_allocator = CFStringCreateWithCString(NULL, "x", kCFStringEncodingUTF8);
    CHECK(CFDataCreateWithBytesNoCopy(NULL, buf, 4, (CFAllocatorRef)not_allocator) == NULL);
    CFRelease(not_allocator);
    CHECK_EQ_LONG(atomic_load(&counts.deallocs), 2);
    CHECK_EQ_LONG(CFGetRetainCount(counting), 1);
    free(buf);

    CFRelease(counting);
    CHECK_EQ_LONG(atomic_load(&counts.retains), atomic_load(&counts.releases));
}

/* Kept reachable for LSan: a default allocator is retained for good. */
static CFAllocatorRef g_default_counting;
static Counts g_default_counts;
static CFDataRef g_from_thread;

static void *create_with_default(void *arg) {
    (void)arg;
    /* NULL deallocator = this thread's default allocator at creation. */
    CFAllocatorSetDefault(g_default_counting);
    g_from_thread = CFDataCreateWithBytesNoCopy(NULL, malloc(5), 5, NULL);
    return NULL;
}

static void test_default_deallocator_is_fixed_at_creation(void) {
    g_default_counting = counting_allocator(&g_default_counts);
    pthread_t t;
    pthread_create(&t, NULL, create_with_default, NULL);
    pthread_join(t, NULL);
    CHECK(g_from_thread != NULL);
    /* Released on this thread, whose default is still the system one. */
    CFRelease(g_from_thread);
    CHECK_EQ_LONG(atomic_load(&g_default_counts.deallocs), 1);
}

static void test_create_copy(void) {
    /* An immutable data that owns its bytes is its own copy. */
    CFDataRef d = CFDataCreate(NULL, k_abc, 3);
    CFDataRef same = CFDataCreateCopy(NULL, d);
    CHECK(same == d);
    CHECK_EQ_LONG(CFGetRetainCount(d), 2);
    CFRelease(same);

    /* A copy of a mutable data is a new, immutable object. */
    CFMutableDataRef m = CFDataCreateMutableCopy(NULL, 0, d);
    CFDataRef frozen = CFDataCreateCopy(NULL, m);
    CHECK(frozen != NULL && (const void *)frozen != (const void *)m);
    CFDataAppendBytes(m, k_abc, 3);
    CHECK(bytes_are(frozen, "abc"));
    CHECK(bytes_are(m, "abcabc"));
    CHECK(CFDataGetMutableBytePtr((CFMutableDataRef)frozen) == NULL);
    CFDataAppendBytes((CFMutableDataRef)frozen, k_abc, 3);
    CHECK(bytes_are(frozen, "abc"));
    CFRelease(frozen);
    CFRelease(m);

    CHECK(CFDataCreateCopy(NULL, NULL) == NULL);
    CHECK(CFDataCreateCopy(NULL, (CFDataRef)CFSTR("abc")) == NULL);
    CFRelease(d);
}

static void test_mutable(void) {
    CFMutableDataRef m = CFDataCreateMutable(kCFAllocatorDefault, 0);
    CHECK(m != NULL);
    CHECK(CFGetTypeID(m) == CFDataGetTypeID());
    CHECK_EQ_LONG(CFDataGetLength(m), 0);
    CHECK(CFDataGetBytePtr(m) != NULL);
    CHECK(CFDataGetMutableBytePtr(m) == CFDataGetBytePtr(m));

    CFDataAppendBytes(m, (const UInt8 *)"hello", 5);
    CHECK(bytes_are(m, "hello"));
    CFDataAppendBytes(m, NULL, 0);
    CHECK(bytes_are(m, "hello"));
    /* Writes through the mutable pointer are the data's bytes. */
    CFDataGetMutableBytePtr(m)[0] = 'j';
    CHECK(bytes_are(m, "jello"));

    /* SetLength grows with zeros and shrinks. */
    CFDataSetLength(m, 8);
    CHECK_EQ_LONG(CFDataGetLength(m), 8);
    CHECK(memcmp(CFDataGetBytePtr(m), "jello\0\0\0", 8) == 0);
    CFDataSetLength(m, 2);
    CHECK(bytes_are(m, "je"));
    CFDataSetLength(m, 4);
    CHECK(memcmp(CFDataGetBytePtr(m), "je\0\0", 4) == 0);
    CFDataIncreaseLength(m, 2);
    CHECK(memcmp(CFDataGetBytePtr(m), "je\0\0\0\0", 6) == 0);
    CFDataIncreaseLength(m, 0);
    CHECK_EQ_LONG(CFDataGetLength(m), 6);
    CFDataSetLength(m, 0);
    CHECK_EQ_LONG(CFDataGetLength(m), 0);

    /* Replace: same size, grow, shrink, insert, at the end. */
    CFDataAppendBytes(m, (const UInt8 *)"abcdef", 6);
    CFDataReplaceBytes(m, CFRangeMake(1, 2), (const UInt8 *)"XY", 2);
    CHECK(bytes_are(m, "aXYdef"));
    CFDataReplaceBytes(m, CFRangeMake(1, 2), (const UInt8 *)"1234", 4);
    CHECK(bytes_are(m, "a1234def"));
    CFDataReplaceBytes(m, CFRangeMake(1, 4), (const UInt8 *)"-", 1);
    CHECK(bytes_are(m, "a-def"));
    CFDataReplaceBytes(m, CFRangeMake(0, 0), (const UInt8 *)">", 1);
    CHECK(bytes_are(m, ">a-def"));
    CFDataReplaceBytes(m, CFRangeMake(6, 0), (const UInt8 *)"<", 1);
    CHECK(bytes_are(m, ">a-def<"));
    CFDataReplaceBytes(m, CFRangeMake(2, 1), NULL, 0);
    CHECK(bytes_are(m, ">adef<"));

    /* Delete. */
    CFDataDeleteBytes(m, CFRangeMake(0, 1));
    CHECK(bytes_are(m, "adef<"));
    CFDataDeleteBytes(m, CFRangeMake(4, 1));
    CHECK(bytes_are(m, "adef"));
    CFDataDeleteBytes(m, CFRangeMake(1, 0));
    CHECK(bytes_are(m, "adef"));

    /* GetBytes copies a range; out-of-range copies nothing. */
    UInt8 out[8];
    memset(out, 0xEE, sizeof out);
    CFDataGetBytes(m, CFRangeMake(1, 3), out);
    CHECK(memcmp(out, "def", 3) == 0 && out[3] == 0xEE);
    memset(out, 0xEE, sizeof out);
    CFDataGetBytes(m, CFRangeMake(2, 3), out);
    CFDataGetBytes(m, CFRangeMake(-1, 2), out);
    CFDataGetBytes(m, CFRangeMake(0, -1), out);
    CFDataGetBytes(m, CFRangeMake(LONG_MAX, LONG_MAX), out);
    CFDataGetBytes(m, CFRangeMake(0, 2), NULL);
    CHECK(out[0] == 0xEE);
    CFDataGetBytes(m, CFRangeMake(4, 0), out);
    CHECK(out[0] == 0xEE);

    /* Out-of-range edits are ignored (Deviation: Apple raises). */
    CFDataReplaceBytes(m, CFRangeMake(3, 2), k_abc, 3);
    CFDataReplaceBytes(m, CFRangeMake(-1, 1), k_abc, 3);
    CFDataReplaceBytes(m, CFRangeMake(5, 0), k_abc, 3);
    CFDataReplaceBytes(m, CFRangeMake(0, 1), k_abc, -1);
    CFDataReplaceBytes(m, CFRangeMake(0, 1), NULL, 2);
    CFDataDeleteBytes(m, CFRangeMake(2, 3));
    CFDataDeleteBytes(m, CFRangeMake(-2, 1));
    CFDataAppendBytes(m, NULL, 3);
    CFDataAppendBytes(m, k_abc, -3);
    CFDataSetLength(m, -1);
    CFDataIncreaseLength(m, -1);
    CHECK(bytes_are(m, "adef"));

    /* Length overflow is refused before anything is read or allocated. */
    CFDataIncreaseLength(m, LONG_MAX);
    CFDataAppendBytes(m, k_abc, LONG_MAX);
    CFDataReplaceBytes(m, CFRangeMake(0, 0), k_abc, LONG_MAX);
    CHECK(bytes_are(m, "adef"));
    /* Requests no allocator can satisfy leave the data as it was. */
    CFDataSetLength(m, LONG_MAX);
    CFDataSetLength(m, 1L << 62);
    CFDataIncreaseLength(m, 1L << 62);
    CHECK(bytes_are(m, "adef"));

    CFRelease(m);
}

static void test_self_referencing_edits(void) {
    /* Appending a data's own bytes to itself, across reallocations. */
    CFMutableDataRef m = CFDataCreateMutable(NULL, 0);
    CFDataAppendBytes(m, (const UInt8 *)"0123456789", 10);
    for (int i = 0; i < 6; i++) {
        CFDataAppendBytes(m, CFDataGetBytePtr(m), CFDataGetLength(m));
    }
    CHECK_EQ_LONG(CFDataGetLength(m), 640);
    int ok = 1;
    for (CFIndex i = 0; i < 640; i++) ok &= CFDataGetBytePtr(m)[i] == (UInt8)('0' + i % 10);
    CHECK(ok);

    /* Replacing with an overlapping piece of itself. */
    CFDataSetLength(m, 0);
    CFDataAppendBytes(m, (const UInt8 *)"abcdef", 6);
    CFDataReplaceBytes(m, CFRangeMake(0, 2), CFDataGetBytePtr(m) + 1, 4);
    CHECK(bytes_are(m, "bcdecdef"));
    /* A source reaching past the data's length is refused. */
    CFDataReplaceBytes(m, CFRangeMake(0, 0), CFDataGetBytePtr(m) + 6, 4);
    CHECK(bytes_are(m, "bcdecdef"));

    /* GetBytes into the data's own storage behaves like memmove. */
    CFDataGetBytes(m, CFRangeMake(0, 4), CFDataGetMutableBytePtr(m) + 2);
    CHECK(bytes_are(m, "bcbcdeef"));
    CFRelease(m);
}

static void test_fixed_capacity(void) {
    /* A positive capacity is a maximum (Apple's meaning); its bytes are
     * reserved at creation, so the pointer never moves. */
    CFMutableDataRef f = CFDataCreateMutable(NULL, 8);
    CHECK(f != NULL);
    const UInt8 *p = CFDataGetBytePtr(f);
    CHECK(p != NULL);
    CFDataAppendBytes(f, (const UInt8 *)"1234", 4);
    CFDataAppendBytes(f, (const UInt8 *)"5678", 4);
    CHECK(bytes_are(f, "12345678"));
    CHECK(CFDataGetBytePtr(f) == p);
    /* Past the capacity: ignored (Deviation: Apple asserts). */
    CFDataAppendBytes(f, (const UInt8 *)"9", 1);
    CFDataIncreaseLength(f, 1);
    CFDataSetLength(f, 9);
    CFDataReplaceBytes(f, CFRangeMake(0, 1), (const UInt8 *)"ab", 2);
    CHECK(bytes_are(f, "12345678"));
    CFDataReplaceBytes(f, CFRangeMake(0, 2), (const UInt8 *)"a", 1);
    CFDataAppendBytes(f, (const UInt8 *)"9", 1);
    CHECK(bytes_are(f, "a3456789"));
    CFDataSetLength(f, 2);
    CFDataSetLength(f, 8);
    CHECK(memcmp(CFDataGetBytePtr(f), "a3\0\0\0\0\0\0", 8) == 0);
    CHECK(CFDataGetBytePtr(f) == p);
    CFStringRef desc = CFCopyDescription(f);
    CHECK_STR(desc, "<CFData>{length = 8, capacity = 8, bytes = 0x6133000000000000}");
    CFRelease(desc);
    CFRelease(f);

    /* Mutable copies: unlimited, exact and too small a capacity. */
    CFDataRef src = CFDataCreate(NULL, k_abc, 3);
    CFMutableDataRef c0 = CFDataCreateMutableCopy(NULL, 0, src);
    CFMutableDataRef c3 = CFDataCreateMutableCopy(NULL, 3, src);
    CHECK(c0 != NULL && c3 != NULL);
    CHECK(CFEqual(c0, src) && CFEqual(c3, src));
    CHECK(CFDataGetBytePtr(c0) != CFDataGetBytePtr(src));
    CFDataAppendBytes(c3, k_abc, 1);
    CHECK(bytes_are(c3, "abc"));
    CFDataAppendBytes(c0, k_abc, 1);
    CHECK(bytes_are(c0, "abca"));
    CHECK(bytes_are(src, "abc"));
    CHECK(CFDataCreateMutableCopy(NULL, 2, src) == NULL);
    CHECK(CFDataCreateMutableCopy(NULL, -1, src) == NULL);
    CHECK(CFDataCreateMutableCopy(NULL, 0, NULL) == NULL);
    CHECK(CFDataCreateMutableCopy(NULL, 0, (CFDataRef)kCFBooleanTrue) == NULL);
    CFRelease(c0);
    CFRelease(c3);
    CFRelease(src);

    /* Bad capacities. */
    CHECK(CFDataCreateMutable(NULL, -1) == NULL);
    CHECK(CFDataCreateMutable(NULL, LONG_MAX) == NULL);
    CHECK(CFDataCreateMutable(NULL, 1L << 62) == NULL);
}

static void test_null_and_wrong_type(void) {
    CHECK_EQ_LONG(CFDataGetLength(NULL), 0);
    CHECK(CFDataGetBytePtr(NULL) == NULL);
    CHECK(CFDataGetMutableBytePtr(NULL) == NULL);
    UInt8 out[2] = {1, 1};
    CFDataGetBytes(NULL, CFRangeMake(0, 1), out);
    CHECK(out[0] == 1);
    CFDataSetLength(NULL, 4);
    CFDataIncreaseLength(NULL, 4);
    CFDataAppendBytes(NULL, k_abc, 3);
    CFDataReplaceBytes(NULL, CFRangeMake(0, 0), k_abc, 3);
    CFDataDeleteBytes(NULL, CFRangeMake(0, 0));

    CFStringRef s = CFStringCreateWithCString(NULL, "text", kCFStringEncodingUTF8);
    CHECK_EQ_LONG(CFDataGetLength((CFDataRef)s), 0);
    CHECK(CFDataGetBytePtr((CFDataRef)s) == NULL);
    CFDataAppendBytes((CFMutableDataRef)s, k_abc, 3);
    CFDataSetLength((CFMutableDataRef)s, 0);
    CHECK_STR(s, "text");
    CFRelease(s);
}

int main(void) {
    test_type_and_create();
    test_equal_hash();
    test_no_copy();
    test_default_deallocator_is_fixed_at_creation();
    test_create_copy();
    test_mutable();
    test_self_referencing_edits();
    test_fixed_capacity();
    test_null_and_wrong_type();
    return pp_finish("cf_data");
}
