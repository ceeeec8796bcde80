//! pixelport's main example: pixel conversion through the C API, as a
//! ported camera or editing app would do it.
//!
//! ```text
//! cargo run --release --example convert
//!     synthesises a 1920×1080 75% colour-bar frame in 420v tagged BT.709,
//!     transfers it to BGRA with a VTPixelTransferSession, writes
//!     colorbars.png and reports how long the transfer took.
//!
//! cargo run --release --example convert -- INPUT.y4m [--to FORMAT] [-o OUT.raw] [--png OUT.png] [--matrix 601|709|2020]
//! cargo run --release --example convert -- --raw IN.raw --format FORMAT --in-size WxH [--to FORMAT] [-o OUT.raw] [--png OUT.png]
//!     converts the first frame of a Y4M file, or one raw frame (planes back
//!     to back, rows without padding), to FORMAT (a FourCC such as BGRA,
//!     420v, x420, or a constant name such as 32BGRA); -o writes the
//!     converted frame raw, --png a picture of it.
//!     --size WxH scales to that size, --mode normal|crop|letterbox|trim
//!     picks the kVTScalingMode_* (default normal). A raw input without
//!     --in-size takes --size as its own size.
//! ```

mod ffi;
mod png;
mod y4m;

use std::io::BufReader;
use std::process::ExitCode;
use std::ptr;
use std::time::{Duration, Instant};

// Link the library (the example calls it only through the C ABI).
use pixelport as _;
use pixelport::core::pixel_format::PixelFormat;
use pixelport::core::pixel_format::geometry::{LayoutOptions, plane_layouts};

use ffi::*;

type Result<T> = std::result::Result<T, String>;

/// A CVPixelBuffer owned by this program (released on drop).
struct PixelBuffer {
    raw: CVPixelBufferRef,
    format: &'static PixelFormat,
    width: usize,
    height: usize,
}

impl PixelBuffer {
    fn new(format: &'static PixelFormat, width: usize, height: usize) -> Result<PixelBuffer> {
        let mut raw = ptr::null_mut();
        // SAFETY: a valid out-pointer; NULL allocator and attributes are allowed.
        let status = unsafe {
            CVPixelBufferCreate(
                ptr::null(),
                width,
                height,
                format.code,
                ptr::null(),
                &mut raw,
            )
        };
        if status != 0 {
            return Err(format!(
                "CVPixelBufferCreate({}, {width}x{height}) failed: {status}",
                format.name
            ));
        }
        Ok(PixelBuffer {
            raw,
            format,
            width,
            height,
        })
    }

    /// Bytes of one row of each plane, without padding.
    fn row_lengths(&self) -> Vec<usize> {
        plane_layouts(
            self.format,
            self.width,
            self.height,
            &LayoutOptions::default(),
        )
        .map(|layout| layout.planes.iter().map(|p| p.row_length).collect())
        .unwrap_or_default()
    }

    /// Calls `f(plane, row, bytes)` for every row of every plane, the buffer
    /// locked (read-only unless `write`).
    fn rows(&self, write: bool, mut f: impl FnMut(usize, usize, &mut [u8])) {
        let flags = if write {
            0
        } else {
            kCVPixelBufferLock_ReadOnly
        };
        let layout = plane_layouts(
            self.format,
            self.width,
            self.height,
            &LayoutOptions::default(),
        )
        .expect("a created buffer has a layout");
        // SAFETY: a live buffer; locked for the duration of the access.
        unsafe {
            CVPixelBufferLockBaseAddress(self.raw, flags);
            let planar = CVPixelBufferIsPlanar(self.raw) != 0;
            for (plane, info) in layout.planes.iter().enumerate() {
                let (base, stride) = if planar {
                    (
                        CVPixelBufferGetBaseAddressOfPlane(self.raw, plane) as *mut u8,
                        CVPixelBufferGetBytesPerRowOfPlane(self.raw, plane),
                    )
                } else {
                    (
                        CVPixelBufferGetBaseAddress(self.raw) as *mut u8,
                        CVPixelBufferGetBytesPerRow(self.raw),
                    )
                };
                for row in 0..info.height {
                    // SAFETY: row `row` of the plane lies within the buffer,
                    // and at least `row_length` bytes of it are pixels.
                    let bytes =
                        std::slice::from_raw_parts_mut(base.add(row * stride), info.row_length);
                    f(plane, row, bytes);
                }
            }
            CVPixelBufferUnlockBaseAddress(self.raw, flags);
        }
    }

