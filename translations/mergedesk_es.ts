<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>App</name>
    <message>
        <source>Starting the demo CRM…</source>
        <translation>Iniciando el CRM de demostración…</translation>
    </message>
    <message>
        <source>{crm} demo sandbox</source>
        <translation>Entorno de demostración de {crm}</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>{crm} records have no files.</source>
        <translation>Los registros de {crm} no tienen archivos.</translation>
    </message>
    <message>
        <source>Attachments move to the master in {crm}; only files in file fields can be dropped.</source>
        <translation>En {crm}, los adjuntos pasan al registro principal; solo se pueden descartar los archivos de los campos de archivo.</translation>
    </message>
    <message>
        <source>Tick the files that stay; {crm} removes the others from the file fields.</source>
        <translation>Marque los archivos que se quedan; {crm} quita los demás de los campos de archivo.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master.</source>
        <translation>{crm} mueve todos los archivos al registro principal.</translation>
    </message>
    <message>
        <source>{crm} moves every file to the master record.</source>
        <translation>{crm} mueve todos los archivos al registro principal.</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (principal)</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>The file&apos;s details and what the merge does with it (Enter)</source>
        <translation>Los detalles del archivo y lo que la fusión hace con él (Intro)</translation>
    </message>
    <message>
        <source>Files of the records</source>
        <translation>Archivos de los registros</translation>
    </message>
    <message>
        <source>None of these records has files.</source>
        <translation>Ninguno de estos registros tiene archivos.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionados</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurados</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(sin nombre)</translation>
    </message>
</context>
<context>
    <name>BulkRulesDialog</name>
    <message>
        <source>Bulk rules</source>
        <translation>Reglas en bloque</translation>
    </message>
    <message>
        <source>Rules (JSON)</source>
        <translation>Reglas (JSON)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Cargar…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>&amp;Count groups</source>
        <translation>&amp;Contar grupos</translation>
    </message>
    <message>
        <source>How many groups each rule takes (Ctrl+Enter)</source>
        <translation>Cuántos grupos toma cada regla (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Groups taken</source>
        <translation>Grupos tomados</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueados</translation>
    </message>
    <message>
        <source>Another &amp;sample</source>
        <translation>Otra &amp;muestra</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Rules are tried in order; each group goes to the first rule that takes it. Decided groups, “not duplicates”, groups held by another reviewer and groups with conflicting owners, stages or parents are never taken.</source>
        <translation>Las reglas se prueban en orden; cada grupo va a la primera regla que lo toma. Los grupos ya decididos, «no son duplicados», los grupos que tiene otro revisor y los grupos con propietarios, fases o registros principales distintos nunca se toman.</translation>
    </message>
    <message>
        <source>The rules have problems:</source>
        <translation>Las reglas tienen errores:</translation>
    </message>
    <message>
        <source>Load rules</source>
        <translation>Cargar reglas</translation>
    </message>
    <message>
        <source>Rules (*.json)</source>
        <translation>Reglas (*.json)</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>Guardar reglas</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>{taken} groups taken by the rules; {left} left for review by hand.</source>
        <translation>{taken} grupos tomados por las reglas; {left} quedan para revisar a mano.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve: queue %n merge(s)</source>
        <translation>
            <numerusform>&amp;Aprobar: poner %n fusión en cola</numerusform>
            <numerusform>&amp;Aprobar: poner %n fusiones en cola</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) queued. They run one after the other in the merge queue; merges not sent yet can be cancelled there.</source>
        <translation>
            <numerusform>%n fusión en cola. Se ejecuta en la cola de fusiones; las fusiones aún no enviadas se pueden cancelar allí.</numerusform>
            <numerusform>%n fusiones en cola. Se ejecutan una tras otra en la cola de fusiones; las fusiones aún no enviadas se pueden cancelar allí.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>In the compare table: arrows move between fields and records, Space or Enter keeps the value under the cursor, F2 types a value. On a checklist (e-mails, phones, tags, long text) Space ticks or unticks the value under the cursor.</source>
        <translation>En la tabla de comparación: las flechas pasan de un campo y un registro a otro, Espacio o Intro conserva el valor bajo el cursor, F2 escribe un valor. En una lista de casillas (correos, teléfonos, etiquetas, texto largo), Espacio marca o desmarca el valor bajo el cursor.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>{field}: the value chosen already belongs to {ids}, outside this group, and the CRM keeps it unique. Choose another value, or add {ids} to the group.</source>
        <translation>{field}: el valor elegido ya pertenece a {ids}, fuera de este grupo, y el CRM lo mantiene único. Elija otro valor o añada {ids} al grupo.</translation>
    </message>
    <message>
        <source>Zoho needs Reporting To and Account Name from the same record: take both from one record.</source>
        <translation>Zoho necesita «Informa a» y «Nombre de cuenta» del mismo registro: tome ambos de un solo registro.</translation>
    </message>
    <message>
        <source>{field}: the records differ and the CRM does not let MergeDesk write it; the master keeps its own. Make the record with the right one the master (M or W).</source>
        <translation>{field}: los registros difieren y el CRM no deja que MergeDesk escriba este campo; el principal conserva su valor. Haga principal el registro con el valor correcto (M o W).</translation>
    </message>
    <message>
        <source>{ids} cannot be merged now (locked or in an approval). Finish or cancel that in the CRM, or split the record out of the group.</source>
        <translation>{ids} no se puede fusionar ahora (bloqueado o en una aprobación). Termínelo o cancélelo en el CRM, o saque el registro del grupo.</translation>
    </message>
    <message>
        <source>{ids} is closed: only open deals can be merged. Reopen it in the CRM or split it out of the group.</source>
        <translation>{ids} está cerrado: solo se pueden fusionar oportunidades abiertas. Vuelva a abrirlo en el CRM o sáquelo del grupo.</translation>
    </message>
    <message>
        <source>This group takes several calls, one after the other; a failure half-way leaves some records merged. Split the group if that matters.</source>
        <translation>Este grupo necesita varias llamadas, una tras otra; un fallo a mitad deja algunos registros fusionados. Divida el grupo si eso importa.</translation>
    </message>
    <message>
        <source>Some values have neither a field nor a note to go to; copy them by hand before merging.</source>
        <translation>Algunos valores no tienen ni campo ni nota donde ir; cópielos a mano antes de fusionar.</translation>
    </message>
    <message>
        <source>Before this group can be merged:</source>
        <translation>Antes de poder fusionar este grupo:</translation>
    </message>
    <message>
        <source>Checked before merging:</source>
        <translation>Comprobado antes de fusionar:</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Merged preview
