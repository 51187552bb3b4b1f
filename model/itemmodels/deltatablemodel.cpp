#include "deltatablemodel.h"

using namespace Qt::StringLiterals;

namespace Deltaboard {

DeltaTableModel::DeltaTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
    setFilter({});
}

void DeltaTableModel::setFilter(const DeltaFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_windows.clear();
    m_windowsRead = 0;
    m_error.clear();
    auto ids = DeltaStore(m_db).ids(filter);
    if (ids) {
        m_ids = std::move(ids).value();
    } else {
        m_ids.clear();
        m_error = ids.error();
    }
    endResetModel();
}

const DeltaRow *DeltaTableModel::rowAt(int row) const
{
    const int window = row / kWindow;
    auto it = m_windows.find(window);
    if (it == m_windows.end()) {
        if (m_windows.size() >= kMaxWindows)
            m_windows.clear(); // simple bound; a view only shows a few windows at a time
        const int first = window * kWindow;
        const int last = std::min(int(m_ids.size()), first + kWindow) - 1;
        // Exactly this window's ids: the filter (a search, say) was applied when the ids were
        // read and need not run again.
        const auto rows = DeltaStore(m_db).rows(m_ids.mid(first, last - first + 1),
                                                m_filter.priorityOf ? m_filter.priorityOf
                                                                    : m_filter.organisationId);
        if (!rows) {
            m_error = rows.error();
            return nullptr;
        }
        ++m_windowsRead;
        // The database may have changed since the ids were read: index the rows by id so a
        // deleted delta shows as an empty row instead of shifting the others.
        QHash<qint64, DeltaRow> byId;
        for (const DeltaRow &r : *rows)
            byId.insert(r.id, r);
        QList<DeltaRow> windowRows;
        windowRows.reserve(last - first + 1);
        for (int i = first; i <= last; ++i) {
            DeltaRow missing;
            missing.id = m_ids.at(i);
            windowRows.append(byId.value(missing.id, missing));
        }
        it = m_windows.insert(window, windowRows);
    }
    return &it.value().at(row % kWindow);
}

int DeltaTableModel::rowOf(qint64 deltaId) const
{
    // In id order a binary search finds the row; sorted by another column, a scan (0.1 ms at
    // 100,000 ids).
    if (m_filter.sort != DeltaSort::Id || m_filter.descending)
        return int(m_ids.indexOf(deltaId));
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), deltaId);
    return it != m_ids.cend() && *it == deltaId ? int(it - m_ids.cbegin()) : -1;
}

void DeltaTableModel::refreshDelta(qint64 deltaId)
{
    const int row = rowOf(deltaId);
    if (row < 0)
        return;
    m_windows.remove(row / kWindow);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DeltaTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int DeltaTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeltaTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == DeltaIdRole)
        return m_ids.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == IdColumn || index.column() == CommittedColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != KindRole)
        return {};
    const DeltaRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == KindRole)
        return Levels::kindName(row->kind);
    switch (index.column()) {
    case IdColumn: return row->id;
    case KindColumn: return Levels::title(Levels::kindName(row->kind));
    case TitleColumn: return row->title;
    case ComponentColumn: return row->component;
    case StateColumn: return Levels::title(Levels::stateName(row->state));
    case PriorityColumn:
        return row->priority ? Levels::title(Levels::priorityName(*row->priority)) : QString();
    case ImpactColumn:
        return row->topImpact ? Levels::title(Levels::impactName(*row->topImpact)) : QString();
    case CommittedColumn: return row->committedOrganisations;
    default: return {};
    }
}

QVariant DeltaTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        const bool number = section == IdColumn || section == CommittedColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == CommittedColumn)
        return tr("How many organisations have committed to the delta");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case KindColumn: return tr("Kind");
    case TitleColumn: return tr("Title");
    case ComponentColumn: return tr("Component");
    case StateColumn: return tr("State");
    case PriorityColumn: return tr("Priority");
    case ImpactColumn: return tr("Top impact");
    case CommittedColumn: return tr("Orgs");
    default: return {};
    }
}

DeltaSort DeltaTableModel::sortOf(int column)
{
    switch (column) {
    case KindColumn: return DeltaSort::Kind;
    case TitleColumn: return DeltaSort::Title;
    case ComponentColumn: return DeltaSort::Component;
    case StateColumn: return DeltaSort::State;
    case PriorityColumn: return DeltaSort::Priority;
    case ImpactColumn: return DeltaSort::Impact;
    case CommittedColumn: return DeltaSort::Committed;
    default: return DeltaSort::Id;
    }
}

void DeltaTableModel::sort(int column, Qt::SortOrder order)
{
    DeltaFilter filter = m_filter;
    filter.sort = sortOf(column);
    filter.descending = order == Qt::DescendingOrder;
    if (filter.sort == m_filter.sort && filter.descending == m_filter.descending)
        return;
    setFilter(filter);
}

} // namespace Deltaboard
