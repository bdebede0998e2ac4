<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Starting the demo CRM…</source>
        <translation>Demo-CRM wird gestartet…</translation>
    </message>
    <message>
        <source>{crm} demo sandbox</source>
        <translation>{crm}-Demo-Sandbox</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>{crm} records have no files.</source>
        <translation>{crm}-Datensätze haben keine Dateien.</translation>
    </message>
    <message>
        <source>Attachments move to the master in {crm}; only files in file fields can be dropped.</source>
        <translation>Anhänge wandern in {crm} zum Hauptdatensatz; nur Dateien in Dateifeldern lassen sich verwerfen.</translation>
    </message>
    <message>
        <source>Tick the files that stay; {crm} removes the others from the file fields.</source>
        <translation>Haken Sie die Dateien an, die bleiben; {crm} entfernt die übrigen aus den Dateifeldern.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master.</source>
        <translation>{crm} verschiebt alle Dateien zum Hauptdatensatz.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master record.</source>
        <translation>{crm} verschiebt alle Dateien zum Hauptdatensatz.</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (Hauptdatensatz)</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>The file&apos;s details and what the merge does with it (Enter)</source>
        <translation>Die Angaben zur Datei und was die Zusammenführung mit ihr macht (Eingabe)</translation>
    </message>
    <message>
        <source>Files of the records</source>
        <translation>Dateien der Datensätze</translation>
    </message>
    <message>
        <source>None of these records has files.</source>
        <translation>Keiner dieser Datensätze hat Dateien.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
</context>
<context>
    <name>BulkRulesDialog</name>
    <message>
        <source>Bulk rules</source>
        <translation>Regeln für viele Gruppen</translation>
    </message>
    <message>
        <source>Rules (JSON)</source>
        <translation>Regeln (JSON)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Laden…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>&amp;Count groups</source>
        <translation>Gruppen &amp;zählen</translation>
    </message>
    <message>
        <source>How many groups each rule takes (Ctrl+Enter)</source>
        <translation>Wie viele Gruppen jede Regel übernimmt (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Groups taken</source>
        <translation>Übernommene Gruppen</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Another &amp;sample</source>
        <translation>Andere &amp;Stichprobe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Rules are tried in order; each group goes to the first rule that takes it. Decided groups, “not duplicates”, groups held by another reviewer and groups with conflicting owners, stages or parents are never taken.</source>
        <translation>Die Regeln werden der Reihe nach geprüft; jede Gruppe geht an die erste Regel, die sie übernimmt. Entschiedene Gruppen, „keine Duplikate“, Gruppen, die ein anderer Prüfer bearbeitet, und Gruppen mit abweichenden Besitzern, Phasen oder übergeordneten Datensätzen werden nie übernommen.</translation>
    </message>
    <message>
        <source>The rules have problems:</source>
        <translation>Die Regeln enthalten Fehler:</translation>
    </message>
    <message>
        <source>Load rules</source>
        <translation>Regeln laden</translation>
    </message>
    <message>
        <source>Rules (*.json)</source>
        <translation>Regeln (*.json)</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>Regeln speichern</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zähle…</translation>
    </message>
    <message>
        <source>{taken} groups taken by the rules; {left} left for review by hand.</source>
        <translation>{taken} Gruppen von den Regeln übernommen; {left} bleiben für die Prüfung von Hand.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve: queue %n merge(s)</source>
        <translation>
            <numerusform>&amp;Freigeben: %n Zusammenführung einreihen</numerusform>
            <numerusform>&amp;Freigeben: %n Zusammenführungen einreihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) queued. They run one after the other in the merge queue; merges not sent yet can be cancelled there.</source>
        <translation>
            <numerusform>%n Zusammenführung eingereiht. Sie läuft in der Warteschlange; noch nicht gesendete Zusammenführungen lassen sich dort abbrechen.</numerusform>
            <numerusform>%n Zusammenführungen eingereiht. Sie laufen nacheinander in der Warteschlange; noch nicht gesendete Zusammenführungen lassen sich dort abbrechen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>In the compare table: arrows move between fields and records, Space or Enter keeps the value under the cursor, F2 types a value. On a checklist (e-mails, phones, tags, long text) Space ticks or unticks the value under the cursor.</source>
        <translation>In der Vergleichstabelle: Pfeiltasten wechseln zwischen Feldern und Datensätzen, Leertaste oder Eingabe übernimmt den Wert unter dem Cursor, F2 tippt einen Wert ein. In einer Checkliste (E-Mails, Telefonnummern, Tags, lange Texte) hakt die Leertaste den Wert unter dem Cursor an oder ab.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>{field}: the value chosen already belongs to {ids}, outside this group, and the CRM keeps it unique. Choose another value, or add {ids} to the group.</source>
        <translation>{field}: Der gewählte Wert gehört bereits {ids} außerhalb dieser Gruppe, und das CRM hält ihn eindeutig. Wählen Sie einen anderen Wert oder nehmen Sie {ids} in die Gruppe auf.</translation>
    </message>
    <message>
        <source>Zoho needs Reporting To and Account Name from the same record: take both from one record.</source>
        <translation>Zoho braucht „Berichtet an“ und „Firmenname“ aus demselben Datensatz: Übernehmen Sie beide aus einem Datensatz.</translation>
    </message>
    <message>
        <source>{field}: the records differ and the CRM does not let MergeDesk write it; the master keeps its own. Make the record with the right one the master (M or W).</source>
        <translation>{field}: Die Datensätze unterscheiden sich, und das CRM lässt MergeDesk das Feld nicht schreiben; der Hauptdatensatz behält seinen Wert. Machen Sie den Datensatz mit dem richtigen Wert zum Hauptdatensatz (M oder W).</translation>
    </message>
    <message>
        <source>{ids} cannot be merged now (locked or in an approval). Finish or cancel that in the CRM, or split the record out of the group.</source>
        <translation>{ids} kann gerade nicht zusammengeführt werden (gesperrt oder in einer Genehmigung). Schließen Sie das im CRM ab oder brechen Sie es ab, oder nehmen Sie den Datensatz aus der Gruppe.</translation>
    </message>
    <message>
        <source>{ids} is closed: only open deals can be merged. Reopen it in the CRM or split it out of the group.</source>
        <translation>{ids} ist abgeschlossen: Nur offene Deals lassen sich zusammenführen. Öffnen Sie ihn im CRM wieder oder nehmen Sie ihn aus der Gruppe.</translation>
    </message>
    <message>
        <source>This group takes several calls, one after the other; a failure half-way leaves some records merged. Split the group if that matters.</source>
        <translation>Diese Gruppe braucht mehrere Aufrufe nacheinander; ein Fehler mittendrin lässt einige Datensätze zusammengeführt zurück. Teilen Sie die Gruppe, wenn das wichtig ist.</translation>
    </message>
    <message>
        <source>Some values have neither a field nor a note to go to; copy them by hand before merging.</source>
        <translation>Für einige Werte gibt es weder ein Feld noch eine Notiz; kopieren Sie sie vor dem Zusammenführen von Hand.</translation>
    </message>
    <message>
        <source>Before this group can be merged:</source>
        <translation>Bevor diese Gruppe zusammengeführt werden kann:</translation>
    </message>
    <message>
        <source>Checked before merging:</source>
        <translation>Vor dem Zusammenführen geprüft:</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Merged preview
