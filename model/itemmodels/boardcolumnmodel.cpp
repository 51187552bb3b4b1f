#include "boardcolumnmodel.h"

#include "boardmodel.h"
#include "clock.h"
#include "levels.h"

#include <QDataStream>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Deltaboard {

BoardColumnModel::BoardColumnModel(BoardModel *board, BoardColumn column)
    : QAbstractListModel(board)
    , m_board(board)
    , m_column(std::move(column))
{}

int BoardColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

qint64 BoardColumnModel::taskAt(int row) const
{
    return row >= 0 && row < m_shown.size() ? m_cards.at(m_shown.at(row)).id : 0;
}

int BoardColumnModel::rowOf(qint64 taskId) const
{
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_cards.at(m_shown.at(row)).id == taskId)
            return row;
    }
    return -1;
}

const CardDetails *BoardColumnModel::detailsFor(int row) const
{
    const qint64 id = m_cards.at(m_shown.at(row)).id;
    auto it = m_details.constFind(id);
    if (it != m_details.constEnd())
        return &it.value();
    // Read this card and the next ones still missing, one batch: a view paints neighbours next.
    QList<qint64> batch;
    for (int r = row; r < m_shown.size() && batch.size() < TaskStore::kDetailsBatch; ++r) {
        const qint64 candidate = m_cards.at(m_shown.at(r)).id;
        if (!m_details.contains(candidate))
            batch.append(candidate);
    }
    const auto read = TaskStore(m_board->database()).cardDetails(batch);
    if (!read) {
        // Said once; the batch is remembered as empty so painting does not ask again and again.
        m_board->reportError(read.error());
        for (const qint64 taskId : std::as_const(batch))
            m_details.insert(taskId, {});
        return &m_details.find(id).value();
    }
    for (const qint64 taskId : std::as_const(batch))
        m_details.insert(taskId, read->value(taskId)); // missing: a card with no linked deltas
    return &m_details.find(id).value();
}

QVariant BoardColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BoardCard &card = m_cards.at(m_shown.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return card.title;
    case Qt::ToolTipRole: {
        const CardDetails *details = detailsFor(index.row());
        const QDateTime since = details ? Clock::fromText(details->inColumnSince) : QDateTime();
        QString tip = card.title;
        if (!card.assignee.isEmpty())
            tip += u'\n' + tr("Assigned to %1").arg(card.assignee);
        if (card.linkedDeltas == 0)
            tip += u'\n' + tr("No report linked: a chore, not an answer to a delta");
        if (since.isValid()) {
            tip += u'\n'
                   + tr("In this column since %1")
                         .arg(QLocale().toString(since.toLocalTime().date(), QLocale::ShortFormat));
        }
        return tip;
    }
    case Qt::AccessibleTextRole: {
        // What a screen reader says of a card: its title, column, priority and impact.
        const CardDetails *details = detailsFor(index.row());
        QStringList parts{card.title, tr("column %1").arg(m_column.name)};
        if (details && details->priority)
            parts.append(
                tr("priority %1").arg(Levels::title(Levels::priorityName(*details->priority))));
        if (card.topImpact) {
            const QString level = Levels::title(Levels::impactName(*card.topImpact));
            parts.append(details && !details->topGroup.isEmpty()
                             ? tr("impact %1 on %2").arg(level, details->topGroup)
                             : tr("impact %1").arg(level));
        }
        if (!card.assignee.isEmpty())
            parts.append(tr("assigned to %1").arg(card.assignee));
        return parts.join(u", "_s);
    }
    case Qt::AccessibleDescriptionRole:
        return tr("Task %1. Enter opens it; Ctrl+Left and Ctrl+Right move it between columns, "
                  "Ctrl+Up and Ctrl+Down within the column.")
            .arg(card.id);
    case TaskIdRole: return card.id;
    case AssigneeRole: return card.assignee;
    case LabelsRole: return card.labels;
    case LabelColoursRole: return card.labelColours;
    case LinkedDeltasRole: return card.linkedDeltas;
    case TopImpactRole: return card.topImpact ? QVariant(*card.topImpact) : QVariant();
    case CreatedAtRole: return Clock::fromText(card.createdAt);
    case PriorityRole:
    case KindsRole:
    case TopGroupRole:
    case InColumnSinceRole: {
        const CardDetails *details = detailsFor(index.row());
        if (!details)
            return {};
        if (role == KindsRole)
            return details->kinds;
        if (role == TopGroupRole)
            return details->topGroup;
        if (role == InColumnSinceRole)
            return Clock::fromText(details->inColumnSince);
        return details->priority ? QVariant(*details->priority) : QVariant();
    }
    default: return {};
    }
}

QHash<int, QByteArray> BoardColumnModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TaskIdRole, "taskId");
    names.insert(TitleRole, "title");
    names.insert(AssigneeRole, "assignee");
    names.insert(LinkedDeltasRole, "linkedDeltas");
    names.insert(TopImpactRole, "topImpact");
    names.insert(PriorityRole, "priority");
    names.insert(KindsRole, "kinds");
    names.insert(TopGroupRole, "topGroup");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(InColumnSinceRole, "inColumnSince");
    return names;
}

