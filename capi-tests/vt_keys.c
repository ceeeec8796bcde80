/* Every VideoToolbox string constant has its string, is immortal, and
 * compares equal to a CFSTR literal of the same text. */
#include <CoreFoundation/CoreFoundation.h>
#include <VideoToolbox/VideoToolbox.h>

#include "pp_cf.h"

/* Private keys are not declared by Apple's headers (nor ours); WebKit-style
 * clients look them up by symbol name. */
extern const CFStringRef kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer;
extern const CFStringRef kVTPixelTransferPropertyKey_EnableHighSpeedTransfer;

int main(void) {
    const struct pp_string_constant cases[] = {
    {"kVTPixelTransferPropertyKey_ScalingMode", kVTPixelTransferPropertyKey_ScalingMode, "ScalingMode"},
    {"kVTPixelTransferPropertyKey_DestinationCleanAperture", kVTPixelTransferPropertyKey_DestinationCleanAperture, "DestinationCleanAperture"},
    {"kVTPixelTransferPropertyKey_DestinationPixelAspectRatio", kVTPixelTransferPropertyKey_DestinationPixelAspectRatio, "DestinationPixelAspectRatio"},
    {"kVTPixelTransferPropertyKey_DownsamplingMode", kVTPixelTransferPropertyKey_DownsamplingMode, "DownsamplingMode"},
    {"kVTPixelTransferPropertyKey_DestinationColorPrimaries", kVTPixelTransferPropertyKey_DestinationColorPrimaries, "DestinationColorPrimaries"},
    {"kVTPixelTransferPropertyKey_DestinationTransferFunction", kVTPixelTransferPropertyKey_DestinationTransferFunction, "DestinationTransferFunction"},
    {"kVTPixelTransferPropertyKey_DestinationICCProfile", kVTPixelTransferPropertyKey_DestinationICCProfile, "DestinationICCProfile"},
    {"kVTPixelTransferPropertyKey_DestinationYCbCrMatrix", kVTPixelTransferPropertyKey_DestinationYCbCrMatrix, "DestinationYCbCrMatrix"},
    {"kVTPixelTransferPropertyKey_RealTime", kVTPixelTransferPropertyKey_RealTime, "RealTime"},
    {"kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer", kVTPixelTransferPropertyKey_EnableHardwareAcceleratedTransfer, "EnableHardwareAcceleratedTransfer"},
    {"kVTPixelTransferPropertyKey_EnableHighSpeedTransfer", kVTPixelTransferPropertyKey_EnableHighSpeedTransfer, "EnableHighSpeedTransfer"},
    {"kVTScalingMode_Normal", kVTScalingMode_Normal, "Normal"},
    {"kVTScalingMode_CropSourceToCleanAperture", kVTScalingMode_CropSourceToCleanAperture, "CropSourceToCleanAperture"},
    {"kVTScalingMode_Letterbox", kVTScalingMode_Letterbox, "Letterbox"},
    {"kVTScalingMode_Trim", kVTScalingMode_Trim, "Trim"},
    {"kVTDownsamplingMode_Decimate", kVTDownsamplingMode_Decimate, "Decimate"},
    {"kVTDownsamplingMode_Average", kVTDownsamplingMode_Average, "Average"},
    {"kVTPixelRotationPropertyKey_Rotation", kVTPixelRotationPropertyKey_Rotation, "Rotation"},
    {"kVTPixelRotationPropertyKey_FlipHorizontalOrientation", kVTPixelRotationPropertyKey_FlipHorizontalOrientation, "FlipHorizontalOrientation"},
    {"kVTPixelRotationPropertyKey_FlipVerticalOrientation", kVTPixelRotationPropertyKey_FlipVerticalOrientation, "FlipVerticalOrientation"},
    {"kVTRotation_0", kVTRotation_0, "0"},
    {"kVTRotation_CW90", kVTRotation_CW90, "CW90"},
    {"kVTRotation_180", kVTRotation_180, "180"},
    {"kVTRotation_CCW90", kVTRotation_CCW90, "CCW90"},
    {"kVTPropertyTypeKey", kVTPropertyTypeKey, "PropertyType"},
    {"kVTPropertyType_Enumeration", kVTPropertyType_Enumeration, "Enumeration"},
    {"kVTPropertyType_Boolean", kVTPropertyType_Boolean, "Boolean"},
    {"kVTPropertyType_Number", kVTPropertyType_Number, "Number"},
    {"kVTPropertyReadWriteStatusKey", kVTPropertyReadWriteStatusKey, "ReadWriteStatus"},
    {"kVTPropertyReadWriteStatus_ReadOnly", kVTPropertyReadWriteStatus_ReadOnly, "ReadOnly"},
    {"kVTPropertyReadWriteStatus_ReadWrite", kVTPropertyReadWriteStatus_ReadWrite, "ReadWrite"},
    {"kVTPropertyShouldBeSerializedKey", kVTPropertyShouldBeSerializedKey, "ShouldBeSerialized"},
    {"kVTPropertySupportedValueMinimumKey", kVTPropertySupportedValueMinimumKey, "SupportedValueMinimum"},
    {"kVTPropertySupportedValueMaximumKey", kVTPropertySupportedValueMaximumKey, "SupportedValueMaximum"},
    {"kVTPropertySupportedValueListKey", kVTPropertySupportedValueListKey, "SupportedValueList"},
    {"kVTPropertyDocumentationKey", kVTPropertyDocumentationKey, "Documentation"},
    };
    size_t n = sizeof cases / sizeof cases[0];
    pp_check_string_constants(cases, n);
    CHECK_EQ_LONG(n, 36);
    CHECK(CFEqual(CFSTR("Letterbox"), kVTScalingMode_Letterbox));
    CHECK(!CFEqual(kVTRotation_CW90, kVTRotation_CCW90));
    return pp_finish("vt_keys");
}
