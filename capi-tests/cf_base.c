/* Polymorphic CF functions: retain/release, type IDs, equality, hashing,
 * descriptions, NULL and wrong-type handling. */
#include <CoreFoundation/CoreFoundation.h>

#include "pp_test.h"

static CFStringRef k_static_key;

int main(void) {
    /* Create returns +1; retain/release move the count; Get is +0. */
    CFStringRef s = CFStringCreateWithCString(kCFAllocatorDefault, "abc", kCFStringEncodingUTF8);
    CHECK(s != NULL);
    CHECK_EQ_LONG(CFGetRetainCount(s), 1);
    CHECK(CFRetain(s) == s);
    CHECK_EQ_LONG(CFGetRetainCount(s), 2);
    CFRelease(s);
    CHECK_EQ_LONG(CFGetRetainCount(s), 1);

    /* Type IDs are distinct and match the objects. */
    CHECK(CFGetTypeID(s) == CFStringGetTypeID());
    CHECK(CFGetTypeID(kCFBooleanTrue) == CFBooleanGetTypeID());
    CHECK(CFGetTypeID(kCFNull) == CFNullGetTypeID());
    CHECK(CFStringGetTypeID() != CFNumberGetTypeID());
    CHECK(CFBooleanGetTypeID() != CFNullGetTypeID());
    CHECK(CFAllocatorGetTypeID() != CFStringGetTypeID());
    CHECK(CFGetTypeID(CFSTR("literal")) == CFStringGetTypeID());

    /* CFCopyTypeIDDescription names the type (+1). */
    CFStringRef tname = CFCopyTypeIDDescription(CFStringGetTypeID());
    CHECK_STR(tname, "CFString");
    CFRelease(tname);
    CHECK(CFCopyTypeIDDescription(0) == NULL);
    CHECK(CFCopyTypeIDDescription(999999) == NULL);

    /* Equality by value: created strings, literals, interned strings. */
    CHECK(CFEqual(s, CFSTR("abc")));
    CHECK(CFEqual(CFSTR("abc"), s));
    CHECK(CFHash(s) == CFHash(CFSTR("abc")));
    CHECK(!CFEqual(s, CFSTR("abd")));
    CHECK(!CFEqual(s, kCFBooleanTrue));
    CHECK(CFEqual(kCFBooleanTrue, kCFBooleanTrue));
    CHECK(!CFEqual(kCFBooleanTrue, kCFBooleanFalse));
    CHECK(CFSTR("same") == CFSTR("same") || CFEqual(CFSTR("same"), CFSTR("same")));

    /* CFSTR results are immortal: retain/release never free them. */
    k_static_key = CFSTR("kept");
    CFRetain(k_static_key);
    CFRelease(k_static_key);
    CFRelease(k_static_key);
    CHECK(CFGetRetainCount(k_static_key) > 1000000);
    CHECK_STR(k_static_key, "kept");
    CHECK(CFGetRetainCount(kCFBooleanTrue) > 1000000);
    CFRelease(kCFNull);
    CHECK(CFGetTypeID(kCFNull) == CFNullGetTypeID());

    /* Descriptions. */
    CFStringRef d = CFCopyDescription(s);
    CHECK_STR(d, "abc");
    CFRelease(d);
    CFStringRef db = CFCopyDescription(kCFBooleanTrue);
    CHECK(db != NULL && CFStringGetLength(db) > 0);
    CFRelease(db);
    CFShow(CFSTR("CFShow prints this line to stderr"));

    /* NULL handling: defined results, no crash (Apple crashes here). */
    CHECK(CFRetain(NULL) == NULL);
    CFRelease(NULL);
    CHECK_EQ_LONG(CFGetTypeID(NULL), 0);
    CHECK_EQ_LONG(CFGetRetainCount(NULL), 0);
    CHECK(!CFEqual(NULL, NULL));
    CHECK(!CFEqual(s, NULL));
    CHECK_EQ_LONG(CFHash(NULL), 0);
    CHECK(CFCopyDescription(NULL) == NULL);
    CFShow(NULL);

    /* Wrong type: a Boolean is not a string. */
    CHECK_EQ_LONG(CFStringGetLength((CFStringRef)kCFBooleanTrue), 0);
    CHECK(!CFBooleanGetValue((CFBooleanRef)s));

    /* A pointer that is not an object at all (but readable) is rejected. */
    static long not_an_object[8] = {0};
    CHECK_EQ_LONG(CFGetTypeID((CFTypeRef)not_an_object), 0);
    CHECK_EQ_LONG(CFStringGetLength((CFStringRef)(void *)not_an_object), 0);

    /* Booleans. */
    CHECK(CFBooleanGetValue(kCFBooleanTrue) == 1);
    CHECK(CFBooleanGetValue(kCFBooleanFalse) == 0);
    CHECK(CFBooleanGetValue(NULL) == 0);

    /* CFRange helpers. */
    CFRange r = CFRangeMake(3, 4);
    CHECK(r.location == 3 && r.length == 4);
    CHECK(CFMakeCollectable(s) == s);
    CHECK(CFGetAllocator(s) == kCFAllocatorSystemDefault);
    CHECK(CFGetAllocator(NULL) == NULL);

    CFRelease(s);
    return pp_finish("cf_base");
}
