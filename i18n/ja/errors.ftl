## Errors of typed input, the browser and the clipboard.

address-empty = サーバーのアドレスを入力してください（例：mastodon.social）。
address-has-path = これはサーバー上のページで、サーバーではありません。{ $domain } のように、ドメインだけを入力してください。
address-has-query = ? や # 以降は除いてください。{ $domain } のように、ドメインだけを入力してください。
address-has-userinfo = @ の前のユーザー名とパスワードを取り除き、{ $domain } のように、サーバーだけを入力してください。
address-bad-port = ポートは 1〜65535 の数値で指定してください。
address-insecure = http:// が使えるのはこのコンピューター（localhost、127.0.0.1、::1）だけです。https://{ $domain } を使ってください。
address-bad-scheme = ここで使えるのは https:// のサーバーアドレスだけです（入力されたのは { $scheme }://）。
address-invalid = 「{ $name }」は有効なサーバー名ではありません。入力ミスがないか確認してください。サーバー名は mastodon.social のような形です。

browser-none = ここではブラウザを起動できませんでした（$BROWSER が未設定で、ディスプレイもありません）。
browser-failed = ブラウザ（{ $command }）を起動できませんでした：{ $detail }。
browser-exit-code = 終了コード { $code } で終了しました
browser-stopped = 停止されました（{ $status }）

copy-system-while-open = クリップボードにコピーしました（mastokey を開いている間だけ使えます）。
copy-system = クリップボードにコピーしました。
copy-osc52 = OSC 52 で端末のクリップボードに送りました（ほとんどの端末で使え、SSH 経由でも使えます）。
copy-osc52-screen = GNU screen を通して、OSC 52 で端末のクリップボードに送りました（ほとんどの端末で使え、SSH 経由でも使えます）。
copy-no-clipboard = システムのクリップボードがなく、端末にも書き込めませんでした（{ $error }）
copy-osc52-tmux-off = OSC 52 で端末に送りましたが、tmux の set-clipboard オプションが「{ $setting }」のため、クリップボードには届いていません。`tmux set -s set-clipboard on` を実行して（または ~/.tmux.conf に `set -s set-clipboard on` を書いて）から、もう一度コピーしてください。

cli-scopes-empty = スコープを 1 つ以上指定してください（例："read:accounts"）
cli-scope-unknown = 不明なスコープ "{ $scope }" です。`mastokey scopes` で既知のスコープとその意味を確認できます

## サーバーとの通信で起きたこと（次に何をすべきかを述べる文の中に入る。句点は付けない）。

api-dns = 名前 { $host } が見つかりませんでした（DNS）
api-refused = { $host } に接続を拒否されました
api-tls = { $host } との安全な接続に失敗しました：{ $detail }
api-timeout = { $host } から時間内に応答がありませんでした
api-connection = { $host } との接続が切れました：{ $detail }
api-status = サーバーが { $path } で { $status } を返しました{ $detail }
api-status-said = （{ $said }）
api-rate-limited = サーバーがリクエストを制限しています。数分後にもう一度試してください
api-rate-limited-until = サーバーがリクエストを制限しています。{ $reset } 以降にもう一度試してください
api-malformed = { $path } の応答は Mastodon サーバーが返すものではありません：{ $detail }
api-too-large = { $path } の応答が { $limit } バイトを超えています
api-not-mastodon = Mastodon サーバーではありません（{ $host } に Mastodon API がありません）
api-redirect-secrets = サーバーは { $path } に対して { $location } への転送を返しました。mastokey は認証情報を別のアドレスに送ることはないため、そこへは何も送っていません
api-redirect-elsewhere = サーバーは { $path } に対して別のサーバー（{ $location }）への転送を返しました。mastokey はこの転送には従いません
api-redirect-loop = サーバーが { $path } をループして転送しました（最後の転送先は { $location }）

# Fixed details of a request that went wrong (inside the sentences above).
detail-web-page = JSON ではなくウェブページ
detail-no-client-credentials = 登録に client_id または client_secret がありません
detail-no-access-token = 応答に access_token がありません
detail-saved-server-not-url = 保存されたサーバーのアドレスが URL ではありません
detail-listener-not-ready = 受信の準備ができていませんでした

## 保存ファイル（logins.json、registrations.json）とそのディレクトリ。

