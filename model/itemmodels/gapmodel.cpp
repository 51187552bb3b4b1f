#include "gapmodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Deltaboard {

GapModel::GapModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{}

void GapModel::refresh()
{
    // The first page comes with the reset; later ones as the view scrolls.
    beginResetModel();
    m_rows.clear();
    m_complete = false;
    m_error.clear();
    if (auto page = Reports(m_db).gap(kPage, 0)) {
        m_complete = page->size() < kPage;
        m_rows = std::move(page).value();
    } else {
        m_error = page.error();
    }
    endResetModel();
}

int GapModel::rowOf(qint64 deltaId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).deltaId == deltaId)
            return row;
    }
    return -1;
}

bool GapModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && m_error.isEmpty();
}

void GapModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const auto page = Reports(m_db).gap(kPage, int(m_rows.size()));
    if (!page) {
        m_error = page.error();
        return;
    }
    m_complete = page->size() < kPage;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

int GapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GapRow &row = m_rows.at(index.row());
    if (role == DeltaIdRole)
        return row.deltaId;
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == IdColumn || index.column() == UsersColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn: return role == Qt::DisplayRole ? QVariant(row.deltaId) : QVariant();
    case KindColumn:
        return role == Qt::DisplayRole ? Levels::title(Levels::kindName(row.kind)) : QString();
    case TitleColumn:
        if (row.regressed) {
            return role == Qt::ToolTipRole
                       ? tr("Regressed: it was fixed and verified, and crashes again in a fixed "
                            "version")
                       : tr("⟲ regressed · %1").arg(row.title);
        }
        return row.title;
    case ImpactColumn:
        return role == Qt::DisplayRole ? Levels::title(Levels::impactName(row.topImpact))
                                       : QString();
    case UsersColumn:
        return role == Qt::DisplayRole && row.affectedUsers ? QLocale().toString(row.affectedUsers)
                                                            : QString();
    case GroupsColumn: {
        QStringList groups;
        for (const ImpactEntry &entry : row.groups)
            groups.append(
                u"%1 (%2)"_s.arg(entry.group, Levels::title(Levels::impactName(entry.level))));
        return groups.join(u", "_s);
    }
    case PrioritiesColumn: {
        if (row.priorities.isEmpty())
            return role == Qt::DisplayRole ? tr("no organisation has ranked it") : QString();
        QStringList priorities;
        for (const PriorityEntry &entry : row.priorities)
            priorities.append(u"%1: %2"_s.arg(entry.organisation,
                                              Levels::title(Levels::priorityName(entry.level))));
        return priorities.join(u", "_s);
    }
    default: return {};
    }
}

QVariant GapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        const bool number = section == IdColumn || section == UsersColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("ID");
    case KindColumn: return tr("Kind");
    case TitleColumn: return tr("Title");
    case ImpactColumn: return tr("Top impact");
    case UsersColumn: return tr("Users affected");
    case GroupsColumn: return tr("Groups hurt");
    case PrioritiesColumn: return tr("How organisations rank it");
    default: return {};
    }
}

} // namespace Deltaboard
