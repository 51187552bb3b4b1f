#pragma once

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;

namespace Deltaboard {

class Workspace;

// One delta in full, beside the inbox: what is desired and what actually happens side by side,
// the details rendered from Markdown, the crash reports of a crash delta, the current
// organisation's priority and the impact on each user group (both editable, each edit an undo
// step), and which organisations have committed to it. The workspace is not owned.
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

private:
    void priorityChosen(int index);
    void impactChosen(int row);

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
    QLabel *m_commitments;
};

} // namespace Deltaboard
