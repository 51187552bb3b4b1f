#pragma once

#include "viewpage.h"

#include <optional>

namespace Deltaboard {

class Database;
class DeltaListView;
class DeltaTableModel;
class Workspace;

// The inbox: every delta with the current organisation's priority, searched by text, and the
// selected delta in detail.
class DeltasPage : public ViewPage
{
    Q_OBJECT

public:
    DeltasPage(Database &db, Workspace *workspace, QWidget *parent);

    DeltaTableModel *model() const { return m_deltas; }
    DeltaListView *view() const { return m_view; }

    Entry entry() const override;
    QWidget *widget() const override;
    QString searchPlaceholder() const override;
    void search(const QString &text) override;
    void setOrganisation(qint64 id, const QString &name,
                         const QList<std::pair<qint64, QString>> &all) override;
    QString status() const override;
    QList<qint64> selectedDeltas() const override;
    void deltaChanged(qint64 deltaId) override;
    void deltasAdded() override;
    // The list and its total read again (a restore, an import, a demo).
    void reset();

private:
    Database &m_db;
    DeltaTableModel *m_deltas;
    DeltaListView *m_view;
    // All deltas in the database, counted when deltas come or go, not on every search.
    mutable std::optional<int> m_totalDeltas;
};

} // namespace Deltaboard
