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
