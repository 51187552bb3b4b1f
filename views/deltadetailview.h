#pragma once

#include "records.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace Deltaboard {

class Workspace;

// One delta in full, beside the inbox: its labels and where it came from (a link to the source
// tracker), what is desired and what actually happens side by side, the details rendered from
// Markdown, the crash reports of a crash delta, the current organisation's priority and the
// impact and affected users per user group, its relations to other deltas, which organisations
// have committed to it, its comments and its history. Everything editable is an undo step; the
// fields are edited in a DeltaEditor that reports another's change instead of overwriting it.
// The workspace is not owned.
class DeltaDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit DeltaDetailView(Workspace *workspace, QWidget *parent = nullptr);

    // Shows this delta (0: none) as seen by this organisation (0: none chosen).
    void showDelta(qint64 deltaId, qint64 organisationId);
    qint64 deltaId() const { return m_deltaId; }
    // Reads the shown delta again (after an edit or an undo).
    void reload();

    // The editor for the shown delta's fields (F2); returns when it closes.
    void edit();
    // The labels of the shown delta.
    void editLabels();
    // Relates the shown delta to another one, found by title or #id.
    void addRelation();
    // Comments the text in the comment field.
    void addComment();

    // Shown at most this many comments and history rows until "Show all" is pressed.
    static constexpr int kPage = 50;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // A related delta's link was followed.
    void openDeltaRequested(qint64 deltaId);

private:
    void priorityChosen(int index);
    void impactChosen(int row);
    void usersEdited(int row);
    void linkActivated(const QString &link);
    // The shown delta as stored now; nothing (the error said) when none is shown or it is gone.
    std::optional<Delta> shownDelta();
    void pushRelationStep(const QString &title, RelationType type, qint64 other, bool add);
    void reloadConversation(const Delta &delta);
    // Who last changed the delta and when, for a conflict message.
    QString lastChange(qint64 deltaId);

    Workspace *m_workspace;
    qint64 m_deltaId = 0;
    qint64 m_organisationId = 0;
    std::optional<int> m_priority;
    QWidget *m_content;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_priorityLabel;
    QComboBox *m_priorityEditor;
    QLabel *m_desired;
    QLabel *m_actual;
    QTextBrowser *m_details;
    QLabel *m_crashSummary;
    QPlainTextEdit *m_crashText;
    QTableWidget *m_impacts;
    QLabel *m_relations;
    QLabel *m_commitments;
    QLabel *m_labels;
    QListWidget *m_comments;
    QPlainTextEdit *m_newComment;
    QListWidget *m_history;
    QPushButton *m_showAll;
    bool m_showingAll = false;
};

} // namespace Deltaboard