as {crm} will keep it</source>
        <translation>Vista previa fusionada
tal como la guardará {crm}</translation>
    </message>
    <message>
        <source>The record as the CRM will hold it after the merge</source>
        <translation>El registro tal como lo tendrá el CRM tras la fusión</translation>
    </message>
    <message>
        <source>{value} (this value is kept)</source>
        <translation>{value} (este valor se conserva)</translation>
    </message>
    <message>
        <source>The records differ here.</source>
        <translation>Aquí los registros difieren.</translation>
    </message>
    <message>
        <source>Read-only: the master&apos;s value stays.</source>
        <translation>Solo lectura: se queda el valor del registro principal.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Most complete</source>
        <translation>El más completo</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>El más antiguo</translation>
    </message>
    <message>
        <source>Most related items</source>
        <translation>Más elementos relacionados</translation>
    </message>
    <message>
        <source>Master #{id}: your choice (the rules suggest #{suggested})</source>
        <translation>Registro principal #{id}: su elección (las reglas proponen #{suggested})</translation>
    </message>
    <message>
        <source>most complete, {filled} of {total} fields filled</source>
        <translation>el más completo, {filled} de {total} campos rellenos</translation>
    </message>
    <message>
        <source>oldest, created {date}</source>
        <translation>el más antiguo, creado el {date}</translation>
    </message>
    <message>
        <source>most related items ({count})</source>
        <translation>más elementos relacionados ({count})</translation>
    </message>
    <message>
        <source>linked to an integration (it holds an id one set)</source>
        <translation>vinculado a una integración (tiene un id que esta asignó)</translation>
    </message>
    <message>
        <source>the records tie on every rule: the first one</source>
        <translation>los registros empatan en todas las reglas: el primero</translation>
    </message>
    <message>
        <source>{detail} ({rule}: a tie)</source>
        <translation>{detail} ({rule}: empate)</translation>
    </message>
    <message>
        <source>Master #{id}: {detail}</source>
        <translation>Registro principal #{id}: {detail}</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}, master</source>
        <translation>Registro {n}, {name}, #{id}, principal</translation>
    </message>
    <message>
        <source>Record {n}, {name}, #{id}</source>
        <translation>Registro {n}, {name}, #{id}</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>Registro {id}</translation>
    </message>
    <message>
        <source>Created {date}</source>
        <translation>Creado el {date}</translation>
    </message>
    <message>
        <source>Filled fields: {n}</source>
        <translation>Campos rellenos: {n}</translation>
    </message>
    <message>
        <source>Files: {n}</source>
        <translation>Archivos: {n}</translation>
    </message>
    <message>
        <source>Master: this record survives</source>
        <translation>Principal: este registro se conserva</translation>
    </message>
    <message>
        <source>Press M or click here to make it the master</source>
        <translation>Pulse M o haga clic aquí para que sea el principal</translation>
    </message>
    <message>
        <source>After the merge: {value} (typed by you; F2 to change)</source>
        <translation>Tras la fusión: {value} (escrito por usted; F2 para cambiarlo)</translation>
    </message>
    <message>
        <source>After the merge: {value} (F2 or E to type another value)</source>
        <translation>Tras la fusión: {value} (F2 o E para escribir otro valor)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <source>keep {field} of #{id}</source>
        <translation>conservar {field} de #{id}</translation>
    </message>
    <message>
        <source>type {field}</source>
        <translation>escribir {field}</translation>
    </message>
    <message>
        <source>make #{id} the master</source>
        <translation>hacer de #{id} el principal</translation>
    </message>
    <message>
        <source>keep file {id}</source>
        <translation>conservar el archivo {id}</translation>
    </message>
    <message>
        <source>drop file {id}</source>
        <translation>descartar el archivo {id}</translation>
    </message>
    <message>
        <source>keep {value} in {field}</source>
        <translation>conservar {value} en {field}</translation>
    </message>
    <message>
        <source>drop {value} from {field}</source>
        <translation>descartar {value} de {field}</translation>
    </message>
    <message>
        <source>apply the field rules “{name}”</source>
        <translation>aplicar las reglas de campos «{name}»</translation>
    </message>
    <message>
        <source>join {field} differently</source>
        <translation>unir {field} de otra forma</translation>
    </message>
    <message>
        <source>a blank line</source>
        <translation>una línea en blanco</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>un salto de línea</translation>
    </message>
    <message>
        <source>a dot ( · )</source>
        <translation>un punto ( · )</translation>
    </message>
    <message>
        <source>a bar ( | )</source>
        <translation>una barra ( | )</translation>
    </message>
    <message>
        <source>→ {field}</source>
        <translation>→ {field}</translation>
    </message>
    <message>
        <source>→ {field} (union)</source>
        <translation>→ {field} (unión)</translation>
    </message>
    <message>
        <source>→ joined into {field}</source>
        <translation>→ unido a {field}</translation>
    </message>
    <message>
        <source>→ note on the survivor</source>
        <translation>→ nota en el registro que permanece</translation>
    </message>
    <message>
        <source>Dropped: will be lost</source>
        <translation>Descartado: se perderá</translation>
    </message>
    <message>
        <source>Not kept: will be lost</source>
        <translation>No conservado: se perderá</translation>
    </message>
    <message>
        <source>Kept in {field} of the survivor</source>
        <translation>Se conserva en {field} del registro que permanece</translation>
    </message>
    <message>
        <source>Kept: {field} holds the values of every record</source>
        <translation>Se conserva: {field} contiene los valores de todos los registros</translation>
    </message>
    <message>
        <source>Kept: joined into {field}, after {separator}</source>
        <translation>Se conserva: unido a {field}, tras {separator}</translation>
    </message>
    <message>
        <source>Kept in a note on the survivor ({field}): the CRM has no free slot for it</source>
        <translation>Se conserva en una nota del registro que permanece ({field}): el CRM no tiene un campo libre para él</translation>
    </message>
    <message>
        <source>You unticked it: the merge will lose it</source>
        <translation>Lo ha desmarcado: la fusión lo perderá</translation>
    </message>
    <message>
        <source>The merged record will not hold it (a value you typed replaced it)</source>
        <translation>El registro fusionado no lo tendrá (un valor que escribió lo sustituyó)</translation>
    </message>
    <message>
        <source>Space or a click drops it</source>
        <translation>Espacio o un clic lo descarta</translation>
    </message>
    <message>
        <source>Space or a click keeps it</source>
        <translation>Espacio o un clic lo conserva</translation>
    </message>
    <message>
        <source>{field}, value {n}</source>
        <translation>{field}, valor {n}</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <source>Safe default</source>
        <translation>Valor seguro por defecto</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decidido</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Por decidir</translation>
    </message>
    <message>
        <source>{field}: your choice is recorded in the plan</source>
        <translation>{field}: su elección queda en el plan</translation>
    </message>
    <message>
        <source>{field}: the records have different owners; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: los registros tienen propietarios distintos; elija el que conserva el registro que permanece (1–9 en la fila)</translation>
    </message>
    <message>
        <source>{field}: the records are at different stages; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: los registros están en etapas distintas; elija la que conserva el registro que permanece (1–9 en la fila)</translation>
    </message>
    <message>
        <source>{field}: the records have different parents; choose the one the survivor keeps (1–9 on the row)</source>
        <translation>{field}: los registros tienen padres distintos; elija el que conserva el registro que permanece (1–9 en la fila)</translation>
    </message>
    <message>
        <source>{field}: you overrode the safe default</source>
        <translation>{field}: ha cambiado el valor seguro por defecto</translation>
    </message>
    <message>
        <source>{field}: an opt-out on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}: una baja en cualquier registro se conserva (gana el valor más estricto); elija otro valor para cambiarlo</translation>
    </message>
    <message>
        <source>{field}: a do-not-call on any record is kept (the strictest value wins); pick another value to override</source>
        <translation>{field}: un «no llamar» en cualquier registro se conserva (gana el valor más estricto); elija otro valor para cambiarlo</translation>
    </message>
    <message>
        <source>{field}: a withdrawn consent on any record is kept; pick another value to override</source>
        <translation>{field}: un consentimiento retirado en cualquier registro se conserva; elija otro valor para cambiarlo</translation>
    </message>
    <message>
        <source>{field}: the earliest date is kept; pick another value to override</source>
        <translation>{field}: se conserva la fecha más antigua; elija otro valor para cambiarlo</translation>
    </message>
