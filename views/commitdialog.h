#pragma once

#include <QDialog>

class QLineEdit;

namespace Deltaboard {

// Asks for the title of a new commitment and shows what it covers: the deltas, and which other
// organisations have already committed to them (a commitment is per organisation, so that is
// information, not a conflict).
class CommitDialog : public QDialog
{
    Q_OBJECT

public:
    // 'deltas' are lines describing the deltas; 'others' lines naming existing commitments.
    CommitDialog(const QString &organisation, const QStringList &deltas, const QStringList &others,
                 const QString &suggestedTitle, QWidget *parent = nullptr);

    QString title() const;

private:
    QLineEdit *m_title;
};

} // namespace Deltaboard
