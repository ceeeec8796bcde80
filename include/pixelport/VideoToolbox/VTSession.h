/* pixelport: <VideoToolbox/VTSession.h>. VTSessionRef is generated into pixelport.h. */
#ifndef PIXELPORT_VTSESSION_H
#define PIXELPORT_VTSESSION_H

#include "VTBase.h"
#include "VTErrors.h"

#endif /* PIXELPORT_VTSESSION_H */
