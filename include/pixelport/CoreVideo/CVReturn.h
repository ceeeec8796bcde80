/* pixelport: <CoreVideo/CVReturn.h>. CVReturn and the kCVReturn… codes are generated into pixelport.h. */
#ifndef PIXELPORT_CVRETURN_H
#define PIXELPORT_CVRETURN_H

#include "CVBase.h"

#endif /* PIXELPORT_CVRETURN_H */
