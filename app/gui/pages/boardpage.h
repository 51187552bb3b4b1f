#pragma once

#include "viewpage.h"

namespace Deltaboard {

class BoardModel;
class BoardView;
class Database;

// The current organisation's Kanban board: its cards, filtered by the search field.
class BoardPage : public ViewPage
{
    Q_OBJECT

public:
    // The model is not owned (the window keeps it: its moves are undo steps of the window's
    // stack); the view is made here, a child of 'parent'.
    BoardPage(Database &db, BoardModel *board, QWidget *parent);

    BoardModel *model() const { return m_board; }
    BoardView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    QString searchPlaceholder() const override;
    void search(const QString &text) override;
    void setOrganisation(qint64 id, const QString &name,
                         const QList<std::pair<qint64, QString>> &all) override;
    QString status() const override;
    void deltaChanged(qint64 deltaId) override;
    void tasksChanged(qint64 organisationId) override;

private:
    void reload();

    Database &m_db;
    BoardModel *m_board;
    BoardView *m_view;
    QString m_organisation;
    bool m_anyOrganisation = false;
};

} // namespace Deltaboard
