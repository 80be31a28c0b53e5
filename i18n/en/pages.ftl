## The pages the browser shows when it comes back to mastokey (the loopback listener).

callback-footer = mastokey — logging in from your terminal
callback-done-title = Logged in
callback-done = mastokey received your approval for { $server } and is finishing the login in your terminal.
callback-close-tab = You can close this tab.
callback-back-to-terminal = Go back to the terminal: mastokey says what to do next there.
callback-denied-title = Login cancelled
callback-denied = You denied mastokey access to your account on { $server }, so no token was made.
callback-error-title = Login not completed
callback-error = { $server } sent no code ({ $error }), so no token was made.
callback-wrong-state-title = Login not recognised
callback-wrong-state = This answer from { $server } does not belong to the login mastokey is waiting for (its state does not match), so nothing was used. Open the authorize URL mastokey shows now.
callback-late-title = This login attempt is over
callback-late = mastokey stopped waiting for this answer from { $server }, so nothing was used. Start a new attempt in the terminal and approve again.
callback-not-found-title = Not found
callback-not-found = mastokey is only waiting for the login callback here.

## The demo server's pages (its consent page, the code to paste, its error pages).

demo-authorize-title = Authorize { $app }
demo-authorize-asks = { $app } would like permission to access your account on this server.
demo-authorize-website = App website: { $site }
demo-authorize-scopes = It asks for these permissions:
demo-authorize-sign-in-as = Sign in as
demo-authorize-force-login = The app asked for force_login: the account choice is forced, so pick the account to sign in with even if you signed in before.
demo-approve = Approve
demo-deny = Deny
demo-note = This is the demo server built into mastokey. No password is needed; nothing leaves this computer.
demo-code-title = Authorization code
demo-code-copy = Copy this code and paste it into mastokey:
demo-code-note = The code works once and expires in a few minutes.
demo-denied-title = Authorization denied
demo-denied = You denied the request. No access was granted; you can close this page.
demo-error-title = An error has occurred
demo-error-code = Error code:
demo-error-missing-client-id = The request does not say which app it is for (client_id is missing).
demo-error-invalid-client = This server does not know the app: it was never registered here, or the registration was deleted.
demo-error-invalid-redirect = The address to return to (redirect_uri) is missing, malformed or not one the app registered.
demo-error-missing-response-type = The request does not say what it asks for (response_type is missing).
demo-error-unsupported-response-type = This server only hands out authorization codes (response_type=code).
demo-error-invalid-scope = The app asks for a permission that is unknown, malformed or more than it registered.
demo-error-challenge-method = The PKCE challenge must use the S256 method.
demo-error-decision = The answer must be approve or deny.
demo-error-unknown-account = Choose one of the demo accounts: none was chosen, or it is not one of them.
demo-index = A local demo server built into mastokey. It speaks the Mastodon API strictly (OAuth 2.0 apps, authorization codes with PKCE, tokens, verify_credentials) and never touches the network.
demo-index-accounts = Demo accounts:
demo-account-ada = an admin; a rich bio with a link, a mention and a hashtag; a verified field
demo-account-hanako = a Japanese name and bio, custom emoji
demo-account-newsbot = a bot with the default avatar
demo-account-grace = a locked account with pending follow requests
demo-account-rustclub = a group account
demo-account-oldada = an account that moved to @ada
demo-account-mallory = hostile: terminal escape sequences in name, bio and fields
