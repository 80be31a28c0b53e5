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
