## Phrases qui disent ce qui s’est passé et quoi faire ensuite. Un `$hint` est une phrase entière
## qui nomme une touche (l’un des messages hint-* ci-dessous, avec son espace initiale), ou rien
## quand l’écran n’a pas cette touche.

hint-try-again = {" "}Appuyez sur { $key } pour réessayer.
hint-start-again = {" "}Appuyez sur { $key } pour recommencer.
hint-new-attempt = {" "}Appuyez sur { $key } pour une nouvelle tentative (nouvelle URL, nouveau state, nouvel écouteur).
hint-new-attempt-approve = {" "}Appuyez sur { $key } pour une nouvelle tentative (nouvelle URL, nouveau state, nouvel écouteur), puis autorisez à nouveau dans le navigateur.
hint-paste-instead = {" "}Appuyez sur { $key } pour coller le code à la place.
hint-copy-url = {" "}Appuyez sur { $key } pour copier l’URL.
hint-show-qr = {" "}Appuyez sur { $key } pour l’afficher en code QR.
hint-paste-from-elsewhere = {" "}Appuyez sur { $key } pour coller un code venant d’un navigateur ouvert ailleurs.
hint-open-it = {" "}Appuyez sur { $key } pour l’ouvrir.
hint-reopen-page = {" "}Appuyez sur { $key } pour rouvrir la page d’autorisation ; autorisez, puis collez ici le nouveau code.
hint-send-again = {" "}Appuyez sur { $key } pour le renvoyer.
hint-log-in-again = {" "}Appuyez sur { $key } pour vous reconnecter.
hint-see-logins = {" "}Appuyez sur { $key } pour voir les connexions enregistrées telles qu’elles sont maintenant.
hint-identity-preset = {" "}({ $key } choisit « identité seule ».)

discovery-dns = Aucun serveur nommé { $server } n’a été trouvé. Vérifiez l’orthographe, ou votre connexion à Internet.
discovery-refused = { $server } a refusé la connexion. Le serveur est peut-être hors service, ou le port est incorrect ; réessayez plus tard.
discovery-tls-local = La connexion sécurisée à { $server } a échoué ({ $detail }). Un serveur sur cet ordinateur n’a souvent pas de TLS : tapez plutôt http://{ $server }.
discovery-tls = La connexion sécurisée à { $server } a échoué ({ $detail }). Le certificat du serveur est peut-être invalide, ou votre horloge déréglée.
discovery-timeout = { $server } n’a pas répondu à temps. Réessayez ; si cela se reproduit, le serveur est peut-être surchargé.
discovery-broken = La connexion à { $server } a été interrompue ({ $detail }).{ $hint }
discovery-not-mastodon = { $server } ne ressemble pas à un serveur Mastodon (il n’a pas d’API Mastodon). Vérifiez l’adresse : c’est le domaine de votre identifiant @vous@domaine.
discovery-malformed = { $server } a répondu à { $path } autre chose que l’API de Mastodon ({ $detail }). Vérifiez l’adresse, ou réessayez plus tard.
discovery-too-large = { $server } a envoyé une réponse anormalement volumineuse à { $path }. Ce n’est sans doute pas un serveur Mastodon.
discovery-rate-limited = { $server } limite les requêtes ({ $error }). Patientez un peu.{ $hint }
discovery-server-error = { $server } rencontre un problème en ce moment ({ $error }). Réessayez dans quelques minutes.
discovery-refused-request = { $server } a refusé la requête ({ $error }). Vérifiez l’adresse.
discovery-moved = { $server } renvoie son API vers un autre serveur ({ $location }). Si c’est votre serveur, tapez plutôt { $host }.
discovery-moved-elsewhere = { $server } renvoie son API vers une autre adresse ({ $location }) ; mastokey ne suit pas ce genre de renvoi. Tapez l’adresse où se trouve réellement le serveur.
discovery-not-as-mastodon = { $server } a répondu, mais pas comme le fait un serveur Mastodon ({ $error }). Vérifiez l’adresse.

address-handle-without-server = { $error } Pour utiliser votre identifiant, tapez-le en entier, avec son serveur : { $typed }@example.social.
demo-only = Ceci est la démo : elle ne se connecte qu’à son serveur intégré, { $server }. Pour vous connecter à un autre serveur, quittez et lancez mastokey sans --demo.

listener-failed = mastokey n’a pas pu écouter sur 127.0.0.1 ({ $error }).{ $hint }
listener-silent = Une connexion à l’écouteur de mastokey n’a rien envoyé et a été fermée. Toujours en attente du navigateur.
listener-wrong-state = Un navigateur a renvoyé une autorisation qui n’est pas celle de cette tentative (state différent) ; elle a été refusée et rien n’a été utilisé. Toujours en attente.
listener-timeout = Pas de réponse du navigateur à temps : mastokey a cessé d’écouter.{ $hint }
browser-denied = Vous avez refusé l’accès dans le navigateur : aucun jeton n’a été créé.{ $hint }
browser-no-code = Le serveur n’a envoyé aucun code ({ $error }).{ $hint }
browser-returned-code = Le navigateur a renvoyé le code.
browser-opened-automatic = Page ouverte dans votre navigateur. Autorisez mastokey là-bas ; le navigateur lui renverra le code.
browser-opened-paste = Page ouverte dans votre navigateur. Autorisez mastokey là-bas, puis collez le code ici.
copy-failed = Impossible de copier : { $error }. Sélectionnez plutôt le texte à la souris.{ $hint }

