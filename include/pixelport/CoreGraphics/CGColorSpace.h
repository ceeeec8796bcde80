/*
 * pixelport: <CoreGraphics/CGColorSpace.h>. CGColorSpaceRef,
 * CGColorRenderingIntent and CGColorSpaceModel are generated into
 * pixelport.h.
 */
#ifndef PIXELPORT_CGCOLORSPACE_H
#define PIXELPORT_CGCOLORSPACE_H

#include "CGBase.h"

#endif /* PIXELPORT_CGCOLORSPACE_H */
