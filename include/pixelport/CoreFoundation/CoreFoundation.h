/*
 * pixelport: <CoreFoundation/CoreFoundation.h> — the CoreFoundation subset
 * that CoreVideo, VideoToolbox and vImage code needs (see README coverage).
 */
#ifndef PIXELPORT_COREFOUNDATION_H
#define PIXELPORT_COREFOUNDATION_H

#include "CFBase.h"
#include "CFArray.h"
#include "CFData.h"
#include "CFDictionary.h"
#include "CFNumber.h"
#include "CFString.h"

#endif /* PIXELPORT_COREFOUNDATION_H */
