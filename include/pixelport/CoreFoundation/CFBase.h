/*
 * pixelport: <CoreFoundation/CFBase.h>.
 *
 * Apple's attribute and availability macros (all no-ops or their GNU
 * equivalents on Linux), then the generated declarations, then the macros
 * that map Apple's CoreFoundation spellings onto pixelport's prefixed link
 * names (CFRetain -> pixelport_CFRetain), so pixelport can share a process
 * with another CoreFoundation.
 */
#ifndef PIXELPORT_CFBASE_H
#define PIXELPORT_CFBASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../TargetConditionals.h"

#if defined(__cplusplus)
#define CF_EXTERN_C_BEGIN extern "C" {
#define CF_EXTERN_C_END }
#define CF_EXPORT extern "C" __attribute__((visibility("default")))
#else
#define CF_EXTERN_C_BEGIN
#define CF_EXTERN_C_END
#define CF_EXPORT extern __attribute__((visibility("default")))
#endif
#define CF_INLINE static __inline__ __attribute__((always_inline))

#if defined(__cplusplus) && __cplusplus >= 201103L
#define CF_ENUM(_type, _name) enum _name : _type _name; enum _name : _type
#define CF_OPTIONS(_type, _name) _type _name; enum : _type
#else
#define CF_ENUM(_type, _name) _type _name; enum
#define CF_OPTIONS(_type, _name) _type _name; enum
#endif
#define CF_CLOSED_ENUM(_type, _name) CF_ENUM(_type, _name)

#ifndef CF_RETURNS_RETAINED
#define CF_RETURNS_RETAINED
#endif
#ifndef CF_RETURNS_NOT_RETAINED
#define CF_RETURNS_NOT_RETAINED
#endif
#ifndef CF_RELEASES_ARGUMENT
#define CF_RELEASES_ARGUMENT
#endif
#ifndef CF_CONSUMED
#define CF_CONSUMED
#endif
#define CF_BRIDGED_TYPE(T)
#define CF_BRIDGED_MUTABLE_TYPE(T)
#define CF_RELATED_TYPE(T, C, I)
#define CF_IMPLICIT_BRIDGING_ENABLED
#define CF_IMPLICIT_BRIDGING_DISABLED
#define CF_ASSUME_NONNULL_BEGIN
#define CF_ASSUME_NONNULL_END
#define CF_NOESCAPE
#define CF_FORMAT_FUNCTION(F, A) __attribute__((format(printf, F, A)))
#define CF_FORMAT_ARGUMENT(A)
#define CF_SWIFT_NAME(_name)
#define CF_SWIFT_UNAVAILABLE(_msg)
#define CF_REFINED_FOR_SWIFT
#define CF_AUTOMATED_REFCOUNT_UNAVAILABLE
#define CF_WARN_UNUSED_RESULT __attribute__((warn_unused_result))

#ifndef API_AVAILABLE
#define API_AVAILABLE(...)
#endif
#ifndef API_UNAVAILABLE
#define API_UNAVAILABLE(...)
#endif
#ifndef API_DEPRECATED
#define API_DEPRECATED(...)
#endif
#ifndef API_DEPRECATED_WITH_REPLACEMENT
#define API_DEPRECATED_WITH_REPLACEMENT(...)
#endif
#ifndef __OSX_AVAILABLE_STARTING
#define __OSX_AVAILABLE_STARTING(...)
#endif
#ifndef __OSX_AVAILABLE_BUT_DEPRECATED
#define __OSX_AVAILABLE_BUT_DEPRECATED(...)
#endif
#ifndef __IOS_AVAILABLE
#define __IOS_AVAILABLE(...)
#endif
#ifndef __OSX_AVAILABLE
#define __OSX_AVAILABLE(...)
#endif
#ifndef AVAILABLE_MAC_OS_X_VERSION_10_6_AND_LATER
#define AVAILABLE_MAC_OS_X_VERSION_10_6_AND_LATER
#endif
#ifndef __IOS_PROHIBITED
#define __IOS_PROHIBITED
#endif
#ifndef __TVOS_PROHIBITED
#define __TVOS_PROHIBITED
#endif
#ifndef __WATCHOS_PROHIBITED
#define __WATCHOS_PROHIBITED
#endif

#if defined(__clang__)
#if __has_feature(nullability)
#define PIXELPORT_HAS_NULLABILITY 1
#endif
#endif
#ifndef PIXELPORT_HAS_NULLABILITY
#ifndef _Nullable
#define _Nullable
#endif
#ifndef _Nonnull
#define _Nonnull
#endif
#ifndef _Null_unspecified
#define _Null_unspecified
#endif
#endif
#ifndef __nullable
#define __nullable _Nullable
#endif
#ifndef __nonnull
#define __nonnull _Nonnull
#endif

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef noErr
#define noErr 0
#endif

#include "../pixelport.h"
#include "../pixelport_cf_names.h"

CF_EXTERN_C_BEGIN

/* CFRange's constructor is an inline function in Apple's headers too. */
CF_INLINE CFRange CFRangeMake(CFIndex loc, CFIndex len) {
    CFRange range;
    range.location = loc;
    range.length = len;
    return range;
}

CF_EXTERN_C_END

#endif /* PIXELPORT_CFBASE_H */
