/* pixelport: <CoreVideo/CoreVideo.h>. Placeholder until its framework lands. */
#ifndef PIXELPORT_COREVIDEO_H
#define PIXELPORT_COREVIDEO_H
#include "../CoreFoundation/CFBase.h"
#endif
