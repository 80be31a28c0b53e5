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
