#pragma once

#include <QDialog>

class QTableWidget;

namespace Deltaboard {

class Workspace;

// A board's archived cards, newest first; Restore puts the selected ones back on the board as
// one undo step.
class ArchivedCardsDialog : public QDialog
{
    Q_OBJECT

public:
    ArchivedCardsDialog(Workspace *workspace, qint64 organisationId, const QString &name,
                        QWidget *parent = nullptr);

    int count() const;
    // Restores the cards on these rows.
    void restoreRows(const QList<int> &rows);

private:
    void reload();

    Workspace *m_workspace;
    qint64 m_organisationId;
    QTableWidget *m_table;
    QList<qint64> m_ids;
};

} // namespace Deltaboard
