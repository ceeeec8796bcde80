//! Reading YUV4MPEG2 (`.y4m`) files: the stream header, then frames of
//! planar Y, Cb, Cr samples (8-bit, or 16-bit little-endian for the `p10`…
//! colour spaces).

use std::io::{self, BufRead};

/// The sample layout a `.y4m` file declares with its `C` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Chroma subsampling (horizontal, vertical); (0, 0) for `mono`.
    pub subsampling: (usize, usize),
    /// Bits per sample: 8, or 10/12/16 stored in 16-bit little-endian words.
    pub bits: u32,
    /// `XCOLORRANGE=FULL`.
    pub full_range: bool,
}

/// A parsed stream header.
#[derive(Clone, Copy, Debug)]
pub struct Header {
    pub width: usize,
    pub height: usize,
    pub layout: Layout,
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Parses the `YUV4MPEG2 …` line.
pub fn read_header(input: &mut impl BufRead) -> io::Result<Header> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let mut tags = line.trim_end().split(' ');
    if tags.next() != Some("YUV4MPEG2") {
        return Err(invalid("not a YUV4MPEG2 stream"));
    }
    let (mut width, mut height) = (0, 0);
    let mut layout = Layout {
        subsampling: (2, 2),
        bits: 8,
        full_range: false,
    };
    for tag in tags {
        let (key, value) = tag.split_at(1.min(tag.len()));
        match key {
            "W" => width = value.parse().map_err(|_| invalid("bad width"))?,
            "H" => height = value.parse().map_err(|_| invalid("bad height"))?,
            "C" => {
                let (base, bits) = match value.split_once('p') {
                    Some((base, bits)) => {
                        (base, bits.parse().map_err(|_| invalid("bad bit depth"))?)
                    }
                    None => (value, 8),
                };
                layout.bits = bits;
                layout.subsampling = match base {
                    b if b.starts_with("420") => (2, 2),
                    "422" => (2, 1),
                    "444" => (1, 1),
                    "mono" => (0, 0),
                    other => return Err(invalid(format!("unsupported colour space C{other}"))),
                };
            }
            "X" if value == "COLORRANGE=FULL" => layout.full_range = true,
            _ => {}
        }
    }
    if width == 0 || height == 0 {
        return Err(invalid("missing frame size"));
    }
    Ok(Header {
        width,
        height,
        layout,
    })
}

/// The planes of one frame: (width, height) in samples, for Y then Cb, Cr.
pub fn plane_sizes(header: &Header) -> Vec<(usize, usize)> {
    let (w, h) = (header.width, header.height);
    match header.layout.subsampling {
        (0, 0) => vec![(w, h)],
        (sx, sy) => {
            let chroma = (w.div_ceil(sx), h.div_ceil(sy));
            vec![(w, h), chroma, chroma]
        }
    }
}

/// Reads the next frame's planes as sample values (`None` at end of stream).
pub fn read_frame(input: &mut impl BufRead, header: &Header) -> io::Result<Option<Vec<Vec<u16>>>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    if !line.starts_with("FRAME") {
        return Err(invalid("missing FRAME marker"));
    }
    let wide = header.layout.bits > 8;
    let mut planes = Vec::new();
    for (w, h) in plane_sizes(header) {
        let mut bytes = vec![0u8; w * h * if wide { 2 } else { 1 }];
        input.read_exact(&mut bytes)?;
        planes.push(if wide {
            bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect()
        } else {
            bytes.into_iter().map(u16::from).collect()
        });
    }
    Ok(Some(planes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers_and_frames() {
        let mut data = b"YUV4MPEG2 W3 H2 F25:1 Ip C420jpeg XCOLORRANGE=FULL\nFRAME\n".to_vec();
        data.extend_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        let mut input = &data[..];
        let header = read_header(&mut input).unwrap();
        assert_eq!((header.width, header.height), (3, 2));
        assert!(header.layout.full_range);
        assert_eq!(plane_sizes(&header), vec![(3, 2), (2, 1), (2, 1)]);
        let frame = read_frame(&mut input, &header).unwrap().unwrap();
        assert_eq!(frame[0], vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(frame[2], vec![9, 10]);
        assert!(read_frame(&mut input, &header).unwrap().is_none());
    }
}
