/*
 * Fuzz target: vImage calls with hostile vImage_Buffer geometry.
 *
 * One input picks one vImage operation (channel permutes and extracts,
 * interleave/deinterleave, bit-depth conversions, fills and copies,
 * premultiplication, reflect/rotate/scale, convolutions, histograms,
 * dithering, Y'CbCr conversions, AnyToAny converters, the CVPixelBuffer
 * interop) and the geometry of every buffer it takes: sizes small, odd or
 * near the integer limits; rowBytes natural, too small, zero, odd, not a
 * multiple of the element size, or huge; data NULL, misaligned, in place
 * or partially overlapping another buffer; flags with unknown bits and
 * kvImageGetTempBufferSize.
 *
 * Buffers whose bytes fit (at most MAX_BYTES) live in caller memory that
 * ends exactly at a PROT_NONE page: the last buffer of an arena ends at it,
 * so a read or write past `(height - 1) * rowBytes + row length` faults,
 * even from the uninstrumented Rust side. Each arena has sentinel bytes in
 * front and is snapshotted before the call; afterwards, a byte that changed
 * outside the row spans of the call's destinations is a finding (so are
 * writes to sources, any write when kvImageGetTempBufferSize was asked,
 * and any write by a call that returned an error). Geometry whose bytes do not fit gets a pointer that makes the
 * rows run past the end of the address space (or past size_t): pixelport
 * must reject it, and accepting it faults.
 */
#include "fuzz_common.h"

#include <Accelerate/Accelerate.h>

#define MAX_BYTES ((size_t)1 << 20)
#define MAX_BUFS 10
#define MAX_ARENAS 16
#define FRONT 16 /* sentinel bytes before the first buffer of an arena */

enum rel { SAME, SWAP, HALF, HALFW, FREE };

struct buf {
    size_t bits;     /* bits per pixel the caller assumes */
    int dest;        /* written by the call */
    int full_rows;   /* pixel size unknown here: the whole last row is memory */
    size_t rowlen;   /* bytes of one row of pixels (SIZE_MAX: overflow) */
    size_t ext;      /* bytes spanned from data; SIZE_MAX when it overflows */
    int arena;       /* -1: no memory behind it */
    size_t off;      /* offset of data in the arena */
};

struct arena {
    struct fz_guarded g;
    size_t size;
    uint8_t *snap;
    uint8_t *mask; /* 1 where a destination may write */
};

struct ctx {
    struct fz *f;
    size_t w, h;
    vImage_Buffer b[MAX_BUFS];
    struct buf m[MAX_BUFS];
    int n;
    struct arena a[MAX_ARENAS];
    int na;
    vImage_Flags flags;
    int any_write; /* writes allowed at all (kvImageGetTempBufferSize clears it) */
    size_t block;  /* pixels per block of the next buffers (packed 4:2:2: 2), 0 = 1 */
};

static int mul_ok(size_t a, size_t b, size_t *out) { return !__builtin_mul_overflow(a, b, out); }

static size_t pick_rowbytes(struct fz *f, size_t rowlen, size_t elem) {
    if (rowlen == SIZE_MAX) return fz_size(f, 4096);
    switch (fz_u8(f) % 16) {
    case 0: return 0;
    case 1: return rowlen ? rowlen - 1 - fz_pick(f, rowlen) : 0; /* too small */
    case 2: return rowlen + 1 + fz_u8(f) % 7;                    /* odd, not a multiple */
    case 3: return fz_size(f, 4096);                             /* anything, huge included */
    case 4: return rowlen + elem * fz_pick(f, 17);               /* padded */
    default: return rowlen;
    }
}

/* Declares buffer of `bits` per pixel, size by `rel` to the base size. */
static int decl(struct ctx *c, size_t bits, enum rel rel, int dest, int full_rows) {
    struct fz *f = c->f;
    if (c->n >= MAX_BUFS) abort();
    int i = c->n++;
    size_t w = c->w, h = c->h;
    switch (fz_u8(f) % 16 == 0 ? FREE : rel) {
    case SAME: break;
    case SWAP: w = c->h, h = c->w; break;
    case HALF: w = w / 2 + (w & 1), h = h / 2 + (h & 1); break;
    case HALFW: w = w / 2 + (w & 1); break;
    case FREE: w = fz_size(f, 48), h = fz_size(f, 48); break;
    }
    struct buf *m = &c->m[i];
    memset(m, 0, sizeof *m);
    m->bits = bits, m->dest = dest, m->full_rows = full_rows, m->arena = -1;
    size_t wb;
    /* Packed 4:2:2 rows are whole 2-pixel blocks, whatever the width. */
    size_t wblocks = c->block > 1 ? (w / c->block + (w % c->block != 0)) * c->block : w;
    /* Bytes, without overflowing in bits first: w × bits may not fit
     * where w × bytes does, and the library computes in bytes. */
    m->rowlen = mul_ok(wblocks / 8, bits, &wb) ? wb + ((wblocks % 8) * bits + 7) / 8 : SIZE_MAX;
    size_t elem = bits >= 8 ? (bits % 32 == 0 ? 4 : bits % 16 == 0 ? 2 : 1) : 1;
    size_t rb = pick_rowbytes(f, m->rowlen, elem);
    c->b[i] = (vImage_Buffer){NULL, h, w, rb};
    if (w == 0 || h == 0) {
        m->ext = 0;
    } else if (m->rowlen == SIZE_MAX) {
        m->ext = SIZE_MAX;
    } else {
        size_t last = full_rows && rb > m->rowlen ? rb : m->rowlen, span;
        m->ext = mul_ok(h - 1, rb, &span) && span <= SIZE_MAX - last ? span + last : SIZE_MAX;
    }
    return i;
}

