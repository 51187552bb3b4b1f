#include "gapview.h"

#include "deltatabledelegate.h"

#include "gapmodel.h"
#include "levels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

GapView::GapView(GapModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_commit(new QPushButton(tr("&Commit…"), this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
{
    setObjectName(u"gapView"_s);
    m_summary->setObjectName(u"gapSummary"_s);
    m_summary->setWordWrap(true);
    m_commit->setObjectName(u"gapCommit"_s);
    m_commit->setToolTip(tr("Commit the current organisation to the selected deltas "
                            "(Ctrl+Enter)"));
    m_commit->setEnabled(false);

    m_table->setObjectName(u"gapTable"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("The commitment gap"));
    m_table->setModel(model);
    m_table->setItemDelegate(
        new DeltaTableDelegate({GapModel::KindColumn, GapModel::ImpactColumn}, 0, m_table));
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(GapModel::TitleColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(GapModel::IdColumn, 60);
    DeltaTableDelegate::fitColumn(m_table, GapModel::KindColumn, Levels::kindNames(), true, 72);
    DeltaTableDelegate::fitColumn(m_table, GapModel::ImpactColumn, Levels::impactNames(), true, 90);
    m_table->setColumnWidth(GapModel::UsersColumn, 104);
    m_table->setColumnWidth(GapModel::GroupsColumn, 300);
    m_table->setColumnWidth(GapModel::PrioritiesColumn, 300);
    DeltaTableDelegate::keepHeadersVisible(m_table);

    m_empty->setObjectName(u"gapEmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_commit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(m_stack);

    connect(m_commit, &QPushButton::clicked, this, &GapView::commitRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_commit->setEnabled(!selectedDeltas().isEmpty()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openDeltaRequested(m_model->deltaAt(index.row()));
    });
    connect(model, &QAbstractItemModel::modelReset, this, &GapView::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &GapView::updateState);
    updateState();
}

void GapView::setTotal(std::optional<int> total)
{
    m_total = total;
    updateState();
}

QList<qint64> GapView::selectedDeltas() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (const int row : std::as_const(rows))
        ids.append(m_model->deltaAt(row));
    return ids;
}

void GapView::updateState()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    if (!m_model->lastError().isEmpty()) {
        m_empty->setText(tr("Cannot compute the commitment gap: %1").arg(m_model->lastError()));
        m_summary->clear();
    } else {
        m_empty->setText(tr("No gap: every delta that hurts a user group highly has an open "
                            "task in some organisation."));
        const QString count = m_model->complete() ? locale.toString(rows)
                              : m_total           ? locale.toString(*m_total)
                                                  : tr("at least %1").arg(locale.toString(rows));
        m_summary->setText(
            tr("<b>Commitment gap</b> — %1 open deltas hurt a user group highly (impact high or "
               "critical) and no organisation has an open task for them. Most impact first; "
               "select and commit.")
                .arg(count));
    }
    m_stack->setCurrentWidget(rows == 0 ? static_cast<QWidget *>(m_empty) : m_table);
    m_commit->setEnabled(!selectedDeltas().isEmpty());
}

} // namespace Deltaboard