</context>
<context>
    <name>CompareOptions</name>
    <message>
        <source>Separator of the joined texts</source>
        <translation>Separador de los textos unidos</translation>
    </message>
    <message>
        <source>Field &amp;rules:</source>
        <translation>&amp;Reglas de campos:</translation>
    </message>
    <message>
        <source>Template of field rules for this group</source>
        <translation>Plantilla de reglas de campos para este grupo</translation>
    </message>
    <message>
        <source>Saved rules (fill blanks, newest, oldest, longest, from a record) applied to the fields you did not pick by hand</source>
        <translation>Reglas guardadas (rellenar vacíos, el más reciente, el más antiguo, el más largo, de un registro) aplicadas a los campos que no eligió a mano</translation>
    </message>
    <message>
        <source>Keep everything (safe defaults)</source>
        <translation>Conservar todo (valores seguros por defecto)</translation>
    </message>
    <message>
        <source>Join the texts of {field} &amp;with:</source>
        <translation>Unir los textos de {field} &amp;con:</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>CRM connection</source>
        <translation>Conexión al CRM</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;CRM</source>
        <translation>&amp;CRM</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Región</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Inquilino</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>&amp;Dirección de la API</translation>
    </message>
    <message>
        <source>&amp;Entity</source>
        <translation>&amp;Entidad</translation>
    </message>
    <message>
        <source>e.g. Zoho production</source>
        <translation>p. ej. Zoho producción</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Nombre de la conexión</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Sign &amp;in in the browser…</source>
        <translation>&amp;Iniciar sesión en el navegador…</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>(saved in the keyring)</source>
        <translation>(guardado en el llavero)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected: {tenant}{who}</source>
        <translation>Conectado: {tenant}{who}</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Esperando el inicio de sesión en su navegador…</translation>
    </message>
    <message>
        <source>Signed in {user}</source>
        <translation>Sesión iniciada: {user}</translation>
    </message>
    <message>
        <source>The API address is missing.</source>
        <translation>Falta la dirección de la API.</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japón</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Arabia Saudí</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Norteamérica</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>Sudamérica</translation>
    </message>
    <message>
        <source>Asia Pacific</source>
        <translation>Asia-Pacífico</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Suiza</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Emiratos Árabes Unidos</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>ID de la cuenta</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Profile settings → Access token</source>
        <translation>Ajustes del perfil → Token de acceso</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>Centro de datos</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Token de actualización</translation>
    </message>
    <message>
        <source>Filled in by Sign in with Zoho</source>
        <translation>Lo rellena «Iniciar sesión con Zoho»</translation>
    </message>
    <message>
        <source>Accounts server</source>
        <translation>Servidor de cuentas</translation>
    </message>
    <message>
        <source>Empty: the data centre&apos;s own</source>
        <translation>Vacío: el del centro de datos</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Environment (org name)</source>
        <translation>Entorno (nombre de la organización)</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>ID del inquilino</translation>
    </message>
    <message>
        <source>Application (client) id</source>
        <translation>ID de aplicación (cliente)</translation>
    </message>
    <message>
        <source>Only for a service principal; empty to sign in as you</source>
        <translation>Solo para una entidad de servicio; vacío para iniciar sesión como usted</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Token de portador</translation>
    </message>
    <message>
        <source>Optional: a token you got elsewhere</source>
        <translation>Opcional: un token obtenido en otro sitio</translation>
    </message>
    <message>
        <source>Space id</source>
        <translation>ID del espacio</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>Secreto de API</translation>
    </message>
    <message>
        <source>Workspace API key</source>
        <translation>Clave de API del espacio de trabajo</translation>
    </message>
