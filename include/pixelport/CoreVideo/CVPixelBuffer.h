/*
 * pixelport: <CoreVideo/CVPixelBuffer.h>. CVPixelBufferRef, the lock flags,
 * the planar descriptor structs, the release callbacks, the Bayer-pattern
 * values and the CVPixelBuffer functions are generated into pixelport.h.
 * CVPixelBufferIOSurface.h is absent (COREVIDEO_SUPPORTS_IOSURFACE is false).
 */
#ifndef PIXELPORT_CVPIXELBUFFER_H
#define PIXELPORT_CVPIXELBUFFER_H

#include "CVImageBuffer.h"

#endif /* PIXELPORT_CVPIXELBUFFER_H */
