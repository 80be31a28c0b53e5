## Erreurs de saisie, du navigateur et du presse-papiers.

address-empty = Tapez l’adresse de votre serveur, par exemple mastodon.social.
address-has-path = C’est une page d’un serveur, pas un serveur. Tapez seulement le domaine, par exemple { $domain }.
address-has-query = Retirez la partie après « ? » ou « # ». Tapez seulement le domaine, par exemple { $domain }.
address-has-userinfo = Retirez le nom d’utilisateur et le mot de passe placés avant « @ » : tapez seulement le serveur, par exemple { $domain }.
address-bad-port = Le port doit être un nombre de 1 à 65535.
address-insecure = Le simple http:// n’est autorisé que pour cet ordinateur (localhost, 127.0.0.1, ::1). Utilisez https://{ $domain }.
address-bad-scheme = Seules les adresses de serveur en https:// fonctionnent ici (reçu : { $scheme }://).
address-invalid = « { $name } » n’est pas un nom de serveur valide. Vérifiez la frappe : un nom de serveur a la forme mastodon.social.

browser-none = Aucun navigateur n’a pu être lancé ici (ni $BROWSER ni affichage graphique).
browser-failed = Le navigateur ({ $command }) n’a pas pu être lancé : { $detail }.
browser-exit-code = il s’est terminé avec le code { $code }
browser-stopped = il a été arrêté ({ $status })

copy-system-while-open = Copié dans le presse-papiers (disponible tant que mastokey reste ouvert).
copy-system = Copié dans le presse-papiers.
copy-osc52 = Envoyé au presse-papiers de votre terminal par OSC 52 (fonctionne dans la plupart des terminaux, même via SSH).
copy-osc52-screen = Envoyé au presse-papiers de votre terminal par OSC 52 à travers GNU screen (fonctionne dans la plupart des terminaux, même via SSH).
copy-no-clipboard = pas de presse-papiers système, et impossible d’écrire dans le terminal ({ $error })
copy-osc52-tmux-off = Envoyé au terminal par OSC 52, mais l’option set-clipboard de tmux vaut « { $setting } » : rien n’est arrivé dans votre presse-papiers. Lancez `tmux set -s set-clipboard on` (ou ajoutez `set -s set-clipboard on` à ~/.tmux.conf), puis copiez à nouveau.

cli-scopes-empty = indiquez au moins une permission, par exemple « read:accounts »
cli-scope-unknown = permission inconnue « { $scope } » ; `mastokey scopes` liste les permissions connues et leur sens

## Ce qui s'est mal passé en parlant à un serveur (inséré dans les phrases qui disent quoi faire ensuite ; sans point final).

api-dns = le nom { $host } est introuvable (DNS)
api-refused = { $host } a refusé la connexion
api-tls = la connexion sécurisée à { $host } a échoué : { $detail }
api-timeout = { $host } n’a pas répondu à temps
api-connection = la connexion à { $host } a été coupée : { $detail }
api-status = le serveur a répondu { $status } sur { $path }{ $detail }
api-status-said =  : { $said }
api-rate-limited = le serveur limite les requêtes ; réessayez dans quelques minutes
api-rate-limited-until = le serveur limite les requêtes ; réessayez après { $reset }
api-malformed = la réponse sur { $path } n’est pas celle d’un serveur Mastodon : { $detail }
api-too-large = la réponse sur { $path } dépasse { $limit } octets
api-not-mastodon = ce n’est pas un serveur Mastodon (pas d’API Mastodon sur { $host })
api-redirect-secrets = le serveur a répondu à { $path } par une redirection vers { $location } ; mastokey ne transmet jamais ses identifiants à une autre adresse, rien n’y a donc été envoyé
api-redirect-elsewhere = le serveur a répondu à { $path } par une redirection vers un autre serveur ({ $location }), que mastokey ne suit pas
api-redirect-loop = le serveur a redirigé { $path } en boucle (en dernier vers { $location })

# Fixed details of a request that went wrong (inside the sentences above).
detail-web-page = une page web au lieu de JSON
detail-no-client-credentials = l’enregistrement n’a ni client_id ni client_secret
detail-no-access-token = pas d’access_token dans la réponse
detail-saved-server-not-url = l’adresse enregistrée du serveur n’est pas une URL
detail-listener-not-ready = l’écoute n’était pas prête

## Les fichiers enregistrés (logins.json, registrations.json) et leur dossier.

