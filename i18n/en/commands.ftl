## The subcommands for scripts: what they print for a person (never their machine-readable output).

scopes-since = (Mastodon { $version } and later)
scopes-usage = Choose with mastokey --scopes "read:accounts write:statuses" (space separated), or on the scopes screen. A parent such as read includes all its children.

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
