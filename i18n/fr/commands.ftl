## Les sous-commandes pour les scripts : ce qu'elles affichent pour une personne (jamais leur sortie lisible par une machine).

scopes-since = (Mastodon { $version } et suivants)
scopes-usage = Choisissez avec mastokey --scopes "read:accounts write:statuses" (séparées par des espaces), ou sur l’écran des permissions. Une permission parente comme read comprend toutes ses permissions filles.

## issue 15: refresh

refresh-cli-nothing = Rien à changer : { $account } a déjà { $scopes }.
refresh-cli-no-identity = avec ces permissions, mastokey ne pourrait pas lire à qui appartient le nouveau jeton, et la connexion de { $account } ne pourrait pas garder son nom : gardez { $scope } (retirez-la de --remove-scopes, ou ajoutez-la avec --add-scopes)
refresh-cli-unadvertised = { $server } ne cite pas { $scopes } parmi les permissions qu’il prend en charge ; il peut les refuser ou les ignorer
refresh-cli-added-and-removed = { $scope } est à la fois ajoutée et retirée : indiquez-la dans --add-scopes ou dans --remove-scopes, pas dans les deux
refresh-cli-part-of-follow = { $scope } fait partie de la permission obsolète follow, qui ne se divise pas : retirez follow, puis rajoutez avec --add-scopes ce que vous en gardez
refresh-cli-already-there = { $account } a déjà { $scope } : l’ajouter ne change rien
refresh-cli-already-through = { $account } a déjà { $scope } par { $by } : l’ajouter ne change rien
refresh-cli-not-there = { $account } n’a pas { $scope } : la retirer ne change rien
refresh-cli-empty = { $account } n’aurait alors plus aucune permission ; gardez-en au moins une (`mastokey logout { $account }` met fin à la connexion)
refresh-cli-bad-server = la connexion enregistrée de { $account } a une adresse de serveur invalide ({ $server }) ; déconnectez-la et reconnectez-vous
refresh-cli-doing-look-up = trouver le serveur
refresh-cli-cancelled = la mise à jour de { $account } n’est pas allée à son terme, donc sa connexion n’a pas changé ; relancez `{ $command }` pour modifier ses permissions
refresh-cli-not-saved = le nouveau jeton de { $account } n’a pas été enregistré (l’écran du profil a dit pourquoi), donc sa connexion n’a pas changé ; corrigez cela, puis relancez `{ $command }`
refresh-cli-other-account = le navigateur a autorisé { $chosen }, et non { $account } : ce compte a été enregistré comme une connexion à part, et la connexion de { $account } n’a pas changé ; connectez-vous en tant que { $account } dans le navigateur, puis relancez `{ $command }`
refresh-cli-quit-while-revoking = mastokey a été fermé avant la réponse du serveur
refresh-cli-saved-anew = la connexion de { $account } avait été déconnectée entre-temps : le nouveau jeton a donc été enregistré comme une nouvelle connexion
refresh-cli-not-revoked = l’ancien jeton de { $account } n’a pas pu être révoqué ({ $error }) : il reste valable tant que vous ne l’avez pas révoqué sur { $page }
refresh-cli-old-revoked = {" "}Le serveur a révoqué l’ancien jeton.
refresh-cli-done = Connexion de { $account } mise à jour : ajoutées { $added } ; retirées { $removed }.{ $revoked }
refresh-cli-no-terminal = refresh a besoin d’un terminal : vous autorisez les nouvelles permissions dans un navigateur, et l’interface du terminal vous y guide ; lancez `{ $command }` dans un terminal
