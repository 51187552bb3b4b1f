#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace Deltaboard {

class Database;
class DeltaListView;
class DeltaTableModel;

// The desktop app's window: for now the delta inbox of one database, with counts in the status
// bar. Owns the database connection it shows.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Takes ownership of db.
    explicit MainWindow(std::unique_ptr<Database> db, QWidget *parent = nullptr);
    ~MainWindow() override;

    DeltaListView *deltaList() const { return m_deltaList; }

private:
    void updateStatus(int matching);

    std::unique_ptr<Database> m_db;
    DeltaTableModel *m_model;
    DeltaListView *m_deltaList;
    QLabel *m_counts;
};

} // namespace Deltaboard
