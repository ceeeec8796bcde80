/* CFArray / CFMutableArray: every function, ownership, searches through the
 * equal callback, NULL and custom callbacks, nesting, equality, re-entrant
 * appliers, bad input. */
#include <CoreFoundation/CoreFoundation.h>
#include <limits.h>
#include <stdint.h>

#include "pp_cf.h"

/* The numbers in `a`, as "1,2,3". */
static const char *numbers(CFArrayRef a) {
    static char buf[256];
    buf[0] = 0;
    for (CFIndex i = 0; i < CFArrayGetCount(a); i++) {
        char part[16];
        snprintf(part, sizeof part, i ? ",%d" : "%d", pp_num_value(CFArrayGetValueAtIndex(a, i)));
        strcat(buf, part);
    }
    return buf;
}

/* C11 has no strdup. */
static char *dup_string(const char *s) {
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    memcpy(copy, s, n);
    return copy;
}

/* ---- custom callbacks: C strings copied with strdup, counted ---- */

static int g_retains, g_releases;

static const void *s_retain(CFAllocatorRef a, const void *v) {
    (void)a;
    g_retains++;
    return dup_string((const char *)v);
}
static void s_release(CFAllocatorRef a, const void *v) {
    (void)a;
    g_releases++;
    free((void *)v);
}
static CFStringRef s_describe(const void *v) {
    return CFStringCreateWithCString(NULL, (const char *)v, kCFStringEncodingUTF8);
}
static Boolean s_equal(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b) == 0;
}

/* ---- appliers ---- */

struct apply_ctx {
    CFArrayRef array;
    int calls;
    int sum;
    int consistent;
};

static void sum_applier(const void *value, void *context) {
    struct apply_ctx *ctx = context;
    ctx->sum += pp_num_value(value);
    /* Re-entrant reads of the same array must not deadlock. */
    if (CFArrayGetValueAtIndex(ctx->array, ctx->calls) == value &&
        CFArrayContainsValue(ctx->array, CFRangeMake(0, CFArrayGetCount(ctx->array)), value))
        ctx->consistent++;
    ctx->calls++;
}

static void clearing_applier(const void *value, void *context) {
    struct apply_ctx *ctx = context;
    /* Against the rules, but memory-safe: `value` stays valid. */
    CFArrayRemoveAllValues((CFMutableArrayRef)ctx->array);
    ctx->sum += pp_num_value(value);
    ctx->calls++;
}

