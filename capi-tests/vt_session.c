/* VTPixelTransferSession lifecycle and the VTSession property API: every
 * key, defaults, NULL-restores-default, wrong types, unknown keys and
 * values, invalidation, supported/serialisable dictionaries, ownership. */
#include <CoreFoundation/CoreFoundation.h>
#include <VideoToolbox/VideoToolbox.h>

#include "pp_cf.h"

/* Private keys clients look up by name (declared by no Apple header). */
extern const CFStringRef kVTPixelTransferPropertyKey_EnableHighSpeedTransfer;
extern const CFStringRef kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer;

static CFTypeRef copy_prop(VTPixelTransferSessionRef s, CFStringRef key, OSStatus *status) {
    CFTypeRef value = (CFTypeRef)0x1; /* sentinel: must be overwritten on success */
    *status = VTSessionCopyProperty(s, key, kCFAllocatorDefault, &value);
    return value;
}

static CFDictionaryRef number_dict(CFStringRef k1, double v1, CFStringRef k2, double v2,
                                   CFStringRef k3, double v3, CFStringRef k4, double v4) {
    CFStringRef keys[4] = {k1, k2, k3, k4};
    CFNumberRef values[4] = {
        CFNumberCreate(NULL, kCFNumberDoubleType, &v1), CFNumberCreate(NULL, kCFNumberDoubleType, &v2),
        CFNumberCreate(NULL, kCFNumberDoubleType, &v3), CFNumberCreate(NULL, kCFNumberDoubleType, &v4)};
    int n = k3 ? 4 : 2;
    CFDictionaryRef d = CFDictionaryCreate(NULL, (const void **)keys, (const void **)values, n,
                                           &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    for (int i = 0; i < 4; i++) CFRelease(values[i]);
    return d;
}

int main(void) {
    OSStatus st;
    VTPixelTransferSessionRef s = NULL;
    CHECK(VTPixelTransferSessionCreate(kCFAllocatorDefault, &s) == noErr && s != NULL);
    CHECK(CFGetTypeID(s) == VTPixelTransferSessionGetTypeID());
    CHECK(VTPixelTransferSessionGetTypeID() != CVPixelBufferGetTypeID());
    CHECK_EQ_LONG(CFGetRetainCount(s), 1);
    CHECK(VTPixelTransferSessionCreate(NULL, NULL) == kVTParameterErr);

    /* Defaults: ScalingMode Normal and DownsamplingMode Decimate as the
     * exported constants; unset optional properties give noErr + NULL. */
    CFTypeRef v = copy_prop(s, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == noErr && v == kVTScalingMode_Normal);
    if (st == noErr && v) CFRelease(v);
    v = copy_prop(s, kVTPixelTransferPropertyKey_DownsamplingMode, &st);
    CHECK(st == noErr && CFEqual(v, kVTDownsamplingMode_Decimate));
    if (st == noErr && v) CFRelease(v);
    const CFStringRef optional[] = {
        kVTPixelTransferPropertyKey_DestinationCleanAperture, kVTPixelTransferPropertyKey_DestinationPixelAspectRatio,
        kVTPixelTransferPropertyKey_DestinationColorPrimaries, kVTPixelTransferPropertyKey_DestinationTransferFunction,
        kVTPixelTransferPropertyKey_DestinationICCProfile, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
        kVTPixelTransferPropertyKey_RealTime};
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++) {
        v = copy_prop(s, optional[i], &st);
        CHECK(st == noErr && v == NULL);
    }

    /* Set and read back each key; literals work as keys and values. */
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, kVTScalingMode_Letterbox) == noErr);
    v = copy_prop(s, CFSTR("ScalingMode"), &st);
    CHECK(st == noErr && v == kVTScalingMode_Letterbox);
    CHECK(VTSessionSetProperty(s, CFSTR("ScalingMode"), CFSTR("Trim")) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == noErr && v == kVTScalingMode_Trim);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DownsamplingMode, kVTDownsamplingMode_Average) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix,
                               kCVImageBufferYCbCrMatrix_ITU_R_601_4) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, &st);
    CHECK(st == noErr && v == kCVImageBufferYCbCrMatrix_ITU_R_601_4);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationColorPrimaries, CFSTR("ITU_R_2020")) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_DestinationColorPrimaries, &st);
    CHECK(st == noErr && v == kCVImageBufferColorPrimaries_ITU_R_2020);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationTransferFunction,
                               kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_RealTime, kCFBooleanTrue) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_RealTime, &st);
    CHECK(st == noErr && v == kCFBooleanTrue);
    UInt8 icc[4] = {1, 2, 3, 4};
    CFDataRef icc_data = CFDataCreate(NULL, icc, 4);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationICCProfile, icc_data) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_DestinationICCProfile, &st);
    CHECK(st == noErr && v != NULL && CFEqual(v, icc_data) && CFGetRetainCount(v) == 1);
    if (v) CFRelease(v);
    CFRelease(icc_data);
    CFDictionaryRef ca = number_dict(kCVImageBufferCleanApertureWidthKey, 704, kCVImageBufferCleanApertureHeightKey, 480,
                                     kCVImageBufferCleanApertureHorizontalOffsetKey, 0,
                                     kCVImageBufferCleanApertureVerticalOffsetKey, 0);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, ca) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, &st);
    CHECK(st == noErr && v != NULL && CFEqual(v, ca));
    if (v) CFRelease(v);
    CFDictionaryRef par = number_dict(kCVImageBufferPixelAspectRatioHorizontalSpacingKey, 10,
                                      kCVImageBufferPixelAspectRatioVerticalSpacingKey, 11, NULL, 0, NULL, 0);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationPixelAspectRatio, par) == noErr);
    /* Private WebKit keys: accepted booleans, no effect. */
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_EnableHighSpeedTransfer, kCFBooleanTrue) == noErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer, kCFBooleanFalse) == noErr);

    /* Wrong value types and unknown values: kVTParameterErr, old value kept. */
    int ninety = 90;
    CFNumberRef num = CFNumberCreate(NULL, kCFNumberIntType, &ninety);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, num) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, CFSTR("letterbox")) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_RealTime, num) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationColorPrimaries, CFSTR("ITU_R_709")) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, par) == kVTParameterErr);
    CFDictionaryRef bad_ca = number_dict(kCVImageBufferCleanApertureWidthKey, -4, kCVImageBufferCleanApertureHeightKey, 480,
                                         kCVImageBufferCleanApertureHorizontalOffsetKey, 0,
                                         kCVImageBufferCleanApertureVerticalOffsetKey, 0);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_DestinationCleanAperture, bad_ca) == kVTParameterErr);
    CFRelease(bad_ca);
    v = copy_prop(s, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == noErr && v == kVTScalingMode_Trim);
    v = copy_prop(s, kVTPixelTransferPropertyKey_RealTime, &st);
    CHECK(st == noErr && v == kCFBooleanTrue);

    /* Unknown key; NULL arguments. */
    CHECK(VTSessionSetProperty(s, CFSTR("NoSuchKey"), kCFBooleanTrue) == kVTPropertyNotSupportedErr);
    v = copy_prop(s, CFSTR("NoSuchKey"), &st);
    CHECK(st == kVTPropertyNotSupportedErr && v == (CFTypeRef)0x1);
    CHECK(VTSessionSetProperty(NULL, kVTPixelTransferPropertyKey_ScalingMode, kVTScalingMode_Trim) == kVTParameterErr);
    CHECK(VTSessionSetProperty(s, NULL, kVTScalingMode_Trim) == kVTParameterErr);
    CHECK(VTSessionSetProperty((VTSessionRef)num, kVTPixelTransferPropertyKey_ScalingMode, kVTScalingMode_Trim) == kVTParameterErr);
    CHECK(VTSessionCopyProperty(s, kVTPixelTransferPropertyKey_ScalingMode, NULL, NULL) == kVTParameterErr);

    /* NULL value restores the default. */
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_ScalingMode, NULL) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == noErr && v == kVTScalingMode_Normal);
    CHECK(VTSessionSetProperty(s, kVTPixelTransferPropertyKey_RealTime, NULL) == noErr);
    v = copy_prop(s, kVTPixelTransferPropertyKey_RealTime, &st);
    CHECK(st == noErr && v == NULL);

    /* Supported-property dictionary. */
    CFDictionaryRef supported = NULL;
    CHECK(VTSessionCopySupportedPropertyDictionary(s, &supported) == noErr && supported != NULL);
    CHECK_EQ_LONG(CFDictionaryGetCount(supported), 9);
    CFDictionaryRef sm = CFDictionaryGetValue(supported, kVTPixelTransferPropertyKey_ScalingMode);
    CHECK(sm && CFEqual(CFDictionaryGetValue(sm, kVTPropertyTypeKey), kVTPropertyType_Enumeration));
    CFArrayRef list = sm ? CFDictionaryGetValue(sm, kVTPropertySupportedValueListKey) : NULL;
    CHECK(list && CFArrayGetCount(list) == 4 &&
          CFArrayContainsValue(list, CFRangeMake(0, 4), kVTScalingMode_CropSourceToCleanAperture));
    CFDictionaryRef rt = CFDictionaryGetValue(supported, kVTPixelTransferPropertyKey_RealTime);
    CHECK(rt && CFEqual(CFDictionaryGetValue(rt, kVTPropertyTypeKey), kVTPropertyType_Boolean));
    CHECK(rt && CFDictionaryGetValue(rt, kVTPropertyShouldBeSerializedKey) == kCFBooleanFalse);
    CHECK(CFDictionaryGetValue(supported, kVTPixelTransferPropertyKey_EnableHighSpeedTransfer) == NULL);
    CFRelease(supported);
    CHECK(VTSessionCopySupportedPropertyDictionary(s, NULL) == kVTParameterErr);

    /* Serialisable properties move settings to another session. */
    CFDictionaryRef ser = NULL;
    CHECK(VTSessionCopySerializableProperties(s, NULL, &ser) == noErr && ser != NULL);
    CHECK(CFDictionaryContainsKey(ser, kVTPixelTransferPropertyKey_DestinationYCbCrMatrix));
    CHECK(!CFDictionaryContainsKey(ser, kVTPixelTransferPropertyKey_RealTime));
    VTPixelTransferSessionRef s2 = NULL;
    CHECK(VTPixelTransferSessionCreate(NULL, &s2) == noErr);
    CHECK(VTSessionSetProperties(s2, ser) == noErr);
    v = copy_prop(s2, kVTPixelTransferPropertyKey_DestinationCleanAperture, &st);
    CHECK(st == noErr && v && CFEqual(v, ca));
    if (v) CFRelease(v);
    v = copy_prop(s2, kVTPixelTransferPropertyKey_DownsamplingMode, &st);
    CHECK(st == noErr && v == kVTDownsamplingMode_Average);
    CFRelease(ser);

    /* SetProperties: every pair is tried, the first error is returned. */
    const void *keys[2] = {kVTPixelTransferPropertyKey_ScalingMode, CFSTR("NoSuchKey")};
    const void *vals[2] = {kVTScalingMode_Letterbox, kCFBooleanTrue};
    CFDictionaryRef mixed = CFDictionaryCreate(NULL, keys, vals, 2, &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    CHECK(VTSessionSetProperties(s2, mixed) == kVTPropertyNotSupportedErr);
    v = copy_prop(s2, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == noErr && v == kVTScalingMode_Letterbox);
    CFRelease(mixed);
    CHECK(VTSessionSetProperties(s2, NULL) == kVTParameterErr);
    CHECK(VTSessionSetProperties(s2, (CFDictionaryRef)num) == kVTParameterErr);

    /* Invalidation: every call then fails with kVTInvalidSessionErr. */
    VTPixelTransferSessionInvalidate(s2);
    CHECK(VTSessionSetProperty(s2, kVTPixelTransferPropertyKey_ScalingMode, kVTScalingMode_Trim) == kVTInvalidSessionErr);
    CHECK(VTSessionSetProperty(s2, CFSTR("NoSuchKey"), kVTScalingMode_Trim) == kVTInvalidSessionErr);
    v = copy_prop(s2, kVTPixelTransferPropertyKey_ScalingMode, &st);
    CHECK(st == kVTInvalidSessionErr);
    CFDictionaryRef out = NULL;
    CHECK(VTSessionCopySupportedPropertyDictionary(s2, &out) == kVTInvalidSessionErr && out == NULL);
    CHECK(VTSessionCopySerializableProperties(s2, NULL, &out) == kVTInvalidSessionErr && out == NULL);
    VTPixelTransferSessionInvalidate(s2); /* twice is harmless */
    VTPixelTransferSessionInvalidate(NULL);
    CFRelease(s2);

    CFRelease(num);
    CFRelease(ca);
    CFRelease(par);
    /* Released without Invalidate: cleans up (LeakSanitizer checks). */
    CFRelease(s);
    return pp_finish("vt_session");
}