/* Lays the declared buffers out in arenas, allocates, fills, snapshots. */
static void realize(struct ctx *c) {
    struct fz *f = c->f;
    size_t tail[MAX_ARENAS] = {0};
    for (int i = 0; i < c->n; i++) {
        struct buf *m = &c->m[i];
        vImage_Buffer *b = &c->b[i];
        uint8_t how = fz_u8(f);
        if (how % 32 == 0) continue; /* NULL data */
        if (m->ext > MAX_BYTES) {
            /* No memory can back it: rows past the end of the address space
             * (or a size_t overflow) must be refused before any access. */
            if (m->ext == SIZE_MAX || m->full_rows)
                b->data = m->full_rows ? NULL : (void *)(uintptr_t)0x1000;
            else
                b->data = (void *)((UINTPTR_MAX - m->ext / 2) & ~(uintptr_t)63);
            continue;
        }
        int j = i > 0 && m->dest && how % 8 == 1 ? (int)fz_pick(f, (size_t)i) : -1;
        if (j >= 0 && c->m[j].arena >= 0) {
            /* In place (same data) or partially overlapping an earlier buffer. */
            struct arena *a = &c->a[c->m[j].arena];
            m->arena = c->m[j].arena;
            m->off = c->m[j].off + (how % 16 == 1 ? 0 : fz_pick(f, c->m[j].ext + 1));
            if (m->off + m->ext > a->size) a->size = m->off + m->ext;
            continue;
        }
        if (c->na >= MAX_ARENAS) continue;
        m->arena = c->na++;
        m->off = FRONT;
        c->a[m->arena].size = FRONT + m->ext;
        tail[m->arena] = how % 8 == 2 ? 1 + fz_u8(f) % 7 : 0; /* misaligns data */
    }
    for (int k = 0; k < c->na; k++) {
        struct arena *a = &c->a[k];
        a->size += tail[k];
        if (!fz_guarded_alloc(&a->g, a->size)) abort();
        uint8_t pat[8];
        for (size_t i = 0; i < sizeof pat; i++) pat[i] = fz_u8(f);
        for (size_t i = 0; i < a->size; i++) a->g.data[i] = pat[i % sizeof pat] ^ (uint8_t)(i * 131);
        a->snap = malloc(a->size + 1);
        a->mask = calloc(a->size + 1, 1);
        memcpy(a->snap, a->g.data, a->size);
    }
    for (int i = 0; i < c->n; i++) {
        struct buf *m = &c->m[i];
        if (m->arena >= 0) c->b[i].data = c->a[m->arena].g.data + m->off;
        /* FZ_DEBUG=1: the geometry of each buffer, for reproducing a finding. */
        if (getenv("FZ_DEBUG"))
            fprintf(stderr, "buf %d: data %p %zux%zu rowBytes %zu bits %zu dest %d arena %d off %zu ext %zu\n", i,
                    c->b[i].data, (size_t)c->b[i].width, (size_t)c->b[i].height, c->b[i].rowBytes, m->bits,
                    m->dest, m->arena, m->off, m->ext);
        if (m->arena < 0) continue;
        struct arena *a = &c->a[m->arena];
        c->b[i].data = a->g.data + m->off;
        if (!m->dest || m->ext == 0) continue;
        size_t rb = c->b[i].rowBytes, h = c->b[i].height;
        size_t span = m->full_rows && rb > m->rowlen ? rb : m->rowlen;
        for (size_t r = 0; r < h; r++) {
            size_t start = m->off + r * rb, end = start + span;
            if (end > m->off + m->ext) end = m->off + m->ext;
            memset(a->mask + start, 1, end - start);
            if (rb == 0) break; /* every row is the same bytes */
        }
    }
}

/* A temp buffer of arena memory (or NULL), marked writable. */
static void *temp(struct ctx *c, size_t size) {
    if (size == 0 || size > MAX_BYTES || c->na >= MAX_ARENAS) return NULL;
    struct arena *a = &c->a[c->na++];
    a->size = size;
    if (!fz_guarded_alloc(&a->g, size)) abort();
    memset(a->g.data, 0xA5, size);
    a->snap = malloc(size);
    a->mask = malloc(size);
    memcpy(a->snap, a->g.data, size);
    memset(a->mask, 1, size);
    return a->g.data;
}

static void check_and_free(struct ctx *c, const char *what) {
    for (int k = 0; k < c->na; k++) {
        struct arena *a = &c->a[k];
        for (size_t i = 0; i < a->size; i++) {
            if (a->g.data[i] != a->snap[i] && (!a->mask[i] || !c->any_write)) {
                fprintf(stderr, "%s: byte %zu of arena %d (size %zu) written outside destinations\n",
                        what, i, k, a->size);
                for (int j = 0; j < c->n; j++)
                    fprintf(stderr, "  buf %d: arena %d off %zu %zux%zu rowBytes %zu bits %zu dest %d\n", j,
                            c->m[j].arena, c->m[j].off, (size_t)c->b[j].width, (size_t)c->b[j].height,
                            c->b[j].rowBytes, c->m[j].bits, c->m[j].dest);
                abort();
            }
        }
        fz_guarded_free(&a->g);
        free(a->snap);
        free(a->mask);
    }
    c->na = 0;
}

static vImage_Flags fz_flags(struct fz *f) {
    vImage_Flags fl;
    switch (fz_u8(f) % 8) {
    case 0: fl = fz_u32(f); break;
    case 1:
    case 2: fl = fz_u16(f) & 0x1FFF; break;
    default: fl = 0;
    }
    if (fz_u8(f) % 64 != 63) fl &= ~(vImage_Flags)kvImagePrintDiagnosticsToConsole;
    return fl;
}

static float fz_float(struct fz *f) {
    switch (fz_u8(f) % 8) {
    case 0: return 0.0f / 0.0f;
    case 1: return 1.0f / 0.0f;
    case 2: return -1e30f;
    case 3: return 1.0f;
    case 4: return 0.0f;
    default: {
        uint32_t u = fz_u32(f);
        float x;
        memcpy(&x, &u, sizeof x);
        return x;
    }
    }
}

static CGColorSpaceRef fz_colorspace(struct fz *f) {
    switch (fz_u8(f) % 4) {
    case 0: return NULL;
    case 1: return CGColorSpaceCreateDeviceGray();
    default: return CGColorSpaceCreateDeviceRGB();
    }
}

