#pragma once

#include "records.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace Deltaboard {

// The labels of one delta or task: every label with a check box, checked when the record has
// it, and a field to make a new one. The caller applies the difference as one undo step.
class LabelDialog : public QDialog
{
    Q_OBJECT

public:
    LabelDialog(const QList<Label> &all, const QList<Label> &current, const QString &what,
                QWidget *parent = nullptr);

    // Names to put on and to take off, compared with 'current'.
    QStringList attached() const;
    QStringList detached() const;

private:
    void addNew();

    QStringList m_current;
    QListWidget *m_list;
    QLineEdit *m_new;
};

} // namespace Deltaboard
