<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <source>Starting the demo CRM…</source>
        <translation>Démarrage du CRM de démonstration…</translation>
    </message>
    <message>
        <source>{crm} demo sandbox</source>
        <translation>Bac à sable de démonstration {crm}</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>{crm} records have no files.</source>
        <translation>Les fiches {crm} n&apos;ont pas de fichiers.</translation>
    </message>
    <message>
        <source>Attachments move to the master in {crm}; only files in file fields can be dropped.</source>
        <translation>Dans {crm}, les pièces jointes passent à la fiche principale&#xa0;; seuls les fichiers des champs fichier peuvent être retirés.</translation>
    </message>
    <message>
        <source>Tick the files that stay; {crm} removes the others from the file fields.</source>
        <translation>Cochez les fichiers à garder&#xa0;; {crm} retire les autres des champs fichier.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master.</source>
        <translation>{crm} déplace tous les fichiers vers la fiche principale.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master record.</source>
        <translation>{crm} déplace tous les fichiers vers la fiche principale.</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (principale)</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Preview</source>
        <translation>A&amp;perçu</translation>
    </message>
    <message>
        <source>The file&apos;s details and what the merge does with it (Enter)</source>
        <translation>Les détails du fichier et ce que la fusion en fait (Entrée)</translation>
    </message>
    <message>
        <source>Files of the records</source>
        <translation>Fichiers des fiches</translation>
    </message>
    <message>
        <source>None of these records has files.</source>
        <translation>Aucune de ces fiches n&apos;a de fichier.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Reviewer</source>
        <translation>Réviseur</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionnés</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurés</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(sans nom)</translation>
    </message>
</context>
<context>
    <name>BulkRulesDialog</name>
    <message>
        <source>Bulk rules</source>
        <translation>Règles en masse</translation>
    </message>
    <message>
        <source>Rules (JSON)</source>
        <translation>Règles (JSON)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Charger…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>&amp;Count groups</source>
        <translation>&amp;Compter les groupes</translation>
    </message>
    <message>
        <source>How many groups each rule takes (Ctrl+Enter)</source>
        <translation>Nombre de groupes que prend chaque règle (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Groups taken</source>
        <translation>Groupes pris</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqués</translation>
    </message>
    <message>
        <source>Another &amp;sample</source>
        <translation>Autre é&amp;chantillon</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Rules are tried in order; each group goes to the first rule that takes it. Decided groups, “not duplicates”, groups held by another reviewer and groups with conflicting owners, stages or parents are never taken.</source>
        <translation>Les règles sont essayées dans l’ordre ; chaque groupe va à la première règle qui le prend. Les groupes déjà décidés, « pas des doublons », les groupes détenus par un autre réviseur et les groupes dont le propriétaire, l’étape ou le parent diffèrent ne sont jamais pris.</translation>
    </message>
    <message>
        <source>The rules have problems:</source>
        <translation>Les règles contiennent des erreurs :</translation>
    </message>
    <message>
        <source>Load rules</source>
        <translation>Charger des règles</translation>
    </message>
    <message>
        <source>Rules (*.json)</source>
        <translation>Règles (*.json)</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>Enregistrer les règles</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>{taken} groups taken by the rules; {left} left for review by hand.</source>
        <translation>{taken} groupes pris par les règles ; {left} restent à réviser à la main.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve: queue %n merge(s)</source>
        <translation>
            <numerusform>&amp;Approuver : mettre %n fusion en file</numerusform>
            <numerusform>&amp;Approuver : mettre %n fusions en file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) queued. They run one after the other in the merge queue; merges not sent yet can be cancelled there.</source>
        <translation>
            <numerusform>%n fusion mise en file. Elle s’exécute dans la file des fusions ; les fusions pas encore envoyées peuvent y être annulées.</numerusform>
            <numerusform>%n fusions mises en file. Elles s’exécutent l’une après l’autre dans la file des fusions ; les fusions pas encore envoyées peuvent y être annulées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>In the compare table: arrows move between fields and records, Space or Enter keeps the value under the cursor, F2 types a value. On a checklist (e-mails, phones, tags, long text) Space ticks or unticks the value under the cursor.</source>
        <translation>Dans le tableau de comparaison&#xa0;: les flèches passent d’un champ et d’une fiche à l’autre, Espace ou Entrée garde la valeur sous le curseur, F2 saisit une valeur. Dans une liste à cocher (e-mails, téléphones, étiquettes, texte long), Espace coche ou décoche la valeur sous le curseur.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>{field}: the value chosen already belongs to {ids}, outside this group, and the CRM keeps it unique. Choose another value, or add {ids} to the group.</source>
        <translation>{field}&#xa0;: la valeur choisie appartient déjà à {ids}, hors de ce groupe, et le CRM la garde unique. Choisissez une autre valeur, ou ajoutez {ids} au groupe.</translation>
    </message>
    <message>
        <source>Zoho needs Reporting To and Account Name from the same record: take both from one record.</source>
        <translation>Zoho exige «&#xa0;Rend compte à&#xa0;» et «&#xa0;Nom du compte&#xa0;» de la même fiche&#xa0;: prenez les deux d’une seule fiche.</translation>
    </message>
    <message>
        <source>{field}: the records differ and the CRM does not let MergeDesk write it; the master keeps its own. Make the record with the right one the master (M or W).</source>
        <translation>{field}&#xa0;: les fiches diffèrent et le CRM ne laisse pas MergeDesk écrire ce champ&#xa0;; la fiche principale garde sa valeur. Faites de la fiche qui a la bonne valeur la fiche principale (M ou W).</translation>
    </message>
    <message>
        <source>{ids} cannot be merged now (locked or in an approval). Finish or cancel that in the CRM, or split the record out of the group.</source>
        <translation>{ids} ne peut pas être fusionné pour l’instant (verrouillé ou en cours d’approbation). Terminez ou annulez cela dans le CRM, ou retirez la fiche du groupe.</translation>
    </message>
    <message>
        <source>{ids} is closed: only open deals can be merged. Reopen it in the CRM or split it out of the group.</source>
        <translation>{ids} est clôturé&#xa0;: seules les affaires ouvertes peuvent être fusionnées. Rouvrez-le dans le CRM ou retirez-le du groupe.</translation>
    </message>
    <message>
        <source>This group takes several calls, one after the other; a failure half-way leaves some records merged. Split the group if that matters.</source>
        <translation>Ce groupe demande plusieurs appels, l’un après l’autre&#xa0;; un échec en cours de route laisse certaines fiches fusionnées. Scindez le groupe si cela compte.</translation>
    </message>
    <message>
        <source>Some values have neither a field nor a note to go to; copy them by hand before merging.</source>
        <translation>Certaines valeurs n’ont ni champ ni note où aller&#xa0;; copiez-les à la main avant de fusionner.</translation>
    </message>
    <message>
        <source>Before this group can be merged:</source>
        <translation>Avant de pouvoir fusionner ce groupe&#xa0;:</translation>
    </message>
    <message>
        <source>Checked before merging:</source>
        <translation>Vérifié avant la fusion&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Merged preview
