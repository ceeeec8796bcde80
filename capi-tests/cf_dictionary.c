/* CFDictionary / CFMutableDictionary: every function, ownership, lookups
 * through the callbacks (CFSTR vs created strings), NULL and custom
 * callbacks, nesting, equality, re-entrant appliers, threads, bad input. */
#include <CoreFoundation/CoreFoundation.h>
#include <pthread.h>
#include <stdint.h>

#include "pp_cf.h"

/* C11 has no strdup. */
static char *dup_string(const char *s) {
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    memcpy(copy, s, n);
    return copy;
}

/* ---- custom callbacks: C-string keys copied with strdup, counted ---- */

static int g_key_retains, g_key_releases, g_value_retains, g_value_releases;

static const void *key_retain(CFAllocatorRef a, const void *v) {
    (void)a;
    g_key_retains++;
    return dup_string((const char *)v);
}
static void key_release(CFAllocatorRef a, const void *v) {
    (void)a;
    g_key_releases++;
    free((void *)v);
}
static CFStringRef key_describe(const void *v) {
    return CFStringCreateWithCString(NULL, (const char *)v, kCFStringEncodingUTF8);
}
static Boolean key_equal(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b) == 0;
}
static CFHashCode key_hash(const void *v) {
    CFHashCode h = 5381;
    for (const unsigned char *p = v; *p; p++) h = h * 33 + *p;
    return h;
}
static const void *value_retain(CFAllocatorRef a, const void *v) {
    (void)a;
    g_value_retains++;
    return v;
}
static void value_release(CFAllocatorRef a, const void *v) {
    (void)a;
    (void)v;
    g_value_releases++;
}

/* ---- appliers ---- */

struct apply_ctx {
    CFDictionaryRef dict;
    int calls;
    int sum;
    int found_self;
};

static void sum_applier(const void *key, const void *value, void *context) {
    struct apply_ctx *ctx = context;
    ctx->calls++;
    ctx->sum += pp_num_value(value);
    /* Re-entrant reads of the same dictionary must not deadlock. */
    if (CFDictionaryGetValue(ctx->dict, key) == value && CFDictionaryGetCount(ctx->dict) > 0 &&
        CFDictionaryContainsKey(ctx->dict, key))
        ctx->found_self++;
    CFStringRef d = CFCopyDescription(ctx->dict);
    CFRelease(d);
}

static void removing_applier(const void *key, const void *value, void *context) {
    struct apply_ctx *ctx = context;
    ctx->calls++;
    /* Not allowed by Apple; must still be memory-safe: the pair stays
     * valid for the rest of this call. */
    CFDictionaryRemoveValue((CFMutableDictionaryRef)ctx->dict, key);
    ctx->sum += pp_num_value(value);
}

/* ---- threads ---- */

static CFMutableDictionaryRef g_shared;

static void *reader(void *arg) {
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        const void *v = CFDictionaryGetValue(g_shared, CFSTR("fixed"));
        if (v == NULL || pp_num_value(v) != 42) return (void *)1;
        CFDictionaryRef copy = CFDictionaryCreateCopy(NULL, g_shared);
        CFRelease(copy);
    }
    return NULL;
}

static void *writer(void *arg) {
    long id = (long)arg;
    char name[32];
    for (int i = 0; i < 500; i++) {
        snprintf(name, sizeof name, "w%ld-%d", id, i % 20);
        CFStringRef k = pp_str(name);
        CFNumberRef v = pp_num(i);
        CFDictionarySetValue(g_shared, k, v);
        if (i % 3 == 0) CFDictionaryRemoveValue(g_shared, k);
        CFRelease(k);
        CFRelease(v);
    }
    return NULL;
}

