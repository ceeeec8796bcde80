//! clang's constant CFString literals.
//!
//! With clang, `CFSTR("…")` compiles to `__builtin___CFStringMakeConstantString`,
//! which emits a 32-byte struct into the `cfstring` section:
//! `{ isa = &__CFConstantStringClassReference, flags, chars, length }`
//! (LLVM `clang/test/CodeGen/CFStrings.c`). `flags` is 0x7C8 for ASCII text
//! (`chars` is NUL-terminated bytes) and 0x7D0 for anything else (`chars` is
//! UTF-16, `length` in UTF-16 units).
//!
//! We recognise a literal by its flags rather than its `isa`: when another
//! CoreFoundation in the process also defines `__CFConstantStringClassReference`
//! the dynamic linker may bind the program's literals to that one, and the
//! literals must still work with pixelport.

use std::ffi::{c_long, c_void};

use crate::core::text::TextRef;

const ASCII_LITERAL_FLAGS: i32 = 0x7C8;
const UTF16_LITERAL_FLAGS: i32 = 0x7D0;

/// The layout clang emits on LP64 ELF targets.
#[repr(C)]
pub struct ConstantLiteral {
    isa: *const c_void,
    flags: i32,
    chars: *const c_void,
    length: c_long,
}

impl ConstantLiteral {
    /// Whether these bytes look like a clang literal. Used only after the
    /// pointer failed the check for our own objects.
    pub fn is_literal(&self) -> bool {
        !self.isa.is_null()
            && matches!(self.flags, ASCII_LITERAL_FLAGS | UTF16_LITERAL_FLAGS)
            && !self.chars.is_null()
            && self.length >= 0
    }

    /// The literal's text.
    pub fn text(&self) -> TextRef<'_> {
        let len = self.length.max(0) as usize;
        if self.flags == ASCII_LITERAL_FLAGS {
            // SAFETY: clang emits `length` bytes of ASCII at `chars`, which
            // live in the program image for its whole lifetime.
            TextRef::Ascii(unsafe { std::slice::from_raw_parts(self.chars as *const u8, len) })
        } else {
            // SAFETY: clang emits `length` UTF-16 units at `chars`, 2-aligned,
            // in the program image.
            TextRef::Utf16(unsafe { std::slice::from_raw_parts(self.chars as *const u16, len) })
        }
    }

    /// The NUL-terminated bytes of an ASCII literal.
    pub fn ascii_c_str(&self) -> Option<*const u8> {
        (self.flags == ASCII_LITERAL_FLAGS).then_some(self.chars as *const u8)
    }
}

/// The class symbol clang's literals point at. Its name is chosen by the
/// compiler, so it is the one CoreFoundation name exported unprefixed; its
/// contents are never read (literals are recognised by layout, see above).
/// Not declared in our headers: clang declares it implicitly.
///
/// cbindgen:ignore
#[allow(non_upper_case_globals)]
#[unsafe(no_mangle)]
pub static __CFConstantStringClassReference: [u64; 12] = [0; 12];
