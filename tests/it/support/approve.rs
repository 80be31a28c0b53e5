//! Act as the person in the browser: post the authorize form and read the code off the page.

/// POST the authorize form for `authorize_url` as `username`; returns the HTML answer.
pub async fn approve(authorize_url: &str, username: &str) -> String {
    let url = url::Url::parse(authorize_url).expect("authorize URL");
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("username".into(), username.into()));
    form.push(("decision".into(), "approve".into()));
    let mut post = url.clone();
    post.set_query(None);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = client.post(post).form(&form).send().await.expect("post authorize form");
    assert!(response.status().is_success(), "authorize form answered {}", response.status());
    response.text().await.unwrap()
}

/// The out-of-band code on the page: mastokey's demo server marks it with an id, mastodon-mock
/// writes "Authorization code: ...".
pub fn code_from_page(html: &str) -> String {
    for marker in ["id=\"authorization_code\">", "Authorization code: "] {
        if let Some(start) = html.find(marker) {
            let rest = &html[start + marker.len()..];
            let end = rest.find('<').unwrap_or(rest.len());
            return rest[..end].trim().to_owned();
        }
    }
    panic!("no code on the page:\n{html}");
}
