/* Concurrency: retain/release contention on shared objects, objects created
 * on one thread and released on another, concurrent reads of shared data
 * (including CFEqual on two mutable data in opposite orders, which must not
 * deadlock), and concurrent CFSTR / __CFStringMakeConstantString interning.
 * Sized to stay well under ~2 s under ASan on two cores; each phase prints
 * its time. Worker threads count their own errors (the CHECK macros are
 * not thread-safe) and the main thread checks the totals. */
#define _POSIX_C_SOURCE 200809L
#include <CoreFoundation/CoreFoundation.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "pp_test.h"

#define THREADS 8
#define PAIRS 200000 /* CFRetain/CFRelease pairs per thread */
#define BURST 4      /* references a thread holds at once */
#define HANDOFFS 4000
#define SLOTS 64
#define READS 4000
#define INTERN_ROUNDS 100
#define TEXTS 32

static pthread_barrier_t g_start;
static atomic_long g_errors;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef void *(*Worker)(void *);

static double run_threads(Worker fn) {
    pthread_t t[THREADS];
    pthread_barrier_init(&g_start, NULL, THREADS);
    double t0 = now();
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, fn, (void *)i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    pthread_barrier_destroy(&g_start);
    return now() - t0;
}

/* ---- 1. retain/release contention ---- */

static CFTypeRef g_shared[4];

static void *contend(void *arg) {
    long tid = (long)arg, errors = 0;
    pthread_barrier_wait(&g_start);
    for (long i = 0; i < PAIRS / BURST; i++) {
        CFTypeRef o = g_shared[(tid + i) % 4];
        for (int k = 0; k < BURST; k++) {
            if (CFRetain(o) != o) errors++;
        }
        /* We hold BURST references on top of main's one. */
        if (CFGetRetainCount(o) < 1 + BURST) errors++;
        for (int k = 0; k < BURST; k++) CFRelease(o);
    }
    atomic_fetch_add(&g_errors, errors);
    return NULL;
}

static double test_contention(void) {
    UInt8 bytes[] = {1, 2, 3};
    int n = 42;
    g_shared[0] = CFStringCreateWithCString(NULL, "shared string", kCFStringEncodingUTF8);
    g_shared[1] = CFNumberCreate(NULL, kCFNumberIntType, &n);
    g_shared[2] = CFDataCreate(NULL, bytes, 3);
    g_shared[3] = CFSTR("shared literal"); /* immortal: counts never move */
    CFIndex before[4];
    for (int i = 0; i < 4; i++) before[i] = CFGetRetainCount(g_shared[i]);
    CHECK_EQ_LONG(before[0], 1);
    CHECK_EQ_LONG(before[1], 1);
    CHECK_EQ_LONG(before[2], 1);

    double secs = run_threads(contend);

    for (int i = 0; i < 4; i++) CHECK_EQ_LONG(CFGetRetainCount(g_shared[i]), before[i]);
    CHECK_EQ_LONG(atomic_load(&g_errors), 0);
    CHECK_STR((CFStringRef)g_shared[0], "shared string");
    for (int i = 0; i < 3; i++) CFRelease(g_shared[i]);
    return secs;
}

/* ---- 2. create on one thread, release on another ---- */

static _Atomic(CFTypeRef) g_slots[SLOTS];

static CFTypeRef make_object(long tid, long i) {
    char text[48];
    switch (i % 4) {
    case 0:
        snprintf(text, sizeof text, "object %ld/%ld", tid, i);
        return CFStringCreateWithCString(NULL, text, kCFStringEncodingUTF8);
    case 1:
        return CFNumberCreate(NULL, kCFNumberLongType, &i);
    case 2:
        return CFDataCreate(NULL, (const UInt8 *)&i, sizeof i);
    default: {
        CFMutableDataRef m = CFDataCreateMutable(NULL, 0);
        for (int k = 0; k < 8; k++) CFDataAppendBytes(m, (const UInt8 *)&tid, sizeof tid);
        return m;
    }
    }
}

