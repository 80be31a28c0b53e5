## Errors of typed input, the browser and the clipboard.

address-empty = Type the address of your server, for example mastodon.social.
address-has-path = That is a page on a server, not a server. Type just the domain, for example { $domain }.
address-has-query = Leave out the part after ? or #. Type just the domain, for example { $domain }.
address-has-userinfo = Remove the user name and password before @: type just the server, for example { $domain }.
address-bad-port = The port must be a number from 1 to 65535.
address-insecure = Plain http:// is only allowed for this computer (localhost, 127.0.0.1, ::1). Use https://{ $domain }.
address-bad-scheme = Only https:// server addresses work here (got { $scheme }://).
address-invalid = "{ $name }" is not a valid server name. Check for typos: a server looks like mastodon.social.

browser-none = No browser could be started here (no $BROWSER and no display).
browser-failed = The browser ({ $command }) could not be started: { $detail }.
browser-exit-code = it exited with code { $code }
browser-stopped = it was stopped ({ $status })

copy-system-while-open = Copied to the clipboard (it stays available while mastokey is open).
copy-system = Copied to the clipboard.
copy-osc52 = Sent to your terminal's clipboard with OSC 52 (works in most terminals, also over SSH).
copy-osc52-screen = Sent to your terminal's clipboard with OSC 52 through GNU screen (works in most terminals, also over SSH).
copy-no-clipboard = no system clipboard, and the terminal could not be written to ({ $error })
copy-osc52-tmux-off = Sent to the terminal with OSC 52, but tmux's set-clipboard option is "{ $setting }", so nothing reached your clipboard. Run `tmux set -s set-clipboard on` (or put `set -s set-clipboard on` in ~/.tmux.conf) and copy again.

cli-scopes-empty = give at least one scope, e.g. "read:accounts"
cli-scope-unknown = unknown scope "{ $scope }"; `mastokey scopes` lists the known ones with their meaning

## Talking to a server: what went wrong with a request (shown inside the sentences that say what
# Fixed details of a request that went wrong (inside the sentences above).
detail-web-page = a web page instead of JSON
detail-no-client-credentials = the registration has no client_id or client_secret
detail-no-access-token = no access_token in the answer
detail-saved-server-not-url = the saved server address is not a URL
detail-listener-not-ready = the listener was not ready

## to do next; $host and $path as they are, $detail in the system's or the server's words).

api-dns = the name { $host } could not be found (DNS)
api-refused = { $host } refused the connection
api-tls = the secure connection to { $host } failed: { $detail }
api-timeout = { $host } did not answer in time
api-connection = the connection to { $host } broke: { $detail }
# $detail is empty, or api-status-said.
api-status = the server answered { $status } at { $path }{ $detail }
api-status-said = : { $said }
api-rate-limited = the server limits requests; try again in a few minutes
api-rate-limited-until = the server limits requests; try again after { $reset }
api-malformed = the answer at { $path } is not what a Mastodon server sends: { $detail }
api-too-large = the answer at { $path } is larger than { $limit } bytes
api-not-mastodon = this is not a Mastodon server (no Mastodon API at { $host })
api-redirect-secrets = the server answered { $path } with a redirect to { $location }; mastokey never sends its credentials on to another address, so nothing was sent there
api-redirect-elsewhere = the server answered { $path } with a redirect to another server ({ $location }), which mastokey does not follow
api-redirect-loop = the server redirected { $path } in a loop (last to { $location })

## The saved files (logins.json, registrations.json) and their directory.

# $action is one of the store-doing-* verbs.
store-io = could not { $action } { $path }: { $error }
store-doing-read = read
store-doing-write = write
store-doing-lock = lock
store-doing-look-at = look at
store-doing-create-dir = create the directory
store-doing-sync-dir = sync the directory
store-doing-move-aside = move aside the unreadable file
store-doing-open-lock = open the lock file
store-corrupt = { $path } could not be understood; it was kept as { $kept } and a new file will be started
store-newer = { $path } was written by a newer mastokey (format version { $version }); update mastokey to use it (the file was left as it is)
store-no-config-dir = no configuration directory was found; set MASTOKEY_CONFIG_DIR or HOME
store-unsafe-owner = { $path } belongs to another user (uid { $uid }), who could read and change the logins in it, so mastokey does not use it; make it yours with `sudo chown $USER { $quoted }`, or set MASTOKEY_CONFIG_DIR to a directory of your own
store-unsafe-writable = { $path } can be written by other users (its permissions are { $mode }), so mastokey does not use it; run `chmod 700 { $quoted }`
store-unsafe-symlink = { $path } is a symbolic link, and mastokey opens no file in its directory through one (whoever made it could point it anywhere); remove it with `rm { $quoted }`

## The system keyring.

keyring-no-service = no keyring service is running ({ $reason })
keyring-missing = the system keyring has no entry for it
keyring-failed = the system keyring could not be used: { $detail }
keyring-reason-no-secret-service = nothing on the D-Bus session bus provides the Secret Service
keyring-reason-no-bus = no D-Bus session bus could be reached
keyring-reason-not-built = this build of mastokey has no keyring support
keyring-item-not-a-token = the keyring item is not a token
keyring-ambiguous = { $count } keyring items match this login
keyring-locked = the keyring is locked or refused access ({ $detail })
# $why is keyring-no-service, keyring-failed, ...
keyring-fallback-note = { $why }, so the token of { $account } is in { $path } (readable only by you) instead of the system keyring
keyring-token-gone = the token of { $account } is no longer in the system keyring
keyring-token-unreadable = the token of { $account } is in the system keyring, but { $why }
keyring-why-gone = no longer there
keyring-why-no-service = no keyring service is running
keyring-why-refused = the keyring refused
keyring-problem-item = @{ $account } ({ $why })
keyring-problems = Keyring: could not read the token of { $list }

## Revoking a saved login's token; accounts that cannot be saved; avatars.

revoke-made-elsewhere = mastokey did not make this token (it was saved with `login --with-token`), so it cannot revoke it: revoke it on { $apps } (apps you authorized) or { $development } (tokens made on the Development page)
revoke-no-registration = mastokey has no saved app registration for this login (client id { $client_id }), so it cannot ask the server
revoke-no-token = mastokey could not read this login's token (it is kept in the system keyring), so it cannot ask the server
revoke-bad-server = the saved server address is not a URL ({ $server })
revoke-unknown-client = the server no longer knows mastokey's app registration (invalid_client)
revoke-other-app = the token belongs to another app
handle-other-domain = the server says this account is @{ $claimed }, but it calls itself { $domain }: a server can only log in its own accounts, so mastokey refused to save it
handle-unnameable = the server names this account { $shown }, with characters no account name has (spaces, invisible or control characters), so it could not be told apart from others; mastokey refused to save it
avatar-undecodable = the avatar is not an image mastokey can read ({ $detail })
