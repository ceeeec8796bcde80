/* pixelport: <CoreVideo/CVPixelBufferPool.h>. CVPixelBufferPoolRef, the flush flags, the pool keys and the CVPixelBufferPool functions are generated into pixelport.h. */
#ifndef PIXELPORT_CVPIXELBUFFERPOOL_H
#define PIXELPORT_CVPIXELBUFFERPOOL_H

#include "CVPixelBuffer.h"

#endif /* PIXELPORT_CVPIXELBUFFERPOOL_H */
