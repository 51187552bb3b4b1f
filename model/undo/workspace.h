#pragma once

#include "database.h"

#include <QObject>

class QUndoCommand;
class QUndoStack;

namespace Deltaboard {

// What the open database's edits go through in the app: the undo stack they are pushed on, and
// the signals that tell every model and view what changed, so each refreshes just that instead
// of reloading everything. Commands emit these after they change the database.
class Workspace : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; both must outlive the workspace.
    Workspace(Database &db, QUndoStack *undoStack, QObject *parent = nullptr);

    Database &database() const { return m_db; }
    QUndoStack *undoStack() const { return m_undoStack; }

    void notifyDeltaChanged(qint64 deltaId) { Q_EMIT deltaChanged(deltaId); }
    void notifyTasksChanged(qint64 organisationId) { Q_EMIT tasksChanged(organisationId); }
    void notifyDeltasAdded() { Q_EMIT deltasAdded(); }
    void notifySettingsChanged() { Q_EMIT settingsChanged(); }
    void notifyLabelsChanged() { Q_EMIT labelsChanged(); }
    void reportError(const QString &message) { Q_EMIT errorOccurred(message); }
    // For undo commands: true when 'status' is a success; otherwise reports the error and makes
    // the command obsolete, so the stack drops it (a step the database refused cannot be undone).
    bool succeeded(QUndoCommand *command, const Status &status);
    template<typename T>
    bool succeeded(QUndoCommand *command, const Result<T> &result)
    {
        return succeeded(command, result ? Status() : Status(Error{result.error()}));
    }

Q_SIGNALS:
    // A delta's fields, priorities, impacts or links changed.
    void deltaChanged(qint64 deltaId);
    // Deltas were created or removed: lists must read their ids again.
    void deltasAdded();
    // An organisation's tasks were created or removed.
    void tasksChanged(qint64 organisationId);
    // Organisations, user groups, components or a board's columns changed: whatever shows them
    // reads them again.
    void settingsChanged();
    // Labels were made or removed: label pickers and filters read them again.
    void labelsChanged();
    void errorOccurred(const QString &message);

private:
    Database &m_db;
    QUndoStack *m_undoStack;
};

} // namespace Deltaboard