as {crm} will keep it</source>
        <translation>Aperçu fusionné
tel que {crm} le gardera</translation>
    </message>
    <message>
        <source>The record as the CRM will hold it after the merge</source>
        <translation>La fiche telle que le CRM la gardera après la fusion</translation>
    </message>
    <message>
        <source>{value} (this value is kept)</source>
        <translation>{value} (cette valeur est gardée)</translation>
    </message>
    <message>
        <source>The records differ here.</source>
        <translation>Les fiches diffèrent ici.</translation>
    </message>
    <message>
        <source>Read-only: the master&apos;s value stays.</source>
        <translation>Lecture seule&#xa0;: la valeur de la fiche principale reste.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Most complete</source>
        <translation>La plus complète</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>La plus ancienne</translation>
    </message>
    <message>
        <source>Most related items</source>
        <translation>Le plus d&apos;éléments liés</translation>
    </message>
    <message>
        <source>Master #{id}: your choice (the rules suggest #{suggested})</source>
        <translation>Fiche principale #{id}&#xa0;: votre choix (les règles proposent #{suggested})</translation>
    </message>
    <message>
        <source>most complete, {filled} of {total} fields filled</source>
        <translation>la plus complète, {filled} champs remplis sur {total}</translation>
    </message>
    <message>
        <source>oldest, created {date}</source>
        <translation>la plus ancienne, créée le {date}</translation>
    </message>
    <message>
        <source>most related items ({count})</source>
        <translation>le plus d&apos;éléments liés ({count})</translation>
    </message>
    <message>
        <source>linked to an integration (it holds an id one set)</source>
        <translation>liée à une intégration (elle porte un identifiant posé par celle-ci)</translation>
    </message>
    <message>
        <source>the records tie on every rule: the first one</source>
        <translation>les fiches sont à égalité sur chaque règle&#xa0;: la première</translation>
    </message>
    <message>
        <source>{detail} ({rule}: a tie)</source>
        <translation>{detail} ({rule}&#xa0;: égalité)</translation>
    </message>
    <message>
        <source>Master #{id}: {detail}</source>
        <translation>Fiche principale #{id}&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}, master</source>
        <translation>Fiche {n}, {name}, #{id}, principale</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}</source>
        <translation>Fiche {n}, {name}, #{id}</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Fiche {id}</translation>
    </message>
    <message>
        <source>Created {date}</source>
        <translation>Créée le {date}</translation>
    </message>
    <message>
        <source>Filled fields: {n}</source>
        <translation>Champs remplis&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Files: {n}</source>
        <translation>Fichiers&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Master: this record survives</source>
        <translation>Principale&#xa0;: cette fiche est conservée</translation>
    </message>
    <message>
        <source>Press M or click here to make it the master</source>
        <translation>Appuyez sur M ou cliquez ici pour en faire la fiche principale</translation>
    </message>
    <message>
        <source>After the merge: {value} (typed by you; F2 to change)</source>
        <translation>Après la fusion&#xa0;: {value} (saisie par vous&#xa0;; F2 pour modifier)</translation>
    </message>
    <message>
        <source>After the merge: {value} (F2 or E to type another value)</source>
        <translation>Après la fusion&#xa0;: {value} (F2 ou E pour saisir une autre valeur)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <source>keep {field} of #{id}</source>
        <translation>garder {field} de #{id}</translation>
    </message>
    <message>
        <source>type {field}</source>
        <translation>saisir {field}</translation>
    </message>
    <message>
        <source>make #{id} the master</source>
        <translation>faire de #{id} la fiche principale</translation>
    </message>
    <message>
        <source>keep file {id}</source>
        <translation>garder le fichier {id}</translation>
    </message>
    <message>
        <source>drop file {id}</source>
        <translation>retirer le fichier {id}</translation>
    </message>
    <message>
        <source>keep {value} in {field}</source>
        <translation>garder {value} dans {field}</translation>
    </message>
    <message>
        <source>drop {value} from {field}</source>
        <translation>retirer {value} de {field}</translation>
    </message>
    <message>
        <source>apply the field rules “{name}”</source>
        <translation>appliquer les règles de champs «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>join {field} differently</source>
        <translation>joindre {field} autrement</translation>
    </message>
    <message>
        <source>a blank line</source>
        <translation>une ligne vide</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>un saut de ligne</translation>
    </message>
    <message>
        <source>a dot ( · )</source>
        <translation>un point ( · )</translation>
    </message>
    <message>
        <source>a bar ( | )</source>
        <translation>une barre ( | )</translation>
    </message>
    <message>
        <source>→ {field}</source>
        <translation>→ {field}</translation>
    </message>
    <message>
        <source>→ {field} (union)</source>
        <translation>→ {field} (union)</translation>
    </message>
    <message>
        <source>→ joined into {field}</source>
        <translation>→ joint à {field}</translation>
    </message>
    <message>
        <source>→ note on the survivor</source>
        <translation>→ note sur la fiche conservée</translation>
    </message>
    <message>
        <source>Dropped: will be lost</source>
        <translation>Retirée&#xa0;: sera perdue</translation>
    </message>
    <message>
        <source>Not kept: will be lost</source>
        <translation>Non gardée&#xa0;: sera perdue</translation>
    </message>
    <message>
        <source>Kept in {field} of the survivor</source>
        <translation>Gardée dans {field} de la fiche conservée</translation>
    </message>
    <message>
        <source>Kept: {field} holds the values of every record</source>
        <translation>Gardée&#xa0;: {field} contient les valeurs de toutes les fiches</translation>
    </message>
    <message>
        <source>Kept: joined into {field}, after {separator}</source>
        <translation>Gardée&#xa0;: jointe à {field}, après {separator}</translation>
    </message>
    <message>
        <source>Kept in a note on the survivor ({field}): the CRM has no free slot for it</source>
        <translation>Gardée dans une note sur la fiche conservée ({field})&#xa0;: le CRM n’a plus de champ libre pour elle</translation>
    </message>
    <message>
        <source>You unticked it: the merge will lose it</source>
        <translation>Vous l’avez décochée&#xa0;: la fusion la perdra</translation>
    </message>
    <message>
        <source>The merged record will not hold it (a value you typed replaced it)</source>
        <translation>La fiche fusionnée ne la contiendra pas (une valeur que vous avez saisie l’a remplacée)</translation>
    </message>
    <message>
        <source>Space or a click drops it</source>
        <translation>Espace ou un clic la retire</translation>
    </message>
    <message>
        <source>Space or a click keeps it</source>
        <translation>Espace ou un clic la garde</translation>
    </message>
    <message>
        <source>{field}, value {n}</source>
        <translation>{field}, valeur {n}</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <source>Safe default</source>
        <translation>Valeur sûre par défaut</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidé</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>À décider</translation>
    </message>
    <message>
        <source>{field}: your choice is recorded in the plan</source>
        <translation>{field}&#xa0;: votre choix est inscrit dans le plan</translation>
    </message>
    <message>
        <source>{field}: the records have different owners; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}&#xa0;: les fiches ont des propriétaires différents&#xa0;; choisissez celui que garde la fiche conservée (1–9 sur la ligne)</translation>
    </message>
    <message>
        <source>{field}: the records are at different stages; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}&#xa0;: les fiches sont à des étapes différentes&#xa0;; choisissez celle que garde la fiche conservée (1–9 sur la ligne)</translation>
    </message>
    <message>
        <source>{field}: the records have different parents; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}&#xa0;: les fiches ont des parents différents&#xa0;; choisissez celui que garde la fiche conservée (1–9 sur la ligne)</translation>
    </message>
    <message>
        <source>{field}: you overrode the safe default</source>
        <translation>{field}&#xa0;: vous avez remplacé la valeur sûre par défaut</translation>
    </message>
    <message>
        <source>{field}: an opt-out on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}&#xa0;: un désabonnement sur n’importe quelle fiche est gardé (la valeur la plus stricte l’emporte)&#xa0;; choisissez une autre valeur pour passer outre</translation>
    </message>
    <message>
        <source>{field}: a do-not-call on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}&#xa0;: un «&#xa0;ne pas appeler&#xa0;» sur n’importe quelle fiche est gardé (la valeur la plus stricte l’emporte)&#xa0;; choisissez une autre valeur pour passer outre</translation>
    </message>
    <message>
        <source>{field}: a withdrawn consent on any record is kept; pick another value to override</source>
        <translation>{field}&#xa0;: un consentement retiré sur n’importe quelle fiche est gardé&#xa0;; choisissez une autre valeur pour passer outre</translation>
    </message>
    <message>
        <source>{field}: the earliest date is kept; pick another value to override</source>
        <translation>{field}&#xa0;: la date la plus ancienne est gardée&#xa0;; choisissez une autre valeur pour passer outre</translation>
    </message>
