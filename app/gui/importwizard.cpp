// Over 600 lines: the wizard's pages share one state (files, mappings, preview) that splitting
// would pass around.
#include "importwizard.h"
#include "views/palette.h"

#include "backgroundjob.h"

#include "inputfile.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

constexpr qint64 kDefaultAskAboveMiB = 64;
constexpr int kPathRole = Qt::UserRole;
constexpr int kFormatRole = Qt::UserRole + 1;

QString formatName(const QString &format)
{
    static const QHash<QString, QString> names = {
        {u"github"_s, QObject::tr("GitHub issues")},
        {u"launchpad"_s, QObject::tr("Launchpad API JSON")},
        {u"bugzilla"_s, QObject::tr("Bugzilla REST JSON")},
        {u"bugzilla-xml"_s, QObject::tr("Bugzilla XML")},
        {u"redmine"_s, QObject::tr("Redmine JSON")},
        {u"jira-csv"_s, QObject::tr("Jira CSV")},
        {u"jira-xml"_s, QObject::tr("Jira XML (RSS)")},
        {u"trac-csv"_s, QObject::tr("Trac CSV")},
        {u"trello"_s, QObject::tr("Trello board JSON")},
        {u"redmine-csv"_s, QObject::tr("Redmine CSV")},
        {u"csv"_s, QObject::tr("CSV")},
    };
    return names.value(format, format);
}

QTreeWidget *countsTable(QWidget *parent)
{
    auto *table = new QTreeWidget(parent);
    table->setHeaderLabels({QObject::tr("Records"), QObject::tr("New"), QObject::tr("Updated"),
                            QObject::tr("Unchanged")});
    table->setRootIsDecorated(false);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->header()->setStretchLastSection(false);
    table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // Three rows: delta records, tasks, comments.
    table->setFixedHeight(table->fontMetrics().height() * 5 + 2 * table->frameWidth() + 8);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

QListWidget *warningsList(QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setWordWrap(true);
    list->setResizeMode(QListView::Adjust);
    list->setTextElideMode(Qt::ElideNone);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->setAlternatingRowColors(true);
    return list;
}

} // namespace

// ---- 1. Files ------------------------------------------------------------------------------

class ImportFilesPage : public QWizardPage
{
public:
    explicit ImportFilesPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Exports to import"));
        setSubTitle(tr("Files of one tracker that belong together go in one run: Bugzilla bugs "
                       "with their comments and history, Trac tickets with their comments, a "
                       "Launchpad bug with its tasks and messages."));
        auto *layout = new QVBoxLayout(this);
        wizard->m_files = new QTreeWidget(this);
        wizard->m_files->setHeaderLabels({tr("File"), tr("Format"), tr("Size")});
        wizard->m_files->setRootIsDecorated(false);
        wizard->m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
        wizard->m_files->header()->setStretchLastSection(false);
        wizard->m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        wizard->m_files->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        wizard->m_files->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
        layout->addWidget(wizard->m_files);
        wizard->m_filesProblem = new QLabel(this);
        wizard->m_filesProblem->setWordWrap(true);
        wizard->m_filesProblem->setStyleSheet(
            u"color: %1;"_s.arg(Palette::errorText(wizard->palette()).name()));
        wizard->m_filesProblem->hide();
        layout->addWidget(wizard->m_filesProblem);
        auto *buttons = new QHBoxLayout;
        auto *add = new QPushButton(tr("&Add Files…"), this);
        auto *remove = new QPushButton(tr("&Remove"), this);
        remove->setEnabled(false);
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        layout->addLayout(buttons);
        connect(add, &QPushButton::clicked, this, [this] {
            const QStringList paths = QFileDialog::getOpenFileNames(
                this, tr("Add Exports"), {},
                tr("Tracker exports (*.json *.jsonl *.xml *.csv);;All files (*)"));
            m_wizard->addFiles(paths);
        });
        const auto removeSelected = [this] {
            qDeleteAll(m_wizard->m_files->selectedItems());
            m_wizard->addFiles({}); // re-checks the list
        };
        connect(remove, &QPushButton::clicked, this, removeSelected);
        auto *del = new QShortcut(QKeySequence::Delete, wizard->m_files);
        del->setContext(Qt::WidgetShortcut);
        connect(del, &QShortcut::activated, this, removeSelected);
        connect(wizard->m_files, &QTreeWidget::itemSelectionChanged, this, [this, remove] {
            remove->setEnabled(!m_wizard->m_files->selectedItems().isEmpty());
        });
    }

    bool isComplete() const override
    {
        const QTreeWidget *files = m_wizard->m_files;
        if (files->topLevelItemCount() == 0)
            return false;
        for (int i = 0; i < files->topLevelItemCount(); ++i) {
            if (files->topLevelItem(i)->data(1, kFormatRole).toString().isEmpty())
                return false;
        }
        return true;
    }

    bool validatePage() override
    {
        qint64 total = 0;
        for (const QString &path : m_wizard->files())
            total += QFileInfo(path).size();
        if (total <= ImportWizard::askAbove())
            return true;
        const QLocale locale;
        return QMessageBox::question(
                   this, tr("Import a Large Export?"),
                   tr("These files are %1 together. The import reads them whole into memory "
                      "and can take minutes; the window stays usable and Cancel leaves the "
                      "database as it was.\n\nImport them anyway?")
                       .arg(locale.formattedDataSize(total)),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               == QMessageBox::Yes;
    }

private:
    ImportWizard *m_wizard;
};

