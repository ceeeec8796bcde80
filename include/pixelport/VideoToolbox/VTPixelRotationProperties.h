/* pixelport: <VideoToolbox/VTPixelRotationProperties.h>. The property keys come with their implementation. */
#ifndef PIXELPORT_VTPIXELROTATIONPROPERTIES_H
#define PIXELPORT_VTPIXELROTATIONPROPERTIES_H

#include "VTBase.h"

#endif /* PIXELPORT_VTPIXELROTATIONPROPERTIES_H */