int main(void) {
    /* ---- type IDs ---- */
    CHECK(CFArrayGetTypeID() != CFStringGetTypeID());
    CHECK(CFArrayGetTypeID() != CFDictionaryGetTypeID());
    CFStringRef tname = CFCopyTypeIDDescription(CFArrayGetTypeID());
    CHECK_STR(tname, "CFArray");
    CFRelease(tname);

    /* ---- CFArrayCreate with CFType callbacks ---- */
    CFNumberRef n0 = pp_num(0), n1 = pp_num(1), n2 = pp_num(2), n3 = pp_num(3), n9 = pp_num(9);
    CFStringRef sA = pp_str("A");
    const void *vals[] = {n1, sA, n2, n1};
    CFArrayRef a = CFArrayCreate(NULL, vals, 4, &kCFTypeArrayCallBacks);
    CHECK(a != NULL);
    CHECK(CFGetTypeID(a) == CFArrayGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(a), 1);
    CHECK_EQ_LONG(CFArrayGetCount(a), 4);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 3);
    CHECK_EQ_LONG(CFGetRetainCount(sA), 2);
    CHECK(CFArrayGetValueAtIndex(a, 1) == sA);
    CHECK_EQ_LONG(CFGetRetainCount(sA), 2); /* Get is +0 */
    CFRange all = CFRangeMake(0, 4);
    /* Searches use CFEqual: a literal finds a created string. */
    CHECK(CFArrayContainsValue(a, all, CFSTR("A")));
    CHECK(!CFArrayContainsValue(a, CFRangeMake(2, 2), CFSTR("A")));
    CHECK(!CFArrayContainsValue(a, all, CFSTR("B")));
    CFNumberRef other1 = pp_num(1);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(a, all, other1), 0);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(a, all, other1), 3);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(a, CFRangeMake(1, 3), other1), 3);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(a, CFRangeMake(0, 3), other1), 0);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(a, CFRangeMake(1, 2), other1), kCFNotFound);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(a, all, n9), -1);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(a, CFRangeMake(4, 0), other1), -1);
    const void *got[4] = {0};
    CFArrayGetValues(a, CFRangeMake(1, 2), got);
    CHECK(got[0] == sA && got[1] == n2 && got[2] == NULL);
    CFArrayGetValues(a, CFRangeMake(0, 0), got);
    CHECK(pp_description_contains(a, "(\n    <CFNumber>"));
    CHECK(pp_description_contains(a, "    A,\n"));

    /* ApplyFunction over a range, reading the same array from the applier. */
    CFArrayRef nums;
    {
        const void *nv[] = {n0, n1, n2, n3};
        nums = CFArrayCreate(NULL, nv, 4, &kCFTypeArrayCallBacks);
    }
    struct apply_ctx ctx = {nums, 0, 0, 0};
    CFArrayApplyFunction(nums, CFRangeMake(0, 4), sum_applier, &ctx);
    CHECK_EQ_LONG(ctx.calls, 4);
    CHECK_EQ_LONG(ctx.sum, 6);
    CHECK_EQ_LONG(ctx.consistent, 4);
    struct apply_ctx part = {nums, 0, 0, 0};
    CFArrayApplyFunction(nums, CFRangeMake(2, 2), sum_applier, &part);
    CHECK_EQ_LONG(part.calls, 2);
    CHECK_EQ_LONG(part.sum, 5);
    CFArrayApplyFunction(nums, CFRangeMake(3, 2), sum_applier, &part); /* out of range */
    CFArrayApplyFunction(nums, CFRangeMake(0, 4), NULL, &part);
    CHECK_EQ_LONG(part.calls, 2);

    /* Immutable: every mutator is a no-op. */
    CFArrayAppendValue((CFMutableArrayRef)a, n9);
    CFArrayInsertValueAtIndex((CFMutableArrayRef)a, 0, n9);
    CFArraySetValueAtIndex((CFMutableArrayRef)a, 0, n9);
    CFArrayRemoveValueAtIndex((CFMutableArrayRef)a, 0);
    CFArrayExchangeValuesAtIndices((CFMutableArrayRef)a, 0, 1);
    CFArrayReplaceValues((CFMutableArrayRef)a, CFRangeMake(0, 1), (const void **)&n9, 1);
    CFArrayRemoveAllValues((CFMutableArrayRef)a);
    CHECK_EQ_LONG(CFArrayGetCount(a), 4);
    CHECK(CFArrayGetValueAtIndex(a, 0) == n1 && CFArrayGetValueAtIndex(a, 1) == sA);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 1);

    /* CreateCopy of an immutable array: the same object, retained. */
    CFArrayRef same = CFArrayCreateCopy(NULL, a);
    CHECK(same == a);
    CHECK_EQ_LONG(CFGetRetainCount(a), 2);
    CFRelease(same);

    /* ---- mutable arrays ---- */
    CFMutableArrayRef m = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
    CHECK(m != NULL && CFGetTypeID(m) == CFArrayGetTypeID());
    CFArrayAppendValue(m, n1);
    CFArrayAppendValue(m, n3);
    CHECK_EQ_LONG(CFGetRetainCount(n3), 3); /* ours, `nums`, `m` */
    CFArrayInsertValueAtIndex(m, 0, n0);
    CFArrayInsertValueAtIndex(m, 2, n2);
    CFArrayInsertValueAtIndex(m, 4, n9); /* at count: append */
    CHECK(strcmp(numbers(m), "0,1,2,3,9") == 0);
    CFArrayInsertValueAtIndex(m, 6, n9); /* beyond count: no-op */
    CFArrayInsertValueAtIndex(m, -1, n9);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 2);
    /* SetValueAtIndex: new value retained, old released; at count appends. */
    CFArraySetValueAtIndex(m, 4, n0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 1);
    CHECK_EQ_LONG(CFGetRetainCount(n0), 4); /* ours, `nums`, `m` twice */
    CFArraySetValueAtIndex(m, 5, n9);
    CHECK(strcmp(numbers(m), "0,1,2,3,0,9") == 0);
    CFArraySetValueAtIndex(m, 7, n9); /* beyond count: no-op */
    CFArraySetValueAtIndex(m, 5, n9); /* same value again: stays alive */
    CHECK_EQ_LONG(CFGetRetainCount(n9), 2);
    /* Exchange. */
    CFArrayExchangeValuesAtIndices(m, 0, 5);
    CHECK(strcmp(numbers(m), "9,1,2,3,0,0") == 0);
    CFArrayExchangeValuesAtIndices(m, 0, 6); /* out of range: no-op */
    CFArrayExchangeValuesAtIndices(m, -1, 0);
    CFArrayExchangeValuesAtIndices(m, 2, 2);
    CHECK(strcmp(numbers(m), "9,1,2,3,0,0") == 0);
    /* RemoveValueAtIndex releases. */
    CFArrayRemoveValueAtIndex(m, 0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 1);
    CFArrayRemoveValueAtIndex(m, 5); /* out of range: no-op */
    CFArrayRemoveValueAtIndex(m, -1);
    CHECK(strcmp(numbers(m), "1,2,3,0,0") == 0);
    /* ReplaceValues: shrink, grow, insert, delete; range may end at count. */
    const void *repl[] = {n9, n9, n9};
    CFArrayReplaceValues(m, CFRangeMake(3, 2), repl, 1);
    CHECK(strcmp(numbers(m), "1,2,3,9") == 0);
    CHECK_EQ_LONG(CFGetRetainCount(n0), 2); /* ours and `nums` */
    CFArrayReplaceValues(m, CFRangeMake(0, 1), repl, 3);
    CHECK(strcmp(numbers(m), "9,9,9,2,3,9") == 0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 5);
    CFArrayReplaceValues(m, CFRangeMake(6, 0), (const void **)&n1, 1);
    CHECK(strcmp(numbers(m), "9,9,9,2,3,9,1") == 0);
    CFArrayReplaceValues(m, CFRangeMake(0, 3), NULL, 0);
    CHECK(strcmp(numbers(m), "2,3,9,1") == 0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 2);
    CFArrayReplaceValues(m, CFRangeMake(3, 2), repl, 1); /* past the end: no-op */
    CFArrayReplaceValues(m, CFRangeMake(-1, 1), repl, 1);
    CFArrayReplaceValues(m, CFRangeMake(0, 1), repl, -1);
    CFArrayReplaceValues(m, CFRangeMake(0, 1), NULL, 2);
    CHECK(strcmp(numbers(m), "2,3,9,1") == 0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 2);
    /* GetValues, searches and equality on the mutable array. */
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(m, CFRangeMake(0, 4), CFSTR("A")), -1);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(m, CFRangeMake(0, 4), other1), 3);
    CHECK(CFArrayGetValueAtIndex(m, 4) == NULL);
    CHECK(CFArrayGetValueAtIndex(m, -1) == NULL);
    /* Copies. */
    CFArrayRef frozen = CFArrayCreateCopy(NULL, m);
    CHECK(frozen != NULL && (CFTypeRef)frozen != (CFTypeRef)m);
    CHECK(CFEqual(frozen, m) && CFEqual(m, frozen));
    CHECK(CFHash(frozen) == CFHash(m));
    CHECK_EQ_LONG(CFGetRetainCount(n9), 3);
    CFArrayAppendValue((CFMutableArrayRef)frozen, n9); /* immutable */
    CHECK_EQ_LONG(CFArrayGetCount(frozen), 4);
    CFMutableArrayRef m2 = CFArrayCreateMutableCopy(NULL, 0, frozen);
    CHECK(CFEqual(m2, m));
    CFArrayExchangeValuesAtIndices(m2, 0, 1);
    CHECK(!CFEqual(m2, m)); /* order matters */
    CFArrayRemoveValueAtIndex(m2, 0);
    CHECK(!CFEqual(m2, m));
    CFRelease(m2);
    CFRelease(frozen);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 2);
    /* The applier may mutate (against the rules) without crashing. */
    struct apply_ctx clr = {m, 0, 0, 0};
    CFArrayApplyFunction(m, CFRangeMake(0, 4), clearing_applier, &clr);
    CHECK_EQ_LONG(clr.calls, 4);
    CHECK_EQ_LONG(clr.sum, 15);
    CHECK_EQ_LONG(CFArrayGetCount(m), 0);
    CHECK_EQ_LONG(CFGetRetainCount(n9), 1);
    CHECK(pp_description_contains(m, "(\n)"));
    CFArrayAppendValue(m, n2);
    CFArrayRemoveAllValues(m);
    CHECK_EQ_LONG(CFGetRetainCount(n2), 3); /* ours, `a` and `nums` */
    CFRelease(m);

    /* Releasing the array releases what it held. */
    CFRelease(a);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 2); /* ours and `nums` */
    CHECK_EQ_LONG(CFGetRetainCount(sA), 1);
    CFRelease(nums);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 1);

    /* ---- NULL callbacks: arbitrary pointer-sized values, NULL included ---- */
    const void *raw[] = {(const void *)1, NULL, (const void *)3, (const void *)1};
    CFArrayRef r = CFArrayCreate(NULL, raw, 4, NULL);
    CHECK(r != NULL && CFArrayGetCount(r) == 4);
    CHECK(CFArrayGetValueAtIndex(r, 1) == NULL);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(r, CFRangeMake(0, 4), NULL), 1);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(r, CFRangeMake(0, 4), (const void *)1), 3);
    CHECK(pp_description_contains(r, "<0x3>"));
    CFMutableArrayRef rm = CFArrayCreateMutableCopy(NULL, 10, r);
    CHECK(CFEqual(r, rm));
    CFArrayAppendValue(rm, NULL);
    CHECK_EQ_LONG(CFArrayGetCount(rm), 5);
    CHECK(!CFEqual(r, rm));
    /* Arrays with different equal callbacks are never equal (so CFEqual is
     * never handed a non-object). */
    CFArrayRef typedEmpty = CFArrayCreate(NULL, NULL, 0, &kCFTypeArrayCallBacks);
    CFArrayRef rawEmpty = CFArrayCreate(NULL, NULL, 0, NULL);
    CHECK(!CFEqual(typedEmpty, rawEmpty));
    CFRelease(typedEmpty);
    CFRelease(rawEmpty);
    CFRelease(rm);
    CFRelease(r);

    /* ---- custom callbacks, counted; retain returns a copy ---- */
    CFArrayCallBacks cb = {0, s_retain, s_release, s_describe, s_equal};
    const void *words[] = {"red", "green", "blue"};
    CFArrayRef w = CFArrayCreate(NULL, words, 3, &cb);
    CHECK_EQ_LONG(g_retains, 3);
    CHECK(CFArrayGetValueAtIndex(w, 0) != words[0]); /* the stored copy */
    CHECK(strcmp(CFArrayGetValueAtIndex(w, 0), "red") == 0);
    char probe[] = "blue";
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(w, CFRangeMake(0, 3), probe), 2);
    CHECK(pp_description_contains(w, "    green,\n"));
    CFMutableArrayRef wm = CFArrayCreateMutableCopy(NULL, 0, w);
    CHECK_EQ_LONG(g_retains, 6);
    CHECK(CFEqual(w, wm));
    CFRelease(w);
    CHECK_EQ_LONG(g_releases, 3);
    CFArrayAppendValue(wm, "cyan");
    CHECK_EQ_LONG(g_retains, 7);
    CFArraySetValueAtIndex(wm, 0, "black");
    CHECK_EQ_LONG(g_retains, 8);
    CHECK_EQ_LONG(g_releases, 4);
    CFArrayInsertValueAtIndex(wm, 9, "nowhere"); /* out of range: no callback */
    CHECK_EQ_LONG(g_retains, 8);
    CFArrayReplaceValues(wm, CFRangeMake(1, 2), words, 1);
    CHECK_EQ_LONG(g_retains, 9);
    CHECK_EQ_LONG(g_releases, 6);
    CFArrayRemoveValueAtIndex(wm, 0);
    CHECK_EQ_LONG(g_releases, 7);
    CHECK_EQ_LONG(CFArrayGetCount(wm), 2);
    CFRelease(wm);
    CHECK_EQ_LONG(g_releases, g_retains);

    /* ---- nesting: arrays and dictionaries inside arrays ---- */
    const void *innerVals[] = {n1, n2};
    CFArrayRef inner = CFArrayCreate(NULL, innerVals, 2, &kCFTypeArrayCallBacks);
    const void *dk[] = {CFSTR("k")};
    const void *dv[] = {inner};
    CFDictionaryRef dict = CFDictionaryCreate(NULL, dk, dv, 1, &kCFTypeDictionaryKeyCallBacks,
                                              &kCFTypeDictionaryValueCallBacks);
    const void *outerVals[] = {inner, dict};
    CFArrayRef outer = CFArrayCreate(NULL, outerVals, 2, &kCFTypeArrayCallBacks);
    CHECK_EQ_LONG(CFGetRetainCount(inner), 3);
    CHECK(pp_description_contains(outer, "(\n    (\n        <CFNumber>"));
    CHECK(pp_description_contains(outer, "    {\n        k = (\n"));
    CFArrayRef inner2 = CFArrayCreate(NULL, innerVals, 2, &kCFTypeArrayCallBacks);
    const void *outerVals2[] = {inner2, dict};
    CFArrayRef outer2 = CFArrayCreate(NULL, outerVals2, 2, &kCFTypeArrayCallBacks);
    CHECK(CFEqual(outer, outer2));
    CHECK(CFHash(outer) == CFHash(outer2));
    const void *outerVals3[] = {dict, inner2};
    CFArrayRef outer3 = CFArrayCreate(NULL, outerVals3, 2, &kCFTypeArrayCallBacks);
    CHECK(!CFEqual(outer, outer3));
    CHECK(!CFEqual(outer, dict));
    CFRelease(outer);
    CFRelease(outer2);
    CFRelease(outer3);
    CFRelease(dict);
    CHECK_EQ_LONG(CFGetRetainCount(inner), 1);
    CFRelease(inner);
    CFRelease(inner2);

    /* ---- a large array ---- */
    CFMutableArrayRef big = CFArrayCreateMutable(NULL, 16, &kCFTypeArrayCallBacks);
    for (int i = 0; i < 10000; i++) {
        CFNumberRef n = pp_num(i);
        CFArrayAppendValue(big, n);
        CFRelease(n);
    }
    CFNumberRef target = pp_num(9876);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(big, CFRangeMake(0, 10000), target), 9876);
    CFRelease(target);
    CFArrayReplaceValues(big, CFRangeMake(0, 9990), NULL, 0);
    CHECK_EQ_LONG(CFArrayGetCount(big), 10);
    CHECK_EQ_LONG(pp_num_value(CFArrayGetValueAtIndex(big, 0)), 9990);
    CFRelease(big);

    /* ---- bad input: defined results, no crash ---- */
    CHECK_EQ_LONG(CFArrayGetCount(NULL), 0);
    CHECK(CFArrayGetValueAtIndex(NULL, 0) == NULL);
    got[0] = (const void *)0x1;
    CFArrayGetValues(NULL, CFRangeMake(0, 1), got);
    CHECK(got[0] == (const void *)0x1);
    CHECK(!CFArrayContainsValue(NULL, CFRangeMake(0, 0), n1));
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(NULL, CFRangeMake(0, 0), n1), -1);
    CHECK_EQ_LONG(CFArrayGetLastIndexOfValue(NULL, CFRangeMake(0, 0), n1), -1);
    CFArrayApplyFunction(NULL, CFRangeMake(0, 0), sum_applier, &ctx);
    CFArrayAppendValue(NULL, n1);
    CFArrayInsertValueAtIndex(NULL, 0, n1);
    CFArraySetValueAtIndex(NULL, 0, n1);
    CFArrayRemoveValueAtIndex(NULL, 0);
    CFArrayRemoveAllValues(NULL);
    CFArrayExchangeValuesAtIndices(NULL, 0, 0);
    CFArrayReplaceValues(NULL, CFRangeMake(0, 0), repl, 1);
    CHECK(CFArrayCreateCopy(NULL, NULL) == NULL);
    CHECK(CFArrayCreateMutableCopy(NULL, 0, NULL) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 1);
    CHECK(CFArrayCreate(NULL, vals, -1, &kCFTypeArrayCallBacks) == NULL);
    CHECK(CFArrayCreate(NULL, NULL, 2, &kCFTypeArrayCallBacks) == NULL);
    CHECK(CFArrayCreateMutable(NULL, -1, &kCFTypeArrayCallBacks) == NULL);
    CFArrayRef empty = CFArrayCreate(NULL, NULL, 0, &kCFTypeArrayCallBacks);
    CHECK(empty != NULL && CFArrayGetCount(empty) == 0);
    CHECK(CFArrayCreateMutableCopy(NULL, -5, empty) == NULL);
    CFMutableArrayRef huge = CFArrayCreateMutable(NULL, (CFIndex)1 << 40, NULL);
    CHECK(huge != NULL); /* capacity is a hint only */
    CFRelease(huge);
    CFArrayCallBacks badcb = kCFTypeArrayCallBacks;
    badcb.version = 3;
    CHECK(CFArrayCreate(NULL, vals, 4, &badcb) == NULL);
    CHECK(CFArrayCreateMutable(NULL, 0, &badcb) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 1);
    /* Ranges outside the array. */
    got[0] = (const void *)0x1;
    CFArrayGetValues(empty, CFRangeMake(0, 1), got);
    CHECK(got[0] == (const void *)0x1);
    CHECK(!CFArrayContainsValue(empty, CFRangeMake(-1, 1), n1));
    CHECK(!CFArrayContainsValue(empty, CFRangeMake(0, -1), n1));
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(empty, CFRangeMake(LONG_MAX, LONG_MAX), n1), -1);
    /* NULL values under CFType callbacks. */
    const void *withNull[] = {n1, NULL};
    CHECK(CFArrayCreate(NULL, withNull, 2, &kCFTypeArrayCallBacks) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 1);
    CFMutableArrayRef nm = CFArrayCreateMutable(NULL, 0, &kCFTypeArrayCallBacks);
    CFArrayAppendValue(nm, NULL);
    CFArrayInsertValueAtIndex(nm, 0, NULL);
    CHECK_EQ_LONG(CFArrayGetCount(nm), 0);
    CFArrayAppendValue(nm, n1);
    CFArraySetValueAtIndex(nm, 0, NULL);
    CFArrayReplaceValues(nm, CFRangeMake(0, 1), withNull, 2);
    CHECK_EQ_LONG(CFArrayGetCount(nm), 1);
    CHECK(CFArrayGetValueAtIndex(nm, 0) == n1);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 2);
    CHECK(!CFArrayContainsValue(nm, CFRangeMake(0, 1), NULL));
    CFRelease(nm);
    /* Wrong type: a string is not an array. */
    CFArrayRef notArray = (CFArrayRef)sA;
    CHECK_EQ_LONG(CFArrayGetCount(notArray), 0);
    CHECK(CFArrayGetValueAtIndex(notArray, 0) == NULL);
    CHECK_EQ_LONG(CFArrayGetFirstIndexOfValue(notArray, CFRangeMake(0, 0), n1), -1);
    CFArrayAppendValue((CFMutableArrayRef)sA, n1);
    CFArrayRemoveAllValues((CFMutableArrayRef)sA);
    CHECK(CFArrayCreateCopy(NULL, notArray) == NULL);
    CHECK(CFArrayCreateMutableCopy(NULL, 0, notArray) == NULL);
    CHECK_EQ_LONG(CFGetRetainCount(n1), 1);
    CHECK_STR(sA, "A");
    CFRelease(empty);

    CFRelease(n0);
    CFRelease(n1);
    CFRelease(n2);
    CFRelease(n3);
    CFRelease(n9);
    CFRelease(other1);
    CFRelease(sA);
    return pp_finish("cf_array");
}
