/*
 * pixelport: <VideoToolbox/VideoToolbox.h> — pixel transfer, pixel rotation
 * and the session property API (no compression/decompression sessions).
 */
#ifndef PIXELPORT_VIDEOTOOLBOX_H
#define PIXELPORT_VIDEOTOOLBOX_H

#include "VTBase.h"
#include "VTErrors.h"
#include "VTSession.h"
#include "VTPixelTransferProperties.h"
#include "VTPixelTransferSession.h"
#include "VTPixelRotationProperties.h"
#include "VTPixelRotationSession.h"

#endif /* PIXELPORT_VIDEOTOOLBOX_H */
