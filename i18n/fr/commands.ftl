## Les sous-commandes pour les scripts : ce qu'elles affichent pour une personne (jamais leur sortie lisible par une machine).

scopes-since = (Mastodon { $version } et suivants)
scopes-usage = Choisissez avec mastokey --scopes "read:accounts write:statuses" (séparées par des espaces), ou sur l’écran des permissions. Une permission parente comme read comprend toutes ses permissions filles.

## Ce que disent les sous-commandes sur la sortie d'erreur quand elles ne peuvent pas faire leur travail : une phrase, avec la marche à suivre. Les commandes entre accents graves restent telles quelles.

cmd-stdout-failed = impossible d’écrire sur la sortie standard : { $error }
cmd-keyring-token-gone = { $problem } ; reconnectez-vous avec `mastokey --instance { $instance }`
cmd-keyring-unreadable = { $problem } ; démarrez ou déverrouillez le trousseau et réessayez, ou reconnectez-vous avec `mastokey`
cmd-store-corrupt = { $path } n’a pas pu être compris : il a été mis de côté sous le nom { $kept } ; reconnectez-vous avec `mastokey`, ou réparez ce fichier et remettez-le en place
cmd-store-io = { $error } ; vérifiez les permissions de ce chemin, ou définissez MASTOKEY_CONFIG_DIR vers un autre dossier
cmd-bad-server = --server { $server } : { $error }
cmd-none-from-server = aucune connexion n’est enregistrée pour { $server } ; les connexions enregistrées sont { $saved }
cmd-none-from-server-none-saved = aucune connexion n’est enregistrée pour { $server } ; aucune connexion n’est enregistrée du tout
cmd-saved-none-yet = aucune connexion n’est encore enregistrée (lancez `mastokey` pour vous connecter)
cmd-saved-are = les connexions enregistrées sont { $saved }
cmd-not-an-account = `{ $typed }` n’est pas un ACCOUNT : écrivez-le sous la forme user@domain, comme dans `mastokey { $command } ada@mastodon.social` ; { $saved }
cmd-no-logins = aucune connexion n’est enregistrée dans { $dir } ; connectez-vous d’abord en lançant `mastokey`
cmd-say-which = { $count } connexions sont enregistrées, précisez laquelle : `mastokey { $command } ACCOUNT`, ACCOUNT étant l’un de { $saved }, ou faites de l’une le compte par défaut avec `mastokey switch ACCOUNT`
cmd-account-from = { $account } de { $server }
cmd-ambiguous-account = { $count } connexions sont enregistrées sous { $account }, venant de serveurs différents qui revendiquent chacun ce nom : { $which } ; précisez lequel avec --server, comme dans `mastokey { $command } { $account } --server { $example }`
cmd-no-such-login = aucune connexion enregistrée n’est { $account } ; les connexions enregistrées sont { $saved }
cmd-unreachable = impossible de joindre { $server } pour { $doing } : { $error } ; vérifiez la connexion réseau et réessayez
cmd-request-failed = impossible de { $doing } : { $error }
cmd-request-failed-later = impossible de { $doing } : { $error } ; réessayez plus tard
cmd-request-redirected = impossible de { $doing } : { $error } ; le serveur envoie les requêtes de mastokey ailleurs, il ne peut donc pas être utilisé en sécurité
cmd-request-not-mastodon = impossible de { $doing } : { $error } ; le serveur a répondu, mais pas comme un serveur Mastodon : vérifiez qu’il en est toujours un, ou réessayez plus tard
cmd-doing-verify = vérifier la connexion de { $account }
cmd-doing-revoke = révoquer le jeton de { $account }

## mastokey logout

