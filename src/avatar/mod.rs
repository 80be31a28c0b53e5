//! The account's avatar as half-block cells: each terminal cell shows two pixels, the upper one as
//! the colour of `▀` and the lower one as the cell's background. It works in every terminal with
//! colours, over SSH and inside tmux, where image protocols (kitty, sixel) often do not.

mod decode;

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use url::Url;

use crate::mastodon::ServerOrigin;
use crate::mastodon::address::url_is_loopback;

/// Cells the avatar takes: 16 columns by 8 rows is a square of 16×16 pixels, since a cell is
/// about twice as tall as it is wide.
pub const COLUMNS: u32 = 16;
pub const ROWS: u32 = 8;

/// A pixel at least this opaque is drawn; a more transparent one shows the terminal's background.
const OPAQUE: u8 = 128;

/// How colours reach the terminal: 24-bit where it says it supports them (`COLORTERM`), else the
/// 256-colour palette every colour terminal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    TrueColor,
    #[default]
    Indexed256,
}

impl Palette {
    pub fn from_env() -> Self {
        match std::env::var("COLORTERM") {
            Ok(v) if v.eq_ignore_ascii_case("truecolor") || v.eq_ignore_ascii_case("24bit") => Palette::TrueColor,
            _ => Palette::Indexed256,
        }
    }

    fn color(self, [r, g, b, _]: [u8; 4]) -> Color {
        match self {
            Palette::TrueColor => Color::Rgb(r, g, b),
            Palette::Indexed256 => Color::Indexed(xterm_256(r, g, b)),
        }
    }
}

/// The avatar, ready to draw: `ROWS` lines of `COLUMNS` cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avatar {
    pub lines: Vec<Line<'static>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AvatarError {
    #[error("{}", crate::tr!("avatar-undecodable", detail = .0))]
    Undecodable(String),
}

/// The avatar URL to fetch for a profile of `server`, if it is one we may fetch: on the server's
/// own origin (plain http there only because the server itself is on this computer), or https
/// anywhere but this computer. A server names the avatar, so without this rule any server could
/// make mastokey send GET requests to the services on the user's machine; redirects cannot lead
/// there either, since a GET follows only same-origin ones ([`crate::mastodon::client`]).
pub fn fetchable(url: &str, server: &ServerOrigin) -> Option<Url> {
    let url = Url::parse(url).ok()?;
    if ServerOrigin::of(&url) == *server {
        return Some(url);
    }
    (url.scheme() == "https" && !url_is_loopback(&url)).then_some(url)
}

/// Decode PNG, JPEG, GIF (its first frame) or WebP bytes and turn them into cells.
pub fn decode(bytes: &[u8], palette: Palette) -> Result<Avatar, AvatarError> {
    let pixels = decode::rgba(bytes).map_err(AvatarError::Undecodable)?;
    Ok(Avatar { lines: cells(&decode::square(&pixels, COLUMNS, ROWS * 2), palette) })
}

fn cells(pixels: &decode::Pixels, palette: Palette) -> Vec<Line<'static>> {
    (0..ROWS)
        .map(|row| {
            let spans = (0..COLUMNS).map(|col| {
                let upper = pixels.get(col, row * 2);
                let lower = pixels.get(col, row * 2 + 1);
                cell(visible(upper, palette), visible(lower, palette))
            });
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}

fn visible(pixel: [u8; 4], palette: Palette) -> Option<Color> {
    (pixel[3] >= OPAQUE).then(|| palette.color(pixel))
}

/// One cell of two pixels; a transparent half leaves the terminal's own background showing.
fn cell(upper: Option<Color>, lower: Option<Color>) -> Span<'static> {
    match (upper, lower) {
        (Some(u), Some(l)) => Span::styled("▀", Style::new().fg(u).bg(l)),
        (Some(u), None) => Span::styled("▀", Style::new().fg(u)),
        (None, Some(l)) => Span::styled("▄", Style::new().fg(l)),
        (None, None) => Span::raw(" "),
    }
}

