/*
 * CoreFoundation helpers shared by the C tests (on top of pp_test.h).
 */
#ifndef PP_CF_H
#define PP_CF_H

#include <CoreFoundation/CoreFoundation.h>

#include "pp_test.h"

/* A new (+1) UTF-8 string. */
static inline CFStringRef pp_str(const char *s) {
    return CFStringCreateWithCString(kCFAllocatorDefault, s, kCFStringEncodingUTF8);
}

/* A new (+1) int number. */
static inline CFNumberRef pp_num(int v) {
    return CFNumberCreate(kCFAllocatorDefault, kCFNumberIntType, &v);
}

/* The int value of a CFNumber, -1 when it is not one. */
static inline int pp_num_value(const void *n) {
    int v = -1;
    CFNumberGetValue((CFNumberRef)n, kCFNumberIntType, &v);
    return v;
}

/* Whether CFCopyDescription(cf) contains `needle`. */
static inline int pp_description_contains(CFTypeRef cf, const char *needle) {
    char buf[4096];
    CFStringRef d = CFCopyDescription(cf);
    int ok = d != NULL && CFStringGetCString(d, buf, sizeof buf, kCFStringEncodingUTF8) &&
             strstr(buf, needle) != NULL;
    if (d) CFRelease(d);
    return ok;
}

/* An exported string constant and the text it must have. */
struct pp_string_constant {
    const char *name;
    CFStringRef constant;
    const char *expected;
};

/* Checks that every constant is an immortal CFString equal (and hashing
 * equal) to a created string with the expected text. */
static inline void pp_check_string_constants(const struct pp_string_constant *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        CFStringRef made = pp_str(cases[i].expected);
        if (!CFEqual(cases[i].constant, made)) {
            fprintf(stderr, "%s is not \"%s\"\n", cases[i].name, cases[i].expected);
        }
        CHECK(CFEqual(cases[i].constant, made));
        CHECK(CFHash(cases[i].constant) == CFHash(made));
        CHECK(CFGetTypeID(cases[i].constant) == CFStringGetTypeID());
        CFRelease(cases[i].constant); /* immortal: must survive */
        CHECK(CFGetRetainCount(cases[i].constant) > 1000000);
        CFRelease(made);
    }
}

#endif /* PP_CF_H */
