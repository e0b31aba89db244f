import type { StringKey } from "./en";

/** The pane's words in French. */
export const fr: Record<StringKey, string> = {
  title: "Import de clients pour Banqup",
  subtitle: "Remplissez, vérifiez et envoyez votre import de clients sans quitter Excel.",
  region: "Région de la plateforme",
  language: "Langue",
  columns: "Colonnes du tableau d'import",
  required: "Obligatoire",
  optional: "Facultatif",
  previewMode:
    "Aperçu : Excel n'est pas connecté. Ouvrez ce volet depuis Excel pour travailler sur un classeur.",
  columnCount:
    "{count, plural, one {# colonne} other {# colonnes}}, dont {required, plural, one {# obligatoire} other {# obligatoires}}",
  regionQuestion: "À quelle plateforme Banqup ce classeur est-il destiné ?",
  regionHint: "Demandé une seule fois : le choix est enregistré dans ce classeur.",
  regionSave: "Utiliser cette plateforme",
  regionChange: "Modifier",
  regionNow: "Plateforme : {region}",
  partnerApi: "API Partenaire : {url}",
  notSignedIn: "Non connecté.",
  setupTitle: "Vos clients",
  insertTemplate: "Insérer le tableau d'import",
  useActiveSheet: "Utiliser la feuille active",
  working: "En cours…",
  templateExists:
    "Ce classeur contient déjà le tableau d'import, sur la feuille « {sheet} ». Rien n'a été modifié.",
  useExisting: "Vérifier cette feuille",
  noHeaderFound:
    "Aucune ligne d'en-têtes sur la feuille active : aucune de ses 30 premières lignes ne nomme deux colonnes de l'import.",
  mappingTitle: "Colonnes de « {sheet} » (en-têtes en ligne {row})",
  mappingHint:
    "Indiquez ce que contient chaque colonne. Vos choix sont enregistrés dans ce classeur.",
  notImported: "Non importée",
  missingRequired: "Obligatoires, sans colonne pour l'instant : {columns}",
  mappingColumn: "Colonne {letter} : {header}",
  mappingSamples: "ex. : {values}",
  mappingTwice:
    "« {field} » est choisi pour les colonnes {columns}. Ne le gardez que pour une seule.",
  checkSheet: "Vérifier cette feuille",
  cancel: "Annuler",
  checking: "Vérification…",
  rowsCount: "Lignes",
  validCount: "Valides",
  invalidCount: "Avec problèmes",
  noProblems: "Aucun problème : toutes les lignes sont prêtes.",
  problemsTitle: "Problèmes par colonne",
  rowsAffected: "{count, plural, one {# ligne} other {# lignes}}",
  goTo: "Ligne {row}",
  showAllRows: "Afficher les {count} lignes",
  showFewerRows: "Afficher moins",
  nextProblem: "Problème suivant",
  previousProblem: "Problème précédent",
  fixAll: "Tout corriger ainsi ({count})",
  listProblems: "Lister dans une feuille",
  problemsSheet: "Problèmes",
  problemsRow: "Ligne",
  problemsColumn: "Colonne",
  problemsValue: "Valeur",
  problemsMessage: "Problème",
  problemsLink: "Cellule",
  problemsListed: "Listés dans la feuille « {sheet} ».",
  fixableRows:
    "{count, plural, one {# ligne avec problèmes est réparée} other {# lignes avec problèmes sont réparées}} par les seules corrections certaines.",
  fixEverything: "Corriger tout ce qui est certain ({count})",
  cellsWritten: "{count, plural, one {# cellule modifiée.} other {# cellules modifiées.}}",
  undo: "Annuler",
  sheetActions: "Feuille",
  showOnlyProblemRows: "Masquer les lignes sans problème",
  showAllSheetRows: "Afficher toutes les lignes",
  onlyProblemRowsShown:
    "{count, plural, one {# ligne avec problèmes reste affichée} other {# lignes avec problèmes restent affichées}} ; les autres sont masquées dans la feuille.",
  allRowsShown: "Toutes les lignes du tableau sont affichées.",
  warningsTitle: "À vérifier",
  warningLabel: "À vérifier :",
  useSuggestion: "Remplacer par {value}",
  groupFixed: "✓ {column} : corrigé",
  writesUndone:
    "{restored, plural, one {# cellule rétablie} other {# cellules rétablies}}{kept, plural, =0 {.} one { ; # modifiée depuis, laissée telle quelle.} other { ; # modifiées depuis, laissées telles quelles.}}",
  selectedTitle: "Cellule sélectionnée",
  selectedNone: "Sélectionnez une cellule du tableau des clients pour voir ses problèmes.",
  cellOk: "Aucun problème dans cette cellule.",
  fix: "Corriger : {value}",
  templatesTitle: "Modèles de configuration",
  templatesNone: "Pas encore de modèles de configuration : actualisez-les depuis Banqup.",
  refreshTemplates: "Actualiser depuis Banqup",
  applyTemplate: "Appliquer aux lignes sélectionnées ({count})",
  chooseTemplate: "Modèle de configuration",
  templateUsers: "Utilisateurs : {list}",
  templateIntegrations: "Intégrations : {list}",
  nobody: "aucun",
  noIntegrations: "aucune",
  signInToRefresh: "Connectez-vous à Banqup pour actualiser les modèles de configuration.",
  refreshFailed: "Les modèles de configuration n'ont pas pu être actualisés : {reason}",
  areaMissing:
    "Le tableau des clients a disparu (supprimé ou renommé). Insérez à nouveau le tableau d'import ou utilisez une autre feuille.",
  headerMissing:
    "La ligne d'en-têtes de la feuille des clients est introuvable. Utilisez à nouveau la feuille pour associer ses colonnes.",
  excelError:
    "Excel a refusé la dernière modification ({code}). Vos données sont intactes : réessayez.",
  changeArea: "Utiliser une autre feuille",
  statusInvalid: "problèmes dans la feuille",
  statusExists: "déjà client : {id} {name}",
  statusSimilarEmail: "non envoyé : le client {id} {name} a la même adresse e-mail de contact",
  statusSimilarName: "non envoyé : le client {id} {name} a le même nom",
  statusEdited: "créée, mais l'identifiant de son client manque ici : pas renvoyée",
  statusBothChanged:
    "modifié aussi dans Banqup (version {version}) : rien n'a été écrasé, choisissez quoi garder",
  statusLoaded: "chargé depuis Banqup (version {version})",
  statusRefreshed: "actualisé depuis Banqup (version {version})",
  statusMerged: "la feuille et Banqup concordent (version {version})",
  statusUpdated: "mis à jour",
  statusUpdateFailed: "Banqup diffère, la mise à jour a été refusée : {reason}",
  statusCancelled: "annulé",
  statusUnchecked: "ICE non vérifié : le registre des entreprises n'a pas répondu",
  statusInvited: "invité",
  statusInviteFailed: "invitation échouée : {reason}",
  signIn: "Se connecter à Banqup",
  signingIn: "Connexion…",
  signOut: "Se déconnecter",
  signedInAs: "Connecté à {partner} ({region})",
  regionMismatch:
    "Ce classeur est destiné à la plateforme {workbook}, mais {partner} travaille sur la plateforme {partnerRegion}. Changez la plateforme du classeur ou connectez-vous avec un autre compte.",
  signInFailed: "La connexion a échoué : {reason}",
  signInCancelled: "La connexion a été annulée.",
  sendTitle: "Envoyer vers Banqup",
  tabCheck: "Vérifier",
  tabTemplates: "Modèles",
  tabSend: "Envoyer",
  signInToSend: "Connectez-vous à Banqup pour envoyer les lignes.",
  sendAll: "Envoyer toutes les lignes valides",
  sendSelected: "Envoyer les lignes sélectionnées ({count})",
  retryFailed:
    "{count, plural, =0 {Renvoyer les lignes en échec} other {Renvoyer les lignes en échec (#)}}",
  inviteOption: "Inviter chaque client sur Banqup (un e-mail à son contact)",
  preparing: "Vérification dans votre espace Partenaire…",
  summaryTitle: "Avant l'envoi",
  summaryCreate: "À créer : {count}",
  summaryInvites: "E-mails d'invitation envoyés aux contacts des clients : {count}",
  summaryRows:
    "{rows, plural, one {Ligne} other {Lignes}} {rows}{more, plural, =0 {} one { (et # autre)} other { (et # autres)}}",
  summaryInvalid: "Invalides, ignorées : {count}",
  summaryExists: "Déjà dans votre espace Partenaire : {count}",
  summarySimilar:
    "Sans numéro, et un client a la même adresse e-mail de contact ou le même nom : {count}",
  createSimilar: "Créer quand même ces clients",
  summaryCreated: "Déjà créées lors d'un envoi précédent : {count}",
  summaryEdited: "Modifiées après leur création, Banqup diffère : {count}",
  updateEdited: "Mettre à jour dans Banqup",
  summaryUpdate: "À mettre à jour dans Banqup : {count}",
  confirmSend: "{count, plural, one {Créer # client} other {Créer # clients}}",
  confirmUpdate: "{count, plural, one {Mettre à jour # client} other {Mettre à jour # clients}}",
  confirmBoth:
    "{create, plural, one {Créer # client} other {Créer # clients}}, {update, plural, one {en mettre # à jour} other {en mettre # à jour}}",
  nothingToSend: "Rien à envoyer.",
  sending: "Envoi : {done} sur {total}",
  cancelSend: "Annuler",
  sendDone: "Terminé. Créés : {created}, en échec : {failed}, non envoyés : {skipped}.",
  sendUpdated: "{count, plural, one {# client mis à jour.} other {# clients mis à jour.}}",
  sendCancelled:
    "Annulé. Créés : {created}, en échec : {failed}, non envoyés : {skipped}. Envoyez à nouveau pour terminer.",
  sendFailed: "L'envoi s'est arrêté : {reason}. Envoyez à nouveau : rien ne sera créé deux fois.",
  writesNotMade:
    "Non écrit, car la ligne a changé, a été déplacée ou supprimée entre-temps : {count}. {count, plural, one {Vérifiez-la} other {Vérifiez-les}} et réessayez.",
  writeFailed: "La modification n'a pas pu être écrite : {reason}",
  straysFound:
    "{count, plural, one {La ligne {first} est} other {Les lignes {first} à {last} sont}} sous le tableau mais n'en {count, plural, one {fait} other {font}} pas partie : {count, plural, one {elle n'est ni vérifiée ni envoyée} other {elles ne sont ni vérifiées ni envoyées}}.",
  straysInclude: "Les ajouter au tableau",
  straysHowTo:
    "Excel ne peut pas le faire d'ici : faites glisser le coin inférieur droit du tableau sur ces lignes. Pour que les tableaux s'étendent aux nouvelles lignes, activez l'option de correction automatique « Inclure les nouvelles lignes et colonnes dans le tableau ».",
  sendSheetChanged:
    "La feuille a changé depuis ce récapitulatif ; le voici à jour. Vérifiez-le, puis confirmez.",
  sendRowsChanged: "Non envoyées, car modifiées ou supprimées après le récapitulatif : {count}.",
  sendUnplaced:
    "Créés, mais leurs lignes ont été supprimées ou modifiées entre-temps, la feuille ne les montre donc pas : {list}.",
  selfCheckTitle: "Vérifier cet Excel",
  selfCheckHint:
    "Versions de développement seulement : rejoue sur une feuille de brouillon ce que l'on fait à une feuille, et demande à Excel si le complément a tenu.",
  selfCheckRun: "Lancer les vérifications",
  selfCheckRunning: "Vérification : {done} sur {total}",
  selfCheckHeld: "Conforme",
  selfCheckFailed: "Échec : {detail}",
  selfCheckSkipped: "Ignoré : {detail}",
  check_keysInLocale: "Surlignage des nombres et de VRAI/FAUX dans la langue de cet Excel",
  check_pasteWithFormats: "Un collage qui apporte ses formats",
  check_sortFollowed: "Le tri des lignes",
  check_columnInserted: "Une colonne insérée dans le tableau",
  check_rowMovedUnderWrite: "Une ligne supprimée pendant l'écriture d'un résultat",
  check_totalRow: "Une ligne de total sous le tableau",
  banqupCheckTitle: "Avis de Banqup",
  banqupCheck: "Vérifier avec Banqup ({count})",
  banqupCheckIntro:
    "Demande à Banqup s'il accepterait chaque ligne sans problème (un ICE qu'aucune entreprise ne porte, par exemple), sans rien créer. Les lignes déjà vérifiées et inchangées depuis ne sont pas redemandées.",
  banqupChecking: "Banqup vérifie {done} lignes sur {total}…",
  banqupCheckDone:
    "Banqup a vérifié {checked, plural, one {# ligne} other {# lignes}} : {refused, plural, =0 {il les accepterait toutes} one {# serait refusée, ses problèmes sont marqués dans la feuille} other {# seraient refusées, leurs problèmes sont marqués dans la feuille}}.",
  banqupCheckExisting:
    "{count, plural, one {# ligne est déjà un de vos clients} other {# lignes sont déjà de vos clients}} : l'envoi les ignore.",
  banqupCheckUnchecked:
    "{count, plural, one {# ICE n'a pas pu être vérifié} other {# ICE n'ont pas pu être vérifiés}} (le registre des entreprises n'a pas répondu) : Banqup les acceptera quand même.",
  banqupCheckCancelled: "Annulé : {checked} lignes vérifiées, les autres n'ont pas été demandées.",
  banqupCheckFailed:
    "La vérification avec Banqup s'est arrêtée : {reason} Ce qu'il a déjà dit est gardé.",
  banqupCheckNothing:
    "Banqup a déjà vérifié toutes les lignes sans problème, telles qu'elles sont.",
  registryTitle: "Registres",
  registryIntro:
    "Vérifiez les numéros auprès de VIES et de l'annuaire Peppol : nom officiel, adresse, entreprise active ou non, déjà sur Peppol ou non. Leurs réponses s'affichent sous « À vérifier » et n'empêchent jamais l'envoi.",
  registryCheckAll: "Vérifier auprès des registres ({count})",
  registryCheckSelected: "Lignes sélectionnées ({count})",
  registryChecking: "Vérification : {done} sur {total} numéros…",
  registryDone:
    "{checked, plural, one {# numéro vérifié} other {# numéros vérifiés}}{unchecked, plural, =0 {} one {; # n'a pas pu l'être (le registre n'a pas répondu, réessayez plus tard)} other {; # n'ont pas pu l'être (le registre n'a pas répondu, réessayez plus tard)}}.",
  registryCancelled:
    "Annulé : {checked, plural, one {# vérifié} other {# vérifiés}}, les autres n'ont pas été demandés.",
  registryFailed:
    "La vérification s'est arrêtée : {reason} Les réponses déjà reçues sont conservées.",
  registryNothing: "Aucune ligne n'a de numéro d'entreprise ou de TVA valide à vérifier.",
  registryAllKnown:
    "Ces {count} numéros ont déjà été vérifiés ; les réponses sont gardées dans ce classeur.",
  registryAgain: "Vérifier à nouveau",
  registrySignIn: "Connectez-vous pour vérifier les numéros auprès des registres.",
  registryFillRow: "Compléter la ligne depuis le registre ({count})",
  registryFillAll: "Compléter depuis le registre ({count})",
  exportTitle: "Page d'import de Banqup",
  exportIntro:
    "Pas encore d'accès à l'API ? Exportez les lignes dans le fichier que prend la page « Importer des clients » de Banqup : les lignes valides, corrections certaines appliquées, s'ouvrent dans un nouveau classeur à enregistrer puis importer.",
  exportButton: "Exporter pour la page d'import de Banqup",
  exportDone:
    "{lines, plural, one {# ligne est allée} other {# lignes sont allées}} dans un nouveau classeur : enregistrez-le, puis importez-le sur la page « Importer des clients » de Banqup.{left, plural, =0 {} one { # ligne a été laissée de côté, encore invalide après les corrections certaines :} other { # lignes ont été laissées de côté, encore invalides après les corrections certaines :}}",
  exportNothing:
    "Aucune ligne n'est encore valide, même avec les corrections certaines : rien à exporter.",
  exportFailed: "L'export a échoué : {reason}",
  exportUnavailable:
    "Cet Excel ne peut pas ouvrir de nouveau classeur depuis un complément (ExcelApi 1.8 requis) : utilisez check-file --export.",
  exportLeftOut: "Lignes laissées de côté ({count})",
  exportMore: "(et {count} de plus)",
  banqupTitle: "Clients dans Banqup",
  loadClients: "Charger les clients depuis Banqup",
  refreshAll: "Actualiser les lignes depuis Banqup",
  refreshSelected: "Actualiser les lignes sélectionnées ({count})",
  updateChanged:
    "{count, plural, =0 {Mettre à jour dans Banqup} other {Mettre à jour dans Banqup (#)}}",
  loadingClients:
    "Lecture de Banqup : {received, plural, one {# client reçu} other {# clients reçus}}",
  loadDone:
    "{added, plural, one {# client ajouté} other {# clients ajoutés}}, {refreshed, plural, one {# actualisé} other {# actualisés}}, {inStep} déjà à jour.",
  refreshDone:
    "{refreshed, plural, one {# ligne actualisée} other {# lignes actualisées}}, {inStep} déjà à jour.",
  loadEdited:
    "{count, plural, one {# ligne modifiée} other {# lignes modifiées}} dans la feuille : « Mettre à jour dans Banqup » les envoie.",
  loadConflicts:
    "{count, plural, one {# ligne modifiée} other {# lignes modifiées}} aussi dans Banqup : choisissez ci-dessous quoi garder.",
  loadCancelled:
    "Annulé : {added, plural, one {# client ajouté} other {# clients ajoutés}} jusque-là, conservés. Chargez à nouveau pour compléter : personne n'est ajouté deux fois.",
  loadFailed:
    "La lecture de Banqup s'est arrêtée : {reason}. Réessayez : personne n'est ajouté deux fois.",
  loadUnread:
    "{count, plural, one {# client n'a pas pu être lu} other {# clients n'ont pas pu être lus}} : {reason}",
  conflictsTitle: "Modifiés aussi dans Banqup ({count})",
  conflictsIntro:
    "Ces lignes ont changé dans la feuille et dans Banqup depuis que la feuille a vu leur client. Pour chaque champ, choisissez quoi garder : rien n'est écrasé avant « Appliquer ».",
  conflictRow: "Ligne {row} : {name}",
  conflictSheet: "Feuille : {value}",
  conflictBanqup: "Banqup : {value}",
  conflictEmpty: "(vide)",
  keepSheet: "Garder celle de la feuille",
  takeBanqup: "Prendre celle de Banqup",
  leaveIt: "Laisser",
  conflictApply: "Appliquer",
  settledDone: "Ligne {row} : la feuille et Banqup concordent (version {version}).",
  settledPartly: "Ligne {row} : fait ; les champs laissés diffèrent encore.",
  settledLeft: "Ligne {row} : laissée telle quelle.",
  settledAgain: "Ligne {row} : modifiée encore une fois dans Banqup, comparez à nouveau.",
  settledRowChanged:
    "Ligne {row} : modifiée dans la feuille entre-temps, actualisez-la depuis Banqup pour comparer à nouveau.",
  settledFailed: "Ligne {row} : {reason}",
  registryPeppolCounts:
    "Sur Peppol, selon la recherche Peppol : {invoices, plural, one {# peut recevoir des factures} other {# peuvent recevoir des factures}}, {other, plural, one {# inscrit pour d'autres documents seulement} other {# inscrits pour d'autres documents seulement}}, {none, plural, one {# absent de Peppol} other {# absents de Peppol}}.",
};
