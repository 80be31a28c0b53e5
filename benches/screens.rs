//! How long drawing and updating take: every screen rendered at 200×60, key handling, and the
//! bio conversion. Targets (DESIGN.md): every screen under 1 ms at 200×60.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use mastokey::app::fixtures::*;
use mastokey::app::{Action, App, update};

fn render(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function(&format!("render {name} 200x60"), |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    black_box(mastokey::ui::draw(f, black_box(app)));
                })
                .unwrap();
        })
    });
}

fn screens(c: &mut Criterion) {
    render(c, "instance", &mastokey::app::App::new(settings()));
    let mut scopes = at_scopes(server(true));
    for code in [KeyCode::Down, KeyCode::Right, KeyCode::Down, KeyCode::Char(' ')] {
        press(&mut scopes, code);
    }
    render(c, "scopes", &scopes);
    render(c, "authorize", &at_authorize());
    let mut code = at_authorize();
    press(&mut code, KeyCode::Enter);
    type_text(&mut code, "abcdef");
    render(c, "code", &code);
    render(c, "profile", &at_profile(japanese_account()));
}

fn keys(c: &mut Criterion) {
    let mut app = at_scopes(server(true));
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    c.bench_function("update: move and toggle a scope", |b| {
        b.iter(|| {
            black_box(update(&mut app, Action::Key(down)));
            black_box(update(&mut app, Action::Key(space)));
        })
    });
}

fn bio(c: &mut Criterion) {
    let note = japanese_account().note;
    c.bench_function("html::to_text of a bio", |b| {
        b.iter(|| black_box(mastokey::html::to_text(black_box(&note), true)))
    });
}

/// A 400×400 PNG, the size Mastodon serves `avatar_static` at, decoded and scaled to cells.
fn avatar(c: &mut Criterion) {
    let pixels: Vec<u8> =
        (0..400u32).flat_map(|y| (0..400u32).flat_map(move |x| [x as u8, y as u8, 128, 255])).collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, 400, 400);
    encoder.set_color(png::ColorType::Rgba);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    c.bench_function("avatar: decode a 400x400 PNG into cells", |b| {
        b.iter(|| black_box(mastokey::avatar::decode(black_box(&png), mastokey::avatar::Palette::TrueColor)))
    });
    let mut app = at_profile(japanese_account());
    let avatar = mastokey::avatar::decode(&png, mastokey::avatar::Palette::TrueColor).unwrap();
    if let mastokey::app::Screen::Profile(profile) = &mut app.screen
        && let Some(view) = profile.view.as_mut()
    {
        view.avatar = Some(avatar);
    }
    render(c, "profile with avatar", &app);
}

/// What the catalogues cost: parsing every `.ftl` file of a language into a Fluent bundle (what
/// the first text of a run pays, once), and a whole screen drawn in Japanese and in French.
fn catalogues(c: &mut Criterion) {
    use mastokey::i18n::fluent::{FluentBundle, FluentResource};
    use mastokey::i18n::{self, Lang};
    for lang in Lang::ALL {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n").join(lang.code());
        let sources: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
        let id: mastokey::i18n::fluent::LanguageIdentifier = lang.code().parse().unwrap();
        c.bench_function(&format!("catalogues: load the {} messages", lang.code()), |b| {
            b.iter(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
                for source in &sources {
                    let resource = FluentResource::try_new(black_box(source.clone())).unwrap();
                    bundle.add_resource(resource).unwrap();
                }
                black_box(bundle)
            })
        });
    }
    for lang in [Lang::Ja, Lang::Fr] {
        i18n::with(lang, || render(c, &format!("profile in {}", lang.code()), &at_profile(japanese_account())));
    }
}

criterion_group!(benches, screens, keys, bio, avatar, catalogues);
criterion_main!(benches);
