/*
 * pixelport: the platform switches Apple code tests with `#if TARGET_OS_…`.
 * This is Linux: every Apple OS switch is 0 and TARGET_OS_LINUX is 1.
 */
#ifndef PIXELPORT_TARGETCONDITIONALS_H
#define PIXELPORT_TARGETCONDITIONALS_H

#ifndef TARGET_OS_MAC
#define TARGET_OS_MAC 0
#endif
#ifndef TARGET_OS_OSX
#define TARGET_OS_OSX 0
#endif
#ifndef TARGET_OS_IPHONE
#define TARGET_OS_IPHONE 0
#endif
#ifndef TARGET_OS_IOS
#define TARGET_OS_IOS 0
#endif
#ifndef TARGET_OS_TV
#define TARGET_OS_TV 0
#endif
#ifndef TARGET_OS_WATCH
#define TARGET_OS_WATCH 0
#endif
#ifndef TARGET_OS_VISION
#define TARGET_OS_VISION 0
#endif
#ifndef TARGET_OS_MACCATALYST
#define TARGET_OS_MACCATALYST 0
#endif
#ifndef TARGET_OS_SIMULATOR
#define TARGET_OS_SIMULATOR 0
#endif
#ifndef TARGET_OS_EMBEDDED
#define TARGET_OS_EMBEDDED 0
#endif
#ifndef TARGET_OS_WIN32
#define TARGET_OS_WIN32 0
#endif
#ifndef TARGET_OS_UNIX
#define TARGET_OS_UNIX 1
#endif
#ifndef TARGET_OS_LINUX
#define TARGET_OS_LINUX 1
#endif
#ifndef TARGET_RT_64_BIT
#define TARGET_RT_64_BIT 1
#endif
#ifndef TARGET_RT_LITTLE_ENDIAN
#define TARGET_RT_LITTLE_ENDIAN 1
#endif
#ifndef TARGET_RT_BIG_ENDIAN
#define TARGET_RT_BIG_ENDIAN 0
#endif
#if defined(__x86_64__) && !defined(TARGET_CPU_X86_64)
#define TARGET_CPU_X86_64 1
#endif
#if defined(__aarch64__) && !defined(TARGET_CPU_ARM64)
#define TARGET_CPU_ARM64 1
#endif

#endif /* PIXELPORT_TARGETCONDITIONALS_H */