</context>
<context>
    <name>CompareOptions</name>
    <message>
        <source>Separator of the joined texts</source>
        <translation>Séparateur des textes joints</translation>
    </message>
    <message>
        <source>Field &amp;rules:</source>
        <translation>&amp;Règles des champs&#xa0;:</translation>
    </message>
    <message>
        <source>Template of field rules for this group</source>
        <translation>Modèle de règles de champs pour ce groupe</translation>
    </message>
    <message>
        <source>Saved rules (fill blanks, newest, oldest, longest, from a record) applied to the fields you did not pick by hand</source>
        <translation>Règles enregistrées (combler les vides, la plus récente, la plus ancienne, la plus longue, d’une fiche donnée) appliquées aux champs que vous n’avez pas choisis à la main</translation>
    </message>
    <message>
        <source>Keep everything (safe defaults)</source>
        <translation>Tout garder (valeurs sûres par défaut)</translation>
    </message>
    <message>
        <source>Join the texts of {field} &amp;with:</source>
        <translation>Joindre les textes de {field} a&amp;vec&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>CRM connection</source>
        <translation>Connexion au CRM</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;CRM</source>
        <translation>&amp;CRM</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Région</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Locataire</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>&amp;Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>&amp;Entity</source>
        <translation>&amp;Entité</translation>
    </message>
    <message>
        <source>e.g. Zoho production</source>
        <translation>p. ex. Zoho production</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Nom de la connexion</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Sign &amp;in in the browser…</source>
        <translation>Se &amp;connecter dans le navigateur…</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>(saved in the keyring)</source>
        <translation>(enregistré dans le trousseau)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected: {tenant}{who}</source>
        <translation>Connecté&#xa0;: {tenant}{who}</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>En attente de la connexion dans votre navigateur…</translation>
    </message>
    <message>
        <source>Signed in {user}</source>
        <translation>Connecté&#xa0;: {user}</translation>
    </message>
    <message>
        <source>The API address is missing.</source>
        <translation>L&apos;adresse de l&apos;API manque.</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Inde</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australie</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Chine</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japon</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Arabie saoudite</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Amérique du Nord</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Amérique du Sud</translation>
    </message>
    <message>
        <source>Asia Pacific</source>
        <translation>Asie-Pacifique</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Allemagne</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Suisse</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Émirats arabes unis</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Identifiant du compte</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Jeton d&apos;accès</translation>
    </message>
    <message>
        <source>Profile settings → Access token</source>
        <translation>Paramètres du profil → Jeton d&apos;accès</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>Centre de données</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Jeton d&apos;actualisation</translation>
    </message>
    <message>
        <source>Filled in by Sign in with Zoho</source>
        <translation>Rempli par «&#xa0;Se connecter avec Zoho&#xa0;»</translation>
    </message>
    <message>
        <source>Accounts server</source>
        <translation>Serveur de comptes</translation>
    </message>
    <message>
        <source>Empty: the data centre&apos;s own</source>
        <translation>Vide&#xa0;: celui du centre de données</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Environment (org name)</source>
        <translation>Environnement (nom de l&apos;organisation)</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Identifiant du locataire</translation>
    </message>
    <message>
        <source>Application (client) id</source>
        <translation>Identifiant d&apos;application (client)</translation>
    </message>
    <message>
        <source>Only for a service principal; empty to sign in as you</source>
        <translation>Seulement pour un principal de service&#xa0;; vide pour vous connecter en votre nom</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton du porteur</translation>
    </message>
    <message>
        <source>Optional: a token you got elsewhere</source>
        <translation>Facultatif&#xa0;: un jeton obtenu ailleurs</translation>
    </message>
    <message>
        <source>Space id</source>
        <translation>Identifiant de l&apos;espace</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>Secret d&apos;API</translation>
    </message>
    <message>
        <source>Workspace API key</source>
        <translation>Clé d&apos;API de l&apos;espace de travail</translation>
    </message>
