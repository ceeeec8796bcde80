/* pixelport: <vImage/vImage_CVUtilities.h> — a forwarder; every vImage declaration is in
 * <vImage/vImage.h> (generated into pixelport.h). */
#ifndef PIXELPORT_VIMAGE_VIMAGE_CVUTILITIES_H
#define PIXELPORT_VIMAGE_VIMAGE_CVUTILITIES_H

#include "vImage.h"

#endif
