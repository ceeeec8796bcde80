/*
 * pixelport: <VideoToolbox/VTPixelTransferProperties.h>.
 *
 * VT_SUPPORT_COLORSYNC_PIXEL_TRANSFER is on, as on macOS: colour matching
 * through the Destination{ColorPrimaries,TransferFunction,YCbCrMatrix,
 * ICCProfile} properties is part of pixelport's pixel-transfer API. The
 * property keys come with their implementation.
 */
#ifndef PIXELPORT_VTPIXELTRANSFERPROPERTIES_H
#define PIXELPORT_VTPIXELTRANSFERPROPERTIES_H

#include "VTBase.h"

#define VT_SUPPORT_COLORSYNC_PIXEL_TRANSFER COREMEDIA_TRUE

#endif /* PIXELPORT_VTPIXELTRANSFERPROPERTIES_H */
