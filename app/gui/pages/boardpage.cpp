#include "boardpage.h"

#include "boardmodel.h"
#include "taskstore.h"
#include "views/boardview.h"

#include <QLocale>

#include <algorithm>

namespace Deltaboard {

BoardPage::BoardPage(Database &db, BoardModel *board, QWidget *parent)
    : ViewPage(parent)
    , m_db(db)
    , m_board(board)
    , m_view(new BoardView(board, parent))
{
    connect(m_board, &BoardModel::errorOccurred, this, &ViewPage::errorOccurred);
    connect(m_board, &BoardModel::cardMoved, this, &ViewPage::statusChanged);
    connect(m_board, &BoardModel::boardReset, this, &ViewPage::statusChanged);
}

ViewPage::Entry BoardPage::entry() const
{
    return {QStringLiteral("board"), tr("&Board"), QKeySequence(Qt::CTRL | Qt::Key_1), {}};
}

QWidget *BoardPage::widget() const
{
    return m_view;
}

QString BoardPage::searchPlaceholder() const
{
    return tr("Filter cards by title, assignee or #id (Ctrl+F)");
}

void BoardPage::search(const QString &text)
{
    m_board->setFilter(text);
    Q_EMIT statusChanged();
}

void BoardPage::setOrganisation(qint64 id, const QString &name,
                                const QList<std::pair<qint64, QString>> &all)
{
    m_organisation = name;
    m_anyOrganisation = !all.isEmpty();
    if (id <= 0)
        return;
    if (const Status loaded = m_board->load(id); !loaded)
        Q_EMIT errorOccurred(loaded.error());
}

QString BoardPage::status() const
{
    if (!m_anyOrganisation)
        return tr("No organisations yet");
    const int cards = m_board->cardCount();
    if (!m_board->filter().isEmpty()) {
        return tr("%1 of %2 cards on %3's board match")
            .arg(QLocale().toString(m_board->shownCount()), QLocale().toString(cards),
                 m_organisation);
    }
    return cards == 1 ? tr("1 card on %1's board").arg(m_organisation)
                      : tr("%1 cards on %2's board").arg(QLocale().toString(cards), m_organisation);
}

void BoardPage::reload()
{
    if (const Status loaded = m_board->load(m_board->organisationId()); !loaded)
        Q_EMIT errorOccurred(loaded.error());
}

void BoardPage::deltaChanged(qint64 deltaId)
{
    // Cards show their deltas' priority and impact: the board is read again if one is on it.
    const auto tasks = TaskStore(m_db).tasksForDelta(deltaId);
    if (!tasks) {
        Q_EMIT errorOccurred(tasks.error());
        return;
    }
    const qint64 shown = m_board->organisationId();
    if (std::any_of(tasks->cbegin(), tasks->cend(),
                    [shown](const Task &task) { return task.organisationId == shown; })) {
        reload();
    }
}

void BoardPage::tasksChanged(qint64 organisationId)
{
    if (organisationId == m_board->organisationId())
        reload();
}

} // namespace Deltaboard