logout-done = Déconnecté de { $account } : { $server } a révoqué le jeton et la connexion est oubliée.
logout-done-already-gone = Déconnecté de { $account } : { $server } a révoqué le jeton ; la connexion avait déjà été oubliée, ou remplacée par une connexion plus récente du compte, qui reste.
logout-registration-not-forgotten = le serveur a supprimé l’enregistrement de l’application mastokey, qui n’a pas pu être oublié ici : { $error }
logout-ask-forget = Oublier quand même cette connexion ? [o/N]
logout-yes-words = o, oui
logout-kept-try-later = la connexion de { $account } est toujours enregistrée ; relancez `mastokey logout { $account }` plus tard, ou ajoutez --yes pour l’oublier quand même
logout-kept-revoke-there = la connexion de { $account } est toujours enregistrée ; réessayer donnerait la même réponse : révoquez donc le jeton sur { $page } (l’entrée de mastokey), puis oubliez la connexion avec `mastokey logout { $account } --yes`
logout-forgot-unrevoked = connexion de { $account } oubliée, mais son jeton fonctionne peut-être encore : révoquez-le sur { $page } (l’entrée de mastokey)
logout-kept-made-elsewhere = la connexion de { $account } est toujours enregistrée ; une fois son jeton révoqué sur la page du serveur (ci-dessus), oubliez la connexion avec `mastokey logout { $account } --yes`
logout-forgot-made-elsewhere = connexion de { $account } oubliée ; son jeton fonctionne toujours, tant que vous ne l’avez pas révoqué sur la page du serveur (ci-dessus)
logout-bad-server = la connexion enregistrée de { $account } : { $error }
logout-cannot-revoke = impossible de révoquer le jeton de { $account } : { $error }
logout-refused = { $server } a refusé de révoquer le jeton de { $account } : { $error }
logout-fix-update = mettez mastokey à jour
logout-fix-do-that = faites-le
logout-fix-permissions = corrigez les permissions de ce chemin
logout-revoked-not-removed = { $server } a révoqué le jeton de { $account }, qui ne fonctionne donc plus, mais la connexion n’a pas pu être retirée des connexions enregistrées : { $error } ; { $fix }, puis relancez `mastokey logout { $account }` (révoquer un jeton que le serveur ne connaît plus est sans danger)
logout-not-removed = la connexion de { $account } n’a pas pu être retirée des connexions enregistrées : { $error } ; { $fix }, puis relancez `mastokey logout { $account }`

## mastokey whoami

whoami-server = serveur
whoami-scopes = permissions
whoami-posts = messages
whoami-counts = { $posts }  abonnements { $following }  abonnés { $followers }
whoami-flags = particularités
whoami-flag-separator = {", "}
whoami-bot = robot
whoami-locked = verrouillé
whoami-group = groupe
whoami-moved = déménagé
whoami-account-id = id du compte
whoami-rejected = { $server } n’accepte plus le jeton de { $account } (il a été révoqué ou a expiré) ; reconnectez-vous avec `mastokey --instance { $instance }`
whoami-forbidden = le jeton de { $account } ne peut pas lire son propre compte (il lui faut la permission profile, read:accounts ou read) ; reconnectez-vous avec l’une d’elles pour utiliser whoami
whoami-bad-server = la connexion enregistrée de { $account } dans { $path } a une adresse de serveur qui n’est pas une URL ({ $server }) ; reconnectez-vous avec `mastokey`
whoami-time-not-saved = la connexion a été vérifiée, mais l’heure de la vérification n’a pas pu être enregistrée : { $error }

## mastokey token, accounts, completions

token-none = la connexion enregistrée de { $account } dans { $path } n’a pas de jeton ; reconnectez-vous avec `mastokey`
cmd-json-failed = impossible d’écrire le JSON : { $error }
completions-not-utf8 = le script de complétion n’est pas en UTF-8 : { $error }
accounts-none-saved = aucune connexion n’est enregistrée dans { $dir } ; lancez `mastokey` pour vous connecter
accounts-col-account = COMPTE
accounts-col-verified = DERNIÈRE VÉRIFICATION
accounts-col-server = SERVEUR
accounts-col-scopes = PERMISSIONS
accounts-never = jamais

