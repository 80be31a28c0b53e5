//! What the demo server sends back: hyper responses with a JSON, HTML, redirect or streamed body.

use std::convert::Infallible;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::StatusCode;
use hyper::body::{Bytes, Frame};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, LOCATION};

/// A whole body or a streamed one; hyper adds `Content-Length` when the length is known, and
/// leaves the body out of answers to `HEAD`.
pub(crate) type Body = BoxBody<Bytes, Infallible>;
pub(crate) type Answer = hyper::Response<Body>;

pub(crate) const JSON: &str = "application/json; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// This status with a whole body of this media type.
pub(crate) fn with_body(status: u16, content_type: &str, body: impl Into<Bytes>) -> Answer {
    framed(status, Full::new(body.into()).boxed()).with_header(CONTENT_TYPE, content_type)
}

pub(crate) fn json(status: u16, value: &serde_json::Value) -> Answer {
    with_body(status, JSON, value.to_string())
}

pub(crate) fn html(status: u16, page: String) -> Answer {
    with_body(status, HTML, page)
}

/// Rails' redirect: a 3xx, the `Location`, and a line of HTML for whoever looks.
pub(crate) fn redirect(status: u16, location: &str) -> Answer {
    with_body(status, HTML, "<html><body>You are being redirected.</body></html>").with_header(LOCATION, location)
}

/// 200 with a JSON document of exactly `size` bytes, streamed from one static buffer, so a huge
/// answer costs no memory.
pub(crate) fn padding(size: usize) -> Answer {
    static XS: [u8; 16 * 1024] = [b'x'; 16 * 1024];
    static SPACES: [u8; 16] = [b' '; 16];
    // `{"padding":"xxx…"}` when there is room for it, else spaces (still a valid JSON prefix).
    let (open, close, filler): (&'static [u8], &'static [u8], &'static [u8]) =
        if size >= 14 { (b"{\"padding\":\"", b"\"}", &XS) } else { (b"", b"", &SPACES) };
    let middle = size - open.len() - close.len();
    let slices = (0..middle).step_by(filler.len()).map(move |at| &filler[..filler.len().min(middle - at)]);
    let chunks = std::iter::once(open)
        .chain(slices)
        .chain(std::iter::once(close))
        .filter(|chunk| !chunk.is_empty())
        .map(|chunk| Ok(Frame::data(Bytes::from_static(chunk))));
    // A stream has no length of its own: the header tells hyper, which then sends exactly that.
    framed(200, StreamBody::new(futures::stream::iter(chunks)).boxed())
        .with_header(CONTENT_TYPE, JSON)
        .with_header(CONTENT_LENGTH, &size.to_string())
}

/// Statuses hyper cannot send (outside 100–999) become 500.
fn framed(status: u16, body: Body) -> Answer {
    let mut answer = hyper::Response::new(body);
    *answer.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    answer
}

pub(crate) trait WithHeader {
    fn with_header(self, name: HeaderName, value: &str) -> Self;
}

impl WithHeader for Answer {
    fn with_header(mut self, name: HeaderName, value: &str) -> Self {
        // Values come from our own code, but a stray newline must never split a header.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        if let Ok(value) = HeaderValue::from_bytes(value.as_bytes()) {
            self.headers_mut().append(name, value);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(answer: Answer) -> Vec<u8> {
        answer.into_body().collect().await.map(|c| c.to_bytes().to_vec()).unwrap_or_default()
    }

    #[tokio::test]
    async fn padding_is_exactly_as_long_as_asked_and_valid_json() {
        for size in [0, 1, 13, 14, 15, 16 * 1024 + 13, 16 * 1024 + 14, 100_000] {
            let answer = padding(size);
            assert_eq!(answer.headers()[CONTENT_LENGTH], size.to_string().as_str());
            let body = body_of(answer).await;
            assert_eq!(body.len(), size);
            if size >= 14 {
                assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok(), "{size}");
            }
        }
    }

    #[test]
    fn header_values_cannot_be_split_and_odd_statuses_become_500() {
        let answer = redirect(302, "http://a/\r\nSet-Cookie: x").with_header(HeaderName::from_static("x-n"), "1");
        assert_eq!(answer.headers()[LOCATION], "http://a/Set-Cookie: x");
        assert_eq!(with_body(42, "text/plain", "").status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
