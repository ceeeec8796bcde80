/* pixelport: <CoreVideo/CVPixelBufferPool.h>. CVPixelBufferPoolRef and the flush flags are generated into pixelport.h. */
#ifndef PIXELPORT_CVPIXELBUFFERPOOL_H
#define PIXELPORT_CVPIXELBUFFERPOOL_H

#include "CVPixelBuffer.h"

#endif /* PIXELPORT_CVPIXELBUFFERPOOL_H */
