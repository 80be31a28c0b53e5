## The screens' own texts: header, status line, help, dialogs.
## 文はです・ます調、ラベル・枠の題・ボタンは短い名詞句。日本語とラテン文字・数字・変数の間は
## 半角スペース 1 つ、全角の句読点・括弧の前後には入れない。

step-server = サーバー
step-scopes = スコープ
step-authorize = 承認
step-code = コード
step-profile = プロフィール
step-of = ステップ { $number }/5：{ $name }
screen-accounts = アカウント
demo-banner = デモ用の架空サーバー
spinner-cancel = （{ $key } で中止）

help-title = ヘルプ
help-title-keys = この画面のキー
help-text-box = 文字キーで入力欄に入力できます。貼り付けも通常どおり使えます。
help-mouse = マウス：行や、下部のキー表示をクリックできます。
help-close = { $key } でこのヘルプを閉じます。

confirm-copy-title = トークンをコピー
confirm-copy-question = @{ $account } のアクセストークンをコピーしますか？
confirm-copy-detail = クリップボードを読み取れるプログラムなら、どれでもこのアカウントとして操作できるようになります。
confirm-copy-yes = コピーする
confirm-logout-title = ログアウト
confirm-logout-question = @{ $account } からログアウトしますか？
confirm-logout-detail = サーバーがトークンを取り消し、その後 mastokey がこのログイン情報を削除します。
confirm-logout-yes = ログアウトする
confirm-forget-title = それでも削除しますか？
confirm-forget-question = @{ $account } のログイン情報をそれでも削除しますか？
confirm-forget-detail = サーバーの設定の「認証済みアプリ」で mastokey を取り消すまで、トークンは有効なままの可能性があります。
confirm-forget-yes = 削除する
unadvertised-title = 一覧にないスコープ
unadvertised-lead = サーバーは次のスコープを一覧に載せていません：
unadvertised-question = 登録を拒否されるか、無視される可能性があります。それでも要求しますか？
unadvertised-yes = 続行する
add-identity-title = 本人確認のスコープを追加
add-identity-lead = 選んだスコープでは、このトークンが誰のものかを mastokey が確認できません。
add-identity-why = そのためのスコープがないと、アカウントを表示することも、その名前でログイン情報を保存することもできません。
add-identity-question = { $scope } を追加しますか？{" "}
add-identity-yes = { $scope } を追加

preset-identity = 本人確認のみ
preset-read-only = 読み取り専用
preset-read-write = 読み書き
preset-all-but-admin = 管理以外すべて
scopes-nothing-chosen = （まだ何も選択されていません）
scopes-what-it-allows = できること
scopes-string-title = 要求するスコープ文字列
scopes-description-cut = ウィンドウを高くすると続きを表示します
scopes-tree-title = スコープ
more-rows = 他 { $count } 件
scope-deprecated-mark = (非推奨)
scope-unlisted-mark = (サーバーの一覧にない)
scope-admin-warning = 管理者用スコープ：モデレーション用のツール専用です。トークンはパスワードと同様に扱ってください。
scope-needs-version = Mastodon { $version } 以降が必要です。
scope-unlisted-note = このサーバーはこのスコープを一覧に載せていません。選ぶと確認を求められます。
card-active-users = アクティブ { $shown } 人
card-signups-approval = 登録には承認が必要
card-signups-open = 誰でも登録可
card-signups-closed = 登録停止中

instance-question = あなたのアカウントはどのサーバーにありますか？
instance-box = サーバー
instance-hint = ドメインを入力して { $key } を押してください。パスワードはここでは入力しません。ログインはサーバー自身のページで行います。
instance-examples = 例
instance-example-handle = （ユーザー ID でも可）

authorize-preparing = 承認用 URL を準備しています…
authorize-none = 承認用 URL はまだありません。{ $key } を押して準備してください。
authorize-open-this = ブラウザで次のアドレスを開いて承認してください：
authorize-scopes = スコープ：{ $scopes }
authorize-pkce = PKCE（S256）と新しい state で保護されています。
authorize-url-title = 承認用 URL
authorize-paste-mode = 貼り付けモード：承認するとサーバーにコードが表示されます。{ $key } を押して貼り付けてください。
authorize-switch-to-automatic = （{ $key }：ブラウザからコードを自動で受け取る方法に切り替え）
authorize-automatic-mode = 自動モード：承認すると、ブラウザが { $uri } で待つ mastokey にコードを返します。
authorize-switch-to-paste = （{ $key }：コードを貼り付ける方法に切り替え。ブラウザが別の端末にある場合など）
authorize-waiting = ブラウザからの応答を待っています…
authorize-waiting-left = ブラウザからの応答を待っています…（残り { $time }）
authorize-not-listening = ブラウザからの応答の待ち受けを終了しました（{ $key } で新しい試行を開始）。
registration-saved-earlier = { $date } に保存した mastokey の登録情報を使用しています（{ $key } で登録し直す）。
registration-just-now-saving = mastokey をこのサーバーに登録しました。登録情報を保存しています…
registration-just-now-saved = mastokey をこのサーバーに登録しました（次回用に保存）。
registration-just-now-unsaved = mastokey をこのサーバーに登録しましたが、登録情報はまだ保存できていません（{ $error }）。ログイン情報と一緒に保存されます。

