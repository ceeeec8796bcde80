/* pixelport: <vImage/vImage_Utilities.h> — a forwarder; every vImage declaration is in
 * <vImage/vImage.h> (generated into pixelport.h). */
#ifndef PIXELPORT_VIMAGE_VIMAGE_UTILITIES_H
#define PIXELPORT_VIMAGE_VIMAGE_UTILITIES_H

#include "vImage.h"

#endif
