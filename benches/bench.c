/*
 * pixelport side-by-side benchmark (issue 7): the same frames converted by a
 * memcpy of the same traffic (the floor), libyuv, libswscale and pixelport
 * (through the public C API: VTPixelTransferSessionTransferImage and vImage),
 * interleaved round by round so machine noise hits every peer alike.
 *
 * Run it through `bash benches/run` (installs libyuv-dev/libswscale-dev,
 * builds the release library, compiles and runs this file).
 *
 * Usage: bench [filter]   -- only workloads whose name contains `filter`
 *                            ("cold": only the cache-cold variants).
 * Env:   BENCH_ROUNDS=n   -- rounds per workload (default 15).
 *        BENCH_PEERS=a,b  -- run only these peers (floor, libyuv, libswscale,
 *                            pixelport, pixelport2); the others print n/a.
 *
 * Fairness: every peer gets the same matrix (BT.709 or BT.601, video range)
 * where it has one (see each workload's note); libswscale uses SWS_BILINEAR
 * (its default quality) and libyuv kFilterBilinear for scaling. Peers are
 * single-threaded except the row "pixelport 2 threads" (PIXELPORT_THREADS=2). Workloads
 * pixelport cannot do yet print "n/a (<status>)", decided by the status the
 * call returns (or a symbol not exported yet), so they light up on their own.
 */
#define _GNU_SOURCE
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>
#include <VideoToolbox/VideoToolbox.h>
#include <vImage/vImage.h>

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
#include <libyuv.h>

/* ---- images ------------------------------------------------------------ */

enum kind { NV12, I420, UYVY, BGRA, RGBA, P010 };

/* One frame: a pixelport buffer (kept locked for the whole run, so the
 * plane pointers given to libyuv and libswscale stay valid) plus those
 * pointers. */
typedef struct {
    enum kind kind;
    int w, h;
    CVPixelBufferRef buf;
    uint8_t *plane[3];
    int stride[3];
    size_t bytes; /* pixel bytes read or written (no padding) */
} image;

static OSType cv_format(enum kind k) {
    switch (k) {
    case NV12: return kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange;
    case I420: return kCVPixelFormatType_420YpCbCr8Planar;
    case UYVY: return kCVPixelFormatType_422YpCbCr8;
    case BGRA: return kCVPixelFormatType_32BGRA;
    case RGBA: return kCVPixelFormatType_32RGBA;
    case P010: return kCVPixelFormatType_420YpCbCr10BiPlanarVideoRange;
    }
    return 0;
}