store-io = { $path } を{ $action }できませんでした：{ $error }
store-doing-read = 読み込み
store-doing-write = 書き込み
store-doing-lock = ロック
store-doing-look-at = 確認
store-doing-create-dir = ディレクトリとして作成
store-doing-sync-dir = ディレクトリとして同期
store-doing-move-aside = 読めないファイルとして退避
store-doing-open-lock = ロックファイルとして開くことが
store-corrupt = { $path } を読み取れなかったため、{ $kept } として残し、新しいファイルを作成します
store-newer = { $path } は新しいバージョンの mastokey が書いたものです（形式バージョン { $version }）。使うには mastokey を更新してください（ファイルはそのまま残してあります）
store-no-config-dir = 設定ディレクトリが見つかりませんでした。MASTOKEY_CONFIG_DIR か HOME を設定してください
store-unsafe-owner = { $path } は別のユーザー（uid { $uid }）のもので、そのユーザーが中のログイン情報を読んだり変更したりできるため、mastokey は使いません。`sudo chown $USER { $quoted }` で自分のものにするか、MASTOKEY_CONFIG_DIR に自分のディレクトリを設定してください
store-unsafe-writable = { $path } はほかのユーザーが書き込めるため（パーミッション { $mode }）、mastokey は使いません。`chmod 700 { $quoted }` を実行してください
store-unsafe-symlink = { $path } はシンボリックリンクです。mastokey はこのディレクトリのファイルをシンボリックリンク経由では開きません（作った人がどこにでも向けられるため）。`rm { $quoted }` で削除してください

## システムのキーリング。

keyring-no-service = キーリングのサービスが動いていません（{ $reason }）
keyring-missing = システムのキーリングに該当する項目がありません
keyring-failed = システムのキーリングを使えませんでした：{ $detail }
keyring-reason-no-secret-service = D-Bus のセッションバスに Secret Service を提供するものがありません
keyring-reason-no-bus = D-Bus のセッションバスに接続できませんでした
keyring-reason-not-built = この mastokey はキーリング対応なしでビルドされています
keyring-item-not-a-token = キーリングの項目がトークンではありません
keyring-ambiguous = このログイン情報に一致するキーリングの項目が { $count } 件あります
keyring-locked = キーリングがロックされているか、アクセスを拒否されました（{ $detail }）
keyring-fallback-note = { $why }。そのため、{ $account } のトークンはシステムのキーリングではなく { $path }（本人だけが読めるファイル）に保存されています
keyring-token-gone = { $account } のトークンはもうシステムのキーリングにありません
keyring-token-unreadable = { $account } のトークンはシステムのキーリングにありますが、{ $why }
keyring-why-gone = 見つかりません
keyring-why-no-service = キーリングのサービスが動いていません
keyring-why-refused = キーリングに拒否されました
keyring-problem-item = @{ $account }（{ $why }）
keyring-problems = キーリング：次のトークンを読み取れませんでした：{ $list }

## 保存済みログインのトークンの取り消し、保存できないアカウント、アバター。

revoke-made-elsewhere = このトークンは mastokey が作ったものではない（`login --with-token` で保存した）ため、mastokey では取り消せません。{ $apps }（認証済みアプリ）または { $development }（開発ページで作ったトークン）で取り消してください
revoke-no-registration = このログイン情報に対応するアプリの登録情報（クライアント ID { $client_id }）が保存されていないため、mastokey はサーバーに依頼できません
revoke-no-token = このログイン情報のトークン（システムのキーリングに保存）を読み取れなかったため、mastokey はサーバーに依頼できません
revoke-bad-server = 保存されているサーバーのアドレスが URL ではありません（{ $server }）
revoke-unknown-client = サーバーが mastokey のアプリの登録情報をもう認識していません（invalid_client）
revoke-other-app = このトークンは別のアプリのものです
handle-other-domain = サーバーはこのアカウントを @{ $claimed } だとしていますが、自身は { $domain } と名乗っています。サーバーがログインさせられるのは自分のアカウントだけなので、mastokey は保存を拒否しました
handle-unnameable = サーバーはこのアカウントを { $shown } と呼んでいますが、アカウント名に使われない文字（空白、見えない文字、制御文字）が含まれ、ほかと区別できないため、mastokey は保存を拒否しました
avatar-undecodable = アバターは mastokey が読める画像ではありません（{ $detail }）
