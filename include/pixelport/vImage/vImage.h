/* pixelport: <vImage/vImage.h>. Placeholder until its framework lands. */
#ifndef PIXELPORT_VIMAGE_H
#define PIXELPORT_VIMAGE_H
#include "../CoreFoundation/CFBase.h"
#endif