registration-scopes-refused = Le serveur a refusé d’enregistrer mastokey ({ $error }). Certains serveurs ne connaissent pas toutes les permissions : revenez en arrière ({ $key }) et choisissez-en moins.
registration-closed = Le serveur n’autorise pas l’enregistrement de nouvelles applications ({ $error }). Adressez-vous à ses administrateurs, ou utilisez un autre serveur.
registration-unreachable = Impossible de joindre le serveur pour enregistrer mastokey : { $error }.{ $hint }
registration-redirected = L’enregistrement de mastokey a échoué : { $error }. On ne peut pas se connecter en sécurité à un serveur qui envoie les connexions ailleurs ; prévenez ses administrateurs, ou utilisez un autre serveur.
registration-failed = L’enregistrement de mastokey a échoué : { $error }.{ $hint }
registration-unknown = Le serveur ne connaît plus l’enregistrement de mastokey (invalid_client) : mastokey l’a donc oublié et s’enregistre à nouveau. Ouvrez ensuite la nouvelle URL et autorisez une nouvelle fois.
registration-forgotten = Enregistrement mémorisé oublié ; mastokey s’enregistre à nouveau.
attempt-over = Cette tentative est terminée : mastokey en prépare une nouvelle (nouvelle URL, nouvel écouteur), qui s’ouvrira dès qu’elle sera prête.
attempt-new = Nouvelle tentative : nouvelle URL, nouveau state et nouveau PKCE.

code-invalid-scope = Le serveur a refusé les permissions (invalid_scope).{ $hint } Revenez ensuite aux permissions et choisissez celles qu’il prend en charge.
code-invalid-request = Le serveur indique que la requête est incomplète ({ $error }).{ $hint }
code-unreachable = Impossible de joindre le serveur : { $error }. Votre code est conservé.{ $hint }
code-empty = Collez le code que le serveur a affiché après que vous avez autorisé mastokey.
login-redirected = La connexion a échoué : { $error }. On ne peut pas se connecter en sécurité à un serveur qui envoie les connexions ailleurs ; prévenez ses administrateurs, ou utilisez un autre serveur.
login-failed = La connexion a échoué : { $error }.{ $hint }

verify-token-refused = Le serveur a refusé le nouveau jeton (401). Essayez de vous reconnecter.
verify-out-of-scope = Le jeton fonctionne, mais ses permissions ne permettent pas de lire votre profil. Reconnectez-vous en choisissant profile ou read:accounts.
verify-redirected = Connexion réussie, mais le profil n’a pas pu être lu : { $error }. Rien n’a été enregistré.
verify-failed = Connexion réussie, mais la lecture de votre profil a échoué : { $error }.{ $hint }
recheck-out-of-scope = son jeton n’a peut-être pas le droit de lire le compte (il lui manque la permission profile ou read:accounts)
handle-refused = { $error }. Connectez-vous sur un serveur de confiance, ou prévenez les administrateurs de ce serveur.

scopes-empty = Choisissez au moins une permission ({ $toggle } coche ou décoche).{ $hint }
task-cancelled = Annulé : { $what }. Rien de ce que vous avez saisi n’a été perdu.

## Ce que fait une requête en cours (texte de l’indicateur d’activité ; « Annulé : … » ;
## « Toujours en cours : … »). Un groupe nominal, sans majuscule.
task-looking-up = recherche du serveur
task-registering = enregistrement de mastokey auprès du serveur
task-exchanging = échange du code contre un jeton
task-reading-profile = lecture de votre profil
task-checking = vérification du jeton auprès du serveur
task-logging-out = déconnexion auprès du serveur

