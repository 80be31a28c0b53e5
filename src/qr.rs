//! The authorize URL as a QR code matrix, for logging in from a phone.

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code; the standard asks for 4, phones read 2 fine on a screen, and
/// every module saved matters in a terminal.
const QUIET_ZONE: usize = 2;

/// Dark (true) and light modules, quiet zone included, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Low error correction keeps the code as small as possible: a screen is not a dirty poster.
    pub fn new(text: &str) -> Option<Self> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let inner = code.width();
        let size = inner + 2 * QUIET_ZONE;
        let colors = code.to_colors();
        let mut dark = vec![false; size * size];
        for y in 0..inner {
            for x in 0..inner {
                dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = colors[y * inner + x] == Color::Dark;
            }
        }
        Some(Self { size, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Terminal cells needed with two modules stacked in each cell: (columns, rows).
    pub fn cells(&self) -> (u16, u16) {
        (self.size as u16, self.size.div_ceil(2) as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typical_authorize_url_has_a_known_size_and_finder_patterns() {
        let url = format!(
            "https://mastodon.social/oauth/authorize?response_type=code&client_id={}&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scope=profile&state={}&code_challenge={}&code_challenge_method=S256",
            "a".repeat(43),
            "b".repeat(43),
            "c".repeat(43)
        );
        let qr = QrMatrix::new(&url).unwrap();
        assert_eq!((qr.size - 2 * QUIET_ZONE - 17) % 4, 0, "a QR version's width is 17 + 4v");
        // The top-left finder pattern: a dark 7×7 ring just inside the quiet zone.
        assert!(qr.is_dark(QUIET_ZONE, QUIET_ZONE) && qr.is_dark(QUIET_ZONE + 6, QUIET_ZONE + 6));
        assert!(!qr.is_dark(QUIET_ZONE + 1, QUIET_ZONE + 1));
        assert!(!qr.is_dark(0, 0), "quiet zone is light");
        assert_eq!(qr.cells(), (qr.size as u16, qr.size.div_ceil(2) as u16));
    }
}