</context>
<context>
    <name>ConnectionSelector</name>
    <message>
        <source>CRM connection</source>
        <translation>Connexion au CRM</translation>
    </message>
    <message>
        <source>The CRM under review; choose another or set one up (Ctrl+O)</source>
        <translation>Le CRM en cours de revue&#xa0;; en choisir ou en configurer un autre (Ctrl+O)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Nouvelle connexion…</translation>
    </message>
    <message>
        <source>Edit this connection…</source>
        <translation>Modifier cette connexion…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>MergeDesk ran into a problem</source>
        <translation>MergeDesk a rencontré un problème</translation>
    </message>
    <message>
        <source>Something went wrong that MergeDesk did not expect. Merges already sent are in the journal, and any merge left open is settled by reading the CRM the next time MergeDesk connects. Please copy the report below and send it to your support contact: it contains no passwords, tokens or keys.</source>
        <translation>Une erreur inattendue s&apos;est produite. Les fusions déjà envoyées sont dans le journal, et toute fusion restée ouverte sera réglée en lisant le CRM à la prochaine connexion de MergeDesk. Copiez le rapport ci-dessous et envoyez-le à votre support&#xa0;: il ne contient ni mot de passe, ni jeton, ni clé.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <source>&amp;Quit MergeDesk</source>
        <translation>&amp;Quitter MergeDesk</translation>
    </message>
    <message>
        <source>Keep &amp;working</source>
        <translation>Continuer à &amp;travailler</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>DecisionController</name>
    <message>
        <source>A decision could not be saved: {error}</source>
        <translation>Une décision n’a pas pu être enregistrée : {error}</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>#{a} and #{b} agree on {field}: {score}</source>
        <translation>#{a} et #{b} concordent sur {field}&#xa0;: {score}</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
</context>
<context>
    <name>FileDetailsDialog</name>
    <message>
        <source>File: {name}</source>
        <translation>Fichier&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Attachments list</source>
        <translation>Liste des pièces jointes</translation>
    </message>
    <message>
        <source>File id</source>
        <translation>Identifiant du fichier</translation>
    </message>
    <message>
        <source>After the merge</source>
        <translation>Après la fusion</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>MergeDesk reads the details of files, not their contents: open the file in the CRM to see it.</source>
        <translation>MergeDesk lit les détails des fichiers, pas leur contenu&#xa0;: ouvrez le fichier dans le CRM pour le voir.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>{n}%</source>
        <translation>{n}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>GroupList</name>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Names and emails</source>
        <translation>Noms et e-mails</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Group {group}: records {records}</source>
        <translation>Groupe {group}&#xa0;: fiches {records}</translation>
    </message>
