/* pixelport: <CoreFoundation/CFData.h>. The declarations are generated into pixelport.h. */
#ifndef PIXELPORT_CFDATA_H
#define PIXELPORT_CFDATA_H

#include "CFBase.h"

#endif /* PIXELPORT_CFDATA_H */
