#include "crashview.h"

#include "chartreuse.h"
#include "deltatabledelegate.h"
#include "palette.h"

#include "clock.h"
#include "crashlistmodel.h"
#include "crashparser.h"
#include "crashsignature.h"
#include "crashstore.h"
#include "crashtype.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Deltaboard {

CrashView::CrashView(CrashListModel *model, Database &db, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_db(db)
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_regressed(new QLabel(this))
    , m_versions(new QChartView(this))
    , m_reports(new QComboBox(this))
    , m_frames(new QTableWidget(this))
    , m_reportNote(new QLabel(this))
    , m_commit(new QPushButton(tr("&Commit…"), this))
    , m_link(new QPushButton(tr("Same as &Defect…"), this))
{
    setObjectName(u"crashView"_s);
    m_table->setObjectName(u"crashTable"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Crashes by signature"));
    m_table->setModel(model);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(CrashListModel::SignatureColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(CrashListModel::ReportsColumn, 64);
    m_table->setColumnWidth(CrashListModel::LastSeenColumn, 90);
    m_table->setColumnWidth(CrashListModel::VersionsColumn, 150);
    m_table->setColumnWidth(CrashListModel::FlagColumn, 80);
    DeltaTableDelegate::keepHeadersVisible(m_table);

    m_empty->setObjectName(u"crashEmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_regressed->setObjectName(u"regressedWarning"_s);
    m_regressed->setWordWrap(true);
    m_regressed->setStyleSheet(u"QLabel { color: white; background: %1; padding: 4px 8px; "
                               u"border-radius: 3px; }"_s.arg(Palette::warning().name()));
    m_versions->setObjectName(u"crashVersionsChart"_s);
    m_versions->setRenderHint(QPainter::Antialiasing);
    m_versions->setMinimumHeight(190);
    m_versions->setMaximumHeight(230);
    m_reports->setObjectName(u"crashReports"_s);
    m_frames->setObjectName(u"crashFrames"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_frames->setTabKeyNavigation(false);
    m_frames->setAccessibleName(tr("Stack frames of the crashing thread"));
    m_frames->setColumnCount(4);
    m_frames->setHorizontalHeaderLabels({tr("#"), tr("Function"), tr("Module"), tr("Source")});
    m_frames->verticalHeader()->hide();
    m_frames->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frames->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frames->setWordWrap(false);
    m_frames->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_frames->setColumnWidth(0, 36);
    m_frames->setColumnWidth(2, 150);
    m_frames->setColumnWidth(3, 200);
    DeltaTableDelegate::keepHeadersVisible(m_frames);
    m_frames->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_reportNote->setWordWrap(true);
    m_commit->setObjectName(u"crashCommit"_s);
    m_commit->setToolTip(tr("Commit the current organisation to this crash (Ctrl+Enter)"));
    m_link->setObjectName(u"crashSameAsDefect"_s);
    m_link->setToolTip(tr("Record that this crash is the defect you name (marks it a "
                          "duplicate of it)"));

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 6, 8, 6);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_facts);
    detailLayout->addWidget(m_regressed);
    detailLayout->addWidget(m_versions);
    auto *reportBar = new QHBoxLayout;
    auto *reportLabel = new QLabel(tr("&Report:"), detail);
    reportLabel->setBuddy(m_reports);
    reportBar->addWidget(reportLabel);
    reportBar->addWidget(m_reports, 1);
    detailLayout->addLayout(reportBar);
    detailLayout->addWidget(m_frames, 1);
    detailLayout->addWidget(m_reportNote);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_link);
    buttons->addWidget(m_commit);
    detailLayout->addLayout(buttons);

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(6, 6, 0, 0);
    auto *heading = new QLabel(tr("<b>Crashes</b> — one crash delta per signature, most reports "
                                  "first. Drop crash texts on the window to add reports."),
                               listSide);
    heading->setWordWrap(true);
    listLayout->addWidget(heading);
    listLayout->addLayout(m_stack);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"crashSplitter"_s);
    splitter->addWidget(listSide);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CrashView::showCurrent);
    connect(m_reports, &QComboBox::currentIndexChanged, this, &CrashView::showReport);
    connect(m_commit, &QPushButton::clicked, this, &CrashView::commitRequested);
    connect(m_link, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentDelta())
            Q_EMIT linkToDefectRequested(id);
    });
    connect(model, &QAbstractItemModel::modelReset, this, &CrashView::updateState);
    updateState();
}

qint64 CrashView::currentDelta() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->deltaAt(current.row()) : 0;
}

bool CrashView::selectDelta(qint64 deltaId)
{
    const int row = m_model->rowOf(deltaId);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, CrashListModel::SignatureColumn));
    m_table->scrollTo(m_table->currentIndex());
    return true;
}

void CrashView::updateState()
{
    const QLocale locale;
    if (!m_model->lastError().isEmpty()) {
        m_empty->setText(tr("Cannot read the crash reports: %1").arg(m_model->lastError()));
    } else {
        m_empty->setText(tr("No crash reports yet. Drop crash texts (gdb, DrKonqi, "
                            "minidump_stackwalk, Python, Java, AddressSanitizer, WinDbg, Apple "
                            ".crash) on this window, or run 'deltaboard-cli crash ingest'."));
    }
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_table);
    // Keep showing the same delta when it is still there, else the first one.
    const qint64 keep = m_shown;
    if (m_model->rowCount() > 0 && !(keep && selectDelta(keep)))
        m_table->setCurrentIndex(m_model->index(0, CrashListModel::SignatureColumn));
    if (m_model->rowCount() == 0) {
        m_shown = 0;
        showCurrent();
    }
}

