/* pixelport: <VideoToolbox/VideoToolbox.h>. Placeholder until its framework lands. */
#ifndef PIXELPORT_VIDEOTOOLBOX_H
#define PIXELPORT_VIDEOTOOLBOX_H
#include "../CoreFoundation/CFBase.h"
#endif
