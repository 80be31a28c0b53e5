## Les textes propres aux écrans : en-tête, ligne d’état, aide, dialogues.

step-server = Serveur
step-scopes = Permissions
step-authorize = Autoriser
step-code = Code
step-profile = Profil
step-of = étape { $number } sur 5 : { $name }
screen-accounts = Comptes
demo-banner = SERVEUR DE DÉMO — pas un vrai compte
spinner-cancel = ({ $key } pour annuler)

help-title = Aide
help-title-keys = Touches de cet écran
help-text-box = Les lettres s’écrivent dans le champ. Le collage fonctionne comme d’habitude.
help-mouse = Souris : cliquez sur une ligne, ou sur une touche en bas de l’écran.
help-close = { $key } ferme cette aide.

confirm-copy-title = Copier le jeton
confirm-copy-question = Copier le jeton d’accès de @{ $account } ?
confirm-copy-detail = Tout ce qui peut lire votre presse-papiers pourra alors agir au nom de ce compte.
confirm-copy-yes = oui, copier
confirm-logout-title = Déconnexion
confirm-logout-question = Déconnecter @{ $account } ?
confirm-logout-detail = Le serveur révoque le jeton, puis mastokey oublie la connexion.
confirm-logout-yes = oui, déconnecter
confirm-forget-title = Oublier quand même ?
confirm-forget-question = Oublier quand même la connexion de @{ $account } ?
confirm-forget-detail = Le jeton peut encore fonctionner tant que vous n’avez pas révoqué mastokey dans les paramètres du serveur (Applications autorisées).
confirm-forget-yes = oui, oublier
unadvertised-title = Non annoncées
unadvertised-lead = Le serveur ne liste pas ces permissions :
unadvertised-question = Il risque de refuser l’enregistrement, ou de les ignorer. Les demander quand même ?
unadvertised-yes = oui, continuer
add-identity-title = Ajouter une permission d’identité
add-identity-lead = Aucune de ces permissions ne laisse mastokey voir à qui appartient ce jeton.
add-identity-why = Sans permission de ce type, il ne peut ni afficher le compte ni enregistrer la connexion sous son nom.
add-identity-question = Ajouter { $scope } ?{" "}
add-identity-yes = oui, ajouter { $scope }

preset-identity = identité seule
preset-read-only = lecture seule
preset-read-write = lecture + écriture
preset-all-but-admin = tout sauf admin
scopes-nothing-chosen = (rien de choisi pour l’instant)
scopes-what-it-allows = Ce qu’elle permet
scopes-string-title = Permissions demandées
scopes-description-cut = une fenêtre plus haute montre la suite
scopes-tree-title = Permissions
more-rows = { $count ->
    [one] { $count } autre
   *[other] { $count } autres
}
scope-deprecated-mark = (obsolète)
scope-unlisted-mark = (non listée par le serveur)
scope-admin-warning = Permission d’administration : réservée aux outils de modération. Traitez le jeton comme un mot de passe.
scope-needs-version = Nécessite Mastodon { $version } ou plus récent.
scope-unlisted-note = Ce serveur ne liste pas cette permission ; une confirmation vous sera demandée.
card-active-users = { $count ->
    [one] { $shown } utilisateur actif
   *[other] { $shown } utilisateurs actifs
}
card-signups-approval = inscriptions sur approbation
card-signups-open = inscriptions ouvertes
card-signups-closed = inscriptions fermées

instance-question = Sur quel serveur se trouve votre compte ?
instance-box = Serveur
instance-hint = Tapez un domaine et appuyez sur { $key }. Votre mot de passe ne se tape jamais ici : vous vous connectez sur la page du serveur lui-même.
instance-examples = Exemples
instance-example-handle = (votre identifiant marche aussi)

authorize-preparing = Préparation de l’URL d’autorisation…
authorize-none = Pas encore d’URL d’autorisation : appuyez sur { $key } pour en préparer une.
authorize-open-this = Ouvrez cette adresse et autorisez-y mastokey :
authorize-scopes = Permissions : { $scopes }
authorize-pkce = Protection : PKCE (S256) et un nouveau state.
authorize-url-title = URL d’autorisation
authorize-paste-mode = Mode collage : après votre autorisation, le serveur affiche un code ; appuyez sur { $key } et collez-le.
authorize-switch-to-automatic = ({ $key } : laisser plutôt le navigateur renvoyer le code automatiquement)
authorize-automatic-mode = Mode automatique : après votre autorisation, le navigateur renvoie le code à mastokey sur { $uri }.
authorize-switch-to-paste = ({ $key } : coller plutôt le code, par ex. si le navigateur est sur un autre appareil)
authorize-waiting = En attente de votre navigateur…
authorize-waiting-left = En attente de votre navigateur… encore { $time }
authorize-not-listening = mastokey n’écoute plus le navigateur ({ $key } lance une nouvelle tentative).
registration-saved-earlier = Enregistrement de mastokey du { $date } réutilisé ({ $key } pour en refaire un).
registration-just-now-saving = mastokey vient d’être enregistré auprès de ce serveur ; mémorisation de l’enregistrement…
registration-just-now-saved = mastokey vient d’être enregistré auprès de ce serveur (enregistrement mémorisé pour la prochaine fois).
registration-just-now-unsaved = mastokey vient d’être enregistré auprès de ce serveur, mais l’enregistrement n’a pas encore pu être mémorisé ({ $error }) ; il le sera avec la connexion.