void CrashView::showCurrent()
{
    const int row = m_table->currentIndex().row();
    const CrashSummary *summary = row >= 0 ? m_model->summaryAt(row) : nullptr;
    m_shown = summary ? summary->deltaId : 0;
    m_commit->setEnabled(summary != nullptr);
    m_link->setEnabled(summary != nullptr);
    m_reports->blockSignals(true);
    m_reports->clear();
    m_reports->blockSignals(false);
    m_loaded.clear();
    m_frames->setRowCount(0);
    if (!summary) {
        m_title->setText(tr("No crash selected"));
        m_facts->clear();
        m_regressed->hide();
        m_reportNote->clear();
        emptiedChart(m_versions, {});
        return;
    }
    const QLocale locale;
    const auto day = [&locale](const QString &text) {
        const QDateTime time = Clock::fromText(text);
        return time.isValid() ? locale.toString(time.toLocalTime().date(), QLocale::ShortFormat)
                              : text;
    };
    m_title->setText(u"#%1  %2"_s.arg(summary->deltaId).arg(summary->title.toHtmlEscaped()));
    m_facts->setText(tr("<code>%1</code><br>%2 reports · first %3 · last %4 · platforms: %5")
                         .arg(summary->signature.toHtmlEscaped(), locale.toString(summary->reports),
                              day(summary->firstSeen), day(summary->lastSeen),
                              summary->platforms.isEmpty()
                                  ? tr("not stated")
                                  : summary->platforms.join(u", "_s).toHtmlEscaped()));
    m_regressed->setVisible(summary->regressed);
    m_regressed->setText(tr("Regressed: fixed in %1 (verified), and reports from %2 keep coming.")
                             .arg(summary->fixedIn, summary->regressedIn));

    // Reports per version, as bars.
    QChart *chart = emptiedChart(m_versions, tr("Reports per version"));
    const auto perVersion = CrashStore(m_db).reportsPerVersion(summary->deltaId);
    if (perVersion) {
        auto *set = new QBarSet(tr("reports"));
        set->setColor(Palette::colourFor(u"crash"_s));
        QStringList categories;
        int most = 1;
        for (const auto &[version, count] : *perVersion) {
            categories.append(version.isEmpty() ? tr("unknown") : version);
            set->append(count);
            most = std::max(most, count);
        }
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setTitleText(tr("version"));
        auto *y = new QValueAxis;
        y->setRange(0, most);
        y->setLabelFormat(u"%d"_s);
        y->setTitleText(tr("reports"));
        y->applyNiceNumbers();
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
    }

    auto reports = CrashStore(m_db).reports(summary->deltaId);
    if (!reports) {
        m_reportNote->setText(tr("Cannot read the reports: %1").arg(reports.error()));
        return;
    }
    m_loaded = std::move(reports).value();
    // Newest first: what came in last is what people ask about.
    std::reverse(m_loaded.begin(), m_loaded.end());
    m_reports->blockSignals(true);
    for (const CrashReport &report : std::as_const(m_loaded)) {
        QStringList parts{day(report.receivedAt)};
        if (!report.productVersion.isEmpty())
            parts.append(report.productVersion);
        if (!report.platform.isEmpty())
            parts.append(report.platform);
        m_reports->addItem(tr("#%1 — %2").arg(report.id).arg(parts.join(u", "_s)), report.id);
    }
    m_reports->blockSignals(false);
    showReport(0);
}

void CrashView::showReport(int index)
{
    m_frames->setRowCount(0);
    if (index < 0 || index >= m_loaded.size())
        return;
    const CrashReport &report = m_loaded.at(index);
    const auto crash = CrashParser::parse(report.rawText, tr("report #%1").arg(report.id));
    if (!crash) {
        m_reportNote->setText(crash.error());
        return;
    }
    const CrashThread *thread = crash->crashing();
    const QList<int> signatureFrames = Signatures::signatureFrameIndexes(*crash);
    m_frames->setRowCount(int(thread->frames.size()));
    QFont strong = m_frames->font();
    strong.setBold(true);
    for (int i = 0; i < thread->frames.size(); ++i) {
        const CrashFrame &frame = thread->frames.at(i);
        const QString source
            = frame.file.isEmpty()
                  ? QString()
                  : (frame.line >= 0 ? u"%1:%2"_s.arg(frame.file).arg(frame.line) : frame.file);
        const QStringList cells = {QString::number(i), frame.function, frame.module, source};
        const bool inSignature = signatureFrames.contains(i);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (inSignature) {
                item->setFont(strong);
                item->setBackground(Palette::disagreement());
            }
            m_frames->setItem(i, c, item);
        }
    }
    m_reportNote->setText(
        tr("%1 format, crashing thread \"%2\"%3. Highlighted: the frames the signature names.")
            .arg(CrashParser::formatName(crash->format), thread->name.toHtmlEscaped(),
                 CrashTypes::describe(*crash).isEmpty()
                     ? QString()
                     : tr(", %1").arg(CrashTypes::describe(*crash).toHtmlEscaped())));
    if (!signatureFrames.isEmpty())
        m_frames->scrollToItem(m_frames->item(signatureFrames.first(), 0));
}

} // namespace Deltaboard
