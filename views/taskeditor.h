#pragma once

#include "records.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;

namespace Deltaboard {

class Workspace;

// One task in full: title, assignee and description, the deltas it is linked to (add, remove,
// open), its fix records, its comments and its history. Every change is an undo step on the
// workspace's stack and applies at once; the text fields apply when editing ends or the editor
// closes, so nothing typed is lost. The workspace is not owned.
class TaskEditor : public QDialog
{
    Q_OBJECT

public:
    TaskEditor(Workspace *workspace, qint64 taskId, QWidget *parent = nullptr);

    qint64 taskId() const { return m_taskId; }
    // Reads the task again; keeps what is being typed in the text fields.
    void reload();
    // The task's labels: check them on and off, make new ones; one undo step.
    void editLabels();

Q_SIGNALS:
    void openDeltaRequested(qint64 deltaId);

protected:
    void done(int result) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyFields();
    void linkDelta();
    void unlinkSelected();
    void addFixRecord();
    void addComment();
    qint64 selectedDelta() const;

    Workspace *m_workspace;
    qint64 m_taskId;
    Task m_task;
    QLabel *m_facts;
    // Someone else changed a field this form has typed text in (a team database, another
    // program): said, never overwritten silently.
    QLabel *m_changedElsewhere;
    QLineEdit *m_title;
    QLineEdit *m_assignee;
    QPlainTextEdit *m_description;
    QListWidget *m_deltas;
    QTableWidget *m_fixes;
    QListWidget *m_comments;
    QPlainTextEdit *m_newComment;
    QListWidget *m_history;
};

} // namespace Deltaboard