    fn tag(&self, key: CFStringRef, value: CFStringRef) {
        // SAFETY: live buffer, immortal constant key and value.
        unsafe { CVBufferSetAttachment(self.raw, key, value, kCVAttachmentMode_ShouldPropagate) };
    }
}

impl Drop for PixelBuffer {
    fn drop(&mut self) {
        // SAFETY: we own one reference.
        unsafe { pixelport_CFRelease(self.raw) };
    }
}

/// A VTPixelTransferSession owned by this program.
struct Session(VTPixelTransferSessionRef);

impl Session {
    fn new() -> Result<Session> {
        let mut raw = ptr::null_mut();
        // SAFETY: a valid out-pointer.
        match unsafe { VTPixelTransferSessionCreate(ptr::null(), &mut raw) } {
            0 => Ok(Session(raw)),
            status => Err(format!("VTPixelTransferSessionCreate failed: {status}")),
        }
    }

    fn transfer(&self, source: &PixelBuffer, destination: &PixelBuffer) -> Result<()> {
        // SAFETY: live session and buffers.
        match unsafe { VTPixelTransferSessionTransferImage(self.0, source.raw, destination.raw) } {
            0 => Ok(()),
            status => Err(format!(
                "VTPixelTransferSessionTransferImage({} -> {}) failed: {status}",
                source.format.name, destination.format.name
            )),
        }
    }
}

impl Session {
    /// Sets `kVTPixelTransferPropertyKey_ScalingMode` from a short name.
    fn scaling_mode(&self, name: &str) -> Result<()> {
        // SAFETY: reading immortal exported constants; a live session.
        let status = unsafe {
            let mode = match name {
                "normal" => kVTScalingMode_Normal,
                "crop" => kVTScalingMode_CropSourceToCleanAperture,
                "letterbox" => kVTScalingMode_Letterbox,
                "trim" => kVTScalingMode_Trim,
                other => {
                    return Err(format!(
                        "--mode {other}: use normal, crop, letterbox or trim"
                    ));
                }
            };
            VTSessionSetProperty(self.0, kVTPixelTransferPropertyKey_ScalingMode, mode)
        };
        match status {
            0 => Ok(()),
            status => Err(format!(
                "VTSessionSetProperty(ScalingMode) failed: {status}"
            )),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: we own one reference.
        unsafe {
            VTPixelTransferSessionInvalidate(self.0);
            pixelport_CFRelease(self.0);
        }
    }
}

/// A pixel format named by FourCC (`BGRA`, `420v`) or by its constant's
/// name with or without the `kCVPixelFormatType_` prefix (`32BGRA`).
fn parse_format(name: &str) -> Result<&'static PixelFormat> {
    let bare = name.trim_start_matches("kCVPixelFormatType_");
    PixelFormat::all()
        .iter()
        .find(|f| {
            f.name.trim_start_matches("kCVPixelFormatType_") == bare
                || (name.len() == 4
                    && f.code == u32::from_be_bytes(name.as_bytes().try_into().unwrap_or([0; 4])))
        })
        .ok_or_else(|| format!("unknown pixel format {name:?}"))
}

fn format_by_code(code: &[u8; 4]) -> &'static PixelFormat {
    PixelFormat::find(u32::from_be_bytes(*code)).expect("built-in format")
}

