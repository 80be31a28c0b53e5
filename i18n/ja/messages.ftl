## Sentences that say what happened and what to do next. A `$hint` is a whole sentence naming
## a key (one of the hint-* messages below), or nothing where the screen has no such key.
## 日本語の文は空白なしで続くので、hint-* は先頭に空白を入れない（英語版の {" "} は不要）。
## { $hint } で終わる文は、ヒントがあってもなくても読めるように書く。

hint-try-again = { $key } を押すと再試行します。
hint-start-again = { $key } を押すと最初からやり直します。
hint-new-attempt = { $key } を押すと新しい試行を始めます（新しい URL、state、リスナー）。
hint-new-attempt-approve = { $key } を押すと新しい試行を始めます（新しい URL、state、リスナー）。改めてブラウザで承認してください。
hint-paste-instead = { $key } を押すと、代わりにコードを貼り付けられます。
hint-copy-url = { $key } を押すと URL をコピーします。
hint-show-qr = { $key } を押すと QR コードで表示します。
hint-paste-from-elsewhere = { $key } を押すと、別の端末のブラウザで得たコードを貼り付けられます。
hint-open-it = { $key } を押すとブラウザで開きます。
hint-reopen-page = { $key } を押して承認ページをもう一度開き、承認してから新しいコードをここに貼り付けてください。
hint-send-again = { $key } を押すと再送信します。
hint-log-in-again = { $key } を押すともう一度ログインします。
hint-see-logins = { $key } を押すと、現在の保存済みログイン情報を表示します。
hint-identity-preset = { $key } で「本人確認のみ」を選べます。

discovery-dns = { $server } というサーバーが見つかりませんでした。綴りか、インターネット接続を確認してください。
discovery-refused = { $server } に接続を拒否されました。サーバーが停止しているか、ポートが間違っている可能性があります。しばらくしてから再試行してください。
discovery-tls-local = { $server } との安全な接続に失敗しました（{ $detail }）。このコンピューター上のサーバーは TLS を使っていないことがよくあります。代わりに http://{ $server } と入力してください。
discovery-tls = { $server } との安全な接続に失敗しました（{ $detail }）。サーバーの証明書が無効か、このコンピューターの時計がずれている可能性があります。
discovery-timeout = { $server } から時間内に応答がありませんでした。再試行してください。繰り返し起きる場合は、サーバーが過負荷になっている可能性があります。
discovery-broken = { $server } との接続が切れました（{ $detail }）。{ $hint }
discovery-not-mastodon = { $server } は Mastodon サーバーではないようです（Mastodon API がありません）。アドレスを確認してください。ユーザー ID @you@domain の domain の部分です。
discovery-malformed = { $server } は { $path } に Mastodon の API ではない応答を返しました（{ $detail }）。アドレスを確認するか、しばらくしてから再試行してください。
discovery-too-large = { $server } が { $path } で想定外に大きな応答を返しました。おそらく Mastodon サーバーではありません。
discovery-rate-limited = { $server } がリクエストを制限しています（{ $error }）。少し待ってください。{ $hint }
discovery-server-error = { $server } で現在問題が発生しています（{ $error }）。数分後に再試行してください。
discovery-refused-request = { $server } にリクエストを拒否されました（{ $error }）。アドレスを確認してください。
discovery-moved = { $server } は API を別のサーバー（{ $location }）に転送しています。そちらがあなたのサーバーなら、代わりに { $host } と入力してください。
discovery-moved-elsewhere = { $server } は API を別のアドレス（{ $location }）に転送していますが、mastokey はこの転送をたどりません。サーバーの実際のアドレスを入力してください。
discovery-not-as-mastodon = { $server } から応答はありましたが、Mastodon サーバーの応答とは異なります（{ $error }）。アドレスを確認してください。

address-handle-without-server = { $error }ユーザー ID を使う場合は、{ $typed }@example.social のようにサーバーまで含めて入力してください。
demo-only = これはデモです。ログインできるのは内蔵のサーバー { $server } だけです。ほかのサーバーにログインするには、終了してから --demo を付けずに mastokey を実行してください。