static enum AVPixelFormat av_format(enum kind k) {
    switch (k) {
    case NV12: return AV_PIX_FMT_NV12;
    case I420: return AV_PIX_FMT_YUV420P;
    case UYVY: return AV_PIX_FMT_UYVY422;
    case BGRA: return AV_PIX_FMT_BGRA;
    case RGBA: return AV_PIX_FMT_RGBA;
    case P010: return AV_PIX_FMT_P010LE;
    }
    return AV_PIX_FMT_NONE;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void die(const char *what, long code) {
    fprintf(stderr, "bench: %s failed (%ld)\n", what, code);
    exit(1);
}

static void release_bytes(void *refcon, const void *base) {
    (void)refcon;
    free((void *)base);
}

/* `pad` > 0: a chunky buffer over malloc'd rows with `pad` extra bytes per
 * row (for the different-strides copy). */
static image make_image(enum kind k, int w, int h, int pad, CFStringRef matrix) {
    image im = {.kind = k, .w = w, .h = h};
    CVReturn r;
    if (pad > 0) {
        size_t stride = (size_t)w * 4 + (size_t)pad;
        void *mem = malloc(stride * (size_t)h);
        if (!mem) die("malloc", 0);
        r = CVPixelBufferCreateWithBytes(NULL, w, h, cv_format(k), mem, stride, release_bytes,
                                         NULL, NULL, &im.buf);
    } else {
        r = CVPixelBufferCreate(NULL, w, h, cv_format(k), NULL, &im.buf);
    }
    if (r != kCVReturnSuccess) die("CVPixelBufferCreate", r);
    if (matrix)
        CVBufferSetAttachment(im.buf, kCVImageBufferYCbCrMatrixKey, matrix,
                              kCVAttachmentMode_ShouldPropagate);
    if (CVPixelBufferLockBaseAddress(im.buf, 0) != kCVReturnSuccess) die("lock", 0);
    size_t planes = CVPixelBufferGetPlaneCount(im.buf);
    if (planes == 0) {
        im.plane[0] = CVPixelBufferGetBaseAddress(im.buf);
        im.stride[0] = (int)CVPixelBufferGetBytesPerRow(im.buf);
    }
    for (size_t p = 0; p < planes; p++) {
        im.plane[p] = CVPixelBufferGetBaseAddressOfPlane(im.buf, p);
        im.stride[p] = (int)CVPixelBufferGetBytesPerRowOfPlane(im.buf, p);
    }
    size_t luma = (size_t)w * h, chroma = (size_t)((w + 1) / 2) * ((h + 1) / 2);
    switch (k) {
    case NV12: case I420: im.bytes = luma + 2 * chroma; break;
    case UYVY: im.bytes = (size_t)((w + 1) / 2) * 4 * h; break;
    case BGRA: case RGBA: im.bytes = luma * 4; break;
    case P010: im.bytes = (luma + 2 * chroma) * 2; break;
    }
    /* Fill every row with noise (10-bit samples MSB-aligned for P010). */
    int rows[3] = {h, (h + 1) / 2, (h + 1) / 2};
    int n = planes ? (int)planes : 1;
    for (int p = 0; p < n; p++) {
        int row_bytes = (int)(planes ? CVPixelBufferGetWidthOfPlane(im.buf, p) : (size_t)w);
        int rows_p = planes ? rows[p] : h;
        switch (k) {
        case NV12: row_bytes *= p ? 2 : 1; break;
        case P010: row_bytes *= p ? 4 : 2; break;
        case I420: break;
        case UYVY: row_bytes = (w + 1) / 2 * 4; break;
        default: row_bytes = w * 4; break;
        }
        for (int y = 0; y < rows_p; y++) {
            uint8_t *row = im.plane[p] + (size_t)y * im.stride[p];
            for (int x = 0; x < row_bytes; x++) row[x] = (uint8_t)rnd();
            if (k == P010)
                for (int x = 0; x < row_bytes; x += 2) row[x] &= 0xC0;
        }
    }
    return im;
}

static void free_image(image *im) {
    CVPixelBufferUnlockBaseAddress(im->buf, 0);
    CVPixelBufferRelease(im->buf);
}

/* ---- peers ----------------------------------------------------------------- */

enum peer { FLOOR, LIBYUV, SWSCALE, PIXELPORT, PIXELPORT_T2, PEERS };
static const char *peer_name[PEERS] = {"memcpy floor", "libyuv", "libswscale", "pixelport",
                                       "pixelport 2 threads"};

enum op { CONVERT, SCALE_CONVERT, VIMAGE_SCALE, VIMAGE_REFLECT };

typedef struct {
    const char *name;
    enum kind from, to;
    int sw, sh, dw, dh;
    CFStringRef matrix; /* source tag for Y'CbCr sources, destination property otherwise */
    enum op op;
    int pad_src, pad_dst; /* different-strides copy */
    int cold;             /* cycle through frames beyond the last-level cache */
    const char *note;
} workload;

typedef struct {
    const workload *wl;
    int frames;
    image *src, *dst;
    uint8_t *scratch_a, *scratch_b; /* memcpy floor buffers (per frame) */
    size_t floor_bytes;             /* per buffer: (read + written) / 2 */
    uint8_t *tmp[2];                /* libyuv two-step NV12 scale */
    struct SwsContext *sws;
    VTPixelTransferSessionRef vt, vt2;
    char na[PEERS][96];
} bench;

typedef vImage_Error (*scale_fn)(const vImage_Buffer *, const vImage_Buffer *, void *, vImage_Flags);
typedef vImage_Error (*reflect_fn)(const vImage_Buffer *, const vImage_Buffer *, vImage_Flags);

static vImage_Buffer vbuf(const image *im) {
    vImage_Buffer b = {im->plane[0], (vImagePixelCount)im->h, (vImagePixelCount)im->w,
                       (size_t)im->stride[0]};
    return b;
}

static const struct YuvConstants *yuv_constants(const workload *wl) {
    return (wl->matrix && CFEqual(wl->matrix, kCVImageBufferYCbCrMatrix_ITU_R_709_2))
               ? &kYuvH709Constants
               : &kYuvI601Constants;
}

/* Runs one peer on frame `f`; 0 on success, else a status to report. */
static long run_peer(bench *b, enum peer p, int f) {
    const workload *wl = b->wl;
    image *s = &b->src[f], *d = &b->dst[f];
    switch (p) {
    case FLOOR:
        memcpy(b->scratch_b + (size_t)f * b->floor_bytes, b->scratch_a + (size_t)f * b->floor_bytes,
               b->floor_bytes);
        return 0;
    case LIBYUV: {
        const struct YuvConstants *c = yuv_constants(wl);
        if (wl->op == VIMAGE_REFLECT)
            return ARGBMirror(s->plane[0], s->stride[0], d->plane[0], d->stride[0], s->w, s->h);
        if (wl->op == VIMAGE_SCALE || (wl->op == SCALE_CONVERT && wl->from == BGRA))
            return ARGBScale(s->plane[0], s->stride[0], s->w, s->h, d->plane[0], d->stride[0], d->w,
                             d->h, kFilterBilinear);
        if (wl->op == SCALE_CONVERT) { /* NV12 big -> NV12 small -> BGRA */
            int tw = d->w, th = d->h;
            long r = NV12Scale(s->plane[0], s->stride[0], s->plane[1], s->stride[1], s->w, s->h,
                               b->tmp[0], tw, b->tmp[1], tw + (tw & 1), tw, th, kFilterBilinear);
            if (r) return r;
            return NV12ToARGBMatrix(b->tmp[0], tw, b->tmp[1], tw + (tw & 1), d->plane[0],
                                    d->stride[0], c, tw, th);
        }
        switch (wl->from * 8 + wl->to) {
        case NV12 * 8 + BGRA:
            return NV12ToARGBMatrix(s->plane[0], s->stride[0], s->plane[1], s->stride[1],
                                    d->plane[0], d->stride[0], c, s->w, s->h);
        case I420 * 8 + BGRA:
            return I420ToARGBMatrix(s->plane[0], s->stride[0], s->plane[1], s->stride[1],
                                    s->plane[2], s->stride[2], d->plane[0], d->stride[0], c, s->w,
                                    s->h);
        case UYVY * 8 + BGRA: /* libyuv's UYVY path is BT.601 only; the workload is tagged 601 */
            return UYVYToARGB(s->plane[0], s->stride[0], d->plane[0], d->stride[0], s->w, s->h);
        case P010 * 8 + BGRA:
            return P010ToARGBMatrix((const uint16_t *)s->plane[0], s->stride[0] / 2,
                                    (const uint16_t *)s->plane[1], s->stride[1] / 2, d->plane[0],
                                    d->stride[0], c, s->w, s->h);
        case BGRA * 8 + RGBA:
            return ARGBToABGR(s->plane[0], s->stride[0], d->plane[0], d->stride[0], s->w, s->h);
        case BGRA * 8 + BGRA:
            return ARGBCopy(s->plane[0], s->stride[0], d->plane[0], d->stride[0], s->w, s->h);
        case BGRA * 8 + NV12: /* BT.601 only in this libyuv: same arithmetic, other constants */
            return ARGBToNV12(s->plane[0], s->stride[0], d->plane[0], d->stride[0], d->plane[1],
                              d->stride[1], s->w, s->h);
        }
        return -1;
    }
    case SWSCALE: {
        const uint8_t *const sp[4] = {s->plane[0], s->plane[1], s->plane[2], NULL};
        const int ss[4] = {s->stride[0], s->stride[1], s->stride[2], 0};
        uint8_t *const dp[4] = {d->plane[0], d->plane[1], d->plane[2], NULL};
        const int ds[4] = {d->stride[0], d->stride[1], d->stride[2], 0};
        int rows = sws_scale(b->sws, sp, ss, 0, s->h, dp, ds);
        return rows == d->h ? 0 : -1;
    }
    case PIXELPORT:
    case PIXELPORT_T2: {
        if (wl->op == VIMAGE_SCALE || wl->op == VIMAGE_REFLECT) {
            vImage_Buffer vs = vbuf(s), vd = vbuf(d);
            void *sym = dlsym(RTLD_DEFAULT, wl->op == VIMAGE_SCALE ? "vImageScale_ARGB8888"
                                                                   : "vImageHorizontalReflect_ARGB8888");
            if (!sym) return 1; /* not exported yet */
            if (wl->op == VIMAGE_SCALE) return ((scale_fn)sym)(&vs, &vd, NULL, kvImageNoFlags);
            return ((reflect_fn)sym)(&vs, &vd, kvImageNoFlags);
        }
        return VTPixelTransferSessionTransferImage(p == PIXELPORT ? b->vt : b->vt2, s->buf, d->buf);
    }
    default:
        return -1;
    }
}

/* ---- setup ------------------------------------------------------------------- */

static size_t llc_bytes(void) {
    long l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
    return l3 > 0 ? (size_t)l3 : (size_t)32 << 20;
}

static void setup(bench *b, const workload *wl) {
    memset(b, 0, sizeof *b);
    b->wl = wl;
    int yuv_src = wl->from != BGRA && wl->from != RGBA;
    CFStringRef tag = yuv_src ? wl->matrix : NULL;
    image probe_s = make_image(wl->from, wl->sw, wl->sh, wl->pad_src, tag);
    image probe_d = make_image(wl->to, wl->dw, wl->dh, wl->pad_dst, NULL);
    size_t traffic = probe_s.bytes + probe_d.bytes;
    free_image(&probe_s);
    free_image(&probe_d);
    b->frames = 1;
    if (wl->cold) {
        /* Twice the last-level cache, capped at 1 GiB. */
        size_t want = 2 * llc_bytes();
        if (want > ((size_t)1 << 30)) want = (size_t)1 << 30;
        b->frames = (int)(want / traffic) + 1;
    }
    b->src = calloc(b->frames, sizeof(image));
    b->dst = calloc(b->frames, sizeof(image));
    for (int f = 0; f < b->frames; f++) {
        b->src[f] = make_image(wl->from, wl->sw, wl->sh, wl->pad_src, tag);
        b->dst[f] = make_image(wl->to, wl->dw, wl->dh, wl->pad_dst, NULL);
    }
    b->floor_bytes = (traffic + 1) / 2;
    b->scratch_a = malloc(b->floor_bytes * b->frames);
    b->scratch_b = malloc(b->floor_bytes * b->frames);
    if (!b->scratch_a || !b->scratch_b) die("malloc", 0);
    memset(b->scratch_a, 1, b->floor_bytes * b->frames);
    memset(b->scratch_b, 2, b->floor_bytes * b->frames);
    if (wl->op == SCALE_CONVERT && wl->from == NV12) {
        int tw = wl->dw + (wl->dw & 1);
        b->tmp[0] = malloc((size_t)tw * wl->dh);
        b->tmp[1] = malloc((size_t)tw * ((wl->dh + 1) / 2));
    }

    /* libswscale: same matrix, video range Y'CbCr, full range RGB. */
    if (wl->op == VIMAGE_REFLECT) {
        snprintf(b->na[SWSCALE], sizeof b->na[SWSCALE], "n/a (no mirror)");
    } else {
        b->sws = sws_getContext(wl->sw, wl->sh, av_format(wl->from), wl->dw, wl->dh,
                                av_format(wl->to), SWS_BILINEAR, NULL, NULL, NULL);
        if (!b->sws) {
            snprintf(b->na[SWSCALE], sizeof b->na[SWSCALE], "n/a (unsupported)");
        } else {
            int cs = (wl->matrix && CFEqual(wl->matrix, kCVImageBufferYCbCrMatrix_ITU_R_709_2))
                         ? SWS_CS_ITU709
                         : SWS_CS_ITU601;
            const int *coef = sws_getCoefficients(cs);
            int src_full = !yuv_src, dst_full = (wl->to == BGRA || wl->to == RGBA);
            sws_setColorspaceDetails(b->sws, coef, src_full, coef, dst_full, 0, 1 << 16, 1 << 16);
        }
    }

    /* pixelport: one session per workload with PIXELPORT_THREADS=1, one
     * with PIXELPORT_THREADS=2 (read at session creation), the caller's
     * setting restored afterwards. */
    const char *saved = getenv("PIXELPORT_THREADS");
    char *saved_copy = saved ? strdup(saved) : NULL;
    setenv("PIXELPORT_THREADS", "1", 1);
    if (VTPixelTransferSessionCreate(NULL, &b->vt) != noErr) die("VTPixelTransferSessionCreate", 0);
    setenv("PIXELPORT_THREADS", "2", 1);
    if (VTPixelTransferSessionCreate(NULL, &b->vt2) != noErr) die("VTPixelTransferSessionCreate", 0);
    if (saved_copy) {
        setenv("PIXELPORT_THREADS", saved_copy, 1);
        free(saved_copy);
    } else {
        unsetenv("PIXELPORT_THREADS");
    }
    if (!yuv_src && wl->matrix) {
        VTSessionSetProperty(b->vt, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, wl->matrix);
        VTSessionSetProperty(b->vt2, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, wl->matrix);
    }
    if (wl->op == VIMAGE_SCALE || wl->op == VIMAGE_REFLECT)
        snprintf(b->na[PIXELPORT_T2], sizeof b->na[PIXELPORT_T2], "n/a (vImage: no stripes)");
}

static void teardown(bench *b) {
    for (int f = 0; f < b->frames; f++) {
        free_image(&b->src[f]);
        free_image(&b->dst[f]);
    }
    free(b->src);
    free(b->dst);
    free(b->scratch_a);
    free(b->scratch_b);
    free(b->tmp[0]);
    free(b->tmp[1]);
    if (b->sws) sws_freeContext(b->sws);
    if (b->vt) {
        VTPixelTransferSessionInvalidate(b->vt);
        CFRelease(b->vt);
    }
    if (b->vt2) {
        VTPixelTransferSessionInvalidate(b->vt2);
        CFRelease(b->vt2);
    }
}

/* ---- timing ------------------------------------------------------------------ */

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static const char *status_text(enum peer p, long st) {
    static char buf[64];
    if (p == PIXELPORT || p == PIXELPORT_T2) {
        switch (st) {
        case 1: return "n/a (not exported yet)";
        case -12905: return "n/a (kVTPixelTransferNotSupportedErr)";
        case -21773: return "n/a (kvImageUnsupportedConversion)";
        }
    }
    snprintf(buf, sizeof buf, "n/a (status %ld)", st);
    return buf;
}

static void run_workload(const workload *wl, int rounds) {
    bench b;
    setup(&b, wl);
    const char *only = getenv("BENCH_PEERS");
    static const char *short_name[PEERS] = {"floor", "libyuv", "libswscale", "pixelport", "pixelport2"};
    for (int p = 0; only && p < PEERS; p++) {
        char list[256];
        snprintf(list, sizeof list, ",%s,", only);
        char want[32];
        snprintf(want, sizeof want, ",%s,", short_name[p]);
        if (!strstr(list, want)) snprintf(b.na[p], sizeof b.na[p], "n/a (skipped)");
    }
    /* Warm-up and capability check: a peer whose first call fails is n/a. */
    for (int p = 0; p < PEERS; p++) {
        if (b.na[p][0]) continue;
        long st = run_peer(&b, (enum peer)p, 0);
        if (st != 0) snprintf(b.na[p], sizeof b.na[p], "%s", status_text((enum peer)p, st));
    }
    double *samples[PEERS];
    for (int p = 0; p < PEERS; p++) samples[p] = calloc(rounds, sizeof(double));
    int frames_per_sample = b.frames > 1 ? b.frames : 1;
    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < PEERS; k++) {
            int p = (r + k) % PEERS; /* rotate the order every round */
            if (b.na[p][0]) continue;
            double t0 = now_ns();
            for (int f = 0; f < frames_per_sample; f++) run_peer(&b, (enum peer)p, f);
            samples[p][r] = (now_ns() - t0) / frames_per_sample;
        }
    }
    double median[PEERS];
    for (int p = 0; p < PEERS; p++) {
        qsort(samples[p], rounds, sizeof(double), cmp_double);
        median[p] = b.na[p][0] ? 0 : samples[p][rounds / 2];
        free(samples[p]);
    }
    double traffic = 2.0 * (double)b.floor_bytes;
    printf("\n### %s%s\n\n", wl->name, wl->cold ? " (cache-cold)" : "");
    printf("%s; %.1f MB read+written per frame; %d frame(s) cycled; %d rounds.\n\n",
           wl->note, traffic / 1e6, b.frames, rounds);
    printf("| peer | median ns/frame | GB/s | × floor | × libyuv |\n");
    printf("|---|---:|---:|---:|---:|\n");
    for (int p = 0; p < PEERS; p++) {
        if (b.na[p][0]) {
            printf("| %s | %s | | | |\n", peer_name[p], b.na[p]);
            continue;
        }
        char vs_yuv[32] = "";
        if (!b.na[LIBYUV][0] && p != FLOOR) snprintf(vs_yuv, sizeof vs_yuv, "%.2f", median[p] / median[LIBYUV]);
        char vs_floor[32] = "";
        if (!b.na[FLOOR][0]) snprintf(vs_floor, sizeof vs_floor, "%.2f", median[p] / median[FLOOR]);
        printf("| %s | %.0f | %.2f | %s | %s |\n", peer_name[p], median[p], traffic / median[p],
               vs_floor, vs_yuv);
    }
    fflush(stdout);
    teardown(&b);
}

