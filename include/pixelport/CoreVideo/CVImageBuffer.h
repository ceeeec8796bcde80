/*
 * pixelport: <CoreVideo/CVImageBuffer.h>. CVImageBufferRef, the
 * CVImageBuffer getters (encoded/display size, clean rect, flipped, colour
 * space) and CVImageBufferCreateColorSpaceFromAttachments are generated into
 * pixelport.h; CGRect, CGSize and CGColorSpaceRef come with CoreGraphics, as
 * on Apple platforms.
 */
#ifndef PIXELPORT_CVIMAGEBUFFER_H
#define PIXELPORT_CVIMAGEBUFFER_H

#include "CVBuffer.h"
#include "../CoreGraphics/CGGeometry.h"
#include "../CoreGraphics/CGColorSpace.h"

#endif /* PIXELPORT_CVIMAGEBUFFER_H */
