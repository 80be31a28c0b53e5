## The pages the browser shows when it comes back to mastokey (the loopback listener).
## ブラウザに表示される HTML ページ。幅の制約はないので、通常の文で書く。

callback-footer = mastokey — ターミナルからのログイン
callback-done-title = ログインしました
callback-done = mastokey は { $server } での承認を受け取り、ターミナルでログインを完了しています。
callback-close-tab = このタブは閉じてかまいません。
callback-back-to-terminal = ターミナルに戻ってください。次に行うことは mastokey が表示します。
callback-denied-title = ログインを中止しました
callback-denied = { $server } のアカウントへの mastokey のアクセスを拒否したため、トークンは作成されませんでした。
callback-error-title = ログインは完了していません
callback-error = { $server } からコードが送られてこなかったため（{ $error }）、トークンは作成されませんでした。
callback-wrong-state-title = 認識できないログイン
callback-wrong-state = { $server } からのこの応答は、mastokey が待っているログインのものではありません（state が一致しません）。そのため何も使用していません。mastokey が今表示している承認用 URL を開いてください。
callback-late-title = このログインの試行は終了しています
callback-late = mastokey は { $server } からのこの応答の待ち受けを終了していたため、何も使用していません。ターミナルで新しい試行を始め、もう一度承認してください。
callback-not-found-title = 見つかりません
callback-not-found = ここで mastokey が待っているのは、ログインのコールバックだけです。

## デモサーバーのページ（同意ページ、貼り付け用のコード、エラーページ）。

demo-authorize-title = { $app } の承認
demo-authorize-asks = { $app } が、このサーバーのあなたのアカウントへのアクセス許可を求めています。
demo-authorize-website = アプリのウェブサイト：{ $site }
demo-authorize-scopes = 求めている権限は次のとおりです：
demo-authorize-sign-in-as = ログインするアカウント
demo-authorize-force-login = アプリが force_login を指定したため、アカウントの選択が必須です。以前にログインしたことがあっても、使うアカウントを選んでください。
demo-approve = 承認
demo-deny = 拒否
demo-note = これは mastokey に組み込まれたデモサーバーです。パスワードは不要で、このコンピューターの外には何も送られません。
demo-code-title = 認証コード
demo-code-copy = このコードをコピーして mastokey に貼り付けてください：
demo-code-note = このコードは一度だけ使え、数分で期限が切れます。
demo-denied-title = 承認を拒否しました
demo-denied = リクエストを拒否しました。アクセスは許可されていません。このページは閉じてかまいません。
demo-error-title = エラーが発生しました
demo-error-code = エラーコード：
demo-error-missing-client-id = どのアプリのリクエストかが示されていません（client_id がありません）。
demo-error-invalid-client = このサーバーはこのアプリを認識していません。ここで登録されていないか、登録が削除されています。
demo-error-invalid-redirect = 戻り先のアドレス（redirect_uri）がないか、形式が正しくないか、アプリが登録したものではありません。
demo-error-missing-response-type = リクエストの内容が示されていません（response_type がありません）。
demo-error-unsupported-response-type = このサーバーが発行するのは認証コードだけです（response_type=code）。
demo-error-invalid-scope = アプリが、不明な権限、形式の正しくない権限、または登録した範囲を超える権限を求めています。
demo-error-challenge-method = PKCE のチャレンジには S256 方式を使う必要があります。
demo-error-decision = 回答は approve（承認）か deny（拒否）のどちらかでなければなりません。
demo-error-unknown-account = デモ用アカウントを選んでください。選ばれていないか、デモ用アカウントではありません。
demo-index = mastokey に組み込まれたローカルのデモサーバーです。Mastodon API（OAuth 2.0 のアプリ、PKCE 付きの認証コード、トークン、verify_credentials）を厳密に話し、ネットワークには一切接続しません。
demo-index-accounts = デモ用アカウント：
demo-account-ada = 管理者。リンク・メンション・ハッシュタグ入りの自己紹介、認証済みのフィールド
demo-account-hanako = 日本語の名前と自己紹介、カスタム絵文字
demo-account-newsbot = デフォルトのアバターの bot
demo-account-grace = フォローリクエストが保留中の非公開アカウント
demo-account-rustclub = グループアカウント
demo-account-oldada = @ada に引っ越したアカウント
demo-account-mallory = 悪意あり：名前・自己紹介・フィールドにターミナルのエスケープシーケンス
