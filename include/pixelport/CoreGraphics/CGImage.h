/*
 * pixelport: <CoreGraphics/CGImage.h>. CGBitmapInfo, CGImageAlphaInfo and the
 * byte-order/pixel-format values are generated into pixelport.h; the host
 * byte orders depend on the target's endianness, so they are macros here, as
 * in Apple's header.
 */
#ifndef PIXELPORT_CGIMAGE_H
#define PIXELPORT_CGIMAGE_H

#include "CGBase.h"
#include "CGColorSpace.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define kCGBitmapByteOrder16Host kCGBitmapByteOrder16Big
#define kCGBitmapByteOrder32Host kCGBitmapByteOrder32Big
#else
#define kCGBitmapByteOrder16Host kCGBitmapByteOrder16Little
#define kCGBitmapByteOrder32Host kCGBitmapByteOrder32Little
#endif

#endif /* PIXELPORT_CGIMAGE_H */
