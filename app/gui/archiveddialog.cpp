#include "archiveddialog.h"

#include "boardstore.h"
#include "settingscommands.h"
#include "workspace.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

ArchivedCardsDialog::ArchivedCardsDialog(Workspace *workspace, qint64 organisationId,
                                         const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_organisationId(organisationId)
    , m_table(new QTableWidget(0, 4, this))
{
    setObjectName(u"archivedCards"_s);
    setWindowTitle(tr("Archived Cards — %1").arg(name));
    m_table->setObjectName(u"archivedTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Card"), tr("Assignee"), tr("Done"), tr("Left the board")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *hint = new QLabel(tr("Cards archived, and done cards that left the board after its "
                               "archive period (Workspace Settings › Board). They stay "
                               "searchable, counted and in the cumulative flow; a restored card "
                               "stays on the board for another period."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *restore = buttons->addButton(tr("Restore to Board"), QDialogButtonBox::ActionRole);
    restore->setObjectName(u"restoreCards"_s);
    connect(restore, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(index.row());
        restoreRows(rows);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 420);
    connect(m_workspace, &Workspace::tasksChanged, this, &ArchivedCardsDialog::reload);
    reload();
}

int ArchivedCardsDialog::count() const
{
    return int(m_ids.size());
}

void ArchivedCardsDialog::restoreRows(const QList<int> &rows)
{
    QList<qint64> ids;
    for (const int row : rows) {
        if (row >= 0 && row < m_ids.size())
            ids.append(m_ids.at(row));
    }
    if (!ids.isEmpty())
        m_workspace->undoStack()->push(Settings::restoreCards(m_workspace, m_organisationId, ids));
}

void ArchivedCardsDialog::reload()
{
    const auto cards = BoardStore(m_workspace->database()).archivedCards(m_organisationId);
    if (!cards) {
        m_workspace->reportError(cards.error());
        return;
    }
    m_ids.clear();
    m_table->setRowCount(int(cards->size()));
    for (int i = 0; i < cards->size(); ++i) {
        const ArchivedCard &card = cards->at(i);
        m_ids.append(card.taskId);
        m_table->setItem(i, 0, new QTableWidgetItem(u"#%1  %2"_s.arg(card.taskId).arg(card.title)));
        m_table->setItem(i, 1, new QTableWidgetItem(card.assignee));
        m_table->setItem(i, 2, new QTableWidgetItem(card.doneAt.left(10)));
        m_table->setItem(i, 3, new QTableWidgetItem(card.archivedAt.left(10)));
    }
}

} // namespace Deltaboard
