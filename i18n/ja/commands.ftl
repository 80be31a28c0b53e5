## スクリプト向けサブコマンドが人に向けて表示する文（機械可読の出力は翻訳しない）。

scopes-since = （Mastodon { $version } 以降）
scopes-usage = mastokey --scopes "read:accounts write:statuses"（空白区切り）で指定するか、スコープ画面で選んでください。read のような親スコープは、その子スコープをすべて含みます。

## サブコマンドが仕事をできなかったときに標準エラーに出す文（次に何をすべきかを含む）。バッククォート内のコマンドは翻訳しない。

cmd-stdout-failed = 標準出力に書き込めませんでした：{ $error }
cmd-keyring-token-gone = { $problem }。`mastokey --instance { $instance }` でもう一度ログインしてください
cmd-keyring-unreadable = { $problem }。キーリングを起動するかロックを解除してからもう一度試すか、`mastokey` でもう一度ログインしてください
cmd-store-corrupt = { $path } を読み取れなかったため、{ $kept } として退避しました。`mastokey` でもう一度ログインするか、そのファイルを修復して元に戻してください
cmd-store-io = { $error }。そのパスのパーミッションを確認するか、MASTOKEY_CONFIG_DIR に別のディレクトリを設定してください
cmd-bad-server = --server { $server }：{ $error }
cmd-none-from-server = { $server } のログイン情報は保存されていません。保存されているのは { $saved } です
cmd-none-from-server-none-saved = { $server } のログイン情報は保存されていません。ログイン情報は一つも保存されていません
cmd-saved-none-yet = ログイン情報はまだ保存されていません（ログインするには `mastokey` を実行してください）
cmd-saved-are = 保存されているのは { $saved } です
cmd-not-an-account = `{ $typed }` は ACCOUNT ではありません。`mastokey { $command } ada@mastodon.social` のように user@domain の形で書いてください。{ $saved }
cmd-no-logins = { $dir } にログイン情報が保存されていません。まず `mastokey` を実行してログインしてください
cmd-say-which = ログイン情報が { $count } 件保存されているため、どれかを指定してください：`mastokey { $command } ACCOUNT`（ACCOUNT は { $saved } のいずれか）。`mastokey switch ACCOUNT` で既定のアカウントを決めることもできます
cmd-account-from = { $server } の { $account }
cmd-ambiguous-account = { $account } として保存されたログイン情報が { $count } 件あり、それぞれ別のサーバーがその名前を名乗っています：{ $which }。`mastokey { $command } { $account } --server { $example }` のように --server で指定してください
cmd-no-such-login = { $account } のログイン情報は保存されていません。保存されているのは { $saved } です
cmd-unreachable = { $doing }のために { $server } に接続できませんでした：{ $error }。ネットワーク接続を確認して、もう一度試してください
cmd-request-failed = { $doing }に失敗しました：{ $error }
cmd-request-failed-later = { $doing }に失敗しました：{ $error }。しばらくしてからもう一度試してください
cmd-request-redirected = { $doing }に失敗しました：{ $error }。このサーバーは mastokey のリクエストを別の場所へ転送するため、安全には使えません
cmd-request-not-mastodon = { $doing }に失敗しました：{ $error }。サーバーは応答しましたが、Mastodon サーバーの応答ではありません。今も Mastodon サーバーか確認するか、しばらくしてからもう一度試してください
cmd-doing-verify = { $account } のログイン情報の確認
cmd-doing-revoke = { $account } のトークンの取り消し

## mastokey logout

