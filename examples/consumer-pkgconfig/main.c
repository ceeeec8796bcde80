/* A program written against Apple's CoreFoundation, built unchanged against
 * an installed pixelport. Exits 0 only if every check passed. */
#include <CoreFoundation/CoreFoundation.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    CFStringRef made = CFStringCreateWithCString(kCFAllocatorDefault, "pixelport", kCFStringEncodingUTF8);
    if (made == NULL) {
        fprintf(stderr, "consumer: CFStringCreateWithCString returned NULL\n");
        return 1;
    }
    char text[32] = {0};
    int ok = CFStringGetCString(made, text, (CFIndex)sizeof text, kCFStringEncodingUTF8) &&
             strcmp(text, "pixelport") == 0 &&
             CFStringCompare(made, CFSTR("pixelport"), 0) == kCFCompareEqualTo &&
             CFEqual(made, CFSTR("pixelport")) &&
             CFGetTypeID(made) == CFStringGetTypeID() &&
             CFStringGetLength(made) == 9;
    printf("consumer: \"%s\" %s CFSTR(\"pixelport\")\n", text, ok ? "equals" : "DOES NOT equal");
    CFRelease(made);
    return ok ? 0 : 1;
}
