## Key names, and what each key does (footer and help).

keyname-enter = enter
keyname-esc = esc
keyname-tab = tab
keyname-backspace = backspace
keyname-delete = delete
keyname-home = home
keyname-end = end
keyname-pageup = pgup
keyname-pagedown = pgdn
keyname-space = space
keyname-ctrl = ctrl-{ $key }

key-a-page-down = a page down
key-a-page-up = a page up
key-accounts = accounts
key-add-a-login = add a login
key-back = back
key-back-quit = back / quit
key-back-to-the-url = back to the URL
key-cancel-request = cancel a check or logout in flight
key-clear-the-selection = clear the selection
key-close = close
key-continue = continue
key-copy-token = copy token
key-copy-url = copy URL
key-enter-the-code = enter the code
key-help = help
key-log-in = log in
key-log-out = log out
key-look-up-server = look up server
key-move-down = move down
key-move-up = move up
key-new-attempt = new attempt
key-new-login = new login
key-next-login = next login
key-no = no
key-open = open
key-open-in-browser = open in browser
key-open-or-close-a-group = open or close a group
key-presets = presets
key-previous-login = previous login
key-profile = profile
key-qr-code = QR code
key-quit = quit
key-register-anew = register mastokey anew (the server says the app is unknown)
key-reopen-browser = reopen browser
key-retry-reading-the-profile = retry reading the profile
key-retry-saving = retry saving
key-scroll-down = scroll down
key-scroll-up = scroll up
key-switch-paste-automatic = switch paste/automatic
key-toggle = toggle
key-yes = yes
key-edit-move = move the cursor
key-edit-start = start of the text
key-edit-end = end of the text
key-edit-delete-char = delete a character
key-edit-delete-word = delete a word
key-edit-clear = clear the box

## issue 15: refresh

key-change-scopes = change scopes
key-make-default = make default
