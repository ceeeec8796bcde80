/* pixelport: <CoreFoundation/CFDictionary.h>. The declarations are generated into pixelport.h. */
#ifndef PIXELPORT_CFDICTIONARY_H
#define PIXELPORT_CFDICTIONARY_H

#include "CFBase.h"

#endif /* PIXELPORT_CFDICTIONARY_H */
