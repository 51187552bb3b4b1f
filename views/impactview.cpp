#include "impactview.h"

#include "chartreuse.h"
#include "deltatabledelegate.h"
#include "palette.h"

#include "impactmatrixmodel.h"
#include "levels.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QPainter>
#include <QPercentBarSeries>
#include <QSplitter>
#include <QStackedLayout>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

// Group cells as heat: one filled square per assessment, darker for more impact, the level's
// name on it; not assessed stays blank. Other cells as usual.
class HeatMapDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        if (!index.data(ImpactMatrixModel::GroupIdRole).isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem base = option;
        initStyleOption(&base, index);
        base.text.clear();
        const QWidget *widget = option.widget;
        widget->style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);
        const QVariant level = index.data(ImpactMatrixModel::LevelRole);
        if (!level.isValid())
            return;
        const QRect cell = option.rect.adjusted(2, 2, -2, -2);
        painter->save();
        painter->fillRect(cell, Palette::heat(level.toInt()));
        if (option.state & QStyle::State_HasFocus) {
            painter->setPen(QPen(option.palette.highlight(), 2));
            painter->drawRect(cell.adjusted(1, 1, -1, -1));
        }
        painter->setPen(Palette::heatText(level.toInt()));
        painter->setFont(option.font);
        painter->drawText(cell, Qt::AlignCenter, index.data().toString());
        painter->restore();
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        return DeltaTableDelegate::createLevelEditor(parent, Levels::titles(Levels::impactNames()),
                                                     const_cast<HeatMapDelegate *>(this));
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        DeltaTableDelegate::setLevelEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        DeltaTableDelegate::setLevelModelData(editor, model, index);
    }
};

} // namespace

ImpactView::ImpactView(ImpactMatrixModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_chartView(new QChartView(this))
    , m_coverageNote(new QLabel(this))
{
    setObjectName(u"impactView"_s);
    m_table->setObjectName(u"impactMap"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Impact heat map"));
    m_table->setModel(model);
    m_table->setItemDelegate(new HeatMapDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->installEventFilter(this);
    // Heaviest first until a header is clicked; then by that column (a group: by its level).
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);

    m_empty->setObjectName(u"impactEmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *heading = new QLabel(tr("<b>Impact by user group</b> — open deltas, heaviest first "
                                  "(each group's level weighted by its size). Type 0–4 on a "
                                  "cell to assess it, Delete to clear."),
                               this);
    heading->setWordWrap(true);
    auto *mapSide = new QWidget(this);
    auto *mapLayout = new QVBoxLayout(mapSide);
    mapLayout->setContentsMargins(6, 6, 6, 0);
    mapLayout->addWidget(heading);
    mapLayout->addLayout(m_stack);

    m_chartView->setObjectName(u"coverageChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    m_coverageNote->setObjectName(u"coverageNote"_s);
    m_coverageNote->setWordWrap(true);
    m_coverageNote->setText(tr("Reading coverage…"));
    auto *chartSide = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartSide);
    chartLayout->setContentsMargins(6, 0, 6, 4);
    chartLayout->addWidget(m_chartView, 1);
    chartLayout->addWidget(m_coverageNote);

    // The map over the full width (one column per group), the coverage bars under it.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"impactSplitter"_s);
    splitter->addWidget(mapSide);
    splitter->addWidget(chartSide);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({520, 340});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.column() < ImpactMatrixModel::FirstGroupColumn)
            Q_EMIT openDeltaRequested(m_model->deltaAt(index.row()));
    });
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        m_keepDelta = current.isValid() ? m_model->deltaAt(current.row()) : 0;
        m_keepColumn = current.column();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        modelRefreshed();
        if (const int row = m_model->rowOf(m_keepDelta); m_keepDelta && row >= 0) {
            const QModelIndex index = m_model->index(row, m_keepColumn);
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
        }
    });
    modelRefreshed();
}