</context>
<context>
    <name>GroupListPanel</name>
    <message>
        <source>Search names, emails, record ids (Ctrl+F)</source>
        <translation>Rechercher noms, e-mails, identifiants (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation>Rechercher dans les groupes</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>Show groups by status</source>
        <translation>Afficher les groupes par état</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Groupes de doublons</translation>
    </message>
    <message>
        <source>Searching the groups…</source>
        <translation>Recherche dans les groupes…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Merge history</source>
        <translation>Historique des fusions</translation>
    </message>
    <message>
        <source>Search by name, email, id, group or message</source>
        <translation>Rechercher par nom, e-mail, identifiant, groupe ou message</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Export id map…</source>
        <translation>Exporter la table des identifiants…</translation>
    </message>
    <message>
        <source>Old id → survivor id of every merge, for integrations that still hold the old ids (CSV or JSON)</source>
        <translation>Ancien identifiant → identifiant de la fiche conservée pour chaque fusion, pour les intégrations qui utilisent encore les anciens identifiants (CSV ou JSON)</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Export merge history</source>
        <translation>Exporter l&apos;historique des fusions</translation>
    </message>
    <message>
        <source>Export id map</source>
        <translation>Exporter la table des identifiants</translation>
    </message>
    <message>
        <source>Choose a merge to see it field by field.</source>
        <translation>Choisissez une fusion pour la voir champ par champ.</translation>
    </message>
    <message>
        <source>#{id}, {when}: {others} merged into {master} in {crm}, {status}. {message}</source>
        <translation>#{id}, {when}&#xa0;: {others} fusionné dans {master} dans {crm}, {status}. {message}</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind} (the survivor holds {found})</source>
        <translation>{missing} sur {expected} {kind} (la fiche conservée en a {found})</translation>
    </message>
    <message>
        <source>Did not arrive on {survivor}: {items}</source>
        <translation>Pas arrivés sur {survivor} : {items}</translation>
    </message>
</context>
<context>
    <name>HistoryModels</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Fiche conservée</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Running or interrupted</source>
        <translation>En cours ou interrompue</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>{status}, incomplete</source>
        <translation>{status}, incomplet</translation>
    </message>
    <message>
        <source>Not everything arrived on the survivor: {warning}</source>
        <translation>Tout n’est pas arrivé sur la fiche conservée : {warning}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Survivor {id} before</source>
        <translation>Fiche conservée {id} avant</translation>
    </message>
    <message>
        <source>{id} before</source>
        <translation>{id} avant</translation>
    </message>
    <message>
        <source>Chosen from</source>
        <translation>Choisi dans</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>CRM&apos;s rule</source>
        <translation>Règle du CRM</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>saisi</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Cannot come back: {what}</source>
        <translation>Impossible à rétablir&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Connect to the CRM of this merge first.</source>
        <translation>Connectez-vous d&apos;abord au CRM de cette fusion.</translation>
    </message>
    <message>
        <source>Restore merge #{id}?</source>
        <translation>Restaurer la fusion #{id}&#xa0;?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>No duplicates found. Scan again after the CRM&apos;s data changed.</source>
        <translation>Aucun doublon trouvé. Relancez la recherche quand les données du CRM auront changé.</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>File des fusions</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Merges are still running: the connection changes once they are done.</source>
        <translation>Des fusions sont encore en cours&#xa0;: la connexion changera quand elles seront terminées.</translation>
    </message>
    <message>
        <source>Could not connect to {name}</source>
        <translation>Impossible de se connecter à {name}</translation>
    </message>
    <message>
        <source>Connection saved</source>
        <translation>Connexion enregistrée</translation>
    </message>
    <message>
        <source>“{name}” opens the next time MergeDesk starts without --demo: the demo keeps its data and journal apart from your CRM&apos;s.</source>
        <translation>«&#xa0;{name}&#xa0;» s&apos;ouvrira au prochain démarrage de MergeDesk sans --demo&#xa0;: la démo garde ses données et son journal à part de ceux de votre CRM.</translation>
    </message>
    <message>
        <source>About MergeDesk</source>
        <translation>À propos de MergeDesk</translation>
    </message>
    <message>
        <source>MergeDesk merges duplicate CRM records through each CRM&apos;s own merge API, with a journal that explains and can restore every merge.</source>
        <translation>MergeDesk fusionne les doublons d&apos;un CRM par l&apos;API de fusion de ce CRM, avec un journal qui explique chaque fusion et peut la restaurer.</translation>
    </message>
    <message>
        <source>MergeDesk</source>
        <translation>MergeDesk</translation>
    </message>
    <message>
        <source>MergeDesk — {connection}</source>
        <translation>MergeDesk — {connection}</translation>
    </message>
</context>
<context>
    <name>MergeNotesPanel</name>
    <message>
        <source>What the merge will do</source>
        <translation>Ce que fera la fusion</translation>
    </message>
    <message>
        <source>Dry run result</source>
        <translation>Résultat de la simulation</translation>
    </message>
    <message>
        <source>What the merge will do in {crm}:</source>
        <translation>Ce que fera la fusion dans {crm}&#xa0;:</translation>
    </message>
    <message>
        <source>Will move to the survivor: {items}</source>
        <translation>Sera déplacé vers la fiche conservée&#xa0;: {items}</translation>
    </message>
    <message>
        <source>#{id} (survivor) keeps: {items}</source>
        <translation>#{id} (conservé) garde&#xa0;: {items}</translation>
    </message>
    <message>
        <source>#{id} brings: {items}</source>
        <translation>#{id} apporte&#xa0;: {items}</translation>
    </message>
    <message>
        <source>{field}: you dropped {values}; they will be lost.</source>
        <translation>{field}&#xa0;: vous avez retiré {values}&#xa0;; cela sera perdu.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n activité</numerusform>
            <numerusform>%n activités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n affaire</numerusform>
            <numerusform>%n affaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list membership(s)</source>
        <translation>
            <numerusform>%n appartenance à une liste</numerusform>
            <numerusform>%n appartenances à des listes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeQueue</name>
    <message>
        <source>Checking the records in the CRM…</source>
        <translation>Vérification des fiches dans le CRM…</translation>
    </message>
    <message>
        <source>Checking the result in the CRM…</source>
        <translation>Vérification du résultat dans le CRM…</translation>
    </message>
    <message>
        <source>Step {n} of {total}: merging {losers} into #{master}</source>
        <translation>Étape {n} sur {total}&#xa0;: fusion de {losers} dans #{master}</translation>
    </message>
    <message>
        <source>Step {n} of {total}: writing the chosen values</source>
        <translation>Étape {n} sur {total}&#xa0;: écriture des valeurs choisies</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the CRM</source>
        <translation>le CRM</translation>
    </message>
    <message>
        <source>The merge cannot be run: {problems}</source>
        <translation>La fusion ne peut pas être lancée&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>This merge cannot be restored: {reason}</source>
        <translation>Cette fusion ne peut pas être restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {message}</source>
        <translation>Erreur inattendue ({kind})&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The connection settings cannot work: {message}</source>
        <translation>Ces paramètres de connexion ne peuvent pas fonctionner&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} refused the credentials: {message}. Check the access token of this connection.</source>
        <translation>{crm} a refusé les identifiants&#xa0;: {message}. Vérifiez le jeton d&apos;accès de cette connexion.</translation>
    </message>
    <message>
        <source>{crm} does not allow this for the signed-in user: {message}</source>
        <translation>{crm} ne le permet pas à l&apos;utilisateur connecté&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} could not find it: {message}</source>
        <translation>{crm} ne l&apos;a pas trouvé&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} refused because of other data: {message}</source>
        <translation>{crm} a refusé à cause d&apos;autres données&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} rejected the request: {message}</source>
        <translation>{crm} a rejeté la requête&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} is limiting requests: {message}</source>
        <translation>{crm} limite les requêtes&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} failed or could not be reached: {message}. Nothing was changed.</source>
        <translation>{crm} a échoué ou était injoignable&#xa0;: {message}. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{crm} sent an answer MergeDesk cannot read: {message}</source>
        <translation>{crm} a envoyé une réponse que MergeDesk ne sait pas lire&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The answer from {crm} was lost: {message}. MergeDesk reads the CRM to learn what happened before anything is sent again.</source>
        <translation>La réponse de {crm} a été perdue&#xa0;: {message}. MergeDesk lit le CRM pour savoir ce qui s&apos;est passé avant de renvoyer quoi que ce soit.</translation>
    </message>
    <message>
        <source>{crm}: {message}</source>
        <translation>{crm}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{crm} asks to wait {wait}.</source>
        <translation>{crm} demande d&apos;attendre {wait}.</translation>
    </message>
    <message>
        <source>Fields: {details}</source>
        <translation>Champs&#xa0;: {details}</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Changed, review again</source>
        <translation>Modifié, à réexaminer</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>Merged {merged} into #{master}</source>
        <translation>{merged} fusionné dans #{master}</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed</source>
        <translation>Simulation&#xa0;: rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>Not merged: the records changed since you reviewed them</source>
        <translation>Non fusionné&#xa0;: les fiches ont changé depuis votre examen</translation>
    </message>
    <message>
        <source>Outcome unknown: MergeDesk will read the CRM before trying again</source>
        <translation>Résultat inconnu&#xa0;: MergeDesk lira le CRM avant de réessayer</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>Échec de la fusion</translation>
    </message>
    <message>
        <source>{headline}: {message}</source>
        <translation>{headline}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>“{value}” ({record})</source>
        <translation>«&#xa0;{value}&#xa0;» ({record})</translation>
    </message>
    <message>
        <source>{crm} deletes {records} once merged into the master.</source>
        <translation>{crm} supprime {records} une fois fusionné dans la fiche principale.</translation>
    </message>
    <message>
        <source>{crm} keeps {records} as inactive records.</source>
        <translation>{crm} garde {records} comme fiches inactives.</translation>
    </message>
    <message>
        <source>{crm} retires the ids of {records}.</source>
        <translation>{crm} retire les identifiants de {records}.</translation>
    </message>
    <message>
        <source>{crm} merges one record per call: {count} calls in a row.</source>
        <translation>{crm} fusionne une fiche par appel&#xa0;: {count} appels à la suite.</translation>
    </message>
    <message>
        <source>{field}: {crm} does not carry this field in a merge; {values} will be lost.</source>
        <translation>{field}&#xa0;: {crm} ne reprend pas ce champ lors d&apos;une fusion&#xa0;; {values} sera perdu.</translation>
    </message>
    <message>
        <source>{field}: {values} will not survive.</source>
        <translation>{field}&#xa0;: {values} ne sera pas conservé.</translation>
    </message>
    <message>
        <source>Files that will be removed: {values}.</source>
        <translation>Fichiers qui seront retirés&#xa0;: {values}.</translation>
    </message>
    <message>
        <source>Write back the earlier values of #{id}: {fields}</source>
        <translation>Réécrire les valeurs antérieures de #{id}&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>Create #{id} again from its snapshot (it gets a new id)</source>
        <translation>Recréer #{id} à partir de son instantané (il reçoit un nouvel identifiant)</translation>
    </message>
    <message>
        <source>Make #{id} active again</source>
        <translation>Réactiver #{id}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Held (Ctrl+Z takes it back)</source>
        <translation>En attente (Ctrl+Z l&apos;annule)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Cancelled, nothing sent</source>
        <translation>Annulée, rien n&apos;a été envoyé</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Take back the selected merge if it was not sent yet (Delete)</source>
        <translation>Annuler la fusion choisie si elle n&apos;a pas encore été envoyée (Suppr)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Effacer les terminées</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>File des fusions</translation>
    </message>
    <message>
        <source>Merges run here in the background while you go on reviewing: Ctrl+Enter submits the group on screen.</source>
        <translation>Les fusions s&apos;exécutent ici en arrière-plan pendant que vous continuez l&apos;examen&#xa0;: Ctrl+Entrée soumet le groupe affiché.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Connect to a CRM…</source>
        <translation>Se &amp;connecter à un CRM…</translation>
    </message>
    <message>
        <source>Choose or set up a CRM connection</source>
        <translation>Choisir ou configurer une connexion au CRM</translation>
    </message>
    <message>
        <source>&amp;Scan for duplicates</source>
        <translation>&amp;Rechercher les doublons</translation>
    </message>
    <message>
        <source>Read every record again and find duplicate groups</source>
        <translation>Relire toutes les fiches et trouver les groupes de doublons</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Search groups</source>
        <translation>Re&amp;chercher dans les groupes</translation>
    </message>
    <message>
        <source>Search names, emails and record ids</source>
        <translation>Rechercher noms, e-mails et identifiants de fiche</translation>
    </message>
    <message>
        <source>&amp;Merge group</source>
        <translation>&amp;Fusionner le groupe</translation>
    </message>
    <message>
        <source>Merge the records into the master</source>
        <translation>Fusionner les fiches dans la fiche principale</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;Pas des doublons</translation>
    </message>
    <message>
        <source>Remember that these records are different; never suggest them again</source>
        <translation>Retenir que ces fiches sont différentes&#xa0;; ne plus jamais les proposer</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Pa&amp;sser</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <source>S&amp;plit record out</source>
        <translation>&amp;Retirer la fiche du groupe</translation>
    </message>
    <message>
        <source>Take the current column&apos;s record out of this group</source>
        <translation>Retirer de ce groupe la fiche de la colonne courante</translation>
    </message>
    <message>
        <source>Make &amp;master</source>
        <translation>En faire la fiche &amp;principale</translation>
    </message>
    <message>
        <source>The current column&apos;s record survives</source>
        <translation>La fiche de la colonne courante est conservée</translation>
    </message>
    <message>
        <source>S&amp;wap master</source>
        <translation>É&amp;changer la fiche principale</translation>
    </message>
    <message>
        <source>The next record of the group survives instead of the master</source>
        <translation>La fiche suivante du groupe est conservée à la place de la fiche principale</translation>
    </message>
    <message>
        <source>&amp;Type a value…</source>
        <translation>&amp;Saisir une valeur…</translation>
    </message>
    <message>
        <source>Type the value the merged record keeps for the current field</source>
        <translation>Saisir la valeur que la fiche fusionnée garde pour le champ courant</translation>
    </message>
    <message>
        <source>&amp;Dry run in the CRM</source>
        <translation>&amp;Simulation dans le CRM</translation>
    </message>
    <message>
        <source>Ask the CRM what this merge would produce, without changing anything</source>
        <translation>Demander au CRM ce que produirait cette fusion, sans rien modifier</translation>
    </message>
    <message>
        <source>Ne&amp;xt group</source>
        <translation>Groupe &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>Groupe &amp;précédent</translation>
    </message>
    <message>
        <source>What the merge &amp;does</source>
        <translation>Ce que &amp;fait la fusion</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Fichiers</translation>
    </message>
    <message>
        <source>&amp;Why matched</source>
        <translation>&amp;Pourquoi rapprochées</translation>
    </message>
    <message>
        <source>&amp;Differences only</source>
        <translation>&amp;Différences seulement</translation>
    </message>
    <message>
        <source>Hide the fields where every record agrees and nothing needs a look</source>
        <translation>Masquer les champs où toutes les fiches concordent et où rien n’est à vérifier</translation>
    </message>
    <message>
        <source>Send held merges &amp;now</source>
        <translation>Envoyer &amp;maintenant les fusions en attente</translation>
    </message>
    <message>
        <source>Skip the undo delay of the merges waiting in the queue</source>
        <translation>Passer le délai d&apos;annulation des fusions en attente dans la file</translation>
    </message>
    <message>
        <source>&amp;Cancel merges not sent</source>
        <translation>&amp;Annuler les fusions non envoyées</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About MergeDesk</source>
        <translation>À &amp;propos de MergeDesk</translation>
    </message>
    <message>
        <source>&amp;Bulk rules…</source>
        <translation>Règles en &amp;masse…</translation>
    </message>
    <message>
        <source>Merge the groups that clear-cut rules take, after a look at a sample</source>
        <translation>Fusionner les groupes que prennent des règles nettes, après un coup d’œil à un échantillon</translation>
    </message>
    <message>
        <source>&amp;Team audit…</source>
        <translation>&amp;Audit de l’équipe…</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Groupes fusionnés, rejetés et restaurés par réviseur et par jour</translation>
    </message>
    <message>
        <source>Keep value of record {n}</source>
        <translation>Garder la valeur de la fiche {n}</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <source>not duplicates: {group}</source>
        <translation>pas des doublons&#xa0;: {group}</translation>
    </message>
    <message>
        <source>skip {group}</source>
        <translation>passer {group}</translation>
    </message>
    <message>
        <source>split #{record} out of {group}</source>
        <translation>retirer #{record} de {group}</translation>
    </message>
    <message>
        <source>merge {group}</source>
        <translation>fusionner {group}</translation>
    </message>
    <message>
        <source>The merge of {group} was sent to the CRM already; History can restore it.</source>
        <translation>La fusion de {group} a déjà été envoyée au CRM&#xa0;; l&apos;historique peut la restaurer.</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>This group is no longer in the list.</source>
        <translation>Ce groupe n&apos;est plus dans la liste.</translation>
    </message>
    <message>
        <source>Fewer than two records of this group are left in {crm}: nothing to merge.</source>
        <translation>Il reste moins de deux fiches de ce groupe dans {crm}&#xa0;: rien à fusionner.</translation>
    </message>
    <message>
        <source>Could not read this group: {error}</source>
        <translation>Impossible de lire ce groupe&#xa0;: {error}</translation>
    </message>
    <message>
        <source>No group is left to review: the others are decided or held by other reviewers.</source>
        <translation>Plus aucun groupe à examiner : les autres sont tranchés ou réservés par d’autres réviseurs.</translation>
    </message>
    <message>
        <source>The next group to review is not listed here: show “To review” or clear the search.</source>
        <translation>Le prochain groupe à examiner n’apparaît pas ici : affichez « À examiner » ou effacez la recherche.</translation>
    </message>
    <message>
        <source>This group is no longer yours: your hold on it ran out and another reviewer took it over. Nothing was decided; it was read again.</source>
        <translation>Ce groupe n’est plus le vôtre : votre réservation a expiré et un autre réviseur l’a repris. Rien n’a été décidé ; il a été relu.</translation>
    </message>
    <message>
        <source>Held by {reviewer} until {time}: read only, it cannot be submitted from here.</source>
        <translation>Réservé par {reviewer} jusqu’à {time} : lecture seule, il ne peut pas être soumis d’ici.</translation>
    </message>
    <message>
        <source>Another reviewer holds this group or some of its records: read only, it cannot be submitted from here.</source>
        <translation>Un autre réviseur a réservé ce groupe ou certains de ses enregistrements : lecture seule, il ne peut pas être soumis d’ici.</translation>
    </message>
    <message>
        <source>Asking {crm}…</source>
        <translation>Interrogation de {crm}…</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run agrees with this preview; nothing was changed.</source>
        <translation>La simulation de {crm} concorde avec cet aperçu&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{field}: {crm} gives “{theirs}”, the preview “{ours}”</source>
        <translation>{field}&#xa0;: {crm} donne «&#xa0;{theirs}&#xa0;», l&apos;aperçu «&#xa0;{ours}&#xa0;»</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run differs — {details}</source>
        <translation>La simulation de {crm} diffère — {details}</translation>
    </message>
    <message>
        <source>&amp;Dry run in {crm}</source>
        <translation>&amp;Simulation dans {crm}</translation>
    </message>
    <message>
        <source>This group is being merged in the background.</source>
        <translation>Ce groupe est en cours de fusion en arrière-plan.</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind}</source>
        <translation>{missing} sur {expected} {kind}</translation>
    </message>
    <message>
        <source>Merged into {survivor}, but not everything arrived there: {items} did not. The journal keeps the records as they were; see the History.</source>
        <translation>Fusionné dans {survivor}, mais tout n’y est pas arrivé : il manque {items}. Le journal conserve les fiches telles qu’elles étaient ; voir l’Historique.</translation>
    </message>
