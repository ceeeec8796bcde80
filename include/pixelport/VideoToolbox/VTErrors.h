/* pixelport: <VideoToolbox/VTErrors.h>. The kVT…Err OSStatus codes are generated into pixelport.h. */
#ifndef PIXELPORT_VTERRORS_H
#define PIXELPORT_VTERRORS_H

#include "VTBase.h"

#endif /* PIXELPORT_VTERRORS_H */
