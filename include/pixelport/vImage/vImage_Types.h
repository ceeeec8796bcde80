/*
 * pixelport: <vImage/vImage_Types.h>.
 *
 * vImage's declaration macros. vImage_Buffer, vImage_Error, vImage_Flags, the
 * Pixel_… types and the kvImage… values are generated into pixelport.h.
 * VIMAGE_CHOICE_ENUM/VIMAGE_OPTIONS_ENUM keep Apple's expansion (an integer
 * typedef plus an anonymous enum) so `kvImageA | kvImageB` stays valid C++.
 */
#ifndef PIXELPORT_VIMAGE_TYPES_H
#define PIXELPORT_VIMAGE_TYPES_H

/* As on Apple platforms, where CoreGraphics pulls it in, the whole
 * CoreFoundation subset (and so CFSTR) comes with every framework header. */
#include "../CoreFoundation/CoreFoundation.h"

#define VIMAGE_PF __attribute__((visibility("default")))
#define VIMAGE_NON_NULL(...) __attribute__((nonnull(__VA_ARGS__)))
#define VIMAGE_CHOICE_ENUM(_name, _type) _type _name; enum
#define VIMAGE_OPTIONS_ENUM(_name, _type) _type _name; enum
#define VIMAGE_ENUM_AVAILABLE_STARTING(...)

#endif /* PIXELPORT_VIMAGE_TYPES_H */