code-ask-automatic = Le navigateur renvoie le code tout seul ; vous pouvez aussi coller un code ici :
code-ask-paste = Collez le code que le serveur a affiché après que vous avez autorisé mastokey :
code-box = Code d’autorisation
code-hint = Les espaces et sauts de ligne autour du code sont ignorés. Le code ne sert qu’une fois, et seulement pendant quelques minutes.
code-url-label = URL d’autorisation ({ $key } la rouvre) :
code-url-label-plain = URL d’autorisation :

qr-phone-loopback = Un téléphone ne peut pas joindre le 127.0.0.1 de cet ordinateur : appuyez d’abord sur { $key } pour passer en mode collage.
qr-hint = Scannez avec l’appareil photo de votre téléphone pour vous y connecter. { $back } ou { $key } ferme.
qr-preparing = Préparation de l’URL d’autorisation pour le code QR…
qr-too-small = Le code QR demande un terminal d’au moins { $needed } (celui-ci fait { $size }). Agrandissez la fenêtre ou réduisez la police ; il s’affiche dès qu’il tient. { $key } ferme.

profile-reading = Connexion réussie. Lecture de votre profil…
profile-token = Jeton
profile-scopes-granted = Permissions accordées
profile-scopes-requested = Permissions demandées
profile-not-granted = Non accordées : { $scopes }
profile-saving = Enregistrement
profile-saved-in = Enregistré dans
profile-token-saved-in = Jeton enregistré dans
profile-keyring = le trousseau du système (Secret Service)
profile-details-in = Connexion dans
profile-keyring-fallback = { $reason } : le jeton est donc dans ce fichier 0600.
profile-demo-login = Connexion de démo : stockée dans un dossier temporaire, supprimé à la fermeture de mastokey.
profile-moved = Ce compte a déménagé vers { $account }.
profile-joined = Inscription
profile-last-post = Dernier message
profile-never = jamais
profile-verified = vérifié
profile-posts = { $count ->
    [one] { $shown } message
   *[other] { $shown } messages
}
profile-following = { $count ->
    [one] { $shown } abonnement
   *[other] { $shown } abonnements
}
profile-followers = { $count ->
    [one] { $shown } abonné
   *[other] { $shown } abonnés
}
flag-bot = robot
flag-locked = verrouillé (approuve ses abonnés)
flag-group = groupe
flag-role = rôle : { $role }
flag-moved = déménagé
default-visibility = Visibilité des messages
default-sensitive = Médias sensibles
default-language = Langue des messages
answer-yes = oui
answer-no = non
visibility-public = public
visibility-unlisted = non listé
visibility-private = abonnés uniquement
visibility-direct = mentionnés seulement

accounts-intro = { $count ->
    [one] { $count } connexion enregistrée ; { $key } pour en ajouter une autre.
   *[other] Choisissez parmi { $count } connexions, ou { $key } pour en ajouter une.
}
accounts-title = Connexions
accounts-server = Serveur
accounts-scopes = Permissions
accounts-logged-in = Connecté le
accounts-status-works = valide
accounts-status-revoked = révoqué
accounts-status-unchecked = non vérifié
accounts-checked = vérifié le { $date }
accounts-never-checked = jamais vérifié
demo-banner-short = DÉMO
code-url-cut = l’URL complète est sur l’écran précédent ({ $key })
scopes-presets = Préréglages : { $presets }
accounts-more-scopes = +{ $count } autres
accounts-scopes-unknown = inconnues
accounts-made-elsewhere = jeton créé ailleurs
accounts-is-default = compte par défaut

kind-other = un serveur compatible Mastodon
adapt-identity-scope = Ce serveur ne publie pas de métadonnées OAuth : la permission d’identité est donc { $scope }.
adapt-no-pkce = Il n’offre pas PKCE, donc aucun n’est envoyé (le state protège toujours la connexion).
adapt-exact-redirect = Il compare les URI de redirection à l’identique : la redirection locale est enregistrée avec son port.
adapt-no-account-choice = Il ignore force_login : pour ajouter un autre compte, déconnectez-vous d’abord dans le navigateur.
adapt-forgets-registration = Il supprime l’application quand un jeton est révoqué : la déconnexion oublie donc aussi l’enregistrement.

## issue 15: refresh

header-refresh = nouvelles permissions pour @{ $account } sur { $server }
