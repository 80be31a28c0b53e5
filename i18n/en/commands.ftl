## The subcommands for scripts: what they print for a person (never their machine-readable output).

scopes-since = (Mastodon { $version } and later)
scopes-usage = Choose with mastokey --scopes "read:accounts write:statuses" (space separated), or on the scopes screen. A parent such as read includes all its children.
