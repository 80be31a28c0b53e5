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