as {crm} will keep it</source>
        <translation>Vorschau nach dem Zusammenführen
so, wie {crm} ihn speichert</translation>
    </message>
    <message>
        <source>The record as the CRM will hold it after the merge</source>
        <translation>Der Datensatz, wie das CRM ihn nach dem Zusammenführen hält</translation>
    </message>
    <message>
        <source>{value} (this value is kept)</source>
        <translation>{value} (dieser Wert bleibt)</translation>
    </message>
    <message>
        <source>The records differ here.</source>
        <translation>Hier unterscheiden sich die Datensätze.</translation>
    </message>
    <message>
        <source>Read-only: the master&apos;s value stays.</source>
        <translation>Schreibgeschützt: Der Wert des Hauptdatensatzes bleibt.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Most complete</source>
        <translation>Am vollständigsten</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Ältester</translation>
    </message>
    <message>
        <source>Most related items</source>
        <translation>Meiste verknüpfte Einträge</translation>
    </message>
    <message>
        <source>Master #{id}: your choice (the rules suggest #{suggested})</source>
        <translation>Hauptdatensatz #{id}: Ihre Wahl (die Regeln schlagen #{suggested} vor)</translation>
    </message>
    <message>
        <source>most complete, {filled} of {total} fields filled</source>
        <translation>am vollständigsten, {filled} von {total} Feldern ausgefüllt</translation>
    </message>
    <message>
        <source>oldest, created {date}</source>
        <translation>ältester, angelegt am {date}</translation>
    </message>
    <message>
        <source>most related items ({count})</source>
        <translation>meiste verknüpfte Einträge ({count})</translation>
    </message>
    <message>
        <source>linked to an integration (it holds an id one set)</source>
        <translation>mit einer Integration verknüpft (er trägt eine von ihr gesetzte ID)</translation>
    </message>
    <message>
        <source>the records tie on every rule: the first one</source>
        <translation>die Datensätze liegen bei jeder Regel gleichauf: der erste</translation>
    </message>
    <message>
        <source>{detail} ({rule}: a tie)</source>
        <translation>{detail} ({rule}: Gleichstand)</translation>
    </message>
    <message>
        <source>Master #{id}: {detail}</source>
        <translation>Hauptdatensatz #{id}: {detail}</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}, master</source>
        <translation>Datensatz {n}, {name}, #{id}, Hauptdatensatz</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}</source>
        <translation>Datensatz {n}, {name}, #{id}</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Datensatz {id}</translation>
    </message>
    <message>
        <source>Created {date}</source>
        <translation>Angelegt am {date}</translation>
    </message>
    <message>
        <source>Filled fields: {n}</source>
        <translation>Ausgefüllte Felder: {n}</translation>
    </message>
    <message>
        <source>Files: {n}</source>
        <translation>Dateien: {n}</translation>
    </message>
    <message>
        <source>Master: this record survives</source>
        <translation>Hauptdatensatz: Dieser Datensatz bleibt bestehen</translation>
    </message>
    <message>
        <source>Press M or click here to make it the master</source>
        <translation>M drücken oder hier klicken, um ihn zum Hauptdatensatz zu machen</translation>
    </message>
    <message>
        <source>After the merge: {value} (typed by you; F2 to change)</source>
        <translation>Nach dem Zusammenführen: {value} (von Ihnen eingegeben; ändern mit F2)</translation>
    </message>
    <message>
        <source>After the merge: {value} (F2 or E to type another value)</source>
        <translation>Nach dem Zusammenführen: {value} (F2 oder E, um einen anderen Wert einzugeben)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>keep {field} of #{id}</source>
        <translation>{field} von #{id} behalten</translation>
    </message>
    <message>
        <source>type {field}</source>
        <translation>{field} eingeben</translation>
    </message>
    <message>
        <source>make #{id} the master</source>
        <translation>#{id} zum Hauptdatensatz machen</translation>
    </message>
    <message>
        <source>keep file {id}</source>
        <translation>Datei {id} behalten</translation>
    </message>
    <message>
        <source>drop file {id}</source>
        <translation>Datei {id} verwerfen</translation>
    </message>
    <message>
        <source>keep {value} in {field}</source>
        <translation>{value} in {field} behalten</translation>
    </message>
    <message>
        <source>drop {value} from {field}</source>
        <translation>{value} aus {field} verwerfen</translation>
    </message>
    <message>
        <source>apply the field rules “{name}”</source>
        <translation>Feldregeln „{name}“ anwenden</translation>
    </message>
    <message>
        <source>join {field} differently</source>
        <translation>{field} anders verbinden</translation>
    </message>
    <message>
        <source>a blank line</source>
        <translation>einer Leerzeile</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>einem Zeilenumbruch</translation>
    </message>
    <message>
        <source>a dot ( · )</source>
        <translation>einem Punkt ( · )</translation>
    </message>
    <message>
        <source>a bar ( | )</source>
        <translation>einem Strich ( | )</translation>
    </message>
    <message>
        <source>→ {field}</source>
        <translation>→ {field}</translation>
    </message>
    <message>
        <source>→ {field} (union)</source>
        <translation>→ {field} (vereint)</translation>
    </message>
    <message>
        <source>→ joined into {field}</source>
        <translation>→ in {field} angefügt</translation>
    </message>
    <message>
        <source>→ note on the survivor</source>
        <translation>→ Notiz am Hauptdatensatz</translation>
    </message>
    <message>
        <source>Dropped: will be lost</source>
        <translation>Verworfen: geht verloren</translation>
    </message>
    <message>
        <source>Not kept: will be lost</source>
        <translation>Nicht behalten: geht verloren</translation>
    </message>
    <message>
        <source>Kept in {field} of the survivor</source>
        <translation>Bleibt in {field} des Hauptdatensatzes erhalten</translation>
    </message>
    <message>
        <source>Kept: {field} holds the values of every record</source>
        <translation>Bleibt erhalten: {field} enthält die Werte aller Datensätze</translation>
    </message>
    <message>
        <source>Kept: joined into {field}, after {separator}</source>
        <translation>Bleibt erhalten: in {field} angefügt, nach {separator}</translation>
    </message>
    <message>
        <source>Kept in a note on the survivor ({field}): the CRM has no free slot for it</source>
        <translation>Bleibt in einer Notiz am Hauptdatensatz erhalten ({field}): Das CRM hat kein freies Feld dafür</translation>
    </message>
    <message>
        <source>You unticked it: the merge will lose it</source>
        <translation>Sie haben ihn abgehakt: Die Zusammenführung verliert ihn</translation>
    </message>
    <message>
        <source>The merged record will not hold it (a value you typed replaced it)</source>
        <translation>Der zusammengeführte Datensatz enthält ihn nicht (ein von Ihnen eingetippter Wert hat ihn ersetzt)</translation>
    </message>
    <message>
        <source>Space or a click drops it</source>
        <translation>Leertaste oder Klick verwirft ihn</translation>
    </message>
    <message>
        <source>Space or a click keeps it</source>
        <translation>Leertaste oder Klick behält ihn</translation>
    </message>
    <message>
        <source>{field}, value {n}</source>
        <translation>{field}, Wert {n}</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Überschrieben</translation>
    </message>
    <message>
        <source>Safe default</source>
        <translation>Sichere Vorgabe</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Entscheiden</translation>
    </message>
    <message>
        <source>{field}: your choice is recorded in the plan</source>
        <translation>{field}: Ihre Wahl steht im Plan</translation>
    </message>
    <message>
        <source>{field}: the records have different owners; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: Die Datensätze haben verschiedene Besitzer; wählen Sie den, der bleibt (1–9 in der Zeile)</translation>
    </message>
    <message>
        <source>{field}: the records are at different stages; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: Die Datensätze stehen in verschiedenen Phasen; wählen Sie die, die bleibt (1–9 in der Zeile)</translation>
    </message>
    <message>
        <source>{field}: the records have different parents; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: Die Datensätze haben verschiedene übergeordnete Einträge; wählen Sie den, der bleibt (1–9 in der Zeile)</translation>
    </message>
    <message>
        <source>{field}: you overrode the safe default</source>
        <translation>{field}: Sie haben die sichere Vorgabe überschrieben</translation>
    </message>
    <message>
        <source>{field}: an opt-out on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}: Ein Opt-out auf irgendeinem Datensatz bleibt erhalten (der strengste Wert gewinnt); wählen Sie einen anderen Wert, um das zu überschreiben</translation>
    </message>
    <message>
        <source>{field}: a do-not-call on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}: Ein „Nicht anrufen“ auf irgendeinem Datensatz bleibt erhalten (der strengste Wert gewinnt); wählen Sie einen anderen Wert, um das zu überschreiben</translation>
    </message>
    <message>
        <source>{field}: a withdrawn consent on any record is kept; pick another value to override</source>
        <translation>{field}: Eine widerrufene Einwilligung auf irgendeinem Datensatz bleibt erhalten; wählen Sie einen anderen Wert, um das zu überschreiben</translation>
    </message>
    <message>
        <source>{field}: the earliest date is kept; pick another value to override</source>
        <translation>{field}: Das früheste Datum bleibt erhalten; wählen Sie einen anderen Wert, um das zu überschreiben</translation>
    </message>
