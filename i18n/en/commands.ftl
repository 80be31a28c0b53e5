## The subcommands for scripts: what they print for a person (never their machine-readable output).

scopes-since = (Mastodon { $version } and later)
scopes-usage = Choose with mastokey --scopes "read:accounts write:statuses" (space separated), or on the scopes screen. A parent such as read includes all its children.

## What the subcommands say on stderr when they cannot do their job: one sentence, with what to
## do next. Commands in backquotes stay as they are.

cmd-stdout-failed = could not write to standard output: { $error }
cmd-keyring-token-gone = { $problem }; log in again with `mastokey --instance { $instance }`
cmd-keyring-unreadable = { $problem }; start or unlock the keyring and try again, or log in again with `mastokey`
cmd-store-corrupt = { $path } could not be understood, so it was moved aside as { $kept }; log in again with `mastokey`, or repair that file and move it back
cmd-store-io = { $error }; check the permissions of that path, or set MASTOKEY_CONFIG_DIR to another directory
cmd-bad-server = --server { $server }: { $error }
cmd-none-from-server = no login is saved from { $server }; the saved logins are { $saved }
cmd-none-from-server-none-saved = no login is saved from { $server }; no logins are saved at all
cmd-saved-none-yet = no logins are saved yet (run `mastokey` to log in)
cmd-saved-are = the saved logins are { $saved }
# $saved is cmd-saved-none-yet or cmd-saved-are.
cmd-not-an-account = `{ $typed }` is not an ACCOUNT: write it as user@domain, as in `mastokey { $command } ada@mastodon.social`; { $saved }
cmd-no-logins = no logins are saved in { $dir }; log in first by running `mastokey`
cmd-say-which = { $count } logins are saved, so say which one: `mastokey { $command } ACCOUNT` with ACCOUNT one of { $saved }, or make one the default with `mastokey switch ACCOUNT`
cmd-account-from = { $account } from { $server }
cmd-ambiguous-account = { $count } logins are saved as { $account }, from different servers that each claim that name: { $which }; say which with --server, as in `mastokey { $command } { $account } --server { $example }`
cmd-no-such-login = no saved login is { $account }; the saved logins are { $saved }
# $doing is one of the cmd-doing-* phrases.
cmd-unreachable = could not reach { $server } to { $doing }: { $error }; check the network connection and try again
cmd-request-failed = could not { $doing }: { $error }
cmd-request-failed-later = could not { $doing }: { $error }; try again later
cmd-request-redirected = could not { $doing }: { $error }; the server sends mastokey's requests elsewhere, so it cannot be used safely
cmd-request-not-mastodon = could not { $doing }: { $error }; the server answered, but not as a Mastodon server does: check that it still is one, or try again later
cmd-doing-verify = verify the login of { $account }
cmd-doing-revoke = revoke the token of { $account }

## mastokey logout