listener-failed = mastokey は 127.0.0.1 で待ち受けできませんでした（{ $error }）。{ $hint }
listener-silent = mastokey の待ち受けに接続がありましたが、何も送られずに閉じられました。引き続きブラウザを待っています。
listener-wrong-state = この試行のものではないログインがブラウザから返されました（state の不一致）。拒否し、何も使用していません。引き続き待っています。
listener-timeout = ブラウザから時間内に応答がなかったため、mastokey は待ち受けを終了しました。{ $hint }
browser-denied = ブラウザでアクセスが拒否されたため、トークンは作成されませんでした。{ $hint }
browser-no-code = サーバーからコードが送られてきませんでした（{ $error }）。{ $hint }
browser-returned-code = ブラウザからコードを受け取りました。
browser-opened-automatic = ブラウザで開きました。そちらで承認すると、ブラウザが mastokey にコードを返します。
browser-opened-paste = ブラウザで開きました。そちらで承認してから、ここにコードを貼り付けてください。
copy-failed = コピーできませんでした：{ $error }。代わりにマウスでテキストを選択してください。{ $hint }

registration-scopes-refused = サーバーが mastokey の登録を拒否しました（{ $error }）。すべてのスコープに対応しているとは限りません。{ $key } で戻り、スコープを減らしてください。
registration-closed = このサーバーは新しいアプリの登録を受け付けていません（{ $error }）。管理者に問い合わせるか、別のサーバーを使ってください。
registration-unreachable = mastokey を登録するためにサーバーに接続できませんでした：{ $error }。{ $hint }
registration-redirected = mastokey の登録に失敗しました：{ $error }。ログインを別の場所へ転送するサーバーには安全にログインできません。管理者に知らせるか、別のサーバーを使ってください。
registration-failed = mastokey の登録に失敗しました：{ $error }。{ $hint }
registration-unknown = サーバーが mastokey の登録情報を認識しなくなったため（invalid_client）、mastokey は登録情報を削除して登録し直しています。その後、新しい URL を開いてもう一度承認してください。
registration-forgotten = 保存した登録情報を削除しました。mastokey を登録し直しています。
attempt-over = この試行は終了したため、mastokey が新しい試行（新しい URL とリスナー）を準備しています。準備ができしだい開きます。
attempt-new = 新しい試行を始めます：新しい URL、state、PKCE。

code-invalid-scope = サーバーがスコープを拒否しました（invalid_scope）。{ $hint }スコープの選択に戻り、このサーバーが対応しているものを選んでください。
code-invalid-request = リクエストが不完全だとサーバーが応答しました（{ $error }）。{ $hint }
code-unreachable = サーバーに接続できませんでした：{ $error }。入力したコードはそのまま残っています。{ $hint }
code-empty = mastokey を承認した後にサーバーが表示したコードを貼り付けてください。
login-redirected = ログインに失敗しました：{ $error }。ログインを別の場所へ転送するサーバーには安全にログインできません。管理者に知らせるか、別のサーバーを使ってください。
login-failed = ログインに失敗しました：{ $error }。{ $hint }

verify-token-refused = サーバーが新しいトークンを拒否しました（401）。もう一度ログインしてみてください。
verify-out-of-scope = トークンは有効ですが、そのスコープではプロフィールを読み取れません。profile か read:accounts を選んで、もう一度ログインしてください。
verify-redirected = ログインしましたが、プロフィールを読み取れませんでした：{ $error }。何も保存していません。
verify-failed = ログインしましたが、プロフィールの読み取りに失敗しました：{ $error }。{ $hint }
recheck-out-of-scope = このトークンではアカウントを読み取れない可能性があります（profile または read:accounts のスコープがありません）
handle-refused = { $error }。信頼できるサーバーでログインするか、このサーバーの管理者に知らせてください。

scopes-empty = スコープを 1 つ以上選んでください（{ $toggle } で選択/解除）。{ $hint }
task-cancelled = { $what }を中止しました。入力した内容は失われていません。

## What a request in flight is doing: a noun phrase, used as the spinner's text ("…" follows),
## in "{ $what }を中止しました。" and in "{ $what }がまだ終わっていません。".
task-looking-up = サーバーの照会
task-registering = サーバーへの mastokey の登録
task-exchanging = コードとトークンの交換
task-reading-profile = プロフィールの読み込み
task-checking = サーバーでのトークンの確認
task-logging-out = サーバーでのログアウト

accounts-still-busy = { $what }がまだ終わっていません。完了を待つか、{ $key } を押して中止してください。
accounts-gone = @{ $account } はもう保存されていません。
accounts-now-default = @{ $account } を既定のアカウントにしました。ACCOUNT を指定しないとき、`mastokey token` と `mastokey whoami` はこのアカウントを使います。
accounts-default-not-saved = 既定のアカウントを保存できませんでした：{ $error }
accounts-bad-server = このログイン情報のサーバーアドレスが無効です。ログアウトしてください。
accounts-token-rejected = サーバーは @{ $account } のトークンをもう受け付けていません（取り消し済みか期限切れ）。{ $hint }
accounts-check-failed = @{ $account } を確認できませんでした：{ $error }。{ $hint }
accounts-logged-out = @{ $account } からログアウトしました。サーバーがトークンを取り消しました。
accounts-not-revoked = サーバーはトークンを取り消しませんでした：{ $error }。
accounts-forgotten = @{ $account } のログイン情報を削除しました。
accounts-revoked-not-forgotten = サーバーは @{ $account } のトークンを取り消しましたが、ここでログイン情報を削除できませんでした：{ $error }。問題を解決してから、もう一度ログアウトしてください（再度取り消しても問題ありません）。
accounts-not-forgotten = ログイン情報を削除できませんでした：{ $error }。まだ保存されています。
accounts-unreadable = 保存済みのログイン情報を読み込み直せませんでした：{ $error }。