code-ask-automatic = コードはブラウザから自動で返されます。または、ここにコードを貼り付けてください：
code-ask-paste = mastokey を承認した後にサーバーが表示したコードを貼り付けてください：
code-box = 認証コード
code-hint = コードの前後の空白や改行は無視されます。コードは 1 回だけ、数分間のみ有効です。
code-url-label = 承認用 URL（{ $key } でもう一度開く）：
code-url-label-plain = 承認用 URL：

qr-phone-loopback = スマートフォンからはこのコンピューターの 127.0.0.1 に接続できません。先に { $key } を押して貼り付けモードにしてください。
qr-hint = スマートフォンのカメラで読み取ると、そちらでログインできます。{ $back } または { $key } で閉じます。
qr-preparing = QR コード用の承認 URL を準備しています…
qr-too-small = QR コードの表示には { $needed } 以上の端末が必要です（現在は { $size }）。ウィンドウを広げるか、フォントを小さくしてください。収まりしだい表示されます。{ $key } で閉じます。

profile-reading = ログインしました。プロフィールを読み込んでいます…
profile-token = トークン
profile-scopes-granted = 許可されたスコープ
profile-scopes-requested = 要求したスコープ
profile-not-granted = 許可されなかったスコープ：{ $scopes }
profile-saving = 保存中
profile-saved-in = 保存先
profile-token-saved-in = トークンの保存先
profile-keyring = システムのキーリング（Secret Service）
profile-details-in = ログイン情報の保存先
profile-keyring-fallback = システムのキーリングを使えなかったため、トークンはこの 0600 のファイルに保存されています（{ $reason }）。
profile-demo-login = デモ用のログイン：一時ディレクトリに保存され、mastokey の終了時に削除されます。
profile-moved = このアカウントは { $account } に引っ越しました。
profile-joined = 登録日
profile-last-post = 最終投稿
profile-never = なし
profile-verified = 確認済み
profile-posts = { $shown } 投稿
profile-following = { $shown } フォロー
profile-followers = { $shown } フォロワー
flag-bot = Bot
flag-locked = 承認制（フォローには承認が必要）
flag-group = グループ
flag-role = 役割：{ $role }
flag-moved = 引っ越し済み
default-visibility = 投稿の公開範囲
default-sensitive = メディアの閲覧注意
default-language = 投稿の言語
answer-yes = はい
answer-no = いいえ
visibility-public = 公開
visibility-unlisted = 未収載
visibility-private = フォロワー限定
visibility-direct = ダイレクト

accounts-intro = ログイン情報 { $count } 件を保存済み。選択するか、{ $key } で追加します。
accounts-title = ログイン情報
accounts-server = サーバー
accounts-scopes = スコープ
accounts-logged-in = ログイン日
accounts-status-works = 有効
accounts-status-revoked = 取り消し済み
accounts-status-unchecked = 未確認
accounts-checked = { $date } に確認
accounts-never-checked = 確認履歴なし
demo-banner-short = デモ
code-url-cut = URL の全体は前の画面にあります（{ $key }）
scopes-presets = プリセット：{ $presets }
accounts-more-scopes = +他 { $count } 件
accounts-scopes-unknown = 不明
accounts-made-elsewhere = 他で作成したトークン
accounts-is-default = 既定のアカウント

kind-other = Mastodon 互換サーバー
adapt-identity-scope = このサーバーは OAuth メタデータを公開していないため、本人確認のスコープは { $scope } です。
adapt-no-pkce = PKCE に対応していないため送信しません（ログインは state で保護されます）。
adapt-exact-redirect = リダイレクト URI を完全一致で比べるため、ループバックのリダイレクトはポート番号付きで登録します。
adapt-no-account-choice = force_login を無視します。別のアカウントを追加するには、先にブラウザでログアウトしてください。
adapt-forgets-registration = トークンを取り消すとアプリも削除するため、ログアウト時に登録情報も削除します。

## issue 15: refresh

header-refresh = { $server } の @{ $account } のスコープを変更
