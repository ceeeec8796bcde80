/*
 * pixelport: <CoreGraphics/CoreGraphics.h> — the CoreGraphics subset CoreVideo
 * and vImage need: geometry, colour spaces and bitmap-layout constants.
 */
#ifndef PIXELPORT_COREGRAPHICS_H
#define PIXELPORT_COREGRAPHICS_H

#include "CGBase.h"
#include "CGGeometry.h"
#include "CGColorSpace.h"
#include "CGImage.h"

#endif /* PIXELPORT_COREGRAPHICS_H */
