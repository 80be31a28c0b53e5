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