/// 75% colour bars in BT.709 video-range 420v, computed from the BT.709
/// luma coefficients (Kr 0.2126, Kb 0.0722).
fn colour_bars(width: usize, height: usize) -> Result<PixelBuffer> {
    const BARS: [[f64; 3]; 8] = [
        [0.75, 0.75, 0.75], // white
        [0.75, 0.75, 0.0],  // yellow
        [0.0, 0.75, 0.75],  // cyan
        [0.0, 0.75, 0.0],   // green
        [0.75, 0.0, 0.75],  // magenta
        [0.75, 0.0, 0.0],   // red
        [0.0, 0.0, 0.75],   // blue
        [0.0, 0.0, 0.0],    // black
    ];
    let ycbcr = |[r, g, b]: [f64; 3]| {
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let cb = (b - y) / 1.8556;
        let cr = (r - y) / 1.5748;
        [
            (16.0 + 219.0 * y).round() as u8,
            (128.0 + 224.0 * cb).round() as u8,
            (128.0 + 224.0 * cr).round() as u8,
        ]
    };
    let bar = |x: usize| BARS[(x * BARS.len() / width).min(BARS.len() - 1)];
    let frame = PixelBuffer::new(format_by_code(b"420v"), width, height)?;
    frame.rows(true, |plane, _row, bytes| match plane {
        0 => bytes
            .iter_mut()
            .enumerate()
            .for_each(|(x, p)| *p = ycbcr(bar(x))[0]),
        _ => bytes
            .chunks_exact_mut(2)
            .enumerate()
            .for_each(|(cx, pair)| {
                let [_, cb, cr] = ycbcr(bar(cx * 2));
                pair.copy_from_slice(&[cb, cr]);
            }),
    });
    // SAFETY: reading immortal exported constants.
    unsafe {
        frame.tag(
            kCVImageBufferYCbCrMatrixKey,
            kCVImageBufferYCbCrMatrix_ITU_R_709_2,
        );
        frame.tag(
            kCVImageBufferColorPrimariesKey,
            kCVImageBufferColorPrimaries_ITU_R_709_2,
        );
        frame.tag(
            kCVImageBufferTransferFunctionKey,
            kCVImageBufferTransferFunction_ITU_R_709_2,
        );
    }
    Ok(frame)
}