// ---- 2. Organisations and preview ----------------------------------------------------------

class ImportPreviewPage : public QWizardPage
{
public:
    explicit ImportPreviewPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Organisations and preview"));
        setSubTitle(tr("Nothing is written yet: this is the whole import, done and rolled back."));
        auto *layout = new QVBoxLayout(this);
        auto *organisationRow = new QHBoxLayout;
        auto *organisationLabel = new QLabel(tr("&Organisation:"), this);
        wizard->m_organisation = new QComboBox(this);
        wizard->m_organisation->setEditable(true);
        wizard->m_organisation->addItem(QString());
        wizard->m_organisation->addItems(wizard->m_organisations);
        wizard->m_organisation->lineEdit()->setPlaceholderText(tr("as named in the export"));
        wizard->m_organisation->setMinimumContentsLength(24);
        organisationLabel->setBuddy(wizard->m_organisation);
        organisationRow->addWidget(organisationLabel);
        organisationRow->addWidget(wizard->m_organisation, 1);
        auto *update = new QPushButton(tr("&Update Preview"), this);
        update->setObjectName(u"updatePreview"_s);
        organisationRow->addWidget(update);
        layout->addLayout(organisationRow);
        auto *hint = new QLabel(tr("Jira priorities become this organisation's priorities, a "
                                   "Trello board becomes its board (new organisations are "
                                   "created). Empty: Trello boards by their own name."),
                                this);
        hint->setWordWrap(true);
        hint->setEnabled(false);
        layout->addWidget(hint);
        wizard->m_targetsLabel
            = new QLabel(tr("Launchpad targets: each bug task becomes a task of the "
                            "organisation chosen for its target, with its importance as that "
                            "organisation's priority."),
                         this);
        wizard->m_targetsLabel->setWordWrap(true);
        layout->addWidget(wizard->m_targetsLabel);
        wizard->m_targets = new QTableWidget(0, 2, this);
        wizard->m_targets->setHorizontalHeaderLabels({tr("Target"), tr("Organisation")});
        wizard->m_targets->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        wizard->m_targets->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        wizard->m_targets->verticalHeader()->hide();
        layout->addWidget(wizard->m_targets);
        wizard->m_targetsLabel->hide();
        wizard->m_targets->hide();
        wizard->m_mappingsLabel = new QLabel(tr("Priorities, statuses and CSV columns: what "
                                                "each becomes here (the defaults are chosen by "
                                                "name)."),
                                             this);
        wizard->m_mappingsLabel->setWordWrap(true);
        layout->addWidget(wizard->m_mappingsLabel);
        wizard->m_mappings = new QTableWidget(0, 2, this);
        wizard->m_mappings->setObjectName(u"importMappings"_s);
        wizard->m_mappings->setHorizontalHeaderLabels({tr("In the export"), tr("Here")});
        wizard->m_mappings->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        wizard->m_mappings->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        wizard->m_mappings->verticalHeader()->hide();
        layout->addWidget(wizard->m_mappings);
        wizard->m_mappingsLabel->hide();
        wizard->m_mappings->hide();
        wizard->m_previewHeading = new QLabel(this);
        wizard->m_previewHeading->setWordWrap(true);
        wizard->m_previewHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(wizard->m_previewHeading);
        wizard->m_previewCounts = countsTable(this);
        layout->addWidget(wizard->m_previewCounts);
        wizard->m_previewWarningsLabel = new QLabel(this);
        layout->addWidget(wizard->m_previewWarningsLabel);
        wizard->m_previewWarnings = warningsList(this);
        layout->addWidget(wizard->m_previewWarnings, 1);
        connect(update, &QPushButton::clicked, this, [this] { m_wizard->run(true); });
        connect(wizard->m_organisation, &QComboBox::currentTextChanged, this,
                [this] { m_wizard->previewOutdated(tr("organisation")); });
    }

    void initializePage() override { m_wizard->run(true); }
    bool isComplete() const override
    {
        return m_wizard->m_preview.has_value() && !m_wizard->m_running;
    }

