/*
 * pixelport: <CoreGraphics/CGColorSpace.h>. CGColorSpaceRef,
 * CGColorRenderingIntent, CGColorSpaceModel, the CGColorSpace functions
 * (create device/named spaces, retain/release, model, components, name,
 * wide-gamut/HDR/output queries) and the kCGColorSpace... name constants
 * are generated into pixelport.h. The ICC-profile and calibrated
 * constructors are not provided.
 */
#ifndef PIXELPORT_CGCOLORSPACE_H
#define PIXELPORT_CGCOLORSPACE_H

#include "CGBase.h"

#endif /* PIXELPORT_CGCOLORSPACE_H */
