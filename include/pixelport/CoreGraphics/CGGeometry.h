/*
 * pixelport: <CoreGraphics/CGGeometry.h>. CGPoint, CGSize and CGRect are
 * generated into pixelport.h; their constructors are inline functions in
 * Apple's header too, so they export nothing.
 */
#ifndef PIXELPORT_CGGEOMETRY_H
#define PIXELPORT_CGGEOMETRY_H

#include "CGBase.h"

CG_EXTERN_C_BEGIN

CG_INLINE CGPoint CGPointMake(CGFloat x, CGFloat y) {
    CGPoint p;
    p.x = x;
    p.y = y;
    return p;
}

CG_INLINE CGSize CGSizeMake(CGFloat width, CGFloat height) {
    CGSize s;
    s.width = width;
    s.height = height;
    return s;
}

CG_INLINE CGRect CGRectMake(CGFloat x, CGFloat y, CGFloat width, CGFloat height) {
    CGRect r;
    r.origin.x = x;
    r.origin.y = y;
    r.size.width = width;
    r.size.height = height;
    return r;
}

CG_EXTERN_C_END

#endif /* PIXELPORT_CGGEOMETRY_H */
