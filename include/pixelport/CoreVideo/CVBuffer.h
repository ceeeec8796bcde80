/*
 * pixelport: <CoreVideo/CVBuffer.h>. CVBufferRef, CVAttachmentMode and the
 * CVBuffer functions (retain/release, attachments) are generated into
 * pixelport.h.
 */
#ifndef PIXELPORT_CVBUFFER_H
#define PIXELPORT_CVBUFFER_H

#include "CVBase.h"
#include "CVReturn.h"

#endif /* PIXELPORT_CVBUFFER_H */
