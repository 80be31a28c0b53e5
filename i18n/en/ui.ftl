## The screens' own texts: header, status line, help, dialogs.

step-server = Server
step-scopes = Scopes
step-authorize = Authorize
step-code = Code
step-profile = Profile
step-of = step { $number } of 5: { $name }
screen-accounts = Accounts
demo-banner = DEMO SERVER — not a real account
spinner-cancel = ({ $key } cancels)

help-title = Help
help-title-keys = Keys on this screen
help-text-box = Letters type into the box. Paste works as usual.
help-mouse = Mouse: click a row or a key hint at the bottom.
help-close = { $key } closes this help.

confirm-copy-title = Copy token
confirm-copy-question = Copy the access token of @{ $account }?
confirm-copy-detail = Anything that can read your clipboard can then act as this account.
confirm-copy-yes = yes, copy
confirm-logout-title = Log out
confirm-logout-question = Log out @{ $account }?
confirm-logout-detail = The server revokes the token, then mastokey forgets the login.
confirm-logout-yes = yes, log out
confirm-forget-title = Forget anyway?
confirm-forget-question = Forget the login of @{ $account } anyway?
confirm-forget-detail = The token may still work until you revoke mastokey in the server's settings (Authorized apps).
confirm-forget-yes = yes, forget
unadvertised-title = Not advertised
unadvertised-lead = The server does not list these scopes:
unadvertised-question = It may refuse the registration, or ignore them. Ask for them anyway?
unadvertised-yes = yes, continue
add-identity-title = Add an identity scope
add-identity-lead = None of these scopes lets mastokey see whose token this is.
add-identity-why = Without one it cannot show the account or save the login under its name.
add-identity-question = Add { $scope }?{" "}
add-identity-yes = yes, add { $scope }

preset-identity = identity only
preset-read-only = read-only
preset-read-write = read + write
preset-all-but-admin = everything but admin
scopes-nothing-chosen = (nothing chosen yet)
scopes-what-it-allows = What it allows
scopes-string-title = Scope string requested
scopes-description-cut = a taller window shows the rest
scopes-tree-title = Scopes
more-rows = { $count } more
scope-deprecated-mark = (deprecated)
scope-unlisted-mark = (not listed by server)
scope-admin-warning = Admin scope: only for moderator tools. Treat the token like a password.
scope-needs-version = Needs Mastodon { $version } or newer.
scope-unlisted-note = This server does not list this scope; you will be asked to confirm.
card-active-users = { $count ->
    [one] { $shown } active user
   *[other] { $shown } active users
}
card-signups-approval = sign-ups need approval
card-signups-open = sign-ups open
card-signups-closed = sign-ups closed

instance-question = Which server is your account on?
instance-box = Server
instance-hint = Type a domain and press { $key }. Your password is never typed here: you log in on the server's own page.
instance-examples = Examples
instance-example-handle = (your handle works too)

authorize-preparing = Preparing the authorize URL…
authorize-none = No authorize URL yet: press { $key } to prepare one.
authorize-open-this = Open this address in a browser and approve mastokey:
authorize-scopes = Scopes: { $scopes }
authorize-pkce = Protected with PKCE (S256) and a fresh state.
authorize-url-title = Authorize URL
authorize-paste-mode = Paste mode: after you approve, the server shows a code; press { $key } and paste it.
authorize-switch-to-automatic = ({ $key }: let the browser hand the code back automatically instead)
authorize-automatic-mode = Automatic mode: after you approve, the browser returns the code to mastokey at { $uri }.
authorize-switch-to-paste = ({ $key }: paste the code instead, e.g. when the browser is on another device)
authorize-waiting = Waiting for your browser…
authorize-waiting-left = Waiting for your browser… { $time } left
authorize-not-listening = No longer listening for the browser ({ $key } starts a new attempt).
registration-saved-earlier = Using mastokey's saved registration from { $date } ({ $key } registers anew).
registration-just-now-saving = mastokey was registered with this server just now; saving the registration…
registration-just-now-saved = mastokey was registered with this server just now (saved for next time).
registration-just-now-unsaved = mastokey was registered with this server just now, but the registration could not be saved yet ({ $error }); it is saved with the login.

code-ask-automatic = The browser hands the code back by itself; or paste a code here:
code-ask-paste = Paste the code the server showed after you approved mastokey:
code-box = Authorization code
code-hint = Spaces and line breaks around the code are ignored. The code works once and only for a few minutes.
code-url-label = Authorize URL ({ $key } opens it again):
code-url-label-plain = Authorize URL:

qr-phone-loopback = A phone cannot reach this computer's 127.0.0.1: press { $key } for paste mode first.
qr-hint = Scan with your phone's camera to log in there. { $back } or { $key } closes.
qr-preparing = Preparing the authorize URL for the QR code…
qr-too-small = The QR code needs a terminal of at least { $needed } (this one is { $size }). Enlarge the window or make the font smaller; it appears as soon as it fits. { $key } closes.

profile-reading = Logged in. Reading your profile…
profile-token = Token
profile-scopes-granted = Scopes granted
profile-scopes-requested = Scopes requested
profile-not-granted = Not granted: { $scopes }
profile-saving = Saving
profile-saved-in = Saved in
profile-token-saved-in = Token saved in
profile-keyring = the system keyring (Secret Service)
profile-details-in = Login details in
profile-keyring-fallback = { $reason }, so the token is in this 0600 file.
profile-demo-login = Demo login: stored in a temporary directory, deleted when mastokey exits.
profile-moved = This account has moved to { $account }.
profile-joined = Joined
profile-last-post = Last post
profile-never = never
profile-verified = verified
profile-posts = { $count ->
    [one] { $shown } post
   *[other] { $shown } posts
}
profile-following = { $count ->
   *[other] { $shown } following
}
profile-followers = { $count ->
    [one] { $shown } follower
   *[other] { $shown } followers
}
flag-bot = bot
flag-locked = locked (approves followers)
flag-group = group
flag-role = role: { $role }
flag-moved = moved
default-visibility = Post visibility
default-sensitive = Mark media sensitive
default-language = Post language
answer-yes = yes
answer-no = no
visibility-public = public
visibility-unlisted = unlisted
visibility-private = followers only
visibility-direct = mentioned people only

accounts-intro = { $count ->
    [one] 1 saved login. Choose one, or press { $key } to add another.
   *[other] { $count } saved logins. Choose one, or press { $key } to add another.
}
accounts-title = Logins
accounts-server = Server
accounts-scopes = Scopes
accounts-logged-in = Logged in
accounts-status-works = works
accounts-status-revoked = revoked
accounts-status-unchecked = unchecked
accounts-checked = checked { $date }
accounts-never-checked = never checked
demo-banner-short = DEMO
code-url-cut = the whole URL is on the previous screen ({ $key })
scopes-presets = Presets: { $presets }
accounts-more-scopes = +{ $count } more
accounts-scopes-unknown = unknown
accounts-made-elsewhere = token made elsewhere
accounts-is-default = default account

kind-other = a Mastodon-compatible server
adapt-identity-scope = This server publishes no OAuth metadata, so the identity scope is { $scope }.
adapt-no-pkce = It offers no PKCE, so none is sent (the state still protects the login).
adapt-exact-redirect = It compares redirect URIs exactly, so the loopback redirect is registered with its port.
adapt-no-account-choice = It ignores force_login: to add another account, sign out in the browser first.
adapt-forgets-registration = It deletes the app when a token is revoked, so logging out forgets the registration too.

## issue 15: refresh

header-refresh = new scopes for @{ $account } on { $server }