</context>
<context>
    <name>ConnectionSelector</name>
    <message>
        <source>CRM connection</source>
        <translation>Conexión al CRM</translation>
    </message>
    <message>
        <source>The CRM under review; choose another or set one up (Ctrl+O)</source>
        <translation>El CRM en revisión; elija otro o configure uno (Ctrl+O)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>Nueva conexión…</translation>
    </message>
    <message>
        <source>Edit this connection…</source>
        <translation>Editar esta conexión…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>MergeDesk ran into a problem</source>
        <translation>MergeDesk ha tenido un problema</translation>
    </message>
    <message>
        <source>Something went wrong that MergeDesk did not expect. Merges already sent are in the journal, and any merge left open is settled by reading the CRM the next time MergeDesk connects. Please copy the report below and send it to your support contact: it contains no passwords, tokens or keys.</source>
        <translation>Ha ocurrido un error que MergeDesk no esperaba. Las fusiones ya enviadas están en el diario, y cualquier fusión pendiente se resolverá leyendo el CRM la próxima vez que MergeDesk se conecte. Copie el informe de abajo y envíelo a su soporte: no contiene contraseñas, tokens ni claves.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copiar el informe</translation>
    </message>
    <message>
        <source>&amp;Quit MergeDesk</source>
        <translation>&amp;Salir de MergeDesk</translation>
    </message>
    <message>
        <source>Keep &amp;working</source>
        <translation>Seguir &amp;trabajando</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>DecisionController</name>
    <message>
        <source>A decision could not be saved: {error}</source>
        <translation>No se pudo guardar una decisión: {error}</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>#{a} and #{b} agree on {field}: {score}</source>
        <translation>#{a} y #{b} coinciden en {field}: {score}</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Par</translation>
    </message>
