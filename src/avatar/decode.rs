//! PNG, JPEG, GIF and WebP bytes into RGBA pixels, with each format's own small decoder (the
//! ones the `image` crate wraps, without its colour management and encoders), then the square
//! of pixels the cells are drawn from.

use std::io::Cursor;
use std::num::NonZeroU64;

use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

/// Decoding stops beyond these, so a hostile server cannot make us allocate gigabytes from a
/// small, highly compressed file.
pub(super) const MAX_SIDE: u32 = 4096;
const MAX_ALLOC: u64 = 64 * 1024 * 1024;

/// Pixels as RGBA bytes, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Pixels {
    pub fn get(&self, x: u32, y: u32) -> [u8; 4] {
        let i = (y as usize * self.width as usize + x as usize) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2], self.rgba[i + 3]]
    }
}

/// Decode by the file's own signature (a server's `Content-Type` is not trusted): PNG, JPEG,
/// GIF (its first frame) or WebP (the first frame of an animation).
pub(super) fn rgba(bytes: &[u8]) -> Result<Pixels, String> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        gif(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else {
        Err("not a PNG, JPEG, GIF or WebP image".into())
    }
}

/// Refuses sizes beyond the limits before anything is allocated for them.
fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 {
        return Err("the image is empty".into());
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) * 4 > MAX_ALLOC {
        return Err(format!("the image is too large ({width}×{height})"));
    }
    Ok(())
}

fn png(bytes: &[u8]) -> Result<Pixels, String> {
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: MAX_ALLOC as usize });
    // 8 bits per channel, palettes and low bit depths expanded, tRNS as alpha.
    decoder.set_transformations(png::Transformations::normalize_to_color8() | png::Transformations::ALPHA);
    let header = decoder.read_header_info().map_err(|e| e.to_string())?;
    check_size(header.width, header.height)?;
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buffer = vec![0; reader.output_buffer_size().ok_or("the image is too large")?];
    let frame = reader.next_frame(&mut buffer).map_err(|e| e.to_string())?;
    buffer.truncate(frame.buffer_size());
    let rgba = match frame.color_type {
        png::ColorType::Rgba => buffer,
        png::ColorType::Rgb => buffer.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::GrayscaleAlpha => buffer.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Grayscale => buffer.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err("an indexed PNG was not expanded".into()),
    };
    Ok(Pixels { width: frame.width, height: frame.height, rgba })
}

fn jpeg(bytes: &[u8]) -> Result<Pixels, String> {
    let options = DecoderOptions::default()
        .set_max_width(MAX_SIDE as usize)
        .set_max_height(MAX_SIDE as usize)
        .jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(|e| e.to_string())?;
    let info = decoder.info().ok_or("the JPEG has no header")?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(width, height)?;
    let rgb = decoder.decode().map_err(|e| e.to_string())?;
    if rgb.len() != width as usize * height as usize * 3 {
        return Err("the JPEG decoded to an unexpected size".into());
    }
    Ok(Pixels { width, height, rgba: rgb.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect() })
}

fn gif(bytes: &[u8]) -> Result<Pixels, String> {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    options.set_memory_limit(gif::MemoryLimit::Bytes(NonZeroU64::new(MAX_ALLOC).unwrap_or(NonZeroU64::MIN)));
    let mut decoder = options.read_info(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let (width, height) = (u32::from(decoder.width()), u32::from(decoder.height()));
    check_size(width, height)?;
    let frame = decoder.read_next_frame().map_err(|e| e.to_string())?.ok_or("the GIF has no frame")?;
    // The first frame on the transparent canvas of the logical screen, clipped to it.
    let mut rgba = vec![0; width as usize * height as usize * 4];
    let frame_width = usize::from(frame.width);
    for (row, line) in frame.buffer.chunks_exact(frame_width * 4).take(usize::from(frame.height)).enumerate() {
        let y = usize::from(frame.top) + row;
        let left = usize::from(frame.left);
        if y >= height as usize || left >= width as usize {
            continue;
        }
        let visible = frame_width.min(width as usize - left);
        let start = (y * width as usize + left) * 4;
        rgba[start..start + visible * 4].copy_from_slice(&line[..visible * 4]);
    }
    Ok(Pixels { width, height, rgba })
}

fn webp(bytes: &[u8]) -> Result<Pixels, String> {
    let mut decoder = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    decoder.set_memory_limit(MAX_ALLOC as usize);
    let (width, height) = decoder.dimensions();
    check_size(width, height)?;
    let mut buffer = vec![0; decoder.output_buffer_size().ok_or("the image is too large")?];
    decoder.read_image(&mut buffer).map_err(|e| e.to_string())?;
    let rgba = if decoder.has_alpha() {
        buffer
    } else {
        buffer.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect()
    };
    Ok(Pixels { width, height, rgba })
}

/// Centre-crop to a square (avatars usually are already) and scale it to `columns`×`rows`
/// pixels, each the alpha-weighted mean of the source pixels it covers (so a transparent pixel
/// does not darken its neighbours' colour).
pub(super) fn square(pixels: &Pixels, columns: u32, rows: u32) -> Pixels {
    let side = pixels.width.min(pixels.height).max(1);
    let (left, top) = ((pixels.width - side) / 2, (pixels.height - side) / 2);
    // Source span [start, end) of output index `i` of `n`: at least one pixel when upscaling.
    let span = |i: u32, n: u32| {
        let start = (u64::from(i) * u64::from(side) / u64::from(n)) as u32;
        let end = ((u64::from(i + 1) * u64::from(side) / u64::from(n)) as u32).max(start + 1);
        start..end.min(side)
    };
    let stride = pixels.width as usize * 4;
    let mut rgba = Vec::with_capacity(columns as usize * rows as usize * 4);
    for row in 0..rows {
        let ys = span(row, rows);
        for column in 0..columns {
            let xs = span(column, columns);
            let (mut weight, mut sum, mut count) = (0u64, [0u64; 3], 0u64);
            for y in ys.clone() {
                let start = (top + y) as usize * stride + (left + xs.start) as usize * 4;
                let end = start + xs.len() * 4;
                for p in pixels.rgba[start..end].chunks_exact(4) {
                    let a = u64::from(p[3]);
                    weight += a;
                    sum[0] += u64::from(p[0]) * a;
                    sum[1] += u64::from(p[1]) * a;
                    sum[2] += u64::from(p[2]) * a;
                }
                count += xs.len() as u64;
            }
            let colour = |s: u64| s.checked_div(weight).unwrap_or(0) as u8;
            rgba.extend([colour(sum[0]), colour(sum[1]), colour(sum[2]), (weight / count.max(1)) as u8]);
        }
    }
    Pixels { width: columns, height: rows, rgba }
}
