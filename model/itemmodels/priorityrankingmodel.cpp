#include "priorityrankingmodel.h"

#include "rankdeltacommand.h"
#include "setprioritycommand.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

const QString kMimeType = u"application/x-deltaboard-ranked-delta"_s;

} // namespace

PriorityRankingModel::PriorityRankingModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{}

void PriorityRankingModel::setOrganisations(qint64 first, const QString &firstName, qint64 second,
                                            const QString &secondName)
{
    m_first = first;
    m_firstName = firstName;
    m_second = second == first ? 0 : second;
    m_secondName = m_second ? secondName : QString();
    refresh();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void PriorityRankingModel::setStrongOnly(bool strongOnly)
{
    if (strongOnly == m_strongOnly)
        return;
    m_strongOnly = strongOnly;
    refresh();
}

void PriorityRankingModel::refresh()
{
    beginResetModel();
    m_windows.clear();
    m_rows.clear();
    m_error.clear();
    m_ids.clear();
    m_strongCount = 0;
    if (m_first > 0) {
        TriageReports reports(m_workspace->database());
        auto ids = reports.rankingIds(m_first, m_second, m_strongOnly);
        if (ids)
            m_ids = std::move(ids).value();
        else
            m_error = ids.error();
        if (m_strongOnly) {
            m_strongCount = int(m_ids.size());
        } else if (m_second) {
            const auto strong = reports.rankingIds(m_first, m_second, true);
            m_strongCount = strong ? int(strong->size()) : 0;
        }
    }
    m_rows.reserve(m_ids.size());
    for (int row = 0; row < m_ids.size(); ++row)
        m_rows.insert(m_ids.at(row), row);
    endResetModel();
}

void PriorityRankingModel::refreshDelta(qint64 deltaId)
{
    // A priority change can move the delta, bring it in or take it out: read the order again
    // (ids only, from the index). Other changes (a title) need just its window.
    const int row = rowOf(deltaId);
    TriageReports reports(m_workspace->database());
    const auto ids = reports.rankingIds(m_first, m_second, m_strongOnly);
    // The strong count can change without the order changing (one level up or down).
    bool sameCount = true;
    if (m_second && !m_strongOnly) {
        const auto strong = reports.rankingIds(m_first, m_second, true);
        sameCount = strong && int(strong->size()) == m_strongCount;
    }
    if (ids && *ids == m_ids && sameCount) {
        if (row >= 0) {
            m_windows.remove(row / kWindow);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    refresh();
}

const DisagreementRow *PriorityRankingModel::rowAt(int row) const
{
    const int window = row / kWindow;
    auto it = m_windows.find(window);
    if (it == m_windows.end()) {
        if (m_windows.size() >= kMaxWindows)
            m_windows.clear();
        const int first = window * kWindow;
        const auto rows = TriageReports(m_workspace->database())
                              .rankingRows(m_ids.mid(first, kWindow), m_first, m_second);
        if (!rows) {
            m_error = rows.error();
            return nullptr;
        }
        it = m_windows.insert(window, *rows);
    }
    return &it.value().at(row % kWindow);
}

std::optional<int> PriorityRankingModel::levelAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return std::nullopt;
    const DisagreementRow *r = rowAt(row);
    return r ? r->first : std::nullopt;
}

bool PriorityRankingModel::moveDelta(int row, int targetRow)
{
    if (row < 0 || row >= m_ids.size() || targetRow < 0 || targetRow > m_ids.size()
        || targetRow == row) {
        return false;
    }
    // Before the next row is where it is, unless that row starts another level.
    if (targetRow == row + 1 && (targetRow == m_ids.size() || levelAt(targetRow) == levelAt(row)))
        return false;
    const std::optional<int> targetLevel = levelAt(targetRow);
    if (targetLevel) {
        m_workspace->undoStack()->push(new RankDeltaCommand(m_workspace, m_first, m_ids.at(row),
                                                            *targetLevel, m_ids.at(targetRow)));
        return true;
    }
    // Past the ranked deltas (at the end, or among those only the other organisation ranks):
    // the end of the lowest level ranked, or untriaged when nothing is ranked yet.
    std::optional<int> lastLevel;
    for (int r = std::min<int>(targetRow, int(m_ids.size())) - 1; r >= 0 && !lastLevel; --r)
        lastLevel = r == row ? std::nullopt : levelAt(r);
    m_workspace->undoStack()->push(new RankDeltaCommand(m_workspace, m_first, m_ids.at(row),
                                                        lastLevel.value_or(0), std::nullopt));
    return true;
}

bool PriorityRankingModel::moveUp(int row)
{
    return row > 0 && moveDelta(row, row - 1);
}

bool PriorityRankingModel::moveDown(int row)
{
    const std::optional<int> nextLevel = levelAt(row + 1);
    if (!levelAt(row) || !nextLevel)
        return false; // the last ranked delta, or one the organisation has not ranked
    // After the next delta: before the one after it when that shares its level, else at the
    // end of the next delta's level.
    const std::optional<int> afterLevel = levelAt(row + 2);
    const std::optional<qint64> before
        = afterLevel == nextLevel ? std::optional<qint64>(m_ids.at(row + 2)) : std::nullopt;
    m_workspace->undoStack()->push(
        new RankDeltaCommand(m_workspace, m_first, m_ids.at(row), *nextLevel, before));
    return true;
}

int PriorityRankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int PriorityRankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriorityRankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == DeltaIdRole)
        return m_ids.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == RankColumn || index.column() == IdColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != StrongRole && role != LevelRole
        && role != Qt::ToolTipRole) {
        return {};
    }
    const DisagreementRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == StrongRole)
        return row->strong;
    if (role == LevelRole)
        return row->first ? QVariant(*row->first) : QVariant();
    if (role == Qt::EditRole)
        return index.column() == FirstColumn && row->first ? QVariant(*row->first) : QVariant();
    if (role == Qt::ToolTipRole) {
        if (!row->strong)
            return {};
        return tr("%1 says %2, %3 says %4")
            .arg(m_firstName,
                 row->first ? Levels::title(Levels::priorityName(*row->first)) : tr("nothing"),
                 m_secondName,
                 row->second ? Levels::title(Levels::priorityName(*row->second)) : tr("nothing"));
    }
    switch (index.column()) {
    case RankColumn: return row->first ? QVariant(index.row() + 1) : QVariant();
    case IdColumn: return row->deltaId;
    case KindColumn: return Levels::title(Levels::kindName(row->kind));
    case TitleColumn: return row->title;
    case FirstColumn:
        return row->first ? Levels::title(Levels::priorityName(*row->first)) : QString();
    case SecondColumn:
        return row->second ? Levels::title(Levels::priorityName(*row->second)) : QString();
    case ImpactColumn:
        return row->topImpact ? Levels::title(Levels::impactName(*row->topImpact)) : QString();
    default: return {};
    }
}

