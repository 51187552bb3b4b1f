#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QStackedLayout;
class QTableView;

namespace Deltaboard {

class GapModel;

// The commitment gap: deltas that hurt a user group highly and that no organisation has an open
// task for, with the groups hurt and how each organisation ranks them. Commit… (Ctrl+Enter)
// commits the current organisation to the selected ones. The model is not owned.
class GapView : public QWidget
{
    Q_OBJECT

public:
    explicit GapView(GapModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QPushButton *commitButton() const { return m_commit; }
    QList<qint64> selectedDeltas() const;
    // The model was refreshed or grew.
    void updateState();
    // The gap's size, counted apart (the model reads it page by page); nullopt: not known yet.
    void setTotal(std::optional<int> total);
    std::optional<int> total() const { return m_total; }

Q_SIGNALS:
    void commitRequested();
    void openDeltaRequested(qint64 deltaId);

private:
    GapModel *m_model;
    QLabel *m_summary;
    QPushButton *m_commit;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    std::optional<int> m_total;
};

} // namespace Deltaboard
