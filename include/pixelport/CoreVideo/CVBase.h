/*
 * pixelport: <CoreVideo/CVBase.h>.
 *
 * CoreVideo's feature switches, set for Linux (no IOSurface, OpenGL, Metal or
 * display link; colour-space support on, as Apple's own header has it for
 * TARGET_OS_LINUX), and its attribute macros, which reduce to the
 * CoreFoundation ones. The types (CVOptionFlags …) are generated into
 * pixelport.h, which CFBase.h includes.
 */
#ifndef PIXELPORT_CVBASE_H
#define PIXELPORT_CVBASE_H

/* As on Apple platforms, where CoreGraphics pulls it in, the whole
 * CoreFoundation subset (and so CFSTR) comes with every framework header. */
#include "../CoreFoundation/CoreFoundation.h"

#define COREVIDEO_TRUE (1 && 1)
#define COREVIDEO_FALSE (0 && 1)

#define COREVIDEO_SUPPORTS_DIRECT3D COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_OPENGL COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_OPENGLES COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_COLORSPACE COREVIDEO_TRUE
#define COREVIDEO_SUPPORTS_DISPLAYLINK COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_IOSURFACE COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_PREFETCH COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_IOSURFACE_PREFETCH COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_GLES_TEX_IMAGE_IOSURFACE COREVIDEO_FALSE
#define COREVIDEO_USE_IOSURFACEREF COREVIDEO_FALSE
#define COREVIDEO_SUPPORTS_METAL COREVIDEO_FALSE
#ifndef COREVIDEO_SUPPORTS_PERMANENT_ALLOCATOR
#define COREVIDEO_SUPPORTS_PERMANENT_ALLOCATOR COREVIDEO_FALSE
#endif
/* Our constants are plain #defines, not members of `enum : OSType` lists. */
#define COREVIDEO_USE_DERIVED_ENUMS_FOR_CONSTANTS COREVIDEO_FALSE
/* Off, so CV_NULLABLE/CV_NONNULL expand to nothing: with clang, a header that
 * annotates some pointers and not others draws -Wnullability-completeness. */
#define COREVIDEO_DECLARE_NULLABILITY COREVIDEO_FALSE

#define CV_EXPORT CF_EXPORT
#define CV_INLINE CF_INLINE
#define CV_INTERNAL __attribute__((visibility("hidden")))
#define CV_NULLABLE
#define CV_NONNULL
#define CV_RETURNS_RETAINED CF_RETURNS_RETAINED
#define CV_RETURNS_RETAINED_PARAMETER CF_RETURNS_RETAINED
#define CV_RELEASES_ARGUMENT CF_RELEASES_ARGUMENT
#define CV_BRIDGED_TYPE(type)
#define CV_SWIFT_SENDABLE
#define CV_SWIFT_NONSENDABLE
#define COREVIDEO_GL_DEPRECATED(...)

#endif /* PIXELPORT_CVBASE_H */