</context>
<context>
    <name>FileDetailsDialog</name>
    <message>
        <source>File: {name}</source>
        <translation>Archivo: {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Attachments list</source>
        <translation>Lista de adjuntos</translation>
    </message>
    <message>
        <source>File id</source>
        <translation>ID del archivo</translation>
    </message>
    <message>
        <source>After the merge</source>
        <translation>Tras la fusión</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>MergeDesk reads the details of files, not their contents: open the file in the CRM to see it.</source>
        <translation>MergeDesk lee los detalles de los archivos, no su contenido: abra el archivo en el CRM para verlo.</translation>
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
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Names and emails</source>
        <translation>Nombres y correos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Group {group}: records {records}</source>
        <translation>Grupo {group}: registros {records}</translation>
    </message>
</context>
<context>
    <name>GroupListPanel</name>
    <message>
        <source>Search names, emails, record ids (Ctrl+F)</source>
        <translation>Buscar nombres, correos, ID de registro (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation>Buscar grupos</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>No son duplicados</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Show groups by status</source>
        <translation>Mostrar grupos por estado</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Grupos de duplicados</translation>
    </message>
    <message>
        <source>Searching the groups…</source>
        <translation>Buscando en los grupos…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Merge history</source>
        <translation>Historial de fusiones</translation>
    </message>
    <message>
        <source>Search by name, email, id, group or message</source>
        <translation>Buscar por nombre, correo, ID, grupo o mensaje</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <source>Export id map…</source>
        <translation>Exportar tabla de identificadores…</translation>
    </message>
    <message>
        <source>Old id → survivor id of every merge, for integrations that still hold the old ids (CSV or JSON)</source>
        <translation>Id. antiguo → id. del registro conservado de cada fusión, para las integraciones que aún usan los id. antiguos (CSV o JSON)</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Export merge history</source>
        <translation>Exportar el historial de fusiones</translation>
    </message>
    <message>
        <source>Export id map</source>
        <translation>Exportar tabla de identificadores</translation>
    </message>
    <message>
        <source>Choose a merge to see it field by field.</source>
        <translation>Elija una fusión para verla campo por campo.</translation>
    </message>
    <message>
        <source>#{id}, {when}: {others} merged into {master} in {crm}, {status}. {message}</source>
        <translation>#{id}, {when}: {others} fusionado en {master} en {crm}, {status}. {message}</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind} (the survivor holds {found})</source>
        <translation>{missing} de {expected} {kind} (el registro conservado tiene {found})</translation>
    </message>
    <message>
        <source>Did not arrive on {survivor}: {items}</source>
        <translation>No llegaron a {survivor}: {items}</translation>
    </message>
</context>
<context>
    <name>HistoryModels</name>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Survivor</source>
        <translation>Registro conservado</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Running or interrupted</source>
        <translation>En curso o interrumpida</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurada</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>{status}, incomplete</source>
        <translation>{status}, incompleto</translation>
    </message>
    <message>
        <source>Not everything arrived on the survivor: {warning}</source>
        <translation>No todo llegó al registro conservado: {warning}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Survivor {id} before</source>
        <translation>Conservado {id} antes</translation>
    </message>
    <message>
        <source>{id} before</source>
        <translation>{id} antes</translation>
    </message>
    <message>
        <source>Chosen from</source>
        <translation>Elegido de</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>CRM&apos;s rule</source>
        <translation>Regla del CRM</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>escrito</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Cannot come back: {what}</source>
        <translation>No se puede recuperar: {what}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Connect to the CRM of this merge first.</source>
        <translation>Conéctese primero al CRM de esta fusión.</translation>
    </message>
    <message>
        <source>Restore merge #{id}?</source>
        <translation>¿Restaurar la fusión #{id}?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>No duplicates found. Scan again after the CRM&apos;s data changed.</source>
        <translation>No se encontraron duplicados. Vuelva a buscar cuando cambien los datos del CRM.</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Cola de fusiones</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Merges are still running: the connection changes once they are done.</source>
        <translation>Aún hay fusiones en curso: la conexión cambiará cuando terminen.</translation>
    </message>
    <message>
        <source>Could not connect to {name}</source>
        <translation>No se pudo conectar a {name}</translation>
    </message>
    <message>
        <source>Connection saved</source>
        <translation>Conexión guardada</translation>
    </message>
    <message>
        <source>“{name}” opens the next time MergeDesk starts without --demo: the demo keeps its data and journal apart from your CRM&apos;s.</source>
        <translation>«{name}» se abrirá la próxima vez que MergeDesk se inicie sin --demo: la demostración mantiene sus datos y su diario aparte de los de su CRM.</translation>
    </message>
    <message>
        <source>About MergeDesk</source>
        <translation>Acerca de MergeDesk</translation>
    </message>
    <message>
        <source>MergeDesk merges duplicate CRM records through each CRM&apos;s own merge API, with a journal that explains and can restore every merge.</source>
        <translation>MergeDesk fusiona los registros duplicados de un CRM mediante la propia API de fusión de cada CRM, con un diario que explica cada fusión y puede restaurarla.</translation>
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
        <translation>Lo que hará la fusión</translation>
    </message>
    <message>
        <source>Dry run result</source>
        <translation>Resultado de la simulación</translation>
    </message>
    <message>
        <source>What the merge will do in {crm}:</source>
        <translation>Lo que hará la fusión en {crm}:</translation>
    </message>
    <message>
        <source>Will move to the survivor: {items}</source>
        <translation>Pasará al registro que permanece: {items}</translation>
    </message>
    <message>
        <source>#{id} (survivor) keeps: {items}</source>
        <translation>#{id} (permanece) conserva: {items}</translation>
    </message>
    <message>
        <source>#{id} brings: {items}</source>
        <translation>#{id} aporta: {items}</translation>
    </message>
    <message>
        <source>{field}: you dropped {values}; they will be lost.</source>
        <translation>{field}: ha descartado {values}; se perderá.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversación</numerusform>
            <numerusform>%n conversaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n actividad</numerusform>
            <numerusform>%n actividades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n oportunidad</numerusform>
            <numerusform>%n oportunidades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n email(s)</source>
        <translation>
            <numerusform>%n correo</numerusform>
            <numerusform>%n correos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tarea</numerusform>
            <numerusform>%n tareas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list membership(s)</source>
        <translation>
            <numerusform>%n pertenencia a lista</numerusform>
            <numerusform>%n pertenencias a listas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeQueue</name>
    <message>
        <source>Checking the records in the CRM…</source>
        <translation>Comprobando los registros en el CRM…</translation>
    </message>
    <message>
        <source>Checking the result in the CRM…</source>
        <translation>Comprobando el resultado en el CRM…</translation>
    </message>
    <message>
        <source>Step {n} of {total}: merging {losers} into #{master}</source>
        <translation>Paso {n} de {total}: fusionando {losers} en #{master}</translation>
    </message>
    <message>
        <source>Step {n} of {total}: writing the chosen values</source>
        <translation>Paso {n} de {total}: escribiendo los valores elegidos</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the CRM</source>
        <translation>el CRM</translation>
    </message>
    <message>
        <source>The merge cannot be run: {problems}</source>
        <translation>La fusión no se puede ejecutar: {problems}</translation>
    </message>
    <message>
        <source>This merge cannot be restored: {reason}</source>
        <translation>Esta fusión no se puede restaurar: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {message}</source>
        <translation>Error inesperado ({kind}): {message}</translation>
    </message>
    <message>
        <source>The connection settings cannot work: {message}</source>
        <translation>Esta configuración de conexión no puede funcionar: {message}</translation>
    </message>
    <message>
        <source>{crm} refused the credentials: {message}. Check the access token of this connection.</source>
        <translation>{crm} rechazó las credenciales: {message}. Compruebe el token de acceso de esta conexión.</translation>
    </message>
    <message>
        <source>{crm} does not allow this for the signed-in user: {message}</source>
        <translation>{crm} no lo permite al usuario conectado: {message}</translation>
    </message>
    <message>
        <source>{crm} could not find it: {message}</source>
        <translation>{crm} no lo encontró: {message}</translation>
    </message>
    <message>
        <source>{crm} refused because of other data: {message}</source>
        <translation>{crm} lo rechazó por otros datos: {message}</translation>
    </message>
    <message>
        <source>{crm} rejected the request: {message}</source>
        <translation>{crm} rechazó la solicitud: {message}</translation>
    </message>
    <message>
        <source>{crm} is limiting requests: {message}</source>
        <translation>{crm} está limitando las solicitudes: {message}</translation>
    </message>
    <message>
        <source>{crm} failed or could not be reached: {message}. Nothing was changed.</source>
        <translation>{crm} falló o no estaba disponible: {message}. No se cambió nada.</translation>
    </message>
    <message>
        <source>{crm} sent an answer MergeDesk cannot read: {message}</source>
        <translation>{crm} envió una respuesta que MergeDesk no puede leer: {message}</translation>
    </message>
    <message>
        <source>The answer from {crm} was lost: {message}. MergeDesk reads the CRM to learn what happened before anything is sent again.</source>
        <translation>Se perdió la respuesta de {crm}: {message}. MergeDesk lee el CRM para saber qué pasó antes de volver a enviar nada.</translation>
    </message>
    <message>
        <source>{crm}: {message}</source>
        <translation>{crm}: {message}</translation>
    </message>
    <message>
        <source>{crm} asks to wait {wait}.</source>
        <translation>{crm} pide esperar {wait}.</translation>
    </message>
    <message>
        <source>Fields: {details}</source>
        <translation>Campos: {details}</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusionando…</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Changed, review again</source>
        <translation>Cambiado, revisar de nuevo</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>No son duplicados</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Merged {merged} into #{master}</source>
        <translation>{merged} fusionado en #{master}</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed</source>
        <translation>Simulación: no se cambió nada</translation>
    </message>
    <message>
        <source>Not merged: the records changed since you reviewed them</source>
        <translation>No fusionado: los registros cambiaron desde su revisión</translation>
    </message>
    <message>
        <source>Outcome unknown: MergeDesk will read the CRM before trying again</source>
        <translation>Resultado desconocido: MergeDesk leerá el CRM antes de volver a intentarlo</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>La fusión falló</translation>
    </message>
    <message>
        <source>{headline}: {message}</source>
        <translation>{headline}: {message}</translation>
    </message>
    <message>
        <source>“{value}” ({record})</source>
        <translation>«{value}» ({record})</translation>
    </message>
    <message>
        <source>{crm} deletes {records} once merged into the master.</source>
        <translation>{crm} elimina {records} una vez fusionado en el registro principal.</translation>
    </message>
    <message>
        <source>{crm} keeps {records} as inactive records.</source>
        <translation>{crm} conserva {records} como registros inactivos.</translation>
    </message>
    <message>
        <source>{crm} retires the ids of {records}.</source>
        <translation>{crm} retira los ID de {records}.</translation>
    </message>
    <message>
        <source>{crm} merges one record per call: {count} calls in a row.</source>
        <translation>{crm} fusiona un registro por llamada: {count} llamadas seguidas.</translation>
    </message>
    <message>
        <source>{field}: {crm} does not carry this field in a merge; {values} will be lost.</source>
        <translation>{field}: {crm} no conserva este campo en una fusión; {values} se perderá.</translation>
    </message>
    <message>
        <source>{field}: {values} will not survive.</source>
        <translation>{field}: {values} no se conservará.</translation>
    </message>
    <message>
        <source>Files that will be removed: {values}.</source>
        <translation>Archivos que se eliminarán: {values}.</translation>
    </message>
    <message>
        <source>Write back the earlier values of #{id}: {fields}</source>
        <translation>Volver a escribir los valores anteriores de #{id}: {fields}</translation>
    </message>
    <message>
        <source>Create #{id} again from its snapshot (it gets a new id)</source>
        <translation>Volver a crear #{id} a partir de su instantánea (recibe un ID nuevo)</translation>
    </message>
    <message>
        <source>Make #{id} active again</source>
        <translation>Reactivar #{id}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Held (Ctrl+Z takes it back)</source>
        <translation>Retenida (Ctrl+Z la deshace)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Cancelled, nothing sent</source>
        <translation>Cancelada, no se envió nada</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Take back the selected merge if it was not sent yet (Delete)</source>
        <translation>Deshacer la fusión elegida si aún no se ha enviado (Supr)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Quitar las terminadas</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Cola de fusiones</translation>
    </message>
    <message>
        <source>Merges run here in the background while you go on reviewing: Ctrl+Enter submits the group on screen.</source>
        <translation>Las fusiones se ejecutan aquí en segundo plano mientras sigue revisando: Ctrl+Intro envía el grupo en pantalla.</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Connect to a CRM…</source>
        <translation>&amp;Conectar a un CRM…</translation>
    </message>
    <message>
        <source>Choose or set up a CRM connection</source>
        <translation>Elegir o configurar una conexión al CRM</translation>
    </message>
    <message>
        <source>&amp;Scan for duplicates</source>
        <translation>&amp;Buscar duplicados</translation>
    </message>
    <message>
        <source>Read every record again and find duplicate groups</source>
        <translation>Volver a leer todos los registros y encontrar grupos de duplicados</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Search groups</source>
        <translation>&amp;Buscar grupos</translation>
    </message>
    <message>
        <source>Search names, emails and record ids</source>
        <translation>Buscar nombres, correos e ID de registro</translation>
    </message>
    <message>
        <source>&amp;Merge group</source>
        <translation>&amp;Fusionar grupo</translation>
    </message>
    <message>
        <source>Merge the records into the master</source>
        <translation>Fusionar los registros en el principal</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;No son duplicados</translation>
    </message>
    <message>
        <source>Remember that these records are different; never suggest them again</source>
        <translation>Recordar que estos registros son distintos; no volver a proponerlos</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>O&amp;mitir</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>S&amp;plit record out</source>
        <translation>Se&amp;parar el registro</translation>
    </message>
    <message>
        <source>Take the current column&apos;s record out of this group</source>
        <translation>Sacar de este grupo el registro de la columna actual</translation>
    </message>
    <message>
        <source>Make &amp;master</source>
        <translation>Hacer &amp;principal</translation>
    </message>
    <message>
        <source>The current column&apos;s record survives</source>
        <translation>Se conserva el registro de la columna actual</translation>
    </message>
    <message>
        <source>S&amp;wap master</source>
        <translation>&amp;Intercambiar el principal</translation>
    </message>
    <message>
        <source>The next record of the group survives instead of the master</source>
        <translation>El siguiente registro del grupo se conserva en lugar del principal</translation>
    </message>
    <message>
        <source>&amp;Type a value…</source>
        <translation>&amp;Escribir un valor…</translation>
    </message>
    <message>
        <source>Type the value the merged record keeps for the current field</source>
        <translation>Escribir el valor que conserva el registro fusionado para el campo actual</translation>
    </message>
    <message>
        <source>&amp;Dry run in the CRM</source>
        <translation>&amp;Simulación en el CRM</translation>
    </message>
    <message>
        <source>Ask the CRM what this merge would produce, without changing anything</source>
        <translation>Preguntar al CRM qué produciría esta fusión, sin cambiar nada</translation>
    </message>
    <message>
        <source>Ne&amp;xt group</source>
        <translation>Grupo si&amp;guiente</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>Grupo &amp;anterior</translation>
    </message>
    <message>
        <source>What the merge &amp;does</source>
        <translation>Lo que &amp;hace la fusión</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Archivos</translation>
    </message>
    <message>
        <source>&amp;Why matched</source>
        <translation>&amp;Por qué coinciden</translation>
    </message>
    <message>
        <source>&amp;Differences only</source>
        <translation>Solo &amp;diferencias</translation>
    </message>
    <message>
        <source>Hide the fields where every record agrees and nothing needs a look</source>
        <translation>Ocultar los campos en los que todos los registros coinciden y no hay nada que revisar</translation>
    </message>
    <message>
        <source>Send held merges &amp;now</source>
        <translation>Enviar &amp;ahora las fusiones retenidas</translation>
    </message>
    <message>
        <source>Skip the undo delay of the merges waiting in the queue</source>
        <translation>Saltar el plazo para deshacer de las fusiones que esperan en la cola</translation>
    </message>
    <message>
        <source>&amp;Cancel merges not sent</source>
        <translation>&amp;Cancelar las fusiones no enviadas</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About MergeDesk</source>
        <translation>&amp;Acerca de MergeDesk</translation>
    </message>
    <message>
        <source>&amp;Bulk rules…</source>
        <translation>Reglas en &amp;bloque…</translation>
    </message>
    <message>
        <source>Merge the groups that clear-cut rules take, after a look at a sample</source>
        <translation>Fusionar los grupos que toman reglas claras, tras revisar una muestra</translation>
    </message>
    <message>
        <source>&amp;Team audit…</source>
        <translation>&amp;Auditoría del equipo…</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Grupos fusionados, rechazados y restaurados por revisor y día</translation>
    </message>
    <message>
        <source>Keep value of record {n}</source>
        <translation>Conservar el valor del registro {n}</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <source>not duplicates: {group}</source>
        <translation>no son duplicados: {group}</translation>
    </message>
    <message>
        <source>skip {group}</source>
        <translation>omitir {group}</translation>
    </message>
    <message>
        <source>split #{record} out of {group}</source>
        <translation>separar #{record} de {group}</translation>
    </message>
    <message>
        <source>merge {group}</source>
        <translation>fusionar {group}</translation>
    </message>
    <message>
        <source>The merge of {group} was sent to the CRM already; History can restore it.</source>
        <translation>La fusión de {group} ya se envió al CRM; el historial puede restaurarla.</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>This group is no longer in the list.</source>
        <translation>Este grupo ya no está en la lista.</translation>
    </message>
    <message>
        <source>Fewer than two records of this group are left in {crm}: nothing to merge.</source>
        <translation>Quedan menos de dos registros de este grupo en {crm}: nada que fusionar.</translation>
    </message>
    <message>
        <source>Could not read this group: {error}</source>
        <translation>No se pudo leer este grupo: {error}</translation>
    </message>
    <message>
        <source>No group is left to review: the others are decided or held by other reviewers.</source>
        <translation>No queda ningún grupo por revisar: los demás están decididos o reservados por otros revisores.</translation>
    </message>
    <message>
        <source>The next group to review is not listed here: show “To review” or clear the search.</source>
        <translation>El siguiente grupo por revisar no aparece aquí: muestre «Por revisar» o borre la búsqueda.</translation>
    </message>
    <message>
        <source>This group is no longer yours: your hold on it ran out and another reviewer took it over. Nothing was decided; it was read again.</source>
        <translation>Este grupo ya no es suyo: su reserva caducó y otro revisor lo tomó. No se decidió nada; se volvió a leer.</translation>
    </message>
    <message>
        <source>Held by {reviewer} until {time}: read only, it cannot be submitted from here.</source>
        <translation>Reservado por {reviewer} hasta las {time}: solo lectura, no se puede enviar desde aquí.</translation>
    </message>
    <message>
        <source>Another reviewer holds this group or some of its records: read only, it cannot be submitted from here.</source>
        <translation>Otro revisor tiene reservado este grupo o algunos de sus registros: solo lectura, no se puede enviar desde aquí.</translation>
    </message>
    <message>
        <source>Asking {crm}…</source>
        <translation>Consultando a {crm}…</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run agrees with this preview; nothing was changed.</source>
        <translation>La simulación de {crm} coincide con esta vista previa; no se cambió nada.</translation>
    </message>
    <message>
        <source>{field}: {crm} gives “{theirs}”, the preview “{ours}”</source>
        <translation>{field}: {crm} da «{theirs}», la vista previa «{ours}»</translation>
    </message>
    <message>
        <source>{crm}&apos;s dry run differs — {details}</source>
        <translation>La simulación de {crm} difiere — {details}</translation>
    </message>
    <message>
        <source>&amp;Dry run in {crm}</source>
        <translation>&amp;Simulación en {crm}</translation>
    </message>
    <message>
        <source>This group is being merged in the background.</source>
        <translation>Este grupo se está fusionando en segundo plano.</translation>
    </message>
    <message>
        <source>{missing} of {expected} {kind}</source>
        <translation>{missing} de {expected} {kind}</translation>
    </message>
    <message>
        <source>Merged into {survivor}, but not everything arrived there: {items} did not. The journal keeps the records as they were; see the History.</source>
        <translation>Fusionado en {survivor}, pero no todo llegó: faltan {items}. El diario guarda los registros tal como estaban; consulte el Historial.</translation>
    </message>
</context>
<context>
    <name>ReviewMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;Keep a record&apos;s value</source>
        <translation>&amp;Conservar el valor de un registro</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>C&amp;ola</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Records side by side</source>
        <translation>Registros lado a lado</translation>
    </message>
    <message>
        <source>1–9 keep a value · Space ticks · E types · M/W master · Ctrl+Enter merges · F1 keys</source>
        <translation>1–9 conservar un valor · Espacio marca · E escribir · M/W principal · Ctrl+Intro fusiona · F1 teclas</translation>
    </message>
    <message>
        <source>&amp;Default master:</source>
        <translation>Principal por &amp;defecto:</translation>
    </message>
    <message>
        <source>Rule for the default master</source>
        <translation>Regla para el principal por defecto</translation>
    </message>
    <message>
        <source>Why the records were matched</source>
        <translation>Por qué se emparejaron los registros</translation>
    </message>
    <message>
        <source>What the merge does</source>
        <translation>Lo que hace la fusión</translation>
    </message>
    <message>
        <source>Why matched</source>
        <translation>Por qué coinciden</translation>
    </message>
    <message>
        <source>No group selected</source>
        <translation>Ningún grupo seleccionado</translation>
    </message>
    <message>
        <source>Select a group on the left to compare its records side by side.</source>
        <translation>Seleccione un grupo a la izquierda para comparar sus registros lado a lado.</translation>
    </message>
    <message>
        <source>Reading the records from the CRM…</source>
        <translation>Leyendo los registros del CRM…</translation>
    </message>
    <message>
        <source>No longer in the CRM: {ids}. They were left out.</source>
        <translation>Ya no están en el CRM: {ids}. Se han omitido.</translation>
    </message>
    <message>
        <source>Not merged yet: decide {fields} first (1–9 on the row keeps a record&apos;s value).</source>
        <translation>Aún no fusionado: decida primero {fields} (1–9 en la fila conserva el valor de un registro).</translation>
    </message>
    <message>
        <source>Not merged: pre-flight says the CRM would refuse this group. See the checks above for what to change.</source>
        <translation>No fusionado: la comprobación previa indica que el CRM rechazaría este grupo. Vea arriba qué hay que cambiar.</translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation>Grupo {id}</translation>
    </message>
    <message>
        <source>{score} match</source>
        <translation>{score} de coincidencia</translation>
    </message>
    <message>
        <source>Records: {count}</source>
        <translation>Registros: {count}</translation>
    </message>
    <message>
        <source>Files ({kept} of {count} kept)</source>
        <translation>Archivos ({kept} de {count} conservados)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>“{text}” is not a value {field} can hold.</source>
        <translation>«{text}» no es un valor válido para {field}.</translation>
    </message>
    <message>
        <source>matched on {fields}</source>
        <translation>coinciden en {fields}</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>Groups by status</source>
        <translation>Grupos por estado</translation>
    </message>
    <message>
        <source>Merge queue</source>
        <translation>Cola de fusiones</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>To review: {n}</source>
        <translation>Por revisar: {n}</translation>
    </message>
    <message>
        <source>Merging: {n}</source>
        <translation>Fusionando: {n}</translation>
    </message>
    <message>
        <source>Merged: {n}</source>
        <translation>Fusionados: {n}</translation>
    </message>
    <message>
        <source>Not duplicates: {n}</source>
        <translation>No son duplicados: {n}</translation>
    </message>
    <message>
        <source>Failed: {n}</source>
        <translation>Fallidos: {n}</translation>
    </message>
    <message>
        <source>Unknown: {n}</source>
        <translation>Desconocidos: {n}</translation>
    </message>
    <message>
        <source>Queue: {running} running, {waiting} waiting</source>
        <translation>Cola: {running} en curso, {waiting} en espera</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Count the groups, then pick a rule to see a sample of the groups it takes.</source>
        <translation>Cuente los grupos y elija una regla para ver una muestra de los grupos que toma.</translation>
    </message>
    <message>
        <source>Group {group} (score {score}): {count} records into #{master}</source>
        <translation>Grupo {group} (puntuación {score}): {count} registros en #{master}</translation>
    </message>
    <message>
        <source>#{id} (master)</source>
        <translation>#{id} (principal)</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <source>Reading records…</source>
        <translation>Leyendo registros…</translation>
    </message>
    <message>
        <source>{records} records read, {groups} groups found</source>
        <translation>{records} registros leídos, {groups} grupos encontrados</translation>
    </message>
    <message>
        <source>Finding duplicates: %p%</source>
        <translation>Buscando duplicados: %p %</translation>
    </message>
    <message>
        <source>Reading records: %v of %m</source>
        <translation>Leyendo registros: %v de %m</translation>
    </message>
    <message>
        <source>Reading records: {n}</source>
        <translation>Leyendo registros: {n}</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Team &amp;workspace…</source>
        <translation>&amp;Espacio de trabajo del equipo…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>StartupRecovery</name>
    <message numerus="yes">
        <source>Settling %n interrupted merge(s) by reading the CRM…</source>
        <translation>
            <numerusform>Resolviendo %n fusión interrumpida a partir del CRM…</numerusform>
            <numerusform>Resolviendo %n fusiones interrumpidas a partir del CRM…</numerusform>
        </translation>
    </message>
    <message>
        <source>The interrupted merges cannot be settled now; their groups stay blocked: {error}</source>
        <translation>Las fusiones interrumpidas no se pueden resolver ahora; sus grupos siguen bloqueados: {error}</translation>
    </message>
    <message>
        <source>Merge #{id} (group {group}): {result}</source>
        <translation>Fusión #{id} (grupo {group}): {result}</translation>
    </message>
    <message>
        <source>Interrupted merges</source>
        <translation>Fusiones interrumpidas</translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n fusionada</numerusform>
            <numerusform>%n fusionadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nothing changed</source>
        <translation>
            <numerusform>%n sin ningún cambio</numerusform>
            <numerusform>%n sin ningún cambio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed after changing the CRM (see History)</source>
        <translation>
            <numerusform>%n fallida tras modificar el CRM (véase el historial)</numerusform>
            <numerusform>%n fallidas tras modificar el CRM (véase el historial)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted merge(s) settled</source>
        <translation>
            <numerusform>%n fusión interrumpida resuelta</numerusform>
            <numerusform>%n fusiones interrumpidas resueltas</numerusform>
        </translation>
    </message>
    <message>
        <source>{head}: {details}</source>
        <translation>{head}: {details}</translation>
    </message>
    <message numerus="yes">
        <source>Could not settle %n merge(s) yet: kept open, and their groups blocked until MergeDesk can read the CRM</source>
        <translation>
            <numerusform>%n fusión aún no se pudo resolver: sigue abierta y su grupo bloqueado hasta que MergeDesk pueda leer el CRM</numerusform>
            <numerusform>%n fusiones aún no se pudieron resolver: siguen abiertas y sus grupos bloqueados hasta que MergeDesk pueda leer el CRM</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before any call, nothing changed in the CRM; the group is back to review</source>
        <translation>detenida antes de cualquier llamada, no cambió nada en el CRM; el grupo vuelve a estar pendiente de revisión</translation>
    </message>
</context>
<context>
    <name>TeamAuditDialog</name>
    <message>
        <source>Team audit</source>
        <translation>Auditoría del equipo</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Groups merged, rejected and restored per reviewer and day</source>
        <translation>Grupos fusionados, rechazados y restaurados por revisor y día</translation>
    </message>
    <message>
        <source>Nothing merged, rejected or restored yet.</source>
        <translation>Aún no se ha fusionado, rechazado ni restaurado nada.</translation>
    </message>
    <message>
        <source>In all: {merged} merged, {rejected} rejected, {restored} restored. Reviewers: {reviewers}. Days: {days}.</source>
        <translation>En total: {merged} fusionados, {rejected} rechazados, {restored} restaurados. Revisores: {reviewers}. Días: {days}.</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <source>Team workspace</source>
        <translation>Espacio de trabajo del equipo</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;URL:</source>
        <translation>&amp;URL de PostgreSQL:</translation>
    </message>
    <message>
        <source>&amp;Reviewer name:</source>
        <translation>Nombre del &amp;revisor:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>The name on your decisions and merges</source>
        <translation>El nombre que llevarán sus decisiones y fusiones</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>Déjelo vacío para conservar la contraseña guardada</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>No password in the URL: it is kept in the system keyring. Leave the URL empty to work on this workstation&apos;s own store. Changes take effect the next time MergeDesk starts.</source>
        <translation>Sin contraseña en la URL: se guarda en el llavero del sistema. Deje la URL vacía para trabajar con el almacén propio de este equipo. Los cambios se aplican la próxima vez que se inicie MergeDesk.</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://.</source>
        <translation>La URL debe empezar por postgresql://.</translation>
    </message>
    <message>
        <source>The URL must not hold a password, and a server on another machine must be verified (sslmode=verify-full).</source>
        <translation>La URL no debe contener una contraseña, y un servidor en otra máquina debe verificarse (sslmode=verify-full).</translation>
    </message>
    <message>
        <source>Enter the reviewer name your team will see.</source>
        <translation>Escriba el nombre de revisor que verá su equipo.</translation>
    </message>
    <message>
        <source>Enter the workspace URL first.</source>
        <translation>Escriba primero la URL del espacio de trabajo.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Could not connect: {error}</source>
        <translation>No se pudo conectar: {error}</translation>
    </message>
    <message>
        <source>Connected to {server}.</source>
        <translation>Conectado a {server}.</translation>
    </message>
</context>
</TS>