</context>
<context>
    <name>CompareOptions</name>
    <message>
        <source>Separator of the joined texts</source>
        <translation>Trennzeichen der verbundenen Texte</translation>
    </message>
    <message>
        <source>Field &amp;rules:</source>
        <translation>Feld&amp;regeln:</translation>
    </message>
    <message>
        <source>Template of field rules for this group</source>
        <translation>Vorlage mit Feldregeln für diese Gruppe</translation>
    </message>
    <message>
        <source>Saved rules (fill blanks, newest, oldest, longest, from a record) applied to the fields you did not pick by hand</source>
        <translation>Gespeicherte Regeln (Lücken füllen, neuester, ältester, längster Wert, aus einem Datensatz) für die Felder, die Sie nicht von Hand gewählt haben</translation>
    </message>
    <message>
        <source>Keep everything (safe defaults)</source>
        <translation>Alles behalten (sichere Vorgaben)</translation>
    </message>
    <message>
        <source>Join the texts of {field} &amp;with:</source>
        <translation>Texte von {field} verbinden &amp;mit:</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>CRM connection</source>
        <translation>CRM-Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;CRM</source>
        <translation>&amp;CRM</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Mandant</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>API-&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Entity</source>
        <translation>&amp;Objekt</translation>
    </message>
    <message>
        <source>e.g. Zoho production</source>
        <translation>z. B. Zoho Produktion</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Sign &amp;in in the browser…</source>
        <translation>Im Browser an&amp;melden…</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>(saved in the keyring)</source>
        <translation>(im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connected: {tenant}{who}</source>
        <translation>Verbunden: {tenant}{who}</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Warten auf die Anmeldung in Ihrem Browser…</translation>
    </message>
    <message>
        <source>Signed in {user}</source>
        <translation>Angemeldet: {user}</translation>
    </message>
    <message>
        <source>The API address is missing.</source>
        <translation>Die API-Adresse fehlt.</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>India</source>
        <translation>Indien</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australien</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Saudi-Arabien</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Nordamerika</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Südamerika</translation>
    </message>
    <message>
        <source>Asia Pacific</source>
        <translation>Asien-Pazifik</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Vereinigtes Königreich</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Frankreich</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Vereinigte Arabische Emirate</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Profile settings → Access token</source>
        <translation>Profileinstellungen → Zugriffstoken</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>Rechenzentrum</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Aktualisierungstoken</translation>
    </message>
    <message>
        <source>Filled in by Sign in with Zoho</source>
        <translation>Wird von „Mit Zoho anmelden“ ausgefüllt</translation>
    </message>
    <message>
        <source>Accounts server</source>
        <translation>Konten-Server</translation>
    </message>
    <message>
        <source>Empty: the data centre&apos;s own</source>
        <translation>Leer: der des Rechenzentrums</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Environment (org name)</source>
        <translation>Umgebung (Organisationsname)</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Application (client) id</source>
        <translation>Anwendungs-ID (Client)</translation>
    </message>
    <message>
        <source>Only for a service principal; empty to sign in as you</source>
        <translation>Nur für einen Dienstprinzipal; leer lassen, um sich selbst anzumelden</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Optional: a token you got elsewhere</source>
        <translation>Optional: ein anderswo erhaltenes Token</translation>
    </message>
    <message>
        <source>Space id</source>
        <translation>Space-ID</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API-Geheimnis</translation>
    </message>
    <message>
        <source>Workspace API key</source>
        <translation>API-Schlüssel des Arbeitsbereichs</translation>
    </message>
</context>
<context>
    <name>ConnectionSelector</name>
    <message>
        <source>CRM connection</source>
        <translation>CRM-Verbindung</translation>
    </message>
    <message>
        <source>The CRM under review; choose another or set one up (Ctrl+O)</source>
        <translation>Das geprüfte CRM; ein anderes wählen oder einrichten (Strg+O)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Neue Verbindung…</translation>
    </message>
    <message>
        <source>Edit this connection…</source>
        <translation>Diese Verbindung bearbeiten…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>MergeDesk ran into a problem</source>
        <translation>MergeDesk ist auf ein Problem gestoßen</translation>
    </message>
    <message>
        <source>Something went wrong that MergeDesk did not expect. Merges already sent are in the journal, and any merge left open is settled by reading the CRM the next time MergeDesk connects. Please copy the report below and send it to your support contact: it contains no passwords, tokens or keys.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen. Bereits gesendete Zusammenführungen stehen im Journal, und jede offen gebliebene wird beim nächsten Verbinden durch Lesen des CRM geklärt. Bitte kopieren Sie den Bericht unten und senden Sie ihn an Ihren Support: Er enthält keine Passwörter, Token oder Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit MergeDesk</source>
        <translation>MergeDesk &amp;beenden</translation>
    </message>
    <message>
        <source>Keep &amp;working</source>
        <translation>&amp;Weiterarbeiten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>DecisionController</name>
    <message>
        <source>A decision could not be saved: {error}</source>
        <translation>Eine Entscheidung konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>#{a} and #{b} agree on {field}: {score}</source>
        <translation>#{a} und #{b} stimmen bei {field} überein: {score}</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
</context>
<context>
    <name>FileDetailsDialog</name>
    <message>
        <source>File: {name}</source>
        <translation>Datei: {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Attachments list</source>
        <translation>Anhangsliste</translation>
    </message>
    <message>
        <source>File id</source>
        <translation>Datei-ID</translation>
    </message>
    <message>
        <source>After the merge</source>
        <translation>Nach dem Zusammenführen</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>MergeDesk reads the details of files, not their contents: open the file in the CRM to see it.</source>
        <translation>MergeDesk liest die Angaben zu Dateien, nicht ihren Inhalt: Öffnen Sie die Datei im CRM, um sie anzusehen.</translation>
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
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Names and emails</source>
        <translation>Namen und E-Mails</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Group {group}: records {records}</source>
        <translation>Gruppe {group}: Datensätze {records}</translation>
    </message>
</context>
<context>
    <name>GroupListPanel</name>
    <message>
        <source>Search names, emails, record ids (Ctrl+F)</source>
        <translation>Namen, E-Mails, Datensatz-IDs suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation>Gruppen durchsuchen</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Dubletten</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Show groups by status</source>
        <translation>Gruppen nach Status zeigen</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Dublettengruppen</translation>
    </message>
    <message>
        <source>Searching the groups…</source>
        <translation>Gruppen werden durchsucht…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Merge history</source>
        <translation>Verlauf der Zusammenführungen</translation>
    </message>
    <message>
        <source>Search by name, email, id, group or message</source>
        <translation>Nach Name, E-Mail, ID, Gruppe oder Meldung suchen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Export id map…</source>
        <translation>ID-Zuordnung exportieren…</translation>
    </message>
    <message>
        <source>Old id → survivor id of every merge, for integrations that still hold the old ids (CSV or JSON)</source>
        <translation>Alte ID → ID des Hauptdatensatzes für jede Zusammenführung, für Integrationen, die noch die alten IDs verwenden (CSV oder JSON)</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Export merge history</source>
        <translation>Verlauf der Zusammenführungen exportieren</translation>
    </message>
    <message>
        <source>Export id map</source>
        <translation>ID-Zuordnung exportieren</translation>
    </message>
    <message>
        <source>Choose a merge to see it field by field.</source>
        <translation>Wählen Sie eine Zusammenführung, um sie Feld für Feld zu sehen.</translation>
    </message>
    <message>
        <source>#{id}, {when}: {others} merged into {master} in {crm}, {status}. {message}</source>
        <translation>#{id}, {when}: {others} in {crm} mit {master} zusammengeführt, {status}. {message}</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind} (the survivor holds {found})</source>
        <translation>{missing} von {expected} {kind} (der Hauptdatensatz hat {found})</translation>
    </message>
    <message>
        <source>Did not arrive on {survivor}: {items}</source>
        <translation>Nicht bei {survivor} angekommen: {items}</translation>
    </message>
</context>
<context>
    <name>HistoryModels</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Hauptdatensatz</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Running or interrupted</source>
        <translation>Läuft oder unterbrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>{status}, incomplete</source>
        <translation>{status}, unvollständig</translation>
    </message>
    <message>
        <source>Not everything arrived on the survivor: {warning}</source>
        <translation>Nicht alles ist beim Hauptdatensatz angekommen: {warning}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Survivor {id} before</source>
        <translation>Bleibender {id} vorher</translation>
    </message>
    <message>
        <source>{id} before</source>
        <translation>{id} vorher</translation>
    </message>
    <message>
        <source>Chosen from</source>
        <translation>Gewählt aus</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>CRM&apos;s rule</source>
        <translation>Regel des CRM</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>eingegeben</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Cannot come back: {what}</source>
        <translation>Nicht wiederherstellbar: {what}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Connect to the CRM of this merge first.</source>
        <translation>Verbinden Sie sich zuerst mit dem CRM dieser Zusammenführung.</translation>
    </message>
    <message>
        <source>Restore merge #{id}?</source>
        <translation>Zusammenführung #{id} wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>No duplicates found. Scan again after the CRM&apos;s data changed.</source>
        <translation>Keine Dubletten gefunden. Suchen Sie erneut, wenn sich die Daten im CRM geändert haben.</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Merges are still running: the connection changes once they are done.</source>
        <translation>Es laufen noch Zusammenführungen: Die Verbindung wechselt, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>Could not connect to {name}</source>
        <translation>Keine Verbindung zu {name}</translation>
    </message>
    <message>
        <source>Connection saved</source>
        <translation>Verbindung gespeichert</translation>
    </message>
    <message>
        <source>“{name}” opens the next time MergeDesk starts without --demo: the demo keeps its data and journal apart from your CRM&apos;s.</source>
        <translation>„{name}“ wird beim nächsten Start von MergeDesk ohne --demo geöffnet: Die Demo hält ihre Daten und ihr Journal von denen Ihres CRM getrennt.</translation>
    </message>
    <message>
        <source>About MergeDesk</source>
        <translation>Über MergeDesk</translation>
    </message>
    <message>
        <source>MergeDesk merges duplicate CRM records through each CRM&apos;s own merge API, with a journal that explains and can restore every merge.</source>
        <translation>MergeDesk führt doppelte CRM-Datensätze über die Zusammenführungs-API des jeweiligen CRM zusammen, mit einem Journal, das jede Zusammenführung erklärt und wiederherstellen kann.</translation>
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
        <translation>Was das Zusammenführen bewirkt</translation>
    </message>
    <message>
        <source>Dry run result</source>
        <translation>Ergebnis des Probelaufs</translation>
    </message>
    <message>
        <source>What the merge will do in {crm}:</source>
        <translation>Was das Zusammenführen in {crm} bewirkt:</translation>
    </message>
    <message>
        <source>Will move to the survivor: {items}</source>
        <translation>Geht an den verbleibenden Datensatz über: {items}</translation>
    </message>
    <message>
        <source>#{id} (survivor) keeps: {items}</source>
        <translation>#{id} (bleibt) behält: {items}</translation>
    </message>
    <message>
        <source>#{id} brings: {items}</source>
        <translation>#{id} bringt mit: {items}</translation>
    </message>
    <message>
        <source>{field}: you dropped {values}; they will be lost.</source>
        <translation>{field}: Sie haben {values} verworfen; das geht verloren.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n Aktivität</numerusform>
            <numerusform>%n Aktivitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n Deal</numerusform>
            <numerusform>%n Deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s)</source>
        <translation>
            <numerusform>%n E-Mail</numerusform>
            <numerusform>%n E-Mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list membership(s)</source>
        <translation>
            <numerusform>%n Listenmitgliedschaft</numerusform>
            <numerusform>%n Listenmitgliedschaften</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeQueue</name>
    <message>
        <source>Checking the records in the CRM…</source>
        <translation>Datensätze werden im CRM geprüft…</translation>
    </message>
    <message>
        <source>Checking the result in the CRM…</source>
        <translation>Ergebnis wird im CRM geprüft…</translation>
    </message>
    <message>
        <source>Step {n} of {total}: merging {losers} into #{master}</source>
        <translation>Schritt {n} von {total}: {losers} wird mit #{master} zusammengeführt</translation>
    </message>
    <message>
        <source>Step {n} of {total}: writing the chosen values</source>
        <translation>Schritt {n} von {total}: die gewählten Werte werden geschrieben</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the CRM</source>
        <translation>das CRM</translation>
    </message>
    <message>
        <source>The merge cannot be run: {problems}</source>
        <translation>Die Zusammenführung kann nicht ausgeführt werden: {problems}</translation>
    </message>
    <message>
        <source>This merge cannot be restored: {reason}</source>
        <translation>Diese Zusammenführung lässt sich nicht wiederherstellen: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {message}</source>
        <translation>Unerwarteter Fehler ({kind}): {message}</translation>
    </message>
    <message>
        <source>The connection settings cannot work: {message}</source>
        <translation>Mit diesen Verbindungseinstellungen geht es nicht: {message}</translation>
    </message>
    <message>
        <source>{crm} refused the credentials: {message}. Check the access token of this connection.</source>
        <translation>{crm} hat die Zugangsdaten abgelehnt: {message}. Prüfen Sie das Zugriffstoken dieser Verbindung.</translation>
    </message>
    <message>
        <source>{crm} does not allow this for the signed-in user: {message}</source>
        <translation>{crm} erlaubt dies dem angemeldeten Benutzer nicht: {message}</translation>
    </message>
    <message>
        <source>{crm} could not find it: {message}</source>
        <translation>{crm} hat es nicht gefunden: {message}</translation>
    </message>
    <message>
        <source>{crm} refused because of other data: {message}</source>
        <translation>{crm} hat wegen anderer Daten abgelehnt: {message}</translation>
    </message>
    <message>
        <source>{crm} rejected the request: {message}</source>
        <translation>{crm} hat die Anfrage abgewiesen: {message}</translation>
    </message>
    <message>
        <source>{crm} is limiting requests: {message}</source>
        <translation>{crm} begrenzt die Anfragen: {message}</translation>
    </message>
    <message>
        <source>{crm} failed or could not be reached: {message}. Nothing was changed.</source>
        <translation>{crm} hat versagt oder war nicht erreichbar: {message}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{crm} sent an answer MergeDesk cannot read: {message}</source>
        <translation>{crm} hat eine Antwort gesendet, die MergeDesk nicht lesen kann: {message}</translation>
    </message>
    <message>
        <source>The answer from {crm} was lost: {message}. MergeDesk reads the CRM to learn what happened before anything is sent again.</source>
        <translation>Die Antwort von {crm} ging verloren: {message}. MergeDesk liest das CRM, um zu erfahren, was geschehen ist, bevor irgendetwas erneut gesendet wird.</translation>
    </message>
    <message>
        <source>{crm}: {message}</source>
        <translation>{crm}: {message}</translation>
    </message>
    <message>
        <source>{crm} asks to wait {wait}.</source>
        <translation>{crm} bittet, {wait} zu warten.</translation>
    </message>
    <message>
        <source>Fields: {details}</source>
        <translation>Felder: {details}</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Wird zusammengeführt…</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Changed, review again</source>
        <translation>Geändert, erneut prüfen</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Dubletten</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Merged {merged} into #{master}</source>
        <translation>{merged} mit #{master} zusammengeführt</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed</source>
        <translation>Probelauf: Es wurde nichts geändert</translation>
    </message>
    <message>
        <source>Not merged: the records changed since you reviewed them</source>
        <translation>Nicht zusammengeführt: Die Datensätze haben sich seit Ihrer Prüfung geändert</translation>
    </message>
    <message>
        <source>Outcome unknown: MergeDesk will read the CRM before trying again</source>
        <translation>Ergebnis unbekannt: MergeDesk liest das CRM, bevor es erneut versucht wird</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>Zusammenführung fehlgeschlagen</translation>
    </message>
    <message>
        <source>{headline}: {message}</source>
        <translation>{headline}: {message}</translation>
    </message>
    <message>
        <source>“{value}” ({record})</source>
        <translation>„{value}“ ({record})</translation>
    </message>
    <message>
        <source>{crm} deletes {records} once merged into the master.</source>
        <translation>{crm} löscht {records} nach dem Zusammenführen mit dem Hauptdatensatz.</translation>
    </message>
    <message>
        <source>{crm} keeps {records} as inactive records.</source>
        <translation>{crm} behält {records} als inaktive Datensätze.</translation>
    </message>
    <message>
        <source>{crm} retires the ids of {records}.</source>
        <translation>{crm} zieht die IDs von {records} zurück.</translation>
    </message>
    <message>
        <source>{crm} merges one record per call: {count} calls in a row.</source>
        <translation>{crm} führt pro Aufruf einen Datensatz zusammen: {count} Aufrufe nacheinander.</translation>
    </message>
    <message>
        <source>{field}: {crm} does not carry this field in a merge; {values} will be lost.</source>
        <translation>{field}: {crm} übernimmt dieses Feld beim Zusammenführen nicht; {values} geht verloren.</translation>
    </message>
    <message>
        <source>{field}: {values} will not survive.</source>
        <translation>{field}: {values} bleibt nicht erhalten.</translation>
    </message>
    <message>
        <source>Files that will be removed: {values}.</source>
        <translation>Dateien, die entfernt werden: {values}.</translation>
    </message>
    <message>
        <source>Write back the earlier values of #{id}: {fields}</source>
        <translation>Frühere Werte von #{id} zurückschreiben: {fields}</translation>
    </message>
    <message>
        <source>Create #{id} again from its snapshot (it gets a new id)</source>
        <translation>#{id} aus seinem Schnappschuss neu anlegen (er erhält eine neue ID)</translation>
    </message>
    <message>
        <source>Make #{id} active again</source>
        <translation>#{id} wieder aktivieren</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Held (Ctrl+Z takes it back)</source>
        <translation>Zurückgehalten (Strg+Z nimmt es zurück)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelled, nothing sent</source>
        <translation>Abgebrochen, nichts gesendet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Take back the selected merge if it was not sent yet (Delete)</source>
        <translation>Die gewählte Zusammenführung zurücknehmen, falls sie noch nicht gesendet wurde (Entf)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Merges run here in the background while you go on reviewing: Ctrl+Enter submits the group on screen.</source>
        <translation>Zusammenführungen laufen hier im Hintergrund, während Sie weiter prüfen: Strg+Eingabe sendet die angezeigte Gruppe ab.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Connect to a CRM…</source>
        <translation>Mit einem CRM &amp;verbinden…</translation>
    </message>
    <message>
        <source>Choose or set up a CRM connection</source>
        <translation>Eine CRM-Verbindung wählen oder einrichten</translation>
    </message>
    <message>
        <source>&amp;Scan for duplicates</source>
        <translation>Nach &amp;Dubletten suchen</translation>
    </message>
    <message>
        <source>Read every record again and find duplicate groups</source>
        <translation>Alle Datensätze neu lesen und Dublettengruppen finden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Search groups</source>
        <translation>Gruppen &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Search names, emails and record ids</source>
        <translation>Namen, E-Mails und Datensatz-IDs suchen</translation>
    </message>
    <message>
        <source>&amp;Merge group</source>
        <translation>Gruppe &amp;zusammenführen</translation>
    </message>
    <message>
        <source>Merge the records into the master</source>
        <translation>Die Datensätze mit dem Hauptdatensatz zusammenführen</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;Keine Dubletten</translation>
    </message>
    <message>
        <source>Remember that these records are different; never suggest them again</source>
        <translation>Merken, dass diese Datensätze verschieden sind; nie wieder vorschlagen</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Über&amp;springen</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>S&amp;plit record out</source>
        <translation>Datensatz &amp;herauslösen</translation>
    </message>
    <message>
        <source>Take the current column&apos;s record out of this group</source>
        <translation>Den Datensatz der aktuellen Spalte aus dieser Gruppe nehmen</translation>
    </message>
    <message>
        <source>Make &amp;master</source>
        <translation>Zum &amp;Hauptdatensatz machen</translation>
    </message>
    <message>
        <source>The current column&apos;s record survives</source>
        <translation>Der Datensatz der aktuellen Spalte bleibt bestehen</translation>
    </message>
    <message>
        <source>S&amp;wap master</source>
        <translation>Hauptdatensatz &amp;wechseln</translation>
    </message>
    <message>
        <source>The next record of the group survives instead of the master</source>
        <translation>Der nächste Datensatz der Gruppe bleibt statt des Hauptdatensatzes bestehen</translation>
    </message>
    <message>
        <source>&amp;Type a value…</source>
        <translation>Wert &amp;eingeben…</translation>
    </message>
    <message>
        <source>Type the value the merged record keeps for the current field</source>
        <translation>Den Wert eingeben, den der zusammengeführte Datensatz für das aktuelle Feld behält</translation>
    </message>
    <message>
        <source>&amp;Dry run in the CRM</source>
        <translation>&amp;Probelauf im CRM</translation>
    </message>
    <message>
        <source>Ask the CRM what this merge would produce, without changing anything</source>
        <translation>Das CRM fragen, was diese Zusammenführung ergäbe, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Ne&amp;xt group</source>
        <translation>&amp;Nächste Gruppe</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>&amp;Vorherige Gruppe</translation>
    </message>
    <message>
        <source>What the merge &amp;does</source>
        <translation>Was das Zusammenführen &amp;bewirkt</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Why matched</source>
        <translation>&amp;Warum erkannt</translation>
    </message>
    <message>
        <source>&amp;Differences only</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <source>Hide the fields where every record agrees and nothing needs a look</source>
        <translation>Felder ausblenden, in denen alle Datensätze übereinstimmen und nichts zu prüfen ist</translation>
    </message>
    <message>
        <source>Send held merges &amp;now</source>
        <translation>Zurückgehaltene Zusammenführungen &amp;jetzt senden</translation>
    </message>
    <message>
        <source>Skip the undo delay of the merges waiting in the queue</source>
        <translation>Die Rückgängig-Frist der wartenden Zusammenführungen überspringen</translation>
    </message>
    <message>
        <source>&amp;Cancel merges not sent</source>
        <translation>Nicht gesendete Zusammenführungen &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About MergeDesk</source>
        <translation>Ü&amp;ber MergeDesk</translation>
    </message>
    <message>
        <source>&amp;Bulk rules…</source>
        <translation>Regeln für &amp;viele Gruppen…</translation>
    </message>
    <message>
        <source>Merge the groups that clear-cut rules take, after a look at a sample</source>
        <translation>Die Gruppen zusammenführen, die eindeutige Regeln übernehmen – nach einem Blick auf eine Stichprobe</translation>
    </message>
    <message>
        <source>&amp;Team audit…</source>
        <translation>&amp;Team-Protokoll…</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Zusammengeführte, abgelehnte und wiederhergestellte Gruppen je Prüfer und Tag</translation>
    </message>
    <message>
        <source>Keep value of record {n}</source>
        <translation>Wert von Datensatz {n} behalten</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <source>not duplicates: {group}</source>
        <translation>keine Dubletten: {group}</translation>
    </message>
    <message>
        <source>skip {group}</source>
        <translation>{group} überspringen</translation>
    </message>
    <message>
        <source>split #{record} out of {group}</source>
        <translation>#{record} aus {group} herauslösen</translation>
    </message>
    <message>
        <source>merge {group}</source>
        <translation>{group} zusammenführen</translation>
    </message>
    <message>
        <source>The merge of {group} was sent to the CRM already; History can restore it.</source>
        <translation>Die Zusammenführung von {group} wurde bereits an das CRM gesendet; der Verlauf kann sie wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>This group is no longer in the list.</source>
        <translation>Diese Gruppe ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Fewer than two records of this group are left in {crm}: nothing to merge.</source>
        <translation>In {crm} sind weniger als zwei Datensätze dieser Gruppe übrig: nichts zusammenzuführen.</translation>
    </message>
    <message>
        <source>Could not read this group: {error}</source>
        <translation>Diese Gruppe konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>No group is left to review: the others are decided or held by other reviewers.</source>
        <translation>Keine Gruppe mehr zu prüfen: Die übrigen sind entschieden oder von anderen Prüfern belegt.</translation>
    </message>
    <message>
        <source>The next group to review is not listed here: show “To review” or clear the search.</source>
        <translation>Die nächste zu prüfende Gruppe ist hier nicht aufgeführt: Wählen Sie „Zu prüfen“ oder leeren Sie die Suche.</translation>
    </message>
    <message>
        <source>This group is no longer yours: your hold on it ran out and another reviewer took it over. Nothing was decided; it was read again.</source>
        <translation>Diese Gruppe gehört nicht mehr Ihnen: Ihre Reservierung ist abgelaufen, und ein anderer Prüfer hat sie übernommen. Es wurde nichts entschieden; sie wurde neu gelesen.</translation>
    </message>
    <message>
        <source>Held by {reviewer} until {time}: read only, it cannot be submitted from here.</source>
        <translation>Von {reviewer} belegt bis {time}: nur lesbar, von hier aus kann sie nicht übermittelt werden.</translation>
    </message>
    <message>
        <source>Another reviewer holds this group or some of its records: read only, it cannot be submitted from here.</source>
        <translation>Ein anderer Prüfer belegt diese Gruppe oder einige ihrer Datensätze: nur lesbar, von hier aus kann sie nicht übermittelt werden.</translation>
    </message>
    <message>
        <source>Asking {crm}…</source>
        <translation>{crm} wird gefragt…</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run agrees with this preview; nothing was changed.</source>
        <translation>Der Probelauf von {crm} stimmt mit dieser Vorschau überein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{field}: {crm} gives “{theirs}”, the preview “{ours}”</source>
        <translation>{field}: {crm} ergibt „{theirs}“, die Vorschau „{ours}“</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run differs — {details}</source>
        <translation>Der Probelauf von {crm} weicht ab — {details}</translation>
    </message>
    <message>
        <source>&amp;Dry run in {crm}</source>
        <translation>&amp;Probelauf in {crm}</translation>
    </message>
    <message>
        <source>This group is being merged in the background.</source>
        <translation>Diese Gruppe wird im Hintergrund zusammengeführt.</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind}</source>
        <translation>{missing} von {expected} {kind}</translation>
    </message>
    <message>
        <source>Merged into {survivor}, but not everything arrived there: {items} did not. The journal keeps the records as they were; see the History.</source>
        <translation>In {survivor} zusammengeführt, aber nicht alles ist dort angekommen: {items} fehlen. Das Journal bewahrt die Datensätze wie vorher auf; siehe Verlauf.</translation>
    </message>