static void fz_cg_format(struct fz *f, vImage_CGImageFormat *fmt) {
    static const uint32_t bpc[] = {8, 8, 16, 32, 1, 2, 4, 5, 10, 0, 3};
    static const uint32_t bpp[] = {32, 8, 24, 64, 128, 16, 48, 96, 0, 1, 40};
    memset(fmt, 0, sizeof *fmt);
    fmt->bitsPerComponent = fz_u8(f) % 16 == 0 ? fz_u32(f) : bpc[fz_pick(f, FZ_COUNT(bpc))];
    fmt->bitsPerPixel = fz_u8(f) % 16 == 0 ? fz_u32(f) : bpp[fz_pick(f, FZ_COUNT(bpp))];
    fmt->colorSpace = fz_colorspace(f);
    /* alpha info | float | byte order, or anything */
    fmt->bitmapInfo = fz_u8(f) % 16 == 0 ? fz_u32(f)
                                         : (uint32_t)(fz_u8(f) % 8) | (fz_u8(f) & 1 ? 0x100u : 0) |
                                               (uint32_t)(fz_u8(f) % 5) << 12;
    fmt->version = fz_u8(f) % 32 == 0 ? fz_u32(f) : 0;
    fmt->renderingIntent = (CGColorRenderingIntent)(fz_u8(f) % 6);
}

static size_t cg_bits(const vImage_CGImageFormat *fmt) {
    size_t b = fmt->bitsPerPixel;
    return b >= 8 && b <= 128 ? b : 32;
}

static vImageCVImageFormatRef fz_cv_format(struct fz *f, CVPixelBufferRef pb) {
    if (pb && fz_u8(f) % 2) return vImageCVImageFormat_CreateWithCVPixelBuffer(pb);
    vImage_ARGBToYpCbCrMatrix mat;
    const vImage_ARGBToYpCbCrMatrix *mp = NULL;
    switch (fz_u8(f) % 3) {
    case 0: mp = kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2; break;
    case 1:
        mat = (vImage_ARGBToYpCbCrMatrix){fz_float(f), fz_float(f), fz_float(f), fz_float(f),
                                          fz_float(f), fz_float(f), fz_float(f), fz_float(f)};
        mp = &mat;
        break;
    }
    CFStringRef loc = fz_u8(f) & 1 ? kCVImageBufferChromaLocation_Left
                                   : fz_u8(f) & 1 ? kCVImageBufferChromaLocation_TopLeft : NULL;
    CGColorSpaceRef cs = fz_colorspace(f);
    vImageCVImageFormatRef r = vImageCVImageFormat_Create(fz_format(f), mp, loc, cs, fz_u8(f) % 3);
    if (cs) CGColorSpaceRelease(cs);
    return r;
}

static const int16_t *kernel16(struct ctx *c, uint32_t kh, uint32_t kw, int32_t *divisor) {
    size_t n = (size_t)kh * kw;
    int16_t *k = temp(c, n * sizeof *k);
    if (!k) return NULL;
    for (size_t i = 0; i < n; i++) k[i] = (int16_t)(fz_u8(c->f) % 4 == 0 ? fz_u16(c->f) : fz_u8(c->f) % 5);
    memcpy(c->a[c->na - 1].snap, k, n * sizeof *k);
    memset(c->a[c->na - 1].mask, 0, n * sizeof *k); /* kernels are read only */
    *divisor = fz_u8(c->f) % 4 == 0 ? (int32_t)fz_u32(c->f) : 1 + fz_u8(c->f) % 32;
    return k;
}

static const float *kernelF(struct ctx *c, uint32_t kh, uint32_t kw) {
    size_t n = (size_t)kh * kw;
    float *k = temp(c, n * sizeof *k);
    if (!k) return NULL;
    for (size_t i = 0; i < n; i++) k[i] = fz_u8(c->f) % 8 == 0 ? fz_float(c->f) : (float)(fz_u8(c->f) % 5) / 8;
    memcpy(c->a[c->na - 1].snap, k, n * sizeof *k);
    memset(c->a[c->na - 1].mask, 0, n * sizeof *k);
    return k;
}

static uint32_t kdim(struct fz *f) { return fz_u8(f) % 16 == 0 ? fz_u8(f) % 64 : 1 + 2 * (fz_u8(f) % 4); }

/* A temp buffer for a call that takes one: NULL, or the size the call
 * itself asks for. */
static void *temp_for(struct ctx *c, vImage_Error asked) {
    if (fz_u8(c->f) % 4 || asked <= 0) return NULL;
    return temp(c, (size_t)asked);
}

enum { N_OPS = 44 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_init_tables();
    fz_init_formats();
    struct fz f = {data, size};
    struct ctx ctx, *c = &ctx;
    memset(c, 0, sizeof *c);
    c->f = &f;
    int op = (int)fz_pick(&f, N_OPS);
    c->w = fz_size(&f, 48), c->h = fz_size(&f, 48);
    c->flags = fz_flags(&f);
    if (getenv("FZ_DEBUG")) fprintf(stderr, "op %d, %zux%zu, flags %#x\n", op, c->w, c->h, c->flags);
    c->any_write = !(c->flags & kvImageGetTempBufferSize);
    vImage_Flags fl = c->flags;
    vImage_Error err = 0;
    uint8_t map[4] = {fz_u8(&f) % 4, fz_u8(&f) % 4, fz_u8(&f) % 4, fz_u8(&f) % 4};
    if (fz_u8(&f) % 16 == 0) map[fz_pick(&f, 4)] = fz_u8(&f);
    uint8_t px8[4] = {fz_u8(&f), fz_u8(&f), fz_u8(&f), fz_u8(&f)};
    float pxf[4] = {fz_float(&f), fz_float(&f), fz_float(&f), fz_float(&f)};
    int s, d, d1;
    int single = 1; /* one call decides what may be written */

