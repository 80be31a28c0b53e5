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
