#include "deltalistview.h"

#include "deltadetailview.h"
#include "deltatabledelegate.h"

#include "deltatablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

DeltaListView::DeltaListView(DeltaTableModel *model, Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedLayout)
    , m_detail(new DeltaDetailView(workspace, this))
    , m_debounce(new QTimer(this))
    , m_kindFilter(new QComboBox(this))
    , m_stateFilter(new QComboBox(this))
    , m_componentFilter(new QComboBox(this))
    , m_labelFilter(new QComboBox(this))
{
    m_kindFilter->setObjectName(u"kindFilter"_s);
    m_stateFilter->setObjectName(u"stateFilter"_s);
    m_componentFilter->setObjectName(u"componentFilter"_s);
    m_kindFilter->addItem(tr("All kinds"), -1);
    const QStringList kinds = Levels::titles(Levels::kindNames());
    for (int i = 0; i < kinds.size(); ++i)
        m_kindFilter->addItem(kinds.at(i), i);
    m_stateFilter->addItem(tr("All states"), -1);
    const QStringList states = Levels::titles(Levels::stateNames());
    for (int i = 0; i < states.size(); ++i)
        m_stateFilter->addItem(states.at(i), i);
    m_componentFilter->addItem(tr("All components"), 0);
    m_componentFilter->setMinimumContentsLength(14);
    m_labelFilter->setObjectName(u"labelFilter"_s);
    m_labelFilter->addItem(tr("All labels"), 0);
    m_labelFilter->setMinimumContentsLength(10);
    for (QComboBox *filter : {m_kindFilter, m_stateFilter, m_componentFilter, m_labelFilter}) {
        connect(filter, &QComboBox::currentIndexChanged, this, &DeltaListView::applyFilters);
    }
    setObjectName(u"deltaListView"_s);
    m_table->setObjectName(u"deltaTable"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_table->setTabKeyNavigation(false);
    m_table->setAccessibleName(tr("Deltas"));
    m_table->setModel(model);
    m_table->setItemDelegate(new DeltaTableDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Any column sorts, in SQL over the lazy model (DeltaTableModel::sort).
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(DeltaTableModel::IdColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(DeltaTableModel::TitleColumn,
                                                      QHeaderView::Stretch);
    // The title takes what the others leave; they are as narrow as their contents allow.
    // Level columns fit their header and every level's word in the user's language.
    const auto fit = &DeltaTableDelegate::fitColumn;
    fit(m_table, DeltaTableModel::IdColumn, {}, false, 52);
    fit(m_table, DeltaTableModel::KindColumn, Levels::kindNames(), true, 72);
    m_table->setColumnWidth(DeltaTableModel::ComponentColumn, 112);
    fit(m_table, DeltaTableModel::StateColumn, Levels::stateNames(), false, 82);
    fitPriorityColumn();
    fit(m_table, DeltaTableModel::ImpactColumn, Levels::impactNames(), true, 80);
    fit(m_table, DeltaTableModel::CommittedColumn, {}, false, 48);
    DeltaTableDelegate::keepHeadersVisible(m_table);

    m_empty->setObjectName(u"deltaEmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    auto *listSide = new QWidget(this);
    auto *filterBar = new QHBoxLayout;
    filterBar->setContentsMargins(4, 4, 4, 0);
    filterBar->addWidget(new QLabel(tr("Show:"), listSide));
    filterBar->addWidget(m_kindFilter);
    filterBar->addWidget(m_stateFilter);
    filterBar->addWidget(m_componentFilter);
    filterBar->addWidget(m_labelFilter);
    filterBar->addStretch();
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filterBar);
    listLayout->addLayout(m_stack);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"deltaSplitter"_s);
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    // A related delta's link selects it in the list, or shows it alone when a filter hides it.
    connect(m_detail, &DeltaDetailView::openDeltaRequested, this, [this](qint64 deltaId) {
        if (!selectDelta(deltaId))
            m_detail->showDelta(deltaId, m_organisation.value_or(0));
    });
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeltaListView::showCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeltaListView::selectionChanged);

    // Search as you type, but not a query per keystroke of a fast typist.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &DeltaListView::applySearch);
    connect(model, &QAbstractItemModel::modelReset, this, &DeltaListView::updateEmptyState);
    updateEmptyState();
}

void DeltaListView::setSearchText(const QString &text)
{
    m_pendingSearch = text;
    m_debounce->start();
}

void DeltaListView::setOrganisation(std::optional<qint64> organisationId)
{
    m_organisation = organisationId;
    DeltaFilter filter = m_model->filter();
    filter.priorityOf = organisationId;
    m_model->setFilter(filter);
}

QList<qint64> DeltaListView::selectedDeltas() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(DeltaTableModel::DeltaIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool DeltaListView::selectDelta(qint64 deltaId)
{
    const int row = m_model->rowOf(deltaId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, DeltaTableModel::TitleColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void DeltaListView::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    m_detail->showDelta(current.isValid() ? current.data(DeltaTableModel::DeltaIdRole).toLongLong()
                                          : 0,
                        m_organisation.value_or(0));
}

QJsonObject DeltaListView::filterState() const
{
    QJsonObject state;
    if (m_kindFilter->currentData().toInt() >= 0)
        state.insert(u"kind"_s, Levels::kindName(DeltaKind(m_kindFilter->currentData().toInt())));
    if (m_stateFilter->currentData().toInt() >= 0)
        state.insert(u"state"_s,
                     Levels::stateName(DeltaState(m_stateFilter->currentData().toInt())));
    if (const qint64 component = m_componentFilter->currentData().toLongLong())
        state.insert(u"component"_s, component);
    if (const qint64 label = m_labelFilter->currentData().toLongLong())
        state.insert(u"label"_s, label);
    const QHeaderView *header = m_table->horizontalHeader();
    state.insert(u"sort"_s, header->sortIndicatorSection());
    state.insert(u"descending"_s, header->sortIndicatorOrder() == Qt::DescendingOrder);
    return state;
}

void DeltaListView::setFilterState(const QJsonObject &state)
{
    {
        // One read of the list for the whole state, not one per combo box.
        const QSignalBlocker kind(m_kindFilter);
        const QSignalBlocker states(m_stateFilter);
        const QSignalBlocker component(m_componentFilter);
        const QSignalBlocker label(m_labelFilter);
        const auto kindValue = Levels::kindFromName(state.value(u"kind"_s).toString());
        m_kindFilter->setCurrentIndex(kindValue ? m_kindFilter->findData(int(*kindValue)) : 0);
        const auto stateValue = Levels::stateFromName(state.value(u"state"_s).toString());
        m_stateFilter->setCurrentIndex(stateValue ? m_stateFilter->findData(int(*stateValue)) : 0);
        m_componentFilter->setCurrentIndex(
            std::max(0, m_componentFilter->findData(state.value(u"component"_s).toInteger())));
        m_labelFilter->setCurrentIndex(
            std::max(0, m_labelFilter->findData(state.value(u"label"_s).toInteger())));
    }
    applyFilters();
    const int column
        = std::clamp(int(state.value(u"sort"_s).toInt()), 0, int(DeltaTableModel::ColumnCount) - 1);
    m_table->horizontalHeader()->setSortIndicator(
        column, state.value(u"descending"_s).toBool() ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void DeltaListView::setLabels(const QList<std::pair<qint64, QString>> &labels)
{
    const qint64 current = m_labelFilter->currentData().toLongLong();
    const QSignalBlocker blocker(m_labelFilter);
    while (m_labelFilter->count() > 1)
        m_labelFilter->removeItem(1);
    for (const auto &[id, name] : labels)
        m_labelFilter->addItem(name, id);
    const int index = m_labelFilter->findData(current);
    m_labelFilter->setCurrentIndex(std::max(index, 0));
    m_labelFilter->setVisible(!labels.isEmpty());
    if (index < 0 && current > 0)
        applyFilters(); // the label went away
}

void DeltaListView::setComponents(const QList<std::pair<qint64, QString>> &components)
{
    const qint64 current = m_componentFilter->currentData().toLongLong();
    const QSignalBlocker blocker(m_componentFilter);
    while (m_componentFilter->count() > 1)
        m_componentFilter->removeItem(1);
    for (const auto &[id, name] : components)
        m_componentFilter->addItem(name, id);
    m_componentFilter->setCurrentIndex(std::max(0, m_componentFilter->findData(current)));
}

void DeltaListView::applyFilters()
{
    DeltaFilter filter = m_model->filter();
    const int kind = m_kindFilter->currentData().toInt();
    const int state = m_stateFilter->currentData().toInt();
    const qint64 component = m_componentFilter->currentData().toLongLong();
    filter.kind = kind >= 0 ? std::optional(DeltaKind(kind)) : std::nullopt;
    filter.state = state >= 0 ? std::optional(DeltaState(state)) : std::nullopt;
    filter.componentId = component > 0 ? std::optional(component) : std::nullopt;
    const qint64 label = m_labelFilter->currentData().toLongLong();
    filter.labelId = label > 0 ? std::optional(label) : std::nullopt;
    m_model->setFilter(filter);
}

void DeltaListView::applySearch()
{
    DeltaFilter filter = m_model->filter();
    if (filter.search == m_pendingSearch)
        return;
    filter.search = m_pendingSearch;
    m_model->setFilter(filter);
}

void DeltaListView::fitPriorityColumn()
{
    DeltaTableDelegate::fitColumn(m_table, DeltaTableModel::PriorityColumn, Levels::priorityNames(),
                                  true, 84);
}

void DeltaListView::updateEmptyState()
{
    // Priority belongs to an organisation: without one chosen the column would only be empty.
    const DeltaFilter &filter = m_model->filter();
    const bool hidePriority = !filter.organisationId && !filter.priorityOf;
    if (m_table->isColumnHidden(DeltaTableModel::PriorityColumn) != hidePriority) {
        m_table->setColumnHidden(DeltaTableModel::PriorityColumn, hidePriority);
        // Shown again, a section takes the width it had when it was hidden, whatever was set
        // since: it gets the width its words need.
        if (!hidePriority)
            fitPriorityColumn();
    }
    const bool empty = m_model->totalCount() == 0;
    if (!m_model->lastError().isEmpty()) {
        m_empty->setText(tr("Cannot read deltas: %1").arg(m_model->lastError()));
    } else if (filter.kind || filter.state || filter.componentId) {
        m_empty->setText(tr("No delta matches these filters."));
    } else if (filter.search.isEmpty()) {
        m_empty->setText(tr("<h3>No deltas yet</h3><p>Deltas are reports: defects, crashes and "
                            "specs. Create a demo workspace with File → Create Demo Workspace, "
                            "or import a tracker export with <tt>deltaboard-cli import</tt>."
                            "</p>"));
    } else {
        m_empty->setText(tr("No delta matches “%1”.").arg(filter.search.toHtmlEscaped()));
    }
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_table);
    showCurrent();
    Q_EMIT countChanged(m_model->totalCount());
}

} // namespace Deltaboard
