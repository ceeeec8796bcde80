/* CFNumber: every CFNumberType, storage types, lossy reads, comparison. */
#include <CoreFoundation/CoreFoundation.h>
#include <math.h>

#include "pp_test.h"

int main(void) {
    /* Each creation type reads back exactly and reports its storage type. */
    SInt8 i8 = -8;
    SInt16 i16 = -1600;
    SInt32 i32 = -320000;
    SInt64 i64 = -6400000000LL;
    Float32 f32 = 1.5f;
    Float64 f64 = 2.25;
    char ch = 'c';
    short sh = 7;
    int in = 9;
    long lo = 10;
    long long ll = 11;
    float fl = 0.5f;
    double db = 0.25;
    CFIndex ix = 14;
    long nsi = 15;
    double cgf = 16.5;
    struct { CFNumberType type; const void *ptr; CFNumberType storage; CFIndex size; Boolean isFloat; } cases[] = {
        {kCFNumberSInt8Type, &i8, kCFNumberSInt8Type, 1, 0},
        {kCFNumberSInt16Type, &i16, kCFNumberSInt16Type, 2, 0},
        {kCFNumberSInt32Type, &i32, kCFNumberSInt32Type, 4, 0},
        {kCFNumberSInt64Type, &i64, kCFNumberSInt64Type, 8, 0},
        {kCFNumberFloat32Type, &f32, kCFNumberFloat32Type, 4, 1},
        {kCFNumberFloat64Type, &f64, kCFNumberFloat64Type, 8, 1},
        {kCFNumberCharType, &ch, kCFNumberSInt8Type, 1, 0},
        {kCFNumberShortType, &sh, kCFNumberSInt16Type, 2, 0},
        {kCFNumberIntType, &in, kCFNumberSInt32Type, 4, 0},
        {kCFNumberLongType, &lo, kCFNumberSInt64Type, 8, 0},
        {kCFNumberLongLongType, &ll, kCFNumberSInt64Type, 8, 0},
        {kCFNumberFloatType, &fl, kCFNumberFloat32Type, 4, 1},
        {kCFNumberDoubleType, &db, kCFNumberFloat64Type, 8, 1},
        {kCFNumberCFIndexType, &ix, kCFNumberSInt64Type, 8, 0},
        {kCFNumberNSIntegerType, &nsi, kCFNumberSInt64Type, 8, 0},
        {kCFNumberCGFloatType, &cgf, kCFNumberFloat64Type, 8, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CFNumberRef n = CFNumberCreate(NULL, cases[i].type, cases[i].ptr);
        CHECK(n != NULL);
        CHECK(CFGetTypeID(n) == CFNumberGetTypeID());
        CHECK_EQ_LONG(CFNumberGetType(n), cases[i].storage);
        CHECK_EQ_LONG(CFNumberGetByteSize(n), cases[i].size);
        CHECK(CFNumberIsFloatType(n) == cases[i].isFloat);
        unsigned char back[8] = {0};
        CHECK(CFNumberGetValue(n, cases[i].type, back));
        CHECK(memcmp(back, cases[i].ptr, (size_t)cases[i].size) == 0);
        CFRelease(n);
    }

    /* Lossy conversions store the best attempt and return false. */
    double frac = 2.75;
    CFNumberRef nf = CFNumberCreate(NULL, kCFNumberDoubleType, &frac);
    int as_int = 0;
    CHECK(!CFNumberGetValue(nf, kCFNumberIntType, &as_int));
    CHECK(as_int == 2);
    float as_float = 0;
    CHECK(CFNumberGetValue(nf, kCFNumberFloatType, &as_float) && as_float == 2.75f);
    int big = 300;
    CFNumberRef nb = CFNumberCreate(NULL, kCFNumberIntType, &big);
    SInt8 small = 0;
    CHECK(!CFNumberGetValue(nb, kCFNumberSInt8Type, &small));
    double as_double = 0;
    CHECK(CFNumberGetValue(nb, kCFNumberDoubleType, &as_double) && as_double == 300.0);

    /* Cross-type equality and hashing; comparison order. */
    double three_hundred = 300.0;
    CFNumberRef nd = CFNumberCreate(NULL, kCFNumberFloat64Type, &three_hundred);
    CHECK(CFEqual(nb, nd));
    CHECK(CFHash(nb) == CFHash(nd));
    CHECK(CFNumberCompare(nb, nd, NULL) == kCFCompareEqualTo);
    CHECK(CFNumberCompare(nf, nb, NULL) == kCFCompareLessThan);
    CHECK(CFNumberCompare(nb, nf, NULL) == kCFCompareGreaterThan);
    double nz = -0.0, pz = 0.0;
    CFNumberRef nnz = CFNumberCreate(NULL, kCFNumberDoubleType, &nz);
    CFNumberRef npz = CFNumberCreate(NULL, kCFNumberDoubleType, &pz);
    CHECK(CFNumberCompare(nnz, npz, NULL) == kCFCompareLessThan);

    /* Infinities and NaN are the canonical constants. */
    double inf = INFINITY, nan_v = NAN;
    CFNumberRef ninf = CFNumberCreate(NULL, kCFNumberDoubleType, &inf);
    CHECK(ninf == kCFNumberPositiveInfinity);
    CFNumberRef nnan = CFNumberCreate(NULL, kCFNumberDoubleType, &nan_v);
    CHECK(nnan == kCFNumberNaN);
    CHECK(CFEqual(kCFNumberNaN, nb)); /* CFNumber.h: equal if either is NaN */
    CHECK(CFNumberCompare(kCFNumberNaN, kCFNumberNaN, NULL) == kCFCompareEqualTo);
    CHECK(CFNumberCompare(kCFNumberNegativeInfinity, nb, NULL) == kCFCompareLessThan);

    /* Bad input: unknown type, NULL pointers, wrong object type. */
    CHECK(CFNumberCreate(NULL, 0, &big) == NULL);
    CHECK(CFNumberCreate(NULL, 17, &big) == NULL);
    CHECK(CFNumberCreate(NULL, kCFNumberIntType, NULL) == NULL);
    CHECK(!CFNumberGetValue(nb, 99, &big));
    CHECK(!CFNumberGetValue(nb, kCFNumberIntType, NULL));
    CHECK(!CFNumberGetValue(NULL, kCFNumberIntType, &big));
    CHECK(!CFNumberGetValue((CFNumberRef)CFSTR("1"), kCFNumberIntType, &big));
    CHECK_EQ_LONG(CFNumberGetType(NULL), 0);
    CHECK_EQ_LONG(CFNumberGetByteSize(NULL), 0);
    CHECK(!CFNumberIsFloatType(NULL));

    CFRelease(nf);
    CFRelease(nb);
    CFRelease(nd);
    CFRelease(nnz);
    CFRelease(npz);
    CFRelease(ninf);
    CFRelease(nnan);
    return pp_finish("cf_number");
}
