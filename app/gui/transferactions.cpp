#include "transferactions.h"

#include "backgroundjob.h"
#include "importwizard.h"
#include "mainwindow.h"

#include "crashstore.h"
#include "database.h"
#include "demogenerator.h"
#include "inputfile.h"
#include "jsondump.h"
#include "trackerimport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>
#include <QTimer>

#include <memory>

namespace Deltaboard {

TransferActions::TransferActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{}

void TransferActions::createDemo()
{
    auto *job = BackgroundJob::start(
        m_window, tr("Creating a demo workspace…"), m_window->database().path(),
        [](Database &db, const BackgroundJob::Progress &progress) {
            const auto counts = DemoGenerator(db).generate({}, progress);
            return counts ? Status() : Status(Error{counts.error()});
        });
    connect(job, &BackgroundJob::finished, m_window, [this](const Status &status) {
        if (!status)
            m_window->showError(status.error());
        m_window->reloadAll();
    });
}

void TransferActions::exportJson()
{
    const QString path
        = QFileDialog::getSaveFileName(m_window, tr("Export JSON"), {}, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    auto *job = BackgroundJob::start(
        m_window, tr("Exporting to %1…").arg(QFileInfo(path).fileName()),
        m_window->database().path(), [path](Database &db, const BackgroundJob::Progress &progress) {
            return JsonDump(db).exportTo(path, progress);
        });
    connect(job, &BackgroundJob::finished, m_window, [this, path](const Status &status) {
        if (!status)
            m_window->showError(status.error());
        else
            m_window->statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
    });
}

void TransferActions::importJson()
{
    const QString path
        = QFileDialog::getOpenFileName(m_window, tr("Import JSON"), {}, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    auto *job = BackgroundJob::start(m_window, tr("Importing %1…").arg(QFileInfo(path).fileName()),
                                     m_window->database().path(),
                                     [path](Database &db, const BackgroundJob::Progress &progress) {
                                         return JsonDump(db).importFrom(path, progress);
                                     });
    connect(job, &BackgroundJob::finished, m_window, [this](const Status &status) {
        if (!status)
            m_window->showError(status.error());
        m_window->reloadAll();
    });
}

void TransferActions::ingestCrashFiles(const QStringList &paths)
{
    // Every refusal at once; a dropped folder's files that are plainly not crash texts are
    // skipped and said in the status message.
    const CrashFiles files = CrashStore::collectTexts(paths);
    QStringList refused = files.refused;
    for (const QString &directory : files.emptyDirectories)
        refused.append(tr("%1: the directory holds no files").arg(directory));
    if (!refused.isEmpty())
        return m_window->showError(refused.join(u'\n') + tr("\nNothing was stored."));
    if (files.texts.isEmpty()) {
        return m_window->showError(
            tr("No crash texts to file: skipped %n file(s) that are not crash texts.", nullptr,
               int(files.skipped.size())));
    }
    QList<CrashText> texts = files.texts;
    const int count = int(texts.size()); // before the job's lambda takes the texts
    const QString skipped
        = files.skipped.isEmpty()
              ? QString()
              : tr(" Skipped %n file(s) that are not crash texts: %1.", nullptr,
                   int(files.skipped.size()))
                    .arg(QStringList(files.skipped.mid(0, 5)).join(QStringLiteral(", "))
                         + (files.skipped.size() > 5 ? QStringLiteral(", …") : QString()));
    auto message = std::make_shared<QString>();
    auto *job = BackgroundJob::start(
        m_window, tr("Reading %n crash report(s)…", nullptr, count), m_window->database().path(),
        [texts = std::move(texts), message, skipped](Database &db,
                                                     const BackgroundJob::Progress &) {
            const auto summary = CrashStore(db).ingest(texts);
            if (!summary)
                return Status(Error{summary.error()});
            *message = tr("%1 crash reports filed: %2 new crash deltas, %3 added to known "
                          "signatures.")
                           .arg(summary->reports)
                           .arg(summary->newDeltas)
                           .arg(summary->reports - summary->newDeltas)
                       + skipped;
            return Status();
        });
    connect(job, &BackgroundJob::finished, m_window, [this, message](const Status &status) {
        if (!status)
            return m_window->showError(status.error() + tr(" Nothing was stored."));
        m_window->crashesIngested();
        m_window->statusBar()->showMessage(*message, 10000);
    });
}

ImportWizard *TransferActions::openImportWizard(const QStringList &paths)
{
    auto *wizard
        = new ImportWizard(m_window->database().path(), m_window->organisationNames(), m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->addFiles(paths);
    connect(wizard, &ImportWizard::imported, m_window, [this, wizard] {
        // An import is not an undo step: its records keep their source, and importing a
        // newer export updates them.
        m_window->reloadAll();
        const ImportSummary &summary = *wizard->result();
        m_window->statusBar()->showMessage(tr("Imported: %1 new and %2 updated delta records, "
                                              "%3 new tasks, %4 new comments.")
                                               .arg(summary.created)
                                               .arg(summary.updated)
                                               .arg(summary.tasksCreated)
                                               .arg(summary.commentsCreated),
                                           10000);
    });
    wizard->open();
    return wizard;
}

void TransferActions::dropped(const QStringList &paths)
{
    // Tracker exports go to the import wizard, everything else is read as crash text.
    QStringList exports;
    QStringList crashes;
    for (const QString &path : paths) {
        // Only regular files are opened (a dropped pipe would block); the rest is refused by name
        // by the crash ingest.
        const auto head = InputFile::head(path, 64 * 1024);
        const bool isExport = head && !TrackerImport::detect(*head).isEmpty();
        (isExport ? exports : crashes).append(path);
    }
    // After the drop has returned: both show their own dialogs.
    QTimer::singleShot(0, m_window, [this, exports, crashes] {
        if (!crashes.isEmpty())
            ingestCrashFiles(crashes);
        if (!exports.isEmpty())
            openImportWizard(exports);
    });
}

} // namespace Deltaboard
