/*
 * pixelport: <vImage/Conversion.h> — Apple's channel-order macros over the
 * conversion functions (the functions themselves are in pixelport.h).
 * Each macro passes its arguments through in order: the functions only
 * see byte or float positions, not channel names.
 */
#ifndef PIXELPORT_VIMAGE_CONVERSION_H
#define PIXELPORT_VIMAGE_CONVERSION_H

#include "vImage_Types.h"

#define vImageConvert_RGBA8888toPlanar8(src, red, green, blue, alpha, flags) \
    vImageConvert_ARGB8888toPlanar8((src), (red), (green), (blue), (alpha), (flags))
#define vImageConvert_BGRA8888toPlanar8(src, blue, green, red, alpha, flags) \
    vImageConvert_ARGB8888toPlanar8((src), (blue), (green), (red), (alpha), (flags))
#define vImageConvert_RGBAFFFFtoPlanarF(src, red, green, blue, alpha, flags) \
    vImageConvert_ARGBFFFFtoPlanarF((src), (red), (green), (blue), (alpha), (flags))
#define vImageConvert_BGRAFFFFtoPlanarF(src, blue, green, red, alpha, flags) \
    vImageConvert_ARGBFFFFtoPlanarF((src), (blue), (green), (red), (alpha), (flags))
#define vImageConvert_PlanarFtoRGBAFFFF(red, green, blue, alpha, dest, flags) \
    vImageConvert_PlanarFtoARGBFFFF((red), (green), (blue), (alpha), (dest), (flags))
#define vImageConvert_PlanarFtoBGRAFFFF(blue, green, red, alpha, dest, flags) \
    vImageConvert_PlanarFtoARGBFFFF((blue), (green), (red), (alpha), (dest), (flags))
#define vImageConvert_BGR888toBGRA8888(bgrSrc, aSrc, alpha, bgraDest, premultiply, flags) \
    vImageConvert_RGB888toRGBA8888((bgrSrc), (aSrc), (alpha), (bgraDest), (premultiply), (flags))
#define vImageConvert_BGR888toRGBA8888(bgrSrc, aSrc, alpha, rgbaDest, premultiply, flags) \
    vImageConvert_RGB888toBGRA8888((bgrSrc), (aSrc), (alpha), (rgbaDest), (premultiply), (flags))
#define vImageConvert_RGBA8888toBGR888(rgbaSrc, bgrDest, flags) \
    vImageConvert_BGRA8888toRGB888((rgbaSrc), (bgrDest), (flags))
#define vImageConvert_BGRA8888toBGR888(bgraSrc, bgrDest, flags) \
    vImageConvert_RGBA8888toRGB888((bgraSrc), (bgrDest), (flags))
#define vImageConvert_Planar8ToRGBX8888(red, green, blue, alpha, dest, flags) \
    vImageConvert_Planar8ToBGRX8888((red), (green), (blue), (alpha), (dest), (flags))

#endif /* PIXELPORT_VIMAGE_CONVERSION_H */
