#pragma once

#include "records.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Deltaboard {

class Database;

// "Relate #12 to…": how (blocks, depends on, same as…) and which delta, found by words of its
// title or by #id as it is typed, its title shown before anything is saved. Reads only.
class RelationDialog : public QDialog
{
    Q_OBJECT

public:
    RelationDialog(Database &db, const Delta &delta, QWidget *parent = nullptr);

    RelationType type() const;
    qint64 otherId() const;
    // Preselects a relation type (a menu entry that already says which).
    void setType(RelationType type);

private:
    void search();

    Database &m_db;
    qint64 m_deltaId;
    QComboBox *m_type;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_chosen;
    QPushButton *m_ok;
};

} // namespace Deltaboard