bool PriorityRankingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != FirstColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    // An int 0..4 sets the level; an invalid value removes the priority.
    std::optional<int> level;
    if (value.isValid() && !value.isNull()) {
        bool ok = false;
        level = value.toInt(&ok);
        if (!ok || *level < 0 || *level > 4)
            return false;
    }
    const std::optional<int> before = levelAt(index.row());
    if (before == level)
        return true;
    m_workspace->undoStack()->push(
        new SetPriorityCommand(m_workspace, m_first, m_ids.at(index.row()), before, level));
    return true;
}

QVariant PriorityRankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        const bool number = section == RankColumn || section == IdColumn;
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter)
                                   | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn: return tr("Place in %1's ranking").arg(m_firstName);
        case FirstColumn: return tr("%1's priority (editable)").arg(m_firstName);
        case SecondColumn: return tr("%1's priority").arg(m_secondName);
        case ImpactColumn: return tr("The highest impact on any user group");
        default: return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn: return tr("Rank");
    case IdColumn: return tr("ID");
    case KindColumn: return tr("Kind");
    case TitleColumn: return tr("Title");
    case FirstColumn: return m_firstName;
    case SecondColumn: return m_second ? m_secondName : tr("(compare with…)");
    case ImpactColumn: return tr("Top impact");
    default: return {};
    }
}

Qt::ItemFlags PriorityRankingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // below the last row: to the end
    Qt::ItemFlags flags
        = QAbstractTableModel::flags(index) | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == FirstColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QStringList PriorityRankingModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *PriorityRankingModel::mimeData(const QModelIndexList &indexes) const
{
    // One delta at a time: the row of the first index dragged.
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << m_first << m_ids.at(indexes.first().row());
    data->setData(kMimeType, bytes);
    return data;
}

bool PriorityRankingModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                           const QModelIndex &) const
{
    return action == Qt::MoveAction && data && data->hasFormat(kMimeType);
}

bool PriorityRankingModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                        const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    QDataStream stream(data->data(kMimeType));
    qint64 organisation = 0;
    qint64 deltaId = 0;
    stream >> organisation >> deltaId;
    const int from = rowOf(deltaId);
    if (stream.status() != QDataStream::Ok || organisation != m_first || from < 0)
        return false;
    // Dropped on a row: before it. Between rows: 'row' says where; below all: the end.
    const int target = parent.isValid() ? parent.row() : (row < 0 ? int(m_ids.size()) : row);
    moveDelta(from, target);
    // The move is done (or refused with an error); nothing for the view to remove.
    return false;
}

} // namespace Deltaboard
