<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Chart</name>
    <message>
        <source>unnamed series</source>
        <translation>unbenannte Reihe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n points, the last %2</source>
        <translation>
            <numerusform>%1: %n Punkt, zuletzt %2</numerusform>
            <numerusform>%1: %n Punkte, zuletzt %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n bars, %2 in all</source>
        <translation>
            <numerusform>%1: %n Balken, insgesamt %2</numerusform>
            <numerusform>%1: %n Balken, insgesamt %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>Keine Daten.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ArchivedCardsDialog</name>
    <message>
        <source>Archived Cards — %1</source>
        <translation>Archivierte Karten – %1</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Left the board</source>
        <translation>Vom Board entfernt</translation>
    </message>
    <message>
        <source>Cards archived, and done cards that left the board after its archive period (Workspace Settings › Board). They stay searchable, counted and in the cumulative flow; a restored card stays on the board for another period.</source>
        <translation>Archivierte Karten sowie erledigte Karten, die das Board nach Ablauf seiner Archivierungsfrist verlassen haben (Arbeitsbereichseinstellungen › Board). Sie bleiben durchsuchbar, werden mitgezählt und erscheinen im kumulativen Fluss; eine wiederhergestellte Karte bleibt für eine weitere Frist auf dem Board.</translation>
    </message>
    <message>
        <source>Restore to Board</source>
        <translation>Zurück aufs Board</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardActions</name>
    <message>
        <source>&amp;New Card…</source>
        <translation>&amp;Neue Karte…</translation>
    </message>
    <message>
        <source>N on the board; or + in a column&apos;s header</source>
        <translation>N auf dem Board oder + im Kopf einer Spalte</translation>
    </message>
    <message>
        <source>S&amp;wimlanes</source>
        <translation>&amp;Bahnen</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>By &amp;Assignee</source>
        <translation>Nach &amp;Zuständigkeit</translation>
    </message>
    <message>
        <source>By &amp;Priority</source>
        <translation>Nach &amp;Priorität</translation>
    </message>
    <message>
        <source>By User &amp;Group Hurt Most</source>
        <translation>Nach am stärksten betroffener &amp;Benutzergruppe</translation>
    </message>
    <message>
        <source>By &amp;Component</source>
        <translation>Nach Ko&amp;mponente</translation>
    </message>
    <message>
        <source>&amp;Archive Done Cards</source>
        <translation>&amp;Erledigte Karten archivieren</translation>
    </message>
    <message>
        <source>Archive &amp;Selected Card</source>
        <translation>&amp;Ausgewählte Karte archivieren</translation>
    </message>
    <message>
        <source>De&amp;lete Card (Del on the board)</source>
        <translation>Karte &amp;löschen (Del auf dem Board)</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Karte löschen</translation>
    </message>
    <message>
        <source>Archi&amp;ved Cards…</source>
        <translation>Archi&amp;vierte Karten…</translation>
    </message>
    <message>
        <source>No done card on this board</source>
        <translation>Keine erledigte Karte auf diesem Board</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n done card(s); Board › Archived Cards brings one back</source>
        <translation>
            <numerusform>%n erledigte Karte archiviert; über Board › Archivierte Karten lässt sie sich zurückholen</numerusform>
            <numerusform>%n erledigte Karten archiviert; über Board › Archivierte Karten lassen sie sich zurückholen</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a done card can be archived: select one in a done column</source>
        <translation>Nur erledigte Karten können archiviert werden: Wählen Sie eine in einer Erledigt-Spalte aus</translation>
    </message>
    <message>
        <source>Select a card on the board to delete it</source>
        <translation>Wählen Sie zum Löschen eine Karte auf dem Board aus</translation>
    </message>
    <message>
        <source>Deleted card %1; Ctrl+Z brings it back</source>
        <translation>Karte %1 gelöscht; Ctrl+Z holt sie zurück</translation>
    </message>
    <message>
        <source>Unassign %1</source>
        <translation>Zuweisung von %1 aufheben</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>%1 an %2 zuweisen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardColumnModel</name>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>No report linked: a chore, not an answer to a delta</source>
        <translation>Keine Meldung verknüpft: eine Routinearbeit, keine Antwort auf ein Delta</translation>
    </message>
    <message>
        <source>In this column since %1</source>
        <translation>In dieser Spalte seit %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>Priorität %1</translation>
    </message>
    <message>
        <source>impact %1 on %2</source>
        <translation>Auswirkung %1 auf %2</translation>
    </message>
    <message>
        <source>impact %1</source>
        <translation>Auswirkung %1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>Task %1. Enter opens it; Ctrl+Left and Ctrl+Right move it between columns, Ctrl+Up and Ctrl+Down within the column.</source>
        <translation>Aufgabe %1. Enter öffnet sie; Ctrl+Left und Ctrl+Right verschieben sie zwischen Spalten, Ctrl+Up und Ctrl+Down innerhalb der Spalte.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardColumnView</name>
    <message>
        <source>New card in %1 (N)</source>
        <translation>Neue Karte in %1 (N)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 cards; work-in-progress limit %2</source>
        <translation>%1 Karten; WIP-Limit %2</translation>
    </message>
    <message>
        <source>%1 cards; no work-in-progress limit</source>
        <translation>%1 Karten; kein WIP-Limit</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Over its work-in-progress limit: %1 cards, limit %2</source>
        <translation>WIP-Limit überschritten: %1 Karten, Limit %2</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardModel</name>
    <message>
        <source>A card&apos;s priority is its deltas&apos; priority: set it on the deltas (Deltas or Priorities view), not by moving the card</source>
        <translation>Die Priorität einer Karte ist die ihrer Deltas: Legen Sie sie bei den Deltas fest (Ansicht „Deltas“ oder „Prioritäten“), nicht durch Verschieben der Karte</translation>
    </message>
    <message>
        <source>The group a card hurts comes from its deltas&apos; impact: assess it in the Impact view, not by moving the card</source>
        <translation>Welche Gruppe eine Karte trifft, ergibt sich aus der Auswirkung ihrer Deltas: Bewerten Sie sie in der Ansicht „Auswirkung“, nicht durch Verschieben der Karte</translation>
    </message>
    <message>
        <source>A card&apos;s component is its deltas&apos; component: it does not change by moving the card</source>
        <translation>Die Komponente einer Karte ist die ihrer Deltas: Sie ändert sich nicht durch Verschieben der Karte</translation>
    </message>
    <message>
        <source>Task %1 is not on this board.</source>
        <translation>Aufgabe %1 ist nicht auf diesem Board.</translation>
    </message>
    <message>
        <source>Move card to %1</source>
        <translation>Karte nach %1 verschieben</translation>
    </message>
    <message>
        <source>Reorder card</source>
        <translation>Karte umsortieren</translation>
    </message>
    <message>
        <source>Task %1 or column %2 is not on this board.</source>
        <translation>Aufgabe %1 oder Spalte %2 ist nicht auf diesem Board.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardPage</name>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>Filter cards by title, assignee or #id (Ctrl+F)</source>
        <translation>Karten nach Titel, zuständiger Person oder #ID filtern (Ctrl+F)</translation>
    </message>
    <message>
        <source>No organisations yet</source>
        <translation>Noch keine Organisationen</translation>
    </message>
    <message>
        <source>%1 of %2 cards on %3&apos;s board match</source>
        <translation>%1 von %2 Karten auf dem Board von %3 passen</translation>
    </message>
    <message>
        <source>1 card on %1&apos;s board</source>
        <translation>1 Karte auf dem Board von %1</translation>
    </message>
    <message>
        <source>%1 cards on %2&apos;s board</source>
        <translation>%1 Karten auf dem Board von %2</translation>
    </message>
</context>
<context>
    <name>Deltaboard::BoardView</name>
    <message>
        <source>Create a Demo Workspace</source>
        <translation>Demo-Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <source>Set Up Workspace…</source>
        <translation>Arbeitsbereich einrichten…</translation>
    </message>
    <message>
        <source>Move card to the next column</source>
        <translation>Karte in die nächste Spalte verschieben</translation>
    </message>
    <message>
        <source>Move card to the previous column</source>
        <translation>Karte in die vorherige Spalte verschieben</translation>
    </message>
    <message>
        <source>Move card up</source>
        <translation>Karte nach oben verschieben</translation>
    </message>
    <message>
        <source>Move card down</source>
        <translation>Karte nach unten verschieben</translation>
    </message>
    <message>
        <source>Previous column</source>
        <translation>Vorherige Spalte</translation>
    </message>
    <message>
        <source>Next column</source>
        <translation>Nächste Spalte</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Neue Karte</translation>
    </message>
    <message>
        <source>&lt;b&gt;No organisation yet.&lt;/b&gt; A board belongs to an organisation: set one up (Edit › Workspace Settings, Ctrl+,), with its board&apos;s columns, your user groups and components.</source>
        <translation>&lt;b&gt;Noch keine Organisation.&lt;/b&gt; Ein Board gehört zu einer Organisation: Richten Sie eine ein (Bearbeiten › Arbeitsbereich-Einstellungen, Ctrl+,), mit den Spalten ihres Boards, Ihren Benutzergruppen und Komponenten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No cards on this board yet.&lt;/b&gt; Add one with + in a column (or N), or commit to deltas: select them in the Deltas view (Ctrl+2) and choose &lt;i&gt;Commit…&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Noch keine Karten auf diesem Board.&lt;/b&gt; Fügen Sie eine mit + in einer Spalte (oder N) hinzu oder geben Sie Zusagen für Deltas: Markieren Sie sie in der Deltas-Ansicht (Ctrl+2) und wählen Sie &lt;i&gt;Zusagen…&lt;/i&gt;.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::CardDelegate</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>no report linked</source>
        <translation>kein Bericht verknüpft</translation>
    </message>
    <message>
        <source>P: %1</source>
        <translation>P: %1</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ChangeFeed</name>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>die Verbindung zu %1 wurde unterbrochen</translation>
    </message>
    <message>
        <source>%1 has not answered for %2 s</source>
        <translation>%1 hat seit %2 s nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>Deltaboard::CommitDialog</name>
    <message>
        <source>Commit to a delta</source>
        <translation>Zusage für ein Delta</translation>
    </message>
    <message>
        <source>Commit to %1 deltas</source>
        <translation>Zusage für %1 Deltas</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; commits to work on:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; sagt zu, an Folgendem zu arbeiten:</translation>
    </message>
    <message>
        <source>No other organisation has committed to these yet.</source>
        <translation>Noch keine andere Organisation hat hierfür eine Zusage gegeben.</translation>
    </message>
    <message>
        <source>Already committed: </source>
        <translation>Bereits zugesagt: </translation>
    </message>
    <message>
        <source>Task title:</source>
        <translation>Aufgabentitel:</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Zusagen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ConnectionProbe</name>
    <message>
        <source>Connected to %1, but cannot read its schema version</source>
        <translation>Verbunden mit %1, aber dessen Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Connected: %1 is empty. Connecting creates the Deltaboard schema (version %2) in it.</source>
        <translation>Verbunden: %1 ist leer. Beim Verbinden wird darin das Deltaboard-Schema (Version %2) angelegt.</translation>
    </message>
    <message>
        <source>Connected: %1, schema version %2. Connecting upgrades it to version %3.</source>
        <translation>Verbunden: %1, Schemaversion %2. Beim Verbinden wird es auf Version %3 aktualisiert.</translation>
    </message>
    <message>
        <source>Connected: %1, schema version %2</source>
        <translation>Verbunden: %1, Schemaversion %2</translation>
    </message>
