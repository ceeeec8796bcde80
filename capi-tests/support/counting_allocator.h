/*
 * A CFAllocatorCreate context whose callbacks count their calls, for tests
 * that check how often pixelport calls into a custom allocator. The counters
 * are atomic because some tests free from several threads.
 */
#ifndef PP_COUNTING_ALLOCATOR_H
#define PP_COUNTING_ALLOCATOR_H

#include <CoreFoundation/CoreFoundation.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct {
    atomic_long retains, releases, descriptions;
    atomic_long allocs, reallocs, deallocs, preferred;
    atomic_long last_hint;
} Counts;

static const void *counting_retain(const void *info) {
    atomic_fetch_add(&((Counts *)info)->retains, 1);
    return info;
}

static void counting_release(const void *info) {
    atomic_fetch_add(&((Counts *)info)->releases, 1);
}

static CFStringRef counting_description(const void *info) {
    atomic_fetch_add(&((Counts *)info)->descriptions, 1);
    return CFStringCreateWithCString(NULL, "counting allocator", kCFStringEncodingUTF8);
}

static void *counting_allocate(CFIndex size, CFOptionFlags hint, void *info) {
    Counts *c = (Counts *)info;
    atomic_fetch_add(&c->allocs, 1);
    atomic_store(&c->last_hint, (long)hint);
    return malloc((size_t)size);
}

static void *counting_reallocate(void *ptr, CFIndex size, CFOptionFlags hint, void *info) {
    Counts *c = (Counts *)info;
    atomic_fetch_add(&c->reallocs, 1);
    atomic_store(&c->last_hint, (long)hint);
    return realloc(ptr, (size_t)size);
}

static void counting_deallocate(void *ptr, void *info) {
    atomic_fetch_add(&((Counts *)info)->deallocs, 1);
    free(ptr);
}

/* Preferred sizes are rounded up to a multiple of 64. */
static CFIndex counting_preferred(CFIndex size, CFOptionFlags hint, void *info) {
    Counts *c = (Counts *)info;
    atomic_fetch_add(&c->preferred, 1);
    atomic_store(&c->last_hint, (long)hint);
    return (size + 63) / 64 * 64;
}

static CFAllocatorContext counting_context(Counts *counts) {
    CFAllocatorContext ctx = {0,
                              counts,
                              counting_retain,
                              counting_release,
                              counting_description,
                              counting_allocate,
                              counting_reallocate,
                              counting_deallocate,
                              counting_preferred};
    return ctx;
}

/* A new (+1) allocator counting into *counts (which must outlive it). */
static CFAllocatorRef counting_allocator(Counts *counts) {
    CFAllocatorContext ctx = counting_context(counts);
    return CFAllocatorCreate(kCFAllocatorDefault, &ctx);
}

#endif /* PP_COUNTING_ALLOCATOR_H */
