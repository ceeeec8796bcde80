/*
 * A tiny fake "other CoreFoundation" (think Swift's Foundation or GNUstep
 * CoreBase in the same process). It exports the bare CF names a real one
 * exports, and every function counts its calls, so cf_foreign.c can prove
 * that code built against pixelport's headers never ends up in here, and
 * that pixelport never mistakes these objects for its own.
 *
 * Built by tests/capi.rs into libforeigncf.so and linked before
 * -lpixelport, so for any name both libraries exported the dynamic linker
 * would pick this one. Deliberately self-contained: no pixelport headers.
 */
#include <stdlib.h>
#include <string.h>

typedef const void *CFTypeRef;
typedef unsigned long CFTypeID;
typedef unsigned char Boolean;

#define EXPORT __attribute__((visibility("default")))

/* A real CoreFoundation's class symbol for constant strings; clang's CFSTR
 * literals point at it. Same size as pixelport's, so a copy relocation in a
 * non-PIE program would not truncate either. */
EXPORT void *__CFConstantStringClassReference[12];

/* This library's objects: a class pointer and reference count like a real
 * CFRuntimeBase, but a class pointer that is none of pixelport's and an
 * info word that is not a constant-string flag value. 32 bytes, the size
 * pixelport may read from any pointer it is handed. */
struct foreign_object {
    const void *isa;
    unsigned int info;
    unsigned int refcount;
    char *text;
    long length;
};

static const char foreign_string_class[16] = "ForeignCFString";
static long calls;

EXPORT long foreign_cf_calls(void) { return calls; }

/* The object's reference count, read without counting as a CF call. */
EXPORT long foreign_cf_refcount(CFTypeRef cf) {
    return cf ? (long)((const struct foreign_object *)cf)->refcount : 0;
}

EXPORT CFTypeRef CFRetain(CFTypeRef cf) {
    calls++;
    if (cf) ((struct foreign_object *)cf)->refcount++;
    return cf;
}

EXPORT void CFRelease(CFTypeRef cf) {
    calls++;
    struct foreign_object *o = (struct foreign_object *)cf;
    if (o && --o->refcount == 0) {
        free(o->text);
        free(o);
    }
}

EXPORT CFTypeID CFGetTypeID(CFTypeRef cf) {
    calls++;
    return cf ? 0x7f00 : 0;
}

EXPORT Boolean CFEqual(CFTypeRef a, CFTypeRef b) {
    calls++;
    const struct foreign_object *x = a, *y = b;
    return x && y && x->length == y->length && memcmp(x->text, y->text, (size_t)x->length) == 0;
}

static struct foreign_object *new_string(const char *cstr) {
    struct foreign_object *o = calloc(1, sizeof *o);
    o->isa = foreign_string_class;
    o->info = 0x1;
    o->refcount = 1;
    o->length = (long)strlen(cstr);
    o->text = malloc((size_t)o->length + 1);
    memcpy(o->text, cstr, (size_t)o->length + 1);
    return o;
}

EXPORT CFTypeRef CFStringCreateWithCString(const void *alloc, const char *cstr,
                                           unsigned int encoding) {
    (void)alloc;
    (void)encoding;
    calls++;
    return cstr ? new_string(cstr) : NULL;
}

/* Real CoreFoundation interns these for good; one slot is enough here. */
EXPORT CFTypeRef __CFStringMakeConstantString(const char *cstr) {
    static struct foreign_object *interned;
    calls++;
    if (!interned) {
        interned = new_string(cstr);
        interned->refcount = 0x7fffffff;
    }
    return interned;
}
