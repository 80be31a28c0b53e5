//! Avatars, headers and emoji for the demo accounts: small PNG identicons made on the fly.
//!
//! The demo has no network, yet the profile screen draws avatars; so the server makes them.
//! The PNG is uncompressed (stored deflate blocks): a few dozen KiB, no image crate needed.

use sha2::{Digest, Sha256};

const SIZE: usize = 120;

/// Image paths this server answers, shaped like Mastodon's media URLs.
pub(crate) fn serves(path: &str) -> bool {
    path.ends_with(".png")
        && ["/system/", "/avatars/", "/headers/", "/packs/"].iter().any(|p| path.starts_with(p))
        && !path.contains("..")
}

/// The image for a path: Mastodon's grey silhouette for `missing.png`, an identicon otherwise.
pub(crate) fn png(path: &str) -> Vec<u8> {
    let pixels = if path.ends_with("/missing.png") { silhouette() } else { identicon(path) };
    encode(SIZE, SIZE, &pixels)
}

/// A 5×5 mirrored pattern in a colour taken from the path's hash, like GitHub's identicons.
fn identicon(seed: &str) -> Vec<[u8; 3]> {
    let hash = Sha256::digest(seed.as_bytes());
    let colour = [64 + hash[0] % 160, 64 + hash[1] % 160, 64 + hash[2] % 160];
    let background = [240, 240, 240];
    let cell = 20;
    let margin = (SIZE - 5 * cell) / 2;
    let mut out = vec![background; SIZE * SIZE];
    for row in 0..5 {
        for col in 0..3 {
            let bit = row * 3 + col;
            if hash[3 + bit / 8] >> (bit % 8) & 1 == 0 {
                continue;
            }
            for mirrored in [col, 4 - col] {
                for y in margin + row * cell..margin + (row + 1) * cell {
                    for x in margin + mirrored * cell..margin + (mirrored + 1) * cell {
                        out[y * SIZE + x] = colour;
                    }
                }
            }
        }
    }
    out
}

/// A head and shoulders in grey, Mastodon's default avatar.
fn silhouette() -> Vec<[u8; 3]> {
    let (bg, fg) = ([217, 225, 232], [155, 164, 173]);
    let mut out = vec![bg; SIZE * SIZE];
    let c = SIZE as i64 / 2;
    for y in 0..SIZE as i64 {
        for x in 0..SIZE as i64 {
            let head = (x - c).pow(2) + (y - 45).pow(2) <= 22 * 22;
            let body = y > 75 && (x - c).pow(2) * 4 + (y - 115).pow(2) * 9 <= 42 * 42 * 4;
            if head || body {
                out[(y as usize) * SIZE + x as usize] = fg;
            }
        }
    }
    out
}

/// An 8-bit RGB PNG with no compression.
fn encode(width: usize, height: usize, pixels: &[[u8; 3]]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(height * (1 + width * 3));
    for row in pixels.chunks(width).take(height) {
        raw.push(0); // filter type: none
        raw.extend(row.iter().flatten());
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        let len = block.len() as u16;
        zlib.push(u8::from(i + 1 == blocks.len()));
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend(adler32(&raw).to_be_bytes());

    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend((width as u32).to_be_bytes());
    ihdr.extend((height as u32).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn png_is_well_formed_and_stable() {
        let a = png("/system/accounts/avatars/ada.png");
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(a.ends_with(&[0xAE, 0x42, 0x60, 0x82]));
        assert_eq!(a, png("/system/accounts/avatars/ada.png"));
        assert_ne!(a, png("/system/accounts/avatars/grace.png"));
        assert!(serves("/avatars/original/missing.png"));
        assert!(!serves("/system/../etc/passwd.png"));
        assert!(!serves("/api/v1/apps"));
    }
}
