/* CFAllocator: the constants, the per-thread default, custom allocators
 * from CFAllocatorCreate (every callback forwarded, info retained and
 * released once), the built-in allocators and bad input. */
#include <CoreFoundation/CoreFoundation.h>
#include <pthread.h>

#include "pp_test.h"
#include "support/counting_allocator.h"

static void test_constants(void) {
    CHECK(kCFAllocatorDefault == NULL);
    CFAllocatorRef all[] = {kCFAllocatorSystemDefault, kCFAllocatorMalloc,
                            kCFAllocatorMallocZone, kCFAllocatorNull, kCFAllocatorUseContext};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        CHECK(all[i] != NULL);
        CHECK(CFGetTypeID(all[i]) == CFAllocatorGetTypeID());
        /* Constants are immortal. */
        CHECK(CFGetRetainCount(all[i]) > 1000000);
        CFRelease(all[i]);
        CHECK(CFGetTypeID(all[i]) == CFAllocatorGetTypeID());
        CFStringRef d = CFCopyDescription(all[i]);
        CHECK(d != NULL && CFStringGetLength(d) > 0);
        CFRelease(d);
        for (size_t j = 0; j < i; j++) CHECK(all[i] != all[j]);
    }
    CHECK(CFAllocatorGetTypeID() != 0);
    CHECK(CFAllocatorGetTypeID() != CFStringGetTypeID());
    CFStringRef name = CFCopyTypeIDDescription(CFAllocatorGetTypeID());
    CHECK_STR(name, "CFAllocator");
    CFRelease(name);
}

static void test_builtin_allocators(void) {
    /* The malloc-based allocators hand out malloc memory: free() and
     * realloc() accept it, and they accept malloc memory back (ASan checks
     * every pairing). NULL means the default, the system allocator. */
    CFAllocatorRef mallocs[] = {NULL, kCFAllocatorSystemDefault, kCFAllocatorMalloc,
                                kCFAllocatorMallocZone};
    for (size_t i = 0; i < 4; i++) {
        char *p = CFAllocatorAllocate(mallocs[i], 32, 0);
        CHECK(p != NULL);
        memset(p, 'x', 32);
        p = CFAllocatorReallocate(mallocs[i], p, 4096, 0);
        CHECK(p != NULL && p[31] == 'x');
        p = realloc(p, 64);
        CFAllocatorDeallocate(mallocs[i], p);
        free(CFAllocatorAllocate(mallocs[i], 1, 0));
        CFAllocatorDeallocate(mallocs[i], malloc(3));
        /* Reallocate from NULL allocates; to 0 frees and returns NULL. */
        p = CFAllocatorReallocate(mallocs[i], NULL, 10, 0);
        CHECK(p != NULL);
        CHECK(CFAllocatorReallocate(mallocs[i], p, 0, 0) == NULL);
        CHECK(CFAllocatorReallocate(mallocs[i], NULL, 0, 0) == NULL);
        CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(mallocs[i], 100, 0), 100);
        CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(mallocs[i], 0, 0), 0);
        CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(mallocs[i], -5, 0), 0);

        /* Their context works like theirs: malloc-compatible callbacks. */
        CFAllocatorContext ctx;
        memset(&ctx, 0xAB, sizeof ctx);
        ctx.version = 0;
        CFAllocatorGetContext(mallocs[i], &ctx);
        CHECK(ctx.version == 0 && ctx.info == NULL);
        CHECK(ctx.retain == NULL && ctx.release == NULL && ctx.copyDescription == NULL);
        CHECK(ctx.allocate != NULL && ctx.reallocate != NULL && ctx.deallocate != NULL);
        if (ctx.allocate && ctx.reallocate && ctx.deallocate) {
            p = ctx.allocate(16, 0, ctx.info);
            CHECK(p != NULL);
            p = ctx.reallocate(p, 32, 0, ctx.info);
            CHECK(p != NULL);
            free(p);
            ctx.deallocate(malloc(5), ctx.info);
        }
        if (ctx.preferredSize) CHECK_EQ_LONG(ctx.preferredSize(7, 0, ctx.info), 7);
    }

    /* kCFAllocatorNull allocates nothing and frees nothing (ASan would
     * report freeing a stack address). */
    char on_stack[8];
    CHECK(CFAllocatorAllocate(kCFAllocatorNull, 16, 0) == NULL);
    CHECK(CFAllocatorReallocate(kCFAllocatorNull, NULL, 16, 0) == NULL);
    CHECK(CFAllocatorReallocate(kCFAllocatorNull, on_stack, 16, 0) == NULL);
    CHECK(CFAllocatorReallocate(kCFAllocatorNull, on_stack, 0, 0) == NULL);
    CFAllocatorDeallocate(kCFAllocatorNull, on_stack);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(kCFAllocatorNull, 9, 0), 9);
    CHECK(CFAllocatorAllocate(kCFAllocatorUseContext, 16, 0) == NULL);
    CFAllocatorDeallocate(kCFAllocatorUseContext, on_stack);

    /* Bad sizes. */
    CHECK(CFAllocatorAllocate(NULL, 0, 0) == NULL);
    CHECK(CFAllocatorAllocate(NULL, -1, 0) == NULL);
    CFAllocatorDeallocate(NULL, NULL);
    /* A failed (negative-size) reallocation leaves the block alone, like a
     * realloc failure: the caller still owns it. */
    char *keep = CFAllocatorAllocate(NULL, 8, 0);
    CHECK(CFAllocatorReallocate(NULL, keep, -1, 0) == NULL);
    keep[7] = 1;
    CFAllocatorDeallocate(NULL, keep);
}

