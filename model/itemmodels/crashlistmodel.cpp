#include "crashlistmodel.h"

#include "clock.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Deltaboard {

CrashListModel::CrashListModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{}

void CrashListModel::refresh()
{
    beginResetModel();
    m_windows.clear();
    m_error.clear();
    m_totalReports = 0;
    CrashStore store(m_db);
    auto counts = store.counts();
    auto regressed = store.regressedDeltas();
    if (counts && regressed) {
        m_counts = std::move(counts).value();
        m_regressed = std::move(regressed).value();
    } else {
        m_counts.clear();
        m_regressed.clear();
        m_error = !counts ? counts.error() : regressed.error();
    }
    for (const CrashStore::Count &count : std::as_const(m_counts))
        m_totalReports += count.reports;
    endResetModel();
}

qint64 CrashListModel::deltaAt(int row) const
{
    return row >= 0 && row < m_counts.size() ? m_counts.at(row).deltaId : 0;
}

int CrashListModel::rowOf(qint64 deltaId) const
{
    for (int row = 0; row < m_counts.size(); ++row) {
        if (m_counts.at(row).deltaId == deltaId)
            return row;
    }
    return -1;
}

const CrashSummary *CrashListModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_counts.size())
        return nullptr;
    const int window = row / kWindow;
    auto it = m_windows.find(window);
    if (it == m_windows.end()) {
        if (m_windows.size() > 32)
            m_windows.clear();
        QList<qint64> ids;
        for (int r = window * kWindow;
             r < std::min<int>(int(m_counts.size()), (window + 1) * kWindow); ++r)
            ids.append(m_counts.at(r).deltaId);
        const auto rows = CrashStore(m_db).summaries(ids);
        if (!rows) {
            m_error = rows.error();
            return nullptr;
        }
        QHash<qint64, CrashSummary> byId;
        for (const CrashSummary &summary : *rows)
            byId.insert(summary.deltaId, summary);
        QList<CrashSummary> ordered;
        for (const qint64 id : std::as_const(ids)) {
            CrashSummary missing;
            missing.deltaId = id;
            ordered.append(byId.value(id, missing));
        }
        it = m_windows.insert(window, ordered);
    }
    return &it.value().at(row % kWindow);
}

int CrashListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int CrashListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrashListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CrashStore::Count &count = m_counts.at(index.row());
    if (role == DeltaIdRole)
        return count.deltaId;
    if (role == RegressedRole)
        return m_regressed.contains(count.deltaId);
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(
            Qt::Alignment(Qt::AlignVCenter)
            | (index.column() == ReportsColumn ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ReportsColumn: return count.reports;
    case LastSeenColumn: {
        const QDateTime last = Clock::fromText(count.lastSeen);
        return last.isValid() ? QLocale().toString(last.toLocalTime().date(), QLocale::ShortFormat)
                              : count.lastSeen;
    }
    case FlagColumn:
        if (!m_regressed.contains(count.deltaId))
            return {};
        if (const CrashSummary *summary = summaryAt(index.row());
            summary && role == Qt::ToolTipRole)
            return tr("Fixed in %1 (verified), crashing again in %2")
                .arg(summary->fixedIn, summary->regressedIn);
        return tr("regressed");
    default: break;
    }
    const CrashSummary *summary = summaryAt(index.row());
    if (!summary)
        return {};
    switch (index.column()) {
    case SignatureColumn: return role == Qt::ToolTipRole ? summary->title : summary->signature;
    case VersionsColumn: return summary->versions.join(u", "_s);
    default: return {};
    }
}

QVariant CrashListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReportsColumn: return tr("Reports");
    case SignatureColumn: return tr("Signature");
    case LastSeenColumn: return tr("Last seen");
    case VersionsColumn: return tr("Versions");
    case FlagColumn: return tr("Flag");
    default: return {};
    }
}

} // namespace Deltaboard
