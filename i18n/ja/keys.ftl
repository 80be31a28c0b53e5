## Key names, and what each key does (footer and help).
## キー名は短いラテン文字のまま（文中では { $key } として「Enter を押す」のように使われる）。
## フッターの説明は短い名詞句・動詞句（全角 8 文字程度まで）。

keyname-enter = Enter
keyname-esc = Esc
keyname-tab = Tab
keyname-backspace = Backspace
keyname-delete = Delete
keyname-home = Home
keyname-end = End
keyname-pageup = PgUp
keyname-pagedown = PgDn
keyname-space = Space
keyname-ctrl = Ctrl-{ $key }

key-a-page-down = 次のページ
key-a-page-up = 前のページ
key-accounts = アカウント
key-add-a-login = ログインを追加
key-back = 戻る
key-back-quit = 戻る/終了
key-back-to-the-url = URL に戻る
key-cancel-request = 実行中の確認やログアウトを中止
key-clear-the-selection = 選択をすべて解除
key-close = 閉じる
key-continue = 次へ
key-copy-token = トークンをコピー
key-copy-url = URL をコピー
key-enter-the-code = コードを入力
key-help = ヘルプ
key-log-in = ログイン
key-log-out = ログアウト
key-look-up-server = サーバーを照会
key-move-down = 下へ移動
key-move-up = 上へ移動
key-new-attempt = やり直す
key-new-login = 新規ログイン
key-next-login = 次のログイン
key-no = いいえ
key-open = 開く
key-open-in-browser = ブラウザで開く
key-open-or-close-a-group = グループを開く/閉じる
key-presets = プリセット
key-previous-login = 前のログイン
key-profile = プロフィール
key-qr-code = QR コード
key-quit = 終了
key-register-anew = mastokey を登録し直す（サーバーがアプリを認識しない場合）
key-reopen-browser = ブラウザで再度開く
key-retry-reading-the-profile = 再読み込み
key-retry-saving = 保存を再試行
key-scroll-down = 下へスクロール
key-scroll-up = 上へスクロール
key-switch-paste-automatic = 貼り付け/自動切替
key-toggle = 選択/解除
key-yes = はい
key-edit-move = カーソルを移動
key-edit-start = 先頭へ
key-edit-end = 末尾へ
key-edit-delete-char = 1 文字削除
key-edit-delete-word = 1 語削除
key-edit-clear = 入力欄を消去

## issue 15: refresh

key-change-scopes = スコープを変更
key-make-default = 既定にする
