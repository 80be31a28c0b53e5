## Les sous-commandes pour les scripts : ce qu'elles affichent pour une personne (jamais leur sortie lisible par une machine).

scopes-since = (Mastodon { $version } et suivants)
scopes-usage = Choisissez avec mastokey --scopes "read:accounts write:statuses" (séparées par des espaces), ou sur l’écran des permissions. Une permission parente comme read comprend toutes ses permissions filles.
