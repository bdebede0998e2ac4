<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Starting the demo CRM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Merged preview
as {crm} will keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record as the CRM will hold it after the merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the merge: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} (this value is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records differ here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the master&apos;s value stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{id} · master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled fields: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master: this record survives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press M or click here to make it the master</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupList</name>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names and emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {group}: records {records}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupListPanel</name>
    <message>
        <source>Search names, emails, record ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show groups by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Scan for duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every record again and find duplicate groups (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges run in the background; their outcomes and the CRM&apos;s messages appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No duplicates found. Scan again after the CRM&apos;s data changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{records} records read, {groups} groups found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading records: %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer than two records of this group are left in {crm}: nothing to merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group is being merged in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as not duplicates; never suggested again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this group: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MergeDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MergeDesk — {connection}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge cannot be run: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings cannot work: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} refused the credentials: {message}. Check the access token of this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} does not allow this for the signed-in user: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} could not find it: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} refused because of other data: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} rejected the request: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} is limiting requests: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} failed or could not be reached: {message}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} sent an answer MergeDesk cannot read: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from {crm} was lost: {message}. MergeDesk reads the CRM to learn what happened before anything is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} asks to wait {wait}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed, review again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged {merged} into #{master}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged: the records changed since you reviewed them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome unknown: MergeDesk will read the CRM before trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} deletes {records} once merged into the master.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} keeps {records} as inactive records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} retires the ids of {records}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{crm} merges one record per call: {count} calls in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {crm} does not carry this field in a merge; {values} will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {values} will not survive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that will be removed: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeLog</name>
    <message>
        <source>{time}  Group {group}{title}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>&amp;Merge group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the records into the master (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember that these records are different; never suggest them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a value or press 1–9 to keep it · M or a column header picks the master · Ctrl+Enter merges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the merge will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a group on the left to compare its records side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the records from the CRM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the CRM: {ids}. They were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score} match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched on {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the merge will do in {crm}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>To review: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not duplicates: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