logout-done = { $account } からログアウトしました：{ $server } がトークンを取り消し、ログイン情報を削除しました。
logout-done-already-gone = { $account } からログアウトしました：{ $server } がトークンを取り消しました。ログイン情報はすでに削除されていたか、このアカウントの新しいログイン情報に置き換えられていて、そちらは残っています。
logout-registration-not-forgotten = サーバーが mastokey のアプリの登録情報を削除しましたが、こちらの登録情報を削除できませんでした：{ $error }
logout-ask-forget = それでもこのログイン情報を削除しますか？ [y/N]
logout-yes-words = y, yes, はい
logout-kept-try-later = { $account } のログイン情報はまだ保存されています。しばらくしてから `mastokey logout { $account }` をもう一度実行するか、--yes を付けてそのまま削除してください
logout-kept-revoke-there = { $account } のログイン情報はまだ保存されています。もう一度試しても同じ応答になるため、{ $page } でトークン（mastokey の項目）を取り消してから、`mastokey logout { $account } --yes` でログイン情報を削除してください
logout-forgot-unrevoked = { $account } のログイン情報を削除しましたが、トークンはまだ使える可能性があります。{ $page } で取り消してください（mastokey の項目）
logout-kept-made-elsewhere = { $account } のログイン情報はまだ保存されています。サーバーのページ（上記）でトークンを取り消したら、`mastokey logout { $account } --yes` でログイン情報を削除してください
logout-forgot-made-elsewhere = { $account } のログイン情報を削除しました。そのトークンは、サーバーのページ（上記）で取り消すまで有効なままです
logout-bad-server = { $account } の保存済みログイン情報：{ $error }
logout-cannot-revoke = { $account } のトークンを取り消せません：{ $error }
logout-refused = { $server } は { $account } のトークンの取り消しを拒否しました：{ $error }
logout-fix-update = mastokey を更新し
logout-fix-do-that = それを実行し
logout-fix-permissions = そのパスのパーミッションを直し
logout-revoked-not-removed = { $server } は { $account } のトークンを取り消したため、もう使えませんが、保存済みのログイン情報から削除できませんでした：{ $error }。{ $fix }てから、`mastokey logout { $account }` をもう一度実行してください（サーバーがもう知らないトークンを取り消しても害はありません）
logout-not-removed = { $account } のログイン情報を保存済みのログイン情報から削除できませんでした：{ $error }。{ $fix }てから、`mastokey logout { $account }` をもう一度実行してください

## mastokey whoami

whoami-server = サーバー
whoami-scopes = スコープ
whoami-posts = 投稿
whoami-counts = { $posts }  フォロー { $following }  フォロワー { $followers }
whoami-flags = 属性
whoami-flag-separator = 、
whoami-bot = bot
whoami-locked = 承認制
whoami-group = グループ
whoami-moved = 引っ越し済み
whoami-account-id = アカウント ID
whoami-rejected = { $server } は { $account } のトークンをもう受け付けていません（取り消されたか期限切れです）。`mastokey --instance { $instance }` でもう一度ログインしてください
whoami-forbidden = { $account } のトークンには自分のアカウントを読み取る権限がありません（profile、read:accounts、read のいずれかのスコープが必要です）。whoami を使うには、そのいずれかを付けてもう一度ログインしてください
whoami-bad-server = { $path } にある { $account } の保存済みログイン情報のサーバーアドレスが URL ではありません（{ $server }）。`mastokey` でもう一度ログインしてください
whoami-time-not-saved = ログイン情報は確認できましたが、確認した時刻を保存できませんでした：{ $error }

## mastokey token、accounts、completions

token-none = { $path } にある { $account } の保存済みログイン情報にはトークンがありません。`mastokey` でもう一度ログインしてください
cmd-json-failed = JSON を書き出せませんでした：{ $error }
completions-not-utf8 = 補完スクリプトが UTF-8 ではありません：{ $error }
accounts-none-saved = { $dir } にログイン情報が保存されていません。ログインするには `mastokey` を実行してください
accounts-col-account = アカウント
accounts-col-verified = 最終確認
accounts-col-server = サーバー
accounts-col-scopes = スコープ
accounts-never = 未確認

## mastokey の起動（起動できなかったときに何をしていたか。"Error: …" の後に原因が続く）。

start-config-dir = 設定ディレクトリの確認
start-terminal = 端末の準備
start-interface = 端末インターフェースの実行
start-demo-server = 127.0.0.1 でのデモサーバーの起動
start-demo-dir = デモ用の一時ディレクトリの作成
start-logins-unreadable = 保存済みのログイン情報を読み取れませんでした：{ $error }。
start-failed = { $doing }に失敗しました：{ $error }
start-no-terminal = mastokey の画面には端末が必要ですが、出力先が端末ではありません。スクリプトでは `mastokey token`、`mastokey whoami`、`mastokey status` を使ってください。別の場所で作ったトークンは `mastokey login --with-token` で保存できます。

## issue 15: refresh

