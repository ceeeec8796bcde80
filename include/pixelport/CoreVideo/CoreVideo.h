/*
 * pixelport: <CoreVideo/CoreVideo.h> — the pixel-buffer part of CoreVideo
 * (no display link, OpenGL, Metal or IOSurface; see CVBase.h's switches).
 */
#ifndef PIXELPORT_COREVIDEO_H
#define PIXELPORT_COREVIDEO_H

#include "CVBase.h"
#include "CVReturn.h"
#include "CVBuffer.h"
#include "CVImageBuffer.h"
#include "CVPixelBuffer.h"
#include "CVPixelBufferPool.h"
#include "CVPixelFormatDescription.h"

#endif /* PIXELPORT_COREVIDEO_H */