private:
    ImportWizard *m_wizard;
};

// ---- 3. Import -----------------------------------------------------------------------------

class ImportResultPage : public QWizardPage
{
public:
    explicit ImportResultPage(ImportWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Import"));
        auto *layout = new QVBoxLayout(this);
        wizard->m_resultHeading = new QLabel(this);
        wizard->m_resultHeading->setWordWrap(true);
        wizard->m_resultHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(wizard->m_resultHeading);
        wizard->m_resultCounts = countsTable(this);
        layout->addWidget(wizard->m_resultCounts);
        wizard->m_resultWarningsLabel = new QLabel(this);
        layout->addWidget(wizard->m_resultWarningsLabel);
        wizard->m_resultWarnings = warningsList(this);
        layout->addWidget(wizard->m_resultWarnings, 1);
        setFinalPage(true);
    }

    void initializePage() override { m_wizard->run(false); }
    // Finish closes the wizard after the import, or after its error (Back then also returns
    // to the preview).
    bool isComplete() const override
    {
        return !m_wizard->m_running
               && (m_wizard->m_result.has_value() || !m_wizard->m_error.isEmpty());
    }

private:
    ImportWizard *m_wizard;
};

// ---- The wizard ----------------------------------------------------------------------------

ImportWizard::ImportWizard(const QString &databasePath, const QStringList &organisations,
                           QWidget *parent)
    : QWizard(parent)
    , m_databasePath(databasePath)
    , m_organisations(organisations)
{
    setWindowTitle(tr("Import from Other Trackers"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilesPage, new ImportFilesPage(this));
    setPage(PreviewPage, new ImportPreviewPage(this));
    setPage(ResultPage, new ImportResultPage(this));
    page(PreviewPage)->setButtonText(QWizard::NextButton, tr("&Import"));
    resize(800, 720);
}

qint64 ImportWizard::askAbove()
{
    return QSettings().value(u"import/askAboveMiB"_s, kDefaultAskAboveMiB).toLongLong() * 1024
           * 1024;
}

void ImportWizard::addFiles(const QStringList &paths)
{
    const QStringList known = files();
    const QLocale locale;
    for (const QString &path : paths) {
        if (known.contains(path))
            continue;
        QString format;
        QString problem;
        if (const auto head = InputFile::head(path, 64 * 1024))
            format = TrackerImport::detect(*head);
        else
            problem = head.error();
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(0, QFileInfo(path).fileName());
        item->setToolTip(0, path);
        item->setData(0, kPathRole, path);
        item->setData(1, kFormatRole, format);
        item->setText(1, format.isEmpty() ? tr("not recognised") : formatName(format));
        if (format.isEmpty()) {
            item->setForeground(1, Palette::errorText(palette()));
            item->setToolTip(1, problem.isEmpty()
                                    ? tr("Not an export this importer reads (GitHub, Launchpad, "
                                         "Bugzilla, Redmine, Jira, Trac, Trello)")
                                    : problem);
        }
        item->setText(2, locale.formattedDataSize(QFileInfo(path).size()));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    QStringList unknown;
    for (int i = 0; i < m_files->topLevelItemCount(); ++i) {
        if (m_files->topLevelItem(i)->data(1, kFormatRole).toString().isEmpty())
            unknown.append(m_files->topLevelItem(i)->text(0));
    }
    m_filesProblem->setVisible(!unknown.isEmpty());
    m_filesProblem->setText(
        tr("Not recognised: %1. Remove it to go on; the formats read are GitHub, Launchpad, "
           "Bugzilla, Redmine, Jira, Trac and Trello exports.")
            .arg(unknown.join(u", "_s)));
    ++m_inputs;
    m_preview.reset();
    Q_EMIT page(FilesPage)->completeChanged();
}

QStringList ImportWizard::files() const
{
    QStringList paths;
    for (int i = 0; i < m_files->topLevelItemCount(); ++i)
        paths.append(m_files->topLevelItem(i)->data(0, kPathRole).toString());
    return paths;
}

void ImportWizard::setOrganisation(const QString &name)
{
    m_organisation->setCurrentText(name);
}

ImportOptions ImportWizard::options() const
{
    ImportOptions options;
    options.organisation = m_organisation->currentText().trimmed();
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(m_targets->cellWidget(row, 1));
        const QString target = m_targets->item(row, 0)->data(Qt::UserRole).toString();
        if (combo && !combo->currentText().trimmed().isEmpty())
            options.targetOrganisations.insert(target, combo->currentText().trimmed());
    }
    for (int row = 0; row < m_mappings->rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(m_mappings->cellWidget(row, 1));
        const QTableWidgetItem *item = m_mappings->item(row, 0);
        const QString name = item->data(Qt::UserRole).toString();
        if (!combo || combo->currentData().isNull())
            continue;
        const QString kind = item->data(Qt::UserRole + 1).toString();
        if (kind == u"priority"_s)
            options.priorityLevels.insert(name, combo->currentData().toInt());
        else if (kind == u"status"_s)
            options.statusColumns.insert(name, combo->currentData().toString());
        else
            options.csvColumns.insert(name, combo->currentData().toString());
    }
    return options;
}

void ImportWizard::reject()
{
    if (m_running)
        return;
    QWizard::reject();
}

void ImportWizard::previewOutdated(const QString &what)
{
    ++m_inputs;
    m_preview.reset();
    m_previewHeading->setText(
        tr("The %1 changed: Update Preview (Alt+U) shows what it does.").arg(what));
    Q_EMIT page(PreviewPage)->completeChanged();
}

void ImportWizard::refreshMappings(const ImportSummary &summary)
{
    // Keep what the user chose; the rest shows the level or column the importer chose.
    const ImportOptions chosen = options();
    m_mappings->setRowCount(0);
    const auto addRow
        = [this](const QString &label, const QString &name, const QString &kind, QComboBox *combo) {
              const int row = m_mappings->rowCount();
              m_mappings->insertRow(row);
              auto *item = new QTableWidgetItem(label);
              item->setData(Qt::UserRole, name);
              item->setData(Qt::UserRole + 1, kind);
              item->setFlags(Qt::ItemIsEnabled);
              m_mappings->setItem(row, 0, item);
              m_mappings->setCellWidget(row, 1, combo);
              connect(combo, &QComboBox::currentIndexChanged, this,
                      [this] { previewOutdated(tr("mapping")); });
          };
    static const QList<std::pair<int, const char *>> levels
        = {{4, QT_TR_NOOP("Critical")},  {3, QT_TR_NOOP("High")},
           {2, QT_TR_NOOP("Medium")},    {1, QT_TR_NOOP("Low")},
           {0, QT_TR_NOOP("Untriaged")}, {-1, QT_TR_NOOP("Not imported")}};
    for (auto it = summary.priorityLevels.cbegin(); it != summary.priorityLevels.cend(); ++it) {
        auto *combo = new QComboBox(m_mappings);
        for (const auto &[level, name] : levels)
            combo->addItem(tr(name), level);
        const int level = chosen.priorityLevels.value(it.key(), it.value());
        combo->setCurrentIndex(combo->findData(level));
        addRow(tr("Priority \"%1\"").arg(it.key()), it.key(), u"priority"_s, combo);
    }
    for (auto it = summary.statusColumns.cbegin(); it != summary.statusColumns.cend(); ++it) {
        auto *combo = new QComboBox(m_mappings);
        if (it.value().isEmpty())
            m_rejectedStatuses.insert(it.key());
        if (m_rejectedStatuses.contains(it.key()))
            combo->addItem(tr("No task (rejected)"), QVariant());
        for (const QString &column : summary.columnNames)
            combo->addItem(tr("Column \"%1\"").arg(column), column);
        const QString column = chosen.statusColumns.value(it.key(), it.value());
        combo->setCurrentIndex(std::max(0, combo->findData(column)));
        addRow(tr("Launchpad status \"%1\"").arg(it.key()), it.key(), u"status"_s, combo);
    }
    // A generic CSV: the column each field comes from ("none" leaves the field empty; the id
    // and the title must have one).
    if (!summary.csvHeader.isEmpty()) {
        for (const QString &field : TrackerImport::csvFields()) {
            auto *combo = new QComboBox(m_mappings);
            if (field != u"id"_s && field != u"title"_s)
                combo->addItem(tr("none"), QString());
            for (const QString &header : summary.csvHeader)
                combo->addItem(tr("Column \"%1\"").arg(header), header);
            const QString header = chosen.csvColumns.value(field, summary.csvColumns.value(field));
            combo->setCurrentIndex(std::max(0, combo->findData(header)));
            addRow(tr("CSV field: %1").arg(field), field, u"csv"_s, combo);
        }
    }
    // Rows as tall as their combo boxes; six at most, the rest scrolls.
    const int rowHeight = QComboBox().sizeHint().height() + 2;
    for (int row = 0; row < m_mappings->rowCount(); ++row)
        m_mappings->setRowHeight(row, rowHeight);
    const int rows = std::min<int>(m_mappings->rowCount(), 6);
    m_mappings->setFixedHeight(m_mappings->horizontalHeader()->sizeHint().height()
                               + rows * rowHeight + 2 * m_mappings->frameWidth());
    m_mappings->setVisible(m_mappings->rowCount() > 0);
    m_mappingsLabel->setVisible(m_mappings->rowCount() > 0);
}

void ImportWizard::refreshTargets(const ImportSummary &summary)
{
    // Keep what the user chose; new targets default to an organisation of the same name.
    const ImportOptions chosen = options();
    m_targets->setRowCount(0);
    for (auto it = summary.targets.cbegin(); it != summary.targets.cend(); ++it) {
        const int row = m_targets->rowCount();
        m_targets->insertRow(row);
        auto *item = new QTableWidgetItem(
            it.value() == it.key() ? it.key() : u"%1 (%2)"_s.arg(it.value(), it.key()));
        item->setData(Qt::UserRole, it.key());
        item->setFlags(Qt::ItemIsEnabled);
        m_targets->setItem(row, 0, item);
        auto *combo = new QComboBox(m_targets);
        combo->setEditable(true);
        combo->addItems(m_organisations);
        combo->setCurrentText(chosen.targetOrganisations.value(it.key(), it.value()));
        connect(combo, &QComboBox::currentTextChanged, this,
                [this] { previewOutdated(tr("mapping")); });
        m_targets->setCellWidget(row, 1, combo);
    }
    const int rowHeight = QComboBox().sizeHint().height() + 2;
    for (int row = 0; row < m_targets->rowCount(); ++row)
        m_targets->setRowHeight(row, rowHeight);
    const int rows = std::min<int>(m_targets->rowCount(), 3);
    m_targets->setFixedHeight(m_targets->horizontalHeader()->sizeHint().height() + rows * rowHeight
                              + 2 * m_targets->frameWidth());
    m_targets->setVisible(!summary.targets.isEmpty());
    m_targetsLabel->setVisible(!summary.targets.isEmpty());
}

void ImportWizard::showSummary(QTreeWidget *table, QListWidget *warnings, QLabel *warningsLabel,
                               QLabel *heading, const ImportSummary &summary, bool dryRun) const
{
    const QLocale locale;
    QStringList formats;
    for (const QString &entry : summary.formats) {
        const QString format = entry.section(u": "_s, -1);
        if (!formats.contains(formatName(format)))
            formats.append(formatName(format));
    }
    const qsizetype fileCount = summary.formats.size();
    const QString filesText
        = fileCount == 1 ? tr("1 file") : tr("%1 files").arg(locale.toString(fileCount));
    QString text = (dryRun ? tr("%1 of %2 will import as follows.") : tr("Imported %1 of %2."))
                       .arg(filesText, formats.join(u", "_s));
    if (summary.priorities)
        text += u" "_s + tr("Organisation priorities set: %1.").arg(summary.priorities);
    if (summary.skipped)
        text += u" "_s + tr("Pull requests skipped: %1.").arg(summary.skipped);
    if (!summary.newOrganisations.isEmpty()) {
        text += u" "_s
                + (dryRun ? tr("New organisations: %1.") : tr("Organisations created: %1."))
                      .arg(summary.newOrganisations.join(u", "_s));
    }
    heading->setText(text);
    table->clear();
    const auto row = [&](const QString &name, int created, int updated, int unchanged) {
        auto *item = new QTreeWidgetItem(table, {name, locale.toString(created),
                                                 updated < 0 ? u"–"_s : locale.toString(updated),
                                                 locale.toString(unchanged)});
        for (int c = 1; c < 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    };
    row(tr("Delta records"), summary.created, summary.updated, summary.unchanged);
    row(tr("Tasks"), summary.tasksCreated, summary.tasksUpdated, summary.tasksUnchanged);
    row(tr("Comments"), summary.commentsCreated, -1, summary.commentsUnchanged);
    warnings->clear();
    warningsLabel->setText(summary.warnings.isEmpty()
                               ? tr("No warnings: every value found its place.")
                               : tr("Warnings (%1): values mapped to a default, records skipped.")
                                     .arg(summary.warnings.size()));
    warnings->setVisible(!summary.warnings.isEmpty());
    // The files' folders are the same on every line; the file names are enough.
    QStringList folders;
    for (const QString &path : files()) {
        const QString folder = QFileInfo(path).absolutePath() + u'/';
        if (!folders.contains(folder))
            folders.append(folder);
    }
    for (QString warning : summary.warnings) {
        const QString full = warning;
        for (const QString &folder : std::as_const(folders))
            warning.replace(folder, QString());
        auto *item = new QListWidgetItem(warning, warnings);
        item->setToolTip(full);
    }
}

void ImportWizard::run(bool dryRun)
{
    if (m_running)
        return;
    m_running = true;
    m_error.clear();
    (dryRun ? m_preview : m_result).reset();
    QLabel *heading = dryRun ? m_previewHeading : m_resultHeading;
    heading->setText(dryRun ? tr("Reading the exports…") : tr("Importing…"));
    if (!dryRun)
        setOption(QWizard::NoBackButtonOnLastPage, true); // what is written stays written
    Q_EMIT page(dryRun ? PreviewPage : ResultPage)->completeChanged();
    ImportOptions options = this->options();
    options.dryRun = dryRun;
    const QStringList paths = files();
    auto summary = std::make_shared<ImportSummary>();
    auto *job = BackgroundJob::start(
        this,
        dryRun ? tr("Previewing the import of %n file(s)…", nullptr, int(paths.size()))
               : tr("Importing %n file(s)…", nullptr, int(paths.size())),
        m_databasePath,
        [paths, options, summary](Database &db, const BackgroundJob::Progress &progress) mutable {
            options.progress = progress;
            auto done = TrackerImport(db).importFiles(paths, options);
            if (!done)
                return Status(Error{done.error()});
            *summary = std::move(done).value();
            return Status();
        });
    const int inputs = m_inputs;
    connect(job, &BackgroundJob::finished, this,
            [this, dryRun, summary, heading, inputs](const Status &status) {
                m_running = false;
                if (dryRun && inputs != m_inputs) {
                    // The files or mappings changed while it ran: its result is not theirs.
                    if (currentId() == PreviewPage)
                        run(true);
                    return;
                }
                if (!status) {
                    m_error = status.error();
                    heading->setText(u"<span style=\"color:%3\">%1</span><br>%2"_s.arg(
                        m_error.toHtmlEscaped(),
                        dryRun ? tr("Fix the file or remove it (Back), then Update Preview.")
                               : tr("Nothing was written; Back returns to the preview."),
                        Palette::errorText(palette()).name()));
                    (dryRun ? m_previewCounts : m_resultCounts)->clear();
                    (dryRun ? m_previewWarnings : m_resultWarnings)->clear();
                    (dryRun ? m_previewWarningsLabel : m_resultWarningsLabel)->clear();
                    if (!dryRun)
                        setOption(QWizard::NoBackButtonOnLastPage, false);
                    Q_EMIT page(dryRun ? PreviewPage : ResultPage)->completeChanged();
                    Q_EMIT failed(m_error);
                    return;
                }
                if (dryRun) {
                    m_preview = *summary;
                    refreshTargets(*summary);
                    refreshMappings(*summary);
                    showSummary(m_previewCounts, m_previewWarnings, m_previewWarningsLabel,
                                m_previewHeading, *summary, true);
                    Q_EMIT page(PreviewPage)->completeChanged();
                    Q_EMIT previewReady();
                    return;
                }
                m_result = *summary;
                showSummary(m_resultCounts, m_resultWarnings, m_resultWarningsLabel,
                            m_resultHeading, *summary, false);
                Q_EMIT page(ResultPage)->completeChanged();
                Q_EMIT imported();
            });
}

} // namespace Deltaboard