int main(void) {
    /* ---- type IDs ---- */
    CHECK(CFDictionaryGetTypeID() != CFStringGetTypeID());
    CHECK(CFDictionaryGetTypeID() != CFArrayGetTypeID());
    CFStringRef tname = CFCopyTypeIDDescription(CFDictionaryGetTypeID());
    CHECK_STR(tname, "CFDictionary");
    CFRelease(tname);

    /* ---- CFDictionaryCreate with CFType callbacks: ownership, lookups ---- */
    CFStringRef kWidth = pp_str("Width");
    CFNumberRef v640 = pp_num(640), v480 = pp_num(480);
    const void *keys[] = {kWidth, CFSTR("Height")};
    const void *values[] = {v640, v480};
    CFDictionaryRef d = CFDictionaryCreate(NULL, keys, values, 2, &kCFTypeDictionaryKeyCallBacks,
                                           &kCFTypeDictionaryValueCallBacks);
    CHECK(d != NULL);
    CHECK(CFGetTypeID(d) == CFDictionaryGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(d), 1);
    CHECK_EQ_LONG(CFDictionaryGetCount(d), 2);
    CHECK_EQ_LONG(CFGetRetainCount(kWidth), 2);
    CHECK_EQ_LONG(CFGetRetainCount(v640), 2);
    CHECK_EQ_LONG(CFGetRetainCount(v480), 2);
    /* A CFSTR literal finds the entry stored under a created string, and a
     * created string finds the entry stored under a literal. */
    CHECK(CFDictionaryGetValue(d, CFSTR("Width")) == v640);
    CFStringRef kHeight = pp_str("Height");
    CHECK(CFDictionaryGetValue(d, kHeight) == v480);
    CHECK(CFDictionaryGetValue(d, CFSTR("Depth")) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(v640), 2); /* Get is +0 */
    CHECK_EQ_LONG(CFDictionaryGetCountOfKey(d, kHeight), 1);
    CHECK_EQ_LONG(CFDictionaryGetCountOfKey(d, CFSTR("Depth")), 0);
    CHECK(CFDictionaryContainsKey(d, CFSTR("Width")));
    CHECK(!CFDictionaryContainsKey(d, CFSTR("width")));
    CFNumberRef other640 = pp_num(640);
    CHECK(CFDictionaryContainsValue(d, other640)); /* by CFEqual, not pointer */
    CHECK_EQ_LONG(CFDictionaryGetCountOfValue(d, other640), 1);
    CHECK(!CFDictionaryContainsValue(d, kWidth));
    const void *out = (const void *)0x1;
    CHECK(CFDictionaryGetValueIfPresent(d, CFSTR("Height"), &out));
    CHECK(out == v480);
    out = (const void *)0x1;
    CHECK(!CFDictionaryGetValueIfPresent(d, CFSTR("Nope"), &out));
    CHECK(out == (const void *)0x1); /* untouched when absent */
    CHECK(CFDictionaryGetValueIfPresent(d, CFSTR("Width"), NULL));

    /* GetKeysAndValues: insertion order, i-th key matches i-th value. */
    const void *gk[2] = {0}, *gv[2] = {0};
    CFDictionaryGetKeysAndValues(d, gk, gv);
    CHECK(gk[0] == kWidth && gv[0] == v640);
    CHECK(CFEqual(gk[1], CFSTR("Height")) && gv[1] == v480);
    const void *only_values[2] = {0};
    CFDictionaryGetKeysAndValues(d, NULL, only_values);
    CHECK(only_values[0] == v640 && only_values[1] == v480);
    const void *only_keys[2] = {0};
    CFDictionaryGetKeysAndValues(d, only_keys, NULL);
    CHECK(only_keys[0] == kWidth);
    CFDictionaryGetKeysAndValues(d, NULL, NULL);

    /* Description: property-list style. */
    CHECK(pp_description_contains(d, "Width = "));
    CHECK(pp_description_contains(d, "Height = "));
    CHECK(pp_description_contains(d, "{\n"));

    /* ApplyFunction, with an applier that reads the same dictionary. */
    struct apply_ctx ctx = {d, 0, 0, 0};
    CFDictionaryApplyFunction(d, sum_applier, &ctx);
    CHECK_EQ_LONG(ctx.calls, 2);
    CHECK_EQ_LONG(ctx.sum, 1120);
    CHECK_EQ_LONG(ctx.found_self, 2);
    CFDictionaryApplyFunction(d, NULL, &ctx); /* NULL applier: no-op */

    /* Immutable: every mutator is a no-op. */
    CFNumberRef v1 = pp_num(1);
    CFDictionaryAddValue((CFMutableDictionaryRef)d, CFSTR("New"), v1);
    CFDictionarySetValue((CFMutableDictionaryRef)d, CFSTR("Width"), v1);
    CFDictionaryReplaceValue((CFMutableDictionaryRef)d, CFSTR("Width"), v1);
    CFDictionaryRemoveValue((CFMutableDictionaryRef)d, CFSTR("Width"));
    CFDictionaryRemoveAllValues((CFMutableDictionaryRef)d);
    CHECK_EQ_LONG(CFDictionaryGetCount(d), 2);
    CHECK(CFDictionaryGetValue(d, CFSTR("Width")) == v640);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);

    /* CreateCopy of an immutable dictionary: the same object, retained. */
    CFDictionaryRef same = CFDictionaryCreateCopy(NULL, d);
    CHECK(same == d);
    CHECK_EQ_LONG(CFGetRetainCount(d), 2);
    CFRelease(same);

    /* MutableCopy: new object, its own references, equal contents. */
    CFMutableDictionaryRef m = CFDictionaryCreateMutableCopy(NULL, 0, d);
    CHECK(m != NULL && (CFTypeRef)m != (CFTypeRef)d);
    CHECK(CFGetTypeID(m) == CFDictionaryGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(v640), 3);
    CHECK(CFEqual(m, d) && CFEqual(d, m));
    CHECK(CFHash(m) == CFHash(d));

    /* ---- mutable semantics ---- */
    CFNumberRef v2 = pp_num(2), v3 = pp_num(3);
    /* AddValue: only if absent; nothing retained when present. */
    CFDictionaryAddValue(m, CFSTR("Width"), v1);
    CHECK(CFDictionaryGetValue(m, CFSTR("Width")) == v640);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CFStringRef kNew = pp_str("New");
    CFDictionaryAddValue(m, kNew, v1);
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 3);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 2);
    CHECK_EQ_LONG(CFGetRetainCount(kNew), 2);
    CHECK(!CFEqual(m, d));
    /* SetValue on an existing key: value replaced (old released), the key
     * object already stored is kept. */
    CFStringRef kNew2 = pp_str("New");
    CFDictionarySetValue(m, kNew2, v2);
    CHECK(CFDictionaryGetValue(m, CFSTR("New")) == v2);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 2);
    CHECK_EQ_LONG(CFGetRetainCount(kNew), 2);
    CHECK_EQ_LONG(CFGetRetainCount(kNew2), 1);
    const void *mk[3], *mv[3];
    CFDictionaryGetKeysAndValues(m, mk, mv);
    CHECK(mk[2] == kNew && mv[2] == v2);
    /* Setting the same value again must not free it in between. */
    CFDictionarySetValue(m, CFSTR("New"), v2);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 2);
    /* SetValue on a new key adds. */
    CFDictionarySetValue(m, CFSTR("Other"), v3);
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 4);
    /* ReplaceValue: only if present. */
    CFDictionaryReplaceValue(m, CFSTR("Absent"), v1);
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 4);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CFDictionaryReplaceValue(m, CFSTR("Other"), v1);
    CHECK(CFDictionaryGetValue(m, CFSTR("Other")) == v1);
    CHECK_EQ_LONG(CFGetRetainCount(v3), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 2);
    /* CountOfValue counts every equal value. */
    CFDictionarySetValue(m, CFSTR("Twin"), v1);
    CHECK_EQ_LONG(CFDictionaryGetCountOfValue(m, v1), 2);
    /* RemoveValue releases key and value. */
    CFDictionaryRemoveValue(m, CFSTR("New"));
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 4);
    CHECK_EQ_LONG(CFGetRetainCount(kNew), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 1);
    CHECK(!CFDictionaryContainsKey(m, kNew));
    CFDictionaryRemoveValue(m, CFSTR("New")); /* absent: no-op */
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 4);
    /* CreateCopy of a mutable dictionary: a new immutable one. */
    CFDictionaryRef frozen = CFDictionaryCreateCopy(NULL, m);
    CHECK(frozen != NULL && (CFTypeRef)frozen != (CFTypeRef)m);
    CHECK(CFEqual(frozen, m));
    CFDictionarySetValue((CFMutableDictionaryRef)frozen, CFSTR("X"), v1);
    CHECK_EQ_LONG(CFDictionaryGetCount(frozen), 4);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 5); /* ours, m twice, frozen twice */
    CFRelease(frozen);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 3);
    /* RemoveAllValues releases everything. */
    CFDictionaryRemoveAllValues(m);
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 0);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v640), 2);
    CHECK(pp_description_contains(m, "{\n}"));
    /* The applier may mutate (against the rules) without crashing. */
    CFDictionarySetValue(m, CFSTR("a"), v1);
    CFDictionarySetValue(m, CFSTR("b"), v2);
    struct apply_ctx rm = {m, 0, 0, 0};
    CFDictionaryApplyFunction(m, removing_applier, &rm);
    CHECK_EQ_LONG(rm.calls, 2);
    CHECK_EQ_LONG(rm.sum, 3);
    CHECK_EQ_LONG(CFDictionaryGetCount(m), 0);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CFRelease(m);

    /* Releasing the dictionary releases what it held. */
    CFRelease(d);
    CHECK_EQ_LONG(CFGetRetainCount(kWidth), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v640), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v480), 1);

    /* ---- duplicates in Create: the later value wins, the first key stays ---- */
    CFStringRef dupA = pp_str("dup"), dupB = pp_str("dup");
    const void *dk[] = {dupA, dupB, CFSTR("x")};
    const void *dv[] = {v1, v2, v3};
    CFDictionaryRef dd = CFDictionaryCreate(NULL, dk, dv, 3, &kCFTypeDictionaryKeyCallBacks,
                                            &kCFTypeDictionaryValueCallBacks);
    CHECK_EQ_LONG(CFDictionaryGetCount(dd), 2);
    CHECK(CFDictionaryGetValue(dd, CFSTR("dup")) == v2);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 2);
    CHECK_EQ_LONG(CFGetRetainCount(dupA), 2);
    CHECK_EQ_LONG(CFGetRetainCount(dupB), 1);
    CFRelease(dd);
    CHECK_EQ_LONG(CFGetRetainCount(dupA), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 1);

    /* ---- kCFCopyStringDictionaryKeyCallBacks ---- */
    CFMutableDictionaryRef cs = CFDictionaryCreateMutable(
        NULL, 0, &kCFCopyStringDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(cs, dupA, v1);
    CFDictionarySetValue(cs, v3, v2); /* a non-string key is retained */
    const void *ck[2];
    CFDictionaryGetKeysAndValues(cs, ck, NULL);
    CHECK(CFEqual(ck[0], dupA));
    CHECK(CFDictionaryGetValue(cs, CFSTR("dup")) == v1);
    CHECK(CFDictionaryGetValue(cs, v3) == v2);
    CHECK_EQ_LONG(CFGetRetainCount(v3), 2);
    CFRelease(cs);
    CHECK_EQ_LONG(CFGetRetainCount(dupA), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v3), 1);

    /* ---- NULL callbacks: arbitrary pointer-sized values ---- */
    CFMutableDictionaryRef raw = CFDictionaryCreateMutable(NULL, 4, NULL, NULL);
    CHECK(raw != NULL);
    for (intptr_t i = 1; i <= 100; i++)
        CFDictionaryAddValue(raw, (const void *)i, (const void *)(i * 10));
    CHECK_EQ_LONG(CFDictionaryGetCount(raw), 100);
    CHECK(CFDictionaryGetValue(raw, (const void *)7) == (const void *)70);
    CHECK(CFDictionaryContainsValue(raw, (const void *)1000));
    CHECK(!CFDictionaryContainsValue(raw, (const void *)1001));
    /* NULL is an ordinary key and value here. */
    CFDictionarySetValue(raw, NULL, (const void *)5);
    CHECK(CFDictionaryGetValue(raw, NULL) == (const void *)5);
    CFDictionarySetValue(raw, (const void *)8, NULL);
    const void *nv = (const void *)1;
    CHECK(CFDictionaryGetValueIfPresent(raw, (const void *)8, &nv) && nv == NULL);
    CHECK(CFDictionaryContainsValue(raw, NULL));
    CHECK(pp_description_contains(raw, "0x"));
    /* Dictionaries with different callbacks are never equal (so no
     * callback is handed a non-object), even when both are empty. */
    CFMutableDictionaryRef typed = CFDictionaryCreateMutable(
        NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CHECK(!CFEqual(raw, typed) && !CFEqual(typed, raw));
    CFMutableDictionaryRef rawEmpty = CFDictionaryCreateMutable(NULL, 0, NULL, NULL);
    CHECK(!CFEqual(rawEmpty, typed));
    CFRelease(rawEmpty);
    CFRelease(typed);
    CFMutableDictionaryRef raw2 = CFDictionaryCreateMutableCopy(NULL, 0, raw);
    CHECK(CFEqual(raw, raw2));
    CFDictionaryRemoveValue(raw2, NULL);
    CHECK(!CFEqual(raw, raw2));
    const void *rk[] = {(const void *)1, (const void *)1, (const void *)2};
    const void *rv[] = {(const void *)10, (const void *)11, (const void *)20};
    CFDictionaryRef rawImm = CFDictionaryCreate(NULL, rk, rv, 3, NULL, NULL);
    CHECK_EQ_LONG(CFDictionaryGetCount(rawImm), 2);
    CHECK(CFDictionaryGetValue(rawImm, (const void *)1) == (const void *)11);
    CFRelease(rawImm);
    CFRelease(raw2);
    CFRelease(raw);

    /* ---- custom callbacks, counted; retain returns a copy ---- */
    CFDictionaryKeyCallBacks kcb = {0, key_retain, key_release, key_describe, key_equal, key_hash};
    CFDictionaryValueCallBacks vcb = {0, value_retain, value_release, NULL, NULL};
    const void *ckeys[] = {"alpha", "beta", "gamma"};
    const void *cvals[] = {(const void *)1, (const void *)2, (const void *)3};
    CFDictionaryRef cd = CFDictionaryCreate(NULL, ckeys, cvals, 3, &kcb, &vcb);
    CHECK_EQ_LONG(g_key_retains, 3);
    CHECK_EQ_LONG(g_value_retains, 3);
    char probe[] = "beta"; /* a different pointer with equal contents */
    CHECK(CFDictionaryGetValue(cd, probe) == (const void *)2);
    CHECK(pp_description_contains(cd, "gamma = <0x3>"));
    CFMutableDictionaryRef cm = CFDictionaryCreateMutableCopy(NULL, 0, cd);
    CHECK_EQ_LONG(g_key_retains, 6);
    CHECK_EQ_LONG(g_value_retains, 6);
    CHECK(CFEqual(cm, cd));
    CFRelease(cd);
    CHECK_EQ_LONG(g_key_releases, 3);
    CHECK_EQ_LONG(g_value_releases, 3);
    CFDictionaryAddValue(cm, "alpha", (const void *)9); /* present: nothing retained */
    CHECK_EQ_LONG(g_key_retains, 6);
    CHECK_EQ_LONG(g_value_retains, 6);
    CFDictionarySetValue(cm, "alpha", (const void *)9); /* value only */
    CHECK_EQ_LONG(g_key_retains, 6);
    CHECK_EQ_LONG(g_value_retains, 7);
    CHECK_EQ_LONG(g_value_releases, 4);
    CFDictionaryReplaceValue(cm, "delta", (const void *)4); /* absent: nothing */
    CHECK_EQ_LONG(g_value_retains, 7);
    CFDictionarySetValue(cm, "delta", (const void *)4);
    CHECK_EQ_LONG(g_key_retains, 7);
    CHECK_EQ_LONG(g_value_retains, 8);
    CFDictionaryRemoveValue(cm, "beta");
    CHECK_EQ_LONG(g_key_releases, 4);
    CHECK_EQ_LONG(g_value_releases, 5);
    CHECK_EQ_LONG(CFDictionaryGetCount(cm), 3);
    CFRelease(cm);
    CHECK_EQ_LONG(g_key_releases, g_key_retains);
    CHECK_EQ_LONG(g_value_releases, g_value_retains);

    /* ---- nested dictionaries ---- */
    CFMutableDictionaryRef inner = CFDictionaryCreateMutable(
        NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(inner, CFSTR("Depth"), v3);
    const void *ok[] = {CFSTR("Inner"), CFSTR("Flag")};
    const void *ov[] = {inner, kCFBooleanTrue};
    CFDictionaryRef outer = CFDictionaryCreate(NULL, ok, ov, 2, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CHECK_EQ_LONG(CFGetRetainCount(inner), 2);
    CFDictionaryRef got = CFDictionaryGetValue(outer, CFSTR("Inner"));
    CHECK(CFDictionaryGetValue(got, CFSTR("Depth")) == v3);
    CHECK(pp_description_contains(outer, "Inner = {\n        Depth = "));
    /* A structurally equal copy built independently. */
    CFStringRef kDepth = pp_str("Depth");
    CFNumberRef three = pp_num(3);
    const void *ik[] = {kDepth};
    const void *iv[] = {three};
    CFDictionaryRef inner2 = CFDictionaryCreate(NULL, ik, iv, 1, &kCFTypeDictionaryKeyCallBacks,
                                                &kCFTypeDictionaryValueCallBacks);
    const void *ok2[] = {CFSTR("Flag"), CFSTR("Inner")};
    const void *ov2[] = {kCFBooleanTrue, inner2};
    CFDictionaryRef outer2 = CFDictionaryCreate(NULL, ok2, ov2, 2, &kCFTypeDictionaryKeyCallBacks,
                                                &kCFTypeDictionaryValueCallBacks);
    CHECK(CFEqual(outer, outer2) && CFEqual(outer2, outer));
    CHECK(CFHash(outer) == CFHash(outer2));
    CFDictionarySetValue(inner, CFSTR("Depth"), v1);
    CHECK(!CFEqual(outer, outer2));
    CHECK(!CFEqual(outer, inner));
    CHECK(!CFEqual(outer, CFSTR("Inner")));
    CFRelease(outer);
    CHECK_EQ_LONG(CFGetRetainCount(inner), 1);
    CFRelease(inner);
    CFRelease(outer2);
    CFRelease(inner2);
    CFRelease(kDepth);
    CFRelease(three);

    /* ---- a large dictionary stays fast and consistent ---- */
    CFMutableDictionaryRef big = CFDictionaryCreateMutable(
        NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    enum { N = 5000 };
    char name[32];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "key%d", i);
        CFStringRef k = pp_str(name);
        CFNumberRef v = pp_num(i);
        CFDictionaryAddValue(big, k, v);
        CFRelease(k);
        CFRelease(v);
    }
    CHECK_EQ_LONG(CFDictionaryGetCount(big), N);
    int lookups_ok = 1, removed = 0;
    for (int i = 0; i < N; i += 7) {
        snprintf(name, sizeof name, "key%d", i);
        CFStringRef k = pp_str(name);
        const void *v = CFDictionaryGetValue(big, k);
        if (v == NULL || pp_num_value(v) != i) lookups_ok = 0;
        if (i % 2 == 0) {
            CFDictionaryRemoveValue(big, k);
            removed++;
        }
        CFRelease(k);
    }
    CHECK(lookups_ok);
    CHECK_EQ_LONG(CFDictionaryGetCount(big), N - removed);
    CHECK(!CFDictionaryContainsKey(big, CFSTR("key0")));
    CHECK(CFDictionaryContainsKey(big, CFSTR("key7")));
    CHECK(CFDictionaryContainsKey(big, CFSTR("key4999")));
    const void **bk = malloc(sizeof(void *) * N);
    CFDictionaryGetKeysAndValues(big, bk, NULL);
    CHECK(CFEqual(bk[0], CFSTR("key1"))); /* insertion order survives removals */
    free(bk);
    CFRelease(big);

    /* ---- concurrent readers and writers: no corruption ---- */
    g_shared = CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks,
                                         &kCFTypeDictionaryValueCallBacks);
    CFNumberRef v42 = pp_num(42);
    CFDictionarySetValue(g_shared, CFSTR("fixed"), v42);
    pthread_t threads[4];
    for (long t = 0; t < 2; t++) pthread_create(&threads[t], NULL, reader, NULL);
    for (long t = 2; t < 4; t++) pthread_create(&threads[t], NULL, writer, (void *)t);
    int threads_ok = 1;
    for (int t = 0; t < 4; t++) {
        void *ret = NULL;
        pthread_join(threads[t], &ret);
        if (ret != NULL) threads_ok = 0;
    }
    CHECK(threads_ok);
    CHECK(CFDictionaryGetValue(g_shared, CFSTR("fixed")) == v42);
    CHECK(CFDictionaryGetCount(g_shared) <= 41);
    CFRelease(g_shared);
    CHECK_EQ_LONG(CFGetRetainCount(v42), 1);
    CFRelease(v42);

    /* ---- bad input: defined results, no crash ---- */
    CHECK_EQ_LONG(CFDictionaryGetCount(NULL), 0);
    CHECK_EQ_LONG(CFDictionaryGetCountOfKey(NULL, CFSTR("a")), 0);
    CHECK_EQ_LONG(CFDictionaryGetCountOfValue(NULL, v1), 0);
    CHECK(!CFDictionaryContainsKey(NULL, CFSTR("a")));
    CHECK(!CFDictionaryContainsValue(NULL, v1));
    CHECK(CFDictionaryGetValue(NULL, CFSTR("a")) == NULL);
    out = (const void *)0x1;
    CHECK(!CFDictionaryGetValueIfPresent(NULL, CFSTR("a"), &out) && out == (const void *)0x1);
    CFDictionaryGetKeysAndValues(NULL, gk, gv);
    CFDictionaryApplyFunction(NULL, sum_applier, &ctx);
    CFDictionaryAddValue(NULL, CFSTR("a"), v1);
    CFDictionarySetValue(NULL, CFSTR("a"), v1);
    CFDictionaryReplaceValue(NULL, CFSTR("a"), v1);
    CFDictionaryRemoveValue(NULL, CFSTR("a"));
    CFDictionaryRemoveAllValues(NULL);
    CHECK(CFDictionaryCreateCopy(NULL, NULL) == NULL);
    CHECK(CFDictionaryCreateMutableCopy(NULL, 0, NULL) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    /* Counts and arrays. */
    CHECK(CFDictionaryCreate(NULL, keys, values, -1, &kCFTypeDictionaryKeyCallBacks,
                             &kCFTypeDictionaryValueCallBacks) == NULL);
    CHECK(CFDictionaryCreate(NULL, NULL, values, 1, &kCFTypeDictionaryKeyCallBacks,
                             &kCFTypeDictionaryValueCallBacks) == NULL);
    CHECK(CFDictionaryCreate(NULL, keys, NULL, 1, &kCFTypeDictionaryKeyCallBacks,
                             &kCFTypeDictionaryValueCallBacks) == NULL);
    CFDictionaryRef empty = CFDictionaryCreate(NULL, NULL, NULL, 0,
                                               &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CHECK(empty != NULL && CFDictionaryGetCount(empty) == 0);
    CHECK(CFDictionaryCreateMutable(NULL, -1, NULL, NULL) == NULL);
    CHECK(CFDictionaryCreateMutableCopy(NULL, -1, empty) == NULL);
    CFMutableDictionaryRef huge = CFDictionaryCreateMutable(NULL, (CFIndex)1 << 40, NULL, NULL);
    CHECK(huge != NULL); /* capacity is a hint only */
    CFRelease(huge);
    /* Callback structs with an unknown version. */
    CFDictionaryKeyCallBacks badk = kCFTypeDictionaryKeyCallBacks;
    badk.version = 1;
    CFDictionaryValueCallBacks badv = kCFTypeDictionaryValueCallBacks;
    badv.version = 7;
    CHECK(CFDictionaryCreateMutable(NULL, 0, &badk, &kCFTypeDictionaryValueCallBacks) == NULL);
    CHECK(CFDictionaryCreateMutable(NULL, 0, &kCFTypeDictionaryKeyCallBacks, &badv) == NULL);
    CHECK(CFDictionaryCreate(NULL, keys, values, 2, &badk, NULL) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(kWidth), 1);
    /* NULL keys and values under CFType callbacks are ignored. */
    CFMutableDictionaryRef nd = CFDictionaryCreateMutable(
        NULL, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionaryAddValue(nd, NULL, v1);
    CFDictionarySetValue(nd, NULL, v1);
    CFDictionarySetValue(nd, CFSTR("k"), NULL);
    CFDictionaryAddValue(nd, CFSTR("k"), NULL);
    CHECK_EQ_LONG(CFDictionaryGetCount(nd), 0);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK(CFDictionaryGetValue(nd, NULL) == NULL);
    CHECK(!CFDictionaryContainsKey(nd, NULL));
    CHECK(!CFDictionaryContainsValue(nd, NULL));
    CFDictionaryRemoveValue(nd, NULL);
    CFDictionarySetValue(nd, CFSTR("k"), v1);
    CFDictionaryReplaceValue(nd, CFSTR("k"), NULL);
    CHECK(CFDictionaryGetValue(nd, CFSTR("k")) == v1);
    CFRelease(nd);
    /* The same holds for a modified copy of the CFType callbacks. */
    CFDictionaryKeyCallBacks weak = kCFTypeDictionaryKeyCallBacks;
    weak.retain = NULL;
    weak.release = NULL;
    CFMutableDictionaryRef wd = CFDictionaryCreateMutable(NULL, 0, &weak, NULL);
    CFDictionarySetValue(wd, NULL, (const void *)1);
    CHECK_EQ_LONG(CFDictionaryGetCount(wd), 0);
    CFDictionarySetValue(wd, kWidth, (const void *)1);
    CHECK_EQ_LONG(CFGetRetainCount(kWidth), 1); /* keys not retained */
    CHECK(CFDictionaryGetValue(wd, CFSTR("Width")) == (const void *)1);
    CFRelease(wd);
    /* Create skips pairs with a NULL key or value. */
    const void *nk[] = {CFSTR("a"), NULL, CFSTR("c")};
    const void *nvv[] = {v1, v2, NULL};
    CFDictionaryRef skipped = CFDictionaryCreate(NULL, nk, nvv, 3, &kCFTypeDictionaryKeyCallBacks,
                                                 &kCFTypeDictionaryValueCallBacks);
    CHECK_EQ_LONG(CFDictionaryGetCount(skipped), 1);
    CHECK_EQ_LONG(CFGetRetainCount(v2), 1);
    CFRelease(skipped);
    /* Wrong type: a string is not a dictionary. */
    CFDictionaryRef notDict = (CFDictionaryRef)kWidth;
    CHECK_EQ_LONG(CFDictionaryGetCount(notDict), 0);
    CHECK(CFDictionaryGetValue(notDict, CFSTR("a")) == NULL);
    CHECK(!CFDictionaryContainsKey(notDict, CFSTR("a")));
    CHECK(!CFDictionaryGetValueIfPresent(notDict, CFSTR("a"), &out));
    CFDictionaryGetKeysAndValues(notDict, gk, gv);
    CFDictionaryApplyFunction(notDict, sum_applier, &ctx);
    CFDictionarySetValue((CFMutableDictionaryRef)kWidth, CFSTR("a"), v1);
    CFDictionaryRemoveAllValues((CFMutableDictionaryRef)kWidth);
    CHECK(CFDictionaryCreateCopy(NULL, notDict) == NULL);
    CHECK(CFDictionaryCreateMutableCopy(NULL, 0, notDict) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(v1), 1);
    CHECK_EQ_LONG(CFGetRetainCount(kWidth), 1);
    CHECK_STR(kWidth, "Width");
    /* An array is not a dictionary either. */
    CFArrayRef arr = CFArrayCreate(NULL, NULL, 0, &kCFTypeArrayCallBacks);
    CHECK_EQ_LONG(CFDictionaryGetCount((CFDictionaryRef)arr), 0);
    CHECK(!CFEqual(arr, empty));
    CFRelease(arr);
    CFRelease(empty);

    CFRelease(kWidth);
    CFRelease(kHeight);
    CFRelease(kNew);
    CFRelease(kNew2);
    CFRelease(dupA);
    CFRelease(dupB);
    CFRelease(v640);
    CFRelease(other640);
    CFRelease(v480);
    CFRelease(v1);
    CFRelease(v2);
    CFRelease(v3);
    return pp_finish("cf_dictionary");
}