</context>
<context>
    <name>Deltaboard::CrashListModel</name>
    <message>
        <source>Fixed in %1 (verified), crashing again in %2</source>
        <translation>Behoben in %1 (überprüft), stürzt in %2 wieder ab</translation>
    </message>
    <message>
        <source>regressed</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
</context>
<context>
    <name>Deltaboard::CrashView</name>
    <message>
        <source>&amp;Commit…</source>
        <translation>&amp;Zusagen…</translation>
    </message>
    <message>
        <source>Same as &amp;Defect…</source>
        <translation>Gleich wie &amp;Fehler…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Commit the current organisation to this crash (Ctrl+Enter)</source>
        <translation>Für die aktuelle Organisation eine Zusage zu diesem Absturz geben (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Record that this crash is the defect you name (marks it a duplicate of it)</source>
        <translation>Festhalten, dass dieser Absturz der angegebene Fehler ist (markiert ihn als dessen Duplikat)</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Bericht:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Crashes&lt;/b&gt; — one crash delta per signature, most reports first. Drop crash texts on the window to add reports.</source>
        <translation>&lt;b&gt;Abstürze&lt;/b&gt; – ein Absturz-Delta pro Signatur, die mit den meisten Berichten zuerst. Ziehen Sie Absturztexte auf das Fenster, um Berichte hinzuzufügen.</translation>
    </message>
    <message>
        <source>Cannot read the crash reports: %1</source>
        <translation>Die Absturzberichte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No crash reports yet. Drop crash texts (gdb, DrKonqi, minidump_stackwalk, Python, Java, AddressSanitizer, WinDbg, Apple .crash) on this window, or run &apos;deltaboard-cli crash ingest&apos;.</source>
        <translation>Noch keine Absturzberichte. Ziehen Sie Absturztexte (gdb, DrKonqi, minidump_stackwalk, Python, Java, AddressSanitizer, WinDbg, Apple .crash) auf dieses Fenster oder führen Sie „deltaboard-cli crash ingest“ aus.</translation>
    </message>
    <message>
        <source>No crash selected</source>
        <translation>Kein Absturz ausgewählt</translation>
    </message>
    <message>
        <source>&lt;code&gt;%1&lt;/code&gt;&lt;br&gt;%2 reports · first %3 · last %4 · platforms: %5</source>
        <translation>&lt;code&gt;%1&lt;/code&gt;&lt;br&gt;%2 Berichte · erstmals %3 · zuletzt %4 · Plattformen: %5</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Regressed: fixed in %1 (verified), and reports from %2 keep coming.</source>
        <translation>Regression: behoben in %1 (verifiziert), doch es kommen weiter Berichte aus %2.</translation>
    </message>
    <message>
        <source>Reports per version</source>
        <translation>Berichte pro Version</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Cannot read the reports: %1</source>
        <translation>Die Berichte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>#%1 — %2</source>
        <translation>#%1 — %2</translation>
    </message>
    <message>
        <source>report #%1</source>
        <translation>Bericht #%1</translation>
    </message>
    <message>
        <source>%1 format, crashing thread &quot;%2&quot;%3. Highlighted: the frames the signature names.</source>
        <translation>Format %1, abstürzender Thread „%2“%3. Hervorgehoben: die Frames, die die Signatur nennt.</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>Crashes by signature</source>
        <translation>Abstürze nach Signatur</translation>
    </message>
    <message>
        <source>Stack frames of the crashing thread</source>
        <translation>Stack-Frames des abgestürzten Threads</translation>
    </message>
</context>
<context>
    <name>Deltaboard::CrashesPage</name>
    <message>
        <source>Find crashes: words of a signature, or #id (Ctrl+F)</source>
        <translation>Abstürze suchen: Wörter einer Signatur oder #ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Crashes</source>
        <translation>&amp;Abstürze</translation>
    </message>
    <message>
        <source>Crash deltas by signature, their reports and frames</source>
        <translation>Absturz-Deltas nach Signatur, mit ihren Berichten und Frames</translation>
    </message>
    <message>
        <source>%1 crash deltas, %2 reports</source>
        <translation>%1 Absturz-Deltas, %2 Berichte</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaActions</name>
    <message>
        <source>Select one or more deltas to commit to.</source>
        <translation>Wählen Sie ein oder mehrere Deltas für die Zusage aus.</translation>
    </message>
    <message>
        <source>There is no organisation to commit: create one first.</source>
        <translation>Es gibt keine Organisation, die eine Zusage geben kann: Legen Sie zuerst eine an.</translation>
    </message>
    <message>
        <source>Implement: %1</source>
        <translation>Umsetzen: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Beheben: %1</translation>
    </message>
    <message>
        <source>%1 (task #%2, %3)</source>
        <translation>%1 (Aufgabe #%2, %3)</translation>
    </message>
    <message>
        <source>%1 committed: task #%2 is on its board.</source>
        <translation>%1 hat zugesagt: Aufgabe #%2 steht auf dem Board.</translation>
    </message>
    <message>
        <source>Select the deltas to change first.</source>
        <translation>Wählen Sie zuerst die zu ändernden Deltas aus.</translation>
    </message>
    <message>
        <source>Select the one delta that is a duplicate.</source>
        <translation>Wählen Sie das eine Delta aus, das ein Duplikat ist.</translation>
    </message>
    <message>
        <source>Duplicate Of</source>
        <translation>Duplikat von</translation>
    </message>
    <message>
        <source>Same as Defect</source>
        <translation>Gleich wie Fehler</translation>
    </message>
    <message>
        <source>Delta %1 is a %2, not a defect.</source>
        <translation>Delta %1 ist vom Typ %2, nicht Fehler.</translation>
    </message>
    <message>
        <source>Crash delta %1 is now recorded as %2 defect %3 (Ctrl+Z undoes).</source>
        <translation>Absturz-Delta %1 ist jetzt erfasst als: %2 Fehler %3 (Ctrl+Z macht es rückgängig).</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaDetailView</name>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Select a delta to see what is desired, what actually happens, who is hurt and who has committed to it.</source>
        <translation>Wählen Sie ein Delta aus, um zu sehen, was erwünscht ist, was tatsächlich geschieht, wer betroffen ist und wer eine Zusage dafür gegeben hat.</translation>
    </message>
    <message>
        <source>Add a comment… (Ctrl+Enter)</source>
        <translation>Kommentar hinzufügen… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Erwünscht</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Benutzergruppe</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Affected users</source>
        <translation>Betroffene Benutzer</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the title, kind, texts, component, version and reporter (F2)</source>
        <translation>Titel, Art, Texte, Komponente, Version und Melder bearbeiten (F2)</translation>
    </message>
    <message>
        <source>&amp;Relate…</source>
        <translation>&amp;Verknüpfen…</translation>
    </message>
    <message>
        <source>Blocks, depends on, caused by, relates to, same as, duplicate of</source>
        <translation>Blockiert, hängt ab von, verursacht durch, hängt zusammen mit, gleich wie, Duplikat von</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Impact by user group&lt;/b&gt;</source>
        <translation>&lt;b&gt;Auswirkung nach Benutzergruppe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kommentare&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot show delta %1: %2</source>
        <translation>Delta %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source> of #%1</source>
        <translation> von #%1</translation>
    </message>
    <message>
        <source>severity %1</source>
        <translation>Schweregrad %1</translation>
    </message>
    <message>
        <source>found in %1</source>
        <translation>gefunden in %1</translation>
    </message>
    <message>
        <source>fixed in %1</source>
        <translation>behoben in %1</translation>
    </message>
    <message>
        <source>reported by %1</source>
        <translation>gemeldet von %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>geschlossen %1</translation>
    </message>
    <message>
        <source>from &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>aus &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>Priority for %1:</source>
        <translation>Priorität für %1:</translation>
    </message>
    <message>
        <source>Choose an organisation to set its priority.</source>
        <translation>Wählen Sie eine Organisation, um ihre Priorität festzulegen.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Not described&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nicht beschrieben&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 crash report&lt;/b&gt;</source>
        <translation>&lt;b&gt;1 Absturzbericht&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 crash reports&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 Absturzberichte&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · first %1, last %2 · versions %3 · %4</source>
        <translation> · erstmals %1, zuletzt %2 · Versionen %3 · %4</translation>
    </message>
    <message>
        <source>Signature: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>Signatur: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>No crash reports.</source>
        <translation>Keine Absturzberichte.</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>how many?</source>
        <translation>wie viele?</translation>
    </message>
    <message>
        <source>How many of the group&apos;s users it hurts</source>
        <translation>Wie viele Benutzer der Gruppe betroffen sind</translation>
    </message>
    <message>
        <source>Assess the impact first</source>
        <translation>Bewerten Sie zuerst die Auswirkung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Relations&lt;/b&gt;&lt;br&gt;None. Relate… says that it blocks, depends on, is caused by or is the same as another delta.</source>
        <translation>&lt;b&gt;Beziehungen&lt;/b&gt;&lt;br&gt;Keine. Mit „Verknüpfen…“ legen Sie fest, dass dieses Delta ein anderes blockiert, von einem anderen abhängt, durch ein anderes verursacht wird oder dasselbe wie ein anderes ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Relations&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Beziehungen&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Commitments&lt;/b&gt;&lt;br&gt;No organisation has committed to this delta. Select it in the list and choose Commit… (Ctrl+Enter).</source>
        <translation>&lt;b&gt;Zusagen&lt;/b&gt;&lt;br&gt;Keine Organisation hat eine Zusage für dieses Delta gegeben. Markieren Sie es in der Liste und wählen Sie „Zusagen…“ (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Commitments&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Zusagen&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Noch keine Kommentare.</translation>
    </message>
    <message>
        <source>Show all %1 comments and %2 changes</source>
        <translation>Alle %1 Kommentare und %2 Änderungen anzeigen</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed by %1&lt;/b&gt; while you were editing. Load their version (yours is lost), or save yours over theirs (the fields you did not touch keep their change)?</source>
        <translation>&lt;b&gt;Von %1 geändert&lt;/b&gt;, während Sie bearbeitet haben. Die andere Version laden (Ihre geht verloren) oder Ihre darüber speichern (von Ihnen nicht geänderte Felder behalten die andere Änderung)?</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Impact on each user group</source>
        <translation>Auswirkung auf jede Benutzergruppe</translation>
    </message>
    <message>
        <source>The selected delta</source>
        <translation>Das ausgewählte Delta</translation>
    </message>
    <message>
        <source>Users affected in %1</source>
        <translation>Betroffene Benutzer in %1</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaEditor</name>
    <message>
        <source>New Delta</source>
        <translation>Neues Delta</translation>
    </message>
    <message>
        <source>Edit Delta #%1</source>
        <translation>Delta #%1 bearbeiten</translation>
    </message>
    <message>
        <source>Defect: the code does not do what is desired</source>
        <translation>Fehler: Der Code tut nicht, was erwünscht ist</translation>
    </message>
    <message>
        <source>Crash: it stops</source>
        <translation>Absturz: Das Programm bricht ab</translation>
    </message>
    <message>
        <source>Spec: a design or a feature request</source>
        <translation>Spezifikation: ein Entwurf oder ein Funktionswunsch</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>What differs, in one line</source>
        <translation>Was abweicht, in einer Zeile</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>version it is fixed in or planned for</source>
        <translation>Version, in der es behoben ist oder werden soll</translation>
    </message>
    <message>
        <source>who reported it</source>
        <translation>wer es gemeldet hat</translation>
    </message>
    <message>
        <source>What someone wants the software to do</source>
        <translation>Was die Software tun soll</translation>
    </message>
    <message>
        <source>What it does instead</source>
        <translation>Was sie stattdessen tut</translation>
    </message>
    <message>
        <source>Steps, logs, links (Markdown)</source>
        <translation>Schritte, Protokolle, Links (Markdown)</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Load Their Version</source>
        <translation>Andere Version laden</translation>
    </message>
    <message>
        <source>Save Mine Over Theirs</source>
        <translation>Meine darüber speichern</translation>
    </message>
    <message>
        <source>Recording a delta is not agreement that the code is wrong, nor a promise to change it; organisations commit with tasks.</source>
        <translation>Wer ein Delta erfasst, räumt weder ein, dass der Code falsch ist, noch verspricht er eine Änderung; Organisationen geben Zusagen mit Aufgaben.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>C&amp;omponent:</source>
        <translation>K&amp;omponente:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>F&amp;ixed in:</source>
        <translation>&amp;Behoben in:</translation>
    </message>
    <message>
        <source>&amp;Found in:</source>
        <translation>&amp;Gefunden in:</translation>
    </message>
    <message>
        <source>&amp;Reporter:</source>
        <translation>&amp;Melder:</translation>
    </message>
    <message>
        <source>&amp;Desired:</source>
        <translation>&amp;Erwünscht:</translation>
    </message>
    <message>
        <source>&amp;Actual:</source>
        <translation>Tatsä&amp;chlich:</translation>
    </message>
    <message>
        <source>D&amp;etails:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>found in</source>
        <translation>gefunden in</translation>
    </message>
    <message>
        <source>fixed in</source>
        <translation>behoben in</translation>
    </message>
    <message>
        <source>reporter</source>
        <translation>Melder</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>erwünscht</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>tatsächlich</translation>
    </message>
    <message>
        <source>details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaListView</name>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Cannot read deltas: %1</source>
        <translation>Deltas können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No delta matches these filters.</source>
        <translation>Kein Delta entspricht diesen Filtern.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No deltas yet&lt;/h3&gt;&lt;p&gt;Deltas are reports: defects, crashes and specs. Create a demo workspace with File → Create Demo Workspace, or import a tracker export with &lt;tt&gt;deltaboard-cli import&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Deltas&lt;/h3&gt;&lt;p&gt;Deltas sind Berichte: Fehler, Abstürze und Spezifikationen. Erstellen Sie einen Demo-Arbeitsbereich über Datei → Demo-Arbeitsbereich erstellen oder importieren Sie einen Tracker-Export mit &lt;tt&gt;deltaboard-cli import&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No delta matches “%1”.</source>
        <translation>Kein Delta passt zu „%1“.</translation>
    </message>
    <message>
        <source>Deltas</source>
        <translation>Deltas</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaTableDelegate</name>
    <message>
        <source>— not set</source>
        <translation>— nicht festgelegt</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltaTableModel</name>
    <message>
        <source>How many organisations have committed to the delta</source>
        <translation>Anzahl der Organisationen mit einer Zusage zu diesem Delta</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Top impact</source>
        <translation>Höchste Auswirkung</translation>
    </message>
    <message>
        <source>Orgs</source>
        <translation>Org.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::DeltasPage</name>
    <message>
        <source>&amp;Deltas</source>
        <translation>&amp;Deltas</translation>
    </message>
    <message>
        <source>Search deltas: title, desired, actual, details (Ctrl+F)</source>
        <translation>Deltas durchsuchen: Titel, Erwünscht, Tatsächlich, Details (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cannot count deltas: %1</source>
        <translation>Deltas können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>1 delta</source>
        <translation>1 Delta</translation>
    </message>
    <message>
        <source>%1 deltas</source>
        <translation>%1 Deltas</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>Deltaboard::FlowPage</name>
    <message>
        <source>&amp;Flow</source>
        <translation>&amp;Fluss</translation>
    </message>
    <message>
        <source>This organisation&apos;s cumulative flow, clocks and throughput</source>
        <translation>Kumulativer Fluss, Durchlaufzeiten und Durchsatz dieser Organisation</translation>
    </message>
    <message>
        <source>there is no organisation yet</source>
        <translation>es gibt noch keine Organisation</translation>
    </message>
</context>
<context>
    <name>Deltaboard::FlowView</name>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>Letzte 6 Monate</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>All history</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>%1&apos;s flow</source>
        <translation>Fluss von %1</translation>
    </message>
    <message>
        <source>Reading the change history…</source>
        <translation>Änderungsverlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the flow: %1</source>
        <translation>Fluss kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No tasks on this board yet: commit to a delta (Ctrl+Enter in the Deltas or Gap view) to start its history.</source>
        <translation>Noch keine Aufgaben auf diesem Board: Geben Sie eine Zusage für ein Delta (Ctrl+Enter in der Deltas- oder Lückenansicht), um den Verlauf zu beginnen.</translation>
    </message>
    <message>
        <source>%1 tasks on the board at the end of the range; the clocks and throughput cover all history.</source>
        <translation>%1 Aufgaben auf dem Board am Ende des Zeitraums; Zeitmessungen und Durchsatz umfassen den gesamten Verlauf.</translation>
    </message>
    <message>
        <source>Time to commit: delta reported → first task</source>
        <translation>Zeit bis zur Zusage: Delta gemeldet → erste Aufgabe</translation>
    </message>
    <message>
        <source>Cycle time: task started → done</source>
        <translation>Durchlaufzeit: Aufgabe begonnen → erledigt</translation>
    </message>
    <message>
        <source>%1 not started or not done</source>
        <translation>%1 nicht begonnen oder nicht erledigt</translation>
    </message>
    <message>
        <source>Cumulative flow: tasks in each column at the end of each day</source>
        <translation>Kumulativer Fluss: Aufgaben je Spalte am Ende jedes Tages</translation>
    </message>
    <message>
        <source>day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>%1 beyond %2 not drawn</source>
        <translation>%1 über %2 nicht dargestellt</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>Median %1</translation>
    </message>
    <message>
        <source>85th percentile %1</source>
        <translation>85. Perzentil %1</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Throughput: tasks done per week</source>
        <translation>Durchsatz: erledigte Aufgaben pro Woche</translation>
    </message>
    <message>
        <source>nothing done yet</source>
        <translation>noch nichts erledigt</translation>
    </message>
    <message>
        <source>%1 in %2 weeks, %3 a week on average</source>
        <translation>%1 in %2 Wochen, durchschnittlich %3 pro Woche</translation>
    </message>
    <message>
        <source>done that week</source>
        <translation>in dieser Woche erledigt</translation>
    </message>
    <message>
        <source>week starting</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>the axis&apos; date format (QDateTime::toString)</comment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>Deltaboard::GapModel</name>
    <message>
        <source>Regressed: it was fixed and verified, and crashes again in a fixed version</source>
        <translation>Regression: behoben und verifiziert, stürzt aber in einer korrigierten Version erneut ab</translation>
    </message>
    <message>
        <source>⟲ regressed · %1</source>
        <translation>⟲ Regression · %1</translation>
    </message>
    <message>
        <source>no organisation has ranked it</source>
        <translation>von keiner Organisation priorisiert</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Top impact</source>
        <translation>Höchste Auswirkung</translation>
    </message>
    <message>
        <source>Users affected</source>
        <translation>Betroffene Benutzer</translation>
    </message>
    <message>
        <source>Groups hurt</source>
        <translation>Betroffene Gruppen</translation>
    </message>
    <message>
        <source>How organisations rank it</source>
        <translation>Priorisierung durch Organisationen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::GapPage</name>
    <message>
        <source>Find in the gap: words of a title, or #id (Ctrl+F)</source>
        <translation>In der Zusagelücke suchen: Wörter eines Titels oder #ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Gap</source>
        <translation>Zusage&amp;lücke</translation>
    </message>
    <message>
        <source>Deltas that hurt users highly and that nobody has committed to</source>
        <translation>Deltas mit hoher Auswirkung auf Benutzer, für die niemand eine Zusage gegeben hat</translation>
    </message>
    <message>
        <source>Cannot count the gap: %1</source>
        <translation>Zusagelücke kann nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>%1 deltas in the gap</source>
        <translation>%1 Deltas in der Zusagelücke</translation>
    </message>
    <message>
        <source>Counting the gap…</source>
        <translation>Zusagelücke wird gezählt…</translation>
    </message>
</context>
<context>
    <name>Deltaboard::GapView</name>
    <message>
        <source>&amp;Commit…</source>
        <translation>&amp;Zusagen…</translation>
    </message>
    <message>
        <source>Commit the current organisation to the selected deltas (Ctrl+Enter)</source>
        <translation>Zusage der aktuellen Organisation für die ausgewählten Deltas erteilen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cannot compute the commitment gap: %1</source>
        <translation>Die Zusagelücke kann nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>No gap: every delta that hurts a user group highly has an open task in some organisation.</source>
        <translation>Keine Lücke: Für jedes Delta mit hoher Auswirkung auf eine Benutzergruppe gibt es eine offene Aufgabe in einer Organisation.</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Commitment gap&lt;/b&gt; — %1 open deltas hurt a user group highly (impact high or critical) and no organisation has an open task for them. Most impact first; select and commit.</source>
        <translation>&lt;b&gt;Zusagelücke&lt;/b&gt; — %1 offene Deltas treffen eine Benutzergruppe stark (Auswirkung hoch oder kritisch), und keine Organisation hat eine offene Aufgabe dafür. Größte Auswirkung zuerst; auswählen und zusagen.</translation>
    </message>
    <message>
        <source>The commitment gap</source>
        <translation>Die Zusagelücke</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImpactMatrixModel</name>
    <message>
        <source>%1: not assessed</source>
        <translation>%1: nicht bewertet</translation>
    </message>
    <message>
        <source>%1: %2, about %3 users affected</source>
        <translation>%1: %2, etwa %3 Benutzer betroffen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 users</source>
        <translation>%1: %2 Benutzer</translation>
    </message>
    <message>
        <source>%1: size not estimated</source>
        <translation>%1: Größe nicht geschätzt</translation>
    </message>
    <message>
        <source>Affected users estimated over all groups</source>
        <translation>Geschätzte betroffene Benutzer über alle Gruppen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>Users affected</source>
        <translation>Betroffene Benutzer</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImpactPage</name>
    <message>
        <source>Find in the heat map: words of a title, or #id (Ctrl+F)</source>
        <translation>In der Heatmap suchen: Wörter aus einem Titel oder #ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Impact</source>
        <translation>&amp;Auswirkung</translation>
    </message>
    <message>
        <source>Who is hurt: deltas by user group, and each group&apos;s coverage</source>
        <translation>Wer betroffen ist: Deltas nach Benutzergruppe und die Abdeckung jeder Gruppe</translation>
    </message>
    <message>
        <source>%1 open deltas with an impact</source>
        <translation>%1 offene Deltas mit Auswirkung</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImpactView</name>
    <message>
        <source>&lt;b&gt;Impact by user group&lt;/b&gt; — open deltas, heaviest first (each group&apos;s level weighted by its size). Type 0–4 on a cell to assess it, Delete to clear.</source>
        <translation>&lt;b&gt;Auswirkung nach Benutzergruppe&lt;/b&gt; – offene Deltas, die schwersten zuerst (Stufe jeder Gruppe gewichtet nach ihrer Größe). Geben Sie in einer Zelle 0–4 ein, um sie zu bewerten, oder drücken Sie Delete, um sie zu leeren.</translation>
    </message>
    <message>
        <source>Reading coverage…</source>
        <translation>Abdeckung wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the impact map: %1</source>
        <translation>Die Auswirkungsübersicht kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No user groups yet. Impact belongs to a user group: who is hurt. Create a demo workspace from the File menu to see one.</source>
        <translation>Noch keine Benutzergruppen. Auswirkung gehört zu einer Benutzergruppe: zu denen, die betroffen sind. Erstellen Sie über das Menü „Datei“ einen Demo-Arbeitsbereich, um ein Beispiel zu sehen.</translation>
    </message>
    <message>
        <source>No open delta has an impact assessment yet. Assess one in the Deltas view (Ctrl+2).</source>
        <translation>Noch kein offenes Delta hat eine Bewertung der Auswirkung. Bewerten Sie eines in der Ansicht „Deltas“ (Ctrl+2).</translation>
    </message>
    <message>
        <source>Coverage per user group: its impacted deltas by how far commitments got</source>
        <translation>Abdeckung pro Benutzergruppe: betroffene Deltas nach Fortschritt der Zusagen</translation>
    </message>
    <message>
        <source>Cannot read coverage: %1</source>
        <translation>Die Abdeckung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>uncommitted</source>
        <translation>ohne Zusage</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>zugesagt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>done, unverified</source>
        <translation>erledigt, nicht verifiziert</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>user group (impacted deltas)</source>
        <translation>Benutzergruppe (betroffene Deltas)</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>No user groups yet.</source>
        <translation>Noch keine Benutzergruppen.</translation>
    </message>
    <message>
        <source>Counts after each group are its impacted deltas (level low or above); a delta counts once per group, in the furthest stage any organisation&apos;s task reached. %1 of %2 group–delta pairs have no commitment at all.</source>
        <translation>Die Zahlen nach jeder Gruppe sind ihre betroffenen Deltas (Stufe niedrig oder höher); ein Delta zählt pro Gruppe einmal, und zwar in der weitesten Phase, die die Aufgabe irgendeiner Organisation erreicht hat. %1 von %2 Paaren aus Gruppe und Delta haben überhaupt keine Zusage.</translation>
    </message>
    <message>
        <source>Impact heat map</source>
        <translation>Heatmap der Auswirkung</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImportFilesPage</name>
    <message>
        <source>Exports to import</source>
        <translation>Zu importierende Exporte</translation>
    </message>
    <message>
        <source>Files of one tracker that belong together go in one run: Bugzilla bugs with their comments and history, Trac tickets with their comments, a Launchpad bug with its tasks and messages.</source>
        <translation>Zusammengehörige Dateien eines Trackers importieren Sie in einem Durchlauf: Bugzilla-Bugs mit ihren Kommentaren und ihrem Verlauf, Trac-Tickets mit ihren Kommentaren, einen Launchpad-Bug mit seinen Aufgaben und Nachrichten.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add Exports</source>
        <translation>Exporte hinzufügen</translation>
    </message>
    <message>
        <source>Tracker exports (*.json *.jsonl *.xml *.csv);;All files (*)</source>
        <translation>Tracker-Exporte (*.json *.jsonl *.xml *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a Large Export?</source>
        <translation>Großen Export importieren?</translation>
    </message>
    <message>
        <source>These files are %1 together. The import reads them whole into memory and can take minutes; the window stays usable and Cancel leaves the database as it was.

Import them anyway?</source>
        <translation>Diese Dateien sind zusammen %1 groß. Der Import liest sie vollständig in den Speicher und kann Minuten dauern; das Fenster bleibt bedienbar, und „Abbrechen“ lässt die Datenbank unverändert.

Trotzdem importieren?</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImportPreviewPage</name>
    <message>
        <source>Organisations and preview</source>
        <translation>Organisationen und Vorschau</translation>
    </message>
    <message>
        <source>Nothing is written yet: this is the whole import, done and rolled back.</source>
        <translation>Noch wird nichts geschrieben: Dies ist der vollständige Import, ausgeführt und wieder zurückgenommen.</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>as named in the export</source>
        <translation>wie im Export benannt</translation>
    </message>
    <message>
        <source>&amp;Update Preview</source>
        <translation>Vorschau akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Jira priorities become this organisation&apos;s priorities, a Trello board becomes its board (new organisations are created). Empty: Trello boards by their own name.</source>
        <translation>Jira-Prioritäten werden zu den Prioritäten dieser Organisation, ein Trello-Board wird zu ihrem Board (neue Organisationen werden erstellt). Leer: Trello-Boards unter ihrem eigenen Namen.</translation>
    </message>
    <message>
        <source>Launchpad targets: each bug task becomes a task of the organisation chosen for its target, with its importance as that organisation&apos;s priority.</source>
        <translation>Launchpad-Ziele: Jeder Bug-Task wird zu einer Aufgabe der für sein Ziel gewählten Organisation, mit seiner Wichtigkeit als Priorität dieser Organisation.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Priorities, statuses and CSV columns: what each becomes here (the defaults are chosen by name).</source>
        <translation>Prioritäten, Status und CSV-Spalten: was jeweils daraus wird (die Vorgaben werden anhand des Namens gewählt).</translation>
    </message>
    <message>
        <source>In the export</source>
        <translation>Im Export</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImportResultPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ImportWizard</name>
    <message>
        <source>Import from Other Trackers</source>
        <translation>Aus anderen Trackern importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <source>Not an export this importer reads (GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac, Trello)</source>
        <translation>Kein Export, den dieser Import lesen kann (GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac, Trello)</translation>
    </message>
    <message>
        <source>Not recognised: %1. Remove it to go on; the formats read are GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac and Trello exports.</source>
        <translation>Nicht erkannt: %1. Entfernen Sie die Datei, um fortzufahren; gelesen werden Exporte aus GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac und Trello.</translation>
    </message>
    <message>
        <source>The %1 changed: Update Preview (Alt+U) shows what it does.</source>
        <translation>Die %1 wurde geändert: „Vorschau aktualisieren“ (Alt+U) zeigt die Auswirkungen.</translation>
    </message>
    <message>
        <source>mapping</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Untriaged</source>
        <translation>Nicht eingestuft</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>Priority &quot;%1&quot;</source>
        <translation>Priorität „%1“</translation>
    </message>
    <message>
        <source>No task (rejected)</source>
        <translation>Keine Aufgabe (abgelehnt)</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot;</source>
        <translation>Spalte „%1“</translation>
    </message>
    <message>
        <source>Launchpad status &quot;%1&quot;</source>
        <translation>Launchpad-Status „%1“</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>CSV field: %1</source>
        <translation>CSV-Feld: %1</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>%1 of %2 will import as follows.</source>
        <translation>Importvorschau für %1 von %2:</translation>
    </message>
    <message>
        <source>Imported %1 of %2.</source>
        <translation>%1 von %2 importiert.</translation>
    </message>
    <message>
        <source>Organisation priorities set: %1.</source>
        <translation>Gesetzte Organisationsprioritäten: %1.</translation>
    </message>
    <message>
        <source>Pull requests skipped: %1.</source>
        <translation>Übersprungene Pull-Requests: %1.</translation>
    </message>
    <message>
        <source>New organisations: %1.</source>
        <translation>Neue Organisationen: %1.</translation>
    </message>
    <message>
        <source>Organisations created: %1.</source>
        <translation>Erstellte Organisationen: %1.</translation>
    </message>
    <message>
        <source>Delta records</source>
        <translation>Delta-Einträge</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>No warnings: every value found its place.</source>
        <translation>Keine Warnungen: Jeder Wert wurde zugeordnet.</translation>
    </message>
    <message>
        <source>Warnings (%1): values mapped to a default, records skipped.</source>
        <translation>Warnungen (%1): Werte auf Standard gesetzt, Einträge übersprungen.</translation>
    </message>
    <message>
        <source>Reading the exports…</source>
        <translation>Exporte werden gelesen…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message numerus="yes">
        <source>Previewing the import of %n file(s)…</source>
        <translation>
            <numerusform>Vorschau auf den Import von %n Datei…</numerusform>
            <numerusform>Vorschau auf den Import von %n Dateien…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the file or remove it (Back), then Update Preview.</source>
        <translation>Korrigieren oder entfernen Sie die Datei (Zurück) und aktualisieren Sie dann die Vorschau.</translation>
    </message>
    <message>
        <source>Nothing was written; Back returns to the preview.</source>
        <translation>Es wurde nichts geschrieben; „Zurück“ führt zur Vorschau.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::LabelDialog</name>
    <message>
        <source>Labels of %1</source>
        <translation>Labels von %1</translation>
    </message>
    <message>
        <source>New label, then Enter</source>
        <translation>Neues Label, dann Eingabetaste</translation>
    </message>
    <message>
        <source>No labels yet: type a name below to make one.</source>
        <translation>Noch keine Labels: Geben Sie unten einen Namen ein, um eines anzulegen.</translation>
    </message>
    <message>
        <source>Check the labels it has; type a new name to make one.</source>
        <translation>Haken Sie die zutreffenden Labels an; geben Sie einen neuen Namen ein, um eines anzulegen.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::LiveSync</name>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>● Live as %1</source>
        <translation>● Live als %1</translation>
    </message>
    <message>
        <source>Connected to %1: colleagues&apos; changes appear as they make them.</source>
        <translation>Verbunden mit %1: Änderungen von Kollegen erscheinen sofort.</translation>
    </message>
    <message>
        <source>◌ Reconnecting…</source>
        <translation>◌ Erneut verbinden…</translation>
    </message>
    <message>
        <source>%1. Trying again; changes cannot be saved meanwhile.</source>
        <translation>%1. Neuer Versuch läuft; Änderungen können währenddessen nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>○ Offline — read-only</source>
        <translation>○ Offline — schreibgeschützt</translation>
    </message>
    <message>
        <source>%1. Still trying; what you see may be out of date, and changes cannot be saved until the connection is back.</source>
        <translation>%1. Neue Versuche laufen; die Anzeige ist möglicherweise veraltet, und Änderungen können erst wieder gespeichert werden, wenn die Verbindung besteht.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::MainWindow</name>
    <message>
        <source>%1 — Deltaboard</source>
        <translation>%1 — Deltaboard</translation>
    </message>
    <message>
        <source>The organisation whose board and priorities you see</source>
        <translation>Die Organisation, deren Board und Prioritäten angezeigt werden</translation>
    </message>
    <message>
        <source>Set up organisations, boards, user groups and components any time in Edit › Workspace Settings (Ctrl+,)</source>
        <translation>Organisationen, Boards, Benutzergruppen und Komponenten können Sie jederzeit unter Bearbeiten › Arbeitsbereich-Einstellungen (Ctrl+,) einrichten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Database…</source>
        <translation>Mit &amp;Team-Datenbank verbinden…</translation>
    </message>
    <message>
        <source>Open a Deltaboard database on a PostgreSQL server</source>
        <translation>Eine Deltaboard-Datenbank auf einem PostgreSQL-Server öffnen</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>Deltaboard databases (*.sqlite)</source>
        <translation>Deltaboard-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Create &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>JSON e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>JSON &amp;importieren…</translation>
    </message>
    <message>
        <source>Import from &amp;Other Trackers…</source>
        <translation>Aus &amp;anderen Trackern importieren…</translation>
    </message>
    <message>
        <source>GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac and Trello exports</source>
        <translation>Exporte aus GitHub, Launchpad, Bugzilla, Redmine, Jira, Trac und Trello</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wie&amp;derherstellen</translation>
    </message>
    <message>
        <source>Undo &amp;History…</source>
        <translation>Änderungs&amp;verlauf…</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>&lt;opened %1&gt;</source>
        <translation>&lt;%1 geöffnet&gt;</translation>
    </message>
    <message>
        <source>&amp;Workspace Settings…</source>
        <translation>&amp;Arbeitsbereich-Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>B&amp;oard</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>&amp;Delta</source>
        <translation>De&amp;lta</translation>
    </message>
    <message>
        <source>&amp;New Delta…</source>
        <translation>&amp;Neues Delta…</translation>
    </message>
    <message>
        <source>&amp;Commit…</source>
        <translation>&amp;Zusagen…</translation>
    </message>
    <message>
        <source>Commit the current organisation to the selected deltas</source>
        <translation>Zusage der aktuellen Organisation für die ausgewählten Deltas erteilen</translation>
    </message>
    <message>
        <source>Select a delta in the Deltas view (Ctrl+2) first.</source>
        <translation>Wählen Sie zuerst ein Delta in der Deltas-Ansicht (Ctrl+2) aus.</translation>
    </message>
    <message>
        <source>&amp;Edit Delta…</source>
        <translation>Delta &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>&amp;Relate To…</source>
        <translation>&amp;Verknüpfen mit…</translation>
    </message>
    <message>
        <source>Set &amp;State</source>
        <translation>&amp;Status setzen</translation>
    </message>
    <message>
        <source>&amp;Confirmed</source>
        <translation>&amp;Bestätigt</translation>
    </message>
    <message>
        <source>&amp;Disputed</source>
        <translation>Be&amp;stritten</translation>
    </message>
    <message>
        <source>D&amp;eclined</source>
        <translation>&amp;Abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>&amp;Gelöst</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Duplicate &amp;Of…</source>
        <translation>&amp;Duplikat von…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Switch &amp;Organisation</source>
        <translation>&amp;Organisation wechseln</translation>
    </message>
    <message>
        <source>No organisations yet</source>
        <translation>Noch keine Organisationen</translation>
    </message>
    <message>
        <source>Read-only until the connection is back</source>
        <translation>Schreibgeschützt, bis die Verbindung wiederhergestellt ist</translation>
    </message>
    <message>
        <source>Read-only: only members of %1 change its board and priorities</source>
        <translation>Schreibgeschützt: Nur Mitglieder von %1 können deren Board und Prioritäten ändern</translation>
    </message>
    <message>
        <source>There is no delta or task #%1.</source>
        <translation>Es gibt kein Delta und keine Aufgabe #%1.</translation>
    </message>
    <message>
        <source>#id and Enter: open that delta or task</source>
        <translation>#ID und Enter: dieses Delta bzw. diese Aufgabe öffnen</translation>
    </message>
    <message>
        <source>The change was given up; nothing was written.</source>
        <translation>Die Änderung wurde verworfen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Deltaboard</source>
        <translation>Deltaboard</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Deltaboard databases (*.sqlite);;All files (*)</source>
        <translation>Deltaboard-Datenbanken (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Deltaboard</source>
        <translation>Ü&amp;ber Deltaboard</translation>
    </message>
    <message>
        <source>About Deltaboard</source>
        <translation>Über Deltaboard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deltaboard %1&lt;/h3&gt;&lt;p&gt;A work tracker that keeps reports (deltas) apart from commitments (tasks).&lt;/p&gt;&lt;p&gt;Everything the app does is also in &lt;tt&gt;deltaboard-cli&lt;/tt&gt;; &lt;tt&gt;man deltaboard-cli&lt;/tt&gt; lists it.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deltaboard %1&lt;/h3&gt;&lt;p&gt;Eine Aufgabenverwaltung, die Meldungen (Deltas) von Zusagen (Aufgaben) trennt.&lt;/p&gt;&lt;p&gt;Alles, was die App kann, kann auch &lt;tt&gt;deltaboard-cli&lt;/tt&gt;; &lt;tt&gt;man deltaboard-cli&lt;/tt&gt; listet es auf.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::NewCardDialog</name>
    <message>
        <source>New Card in %1</source>
        <translation>Neue Karte in %1</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Was getan wird</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Title words or #id of the deltas it serves</source>
        <translation>Titelwörter oder #ID der Deltas, denen sie dient</translation>
    </message>
    <message>
        <source>Tick the deltas this card answers. A card that serves none is a chore: allowed, and shown as such.</source>
        <translation>Kreuzen Sie die Deltas an, auf die diese Karte eingeht. Eine Karte, die keinem dient, ist Routinearbeit: erlaubt und als solche gekennzeichnet.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>&amp;Zuständig:</translation>
    </message>
    <message>
        <source>&amp;Serves:</source>
        <translation>&amp;Dient:</translation>
    </message>
    <message>
        <source>Add Card</source>
        <translation>Karte hinzufügen</translation>
    </message>
    <message>
        <source>Record a New Delta…</source>
        <translation>Neues Delta erfassen…</translation>
    </message>
    <message>
        <source>The report this card answers is not recorded yet: record it, and it is linked</source>
        <translation>Der Bericht, auf den diese Karte eingeht, ist noch nicht erfasst: Erfassen Sie ihn, dann wird er verknüpft</translation>
    </message>
    <message>
        <source>No delta matches.</source>
        <translation>Kein Delta passt.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::PrioritiesPage</name>
    <message>
        <source>Find in the ranking: words of a title, or #id (Ctrl+F)</source>
        <translation>In der Rangfolge suchen: Wörter eines Titels oder #ID (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Priorities</source>
        <translation>&amp;Prioritäten</translation>
    </message>
    <message>
        <source>This organisation&apos;s ranking, side by side with another&apos;s</source>
        <translation>Rangfolge dieser Organisation, neben der einer anderen</translation>
    </message>
    <message>
        <source>%1 deltas in the list</source>
        <translation>%1 Deltas in der Liste</translation>
    </message>
</context>
<context>
    <name>Deltaboard::PrioritiesView</name>
    <message>
        <source>Show another organisation&apos;s priorities side by side</source>
        <translation>Prioritäten einer anderen Organisation daneben anzeigen</translation>
    </message>
    <message>
        <source>Only deltas one organisation ranks critical or high and the other low, untriaged or not at all</source>
        <translation>Nur Deltas, die eine Organisation als kritisch oder hoch einstuft und die andere als niedrig, nicht eingestuft oder gar nicht</translation>
    </message>
    <message>
        <source>Drag or Ctrl+↑/↓ to re-rank · 0–4 sets priority · Del clears · Enter opens</source>
        <translation>Ziehen oder Ctrl+↑/↓ zum Umordnen · 0–4 setzt Priorität · Del entfernt · Enter öffnet</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>&amp;Vergleichen mit:</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <source>%1&apos;s ranking</source>
        <translation>Rangfolge von %1</translation>
    </message>
    <message>
        <source>&amp;Strong disagreements only (%1)</source>
        <translation>Nur &amp;starke Abweichungen (%1)</translation>
    </message>
    <message>
        <source>&amp;Strong disagreements only</source>
        <translation>Nur &amp;starke Abweichungen</translation>
    </message>
    <message>
        <source>Cannot read the ranking: %1</source>
        <translation>Rangfolge kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There are no organisations yet. Create a demo workspace from the File menu, or import from another tracker.</source>
        <translation>Es gibt noch keine Organisationen. Erstellen Sie über das Menü „Datei“ einen Demo-Arbeitsbereich oder importieren Sie aus einem anderen Tracker.</translation>
    </message>
    <message>
        <source>No strong disagreements: the two organisations broadly agree.</source>
        <translation>Keine starken Abweichungen: Die beiden Organisationen sind sich weitgehend einig.</translation>
    </message>
    <message>
        <source>Nothing ranked yet. Give deltas a priority in the Deltas view (Ctrl+2), or type 0–4 on a delta here once it is listed.</source>
        <translation>Noch nichts eingeordnet. Vergeben Sie in der Deltas-Ansicht (Ctrl+2) Prioritäten für Deltas oder tippen Sie hier 0–4 auf einem aufgelisteten Delta.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::PriorityRankingModel</name>
    <message>
        <source>%1 says %2, %3 says %4</source>
        <translation>%1 sagt %2, %3 sagt %4</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Place in %1&apos;s ranking</source>
        <translation>Platz in der Rangfolge von %1</translation>
    </message>
    <message>
        <source>%1&apos;s priority (editable)</source>
        <translation>Priorität von %1 (bearbeitbar)</translation>
    </message>
    <message>
        <source>%1&apos;s priority</source>
        <translation>Priorität von %1</translation>
    </message>
    <message>
        <source>The highest impact on any user group</source>
        <translation>Die höchste Auswirkung auf eine Benutzergruppe</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>(compare with…)</source>
        <translation>(vergleichen mit…)</translation>
    </message>
    <message>
        <source>Top impact</source>
        <translation>Höchste Auswirkung</translation>
    </message>
</context>
<context>
    <name>Deltaboard::RelationDialog</name>
    <message>
        <source>Relate #%1</source>
        <translation>#%1 verknüpfen</translation>
    </message>
    <message>
        <source>Words of its title, or #id</source>
        <translation>Wörter aus dem Titel oder #ID</translation>
    </message>
    <message>
        <source>&amp;Is:</source>
        <translation>&amp;Beziehung:</translation>
    </message>
    <message>
        <source>&amp;Delta:</source>
        <translation>&amp;Delta:</translation>
    </message>
    <message>
        <source>Relate</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <source>Relates #%1 %2 &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Verknüpft #%1 %2 &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No delta matches “%1”.</source>
        <translation>Kein Delta passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::SavedViewActions</name>
    <message>
        <source>Saved &amp;Views</source>
        <translation>Gespeicherte &amp;Ansichten</translation>
    </message>
    <message>
        <source>&amp;Save Current Filter As…</source>
        <translation>Aktuellen Filter &amp;speichern unter…</translation>
    </message>
    <message>
        <source>No saved views for this organisation</source>
        <translation>Keine gespeicherten Ansichten für diese Organisation</translation>
    </message>
    <message>
        <source>board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>deltas</source>
        <translation>Deltas</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Saved views keep the Deltas view&apos;s or the board&apos;s filter: open one of them first.</source>
        <translation>Gespeicherte Ansichten sichern den Filter der Delta-Ansicht oder des Boards: Öffnen Sie zuerst eine der beiden.</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <source>Name (saving under a name in use replaces it):</source>
        <translation>Name (eine Ansicht gleichen Namens wird ersetzt):</translation>
    </message>
    <message>
        <source>View “%1”</source>
        <translation>Ansicht „%1“</translation>
    </message>
</context>
<context>
    <name>Deltaboard::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action with keys. Tab moves between the parts of a view; on the board, the arrow keys move between cards and columns.</source>
        <translation>Alle Aktionen mit Tastenkürzel. Tab wechselt zwischen den Teilen einer Ansicht; auf dem Board wechseln die Pfeiltasten zwischen Karten und Spalten.</translation>
    </message>
    <message>
        <source>Find an action or a key…</source>
        <translation>Aktion oder Taste suchen…</translation>
    </message>
    <message>
        <source>Find an action or a key</source>
        <translation>Aktion oder Taste suchen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Deltaboard::SwimlaneGrid</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Keine Priorität</translation>
    </message>
    <message>
        <source>No group assessed</source>
        <translation>Keine Gruppe bewertet</translation>
    </message>
    <message>
        <source>No component</source>
        <translation>Keine Komponente</translation>
    </message>
    <message>
        <source>New card in %1 (N)</source>
        <translation>Neue Karte in %1 (N)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1  ·  1 card</source>
        <translation>%1  ·  1 Karte</translation>
    </message>
    <message>
        <source>%1  ·  %2 cards</source>
        <translation>%1  ·  %2 Karten</translation>
    </message>
</context>
<context>
    <name>Deltaboard::TaskEditor</name>
    <message>
        <source>Nobody yet</source>
        <translation>Noch niemand</translation>
    </message>
    <message>
        <source>What will be done, and how we will know it is done.</source>
        <translation>Was getan wird und woran wir erkennen, dass es erledigt ist.</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>Kommentar hinzufügen…</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Zuständige(r):</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Deltas this task is for</source>
        <translation>Deltas, für die diese Aufgabe gilt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Link Delta…</source>
        <translation>Delta verknüpfen…</translation>
    </message>
    <message>
        <source>Fix records (done means verified, not merged)</source>
        <translation>Korrektureinträge (erledigt heißt überprüft, nicht nur zusammengeführt)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Zweig</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Deployed to</source>
        <translation>Bereitgestellt auf</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Überprüft</translation>
    </message>
    <message>
        <source>Add Fix Record…</source>
        <translation>Korrektureintrag hinzufügen…</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Add Comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>&lt;b&gt;This task no longer exists.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Diese Aufgabe existiert nicht mehr.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read this task:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Diese Aufgabe kann nicht gelesen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>Zuständige(r)</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed by %1&lt;/b&gt; while you were typing (%2). What you typed is kept and saved over theirs when you close; Escape takes theirs.</source>
        <translation>&lt;b&gt;Von %1 geändert&lt;/b&gt;, während Sie tippten (%2). Ihre Eingabe bleibt erhalten und wird beim Schließen darüber gespeichert; mit Escape übernehmen Sie die Fassung von %1.</translation>
    </message>
    <message>
        <source>Task %1 — %2</source>
        <translation>Aufgabe %1 — %2</translation>
    </message>
    <message>
        <source>column &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Spalte &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>committed %1</source>
        <translation>zugesagt: %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>begonnen: %1</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>erledigt: %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Noch keine Kommentare.</translation>
    </message>
    <message>
        <source>task #%1</source>
        <translation>Aufgabe #%1</translation>
    </message>
    <message>
        <source>Link Delta</source>
        <translation>Delta verknüpfen</translation>
    </message>
    <message>
        <source>Delta id:</source>
        <translation>Delta-ID:</translation>
    </message>
    <message>
        <source>Delta %1 is already linked to this task.</source>
        <translation>Delta %1 ist bereits mit dieser Aufgabe verknüpft.</translation>
    </message>
    <message>
        <source>A task is a commitment to at least one delta; link another before removing this one.</source>
        <translation>Eine Aufgabe ist eine Zusage zu mindestens einem Delta; verknüpfen Sie ein anderes, bevor Sie dieses entfernen.</translation>
    </message>
    <message>
        <source>Add Fix Record</source>
        <translation>Korrektureintrag hinzufügen</translation>
    </message>
    <message>
        <source>Verified there now</source>
        <translation>Dort jetzt überprüft</translation>
    </message>
    <message>
        <source>commit id</source>
        <translation>Commit-ID</translation>
    </message>
    <message>
        <source>first version with the fix</source>
        <translation>erste Version mit der Korrektur</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Zweig:</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Deployed to:</source>
        <translation>Bereitgestellt auf:</translation>
    </message>
    <message>
        <source>Fix records</source>
        <translation>Korrektureinträge</translation>
    </message>
</context>
<context>
    <name>Deltaboard::TeamDatabaseDialog</name>
    <message>
        <source>None yet: a team database you open is listed here.</source>
        <translation>Noch keine: Hier erscheinen die Team-Datenbanken, die Sie öffnen.</translation>
    </message>
    <message>
        <source>Connect to Team Database</source>
        <translation>Mit Team-Datenbank verbinden</translation>
    </message>
    <message>
        <source>this computer (local socket)</source>
        <translation>dieser Rechner (lokaler Socket)</translation>
    </message>
    <message>
        <source>e.g. deltaboard</source>
        <translation>z. B. deltaboard</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>Ihr Anmeldename</translation>
    </message>
    <message>
        <source>No password is asked for or stored here: libpq reads it from ~/.pgpass or PGPASSWORD, or the whole connection from a PGSERVICE entry. A URL with a password in it is refused.</source>
        <translation>Hier wird kein Passwort abgefragt oder gespeichert: libpq liest es aus ~/.pgpass oder PGPASSWORD, oder die gesamte Verbindung aus einem PGSERVICE-Eintrag. Eine URL mit Passwort wird abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>or paste a &amp;URL:</source>
        <translation>oder eine &amp;URL einfügen:</translation>
    </message>
    <message>
        <source>A team database URL starts with postgresql:// (as in postgresql://user@host:5432/deltaboard)</source>
        <translation>Die URL einer Team-Datenbank beginnt mit postgresql:// (wie in postgresql://user@host:5432/deltaboard)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>&amp;Create Schema and Connect</source>
        <translation>Schema &amp;anlegen und verbinden</translation>
    </message>
</context>
<context>
    <name>Deltaboard::TransferActions</name>
    <message>
        <source>Creating a demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird erstellt…</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>JSON exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Import JSON</source>
        <translation>JSON importieren</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>%1: the directory holds no files</source>
        <translation>%1: Das Verzeichnis enthält keine Dateien</translation>
    </message>
    <message>
        <source>
Nothing was stored.</source>
        <translation>
Es wurde nichts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>No crash texts to file: skipped %n file(s) that are not crash texts.</source>
        <translation>
            <numerusform>Keine Absturztexte zum Erfassen: %n Datei übersprungen, die kein Absturztext ist.</numerusform>
            <numerusform>Keine Absturztexte zum Erfassen: %n Dateien übersprungen, die keine Absturztexte sind.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Skipped %n file(s) that are not crash texts: %1.</source>
        <translation>
            <numerusform> %n Datei übersprungen, die kein Absturztext ist: %1.</numerusform>
            <numerusform> %n Dateien übersprungen, die keine Absturztexte sind: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n crash report(s)…</source>
        <translation>
            <numerusform>%n Absturzbericht wird gelesen…</numerusform>
            <numerusform>%n Absturzberichte werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 crash reports filed: %2 new crash deltas, %3 added to known signatures.</source>
        <translation>%1 Absturzberichte erfasst: %2 neue Absturz-Deltas, %3 zu bekannten Signaturen hinzugefügt.</translation>
    </message>
    <message>
        <source> Nothing was stored.</source>
        <translation> Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Imported: %1 new and %2 updated delta records, %3 new tasks, %4 new comments.</source>
        <translation>Importiert: %1 neue und %2 aktualisierte Delta-Datensätze, %3 neue Aufgaben, %4 neue Kommentare.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::WelcomePanel</name>
    <message>
        <source>&lt;h2&gt;Welcome to Deltaboard&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Deltaboard&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Deltaboard keeps &lt;b&gt;reports&lt;/b&gt; (defects, crashes, specs: what differs from what someone wants) apart from &lt;b&gt;commitments&lt;/b&gt; (the cards on your organisation&apos;s board). Set up your workspace below; everything here can be changed later in &lt;i&gt;Workspace Settings&lt;/i&gt; (Ctrl+,).</source>
        <translation>Deltaboard hält &lt;b&gt;Meldungen&lt;/b&gt; (Fehler, Abstürze, Spezifikationen: wo etwas von dem abweicht, was jemand möchte) getrennt von &lt;b&gt;Zusagen&lt;/b&gt; (den Karten auf dem Board Ihrer Organisation). Richten Sie unten Ihren Arbeitsbereich ein; alles hier lässt sich später unter &lt;i&gt;Arbeitsbereichseinstellungen&lt;/i&gt; (Ctrl+,) ändern.</translation>
    </message>
    <message>
        <source>e.g. Kestrel Systems</source>
        <translation>z. B. Kestrel Systems</translation>
    </message>
    <message>
        <source>Kanban — Backlog, Ready, In progress, Review, Done</source>
        <translation>Kanban — Backlog, Bereit, In Arbeit, Review, Erledigt</translation>
    </message>
    <message>
        <source>Simple — To do, Doing, Done</source>
        <translation>Einfach — Offen, In Arbeit, Erledigt</translation>
    </message>
    <message>
        <source>Optional, one per line with its size:
AMD GPU users, 1200
Laptop users, 300</source>
        <translation>Optional, eine pro Zeile mit ihrer Größe:
AMD-GPU-Benutzer, 1200
Laptop-Benutzer, 300</translation>
    </message>
    <message>
        <source>Optional, separated by commas: driver-amd, installer</source>
        <translation>Optional, durch Kommas getrennt: driver-amd, installer</translation>
    </message>
    <message>
        <source>Your &amp;organisation:</source>
        <translation>Ihre &amp;Organisation:</translation>
    </message>
    <message>
        <source>Its &amp;board:</source>
        <translation>Zugehöriges &amp;Board:</translation>
    </message>
    <message>
        <source>&amp;User groups:</source>
        <translation>Ben&amp;utzergruppen:</translation>
    </message>
    <message>
        <source>&amp;Components:</source>
        <translation>&amp;Komponenten:</translation>
    </message>
    <message>
        <source>Create Workspace</source>
        <translation>Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <source>Try the Demo Workspace</source>
        <translation>Demo-Arbeitsbereich ausprobieren</translation>
    </message>
    <message>
        <source>Import from Another Tracker…</source>
        <translation>Aus anderem Tracker importieren…</translation>
    </message>
    <message>
        <source>Skip for Now</source>
        <translation>Vorerst überspringen</translation>
    </message>
    <message>
        <source>User groups, line %1: expected &quot;name, number of users&quot;; %2 is not a number</source>
        <translation>Benutzergruppen, Zeile %1: „Name, Anzahl der Benutzer“ erwartet; %2 ist keine Zahl</translation>
    </message>
    <message>
        <source>User groups, line %1: the group needs a name</source>
        <translation>Benutzergruppen, Zeile %1: Die Gruppe braucht einen Namen</translation>
    </message>
    <message>
        <source>Your organisation needs a name: the team whose board this is.</source>
        <translation>Ihre Organisation braucht einen Namen: das Team, dem dieses Board gehört.</translation>
    </message>
    <message>
        <source>Set up workspace %1</source>
        <translation>Arbeitsbereich %1 einrichten</translation>
    </message>
    <message>
        <source>The workspace could not be created; see the message above.</source>
        <translation>Der Arbeitsbereich konnte nicht erstellt werden; siehe die Meldung oben.</translation>
    </message>
</context>
<context>
    <name>Deltaboard::WorkspaceSettingsDialog</name>
    <message>
        <source>Workspace Settings</source>
        <translation>Einstellungen des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>&amp;Organisationen</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Board</translation>
    </message>
    <message>
        <source>&amp;User Groups</source>
        <translation>Ben&amp;utzergruppen</translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation>&amp;Komponenten</translation>
    </message>
    <message>
        <source>Every change is saved at once and can be undone (Ctrl+Z).</source>
        <translation>Jede Änderung wird sofort gespeichert und lässt sich rückgängig machen (Ctrl+Z).</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Kanban board</source>
        <translation>Kanban-Board</translation>
    </message>
    <message>
        <source>Simple board</source>
        <translation>Einfaches Board</translation>
    </message>
    <message>
        <source>New organisation&apos;s name</source>
        <translation>Name der neuen Organisation</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rename Organisation</source>
        <translation>Organisation umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Each organisation has its own board and its own priorities. One that owns tasks or has set priorities cannot be removed.</source>
        <translation>Jede Organisation hat ihr eigenes Board und ihre eigenen Prioritäten. Eine Organisation, der Aufgaben gehören oder die Prioritäten festgelegt hat, kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>WIP limit</source>
        <translation>WIP-Limit</translation>
    </message>
    <message>
        <source>Starts work</source>
        <translation>Arbeitsbeginn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Double-click a name or a WIP limit to change it; an empty WIP limit means none. Entering a column that starts work starts a card&apos;s cycle time; entering a done column finishes it.</source>
        <translation>Doppelklicken Sie zum Ändern auf einen Namen oder ein WIP-Limit; ein leeres WIP-Limit bedeutet keines. Kommt eine Karte in eine Spalte, die die Arbeit beginnt, startet ihre Durchlaufzeit; kommt sie in eine Erledigt-Spalte, endet sie.</translation>
    </message>
    <message>
        <source>Move Left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <source>Move Right</source>
        <translation>Nach rechts</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Board of:</source>
        <translation>Board von:</translation>
    </message>
    <message>
        <source>Done cards leave the board after:</source>
        <translation>Erledigte Karten verlassen das Board nach:</translation>
    </message>
    <message>
        <source>New column&apos;s name (it goes before the done column)</source>
        <translation>Name der neuen Spalte (kommt vor die Erledigt-Spalte)</translation>
    </message>
    <message>
        <source>Add Column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>A WIP limit is a whole number of at least 1, or empty for none.</source>
        <translation>Ein WIP-Limit ist eine ganze Zahl ab 1 oder leer für keines.</translation>
    </message>
    <message>
        <source>Remove Column</source>
        <translation>Spalte entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Column %1 holds %n card(s). Where do they go?</source>
        <translation>
            <numerusform>Spalte %1 enthält %n Karte. Wohin soll sie?</numerusform>
            <numerusform>Spalte %1 enthält %n Karten. Wohin sollen sie?</numerusform>
        </translation>
    </message>
    <message>
        <source>User group</source>
        <translation>Benutzergruppe</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Components used</source>
        <translation>Verwendete Komponenten</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source> users</source>
        <translation> Benutzer</translation>
    </message>
    <message>
        <source>Who is hurt by a delta. A group&apos;s size weighs the impact on it; a group no impact is assessed for can be removed.</source>
        <translation>Wer von einem Delta betroffen ist. Die Größe einer Gruppe gewichtet die Auswirkung auf sie; eine Gruppe, für die keine Auswirkung bewertet ist, kann entfernt werden.</translation>
    </message>
    <message>
        <source>New user group&apos;s name</source>
        <translation>Name der neuen Benutzergruppe</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>A group&apos;s size is a number of users, or empty.</source>
        <translation>Die Größe einer Gruppe ist eine Anzahl von Benutzern oder leer.</translation>
    </message>
    <message>
        <source>Components (parts of the code):</source>
        <translation>Komponenten (Teile des Codes):</translation>
    </message>
    <message>
        <source>User groups that use it:</source>
        <translation>Benutzergruppen, die sie verwenden:</translation>
    </message>
    <message>
        <source>New component&apos;s name</source>
        <translation>Name der neuen Komponente</translation>
    </message>
    <message>
        <source>Add Component</source>
        <translation>Komponente hinzufügen</translation>
    </message>
</context>
<context>
    <name>Deltaboard::WriteContention</name>
    <message>
        <source>Waiting for another program writing to this database to finish…</source>
        <translation>Warten auf ein anderes Programm, das in diese Datenbank schreibt…</translation>
    </message>
    <message>
        <source>Deltaboard</source>
        <translation>Deltaboard</translation>
    </message>
    <message>
        <source>Your change is not saved yet: another program is writing to this database.</source>
        <translation>Ihre Änderung ist noch nicht gespeichert: Ein anderes Programm schreibt gerade in diese Datenbank.</translation>
    </message>
    <message>
        <source>Try again once it is done (an import can take a minute), or give the change up.</source>
        <translation>Versuchen Sie es erneut, sobald es fertig ist (ein Import kann eine Minute dauern), oder verwerfen Sie die Änderung.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Give Up the Change</source>
        <translation>Änderung verwerfen</translation>
    </message>
</context>
<context>
    <name>HistoryFormatter</name>
    <message>
        <source>priority (%1)</source>
        <translation>Priorität (%1)</translation>
    </message>
    <message>
        <source>rank (%1)</source>
        <translation>Rang (%1)</translation>
    </message>
    <message>
        <source>impact (%1)</source>
        <translation>Auswirkung (%1)</translation>
    </message>
    <message>
        <source>affected users (%1)</source>
        <translation>betroffene Benutzer (%1)</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>reporter</source>
        <translation>Melder</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>found in</source>
        <translation>gefunden in</translation>
    </message>
    <message>
        <source>fixed in</source>
        <translation>behoben in</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>Erwünschtes</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>Tatsächliches</translation>
    </message>
    <message>
        <source>details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>wip limit</source>
        <translation>WIP-Limit</translation>
    </message>
    <message>
        <source>position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>recorded this %1</source>
        <translation>hat dies erfasst (%1)</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>created the task</source>
        <translation>hat die Aufgabe angelegt</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>hat %1 angelegt</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>hat %1 gelöscht</translation>
    </message>
    <message>
        <source>put it back</source>
        <translation>hat es wiederhergestellt</translation>
    </message>
    <message>
        <source>removed a comment</source>
        <translation>hat einen Kommentar entfernt</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>hat kommentiert</translation>
    </message>
    <message>
        <source>put in %1</source>
        <translation>in %1 gelegt</translation>
    </message>
    <message>
        <source>moved from %1 to %2</source>
        <translation>von %1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>priority for %1: %2 → %3</source>
        <translation>Priorität für %1: %2 → %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>re-ranked for %1</source>
        <translation>für %1 neu eingereiht</translation>
    </message>
    <message>
        <source>impact on %1: %2 → %3</source>
        <translation>Auswirkung auf %1: %2 → %3</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>affected users in %1: %2 → %3</source>
        <translation>betroffene Benutzer in %1: %2 → %3</translation>
    </message>
    <message>
        <source>no longer %1 #%2</source>
        <translation>nicht mehr %1 #%2</translation>
    </message>
    <message>
        <source>now %1 #%2</source>
        <translation>jetzt %1 #%2</translation>
    </message>
    <message>
        <source>label %1 taken off</source>
        <translation>Label %1 entfernt</translation>
    </message>
    <message>
        <source>labelled %1</source>
        <translation>mit %1 gelabelt</translation>
    </message>
    <message>
        <source>marked a duplicate of #%1</source>
        <translation>als Duplikat von #%1 markiert</translation>
    </message>
    <message>
        <source>no longer a duplicate of #%1</source>
        <translation>kein Duplikat von #%1 mehr</translation>
    </message>
    <message>
        <source>now a duplicate of #%1 instead of #%2</source>
        <translation>jetzt Duplikat von #%1 statt #%2</translation>
    </message>
    <message>
        <source>task #%1 no longer linked</source>
        <translation>Aufgabe #%1 nicht mehr verknüpft</translation>
    </message>
    <message>
        <source>committed to by task #%1</source>
        <translation>zugesagt durch Aufgabe #%1</translation>
    </message>
    <message>
        <source>unlinked from delta #%1</source>
        <translation>Verknüpfung mit Delta #%1 gelöst</translation>
    </message>
    <message>
        <source>linked to delta #%1</source>
        <translation>mit Delta #%1 verknüpft</translation>
    </message>
    <message>
        <source>crash report #%1 received</source>
        <translation>Absturzbericht #%1 eingegangen</translation>
    </message>
    <message>
        <source>fix record %1 removed</source>
        <translation>Korrektureintrag %1 entfernt</translation>
    </message>
    <message>
        <source>fix recorded: %1</source>
        <translation>Korrektur erfasst: %1</translation>
    </message>
    <message>
        <source>fix verified</source>
        <translation>Korrektur überprüft</translation>
    </message>
    <message>
        <source>back on the board</source>
        <translation>wieder auf dem Board</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>stopped using %1</source>
        <translation>nutzt %1 nicht mehr</translation>
    </message>
    <message>
        <source>uses %1</source>
        <translation>nutzt %1</translation>
    </message>
    <message>
        <source>wrote the %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>cleared the %1</source>
        <translation>%1 geleert</translation>
    </message>
    <message>
        <source>edited the %1</source>
        <translation>%1 bearbeitet</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 auf %2 gesetzt</translation>
    </message>
    <message>
        <source>%1 cleared (was %2)</source>
        <translation>%1 geleert (war %2)</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <source>defect</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>bestritten</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>untriaged</source>
        <translation>nicht eingestuft</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>trivial</source>
        <translation>trivial</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>major</source>
        <translation>schwer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>duplicate of</source>
        <translation>Duplikat von</translation>
    </message>
    <message>
        <source>duplicated by</source>
        <translation>dupliziert durch</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>blocked by</source>
        <translation>blockiert von</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>hängt ab von</translation>
    </message>
    <message>
        <source>needed by</source>
        <translation>benötigt von</translation>
    </message>
    <message>
        <source>caused by</source>
        <translation>verursacht durch</translation>
    </message>
    <message>
        <source>causes</source>
        <translation>verursacht</translation>
    </message>
    <message>
        <source>relates to</source>
        <translation>hängt zusammen mit</translation>
    </message>
    <message>
        <source>same as</source>
        <translation>gleich wie</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>GitHub issues</source>
        <translation>GitHub-Issues</translation>
    </message>
    <message>
        <source>Launchpad API JSON</source>
        <translation>Launchpad-API-JSON</translation>
    </message>
    <message>
        <source>Bugzilla REST JSON</source>
        <translation>Bugzilla-REST-JSON</translation>
    </message>
    <message>
        <source>Bugzilla XML</source>
        <translation>Bugzilla-XML</translation>
    </message>
    <message>
        <source>Redmine JSON</source>
        <translation>Redmine-JSON</translation>
    </message>
    <message>
        <source>Jira CSV</source>
        <translation>Jira-CSV</translation>
    </message>
    <message>
        <source>Jira XML (RSS)</source>
        <translation>Jira-XML (RSS)</translation>
    </message>
    <message>
        <source>Trac CSV</source>
        <translation>Trac-CSV</translation>
    </message>
    <message>
        <source>Trello board JSON</source>
        <translation>Trello-Board-JSON</translation>
    </message>
    <message>
        <source>Redmine CSV</source>
        <translation>Redmine-CSV</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>Add fix record on %1</source>
        <translation>Korrektureintrag zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Commit to delta %1</source>
        <translation>Zusage für Delta %1</translation>
    </message>
    <message>
        <source>Commit to %1 deltas</source>
        <translation>Zusage für %1 Deltas</translation>
    </message>
    <message>
        <source>New %1: %2</source>
        <translation>Neu (%1): %2</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delta %1 was changed elsewhere; this edit was not %2.</source>
        <translation>Delta %1 wurde anderswo geändert; diese Bearbeitung wurde nicht %2.</translation>
    </message>
    <message>
        <source>redone</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>Relate “%1”: %2 #%3</source>
        <translation>Beziehung für „%1“ hinzufügen: %2 #%3</translation>
    </message>
    <message>
        <source>Unrelate “%1”: %2 #%3</source>
        <translation>Beziehung für „%1“ entfernen: %2 #%3</translation>
    </message>
    <message>
        <source>#%1 is already a duplicate of #%2; remove that first.</source>
        <translation>#%1 ist bereits ein Duplikat von #%2; heben Sie das zuerst auf.</translation>
    </message>
    <message>
        <source>#%1 is no longer a duplicate of #%2.</source>
        <translation>#%1 ist kein Duplikat von #%2 mehr.</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>Label %1 setzen</translation>
    </message>
    <message>
        <source>unlabel %1</source>
        <translation>Label %1 entfernen</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>Link delta %1 to task %2</source>
        <translation>Delta %1 mit Aufgabe %2 verknüpfen</translation>
    </message>
    <message>
        <source>Unlink delta %1 from task %2</source>
        <translation>Verknüpfung von Delta %1 mit Aufgabe %2 lösen</translation>
    </message>
    <message>
        <source>Task %1 is already linked to delta %2.</source>
        <translation>Aufgabe %1 ist bereits mit Delta %2 verknüpft.</translation>
    </message>
    <message>
        <source>Task %1 is not linked to delta %2.</source>
        <translation>Aufgabe %1 ist nicht mit Delta %2 verknüpft.</translation>
    </message>
    <message>
        <source>Re-rank delta %1</source>
        <translation>Rang von Delta %1 ändern</translation>
    </message>
    <message>
        <source>Set impact of delta %1 to %2</source>
        <translation>Auswirkung von Delta %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>Set priority of delta %1 to %2</source>
        <translation>Priorität von Delta %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Mark %1 deltas %2</source>
        <translation>%1 Deltas als %2 markieren</translation>
    </message>
    <message>
        <source>Mark delta %1 a duplicate of %2</source>
        <translation>Delta %1 als Duplikat von %2 markieren</translation>
    </message>
    <message>
        <source>Mark delta %1 %2</source>
        <translation>Delta %1 als %2 markieren</translation>
    </message>
    <message>
        <source>Delta %1 was changed elsewhere; this step was not %2.</source>
        <translation>Delta %1 wurde anderswo geändert; dieser Schritt wurde nicht %2.</translation>
    </message>
    <message>
        <source>Add organisation %1</source>
        <translation>Organisation %1 hinzufügen</translation>
    </message>
    <message>
        <source>Rename organisation %1 to %2</source>
        <translation>Organisation %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Remove organisation %1</source>
        <translation>Organisation %1 entfernen</translation>
    </message>
    <message>
        <source>Add user group %1</source>
        <translation>Benutzergruppe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Change user group %1</source>
        <translation>Benutzergruppe %1 ändern</translation>
    </message>
    <message>
        <source>Remove user group %1</source>
        <translation>Benutzergruppe %1 entfernen</translation>
    </message>
    <message>
        <source>Add component %1</source>
        <translation>Komponente %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove component %1</source>
        <translation>Komponente %1 entfernen</translation>
    </message>
    <message>
        <source>%1 use %2</source>
        <translation>Nutzung von %2 durch %1</translation>
    </message>
    <message>
        <source>%1 no longer use %2</source>
        <translation>Nutzung von %2 durch %1 beenden</translation>
    </message>
    <message>
        <source>Add column %1</source>
        <translation>Spalte %1 hinzufügen</translation>
    </message>
    <message>
        <source>Rename column %1 to %2</source>
        <translation>Spalte %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Move column %1</source>
        <translation>Spalte %1 verschieben</translation>
    </message>
    <message>
        <source>Change column %1</source>
        <translation>Spalte %1 ändern</translation>
    </message>
    <message>
        <source>Remove column %1</source>
        <translation>Spalte %1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Archive done cards after %n day(s)</source>
        <translation>
            <numerusform>Erledigte Karten nach %n Tag archivieren</numerusform>
            <numerusform>Erledigte Karten nach %n Tagen archivieren</numerusform>
        </translation>
    </message>
    <message>
        <source>New card %1</source>
        <translation>Neue Karte %1</translation>
    </message>
    <message>
        <source>Delete card %1</source>
        <translation>Karte %1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n card(s)</source>
        <translation>
            <numerusform>%n Karte archivieren</numerusform>
            <numerusform>%n Karten archivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n card(s)</source>
        <translation>
            <numerusform>%n Karte wiederherstellen</numerusform>
            <numerusform>%n Karten wiederherstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view %1</source>
        <translation>Ansicht %1 speichern</translation>
    </message>
    <message>
        <source>Remove view %1</source>
        <translation>Ansicht %1 entfernen</translation>
    </message>
    <message>
        <source>Edit card “%1”</source>
        <translation>Karte „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Task %1 was changed elsewhere; this edit was not %2.</source>
        <translation>Aufgabe %1 wurde anderswo geändert; diese Bearbeitung wurde nicht %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>%1 Opening %2 instead.</source>
        <translation>%1 Stattdessen wird %2 geöffnet.</translation>
    </message>
    <message>
        <source>The database to open: a file, or a team database&apos;s PostgreSQL URL (postgresql://user@host:5432/deltaboard; passwords come from ~/.pgpass, PGPASSWORD or PGSERVICE, never the URL). Default: the last one, or %1.</source>
        <translation>Die zu öffnende Datenbank: eine Datei oder die PostgreSQL-URL einer Team-Datenbank (postgresql://benutzer@host:5432/deltaboard; Passwörter kommen aus ~/.pgpass, PGPASSWORD oder PGSERVICE, nie aus der URL). Vorgabe: die zuletzt geöffnete oder %1.</translation>
    </message>
    <message>
        <source>Show this organisation&apos;s view.</source>
        <translation>Die Ansicht dieser Organisation zeigen.</translation>
    </message>
    <message>
        <source>Render each view (1440x900: the Board, the Deltas view with a crash and with a spec selected, Priorities, Impact, Gap, Flow, Crashes), the task editor and the Connect to Team Database dialog to PNG files in DIR, then exit.</source>
        <translation>Jede Ansicht (1440x900: das Board, die Deltas-Ansicht mit ausgewähltem Absturz und ausgewählter Spezifikation, Prioritäten, Auswirkung, Zusagelücke, Fluss, Abstürze), den Aufgabeneditor und den Dialog „Mit Team-Datenbank verbinden“ als PNG-Dateien in DIR speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Open the import wizard with this export (repeat for files that belong together); with --screenshot, also render the wizard&apos;s preview of them to import-wizard.png.</source>
        <translation>Den Import-Assistenten mit diesem Export öffnen (für zusammengehörige Dateien wiederholen); mit --screenshot auch seine Vorschau davon als import-wizard.png speichern.</translation>
    </message>
    <message>
        <source>Deltaboard: reports apart from commitments.</source>
        <translation>Deltaboard: Meldungen getrennt von Zusagen.</translation>
    </message>
    <message>
        <source>The database to open, as with --db (optional).</source>
        <translation>Die zu öffnende Datenbank, wie mit --db (optional).</translation>
    </message>
</context>
</TS>
