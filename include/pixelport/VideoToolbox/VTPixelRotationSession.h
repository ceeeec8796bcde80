/* pixelport: <VideoToolbox/VTPixelRotationSession.h>. VTPixelRotationSessionRef is generated into pixelport.h. */
#ifndef PIXELPORT_VTPIXELROTATIONSESSION_H
#define PIXELPORT_VTPIXELROTATIONSESSION_H

#include "VTBase.h"
#include "VTSession.h"
#include "VTPixelRotationProperties.h"
#include "../CoreVideo/CVPixelBuffer.h"

#endif /* PIXELPORT_VTPIXELROTATIONSESSION_H */
