/*
 * pixelport next to another CoreFoundation in the same process.
 *
 * This program is linked with libforeigncf.so (support/foreign_cf.c, a fake
 * CoreFoundation exporting the bare names CFRetain, CFRelease, CFGetTypeID,
 * CFEqual, CFStringCreateWithCString, __CFStringMakeConstantString and
 * __CFConstantStringClassReference) placed BEFORE -lpixelport, so for any
 * name both libraries exported, the dynamic linker would bind this
 * program's references to the foreign one.
 *
 * Why pixelport's objects are never captured anyway:
 *
 *   $ nm -D --defined-only libpixelport.so.0.1 | grep -v ' pixelport_'
 *   00000000000172b0 R __CFConstantStringClassReference
 *   $ nm -D --defined-only libpixelport.so.0.1 | grep -w -e CFRetain -e pixelport_CFRetain
 *   0000000000072e80 T pixelport_CFRetain
 *   $ nm -D --defined-only libforeigncf.so | grep -w CFRetain
 *   ... T CFRetain
 *
 * pixelport exports every CoreFoundation function and constant under a
 * pixelport_ link name, and <CoreFoundation/CFBase.h> maps the Apple
 * spelling onto it (#define CFRetain pixelport_CFRetain). This program's
 * calls therefore reference pixelport_CFRetain, which only pixelport
 * defines: there is nothing for the foreign library to interpose. Inside
 * the library, -Bsymbolic-functions binds pixelport's calls to its own
 * functions. The only unprefixed export is __CFConstantStringClassReference,
 * whose name clang picks for CFSTR literals. A program's literals may bind
 * to the foreign copy of it (they do here, under clang); pixelport
 * recognises literals by their layout and flags, never by that address
 * (runtime/literal.rs), so they keep working. Objects coming from the
 * foreign library fail pixelport's class check (their first word does not
 * point into pixelport's class table) and are treated as "not an object":
 * type ID 0, no reads beyond the first 32 bytes, no writes.
 */
#define _GNU_SOURCE
/* dlsym() hands back functions as object pointers; POSIX guarantees the
 * conversion, ISO C's -Wpedantic does not, so it is silenced here only. */
#pragma GCC diagnostic ignored "-Wpedantic"

#include <CoreFoundation/CoreFoundation.h>
#include <dlfcn.h>

#include "pp_test.h"

/* Exported by libforeigncf.so. */
extern long foreign_cf_calls(void);
extern long foreign_cf_refcount(CFTypeRef cf);

#define PP_STR2(x) #x
#define PP_STR(x) PP_STR2(x)

typedef CFTypeRef (*BareRetain)(CFTypeRef);
typedef void (*BareRelease)(CFTypeRef);
typedef CFTypeRef (*BareCreateString)(const void *, const char *, unsigned int);
typedef CFTypeRef (*BareMakeConstant)(const char *);

/* What the bare name resolves to in the global scope, i.e. what a program
 * not using pixelport's headers would call. */
static void *bare(const char *name) { return dlsym(RTLD_DEFAULT, name); }

static const char *library_of(const void *addr) {
    Dl_info info;
    if (addr && dladdr(addr, &info) && info.dli_fname) {
        const char *slash = strrchr(info.dli_fname, '/');
        return slash ? slash + 1 : info.dli_fname;
    }
    return "?";
}

static void test_names_are_prefixed(void) {
    /* Our headers turn the Apple spellings into pixelport's link names. */
    CHECK(strcmp(PP_STR(CFRetain), "pixelport_CFRetain") == 0);
    CHECK(strcmp(PP_STR(CFRelease), "pixelport_CFRelease") == 0);
    CHECK(strcmp(PP_STR(CFGetTypeID), "pixelport_CFGetTypeID") == 0);
    CHECK(strcmp(PP_STR(CFEqual), "pixelport_CFEqual") == 0);
    CHECK(strcmp(PP_STR(CFStringCreateWithCString), "pixelport_CFStringCreateWithCString") == 0);
    CHECK(strcmp(PP_STR(__CFStringMakeConstantString), "pixelport___CFStringMakeConstantString") ==
          0);

    /* The bare names exist in the process, and they are the foreign ones;
     * pixelport does not export them at all. */
    const char *names[] = {"CFRetain", "CFRelease", "CFGetTypeID", "CFEqual",
                           "CFStringCreateWithCString", "__CFStringMakeConstantString"};
    void *pixelport = dlopen("libpixelport.so.0.1", RTLD_LAZY | RTLD_NOLOAD);
    CHECK(pixelport != NULL);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *sym = bare(names[i]);
        CHECK(sym != NULL);
        CHECK(strcmp(library_of(sym), "libforeigncf.so") == 0);
        /* pixelport (and its dependencies) define no such name. */
        if (pixelport) CHECK(dlsym(pixelport, names[i]) == NULL);
    }
    CHECK(strcmp(library_of((const void *)&CFRetain), "libpixelport.so.0.1") == 0);
    CHECK((void *)&CFRetain != bare("CFRetain"));
    if (pixelport) dlclose(pixelport);
}

