#include "impactmatrixmodel.h"

#include "groupstore.h"
#include "setimpactcommand.h"

#include <QLocale>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Deltaboard {

ImpactMatrixModel::ImpactMatrixModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{}

void ImpactMatrixModel::refresh()
{
    beginResetModel();
    m_windows.clear();
    m_rows.clear();
    m_ids.clear();
    m_groups.clear();
    m_error.clear();
    Database &db = m_workspace->database();
    auto groups = GroupStore(db).groups();
    if (groups)
        m_groups = *groups;
    auto ids = readIds();
    if (groups && ids) {
        m_ids = std::move(ids).value();
    } else {
        m_error = !groups ? groups.error() : ids.error();
    }
    m_rows.reserve(m_ids.size());
    for (int row = 0; row < m_ids.size(); ++row)
        m_rows.insert(m_ids.at(row), row);
    endResetModel();
}

void ImpactMatrixModel::refreshDelta(qint64 deltaId)
{
    // An impact change reorders the map (and may bring a delta in or take it out); only its
    // own row changes when the order stays.
    const auto ids = readIds();
    if (ids && *ids == m_ids) {
        if (const int row = rowOf(deltaId); row >= 0) {
            m_windows.remove(row / kWindow);
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
        return;
    }
    refresh();
}

Result<QList<qint64>> ImpactMatrixModel::readIds()
{
    using Order = TriageReports::MatrixOrder;
    TriageReports reports(m_workspace->database());
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    switch (m_sortColumn) {
    case -1: return reports.impactMatrixIds(Order::Weight, true);
    case IdColumn: return reports.impactMatrixIds(Order::Id, descending);
    case TitleColumn: return reports.impactMatrixIds(Order::Title, descending);
    case UsersColumn: return reports.impactMatrixIds(Order::Users, descending);
    default:
        if (const UserGroup *group = groupAt(m_sortColumn))
            return reports.impactMatrixIds(Order::Group, descending, group->id);
        return reports.impactMatrixIds(Order::Weight, true);
    }
}

void ImpactMatrixModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refresh();
}

int ImpactMatrixModel::columnOfGroup(qint64 groupId) const
{
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).id == groupId)
            return FirstGroupColumn + i;
    }
    return -1;
}

const ImpactMatrixRow *ImpactMatrixModel::rowAt(int row) const
{
    const int window = row / kWindow;
    auto it = m_windows.find(window);
    if (it == m_windows.end()) {
        if (m_windows.size() >= kMaxWindows)
            m_windows.clear();
        const auto rows = TriageReports(m_workspace->database())
                              .impactMatrixRows(m_ids.mid(window * kWindow, kWindow));
        if (!rows) {
            m_error = rows.error();
            return nullptr;
        }
        it = m_windows.insert(window, *rows);
    }
    return &it.value().at(row % kWindow);
}

const UserGroup *ImpactMatrixModel::groupAt(int column) const
{
    const int i = column - FirstGroupColumn;
    return i >= 0 && i < m_groups.size() ? &m_groups.at(i) : nullptr;
}

int ImpactMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ImpactMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstGroupColumn + int(m_groups.size());
}

QVariant ImpactMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == DeltaIdRole)
        return m_ids.at(index.row());
    const UserGroup *group = groupAt(index.column());
    if (role == GroupIdRole)
        return group ? QVariant(group->id) : QVariant();
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == IdColumn || index.column() == UsersColumn;
        return QVariant::fromValue(
            Qt::Alignment(Qt::AlignVCenter)
            | (group ? Qt::AlignHCenter : (number ? Qt::AlignRight : Qt::AlignLeft)));
    }
    // A screen reader reads a cell as its tooltip says it: the group, the level, the users.
    if (role == Qt::AccessibleTextRole && group)
        role = Qt::ToolTipRole;
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != LevelRole
        && role != Qt::ToolTipRole) {
        return {};
    }
    const ImpactMatrixRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (group) {
        const auto it = row->groups.constFind(group->id);
        if (it == row->groups.cend())
            return role == Qt::ToolTipRole ? tr("%1: not assessed").arg(group->name) : QVariant();
        if (role == LevelRole || role == Qt::EditRole)
            return it->level;
        if (role == Qt::ToolTipRole) {
            return it->affectedUsers
                       ? tr("%1: %2, about %3 users affected")
                             .arg(group->name, Levels::title(Levels::impactName(it->level)),
                                  QLocale().toString(*it->affectedUsers))
                       : tr("%1: %2").arg(group->name,
                                          Levels::title(Levels::impactName(it->level)));
        }
        return Levels::title(Levels::impactName(it->level));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn: return row->deltaId;
    case TitleColumn: return row->title;
    case UsersColumn:
        return row->affectedUsers ? QLocale().toString(row->affectedUsers) : QString();
    default: return {};
    }
}

bool ImpactMatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const UserGroup *group = groupAt(index.column());
    if (role != Qt::EditRole || !group || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    std::optional<int> level;
    if (value.isValid() && !value.isNull()) {
        bool ok = false;
        level = value.toInt(&ok);
        if (!ok || *level < 0 || *level > 4)
            return false;
    }
    const ImpactMatrixRow *row = rowAt(index.row());
    if (!row)
        return false;
    SetImpactCommand::Assessment before;
    if (const auto it = row->groups.constFind(group->id); it != row->groups.cend())
        before = {it->level, it->affectedUsers};
    if (before.level == level)
        return true;
    // The users estimate stays with the assessment; removing the assessment removes it too.
    const SetImpactCommand::Assessment after{level, level ? before.affectedUsers : std::nullopt};
    m_workspace->undoStack()->push(
        new SetImpactCommand(m_workspace, row->deltaId, group->id, before, after));
    return true;
}

QVariant ImpactMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const UserGroup *group = groupAt(section);
    if (role == Qt::ToolTipRole) {
        if (group) {
            return group->size
                       ? tr("%1: %2 users").arg(group->name, QLocale().toString(*group->size))
                       : tr("%1: size not estimated").arg(group->name);
        }
        if (section == UsersColumn)
            return tr("Affected users estimated over all groups");
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (group ? Qt::AlignHCenter : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole)
        return {};
    if (group)
        return group->name;
    switch (section) {
    case IdColumn: return tr("ID");
    case TitleColumn: return tr("Delta");
    case UsersColumn: return tr("Users affected");
    default: return {};
    }
}

Qt::ItemFlags ImpactMatrixModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (groupAt(index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace Deltaboard
