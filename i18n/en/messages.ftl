## Sentences that say what happened and what to do next. A `$hint` is a whole sentence naming
## a key (one of the hint-* messages below, with its leading space), or nothing where the
## screen has no such key.

hint-try-again = {" "}Press { $key } to try again.
hint-start-again = {" "}Press { $key } to start again.
hint-new-attempt = {" "}Press { $key } to start a new attempt (a new URL, state and listener).
hint-new-attempt-approve = {" "}Press { $key } to start a new attempt (a new URL, state and listener), then approve again in the browser.
hint-paste-instead = {" "}Press { $key } to paste the code instead.
hint-copy-url = {" "}Press { $key } to copy the URL.
hint-show-qr = {" "}Press { $key } to show it as a QR code.
hint-paste-from-elsewhere = {" "}Press { $key } to paste a code from a browser elsewhere.
hint-open-it = {" "}Press { $key } to open it.
hint-reopen-page = {" "}Press { $key } to open the authorize page again, approve, and paste the new code here.
hint-send-again = {" "}Press { $key } to send it again.
hint-log-in-again = {" "}Press { $key } to log in again.
hint-see-logins = {" "}Press { $key } to see the saved logins as they are now.
hint-identity-preset = {" "}({ $key } picks identity only.)

discovery-dns = No server called { $server } could be found. Check the spelling, or your internet connection.
discovery-refused = { $server } refused the connection. The server may be down, or the port is wrong; try again later.
discovery-tls-local = The secure connection to { $server } failed ({ $detail }). A server on this computer often has no TLS: type http://{ $server } instead.
discovery-tls = The secure connection to { $server } failed ({ $detail }). The server's certificate may be invalid or your clock wrong.
discovery-timeout = { $server } did not answer in time. Try again; if it keeps happening the server may be overloaded.
discovery-broken = The connection to { $server } broke ({ $detail }).{ $hint }
discovery-not-mastodon = { $server } does not look like a Mastodon server (it has no Mastodon API). Check the address: it is the domain in your handle @you@domain.
discovery-malformed = { $server } answered { $path } with something that is not Mastodon's API ({ $detail }). Check the address, or try again later.
discovery-too-large = { $server } sent an unexpectedly large answer at { $path }. It is probably not a Mastodon server.
discovery-rate-limited = { $server } is limiting requests ({ $error }). Wait a little.{ $hint }
discovery-server-error = { $server } has a problem right now ({ $error }). Try again in a few minutes.
discovery-refused-request = { $server } refused the request ({ $error }). Check the address.
discovery-moved = { $server } sends its API on to another server ({ $location }). If that is your server, type { $host } instead.
discovery-moved-elsewhere = { $server } sends its API on to another address ({ $location }), which mastokey does not follow. Type the address the server lives at.
discovery-not-as-mastodon = { $server } answered, but not as a Mastodon server does ({ $error }). Check the address.

address-handle-without-server = { $error } To use your handle, type it whole, with its server: { $typed }@example.social.
demo-only = This is the demo: it logs in only to its built-in server, { $server }. To log in to another server, quit and run mastokey without --demo.

listener-failed = mastokey could not listen on 127.0.0.1 ({ $error }).{ $hint }
listener-silent = A connection to mastokey's listener sent nothing and was closed. Still waiting for the browser.
listener-wrong-state = A browser returned a login that is not this attempt's (state mismatch); it was refused and nothing was used. Still waiting.
listener-timeout = No answer from the browser in time, so mastokey stopped listening.{ $hint }
browser-denied = You denied access in the browser, so no token was made.{ $hint }
browser-no-code = The server sent no code ({ $error }).{ $hint }
browser-returned-code = The browser returned the code.
browser-opened-automatic = Opened in your browser. Approve there; the browser hands the code back to mastokey.
browser-opened-paste = Opened in your browser. Approve there, then paste the code here.
copy-failed = Could not copy: { $error }. Select the text with the mouse instead.{ $hint }

registration-scopes-refused = The server refused to register mastokey ({ $error }). Some servers do not know every scope: go back ({ $key }) and choose fewer.
registration-closed = The server does not allow new apps to register ({ $error }). Ask its admins, or use another server.
registration-unreachable = Could not reach the server to register mastokey: { $error }.{ $hint }
registration-redirected = Registering mastokey failed: { $error }. A server that sends logins elsewhere cannot be logged in to safely; tell its admins, or use another server.
registration-failed = Registering mastokey failed: { $error }.{ $hint }
registration-unknown = The server no longer knows mastokey's registration (invalid_client), so mastokey forgot it and is registering again. Then open the new URL and approve once more.
registration-forgotten = Forgot the saved registration; registering mastokey anew.
attempt-over = That attempt is over, so mastokey is preparing a new one (a new URL and listener); it opens as soon as it is ready.
attempt-new = Starting a new attempt: a new URL, state and PKCE.

code-invalid-scope = The server refused the scopes (invalid_scope).{ $hint } Then go back to the scopes and choose ones it supports.
code-invalid-request = The server says the request is incomplete ({ $error }).{ $hint }
code-unreachable = Could not reach the server: { $error }. Your code is kept.{ $hint }
code-empty = Paste the code the server showed after you approved mastokey.
login-redirected = Logging in failed: { $error }. A server that sends logins elsewhere cannot be logged in to safely; tell its admins, or use another server.
login-failed = Logging in failed: { $error }.{ $hint }