static void test_our_objects_stay_ours(void) {
    CFStringRef s = CFStringCreateWithCString(kCFAllocatorDefault, "abc", kCFStringEncodingUTF8);
    int v = 7;
    CFNumberRef n = CFNumberCreate(NULL, kCFNumberIntType, &v);
    CFDataRef d = CFDataCreate(NULL, (const UInt8 *)"abc", 3);
    CHECK(s && n && d);

    /* Retain/release through the Apple spellings move pixelport's counts. */
    CFTypeRef objs[] = {s, n, d};
    for (int i = 0; i < 3; i++) {
        CHECK_EQ_LONG(CFGetRetainCount(objs[i]), 1);
        CHECK(CFRetain(objs[i]) == objs[i]);
        CFRetain(objs[i]);
        CHECK_EQ_LONG(CFGetRetainCount(objs[i]), 3);
        CFRelease(objs[i]);
        CFRelease(objs[i]);
        CHECK_EQ_LONG(CFGetRetainCount(objs[i]), 1);
    }
    CHECK(CFGetTypeID(s) == CFStringGetTypeID());
    CHECK(CFGetTypeID(n) == CFNumberGetTypeID());
    CHECK(CFGetTypeID(d) == CFDataGetTypeID());
    CHECK(!CFEqual(s, d));
    CFStringRef desc = CFCopyDescription(d);
    CHECK(desc != NULL);
    CFRelease(desc);

    /* CFSTR literals: under gcc the runtime path (pixelport's
     * __CFStringMakeConstantString), under clang compile-time constants. */
    CFStringRef lit = CFSTR("abc");
    CHECK(CFGetTypeID(lit) == CFStringGetTypeID());
    CHECK(CFEqual(lit, s) && CFEqual(s, lit));
    CHECK(CFHash(lit) == CFHash(s));
    CHECK_EQ_LONG(CFStringGetLength(lit), 3);
    CHECK_STR(lit, "abc");
    CHECK(CFStringGetCStringPtr(lit, kCFStringEncodingUTF8) != NULL);
    CHECK(CFEqual(CFSTR("ITU_R_709_2"), __CFStringMakeConstantString("ITU_R_709_2")));
#if defined(__clang__) && !defined(PIXELPORT_NO_CONSTANT_CFSTRINGS)
    /* The literal's class pointer was bound by the dynamic linker to the
     * first definition in the global scope: the foreign library's (or, in a
     * non-PIE program, a copy in the executable), not pixelport's. It is
     * accepted all the same. */
    const void *isa = *(const void *const *)lit;
    void *pixelport = dlopen("libpixelport.so.0.1", RTLD_LAZY | RTLD_NOLOAD);
    const void *ours = pixelport ? dlsym(pixelport, "__CFConstantStringClassReference") : NULL;
    CHECK(isa == bare("__CFConstantStringClassReference"));
    CHECK(ours != NULL && isa != ours);
    printf("cf_foreign: clang CFSTR literal class pointer is in %s\n", library_of(isa));
    if (pixelport) dlclose(pixelport);
#endif

    CFRelease(s);
    CFRelease(n);
    CFRelease(d);
    /* Not one call reached the other CoreFoundation. */
    CHECK_EQ_LONG(foreign_cf_calls(), 0);
}

static void test_foreign_objects_are_rejected(void) {
    BareCreateString foreign_create = (BareCreateString)bare("CFStringCreateWithCString");
    BareMakeConstant foreign_constant = (BareMakeConstant)bare("__CFStringMakeConstantString");
    BareRetain foreign_retain = (BareRetain)bare("CFRetain");
    BareRelease foreign_release = (BareRelease)bare("CFRelease");
    CHECK(foreign_create && foreign_constant && foreign_retain && foreign_release);
    if (!(foreign_create && foreign_constant && foreign_retain && foreign_release)) return;

    long base = foreign_cf_calls();
    CFTypeRef f = foreign_create(NULL, "abc", 0x08000100);
    CFTypeRef fc = foreign_constant("abc");
    CHECK_EQ_LONG(foreign_cf_calls(), base + 2); /* the counters do count */
    CHECK_EQ_LONG(foreign_cf_refcount(f), 1);

    CFStringRef ours = CFStringCreateWithCString(NULL, "abc", kCFStringEncodingUTF8);
    CFTypeRef foreign[] = {f, fc};
    for (int i = 0; i < 2; i++) {
        CFTypeRef x = foreign[i];
        CHECK_EQ_LONG(CFGetTypeID(x), 0);
        CHECK_EQ_LONG(CFGetRetainCount(x), 0);
        CHECK_EQ_LONG(CFStringGetLength((CFStringRef)x), 0);
        CHECK_EQ_LONG(CFDataGetLength((CFDataRef)x), 0);
        CHECK(CFStringGetCStringPtr((CFStringRef)x, kCFStringEncodingUTF8) == NULL);
        CHECK(!CFEqual(x, ours) && !CFEqual(ours, x));
        CHECK(!CFEqual(x, CFSTR("abc")));
        CHECK_EQ_LONG(CFHash(x), 0);
        CHECK(CFCopyDescription(x) == NULL);
        /* pixelport's retain/release leave a foreign object untouched. */
        CHECK(CFRetain(x) == x);
        CFRelease(x);
        CFRelease(x);
    }
    CHECK_EQ_LONG(foreign_cf_refcount(f), 1);
    CFRelease(ours);
    /* None of that reached the foreign library. */
    CHECK_EQ_LONG(foreign_cf_calls(), base + 2);

    /* The foreign library still manages its own object. */
    foreign_retain(f);
    CHECK_EQ_LONG(foreign_cf_refcount(f), 2);
    foreign_release(f);
    foreign_release(f);
    CHECK_EQ_LONG(foreign_cf_calls(), base + 5);
}

int main(void) {
    test_names_are_prefixed();
    test_our_objects_stay_ours();
    test_foreign_objects_are_rejected();
    return pp_finish("cf_foreign");
}
