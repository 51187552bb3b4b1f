#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedLayout;
class QTableView;

namespace Deltaboard {

class PriorityRankingModel;

// The Priorities view: the current organisation's ranking, side by side with another
// organisation's priorities, strong disagreements highlighted and filterable. Re-rank by drag
// or Ctrl+Up/Down; type 0-4 to set the priority (Delete removes it); Enter opens the delta.
// The model is not owned.
class PrioritiesView : public QWidget
{
    Q_OBJECT

public:
    explicit PrioritiesView(PriorityRankingModel *model, QWidget *parent = nullptr);

    // The organisations to choose from and the current one (whose ranking is shown).
    void setOrganisations(const QList<std::pair<qint64, QString>> &organisations, qint64 current);
    // Compares with this organisation (0: none).
    void compareWith(qint64 organisationId);
    void setStrongOnly(bool strongOnly);
    QTableView *table() const { return m_table; }
    // A ranking this login may read but not change (another organisation's, on a team
    // database, or while the connection is gone): no dragging, editing or priority keys.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    qint64 currentDelta() const;
    bool selectDelta(qint64 deltaId);

Q_SIGNALS:
    void openDeltaRequested(qint64 deltaId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyOrganisations();
    void updateState();

    PriorityRankingModel *m_model;
    QLabel *m_title;
    QComboBox *m_compare;
    QCheckBox *m_strongOnly;
    QLabel *m_hint;
    QTableView *m_table;
    bool m_readOnly = false;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    QList<std::pair<qint64, QString>> m_organisations;
    qint64 m_current = 0;
    qint64 m_keep = 0; // the delta to select again after the model resets
    bool m_nobodyChosen = false;
};

} // namespace Deltaboard