</context>
<context>
    <name>ReviewMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Keep a record&apos;s value</source>
        <translation>&amp;Wert eines Datensatzes behalten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Records side by side</source>
        <translation>Datensätze nebeneinander</translation>
    </message>
    <message>
        <source>1–9 keep a value · Space ticks · E types · M/W master · Ctrl+Enter merges · F1 keys</source>
        <translation>1–9 Wert behalten · Leertaste hakt an · E eintippen · M/W Hauptdatensatz · Strg+Eingabe führt zusammen · F1 Tasten</translation>
    </message>
    <message>
        <source>&amp;Default master:</source>
        <translation>&amp;Standard-Hauptdatensatz:</translation>
    </message>
    <message>
        <source>Rule for the default master</source>
        <translation>Regel für den Standard-Hauptdatensatz</translation>
    </message>
    <message>
        <source>Why the records were matched</source>
        <translation>Warum die Datensätze als Dubletten erkannt wurden</translation>
    </message>
    <message>
        <source>What the merge does</source>
        <translation>Was das Zusammenführen bewirkt</translation>
    </message>
    <message>
        <source>Why matched</source>
        <translation>Warum erkannt</translation>
    </message>
    <message>
        <source>No group selected</source>
        <translation>Keine Gruppe ausgewählt</translation>
    </message>
    <message>
        <source>Select a group on the left to compare its records side by side.</source>
        <translation>Wählen Sie links eine Gruppe, um ihre Datensätze nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <source>Reading the records from the CRM…</source>
        <translation>Datensätze werden aus dem CRM gelesen…</translation>
    </message>
    <message>
        <source>No longer in the CRM: {ids}. They were left out.</source>
        <translation>Nicht mehr im CRM: {ids}. Sie wurden ausgelassen.</translation>
    </message>
    <message>
        <source>Not merged yet: decide {fields} first (1–9 on the row keeps a record&apos;s value).</source>
        <translation>Noch nicht zusammengeführt: Entscheiden Sie zuerst {fields} (1–9 in der Zeile behält den Wert eines Datensatzes).</translation>
    </message>
    <message>
        <source>Not merged: pre-flight says the CRM would refuse this group. See the checks above for what to change.</source>
        <translation>Nicht zusammengeführt: Die Vorabprüfung sagt, dass das CRM diese Gruppe ablehnen würde. Was zu ändern ist, steht in den Prüfungen oben.</translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation>Gruppe {id}</translation>
    </message>
    <message>
        <source>{score} match</source>
        <translation>{score} Übereinstimmung</translation>
    </message>
    <message>
        <source>Records: {count}</source>
        <translation>Datensätze: {count}</translation>
    </message>
    <message>
        <source>Files ({kept} of {count} kept)</source>
        <translation>Dateien ({kept} von {count} behalten)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>“{text}” is not a value {field} can hold.</source>
        <translation>„{text}“ ist kein gültiger Wert für {field}.</translation>
    </message>
    <message>
        <source>matched on {fields}</source>
        <translation>erkannt an {fields}</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Groups by status</source>
        <translation>Gruppen nach Status</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>To review: {n}</source>
        <translation>Zu prüfen: {n}</translation>
    </message>
    <message>
        <source>Merging: {n}</source>
        <translation>Wird zusammengeführt: {n}</translation>
    </message>
    <message>
        <source>Merged: {n}</source>
        <translation>Zusammengeführt: {n}</translation>
    </message>
    <message>
        <source>Not duplicates: {n}</source>
        <translation>Keine Dubletten: {n}</translation>
    </message>
    <message>
        <source>Failed: {n}</source>
        <translation>Fehlgeschlagen: {n}</translation>
    </message>
    <message>
        <source>Unknown: {n}</source>
        <translation>Unbekannt: {n}</translation>
    </message>
    <message>
        <source>Queue: {running} running, {waiting} waiting</source>
        <translation>Warteschlange: {running} laufend, {waiting} wartend</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Count the groups, then pick a rule to see a sample of the groups it takes.</source>
        <translation>Zählen Sie die Gruppen und wählen Sie dann eine Regel, um eine Stichprobe ihrer Gruppen zu sehen.</translation>
    </message>
    <message>
        <source>Group {group} (score {score}): {count} records into #{master}</source>
        <translation>Gruppe {group} (Wert {score}): {count} Datensätze in #{master}</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (Hauptdatensatz)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>Reading records…</source>
        <translation>Datensätze werden gelesen…</translation>
    </message>
    <message>
        <source>{records} records read, {groups} groups found</source>
        <translation>{records} Datensätze gelesen, {groups} Gruppen gefunden</translation>
    </message>
    <message>
        <source>Finding duplicates: %p%</source>
        <translation>Dubletten werden gesucht: %p %</translation>
    </message>
    <message>
        <source>Reading records: %v of %m</source>
        <translation>Datensätze werden gelesen: %v von %m</translation>
    </message>
    <message>
        <source>Reading records: {n}</source>
        <translation>Datensätze werden gelesen: {n}</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Team &amp;workspace…</source>
        <translation>Team-&amp;Arbeitsbereich…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>StartupRecovery</name>
    <message numerus="yes">
        <source>Settling %n interrupted merge(s) by reading the CRM…</source>
        <translation>
            <numerusform>%n unterbrochene Zusammenführung wird anhand des CRM geklärt…</numerusform>
            <numerusform>%n unterbrochene Zusammenführungen werden anhand des CRM geklärt…</numerusform>
        </translation>
    </message>
    <message>
        <source>The interrupted merges cannot be settled now; their groups stay blocked: {error}</source>
        <translation>Die unterbrochenen Zusammenführungen lassen sich jetzt nicht klären; ihre Gruppen bleiben gesperrt: {error}</translation>
    </message>
    <message>
        <source>Merge #{id} (group {group}): {result}</source>
        <translation>Zusammenführung #{id} (Gruppe {group}): {result}</translation>
    </message>
    <message>
        <source>Interrupted merges</source>
        <translation>Unterbrochene Zusammenführungen</translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n zusammengeführt</numerusform>
            <numerusform>%n zusammengeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nothing changed</source>
        <translation>
            <numerusform>%n ohne Änderung</numerusform>
            <numerusform>%n ohne Änderung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed after changing the CRM (see History)</source>
        <translation>
            <numerusform>%n nach Änderungen im CRM fehlgeschlagen (siehe Verlauf)</numerusform>
            <numerusform>%n nach Änderungen im CRM fehlgeschlagen (siehe Verlauf)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted merge(s) settled</source>
        <translation>
            <numerusform>%n unterbrochene Zusammenführung geklärt</numerusform>
            <numerusform>%n unterbrochene Zusammenführungen geklärt</numerusform>
        </translation>
    </message>
    <message>
        <source>{head}: {details}</source>
        <translation>{head}: {details}</translation>
    </message>
    <message numerus="yes">
        <source>Could not settle %n merge(s) yet: kept open, and their groups blocked until MergeDesk can read the CRM</source>
        <translation>
            <numerusform>%n Zusammenführung ließ sich noch nicht klären: Sie bleibt offen und ihre Gruppe gesperrt, bis MergeDesk das CRM lesen kann</numerusform>
            <numerusform>%n Zusammenführungen ließen sich noch nicht klären: Sie bleiben offen und ihre Gruppen gesperrt, bis MergeDesk das CRM lesen kann</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before any call, nothing changed in the CRM; the group is back to review</source>
        <translation>vor dem ersten Aufruf angehalten, im CRM hat sich nichts geändert; die Gruppe ist wieder zu prüfen</translation>
    </message>