accounts-still-busy = Toujours en cours : { $what }. Attendez la fin, ou appuyez sur { $key } pour annuler.
accounts-gone = @{ $account } n’est plus enregistré.
accounts-now-default = @{ $account } est désormais le compte par défaut : `mastokey token` et `mastokey whoami` l’utilisent quand aucun ACCOUNT n’est précisé.
accounts-default-not-saved = Le compte par défaut n’a pas pu être enregistré : { $error }
accounts-bad-server = L’adresse du serveur de cette connexion n’est pas valide ; déconnectez ce compte.
accounts-token-rejected = Le serveur n’accepte plus le jeton de @{ $account } (révoqué ou expiré).{ $hint }
accounts-check-failed = Impossible de vérifier @{ $account } : { $error }.{ $hint }
accounts-logged-out = Déconnexion de @{ $account } : le serveur a révoqué le jeton.
accounts-not-revoked = Le serveur n’a pas révoqué le jeton : { $error }.
accounts-forgotten = Connexion de @{ $account } oubliée.
accounts-revoked-not-forgotten = Le serveur a révoqué le jeton de @{ $account }, mais la connexion n’a pas pu être supprimée ici : { $error }. Corrigez cela, puis déconnectez-vous à nouveau (révoquer une seconde fois est sans danger).
accounts-not-forgotten = Impossible d’oublier la connexion : { $error }. Elle est toujours enregistrée.
accounts-unreadable = Les connexions enregistrées n’ont pas pu être relues : { $error }.

save-newer = Impossible d’enregistrer la connexion : { $error }. Le jeton reste ici jusqu’à ce que vous quittiez.
save-failed = Impossible d’enregistrer la connexion : { $error }. Libérez de l’espace ou corrigez les droits d’accès.{ $hint }
save-failed-left = La connexion de @{ $account } n’a pas pu être enregistrée : { $error }. Reconnectez-vous pour l’enregistrer.
save-changed-elsewhere = Non enregistré : entre-temps, un autre mastokey a déconnecté ou reconnecté ce compte.{ $hint }
listener-late = Un navigateur est revenu après la fin de cette tentative ; il en a été informé et rien n’a été utilisé.{ $hint }
hint-copy-from-authorize = {" "}Appuyez sur { $key } pour revoir l’URL d’autorisation : copiez-la, ouvrez-la dans un navigateur, autorisez, puis collez ici le nouveau code.

code-refused = Le serveur n’a pas accepté ce code. Il est peut-être mal saisi, déjà utilisé ou expiré.{ $hint }
code-refused-takahe = Le serveur n’a pas accepté ce code. Il est peut-être mal saisi, déjà utilisé ou expiré (les codes de Takahē ne durent qu’une minute).{ $hint }
code-other-redirect = Le serveur indique que ce code a été émis pour l’autre façon de récupérer le code (une autre redirection) : il n’a donc pas été utilisé ici.{ $hint }
server-said = {" "}(Le serveur a dit : { $words })
paste-not-a-code = Ceci ne ressemble pas à un code : collez le code affiché par le serveur, ou l’adresse entière de la barre d’adresse du navigateur.
paste-wrong-state = Ce code appartient à une autre tentative de connexion (son state n’est pas celui-ci) : rien n’a été envoyé.{ $hint }
paste-denied = L’adresse collée indique que l’accès a été refusé : elle ne contient aucun code.{ $hint }
paste-invalid-scope = L’adresse collée indique que le serveur a refusé les permissions (invalid_scope). Revenez aux permissions et choisissez-en qu’il prend en charge.
paste-server-error = L’adresse collée contient server_error au lieu d’un code : sur un serveur qui compare les adresses de redirection à l’identique, la redirection n’était pas enregistrée.{ $hint }
paste-error = L’adresse collée contient l’erreur { $error } au lieu d’un code.{ $hint }
force-login-ignored = Ce serveur ignore la demande de choisir un autre compte : le navigateur connecte le compte qui y est ouvert. Pour ajouter un autre compte, déconnectez-vous d’abord du serveur dans le navigateur.

registrations-unreadable = Les enregistrements sauvegardés n’ont pas pu être lus ({ $error }) : mastokey s’est enregistré à nouveau.
registrations-read-failed = La lecture des enregistrements sauvegardés a échoué : { $error }

## issue 15: refresh

task-revoking-old-token = révocation de l’ancien jeton auprès du serveur
refresh-lookup-failed = Impossible de trouver le serveur de @{ $account } pour modifier ses permissions : { $error }
refresh-login-gone = Cette connexion n’est plus enregistrée : un autre mastokey l’a déconnectée entre-temps.
refresh-scopes-none = aucune
refresh-changed = Nouveau jeton pour @{ $account }. Permissions ajoutées : { $added } ; retirées : { $removed }.
refresh-saved-anew = La connexion de @{ $account } a été déconnectée entre-temps : le nouveau jeton a donc été enregistré comme une nouvelle connexion.
refresh-revoking = Révocation de l’ancien jeton auprès du serveur…
refresh-revoked = Le serveur a révoqué l’ancien jeton de @{ $account }.
refresh-not-revoked = L’ancien jeton de @{ $account } n’a pas pu être révoqué ({ $error }). Il reste valable tant que vous ne l’avez pas révoqué sur { $page } ; le nouveau jeton est enregistré.
refresh-other-account = Le navigateur a autorisé @{ $chosen }, et non @{ $account } : ce compte a été enregistré comme une connexion à part, et la connexion de @{ $account } n’a pas changé. Pour modifier ses permissions, connectez-vous en tant que @{ $account } dans le navigateur et recommencez.