static void test_custom_allocator(void) {
    Counts c = {0};
    CFAllocatorContext ctx = counting_context(&c);
    CFAllocatorRef a = CFAllocatorCreate(kCFAllocatorDefault, &ctx);
    CHECK(a != NULL);
    CHECK(CFGetTypeID(a) == CFAllocatorGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(a), 1);
    CHECK_EQ_LONG(atomic_load(&c.retains), 1);
    CHECK_EQ_LONG(atomic_load(&c.releases), 0);

    /* Each call is forwarded once, with the hint and the info. */
    void *p = CFAllocatorAllocate(a, 24, 7);
    CHECK(p != NULL);
    CHECK_EQ_LONG(atomic_load(&c.allocs), 1);
    CHECK_EQ_LONG(atomic_load(&c.last_hint), 7);
    p = CFAllocatorReallocate(a, p, 100, 9);
    CHECK(p != NULL);
    CHECK_EQ_LONG(atomic_load(&c.reallocs), 1);
    CHECK_EQ_LONG(atomic_load(&c.last_hint), 9);
    CFAllocatorDeallocate(a, p);
    CHECK_EQ_LONG(atomic_load(&c.deallocs), 1);
    /* Reallocate's edge cases map onto allocate and deallocate. */
    p = CFAllocatorReallocate(a, NULL, 8, 0);
    CHECK_EQ_LONG(atomic_load(&c.allocs), 2);
    CHECK(CFAllocatorReallocate(a, p, 0, 0) == NULL);
    CHECK_EQ_LONG(atomic_load(&c.deallocs), 2);
    CHECK_EQ_LONG(atomic_load(&c.reallocs), 1);
    CFAllocatorDeallocate(a, NULL);
    CHECK_EQ_LONG(atomic_load(&c.deallocs), 2);
    /* Sizes <= 0 never reach the callbacks. */
    CHECK(CFAllocatorAllocate(a, 0, 0) == NULL);
    CHECK(CFAllocatorAllocate(a, -8, 0) == NULL);
    CHECK_EQ_LONG(atomic_load(&c.allocs), 2);

    /* Preferred size: forwarded for positive sizes, never below the size. */
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, 10, 3), 64);
    CHECK_EQ_LONG(atomic_load(&c.preferred), 1);
    CHECK_EQ_LONG(atomic_load(&c.last_hint), 3);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, 0, 0), 0);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, -1, 0), 0);
    CHECK_EQ_LONG(atomic_load(&c.preferred), 1);

    /* GetContext returns what was registered, with the retained info. */
    CFAllocatorContext out;
    memset(&out, 0, sizeof out);
    CFAllocatorGetContext(a, &out);
    CHECK(out.version == 0 && out.info == &c);
    CHECK(out.retain == counting_retain && out.release == counting_release);
    CHECK(out.copyDescription == counting_description);
    CHECK(out.allocate == counting_allocate && out.reallocate == counting_reallocate);
    CHECK(out.deallocate == counting_deallocate && out.preferredSize == counting_preferred);
    /* A context whose version is not 0, or NULL, receives nothing. */
    memset(&out, 0, sizeof out);
    out.version = 1;
    CFAllocatorGetContext(a, &out);
    CHECK(out.version == 1 && out.info == NULL);
    CFAllocatorGetContext(a, NULL);
    /* Nor does one asked of something that is not an allocator. */
    out.version = 0;
    CFAllocatorGetContext((CFAllocatorRef)CFSTR("not an allocator"), &out);
    CHECK(out.info == NULL && out.allocate == NULL);

    /* Retain/release of the allocator object never touch the info. */
    CFRetain(a);
    CHECK_EQ_LONG(CFGetRetainCount(a), 2);
    CFRelease(a);
    CHECK_EQ_LONG(atomic_load(&c.releases), 0);
    CFStringRef desc = CFCopyDescription(a);
    CHECK(desc != NULL);
    CFRelease(desc);

    /* Destroying it releases the info exactly once. */
    CFRelease(a);
    CHECK_EQ_LONG(atomic_load(&c.retains), 1);
    CHECK_EQ_LONG(atomic_load(&c.releases), 1);

    /* A context without retain/release keeps its info unretained. */
    Counts bare = {0};
    CFAllocatorContext bare_ctx = counting_context(&bare);
    bare_ctx.retain = NULL;
    bare_ctx.release = NULL;
    bare_ctx.allocate = NULL;
    bare_ctx.reallocate = NULL;
    bare_ctx.preferredSize = NULL;
    a = CFAllocatorCreate(kCFAllocatorUseContext, &bare_ctx);
    CHECK(a != NULL);
    /* Missing callbacks: allocation fails, sizes are passed through. */
    CHECK(CFAllocatorAllocate(a, 8, 0) == NULL);
    CHECK(CFAllocatorReallocate(a, NULL, 8, 0) == NULL);
    char *mine = malloc(4);
    CHECK(CFAllocatorReallocate(a, mine, 8, 0) == NULL); /* still ours */
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, 10, 0), 10);
    CFAllocatorDeallocate(a, mine);
    CHECK_EQ_LONG(atomic_load(&bare.deallocs), 1);
    CFRelease(a);
    CHECK_EQ_LONG(atomic_load(&bare.retains) + atomic_load(&bare.releases), 0);

    /* A preferred-size callback answering less than asked is overruled. */
    bare_ctx.preferredSize = counting_preferred; /* rounds up to 64 */
    a = CFAllocatorCreate(NULL, &bare_ctx);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, 64, 0), 64);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(a, 65, 0), 128);
    CFRelease(a);
}