static int looks_alive(CFTypeRef o) {
    CFTypeID id = CFGetTypeID(o);
    if (id == CFStringGetTypeID()) return CFStringGetLength((CFStringRef)o) > 0;
    if (id == CFNumberGetTypeID()) return 1;
    if (id == CFDataGetTypeID()) return CFDataGetLength((CFDataRef)o) > 0;
    return 0;
}

static void *hand_off(void *arg) {
    long tid = (long)arg, errors = 0;
    pthread_barrier_wait(&g_start);
    for (long i = 0; i < HANDOFFS; i++) {
        CFTypeRef mine = make_object(tid, i);
        if (!mine || CFGetRetainCount(mine) != 1 || !CFEqual(mine, mine)) errors++;
        /* Publish ours, take whatever another thread left there. */
        CFTypeRef other = atomic_exchange(&g_slots[(tid * 7 + i * 13) % SLOTS], mine);
        if (other) {
            if (!looks_alive(other)) errors++;
            (void)CFHash(other);
            CFRelease(other);
        }
    }
    atomic_fetch_add(&g_errors, errors);
    return NULL;
}

static double test_hand_off(void) {
    atomic_store(&g_errors, 0);
    double secs = run_threads(hand_off);
    CHECK_EQ_LONG(atomic_load(&g_errors), 0);
    int left = 0;
    for (int i = 0; i < SLOTS; i++) {
        CFTypeRef o = atomic_load(&g_slots[i]);
        if (o) {
            left++;
            CHECK(looks_alive(o));
            CFRelease(o);
        }
    }
    CHECK(left > 0 && left <= SLOTS);
    return secs;
}

/* ---- 3. concurrent reads of shared data ---- */

static CFDataRef g_blob;
static CFMutableDataRef g_mut_a, g_mut_b;

static void *read_shared(void *arg) {
    long tid = (long)arg, errors = 0;
    UInt8 out[16];
    CFHashCode h = CFHash(g_blob);
    pthread_barrier_wait(&g_start);
    for (long i = 0; i < READS; i++) {
        /* Half the threads compare (a, b), the other half (b, a). */
        CFTypeRef x = (tid & 1) ? (CFTypeRef)g_mut_a : (CFTypeRef)g_mut_b;
        CFTypeRef y = (tid & 1) ? (CFTypeRef)g_mut_b : (CFTypeRef)g_mut_a;
        if (!CFEqual(x, y)) errors++;
        if (CFHash(x) != CFHash(y)) errors++;
        if (!CFEqual(g_blob, x) || CFHash(g_blob) != h) errors++;
        CFDataGetBytes(g_blob, CFRangeMake(i % 240, 16), out);
        if (out[0] != (UInt8)(i % 240)) errors++;
    }
    atomic_fetch_add(&g_errors, errors);
    return NULL;
}

static double test_shared_reads(void) {
    UInt8 bytes[256];
    for (int i = 0; i < 256; i++) bytes[i] = (UInt8)i;
    g_blob = CFDataCreate(NULL, bytes, 256);
    g_mut_a = CFDataCreateMutableCopy(NULL, 0, g_blob);
    g_mut_b = CFDataCreateMutableCopy(NULL, 256, g_blob);
    atomic_store(&g_errors, 0);
    double secs = run_threads(read_shared);
    CHECK_EQ_LONG(atomic_load(&g_errors), 0);
    CFRelease(g_blob);
    CFRelease(g_mut_a);
    CFRelease(g_mut_b);
    return secs;
}

/* ---- 4. interning: CFSTR and __CFStringMakeConstantString ---- */

static CFStringRef g_literals[THREADS][8];
static CFStringRef g_shared_texts[THREADS][TEXTS];
static CFStringRef g_own_texts[THREADS][TEXTS];

/* Eight distinct literals: under gcc each CFSTR is a runtime interning
 * call, under clang a compile-time constant. */
