## スクリプト向けサブコマンドが人に向けて表示する文（機械可読の出力は翻訳しない）。

scopes-since = （Mastodon { $version } 以降）
scopes-usage = mastokey --scopes "read:accounts write:statuses"（空白区切り）で指定するか、スコープ画面で選んでください。read のような親スコープは、その子スコープをすべて含みます。
