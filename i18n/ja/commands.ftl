## スクリプト向けサブコマンドが人に向けて表示する文（機械可読の出力は翻訳しない）。

scopes-since = （Mastodon { $version } 以降）
scopes-usage = mastokey --scopes "read:accounts write:statuses"（空白区切り）で指定するか、スコープ画面で選んでください。read のような親スコープは、その子スコープをすべて含みます。

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
