#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;
class QListWidget;

namespace Deltaboard {

// The quick editor behind "New card" in a column: a title, who works on it, and the deltas it
// serves, found by title words or #id. None is fine: a chore shows "no report linked".
class NewCardDialog : public QDialog
{
    Q_OBJECT

public:
    struct Match
    {
        qint64 id = 0;
        QString title;
    };
    // Finds deltas for what the user typed; the dialog runs no query itself.
    using Search = std::function<QList<Match>(const QString &text)>;

    NewCardDialog(const QString &columnName, Search search, QWidget *parent = nullptr);

    QString title() const;
    QString assignee() const;
    // The deltas ticked in the results, in the order they were found.
    QList<qint64> deltaIds() const;
    // Types into the delta search and runs it now (the dialog otherwise waits for a pause).
    void searchDeltas(const QString &text);
    // Lists a delta ticked (one just recorded from here).
    void addDelta(const Match &delta);

Q_SIGNALS:
    // "Record a New Delta…": the delta this card is for is not recorded yet.
    void recordDeltaRequested();

private:
    void runSearch();

    Search m_search;
    QLineEdit *m_title;
    QLineEdit *m_assignee;
    QLineEdit *m_find;
    QListWidget *m_results;
    QList<qint64> m_chosen;
    QList<Match> m_recorded; // recorded from here: listed whatever the search says
};

} // namespace Deltaboard
