#pragma once

#include <QObject>
#include <QStringList>

namespace Deltaboard {

class ImportWizard;
class MainWindow;

// What moves records in and out of the window's database, each on a worker with progress: the
// demo workspace, the JSON export and restore, crash texts, and other trackers' exports
// through the import wizard. Files dropped on the window are sorted here between the wizard
// (tracker exports) and the crash ingest (everything else).
class TransferActions : public QObject
{
    Q_OBJECT

public:
    explicit TransferActions(MainWindow *window);

    void createDemo();
    void exportJson();
    void importJson();
    // Crash texts are ingested on a worker, one transaction for all of them.
    void ingestCrashFiles(const QStringList &paths);
    // Not owned by the caller (deleted when closed).
    ImportWizard *openImportWizard(const QStringList &paths);
    void dropped(const QStringList &paths);

private:
    MainWindow *m_window;
};

} // namespace Deltaboard