/// Writes a PNG of `frame` (converted to RGBA through the session).
fn write_png(session: &Session, frame: &PixelBuffer, path: &str) -> Result<()> {
    let rgba = PixelBuffer::new(format_by_code(b"RGBA"), frame.width, frame.height)?;
    session.transfer(frame, &rgba)?;
    let mut rows = Vec::with_capacity(frame.height);
    rgba.rows(false, |_, _, bytes| rows.push(bytes.to_vec()));
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?);
    png::write(&mut file, frame.width, frame.height, 4, &rows).map_err(|e| format!("{path}: {e}"))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn demo() -> Result<()> {
    let (width, height) = (1920, 1080);
    let source = colour_bars(width, height)?;
    let destination = PixelBuffer::new(format_by_code(b"BGRA"), width, height)?;
    let session = Session::new()?;
    session.transfer(&source, &destination)?; // warm-up
    let times: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            session
                .transfer(&source, &destination)
                .map(|()| start.elapsed())
        })
        .collect::<Result<_>>()?;
    let path = "colorbars.png";
    let mut rows = Vec::with_capacity(height);
    destination.rows(false, |_, _, bgra| {
        rows.push(
            bgra.chunks_exact(4)
                .flat_map(|p| [p[2], p[1], p[0], p[3]])
                .collect::<Vec<u8>>(),
        );
    });
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?);
    png::write(&mut file, width, height, 4, &rows).map_err(|e| format!("{path}: {e}"))?;
    let first = &rows[0];
    println!(
        "Synthesised {width}x{height} 75% colour bars in 420v (kCVPixelFormatType_420YpCbCr8BiPlanarVideoRange), tagged BT.709."
    );
    println!(
        "VTPixelTransferSessionTransferImage 420v -> BGRA: {:.2} ms (median of {} runs).",
        median(times.clone()).as_secs_f64() * 1e3,
        times.len()
    );
    println!(
        "First pixel of each bar (R,G,B): {}",
        (0..8)
            .map(|i| {
                let x = i * width / 8 + width / 16;
                format!(
                    "({},{},{})",
                    first[x * 4],
                    first[x * 4 + 1],
                    first[x * 4 + 2]
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("Wrote {path}.");
    Ok(())
}

struct Options {
    input: Option<String>,
    raw: Option<String>,
    raw_format: Option<&'static PixelFormat>,
    size: Option<(usize, usize)>,
    to: &'static PixelFormat,
    out: Option<String>,
    png: Option<String>,
    matrix: Option<String>,
    in_size: Option<(usize, usize)>,
    mode: Option<String>,
}

fn parse_size(v: &str) -> Result<(usize, usize)> {
    let (w, h) = v.split_once('x').ok_or("sizes are WxH")?;
    Ok((
        w.parse().map_err(|_| "bad width")?,
        h.parse().map_err(|_| "bad height")?,
    ))
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut o = Options {
        input: None,
        raw: None,
        raw_format: None,
        size: None,
        to: format_by_code(b"BGRA"),
        out: None,
        png: None,
        matrix: None,
        in_size: None,
        mode: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--to" => o.to = parse_format(&value()?)?,
            "--format" => o.raw_format = Some(parse_format(&value()?)?),
            "--raw" => o.raw = Some(value()?),
            "-o" | "--out" => o.out = Some(value()?),
            "--png" => o.png = Some(value()?),
            "--matrix" => o.matrix = Some(value()?),
            "--size" => o.size = Some(parse_size(&value()?)?),
            "--in-size" => o.in_size = Some(parse_size(&value()?)?),
            "--mode" => o.mode = Some(value()?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with('-') => {
                return Err(format!("unknown option {other}\n{USAGE}"));
            }
            path => o.input = Some(path.to_owned()),
        }
    }
    Ok(o)
}

const USAGE: &str = "usage: convert [INPUT.y4m | --raw IN --format F --in-size WxH] [--to FORMAT] [--size WxH] [--mode normal|crop|letterbox|trim] [-o OUT.raw] [--png OUT.png] [--matrix 601|709|2020]";

/// The first frame of a Y4M file in the CoreVideo format with the same layout.
fn load_y4m(path: &str) -> Result<PixelBuffer> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut input = BufReader::new(file);
    let header = y4m::read_header(&mut input).map_err(|e| format!("{path}: {e}"))?;
    let planes = y4m::read_frame(&mut input, &header)
        .map_err(|e| format!("{path}: {e}"))?
        .ok_or_else(|| format!("{path}: no frame"))?;
    let l = header.layout;
    let code: &[u8; 4] = match (l.subsampling, l.bits, l.full_range) {
        ((2, 2), 8, false) => b"y420",
        ((2, 2), 8, true) => b"f420",
        ((2, 1), 8, false) => b"422v",
        ((2, 1), 8, true) => b"422f",
        ((1, 1), 8, false) => b"444v",
        ((1, 1), 8, true) => b"444f",
        ((2, 2), 10, false) => b"x420",
        ((2, 2), 10, true) => b"xf20",
        ((2, 1), 10, false) => b"x422",
        ((2, 1), 10, true) => b"xf22",
        ((1, 1), 10, false) => b"x444",
        ((1, 1), 10, true) => b"xf44",
        ((0, 0), 8, _) => b"L008",
        _ => return Err(format!("{path}: {l:?} has no CoreVideo format here")),
    };
    let frame = PixelBuffer::new(format_by_code(code), header.width, header.height)?;
    let sizes = y4m::plane_sizes(&header);
    let wide = l.bits > 8;
    let planar = code == b"y420" || code == b"f420";
    frame.rows(true, |plane, row, bytes| {
        let put = |bytes: &mut [u8], i: usize, v: u16| {
            if wide {
                bytes[i * 2..i * 2 + 2].copy_from_slice(&(v << 6).to_le_bytes());
            } else {
                bytes[i] = v as u8;
            }
        };
        if plane == 0 || planar {
            let (w, _) = sizes[plane];
            for x in 0..w {
                put(bytes, x, planes[plane][row * w + x]);
            }
        } else {
            // Bi-planar: interleave Cb and Cr.
            let (w, _) = sizes[1];
            for x in 0..w {
                put(bytes, 2 * x, planes[1][row * w + x]);
                put(bytes, 2 * x + 1, planes[2][row * w + x]);
            }
        }
    });
    Ok(frame)
}

/// One raw frame: each plane's rows back to back without padding.
fn load_raw(
    path: &str,
    format: &'static PixelFormat,
    (width, height): (usize, usize),
) -> Result<PixelBuffer> {
    let data = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let frame = PixelBuffer::new(format, width, height)?;
    let needed: usize = plane_layouts(format, width, height, &LayoutOptions::default())
        .map_err(|e| format!("{e:?}"))?
        .planes
        .iter()
        .map(|p| p.row_length * p.height)
        .sum();
    if data.len() < needed {
        return Err(format!(
            "{path}: {} bytes, a {width}x{height} {} frame needs {needed}",
            data.len(),
            format.name
        ));
    }
    let mut offset = 0;
    frame.rows(true, |_, _, bytes| {
        bytes.copy_from_slice(&data[offset..offset + bytes.len()]);
        offset += bytes.len();
    });
    Ok(frame)
}

fn convert(o: Options) -> Result<()> {
    let source = match (&o.input, &o.raw) {
        (Some(path), None) => load_y4m(path)?,
        (None, Some(path)) => load_raw(
            path,
            o.raw_format.ok_or("--raw needs --format")?,
            o.in_size.or(o.size).ok_or("--raw needs --in-size")?,
        )?,
        _ => return Err(USAGE.to_owned()),
    };
    if let Some(m) = &o.matrix {
        // SAFETY: reading immortal exported constants.
        let value = unsafe {
            match m.as_str() {
                "601" => kCVImageBufferYCbCrMatrix_ITU_R_601_4,
                "709" => kCVImageBufferYCbCrMatrix_ITU_R_709_2,
                "2020" => kCVImageBufferYCbCrMatrix_ITU_R_2020,
                other => return Err(format!("--matrix {other}: use 601, 709 or 2020")),
            }
        };
        // SAFETY: reading an immortal exported constant.
        source.tag(unsafe { kCVImageBufferYCbCrMatrixKey }, value);
    }
    let (width, height) = o.size.unwrap_or((source.width, source.height));
    let destination = PixelBuffer::new(o.to, width, height)?;
    let session = Session::new()?;
    if let Some(mode) = &o.mode {
        session.scaling_mode(mode)?;
    }
    let start = Instant::now();
    session.transfer(&source, &destination)?;
    println!(
        "{} {}x{} -> {} {}x{}: {:.2} ms",
        source.format.name,
        source.width,
        source.height,
        destination.format.name,
        destination.width,
        destination.height,
        start.elapsed().as_secs_f64() * 1e3
    );
    if let Some(path) = &o.out {
        let mut bytes = Vec::new();
        destination.rows(false, |_, _, row| bytes.extend_from_slice(row));
        std::fs::write(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
        println!(
            "wrote {path} ({} bytes, rows {:?} bytes long per plane)",
            bytes.len(),
            destination.row_lengths()
        );
    }
    if let Some(path) = &o.png {
        write_png(&session, &destination, path)?;
        println!("wrote {path}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.is_empty() {
        demo()
    } else {
        parse_args(&args).and_then(convert)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
