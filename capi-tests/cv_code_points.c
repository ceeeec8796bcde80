/* H.273 code points <-> CoreVideo colour strings (CVImageBuffer.h), with the
 * expected table written here from corevideo.md §4.2. */
#include <CoreFoundation/CoreFoundation.h>
#include <CoreVideo/CoreVideo.h>

#include "pp_cf.h"

int main(void) {
    /* String -> code point, through the constants and through literals. */
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(kCVImageBufferYCbCrMatrix_ITU_R_709_2) == 1);
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(kCVImageBufferYCbCrMatrix_ITU_R_601_4) == 6);
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(kCVImageBufferYCbCrMatrix_SMPTE_240M_1995) == 7);
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(CFSTR("ITU_R_2020")) == 9);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_ITU_R_709_2) == 1);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_EBU_3213) == 5);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_SMPTE_C) == 6);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(CFSTR("ITU_R_2020")) == 9);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_DCI_P3) == 11);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_P3_D65) == 12);
    CHECK(CVColorPrimariesGetIntegerCodePointForString(kCVImageBufferColorPrimaries_P22) == 22);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_ITU_R_709_2) == 1);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_SMPTE_240M_1995) == 7);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_Linear) == 8);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_sRGB) == 13);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(CFSTR("SMPTE_ST_2084_PQ")) == 16);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_SMPTE_ST_428_1) == 17);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(CFSTR("ITU_R_2100_HLG")) == 18);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(kCVImageBufferTransferFunction_UseGamma) == 2);

    /* Unknown, NULL and wrong-type arguments are "unspecified" (2). */
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(NULL) == 2);
    CHECK(CVYCbCrMatrixGetIntegerCodePointForString(CFSTR("nonsense")) == 2);
    CHECK(CVColorPrimariesGetIntegerCodePointForString((CFStringRef)kCFBooleanTrue) == 2);
    CHECK(CVTransferFunctionGetIntegerCodePointForString(NULL) == 2);

    /* Code point -> the exported constant itself (pointer-equal). */
    CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(1) == kCVImageBufferYCbCrMatrix_ITU_R_709_2);
    CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(6) == kCVImageBufferYCbCrMatrix_ITU_R_601_4);
    CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(9) == kCVImageBufferYCbCrMatrix_ITU_R_2020);
    CHECK(CVColorPrimariesGetStringForIntegerCodePoint(12) == kCVImageBufferColorPrimaries_P3_D65);
    CHECK(CVTransferFunctionGetStringForIntegerCodePoint(16) == kCVImageBufferTransferFunction_SMPTE_ST_2084_PQ);
    CHECK(CVTransferFunctionGetStringForIntegerCodePoint(13) == kCVImageBufferTransferFunction_sRGB);
    /* 2 and unknown values (FFmpeg passes raw AVCOL_* numbers) give NULL. */
    CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(2) == NULL);
    CHECK(CVColorPrimariesGetStringForIntegerCodePoint(2) == NULL);
    CHECK(CVTransferFunctionGetStringForIntegerCodePoint(2) == NULL);
    CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(-1) == NULL);
    CHECK(CVColorPrimariesGetStringForIntegerCodePoint(255) == NULL);
    CHECK(CVTransferFunctionGetStringForIntegerCodePoint(0x7fffffff) == NULL);

    /* Round trips for every code point that has a string. */
    for (int cp = 0; cp < 64; cp++) {
        CFStringRef m = CVYCbCrMatrixGetStringForIntegerCodePoint(cp);
        if (m) CHECK(CVYCbCrMatrixGetStringForIntegerCodePoint(CVYCbCrMatrixGetIntegerCodePointForString(m)) == m);
        CFStringRef p = CVColorPrimariesGetStringForIntegerCodePoint(cp);
        if (p) CHECK(CVColorPrimariesGetStringForIntegerCodePoint(CVColorPrimariesGetIntegerCodePointForString(p)) == p);
        CFStringRef t = CVTransferFunctionGetStringForIntegerCodePoint(cp);
        if (t) CHECK(CVTransferFunctionGetStringForIntegerCodePoint(CVTransferFunctionGetIntegerCodePointForString(t)) == t);
    }
    return pp_finish("cv_code_points");
}
