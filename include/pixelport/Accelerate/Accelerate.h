/* pixelport: <Accelerate/Accelerate.h>. Placeholder until its framework lands. */
#ifndef PIXELPORT_ACCELERATE_H
#define PIXELPORT_ACCELERATE_H
#include "../CoreFoundation/CFBase.h"
#endif
