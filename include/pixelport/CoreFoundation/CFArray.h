/* pixelport: <CoreFoundation/CFArray.h>. The declarations are generated into pixelport.h. */
#ifndef PIXELPORT_CFARRAY_H
#define PIXELPORT_CFARRAY_H

#include "CFBase.h"

#endif /* PIXELPORT_CFARRAY_H */