</context>
<context>
    <name>TeamAuditDialog</name>
    <message>
        <source>Team audit</source>
        <translation>Team-Protokoll</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Zusammengeführte, abgelehnte und wiederhergestellte Gruppen je Prüfer und Tag</translation>
    </message>
    <message>
        <source>Nothing merged, rejected or restored yet.</source>
        <translation>Noch nichts zusammengeführt, abgelehnt oder wiederhergestellt.</translation>
    </message>
    <message>
        <source>In all: {merged} merged, {rejected} rejected, {restored} restored. Reviewers: {reviewers}. Days: {days}.</source>
        <translation>Insgesamt: {merged} zusammengeführt, {rejected} abgelehnt, {restored} wiederhergestellt. Prüfer: {reviewers}. Tage: {days}.</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>Team workspace</source>
        <translation>Team-Arbeitsbereich</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;URL:</source>
        <translation>PostgreSQL-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Reviewer name:</source>
        <translation>Name des &amp;Prüfers:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The name on your decisions and merges</source>
        <translation>Der Name auf Ihren Entscheidungen und Zusammenführungen</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Leer lassen, um das gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>No password in the URL: it is kept in the system keyring. Leave the URL empty to work on this workstation&apos;s own store. Changes take effect the next time MergeDesk starts.</source>
        <translation>Kein Passwort in der URL: Es wird im Schlüsselbund des Systems aufbewahrt. Lassen Sie die URL leer, um mit dem eigenen Speicher dieses Arbeitsplatzes zu arbeiten. Änderungen werden beim nächsten Start von MergeDesk wirksam.</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://.</source>
        <translation>Die URL muss mit postgresql:// beginnen.</translation>
    </message>
    <message>
        <source>The URL must not hold a password, and a server on another machine must be verified (sslmode=verify-full).</source>
        <translation>Die URL darf kein Passwort enthalten, und ein Server auf einem anderen Rechner muss überprüft werden (sslmode=verify-full).</translation>
    </message>
    <message>
        <source>Enter the reviewer name your team will see.</source>
        <translation>Geben Sie den Prüfernamen ein, den Ihr Team sehen wird.</translation>
    </message>
    <message>
        <source>Enter the workspace URL first.</source>
        <translation>Geben Sie zuerst die URL des Arbeitsbereichs ein.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Could not connect: {error}</source>
        <translation>Keine Verbindung möglich: {error}</translation>
    </message>
    <message>
        <source>Connected to {server}.</source>
        <translation>Verbunden mit {server}.</translation>
    </message>
</context>
</TS>
