/*
 * pixelport: <CoreVideo/CVPixelBuffer.h>. CVPixelBufferRef, the lock flags,
 * the planar descriptor structs, the release callbacks and the Bayer-pattern
 * values are generated into pixelport.h.
 */
#ifndef PIXELPORT_CVPIXELBUFFER_H
#define PIXELPORT_CVPIXELBUFFER_H

#include "CVImageBuffer.h"

#endif /* PIXELPORT_CVPIXELBUFFER_H */