</context>
<context>
    <name>ReviewMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>E&amp;xamen</translation>
    </message>
    <message>
        <source>&amp;Keep a record&apos;s value</source>
        <translation>&amp;Garder la valeur d&apos;une fiche</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Records side by side</source>
        <translation>Fiches côte à côte</translation>
    </message>
    <message>
        <source>1–9 keep a value · Space ticks · E types · M/W master · Ctrl+Enter merges · F1 keys</source>
        <translation>1–9 garder une valeur · Espace coche · E saisir · M/W fiche principale · Ctrl+Entrée fusionne · F1 touches</translation>
    </message>
    <message>
        <source>&amp;Default master:</source>
        <translation>Fiche principale par &amp;défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Rule for the default master</source>
        <translation>Règle de la fiche principale par défaut</translation>
    </message>
    <message>
        <source>Why the records were matched</source>
        <translation>Pourquoi les fiches ont été rapprochées</translation>
    </message>
    <message>
        <source>What the merge does</source>
        <translation>Ce que fait la fusion</translation>
    </message>
    <message>
        <source>Why matched</source>
        <translation>Pourquoi rapprochées</translation>
    </message>
    <message>
        <source>No group selected</source>
        <translation>Aucun groupe choisi</translation>
    </message>
    <message>
        <source>Select a group on the left to compare its records side by side.</source>
        <translation>Choisissez un groupe à gauche pour comparer ses fiches côte à côte.</translation>
    </message>
    <message>
        <source>Reading the records from the CRM…</source>
        <translation>Lecture des fiches dans le CRM…</translation>
    </message>
    <message>
        <source>No longer in the CRM: {ids}. They were left out.</source>
        <translation>Plus dans le CRM&#xa0;: {ids}. Elles ont été laissées de côté.</translation>
    </message>
    <message>
        <source>Not merged yet: decide {fields} first (1–9 on the row keeps a record&apos;s value).</source>
        <translation>Pas encore fusionné&#xa0;: décidez d’abord {fields} (1–9 sur la ligne garde la valeur d’une fiche).</translation>
    </message>
    <message>
        <source>Not merged: pre-flight says the CRM would refuse this group. See the checks above for what to change.</source>
        <translation>Non fusionné&#xa0;: la vérification préalable indique que le CRM refuserait ce groupe. Voyez les vérifications ci-dessus pour ce qu’il faut changer.</translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation>Groupe {id}</translation>
    </message>
    <message>
        <source>{score} match</source>
        <translation>{score} de concordance</translation>
    </message>
    <message>
        <source>Records: {count}</source>
        <translation>Fiches&#xa0;: {count}</translation>
    </message>
    <message>
        <source>Files ({kept} of {count} kept)</source>
        <translation>Fichiers ({kept} gardés sur {count})</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>“{text}” is not a value {field} can hold.</source>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une valeur possible pour {field}.</translation>
    </message>
    <message>
        <source>matched on {fields}</source>
        <translation>rapprochées sur {fields}</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Groups by status</source>
        <translation>Groupes par état</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>File des fusions</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>To review: {n}</source>
        <translation>À examiner&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Merging: {n}</source>
        <translation>En fusion&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Merged: {n}</source>
        <translation>Fusionnés&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Not duplicates: {n}</source>
        <translation>Pas des doublons&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Failed: {n}</source>
        <translation>Échecs&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Unknown: {n}</source>
        <translation>Inconnus&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Queue: {running} running, {waiting} waiting</source>
        <translation>File&#xa0;: {running} en cours, {waiting} en attente</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Count the groups, then pick a rule to see a sample of the groups it takes.</source>
        <translation>Comptez les groupes, puis choisissez une règle pour voir un échantillon des groupes qu’elle prend.</translation>
    </message>
    <message>
        <source>Group {group} (score {score}): {count} records into #{master}</source>
        <translation>Groupe {group} (score {score}) : {count} fiches fusionnées dans #{master}</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (principale)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>Reading records…</source>
        <translation>Lecture des fiches…</translation>
    </message>
    <message>
        <source>{records} records read, {groups} groups found</source>
        <translation>{records} fiches lues, {groups} groupes trouvés</translation>
    </message>
    <message>
        <source>Finding duplicates: %p%</source>
        <translation>Recherche des doublons&#xa0;: %p %</translation>
    </message>
    <message>
        <source>Reading records: %v of %m</source>
        <translation>Lecture des fiches&#xa0;: %v sur %m</translation>
    </message>
    <message>
        <source>Reading records: {n}</source>
        <translation>Lecture des fiches&#xa0;: {n}</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Team &amp;workspace…</source>
        <translation>&amp;Espace de travail d’équipe…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>StartupRecovery</name>
    <message numerus="yes">
        <source>Settling %n interrupted merge(s) by reading the CRM…</source>
        <translation>
            <numerusform>Vérification dans le CRM de %n fusion interrompue…</numerusform>
            <numerusform>Vérification dans le CRM de %n fusions interrompues…</numerusform>
        </translation>
    </message>
    <message>
        <source>The interrupted merges cannot be settled now; their groups stay blocked: {error}</source>
        <translation>Les fusions interrompues ne peuvent pas être réglées maintenant&#xa0;; leurs groupes restent bloqués&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Merge #{id} (group {group}): {result}</source>
        <translation>Fusion #{id} (groupe {group})&#xa0;: {result}</translation>
    </message>
    <message>
        <source>Interrupted merges</source>
        <translation>Fusions interrompues</translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n fusionnée</numerusform>
            <numerusform>%n fusionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nothing changed</source>
        <translation>
            <numerusform>%n sans aucun changement</numerusform>
            <numerusform>%n sans aucun changement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed after changing the CRM (see History)</source>
        <translation>
            <numerusform>%n en échec après avoir modifié le CRM (voir l’historique)</numerusform>
            <numerusform>%n en échec après avoir modifié le CRM (voir l’historique)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted merge(s) settled</source>
        <translation>
            <numerusform>%n fusion interrompue réglée</numerusform>
            <numerusform>%n fusions interrompues réglées</numerusform>
        </translation>
    </message>
    <message>
        <source>{head}: {details}</source>
        <translation>{head}&#xa0;: {details}</translation>
    </message>
    <message numerus="yes">
        <source>Could not settle %n merge(s) yet: kept open, and their groups blocked until MergeDesk can read the CRM</source>
        <translation>
            <numerusform>%n fusion n’a pas encore pu être réglée&#xa0;: elle reste ouverte et son groupe bloqué tant que MergeDesk ne peut pas lire le CRM</numerusform>
            <numerusform>%n fusions n’ont pas encore pu être réglées&#xa0;: elles restent ouvertes et leurs groupes bloqués tant que MergeDesk ne peut pas lire le CRM</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before any call, nothing changed in the CRM; the group is back to review</source>
        <translation>arrêtée avant tout appel, rien n’a changé dans le CRM&#xa0;; le groupe est de nouveau à examiner</translation>
    </message>