    switch (op) {
    case 0: { /* vImageBuffer_Init, allocating or not */
        vImage_Buffer b = {NULL, 7, 7, 7};
        uint32_t bits = fz_u8(&f) % 4 == 0 ? fz_u32(&f) : (uint32_t)(fz_u8(&f) % 17) * 8;
        vImage_Flags iflags = fl;
        if ((fz_u8(&f) & 3) == 0) iflags |= kvImageNoAllocate;
        size_t w = c->w, h = c->h, row, all;
        /* Allocations that fit size_t stay under a few megabytes; the ones
         * that overflow must be refused. */
        int fits = mul_ok(w, (size_t)bits / 8 + 1, &row) && mul_ok(row + 64, h, &all);
        if (!(iflags & kvImageNoAllocate) && fits && all > ((size_t)4 << 20)) w = h = 0;
        err = vImageBuffer_Init(fz_u8(&f) % 32 ? &b : NULL, h, w, bits, iflags);
        /* With kvImageGetTempBufferSize nothing is done (b keeps NULL data). */
        if (err == kvImageNoError && !(iflags & (kvImageNoAllocate | kvImageGetTempBufferSize))) {
            if (b.height && b.width && !b.data) abort();
            if (b.data && b.height && b.width) {
                size_t wb = (size_t)b.width * bits;
                if (b.rowBytes < wb / 8 + (wb % 8 != 0)) {
                    fprintf(stderr, "vImageBuffer_Init(%zu x %zu, %u bits, flags %#x): rowBytes %zu\n", (size_t)b.height, (size_t)b.width, bits, iflags, b.rowBytes);
                    abort();
                }
                memset(b.data, 0x5a, (b.height - 1) * b.rowBytes + wb / 8 + (wb % 8 != 0));
            }
            free(b.data);
        }
        vImageBuffer_GetSize(&b);
        break;
    }
    case 1:
        s = decl(c, 32, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImagePermuteChannels_ARGB8888(&c->b[s], &c->b[d], fz_u8(&f) % 16 ? map : NULL, fl);
        break;
    case 2:
        s = decl(c, 128, SAME, 0, 0), d = decl(c, 128, SAME, 1, 0), realize(c);
        err = vImagePermuteChannels_ARGBFFFF(&c->b[s], &c->b[d], map, fl);
        break;
    case 3: {
        s = decl(c, 32, SAME, 0, 0), d1 = decl(c, 32, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImageOverwriteChannels_ARGB8888(&c->b[s], &c->b[d1], &c->b[d], fz_u8(&f), fl);
        break;
    }
    case 4:
        s = decl(c, 128, SAME, 0, 0), d1 = decl(c, 128, SAME, 0, 0), d = decl(c, 128, SAME, 1, 0), realize(c);
        err = vImageOverwriteChannels_ARGBFFFF(&c->b[s], &c->b[d1], &c->b[d], fz_u8(&f), fl);
        break;
    case 5:
        s = decl(c, 32, SAME, 0, 0), d = decl(c, 8, SAME, 1, 0), realize(c);
        err = vImageExtractChannel_ARGB8888(&c->b[s], &c->b[d], (long)(int8_t)fz_u8(&f), fl);
        break;
    case 6:
        s = decl(c, 128, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImageExtractChannel_ARGBFFFF(&c->b[s], &c->b[d], (long)fz_u64(&f), fl);
        break;
    case 7: { /* deinterleave */
        int fp = fz_u8(&f) & 1;
        s = decl(c, fp ? 128 : 32, SAME, 0, 0);
        for (int i = 0; i < 4; i++) decl(c, fp ? 32 : 8, SAME, 1, 0);
        realize(c);
        err = fp ? vImageConvert_ARGBFFFFtoPlanarF(&c->b[s], &c->b[1], &c->b[2], &c->b[3], &c->b[4], fl)
                 : vImageConvert_ARGB8888toPlanar8(&c->b[s], &c->b[1], &c->b[2], &c->b[3], &c->b[4], fl);
        break;
    }
    case 8: { /* interleave */
        int fp = fz_u8(&f) & 1;
        for (int i = 0; i < 4; i++) decl(c, fp ? 32 : 8, SAME, 0, 0);
        d = decl(c, fp ? 128 : 32, SAME, 1, 0);
        realize(c);
        err = fp ? vImageConvert_PlanarFtoARGBFFFF(&c->b[0], &c->b[1], &c->b[2], &c->b[3], &c->b[d], fl)
                 : vImageConvert_Planar8toARGB8888(&c->b[0], &c->b[1], &c->b[2], &c->b[3], &c->b[d], fl);
        break;
    }
    case 9:
        s = decl(c, 8, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImageConvert_Planar8toPlanarF(&c->b[s], &c->b[d], pxf[0], pxf[1], fl);
        break;
    case 10:
        s = decl(c, 32, SAME, 0, 0), d = decl(c, 8, SAME, 1, 0), realize(c);
        err = vImageConvert_PlanarFtoPlanar8(&c->b[s], &c->b[d], pxf[0], pxf[1], fl);
        break;
    case 11:
        s = decl(c, 16, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImageConvert_16UToF(&c->b[s], &c->b[d], pxf[0], pxf[1], fl);
        break;
    case 12:
        s = decl(c, 32, SAME, 0, 0), d = decl(c, 16, SAME, 1, 0), realize(c);
        err = vImageConvert_FTo16U(&c->b[s], &c->b[d], pxf[0], pxf[1], fl);
        break;
    case 13:
        s = decl(c, 8, SAME, 0, 0), d = decl(c, 16, SAME, 1, 0), realize(c);
        err = fz_u8(&f) & 1 ? vImageConvert_Planar8To16U(&c->b[s], &c->b[d], fl)
                            : vImageConvert_Planar8toPlanar16F(&c->b[s], &c->b[d], fl);
        break;
    case 14:
        s = decl(c, 16, SAME, 0, 0), d = decl(c, 16, SAME, 1, 0), realize(c);
        err = fz_u8(&f) & 1 ? vImageConvert_16Uto16F(&c->b[s], &c->b[d], fl)
                            : vImageConvert_16Fto16U(&c->b[s], &c->b[d], fl);
        break;
    case 15:
        s = decl(c, 16, SAME, 0, 0), d = decl(c, 32, SAME, 1, 0), realize(c);
        err = vImageConvert_Planar16FtoPlanarF(&c->b[s], &c->b[d], fl);
        break;
    case 16:
        s = decl(c, 32, SAME, 0, 0), d = decl(c, 16, SAME, 1, 0), realize(c);
        err = vImageConvert_PlanarFtoPlanar16F(&c->b[s], &c->b[d], fl);
        break;
    case 17:
        s = decl(c, 16, SAME, 0, 0), d = decl(c, 8, SAME, 1, 0), realize(c);
        err = vImageConvert_Planar16FtoPlanar8(&c->b[s], &c->b[d], fl);
        break;
    case 18:
        d = decl(c, fz_u8(&f) & 1 ? 32 : 128, SAME, 1, 0), realize(c);
        err = c->m[d].bits == 32 ? vImageBufferFill_ARGB8888(&c->b[d], fz_u8(&f) % 16 ? px8 : NULL, fl)
                                 : vImageBufferFill_ARGBFFFF(&c->b[d], pxf, fl);
        break;
    case 19:
        d = decl(c, 8, SAME, 1, 0), realize(c);
        err = vImageOverwriteChannelsWithScalar_Planar8(px8[0], &c->b[d], fl);
        break;
    case 20: { /* copy with any pixel size */
        size_t ps = fz_u8(&f) % 8 == 0 ? fz_size(&f, 64) : 1 + fz_u8(&f) % 16;
        size_t bits = ps <= 16 ? ps * 8 : 8;
        /* A pixel size of 0 or above 16 bytes: whole rows of memory, which
         * is all a call that accepts the rowBytes may touch. */
        s = decl(c, bits, SAME, 0, ps > 16), d = decl(c, bits, SAME, 1, ps > 16), realize(c);
        err = vImageCopyBuffer(&c->b[s], &c->b[d], ps, fl);
        break;
    }
    case 21:
    case 22: {
        int fp = op == 22, un = fz_u8(&f) & 1;
        s = decl(c, fp ? 128 : 32, SAME, 0, 0), d = decl(c, fp ? 128 : 32, SAME, 1, 0), realize(c);
        if (fp) err = un ? vImageUnpremultiplyData_ARGBFFFF(&c->b[s], &c->b[d], fl)
                         : vImagePremultiplyData_ARGBFFFF(&c->b[s], &c->b[d], fl);
        else err = un ? vImageUnpremultiplyData_ARGB8888(&c->b[s], &c->b[d], fl)
                      : vImagePremultiplyData_RGBA8888(&c->b[s], &c->b[d], fl);
        break;
    }
    case 23: {
        int fp = fz_u8(&f) & 1;
        s = decl(c, fp ? 32 : 8, SAME, 0, 0), d1 = decl(c, fp ? 32 : 8, SAME, 0, 0);
        d = decl(c, fp ? 32 : 8, SAME, 1, 0), realize(c);
        err = fp ? vImagePremultiplyData_PlanarF(&c->b[s], &c->b[d1], &c->b[d], fl)
                 : vImageUnpremultiplyData_Planar8(&c->b[s], &c->b[d1], &c->b[d], fl);
        break;
    }
    case 24:
    case 25: { /* reflect */
        static const size_t bits[] = {8, 32, 32, 128};
        int k = (int)fz_pick(&f, 4);
        s = decl(c, bits[k], SAME, 0, 0), d = decl(c, bits[k], SAME, 1, 0), realize(c);
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        if (op == 24) err = k == 0 ? vImageHorizontalReflect_Planar8(a, b, fl)
                          : k == 1 ? vImageHorizontalReflect_ARGB8888(a, b, fl)
                          : k == 2 ? vImageHorizontalReflect_PlanarF(a, b, fl)
                                   : vImageHorizontalReflect_ARGBFFFF(a, b, fl);
        else err = k == 0 ? vImageVerticalReflect_Planar8(a, b, fl)
                   : k == 1 ? vImageVerticalReflect_ARGB8888(a, b, fl)
                   : k == 2 ? vImageVerticalReflect_PlanarF(a, b, fl)
                            : vImageVerticalReflect_ARGBFFFF(a, b, fl);
        break;
    }
    case 26: { /* rotate90 */
        static const size_t bits[] = {8, 32, 32, 128};
        int k = (int)fz_pick(&f, 4);
        uint8_t rot = fz_u8(&f) % 8 == 0 ? fz_u8(&f) : fz_u8(&f) % 4;
        s = decl(c, bits[k], SAME, 0, 0), d = decl(c, bits[k], rot & 1 ? SWAP : SAME, 1, 0), realize(c);
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        err = k == 0 ? vImageRotate90_Planar8(a, b, rot, px8[0], fl)
            : k == 1 ? vImageRotate90_ARGB8888(a, b, rot, fz_u8(&f) % 16 ? px8 : NULL, fl)
            : k == 2 ? vImageRotate90_PlanarF(a, b, rot, pxf[0], fl)
                     : vImageRotate90_ARGBFFFF(a, b, rot, pxf, fl);
        break;
    }
    case 27: { /* scale */
        static const size_t bits[] = {8, 32, 32, 128};
        int k = (int)fz_pick(&f, 4);
        s = decl(c, bits[k], SAME, 0, 0), d = decl(c, bits[k], FREE, 1, 0), realize(c);
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        vImage_Flags q = fl | kvImageGetTempBufferSize;
        vImage_Error asked = k == 0 ? vImageScale_Planar8(a, b, NULL, q)
                           : k == 1 ? vImageScale_ARGB8888(a, b, NULL, q)
                           : k == 2 ? vImageScale_PlanarF(a, b, NULL, q)
                                    : vImageScale_ARGBFFFF(a, b, NULL, q);
        void *t = temp_for(c, asked);
        err = k == 0 ? vImageScale_Planar8(a, b, t, fl)
            : k == 1 ? vImageScale_ARGB8888(a, b, t, fl)
            : k == 2 ? vImageScale_PlanarF(a, b, t, fl)
                     : vImageScale_ARGBFFFF(a, b, t, fl);
        break;
    }
    case 28:
    case 29: { /* general convolution */
        static const size_t bits[] = {8, 32, 32, 128};
        int k = (int)fz_pick(&f, 4);
        s = decl(c, bits[k], SAME, 0, 0), d = decl(c, bits[k], fz_u8(&f) & 1 ? SAME : FREE, 1, 0), realize(c);
        size_t rx = fz_u8(&f) % 4 ? fz_pick(&f, 8) : fz_size(&f, 64);
        size_t ry = fz_u8(&f) % 4 ? fz_pick(&f, 8) : fz_size(&f, 64);
        uint32_t kh = kdim(&f), kw = kdim(&f);
        int32_t div = 1;
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        if (k < 2) {
            const int16_t *ker = kernel16(c, kh, kw, &div);
            if (op == 28)
                err = k == 0 ? vImageConvolve_Planar8(a, b, NULL, rx, ry, ker, kh, kw, div, px8[0], fl)
                             : vImageConvolve_ARGB8888(a, b, NULL, rx, ry, ker, kh, kw, div,
                                                       fz_u8(&f) % 16 ? px8 : NULL, fl);
            else
                err = k == 0 ? vImageConvolveWithBias_Planar8(a, b, NULL, rx, ry, ker, kh, kw, div,
                                                              (int32_t)fz_u32(&f), px8[0], fl)
                             : vImageConvolveWithBias_ARGB8888(a, b, NULL, rx, ry, ker, kh, kw, div,
                                                               (int32_t)fz_u32(&f), px8, fl);
        } else {
            const float *ker = kernelF(c, kh, kw);
            if (op == 28)
                err = k == 2 ? vImageConvolve_PlanarF(a, b, NULL, rx, ry, ker, kh, kw, pxf[0], fl)
                             : vImageConvolve_ARGBFFFF(a, b, NULL, rx, ry, ker, kh, kw, pxf, fl);
            else
                err = k == 2 ? vImageConvolveWithBias_PlanarF(a, b, NULL, rx, ry, ker, kh, kw, pxf[1], pxf[0], fl)
                             : vImageConvolveWithBias_ARGBFFFF(a, b, NULL, rx, ry, ker, kh, kw, pxf[1],
                                                               fz_u8(&f) % 16 ? pxf : NULL, fl);
        }
        break;
    }
    case 30: { /* box / tent */
        int argb = fz_u8(&f) & 1, tent = fz_u8(&f) & 1;
        s = decl(c, argb ? 32 : 8, SAME, 0, 0), d = decl(c, argb ? 32 : 8, fz_u8(&f) & 1 ? SAME : FREE, 1, 0);
        realize(c);
        size_t rx = fz_u8(&f) % 4 ? fz_pick(&f, 8) : fz_size(&f, 64);
        size_t ry = fz_u8(&f) % 4 ? fz_pick(&f, 8) : fz_size(&f, 64);
        /* Known finding (fuzz/README.md): box and tent kernels are built as
         * weight vectors, so a 2^31-wide kernel fills 16 GiB even for an
         * empty image; sizes stay below 4096 here (even and 0 included). */
        uint32_t kh = fz_u8(&f) % 8 ? kdim(&f) : fz_u16(&f) % 4096, kw = fz_u8(&f) % 8 ? kdim(&f) : fz_u16(&f) % 4096;
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        vImage_Flags q = fl | kvImageGetTempBufferSize;
        vImage_Error asked =
            argb ? (tent ? vImageTentConvolve_ARGB8888 : vImageBoxConvolve_ARGB8888)(a, b, NULL, rx, ry, kh, kw, px8, q)
                 : (tent ? vImageTentConvolve_Planar8 : vImageBoxConvolve_Planar8)(a, b, NULL, rx, ry, kh, kw, px8[0], q);
        void *t = temp_for(c, asked);
        err = argb ? (tent ? vImageTentConvolve_ARGB8888 : vImageBoxConvolve_ARGB8888)(a, b, t, rx, ry, kh, kw, px8, fl)
                   : (tent ? vImageTentConvolve_Planar8 : vImageBoxConvolve_Planar8)(a, b, t, rx, ry, kh, kw, px8[0], fl);
        break;
    }
    case 31: { /* histograms: caller arrays end at guard pages */
        int k = (int)fz_pick(&f, 4);
        s = decl(c, k == 0 ? 8 : k == 1 ? 32 : k == 2 ? 32 : 128, SAME, 0, 0), realize(c);
        vImagePixelCount *h[4];
        unsigned entries = k < 2 ? 256 : (fz_u8(&f) % 8 == 0 ? fz_u8(&f) % 3 : 1 + fz_pick(&f, 4096));
        for (int i = 0; i < 4; i++) h[i] = temp(c, entries * sizeof(vImagePixelCount));
        if (k == 0) err = vImageHistogramCalculation_Planar8(&c->b[s], h[0], fl);
        else if (k == 1) err = vImageHistogramCalculation_ARGB8888(&c->b[s], fz_u8(&f) % 16 ? h : NULL, fl);
        else if (k == 2)
            err = vImageHistogramCalculation_PlanarF(&c->b[s], h[0], entries, pxf[0], pxf[1], fl);
        else err = vImageHistogramCalculation_ARGBFFFF(&c->b[s], h, entries, pxf[0], pxf[1], fl);
        break;
    }
    case 32: { /* equalization / contrast stretch */
        int k = (int)fz_pick(&f, 6);
        size_t bits = k == 0 || k == 3 ? 8 : k == 1 || k == 4 ? 32 : 32;
        s = decl(c, bits, SAME, 0, 0), d = decl(c, bits, SAME, 1, 0), realize(c);
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        unsigned entries = fz_u8(&f) % 8 == 0 ? fz_u32(&f) % 70000 : fz_pick(&f, 4096);
        switch (k) {
        case 0: err = vImageEqualization_Planar8(a, b, fl); break;
        case 1: err = vImageEqualization_ARGB8888(a, b, fl); break;
        case 2: err = vImageEqualization_PlanarF(a, b, NULL, entries, pxf[0], pxf[1], fl); break;
        case 3: err = vImageContrastStretch_Planar8(a, b, fl); break;
        case 4: err = vImageContrastStretch_ARGB8888(a, b, fl); break;
        default: err = vImageContrastStretch_PlanarF(a, b, NULL, entries, pxf[0], pxf[1], fl); break;
        }
        if (k == 0 || k == 3)
            single = 0, err = vImageEndsInContrastStretch_Planar8(a, b, fz_u8(&f) % 8 ? fz_u8(&f) % 60 : fz_u32(&f),
                                                      fz_u8(&f) % 8 ? fz_u8(&f) % 60 : fz_u32(&f), fl);
        break;
    }
    case 33: { /* dithering to 1/2/4 bits, every method */
        int k = (int)fz_pick(&f, 3);
        static const size_t bits[] = {1, 2, 4};
        int dither = fz_u8(&f) % 8 == 0 ? (int)fz_u32(&f)
                                        : (int)(fz_u8(&f) % 5) | (fz_u8(&f) & 1 ? kvImageConvert_OrderedUniformBlue : 0);
        s = decl(c, 8, SAME, 0, 0), d = decl(c, bits[k], SAME, 1, 0), realize(c);
        const vImage_Buffer *a = &c->b[s], *b = &c->b[d];
        vImage_Flags q = fl | kvImageGetTempBufferSize;
        vImage_Error asked = k == 0 ? vImageConvert_Planar8toPlanar1(a, b, NULL, dither, q)
                           : k == 1 ? vImageConvert_Planar8toPlanar2(a, b, NULL, dither, q)
                                    : vImageConvert_Planar8toPlanar4(a, b, NULL, dither, q);
        void *t = temp_for(c, asked);
        err = k == 0 ? vImageConvert_Planar8toPlanar1(a, b, t, dither, fl)
            : k == 1 ? vImageConvert_Planar8toPlanar2(a, b, t, dither, fl)
                     : vImageConvert_Planar8toPlanar4(a, b, t, dither, fl);
        break;
    }
    case 34:
    case 35:
    case 36:
    case 37: { /* Y'CbCr: generate a conversion from fuzzed values, then convert */
        vImage_YpCbCrPixelRange range;
        switch (fz_u8(&f) % 4) {
        case 0: range = (vImage_YpCbCrPixelRange){16, 128, 235, 240, 235, 16, 240, 16}; break;
        case 1: range = (vImage_YpCbCrPixelRange){0, 128, 255, 255, 255, 1, 255, 0}; break;
        default:
            range = (vImage_YpCbCrPixelRange){(int32_t)fz_u32(&f), (int32_t)fz_u32(&f), (int32_t)fz_u32(&f),
                                              (int32_t)fz_u32(&f), (int32_t)fz_u16(&f), (int32_t)fz_u16(&f),
                                              (int32_t)fz_u16(&f), (int32_t)fz_u16(&f)};
        }
        static const vImageYpCbCrType yuv[] = {kvImage420Yp8_CbCr8, kvImage420Yp8_Cb8_Cr8, kvImage422YpCbYpCr8,
                                               kvImage422CbYpCrYp8};
        int k = op - 34;
        vImageYpCbCrType type = fz_u8(&f) % 16 == 0 ? (vImageYpCbCrType)fz_u32(&f) : yuv[k];
        vImageARGBType argb = fz_u8(&f) % 16 == 0 ? (vImageARGBType)fz_u32(&f) : kvImageARGB8888;
        int to_rgb = fz_u8(&f) & 1;
        vImage_YpCbCrToARGB in_info;
        vImage_ARGBToYpCbCr out_info;
        memset(&in_info, 0, sizeof in_info);
        memset(&out_info, 0, sizeof out_info);
        if (to_rgb) {
            vImage_YpCbCrToARGBMatrix mat = {fz_float(&f), fz_float(&f), fz_float(&f), fz_float(&f), fz_float(&f)};
            const vImage_YpCbCrToARGBMatrix *mp = fz_u8(&f) & 1 ? kvImage_YpCbCrToARGBMatrix_ITU_R_601_4 : &mat;
            vImageConvert_YpCbCrToARGB_GenerateConversion(fz_u8(&f) % 32 ? mp : NULL, &range, &in_info, type,
                                                          argb, fl);
        } else {
            vImage_ARGBToYpCbCrMatrix mat = {fz_float(&f), fz_float(&f), fz_float(&f), fz_float(&f),
                                             fz_float(&f), fz_float(&f), fz_float(&f), fz_float(&f)};
            const vImage_ARGBToYpCbCrMatrix *mp = fz_u8(&f) & 1 ? kvImage_ARGBToYpCbCrMatrix_ITU_R_709_2 : &mat;
            vImageConvert_ARGBToYpCbCr_GenerateConversion(mp, fz_u8(&f) % 32 ? &range : NULL, &out_info, argb,
                                                          type, fl);
        }
        const uint8_t *pm = fz_u8(&f) % 4 ? map : NULL;
        vImage_Flags cf = fz_flags(&f);
        c->flags = cf, c->any_write = !(cf & kvImageGetTempBufferSize);
        if (k == 0) { /* 420 bi-planar */
            int y = decl(c, 8, SAME, !to_rgb, 0), uv = decl(c, 16, HALF, !to_rgb, 0);
            d = decl(c, 32, SAME, to_rgb, 0), realize(c);
            err = to_rgb ? vImageConvert_420Yp8_CbCr8ToARGB8888(&c->b[y], &c->b[uv], &c->b[d], &in_info, pm,
                                                                px8[0], cf)
                         : vImageConvert_ARGB8888To420Yp8_CbCr8(&c->b[d], &c->b[y], &c->b[uv], &out_info, pm, cf);
        } else if (k == 1) { /* 420 tri-planar */
            int y = decl(c, 8, SAME, !to_rgb, 0), u = decl(c, 8, HALF, !to_rgb, 0);
            int v = decl(c, 8, HALF, !to_rgb, 0);
            d = decl(c, 32, SAME, to_rgb, 0), realize(c);
            err = to_rgb ? vImageConvert_420Yp8_Cb8_Cr8ToARGB8888(&c->b[y], &c->b[u], &c->b[v], &c->b[d],
                                                                  &in_info, pm, px8[0], cf)
                         : vImageConvert_ARGB8888To420Yp8_Cb8_Cr8(&c->b[d], &c->b[y], &c->b[u], &c->b[v],
                                                                  &out_info, pm, cf);
        } else { /* 422 packed, two bytes per pixel */
            c->block = 2;
            int y = decl(c, 16, SAME, !to_rgb, 0);
            c->block = 0;
            d = decl(c, 32, SAME, to_rgb, 0), realize(c);
            if (k == 2)
                err = to_rgb ? vImageConvert_422YpCbYpCr8ToARGB8888(&c->b[y], &c->b[d], &in_info, pm, px8[0], cf)
                             : vImageConvert_ARGB8888To422YpCbYpCr8(&c->b[d], &c->b[y], &out_info, pm, cf);
            else
                err = to_rgb ? vImageConvert_422CbYpCrYp8ToARGB8888(&c->b[y], &c->b[d], &in_info, pm, px8[0], cf)
                             : vImageConvert_ARGB8888To422CbYpCrYp8(&c->b[d], &c->b[y], &out_info, pm, cf);
        }
        break;
    }
    case 38:
    case 39:
    case 40: { /* AnyToAny through converters from fuzzed formats */
        vImage_CGImageFormat cg1, cg2;
        fz_cg_format(&f, &cg1);
        fz_cg_format(&f, &cg2);
        CGFloat bg[4] = {pxf[0], pxf[1], pxf[2], pxf[3]};
        const CGFloat *bgp = fz_u8(&f) & 1 ? bg : NULL;
        CVPixelBufferRef pb = NULL;
        if (fz_u8(&f) & 1) CVPixelBufferCreate(NULL, 2 + fz_pick(&f, 8), 2 + fz_pick(&f, 8), fz_format(&f), NULL, &pb);
        vImageCVImageFormatRef cv = op == 38 ? NULL : fz_cv_format(&f, pb);
        vImage_Error cerr = 1;
        vImageConverterRef conv =
            op == 38 ? vImageConverter_CreateWithCGImageFormat(&cg1, &cg2, bgp, fz_flags(&f), &cerr)
            : op == 39 ? vImageConverter_CreateForCGToCVImageFormat(&cg1, cv, bgp, fz_flags(&f), &cerr)
                       : vImageConverter_CreateForCVToCGImageFormat(cv, &cg2, bgp, fz_flags(&f), &cerr);
        if (!conv && cerr == kvImageNoError) abort(); /* no converter but no error either */
        if (conv) {
            size_t ns = vImageConverter_GetNumberOfSourceBuffers(conv);
            size_t nd = vImageConverter_GetNumberOfDestinationBuffers(conv);
            vImageConverter_GetSourceBufferOrder(conv);
            vImageConverter_GetDestinationBufferOrder(conv);
            vImageConverter_MustOperateOutOfPlace(conv, NULL, NULL, fl);
            if (ns <= 4 && nd <= 4) {
                int s0 = c->n;
                for (size_t i = 0; i < ns; i++) decl(c, op == 40 ? 32 : cg_bits(&cg1), SAME, 0, 1);
                int d0 = c->n;
                for (size_t i = 0; i < nd; i++) decl(c, op == 39 ? 32 : cg_bits(&cg2), SAME, 1, 1);
                realize(c);
                err = vImageConvert_AnyToAny(conv, &c->b[s0], &c->b[d0], NULL, fl);
            }
            vImageConverter_Release(conv);
        }
        if (cv) vImageCVImageFormat_Release(cv);
        if (pb) CVPixelBufferRelease(pb);
        if (cg1.colorSpace) CGColorSpaceRelease(cg1.colorSpace);
        if (cg2.colorSpace) CGColorSpaceRelease(cg2.colorSpace);
        break;
    }
    default: { /* 41..43: vImage_Buffer <-> CVPixelBuffer */
        vImage_CGImageFormat cg;
        fz_cg_format(&f, &cg);
        CVPixelBufferRef pb = NULL;
        size_t pw = fz_u8(&f) % 8 ? fz_pick(&f, 40) : fz_size(&f, 40);
        size_t ph = fz_u8(&f) % 8 ? fz_pick(&f, 40) : fz_size(&f, 40);
        if (pw > 4096 || ph > 4096) pw = ph = 1;
        CVPixelBufferCreate(NULL, pw, ph, fz_format(&f), NULL, &pb);
        vImageCVImageFormatRef cv = fz_u8(&f) & 1 ? fz_cv_format(&f, pb) : NULL;
        CGFloat bg[4] = {pxf[0], pxf[1], pxf[2], pxf[3]};
        const CGFloat *bgp = fz_u8(&f) & 1 ? bg : NULL;
        c->w = pw, c->h = ph;
        if (op == 41 || op == 42) {
            vImage_Flags iflags = fl;
            if (op == 42) iflags |= kvImageNoAllocate;
            c->flags = iflags, c->any_write = !(iflags & kvImageGetTempBufferSize);
            vImage_Buffer out = {NULL, 0, 0, 0};
            vImage_Buffer *bp = &out;
            if (op == 42) {
                d = decl(c, cg_bits(&cg), SAME, 1, 1), realize(c);
                bp = &c->b[d];
            }
            err = vImageBuffer_InitWithCVPixelBuffer(fz_u8(&f) % 32 ? bp : NULL, &cg, pb, cv, bgp, iflags);
            if (op == 41 && err == kvImageNoError) {
                if (out.height && out.width && !out.data) abort();
                if (out.data && out.height) {
                    /* What was allocated must hold the geometry reported. */
                    volatile uint8_t *p = out.data;
                    (void)p[(out.height - 1) * out.rowBytes + out.rowBytes - 1];
                }
                free(out.data);
            }
        } else {
            s = decl(c, cg_bits(&cg), SAME, 0, 1), realize(c);
            err = vImageBuffer_CopyToCVPixelBuffer(&c->b[s], &cg, pb, cv, bgp, fl);
            if (pb) fz_touch_planes(pb);
        }
        if (cv) vImageCVImageFormat_Release(cv);
        if (pb) CVPixelBufferRelease(pb);
        if (cg.colorSpace) CGColorSpaceRelease(cg.colorSpace);
        break;
    }
    }
    /* README: nothing is written on error (where one call decides). */
    if (err < 0 && single) c->any_write = 0;
    char what[48];
    snprintf(what, sizeof what, "op %d (returned %ld)", op, (long)err);
    check_and_free(c, what);
    return 0;
}