Qt::ItemFlags BoardColumnModel::flags(const QModelIndex &index) const
{
    // Cards are dragged; drops land between cards (on the root), never onto a card.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions BoardColumnModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions BoardColumnModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList BoardColumnModel::mimeTypes() const
{
    return {QString(kMimeType)};
}

QMimeData *BoardColumnModel::mimeData(const QModelIndexList &indexes) const
{
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    for (const QModelIndex &index : indexes) {
        if (index.isValid())
            stream << index.data(TaskIdRole).toLongLong();
    }
    auto *data = new QMimeData; // the caller (the drag) takes ownership
    data->setData(QString(kMimeType), encoded);
    return data;
}

bool BoardColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &parent) const
{
    return data && data->hasFormat(QString(kMimeType)) && action == Qt::MoveAction
           && !parent.isValid();
}

QList<qint64> BoardColumnModel::taskIdsOf(const QMimeData *data)
{
    QDataStream stream(data->data(QString(kMimeType)));
    QList<qint64> ids;
    while (!stream.atEnd()) {
        qint64 id = 0;
        stream >> id;
        if (stream.status() != QDataStream::Ok)
            break;
        ids.append(id);
    }
    return ids;
}

bool BoardColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                    int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<qint64> ids = taskIdsOf(data);
    // Cards land before the card shown at 'row' (or at the end); a card dropped just before
    // itself stays put.
    std::optional<qint64> before;
    if (row >= 0 && row < rowCount())
        before = taskAt(row);
    for (const qint64 id : std::as_const(ids)) {
        if (before && *before == id)
            continue;
        m_board->requestMove(id, {m_column.id, before});
    }
    // The board has already moved the cards in both column models. Returning false tells the
    // dragging view not to remove the source rows itself, which would remove the wrong ones.
    return false;
}

bool BoardColumnModel::matches(const BoardCard &card) const
{
    if (m_filter.isEmpty())
        return true;
    // "#42" (or "42") is the card's id; otherwise words of its title, its assignee's name or
    // one of its labels.
    QStringView number(m_filter);
    if (number.startsWith(u'#'))
        number = number.mid(1);
    bool isId = false;
    const qint64 id = number.toLongLong(&isId);
    if (isId && id == card.id)
        return true;
    return card.title.contains(m_filter, Qt::CaseInsensitive)
           || card.assignee.contains(m_filter, Qt::CaseInsensitive)
           || std::any_of(card.labels.begin(), card.labels.end(), [this](const QString &label) {
                  return label.contains(m_filter, Qt::CaseInsensitive);
              });
}

void BoardColumnModel::setCards(QList<BoardCard> cards)
{
    beginResetModel();
    m_cards = std::move(cards);
    m_details.clear();
    showMatching();
    endResetModel();
    Q_EMIT cardCountChanged();
}

void BoardColumnModel::showMatching()
{
    m_shown.clear();
    for (int i = 0; i < m_cards.size(); ++i) {
        if (matches(m_cards.at(i)))
            m_shown.append(i);
    }
}

void BoardColumnModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    // The cards stay what they were: so do the details already read for them.
    beginResetModel();
    m_filter = text;
    showMatching();
    endResetModel();
    Q_EMIT cardCountChanged();
}

BoardCard BoardColumnModel::takeCard(qint64 taskId)
{
    const auto it = std::find_if(m_cards.cbegin(), m_cards.cend(),
                                 [taskId](const BoardCard &card) { return card.id == taskId; });
    if (it == m_cards.cend())
        return {};
    const int index = int(it - m_cards.cbegin());
    const int row = int(m_shown.indexOf(index));
    if (row >= 0)
        beginRemoveRows({}, row, row);
    BoardCard card = m_cards.takeAt(index);
    if (row >= 0)
        m_shown.removeAt(row);
    for (int &shown : m_shown) {
        if (shown > index)
            --shown;
    }
    if (row >= 0)
        endRemoveRows();
    Q_EMIT cardCountChanged();
    return card;
}

void BoardColumnModel::insertCard(BoardCard card, std::optional<qint64> beforeTaskId)
{
    int index = int(m_cards.size());
    if (beforeTaskId) {
        for (int i = 0; i < m_cards.size(); ++i) {
            if (m_cards.at(i).id == *beforeTaskId) {
                index = i;
                break;
            }
        }
    }
    // Its row among the shown cards: after every shown card that comes before it.
    const int row = int(std::count_if(m_shown.cbegin(), m_shown.cend(),
                                      [index](int shown) { return shown < index; }));
    const bool shown = matches(card);
    if (shown)
        beginInsertRows({}, row, row);
    for (int &i : m_shown) {
        if (i >= index)
            ++i;
    }
    m_cards.insert(index, std::move(card));
    if (shown) {
        m_shown.insert(row, index);
        endInsertRows();
    }
    Q_EMIT cardCountChanged();
}

} // namespace Deltaboard
