/* pixelport: <VideoToolbox/VTPixelTransferSession.h>. VTPixelTransferSessionRef is generated into pixelport.h. */
#ifndef PIXELPORT_VTPIXELTRANSFERSESSION_H
#define PIXELPORT_VTPIXELTRANSFERSESSION_H

#include "VTBase.h"
#include "VTSession.h"
#include "VTPixelTransferProperties.h"
#include "../CoreVideo/CVPixelBuffer.h"

#endif /* PIXELPORT_VTPIXELTRANSFERSESSION_H */
