#pragma once

#include "records.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace Deltaboard {

// Records a new delta: what someone desires, and what actually happens. Recording it is not a
// promise to change anything, and the dialog says so.
class NewDeltaDialog : public QDialog
{
    Q_OBJECT

public:
    NewDeltaDialog(const QList<Component> &components, QWidget *parent = nullptr);

    Delta delta() const;

private:
    QComboBox *m_kind;
    QLineEdit *m_title;
    QComboBox *m_component;
    QLineEdit *m_foundIn;
    QPlainTextEdit *m_desired;
    QPlainTextEdit *m_actual;
    QPlainTextEdit *m_details;
};

} // namespace Deltaboard
