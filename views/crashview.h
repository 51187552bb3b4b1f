#pragma once

#include "records.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedLayout;
class QTableView;
class QTableWidget;

namespace Deltaboard {

class CrashListModel;
class Database;

// The Crashes view: crash deltas by report count (regressions flagged), and for the selected
// one its reports per version, and the frames of a chosen report with the frames its signature
// names highlighted. Commit… and "Same as Defect…" act on the selected crash delta. The model
// and database are not owned; no SQL here (the stores are asked).
class CrashView : public QWidget
{
    Q_OBJECT

public:
    CrashView(CrashListModel *model, Database &db, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QTableWidget *frames() const { return m_frames; }
    QComboBox *reports() const { return m_reports; }
    qint64 currentDelta() const;
    bool selectDelta(qint64 deltaId);
    // The list was read again.
    void updateState();

Q_SIGNALS:
    void commitRequested();
    void linkToDefectRequested(qint64 crashDeltaId);

private:
    void showCurrent();
    void showReport(int index);

    CrashListModel *m_model;
    Database &m_db;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_regressed;
    QChartView *m_versions;
    QComboBox *m_reports;
    QTableWidget *m_frames;
    QLabel *m_reportNote;
    QPushButton *m_commit;
    QPushButton *m_link;
    QList<CrashReport> m_loaded;
    qint64 m_shown = 0;
};

} // namespace Deltaboard
