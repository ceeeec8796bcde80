/* pixelport: <CoreVideo/CVPixelFormatDescription.h>. The fill-extended-pixels callback types are generated into pixelport.h. */
#ifndef PIXELPORT_CVPIXELFORMATDESCRIPTION_H
#define PIXELPORT_CVPIXELFORMATDESCRIPTION_H

#include "CVPixelBuffer.h"

#endif /* PIXELPORT_CVPIXELFORMATDESCRIPTION_H */