verify-token-refused = The server refused the new token (401). Try logging in again.
verify-out-of-scope = The token works, but its scopes do not allow reading your profile. Log in again with profile or read:accounts chosen.
verify-redirected = Logged in, but the profile could not be read: { $error }. Nothing was saved.
verify-failed = Logged in, but reading your profile failed: { $error }.{ $hint }
recheck-out-of-scope = its token is not allowed to read the account (it lacks the profile or read:accounts scope)
handle-refused = { $error }. Log in at a server you trust, or tell this server's admins.

scopes-empty = Choose at least one scope ({ $toggle } toggles).{ $hint }
task-cancelled = Cancelled: { $what }. Nothing you entered was lost.

## What a request in flight is doing (the spinner's text; "Cancelled: …"; "Still …").
task-looking-up = looking up the server
task-registering = registering mastokey with the server
task-exchanging = exchanging the code for a token
task-reading-profile = reading your profile
task-checking = checking the token with the server
task-logging-out = logging out at the server

accounts-still-busy = Still { $what }. Wait for it, or press { $key } to cancel it.
accounts-gone = @{ $account } is no longer saved.
accounts-now-default = @{ $account } is now the default account: `mastokey token` and `mastokey whoami` use it when no ACCOUNT is named.
accounts-default-not-saved = The default account could not be saved: { $error }
accounts-bad-server = This login's server address is not valid; log it out.
accounts-token-rejected = The server no longer accepts the token of @{ $account } (revoked or expired).{ $hint }
accounts-check-failed = Could not check @{ $account }: { $error }.{ $hint }
accounts-logged-out = Logged out of @{ $account }: the server revoked the token.
accounts-not-revoked = The server did not revoke the token: { $error }.
accounts-forgotten = Forgot the login of @{ $account }.
accounts-revoked-not-forgotten = The server revoked the token of @{ $account }, but the login could not be removed here: { $error }. Fix that, then log out again (revoking once more is harmless).
accounts-not-forgotten = Could not forget the login: { $error }. It is still saved.
accounts-unreadable = The saved logins could not be read again: { $error }.

save-newer = Could not save the login: { $error }. The token stays here until you quit.
save-failed = Could not save the login: { $error }. Free some space or fix the permissions.{ $hint }
save-failed-left = The login of @{ $account } could not be saved: { $error }. Log in again to save it.
save-changed-elsewhere = Not saved: another mastokey logged this account out or in again meanwhile.{ $hint }
listener-late = A browser came back after this attempt ended; it was told so and nothing was used.{ $hint }
hint-copy-from-authorize = {" "}Press { $key } to see the authorize URL again: copy it, open it in a browser, approve, and paste the new code here.

code-refused = The server did not accept this code. It may be mistyped, already used, or expired.{ $hint }
code-refused-takahe = The server did not accept this code. It may be mistyped, already used, or expired (Takahē's codes last only a minute).{ $hint }
code-other-redirect = The server says this code was made for the other way of getting the code back (a different redirect), so it was not used here.{ $hint }
server-said = {" "}(The server said: { $words })
paste-not-a-code = That does not look like a code: paste the code the server showed, or the whole address from the browser's address bar.
paste-wrong-state = This code belongs to another login attempt (its state is not this one's), so nothing was sent.{ $hint }
paste-denied = The address you pasted says access was denied, so there is no code in it.{ $hint }
paste-invalid-scope = The address you pasted says the server refused the scopes (invalid_scope). Go back to the scopes and choose ones it supports.
paste-server-error = The address you pasted carries server_error instead of a code: on a server that compares redirect addresses exactly, the redirect was not registered.{ $hint }
paste-error = The address you pasted carries the error { $error } instead of a code.{ $hint }
force-login-ignored = This server ignores the request to choose another account: the browser logs in whoever is signed in there. To add another account, sign out of the server in the browser first.

registrations-unreadable = Saved registrations could not be read ({ $error }); mastokey registered again.
registrations-read-failed = Reading saved registrations failed: { $error }

## issue 15: refresh

task-revoking-old-token = revoking the old token at the server
refresh-lookup-failed = Could not look up the server of @{ $account } to change its scopes: { $error }
refresh-login-gone = That login is no longer saved: another mastokey logged it out meanwhile.
refresh-scopes-none = none
refresh-changed = New token for @{ $account }. Scopes added: { $added }; removed: { $removed }.
refresh-saved-anew = The login of @{ $account } was logged out meanwhile, so the new token was saved as a new login.
refresh-revoking = Revoking the old token at the server…
refresh-revoked = The server revoked the old token of @{ $account }.
refresh-not-revoked = The old token of @{ $account } could not be revoked ({ $error }). It works until you revoke it at { $page }; the new token is saved.
refresh-other-account = The browser approved @{ $chosen }, not @{ $account }: it was saved as a login of its own, and the login of @{ $account } is unchanged. To change its scopes, sign in as @{ $account } in the browser and try again.
