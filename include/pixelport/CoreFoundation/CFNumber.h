/* pixelport: <CoreFoundation/CFNumber.h>. The declarations are generated into pixelport.h. */
#ifndef PIXELPORT_CFNUMBER_H
#define PIXELPORT_CFNUMBER_H

#include "CFBase.h"

#endif /* PIXELPORT_CFNUMBER_H */