logout-done = Logged out of { $account }: { $server } revoked the token and the login is forgotten.
logout-done-already-gone = Logged out of { $account }: { $server } revoked the token and the login had already been forgotten, or replaced by a newer login of the account, which stays.
logout-registration-not-forgotten = the server deleted mastokey's app registration, which could not be forgotten: { $error }
logout-ask-forget = Forget this login anyway? [y/N]
# Besides y and yes, what counts as yes to logout-ask-forget (comma separated).
logout-yes-words = y, yes
logout-kept-try-later = the login of { $account } is still saved; run `mastokey logout { $account }` again later, or add --yes to forget it anyway
logout-kept-revoke-there = the login of { $account } is still saved; trying again will get the same answer, so revoke the token at { $page } (mastokey's entry) and then forget the login with `mastokey logout { $account } --yes`
logout-forgot-unrevoked = forgot the login of { $account }, but its token may still work: revoke it at { $page } (mastokey's entry)
logout-kept-made-elsewhere = the login of { $account } is still saved; once its token is revoked on the server's page (above), forget the login with `mastokey logout { $account } --yes`
logout-forgot-made-elsewhere = forgot the login of { $account }; its token still works until you revoke it on the server's page (above)
logout-bad-server = the saved login of { $account }: { $error }
logout-cannot-revoke = cannot revoke the token of { $account }: { $error }
logout-refused = { $server } refused to revoke the token of { $account }: { $error }
logout-fix-update = update mastokey
logout-fix-do-that = do that
logout-fix-permissions = fix the permissions of that path
logout-revoked-not-removed = { $server } revoked the token of { $account }, so it no longer works, but the login could not be removed from the saved logins: { $error }; { $fix }, then run `mastokey logout { $account }` again (revoking a token the server no longer knows is harmless)
logout-not-removed = the login of { $account } could not be removed from the saved logins: { $error }; { $fix }, then run `mastokey logout { $account }` again

## mastokey whoami: the answer (labels padded to one column), and what can go wrong.

whoami-server = server
whoami-scopes = scopes
# $posts is the count of posts; the other counts follow on the same line.
whoami-posts = posts
whoami-counts = { $posts }  following { $following }  followers { $followers }
whoami-flags = flags
whoami-flag-separator = {", "}
whoami-bot = bot
whoami-locked = locked
whoami-group = group
whoami-moved = moved
whoami-account-id = account id
whoami-rejected = { $server } no longer accepts the token of { $account } (it was revoked or has expired); log in again with `mastokey --instance { $instance }`
whoami-forbidden = the token of { $account } may not read its own account (it needs the profile, read:accounts or read scope); log in again with one of them to use whoami
whoami-bad-server = the saved login of { $account } in { $path } has a server address that is not a URL ({ $server }); log in again with `mastokey`
whoami-time-not-saved = the login was verified, but the time of it could not be saved: { $error }

## mastokey token, accounts, completions

token-none = the saved login of { $account } in { $path } has no token; log in again with `mastokey`
cmd-json-failed = could not write the JSON: { $error }
completions-not-utf8 = the completion script is not UTF-8: { $error }
accounts-none-saved = no logins are saved in { $dir }; run `mastokey` to log in
accounts-col-account = ACCOUNT
accounts-col-verified = LAST VERIFIED
accounts-col-server = SERVER
accounts-col-scopes = SCOPES
accounts-never = never

## Starting mastokey: what it was doing when it could not start (printed as "Error: …", then the cause).

start-config-dir = finding the configuration directory
start-terminal = setting up the terminal
start-interface = running the terminal interface
start-demo-server = starting the demo server on 127.0.0.1
start-demo-dir = creating the demo's temporary directory
start-logins-unreadable = Saved logins could not be read: { $error }.
start-failed = { $doing } failed: { $error }
start-no-terminal = mastokey's interface needs a terminal, and its output is not one. In scripts, use `mastokey token`, `mastokey whoami` or `mastokey status`; `mastokey login --with-token` saves a token made elsewhere.

## issue 15: refresh

refresh-cli-nothing = Nothing to change: { $account } already has { $scopes }.
refresh-cli-no-identity = with these scopes mastokey could not read whose token the new one is, so the login of { $account } could not be kept under its name: keep { $scope } (leave it out of --remove-scopes, or add it with --add-scopes)
refresh-cli-unadvertised = { $server } does not list { $scopes } among the scopes it supports; it may refuse or ignore them
refresh-cli-added-and-removed = { $scope } is both added and removed: name it in --add-scopes or in --remove-scopes, not in both
refresh-cli-part-of-follow = { $scope } comes with the deprecated follow scope, which cannot be split: remove follow, and add back with --add-scopes what you keep of it
refresh-cli-already-there = { $account } already has { $scope }: adding it changes nothing
refresh-cli-already-through = { $account } already has { $scope } through { $by }: adding it changes nothing
refresh-cli-not-there = { $account } does not have { $scope }: removing it changes nothing
refresh-cli-empty = that would leave { $account } with no scope left; keep at least one (`mastokey logout { $account }` ends the login instead)
refresh-cli-bad-server = the saved login of { $account } has a server address that is not valid ({ $server }); log it out and log in again
refresh-cli-doing-look-up = look up the server
refresh-cli-cancelled = the refresh of { $account } was not finished, so its login is unchanged; run `{ $command }` again to change its scopes
refresh-cli-not-saved = the new token of { $account } was not saved (the profile screen said why), so its login is unchanged; fix that, then run `{ $command }` again
refresh-cli-other-account = the browser approved { $chosen }, not { $account }: it was saved as a login of its own, and the login of { $account } is unchanged; sign in as { $account } in the browser, then run `{ $command }` again
refresh-cli-quit-while-revoking = mastokey was closed before the server answered
refresh-cli-saved-anew = the login of { $account } had been logged out meanwhile, so the new token was saved as a new login
refresh-cli-not-revoked = the old token of { $account } could not be revoked ({ $error }): it works until you revoke it at { $page }
refresh-cli-old-revoked = {" "}The server revoked the old token.
refresh-cli-done = Refreshed the login of { $account }: added { $added }; removed { $removed }.{ $revoked }
refresh-cli-no-terminal = refresh needs a terminal: you approve the new scopes in a browser, and the terminal interface leads you there; run `{ $command }` in a terminal

## mastokey switch
switch-done = { $account } ({ $server }) is now the default account: `mastokey token` and `mastokey whoami` use it when no ACCOUNT is named
switch-gone = { $account } was logged out meanwhile; `mastokey accounts` lists the logins that are saved

## mastokey status
status-col-token = TOKEN
status-valid = valid
status-rejected = rejected
status-unreachable = unreachable
status-unreadable = unreadable
status-error = server error
status-timed-out = { $server } did not answer the check of { $account } within { $seconds } s; try again later, or give it longer with `mastokey status --timeout SECONDS`
status-summary = { $failing ->
    [one] 1 of { $count } logins needs attention (see above)
   *[other] { $failing } of { $count } logins need attention (see above)
}

## mastokey login --with-token
with-token-doing-look-up = look up the server
with-token-doing-check = check the token
with-token-prompt = Paste the token (it is not shown) and press Enter:
with-token-cancelled = cancelled; nothing was saved
with-token-unreadable = the token could not be read from stdin: { $error }
with-token-too-long = stdin holds more than { $limit } bytes, which is no token; give the token alone, as in `mastokey login --with-token --instance SERVER < token.txt`
with-token-empty = stdin was empty; give the token on stdin, as in `mastokey login --with-token --instance SERVER < token.txt`
with-token-not-a-token = what stdin holds is not a token (a token is one word of letters, digits and signs); give the token alone, as in `mastokey login --with-token --instance SERVER < token.txt`
with-token-rejected = { $server } does not accept this token (it was revoked, has expired, or is for another server); make a new one on { $server }/settings/applications, or log in with `mastokey login`
with-token-cannot-read-account = this token cannot read its own account on { $server }: give it the { $scope } scope (or read:accounts) when you make it, or log in with `mastokey login`
with-token-bad-handle = the token works, but its account cannot be saved: { $error }
with-token-scopes = scopes: { $scopes }
with-token-scopes-unknown = its scopes are unknown (the server does not say)
with-token-saved = Saved { $account } ({ $server }) with the token from stdin; { $scopes }. mastokey did not make this token, so `mastokey logout` cannot revoke it: revoke it on { $server }/oauth/authorized_applications (or, if you made it there, { $server }/settings/applications) when you no longer need it.
