/*
 * Minimal test helpers for the C programs in capi-tests/.
 * Each program includes only Apple headers plus this file, and exits
 * non-zero when any CHECK failed.
 */
#ifndef PP_TEST_H
#define PP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pp_failures = 0;
static int pp_checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        pp_checks++;                                                             \
        if (!(cond)) {                                                           \
            pp_failures++;                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

#define CHECK_EQ_LONG(a, b)                                                      \
    do {                                                                         \
        long pp_a = (long)(a), pp_b = (long)(b);                                 \
        pp_checks++;                                                             \
        if (pp_a != pp_b) {                                                      \
            pp_failures++;                                                       \
            fprintf(stderr, "%s:%d: %s == %s failed: %ld != %ld\n", __FILE__,    \
                    __LINE__, #a, #b, pp_a, pp_b);                               \
        }                                                                        \
    } while (0)

#define CHECK_STR(cf, expected)                                                  \
    do {                                                                         \
        char pp_buf[512];                                                        \
        pp_checks++;                                                             \
        if (!CFStringGetCString((cf), pp_buf, sizeof pp_buf, kCFStringEncodingUTF8) || \
            strcmp(pp_buf, (expected)) != 0) {                                   \
            pp_failures++;                                                       \
            fprintf(stderr, "%s:%d: string %s != \"%s\"\n", __FILE__, __LINE__, #cf, \
                    (expected));                                                 \
        }                                                                        \
    } while (0)

static inline int pp_finish(const char *name) {
    printf("%s: %d checks, %d failed\n", name, pp_checks, pp_failures);
    return pp_failures == 0 ? 0 : 1;
}

#endif /* PP_TEST_H */
