## Noms des touches, et ce que fait chaque touche (pied d’écran et aide).

keyname-enter = Entrée
keyname-esc = Échap
keyname-tab = Tab
keyname-backspace = Retour arrière
keyname-delete = Suppr
keyname-home = Début
keyname-end = Fin
keyname-pageup = PgPréc
keyname-pagedown = PgSuiv
keyname-space = Espace
keyname-ctrl = Ctrl-{ $key }

key-a-page-down = page suivante
key-a-page-up = page précédente
key-accounts = comptes
key-add-a-login = ajouter
key-back = retour
key-back-quit = retour / quitter
key-back-to-the-url = retour à l’URL
key-cancel-request = annuler une vérification ou déconnexion en cours
key-clear-the-selection = tout décocher
key-close = fermer
key-continue = continuer
key-copy-token = copier le jeton
key-copy-url = copier l’URL
key-enter-the-code = saisir le code
key-help = aide
key-log-in = se connecter
key-log-out = déconnecter
key-look-up-server = chercher le serveur
key-move-down = descendre
key-move-up = monter
key-new-attempt = recommencer
key-new-login = nouvelle connexion
key-next-login = connexion suivante
key-no = non
key-open = ouvrir
key-open-in-browser = ouvrir dans le navigateur
key-open-or-close-a-group = ouvrir ou fermer un groupe
key-presets = préréglages
key-previous-login = connexion précédente
key-profile = profil
key-qr-code = code QR
key-quit = quitter
key-register-anew = réenregistrer mastokey (le serveur ne connaît pas l’application)
key-reopen-browser = rouvrir la page
key-retry-reading-the-profile = relire le profil
key-retry-saving = enregistrer à nouveau
key-scroll-down = défiler vers le bas
key-scroll-up = défiler vers le haut
key-switch-paste-automatic = mode collage/auto
key-toggle = (dé)cocher
key-yes = oui
key-edit-move = déplacer le curseur
key-edit-start = début du texte
key-edit-end = fin du texte
key-edit-delete-char = effacer un caractère
key-edit-delete-word = effacer un mot
key-edit-clear = vider le champ

## issue 15: refresh

key-change-scopes = modifier les permissions
key-make-default = par défaut
