#pragma once

#include "records.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QWidget;

namespace Deltaboard {

// Records a new delta, or edits one: kind, title, component, found-in version, reporter, what
// is desired and what actually happens, and the details in Markdown with a preview. Recording a
// delta is not a promise to change anything, and a new one says so. Escape discards.
//
// Editing does not close on Save: the owner checks that nobody changed the delta meanwhile and
// either saves (accept()) or calls showConflict(), which offers to load their version or to
// save this one over it.
class DeltaEditor : public QDialog
{
    Q_OBJECT

public:
    // 'initial.id' 0: a new delta.
    DeltaEditor(const QList<Component> &components, const Delta &initial,
                QWidget *parent = nullptr);

    bool isNew() const { return m_base.id == 0; }
    // The delta as the form has it: the fields typed here over 'theirs' (the stored delta now),
    // so fields nobody touched in this form keep another's change.
    Delta delta(const Delta &theirs) const;
    Delta delta() const { return delta(m_base); }
    // The delta the form was loaded from.
    const Delta &base() const { return m_base; }
    // The fields this form changed from its base, by their labels.
    QStringList changedFields() const;

    // Someone else saved the delta since the form was loaded ('message' says who and when).
    void showConflict(const QString &message, const Delta &theirs);

Q_SIGNALS:
    // Save pressed on an edit (a new delta is accepted at once).
    void saveRequested();

private:
    void load(const Delta &delta);
    void save();

    // The formValues() of what load() put in the form: a field differs from it when typed.
    Delta formValues() const;
    Delta m_base;
    Delta m_loaded;
    Delta m_theirs;
    QComboBox *m_kind;
    QLineEdit *m_title;
    QComboBox *m_component;
    QComboBox *m_severity;
    QLineEdit *m_foundIn;
    QLineEdit *m_fixedIn;
    QLineEdit *m_reporter;
    QPlainTextEdit *m_desired;
    QPlainTextEdit *m_actual;
    QTabWidget *m_detailsTabs;
    QPlainTextEdit *m_details;
    QTextBrowser *m_preview;
    QWidget *m_conflict;
    QLabel *m_conflictText;
    QPushButton *m_save;
};

} // namespace Deltaboard
