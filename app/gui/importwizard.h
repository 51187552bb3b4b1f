#pragma once

#include "trackerimport.h"

#include <QSet>
#include <QWizard>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace Deltaboard {

// File > Import… (and files dropped on the window): other trackers' exports into this
// database, in three steps:
//   1. the files, each with the format detected (files that belong together go in one run);
//   2. the organisation for boards and priorities, Launchpad targets to organisations, and a
//      preview: the whole import done on a worker and rolled back, with its counts and warnings;
//   3. the import itself on a worker (progress, Cancel: one transaction, nothing half-written),
//      then its summary with the warnings.
// Files larger together than the limit in the settings (import/askAboveMiB, 64 by default) are
// imported only after the user agrees.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page { FilesPage, PreviewPage, ResultPage };

    ImportWizard(const QString &databasePath, const QStringList &organisations,
                 QWidget *parent = nullptr);

    void addFiles(const QStringList &paths);
    QStringList files() const;
    // The options the preview and the import use: organisation and target mapping.
    ImportOptions options() const;
    void setOrganisation(const QString &name);

    // What the last preview (dry run) or the import found; empty while it runs or after an error.
    const std::optional<ImportSummary> &preview() const { return m_preview; }
    const std::optional<ImportSummary> &result() const { return m_result; }
    QString lastError() const { return m_error; }
    bool isRunning() const { return m_running; }

    // The size above which the user is asked before importing, in bytes.
    static qint64 askAbove();

    // While a preview or the import runs, closing waits for it: Cancel in its progress dialog
    // stops it.
    void reject() override;

Q_SIGNALS:
    void previewReady();
    // The import was written (the window reloads).
    void imported();
    void failed(const QString &error);

private:
    friend class ImportFilesPage;
    friend class ImportPreviewPage;
    friend class ImportResultPage;

    // Runs the importer on a worker with its own connection; dryRun rolls back.
    void run(bool dryRun);
    void showSummary(QTreeWidget *table, QListWidget *warnings, QLabel *warningsLabel,
                     QLabel *heading, const ImportSummary &summary, bool dryRun) const;
    void refreshTargets(const ImportSummary &summary);
    void refreshMappings(const ImportSummary &summary);
    void previewOutdated(const QString &what);

    QString m_databasePath;
    QStringList m_organisations;
    QTreeWidget *m_files;
    QLabel *m_filesProblem;
    QComboBox *m_organisation;
    QTableWidget *m_targets;
    QLabel *m_targetsLabel;
    QTableWidget *m_mappings;
    QLabel *m_mappingsLabel;
    QLabel *m_previewHeading;
    QTreeWidget *m_previewCounts;
    QLabel *m_previewWarningsLabel;
    QListWidget *m_previewWarnings;
    QLabel *m_resultHeading;
    QTreeWidget *m_resultCounts;
    QLabel *m_resultWarningsLabel;
    QListWidget *m_resultWarnings;
    std::optional<ImportSummary> m_preview;
    std::optional<ImportSummary> m_result;
    QString m_error;
    bool m_running = false;
    // Counts changes to the inputs (files, organisation, mappings): a preview that finishes
    // after one is out of date and is run again.
    int m_inputs = 0;
    // Launchpad statuses that are no task by default (rejected), so "No task" stays offered
    // after the user mapped one to a column.
    QSet<QString> m_rejectedStatuses;
};

} // namespace Deltaboard