static void test_bad_create_and_wrong_types(void) {
    Counts c = {0};
    CFAllocatorContext ctx = counting_context(&c);
    CHECK(CFAllocatorCreate(NULL, NULL) == NULL);
    ctx.version = 1;
    CHECK(CFAllocatorCreate(NULL, &ctx) == NULL);
    ctx.version = -1;
    CHECK(CFAllocatorCreate(NULL, &ctx) == NULL);
    CHECK_EQ_LONG(atomic_load(&c.retains), 0);

    /* Something that is not an allocator: no allocation, no free (the
     * buffer below is freed by us afterwards; ASan would catch a second
     * free), no callback. */
    CFStringRef s = CFStringCreateWithCString(NULL, "str", kCFStringEncodingUTF8);
    CFAllocatorRef wrong = (CFAllocatorRef)s;
    CHECK(CFAllocatorAllocate(wrong, 8, 0) == NULL);
    char *p = malloc(8);
    CFAllocatorDeallocate(wrong, p);
    CHECK(CFAllocatorReallocate(wrong, p, 16, 0) == NULL);
    free(p);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(wrong, 8, 0), 8);
    CFAllocatorSetDefault(wrong);
    CHECK(CFAllocatorGetDefault() == kCFAllocatorSystemDefault);
    CFRelease(s);
}