/// The nearest colour of xterm's 256-colour palette: the 6×6×6 cube or the 24 greys.
fn xterm_256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| LEVELS.iter().enumerate().min_by_key(|(_, l)| l.abs_diff(v)).map_or(0, |(i, _)| i as u8);
    let (cr, cg, cb) = (level(r), level(g), level(b));
    let cube = 16 + 36 * cr + 6 * cg + cb;
    let cube_rgb = [LEVELS[cr as usize], LEVELS[cg as usize], LEVELS[cb as usize]];
    let mean = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8;
    let grey_index = (mean.saturating_sub(3) / 10).min(23);
    let grey = 8 + 10 * grey_index;
    let distance = |[pr, pg, pb]: [u8; 3]| {
        let d = |a: u8, b: u8| u32::from(a.abs_diff(b)).pow(2);
        d(r, pr) + d(g, pg) + d(b, pb)
    };
    if distance([grey, grey, grey]) < distance(cube_rgb) { 232 + grey_index } else { cube }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The same 32×32 picture, 2×2 pixels per cell, in each format (written by the `image` crate,
    /// an encoder independent of the decoders read here): red above, blue below, a transparent
    /// right half (black in the JPEG, which has no alpha).
    const PNG: &[u8] = include_bytes!("fixtures/red-blue.png");
    const JPEG: &[u8] = include_bytes!("fixtures/red-blue.jpg");
    const GIF: &[u8] = include_bytes!("fixtures/red-blue.gif");
    const WEBP: &[u8] = include_bytes!("fixtures/red-blue.webp");

    /// A PNG of `width`×`height` pixels coloured by `colour(x, y)`, from the png crate's encoder.
    pub(crate) fn png_of(width: u32, height: u32, colour: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().expect("header");
        let data: Vec<u8> =
            (0..height).flat_map(|y| (0..width).map(move |x| (x, y))).flat_map(|(x, y)| colour(x, y)).collect();
        writer.write_image_data(&data).expect("data");
        writer.finish().expect("finish");
        out
    }

    fn styles(avatar: &Avatar, row: usize) -> Vec<(String, Style)> {
        avatar.lines[row].spans.iter().map(|s| (s.content.to_string(), s.style)).collect()
    }

    #[test]
    fn a_png_becomes_a_square_of_half_blocks_with_transparency_kept() {
        let avatar = decode(PNG, Palette::TrueColor).expect("decodes");
        assert_eq!(avatar.lines.len(), ROWS as usize);
        assert!(avatar.lines.iter().all(|l| l.spans.len() == COLUMNS as usize));
        let top = styles(&avatar, 0);
        assert_eq!(top[0], ("▀".into(), Style::new().fg(Color::Rgb(255, 0, 0)).bg(Color::Rgb(255, 0, 0))));
        assert_eq!(top[15], (" ".into(), Style::new()), "the transparent half shows the terminal");
        let bottom = styles(&avatar, 7);
        assert_eq!(bottom[0], ("▀".into(), Style::new().fg(Color::Rgb(0, 0, 255)).bg(Color::Rgb(0, 0, 255))));
    }

    #[test]
    fn jpeg_gif_and_webp_decode_to_the_same_cells() {
        let red_blue = |avatar: &Avatar, transparent_right: bool| {
            let (top, bottom) = (styles(avatar, 0), styles(avatar, 7));
            assert_eq!(top[0].1, Style::new().fg(Color::Indexed(196)).bg(Color::Indexed(196)));
            assert_eq!(bottom[0].1, Style::new().fg(Color::Indexed(21)).bg(Color::Indexed(21)));
            assert_eq!(top[15].0 == " ", transparent_right);
        };
        red_blue(&decode(JPEG, Palette::Indexed256).expect("jpeg"), false);
        red_blue(&decode(GIF, Palette::Indexed256).expect("gif"), true);
        red_blue(&decode(WEBP, Palette::Indexed256).expect("webp"), true);
    }

    #[test]
    fn grey_and_tiny_pictures_fill_the_square() {
        let one = decode(&png_of(1, 1, |_, _| [200, 200, 200, 255]), Palette::TrueColor).expect("1×1");
        let grey = Style::new().fg(Color::Rgb(200, 200, 200)).bg(Color::Rgb(200, 200, 200));
        assert!(one.lines.iter().all(|l| l.spans.iter().all(|s| s.style == grey)));
        // A wide picture is cropped to its centre square: only the middle (green) third is seen.
        let wide = png_of(300, 100, |x, _| if (100..200).contains(&x) { [0, 255, 0, 255] } else { [255, 0, 0, 255] });
        let avatar = decode(&wide, Palette::TrueColor).expect("wide");
        let green = Style::new().fg(Color::Rgb(0, 255, 0)).bg(Color::Rgb(0, 255, 0));
        assert!(avatar.lines.iter().all(|l| l.spans.iter().all(|s| s.style == green)));
    }

    #[test]
    fn the_256_colour_palette_gets_the_nearest_colour() {
        assert_eq!(xterm_256(255, 0, 0), 196);
        assert_eq!(xterm_256(0, 0, 255), 21);
        assert_eq!(xterm_256(128, 128, 128), 244);
        assert_eq!(xterm_256(255, 255, 255), 231);
        assert_eq!(xterm_256(0, 0, 0), 16);
    }

    #[test]
    fn garbage_and_oversized_images_are_refused() {
        assert!(matches!(decode(b"<html>not found</html>", Palette::TrueColor), Err(AvatarError::Undecodable(_))));
        let wide = png_of(decode::MAX_SIDE + 1, 1, |_, _| [0, 0, 0, 255]);
        assert!(decode(&wide, Palette::TrueColor).is_err());
        for truncated in [&PNG[..PNG.len() / 2], &JPEG[..JPEG.len() / 2], &GIF[..20], &WEBP[..30]] {
            assert!(decode(truncated, Palette::TrueColor).is_err(), "a cut-off file is refused");
        }
    }

    #[test]
    fn https_elsewhere_or_the_servers_own_origin_is_fetched() {
        let remote = ServerOrigin::parse("https://example.social");
        assert!(fetchable("https://files.example/a.png", &remote).is_some());
        assert!(fetchable("https://example.social/system/a.png", &remote).is_some());
        assert!(fetchable("http://files.example/a.png", &remote).is_none());
        assert!(fetchable("http://example.social/a.png", &remote).is_none(), "not down to http");
        assert!(fetchable("file:///etc/passwd", &remote).is_none());
        assert!(fetchable("", &remote).is_none());
        // A server on this computer (the demo, a test server) serves its own avatars over http.
        let local = ServerOrigin::parse("http://127.0.0.1:3000");
        assert!(fetchable("http://127.0.0.1:3000/avatars/a.png", &local).is_some());
        assert!(fetchable("https://files.example/a.png", &local).is_some());
    }

    #[test]
    fn no_other_service_on_this_computer_is_fetched() {
        for server in ["https://example.social", "http://127.0.0.1:3000"] {
            let server = ServerOrigin::parse(server);
            for url in [
                "http://127.0.0.1:9200/_shutdown",
                "http://127.1.2.3:3000/a.png",
                "http://localhost:3000/a.png",
                "http://[::1]:3000/a.png",
                "https://127.0.0.1:8443/a.png",
                "https://localhost/a.png",
                "https://[::1]/a.png",
                "http://127.0.0.1:3001/a.png",
            ] {
                assert!(fetchable(url, &server).is_none(), "{url} for {server}");
            }
        }
    }
}