store-io = impossible de { $action } { $path } : { $error }
store-doing-read = lire
store-doing-write = écrire
store-doing-lock = verrouiller
store-doing-look-at = examiner
store-doing-create-dir = créer le dossier
store-doing-sync-dir = synchroniser le dossier
store-doing-move-aside = mettre de côté le fichier illisible
store-doing-open-lock = ouvrir le fichier de verrou
store-corrupt = { $path } n’a pas pu être compris ; il a été conservé sous le nom { $kept } et un nouveau fichier sera créé
store-newer = { $path } a été écrit par une version plus récente de mastokey (format version { $version }) ; mettez mastokey à jour pour l’utiliser (le fichier a été laissé tel quel)
store-no-config-dir = aucun dossier de configuration n’a été trouvé ; définissez MASTOKEY_CONFIG_DIR ou HOME
store-unsafe-owner = { $path } appartient à un autre utilisateur (uid { $uid }), qui pourrait lire et modifier les connexions qu’il contient : mastokey ne l’utilise donc pas ; appropriez-vous-le avec `sudo chown $USER { $quoted }`, ou définissez MASTOKEY_CONFIG_DIR vers un dossier à vous
store-unsafe-writable = { $path } est modifiable par d’autres utilisateurs (ses permissions sont { $mode }) : mastokey ne l’utilise donc pas ; lancez `chmod 700 { $quoted }`
store-unsafe-symlink = { $path } est un lien symbolique, et mastokey n’ouvre aucun fichier de son dossier à travers un lien (son auteur pourrait le faire pointer n’importe où) ; supprimez-le avec `rm { $quoted }`

## Le trousseau du système.

keyring-no-service = aucun service de trousseau ne fonctionne ({ $reason })
keyring-missing = le trousseau du système n’a aucune entrée pour ce jeton
keyring-failed = le trousseau du système n’a pas pu être utilisé : { $detail }
keyring-reason-no-secret-service = rien sur le bus de session D-Bus ne fournit le Secret Service
keyring-reason-no-bus = aucun bus de session D-Bus n’est joignable
keyring-reason-not-built = cette version de mastokey a été compilée sans prise en charge du trousseau
keyring-item-not-a-token = l’élément du trousseau n’est pas un jeton
keyring-ambiguous = { $count } éléments du trousseau correspondent à cette connexion
keyring-locked = le trousseau est verrouillé ou a refusé l’accès ({ $detail })
keyring-fallback-note = { $why } : le jeton de { $account } est donc dans { $path } (lisible par vous seul) au lieu du trousseau du système
keyring-token-gone = le jeton de { $account } n’est plus dans le trousseau du système
keyring-token-unreadable = le jeton de { $account } est dans le trousseau du système, mais { $why }
keyring-why-gone = il n’y est plus
keyring-why-no-service = aucun service de trousseau ne fonctionne
keyring-why-refused = le trousseau a refusé
keyring-problem-item = @{ $account } ({ $why })
keyring-problems = Trousseau : impossible de lire le jeton de { $list }

## Révoquer le jeton d'une connexion enregistrée ; comptes impossibles à enregistrer ; avatars.

revoke-made-elsewhere = mastokey n’a pas créé ce jeton (il a été enregistré avec `login --with-token`) et ne peut donc pas le révoquer : révoquez-le sur { $apps } (applications autorisées) ou { $development } (jetons créés sur la page Développement)
revoke-no-registration = mastokey n’a aucun enregistrement d’application pour cette connexion (identifiant client { $client_id }) : il ne peut donc pas le demander au serveur
revoke-no-token = mastokey n’a pas pu lire le jeton de cette connexion (il est gardé dans le trousseau du système) : il ne peut donc pas le demander au serveur
revoke-bad-server = l’adresse de serveur enregistrée n’est pas une URL ({ $server })
revoke-unknown-client = le serveur ne connaît plus l’enregistrement de l’application mastokey (invalid_client)
revoke-other-app = le jeton appartient à une autre application
handle-other-domain = le serveur dit que ce compte est @{ $claimed }, mais il se présente lui-même comme { $domain } : un serveur ne peut connecter que ses propres comptes, mastokey a donc refusé de l’enregistrer
handle-unnameable = le serveur nomme ce compte { $shown }, avec des caractères qu’aucun nom de compte ne contient (espaces, caractères invisibles ou de contrôle) : on ne pourrait pas le distinguer des autres, mastokey a donc refusé de l’enregistrer
avatar-undecodable = l’avatar n’est pas une image que mastokey sait lire ({ $detail })
