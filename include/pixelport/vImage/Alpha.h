/*
 * pixelport: <vImage/Alpha.h> — Apple's BGRA spellings of the alpha
 * functions: alpha sits in the last position either way.
 */
#ifndef PIXELPORT_VIMAGE_ALPHA_H
#define PIXELPORT_VIMAGE_ALPHA_H

#include "vImage_Types.h"

#define vImagePremultiplyData_BGRA8888(src, dest, flags) vImagePremultiplyData_RGBA8888((src), (dest), (flags))
#define vImageUnpremultiplyData_BGRA8888(src, dest, flags) vImageUnpremultiplyData_RGBA8888((src), (dest), (flags))
#define vImagePremultiplyData_BGRAFFFF(src, dest, flags) vImagePremultiplyData_RGBAFFFF((src), (dest), (flags))
#define vImageUnpremultiplyData_BGRAFFFF(src, dest, flags) vImageUnpremultiplyData_RGBAFFFF((src), (dest), (flags))

#endif /* PIXELPORT_VIMAGE_ALPHA_H */
