## Les pages que le navigateur affiche quand il revient vers mastokey (l’écouteur local).

callback-footer = mastokey — connexion depuis votre terminal
callback-done-title = Connexion réussie
callback-done = mastokey a reçu votre autorisation pour { $server } et termine la connexion dans votre terminal.
callback-close-tab = Vous pouvez fermer cet onglet.
callback-back-to-terminal = Revenez au terminal : mastokey y indique la marche à suivre.
callback-denied-title = Connexion annulée
callback-denied = Vous avez refusé à mastokey l’accès à votre compte sur { $server } : aucun jeton n’a été créé.
callback-error-title = Connexion inachevée
callback-error = { $server } n’a envoyé aucun code ({ $error }) : aucun jeton n’a été créé.
callback-wrong-state-title = Connexion non reconnue
callback-wrong-state = Cette réponse de { $server } ne correspond pas à la connexion que mastokey attend (son state ne concorde pas) : rien n’a été utilisé. Ouvrez l’URL d’autorisation que mastokey affiche maintenant.
callback-late-title = Cette tentative de connexion est terminée
callback-late = mastokey n’attendait plus cette réponse de { $server } : rien n’a été utilisé. Lancez une nouvelle tentative dans le terminal et autorisez à nouveau.
callback-not-found-title = Page introuvable
callback-not-found = Ici, mastokey n’attend que le retour de la connexion (callback).

## Les pages du serveur de démo (sa page d'autorisation, le code à coller, ses pages d'erreur).

demo-authorize-title = Autoriser { $app }
demo-authorize-asks = { $app } souhaite accéder à votre compte sur ce serveur.
demo-authorize-website = Site web de l’application : { $site }
demo-authorize-scopes = Elle demande ces autorisations :
demo-authorize-sign-in-as = Se connecter en tant que
demo-authorize-force-login = L’application a demandé force_login : le choix du compte est imposé, choisissez donc le compte à utiliser, même si vous vous êtes déjà connecté.
demo-approve = Autoriser
demo-deny = Refuser
demo-note = Ceci est le serveur de démo intégré à mastokey. Aucun mot de passe n’est nécessaire ; rien ne quitte cet ordinateur.
demo-code-title = Code d’autorisation
demo-code-copy = Copiez ce code et collez-le dans mastokey :
demo-code-note = Le code ne sert qu’une fois et expire au bout de quelques minutes.
demo-denied-title = Autorisation refusée
demo-denied = Vous avez refusé la demande. Aucun accès n’a été accordé ; vous pouvez fermer cette page.
demo-error-title = Une erreur est survenue
demo-error-code = Code d’erreur :
demo-error-missing-client-id = La demande ne dit pas pour quelle application elle est faite (client_id manque).
demo-error-invalid-client = Ce serveur ne connaît pas l’application : elle n’y a jamais été enregistrée, ou son enregistrement a été supprimé.
demo-error-invalid-redirect = L’adresse de retour (redirect_uri) manque, est mal formée ou n’est pas l’une de celles que l’application a enregistrées.
demo-error-missing-response-type = La demande ne dit pas ce qu’elle demande (response_type manque).
demo-error-unsupported-response-type = Ce serveur ne délivre que des codes d’autorisation (response_type=code).
demo-error-invalid-scope = L’application demande une autorisation inconnue, mal formée ou plus large que celles qu’elle a enregistrées.
demo-error-challenge-method = Le défi PKCE doit utiliser la méthode S256.
demo-error-decision = La réponse doit être approve (autoriser) ou deny (refuser).
demo-error-unknown-account = Choisissez l’un des comptes de démo : aucun n’a été choisi, ou ce n’en est pas un.
demo-index = Un serveur de démo local intégré à mastokey. Il parle strictement l’API de Mastodon (applications OAuth 2.0, codes d’autorisation avec PKCE, jetons, verify_credentials) et ne touche jamais au réseau.
demo-index-accounts = Comptes de démo :
demo-account-ada = une administratrice ; une bio riche avec un lien, une mention et un hashtag ; un champ vérifié
demo-account-hanako = un nom et une bio en japonais, des émojis personnalisés
demo-account-newsbot = un robot avec l’avatar par défaut
demo-account-grace = un compte verrouillé avec des demandes d’abonnement en attente
demo-account-rustclub = un compte de groupe
demo-account-oldada = un compte qui a déménagé vers @ada
demo-account-mallory = hostile : des séquences d’échappement de terminal dans le nom, la bio et les champs
