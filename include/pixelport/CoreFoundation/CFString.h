/*
 * pixelport: <CoreFoundation/CFString.h>.
 *
 * CFSTR("...") comes in two forms, as in Apple's header:
 *  - clang (which defines __CONSTANT_CFSTRINGS__): a compile-time constant
 *    built by the compiler, usable in static initialisers;
 *  - gcc, or any compiler with PIXELPORT_NO_CONSTANT_CFSTRINGS defined: a call
 *    that returns one immortal string per distinct literal text.
 * Both compare equal (CFEqual/CFHash) to any CFString with the same text.
 * Define PIXELPORT_NO_CONSTANT_CFSTRINGS when another CoreFoundation in the
 * same process also defines __CFConstantStringClassReference and you want no
 * symbol shared with it.
 */
#ifndef PIXELPORT_CFSTRING_H
#define PIXELPORT_CFSTRING_H

#include "CFBase.h"

#if defined(__CONSTANT_CFSTRINGS__) && !defined(PIXELPORT_NO_CONSTANT_CFSTRINGS)
#define CFSTR(cStr) ((CFStringRef)__builtin___CFStringMakeConstantString("" cStr ""))
#else
#define CFSTR(cStr) __CFStringMakeConstantString("" cStr "")
#endif

#endif /* PIXELPORT_CFSTRING_H */
