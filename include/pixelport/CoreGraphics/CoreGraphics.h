/* pixelport: <CoreGraphics/CoreGraphics.h>. Placeholder until its framework lands. */
#ifndef PIXELPORT_COREGRAPHICS_H
#define PIXELPORT_COREGRAPHICS_H
#include "../CoreFoundation/CFBase.h"
#endif
