//! A minimal PNG writer (8-bit RGB or RGBA, stored/uncompressed deflate
//! blocks). Enough for looking at results; size is not a goal here, and a
//! few dozen lines beat adding an image crate to the dependency list.

use std::io::{self, Write};

fn crc32(bytes: &[u8], mut crc: u32) -> u32 {
    crc = !crc;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut impl Write, kind: &[u8; 4], data: &[u8]) -> io::Result<()> {
    out.write_all(&(data.len() as u32).to_be_bytes())?;
    out.write_all(kind)?;
    out.write_all(data)?;
    out.write_all(&crc32(data, crc32(kind, 0)).to_be_bytes())
}

/// Writes `rows` (each `width * channels` bytes, channels 3 = RGB or 4 = RGBA).
pub fn write(
    out: &mut impl Write,
    width: usize,
    height: usize,
    channels: usize,
    rows: &[Vec<u8>],
) -> io::Result<()> {
    out.write_all(b"\x89PNG\r\n\x1a\n")?;
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(width as u32).to_be_bytes());
    ihdr.extend_from_slice(&(height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, if channels == 4 { 6 } else { 2 }, 0, 0, 0]);
    chunk(out, b"IHDR", &ihdr)?;

    // zlib stream of stored blocks over the filtered scanlines (filter 0).
    let mut raw = Vec::with_capacity(height * (width * channels + 1));
    for row in rows {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    chunk(out, b"IDAT", &zlib)?;
    chunk(out, b"IEND", &[])
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_matches_the_png_spec_example() {
        // CRC of "IEND" with no data is the well-known AE 42 60 82.
        assert_eq!(super::crc32(b"IEND", 0), 0xAE42_6082);
    }
}
