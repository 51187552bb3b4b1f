#include "mainwindow.h"

#include "model/database.h"
#include "model/deltastore.h"
#include "model/deltatablemodel.h"
#include "views/deltalistview.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Deltaboard {

MainWindow::MainWindow(std::unique_ptr<Database> db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_model(new DeltaTableModel(*m_db, this))
    , m_deltaList(new DeltaListView(m_model, this))
    , m_counts(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("%1 — Deltaboard").arg(QFileInfo(m_db->path()).fileName()));
    setCentralWidget(m_deltaList);
    m_counts->setObjectName(u"statusCounts"_s);
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->showMessage(m_db->path());

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_deltaList->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_deltaList->searchField()->selectAll();
    });

    connect(m_deltaList, &DeltaListView::countChanged, this, &MainWindow::updateStatus);
    updateStatus(m_model->totalCount());
}

MainWindow::~MainWindow()
{
    // The model reads through the database: it goes first.
    delete m_deltaList;
    delete m_model;
}

void MainWindow::updateStatus(int matching)
{
    const auto counted = DeltaStore(*m_db).count({});
    const int total = counted ? *counted : 0;
    const QLocale locale;
    const QString all = total == 1 ? tr("1 delta") : tr("%1 deltas").arg(locale.toString(total));
    m_counts->setText(matching == total ? all : tr("%1 of %2").arg(locale.toString(matching), all));
}

} // namespace Deltaboard
