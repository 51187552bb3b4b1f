#include "boardmodel.h"

#include "movecardcommand.h"
#include "organisationstore.h"

#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deltaboard {

BoardModel::BoardModel(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{}

Status BoardModel::load(qint64 organisationId)
{
    OrganisationStore organisations(m_db);
    auto board = organisations.board(organisationId);
    if (!board)
        return Error{board.error()};
    const auto cards = TaskStore(m_db).boardCards(organisationId);
    if (!cards)
        return Error{cards.error()};

    QHash<qint64, QList<BoardCard>> byColumn;
    for (const BoardCard &card : *cards)
        byColumn[card.columnId].append(card);
    const QList<BoardColumnModel *> old = m_columns;
    m_columns.clear();
    m_organisationId = organisationId;
    m_board = std::move(board).value();
    for (const BoardColumn &column : std::as_const(m_board.columns)) {
        auto *model = new BoardColumnModel(this, column);
        model->m_filter = m_filter;
        model->setCards(byColumn.value(column.id));
        m_columns.append(model);
    }
    if (const Status lanes = readLanes(); !lanes)
        return lanes;
    Q_EMIT boardReset();
    // Views drop their pointers on boardReset(); only then do the old models go.
    qDeleteAll(old);
    return {};
}

Status BoardModel::readLanes()
{
    m_laneOf.clear();
    m_lanes.clear();
    if (m_swimlanes == Swimlanes::None || m_organisationId <= 0)
        return {};
    auto keys = TaskStore(m_db).laneKeys(m_organisationId, m_swimlanes);
    if (!keys)
        return Error{keys.error()};
    m_laneOf = std::move(keys).value();
    QHash<QString, Lane> lanes;
    for (auto it = m_laneOf.cbegin(); it != m_laneOf.cend(); ++it) {
        Lane &lane = lanes[it->label];
        lane.key = *it;
        ++lane.cards;
    }
    m_lanes = lanes.values();
    std::sort(m_lanes.begin(), m_lanes.end(), [](const Lane &a, const Lane &b) {
        if (a.key.order != b.key.order)
            return a.key.order < b.key.order;
        return a.key.label.compare(b.key.label, Qt::CaseInsensitive) < 0;
    });
    return {};
}

Status BoardModel::setSwimlanes(Swimlanes mode)
{
    if (mode == m_swimlanes)
        return {};
    m_swimlanes = mode;
    const Status read = readLanes();
    Q_EMIT boardReset();
    return read;
}

void BoardModel::requestLaneChange(qint64 taskId, const QString &lane, const CardPosition &to)
{
    if (laneOf(taskId) == lane) {
        requestMove(taskId, to);
        return;
    }
    switch (m_swimlanes) {
    case Swimlanes::Assignee: Q_EMIT laneChangeRequested(taskId, lane, to); return;
    case Swimlanes::Priority:
        Q_EMIT laneChangeRefused(tr("A card's priority is its deltas' priority: set it on the "
                                    "deltas (Deltas or Priorities view), not by moving the card"));
        return;
    case Swimlanes::Group:
        Q_EMIT laneChangeRefused(tr("The group a card hurts comes from its deltas' impact: "
                                    "assess it in the Impact view, not by moving the card"));
        return;
    case Swimlanes::Component:
        Q_EMIT laneChangeRefused(tr("A card's component is its deltas' component: it does not "
                                    "change by moving the card"));
        return;
    case Swimlanes::None: requestMove(taskId, to); return;
    }
}

BoardColumnModel *BoardModel::columnModel(qint64 columnId) const
{
    for (BoardColumnModel *model : m_columns) {
        if (model->column().id == columnId)
            return model;
    }
    return nullptr;
}

int BoardModel::cardCount() const
{
    int count = 0;
    for (const BoardColumnModel *model : m_columns)
        count += model->cardCount();
    return count;
}

int BoardModel::shownCount() const
{
    int count = 0;
    for (const BoardColumnModel *model : m_columns)
        count += model->shownCount();
    return count;
}

void BoardModel::setFilter(const QString &text)
{
    m_filter = text.trimmed();
    for (BoardColumnModel *model : std::as_const(m_columns))
        model->setFilter(m_filter);
}

std::optional<CardPosition> BoardModel::positionOf(qint64 taskId) const
{
    for (const BoardColumnModel *model : m_columns) {
        const QList<BoardCard> &cards = model->cards();
        for (int i = 0; i < cards.size(); ++i) {
            if (cards.at(i).id != taskId)
                continue;
            CardPosition position{model->column().id, std::nullopt};
            if (i + 1 < cards.size())
                position.beforeTaskId = cards.at(i + 1).id;
            return position;
        }
    }
    return std::nullopt;
}

void BoardModel::requestMove(qint64 taskId, const CardPosition &to)
{
    const auto from = positionOf(taskId);
    if (!from) {
        Q_EMIT errorOccurred(tr("Task %1 is not on this board.").arg(taskId));
        return;
    }
    if (*from == to)
        return;
    if (!m_undoStack) {
        (void)moveCard(taskId, to);
        return;
    }
    const BoardColumnModel *target = columnModel(to.columnId);
    const QString text = target && to.columnId != from->columnId
                             ? tr("Move card to %1").arg(target->column().name)
                             : tr("Reorder card");
    m_undoStack->push(new MoveCardCommand(this, taskId, *from, to, text));
}

Status BoardModel::moveCard(qint64 taskId, const CardPosition &to,
                            const std::optional<TaskTimes> &times,
                            std::optional<qint64> expectedColumn)
{
    const auto from = positionOf(taskId);
    BoardColumnModel *source = from ? columnModel(from->columnId) : nullptr;
    BoardColumnModel *target = columnModel(to.columnId);
    if (!source || !target) {
        const QString message
            = tr("Task %1 or column %2 is not on this board.").arg(taskId).arg(to.columnId);
        Q_EMIT errorOccurred(message);
        return Error{message};
    }
    if (const Status moved
        = TaskStore(m_db).move(taskId, to.columnId, to.beforeTaskId, times, expectedColumn);
        !moved) {
        Q_EMIT errorOccurred(moved.error());
        return moved;
    }
    BoardCard card = source->takeCard(taskId);
    card.columnId = to.columnId;
    target->insertCard(std::move(card), to.beforeTaskId);
    Q_EMIT cardMoved(taskId);
    return {};
}

} // namespace Deltaboard