</context>
<context>
    <name>TeamAuditDialog</name>
    <message>
        <source>Team audit</source>
        <translation>Audit de l’équipe</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Groupes fusionnés, rejetés et restaurés par réviseur et par jour</translation>
    </message>
    <message>
        <source>Nothing merged, rejected or restored yet.</source>
        <translation>Rien n’a encore été fusionné, rejeté ni restauré.</translation>
    </message>
    <message>
        <source>In all: {merged} merged, {rejected} rejected, {restored} restored. Reviewers: {reviewers}. Days: {days}.</source>
        <translation>Au total : {merged} fusionnés, {rejected} rejetés, {restored} restaurés. Réviseurs : {reviewers}. Jours : {days}.</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>Team workspace</source>
        <translation>Espace de travail d’équipe</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;URL:</source>
        <translation>&amp;URL PostgreSQL :</translation>
    </message>
    <message>
        <source>&amp;Reviewer name:</source>
        <translation>Nom du &amp;réviseur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>The name on your decisions and merges</source>
        <translation>Le nom inscrit sur vos décisions et fusions</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Laisser vide pour garder le mot de passe enregistré</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>No password in the URL: it is kept in the system keyring. Leave the URL empty to work on this workstation&apos;s own store. Changes take effect the next time MergeDesk starts.</source>
        <translation>Pas de mot de passe dans l’URL : il est conservé dans le trousseau du système. Laissez l’URL vide pour travailler sur le stockage propre à ce poste. Les changements prennent effet au prochain démarrage de MergeDesk.</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://.</source>
        <translation>L’URL doit commencer par postgresql://.</translation>
    </message>
    <message>
        <source>The URL must not hold a password, and a server on another machine must be verified (sslmode=verify-full).</source>
        <translation>L’URL ne doit pas contenir de mot de passe, et un serveur sur une autre machine doit être vérifié (sslmode=verify-full).</translation>
    </message>
    <message>
        <source>Enter the reviewer name your team will see.</source>
        <translation>Saisissez le nom de réviseur que votre équipe verra.</translation>
    </message>
    <message>
        <source>Enter the workspace URL first.</source>
        <translation>Saisissez d’abord l’URL de l’espace de travail.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Could not connect: {error}</source>
        <translation>Connexion impossible : {error}</translation>
    </message>
    <message>
        <source>Connected to {server}.</source>
        <translation>Connecté à {server}.</translation>
    </message>
</context>
</TS>