refresh-cli-nothing = 変更はありません：{ $account } はすでに { $scopes } を持っています。
refresh-cli-no-identity = このスコープでは新しいトークンが誰のものか mastokey が読み取れず、{ $account } のログイン情報をその名前で保存できません。{ $scope } を残してください（--remove-scopes から外すか、--add-scopes で追加します）
refresh-cli-unadvertised = { $server } は対応スコープに { $scopes } を挙げていません。拒否されるか無視される可能性があります
refresh-cli-added-and-removed = { $scope } が追加と削除の両方に指定されています。--add-scopes と --remove-scopes のどちらか一方にだけ指定してください
refresh-cli-part-of-follow = { $scope } は非推奨の follow スコープに含まれていて、分けられません。follow を削除し、残したいものを --add-scopes で追加し直してください
refresh-cli-already-there = { $account } はすでに { $scope } を持っています。追加しても何も変わりません
refresh-cli-already-through = { $account } は { $by } によってすでに { $scope } を持っています。追加しても何も変わりません
refresh-cli-not-there = { $account } は { $scope } を持っていません。削除しても何も変わりません
refresh-cli-empty = これでは { $account } のスコープが一つも残りません。少なくとも一つは残してください（ログインを終えるには `mastokey logout { $account }`）
refresh-cli-bad-server = { $account } の保存済みログイン情報のサーバーアドレスが無効です（{ $server }）。ログアウトしてから、ログインし直してください
refresh-cli-doing-look-up = サーバーを照会する
refresh-cli-cancelled = { $account } のスコープ変更は完了しなかったため、ログイン情報は変更していません。スコープを変更するには、もう一度 `{ $command }` を実行してください
refresh-cli-not-saved = { $account } の新しいトークンを保存できなかったため（理由はプロフィール画面に表示されました）、ログイン情報は変更していません。問題を解決してから、もう一度 `{ $command }` を実行してください
refresh-cli-other-account = ブラウザーで承認されたのは { $account } ではなく { $chosen } でした。別のログイン情報として保存し、{ $account } のログイン情報は変更していません。ブラウザーで { $account } としてログインしてから、もう一度 `{ $command }` を実行してください
refresh-cli-quit-while-revoking = サーバーが応答する前に mastokey が終了しました
refresh-cli-saved-anew = その間に { $account } はログアウトされていたため、新しいトークンは新しいログイン情報として保存しました
refresh-cli-not-revoked = { $account } の古いトークンを取り消せませんでした（{ $error }）。{ $page } で取り消すまで有効なままです
refresh-cli-old-revoked = サーバーは古いトークンを取り消しました。
refresh-cli-done = { $account } のログイン情報を更新しました。追加：{ $added }、削除：{ $removed }。{ $revoked }
refresh-cli-no-terminal = refresh には端末が必要です。新しいスコープはブラウザーで承認し、その手順を端末の画面が案内します。端末で `{ $command }` を実行してください

## mastokey switch
switch-done = { $account }（{ $server }）を既定のアカウントにしました。ACCOUNT を指定しないとき、`mastokey token` と `mastokey whoami` はこのアカウントを使います
switch-gone = { $account } はその間にログアウトされました。保存されているログイン情報は `mastokey accounts` で確認できます

## mastokey status
status-col-token = トークン
status-valid = 有効
status-rejected = 拒否
status-unreachable = 接続不可
status-unreadable = 読み取り不可
status-error = サーバーエラー
status-timed-out = { $server } から { $account } の確認への応答が { $seconds } 秒以内にありませんでした。後でもう一度試すか、`mastokey status --timeout SECONDS` で待ち時間を延ばしてください
status-summary = { $count } 件中 { $failing } 件のログイン情報に対応が必要です（上記参照）

## mastokey login --with-token
with-token-doing-look-up = サーバーを調べる
with-token-doing-check = トークンを確認する
with-token-prompt = トークンを貼り付けて Enter を押してください（表示されません）：
with-token-cancelled = 中止しました。何も保存していません
with-token-unreadable = 標準入力からトークンを読めませんでした：{ $error }
with-token-too-long = 標準入力が { $limit } バイトを超えており、トークンではありません。`mastokey login --with-token --instance SERVER < token.txt` のように、トークンだけを渡してください
with-token-empty = 標準入力が空でした。`mastokey login --with-token --instance SERVER < token.txt` のように、トークンを標準入力で渡してください
with-token-not-a-token = 標準入力の内容はトークンではありません（トークンは英数字と記号からなる一語です）。`mastokey login --with-token --instance SERVER < token.txt` のように、トークンだけを渡してください
with-token-rejected = { $server } はこのトークンを受け付けません（取り消されたか、期限切れか、別のサーバーのものです）。{ $server }/settings/applications で新しく作るか、`mastokey login` でログインしてください
with-token-cannot-read-account = このトークンでは { $server } 上の自分のアカウントを読み取れません。作成時に { $scope } スコープ（または read:accounts）を付けるか、`mastokey login` でログインしてください
with-token-bad-handle = トークンは有効ですが、アカウントを保存できません：{ $error }
with-token-scopes = スコープ：{ $scopes }
with-token-scopes-unknown = スコープは不明です（サーバーが示しません）
with-token-saved = 標準入力のトークンで { $account }（{ $server }）を保存しました。{ $scopes }。このトークンは mastokey が作ったものではないため、`mastokey logout` では取り消せません。不要になったら { $server }/oauth/authorized_applications（開発ページで作った場合は { $server }/settings/applications）で取り消してください。
