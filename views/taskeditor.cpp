#include "taskeditor.h"
#include "palette.h"
#include "shown.h"

#include "addcommentcommand.h"
#include "addfixrecordcommand.h"
#include "clock.h"
#include "commentstore.h"
#include "deltaeditcommands.h"
#include "deltastore.h"
#include "history.h"
#include "historyformatter.h"
#include "labeldialog.h"
#include "labelstore.h"
#include "linkdeltacommand.h"
#include "taskstore.h"
#include "updatetaskcommand.h"
#include "workspace.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

TaskEditor::TaskEditor(Workspace *workspace, qint64 taskId, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_taskId(taskId)
    , m_facts(new QLabel(this))
    , m_changedElsewhere(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_assignee(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_deltas(new QListWidget(this))
    , m_fixes(new QTableWidget(this))
    , m_comments(new QListWidget(this))
    , m_newComment(new QPlainTextEdit(this))
    , m_history(new QListWidget(this))
{
    setObjectName(u"taskEditor"_s);
    m_title->setObjectName(u"taskTitle"_s);
    m_assignee->setObjectName(u"taskAssignee"_s);
    m_assignee->setPlaceholderText(tr("Nobody yet"));
    m_description->setObjectName(u"taskDescription"_s);
    m_description->setPlaceholderText(tr("What will be done, and how we will know it is done."));
    m_description->setMaximumHeight(90);
    m_deltas->setObjectName(u"linkedDeltas"_s);
    m_deltas->setMaximumHeight(110);
    m_fixes->setObjectName(u"fixRecords"_s);
    // Tab leaves the table for the next control (arrows move within it); a screen reader
    // names it.
    m_fixes->setTabKeyNavigation(false);
    m_fixes->setAccessibleName(tr("Fix records"));
    m_comments->setObjectName(u"taskComments"_s);
    m_comments->setWordWrap(true);
    m_newComment->setObjectName(u"newComment"_s);
    m_newComment->setPlaceholderText(tr("Add a comment…"));
    m_newComment->setMaximumHeight(54);
    m_history->setObjectName(u"taskHistory"_s);
    m_facts->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Assignee:"), m_assignee);
    form->addRow(tr("Description:"), m_description);
    connect(m_title, &QLineEdit::editingFinished, this, &TaskEditor::applyFields);
    connect(m_assignee, &QLineEdit::editingFinished, this, &TaskEditor::applyFields);

    // Linked deltas.
    auto *deltaBox = new QGroupBox(tr("Deltas this task is for"), this);
    auto *open = new QPushButton(tr("Open"), deltaBox);
    auto *unlink = new QPushButton(tr("Remove"), deltaBox);
    auto *link = new QPushButton(tr("Link Delta…"), deltaBox);
    open->setObjectName(u"openDelta"_s);
    unlink->setObjectName(u"unlinkDelta"_s);
    link->setObjectName(u"linkDelta"_s);
    auto *deltaButtons = new QVBoxLayout;
    deltaButtons->addWidget(open);
    deltaButtons->addWidget(unlink);
    deltaButtons->addWidget(link);
    deltaButtons->addStretch();
    auto *deltaLayout = new QHBoxLayout(deltaBox);
    deltaLayout->addWidget(m_deltas);
    deltaLayout->addLayout(deltaButtons);
    connect(open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedDelta())
            Q_EMIT openDeltaRequested(id);
    });
    connect(m_deltas, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openDeltaRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(unlink, &QPushButton::clicked, this, &TaskEditor::unlinkSelected);
    connect(link, &QPushButton::clicked, this, &TaskEditor::linkDelta);

    // Fix records: where the fix landed, and whether it was verified there.
    auto *fixBox = new QGroupBox(tr("Fix records (done means verified, not merged)"), this);
    m_fixes->setColumnCount(5);
    m_fixes->setHorizontalHeaderLabels(
        {tr("Branch"), tr("Revision"), tr("Version"), tr("Deployed to"), tr("Verified")});
    m_fixes->verticalHeader()->hide();
    m_fixes->horizontalHeader()->setStretchLastSection(true);
    m_fixes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fixes->setMaximumHeight(110);
    auto *addFix = new QPushButton(tr("Add Fix Record…"), fixBox);
    addFix->setObjectName(u"addFixRecord"_s);
    connect(addFix, &QPushButton::clicked, this, &TaskEditor::addFixRecord);
    auto *fixLayout = new QVBoxLayout(fixBox);
    fixLayout->addWidget(m_fixes);
    fixLayout->addWidget(addFix, 0, Qt::AlignLeft);

    // Comments and history side by side.
    auto *commentBox = new QGroupBox(tr("Comments"), this);
    auto *addComment = new QPushButton(tr("Add Comment"), commentBox);
    addComment->setObjectName(u"addComment"_s);
    connect(addComment, &QPushButton::clicked, this, &TaskEditor::addComment);
    auto *commentLayout = new QVBoxLayout(commentBox);
    commentLayout->addWidget(m_comments);
    commentLayout->addWidget(m_newComment);
    commentLayout->addWidget(addComment, 0, Qt::AlignRight);
    auto *historyBox = new QGroupBox(tr("History"), this);
    (new QVBoxLayout(historyBox))->addWidget(m_history);
    auto *lower = new QHBoxLayout;
    lower->addWidget(commentBox, 1);
    lower->addWidget(historyBox, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *labels = buttons->addButton(tr("&Labels…"), QDialogButtonBox::ActionRole);
    labels->setObjectName(u"editTaskLabels"_s);
    connect(labels, &QPushButton::clicked, this, &TaskEditor::editLabels);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_facts);
    m_changedElsewhere->setObjectName(u"taskChangedElsewhere"_s);
    m_changedElsewhere->setWordWrap(true);
    m_changedElsewhere->setStyleSheet(
        u"background: %1; color: %2; padding: 6px; border-radius: 3px;"_s.arg(
            Palette::noticeBackground(palette()).name(), Palette::noticeText(palette()).name()));
    m_changedElsewhere->hide();
    layout->addWidget(m_changedElsewhere);
    layout->addLayout(form);
    layout->addWidget(deltaBox);
    layout->addWidget(fixBox);
    layout->addLayout(lower, 1);
    layout->addWidget(buttons);
    resize(960, 820);

    connect(workspace, &Workspace::tasksChanged, this, &TaskEditor::reload);
    connect(workspace, &Workspace::deltaChanged, this, &TaskEditor::reload);
    reload(); // the empty fields match the empty previous task, so they are filled
}

void TaskEditor::reload()
{
    Database &db = m_workspace->database();
    const auto task = TaskStore(db).get(m_taskId);
    if (!task) {
        // Withdrawn (an undone commit, say), or unreadable: nothing to edit either way.
        const bool gone = task.error().startsWith(u"no task with id"_s);
        m_facts->setText(
            gone ? tr("<b>This task no longer exists.</b>")
                 : tr("<b>Cannot read this task:</b> %1").arg(task.error().toHtmlEscaped()));
        setEnabled(false);
        return;
    }
    setEnabled(true);
    // A field that still shows the old value follows the task (an undo, say); one the user has
    // typed into keeps what was typed.
    const Task previous = m_task;
    m_task = *task;
    QStringList clashes; // fields changed there while typed in here
    if (m_title->text() == previous.title)
        m_title->setText(m_task.title);
    else if (previous.id && previous.title != m_task.title && m_title->text() != m_task.title)
        clashes.append(tr("title"));
    if (m_assignee->text() == previous.assignee)
        m_assignee->setText(m_task.assignee);
    else if (previous.id && previous.assignee != m_task.assignee
             && m_assignee->text() != m_task.assignee)
        clashes.append(tr("assignee"));
    if (m_description->toPlainText() == previous.description)
        m_description->setPlainText(m_task.description);
    else if (previous.id && previous.description != m_task.description
             && m_description->toPlainText() != m_task.description)
        clashes.append(tr("description"));
    if (!clashes.isEmpty()) {
        m_changedElsewhere->setText(
            tr("<b>Changed by %1</b> while you were typing (%2). What you typed is kept and "
               "saved over theirs when you close; Escape takes theirs.")
                .arg(History(db).lastChange(u"task"_s, m_taskId).toHtmlEscaped(),
                     clashes.join(u", "_s)));
        m_changedElsewhere->show();
    }
    setWindowTitle(tr("Task %1 — %2").arg(m_task.id).arg(m_task.title));
    QStringList facts{u"<b>%1</b>"_s.arg(m_task.organisation.toHtmlEscaped()),
                      tr("column <b>%1</b>").arg(m_task.column.toHtmlEscaped()),
                      tr("committed %1").arg(Shown::date(m_task.createdAt))};
    if (!m_task.startedAt.isEmpty())
        facts.append(tr("started %1").arg(Shown::date(m_task.startedAt)));
    if (!m_task.doneAt.isEmpty())
        facts.append(tr("done %1").arg(Shown::date(m_task.doneAt)));
    if (const auto labels = LabelStore(db).labelsOf(LabelStore::Target::Task, m_taskId);
        labels && !labels->isEmpty()) {
        QStringList names;
        for (const Label &label : *labels) {
            names.append(
                u"<span style='background-color:%1; color:white;'>&nbsp;%2&nbsp;</span>"_s.arg(
                    label.colour, label.name.toHtmlEscaped()));
        }
        facts.append(names.join(u" "_s));
    }
    m_facts->setText(facts.join(u" · "_s));

    const qint64 selected = selectedDelta();
    m_deltas->clear();
    DeltaStore deltas(db);
    for (const qint64 id : std::as_const(m_task.deltaIds)) {
        const auto delta = deltas.get(id);
        auto *item
            = new QListWidgetItem(delta ? u"#%1  [%2]  %3"_s.arg(id).arg(
                                      Levels::title(Levels::kindName(delta->kind)), delta->title)
                                        : u"#%1"_s.arg(id),
                                  m_deltas);
        item->setData(Qt::UserRole, id);
        if (id == selected)
            m_deltas->setCurrentItem(item);
    }

    const auto fixes = TaskStore(db).fixRecords(m_taskId);
    m_fixes->setRowCount(fixes ? int(fixes->size()) : 0);
    if (fixes) {
        for (int row = 0; row < fixes->size(); ++row) {
            const FixRecord &fix = fixes->at(row);
            const QStringList cells{fix.branch, fix.revision, fix.version, fix.deployedTo,
                                    fix.verifiedAt.isEmpty() ? tr("not yet")
                                                             : Shown::date(fix.verifiedAt)};
            for (int column = 0; column < cells.size(); ++column)
                m_fixes->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }

    m_comments->clear();
    if (const auto comments = CommentStore(db).forTask(m_taskId)) {
        for (const Comment &comment : *comments) {
            m_comments->addItem(
                u"%1 · %2\n%3"_s.arg(comment.author, Shown::date(comment.createdAt), comment.body));
        }
    }
    if (m_comments->count() == 0)
        m_comments->addItem(tr("No comments yet."));

    m_history->clear();
    const HistoryFormatter names(db);
    if (const auto history = History(db).list(u"task"_s, m_taskId)) {
        for (const HistoryEntry &entry : *history) {
            m_history->addItem(u"%1  %2  %3"_s.arg(Shown::dateTime(entry.changedAt), entry.actor,
                                                   names.sentence(entry)));
        }
    }
    m_history->scrollToBottom();
}

void TaskEditor::applyFields()
{
    if (!isEnabled())
        return;
    Task after = m_task;
    after.title = m_title->text().trimmed();
    after.assignee = m_assignee->text().trimmed();
    after.description = m_description->toPlainText();
    if (after.title.isEmpty()) {
        m_title->setText(m_task.title); // a task keeps a title
        return;
    }
    if (after.title == m_task.title && after.assignee == m_task.assignee
        && after.description == m_task.description) {
        return;
    }
    m_workspace->undoStack()->push(new UpdateTaskCommand(m_workspace, m_task, after));
}

void TaskEditor::done(int result)
{
    applyFields(); // closing keeps what was typed (Escape put it back first); Ctrl+Z takes it back
    QDialog::done(result);
}

void TaskEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        // Escape discards what was typed and not yet applied: the fields go back to the task.
        m_title->setText(m_task.title);
        m_assignee->setText(m_task.assignee);
        m_description->setPlainText(m_task.description);
    }
    QDialog::keyPressEvent(event);
}

void TaskEditor::editLabels()
{
    LabelStore labels(m_workspace->database());
    const auto all = labels.list();
    const auto current = labels.labelsOf(LabelStore::Target::Task, m_taskId);
    if (!all || !current)
        return m_workspace->reportError(all ? current.error() : all.error());
    LabelDialog dialog(*all, *current, tr("task #%1").arg(m_taskId), this);
    if (dialog.exec() != QDialog::Accepted
        || (dialog.attached().isEmpty() && dialog.detached().isEmpty()))
        return;
    m_workspace->undoStack()->push(new LabelCommand(m_workspace, LabelStore::Target::Task, m_taskId,
                                                    m_task.organisationId, dialog.attached(),
                                                    dialog.detached(), m_task.title));
}

qint64 TaskEditor::selectedDelta() const
{
    const QListWidgetItem *item = m_deltas->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void TaskEditor::linkDelta()
{
    bool ok = false;
    const int id = QInputDialog::getInt(this, tr("Link Delta"), tr("Delta id:"), 1, 1,
                                        std::numeric_limits<int>::max(), 1, &ok);
    if (ok && m_task.deltaIds.contains(id)) {
        m_workspace->reportError(tr("Delta %1 is already linked to this task.").arg(id));
        return;
    }
    if (ok) {
        m_workspace->undoStack()->push(
            new LinkDeltaCommand(m_workspace, m_task.organisationId, m_taskId, id, true));
    }
}

void TaskEditor::unlinkSelected()
{
    const qint64 id = selectedDelta();
    if (!id)
        return;
    if (m_task.deltaIds.size() == 1) {
        m_workspace->reportError(tr("A task is a commitment to at least one delta; link another "
                                    "before removing this one."));
        return;
    }
    m_workspace->undoStack()->push(
        new LinkDeltaCommand(m_workspace, m_task.organisationId, m_taskId, id, false));
}

void TaskEditor::addFixRecord()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add Fix Record"));
    auto *branch = new QLineEdit(u"main"_s, &dialog);
    auto *revision = new QLineEdit(&dialog);
    auto *version = new QLineEdit(&dialog);
    auto *deployedTo = new QLineEdit(&dialog);
    auto *verified = new QCheckBox(tr("Verified there now"), &dialog);
    revision->setPlaceholderText(tr("commit id"));
    version->setPlaceholderText(tr("first version with the fix"));
    deployedTo->setPlaceholderText(tr("e.g. production"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Branch:"), branch);
    form->addRow(tr("Revision:"), revision);
    form->addRow(tr("Version:"), version);
    form->addRow(tr("Deployed to:"), deployedTo);
    form->addRow(QString(), verified);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || branch->text().trimmed().isEmpty())
        return;
    FixRecord fix;
    fix.taskId = m_taskId;
    fix.branch = branch->text().trimmed();
    fix.revision = revision->text().trimmed();
    fix.version = version->text().trimmed();
    fix.deployedTo = deployedTo->text().trimmed();
    const QString now = Clock::toText(QDateTime::currentDateTimeUtc());
    if (!fix.deployedTo.isEmpty())
        fix.deployedAt = now;
    if (verified->isChecked())
        fix.verifiedAt = now;
    m_workspace->undoStack()->push(
        new AddFixRecordCommand(m_workspace, m_task.organisationId, fix));
}

void TaskEditor::addComment()
{
    const QString text = m_newComment->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    Comment comment;
    comment.taskId = m_taskId;
    comment.body = text;
    m_workspace->undoStack()->push(
        new AddCommentCommand(m_workspace, m_task.organisationId, comment));
    m_newComment->clear();
}

} // namespace Deltaboard