int main(int argc, char **argv) {
    const char *filter = argc > 1 ? argv[1] : NULL;
    int rounds = getenv("BENCH_ROUNDS") ? atoi(getenv("BENCH_ROUNDS")) : 15;
    if (rounds < 1) rounds = 1;
    CFStringRef bt709 = kCVImageBufferYCbCrMatrix_ITU_R_709_2;
    CFStringRef bt601 = kCVImageBufferYCbCrMatrix_ITU_R_601_4;
    const workload all[] = {
        {"NV12→BGRA 1080p", NV12, BGRA, 1920, 1080, 1920, 1080, bt709, CONVERT, 0, 0, 0,
         "'420v' BT.709 video range → 'BGRA'"},
        {"NV12→BGRA 2160p", NV12, BGRA, 3840, 2160, 3840, 2160, bt709, CONVERT, 0, 0, 0,
         "'420v' BT.709 video range → 'BGRA'"},
        {"BGRA→NV12 1080p", BGRA, NV12, 1920, 1080, 1920, 1080, bt709, CONVERT, 0, 0, 0,
         "BT.709 (libyuv: BT.601, its only RGB→NV12 matrix here — same arithmetic)"},
        {"I420→BGRA 1080p", I420, BGRA, 1920, 1080, 1920, 1080, bt709, CONVERT, 0, 0, 0,
         "'y420' BT.709 video range"},
        {"UYVY→BGRA 1080p", UYVY, BGRA, 1920, 1080, 1920, 1080, bt601, CONVERT, 0, 0, 0,
         "'2vuy' BT.601 (libyuv's UYVY→ARGB is BT.601 only)"},
        {"BGRA→RGBA 1080p", BGRA, RGBA, 1920, 1080, 1920, 1080, NULL, CONVERT, 0, 0, 0,
         "byte swizzle"},
        {"BGRA 2160p→1080p scale", BGRA, BGRA, 3840, 2160, 1920, 1080, NULL, SCALE_CONVERT, 0, 0, 0,
         "libyuv kFilterBilinear, libswscale SWS_BILINEAR, pixelport default scaling"},
        {"NV12 2160p→BGRA 1080p", NV12, BGRA, 3840, 2160, 1920, 1080, bt709, SCALE_CONVERT, 0, 0, 0,
         "convert + scale in one transfer (libyuv: NV12Scale then NV12ToARGBMatrix)"},
        {"P010 (x420)→BGRA 1080p", P010, BGRA, 1920, 1080, 1920, 1080, bt709, CONVERT, 0, 0, 0,
         "'x420' BT.709 video range"},
        {"BGRA copy, different strides 1080p", BGRA, BGRA, 1920, 1080, 1920, 1080, NULL, CONVERT, 64,
         192, 0, "source rows +64 B, destination rows +192 B"},
        {"vImage ARGB8888 scale 2160p→1080p", BGRA, BGRA, 3840, 2160, 1920, 1080, NULL, VIMAGE_SCALE,
         0, 0, 0, "vImageScale_ARGB8888 vs ARGBScale bilinear"},
        {"vImage ARGB8888 horizontal reflect 1080p", BGRA, BGRA, 1920, 1080, 1920, 1080, NULL,
         VIMAGE_REFLECT, 0, 0, 0, "vImageHorizontalReflect_ARGB8888 vs ARGBMirror"},
        {"NV12→BGRA 1080p", NV12, BGRA, 1920, 1080, 1920, 1080, bt709, CONVERT, 0, 0, 1,
         "'420v' BT.709 → 'BGRA', frames cycled beyond the LLC"},
    };
    printf("pixelport benchmark: single thread unless stated, %d rounds, medians.\n", rounds);
    printf("Floor = memcpy of (bytes read + bytes written) / 2, i.e. the same traffic.\n");
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        /* A filter selects by name; cache-cold variants only when it says "cold". */
        if (filter && (!!strstr(filter, "cold") != all[i].cold ||
                       (!strstr(all[i].name, filter) && !all[i].cold)))
            continue;
        run_workload(&all[i], all[i].cold ? (rounds + 2) / 3 : rounds);
    }
    return 0;
}