void ImpactView::modelRefreshed()
{
    m_table->setColumnWidth(ImpactMatrixModel::IdColumn, 56);
    m_table->setColumnWidth(ImpactMatrixModel::UsersColumn, 110);
    // Each group column as wide as its name; the title takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(ImpactMatrixModel::TitleColumn,
                                                      QHeaderView::Stretch);
    const QFontMetrics metrics(m_table->horizontalHeader()->font());
    for (int column = ImpactMatrixModel::FirstGroupColumn; column < m_model->columnCount();
         ++column) {
        const QString name = m_model->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(column, std::max(80, metrics.horizontalAdvance(name) + 20));
    }
    DeltaTableDelegate::keepHeadersVisible(m_table);
    if (!m_model->lastError().isEmpty())
        m_empty->setText(tr("Cannot read the impact map: %1").arg(m_model->lastError()));
    else if (m_model->groups().isEmpty())
        m_empty->setText(tr("No user groups yet. Impact belongs to a user group: who is hurt. "
                            "Create a demo workspace from the File menu to see one."));
    else
        m_empty->setText(tr("No open delta has an impact assessment yet. Assess one in the "
                            "Deltas view (Ctrl+2)."));
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_table);
}

void ImpactView::setCoverage(const Result<QList<CoverageRow>> &coverage)
{
    QChart *chart = emptiedChart(
        m_chartView, tr("Coverage per user group: its impacted deltas by how far commitments got"));
    if (!coverage) {
        m_coverageNote->setText(tr("Cannot read coverage: %1").arg(coverage.error()));
        return;
    }
    const QStringList stages = {tr("uncommitted"), tr("committed"), tr("in progress"),
                                tr("done, unverified"), tr("verified")};
    QList<QBarSet *> sets;
    for (int stage = 0; stage < stages.size(); ++stage) {
        auto *set = new QBarSet(stages.at(stage));
        set->setColor(Palette::coverageStage(stage));
        set->setBorderColor(Palette::coverageStage(stage));
        sets.append(set);
    }
    QStringList categories;
    const QLocale locale;
    int uncommitted = 0;
    int total = 0;
    for (auto it = coverage->cbegin(); it != coverage->cend(); ++it) {
        categories.append(u"%1 (%2)"_s.arg(it->group, locale.toString(it->total())));
        const int counts[]
            = {it->uncommitted, it->committed, it->inProgress, it->done, it->verified};
        for (int stage = 0; stage < 5; ++stage)
            sets[stage]->append(counts[stage]);
        uncommitted += it->uncommitted;
        total += it->total();
    }
    auto *series = new QPercentBarSeries;
    series->append(sets);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *groups = new QBarCategoryAxis;
    groups->append(categories);
    groups->setTitleText(tr("user group (impacted deltas)"));
    chart->addAxis(groups, Qt::AlignBottom);
    series->attachAxis(groups);
    auto *share = new QValueAxis;
    share->setRange(0, 100);
    share->setTickCount(5);
    share->setLabelFormat(u"%d%"_s);
    share->setTitleText(tr("share"));
    chart->addAxis(share, Qt::AlignLeft);
    series->attachAxis(share);
    m_coverageNote->setText(
        coverage->isEmpty()
            ? tr("No user groups yet.")
            : tr("Counts after each group are its impacted deltas (level low or above); a delta "
                 "counts once per group, in the furthest stage any organisation's task reached. "
                 "%1 of %2 group–delta pairs have no commitment at all.")
                  .arg(locale.toString(uncommitted), locale.toString(total)));
}

bool ImpactView::selectDelta(qint64 deltaId)
{
    const int row = m_model->rowOf(deltaId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, ImpactMatrixModel::TitleColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

bool ImpactView::eventFilter(QObject *watched, QEvent *event)
{
    // Keys typed into an open editor go to the editor, not to the table watched here.
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !current.data(ImpactMatrixModel::GroupIdRole).isValid()
        || (key->modifiers() != Qt::NoModifier && key->modifiers() != Qt::KeypadModifier)) {
        return QWidget::eventFilter(watched, event);
    }
    if (key->key() >= Qt::Key_0 && key->key() <= Qt::Key_4) {
        m_model->setData(current, key->key() - Qt::Key_0);
        return true;
    }
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
        m_model->setData(current, QVariant());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Deltaboard
