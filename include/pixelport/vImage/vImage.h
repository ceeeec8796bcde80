/*
 * pixelport: <vImage/vImage.h> — vImage's types and its CoreGraphics and Core
 * Video interop (which is why it pulls in both frameworks, as Apple's
 * vImage_Utilities.h and vImage_CVUtilities.h do).
 */
#ifndef PIXELPORT_VIMAGE_H
#define PIXELPORT_VIMAGE_H

#include "vImage_Types.h"
#include "../CoreGraphics/CoreGraphics.h"
#include "../CoreVideo/CoreVideo.h"
#include "Alpha.h"
#include "Conversion.h"

#endif /* PIXELPORT_VIMAGE_H */
