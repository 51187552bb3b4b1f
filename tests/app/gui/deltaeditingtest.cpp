#include "testdatabase.h"
#include "testmain.h"

#include "app/gui/mainwindow.h"
#include "app/gui/savedviewactions.h"

#include "boardcolumnmodel.h"
#include "boardmodel.h"
#include "commentstore.h"
#include "deltaeditcommands.h"
#include "deltastore.h"
#include "deltatablemodel.h"
#include "groupstore.h"
#include "impactmatrixmodel.h"
#include "labelstore.h"
#include "organisationstore.h"
#include "relationstore.h"
#include "savedviewstore.h"
#include "taskstore.h"
#include "trackerimport.h"
#include "triagestore.h"
#include "views/boardcolumnview.h"
#include "views/deltadetailview.h"
#include "views/deltalistview.h"
#include "views/taskeditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Deltaboard;
using namespace DeltaboardTest;

// A delta's life in the app from an empty database: every field edited, related to others from
// both ends, labelled (and a card), found by #id from every view, sorted, saved as a view, and
// every step undone; another's concurrent edit is reported, not overwritten; imported comments
// are shown.
class DeltaEditingTest : public QObject
{
    Q_OBJECT

private:
    // Runs 'fill' on the next modal dialog once 'open' has opened it.
    void withDialog(const std::function<void(QWidget *)> &fill, const std::function<void()> &open)
    {
        bool ran = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            fill(dialog);
            ran = true;
        });
        open();
        QVERIFY(ran);
    }

    static void clickOk(QWidget *dialog)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        buttons->button(QDialogButtonBox::Ok)->click();
    }

    // Runs a window action as its shortcut or menu entry would (after a dialog closed, the
    // offscreen platform may leave no window active to receive a key).
    void trigger(const QString &name, const QKeySequence &shortcut)
    {
        auto *action = m_window->findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QCOMPARE(action->shortcut(), shortcut);
        action->trigger();
    }

    Database &db() { return m_window->database(); }
    Delta stored(qint64 id) { return DeltaStore(db()).get(id).value(); }

    QStringList relationsOf(qint64 id)
    {
        QStringList seen;
        const QList<DeltaRelation> relations = RelationStore(db()).forDelta(id).value();
        for (const DeltaRelation &r : relations)
            seen.append(u"%1 #%2"_s.arg(Levels::relationKey(r.type)).arg(r.otherId));
        return seen;
    }

    void showDelta(qint64 id)
    {
        m_window->showView(MainWindow::View::Deltas);
        QVERIFY(m_window->deltaList()->selectDelta(id));
        QCOMPARE(m_window->deltaList()->detail()->deltaId(), id);
    }

    void undoAll()
    {
        QUndoStack *stack = m_window->undoStack();
        while (stack->canUndo())
            stack->undo();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setDefaultFormat(QSettings::NativeFormat);
    }

    void init()
    {
        QSettings().clear();
        m_temp = std::make_unique<TempDatabase>();
        auto database = m_temp->open();
        QVERIFY(database);
        // A small workspace made as a new team would: one organisation, two components.
        m_org = OrganisationStore(*database).create(u"Kestrel"_s)->id;
        m_compositor = GroupStore(*database).createComponent(u"Compositor"_s, {})->id;
        m_input = GroupStore(*database).createComponent(u"Input"_s, {})->id;
        DeltaStore deltas(*database);
        const auto add = [&deltas](const QString &title, DeltaKind kind) {
            Delta d;
            d.title = title;
            d.kind = kind;
            d.desired = u"It works"_s;
            return deltas.create(d).value();
        };
        m_a = add(u"Cursor flickers on resume"_s, DeltaKind::Defect);
        m_b = add(u"Session restore spec"_s, DeltaKind::Spec);
        m_c = add(u"Crash in seat handling"_s, DeltaKind::Crash);
        m_task = TaskStore(*database).commit(m_org, u"Fix the flicker"_s, {m_a}).value();
        m_window = std::make_unique<MainWindow>(std::move(database));
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_temp.reset();
    }

    void shouldEditEveryFieldAndUndoEachStep()
    {
        const Delta original = stored(m_a);
        showDelta(m_a);
        struct Step
        {
            const char *name;
            std::function<void(QWidget *)> fill;
            std::function<bool(const Delta &)> holds;
        };
        const QList<Step> steps = {
            {"title",
             [](QWidget *d) {
                 d->findChild<QLineEdit *>(u"editDeltaTitle"_s)->setText(u"Cursor flickers"_s);
             },
             [](const Delta &d) {
                 return d.title == u"Cursor flickers"_s;
             }},
            {"kind",
             [](QWidget *d) {
                 auto *kind = d->findChild<QComboBox *>(u"editDeltaKind"_s);
                 kind->setCurrentIndex(kind->findData(int(DeltaKind::Spec)));
             },
             [](const Delta &d) {
                 return d.kind == DeltaKind::Spec;
             }},
            {"component",
             [](QWidget *d) {
                 auto *component = d->findChild<QComboBox *>(u"editDeltaComponent"_s);
                 component->setCurrentIndex(component->findText(u"Input"_s));
             },
             [this](const Delta &d) {
                 return d.componentId == m_input;
             }},
            {"found in",
             [](QWidget *d) {
                 d->findChild<QLineEdit *>(u"editDeltaFoundIn"_s)->setText(u"6.1"_s);
             },
             [](const Delta &d) {
                 return d.foundIn == u"6.1"_s;
             }},
            {"reporter",
             [](QWidget *d) {
                 d->findChild<QLineEdit *>(u"editDeltaReporter"_s)->setText(u"ana"_s);
             },
             [](const Delta &d) {
                 return d.reporter == u"ana"_s;
             }},
            {"desired",
             [](QWidget *d) {
                 d->findChild<QPlainTextEdit *>(u"editDeltaDesired"_s)->setPlainText(u"Steady"_s);
             },
             [](const Delta &d) {
                 return d.desired == u"Steady"_s;
             }},
            {"actual",
             [](QWidget *d) {
                 d->findChild<QPlainTextEdit *>(u"editDeltaActual"_s)->setPlainText(u"Blinks"_s);
             },
             [](const Delta &d) {
                 return d.actual == u"Blinks"_s;
             }},
            {"details",
             [](QWidget *d) {
                 d->findChild<QPlainTextEdit *>(u"editDeltaDetails"_s)
                     ->setPlainText(u"Seen with **two** monitors"_s);
                 // The preview renders the Markdown.
                 d->findChild<QTabWidget *>(u"editDeltaDetailsTabs"_s)->setCurrentIndex(1);
                 QCOMPARE(d->findChild<QTextBrowser *>(u"editDeltaPreview"_s)->toPlainText(),
                          u"Seen with two monitors"_s);
             },
             [](const Delta &d) {
                 return d.details == u"Seen with **two** monitors"_s;
             }},
        };
        for (const Step &step : steps) {
            withDialog(
                [&step](QWidget *dialog) {
                    QCOMPARE(dialog->objectName(), u"editDeltaDialog"_s);
                    step.fill(dialog);
                    clickOk(dialog);
                },
                [this] { trigger(u"editDeltaAction"_s, QKeySequence(Qt::Key_F2)); });
            QVERIFY2(step.holds(stored(m_a)), step.name);
        }
        QCOMPARE(m_window->undoStack()->count(), int(steps.size()));
        QVERIFY2(m_window->undoStack()->undoText().contains(u"Cursor flickers"_s),
                 qPrintable(m_window->undoStack()->undoText()));
        // The history reads as sentences.
        auto *history = m_window->findChild<QListWidget *>(u"deltaHistory"_s);
        QVERIFY2(history->item(history->count() - 1)->text().contains(u"wrote the details"_s),
                 qPrintable(history->item(history->count() - 1)->text()));

        // Escape discards an edit: nothing is written.
        withDialog(
            [](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"editDeltaTitle"_s)->setText(u"Never saved"_s);
                QTest::keyClick(dialog, Qt::Key_Escape);
            },
            [this] { trigger(u"editDeltaAction"_s, QKeySequence(Qt::Key_F2)); });
        QCOMPARE(stored(m_a).title, u"Cursor flickers"_s);

        // Each step undoes, newest first, back to the delta as it was.
        for (int i = int(steps.size()) - 1; i >= 0; --i) {
            QVERIFY(steps.at(i).holds(stored(m_a)));
            m_window->undoStack()->undo();
            QVERIFY2(!steps.at(i).holds(stored(m_a)), steps.at(i).name);
        }
        QVERIFY(sameEditableFields(stored(m_a), original));
    }

    void shouldRelateAndUnrelateFromBothEnds_data()
    {
        QTest::addColumn<QString>("key");
        for (const RelationType type : Levels::relationTypes())
            QTest::newRow(qPrintable(Levels::relationKey(type))) << Levels::relationKey(type);
    }

    void shouldRelateAndUnrelateFromBothEnds()
    {
        QFETCH(QString, key);
        const RelationType type = *Levels::relationFromKey(key);
        const RelationType fromB
            = Levels::isSymmetric(type.kind) ? type : RelationType{type.kind, !type.reverse};
        const Delta beforeA = stored(m_a);
        const Delta beforeB = stored(m_b);
        showDelta(m_a);
        // GIVEN the Relate dialog, B found by its #id with its title shown
        withDialog(
            [&](QWidget *dialog) {
                auto *kind = dialog->findChild<QComboBox *>(u"relationType"_s);
                kind->setCurrentIndex(kind->findData(key));
                dialog->findChild<QLineEdit *>(u"relationSearch"_s)->setText(u"#%1"_s.arg(m_b));
                QVERIFY(dialog->findChild<QLabel *>(u"relationChosen"_s)
                            ->text()
                            .contains(u"Session restore spec"_s));
                clickOk(dialog);
            },
            [this] {
                trigger(u"relateDeltaAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
            });
        // THEN each end reads it its way, in the store and on screen
        QCOMPARE(relationsOf(m_a), QStringList{u"%1 #%2"_s.arg(key).arg(m_b)});
        QCOMPARE(relationsOf(m_b),
                 QStringList{u"%1 #%2"_s.arg(Levels::relationKey(fromB)).arg(m_a)});
        auto *relations = m_window->findChild<QLabel *>(u"deltaRelations"_s);
        QVERIFY(relations->text().contains(Levels::relationName(type)));

        // WHEN it is removed from B's end THEN it is gone from both
        showDelta(m_b);
        QVERIFY(relations->text().contains(Levels::relationName(fromB)));
        Q_EMIT relations->linkActivated(
            u"unrelate:%1:%2"_s.arg(Levels::relationKey(fromB)).arg(m_a));
        QCOMPARE(relationsOf(m_a), QStringList());
        QCOMPARE(relationsOf(m_b), QStringList());

        // … and undo puts it back, then takes it away, leaving both deltas as they were
        m_window->undoStack()->undo();
        QCOMPARE(relationsOf(m_a).size(), 1);
        m_window->undoStack()->undo();
        QCOMPARE(relationsOf(m_a), QStringList());
        QCOMPARE(stored(m_a).state, beforeA.state);
        QCOMPARE(stored(m_b).state, beforeB.state);
        QVERIFY(!m_window->undoStack()->canUndo());
    }

    void shouldLabelADeltaAndACardAndFilterByTheLabel()
    {
        showDelta(m_a);
        // A label nobody has made yet, typed in the delta's Labels dialog.
        withDialog(
            [](QWidget *dialog) {
                auto *name = dialog->findChild<QLineEdit *>(u"newLabel"_s);
                name->setText(u"regression"_s);
                QTest::keyClick(name, Qt::Key_Return);
                clickOk(dialog);
            },
            [this] { trigger(u"labelDeltaAction"_s, QKeySequence(Qt::CTRL | Qt::Key_L)); });
        const auto labels = LabelStore(db()).labelsOf(LabelStore::Target::Delta, m_a);
        QCOMPARE(labels->size(), 1);
        QCOMPARE(labels->first().name, u"regression"_s);
        QVERIFY(m_window->findChild<QLabel *>(u"deltaLabels"_s)->text().contains(u"regression"_s));

        // The Deltas view filters by it.
        QComboBox *filter = m_window->deltaList()->labelFilter();
        filter->setCurrentIndex(filter->findText(u"regression"_s));
        auto *table = m_window->deltaList()->table();
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, DeltaTableModel::IdColumn).data().toLongLong(), m_a);
        filter->setCurrentIndex(0);

        // The card gets it in its editor; the board's search finds it by the label.
        TaskEditor *editor = m_window->openTask(m_task);
        withDialog(
            [](QWidget *dialog) {
                auto *list = dialog->findChild<QListWidget *>(u"labelList"_s);
                QCOMPARE(list->count(), 1);
                list->item(0)->setCheckState(Qt::Checked);
                clickOk(dialog);
            },
            [editor] { editor->findChild<QPushButton *>(u"editTaskLabels"_s)->click(); });
        QCOMPARE(LabelStore(db()).labelsOf(LabelStore::Target::Task, m_task)->size(), 1);
        editor->close();
        m_window->showView(MainWindow::View::Board);
        m_window->setSearchText(u"regress"_s);
        const auto shownCards = [this] {
            int shown = 0;
            for (BoardColumnModel *column : m_window->boardModel()->columns())
                shown += column->shownCount();
            return shown;
        };
        QTRY_COMPARE(shownCards(), 1);
        m_window->setSearchText({});

        // Undo takes the card's label off, then the delta's, and the label made for it goes.
        undoAll();
        QCOMPARE(countRows(db(), u"task_labels"_s), 0);
        QCOMPARE(countRows(db(), u"delta_labels"_s), 0);
        QCOMPARE(countRows(db(), u"labels"_s), 0);
    }

    void shouldFindByIdFromEveryView()
    {
        QVERIFY(TriageStore(db()).setPriority(m_org, m_a, 3));
        QVERIFY(TriageStore(db()).setPriority(m_org, m_b, 1));
        auto *search = m_window->findChild<QLineEdit *>(u"searchField"_s);
        for (const MainWindow::View view :
             {MainWindow::View::Deltas, MainWindow::View::Priorities, MainWindow::View::Impact,
              MainWindow::View::Gap, MainWindow::View::Crashes, MainWindow::View::Flow}) {
            m_window->showView(view);
            QVERIFY(search->isEnabled());
            search->setText(u"#%1"_s.arg(m_b));
            QTest::keyClick(search, Qt::Key_Return);
            QCOMPARE(m_window->currentView(), MainWindow::View::Deltas);
            QCOMPARE(m_window->deltaList()->detail()->deltaId(), m_b);
        }
        // On the board a number is first a card: its editor opens.
        m_window->showView(MainWindow::View::Board);
        search->setText(QString::number(m_task));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(m_window->findChild<TaskEditor *>());
        QCOMPARE(m_window->findChild<TaskEditor *>()->taskId(), m_task);
        m_window->findChild<TaskEditor *>()->close();
        // A number that is nothing says so.
        search->setText(u"#987654"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"987654"_s));
        // The Priorities view's search hides the rows that do not match.
        m_window->showView(MainWindow::View::Priorities);
        m_window->setSearchText(u"#%1"_s.arg(m_a));
        auto *ranking = m_window->findChild<QTableView *>(u"prioritiesTable"_s);
        QVERIFY(ranking);
        int visible = 0;
        for (int row = 0; row < ranking->model()->rowCount(); ++row)
            visible += ranking->isRowHidden(row) ? 0 : 1;
        QCOMPARE(visible, 1);
        m_window->setSearchText(u"session"_s);
        visible = 0;
        for (int row = 0; row < ranking->model()->rowCount(); ++row)
            visible += ranking->isRowHidden(row) ? 0 : 1;
        QCOMPARE(visible, 1);
        m_window->setSearchText({});
    }

    void shouldSortByColumnsAndRecallASavedView()
    {
        showDelta(m_a);
        auto *table = m_window->deltaList()->table();
        QAbstractItemModel *model = table->model();
        auto column = [model](int c) {
            QStringList values;
            for (int row = 0; row < model->rowCount(); ++row)
                values.append(model->index(row, c).data().toString());
            return values;
        };
        // Title, kind and state, each way.
        for (const int c : {int(DeltaTableModel::TitleColumn), int(DeltaTableModel::KindColumn),
                            int(DeltaTableModel::StateColumn)}) {
            table->horizontalHeader()->setSortIndicator(c, Qt::AscendingOrder);
            QStringList values = column(c);
            QStringList sorted = values;
            std::sort(sorted.begin(), sorted.end(), [](const QString &x, const QString &y) {
                return x.compare(y, Qt::CaseInsensitive) < 0;
            });
            QCOMPARE(values, sorted);
            table->horizontalHeader()->setSortIndicator(c, Qt::DescendingOrder);
            std::reverse(sorted.begin(), sorted.end());
            QCOMPARE(column(c), sorted);
        }
        QCOMPARE(column(DeltaTableModel::TitleColumn).size(), 3);

        // Save kind = spec, sorted by title, searching "session" as a view; recall it.
        auto *kind = m_window->findChild<QComboBox *>(u"kindFilter"_s);
        kind->setCurrentIndex(kind->findText(u"spec"_s));
        table->horizontalHeader()->setSortIndicator(DeltaTableModel::TitleColumn,
                                                    Qt::DescendingOrder);
        m_window->setSearchText(u"session"_s);
        QVERIFY(m_window->savedViews()->saveCurrent(u"Specs"_s));
        QCOMPARE(SavedViewStore(db()).list(m_org)->size(), 1);
        kind->setCurrentIndex(0);
        m_window->setSearchText({});
        table->horizontalHeader()->setSortIndicator(DeltaTableModel::IdColumn, Qt::AscendingOrder);
        m_window->showView(MainWindow::View::Board);
        auto *recall = m_window->findChild<QAction *>(u"savedView:Specs"_s);
        QVERIFY(recall);
        QCOMPARE(recall->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_1));
        recall->trigger();
        QCOMPARE(m_window->currentView(), MainWindow::View::Deltas);
        QCOMPARE(kind->currentText(), u"spec"_s);
        QCOMPARE(m_window->searchText(), u"session"_s);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
                 int(DeltaTableModel::TitleColumn));
        QTRY_COMPARE(model->rowCount(), 1);
        // Undo removes the saved view again.
        m_window->undoStack()->undo();
        QCOMPARE(SavedViewStore(db()).list(m_org)->size(), 0);
        QCOMPARE(m_window->savedViews()->views().size(), 0);
    }

    void shouldReportAConcurrentEditInsteadOfLosingIt()
    {
        // Another Deltaboard on the same file: a second connection in this process.
        auto other = Database::open(m_temp->path());
        QVERIFY(other);
        (*other)->setActor(u"bea"_s);
        // Texts as imports keep them (Windows line ends, a blank around a version): the widgets
        // show them normalised, which must not count as typed.
        {
            Delta imported = stored(m_a);
            imported.details = u"Line one\r\nLine two"_s;
            imported.foundIn = u" 6.1 "_s;
            QVERIFY(DeltaStore(db()).update(imported));
        }
        showDelta(m_a);
        QWidget *editor = nullptr;
        withDialog(
            [&](QWidget *dialog) {
                editor = dialog;
                dialog->findChild<QLineEdit *>(u"editDeltaTitle"_s)->setText(u"Mine"_s);
                // Bea saves her title while this one is being typed.
                Delta theirs = DeltaStore(**other).get(m_a).value();
                theirs.title = u"Theirs"_s;
                theirs.actual = u"Blinks twice"_s;
                theirs.details = u"Their details"_s;
                theirs.foundIn = u"6.2"_s;
                QVERIFY(DeltaStore(**other).update(theirs));
                clickOk(dialog);
                // THEN the editor stays open and says who changed it; nothing was overwritten
                auto *banner = dialog->findChild<QWidget *>(u"deltaConflict"_s);
                QVERIFY(banner->isVisible());
                QVERIFY(banner->findChild<QLabel *>()->text().contains(u"bea"_s));
                QCOMPARE(stored(m_a).title, u"Theirs"_s);
                // WHEN "save mine over theirs" THEN the title is mine and her other field stays
                dialog->findChild<QPushButton *>(u"conflictKeepMine"_s)->click();
            },
            [this] { trigger(u"editDeltaAction"_s, QKeySequence(Qt::Key_F2)); });
        QVERIFY(editor);
        QCOMPARE(stored(m_a).title, u"Mine"_s);
        QCOMPARE(stored(m_a).actual, u"Blinks twice"_s);
        QCOMPARE(stored(m_a).details, u"Their details"_s);
        QCOMPARE(stored(m_a).foundIn, u"6.2"_s);

        // Loading theirs instead discards what was typed.
        withDialog(
            [&](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"editDeltaTitle"_s)->setText(u"Mine again"_s);
                Delta theirs = DeltaStore(**other).get(m_a).value();
                theirs.title = u"Theirs again"_s;
                QVERIFY(DeltaStore(**other).update(theirs));
                clickOk(dialog);
                dialog->findChild<QPushButton *>(u"conflictReload"_s)->click();
                QCOMPARE(dialog->findChild<QLineEdit *>(u"editDeltaTitle"_s)->text(),
                         u"Theirs again"_s);
                clickOk(dialog); // nothing of mine left to save
            },
            [this] { trigger(u"editDeltaAction"_s, QKeySequence(Qt::Key_F2)); });
        QCOMPARE(stored(m_a).title, u"Theirs again"_s);
    }

    void shouldShowImportedCommentsFromBugzillaAndLaunchpad()
    {
        const QString samples = QStringLiteral(DELTABOARD_SAMPLES_DIR) + u"/imports/"_s;
        // Launchpad's sample messages belong to bug 1, whose record the samples lack: bug 2's
        // record stands in for it, renumbered, so the real messages have their bug.
        QFile bug2(samples + u"launchpad/perceval_launchpad_issue_2.json"_s);
        QVERIFY(bug2.open(QIODevice::ReadOnly));
        QByteArray bug1 = bug2.readAll();
        bug1.replace("\"id\": 2,", "\"id\": 1,").replace("/bugs/2", "/bugs/1");
        const QString bug1Path = m_temp->path(u"launchpad_bug_1.json"_s);
        QFile out(bug1Path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bug1);
        out.close();
        const auto imported = TrackerImport(db()).importFiles(
            {samples + u"bugzilla-rest/perceval_bugzilla_rest_bugs.json"_s,
             samples + u"bugzilla-rest/perceval_bugzilla_rest_bugs_comments.json"_s, bug1Path,
             samples + u"launchpad/perceval_launchpad_issue_1_comments.json"_s});
        QVERIFY2(imported, qPrintable(imported.error()));
        m_window->reloadAll();
        for (const QString &tracker : {u"bugzilla"_s, u"launchpad"_s}) {
            const auto found = db().scalar(
                u"SELECT c.delta_id FROM comments c JOIN deltas d ON d.id = c.delta_id WHERE "
                u"d.source_tracker = ? GROUP BY c.delta_id ORDER BY count(*) DESC LIMIT 1"_s,
                {tracker});
            QVERIFY2(found && found->isValid(), qPrintable(tracker));
            const qint64 id = found->toLongLong();
            const auto comments = CommentStore(db()).forDelta(id).value();
            showDelta(id);
            auto *list = m_window->findChild<QListWidget *>(u"deltaComments"_s);
            QCOMPARE(list->count(), int(comments.size()));
            QVERIFY2(list->item(0)->text().startsWith(comments.first().author),
                     qPrintable(list->item(0)->text()));
            QVERIFY(list->item(0)->text().contains(comments.first().body.trimmed().left(20)));
            // The source is named, and a link to the tracker where the import knows its address.
            const QString facts = m_window->findChild<QLabel *>(u"deltaFacts"_s)->text();
            QVERIFY2(facts.contains(u"from "_s) && facts.contains(tracker), qPrintable(facts));
            if (!DeltaStore(db()).get(id)->source.url.isEmpty())
                QVERIFY2(facts.contains(u"<a href"_s), qPrintable(facts));
            else
                QVERIFY(tracker == u"bugzilla"_s); // its REST export has no address per bug
        }
    }

    void shouldSortTheHeatMapByItsColumns()
    {
        GroupStore groups(db());
        const qint64 desktop = groups.createGroup(u"Desktop users"_s, {}, 100)->id;
        const qint64 servers = groups.createGroup(u"Server admins"_s, {}, 10)->id;
        TriageStore triage(db());
        QVERIFY(triage.setImpact(m_a, desktop, 3, 40));  // heaviest: 3 × 100
        QVERIFY(triage.setImpact(m_b, desktop, 1, 900)); // 1 × 100 + 4 × 10
        QVERIFY(triage.setImpact(m_b, servers, 4, {}));
        QVERIFY(triage.setImpact(m_c, servers, 2, 5)); // 2 × 10
        m_window->reloadAll();
        m_window->showView(MainWindow::View::Impact);
        ImpactMatrixModel *model = m_window->impactMatrix();
        auto order = [model] {
            QList<qint64> ids;
            for (int row = 0; row < model->rowCount(); ++row)
                ids.append(model->deltaAt(row));
            return ids;
        };
        QCOMPARE(order(), (QList<qint64>{m_a, m_b, m_c})); // heaviest first
        auto *table = m_window->findChild<QTableView *>(u"impactMap"_s);
        QVERIFY(table);
        QHeaderView *header = table->horizontalHeader();
        const int serversColumn = model->columnOfGroup(servers);
        header->setSortIndicator(serversColumn, Qt::DescendingOrder);
        QCOMPARE(order(), (QList<qint64>{m_b, m_c, m_a})); // critical, medium, not assessed
        header->setSortIndicator(ImpactMatrixModel::UsersColumn, Qt::DescendingOrder);
        QCOMPARE(order(), (QList<qint64>{m_b, m_a, m_c})); // 900, 40, 5 affected users
        header->setSortIndicator(ImpactMatrixModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(order(), (QList<qint64>{m_c, m_a, m_b})); // Crash…, Cursor…, Session…
    }

    void shouldStepBetweenColumnsWithOneCardSelected()
    {
        // A second card, in the third column.
        const auto board = OrganisationStore(db()).board(m_org);
        NewTask task{m_org, u"Review the patch"_s,   {},          {},
                     {},    board->columns.at(2).id, std::nullopt};
        QVERIFY(TaskStore(db()).add(task));
        m_window->workspace()->notifyTasksChanged(m_org);
        m_window->showView(MainWindow::View::Board);
        const QList<BoardColumnView *> columns = m_window->findChildren<BoardColumnView *>();
        QVERIFY(columns.size() >= 3);
        auto selectedCount = [&columns] {
            int selected = 0;
            for (BoardColumnView *column : columns)
                selected += int(column->list()->selectionModel()->selectedIndexes().size());
            return selected;
        };
        QListView *first = columns.at(0)->list();
        first->setFocus();
        first->setCurrentIndex(first->model()->index(0, 0));
        QCOMPARE(selectedCount(), 1);
        // Right skips the empty column and lands on the other card; Left comes back.
        QTest::keyClick(first, Qt::Key_Right);
        QVERIFY(columns.at(2)->list()->hasFocus());
        QCOMPARE(selectedCount(), 1);
        QTest::keyClick(columns.at(2)->list(), Qt::Key_Left);
        QVERIFY(first->hasFocus());
        QCOMPARE(selectedCount(), 1);
        // Clicking into another column's card leaves one selected too.
        columns.at(2)->list()->setCurrentIndex(columns.at(2)->list()->model()->index(0, 0));
        QCOMPARE(selectedCount(), 1);
    }

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_org = 0;
    qint64 m_compositor = 0;
    qint64 m_input = 0;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_c = 0;
    qint64 m_task = 0;
};

DELTABOARD_GUI_TEST_MAIN(DeltaEditingTest)
#include "deltaeditingtest.moc"