save-newer = ログイン情報を保存できませんでした：{ $error }。トークンは終了するまでこの画面に保持されます。
save-failed = ログイン情報を保存できませんでした：{ $error }。空き容量を確保するか、ファイルの権限を修正してください。{ $hint }
save-failed-left = @{ $account } のログイン情報を保存できませんでした：{ $error }。保存するには、もう一度ログインしてください。
save-changed-elsewhere = 保存しませんでした：その間に別の mastokey がこのアカウントをログアウトしたか、ログインし直しました。{ $hint }
listener-late = この試行が終了した後にブラウザが戻ってきました。ブラウザにはその旨を伝え、何も使用していません。{ $hint }
hint-copy-from-authorize = { $key } を押して承認用 URL をもう一度表示し、コピーしてブラウザで開いて承認してから、新しいコードをここに貼り付けてください。

code-refused = サーバーはこのコードを受け付けませんでした。入力ミス、使用済み、または期限切れの可能性があります。{ $hint }
code-refused-takahe = サーバーはこのコードを受け付けませんでした。入力ミス、使用済み、または期限切れの可能性があります（Takahē のコードの有効期限は 1 分です）。{ $hint }
code-other-redirect = このコードはもう一方のコードの受け取り方（別のリダイレクト）のために発行されたとサーバーが言っているため、ここでは使われませんでした。{ $hint }
server-said = （サーバーの応答：{ $words }）
paste-not-a-code = コードではないようです。サーバーが表示したコードか、ブラウザのアドレスバーのアドレス全体を貼り付けてください。
paste-wrong-state = このコードは別のログインの試行のものです（state が一致しません）。何も送信していません。{ $hint }
paste-denied = 貼り付けたアドレスはアクセスが拒否されたことを示しており、コードは含まれていません。{ $hint }
paste-invalid-scope = 貼り付けたアドレスは、サーバーがスコープを拒否したこと（invalid_scope）を示しています。スコープに戻って、サーバーが対応しているものを選んでください。
paste-server-error = 貼り付けたアドレスにはコードではなく server_error が含まれています。リダイレクトのアドレスを完全一致で比べるサーバーで、そのリダイレクトが登録されていませんでした。{ $hint }
paste-error = 貼り付けたアドレスにはコードではなくエラー { $error } が含まれています。{ $hint }
force-login-ignored = このサーバーは別のアカウントを選ぶ指定を無視するため、ブラウザでログイン中のアカウントで承認されます。別のアカウントを追加するには、先にブラウザでこのサーバーからログアウトしてください。

registrations-unreadable = 保存済みの登録情報を読み取れなかったため（{ $error }）、mastokey は登録し直しました。
registrations-read-failed = 保存済みの登録情報の読み込みに失敗しました：{ $error }

## issue 15: refresh

task-revoking-old-token = サーバーでの古いトークンの取り消し
refresh-lookup-failed = スコープを変更するために @{ $account } のサーバーを照会できませんでした：{ $error }
refresh-login-gone = このログイン情報はもう保存されていません。その間に別の mastokey がログアウトしました。
refresh-scopes-none = なし
refresh-changed = @{ $account } の新しいトークン。追加したスコープ：{ $added }、削除したスコープ：{ $removed }。
refresh-saved-anew = その間に @{ $account } はログアウトされていたため、新しいトークンは新しいログイン情報として保存しました。
refresh-revoking = サーバーで古いトークンを取り消しています…
refresh-revoked = サーバーは @{ $account } の古いトークンを取り消しました。
refresh-not-revoked = @{ $account } の古いトークンを取り消せませんでした（{ $error }）。{ $page } で取り消すまで有効なままです。新しいトークンは保存済みです。
refresh-other-account = ブラウザーで承認されたのは @{ $account } ではなく @{ $chosen } でした。別のログイン情報として保存し、@{ $account } のログイン情報は変更していません。スコープを変更するには、ブラウザーで @{ $account } としてログインしてからやり直してください。
