/*
 * pixelport: <CoreGraphics/CGBase.h>.
 *
 * CoreGraphics' linkage and availability macros and the CGFLOAT_* facts
 * (CGFloat is double on every 64-bit platform). The CG types themselves are
 * generated into pixelport.h, which CFBase.h includes.
 */
#ifndef PIXELPORT_CGBASE_H
#define PIXELPORT_CGBASE_H

#include <float.h>

/* As on Apple platforms, where CoreGraphics pulls it in, the whole
 * CoreFoundation subset (and so CFSTR) comes with every framework header. */
#include "../CoreFoundation/CoreFoundation.h"

#define CG_EXTERN_C_BEGIN CF_EXTERN_C_BEGIN
#define CG_EXTERN_C_END CF_EXTERN_C_END
#define CG_EXTERN CF_EXPORT
#define CG_LOCAL __attribute__((visibility("hidden")))
#define CG_INLINE static __inline__
#define CG_AVAILABLE_STARTING(...)
#define CG_AVAILABLE_BUT_DEPRECATED(...)
#define CG_BOXABLE

#define CGFLOAT_TYPE double
#define CGFLOAT_IS_DOUBLE 1
#define CGFLOAT_MIN DBL_MIN
#define CGFLOAT_MAX DBL_MAX
#define CGFLOAT_EPSILON DBL_EPSILON
#define CGFLOAT_DEFINED 1

#endif /* PIXELPORT_CGBASE_H */