static CFStringRef literal(int k) {
    switch (k) {
    case 0: return CFSTR("kCVImageBufferYCbCrMatrixKey");
    case 1: return CFSTR("ITU_R_709_2");
    case 2: return CFSTR("ITU_R_601_4");
    case 3: return CFSTR("SMPTE_240M_1995");
    case 4: return CFSTR("kCVPixelBufferWidthKey");
    case 5: return CFSTR("kCVPixelBufferHeightKey");
    case 6: return CFSTR("caf\xc3\xa9"); /* non-ASCII */
    default: return CFSTR("");
    }
}

static void *intern(void *arg) {
    long tid = (long)arg, errors = 0;
    char text[48];
    pthread_barrier_wait(&g_start);
    for (int round = 0; round < INTERN_ROUNDS; round++) {
        for (int t = 0; t < TEXTS; t++) {
            /* Every thread interns the same shared texts... */
            snprintf(text, sizeof text, "shared text %d", t);
            CFStringRef s = __CFStringMakeConstantString(text);
            /* ...and texts only it uses. */
            snprintf(text, sizeof text, "thread %ld text %d", tid, t);
            CFStringRef own = __CFStringMakeConstantString(text);
            if (round == 0) {
                g_shared_texts[tid][t] = s;
                g_own_texts[tid][t] = own;
            } else if (s != g_shared_texts[tid][t] || own != g_own_texts[tid][t]) {
                errors++;
            }
            if (t < 8) {
                CFStringRef lit = literal(t);
                if (round == 0) g_literals[tid][t] = lit;
                else if (lit != g_literals[tid][t]) errors++;
            }
        }
    }
    atomic_fetch_add(&g_errors, errors);
    return NULL;
}

static double test_interning(void) {
    atomic_store(&g_errors, 0);
    double secs = run_threads(intern);
    CHECK_EQ_LONG(atomic_load(&g_errors), 0);
    char text[48];
    for (int t = 0; t < TEXTS; t++) {
        /* One object per text, whichever thread interned it first. */
        for (int i = 1; i < THREADS; i++) CHECK(g_shared_texts[i][t] == g_shared_texts[0][t]);
        snprintf(text, sizeof text, "shared text %d", t);
        CFStringRef made = CFStringCreateWithCString(NULL, text, kCFStringEncodingUTF8);
        CHECK(CFEqual(made, g_shared_texts[0][t]));
        CHECK(CFHash(made) == CFHash(g_shared_texts[0][t]));
        CFRelease(made);
        snprintf(text, sizeof text, "thread %d text %d", THREADS - 1, t);
        CHECK_STR(g_own_texts[THREADS - 1][t], text);
        /* Different texts never share an object. */
        for (int i = 1; i < THREADS; i++) CHECK(g_own_texts[i][t] != g_own_texts[0][t]);
        CHECK(g_own_texts[0][t] != g_shared_texts[0][t]);
        CHECK(CFGetRetainCount(g_shared_texts[0][t]) > 1000000);
    }
    for (int k = 0; k < 8; k++) {
        for (int i = 1; i < THREADS; i++) CHECK(g_literals[i][k] == g_literals[0][k]);
        CHECK(CFGetTypeID(g_literals[0][k]) == CFStringGetTypeID());
    }
    CHECK_STR(g_literals[0][1], "ITU_R_709_2");
    CHECK_STR(g_literals[0][6], "caf\xc3\xa9");
    CHECK_EQ_LONG(CFStringGetLength(g_literals[0][7]), 0);
    /* The runtime path and the literal agree on equality. */
    CHECK(CFEqual(__CFStringMakeConstantString("ITU_R_709_2"), g_literals[0][1]));
    return secs;
}

int main(void) {
    double t0 = now();
    double contention = test_contention();
    double hand_off_secs = test_hand_off();
    double reads = test_shared_reads();
    double interning = test_interning();
    double total = now() - t0;
    printf("cf_threads: contention %.3f s (%d threads x %d retain/release pairs), hand-off %.3f s, "
           "shared reads %.3f s, interning %.3f s, total %.3f s\n",
           contention, THREADS, PAIRS, hand_off_secs, reads, interning, total);
    return pp_finish("cf_threads");
}