## Le démarrage de mastokey : ce qu'il faisait quand il n'a pas pu démarrer (affiché après « Error: », puis la cause).

start-config-dir = La recherche du dossier de configuration
start-terminal = La préparation du terminal
start-interface = L’exécution de l’interface du terminal
start-demo-server = Le démarrage du serveur de démo sur 127.0.0.1
start-demo-dir = La création du dossier temporaire de la démo
start-logins-unreadable = Les connexions enregistrées n’ont pas pu être lues : { $error }.
start-failed = { $doing } a échoué : { $error }
start-no-terminal = L’interface de mastokey a besoin d’un terminal, et sa sortie n’en est pas un. Dans un script, utilisez `mastokey token`, `mastokey whoami` ou `mastokey status` ; `mastokey login --with-token` enregistre un jeton créé ailleurs.

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

## mastokey switch
switch-done = { $account } ({ $server }) est désormais le compte par défaut : `mastokey token` et `mastokey whoami` l’utilisent quand aucun ACCOUNT n’est précisé
switch-gone = { $account } a été déconnecté entre-temps ; `mastokey accounts` liste les connexions enregistrées

## mastokey status
status-col-token = JETON
status-valid = valide
status-rejected = refusé
status-unreachable = injoignable
status-unreadable = illisible
status-error = erreur du serveur
status-timed-out = { $server } n’a pas répondu à la vérification de { $account } en { $seconds } s ; réessayez plus tard, ou laissez-lui plus de temps avec `mastokey status --timeout SECONDS`
status-summary = { $failing ->
    [one] 1 connexion sur { $count } demande votre attention (voir ci-dessus)
   *[other] { $failing } connexions sur { $count } demandent votre attention (voir ci-dessus)
}

## mastokey login --with-token
with-token-doing-look-up = interroger le serveur
with-token-doing-check = vérifier le jeton
with-token-prompt = Collez le jeton (il ne s’affiche pas) puis appuyez sur Entrée :
with-token-cancelled = annulé ; rien n’a été enregistré
with-token-unreadable = le jeton n’a pas pu être lu sur l’entrée standard : { $error }
with-token-too-long = l’entrée standard contient plus de { $limit } octets, ce qui n’est pas un jeton ; donnez le jeton seul, comme dans `mastokey login --with-token --instance SERVER < token.txt`
with-token-empty = l’entrée standard était vide ; donnez le jeton sur l’entrée standard, comme dans `mastokey login --with-token --instance SERVER < token.txt`
with-token-not-a-token = l’entrée standard ne contient pas un jeton (un jeton est un seul mot de lettres, de chiffres et de signes) ; donnez le jeton seul, comme dans `mastokey login --with-token --instance SERVER < token.txt`
with-token-rejected = { $server } n’accepte pas ce jeton (il a été révoqué, a expiré, ou appartient à un autre serveur) ; créez-en un nouveau sur { $server }/settings/applications, ou connectez-vous avec `mastokey login`
with-token-cannot-read-account = ce jeton ne peut pas lire son propre compte sur { $server } : donnez-lui la permission { $scope } (ou read:accounts) en le créant, ou connectez-vous avec `mastokey login`
with-token-bad-handle = le jeton fonctionne, mais son compte ne peut pas être enregistré : { $error }
with-token-scopes = permissions : { $scopes }
with-token-scopes-unknown = ses permissions sont inconnues (le serveur ne les indique pas)
with-token-saved = { $account } ({ $server }) enregistré avec le jeton lu sur l’entrée standard ; { $scopes }. Ce jeton n’a pas été créé par mastokey, donc `mastokey logout` ne peut pas le révoquer : révoquez-le sur { $server }/oauth/authorized_applications (ou, si vous l’avez créé là, sur { $server }/settings/applications) quand vous n’en avez plus besoin.