/* Kept reachable for LSan: a default allocator is never destroyed. */
static CFAllocatorRef g_main_default, g_thread_default;
static Counts g_main_counts, g_thread_counts;
static CFAllocatorRef g_seen_by_thread[3];

static void *thread_defaults(void *arg) {
    (void)arg;
    /* A new thread starts with the system default, whatever main set. */
    g_seen_by_thread[0] = CFAllocatorGetDefault();
    CFAllocatorSetDefault(g_thread_default);
    g_seen_by_thread[1] = CFAllocatorGetDefault();
    void *p = CFAllocatorAllocate(NULL, 4, 0);
    CFAllocatorDeallocate(kCFAllocatorDefault, p);
    g_seen_by_thread[2] = CFAllocatorGetDefault();
    return NULL;
}

static void test_default_per_thread(void) {
    CHECK(CFAllocatorGetDefault() == kCFAllocatorSystemDefault);
    CFAllocatorSetDefault(NULL); /* ignored */
    CHECK(CFAllocatorGetDefault() == kCFAllocatorSystemDefault);

    g_main_default = counting_allocator(&g_main_counts);
    g_thread_default = counting_allocator(&g_thread_counts);
    CHECK_EQ_LONG(CFGetRetainCount(g_main_default), 1);

    /* Setting a default retains it twice: once for the slot, once for
     * good (a default allocator is never destroyed, CFBase.h). Setting the
     * current default again changes nothing. */
    CFAllocatorSetDefault(g_main_default);
    CHECK(CFAllocatorGetDefault() == g_main_default);
    CHECK_EQ_LONG(CFGetRetainCount(g_main_default), 3);
    CFAllocatorSetDefault(g_main_default);
    CHECK_EQ_LONG(CFGetRetainCount(g_main_default), 3);

    /* NULL / kCFAllocatorDefault now mean the custom allocator. */
    void *p = CFAllocatorAllocate(NULL, 16, 0);
    CHECK_EQ_LONG(atomic_load(&g_main_counts.allocs), 1);
    CFAllocatorDeallocate(kCFAllocatorDefault, p);
    CHECK_EQ_LONG(atomic_load(&g_main_counts.deallocs), 1);
    CHECK_EQ_LONG(CFAllocatorGetPreferredSizeForSize(NULL, 1, 0), 64);

    pthread_t t;
    pthread_create(&t, NULL, thread_defaults, NULL);
    pthread_join(t, NULL);
    CHECK(g_seen_by_thread[0] == kCFAllocatorSystemDefault);
    CHECK(g_seen_by_thread[1] == g_thread_default);
    CHECK(g_seen_by_thread[2] == g_thread_default);
    CHECK_EQ_LONG(atomic_load(&g_thread_counts.allocs), 1);
    CHECK_EQ_LONG(atomic_load(&g_thread_counts.deallocs), 1);
    /* The exited thread gave back its slot's reference; the one "for good"
     * stays. The main thread's default is unaffected. */
    CHECK_EQ_LONG(CFGetRetainCount(g_thread_default), 2);
    CHECK(CFAllocatorGetDefault() == g_main_default);

    /* Replacing the default releases the slot's reference only. */
    CFAllocatorSetDefault(kCFAllocatorSystemDefault);
    CHECK(CFAllocatorGetDefault() == kCFAllocatorSystemDefault);
    CHECK_EQ_LONG(CFGetRetainCount(g_main_default), 2);
    free(CFAllocatorAllocate(NULL, 8, 0));
    CHECK_EQ_LONG(atomic_load(&g_main_counts.allocs), 1);

    /* Our own references go; the allocators live on for good. */
    CFRelease(g_main_default);
    CFRelease(g_thread_default);
    CHECK_EQ_LONG(CFGetRetainCount(g_main_default), 1);
    CHECK_EQ_LONG(atomic_load(&g_main_counts.releases), 0);
}

int main(void) {
    test_constants();
    test_builtin_allocators();
    test_custom_allocator();
    test_bad_create_and_wrong_types();
    test_default_per_thread();
    return pp_finish("cf_allocator");
}
