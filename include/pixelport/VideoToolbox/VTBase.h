/*
 * pixelport: <VideoToolbox/VTBase.h>.
 *
 * VideoToolbox's export and availability macros, plus the CoreMedia
 * (CMBase.h) attribute macros the VT headers and their users rely on. Each
 * CoreMedia macro is defined only if absent, so a CMBase.h included earlier
 * wins. All availability macros are empty: on Linux everything declared is
 * available.
 */
#ifndef PIXELPORT_VTBASE_H
#define PIXELPORT_VTBASE_H

/* As on Apple platforms, where CoreGraphics pulls it in, the whole
 * CoreFoundation subset (and so CFSTR) comes with every framework header. */
#include "../CoreFoundation/CoreFoundation.h"

#define VT_EXPORT CF_EXPORT
#define VT_AVAILABLE_STARTING(...)
#define VT_AVAILABLE_BUT_DEPRECATED(...)

#ifndef COREMEDIA_TRUE
#define COREMEDIA_TRUE (1 && 1)
#endif
#ifndef COREMEDIA_FALSE
#define COREMEDIA_FALSE (0 && 1)
#endif
/* Our constants are plain #defines, not members of `enum : OSStatus` lists. */
#ifndef COREMEDIA_USE_DERIVED_ENUMS_FOR_CONSTANTS
#define COREMEDIA_USE_DERIVED_ENUMS_FOR_CONSTANTS COREMEDIA_FALSE
#endif
#ifndef CM_NULLABLE
#define CM_NULLABLE
#endif
#ifndef CM_NONNULL
#define CM_NONNULL
#endif
#ifndef CM_RETURNS_RETAINED
#define CM_RETURNS_RETAINED CF_RETURNS_RETAINED
#endif
#ifndef CM_RETURNS_RETAINED_PARAMETER
#define CM_RETURNS_RETAINED_PARAMETER CF_RETURNS_RETAINED
#endif
#ifndef CM_RETURNS_NOT_RETAINED_PARAMETER
#define CM_RETURNS_NOT_RETAINED_PARAMETER CF_RETURNS_NOT_RETAINED
#endif
#ifndef CM_RELEASES_ARGUMENT
#define CM_RELEASES_ARGUMENT CF_RELEASES_ARGUMENT
#endif
#ifndef CM_BRIDGED_TYPE
#define CM_BRIDGED_TYPE(type)
#endif
#ifndef CM_SWIFT_SENDABLE
#define CM_SWIFT_SENDABLE
#endif
#ifndef CM_SWIFT_NONSENDABLE
#define CM_SWIFT_NONSENDABLE
#endif
#ifndef CM_ASSUME_NONNULL_BEGIN
#define CM_ASSUME_NONNULL_BEGIN
#endif
#ifndef CM_ASSUME_NONNULL_END
#define CM_ASSUME_NONNULL_END
#endif

#endif /* PIXELPORT_VTBASE_H */
